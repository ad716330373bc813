"""KEIS extinction-risk class × 인구감소지역 designation, for one index and year (pure, no Streamlit).

Every 시군구 of the registry is counted once: a 시군구 with no index value in the year is
in the row "자료 없음", never dropped; one that is neither 인구감소지역 nor 인구감소관심지역 has
designation "none".
"""
from __future__ import annotations

import re

import pandas as pd

from geo import regions
from indicators.derive import AT_RISK_BELOW, RISK_CLASSES_KO, risk_class

DESIGNATIONS: tuple[str, ...] = ("decline", "interest", "none")
DESIGNATION_KO: dict[str, str] = {"decline": "인구감소지역", "interest": "인구감소관심지역", "none": "미지정"}
NO_DATA = "자료 없음"
TOTAL = "합계"
CLASS_ROWS: tuple[str, ...] = (*RISK_CLASSES_KO, NO_DATA)
MISMATCH_KINDS: dict[str, str] = {
    "at_risk_not_designated": "소멸위험(지수 < 0.5)이나 인구감소지역·관심지역 아님",
    "decline_not_at_risk": "인구감소지역이나 소멸위험 아님(지수 ≥ 0.5)",
    "no_data": "지수 자료 없음 (판단 불가)",
}


def notice_number(notice: str, lang: str = "ko") -> str:
    """'행정안전부 고시 제2024-15호' → '제2024-15호' (Korean) or 'No. 2024-15' (English); a text without a
    number stays as it is in Korean and reads 'notice' in English."""
    found = re.search(r"제\s*(\d{4}\s*-\s*\d+)\s*호", str(notice))
    if found is None:
        return str(notice) if lang == "ko" else "notice"
    number = re.sub(r"\s", "", found.group(1))
    return f"제{number}호" if lang == "ko" else f"No. {number}"


def _index_of_year(index: pd.DataFrame, year: int, boundary_set: str = regions.REFERENCE_SET) -> pd.Series:
    """region_code → index value for the 시군구 of `boundary_set` in `year` (NaN where none)."""
    if "indicator" in index and index["indicator"].nunique() > 1:
        raise ValueError(f"index rows mix indicators {sorted(index['indicator'].unique())}: pass one")
    rows = index[(index["year"] == year) & (regions.level_of(index["region_code"]) == "sigungu")]
    unknown = sorted(set(rows["region_code"]) - set(regions.codes("sigungu", boundary_set)))
    if unknown:
        raise ValueError(f"index has 시군구 codes not in the registry: {unknown[:5]}")
    dup = rows["region_code"].duplicated()
    if dup.any():
        raise ValueError(f"index has several {year} values for {sorted(set(rows.loc[dup, 'region_code']))[:5]}")
    values = rows.set_index("region_code")["value"].astype("float64")
    return values.reindex(pd.Index(regions.codes("sigungu", boundary_set), name="region_code"))


def _status(designations: pd.DataFrame, codes: pd.Index) -> pd.Series:
    """Designation per 시군구 ('decline', 'interest' or 'none')."""
    bad = set(designations["designation"]) - set(DESIGNATIONS[:2])
    if bad or designations["region_code"].duplicated().any():
        raise ValueError(f"designations: unknown status {sorted(bad)} or duplicated region_code")
    outside = sorted(set(designations["region_code"]) - set(codes))
    if outside:
        raise ValueError(f"designated codes not in the registry's 시군구: {outside[:5]}")
    status = designations.set_index("region_code")["designation"]
    return status.reindex(codes).fillna("none").astype(str)


def classified(index: pd.DataFrame, designations: pd.DataFrame, year: int,
               boundary_set: str = regions.REFERENCE_SET) -> pd.DataFrame:
    """Every registry 시군구: region_code, name_ko, value, risk_class (0..4, <NA> if no value),
    class_ko (KEIS class or '자료 없음'), designation."""
    values = _index_of_year(index, year, boundary_set)
    cls = risk_class(values)
    out = pd.DataFrame({"region_code": values.index, "name_ko": [regions.name(c) for c in values.index],
                        "value": values.to_numpy(), "risk_class": cls.astype("Int64").to_numpy()})
    out["class_ko"] = cls.map(dict(enumerate(RISK_CLASSES_KO))).fillna(NO_DATA).to_numpy()
    out["designation"] = _status(designations, values.index).to_numpy()
    return out


def risk_by_designation(index: pd.DataFrame, designations: pd.DataFrame, year: int,
                        boundary_set: str = regions.REFERENCE_SET) -> pd.DataFrame:
    """Counts of 시군구: rows the five KEIS classes (고위험 first) + '자료 없음' + '합계',
    columns 'decline', 'interest', 'none' + '합계'."""
    df = classified(index, designations, year, boundary_set)
    table = pd.crosstab(df["class_ko"], df["designation"])
    table = table.reindex(index=list(CLASS_ROWS), columns=list(DESIGNATIONS), fill_value=0)
    table[TOTAL] = table.sum(axis=1)
    table.loc[TOTAL] = table.sum(axis=0)
    table.index.name, table.columns.name = "class_ko", "designation"
    return table.astype("int64")


def mismatches(index: pd.DataFrame, designations: pd.DataFrame, year: int,
               boundary_set: str = regions.REFERENCE_SET) -> pd.DataFrame:
    """시군구 where risk and designation disagree, plus those that cannot be judged.

    kind: 'at_risk_not_designated' (index < 0.5, neither decline nor interest),
    'decline_not_at_risk' (인구감소지역 with index ≥ 0.5), 'no_data' (no index value).
    Columns: kind, region_code, name_ko, value, risk_class, class_ko, designation.
    """
    df = classified(index, designations, year, boundary_set)
    kinds = {
        "at_risk_not_designated": (df["value"] < AT_RISK_BELOW) & (df["designation"] == "none"),
        "decline_not_at_risk": (df["value"] >= AT_RISK_BELOW) & (df["designation"] == "decline"),
        "no_data": df["value"].isna(),
    }
    parts = [df[mask].assign(kind=kind) for kind, mask in kinds.items()]
    out = pd.concat(parts, ignore_index=True).sort_values(["kind", "value", "region_code"], key=_kind_order)
    cols = ["kind", "region_code", "name_ko", "value", "risk_class", "class_ko", "designation"]
    return out[cols].reset_index(drop=True)


def _kind_order(s: pd.Series) -> pd.Series:
    """Sort key: kinds in MISMATCH_KINDS order, other columns as they are."""
    return s.map(list(MISMATCH_KINDS).index) if s.name == "kind" else s


def on_set(designations: pd.DataFrame, boundary_set: str) -> pd.DataFrame:
    """The designations (made in the end-2024 codes) on the units of `boundary_set`: a 시군구 renamed by
    a later reform under its new code (46770 고흥군 → 12740); one whose territory is no unit of the set
    (인천 동구, now part of 제물포구 with part of 중구) left out — its designation stays on the 2024 set."""
    carried = designations["region_code"].map(lambda c: regions.carry_code(c, boundary_set))
    return designations.assign(region_code=carried).dropna(subset=["region_code"]).reset_index(drop=True)
