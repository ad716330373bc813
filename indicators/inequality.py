"""Inequality across regions: CV, Williamson, Gini, Theil T/L and the 수도권 decomposition.

Every measure takes per-region values y_i and reference weights w_i (population for
per-capita readings, 1 for "regions as equal units", land area for density). With shares
s_i = w_i·y_i / Σ w·y (the region's share of the total) and q_i = w_i / Σ w:
  CV          = sd(y) / mean(y)                      (unweighted, ddof 0)
  Williamson  = sqrt(Σ q_i (y_i − ȳ)²) / ȳ,  ȳ = Σ q_i y_i   (weighted CV)
  Gini        = Σ_i Σ_j q_i q_j |y_i − y_j| / (2 ȳ)
  Theil T     = Σ s_i ln(s_i / q_i),   Theil L = Σ q_i ln(q_i / s_i)
Decomposition over groups g (capital / non-capital), S_g, Q_g the group sums of s, q:
  T = Σ_g S_g T_g + Σ_g S_g ln(S_g/Q_g)   and   L = Σ_g Q_g L_g + Σ_g Q_g ln(Q_g/S_g)
(within + between). Zero or negative values are outside Theil's domain → NaN.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

MEASURES: dict[str, tuple[str, str, str]] = {
    # id: (Korean, English, definition)
    "cv": ("변이계수", "Coefficient of variation", "지역 값의 표준편차 ÷ 평균 (지역 동일 가중)"),
    "cv_weighted": ("가중 변이계수 (Williamson)", "Williamson index (weighted CV)",
                    "인구(또는 선택한 가중치) 가중 표준편차 ÷ 가중 평균"),
    "gini": ("지니계수", "Gini coefficient", "가중 지니계수: 모든 지역 쌍의 차이 평균 ÷ (2 × 평균)"),
    "theil_t": ("타일 T", "Theil T", "Σ 몫 × ln(몫 ÷ 가중치 비중)"),
    "theil_l": ("타일 L (MLD)", "Theil L (mean log deviation)", "Σ 가중치 비중 × ln(가중치 비중 ÷ 몫)"),
}


def _prep(y, w) -> tuple[np.ndarray, np.ndarray]:
    y, w = np.asarray(y, dtype=float), np.asarray(w, dtype=float)
    if y.shape != w.shape:
        raise ValueError("values and weights differ in length")
    keep = ~(np.isnan(y) | np.isnan(w))
    return y[keep], w[keep]


def cv(y) -> float:
    """Unweighted coefficient of variation (population sd, ddof 0)."""
    y = np.asarray(y, dtype=float)
    y = y[~np.isnan(y)]
    return float(np.std(y) / np.mean(y)) if len(y) > 1 and np.mean(y) != 0 else np.nan


def williamson(y, w) -> float:
    """Weighted coefficient of variation (Williamson 1965 when w is population)."""
    y, w = _prep(y, w)
    q = w / w.sum()
    mean = float(np.sum(q * y))
    return float(np.sqrt(np.sum(q * (y - mean) ** 2)) / mean) if mean else np.nan


def gini(y, w) -> float:
    """Weighted Gini of y with weights w (w = 1: the ordinary Gini over regions)."""
    y, w = _prep(y, w)
    q = w / w.sum()
    mean = float(np.sum(q * y))
    diff = np.abs(y[:, None] - y[None, :])
    return float(np.sum(q[:, None] * q[None, :] * diff) / (2 * mean)) if mean else np.nan


def _shares(y, w) -> tuple[np.ndarray, np.ndarray] | None:
    y, w = _prep(y, w)
    if len(y) == 0 or np.any(y <= 0) or np.any(w <= 0):
        return None
    x = y * w
    return x / x.sum(), w / w.sum()


def theil_t(y, w) -> float:
    """Theil T (GE(1)); NaN if any value is ≤ 0."""
    sq = _shares(y, w)
    return float(np.sum(sq[0] * np.log(sq[0] / sq[1]))) if sq else np.nan


def theil_l(y, w) -> float:
    """Theil L (GE(0), mean log deviation); NaN if any value is ≤ 0."""
    sq = _shares(y, w)
    return float(np.sum(sq[1] * np.log(sq[1] / sq[0]))) if sq else np.nan


def theil_decomposition(y, w, groups, kind: str = "t") -> dict[str, float]:
    """{'total', 'between', 'within', 'between_share'} of Theil T (kind 't') or L ('l')."""
    y, w = np.asarray(y, dtype=float), np.asarray(w, dtype=float)
    groups = np.asarray(groups)
    sq = _shares(y, w)
    if sq is None:
        return {"total": np.nan, "between": np.nan, "within": np.nan, "between_share": np.nan}
    s, q = sq
    one = theil_t if kind == "t" else theil_l
    between = within = 0.0
    for g in np.unique(groups):
        m = groups == g
        S, Q = s[m].sum(), q[m].sum()
        between += S * np.log(S / Q) if kind == "t" else Q * np.log(Q / S)
        within += (S if kind == "t" else Q) * one(y[m], w[m])
    total = between + within
    return {"total": total, "between": between, "within": within,
            "between_share": between / total if total > 0 else np.nan}


def measures(y, w, groups) -> dict[str, float]:
    """All measures for one indicator-year, with the Theil T/L capital decomposition."""
    t, lo = theil_decomposition(y, w, groups, "t"), theil_decomposition(y, w, groups, "l")
    return {"n_regions": int(np.sum(~np.isnan(np.asarray(y, dtype=float)))), "cv": cv(y),
            "cv_weighted": williamson(y, w), "gini": gini(y, w),
            "theil_t": t["total"], "theil_t_between": t["between"], "theil_t_within": t["within"],
            "theil_t_between_share": t["between_share"],
            "theil_l": lo["total"], "theil_l_between": lo["between"], "theil_l_within": lo["within"],
            "theil_l_between_share": lo["between_share"]}


def inequality_over_time(values: pd.DataFrame, weights: pd.DataFrame | None, is_capital) -> pd.DataFrame:
    """Per year: measures over regions. values/weights: region_code, year, value (weights None
    → equal weights). A region lacking a value or weight in a year is left out of that year
    (n_regions says how many were used); nothing is filled."""
    v = values[["region_code", "year", "value"]].dropna()
    if weights is None:
        m = v.assign(weight=1.0)
    else:
        w = weights[["region_code", "year", "value"]].rename(columns={"value": "weight"})
        m = v.merge(w, on=["region_code", "year"], how="inner").dropna()
    rows = []
    for year, g in m.groupby("year"):
        groups = np.where(g["region_code"].map(is_capital), "capital", "noncapital")
        rows.append({"year": int(year), **measures(g["value"].to_numpy(), g["weight"].to_numpy(), groups)})
    return pd.DataFrame(rows)
