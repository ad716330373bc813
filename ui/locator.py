"""A brief's locator map: the region highlighted in its province (a 시군구) or in the country (a 시도, 수도권),
as a small static inline SVG drawn from the build's own map geometry (`geo.svgmap` paths).

The paths are on a 50 m grid, drawn here a few centimetres wide: each is coarsened to about `UNITS` grid
cells across the drawing (points snapped to a coarser grid, repeats dropped, rings that collapse left out),
so a province costs a few KB instead of the 150 KB of the whole 시군구 layer. Nothing is reprojected or
re-simplified beyond that snapping: the shapes are the ones every map of the app draws.
"""
from __future__ import annotations

import html
import math
import re

NUM = re.compile(r"-?\d+")
UNITS = 280  # grid cells across a drawing after coarsening (a drawing is at most ~6 cm wide on paper)
MAIN_PART = 0.02  # a ring under this share of the largest ring's area frames nothing (an islet)
NEAR = 0.25  # nor does a ring farther than this share of the largest ring's size from it (울릉도 from 경북)
Box = tuple[int, int, int, int]  # x0, y0, x1, y1 on the geometry's grid


def rings(path: str) -> list[list[tuple[int, int]]]:
    """The rings of a `geo.svgmap` path ('M x y l dx dy dx dy … z', one subpath per ring) as absolute
    grid points."""
    out = []
    for sub in path.split("M")[1:]:
        nums = [int(n) for n in NUM.findall(sub)]
        if len(nums) < 2:
            continue
        x, y = nums[0], nums[1]
        pts = [(x, y)]
        for dx, dy in zip(nums[2::2], nums[3::2]):
            x, y = x + dx, y + dy
            pts.append((x, y))
        out.append(pts)
    return out


def box(paths: list[str]) -> Box:
    """The bounding box of `paths` on their grid."""
    pts = [p for path in paths for ring in rings(path) for p in ring]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def _dp(pts: list[tuple[int, int]], tol: float) -> list[tuple[int, int]]:
    """Douglas–Peucker: the points of the open polyline `pts` that keep it within `tol` of itself."""
    keep = {0, len(pts) - 1}
    stack = [(0, len(pts) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = pts[a], pts[b]
        length = math.hypot(bx - ax, by - ay)
        far, far_d = -1, tol
        for i in range(a + 1, b):
            px, py = pts[i]
            d = (abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length if length
                 else math.hypot(px - ax, py - ay))
            if d > far_d:
                far, far_d = i, d
        if far > 0:
            keep.add(far)
            stack += [(a, far), (far, b)]
    return [pts[i] for i in sorted(keep)]


def _area(pts: list[tuple[int, int]]) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]))) / 2


def coarse(path: str, factor: int, origin: tuple[int, int] = (0, 0), tol: float = 0.75,
           min_area: float = 3.0, within: Box | None = None) -> str:
    """`path` on a grid `factor` times coarser, shifted so that `origin` is 0, 0, each ring simplified
    within `tol` cells (Douglas–Peucker) and dropped when smaller than `min_area` square cells (an islet
    under a pixel) or, with `within` (a box on the path's grid), when it lies outside it; relative moves,
    whole numbers ('' if no ring is left)."""
    ox, oy = origin
    parts = []
    for ring in rings(path):
        if within is not None and not _overlaps(_ring_box(ring), within):
            continue
        snapped: list[tuple[int, int]] = []
        for x, y in ring:
            p = (round((x - ox) / factor), round((y - oy) / factor))
            if not snapped or p != snapped[-1]:
                snapped.append(p)
        while len(snapped) > 1 and snapped[-1] == snapped[0]:
            snapped.pop()
        if len(set(snapped)) < 3 or _area(snapped) < min_area:
            continue
        x0, y0 = snapped[0]
        far = max(range(len(snapped)), key=lambda i: abs(snapped[i][0] - x0) + abs(snapped[i][1] - y0))
        kept = _dp(snapped[:far + 1], tol)[:-1] + _dp(snapped[far:] + snapped[:1], tol)[:-1]
        if len(kept) < 3:
            continue
        steps = " ".join(f"{b[0] - a[0]} {b[1] - a[1]}" for a, b in zip(kept, kept[1:])).replace(" -", "-")
        parts.append(f"M{kept[0][0]} {kept[0][1]}l{steps}z")
    return "".join(parts)


def _main_rings(paths: list[str], near: float | None = NEAR) -> list[list[tuple[int, int]]]:
    """The rings of `paths` that frame a drawing: the largest, and every ring of at least `MAIN_PART` of its
    area lying within `near` of its size from it (강화도 beside 인천; not 백령도, 울릉도 or 흑산도; None:
    anywhere)."""
    all_rings = [r for p in paths for r in rings(p)]
    if not all_rings:
        return []
    largest = max(all_rings, key=_area)
    big = _ring_box(largest)
    reach = (near or 0.0) * max(big[2] - big[0], big[3] - big[1])
    around = (big[0] - reach, big[1] - reach, big[2] + reach, big[3] + reach)
    return [r for r in all_rings if _area(r) >= MAIN_PART * _area(largest)
            and (near is None or _overlaps(_ring_box(r), around))]


def frame(paths: list[str], keep: list[str] = (), near: float | None = NEAR) -> Box:
    """The box a drawing is framed on: the main rings (`_main_rings`) of `paths` and of `keep` (the
    highlighted area: its own main part is always in view)."""
    main = _main_rings(paths, near) + _main_rings(list(keep))
    xs, ys = [x for r in main for x, _ in r], [y for r in main for _, y in r]
    return min(xs), min(ys), max(xs), max(ys)


def _ring_box(ring: list[tuple[int, int]]) -> Box:
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    return min(xs), min(ys), max(xs), max(ys)


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def drawing(layers: list[tuple[dict[str, str], dict[str, str], str]], bounds: Box, label: str,
            width_px: int, units: int = UNITS, margin: float = 0.04) -> str:
    """An inline SVG of `layers` (each: code → path, code → fill, stroke colour; drawn in order) framed on
    `bounds` (grid box, with `margin` of its size around), `width_px` wide and about `units` grid cells
    across (`coarse`), titled `label` (its accessible name). Only rings that meet the frame are drawn."""
    w, h = bounds[2] - bounds[0], bounds[3] - bounds[1]
    pad = int(max(w, h) * margin)
    view = (bounds[0] - pad, bounds[1] - pad, bounds[2] + pad, bounds[3] + pad)
    factor = max(1, math.ceil((view[2] - view[0]) / units))
    origin = (view[0], view[1])
    vw, vh = math.ceil((view[2] - view[0]) / factor), math.ceil((view[3] - view[1]) / factor)
    body = []
    for paths, fills, stroke in layers:
        for code, fill in fills.items():
            path = paths.get(code)
            d = coarse(path, factor, origin, within=view) if path else ""
            if d:
                body.append(f'<path d="{d}" fill="{fill}" stroke="{stroke}"/>')
    height_px = round(width_px * vh / vw)
    return (f'<svg class="bal-locator" role="img" aria-label="{html.escape(label)}" viewBox="0 0 {vw} {vh}" '
            f'width="{width_px}" height="{height_px}" fill-rule="evenodd" stroke-linejoin="round">'
            f'<title>{html.escape(label)}</title>{"".join(body)}</svg>')


def level_paths(payload: dict) -> dict[str, str]:
    """code → path of one level's geometry payload (`app_data.map_geometry()[level]`)."""
    return dict(zip(payload["codes"], payload["paths"]))


OTHER, CONTEXT, EDGE, LINE = "#eeeeee", "#d9dde3", "#ffffff", "#9aa3ad"  # other 시도, the province, borders
INSET_OTHER, INSET_MARK = "#d9dde3", "#5b6570"  # a small country map: the country, the province marked


def in_province(geometry: dict, code: str, parent: str, colour: str, label: str, width_px: int = 230,
                units: int = UNITS) -> str:
    """A 시군구 `code` (filled `colour`) among the other 시군구 of its 시도 `parent`, the neighbouring 시도 in
    grey around them. `geometry`: one boundary set's payloads (`app_data.map_geometry()`)."""
    sgg, sido = level_paths(geometry["sigungu"]), level_paths(geometry["sido"])
    mine = {c: (colour if c == code else CONTEXT) for c in sgg if c[:2] == parent}
    others = {c: OTHER for c in sido if c != parent}
    return drawing([(sido, others, EDGE), (sgg, mine, EDGE), (sido, {parent: "none"}, LINE)],
                   frame([sido[parent]], [sgg[code]]), label, width_px, units)


def in_country(geometry: dict, highlight: dict[str, str], label: str, width_px: int = 230,
               units: int = UNITS, other: str = OTHER) -> str:
    """The country's 시도, those of `highlight` (code → fill) coloured, the others `other`."""
    sido = level_paths(geometry["sido"])
    fills = {c: highlight.get(c, other) for c in sido}
    return drawing([(sido, fills, EDGE)], frame(list(sido.values()), near=None), label, width_px, units,
                   margin=0.01)
