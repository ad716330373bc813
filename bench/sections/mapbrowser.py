"""Section mapbrowser: the map in one headless Chromium context on the live server.

1. The map view as first sent (baseline: the bytes a year change would cost if it re-sent the view).
2. Year steps in the browser (`.bal-range` focused, ArrowLeft): every WebSocket frame received
   until a script run the step starts has finished, or for a second when none starts (the browser
   writes the URL itself), decoded and sorted (bench/traffic.py); the URL must carry a new `year=`
   after each step. Then the 수도권 zoom button: same tally, URL `zoom=capital`.
3. Geometry caching: the same context opens further views by URL (other indicator, other level);
   Chromium's own network log counts, per geometry file, requests and network fetches.
"""
from __future__ import annotations

from urllib.parse import parse_qs, urlencode, urlsplit

from bench.context import Context, Section
from bench.figures import Figure, error_figure, error_text
from bench.geofetch import GeometryRequests
from bench.traffic import FrameLog, collect_change, tally

READY = ".bal-map[data-ready='1']"


def view_urls(base: str) -> list[tuple[str, str]]:
    """(level, URL) of the map views to open in turn: two indicators, every level each offers."""
    import app_data

    ids = [i for i in app_data.mappable_indicators(macro=True) if "sigungu" in app_data.levels_for(i, macro=True)]
    out = []
    for ind in ids[:2]:
        for level in ("sigungu", "sido", "macro"):
            if level in app_data.levels_for(ind, macro=True) and app_data.years_for(ind, level):
                out.append((level, f"{base}/map?{urlencode({'indicator': ind, 'level': level})}"))
    return out


def _open(page, url: str, timeout_s: float) -> int:
    page.goto(url, wait_until="commit", timeout=timeout_s * 1000)
    page.wait_for_selector(READY, timeout=timeout_s * 1000)
    return page.locator(".bal-areas path").count()


def traffic_figures(key: str, what: str, t: dict, url_ok: bool, url: str) -> list[Figure]:
    """Total bytes (budget), Streamlit's session header apart, elements re-sent (budget 0), the URL check."""
    k = t["by_kind"]
    parts = " · ".join(f"{name} {v['bytes']:,} B" for name, v in k.items() if v["frames"])
    return [
        Figure("mapbrowser", f"{key}.total", f"{what}: bytes received over the WebSocket", t["total_bytes"], "bytes",
               detail=f"{t['frames']} frames · {parts}"),
        Figure("mapbrowser", f"{key}.session_header", f"{what}: of which Streamlit's new_session header",
               k["new_session"]["bytes"], "bytes", detail="sent by Streamlit on every run, fragment runs too"),
        Figure("mapbrowser", f"{key}.resent", f"{what}: element bytes re-sent (not ref_hash)", k["element"]["bytes"],
               "bytes", detail=", ".join(t["elements_resent"])[:150] or f"{k['ref_hash']['frames']} ref_hash"),
        Figure("mapbrowser", f"{key}.url", f"{what}: reaches the URL", 1.0 if url_ok else 0.0, "count",
               status="PASS" if url_ok else "FAIL", detail=url[-90:]),
    ]


def _step(page, log: FrameLog, action, url_has: str, timeout_s: float) -> dict:
    """One in-browser change: its frames tallied, the seconds to the run's finish (None: no server run),
    the URL after it (read from the page: Playwright's page.url misses history.replaceState)."""
    frames, dt = collect_change(page, log, action, timeout_s)
    url = page.evaluate("location.href")
    return {**tally(frames), "run_s": None if dt is None else round(dt, 3), "url": url, "url_ok": url_has in url,
            "year": parse_qs(urlsplit(url).query).get("year", [None])[0]}


def year_steps(page, log: FrameLog, n: int, timeout_s: float) -> tuple[list[Figure], list[dict]]:
    """n year steps back (ArrowLeft on the focused slider); the lines show the heaviest step, and the
    URL check holds only if every step wrote a new year to the URL."""
    steps: list[dict] = []
    page.focus(".bal-range")
    for _ in range(n):
        steps.append(_step(page, log, lambda: page.keyboard.press("ArrowLeft"), "year=", timeout_s))
    worst = max(steps, key=lambda t: t["total_bytes"])
    years = [t["year"] for t in steps]
    url_ok = all(t["url_ok"] for t in steps) and len(set(years)) == len(years)
    what = f"year step, heaviest of {len(steps)}"
    return traffic_figures("year", what, worst, url_ok, f"years {', '.join(map(str, years))} · {worst['url']}"), steps


def _in_page(page, log: FrameLog, base: str, n_steps: int, timeout_s: float) -> tuple[list[Figure], dict]:
    """First view (baseline), year steps, zoom to 수도권."""
    detail: dict = {}
    log.frames.clear()
    paths = _open(page, f"{base}/map", timeout_s)
    first = tally([p for _, p in log.frames])
    detail["first_view"] = {**first, "paths": paths}
    view = [e for e in first["elements_resent"] if e.startswith("bidi_component")]
    figures = [Figure("mapbrowser", "view.first", "baseline: the map view as first sent (bidi_component)",
                      first["by_kind"]["element"]["bytes"] if view else None, "bytes",
                      detail=f"{', '.join(view)} · whole first run {first['total_bytes']:,} B · {paths} areas")]
    # the steps are measured on the page drawn whole (a session's first page runs again once its figure is drawn)
    page.wait_for_function("() => document.documentElement.dataset.balWhole === '1'", timeout=timeout_s * 1000)
    page.wait_for_timeout(500)
    figs, detail["year_steps"] = year_steps(page, log, n_steps, timeout_s)
    figures += figs
    zoom = _step(page, log, lambda: page.click(".bal-zoom button[data-zoom='capital']"), "zoom=capital", timeout_s)
    detail["zoom"] = zoom
    figs = traffic_figures("zoom", "zoom to 수도권", zoom, zoom["url_ok"], zoom["url"])
    return figures + figs[:1] + figs[2:], detail


def cache_figures(levels: dict[str, dict], opened: list[dict]) -> list[Figure]:
    """Per level: network fetches of its geometry file across every view opened (budget 1)."""
    figures = []
    for level, row in sorted(levels.items()):
        views = sum(o["level"] == level for o in opened)
        figures.append(Figure("mapbrowser", f"geometry.fetches.{level}", f"geometry {level}: network fetches",
                              row["fetched"], "count",
                              detail=f"{views} view(s) + reloads · {row['requested']} request(s), "
                                     f"{row['from_cache']} from the browser cache · {', '.join(row['files'])}"))
    return figures


def measure(base: str, n_steps: int, timeout_s: float) -> tuple[list[Figure], dict]:
    from playwright.sync_api import sync_playwright

    from bench import browser as chromium

    with sync_playwright() as pw:
        browser = chromium.launch(pw)
        try:
            context = chromium.new_context(browser)
            page = context.new_page()
            requests = GeometryRequests(context, page)
            log = FrameLog(page)
            figures, detail = _in_page(page, log, base, n_steps, timeout_s)
            opened = [{"level": "sido", "url": f"{base}/map", "paths": detail["first_view"]["paths"]}]
            for level, url in view_urls(base):
                opened.append({"level": level, "url": url, "paths": _open(page, url, timeout_s)})
            figures += cache_figures(requests.by_level(), opened)
            detail["views"] = opened
            detail["geometry_requests"] = requests.by_level()
        finally:
            browser.close()
    return figures, detail


def run(ctx: Context, deadline: float) -> None:
    try:
        figures, detail = measure(ctx.server.url, ctx.plan.year_steps, ctx.plan.browser_timeout_s)
    except Exception as err:  # noqa: BLE001
        figures, detail = [error_figure("mapbrowser", "mapbrowser.error", "map in the browser", error_text(err))], {}
    ctx.figures.extend(figures)
    ctx.sections["mapbrowser"] = detail


SECTION = Section("mapbrowser", run, time_s={"quick": 40, "full": 90},
                  needs=("data", "apptest", "geometry", "server"))
