"""What a brief (지역 브리핑) shows, pure: the indicators that head the brief of a 시도 or 시군구, the 수도권
figures of the gaps table, a 시군구's designation, the files' vintages behind a figure, and the build's date.

The figures themselves are the region profile's (`observations.region_profile`: latest year, rank among
the level's units with a value, nation/수도권/비수도권 that year) and the gaps table's (수도권 share, ratio
and difference as the build forms them): nothing here recomputes a value.
"""
from __future__ import annotations

import pandas as pd

from geo import regions
from indicators import derive

CAPITAL = "capital"  # ?region=capital: the brief of 수도권 against 비수도권

# The figures that head a brief, in this order (those the region has; the rest are on 지역): population and
# age, output and income, public finance, health, housing, area.
HEADLINES: dict[str, tuple[str, ...]] = {
    "sigungu": ("reg_population_persons", "reg_age65plus_persons", "census_grdp_per_capita_krw_th",
                "census_labor_income_per_capita_krw_th", "fiscal_self_reliance_sigungu_pct", "census_tfr",
                "census_companies_per_1000", "census_doctors_per_1000", "census_basic_livelihood_pct",
                "census_vacancy_rate_pct", "land_area_km2"),
    "sido": ("reg_population_persons", "reg_age65plus_persons", "reg_births_persons", "migration_net_persons",
             "grdp_nominal_krw_mn", "grdp_per_capita_krw_th", "personal_income_per_capita_2020base_krw_th",
             "exports_usd_th", "fiscal_self_reliance_pct", "census_doctors_per_1000", "census_vacancy_rate_pct",
             "land_area_km2"),
}
# The extinction-risk indices a brief shows (the 2010 census one is history, on 지방소멸), freshest first.
RISK_BASES: tuple[str, ...] = ("res", "reg")
# 수도권 brief: amounts as the capital region's share of the nation (수도권 + 비수도권) ...
CAPITAL_SHARES: tuple[str, ...] = (
    "reg_population_persons", "reg_female_20_39_persons", "reg_age65plus_persons", "reg_births_persons",
    "grdp_nominal_krw_mn", "grdp_services_nominal_krw_mn", "grdp_manufacturing_nominal_krw_mn",
    "census_companies_count", "census_income_tax_labor_krw_mn", "census_doctors_persons", "land_area_km2")
# ... and rates, per-capita figures and indices as 수도권 ÷ 비수도권 (and 수도권 − 비수도권).
CAPITAL_RATIOS: tuple[str, ...] = (
    "grdp_per_capita_krw_th", "census_grdp_per_capita_krw_th", "census_labor_income_per_capita_krw_th",
    "census_companies_per_1000", "census_doctors_per_1000", "res_extinction_risk_index",
    "census_basic_livelihood_pct", "census_vacancy_rate_pct")
NET_MIGRATION = "migration_net_persons"  # 수도권's net inflow from the other 시도 (the flows, not a share)


def brief_codes(boundary_set: str) -> list[str]:
    """What `?region=` may name: 'capital', then every 시도 and 시군구 of `boundary_set` (registry order;
    no union stand-in: a brief is of one unit of the set)."""
    return [CAPITAL, *regions.codes("sido", boundary_set), *regions.codes("sigungu", boundary_set)]


def headline_ids(level: str, have: list[str]) -> list[str]:
    """The headline indicators of a `level` brief that the region has (`have`: its profile's ids), in order."""
    present = set(have)
    return [i for i in HEADLINES.get(level, ()) if i in present]


def risk_ids(have: list[str]) -> list[str]:
    """The extinction-risk indices (`RISK_BASES`) among `have`, in that order."""
    present = set(have)
    return [derive.RISK_INDEX[b] for b in RISK_BASES if derive.RISK_INDEX[b] in present]


def at_risk_ids(have: list[str]) -> list[str]:
    """The at-risk 시군구 counts (one per basis of `RISK_BASES`) among `have`, in that order."""
    present = set(have)
    return [derive.AT_RISK_COUNTS[b] for b in RISK_BASES if derive.AT_RISK_COUNTS[b] in present]


def risk_class(value: float) -> int | None:
    """The KEIS class (0 = 고위험 … 4 = 소멸 저위험) of one index value (`derive.risk_class`); None if missing."""
    cls = derive.risk_class(pd.Series([value], dtype="float64")).iloc[0]
    return None if pd.isna(cls) else int(cls)


def latest_gaps(gaps: pd.DataFrame, ids: tuple[str, ...] | list[str], column: str) -> pd.DataFrame:
    """For each of `ids` with a value in `column` of the gaps table: its latest such year's row (indicator,
    year, capital_value, noncapital_value, national_value, `column`) and the column's series
    (`years`, `values`: every year with a value, oldest first), in the order of `ids`."""
    rows = []
    for ind in ids:
        g = gaps[gaps["indicator"] == ind].dropna(subset=[column]).sort_values("year")
        if g.empty:
            continue
        last = g.iloc[-1]
        rows.append({"indicator": ind, "year": int(last["year"]), "capital_value": last["capital_value"],
                     "noncapital_value": last["noncapital_value"], "national_value": last["national_value"],
                     column: last[column], "years": g["year"].astype(int).tolist(),
                     "values": g[column].astype(float).round(6).tolist()})
    cols = ["indicator", "year", "capital_value", "noncapital_value", "national_value", column, "years", "values"]
    return pd.DataFrame(rows, columns=list(dict.fromkeys(cols)))


def designation(designations: pd.DataFrame, code: str) -> dict | None:
    """The designation row of 시군구 `code` (designation 'decline' | 'interest', notice, notice_date), or
    None (not designated)."""
    rows = designations[designations["region_code"] == code]
    return None if rows.empty else rows.iloc[0][["designation", "notice", "notice_date"]].to_dict()


def designated_in(designations: pd.DataFrame, sido: str) -> dict[str, int]:
    """How many of 시도 `sido`'s 시군구 are designated: {'decline': n, 'interest': m}."""
    parents = designations["region_code"].map(lambda c: regions.require(c)["parent_code"])
    mine = designations[parents == sido]
    return {k: int((mine["designation"] == k).sum()) for k in ("decline", "interest")}


def vintages(lineage: list[dict], ind_id: str, year: int, _depth: int = 0) -> list[str]:
    """The vintages of the files that gave `ind_id` its `year` (the build report's lineage; a derived
    indicator: its inputs' files), each once, in the lineage's order."""
    out: list[str] = []
    for entry in lineage:
        if entry.get("indicator") != ind_id:
            continue
        if "file" in entry and int(year) in {int(y) for y in entry.get("years", [])}:
            found = [str(entry.get("vintage", ""))]
        elif "inputs" in entry and _depth < 4:
            found = [v for inp in entry["inputs"] for v in vintages(lineage, inp, year, _depth + 1)]
        else:
            found = []
        for v in found:
            if v and v not in out:
                out.append(v)
    return out


def build_date(build_id: int) -> str:
    """The date a build was made ('2026-12-07', UTC): its id is the UTC time as digits
    (`build.new_build_id`); '' for an id that is not one."""
    digits = str(int(build_id))
    if len(digits) < 14:
        return ""
    stamp = pd.to_datetime(digits[:8], format="%Y%m%d", errors="coerce")
    return "" if pd.isna(stamp) else stamp.strftime("%Y-%m-%d")
