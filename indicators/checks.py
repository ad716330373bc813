"""Sanity checks run by every build; a failed check stops the build before anything is written.

Every failure names the indicator, region and year, and the raw file(s) the indicator was read from.

1. Value rules: each indicator's values lie in its declared range (`VALUE_RULES`, one table by
   unit suffix with named exceptions): counts and amounts ≥ 0, shares in % within 0–100, ratios
   and indexes ≥ 0; signed series (net migration, growth rates) named explicitly.
2. Additivity: where a source gives both 시군구 and 시도 figures of an additive indicator,
   the 시군구 sum must equal the 시도 figure (±0.5%), and the 시도 sum the nation's.
   Known boundary exceptions: 대구/경북 before 2023 (군위군 is coded to 대구 for all years).
3. One territory per ratio: no 시도 ratio where a split-off 시도 is in one part only.
4. Expected region counts per indicator, level and year, kept in `expected_counts.csv`
   (regenerate with `python -m indicators build --update-expected` after review). A combination
   in the file that the build lacks fails too (a deleted year column), unless the indicator's
   source was skipped or read in part (the build reports those sources instead).
"""
from __future__ import annotations

import os
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from geo import regions
from indicators import catalog
from indicators.derive import LATE_SIDO_FROM, RATIOS, mixed_territory

EXPECTED = Path(__file__).with_name("expected_counts.csv")
TOLERANCE = 0.005
# (parent, year) pairs where the source's own parent figure is on historical boundaries while
# children are coded to current ones: 군위군 (경북 → 대구, 2023); 연기군 and parts of 청원군
# (충남/충북 → 세종, 2012).
BOUNDARY_EXCEPTIONS = ({(p, y) for p in ("27", "47") for y in range(1900, 2023)}
                       | {(p, y) for p in ("43", "44") for y in range(1900, 2012)})
MAX_LISTED = 40  # problems listed in the error message (the rest are counted)

Problem = tuple[str, str]  # (indicator id, what is wrong)


@dataclass(frozen=True)
class ValueRule:
    """Values of indicators whose id fully matches `pattern` lie in [low, high] (None = open)."""

    pattern: str
    low: float | None
    high: float | None
    what: str


# First match wins: named exceptions first, then rules by the unit suffix of the id.
VALUE_RULES: tuple[ValueRule, ...] = (
    ValueRule(r"migration_net_persons", None, None, "net migration (in − out) has either sign"),
    ValueRule(r".*_growth_pct", -100, None, "a growth rate in % (a fall is at most −100%)"),
    ValueRule(r"gi_net_migration_rate_pct", -100, 100, "net migration as % of the population"),
    ValueRule(r"census_tfr", 0, 10, "births per woman"),
    ValueRule(r"gi_public_integrity_score", 0, 10, "points of 10"),
    ValueRule(r".*_pct", 0, 100, "a share in %"),
    ValueRule(r".*_(persons|count|krw_mn|krw_th|krw_10k|usd_th|km2)", 0, None, "a count or amount"),
    ValueRule(r".*_per_(person|1000|100k|1m)|.*_coef|.*_ugm3", 0, None, "a rate or density"),
    ValueRule(r".*_index(_[a-z]+)?|navis_[a-z_]+", 0, None, "an index or ratio of counts"),
)


class CheckFailed(ValueError):
    """A sanity check failed; the message lists the offending indicator/region/year and file."""


def value_rule(indicator: str) -> ValueRule | None:
    """The rule for one indicator id (None if no rule matches)."""
    return next((r for r in VALUE_RULES if re.fullmatch(r.pattern, indicator)), None)


def _bound(value: float | None) -> str:
    return "open" if value is None else f"{value:g}"


def value_ranges(obs: pd.DataFrame) -> list[Problem]:
    """Values outside their indicator's rule (up to 3 listed per indicator), and indicators without a rule."""
    problems: list[Problem] = []
    df = obs.dropna(subset=["value"])
    for ind, g in df.groupby("indicator", sort=True):
        rule = value_rule(str(ind))
        if rule is None:
            problems.append((ind, f"{ind}: no value rule matches this id (declare one in checks.VALUE_RULES)"))
            continue
        low = g["value"] < rule.low if rule.low is not None else pd.Series(False, index=g.index)
        high = g["value"] > rule.high if rule.high is not None else pd.Series(False, index=g.index)
        bad = g[low | high]
        problems += [(ind, f"{ind} {r.region_code} {r.year}: value {r.value:,.6g} outside "
                           f"[{_bound(rule.low)}, {_bound(rule.high)}] ({rule.what})")
                     for r in bad.head(3).itertuples()]
        if len(bad) > 3:
            problems.append((ind, f"{ind}: {len(bad) - 3} more values outside the range"))
    return problems


def additivity(obs: pd.DataFrame) -> list[Problem]:
    """Mismatches between children sums and parent figures given by the same source."""
    additive = {i.id for i in catalog.indicators().values() if i.additive}
    df = obs[obs["indicator"].isin(additive)].dropna(subset=["value"])
    problems = []
    levels = regions.level_of(df["region_code"])
    for child_len, parent_of, label in ((5, lambda c: c.str[:2], "시군구→시도"), (2, lambda c: "00", "시도→전국")):
        kids = df[levels == ("sigungu" if child_len == 5 else "sido")]
        kids = kids.assign(parent=parent_of(kids["region_code"]))
        sums = kids.groupby(["indicator", "year", "parent"])["value"].agg(["sum", "count"])
        # compare only where the source gives every child (exports: 10 of 17 시도 → no check);
        # 시도 not yet split off (광주, 대전, 울산, 세종) are not expected before they appear
        sums = sums[sums["count"] >= _expected_children(sums, child_len)]
        sums = sums["sum"].rename("children")
        par = df.set_index(["indicator", "year", "region_code"])["value"].rename("parent_value")
        par.index = par.index.set_names(["indicator", "year", "parent"])
        both = pd.concat([sums, par], axis=1, join="inner").reset_index()
        both["rel"] = (both["children"] - both["parent_value"]).abs() / both["parent_value"].abs()
        bad = both[(both["rel"] > TOLERANCE)]
        bad = bad[[(p, y) not in BOUNDARY_EXCEPTIONS for p, y in zip(bad["parent"], bad["year"])]]
        problems += [(r.indicator, f"{label} {r.indicator} {r.year} {r.parent}: children {r.children:,.0f} "
                                   f"vs {r.parent_value:,.0f}") for r in bad.itertuples()]
    return problems


def _expected_children(sums: pd.DataFrame, child_len: int) -> pd.Series:
    """Children a parent must have for the check, per (indicator, year, parent) row."""
    reg = regions.table()
    if child_len == 5:
        n = reg[reg["level"] == "sigungu"].groupby("parent_code").size()
        return sums.index.get_level_values("parent").map(n).to_numpy()
    years = sums.index.get_level_values("year")
    return 17 - sum((years < y).astype(int) for y in LATE_SIDO_FROM.values())


def expected_counts(cov: pd.DataFrame, excused: Collection[str] = ()) -> tuple[list[Problem], list[str]]:
    """(problems, combinations not yet in the expected file).

    Problems: a count that differs, a combination of the file that the build lacks, or a missing
    file. Indicators in `excused` (their source skipped or read in part) are not compared."""
    if not EXPECTED.exists():
        return [("", f"{EXPECTED.name} missing: restore it, or regenerate it with "
                     "`python -m indicators build --update-expected` after review")], []
    exp = pd.read_csv(EXPECTED)
    keys = ["indicator", "level", "year"]
    m = exp[~exp["indicator"].isin(set(excused))].merge(cov, on=keys, how="left", suffixes=("_expected", ""))
    built = m[m["regions"].notna()]
    bad = built[built["regions"] != built["regions_expected"]]
    problems = [(r.indicator, f"{r.indicator} {r.level} {r.year}: {int(r.regions)} regions, "
                              f"expected {r.regions_expected}") for r in bad.itertuples()]
    problems += [(r.indicator, f"{r.indicator} {r.level} {r.year}: no region has a value, "
                               f"expected {r.regions_expected}") for r in m[m["regions"].isna()].itertuples()]
    new = cov.merge(exp, on=keys, how="left", indicator=True)
    return problems, [f"{r.indicator} {r.level} {r.year}" for r in new[new["_merge"] == "left_only"].itertuples()]


def write_expected(cov: pd.DataFrame) -> Path:
    """Rewrite `expected_counts.csv` from a build's coverage (all levels but the two groups), in one
    step (temp file + replace), so a failed or killed run never leaves it missing or cut short."""
    rows = cov[cov["level"] != "group"][["indicator", "level", "year", "regions"]]
    tmp = EXPECTED.with_name(f".{EXPECTED.name}.tmp-{os.getpid()}")
    try:
        rows.to_csv(tmp, index=False)
        os.replace(tmp, EXPECTED)
    finally:
        tmp.unlink(missing_ok=True)
    return EXPECTED


def one_territory(obs: pd.DataFrame) -> list[Problem]:
    """Ratios of a 시도 in a year where its numerator and denominator cover different
    territories (a late-created 시도 — 광주, 대전, 울산, 세종 — reported by one part only)."""
    wide = obs.pivot_table(index=["region_code", "year"], columns="indicator", values="value", aggfunc="first")
    problems = []
    for r in RATIOS:
        if r.id not in wide or r.numerator not in wide or r.denominator not in wide:
            continue
        for parent, year in mixed_territory(wide, r.numerator, r.denominator):
            if pd.notna(wide[r.id].get((parent, year))):
                problems.append((r.id, f"{r.id} {parent} {year}: {r.numerator} and {r.denominator} cover "
                                       "different territories (a 시도 split off that year is reported by one "
                                       "part only)"))
    return problems


def _with_origin(problems: list[Problem], origin: Mapping[str, str]) -> list[str]:
    """Each problem followed by the raw file(s) its indicator was read from."""
    return [f"{text} — from {origin[ind]}" if origin.get(ind) else text for ind, text in problems]


def run_all(base: pd.DataFrame, cov: pd.DataFrame, derived: pd.DataFrame | None = None, *,
            origin: Mapping[str, str] | None = None, excused: Collection[str] = (),
            counts: bool = True) -> dict:
    """Run the checks; raise CheckFailed on any failure, else return a summary.

    origin: indicator → the raw file(s) it comes from (named in each failure); excused: indicators
    left out of the count check (source skipped or partial); counts=False skips the count check
    (`--update-expected`, which rewrites the file from this build)."""
    obs = derived if derived is not None else base
    ranges = value_ranges(obs)
    add = additivity(base)
    mism, new = expected_counts(cov, excused) if counts else ([], [])
    mixed = one_territory(derived) if derived is not None else []
    problems = _with_origin(ranges + add + mism + mixed, origin or {})
    if problems:
        more = f"\n  … and {len(problems) - MAX_LISTED} more" if len(problems) > MAX_LISTED else ""
        raise CheckFailed(f"sanity checks failed ({len(problems)}):\n  " + "\n  ".join(problems[:MAX_LISTED]) + more)
    return {"value_rules": "ok", "additivity": "ok",
            "expected_counts": "ok" if counts else "not run (--update-expected)",
            "one_territory_per_ratio": "ok", "not_in_expected_file": len(new),
            "count_check_excused": sorted(excused)}
