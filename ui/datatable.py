"""Sortable tables as our own component (`st.components.v2`, like `ui.linechart`): an HTML table drawn in
the page by `ui/assets/datatable.js`, with no grid code to fetch before the page shows.

`st.dataframe`'s grid (about 1.5 MB of JavaScript, fetched on a page's first table) held back the first
paint of every page with a table (bench: 1.7–1.8× an empty page against 1.4× without). This table keeps
what readers used of it: a click on a column's title sorts by it (again: the other way, a third time:
the table's own order), the header row and a pinned first column stay in view while the body scrolls
inside its height, numbers right-aligned in tabular figures, a missing value as '–' (sorted last), a
column's help on its title, a small line per row for a trend, a cell in its class colour.

Columns are set with Streamlit's own column settings (`st.column_config.*`, plain dicts: title, width,
help, pinned, alignment, number format), so a call reads like `st.dataframe`'s. The browser gets, per
column, the texts as shown and the values they sort by: the values are the frame's own (what the CSV
holds), the texts are made here once (`cell_text`).
"""
from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import streamlit as st

from ui import statictable
from ui.context import Ctx
from ui.mapview import component_js

ASSETS = Path(__file__).resolve().parent / "assets"
DEFAULT_HEIGHT = 440  # px: the body scrolls past this unless a height is given (about 12 rows)
WIDTHS = {"small": 75, "medium": 200, "large": 400}  # px, Streamlit's named column widths
WRAP_FROM = 40  # characters: a text column whose longest cell is longer wraps (at 22 rem)
PRINT_ROWS = 30  # rows a printed page shows (then a line: how many more, on screen and in the CSV)

_mount = st.components.v2.component(
    "balance_table", js=component_js("datatable.js"), css=(ASSETS / "datatable.css").read_text(encoding="utf-8"))


def _missing(v) -> bool:
    if v is None:
        return True
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):  # a list (a trend cell)
        return False


def _plain(v):
    """`v` as JSON holds it: numpy numbers as Python's, missing as None, a non-finite float as None."""
    if _missing(v):
        return None
    if hasattr(v, "item") and not isinstance(v, (list, tuple)):
        v = v.item()
    if isinstance(v, float) and not math.isfinite(v):
        return None
    return v


def _kind(conf: dict | None, values: pd.Series) -> str:
    """'number', 'text', 'check' or 'trend': from the column's settings, else from its values."""
    kind = ((conf or {}).get("type_config") or {}).get("type")
    if kind == "number":
        return "number"
    if kind == "checkbox":
        return "check"
    if kind in ("line_chart", "bar_chart", "area_chart"):
        return "trend"
    if kind is not None:
        return "text"
    if pd.api.types.is_bool_dtype(values):
        return "check"
    if pd.api.types.is_numeric_dtype(values):
        return "number"
    return "text"


def cell_text(col: str, v, number_format: str | None) -> str:
    """One cell as shown: '' for a missing value; a number in the column's format (printf as '%.3f' or
    '%d', 'localized': thousands separators, 'percent': ×100 with '%', or Python's as '{:,.1f}'), else as
    `statictable.cell_text`."""
    if _missing(v):
        return ""
    if isinstance(v, bool):
        return "✓" if v else ""
    if number_format and isinstance(v, (int, float)) or number_format and hasattr(v, "dtype"):
        x = float(v)
        if number_format == "localized":
            return f"{x:,.0f}" if x.is_integer() else f"{x:,.2f}"
        if number_format == "percent":
            return f"{x * 100:.2f}%"
        if number_format.startswith("{"):  # a Python format, e.g. '{:,.1f}' (separators and fixed decimals)
            return number_format.format(x)
        if number_format.startswith("%"):
            return number_format % (int(x) if number_format.endswith("d") else x)
    return statictable.cell_text(col, v)


def _width(conf: dict | None) -> int | None:
    w = (conf or {}).get("width")
    return WIDTHS.get(w) if isinstance(w, str) else (int(w) if w else None)


def column(col: str, values: pd.Series, conf: dict | None, backgrounds: list | None = None) -> dict:
    """One column as the browser gets it: title, help, kind, alignment, width, pinned, wrap, and per row
    the text shown (`t`), the value it sorts by (`v`; None for text, which sorts by itself) and where
    given the cell's colours (`bg`: background and ink, or None)."""
    conf = conf or {}
    kind = _kind(conf, values)
    number_format = (conf.get("type_config") or {}).get("format") if kind == "number" else None
    raw = values.tolist()
    if kind == "trend":
        v = [[_plain(x) for x in (cell if cell is not None and not _missing(cell) else [])] for cell in raw]
        texts = [""] * len(raw)
    else:
        v = [_plain(x) for x in raw]
        texts = [cell_text(col, x, number_format) for x in raw]
    if kind == "check":
        v = [None if x is None else bool(x) for x in v]
    if kind == "text":
        v = None  # a text sorts by itself: sent once
    align = conf.get("alignment") or ("right" if kind == "number" else "center" if kind == "check" else "left")
    longest = max((len(t) for t in texts), default=0)
    out = {"key": col, "title": conf.get("label") or col, "help": conf.get("help") or "", "kind": kind,
           "align": align, "width": _width(conf), "pinned": bool(conf.get("pinned")),
           "wrap": kind == "text" and longest > WRAP_FROM, "t": texts, "v": v}
    if backgrounds is not None:
        out["bg"] = backgrounds
    return out


def spec(frame: pd.DataFrame, *, key: str, column_config: dict | None = None,
         column_order: list[str] | None = None, height: int | None = None,
         backgrounds: dict[str, list] | None = None, index: bool = False, presenter: bool = False,
         sortable: bool = True, row_key: str | None = None) -> dict:
    """The JSON the browser draws from: the columns of `column_order` (default: all; a column whose
    setting is None is left out, as in `st.dataframe`), the index first when `index`, the body's height
    at most `height` px. `backgrounds`: column → per row (background, ink) or None; `row_key`: a column
    (shown or not) whose values name the rows (each row's `data-id`)."""
    config = column_config or {}
    data = frame.reset_index() if index else frame
    order = list(column_order) if column_order is not None else list(data.columns)
    if index:
        order = [c for c in data.columns[: frame.index.nlevels]] + [c for c in order if c in frame.columns]
    cols = [column(c, data[c], config.get(c), (backgrounds or {}).get(c))
            for c in order if c in data.columns and not (c in config and config[c] is None)]
    if index:
        for c in cols[: frame.index.nlevels]:
            c["pinned"] = True
    ids = [str(x) for x in data[row_key].tolist()] if row_key else None
    return {"key": key, "columns": cols, "n": len(data), "index": frame.index.nlevels if index else 0, "ids": ids,
            "height": int(height or DEFAULT_HEIGHT),
            "presenter": presenter, "sortable": sortable}


def show(ctx: Ctx, frame: pd.DataFrame, *, key: str, column_config: dict | None = None,
         column_order: list[str] | None = None, height: int | None = None,
         backgrounds: dict[str, list] | None = None, index: bool = False, sortable: bool = True,
         row_key: str | None = None) -> None:
    """Draw `frame` as a table (see `spec`; `sortable`: its titles sort it) in the container keyed `key`."""
    view = spec(frame, key=key, column_config=column_config, column_order=column_order, height=height,
                backgrounds=backgrounds, index=index, presenter=ctx.presenter, sortable=sortable, row_key=row_key)
    if view["n"] > PRINT_ROWS:
        view["print_more"] = ctx.t("table_more_print", n=f"{view['n'] - PRINT_ROWS:,}")
    _mount(data=view, key=key, height="content")
