"""Regions side by side (지역 비교) and one indicator between two years (지도's change view): pure functions
from the built observations to small frames. Like `month_end`, read as `compare.<name>`."""
from __future__ import annotations

import numpy as np
import pandas as pd

from geo import regions

MAX_REGIONS = 4  # 지역: up to four regions side by side


def _level_rows(obs: pd.DataFrame, level: str) -> pd.Series:
    return obs["level"] == level if "level" in obs else regions.in_level(obs["region_code"], level)


def regions_side_by_side(obs: pd.DataFrame, codes: list[str]) -> pd.DataFrame:
    """Every indicator at least one of `codes` has, at the latest year ALL of them have a value (the same
    year for every region; none in common → year NaN and no values): per region its value and its rank
    among the units of its level that year (1 = highest, ties share the better rank) of n_ranked.

    Long frame: indicator, year, region_code, value, rank, n_ranked (NaN where missing), in the order of
    `codes`; indicators in the order they first appear in `obs`."""
    codes = list(dict.fromkeys(codes))[:MAX_REGIONS]
    cols = ["indicator", "year", "region_code", "value", "rank", "n_ranked"]
    mine = obs[obs["region_code"].isin(codes)].dropna(subset=["value"])
    if mine.empty:
        return pd.DataFrame(columns=cols)
    levels = {c: regions.require(c)["level"] for c in codes}
    peers = {lv: obs[_level_rows(obs, lv)].dropna(subset=["value"]) for lv in set(levels.values())}
    rows = []
    for ind in pd.unique(mine["indicator"]):
        have = mine[mine["indicator"] == ind]
        per_year = have.groupby("year")["region_code"].nunique()
        common = per_year[per_year == len(codes)].index
        year = int(common.max()) if len(common) else None
        for code in codes:
            row = {"indicator": ind, "year": year, "region_code": code, "value": np.nan, "rank": np.nan,
                   "n_ranked": np.nan}
            if year is not None:
                v = float(have.loc[(have["region_code"] == code) & (have["year"] == year), "value"].iloc[0])
                p = peers[levels[code]]
                same = p.loc[(p["indicator"] == ind) & (p["year"] == year), "value"]
                row.update(value=v, rank=int((same > v).sum() + 1), n_ranked=len(same))
            rows.append(row)
    out = pd.DataFrame(rows, columns=cols)
    out["year"] = out["year"].astype("Int64")
    return out


def change_between(values: pd.DataFrame, codes: list[str], year_from: int, year_to: int) -> pd.DataFrame:
    """One indicator between two years on the units `codes`, from its values (region_code, year, value):
    region_code, value_from, value_to, change (to − from, in the indicator's unit: %p for a percentage)
    and change_pct ((to − from) ÷ |from| × 100; NaN where from is 0); a unit lacking either year has NaN
    change (never filled)."""
    units = pd.DataFrame({"region_code": list(codes)})

    def at(year: int) -> pd.Series:
        rows = values[values["year"] == year].dropna(subset=["value"])
        return rows.drop_duplicates("region_code").set_index("region_code")["value"]

    out = units.assign(value_from=units["region_code"].map(at(year_from)),
                       value_to=units["region_code"].map(at(year_to)))
    out["change"] = out["value_to"] - out["value_from"]
    base = out["value_from"].abs().replace(0, np.nan)
    out["change_pct"] = out["change"] / base * 100
    return out
