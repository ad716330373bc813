"""What "the page's figure drawn" means, page by page: the one table the first-paint and page-switch
measurements read (pure: no browser, no Streamlit).

A target is found inside `[data-testid="stMain"]` (never in the still copy ui/assets/chrome.js lays
over the screen during a page switch, which hangs off <body>): every element matching `box`, then
either `inner` inside it with a size (plotly's `.main-svg`, a table, a metric value) or, for our
components, `shadow` inside the shadow root of an element in it (`.bal-map[data-ready='1']`: geometry
drawn and coloured, set by ui/assets/mapview.js; `.bal-lc[data-ready='1']`: a chart drawn,
ui/assets/linechart.js and barchart.js). Keyed boxes (`.st-key-<key>`) are the page's own,
so a figure left over from the page before never counts.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

MAP_READY = ".bal-map[data-ready='1']"
LINES_READY = ".bal-lc[data-ready='1']"  # a chart component drawn (ui/assets/linechart.js, barchart.js)
PLOTLY = ".main-svg"


@dataclass(frozen=True)
class Target:
    """One page: its name (ui.state.PAGES), URL path, Korean title, and where its main figure is drawn."""

    page: str
    path: str
    title: str
    box: str  # CSS selector inside [data-testid="stMain"]
    inner: str = ""  # a visible element inside the box ('' = the box itself)
    shadow: str = ""  # an element inside a shadow root within the box (the map component)
    what: str = ""  # the figure in words

    def spec(self) -> dict[str, str]:
        """What the in-page watcher (bench/pagewatch.py) is given."""
        return {k: v for k, v in asdict(self).items() if k in ("box", "inner", "shadow")}

    def selector(self) -> str:
        """The target as one line of text (the table's detail, RESULTS.md)."""
        inside = f" ⟶ shadow root {self.shadow}" if self.shadow else (f" {self.inner}" if self.inner else "")
        return f"{self.box}{inside}"


def _map(page: str, path: str, title: str, key: str) -> Target:
    return Target(page, path, title, f".st-key-{key}", shadow=MAP_READY, what=f"map component ({key})")


def _lines(page: str, path: str, title: str, key: str) -> Target:
    return Target(page, path, title, f".st-key-{key}", shadow=LINES_READY, what=f"line-chart component ({key})")


def _chart(page: str, path: str, title: str, key: str) -> Target:
    return Target(page, path, title, f".st-key-{key}", inner=PLOTLY, what=f"plotly chart ({key})")


TARGETS: tuple[Target, ...] = (
    Target("overview", "/", "개요", '[class*="st-key-card_"]', inner='[data-testid="stMetricValue"]',
           what="headline number (first card's st.metric)"),
    _map("map", "/map", "지도", "map_view"),
    _lines("trends", "/trends", "추이", "trend_chart"),
    _map("risk", "/risk", "지방소멸", "risk_view"),
    Target("region", "/region", "지역", ".st-key-region_relative", shadow=LINES_READY,
           what="bar-chart component (region_relative)"),
    Target("brief", "/brief", "브리핑", ".st-key-brief_sheet", inner=".bal-brief-head",
           what="the brief's head (static HTML, ui.briefsheet)"),
    _lines("disparity", "/disparity", "격차 분석", "disp_measures"),
    _map("composite", "/composite", "종합 격차지수", "comp_view"),
    _map("bivariate", "/bivariate", "이변량 지도", "biv_view"),
    Target("data", "/data", "자료·방법", ".st-key-catalogue", inner=".bal-static table",
           what="first static table (catalogue, ui.statictable)"),
)
BY_PAGE = {t.page: t for t in TARGETS}

# the baselines: an empty Streamlit page (bench/empty_app.py: one st.title) and the two pages of
# bench/empty_pages_app.py (a keyed container holding one st.title each)
EMPTY = Target("empty", "/", "empty page", "h1", what="the empty page's st.title")
EMPTY_PAGES = (Target("one", "/", "one", ".st-key-bench_one", inner="h1", what="st.title"),
               Target("two", "/two", "two", ".st-key-bench_two", inner="h1", what="st.title"))


def targets_for(pages: Sequence[str]) -> list[Target]:
    """The targets of `pages` in that order (pages without a target left out)."""
    return [BY_PAGE[p] for p in pages if p in BY_PAGE]


def switch_sequence(pages: Sequence[str], start: str, rounds: int = 1) -> list[str]:
    """Pages to switch to in turn from `start`: every page once per round (each different from the one
    before), the round ending back on `start`; [] with fewer than two pages."""
    order = list(dict.fromkeys(pages))
    if start not in order or len(order) < 2:
        return []
    i = order.index(start)
    one = order[i + 1:] + order[:i] + [start]
    return one * max(0, rounds)
