"""The boundary sets in the app (AppTest on the session's full build): the default, no parameters, is the
current set (2026-07: 16 시도, 230 시군구, every figure naming it); `?set=2024` gives back the end-2024
views (17 / 229) with the built 2024 values; the sidebar's control switches and the link keeps the choice;
전남광주 opens as a region; inequality measures count the set's units.

Expected values are read from the built tables of each set (`store.observations(boundary_set=…)`), whose
numbers tests/pipeline/test_boundary_set_data.py checks against the raw files.
"""
from __future__ import annotations

import pytest

from helpers.apptest import button_group, drawn, map_view, run, table
from indicators import store

IND = "reg_extinction_risk_index"


def _built(boundary_set: str, level_len: int, year: int) -> dict[str, float]:
    obs = store.observations(boundary_set=boundary_set)
    admin = obs["region_code"].str.fullmatch(r"\d{2}" if level_len == 2 else r"\d{5}|\d{2}U\d{2}")
    s = obs[(obs["indicator"] == IND) & (obs["year"] == year) & admin & (obs["region_code"] != "00")]
    return {c: v for c, v in zip(s["region_code"], s["value"]) if v == v}


def test_default_map_is_the_current_set():
    at = run({"page": "map", "indicator": IND}, "sets_default_map", boundary_set=None)
    view = map_view(at)
    assert len(view["codes"]) == 16 and "12" in view["codes"] and "29" not in view["codes"]
    year = view["year"]
    assert drawn(view, year) == pytest.approx(_built("2026-07", 2, year))
    assert "2026년 7월 경계" in view["subtitle"][str(year)]
    assert "set" not in at.query_params  # the default stays out of the link


def test_default_sigungu_map_has_230_areas_with_unions_marked():
    at = run({"page": "map", "indicator": IND, "level": "sigungu"}, "sets_default_sigungu", boundary_set=None)
    view = map_view(at)
    assert len(view["codes"]) == 230
    year = str(view["year"])
    union = _built("2026-07", 5, int(year))["28U01"]  # 제물포구+영종구 as one value, no file has them apart
    for code in ("28125", "28155"):
        i = view["codes"].index(code)
        assert view["value"][year][i] == pytest.approx(union)
        assert "제물포구+영종구 합계" in view["text"][year][i]
    assert "나눌 행정동 자료가 없는" in view["subtitle"][year]


def test_end_2024_set_gives_back_the_17_and_229_views():
    for level, n, width in (("sido", 17, 2), ("sigungu", 229, 5)):
        at = run({"page": "map", "indicator": IND, "level": level, "set": "2024"}, f"sets_2024_{level}",
                 boundary_set=None)
        view = map_view(at)
        assert len(view["codes"]) == n
        year = view["year"]
        assert drawn(view, year) == pytest.approx(_built("2024", width, year))
        assert "2024년 말 경계" in view["subtitle"][str(year)]


def test_sidebar_control_switches_the_set_and_the_link_keeps_it():
    at = run({"page": "map", "indicator": IND}, "sets_switch", boundary_set=None)
    assert len(map_view(at)["codes"]) == 16
    button_group(at, "w_global_set").set_value("2024").run()
    assert not at.exception
    assert len(map_view(at)["codes"]) == 17
    assert at.query_params.get("set") in ("2024", ["2024"])


def test_jeonnam_gwangju_opens_as_a_region():
    at = run({"page": "region", "region": "12"}, "sets_region_12", boundary_set=None)
    assert any("전남광주통합특별시" in h.value for h in at.subheader)


def test_inequality_counts_the_sets_units():
    for boundary_set, n in (("2026-07", 16), ("2024", 17)):
        at = run({"page": "disparity", "indicator": "grdp_nominal_krw_mn", "level": "sido", "set": boundary_set},
                 f"sets_disparity_{boundary_set}", boundary_set=None)
        assert set(table(at, "disp_table").value["n_full"]) == {n}, boundary_set
