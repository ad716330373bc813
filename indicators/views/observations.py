"""Values of indicators by region and year, the region profile and the overview's capital gap (pure).

Region codes: '00' nation, 2-digit 시도, 5-digit 시군구, 'CR'/'NC' 수도권/비수도권, 'CR' 'CC' … 'JJ'
the seven 권역 (`geo.groups`).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from geo import regions
from indicators.schema import Indicator, Source

REFERENCE_CODES = ("00", "CR", "NC")


@dataclass(frozen=True)
class Catalogue:
    """The indicator catalogue as the app reads it: indicators and sources by id."""

    indicators: dict[str, Indicator]
    sources: dict[str, Source]


# ------------------------------------------------------------------ observations

def with_levels(obs: pd.DataFrame) -> pd.DataFrame:
    """`obs` plus a `level` column ('nation', 'sido', 'sigungu', 'group', 'macro'; `regions.level_of`)."""
    return obs.assign(level=regions.level_of(obs["region_code"]))


def _at_level(obs: pd.DataFrame, level: str) -> pd.Series:
    """Rows of `level`; 'macro' means the seven 권역 (수도권 'CR' included)."""
    if level == "macro" or "level" not in obs:
        return regions.in_level(obs["region_code"], level)
    return obs["level"] == level


def values_at(obs: pd.DataFrame, ind_id: str, level: str, year: int,
              boundary_set: str = regions.REFERENCE_SET) -> pd.DataFrame:
    """Every region of `level` in `boundary_set` (registry order; 'macro': the seven 권역, 수도권 first) with
    its value (NaN = no data), rank (1 = highest, ties share the lowest rank), n_ranked and
    is_capital_region."""
    codes = pd.Index(regions.codes(level, boundary_set), name="region_code")
    sub = obs[(obs["indicator"] == ind_id) & _at_level(obs, level) & (obs["year"] == year)]
    out = sub.set_index("region_code")["value"].reindex(codes).reset_index()
    out["rank"] = out["value"].rank(ascending=False, method="min")
    out["n_ranked"] = int(out["value"].notna().sum())
    out["is_capital_region"] = out["region_code"].map(lambda c: c == "CR" or regions.is_capital(c))
    return out


def on_areas(read: pd.DataFrame, codes: list[str], years: list[int],
             stand_ins: dict[str, tuple[str, ...]]) -> pd.DataFrame:
    """Every area of `codes` × `years` as a map draws it: region_code, year, value (NaN where missing),
    rank within the year among the units with a value (1 = highest; a union counts once), and `union`:
    in a year where a union (`stand_ins`: 28U01 → 제물포구, 영종구) has the value its parts lack, the
    parts show the union's value and rank and name it here (else None). `read`: region_code, year, value
    of the areas and the unions (rows with a value)."""
    unions = list(stand_ins)
    grid = pd.MultiIndex.from_product([codes + unions, years], names=["region_code", "year"])
    full = read.set_index(["region_code", "year"])["value"].reindex(grid).reset_index()
    full["rank"] = full.groupby("year")["value"].rank(ascending=False, method="min")
    full["union"] = None
    for union, parts in stand_ins.items():
        u = full[full["region_code"] == union].set_index("year")
        for part in parts:
            rows = (full["region_code"] == part) & full["value"].isna() & full["year"].map(u["value"]).notna()
            full.loc[rows, "value"] = full.loc[rows, "year"].map(u["value"])
            full.loc[rows, "rank"] = full.loc[rows, "year"].map(u["rank"])
            full.loc[rows, "union"] = union
    return full[~full["region_code"].isin(unions)].reset_index(drop=True)


def series(obs: pd.DataFrame, ind_id: str, codes: Iterable[str]) -> pd.DataFrame:
    """region_code, year, value of `ind_id` for `codes` over all years (rows with a value)."""
    sub = obs[(obs["indicator"] == ind_id) & obs["region_code"].isin(list(codes))]
    return sub[["region_code", "year", "value"]].dropna().sort_values(["region_code", "year"], ignore_index=True)


def relative_to(values: pd.Series, reference: float | pd.Series) -> pd.Series:
    """values ÷ reference × 100 (reference = 100), row by row if `reference` is a Series; NaN where
    the reference is 0 or missing."""
    ref = reference if isinstance(reference, pd.Series) else pd.Series(reference, index=values.index, dtype=float)
    return values / ref.where(ref != 0) * 100


def regions_with_values(obs: pd.DataFrame, ind_id: str, codes: Iterable[str]) -> list[str]:
    """The 시도 and 시군구 among `codes` (order kept) with at least one value of `ind_id`."""
    rows = obs[(obs["indicator"] == ind_id) & obs["value"].notna()]
    level = rows["level"] if "level" in rows else regions.level_of(rows["region_code"])
    have = set(rows.loc[level.isin(["sido", "sigungu"]), "region_code"])
    return [c for c in codes if c in have]


def macro_measure(wide: pd.DataFrame, measure: str) -> pd.DataFrame:
    """The 권역 columns of `wide` (years × 권역 codes and '00') as `measure`: 'level' as is; 'share' =
    value ÷ sum of the seven × 100 (years with all seven only); 'relative' = value ÷ nation × 100
    (nation '00' > 0)."""
    codes = [c for c in wide.columns if c != "00"]
    vals = wide[codes]
    if measure == "share":
        full = vals.notna().all(axis=1)
        return vals.div(vals.sum(axis=1), axis=0).mul(100).where(full, axis=0)
    if measure == "relative":
        nation = wide["00"].where(wide["00"] > 0)
        return vals.div(nation, axis=0).mul(100)
    return vals


# ------------------------------------------------------------------ region profile

def _references(obs: pd.DataFrame) -> pd.DataFrame:
    """(indicator, year) × {'00', 'CR', 'NC'} values."""
    return obs[obs["region_code"].isin(REFERENCE_CODES)].pivot_table(
        index=["indicator", "year"], columns="region_code", values="value", aggfunc="first")


def region_profile(obs: pd.DataFrame, code: str) -> pd.DataFrame:
    """Latest value of every indicator region `code` has: year, value, rank among its level (1 =
    highest) of n_ranked, the nation/capital/noncapital values of that year, and its trend (values,
    years). Empty frame if the region has no value."""
    level = regions.require(code)["level"]
    mine = obs[obs["region_code"] == code].dropna(subset=["value"]).sort_values("year", kind="stable")
    if mine.empty:
        return pd.DataFrame()
    ref = _references(obs)
    peers = obs[_at_level(obs, level)].dropna(subset=["value"])
    trends = mine.groupby("indicator")
    rows = []
    for r in trends.tail(1).itertuples():
        same = peers[(peers["indicator"] == r.indicator) & (peers["year"] == r.year)]
        refs = ref.loc[(r.indicator, r.year)] if (r.indicator, r.year) in ref.index else pd.Series(dtype=float)
        tr = trends.get_group(r.indicator)
        rows.append({"indicator": r.indicator, "year": int(r.year), "value": r.value,
                     "rank": int((same["value"] > r.value).sum() + 1), "n_ranked": len(same),
                     "nation": refs.get("00", np.nan), "capital": refs.get("CR", np.nan),
                     "noncapital": refs.get("NC", np.nan), "trend": tr["value"].round(6).tolist(),
                     "trend_years": tr["year"].astype(int).tolist()})
    return pd.DataFrame(rows)


def region_series(obs: pd.DataFrame, code: str, order: Iterable[str] = ()) -> pd.DataFrame:
    """Every year of every indicator region `code` has, wide: one row per year (newest first), one column
    per indicator with a value (`order` first, as given, then the rest by id). A year the build has no
    value for is NaN (never filled); a year the build has rows for but no value in stays, as NaN; years
    with no row of the region are absent. Empty if the region has no value."""
    mine = obs[obs["region_code"] == code]
    if mine["value"].notna().sum() == 0:
        return pd.DataFrame()
    wide = mine.pivot_table(index="year", columns="indicator", values="value", aggfunc="first", dropna=False)
    have = [c for c in wide.columns if wide[c].notna().any()]
    first = [i for i in order if i in have]
    cols = first + sorted(c for c in have if c not in first)
    wide = wide[cols].sort_index(ascending=False)
    wide.index = wide.index.astype(int)
    wide.columns.name = None
    return wide


# ------------------------------------------------------------------ overview figures

def simple_mean_gap(obs: pd.DataFrame, ind_id: str, boundary_set: str = regions.REFERENCE_SET) -> pd.Series:
    """Per year with all 시도: mean of the capital 시도 values − mean of the other 시도 values (the
    unweighted stand-in for CR − NC when the gaps table has none), named capital_minus_noncapital."""
    sido = obs[(obs["indicator"] == ind_id) & regions.in_level(obs["region_code"], "sido")].dropna(subset=["value"])
    full = sido.groupby("year").filter(lambda d: len(d) == len(regions.codes("sido", boundary_set)))
    if full.empty:
        return pd.Series(dtype=float, name="capital_minus_noncapital")
    cap = full["region_code"].map(regions.is_capital)
    means = full.assign(cap=cap).groupby(["year", "cap"])["value"].mean().unstack()
    return (means[True] - means[False]).rename("capital_minus_noncapital")


def capital_gap_series(gaps: pd.DataFrame, obs: pd.DataFrame, ind_id: str,
                       boundary_set: str = regions.REFERENCE_SET) -> tuple[pd.Series, bool]:
    """(capital − non-capital gap of `ind_id` per year, is_simple_mean), in the indicator's unit.

    From the gaps table's `capital_minus_noncapital` (수도권 − 비수도권 as the build forms it) where it
    has any value; otherwise `simple_mean_gap` over the 시도 of `obs` (is_simple_mean True). Indexed by
    year (ascending), named capital_minus_noncapital; empty when neither can be formed."""
    g = gaps[gaps["indicator"] == ind_id].dropna(subset=["capital_minus_noncapital"])
    if g.empty:
        return simple_mean_gap(obs, ind_id, boundary_set), True
    s = g.set_index("year")["capital_minus_noncapital"].sort_index()
    return s.rename("capital_minus_noncapital"), False
