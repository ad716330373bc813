"""Month-end figures as the pages show them (pure): which month ends a boundary set has and at which
level each is whole, one month end's regions, and each region's latest month-end figures.

The input is `store.month_end` of one boundary set (region_code, period 'YYYY-MM', indicator, value).
A month end is its own reference date ('2025년 6월 말'): nothing here turns a period into a year or
puts it beside one; `newer_than_year_end` only compares a period with the end of a year (December).
"""
from __future__ import annotations

import re

import pandas as pd

from geo import regions
from indicators import derive

RISK_INDEX = derive.RISK_INDEX["reg"]  # the month-end table is on the registered population basis
AT_RISK = derive.AT_RISK_COUNTS["reg"]
PARTS = ("reg_female_20_39_persons", "reg_age65plus_persons", "reg_population_persons")
SCOPES = ("sigungu", "sido", "excerpt")  # a month end whole at 시군구, whole at 시도, or some regions only
PERIOD = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


def is_period(text: object) -> bool:
    """'2025-06' is a period; '2025', '2025-13', '2025-6' are not."""
    return isinstance(text, str) and PERIOD.fullmatch(text) is not None


def periods(me: pd.DataFrame) -> list[str]:
    """The month ends of the table, oldest first."""
    return sorted(me["period"].unique().tolist())


def _have(me: pd.DataFrame, period: str, ind: str = RISK_INDEX) -> set[str]:
    rows = me[(me["period"] == period) & (me["indicator"] == ind)].dropna(subset=["value"])
    return set(rows["region_code"])


def scope(me: pd.DataFrame, period: str, boundary_set: str) -> str:
    """'sigungu' when every 시군구 area of `boundary_set` has an extinction-risk index that month (its own
    or, for a part of a union, the union's: 서해구+검단구 in a file of the old codes), 'sido' when every
    시도 has one, else 'excerpt' (some regions only)."""
    have = _have(me, period)
    to_union = {p: u for u, parts in regions.stand_ins(boundary_set).items() for p in parts}
    if all(c in have or to_union.get(c) in have for c in regions.codes("sigungu", boundary_set)):
        return "sigungu"
    if all(c in have for c in regions.codes("sido", boundary_set)):
        return "sido"
    return "excerpt"


def options(me: pd.DataFrame, boundary_set: str) -> pd.DataFrame:
    """One row per month end (oldest first): period, scope (`scope`) and the number of regions with an
    index that month (시도 and 시군구 together; nation and groups not counted)."""
    rows = []
    for p in periods(me):
        have = [c for c in _have(me, p) if regions.level(c) in ("sido", "sigungu")]
        rows.append({"period": p, "scope": scope(me, p, boundary_set), "regions": len(have)})
    return pd.DataFrame(rows, columns=["period", "scope", "regions"])


def latest_per_level(opts: pd.DataFrame) -> dict[str, str]:
    """Scope → the latest month end whole at it (`options`), e.g. {'sigungu': '2025-06', 'sido': '2026-06',
    'excerpt': '2026-07'}."""
    return {s: str(opts.loc[opts["scope"] == s, "period"].max()) for s in SCOPES if (opts["scope"] == s).any()}


def default_period(opts: pd.DataFrame) -> str | None:
    """The month end a page opens on: the latest whole at 시군구, else at 시도, else the latest."""
    latest = latest_per_level(opts)
    return next((latest[s] for s in SCOPES if s in latest), None)


def _wide(me: pd.DataFrame, period: str) -> pd.DataFrame:
    inds = [RISK_INDEX, *PARTS]
    rows = me[(me["period"] == period) & me["indicator"].isin(inds)]
    wide = rows.pivot_table(index="region_code", columns="indicator", values="value", aggfunc="first")
    return wide.reindex(columns=inds)


def regions_at(me: pd.DataFrame, period: str, level: str, boundary_set: str) -> pd.DataFrame:
    """The regions one month end is shown for, one row each: for `level` 'sigungu' or 'sido', every
    area of that level in `boundary_set` (registry order; NaN where the month end has no figure) and then
    each union with a figure (28U02: 서해구+검단구 where the file had them as one); for 'excerpt', the
    시도 and 시군구 it has, by code. Columns: region_code, level, index, class (KEIS 0..4, NaN = no
    index), female_20_39, age65plus, population, at_risk (index < 0.5; NaN where no index), rank (1 = highest
    index among the units of the level; NaN for an excerpt)."""
    wide = _wide(me, period)
    if level == "excerpt":
        codes = sorted((c for c in wide.index if regions.level(c) in ("sido", "sigungu")), key=lambda c: (len(c), c))
    else:
        codes = regions.codes(level, boundary_set)
        if level == "sigungu":
            codes = codes + [u for u in regions.stand_ins(boundary_set) if u in wide.index]
    wide = wide.reindex(codes)
    out = pd.DataFrame({"region_code": codes, "level": [regions.level(c) for c in codes],
                        "index": wide[RISK_INDEX].to_numpy(), "female_20_39": wide[PARTS[0]].to_numpy(),
                        "age65plus": wide[PARTS[1]].to_numpy(), "population": wide[PARTS[2]].to_numpy()})
    out["class"] = derive.risk_class(out["index"])
    # rank among the units of one level (1 = highest index; a union once); an excerpt mixes levels: none
    out["rank"] = out["index"].rank(ascending=False, method="min") if level != "excerpt" else float("nan")
    out["at_risk"] = (out["index"] < derive.AT_RISK_BELOW).where(out["index"].notna())
    return out


def on_areas(listed: pd.DataFrame, boundary_set: str) -> pd.DataFrame:
    """`regions_at` (at 'sigungu' or 'sido') as a map draws it: every area of the level, a part of a union
    without its own figure showing the union's (`union` names it, else None); unions themselves left out."""
    stand = regions.stand_ins(boundary_set)
    by_code = listed.set_index("region_code")
    out = listed[~listed["region_code"].isin(list(stand))].copy()
    out["union"] = None
    for union, parts in stand.items():
        if union not in by_code.index or pd.isna(by_code.at[union, "index"]):
            continue
        rows = out["region_code"].isin(parts) & out["index"].isna()
        for col in ("index", "class", "rank"):
            out.loc[rows, col] = by_code.at[union, col]
        out.loc[rows, "union"] = union
    return out.reset_index(drop=True)


def at_risk_count(me: pd.DataFrame, period: str, code: str = "00") -> float | None:
    """The count of at-risk 시군구 of `code` that month (the build keeps one only where every 시군구 unit
    of the region has an index), or None."""
    rows = me[(me["period"] == period) & (me["indicator"] == AT_RISK) & (me["region_code"] == code)]
    return None if rows.empty or rows["value"].isna().all() else float(rows["value"].iloc[0])


def latest_per_region(me: pd.DataFrame, code: str) -> pd.DataFrame:
    """Region `code`'s latest month-end figure of each indicator: indicator, period, value (by indicator)."""
    mine = me[(me["region_code"] == code)].dropna(subset=["value"]).sort_values("period", kind="stable")
    return mine.groupby("indicator").tail(1)[["indicator", "period", "value"]].sort_values(
        "indicator", ignore_index=True)


def newer_than_year_end(latest: pd.DataFrame, year_ends: dict[str, int]) -> pd.DataFrame:
    """The rows of `latest_per_region` whose month end comes after the latest year end of their indicator
    (`year_ends`: indicator → latest year of the year series; a year Y ends in Y-12), or whose indicator
    has no year-end figure at all."""
    def newer(ind: str, period: str) -> bool:
        year = year_ends.get(ind)
        return year is None or period > f"{int(year)}-12"

    keep = [newer(i, p) for i, p in zip(latest["indicator"], latest["period"])]
    return latest[keep].reset_index(drop=True)
