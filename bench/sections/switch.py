"""Section switch: page switches inside one browser session, and a year step on the presenter's 추이.

1. One session opens 개요 and stays until Streamlit's element code that ui/chrome.py prefetches while the
   page is idle has arrived (a visitor reading the first page; `prefetch_s` in the JSON says how long
   that took), then clicks each page in the sidebar (`[data-testid="stSidebarNav"] a`) in turn, every
   page once a round, back to 개요 (bench/targets.switch_sequence). A switch = the click → the frame that
   paints the new page's figure (bench/targets.py), on the page's clock; after each, the run's end and a
   quiet WebSocket before the next click. Its breakdown (bench/breakdown.py): the rerun request, the
   run (as it reached the browser) and its bytes, JavaScript fetched, long tasks and their scripts.
   Quick mode makes one round (each page's first switch in the session, the slower case); full mode
   three, the median of each round in the line's detail.
2. The same in presenter mode (`?presenter=1`): » opens the sidebar before each click (the app closes it
   after a page is chosen); the click is timed, not the »).
3. Baseline: an empty Streamlit app of two pages (bench/empty_pages_app.py) under its own `streamlit run`,
   switched between from its sidebar the same way.
4. 추이 in presenter mode, from the last year: ◀ `year_steps` times (years not yet shown), then ▶ as many
   (years shown before: Streamlit may send what the browser holds by reference), every WebSocket frame of
   each step until its run finished, decoded and sorted (bench/traffic.py, as section mapbrowser tallies
   the map's year step); the heaviest step against the 1 KB budget.
"""
from __future__ import annotations

import time

from bench.breakdown import breakdown, describe, median_breakdown
from bench.budgets import budget_of
from bench.context import Context, Section
from bench.figures import Figure, error_figure, error_text
from bench.pagewatch import Watched
from bench.server import ROOT, Server
from bench.stats import summarize
from bench.targets import BY_PAGE, EMPTY_PAGES, Target, switch_sequence, targets_for
from bench.traffic import collect_change, tally

EMPTY_PAGES_APP = ROOT / "bench" / "empty_pages_app.py"
SWITCH_TIMEOUT_S = 30.0
NAV_LINKS = '[data-testid="stSidebarNav"] a'
PREFETCHED_JS = """(names) => { const got = performance.getEntriesByType('resource')
  .filter((e) => e.responseEnd > 0).map((e) => e.name.split('/').pop());
  return names.every((n) => got.includes(n)); }"""


def prefetch_names() -> list[str]:
    """The element code files ui/chrome.py has the browser fetch while a page is idle."""
    try:
        from ui.chrome import PREFETCH

        return list(PREFETCH)
    except Exception:  # noqa: BLE001
        return []


def _link(page, path: str):
    """The sidebar link to `path` (its href's path; '/' for the default page)."""
    hrefs = page.eval_on_selector_all(NAV_LINKS, "(links) => links.map((a) => new URL(a.href).pathname)")
    if path not in hrefs:
        raise LookupError(f"no sidebar link to {path} (links: {', '.join(hrefs)})")
    return page.locator(NAV_LINKS).nth(hrefs.index(path))


def _sidebar(page, state: str, timeout_s: float) -> None:
    page.wait_for_function(f"""() => {{ const s = document.querySelector('[data-testid="stSidebar"]');
        return s && s.dataset.collapsed === '{state}'; }}""", timeout=timeout_s * 1000)


def open_sidebar(page, timeout_s: float) -> None:
    """Presenter mode: » (the app closes the sidebar after a page is chosen)."""
    expand = page.locator('[data-testid="stExpandSidebarButton"]')
    if expand.count() and expand.is_visible():
        expand.click()
    _sidebar(page, "false", timeout_s)


def one_switch(w: Watched, target: Target, presenter: bool) -> dict:
    """Sidebar click → `target` painted; then the run's end and a quiet WebSocket. The breakdown."""
    if presenter:
        open_sidebar(w.page, 10.0)
    link = _link(w.page, target.path)
    w.arm(target)
    t0 = time.perf_counter()
    link.click()
    w.wait_painted(SWITCH_TIMEOUT_S)
    w.wait_run_finished(t0, 10.0)
    w.settle()
    b = breakdown(w.read(), first_visit=False)
    path = w.page.evaluate("location.pathname")
    if path != target.path:
        b["error"] = f"at {path}, not {target.path}"
    if presenter:
        try:
            _sidebar(w.page, "true", 5.0)  # closed by the app after the switch
        except Exception:  # noqa: BLE001
            b["note"] = "sidebar still open after the switch"
    return b


def start(w: Watched, url: str, target: Target, prefetch: list[str], timeout_s: float) -> dict:
    """Open the first page, wait for its figure, the prefetched element code, then a quiet second."""
    t0 = time.perf_counter()
    w.goto(url, timeout_s)
    w.arm(target)
    w.wait_painted(timeout_s)
    w.wait_run_finished(t0, 10.0)
    out = {"first_figure_s": round(time.perf_counter() - t0, 2)}
    if prefetch:
        try:
            w.page.wait_for_function(PREFETCHED_JS, arg=prefetch, timeout=20_000, polling=100)
        except Exception:  # noqa: BLE001
            out["prefetch"] = "not all prefetched within 20 s"
    w.page.wait_for_timeout(1000)  # the fetched code is run when the page is idle
    w.settle()
    out["prefetch_s"] = round(time.perf_counter() - t0, 2)
    return out


def sequence(browser, base: str, first: Target, targets: list[Target], presenter: bool, prefetch: list[str],
             timeout_s: float, deadline: float) -> dict:
    """One session: `first`, then a sidebar click to each of `targets` in turn."""
    out: dict = {"switches": [], "errors": []}
    query = "?presenter=1" if presenter else ""
    with Watched(browser) as w:
        out["start"] = start(w, base + first.path + query, first, prefetch, timeout_s)
        for t in targets:
            if time.monotonic() > deadline:
                out["time_guard"] = f"{len(out['switches'])} of {len(targets)} switches (time guard)"
                break
            try:
                b = one_switch(w, t, presenter)
            except Exception as err:  # noqa: BLE001 — reported; the session goes on from where it is
                out["errors"].append(f"→ {t.page}: {error_text(err)[:150]}")
                continue
            b["page"] = t.page
            out["switches"].append(b)
    return out


def title_of(page: str) -> str:
    return BY_PAGE[page].title if page in BY_PAGE else page


def round_medians(switches: list[dict]) -> str:
    """'rounds 436 / 259 / 283 ms · ' (median of each round: a round visits every page once; the first is
    each page's first switch in the session); '' for a single round."""
    n = len({b.get("page") for b in switches})
    if not n or len(switches) <= n:
        return ""
    rounds = [switches[i:i + n] for i in range(0, len(switches), n)]
    meds = [summarize([b["figure"] for b in r if b.get("figure") is not None and "error" not in b])["median"]
            for r in rounds]
    return "rounds " + " / ".join("—" if m is None else f"{m:,.0f}" for m in meds) + " ms · "


def switch_figures(key: str, what: str, seq: dict, baseline: bool = False) -> list[Figure]:
    """Median (budget, unless the baseline) and max of one sequence, the slowest switches named."""
    done = [b for b in seq["switches"] if b.get("figure") is not None and "error" not in b]
    times = [b["figure"] for b in done]
    s = summarize(times)
    label = "baseline: empty two-page Streamlit app" if baseline else f"page switch{what}"
    if not times:
        return [error_figure("switch", f"{key}.median", f"{label}: sidebar click → figure",
                             "; ".join(seq["errors"] + [b.get("error", "") for b in seq["switches"]])[:200] or "none")]
    med = Figure("switch", f"{key}.median", f"{label}: sidebar click → figure painted (median of {s['n']})",
                 s["median"], "ms", budget=None if baseline else budget_of(f"{key}.median"),
                 detail=("" if baseline else round_medians(seq["switches"]))
                 + describe(median_breakdown(done, same_page=False)))
    guard = f"{seq['time_guard']} · " if seq.get("time_guard") else ""
    per_page = guard + " · ".join(f"{title_of(b['page'])} {b['figure']:,.0f}" for b in done)
    problems = seq["errors"] + [f"{b['page']}: {b['error']}" for b in seq["switches"] if "error" in b]
    worst = max(done, key=lambda b: b["figure"])
    figures = [med, Figure("switch", f"{key}.max", f"{label}: slowest switch", s["max"], "ms",
                           detail=f"{per_page} ms · slowest, {title_of(worst['page'])}: {describe(worst)}")]
    if problems:
        figures.append(error_figure("switch", f"{key}.errors", f"{label}: {len(problems)} switch(es) failed",
                                    "; ".join(problems)))
    return figures


def largest_first(elements: list[str]) -> list[str]:
    """bench/traffic.tally's 'type (N B)' entries, the largest first."""
    def size(e: str) -> int:
        try:
            return int(e.rsplit("(", 1)[1].split()[0])
        except (IndexError, ValueError):
            return 0

    return sorted(elements, key=size, reverse=True)


def year_steps(browser, base: str, n: int, timeout_s: float) -> tuple[list[Figure], dict]:
    """추이 in presenter mode, from the last year: ◀ n times (years not shown yet in this session), then ▶
    n times (years shown before), each step's frames tallied; the heaviest step against 1 KB."""
    target = BY_PAGE["trends"]
    detail: dict = {"prev": [], "next": []}
    with Watched(browser) as w:
        t0 = time.perf_counter()
        w.goto(base + target.path + "?presenter=1", timeout_s)
        w.arm(target)
        w.wait_painted(timeout_s)
        w.wait_run_finished(t0, 10.0)
        w.wait_whole(timeout_s)  # a step is measured on the page drawn whole, not on the run that completes it
        w.settle()
        for name in ("prev", "next"):
            for _ in range(n):
                # the line-chart component's own button (ui/assets/linechart.js), or, before it, Streamlit's
                # (whose box holds a second, zero-sized button: the visible one is clicked)
                button = w.page.locator(f".bal-lc-{name}, .st-key-reveal_{name} button >> visible=true").first
                frames, dt = collect_change(w.page, w.log, button.click, timeout_s)
                detail[name].append({**tally(frames), "run_s": None if dt is None else round(dt, 3),
                                     "url": w.page.evaluate("location.search")})
    steps = detail["prev"] + detail["next"]
    worst = max(steps, key=lambda t: t["total_bytes"])
    k = worst["by_kind"]
    what = f"추이 (presenter) year step ◀/▶, heaviest of {len(steps)}"
    runs = [s["run_s"] for s in steps if s["run_s"] is not None]
    each = " · ".join(f"{sign} " + ", ".join(f"{s['total_bytes']:,}" for s in detail[name])
                      for sign, name in (("◀", "prev"), ("▶", "next")))
    figures = [
        Figure("switch", "trends.year.total", f"{what}: bytes over the WebSocket", worst["total_bytes"], "bytes",
               budget=budget_of("trends.year.total"),
               detail=f"{worst['frames']} frames · " + " · ".join(f"{name} {v['bytes']:,} B" for name, v in k.items()
                                                                   if v["frames"])
                      + f" · steps {each} B"
                      + (f" · click → run end median {summarize(runs)['median'] * 1000:,.0f} ms" if runs else "")),
        Figure("switch", "trends.year.session_header", f"{what}: of which Streamlit's new_session header",
               k["new_session"]["bytes"], "bytes", detail="sent by Streamlit on every run"),
        Figure("switch", "trends.year.resent", f"{what}: of which elements sent in full (not ref_hash)",
               k["element"]["bytes"], "bytes",
               detail=(", ".join(largest_first(worst["elements_resent"]))[:160] or "none")
                      + f" · {k['ref_hash']['frames']} ref_hash"),
    ]
    return figures, detail


def baseline(browser, ctx: Context, rounds: int, deadline: float) -> tuple[list[Figure], dict]:
    """The empty two-page app: one → two → one … from its sidebar, 6 switches a round."""
    with Server(ctx.work, ctx.work / "empty-pages-app.log", app=EMPTY_PAGES_APP) as server:
        one, two = EMPTY_PAGES
        seq = sequence(browser, server.url, one, [two, one] * 3 * rounds, False, [], ctx.plan.browser_timeout_s,
                       deadline)
        seq["startup_s"] = round(server.startup_s or 0, 3)
    return switch_figures("switch.empty", "", seq, baseline=True), seq


def run(ctx: Context, deadline: float) -> None:
    from playwright.sync_api import sync_playwright

    from bench import browser as chromium

    plan = ctx.plan
    pages = [t.page for t in targets_for(ctx.pages)]
    order = targets_for(switch_sequence(pages, "overview", plan.switch_rounds))
    first = BY_PAGE["overview"]
    prefetch = prefetch_names()
    figures: list[Figure] = []
    detail: dict = {"sequence": [t.page for t in order], "prefetch": prefetch}
    share = (deadline - time.monotonic()) / 4  # each of the four parts gets a quarter of the section's time
    with sync_playwright() as pw:
        browser = chromium.launch(pw)
        try:
            for key, what, presenter in (("switch", "", False), ("switch.presenter", " (presenter)", True)):
                try:
                    seq = sequence(browser, ctx.server.url, first, order, presenter, prefetch,
                                   plan.browser_timeout_s, time.monotonic() + share)
                except Exception as err:  # noqa: BLE001 — reported, the rest goes on
                    figures.append(error_figure("switch", f"{key}.median", f"page switch{what}", error_text(err)))
                    continue
                detail[key] = seq
                figures += switch_figures(key, what, seq)
            try:
                figs, detail["switch.empty"] = baseline(browser, ctx, plan.switch_rounds, time.monotonic() + share)
                figures += figs
            except Exception as err:  # noqa: BLE001
                figures.append(error_figure("switch", "switch.empty.median", "baseline: empty two-page app",
                                            error_text(err)))
            try:
                figs, detail["trends_year"] = year_steps(browser, ctx.server.url, plan.year_steps,
                                                         plan.browser_timeout_s)
                figures += figs
            except Exception as err:  # noqa: BLE001
                figures.append(error_figure("switch", "trends.year.total", "추이 year step", error_text(err)))
        finally:
            browser.close()
    ctx.figures.extend(figures)
    ctx.sections["switch"] = detail


SECTION = Section("switch", run, time_s={"quick": 120, "full": 360}, needs=("data", "pages", "geometry", "server"))
