"""인구감소지역 / 인구감소관심지역 designations: 89 + 18 by current code, per-시도 counts of the
notices, the two 고성군 and 군위군 resolved, bad input named; and the KEIS class × designation
cross-table on the 2024 거주자 basis checked against counts made here from the raw age file."""
from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from geo import regions
from helpers import RAW, source_error
from indicators import derive
from indicators import designation_views as dv
from indicators.errors import InputsMissing
from indicators.sources import mois_population_age as mois
from indicators.sources import population_decline as pdl

POLICY = RAW / "policy"
CODES = "population-region-index-with-codes.json"
DECLINE = "population-decline-regions-2024.json"
INTEREST = "population-decline-interest-regions-2026.json"
# 시도 names as written in the files → 2-digit code (short names for 인구감소지역, full for 관심지역)
SIDO = {"부산": "26", "대구": "27", "인천": "28", "광주": "29", "대전": "30", "경기": "41", "충북": "43",
        "충남": "44", "전남": "46", "경북": "47", "경남": "48", "강원": "51", "전북": "52",
        "부산광역시": "26", "인천광역시": "28", "광주광역시": "29", "대전광역시": "30", "경기도": "41",
        "강원특별자치도": "51", "전북특별자치도": "52", "경상북도": "47", "경상남도": "48"}
# per-시도 counts printed in the notices (고시 제2024-15호, 제2025-78호)
NOTICE_DECLINE = {"26": 3, "27": 3, "28": 2, "41": 2, "51": 12, "43": 6, "44": 9, "52": 10, "46": 16, "47": 15,
                  "48": 11}
NOTICE_INTEREST = {"26": 2, "28": 1, "29": 1, "30": 3, "41": 2, "51": 4, "52": 1, "47": 2, "48": 2}


def _json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def designations() -> pd.DataFrame:
    return pdl.load_designations(RAW)


@pytest.fixture()
def policy_copy(tmp_path) -> Path:
    """A raw folder holding a copy of policy/ only (to mutate)."""
    shutil.copytree(POLICY, tmp_path / "policy")
    return tmp_path


def _edit(folder: Path, name: str, change) -> Path:
    path = folder / "policy" / name
    doc = _json(path)
    change(doc)
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


# --- the designations ------------------------------------------------------------------------

def test_89_decline_and_18_interest_by_unique_registry_code(designations):
    assert designations["designation"].value_counts().to_dict() == {"decline": 89, "interest": 18}
    assert designations["region_code"].is_unique
    assert set(designations["region_code"]) <= set(regions.codes("sigungu"))
    assert list(designations.columns) == ["region_code", "designation", "notice", "notice_date", "in_force_from"]


def test_per_sido_counts_equal_the_notices(designations):
    by_file = {k: Counter(SIDO[r["province"]] for r in _json(POLICY / f)["regions"])
               for k, f in (("decline", DECLINE), ("interest", INTEREST))}
    assert by_file == {"decline": NOTICE_DECLINE, "interest": NOTICE_INTEREST}
    codes_file = _json(POLICY / CODES)["regions"]
    for kind, expected in (("decline", NOTICE_DECLINE), ("interest", NOTICE_INTEREST)):
        assert Counter(SIDO[r["province"]] for r in codes_file if r["regionType"] == kind) == expected
        got = designations.loc[designations["designation"] == kind, "region_code"].str[:2].value_counts()
        assert got.to_dict() == expected, kind


def test_names_equal_the_by_name_lists(designations):
    for kind, f in (("decline", DECLINE), ("interest", INTEREST)):
        want = sorted((SIDO[r["province"]], r["name"]) for r in _json(POLICY / f)["regions"])
        codes = designations.loc[designations["designation"] == kind, "region_code"]
        got = sorted((c[:2], regions.require(c)["name_ko"]) for c in codes)
        assert got == want, kind


def test_goseong_gunwi_and_the_gyeongbuk_errata(designations):
    status = designations.set_index("region_code")["designation"]
    assert status["51820"] == status["48820"] == "decline"  # 강원 고성군, 경남 고성군
    assert regions.require("51820")["name_ko"] == regions.require("48820")["name_ko"] == "고성군"
    assert status["27720"] == "decline" and regions.require("27720")["parent_code"] == "27"  # 군위군 in 대구
    assert not designations["region_code"].str.startswith(("42", "45")).any()
    # the transcription's 47250/47230/47220 for 문경/상주/영천 are read as the registry codes
    for code, name in (("47280", "문경시"), ("47250", "상주시"), ("47230", "영천시")):
        assert status[code] == "decline" and regions.require(code)["name_ko"] == name
    assert "47220" not in status.index


def test_notice_columns(designations):
    meta = designations.drop(columns="region_code").drop_duplicates()
    assert meta.to_dict("records") == [
        {"designation": "decline", "notice": "행정안전부 고시 제2024-15호", "notice_date": "2024-02-27",
         "in_force_from": "2024-02-27"},
        {"designation": "interest", "notice": "행정안전부 고시 제2025-78호", "notice_date": "2025-12-24",
         "in_force_from": "2026-01-01"}]
    assert "공공누리 제1유형" in pdl.SOURCE.license and pdl.INDICATORS == ()


# --- bad input -------------------------------------------------------------------------------

def test_missing_files(tmp_path, policy_copy):
    with pytest.raises(InputsMissing):
        pdl.load_designations(tmp_path / "nothing")
    (policy_copy / "policy" / INTEREST).unlink()
    with pytest.raises(InputsMissing):
        pdl.load_designations(policy_copy)


def test_not_json(policy_copy):
    path = policy_copy / "policy" / CODES
    path.write_text('{"regions": [', encoding="utf-8")
    source_error(lambda: pdl.load_designations(policy_copy), path, "not valid JSON")


def _pop(key):
    return lambda d: d["regions"][4].pop(key)


def _set(i, key, value):
    return lambda d: d["regions"][i].__setitem__(key, value)


@pytest.mark.parametrize("change, row, column, says", [
    (_pop("lawdCd"), 5, "lawdCd", "missing"),
    (_pop("name"), 5, "name", "missing"),
    (_set(0, "lawdCd", "99999"), 1, "lawdCd", "not a 시군구 code"),
    (_set(0, "lawdCd", "42820"), 1, "lawdCd", "not a 시군구 code"),  # old 강원도 code
    (_set(0, "name", "간성군"), 1, "name", "간성군"),
    (_set(0, "lawdCd", "48820"), 1, "province", "경남"),  # 고성군 of the other 시도
    (_set(0, "regionType", "other"), 1, "regionType", "other"),
    (_set(0, "sourceNotice", "2021-66"), 1, "sourceNotice", "2021-66"),
    (lambda d: d["regions"].append(dict(d["regions"][0])), 108, "lawdCd", "duplicated code 51820"),
    (lambda d: d["regions"].pop(1), None, "regionType", "88 decline"),
    (lambda d: d.pop("regions"), None, "regions", "regions"),
], ids=["no-code", "no-name", "unknown-code", "old-code", "name-mismatch", "other-goseong", "bad-type",
        "bad-notice", "duplicate", "wrong-count", "no-regions"])
def test_bad_code_file(policy_copy, change, row, column, says):
    path = _edit(policy_copy, CODES, change)
    parts = [f"column {column!r}", says] + ([f"row {row}"] if row else [])
    source_error(lambda: pdl.load_designations(policy_copy), path, *parts)


def test_gunwi_under_gyeongbuk_is_refused(policy_copy):
    rows = _json(POLICY / CODES)["regions"]
    i = next(i for i, r in enumerate(rows) if r["lawdCd"] == "27720")
    path = _edit(policy_copy, CODES, _set(i, "normalizedProvince", "경상북도"))
    source_error(lambda: pdl.load_designations(policy_copy), path, f"row {i + 1}", "'normalizedProvince'", "대구")


def test_disagreeing_by_name_list(policy_copy):
    path = _edit(policy_copy, DECLINE, _set(0, "name", "중구"))  # 부산 동구 → 부산 중구
    source_error(lambda: pdl.load_designations(policy_copy), path, "row 1", "'name'", "부산 중구")


def test_by_name_list_count_and_metadata(policy_copy):
    path = _edit(policy_copy, INTEREST, lambda d: d["regions"].pop())
    source_error(lambda: pdl.load_designations(policy_copy), path, "'totalCount'", "17 regions")
    shutil.copy(POLICY / INTEREST, path)
    path = _edit(policy_copy, INTEREST, lambda d: d["source"].__setitem__("effectiveDate", "2026.01.01"))
    source_error(lambda: pdl.load_designations(policy_copy), path, "'source.effectiveDate'", "2026.01.01")


# --- KEIS class × designation on the 2024 거주자 basis ------------------------------------------

@pytest.fixture(scope="module")
def index_rows() -> pd.DataFrame:
    obs = derive.ratios(mois.load(RAW))
    return obs[obs["indicator"] == "res_extinction_risk_index"]


def test_cross_table_rows_match_counts_from_the_raw_file(index_rows, designations, index_2024_from_raw):
    table = dv.risk_by_designation(index_rows, designations, 2024)
    ref = index_2024_from_raw
    assert list(table.index) == [*derive.RISK_CLASSES_KO, "자료 없음", "합계"]
    assert list(table.columns) == ["decline", "interest", "none", "합계"]
    assert (ref < 0.5).sum() == 135  # 소멸위험 시군구, 2024, 거주자
    assert table.loc[["고위험", "위험진입"], "합계"].sum() == 135
    bins = {"고위험": ref < 0.2, "위험진입": (ref >= 0.2) & (ref < 0.5), "주의": (ref >= 0.5) & (ref < 1.0),
            "보통": (ref >= 1.0) & (ref < 1.5), "소멸 저위험": ref >= 1.5}
    for label, mask in bins.items():
        assert table.loc[label, "합계"] == mask.sum(), label
    assert table.loc["자료 없음", "합계"] == 0
    assert table.loc["합계"].to_dict() == {"decline": 89, "interest": 18, "none": 122, "합계": 229}
    assert (table.drop(index="합계").drop(columns="합계").sum(axis=1) == table["합계"].drop("합계")).all()


def test_mismatch_lists_match_the_raw_file(index_rows, designations, index_2024_from_raw):
    found = dv.mismatches(index_rows, designations, 2024)
    designated = set(designations["region_code"])
    decline = set(designations.loc[designations["designation"] == "decline", "region_code"])
    ref = index_2024_from_raw
    at_risk_free = set(ref[ref < 0.5].index) - designated
    decline_ok = set(ref[ref >= 0.5].index) & decline
    by_kind = found.groupby("kind")["region_code"].apply(set).to_dict()
    assert by_kind.get("at_risk_not_designated", set()) == at_risk_free
    assert by_kind.get("decline_not_at_risk", set()) == decline_ok
    assert "no_data" not in by_kind
    row = found.set_index("region_code").loc["11320"]  # 서울 도봉구: at risk, not designated
    assert (row["name_ko"], row["class_ko"], row["designation"]) == ("서울 도봉구", "위험진입", "none")
    assert row["value"] == pytest.approx(ref["11320"])


def test_missing_index_values_are_counted_not_dropped(index_rows, designations):
    rows = index_rows[~((index_rows["year"] == 2024) & index_rows["region_code"].isin(["46720", "11110"]))]
    table = dv.risk_by_designation(rows, designations, 2024)
    assert table.loc["자료 없음", "decline"] == 1 and table.loc["자료 없음", "none"] == 1  # 곡성군, 종로구
    assert table.loc["합계", "합계"] == 229
    found = dv.mismatches(rows, designations, 2024)
    assert set(found.loc[found["kind"] == "no_data", "region_code"]) == {"46720", "11110"}
    assert found.loc[found["kind"] == "no_data", "risk_class"].isna().all()
