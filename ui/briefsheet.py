"""A brief's sheet (지역 브리핑): its parts as HTML strings and its style, on screen and on A4 paper.

A brief is static HTML in Markdown elements (as `ui.statictable`'s tables): drawn as it arrives, with no
element code to wait for, and printed as laid out. Each part (head, facts, tables, sources) is one element,
so print keeps a part whole on a page where it fits. Every text is escaped here (`esc`); a cell or fact
given as `Html` is markup the caller built from escaped parts. The sheet is as wide as A4 paper within
its margins on screen too (186 mm), so what a reader sees is what prints; printed, it is laid out at the
paper's width (the app's print rule scales other pages from their screen width: app.py BASE_CSS).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import streamlit as st

import app_data
from indicators.views import brief as bv
from ui import format as fmt
from ui import sparkline
from ui.i18n import t
from ui.statictable import escaped

KEY = "brief_sheet"  # the container of the sheet (`.st-key-brief_sheet`): print and tests find it by it


class Html(str):
    """Markup built from escaped parts (passed through as is)."""


def esc(text: object) -> Html:
    """`text` as HTML text (`ui.statictable.escaped`: also ':' and '$', which Markdown would read)."""
    if isinstance(text, Html):
        return text
    return Html(escaped("" if text is None else " ".join(str(text).split("\n"))))


def tag(name: str, body: object = "", cls: str = "", **attrs: object) -> Html:
    """`<name class=cls data-…>body</name>`; `attrs` (their `_` written as `-`) and a plain `body` escaped."""
    extra = "".join(f' {k.replace("_", "-")}="{esc(v)}"' for k, v in attrs.items() if v is not None)
    klass = f' class="{cls}"' if cls else ""
    return Html(f"<{name}{klass}{extra}>{esc(body)}</{name}>")


def join(parts: Iterable[object], sep: str = "") -> Html:
    return Html(esc(sep).join(esc(p) for p in parts))


def spark(years: list[int], values: list[float], colour: str, lang: str = "ko") -> Html:
    """A small trend line (`ui.sparkline`, 24 px high); for one year, that year as text."""
    if len(years) < 2:
        return tag("span", t("brief_one_year", lang, y=int(years[0])) if len(years) else "", "one")
    return Html(sparkline.svg(years, values, colour, height=24))


@dataclass(frozen=True)
class Column:
    key: str  # the cell's class (tests read cells by it) and the row dict's key
    title: str
    left: bool = False  # text columns; numbers are right-aligned


SHORT = 14  # a figure of at most this many characters never breaks across lines ('118.5 개/천 명', 'KRW 29.3 mn')


def figure_text(text: object) -> object:
    """A number column's cell: a short figure kept on one line; a long one ('126.5 per 1,000 persons',
    '1.60 명(가임여성 1명당)') may wrap between words (never inside one), so a table fits the sheet's width."""
    if isinstance(text, Html) or not isinstance(text, str) or len(text) > SHORT:
        return text
    return tag("span", text, "nw")


def table(columns: list[Column], rows: list[dict[str, object]], caption: str = "", key: str = "") -> Html:
    """A table of `rows` (column key → text or `Html`; a row's 'id' becomes its `data-id`), scrolling
    sideways on a narrow screen."""
    head = join(tag("th", c.title, "l" if c.left else "") for c in columns)
    body = join(tag("tr", join(tag("td", r.get(c.key, "") if c.left else figure_text(r.get(c.key, "")),
                                   f"{c.key}{' l' if c.left else ''}") for c in columns),
                    data_id=r.get("id")) for r in rows)
    cap = tag("caption", caption) if caption else ""
    return tag("div", Html(f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"),
               "bal-brief-scroll", data_table=key or None)


def fact(label: object, value: object, note: object = "", key: str = "", extra: object = "") -> Html:
    """One boxed figure: its label, the value large, a note and anything `extra` (a trend line) below."""
    return tag("div", join([tag("div", label, "k"), tag("div", value, "v"), tag("div", note, "n") if note else "",
                            extra]), "bal-brief-fact", data_fact=key or None)


def facts(items: list[Html]) -> Html:
    """Boxed figures side by side: four to a row (five or six: three to a row; a phone: two)."""
    items = [i for i in items if i]
    return tag("div", join(items), f"bal-brief-facts cols-{4 if len(items) % 4 == 0 or len(items) < 4 else 3}")


def section(title: object, body: object, note: object = "", key: str = "") -> Html:
    """A part of the sheet: its title, its body, a small note under it."""
    return tag("section", join([tag("div", title, "h"), body, tag("div", note, "note") if note else ""]),
               "bal-brief-part", data_part=key or None)


def head(title: object, subtitle: object, maps: Html, meta: object) -> Html:
    """The sheet's head: the region's name and what it is, the locator maps beside, the boundary set and
    build date under it."""
    text = tag("div", join([tag("div", title, "t"), tag("div", subtitle, "s"), tag("div", meta, "m")]), "txt")
    return tag("header", join([text, tag("div", maps, "maps")]), "bal-brief-head")


def meta(lang: str) -> str:
    """'2026년 7월 경계 · 자료 빌드 2026-12-07 · 균형 …': the run's boundary set and the build's date."""
    date = bv.build_date(app_data.data_version()) or "–"
    return t("brief_meta", lang, boundaries=t(f"set_note_{app_data.boundary_set()}", lang), date=date)


def sources(lang: str, shown: list[tuple[str, int]], extra: list[str] = ()) -> Html:
    """The sources of the figures shown (`shown`: indicator and year), one line per source (producer and
    table, the registry's `cite` block): the figures it gave, each with its year and the vintage of the
    file(s) that gave that year (the build report's lineage); a line for the figures Balance computes (each
    formula in words); then the `extra` lines (month ends, notices)."""
    cat = app_data.catalogue()
    lineage = app_data.build_report().get("lineage", [])
    by_source: dict[str, list[str]] = {}
    formulas: list[str] = []
    for ind_id, year in dict.fromkeys(shown):
        ind = cat.indicators.get(ind_id)
        if ind is None:
            continue
        for leaf in fmt.leaves(ind):
            vint = ", ".join(bv.vintages(lineage, leaf.id, year))
            when = fmt.year_text(year, lang) + (", " + t("brief_vintage", lang, v=vint) if vint else "")
            entry = f"{fmt.name(ind, lang)} ({when})"
            entries = by_source.setdefault(fmt.citation(cat.sources.get(leaf.source), lang), [])
            if entry not in entries:
                entries.append(entry)
        if ind.source == "derived":
            formulas.append(f"{fmt.name(ind, lang)} = {fmt.plain_formula(ind, cat.indicators, lang)}")
    lines = [f"{cite}: {'; '.join(entries)}" for cite, entries in by_source.items()]
    if formulas:
        calc = fmt.citation(cat.sources.get("derived"), lang, short=True) or t("computed_note", lang)
        lines.append(f"{calc}: {'; '.join(dict.fromkeys(formulas))}")
    items = join(tag("li", line) for line in [*lines, *extra])
    return section(t("brief_sources", lang), Html(f'<ol class="bal-brief-src">{items}</ol>'),
                   t("brief_sources_note", lang), key="sources")


CSS = """<style>
.st-key-brief_sheet { max-width: 186mm; gap: 0.6rem; }
.st-key-brief_sheet [data-testid="stElementContainer"]:has(> [data-testid="stMarkdown"] style) { display: none; }
.st-key-brief_sheet .bal-brief-part, .st-key-brief_sheet .bal-brief-head { color: #1f2328; font-size: 0.82rem;
  line-height: 1.4; }
.bal-brief-head { display: flex; justify-content: space-between; align-items: flex-start; gap: 0.8rem;
  border-bottom: 2px solid #1f2328; padding-bottom: 0.4rem; }
.bal-brief-head .txt { flex: 1 1 auto; min-width: 12rem; }
.bal-brief-head .t { font-size: 1.6rem; font-weight: 700; line-height: 1.2; }
.bal-brief-head .s { font-size: 0.95rem; color: #333; margin-top: 0.15rem; }
.bal-brief-head .m { font-size: 0.75rem; color: #555; margin-top: 0.3rem; }
.bal-brief-head .maps { display: flex; align-items: flex-end; gap: 0.4rem; flex: none; }
.bal-brief-head .maps svg { display: block; height: auto; }
.bal-locator path { vector-effect: non-scaling-stroke; stroke-width: 0.7px; }
.bal-brief-part { padding-top: 0.25rem; }
.bal-brief-part .h { font-weight: 700; font-size: 0.95rem; margin: 0 0 0.3rem; }
.bal-brief-part .note { font-size: 0.72rem; color: #555; margin-top: 0.25rem; }
.bal-brief-facts { display: grid; grid-template-columns: repeat(4, 1fr); gap: 0.4rem; }
.bal-brief-facts.cols-3 { grid-template-columns: repeat(3, 1fr); }
.bal-brief-fact { border: 1px solid #d0d7de; border-radius: 0.4rem; padding: 0.3rem 0.5rem; }
.bal-brief-fact .k { font-size: 0.75rem; color: #444; }
.bal-brief-fact .v { font-size: 1.15rem; font-weight: 700; font-variant-numeric: tabular-nums; }
.bal-brief-fact .n { font-size: 0.72rem; color: #444; }
.bal-brief-scroll { overflow-x: auto; }
.st-key-brief_sheet .bal-brief-part table { border-collapse: collapse; width: 100%; font-size: 0.74rem; margin: 0;
  border: none; font-variant-numeric: tabular-nums; }
.st-key-brief_sheet .bal-brief-part th, .st-key-brief_sheet .bal-brief-part td { border: none;
  border-bottom: 1px solid #e1e4e8; padding: 0.15rem 0.22rem; text-align: right; vertical-align: middle; }
.st-key-brief_sheet .bal-brief-part :is(td, th) { word-break: keep-all; }
.st-key-brief_sheet .bal-brief-part .nw { white-space: nowrap; }
.st-key-brief_sheet .bal-brief-part th { font-weight: 400; color: #555; background: #f6f8fa; }
.st-key-brief_sheet .bal-brief-part .l { text-align: left; white-space: normal; }
.st-key-brief_sheet .bal-brief-part td.name { min-width: 8.5rem; }
.st-key-brief_sheet .bal-brief-part td.name small { display: block; color: #666; font-size: 0.68rem; }
.st-key-brief_sheet .bal-brief-part td.trend { width: 4.6rem; min-width: 4.6rem; }
.st-key-brief_sheet .bal-brief-part td.trend .one { font-size: 0.68rem; color: #666; }
.st-key-brief_sheet .bal-brief-part caption { caption-side: bottom; text-align: left; font-size: 0.72rem;
  color: #555; padding-top: 0.2rem; }
.bal-brief-risk { display: inline-block; padding: 0 0.35rem; border-radius: 0.25rem; border: 1px solid #999; }
.st-key-brief_sheet ol.bal-brief-src { margin: 0; padding-left: 1.2rem; font-size: 0.7rem; color: #333; }
.st-key-brief_sheet ol.bal-brief-src li { margin: 0; padding: 0; }
@media (max-width: 640px) { .bal-brief-head { flex-direction: column; }
  .bal-brief-facts.cols-3, .bal-brief-facts.cols-4 { grid-template-columns: repeat(2, 1fr); } }
@media print {
  @page { size: A4 portrait; margin: 12mm; }
  [data-testid="stMainBlockContainer"]:has(.st-key-brief_sheet) { width: 100% !important; zoom: 1 !important; }
  /* on paper, the sheet (it has its own head) and a note about the address, if any: not the page's title row,
     settings or style elements, nor the space around them */
  [data-testid="stMainBlockContainer"]:has(.st-key-brief_sheet) > [data-testid="stVerticalBlock"] { gap: 0.35rem; }
  [data-testid="stMainBlockContainer"]:has(.st-key-brief_sheet) > [data-testid="stVerticalBlock"]
    > :not(:has(.st-key-brief_sheet, [data-testid="stAlert"], [data-testid="stText"])) { display: none !important; }
  .st-key-brief_sheet { max-width: none; gap: 0.35rem; }
  .st-key-brief_sheet .bal-brief-part, .st-key-brief_sheet .bal-brief-head { font-size: 9pt; }
  .st-key-brief_sheet .bal-brief-part table { font-size: 8pt; }
  .bal-brief-scroll { overflow: visible; }
  /* a part may run on to the next page (the app's print rule keeps every element whole), its rows may not */
  .st-key-brief_sheet [data-testid="stElementContainer"] { break-inside: auto; }
  .bal-brief-head, .bal-brief-facts, .bal-brief-part tr, .bal-brief-part li { break-inside: avoid; }
  .bal-brief-part .h { break-after: avoid; }
  .st-key-brief_sheet ol.bal-brief-src { font-size: 7.5pt; }
  .bal-brief-part thead { display: table-header-group; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
</style>"""


def show(parts: list[Html]) -> None:
    """The sheet: its style (an element of CSS only, taking no room), then each part as a Markdown element
    of its own, in the container `KEY`."""
    with st.container(key=KEY):
        st.markdown(CSS, unsafe_allow_html=True)
        for part in parts:
            if part:
                st.markdown(part, unsafe_allow_html=True)
