"""Static tables (자료·방법): every cell in full — a grid would cut them — as one HTML table.

A table is one Markdown element of HTML (`st.markdown(…, unsafe_allow_html=True)`) in a keyed container
(`.st-key-<key>`, class `bal-static` around the table). `st.table` drew each cell as a Markdown element of
its own (1,000+ for the catalogue: most of 자료·방법's first paint) and its code (~1 MB of JavaScript, with
Arrow's) is loaded on first use, as `st.html`'s is; a page waits for such code (Streamlit shows a
placeholder and React holds the reveal), while Markdown's comes with Streamlit itself. Columns are titled
in the reader's language (`ui.csvs.title`); short columns stay on one line, long ones wrap at a width in
rem (a word longer than that, e.g. an address, breaks anywhere); the table scrolls inside its height and
sideways, its header row stays in view. Cell text is escaped as HTML, and ':' and '$' as entities (the
Markdown renderer would otherwise load its emoji or maths code for a '12:30:' or '$…$'); an address is a
link.
"""
from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from ui import csvs, figures
from ui import format as fmt

WRAP_FROM = 40  # characters: a column whose longest cell is longer wraps (default `wrap`)
CLASS = "bal-static"  # the scrolling box around each table (also what tests and the bench look for)


def cell_text(col: str, v) -> str:
    """One cell as shown: yes/no as ✓/–, missing as '', whole numbers with separators (years without),
    other numbers by magnitude, the rest as its text."""
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return ""
    if isinstance(v, bool):
        return "✓" if v else "–"
    if isinstance(v, int) and not isinstance(v, bool) or hasattr(v, "dtype") and "int" in str(v.dtype):
        return str(int(v)) if "year" in col else f"{int(v):,}"
    if isinstance(v, float) or hasattr(v, "dtype") and "float" in str(v.dtype):
        return str(int(v)) if "year" in col and float(v).is_integer() else fmt.number(float(v))
    return str(v)


def _is_address(text: str) -> bool:
    return text.startswith(("https://", "http://")) and not any(c.isspace() for c in text)


def escaped(text: str) -> str:
    """`text` as HTML text or attribute value: `html.escape`, and ':' and '$' as entities."""
    return html.escape(text, quote=True).replace(":", "&#58;").replace("$", "&#36;")


def cell_html(col: str, v) -> str:
    """`cell_text` escaped (`escaped`); an address in the `url` column a link (opened in a new tab)."""
    text = cell_text(col, v)
    if col == "url" and _is_address(text):
        return f'<a href="{escaped(text)}" target="_blank">{escaped(text)}</a>'
    return escaped(text)


def default_wrap(frame: pd.DataFrame) -> dict[str, int]:
    """Columns to wrap and their width (rem): those with a cell over `WRAP_FROM` characters, 22 rem
    (30 past 200 characters)."""
    out = {}
    for c in frame.columns:
        longest = max((len(cell_text(c, v)) for v in frame[c].tolist()), default=0)
        if longest > WRAP_FROM:
            out[c] = 30 if longest > 200 else 22
    return out


def css(columns: list[str], key: str, wrap: dict[str, int], height: int | None = None) -> str:
    """The table's style, scoped to its container: Streamlit's table look (thin rules, grey header),
    cells on one line unless their column wraps at its width; its layout skipped while it is far from
    the screen (`height`: the size assumed until it was first laid out)."""
    box = f".st-key-{key} .{CLASS}"
    rules = [
        # laid out and painted only near the screen (a table below the fold costs the first view nothing;
        # `auto` keeps the size it last had), and on its own: what changes around it never lays it out again
        f"{box} {{ overflow: auto; border: 1px solid rgba(49, 51, 63, 0.1); border-radius: 0.5rem; "
        f"content-visibility: auto; contain-intrinsic-size: auto {height or 300}px; }}",
        f"@media print {{ {box} {{ content-visibility: visible; }} }}",
        f"{box} table {{ border-collapse: collapse; font-size: 0.875rem; line-height: 1.5; margin: 0; "
        "width: max-content; min-width: 100%; border: none; }",
        f"{box} th, {box} td {{ padding: 0.25rem 0.375rem; border-bottom: 1px solid rgba(49, 51, 63, 0.1); "
        "border-right: 1px solid rgba(49, 51, 63, 0.1); text-align: left; vertical-align: top; "
        "white-space: nowrap; }",
        f"{box} th {{ position: sticky; top: 0; z-index: 1; background: #fafafa; font-weight: 400; "
        "color: rgba(49, 51, 63, 0.6); }",
        f"{box} tr > :last-child {{ border-right: none; }}",
        f"{box} tbody tr:last-child > * {{ border-bottom: none; }}",
    ]
    for i, col in enumerate(columns, start=1):
        if col in wrap:
            rules.append(f"{box} :is(td, th):nth-child({i}) {{ white-space: normal; overflow-wrap: anywhere; "
                         f"width: {wrap[col]}rem; min-width: {wrap[col]}rem; }}")
    return "<style>\n" + "\n".join(rules) + "\n</style>"


def table_html(frame: pd.DataFrame, key: str, lang: str, height: int | None = None,
               wrap: dict[str, int] | None = None) -> tuple[str, str]:
    """The table's two Markdown bodies: its style (an element of CSS only, which presenter mode folds
    away: app.py) and the table in its scrolling box (`height` px at most; None: as tall as its rows)."""
    wrap = default_wrap(frame) if wrap is None else wrap
    cols = list(frame.columns)
    head = "".join(f"<th>{escaped(csvs.title(c, lang))}</th>" for c in cols)
    columns = [[cell_html(c, v) for v in frame[c].tolist()] for c in cols]
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in zip(*columns))
    limit = f' style="max-height: {int(height)}px"' if height else ""
    return (css(cols, key, wrap, height),
            f'<div class="{CLASS}"{limit}><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>')


def show(frame: pd.DataFrame | tuple[str, str], key: str, lang: str, height: int | None = None,
         wrap: dict[str, int] | None = None) -> None:
    """`frame` as a static table in the container `key` (`table_html`, made once per frame and view: a
    frame from a cached builder is keyed by its serial); a tuple is `table_html`'s, already made."""
    style, table = frame if isinstance(frame, tuple) else _cached_html(frame, key, lang, height, wrap)
    with st.container(key=key):
        st.markdown(style, unsafe_allow_html=True)
        st.markdown(table, unsafe_allow_html=True)


_cached_html = figures.cached(table_html)
