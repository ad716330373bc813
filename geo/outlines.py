"""Outlines of groups of areas, drawn as lines over a choropleth (pure; shapely only).

`union_outline(features, codes)` dissolves the polygons of the chosen features and returns the
rings of the union as lon/lat lists with None breaks (the form plotly line traces take), so a
border shared by two chosen areas disappears and only the group's edge is drawn.
"""
from __future__ import annotations

from collections.abc import Iterable

import shapely
import shapely.geometry


def rings(geom) -> dict[str, list[float | None]]:
    """Exterior and interior rings of a (multi)polygon: {'lon': [...], 'lat': [...]} (4 decimals,
    rings separated by None)."""
    lon: list[float | None] = []
    lat: list[float | None] = []
    for poly in shapely.get_parts(geom):
        for ring in [poly.exterior, *poly.interiors]:
            xy = shapely.get_coordinates(ring)
            lon += [round(float(x), 4) for x in xy[:, 0]] + [None]
            lat += [round(float(y), 4) for y in xy[:, 1]] + [None]
    return {"lon": lon, "lat": lat}


def union_of(features: dict, codes: Iterable[str]):
    """The dissolved (multi)polygon of the features whose id is in `codes`; KeyError naming ids
    that are not in the collection."""
    wanted = set(codes)
    by_id = {f["id"]: f for f in features["features"]}
    unknown = sorted(wanted - set(by_id))
    if unknown:
        raise KeyError(f"no feature for {unknown[:5]}")
    shapes = [shapely.geometry.shape(by_id[c]["geometry"]) for c in sorted(wanted)]
    # a tiny buffer closes slivers left by simplification, so neighbours dissolve into one edge
    return shapely.union_all([s.buffer(1e-6) for s in shapes]).buffer(-1e-6)


def union_outline(features: dict, codes: Iterable[str]) -> dict[str, list[float | None]]:
    """`rings` of `union_of(features, codes)` (empty lists when `codes` is empty)."""
    codes = list(codes)
    if not codes:
        return {"lon": [], "lat": []}
    return rings(union_of(features, codes))
