"""Section server: the live `streamlit run` — startup, every page opened once in headless Chromium
(navigation → the run's script_finished), the server's RSS. (The first map paint: section paint.)"""
from __future__ import annotations

from bench import browser as chromium
from bench.context import Context, Section
from bench.figures import Figure, error_text
from bench.server import Server
from bench.stats import scaled, summarize


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


def measure(server: Server, pages: list[str], timeout_s: float) -> tuple[list[Figure], dict]:
    """Startup, every page once, RSS before and after."""
    from playwright.sync_api import sync_playwright

    detail: dict = {"url": server.url, "startup_s": round(server.startup_s or 0, 3),
                    "rss": {"after_start": server.rss()}}
    figures = [Figure("server", "server.startup", "streamlit run → /_stcore/health ok", server.startup_s, "s")]
    with sync_playwright() as pw:
        browser = chromium.launch(pw)
        try:
            detail["pages"] = _open_pages(browser, server.url, pages, timeout_s)
            figures.append(_pages_figure(detail["pages"]))
        finally:
            browser.close()
    detail["rss"]["after_pages"] = server.rss()
    figures.append(_rss_figure(detail["rss"]["after_pages"], detail["rss"]["after_start"]))
    return figures, detail


def run(ctx: Context, deadline: float) -> None:
    figures, detail = measure(ctx.server, ctx.pages, ctx.plan.browser_timeout_s)
    ctx.figures.extend(figures)
    ctx.sections["server"] = detail


SECTION = Section("server", run, time_s={"quick": 40, "full": 180}, needs=("data", "pages", "geometry", "server"))
