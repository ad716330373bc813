"""Section pagepaint: the first paint of every page, the way section paint measures the map's (a new
browser context each visit, the warm server, beside the empty Streamlit page measured in the same
rounds), with where the time goes.

1. Warm-up: every page run once by a WebSocket client (bench/wsclient.py, no browser; not counted), so
   the server's caches are filled, and the empty page visited once.
2. `page_rounds` rounds; each visits every page once in a new context (the order turned by one page a
   round) and the empty page (bench/empty_app.py, the `empty` fixture) twice, at its start and middle,
   so both see the same machine load. Paint = navigation start → the frame that paints the page's figure
   (bench/targets.py says what that is). A page with no figure drawn in the first round is reported
   and left out of the later ones.
3. The breakdown of each visit, medians per page (bench/breakdown.py): HTML, WebSocket open, the first
   run (Streamlit's header → the run's end, as they reached the browser; when the page took the end)
   and its bytes, the first element, the JavaScript fetched before the paint, long tasks and the
   scripts that ran in them.
4. The server's own run of each page: the WebSocket client opening the page in a new session, send →
   script_finished, once a round after the browser's rounds (the way section proxy times runs).
"""
from __future__ import annotations

import asyncio
import time

from bench.breakdown import breakdown, describe, median_breakdown
from bench.budgets import budget_of
from bench.context import Context, Section
from bench.figures import Figure, error_figure, error_text
from bench.pagewatch import first_paint
from bench.stats import summarize
from bench.targets import EMPTY, Target, targets_for
from bench.wsclient import StreamlitClient

VISIT_TIMEOUT_S = 30.0  # one visit (a page that never draws its figure fails after this)


def visit_order(targets: list[Target], round_no: int) -> list[Target]:
    """One round's visits: the pages turned by `round_no`, the empty page first and in the middle."""
    if not targets:
        return [EMPTY]
    k = round_no % len(targets)
    pages = targets[k:] + targets[:k]
    half = (len(pages) + 1) // 2
    return [EMPTY] + pages[:half] + [EMPTY] + pages[half:]


def ratio(value: float | None, base: float | None) -> float | None:
    """value / base rounded to 0.01 (None without both)."""
    return round(value / base, 2) if value and base else None


def _spread(samples: list[float]) -> str:
    s = summarize(samples)
    return f"min/median/max {s['min']:,.0f} / {s['median']:,.0f} / {s['max']:,.0f} ms · n={s['n']}"


def page_figures(target: Target, runs: list[dict], empty_ms: float | None, server_ms: float | None) -> list[Figure]:
    """A page's two lines: its first paint (median, budget 1.5 s) with the breakdown, and its ratio to
    the empty page's median (budget 1.5×) with the samples and what counted as the figure."""
    paints = [r["figure"] for r in runs if r.get("figure") is not None]
    med = summarize(paints)["median"]
    key, name = f"firstpaint.{target.page}", f"{target.title} {target.path}"
    return [
        Figure("pagepaint", key, f"{name}: first paint, warm server (median)", med, "ms",
               budget=budget_of("firstpaint.page"),
               detail=describe(median_breakdown(runs), server_ms) if runs else "no sample"),
        Figure("pagepaint", f"{key}.ratio", f"{name}: first paint / empty page's", ratio(med, empty_ms), "x",
               budget=budget_of("firstpaint.ratio"),
               detail=(_spread(paints) + f" · → {target.selector()}") if paints else ""),
    ]


def empty_figure(runs: list[dict]) -> Figure:
    paints = [r["figure"] for r in runs if r.get("figure") is not None]
    return Figure("pagepaint", "firstpaint.empty", "baseline: empty Streamlit page, first paint (median)",
                  summarize(paints)["median"], "ms",
                  detail=(_spread(paints) + " · " + describe(median_breakdown(runs))) if paints else "no sample")


async def _server_runs(ws_url: str, targets: list[Target], rounds: int, timeout_s: float) -> dict[str, list[dict]]:
    """Each page opened in a new WebSocket session `rounds` times: ms send → script_finished, bytes."""
    boot = StreamlitClient(ws_url, timeout_s)
    await boot.connect()
    try:
        await boot.rerun("")  # the navigation message names every page's script hash
    finally:
        await boot.close()
    out: dict[str, list[dict]] = {t.page: [] for t in targets}
    for _ in range(rounds):
        for t in targets:
            client = StreamlitClient(ws_url, timeout_s)
            client.pages = dict(boot.pages)
            try:
                await client.connect()
                res = await client.rerun("", page=t.path.strip("/"))
                out[t.page].append({"ms": round(res.seconds * 1000, 1), "bytes": res.bytes, "status": res.status,
                                    "exceptions": res.exceptions[:1]})
            except Exception as err:  # noqa: BLE001
                out[t.page].append({"error": error_text(err)[:150]})
            finally:
                await client.close()
    return out


def server_runs(ws_url: str, targets: list[Target], rounds: int, timeout_s: float) -> dict[str, list[dict]]:
    return asyncio.run(_server_runs(ws_url, targets, rounds, timeout_s))


def measure_rounds(browser, base: str, empty_url: str, targets: list[Target], rounds: int,
                   deadline: float) -> dict:
    """`rounds` rounds of first paints, page → breakdowns; at least one round, and no round started that
    would end past `deadline` if it took as long as the one before."""
    out: dict = {"pages": {t.page: [] for t in targets}, "empty": [], "errors": [], "rounds": 0}
    last_s = 0.0
    for r in range(rounds):
        if r and time.monotonic() + last_s > deadline:
            out["time_guard"] = f"{r} of {rounds} rounds (time guard)"
            break
        t0 = time.monotonic()
        for t in visit_order(targets, r):
            url = empty_url if t is EMPTY else base + t.path
            try:
                b = breakdown(first_paint(browser, url, t, VISIT_TIMEOUT_S))
            except Exception as err:  # noqa: BLE001 — one failed visit is reported, the rest go on
                out["errors"].append(f"{t.page}: {error_text(err)[:150]}")
                continue
            (out["empty"] if t is EMPTY else out["pages"][t.page]).append(b)
        out["rounds"] = r + 1
        last_s = time.monotonic() - t0
        targets = [t for t in targets if out["pages"][t.page]]  # a page never drawn is not tried again
    return out


def measure(base: str, ws_url: str, empty_url: str, targets: list[Target], rounds: int, timeout_s: float,
            deadline: float) -> tuple[list[Figure], dict]:
    from playwright.sync_api import sync_playwright

    from bench import browser as chromium

    detail: dict = {"targets": {t.page: {"path": t.path, "figure": t.what, "selector": t.selector()} for t in targets}}
    detail["warm_up"] = server_runs(ws_url, targets, 1, timeout_s)
    with sync_playwright() as pw:
        browser = chromium.launch(pw)
        try:
            first_paint(browser, empty_url, EMPTY, VISIT_TIMEOUT_S)  # the empty page's warm-up, not counted
            runs = measure_rounds(browser, base, empty_url, targets, rounds, deadline)
        finally:
            browser.close()
    detail["runs"] = runs
    detail["server_runs"] = server = server_runs(ws_url, targets, max(1, runs["rounds"]), timeout_s)
    empty = empty_figure(runs["empty"])
    if runs.get("time_guard"):
        empty.detail = f"{runs['time_guard']} · {empty.detail}"
    detail["empty_median"] = median_breakdown(runs["empty"])
    figures = [empty]
    for t in targets:
        if not runs["pages"][t.page]:
            why = "; ".join(e for e in runs["errors"] if e.startswith(f"{t.page}:"))[:150]
            figures.append(error_figure("pagepaint", f"firstpaint.{t.page}", f"{t.title} {t.path}: first paint",
                                        f"figure never drawn ({t.selector()}): {why}"))
            continue
        server_ms = summarize([s["ms"] for s in server.get(t.page, []) if "ms" in s])["median"]
        figures += page_figures(t, runs["pages"][t.page], empty.value, server_ms)
        detail.setdefault("medians", {})[t.page] = {**median_breakdown(runs["pages"][t.page]),
                                                    "server_run_ms": server_ms}
    if runs["errors"]:
        figures.append(error_figure("pagepaint", "firstpaint.errors", f"{len(runs['errors'])} visit(s) failed",
                                    "; ".join(runs["errors"])[:200]))
    return figures, detail


def run(ctx: Context, deadline: float) -> None:
    targets = targets_for(ctx.pages)
    figures, detail = measure(ctx.server.url, ctx.server.ws_url, ctx.empty_server.url, targets,
                              ctx.plan.page_rounds, ctx.plan.browser_timeout_s, deadline)
    detail["rounds_planned"] = ctx.plan.page_rounds
    ctx.figures.extend(figures)
    ctx.sections["pagepaint"] = detail


SECTION = Section("pagepaint", run, time_s={"quick": 150, "full": 420},
                  needs=("data", "pages", "geometry", "server", "empty"))
