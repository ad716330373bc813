"""The two modes of the bench (quick and full): repetitions, session counts and time guards.

Paint: first map paint in `paint_contexts` new browser contexts (quick 3, full 9; the empty page as
many). Page paint: every page's first paint in `page_rounds` new contexts each (quick 3, full 7; the
empty page twice a round). Switches: `switch_rounds` passes through every page from the sidebar in one
session (quick 1, full 3), in normal and in presenter mode. Sessions, in both modes as issue 12 sets
them: 20 sessions × `changes` (10) view changes (indicator and level) against one process without the
proxy (the baseline) and through the proxy, then 50 sessions × 10 through the proxy.
Quick differs in repetitions and time guards only. Each section's own time guard is declared in its
module (`Section.time_s`) and copied into `Plan.section_s` by the runner, so that the result JSON lists
it with the rest of the plan.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Plan:
    """Repetitions and time guards of one mode (every loop is bounded by count and by time)."""

    name: str
    build_reps: int
    page_reps: int
    changes: int  # view changes per session (the 10 interactions)
    paint_contexts: int  # new browser contexts for the map's first paint (and as many for the empty page)
    year_steps: int  # year steps in the browser, each tallied (the map's; 추이's in presenter mode)
    page_rounds: int  # rounds of first paints of every page (each page once, the empty page twice a round)
    switch_rounds: int  # rounds of page switches through every page, per mode (normal, presenter)
    geometry_build: bool
    browser_timeout_s: float
    run_timeout_s: float
    section_s: dict = field(default_factory=dict)  # section name → time guard (s)


QUICK = Plan("quick", build_reps=1, page_reps=1, changes=10, paint_contexts=3, year_steps=3, page_rounds=3,
             switch_rounds=1, geometry_build=False, browser_timeout_s=40, run_timeout_s=60)
FULL = Plan("full", build_reps=3, page_reps=3, changes=10, paint_contexts=9, year_steps=5, page_rounds=7,
            switch_rounds=3, geometry_build=True, browser_timeout_s=90, run_timeout_s=120)
