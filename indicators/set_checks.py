"""Checks of the boundary sets, run by every build after each set is derived (`run`).

- Each region-year belongs to exactly one unit per set: a year has a union (28U01) or its parts
  (제물포구, 영종구), never both, and no code of the other set.
- The groups (수도권, 비수도권, the 권역, the nation) are one territory in both sets: where both sets have
  a group's value, they are equal (to rounding) — except counts of units (at-risk 시군구), which count
  each set's own units (제물포구+영종구 is one unit where no file has them apart).
- For additive indicators, the set's 시도 sum to the national figure in every year where all have a
  value (a source's own national row included), and its 시군구 units sum to their 시도.
Failures name the set, indicator, year and regions; the build then writes nothing.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from geo import regions
from indicators.checks import CheckFailed
from indicators.derive import AT_RISK_COUNTS

UNIT_COUNTS = frozenset(AT_RISK_COUNTS.values())  # counts of a set's own units: not one territory's figure

REL_TOL = 1e-9  # sums of the same integers in another order: equal to rounding
MAX_LISTED = 20


def _fail(problems: list[str]) -> None:
    if problems:
        more = f"\n  … and {len(problems) - MAX_LISTED} more" if len(problems) > MAX_LISTED else ""
        raise CheckFailed(f"boundary-set checks failed ({len(problems)}):\n  " + "\n  ".join(problems[:MAX_LISTED])
                          + more)


def one_unit_each(obs: pd.DataFrame, boundary_set: str) -> list[str]:
    """Codes outside the set, and a union beside its own parts in one indicator-year."""
    sigungu = set(regions.codes("sigungu", boundary_set))
    sido = set(regions.codes("sido", boundary_set))
    stand = regions.stand_ins(boundary_set)
    lv = regions.level_of(obs["region_code"])
    admin = obs[lv.isin(["sido", "sigungu"])]
    outside = sorted(set(admin["region_code"]) - sigungu - sido - set(stand))
    problems = [f"{boundary_set}: code {c} is not a unit of this set" for c in outside]
    for union, parts in stand.items():
        u = obs.loc[obs["region_code"] == union, ["indicator", "year"]]
        p = obs.loc[obs["region_code"].isin(parts), ["indicator", "year"]]
        both = u.merge(p.drop_duplicates(), on=["indicator", "year"])
        problems += [f"{boundary_set}: {ind} {year}: {union} beside its parts {', '.join(parts)}"
                     for ind, year in both.itertuples(index=False)]
    return problems


def sums_to_nation(obs: pd.DataFrame, boundary_set: str, additive: set[str]) -> list[str]:
    """The set's 시도 sum to the national figure for additive indicators, where all have a value."""
    sido = regions.codes("sido", boundary_set)
    add = obs[obs["indicator"].isin(additive)]
    s = add[add["region_code"].isin(sido)].dropna(subset=["value"])
    g = s.groupby(["indicator", "year"]).agg(total=("value", "sum"), n=("value", "size")).reset_index()
    g = g[g["n"] == len(sido)]
    nation = add[add["region_code"] == "00"].set_index(["indicator", "year"])["value"]
    g = g.join(nation.rename("nation"), on=["indicator", "year"]).dropna(subset=["nation"])
    off = g[~np.isclose(g["total"], g["nation"], rtol=1e-6, atol=0.5)]
    return [f"{boundary_set}: {r.indicator} {r.year}: its {len(sido)} 시도 sum to {r.total:,.0f}, the nation is "
            f"{r.nation:,.0f}" for r in off.itertuples(index=False)]


def same_groups(by_set: dict[str, pd.DataFrame]) -> list[str]:
    """A group's value is the same in every set that has it (one territory)."""
    codes = set(regions.group_members(regions.REFERENCE_SET))
    key = ["region_code", "year", "indicator"]
    frames = [o.loc[o["region_code"].isin(codes) & ~o["indicator"].isin(UNIT_COUNTS), key + ["value"]]
              .dropna(subset=["value"]).assign(boundary_set=s) for s, o in by_set.items()]
    wide = pd.concat(frames).pivot_table(index=key, columns="boundary_set", values="value", aggfunc="first").dropna()
    if wide.shape[1] < 2:
        return []
    a, b = wide.iloc[:, 0], wide.iloc[:, 1]
    off = wide[~np.isclose(a, b, rtol=1e-6, atol=1e-9)]
    return [f"{r} {y} {i}: {' vs '.join(f'{s} {v:,.6g}' for s, v in row.items())}"
            for (r, y, i), row in off.iterrows()]


def run(by_set: dict[str, pd.DataFrame], additive: set[str]) -> dict:
    """Every check above on every set; raise `CheckFailed` naming each failure, else a summary."""
    problems = []
    for s, obs in by_set.items():
        problems += one_unit_each(obs, s) + sums_to_nation(obs, s, additive)
    problems += same_groups(by_set)
    _fail(problems)
    return {s: {"sido": len(regions.codes("sido", s)), "sigungu": len(regions.codes("sigungu", s))} for s in by_set}
