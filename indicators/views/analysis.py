"""The disparity table and the composite index as the pages show them (pure; over `disparity`,
`composite`)."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from geo import regions
from indicators import composite as cx
from indicators import disparity as dx
from indicators.views.observations import _at_level, values_at

# ------------------------------------------------------------------ 격차 분석

def disparity(obs: pd.DataFrame, ind_id: str, level: str, weighting: str = "population",
              common_only: bool = False) -> dx.Disparity:
    """Inequality measures per year of `ind_id` at `level` (`indicators.disparity.disparity`)."""
    return dx.disparity(obs[["region_code", "year", "indicator", "value"]], ind_id, level, weighting, common_only)


# ------------------------------------------------------------------ 종합 격차지수

def composite_inputs(obs: pd.DataFrame, level: str, year: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """`indicators.composite.inputs` at `level` for `year`: (areas × inputs, vintage used per input)."""
    wanted = {i for d in cx.DOMAINS for i in d.indicators.get(level, ())}
    sub = obs[obs["indicator"].isin(wanted) & _at_level(obs, level)][["region_code", "year", "indicator", "value"]]
    return cx.inputs(sub, level, year)


def available_domains(available_ids: Iterable[str], level: str) -> list[str]:
    """Domains with at least one input among `available_ids` (indicators built at `level`)."""
    have = set(available_ids)
    return [d.id for d in cx.DOMAINS if any(i in have for i in d.indicators.get(level, ()))]


@dataclass
class CompositeResult:
    """The composite at one level and year, as the page shows it."""

    level: str
    year: int
    method: str
    weights: dict[str, float]            # effective weights (0 for domains left out)
    dropped: list[str]                   # domains with no input in the build: weight forced to 0
    vintages: pd.DataFrame               # domain, indicator, year_used
    wide: pd.DataFrame
    scores: pd.DataFrame                 # domain scores (areas with inputs)
    table: pd.DataFrame                  # every area of the level
    missing: pd.DataFrame                # region_code, missing
    unscorable: list[str] = field(default_factory=list)  # weighted domains with no vintage ≤ year

    @property
    def scored(self) -> int:
        return int(self.table["score"].notna().sum())

    @property
    def weight_shares(self) -> dict[str, float]:
        """Each domain's share of the total weight (%), as the score uses it (weights need not sum to
        100); all 0 when every weight is 0."""
        return weight_shares(self.weights)

    @property
    def custom_weights(self) -> bool:
        """True when a reader changed a weight: some domain the build has inputs for is not at its
        registry default (a domain left out for lack of inputs is not a change)."""
        return any(self.weights.get(d.id, 0) != d.default_weight for d in cx.DOMAINS if d.id not in self.dropped)


def weight_shares(weights: Mapping[str, float]) -> dict[str, float]:
    """`weights` as shares of their total (%), in the registry's domain order."""
    total = sum(weights.values())
    return {d.id: (weights.get(d.id, 0) / total * 100 if total else 0.0) for d in cx.DOMAINS}


def _scores(wide: pd.DataFrame, level: str, method: str, active: dict[str, float]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(domain scores, composite score/rank/decile) of the areas in `wide`."""
    if wide.empty:
        scores = pd.DataFrame(index=pd.Index([], name="region_code"), columns=[d.id for d in cx.DOMAINS], dtype=float)
    else:
        scores = cx.domain_scores(cx.standardise(wide, method), level)
    if active and not scores.empty:
        return scores, cx.composite(scores, active)
    return scores, pd.DataFrame({"score": np.nan, "rank": np.nan, "decile": np.nan}, index=scores.index)


def composite_result(wide: pd.DataFrame, vint: pd.DataFrame, level: str, year: int, method: str,
                     weights: Mapping[str, float], domains_built: Iterable[str], lang: str = "ko",
                     boundary_set: str = regions.REFERENCE_SET) -> CompositeResult:
    """Score every area of `level` from `composite_inputs` (wide, vint); domains not in `domains_built`
    get weight 0. The table has year, level, method, region_code, region (name in `lang`),
    is_capital_region, score, rank, decile, the domain scores and the missing inputs of each area."""
    built = set(domains_built)
    eff = {d.id: (float(weights.get(d.id, 0)) if d.id in built else 0.0) for d in cx.DOMAINS}
    active = {k: v for k, v in eff.items() if v > 0}
    scores, comp = _scores(wide, level, method, active)
    codes = regions.codes(level, boundary_set)
    table = pd.DataFrame(index=pd.Index(codes, name="region_code"))
    table["region"] = [regions.name(c, lang) for c in codes]
    table["is_capital_region"] = [regions.is_capital(c) for c in codes]
    table = table.join(comp).join(scores)
    miss = cx.missing_inputs(wide, codes) if not wide.empty else pd.DataFrame(
        {"region_code": codes, "missing": ", ".join(i for d in cx.DOMAINS for i in d.indicators.get(level, ()))})
    table["missing_inputs"] = miss.set_index("region_code")["missing"].reindex(codes).fillna("")
    table = table.reset_index()
    table.insert(0, "year", year)
    table.insert(1, "level", level)
    table.insert(2, "method", method)
    dropped = [d.id for d in cx.DOMAINS if d.id not in built]
    unscorable = [d for d in active if d not in scores.columns or scores[d].isna().all()]
    return CompositeResult(level, year, method, eff, dropped, vint, wide, scores, table, miss, unscorable)


NAVIS_COLUMNS = ["year", "rho", "n", "areas_scored", "vintage_min", "vintage_max", "inputs_absent"]


def composite_navis_year(obs: pd.DataFrame, year: int, method: str, weights: Mapping[str, float],
                         navis_id: str) -> dict | None:
    """One NAVIS year at 시도: Spearman rho of the composite with −NAVIS, n, areas scored, the input
    vintages used; None when no input or no positive weight."""
    wide, vint = composite_inputs(obs, "sido", year)
    w = {k: v for k, v in weights.items() if v > 0}
    if wide.empty or not w:
        return None
    comp = cx.composite(cx.domain_scores(cx.standardise(wide, method), "sido"), w)
    navis = values_at(obs, navis_id, "sido", year).set_index("region_code")["value"]
    rho, n = cx.rank_correlation(comp["score"], -navis)
    used = vint["year_used"].dropna()
    return {"year": int(year), "rho": rho, "n": n, "areas_scored": int(comp["score"].notna().sum()),
            "vintage_min": int(used.min()) if len(used) else None,
            "vintage_max": int(used.max()) if len(used) else None,
            "inputs_absent": ", ".join(vint.loc[vint["year_used"].isna(), "indicator"])}


def composite_navis(obs: pd.DataFrame, navis_years: Iterable[int], method: str, weights: Mapping[str, float],
                    navis_id: str = "navis_index_total") -> pd.DataFrame:
    """Per NAVIS year at 시도: the composite (higher = more disadvantaged) against −NAVIS (NAVIS:
    higher = more developed, so the sign is flipped); see `composite_navis_year`."""
    rows = [composite_navis_year(obs, y, method, weights, navis_id) for y in navis_years]
    return pd.DataFrame([r for r in rows if r is not None], columns=NAVIS_COLUMNS)
