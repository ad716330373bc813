"""One bench run from start to end: the sections in order (each skippable, time-bounded and
guarded, so that a failed section is reported and the others still run), then the report."""
from __future__ import annotations

import shutil
import tempfile
import time
import traceback
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from bench.budgets import ERROR, FAIL
from bench.context import Context, Section
from bench.figures import error_figure, error_text
from bench.fixtures import provide, release
from bench.meta import describe, loadavg
from bench.plan import FULL, QUICK, Plan
from bench.progress import log
from bench.report import report
from bench.sections import SECTIONS
from bench.sections.build import resolve_raw_dir


def plan_for(quick: bool) -> Plan:
    """The quick or full plan with each section's own time guard for that mode."""
    base = QUICK if quick else FULL
    return replace(base, section_s={s.name: s.time_s[base.name] for s in SECTIONS})


def _guarded(ctx: Context, section: Section) -> None:
    """Run one section within its time guard; an exception becomes an ERROR line and an error."""
    log(f"{section.name} …")
    t0 = time.perf_counter()
    try:
        section.run(ctx, time.monotonic() + ctx.plan.section_s[section.name])
    except Exception as err:  # noqa: BLE001 — a failed section is reported, the others still run
        ctx.add_error(section.name, error_text(err), traceback=traceback.format_exc(limit=6))
        ctx.figures.append(error_figure(section.name, f"{section.name}.error", f"{section.name} section",
                                        error_text(err)))
        log(f"{section.name} failed: {error_text(err)}")
    finally:
        detail = ctx.detail(section.name)
        if isinstance(detail, dict):
            detail["section_s"] = round(time.perf_counter() - t0, 2)


def run_sections(ctx: Context, sections: Sequence[Section] = SECTIONS) -> None:
    """Every section in order, with the fixtures it needs; the server is stopped at the end."""
    try:
        for section in sections:
            if section.name in ctx.skip:
                ctx.sections[section.name] = {"skipped": True}
            elif provide(ctx, section.needs):
                _guarded(ctx, section)
    finally:
        release(ctx)


def run(quick: bool, raw_dir: str | None, json_path: Path, skip: Sequence[str] = (), keep_temp: bool = False,
        strict: bool = False, only_pages: Sequence[str] = ()) -> int:
    """The whole bench (`only_pages`: the pages measured, default every page); exit status 1 only with
    `strict` and a FAIL or ERROR line."""
    plan = plan_for(quick)
    t_start = time.perf_counter()
    started = datetime.now(UTC)
    load_start = loadavg()
    work = Path(tempfile.mkdtemp(prefix="balance-bench-"))
    ctx = Context(plan, work, frozenset(skip), *resolve_raw_dir(raw_dir), only_pages=tuple(only_pages))
    run_sections(ctx)
    total = time.perf_counter() - t_start
    report(ctx, describe(ctx, started, total, load_start), json_path, started, total)
    if keep_temp:
        print(f"temp folder kept: {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if strict and any(f.status in (FAIL, ERROR) for f in ctx.figures) else 0
