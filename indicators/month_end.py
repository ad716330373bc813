"""The month-end table (`month_end.parquet`): figures of a month end that is not a year end.

MOIS exports of a month other than December (`mois_registered.load_month_end`) give the registered
population, 65+ and women 20–39 at that month's end. They are never put into a year-end series: they
are expressed on each boundary set (`restate.express`: a file in the new codes yields rows in the new
codes; 29 + 46 → 12 …) and derived there (`derive.derive_all`: sums to 시도 and groups, the
extinction-risk index from summed parts, the at-risk count), with the period as a temporary integer
YYYYMM in the year column, then written with the period as 'YYYY-MM'. A count of at-risk 시군구 is
kept only where every 시군구 unit of its region has an index that month (a partial file — the July 2026
excerpt — gives no count, as it gives no national or group figure: `derive` forms those only from every
member). The boundary-set checks (`set_checks`) and the value rules hold for it as for observations.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from geo import regions
from indicators import checks, derive, manifest, restate, set_checks
from indicators.errors import InputsMissing
from indicators.sources import _files, mois_registered

MODULE = "mois_registered"
RISK_INDEX = derive.RISK_INDEX["reg"]
AT_RISK = derive.AT_RISK_COUNTS["reg"]
INDICATORS = ("reg_population_persons", "reg_age65plus_persons", "reg_female_20_39_persons", RISK_INDEX, AT_RISK)
COLUMNS = ["region_code", "period", "indicator", "value", "boundary_set"]


def period_text(yyyymm: pd.Series) -> pd.Series:
    """202506 → '2025-06'."""
    v = yyyymm.astype("int64")
    return (v // 100).astype(str) + "-" + (v % 100).map("{:02d}".format)


def complete_counts(derived: pd.DataFrame, boundary_set: str) -> pd.DataFrame:
    """`derived` without the at-risk counts of regions some of whose 시군구 units (a union standing in for
    its parts) have no index in that period."""
    counts = derived["indicator"] == AT_RISK
    if not counts.any():
        return derived
    idx = derived[(derived["indicator"] == RISK_INDEX) & (regions.level_of(derived["region_code"]) == "sigungu")]
    idx = idx.dropna(subset=["value"])
    to_union = {p: u for u, parts in regions.stand_ins(boundary_set).items() for p in parts}
    parent = regions.table()["parent_code"]
    units = regions.codes("sigungu", boundary_set)
    members = regions.group_members(boundary_set)
    keep = pd.Series(False, index=derived.index)
    for year, have in idx.groupby("year")["region_code"]:
        have = set(have)
        ok = {}
        for code in regions.codes("sido", boundary_set):
            ok[code] = all(u in have or to_union.get(u) in have for u in units if parent[u] == code)
        ok.update({g: all(ok[m] for m in ms) for g, ms in members.items()})
        mine = counts & (derived["year"] == year)
        keep |= mine & derived["region_code"].map(ok).fillna(False).astype(bool)
    return derived[~counts | keep]


def on_set(rows: pd.DataFrame, boundary_set: str, additive: set[str]) -> pd.DataFrame:
    """The month-end rows (year = YYYYMM) expressed and derived on one boundary set: `INDICATORS` only,
    values present."""
    base = restate.express(rows[["region_code", "year", "indicator", "value"]], boundary_set, additive)
    out = derive.derive_all(base, additive, boundary_set)
    out = out[out["indicator"].isin(INDICATORS)].dropna(subset=["value"])
    return complete_counts(out, boundary_set).reset_index(drop=True)


def build(raw_dir: Path, checked: list[manifest.FileStatus], additive: set[str]) -> tuple[pd.DataFrame, dict, list]:
    """(the table in every boundary set, its report entry, the cells read). Raises `checks.CheckFailed`
    when a value breaks its rule or a boundary-set check fails."""
    with _files.recording(raw_dir, MODULE, checked) as rec:
        try:
            rows = mois_registered.load_month_end(raw_dir)
        except InputsMissing:
            rows = pd.DataFrame(columns=["region_code", "year", "indicator", "value", "source_file"])
    by_set = {s: on_set(rows, s, additive) for s in regions.SETS} if len(rows) else {}
    if by_set:
        checks.fail(checks.value_ranges(pd.concat(by_set.values(), ignore_index=True)), cells=None)
        set_checks.run(by_set, additive)
    parts = [d.assign(boundary_set=s) for s, d in by_set.items()]
    table = (pd.concat(parts, ignore_index=True) if parts else
             pd.DataFrame(columns=["region_code", "year", "indicator", "value", "boundary_set"]))
    table = table.assign(period=period_text(table["year"]) if len(table) else pd.Series(dtype=str))
    table = table[COLUMNS].astype({"region_code": str, "period": str, "indicator": str, "value": "float64",
                                   "boundary_set": str}).sort_values(["boundary_set", "period", "indicator",
                                                                      "region_code"], ignore_index=True)
    report = {"periods": sorted(table["period"].unique().tolist()), "files": sorted(rec.files),
              "overlaps": rec.overlaps, "conflicts": rec.conflicts,
              "lineage": _lineage(rows), "rule": "month-end figures (a month other than December) are a "
              "table of their own, never put into a year-end series"}
    return table, report, rec.cells


def _lineage(rows: pd.DataFrame) -> list[dict]:
    """Per period and indicator, the files its rows came from."""
    if rows.empty:
        return []
    rows = rows.assign(period=period_text(rows["year"]),
                       file=rows["source_file"].astype(str).str.split(_files.FILE_SEP, regex=False)).explode("file")
    return [{"period": p, "indicator": i, "files": sorted(set(g["file"]))}
            for (p, i), g in rows.groupby(["period", "indicator"], sort=True)]


def summary_lines(table: pd.DataFrame, report: dict) -> list[str]:
    """The build summary's lines: per period, the regions with a value per level and boundary set."""
    if table.empty:
        return ["Month-end figures (month_end.parquet): none (no export of a month other than December)"]
    lines = ["Month-end figures (month_end.parquet; a month end is never put into a year-end series):"]
    lv = table.assign(level=regions.level_of(table["region_code"]))
    for period, g in lv.groupby("period", sort=True):
        per_set = []
        for s, h in g[g["indicator"] == "reg_population_persons"].groupby("boundary_set", sort=True):
            n = h.groupby("level")["region_code"].nunique()
            per_set.append(f"{s}: " + " ".join(f"{k}={v}" for k, v in sorted(n.items())))
        inds = sorted(set(g["indicator"]))
        lines.append(f"  {period}: {len(inds)} indicators ({', '.join(inds)}); reg_population_persons "
                     + " | ".join(per_set))
    if report.get("overlaps"):
        lines.append(f"  exports of one month combined: {report['overlaps']} values given by more than one, newest "
                     "vintage kept, differing ones listed as conflicts")
    return lines
