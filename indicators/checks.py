"""Sanity checks run by every build; a failed check stops the build before anything is written.

1. Additivity: where a source gives both 시군구 and 시도 figures of an additive indicator,
   the 시군구 sum must equal the 시도 figure (±0.5%), and the 시도 sum the nation's.
   Known boundary exceptions: 대구/경북 before 2023 (군위군 is coded to 대구 for all years).
3. One territory per ratio: no 시도 ratio where a split-off 시도 is in one part only.
2. Expected region counts per indicator, level and year, kept in `expected_counts.csv`
   (regenerate with `python -m indicators build --update-expected` after review).
"""
from __future__ import annotations

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


class CheckFailed(ValueError):
    """A sanity check failed; the message lists the offending indicator/region/year."""


def additivity(obs: pd.DataFrame) -> list[str]:
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
        problems += [f"{label} {r.indicator} {r.year} {r.parent}: children {r.children:,.0f} vs {r.parent_value:,.0f}"
                     for r in bad.itertuples()]
    return problems


def _expected_children(sums: pd.DataFrame, child_len: int) -> pd.Series:
    """Children a parent must have for the check, per (indicator, year, parent) row."""
    reg = regions.table()
    if child_len == 5:
        n = reg[reg["level"] == "sigungu"].groupby("parent_code").size()
        return sums.index.get_level_values("parent").map(n).to_numpy()
    years = sums.index.get_level_values("year")
    return 17 - sum((years < y).astype(int) for y in LATE_SIDO_FROM.values())


def expected_counts(cov: pd.DataFrame) -> tuple[list[str], list[str]]:
    """(mismatches, combinations not yet in the expected file)."""
    if not EXPECTED.exists():
        return [], ["expected_counts.csv missing"]
    exp = pd.read_csv(EXPECTED)
    m = exp.merge(cov, on=["indicator", "level", "year"], how="left", suffixes=("_expected", ""))
    built = m[m["regions"].notna()]
    bad = built[built["regions"] != built["regions_expected"]]
    mism = [f"{r.indicator} {r.level} {r.year}: {int(r.regions)} regions, expected {r.regions_expected}"
            for r in bad.itertuples()]
    new = cov.merge(exp, on=["indicator", "level", "year"], how="left", indicator=True)
    return mism, [f"{r.indicator} {r.level} {r.year}" for r in new[new["_merge"] == "left_only"].itertuples()]


def one_territory(obs: pd.DataFrame) -> list[str]:
    """Ratios of a 시도 in a year where its numerator and denominator cover different
    territories (a late-created 시도 — 광주, 대전, 울산, 세종 — reported by one part only)."""
    wide = obs.pivot_table(index=["region_code", "year"], columns="indicator", values="value", aggfunc="first")
    problems = []
    for r in RATIOS:
        if r.id not in wide or r.numerator not in wide or r.denominator not in wide:
            continue
        for parent, year in mixed_territory(wide, r.numerator, r.denominator):
            if pd.notna(wide[r.id].get((parent, year))):
                problems.append(f"{r.id} {parent} {year}: {r.numerator} and {r.denominator} cover different "
                                "territories (a 시도 split off that year is reported by one part only)")
    return problems


def run_all(base: pd.DataFrame, cov: pd.DataFrame, derived: pd.DataFrame | None = None) -> dict:
    """Run the checks; raise CheckFailed on any failure, else return a summary."""
    add = additivity(base)
    mism, new = expected_counts(cov)
    mixed = one_territory(derived) if derived is not None else []
    if add or mism or mixed:
        raise CheckFailed("sanity checks failed:\n  " + "\n  ".join((add + mism + mixed)[:40]))
    return {"additivity": "ok", "expected_counts": "ok", "one_territory_per_ratio": "ok",
            "not_in_expected_file": len(new)}
