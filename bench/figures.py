"""One line of the result table: the `Figure` record (value, unit, budget, status, detail)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from bench.budgets import ERROR, budget_of, check_budget


@dataclass
class Figure:
    """One line of the table: a measured value, its unit and (optionally) its budget; a key
    of the budget table brings its limit, and the status follows from value and limit."""

    section: str
    key: str
    label: str
    value: float | None
    unit: str
    budget: float | None = None
    status: str = ""
    detail: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.budget is None:
            self.budget = budget_of(self.key)
        if not self.status:
            self.status = check_budget(self.value, self.budget)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def error_figure(section: str, key: str, label: str, message: str) -> Figure:
    """A line saying a measurement could not be made (status ERROR, no value)."""
    return Figure(section, key, label, None, "", status=ERROR, detail=message[:200])


def error_text(err: BaseException) -> str:
    """'TypeName: message' of an exception, as the table and the JSON show it."""
    return f"{type(err).__name__}: {err}"
