"""Region registry and crosswalk: counts, flags, code changes, unknowns fail loudly."""
from __future__ import annotations

import csv
import re

import pytest

from geo import crosswalk, regions
from geo.boundaries import sido_units, sigungu_units


@pytest.mark.parametrize(("boundary_set", "n_sido", "n_sigungu"), [("2024", 17, 229), ("2026-07", 16, 230)])
def test_registry_counts_per_boundary_set_with_unique_codes(boundary_set, n_sido, n_sigungu):
    t = regions.table()
    assert len(regions.codes("sido", boundary_set)) == n_sido
    assert len(regions.codes("sigungu", boundary_set)) == n_sigungu
    assert t["region_code"].is_unique


@pytest.mark.parametrize("boundary_set", regions.SETS)
def test_every_sigungu_parent_is_a_sido_and_capital_flag_follows_parent(boundary_set):
    t = regions.table()
    sgg = t.loc[regions.codes("sigungu", boundary_set)]
    assert set(sgg["parent_code"]) == set(regions.codes("sido", boundary_set))
    capital = set(t.loc[t["is_capital_region"] & (t["level"] == "sido"), "region_code"])
    assert capital == {"11", "28", "41"}
    assert (sgg["is_capital_region"] == sgg["parent_code"].isin(capital)).all()


def test_the_2026_reform_as_declared_in_sources():
    """The reform as SOURCES.md states it: 12 for 29 + 46 with 27 renamed 시군구 (same names), 인천's
    four new 구 from 중구·동구 and 서구, and the rest of the country unchanged."""
    old, new = set(regions.codes("sigungu", "2024")), set(regions.codes("sigungu", "2026-07"))
    assert old - new == {c for c in old if c[:2] in ("29", "46")} | {"28110", "28140", "28260"}
    assert new - old == {c for c in new if c[:2] == "12"} | {"28125", "28155", "28275", "28290"}
    assert len([c for c in new if c[:2] == "12"]) == 27
    t = regions.table()
    assert t.loc["12", "name_ko"] == "전남광주통합특별시"
    assert t.loc["28U01", "from_codes"] == ("28125", "28155")
    assert regions.stand_ins("2026-07") == {"28U01": ("28125", "28155"), "28U02": ("28275", "28290")}
    assert regions.stand_ins("2024") == {}


@pytest.mark.parametrize("old,new", [("42", "51"), ("42110", "51110"), ("45113", "52113"),
                                     ("28170", "28177"), ("47720", "27720"), ("43710", "43110"),
                                     ("11110", "11110")])
def test_code_changes_map_forward(old, new):
    assert crosswalk.to_current_code(old) == new


@pytest.mark.parametrize("bad", ["123", "1111", "abcde", ""])
def test_malformed_codes_raise(bad):
    with pytest.raises(crosswalk.UnknownRegionError):
        crosswalk.to_current_code(bad)


def test_unknown_code_and_name_raise():
    with pytest.raises(crosswalk.UnknownRegionError):
        regions.require("99999")
    with pytest.raises(crosswalk.UnknownRegionError):
        crosswalk.sido_code_for_name("아틀란티스도")


def test_general_gu_rule_keeps_autonomous_gu_with_nonzero_last_digit():
    assert crosswalk.is_general_gu("41111", "수원시장안구")
    assert crosswalk.basic_unit_code("41281", "덕양구") == "41280"
    assert not crosswalk.is_general_gu("11215", "광진구")  # autonomous, ends in 5
    assert crosswalk.basic_unit_code("28185", "연수구") == "28185"


@pytest.mark.parametrize("name,code", [("강원도", "51"), ("강원특별자치도", "51"), ("전라북도", "52"),
                                       ("전북", "52"), ("서울", "11"), ("Gyeonggi-do", "41")])
def test_sido_name_aliases(name, code):
    assert crosswalk.sido_code_for_name(name) == code


def test_boundaries_cover_exactly_the_registry():
    assert set(sigungu_units()["region_code"]) == set(regions.codes("sigungu"))
    assert set(sido_units()["region_code"]) == set(regions.codes("sido"))


def test_registry_matches_mois_2024_codes(raw_dir):
    """Independent check: the 2024 행정기관코드 in the MOIS file, minus 출장소 and 일반구,
    are exactly the registry's 시군구 once mapped forward."""
    path = next(raw_dir.rglob("*연령별인구현황_연간.csv"))
    rows = list(csv.reader(path.read_text(encoding="cp949").splitlines()))
    header, body = rows[0], rows[1:]
    total_2024 = header.index("2024년_거주자_총인구수")
    found = {}
    for r in body:
        m = re.search(r"^(.*)\((\d{10})\)", r[0])
        name, code = m.group(1).split(), m.group(2)
        if code[2:5] == "000" or "출장소" in r[0] or r[total_2024].strip() in ("", "0"):
            continue
        if len(name) == 3:  # '경기도 수원시 장안구': an 일반구 inside its city
            continue
        found[crosswalk.to_current_code(code[:5])] = name[-1]
    assert set(found) == set(regions.codes("sigungu"))
    t = regions.table()
    wrong = {c: (n, t.loc[c, "name_ko"]) for c, n in found.items() if t.loc[c, "name_ko"] != n}
    assert not wrong, f"registry names differ from MOIS 2024 names: {wrong}"
