"""Map geometry: every region kept, small enough to draw at once, feature ids = region codes."""
from __future__ import annotations

import json

from geo import regions, simplify


def test_simplified_geometry_sizes_and_ids():
    data = simplify.load()
    for level, limit_kb in (("sigungu", 300), ("sido", 100)):
        fc = simplify.geojson(level)
        ids = [f["id"] for f in fc["features"]]
        assert sorted(ids) == sorted(regions.codes(level)), level
        assert all(f["geometry"]["coordinates"] for f in fc["features"])
        size_kb = len(json.dumps(fc, separators=(",", ":"))) / 1024
        assert size_kb <= limit_kb, f"{level}: {size_kb:.0f} KB"
        outline = simplify.capital_outline(level)
        assert len(outline["lon"]) == len(outline["lat"]) > 10
    assert data["version"] == simplify.VERSION


def test_coordinates_rounded_to_grid():
    fc = simplify.geojson("sido")
    coords = json.dumps(fc["features"][0]["geometry"]["coordinates"])
    decimals = max(len(x.split(".")[1]) for x in coords.replace("[", " ").replace("]", " ").replace(",", " ").split()
                   if "." in x)
    assert decimals <= 6  # 1e-4° grid (float noise aside)
