"""Section pages: each page of the app run in-process under AppTest, cold (fresh caches: the first
visit with an empty cache, budget 2 s) and warm (the same AppTest run again, budget 100 ms)."""
from __future__ import annotations

import time

from bench.apptest import clear_caches, new_app, timed_run
from bench.budgets import budget_of
from bench.context import Context, Section
from bench.figures import Figure, error_figure, error_text
from bench.stats import scaled, summarize

COLD = ("fresh AppTest after st.cache_data/cache_resource.clear() and the in-process geometry caches "
        "cleared (disk caches kept)")
WARM = "second run of the same AppTest"


def warm_up_imports() -> dict:
    """One unrecorded run so that module imports (plotly, pandas, the app's modules) are not
    charged to the first page measured."""
    clear_caches()
    at = new_app("overview")
    dt, errors = timed_run(at)
    return {"first_run_in_process_s": round(dt, 3), "errors": errors}


def _cold_warm(page: str, reps: int, deadline: float) -> tuple[list[float], list[float], list[str]]:
    """Seconds of the cold and the warm run of `page`, `reps` times (bounded by `deadline`)."""
    cold, warm, errors = [], [], []
    for i in range(max(1, reps)):
        if i and time.monotonic() > deadline:
            break
        try:
            clear_caches()
            at = new_app(page)
            dt_cold, e1 = timed_run(at)
            dt_warm, e2 = timed_run(at)
        except Exception as err:  # noqa: BLE001
            errors.append(error_text(err))
            break
        cold.append(dt_cold)
        warm.append(dt_warm)
        errors += e1 + e2
    return cold, warm, errors


def _page_figures(page: str, sc: dict, sw: dict, errors: list[str]) -> list[Figure]:
    note = f"{len(errors)} exception(s): {errors[0][:80]}" if errors else ""
    rep_note = f"median of {sc['n']}" if sc["n"] > 1 else ""
    status = "ERROR" if errors else ""
    return [Figure("pages", f"page.{page}.cold", f"{page}: first visit, empty cache", sc["median"], "ms",
                   budget=budget_of("page.cold"), status=status, detail=note or rep_note, extra={"ms": sc}),
            Figure("pages", f"page.{page}.warm", f"{page}: warm rerun", sw["median"], "ms",
                   budget=budget_of("page.warm"), status=status, detail=rep_note, extra={"ms": sw})]


def page_times(pages: list[str], reps: int, deadline: float) -> tuple[list[Figure], dict]:
    """Cold and warm run time (median, ms) of every page."""
    figures: list[Figure] = []
    detail: dict = {}
    for page in pages:
        cold, warm, errors = _cold_warm(page, reps, deadline)
        if not cold:
            figures.append(error_figure("pages", f"page.{page}.cold", f"{page}: cold run", "; ".join(errors)))
            continue
        sc, sw = scaled(summarize(cold), 1000), scaled(summarize(warm), 1000)
        detail[page] = {"cold_ms": sc, "warm_ms": sw, "errors": errors}
        figures.extend(_page_figures(page, sc, sw, errors))
    return figures, detail


def run(ctx: Context, deadline: float) -> None:
    warm = warm_up_imports()
    figures, detail = page_times(ctx.pages, ctx.plan.page_reps, deadline)
    ctx.figures.extend(figures)
    ctx.sections["pages"] = {"warm_up": warm, "pages": detail, "reps": ctx.plan.page_reps, "cold": COLD,
                             "warm": WARM}


SECTION = Section("pages", run, time_s={"quick": 15, "full": 90}, needs=("data", "apptest", "pages"))
