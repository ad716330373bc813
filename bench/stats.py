"""Statistics of timing samples: percentiles (numpy's 'linear' method) and summaries."""
from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any


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


def ms_samples(seconds: Sequence[float]) -> list[float]:
    """Samples in seconds as milliseconds, rounded to 0.1 ms (the JSON's `samples_ms`)."""
    return [round(x * 1000, 1) for x in seconds]
