"""The two modes of the bench (quick and full): repetitions, session counts and time guards.

Concurrency: 20 and 50 sessions in both modes; quick sends 3 year changes per session, full 10.
Each section's own time guard is declared in its module (`Section.time_s`) and copied into
`Plan.section_s` by the runner, so that the result JSON lists it with the rest of the plan.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Plan:
    """Repetitions and time guards of one mode (every loop is bounded by count and by time)."""

    name: str
    build_reps: int
    page_reps: int
    rerun_n: int
    single_n: int
    clients: tuple[int, ...]  # one concurrent run per number of sessions
    changes: int
    warm_paint: bool
    geometry_build: bool
    browser_timeout_s: float
    run_timeout_s: float
    section_s: dict = field(default_factory=dict)  # section name → time guard (s)


QUICK = Plan("quick", build_reps=1, page_reps=1, rerun_n=3, single_n=3, clients=(20, 50), changes=3,
             warm_paint=False, geometry_build=False, browser_timeout_s=40, run_timeout_s=60)
FULL = Plan("full", build_reps=3, page_reps=3, rerun_n=10, single_n=10, clients=(20, 50), changes=10,
            warm_paint=True, geometry_build=True, browser_timeout_s=90, run_timeout_s=120)
