"""Pure helpers of the benchmark: statistics, budgets, figure records, the table, the JSON shape.

Nothing here starts a process, touches the network or reads the clock, so it is all
covered by the fast smoke test (tests/unit/test_bench_smoke.py).
"""
from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA = "balance-bench/1"
PASS, FAIL, ERROR = "PASS", "FAIL", "ERROR"

# Budgets of the brief. A timing budget is checked against the p95 of its samples
# (every change should be quick, not only the typical one); sizes against the value.
BUDGETS: dict[str, tuple[float, str]] = {
    "rerun.year.sido": (150.0, "ms"),
    "rerun.year.sigungu": (150.0, "ms"),
    "geometry.sigungu": (300.0, "KB"),
    "geometry.sido": (100.0, "KB"),
}


# ---------------------------------------------------------------- statistics

def percentile(values: Iterable[float], q: float) -> float | None:
    """The q-th percentile (0–100) with linear interpolation between order statistics
    (numpy's default 'linear' method); None for no values."""
    xs = sorted(float(v) for v in values if v is not None and not math.isnan(float(v)))
    if not xs:
        return None
    if not 0.0 <= q <= 100.0:
        raise ValueError(f"percentile must be within 0..100, not {q}")
    pos = (len(xs) - 1) * q / 100.0
    lo = math.floor(pos)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def summarize(values: Sequence[float]) -> dict[str, Any]:
    """n, median, p95, min, max, mean of a list of samples (None fields when empty)."""
    xs = [float(v) for v in values if v is not None]
    if not xs:
        return {"n": 0, "median": None, "p95": None, "min": None, "max": None, "mean": None}
    return {"n": len(xs), "median": percentile(xs, 50), "p95": percentile(xs, 95), "min": min(xs),
            "max": max(xs), "mean": sum(xs) / len(xs)}


def scaled(summary: dict[str, Any], factor: float, ndigits: int = 3) -> dict[str, Any]:
    """A summary with every statistic multiplied by `factor` (e.g. seconds → ms), rounded."""
    return {k: (round(v * factor, ndigits) if isinstance(v, float) else v) for k, v in summary.items()}


# ---------------------------------------------------------------- budgets and figures

def check_budget(value: float | None, limit: float | None) -> str:
    """PASS / FAIL against an upper limit; '' without a limit; ERROR without a value."""
    if limit is None:
        return ""
    if value is None:
        return ERROR
    return PASS if value <= limit else FAIL


@dataclass
class Figure:
    """One line of the table: a measured value, its unit and (optionally) its budget."""

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
        if self.budget is None and self.key in BUDGETS:
            self.budget = BUDGETS[self.key][0]
        if not self.status:
            self.status = check_budget(self.value, self.budget)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def error_figure(section: str, key: str, label: str, message: str) -> Figure:
    return Figure(section, key, label, None, "", status=ERROR, detail=message[:200])


# ---------------------------------------------------------------- formatting

def format_value(value: float | None, unit: str) -> str:
    """Human text of a value in its unit: '12.3 ms', '4.21 s', '276.6 KB', '31.6×'."""
    if value is None:
        return "—"
    if unit == "ms":
        return f"{value:,.0f} ms" if value >= 100 else f"{value:,.1f} ms"
    if unit == "s":
        return f"{value:,.2f} s"
    if unit == "KB":
        return f"{value:,.1f} KB"
    if unit == "MB":
        return f"{value:,.1f} MB"
    if unit == "bytes":
        if value >= 1024 * 1024:
            return f"{value / 1024 / 1024:,.2f} MB"
        if value >= 1024:
            return f"{value / 1024:,.1f} KB"
        return f"{value:,.0f} B"
    if unit == "x":
        return f"{value:,.1f}×"
    if unit == "count":
        return f"{value:,.0f}"
    if unit == "/s":
        return f"{value:,.1f}/s"
    return f"{value:g} {unit}".strip()


def format_budget(budget: float | None, unit: str) -> str:
    return "—" if budget is None else "≤ " + format_value(budget, unit)


def display_width(text: str) -> int:
    """Terminal columns of `text` (Hangul and other wide characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - display_width(text))
    return gap + text if right else text + gap


def format_table(figures: Sequence[Figure], title: str = "") -> str:
    """Aligned plain-text table: section, figure, value, budget, status (+ detail)."""
    head = ("section", "figure", "value", "budget", "status", "detail")
    rows = [(f.section, f.label, format_value(f.value, f.unit), format_budget(f.budget, f.unit), f.status,
             f.detail) for f in figures]
    widths = [max([display_width(head[i])] + [display_width(r[i]) for r in rows]) for i in range(5)]
    right = (False, False, True, True, False)

    def line(cells: Sequence[str]) -> str:
        parts = [pad(c, w, r) for c, w, r in zip(cells[:5], widths, right)]
        return ("  ".join(parts) + ("  " + cells[5] if cells[5] else "")).rstrip()

    out = [title] if title else []
    out.append(line(head))
    out.append("  ".join("-" * w for w in widths))
    prev = None
    for r in rows:
        out.append(line((r[0] if r[0] != prev else "",) + r[1:]))
        prev = r[0]
    return "\n".join(out)


# ---------------------------------------------------------------- the result document

def result_document(meta: dict[str, Any], figures: Sequence[Figure], sections: dict[str, Any],
                    errors: Sequence[dict[str, str]] = ()) -> dict[str, Any]:
    statuses = [f.status for f in figures]
    return {
        "schema": SCHEMA,
        "meta": meta,
        "summary": {"figures": len(figures), "pass": statuses.count(PASS), "fail": statuses.count(FAIL),
                    "error": statuses.count(ERROR) + len(errors)},
        "figures": [f.to_dict() for f in figures],
        "sections": sections,
        "errors": list(errors),
    }


FIGURE_FIELDS = {"section": str, "key": str, "label": str, "unit": str, "status": str, "detail": str,
                 "extra": dict}


def validate_document(doc: Any) -> list[str]:
    """Problems with the shape of a result document ([] = well formed)."""
    problems: list[str] = []
    if not isinstance(doc, dict):
        return ["document is not an object"]
    if doc.get("schema") != SCHEMA:
        problems.append(f"schema is {doc.get('schema')!r}, expected {SCHEMA!r}")
    for name, kind in (("meta", dict), ("summary", dict), ("figures", list), ("sections", dict),
                       ("errors", list)):
        if not isinstance(doc.get(name), kind):
            problems.append(f"{name} missing or not a {kind.__name__}")
    for i, f in enumerate(doc.get("figures") or []):
        if not isinstance(f, dict):
            problems.append(f"figures[{i}] is not an object")
            continue
        for name, kind in FIGURE_FIELDS.items():
            if not isinstance(f.get(name), kind):
                problems.append(f"figures[{i}].{name} missing or not a {kind.__name__}")
        if f.get("value") is not None and not isinstance(f.get("value"), (int, float)):
            problems.append(f"figures[{i}].value is not a number")
        if f.get("budget") is not None and not isinstance(f.get("budget"), (int, float)):
            problems.append(f"figures[{i}].budget is not a number")
        if f.get("status") not in ("", PASS, FAIL, ERROR):
            problems.append(f"figures[{i}].status {f.get('status')!r} unknown")
    try:
        json.dumps(doc, allow_nan=False)
    except (TypeError, ValueError) as err:
        problems.append(f"not plain JSON: {err}")
    return problems


def json_safe(obj: Any) -> Any:
    """NaN/inf → None and tuples → lists, recursively, so the document is strict JSON."""
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, dict):
        return {str(k): json_safe(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [json_safe(v) for v in obj]
    return obj


# ---------------------------------------------------------------- reading the map figure

YEAR_RE = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")


def years_in(text: str) -> set[int]:
    """Four-digit years (1900–2099) written in a text."""
    return {int(y) for y in YEAR_RE.findall(text or "")}


def figure_titles(spec: dict) -> str:
    """Title and subtitle text of a plotly figure spec (dict from the chart's JSON)."""
    title = (spec.get("layout") or {}).get("title") or {}
    if isinstance(title, str):
        return title
    sub = title.get("subtitle") or {}
    sub_text = sub.get("text", "") if isinstance(sub, dict) else str(sub)
    return f"{title.get('text', '')} {sub_text}"


def shown_years(spec: dict) -> set[int]:
    """Years the figure says it shows: from its title/subtitle, else from the hover text."""
    years = years_in(figure_titles(spec))
    if years:
        return years
    found: set[int] = set()
    for trace in spec.get("data") or []:
        text = trace.get("text")
        if isinstance(text, list):
            for t in text[:5]:
                found |= years_in(str(t))
    return found


def shows_year(spec: dict, year: int) -> bool:
    return int(year) in shown_years(spec)


def choropleth_locations(spec: dict) -> int:
    """Regions drawn by the choropleth traces of a figure spec."""
    return sum(len(t.get("locations") or []) for t in spec.get("data") or [] if t.get("type") == "choropleth")


def change_sequence(options: Sequence[Any], current: Any, n: int) -> list[Any]:
    """n values to switch to in turn, each different from the one before (starting from
    `current`), cycling through the options; [] when there is nothing to change to."""
    opts = list(dict.fromkeys(options))
    if n <= 0 or len(opts) < 2 and (not opts or opts[0] == current):
        return []
    order = [o for o in opts if o != current] + ([current] if current in opts else [])
    seq: list[Any] = []
    prev = current
    i = 0
    while len(seq) < n and i < 10 * n + len(order):
        cand = order[i % len(order)]
        i += 1
        if cand != prev:
            seq.append(cand)
            prev = cand
    return seq


def query_with(query_string: str, **values: Any) -> str:
    """`query_string` with the given parameters set (None removes one); order kept."""
    from urllib.parse import parse_qsl, urlencode

    pairs = [(k, v) for k, v in parse_qsl(query_string, keep_blank_values=True) if k not in values]
    pairs += [(k, str(v)) for k, v in values.items() if v is not None]
    return urlencode(pairs)
