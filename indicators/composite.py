"""Composite disparity index in the manner of the English Index of Multiple Deprivation.

Score: higher = more disadvantaged (as the IMD). Steps, all pure functions:
1. inputs: for each domain indicator, the value in the chosen year, or else its latest
   earlier vintage (the vintage used is reported per indicator; never a later year, never
   a value from another region);
2. orient by polarity (an indicator where higher is better is negated);
3. standardise across areas: z-score, or rank → IMD exponential transform
   X = −23 ln(1 − R (1 − e^(−100/23))), R = rank/n with the least disadvantaged at R→0,
   which stretches the disadvantaged tail to 0…100;
4. domain score = mean of its standardised indicators; an area missing any input gets no
   domain score and no composite (reported per area, never filled);
5. composite = Σ weight × domain score (weights normalised to sum 1); rank 1 = most
   disadvantaged; deciles 1 (most) … 10 (least).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from geo import regions
from indicators import catalog
from indicators.schema import Domain

# The domains (names, inputs per level, default weights) are declared in indicators/registry.yaml.
DOMAINS: tuple[Domain, ...] = catalog.domains()
METHODS = ("z", "rank_exp")


def inputs(obs: pd.DataFrame, level: str, year: int, domains=DOMAINS) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(wide table areas × indicators, vintage table indicator → year used or NaN)."""
    area = obs[obs["year"] <= year]
    area = area[regions.level_of(area["region_code"]) == level]
    cols, vintages = {}, []
    for d in domains:
        for ind in d.indicators.get(level, ()):
            s = area[area["indicator"] == ind].dropna(subset=["value"])
            used = int(s["year"].max()) if len(s) else None
            vintages.append({"domain": d.id, "indicator": ind, "year_used": used})
            if used is not None:
                cols[ind] = s[s["year"] == used].set_index("region_code")["value"]
    wide = pd.DataFrame(cols)
    return wide, pd.DataFrame(vintages)


def exp_transform(rank_fraction: pd.Series) -> pd.Series:
    """IMD exponential transform of ranks scaled to (0, 1] (1 = most disadvantaged) → 0…100."""
    return -23 * np.log(1 - rank_fraction * (1 - np.exp(-100 / 23)))


def standardise(wide: pd.DataFrame, method: str = "z") -> pd.DataFrame:
    """Orient each column as 'higher = more disadvantaged', then z-score or rank+exp transform."""
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}")
    out = {}
    for ind in wide.columns:
        x = wide[ind] * (-1 if catalog.get(ind).polarity > 0 else 1)
        if method == "z":
            out[ind] = (x - x.mean()) / x.std(ddof=0)
        else:
            out[ind] = exp_transform(x.rank(method="average") / x.notna().sum())
    return pd.DataFrame(out, index=wide.index)


def domain_scores(std: pd.DataFrame, level: str, domains=DOMAINS) -> pd.DataFrame:
    """Mean standardised score per domain; NaN for an area missing any of the domain's inputs."""
    out = {}
    for d in domains:
        cols = [c for c in d.indicators.get(level, ()) if c in std.columns]
        out[d.id] = std[cols].mean(axis=1, skipna=False) if cols else pd.Series(np.nan, index=std.index)
    return pd.DataFrame(out)


def composite(scores: pd.DataFrame, weights: dict[str, float]) -> pd.DataFrame:
    """score, rank (1 = most disadvantaged), decile (1 = most disadvantaged 10%)."""
    w = pd.Series({k: v for k, v in weights.items() if k in scores.columns}, dtype=float)
    w = w[w > 0] / w[w > 0].sum()
    score = (scores[w.index] * w).sum(axis=1, min_count=len(w))
    score = score.where(scores[w.index].notna().all(axis=1))
    rank = score.rank(ascending=False, method="min")
    n = score.notna().sum()
    decile = np.ceil(rank / n * 10).clip(1, 10)
    return pd.DataFrame({"score": score, "rank": rank, "decile": decile})


def missing_inputs(wide: pd.DataFrame, all_codes: list[str]) -> pd.DataFrame:
    """Per area: which inputs are missing (areas with none missing are left out)."""
    full = wide.reindex(all_codes)
    miss = full.isna()
    rows = [{"region_code": c, "missing": ", ".join(miss.columns[miss.loc[c]])}
            for c in full.index if miss.loc[c].any()]
    return pd.DataFrame(rows, columns=["region_code", "missing"])


def sensitivity(scores: pd.DataFrame, weights: dict[str, float], shift: float = 0.2) -> pd.DataFrame:
    """For each domain, raise then lower its weight by `shift` (relative) and count the areas
    whose decile changes against the base weights."""
    base = composite(scores, weights)["decile"]
    rows = []
    for dom in weights:
        for sign in (+1, -1):
            w = dict(weights)
            w[dom] = max(0.0, w[dom] * (1 + sign * shift))
            dec = composite(scores, w)["decile"]
            changed = int(((dec != base) & base.notna()).sum())
            rows.append({"domain": dom, "change": f"{sign * shift:+.0%}", "areas_changing_decile": changed,
                         "areas_ranked": int(base.notna().sum())})
    return pd.DataFrame(rows)


def rank_correlation(a: pd.Series, b: pd.Series) -> tuple[float, int]:
    """Spearman rank correlation of two area-indexed series over their common areas, and n."""
    both = pd.concat([a, b], axis=1, join="inner").dropna()
    if len(both) < 3:
        return np.nan, len(both)
    r = both.rank()
    return float(r.iloc[:, 0].corr(r.iloc[:, 1])), len(both)
