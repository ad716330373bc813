"""Reading the browser map's SVG paths back (tests only): the area of each path on the grid, as the
benchmark measures it (`bench.svgarea`, one implementation for both; independent of geo.svgmap)."""
from __future__ import annotations

from bench.svgarea import path_area_km2

__all__ = ["path_area_km2"]
