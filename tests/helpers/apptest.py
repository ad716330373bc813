"""Streamlit AppTest helpers for the app tier: run a page, read its figures and widgets.

Every run is timed (seconds, first run of the AppTest) into TIMINGS under the caller's label;
tests/app/conftest.py prints them after the session. The figures for budgets are the bench's
(`python -m bench`), not these.
"""
from __future__ import annotations

import json
import time
from html.parser import HTMLParser

import pandas as pd
from streamlit.testing.v1 import AppTest

from helpers import APP
from indicators import composite as cx

TIMEOUT = 60  # seconds per AppTest run
TIMINGS: dict[str, float] = {}
HOST = "198.51.100.7"  # TEST-NET-2: a foreign host no request may go to (URL payloads)

# The URL parameters each page reads (ui/state/: mirrored bind/peek names and natively bound keys)
# and its title's i18n key.
PAGE_PARAMS: dict[str, list[str]] = {
    "overview": [],
    "map": ["indicator", "level", "year", "scale", "zoom", "compare"],
    "trends": ["indicator", "view", "measure", "compare", "events"],
    "risk": ["basis", "year", "outline", "search", "desig", "zoom", "month"],
    "region": ["region", "with"],
    "brief": ["region"],
    "disparity": ["level", "indicator", "weighting", "measures", "theil", "events", "common"],
    "composite": ["level", "year", "method", "view", "zoom", "navis_year"] + [f"w_{d.id}" for d in cx.DOMAINS],
    "bivariate": ["indicator", "indicator2", "level", "year", "zoom"],
    "data": ["level"],
}
TITLE_KEYS = {"overview": "overview_title", "map": "map_title", "trends": "trends_title", "risk": "risk_title",
              "region": "region_title", "brief": "brief_title", "disparity": "disp_title", "composite": "comp_title",
              "bivariate": "biv_title", "data": "data_title"}


# The boundary set the tier's checks run in unless a test names another: the end-2024 set, in whose codes
# the raw files (and so the values these tests derive from them) are written — the promise that switching
# to it gives back the 17 시도 / 229 시군구 views with the same numbers. The default (current, 2026-07) set
# has its own tests (test_app_boundary_sets.py), which pass `boundary_set=None`.
REFERENCE_SET = "2024"


def new_app(params: dict[str, str] | None = None, timeout: float = TIMEOUT,
            boundary_set: str | None = REFERENCE_SET) -> AppTest:
    """An AppTest of app.py with the given query parameters (and `?set=boundary_set` unless None or
    given), not yet run."""
    at = AppTest.from_file(str(APP), default_timeout=timeout)
    wanted = dict(params or {})
    if boundary_set is not None:
        wanted.setdefault("set", boundary_set)
    for k, v in wanted.items():
        at.query_params[k] = v
    return at


def run(params: dict[str, str] | None = None, label: str | None = None,
        boundary_set: str | None = REFERENCE_SET) -> AppTest:
    """Run app.py with these query parameters; no exception and no error box; timed under `label`."""
    at = new_app(params, boundary_set=boundary_set)
    t0 = time.perf_counter()
    at.run()
    if label:
        TIMINGS[label] = round(time.perf_counter() - t0, 2)
    assert_ok(at)
    return at


def rerun(at: AppTest, label: str) -> None:
    """Run again after a widget change; timed under `label`; no exception and no error box."""
    t0 = time.perf_counter()
    at.run()
    TIMINGS[label] = round(time.perf_counter() - t0, 2)
    assert_ok(at)


def assert_ok(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def specs(at: AppTest) -> list[dict]:
    """Every plotly figure on the page, as sent to the browser."""
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def main_spec(at: AppTest, key: str) -> dict:
    """The figure of the chart whose element id carries `key`."""
    for el in at.get("plotly_chart"):
        if key in el.proto.id:
            return json.loads(el.proto.spec)
    raise AssertionError(f"no plotly chart with key {key!r}; ids: {[e.proto.id for e in at.get('plotly_chart')]}")


def map_view(at: AppTest, key: str = "map_view") -> dict:
    """The data of the map component (ui.mapview) whose element id carries `key`: what the browser draws
    (codes, years, per-year fill/text/rank, title, subtitles, legend, source)."""
    els = at.get("bidi_component")
    for el in els:
        if key in el.proto.id:
            return json.loads(el.proto.json)
    raise AssertionError(f"no map component with key {key!r}; ids: {[e.proto.id for e in els]}")


class Table:
    """One table of our table component (ui.datatable) as sent to the browser: `value` = the values
    (numbers, booleans, trends as lists; a text column's text; missing as None), `text` = every cell as
    the reader sees it ('–' where missing), `titles` and `helps` = column key → header title, tooltip."""

    def __init__(self, view: dict):
        self.view = view
        self.key = view["key"]
        cols = view["columns"]
        self.titles = {c["key"]: c["title"] for c in cols}
        self.ids = view.get("ids")  # what names each row (a column the table may not show), or None
        self.helps = {c["key"]: c["help"] for c in cols}
        values = {c["key"]: (c["v"] if c.get("v") is not None else [t if t != "" else None for t in c["t"]])
                  for c in cols}
        self.value = self._indexed(pd.DataFrame(values, columns=[c["key"] for c in cols]))
        texts = {c["key"]: [t if t != "" else "–" for t in c["t"]] for c in cols}
        self.text = self._indexed(pd.DataFrame(texts, columns=[c["key"] for c in cols]))

    def _indexed(self, frame: pd.DataFrame) -> pd.DataFrame:
        n = self.view.get("index", 0)
        return frame.set_index(list(frame.columns[:n])) if n else frame


def tables(at: AppTest) -> list[Table]:
    """Every table (ui.datatable) on the page, in page order."""
    out = []
    for el in at.get("bidi_component"):
        view = json.loads(el.proto.json)
        if isinstance(view, dict) and "columns" in view and "n" in view:
            out.append(Table(view))
    return out


def table(at: AppTest, key: str) -> Table:
    """The table whose key is `key`."""
    found = [t for t in tables(at) if t.key == key]
    assert found, f"no table {key!r}; tables: {[t.key for t in tables(at)]}"
    return found[0]


def chart_view(at: AppTest, key: str = "trend_chart") -> dict:
    """The data of the line-chart component (ui.linechart) whose element id carries `key`: its lines
    (name, code, x years, y values or None, texts, colour, width), axis, events, quoted figures, texts."""
    return map_view(at, key)


def line_data(view: dict) -> list:
    """What the lines show (name, years, values), to compare two charts."""
    return [(ln["name"], ln["x"], ln["y"]) for ln in view["lines"]]


def series_of(view: dict) -> list[tuple]:
    """Every series of a chart view (ui.linechart), panel by panel: (panel title, name, years, values)."""
    panels = view.get("panels") or [{"title": "", "lines": view["lines"], "bars": []}]
    return [(p["title"], s["name"], s["x"], s["y"]) for p in panels for s in (*p["lines"], *p.get("bars", []))]


def drawn(view: dict, year: int | None = None) -> dict[str, float]:
    """Region code → value of the regions coloured in `year` (default: the year shown first); the
    others are hatched (no data) and must have no value."""
    y = str(view["year"] if year is None else year)
    out = {}
    for c, f, v in zip(view["codes"], view["fill"][y], view["value"][y]):
        assert (f is None) == (v is None), (c, f, v)
        if v is not None:
            out[c] = v
    return out


def trace_data(spec: dict) -> list:
    """What the traces show (locations, values, x/y), to compare two figures."""
    return [(t.get("type"), t.get("locations"), t.get("z"), t.get("x"), t.get("y")) for t in spec["data"]]


def button_group(at: AppTest, key: str):
    return next(b for b in at.get("button_group") if b.key == key)


class _TableText(HTMLParser):
    """The cells' text of the first HTML table in a document: header row, then body rows."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag) -> None:
        if tag in ("td", "th") and self._cell is not None and self.rows:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data) -> None:
        if self._cell is not None:
            self._cell.append(data)


STATIC_TABLE = 'class="bal-static"'  # ui.statictable.CLASS: the box around each static table


def static_tables(at: AppTest) -> list[pd.DataFrame]:
    """Every static table of the run (ui.statictable: an HTML table in a Markdown element) as the reader
    sees it: a frame of its cells' text, its header row as the columns."""
    out = []
    for md in at.markdown:
        if STATIC_TABLE in str(md.value):
            parser = _TableText()
            parser.feed(str(md.value))
            head, *rows = parser.rows
            out.append(pd.DataFrame(rows, columns=head))
    return out


DATA_FOLDED = ("data_files", "data_lineage", "data_exports")  # 자료·방법's folded sections (page.folded keys)


def open_folded(at: AppTest, keys=DATA_FOLDED) -> AppTest:
    """Open the folded sections `keys` (`ui.page.folded`: their content runs only while open) and run
    again, as a reader's click on each does."""
    for key in keys:
        at.session_state[key] = True
    at.run()
    assert_ok(at)
    return at
