"""Reading the browser map's SVG paths back (tests only): area of each path on the grid."""
from __future__ import annotations

import re

import numpy as np

_NUM = re.compile(r"-?\d+")


def path_area_km2(d: str, quantum_m: float) -> float:
    """Area (km²) enclosed by an SVG path of 'M x y l dx dy … z' subpaths (outer rings one way round,
    holes the other, as geo.svgmap writes them)."""
    total = 0.0
    for sub in d.split("M")[1:]:
        head, body = sub.rstrip("z").split("l", 1)
        start = np.array([int(v) for v in _NUM.findall(head)], dtype=float)
        steps = np.reshape([int(v) for v in _NUM.findall(body)], (-1, 2))
        pts = np.vstack([start, start + np.cumsum(steps, axis=0)])
        x, y = pts[:, 0], pts[:, 1]
        total += 0.5 * (np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))
    return abs(total) * quantum_m**2 / 1e6
