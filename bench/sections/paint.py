"""Section paint: first map paint in a new browser context on the warm server, beside an empty
Streamlit page's paint measured the same way in the same run (bench/empty_app.py under its own
`streamlit run` on a free port: the `empty` fixture, shared with section pagepaint). Visits alternate
map / empty so both see the same machine load.

Twice: on the single process of the README's command (`paint.*`), and through the documented
deployment (`python -m deploy`: nginx serving Streamlit's assets and the geometry from disk, one
process behind it), the empty page behind an identical nginx (`paint.deployed.*`).

The first visit to each server is not counted among the warm ones: the map's is reported on its own
line (cold server: the first visitor pays the caches), the empty page's only warms it up.
"""
from __future__ import annotations

import time

from bench.context import Context, Section
from bench.figures import Figure, error_figure, error_text
from bench.fixtures import EMPTY_APP
from bench.paint import MAP_TARGET, TITLE_TARGET, paint_once
from bench.stats import summarize

MAP_PATH = "/map"


def _spread(samples: list[float]) -> str:
    s = summarize(samples)
    return f"min/median/max {s['min']:,.0f} / {s['median']:,.0f} / {s['max']:,.0f} ms · n={s['n']}"


def _median_of(nav: list[dict], key: str) -> float | None:
    return summarize([n[key] for n in nav if key in n])["median"]


def _phases(runs: list[dict]) -> str:
    """Where the time goes (medians, ms from navigation start): ' · WebSocket open 1,180 · first elements
    1,620 · geometry fetch 2,230→2,260 ms' — Streamlit's own start, the page's first elements drawn (its
    widgets follow when their lazily loaded code arrives), the map's geometry — as far as recorded."""
    nav = [r.get("navigation", {}) for r in runs]
    parts = [f"{label} {v:,.0f}" for label, v in (("WebSocket open", _median_of(nav, "websocket_open")),
                                                   ("first elements", _median_of(nav, "first_element")))
             if v is not None]
    start, end = _median_of(nav, "geometry_start"), _median_of(nav, "geometry_end")
    if start is not None and end is not None:
        parts.append(f"geometry fetch {start:,.0f}→{end:,.0f}")
    return (" · " + " · ".join(parts) + " ms") if parts else ""


def paint_figures(map_ms: list[float], empty_ms: list[float], cold: dict | None,
                  geometry: str = "", key: str = "paint", where: str = "", empty_phases: str = "") -> list[Figure]:
    """Median map paint (budget), the empty page's (baseline), their ratio (budget), the cold visit;
    `key` prefixes the figure keys, `where` names the server in the labels."""
    figures: list[Figure] = []
    if cold is not None:
        figures.append(Figure("paint", f"{key}.map.cold", f"first map paint, cold server (first visitor){where}",
                              cold.get("paint_ms"), "ms", detail=cold.get("error", "not among the warm samples")))
    m, e = summarize(map_ms), summarize(empty_ms)
    map_detail = _spread(map_ms) + " · → .bal-map[data-ready='1']" + geometry if map_ms else "no sample"
    figures.append(Figure("paint", f"{key}.map", f"first map paint, warm server (median){where}", m["median"], "ms",
                          detail=map_detail))
    empty_detail = (_spread(empty_ms) + " · → h1 visible" + empty_phases) if empty_ms else "no sample"
    figures.append(Figure("paint", f"{key}.empty", f"baseline: empty Streamlit page paint (median){where}",
                          e["median"], "ms", detail=empty_detail))
    ratio = round(m["median"] / e["median"], 2) if m["median"] and e["median"] else None
    figures.append(Figure("paint", f"{key}.ratio", f"map paint / empty page paint (medians){where}", ratio, "x"))
    return figures


def _alternate(browser, map_url: str, empty_url: str, n: int, timeout_s: float, deadline: float) -> dict:
    """n map and n empty-page paints, alternating, bounded by `deadline` (at least one of each)."""
    out: dict = {"map": [], "empty": [], "errors": []}
    for i in range(n):
        if i and time.monotonic() > deadline:
            out["errors"].append(f"time guard: {i} of {n} pairs")
            break
        for name, url, target in (("map", map_url, MAP_TARGET), ("empty", empty_url, TITLE_TARGET)):
            try:
                out[name].append(paint_once(browser, url, target, timeout_s))
            except Exception as err:  # noqa: BLE001 — one failed visit is reported, the rest go on
                out["errors"].append(f"{name}: {error_text(err)[:150]}")
    return out


def measure(app_url: str, empty_url: str, n: int, timeout_s: float, deadline: float, key: str = "paint",
            where: str = "") -> tuple[list[Figure], dict]:
    from playwright.sync_api import sync_playwright

    from bench import browser as chromium

    with sync_playwright() as pw:
        browser = chromium.launch(pw)
        try:
            try:
                cold = paint_once(browser, app_url + MAP_PATH, MAP_TARGET, timeout_s)
            except Exception as err:  # noqa: BLE001
                cold = {"error": error_text(err)[:150]}
            paint_once(browser, empty_url, TITLE_TARGET, timeout_s)  # warm-up, not counted
            runs = _alternate(browser, app_url + MAP_PATH, empty_url, n, timeout_s, deadline)
        finally:
            browser.close()
    map_ms = [r["paint_ms"] for r in runs["map"]]
    empty_ms = [r["paint_ms"] for r in runs["empty"]]
    figures = paint_figures(map_ms, empty_ms, cold, _phases(runs["map"]), key, where,
                            _phases(runs["empty"]))
    if runs["errors"]:
        figures.append(error_figure("paint", f"{key}.errors", f"{len(runs['errors'])} visit(s) failed{where}",
                                    "; ".join(runs["errors"])[:200]))
    return figures, {"cold": cold, "runs": runs, "contexts": n, "map_url": app_url + MAP_PATH,
                     "empty_url": empty_url}


def deployed(ctx: Context, deadline: float) -> tuple[list[Figure], dict]:
    """The same measure through `deploy.stack.Stack` (nginx + one process), the empty page behind its own."""
    from deploy.stack import Stack, free_port

    app = Stack(processes=1, listen=f"127.0.0.1:{free_port()}", env={"BALANCE_DATA_DIR": str(ctx.data_dir)})
    empty = Stack(processes=1, listen=f"127.0.0.1:{free_port()}", app=EMPTY_APP)
    try:
        app.start()
        empty.start()
        return measure(app.url, empty.url, ctx.plan.paint_contexts, ctx.plan.browser_timeout_s, deadline,
                       key="paint.deployed", where=" · through nginx (python -m deploy, 1 process)")
    except Exception as err:  # noqa: BLE001 — reported as an ERROR line, the bench goes on
        return [error_figure("paint", "paint.deployed.stack", "deploy.stack.Stack for paint", error_text(err))], {}
    finally:
        app.stop()
        empty.stop()


def run(ctx: Context, deadline: float) -> None:
    plan = ctx.plan
    half = time.monotonic() + (deadline - time.monotonic()) / 2  # each server gets half the section's time
    empty = ctx.empty_server
    figures, detail = measure(ctx.server.url, empty.url, plan.paint_contexts, plan.browser_timeout_s, half)
    detail["empty_startup_s"] = round(empty.startup_s or 0, 3)
    more, detail["deployed"] = deployed(ctx, deadline)
    ctx.figures.extend(figures + more)
    ctx.sections["paint"] = detail


SECTION = Section("paint", run, time_s={"quick": 90, "full": 240}, needs=("data", "geometry", "server", "empty"))
