"""Inequality of an indicator across regions over time, with the right reference weights.

Reading of each kind of indicator (pure functions over the derived tidy table):
- a population count → density: y = persons / km², weights = land area
  (Theil then measures how unevenly people sit on the land);
- another additive count or amount → per capita: y = X / population, weights = population;
- a ratio or rate → y as published, weights = population (or equal, or area, if chosen).
Population for weights: declared in the registry — the population count of the indicator's own
basis (`population_basis`), else of the basis it is `weighted_by` (`catalog.population_for`).
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from geo import regions
from indicators import catalog
from indicators.inequality import inequality_over_time

WEIGHTINGS = ("population", "equal", "area")
READINGS = ("density", "per_capita", "as_published")  # how an indicator is read before measuring inequality


def _level_rows(obs: pd.DataFrame, indicator: str, level: str) -> pd.DataFrame:
    s = obs[obs["indicator"] == indicator]
    s = s[regions.level_of(s["region_code"]) == level]
    return s[["region_code", "year", "value"]]


def reading(obs: pd.DataFrame, indicator: str, level: str,
            weighting: str = "population") -> tuple[pd.DataFrame, pd.DataFrame | None, str]:
    """(values y, weights w or None for equal, the reading: one of `READINGS` — 'density' (persons per
    km², area weights), 'per_capita' (value ÷ population) or 'as_published')."""
    if weighting not in WEIGHTINGS:
        raise ValueError(f"weighting must be one of {WEIGHTINGS}")
    ind = catalog.get(indicator)
    x = _level_rows(obs, indicator, level)
    area = _level_rows(obs, "land_area_km2", level).drop(columns="year")
    if ind.is_population_count:
        y = x.merge(area.rename(columns={"value": "a"}), on="region_code")
        y = y.assign(value=y["value"] / y["a"])[["region_code", "year", "value"]]
        w = x[["region_code", "year"]].merge(area, on="region_code")
        return y, w, "density"
    if weighting == "area":
        w = x[["region_code", "year"]].merge(area, on="region_code")
    elif weighting == "equal":
        w = None
    else:
        w = _level_rows(obs, catalog.population_for(ind, level), level)
    if ind.additive:
        pop = _level_rows(obs, catalog.population_for(ind, level), level).rename(columns={"value": "p"})
        y = x.merge(pop, on=["region_code", "year"])
        y = y.assign(value=y["value"] / y["p"])[["region_code", "year", "value"]]
        return y, w, "per_capita"
    return x, w, "as_published"


@dataclass(frozen=True)
class Disparity:
    """Inequality of one indicator at one level over time.

    table: per year CV, Williamson, Gini, Theil T/L and the capital/non-capital decomposition
    (`inequality.inequality_over_time`); reading: how values were read (`READINGS`); used: year → region
    codes with a value and a weight that year; common: codes with a value and a weight in every year."""

    table: pd.DataFrame
    reading: str
    used: dict[int, tuple[str, ...]]
    common: tuple[str, ...]


def _codes_per_year(y: pd.DataFrame, w: pd.DataFrame | None) -> pd.Series:
    """year → sorted tuple of region codes with a value (and a weight, if weighted)."""
    used = y.dropna(subset=["value"])
    if w is not None:
        used = used.merge(w.dropna(subset=["value"])[["region_code", "year"]], on=["region_code", "year"])
    return used.groupby("year")["region_code"].agg(lambda s: tuple(sorted(s)))


def disparity(obs: pd.DataFrame, indicator: str, level: str, weighting: str = "population",
              common_only: bool = False) -> Disparity:
    """`Disparity` of `indicator` at `level`; `common_only` restricts every year to the regions that
    have a value and a weight in all years."""
    y, w, kind = reading(obs, indicator, level, weighting)
    per_year = _codes_per_year(y, w)
    common: tuple[str, ...] = ()
    if len(per_year):
        common = tuple(sorted(set.intersection(*(set(c) for c in per_year))))
    if common_only:
        keep = set(common)
        y = y[y["region_code"].isin(keep)]
        w = None if w is None else w[w["region_code"].isin(keep)]
        per_year = per_year.map(lambda c: tuple(x for x in c if x in keep))
    table = inequality_over_time(y, w, regions.is_capital)
    return Disparity(table, kind, {int(k): v for k, v in per_year.items() if v}, common)


def disparity_over_time(obs: pd.DataFrame, indicator: str, level: str, weighting: str = "population") -> pd.DataFrame:
    """Per year: CV, Williamson, Gini, Theil T/L with capital/non-capital decomposition."""
    return disparity(obs, indicator, level, weighting).table
