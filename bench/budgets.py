"""The budget table of the brief and the PASS / FAIL / ERROR verdict against it.

A timing budget is checked against the p95 of its samples (every change should be quick, not
only the typical one); a size budget against the value itself.
"""
from __future__ import annotations

PASS, FAIL, ERROR = "PASS", "FAIL", "ERROR"

# figure key → (upper limit, unit)
BUDGETS: dict[str, tuple[float, str]] = {
    "rerun.year.sido": (150.0, "ms"),
    "rerun.year.sigungu": (150.0, "ms"),
    "geometry.sigungu": (300.0, "KB"),
    "geometry.sido": (100.0, "KB"),
}


def budget_of(key: str) -> float | None:
    """The upper limit the brief sets for figure `key` (None: no budget)."""
    return BUDGETS[key][0] if key in BUDGETS else None


def check_budget(value: float | None, limit: float | None) -> str:
    """PASS / FAIL against an upper limit; '' without a limit; ERROR without a value."""
    if limit is None:
        return ""
    if value is None:
        return ERROR
    return PASS if value <= limit else FAIL
