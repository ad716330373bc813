"""Section 5, server: the live `streamlit run` — startup, first map paint in headless Chromium
(cold, and warm in full mode), every page opened once, the server's RSS."""
from __future__ import annotations

from pathlib import Path

from bench import browser as chromium
from bench.context import Context, Section
from bench.figures import Figure, error_figure, error_text
from bench.server import Server
from bench.stats import scaled, summarize

PAINTS = (("cold", "first_paint.cold", "first visitor after server start"),
          ("warm", "first_paint.warm", "new browser context, server warm"))


def _paint(browser, url: str, regions: int, timeout_s: float, screenshot: Path | None) -> dict:
    """First map paint in a new browser context (screenshot of the painted map if asked)."""
    ctx = chromium.new_context(browser)
    try:
        page = ctx.new_page()
        fp = chromium.first_paint(page, url, regions, timeout_s)
        if screenshot is not None:
            page.screenshot(path=str(screenshot))
        return fp
    finally:
        ctx.close()


def _paint_figure(key: str, label: str, what: str, fp: dict) -> Figure:
    dcl = fp["navigation"].get("dom_content_loaded", 0)
    return Figure("server", key, f"first map paint, {label}", fp["first_paint_ms"], "ms",
                  detail=f"{what} · {fp['paths']} {fp['mode']} paths · DOMContentLoaded {dcl:.0f} ms")


def _first_paints(browser, url: str, regions: int, timeout_s: float, warm_paint: bool, detail: dict,
                  screenshot: Path | None) -> list[Figure]:
    figures = []
    for label, key, what in PAINTS[: 2 if warm_paint else 1]:
        try:
            detail[key] = _paint(browser, url, regions, timeout_s, screenshot if label == "cold" else None)
            figures.append(_paint_figure(key, label, what, detail[key]))
        except Exception as err:  # noqa: BLE001
            detail[key] = {"error": error_text(err)[:300]}
            figures.append(error_figure("server", key, f"first map paint, {label}", detail[key]["error"]))
    return figures


def _open_pages(browser, base_url: str, pages: list[str], timeout_s: float) -> dict:
    """Each page opened once, in turn, in one browser context."""
    ctx = chromium.new_context(browser)
    page = ctx.new_page()
    watch = chromium.FrameWatch(page)
    opens = {}
    for name in pages:
        try:
            opens[name] = chromium.open_page(page, watch, f"{base_url}/?page={name}", timeout_s)
        except Exception as err:  # noqa: BLE001
            opens[name] = {"error": error_text(err)[:300]}
    ctx.close()
    return opens


def _pages_figure(opens: dict) -> Figure:
    times = [o["script_finished_ms"] for o in opens.values() if "script_finished_ms" in o]
    bad = {k: o.get("error") or o["exceptions"][0] for k, o in opens.items() if o.get("error") or o.get("exceptions")}
    s = summarize(times)
    slowest = max(((o.get("script_finished_ms", 0), k) for k, o in opens.items()), default=(0, ""))
    return Figure("server", "pages.open", f"open each page once ({len(opens)}), median", s["median"], "ms",
                  status="ERROR" if bad else "",
                  detail=(f"slowest {slowest[1]} {slowest[0]:.0f} ms · navigation → script finished"
                          + (f" · problems: {bad}" if bad else ""))[:200],
                  extra={"ms": scaled(s, 1)})


def _rss_figure(rss: dict, at_start: dict) -> Figure:
    return Figure("server", "server.rss", "server RSS after every page",
                  round(rss["total_kb"] / 1024, 1) if rss["total_kb"] else None, "MB",
                  detail=f"VmRSS of {rss['processes']} process(es) · at start "
                         f"{(at_start['total_kb'] or 0) / 1024:.0f} MB")


def measure(server: Server, pages: list[str], regions_sido: int, timeout_s: float, warm_paint: bool,
            screenshot: Path | None = None) -> tuple[list[Figure], dict]:
    """Startup, first map paint(s), every page once, RSS before and after."""
    from playwright.sync_api import sync_playwright

    detail: dict = {"url": server.url, "startup_s": round(server.startup_s or 0, 3),
                    "rss": {"after_start": server.rss()}}
    figures = [Figure("server", "server.startup", "streamlit run → /_stcore/health ok", server.startup_s, "s")]
    with sync_playwright() as pw:
        browser = chromium.launch(pw)
        try:
            figures += _first_paints(browser, f"{server.url}/?page=map", regions_sido, timeout_s, warm_paint,
                                     detail, screenshot)
            detail["pages"] = _open_pages(browser, server.url, pages, timeout_s)
            figures.append(_pages_figure(detail["pages"]))
        finally:
            browser.close()
    detail["rss"]["after_pages"] = server.rss()
    figures.append(_rss_figure(detail["rss"]["after_pages"], detail["rss"]["after_start"]))
    return figures, detail


def run(ctx: Context, deadline: float) -> None:
    regions_sido = ctx.geo.get("sido", {}).get("features", 17)
    figures, detail = measure(ctx.server, ctx.pages, regions_sido, ctx.plan.browser_timeout_s,
                              ctx.plan.warm_paint)
    ctx.figures.extend(figures)
    ctx.sections["server"] = detail


SECTION = Section("server", run, time_s={"quick": 40, "full": 180}, needs=("data", "pages", "geometry", "server"))
