"""Which indicators the build has, at which levels and years, and why one has no 권역 values (pure)."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from geo import regions
from indicators import catalog, derive
from indicators.schema import Indicator
from indicators.views.observations import values_at

CATEGORY_ORDER: tuple[str, ...] = tuple(c.id for c in catalog.categories())  # as declared in registry.yaml
MACRO_MIN_REGIONS = 2  # a 권역 year needs two 권역 with values: 수도권 alone is the group figure

# indicator → {level: years with a value, None: years at any level}
Availability = dict[str, dict[str | None, tuple[int, ...]]]


# ------------------------------------------------------------------ availability

def available(coverage: pd.DataFrame, indicators: Mapping[str, Indicator], level: str | None = None) -> list[str]:
    """Catalogued indicators with a value in the built data (at `level` if given), in category order
    (`CATEGORY_ORDER`, then category name, then id)."""
    cov = coverage[coverage["regions"] > 0]
    if level is not None:
        cov = cov[cov["level"] == level]
    cats = {c: i for i, c in enumerate(CATEGORY_ORDER)}
    have = set(cov["indicator"]) & set(indicators)
    return sorted(have, key=lambda i: (cats.get(indicators[i].category, 99), indicators[i].category, i))


def unknown(coverage: pd.DataFrame, indicators: Mapping[str, Indicator]) -> list[str]:
    """Indicators in the built data that the catalogue does not describe."""
    return sorted(set(coverage["indicator"]) - set(indicators))


def missing(indicators: Iterable[str], available_ids: Iterable[str]) -> list[str]:
    """Catalogued indicators with no value in the built data (not among `available_ids`)."""
    return sorted(set(indicators) - set(available_ids))


def availability(coverage: pd.DataFrame) -> Availability:
    """indicator → {level: years with a value (sorted), None: years at any level}.

    Level 'macro' (the seven 권역, 수도권 included) lists only years with at least
    `MACRO_MIN_REGIONS` 권역 that have a value; None keeps every year of every level."""
    cov = coverage[coverage["regions"] > 0]
    out: Availability = {}
    for (ind, lv), part in cov.groupby(["indicator", "level"]):
        yrs = part.loc[part["regions"] >= MACRO_MIN_REGIONS, "year"] if lv == "macro" else part["year"]
        if len(yrs):
            out.setdefault(str(ind), {})[str(lv)] = tuple(sorted(int(y) for y in yrs.unique()))
    for ind, yrs in cov.groupby("indicator")["year"]:
        out.setdefault(str(ind), {})[None] = tuple(sorted(int(y) for y in yrs.unique()))
    return out


def levels(have: Mapping[str | None, tuple[int, ...]], macro: bool = False) -> list[str]:
    """Levels with values among 'sido', 'sigungu'; with `macro`, also 'macro' (first) wherever 권역
    values exist or the indicator has 시도 values (then `macro_gap` says why 권역 values are missing)."""
    out = [lv for lv in ("sido", "sigungu") if lv in have]
    if macro and ("macro" in have or "sido" in have):
        out.insert(0, "macro")
    return out


def mappable(ids: Iterable[str], avail: Availability, macro: bool = False) -> list[str]:
    """`ids` with values at 시도 or 시군구 (with `macro`: or at 권역)."""
    wanted = ("sido", "sigungu") + (("macro",) if macro else ())
    return [i for i in ids if any(lv in avail.get(i, {}) for lv in wanted)]


def risk_bases(sigungu_ids: Iterable[str]) -> list[str]:
    """Basis tokens (reg/res/cen2010) whose 시군구 extinction-risk index is among `sigungu_ids`."""
    have = set(sigungu_ids)
    return [b for b, index in derive.RISK_INDEX.items() if index in have]


# ------------------------------------------------------------------ why no 권역 values

@dataclass(frozen=True)
class MacroGap:
    """Why an indicator has no 권역 values, from the catalogue and the coverage table.

    kind: 'incomplete' (additive, but 시도 are missing: no complete 권역 sum), 'parts' (a ratio whose
    numerator or denominator has no 권역 values; `part` and `inner` say which and why),
    'not_additive' (a value that cannot be summed and has no summable parts; `measure` says what
    it is: 'percent', 'index', 'per_capita', 'rate', 'flow' (inter-시도 moves) or 'amount'),
    'unknown' (not in the catalogue)."""

    ind_id: str
    kind: str
    measure: str = ""
    n_sido: int = 0
    missing_sido: tuple[str, ...] = ()
    macro_with_values: tuple[str, ...] = ()
    part: str = ""
    inner: MacroGap | None = None


def measure_kind(ind: Indicator) -> str:
    """What a non-additive indicator measures, read from its catalogue unit, name and category."""
    unit, unit_ko = ind.unit.lower(), ind.unit_ko
    if ind.category == "migration":
        return "flow"
    if unit == "%":
        return "percent"
    if unit == "index" or "지수" in unit_ko:
        return "index"
    if "per capita" in ind.name_en.lower():
        return "per_capita"
    if unit == "ratio" or "per " in unit or "/" in unit_ko:
        return "rate"
    return "amount"


def _incomplete(obs: pd.DataFrame, coverage: pd.DataFrame, ind_id: str,
                boundary_set: str = regions.REFERENCE_SET) -> MacroGap:
    """An additive indicator without 권역 values: how many 시도 it has, which lack the latest year,
    and which 권역 do have values."""
    cov = coverage[(coverage["indicator"] == ind_id) & (coverage["regions"] > 0)]
    sido = cov[cov["level"] == "sido"]
    n = int(sido["regions"].max()) if len(sido) else 0
    missing_sido: tuple[str, ...] = ()
    if len(sido):
        v = values_at(obs, ind_id, "sido", int(sido["year"].max()), boundary_set)
        missing_sido = tuple(v.loc[v["value"].isna(), "region_code"])
    have: tuple[str, ...] = ()
    if (cov["level"] == "macro").any():
        macro = regions.codes("macro")
        sub = obs[(obs["indicator"] == ind_id) & obs["region_code"].isin(macro) & obs["value"].notna()]
        have = tuple(c for c in macro if c in set(sub["region_code"]))
    return MacroGap(ind_id, "incomplete", n_sido=n, missing_sido=missing_sido, macro_with_values=have)


def macro_gap(obs: pd.DataFrame, coverage: pd.DataFrame, avail: Availability,
              indicators: Mapping[str, Indicator], ind_id: str, _depth: int = 0,
              boundary_set: str = regions.REFERENCE_SET) -> MacroGap | None:
    """None if `ind_id` has 권역 values in some year, else why not (`MacroGap`); the 시도 named are those of
    `boundary_set`."""
    if "macro" in avail.get(ind_id, {}):
        return None
    ind = indicators.get(ind_id)
    if ind is None:
        return MacroGap(ind_id, "unknown")
    parts = [p for p in (ind.numerator, ind.denominator) if p and p in indicators]
    if len(parts) == 2 and _depth < 3:
        for p in parts:
            inner = macro_gap(obs, coverage, avail, indicators, p, _depth + 1, boundary_set)
            if inner is not None:
                return MacroGap(ind_id, "parts", part=p, inner=inner)
    if ind.additive:
        return _incomplete(obs, coverage, ind_id, boundary_set)
    return MacroGap(ind_id, "not_additive", measure=measure_kind(ind))
