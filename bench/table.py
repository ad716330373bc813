"""The printed result: values in their units and the aligned plain-text table (Hangul-aware)."""
from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from bench.figures import Figure

HEAD = ("section", "figure", "value", "budget", "status", "detail")
RIGHT = (False, False, True, True, False)  # right-aligned columns (value, budget)


def _format_bytes(value: float) -> str:
    if value >= 1024 * 1024:
        return f"{value / 1024 / 1024:,.2f} MB"
    if value >= 1024:
        return f"{value / 1024:,.1f} KB"
    return f"{value:,.0f} B"


_FORMATS = {
    "s": "{:,.2f} s", "KB": "{:,.1f} KB", "MB": "{:,.1f} MB", "x": "{:,.1f}×", "count": "{:,.0f}",
    "/s": "{:,.1f}/s", "%": "{:,.2f} %",
}


def format_value(value: float | None, unit: str) -> str:
    """Human text of a value in its unit: '12.3 ms', '4.21 s', '276.6 KB', '31.6×'."""
    if value is None:
        return "—"
    if unit == "ms":
        return f"{value:,.0f} ms" if value >= 100 else f"{value:,.1f} ms"
    if unit == "bytes":
        return _format_bytes(value)
    if unit in _FORMATS:
        return _FORMATS[unit].format(value)
    return f"{value:g} {unit}".strip()


def format_budget(budget: float | None, unit: str) -> str:
    return "—" if budget is None else "≤ " + format_value(budget, unit)


def display_width(text: str) -> int:
    """Terminal columns of `text` (Hangul and other wide characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - display_width(text))
    return gap + text if right else text + gap


def _row(f: Figure) -> tuple[str, ...]:
    return (f.section, f.label, format_value(f.value, f.unit), format_budget(f.budget, f.unit), f.status,
            f.detail)


def format_table(figures: Sequence[Figure], title: str = "") -> str:
    """Aligned plain-text table: section, figure, value, budget, status (+ detail)."""
    rows = [_row(f) for f in figures]
    widths = [max([display_width(HEAD[i])] + [display_width(r[i]) for r in rows]) for i in range(5)]

    def line(cells: Sequence[str]) -> str:
        parts = [pad(c, w, r) for c, w, r in zip(cells[:5], widths, RIGHT)]
        return ("  ".join(parts) + ("  " + cells[5] if cells[5] else "")).rstrip()

    out = [title] if title else []
    out.append(line(HEAD))
    out.append("  ".join("-" * w for w in widths))
    prev = None
    for r in rows:
        out.append(line((r[0] if r[0] != prev else "",) + r[1:]))
        prev = r[0]
    return "\n".join(out)
