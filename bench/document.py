"""The JSON result document (schema balance-bench/1): assembling it, strict-JSON cleaning, shape check."""
from __future__ import annotations

import json
import math
from collections.abc import Sequence
from typing import Any

from bench.budgets import ERROR, FAIL, PASS
from bench.figures import Figure

SCHEMA = "balance-bench/1"
PARTS = (("meta", dict), ("summary", dict), ("figures", list), ("sections", dict), ("errors", list))
FIGURE_FIELDS = {"section": str, "key": str, "label": str, "unit": str, "status": str, "detail": str,
                 "extra": dict}


def result_document(meta: dict[str, Any], figures: Sequence[Figure], sections: dict[str, Any],
                    errors: Sequence[dict[str, str]] = ()) -> dict[str, Any]:
    """The whole result: run description, PASS/FAIL/ERROR counts, every figure, per-section detail."""
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


def _figure_problems(i: int, f: Any) -> list[str]:
    if not isinstance(f, dict):
        return [f"figures[{i}] is not an object"]
    problems = [f"figures[{i}].{name} missing or not a {kind.__name__}"
                for name, kind in FIGURE_FIELDS.items() if not isinstance(f.get(name), kind)]
    for name in ("value", "budget"):
        if f.get(name) is not None and not isinstance(f.get(name), (int, float)):
            problems.append(f"figures[{i}].{name} is not a number")
    if f.get("status") not in ("", PASS, FAIL, ERROR):
        problems.append(f"figures[{i}].status {f.get('status')!r} unknown")
    return problems


def validate_document(doc: Any) -> list[str]:
    """Problems with the shape of a result document ([] = well formed)."""
    if not isinstance(doc, dict):
        return ["document is not an object"]
    problems: list[str] = []
    if doc.get("schema") != SCHEMA:
        problems.append(f"schema is {doc.get('schema')!r}, expected {SCHEMA!r}")
    problems += [f"{name} missing or not a {kind.__name__}" for name, kind in PARTS
                 if not isinstance(doc.get(name), kind)]
    for i, f in enumerate(doc.get("figures") or []):
        problems += _figure_problems(i, f)
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
