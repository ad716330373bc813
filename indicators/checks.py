"""Sanity checks run by every build; a failed check stops the build before anything is written.

Every failure names the indicator, region and year, and where the value came from: the raw file,
row and column of each value involved (the cells the loaders recorded), else the raw file(s) the
indicator was read from.

1. Value rules: each indicator's values lie in its declared range (`VALUE_RULES`, one table by
   unit suffix with named exceptions): counts and amounts ≥ 0, shares in % within 0–100, ratios
   and indexes ≥ 0; signed series (net migration, growth rates) named explicitly.
2. Additivity: where a source gives both 시군구 and 시도 figures of an additive indicator,
   the 시군구 sum must equal the 시도 figure, and the 시도 sum the nation's, within the tolerance
   per pair of levels declared in `registry.yaml` (`additivity`). Before a declared boundary change
   (`boundary_changes`) a parent it names may differ (its own figure is on the boundaries of the
   time, its children coded to current ones: 군위군 경북 → 대구 2023; 세종 from 충남·충북 2012).
3. One territory per ratio: no 시도 ratio where a split-off 시도 is in one part only.
4. Expected region counts per indicator, level and year, kept in `expected_counts.csv`
   (regenerate with `python -m indicators build --update-expected` after review). A combination
   in the file that the build lacks fails too (a deleted year column), unless the indicator's
   source was skipped or read in part (the build reports those sources instead).
5. Continuity: a region's year-on-year change of an indicator lies in the plausible range its
   registry entry declares (`change`), unless the year is a declared boundary change of that region
   (the change year and the next) or a declared series break of the indicator.
6. Cross-source agreement: two measures of one thing (`registry.yaml` `agreements`: 주민등록 totals
   in the several population files, GRDP per head against GRDP ÷ population, migration totals
   against the O–D table by quarter, …) differ by no more than the band stated for the pair.
"""
from __future__ import annotations

import os
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath
from typing import NamedTuple

import numpy as np
import pandas as pd

from geo import regions
from indicators import catalog
from indicators.derive import LATE_SIDO_FROM, RATIOS, mixed_territory
from indicators.registry import registry

EXPECTED = Path(__file__).with_name("expected_counts.csv")
MAX_LISTED = 40  # problems listed in the error message (the rest are counted)
PER_CHECK = 3  # problems listed per indicator (or agreement) and check; the rest are counted

Problem = tuple[str, str]  # (indicator id, what is wrong)


class Found(NamedTuple):
    """A problem with the value(s) it is about, so the message can name their file, row and column:
    the indicator's value for `region` in `year`, and any `also` (indicator, region, year, files)."""

    indicator: str
    text: str
    region: str = ""
    year: int | None = None
    also: tuple = ()


def _tolerance(children: str) -> float:
    """Σ children vs parent tolerance (relative) for children 'sigungu' or 'sido' (registry.yaml)."""
    return registry().additivity.get(children, 0.0)


def _before_boundary_change(parent: str, year: int) -> bool:
    """The parent's own figure of that year is on boundaries a later declared change redrew."""
    return any(parent in b.regions and year < b.year for b in registry().boundary_changes)


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
        problems += [Found(ind, f"{ind} {r.region_code} {r.year}: value {r.value:,.6g} outside "
                                f"[{_bound(rule.low)}, {_bound(rule.high)}] ({rule.what})", r.region_code, int(r.year))
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
        tol = _tolerance("sigungu" if child_len == 5 else "sido")
        bad = both[(both["rel"] > tol + 1e-12)]
        bad = bad[[not _before_boundary_change(p, y) for p, y in zip(bad["parent"], bad["year"])]]
        problems += [Found(r.indicator, f"{label} {r.indicator} {r.year} {r.parent}: children sum to "
                                        f"{r.children:,.0f}, the parent's own figure is {r.parent_value:,.0f} "
                                        f"({r.rel:.2%}; tolerance {tol:.2%}, registry.yaml additivity)",
                           r.parent, int(r.year)) for r in bad.itertuples()]
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
    if "boundary_set" in cov.columns:  # the counts are of the reference set (the one the checks run on)
        cov = cov[cov["boundary_set"] == regions.REFERENCE_SET]
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
                problems.append(Found(r.id, f"{r.id} {parent} {year}: {r.numerator} and {r.denominator} cover "
                                            "different territories (a 시도 split off that year is reported by one "
                                            "part only)", parent, int(year)))
    return problems


# --- 5. continuity ------------------------------------------------------------------------------

def _boundary_years() -> dict[str, set[int]]:
    """Region → years whose change from the year before is not compared: each declared boundary
    change's year and the next (a change within a year shows in that year's or the next year's
    annual figures, depending on the reference date of the series)."""
    out: dict[str, set[int]] = {}
    for b in registry().boundary_changes:
        for r in b.regions:
            out.setdefault(r, set()).update({b.year, b.year + 1})
    return out


def continuity(obs: pd.DataFrame) -> list[Found]:
    """Year-on-year changes outside each indicator's declared plausible range (registry `change`),
    between consecutive years of one region, except declared boundary changes and series breaks."""
    declared = {i.id: i.change for i in catalog.indicators().values() if i.change is not None}
    df = obs[obs["indicator"].isin(declared)].dropna(subset=["value"])
    if df.empty:
        return []
    df = df.sort_values(["indicator", "region_code", "year"])
    g = df.groupby(["indicator", "region_code"], sort=False)
    df = df.assign(prev=g["value"].shift(), prev_year=g["year"].shift())
    df = df[df["prev_year"] == df["year"] - 1]
    boundary = _boundary_years()
    problems: list[Found] = []
    for ind, d in df.groupby("indicator", sort=True):
        change = declared[ind]
        if change.kind == "relative":
            d = d[d["prev"] > 0]
            delta = d["value"] / d["prev"] - 1
            shown = [f"{x:+.1%}" for x in delta]
            span = f"[{change.low:+.0%}, {change.high:+.0%}]"
        else:
            delta = d["value"] - d["prev"]
            shown = [f"{x:+,.6g} points" for x in delta]
            span = f"[{change.low:+,g}, {change.high:+,g}] points"
        out = (delta < change.low) | (delta > change.high)
        exempt = [int(y) in boundary.get(r, ()) or int(y) in change.breaks for r, y in zip(d["region_code"], d["year"])]
        bad = d[out.to_numpy() & ~np.array(exempt, dtype=bool)]
        text = dict(zip(d.index, shown))
        problems += [Found(ind, f"{ind} {r.region_code} {r.year}: {r.value:,.6g} after {r.prev:,.6g} in "
                                f"{int(r.prev_year)} ({text[r.Index]}), outside the plausible year-on-year change "
                                f"{span} declared for it (not a declared boundary change or series break)",
                           r.region_code, int(r.year), ((ind, r.region_code, int(r.prev_year), ""),))
                     for r in bad.head(PER_CHECK).itertuples()]
        if len(bad) > PER_CHECK:
            problems.append(Found(ind, f"{ind}: {len(bad) - PER_CHECK} more year-on-year changes outside {span}"))
    return problems


# --- 6. cross-source agreement ----------------------------------------------------------------------

def _side(term, obs: pd.DataFrame, cells: pd.DataFrame | None) -> pd.DataFrame | None:
    """One side of an agreement: region_code, year, value (and file, for cells) of its indicator —
    the cells of the files its glob matches, else the built values — divided by `per` × scale."""
    if term.files:
        if cells is None or cells.empty:
            return None
        df = cells[cells["indicator"] == term.indicator]
        names = {f: fnmatchcase(PurePosixPath(f).name, term.files) for f in df["file"].unique()}
        df = df[df["file"].map(names).astype(bool)]
        df = df[["region_code", "year", "value", "file"]]
    else:
        df = obs[obs["indicator"] == term.indicator][["region_code", "year", "value"]].assign(file="")
    df = df.dropna(subset=["value"])
    if term.per:
        per = obs[obs["indicator"] == term.per].drop_duplicates(["region_code", "year"])
        per = per[["region_code", "year", "value"]].rename(columns={"value": "per"})
        df = df.merge(per, on=["region_code", "year"])
        df = df.assign(value=df["value"] / df["per"] * term.scale).drop(columns="per")
    return df if len(df) else None


def _term_text(term) -> str:
    text = term.indicator + (f" [{term.files}]" if term.files else "")
    return text + (f" ÷ {term.per}" + (f" × {term.scale:g}" if term.scale != 1 else "") if term.per else "")


def agreements(obs: pd.DataFrame, cells: pd.DataFrame | None, only: Collection[str] | None = None) -> list[Found]:
    """Pairs of measures of one thing (registry.yaml `agreements`) whose relative difference
    (a − b) ÷ b leaves the band declared for the pair, at the levels it names. A pair one of whose
    sides is absent (its file not in this build) is not compared (`only`: just the pairs that involve
    one of these indicators); a side divided by another
    indicator (`per`) is not compared in a declared boundary change's years of a region it names
    (the two sources may report the new territory from different years: 경남 1997 with or without 울산)."""
    problems: list[Found] = []
    for ag in registry().agreements:
        if only is not None and not {ag.a.indicator, ag.b.indicator, ag.b.per, ag.a.per} & set(only):
            continue
        a, b = _side(ag.a, obs, cells), _side(ag.b, obs, cells)
        if a is None or b is None:
            continue
        m = a.merge(b, on=["region_code", "year"], suffixes=("_a", "_b"))
        m = m[regions.level_of(m["region_code"]).isin(ag.levels).to_numpy()]
        if ag.a.per or ag.b.per:  # a ratio of two sources: not across a boundary change (one may lag)
            windows = _boundary_years()
            m = m[[int(y) not in windows.get(r, ()) for r, y in zip(m["region_code"], m["year"])]]
        if m.empty:
            continue
        zero = m["value_b"] == 0
        rel = (m["value_a"] - m["value_b"]) / m["value_b"].where(~zero)
        bad = m[(zero & (m["value_a"] != 0)) | (rel < ag.low - 1e-12) | (rel > ag.high + 1e-12)]
        span = f"[{ag.low:+.1%}, {ag.high:+.1%}]"
        for r in bad.head(PER_CHECK).itertuples():
            diff = (r.value_a - r.value_b) / r.value_b if r.value_b else float("inf")
            files = ((ag.a.indicator, r.region_code, int(r.year), r.file_a),
                     (ag.b.indicator, r.region_code, int(r.year), r.file_b))
            problems.append(Found(ag.a.indicator, f"agreement {ag.id}: {r.region_code} {r.year}: "
                                  f"{_term_text(ag.a)} = {r.value_a:,.6g} but {_term_text(ag.b)} = {r.value_b:,.6g} "
                                  f"({diff:+.2%}, allowed {span}: {ag.note})", also=files))
        if len(bad) > PER_CHECK:
            problems.append(Found(ag.a.indicator, f"agreement {ag.id}: {len(bad) - PER_CHECK} more region-years "
                                                  f"outside {span}"))
    return problems


# --- where a value came from ----------------------------------------------------------------------

class Cells:
    """The cells the loaders recorded (`_files.CELL_COLUMNS`), looked up by indicator, region, year."""

    def __init__(self, cells: pd.DataFrame | None):
        self.by: dict[tuple[str, str, int], list[tuple[str, object, str]]] = {}
        if cells is not None and len(cells):
            for ind, reg, year, f, row, col in zip(cells["indicator"], cells["region_code"], cells["year"],
                                                   cells["file"], cells["row"], cells["column"]):
                self.by.setdefault((ind, str(reg), int(year)), []).append((f, row, col))

    def where(self, indicator: str, region: str, year: int, file: str = "", depth: int = 0) -> list[str]:
        """'file, row R, column 'C'' for each cell of the value (of `file` only, if given); for a derived
        ratio the cells of its numerator and denominator."""
        found = [c for c in self.by.get((indicator, str(region), int(year)), []) if not file or c[0] == file]
        out = [f"{f}" + (f", row {int(row)}" if pd.notna(row) else "") + (f", column {col!r}" if col else "")
               for f, row, col in found]
        ind = catalog.indicators().get(indicator)
        if not out and ind is not None and depth < 3:
            for part in (ind.numerator, ind.denominator):
                if part:
                    out += self.where(part, region, year, "", depth + 1)
        return list(dict.fromkeys(out))


def missing_cells(problems: list[Problem], obs: pd.DataFrame, cells: pd.DataFrame | None) -> list[Found]:
    """Count problems ('ind level year: …') with the cells that would hold the missing values: each
    region of the level that has a cell for the indicator in the year before or after but no value in
    that year, at its file row and the year's column (where other regions have it)."""
    out: list[Found] = []
    for ind, text in problems:
        m = re.match(r"(\S+) (\w+) (\d{4}):", text)
        if cells is None or cells.empty or not m:
            out.append(Found(ind, text))
            continue
        level, year = m.group(2), int(m.group(3))
        mine = cells[(cells["indicator"] == ind) & regions.in_level(cells["region_code"], level).to_numpy()]
        have = set(obs.loc[(obs["indicator"] == ind) & (obs["year"] == year)].dropna(subset=["value"])["region_code"])
        near = mine[mine["year"].isin([year - 1, year + 1]) & ~mine["region_code"].isin(have)].dropna(subset=["row"])
        cols = mine.loc[mine["year"] == year, ["file", "column"]].drop_duplicates()
        where = []
        for r in near.drop_duplicates("region_code").head(PER_CHECK).itertuples():
            col = cols.loc[cols["file"] == r.file, "column"]
            where.append(f"{r.region_code} (its {r.year} value: {r.file}, row {int(r.row)}, column {r.column!r}"
                         + (f"; {year} is column {col.iloc[0]!r})" if len(col) and col.iloc[0] != r.column
                            else ")" if len(col) else f"; no column for {year})"))
        out.append(Found(ind, text + (f"; no {year} value for {', '.join(where)}" if where else "")))
    return out


def _with_origin(problems: list, origin: Mapping[str, str], cells: Cells | None = None) -> list[str]:
    """Each problem followed by where its value(s) came from: file, row and column of each cell
    (the recorded cells), else the raw file(s) its indicator was read from."""
    out = []
    for p in problems:
        ind, text = p[0], p[1]
        where: list[str] = []
        if cells is not None and isinstance(p, Found):
            if p.region and p.year is not None:
                where += cells.where(ind, p.region, p.year)
            for a_ind, a_reg, a_year, a_file in p.also:
                where += cells.where(a_ind, a_reg, a_year, a_file)
        where = list(dict.fromkeys(where))
        if where:
            more = f" (+{len(where) - 4} more)" if len(where) > 4 else ""
            out.append(f"{text} — from {'; '.join(where[:4])}{more}")
        else:
            out.append(f"{text} — from {origin[ind]}" if origin.get(ind) else text)
    return out


def fail(problems: list, origin: Mapping[str, str] | None = None, cells: pd.DataFrame | None = None) -> None:
    """CheckFailed listing the problems (up to MAX_LISTED), each naming where its values came from."""
    if not problems:
        return
    lines = _with_origin(problems, origin or {}, Cells(cells))
    more = f"\n  … and {len(lines) - MAX_LISTED} more" if len(lines) > MAX_LISTED else ""
    raise CheckFailed(f"sanity checks failed ({len(lines)}):\n  " + "\n  ".join(lines[:MAX_LISTED]) + more)


def read_checks(base: pd.DataFrame, cells: pd.DataFrame | None, only: Collection[str] | None = None) -> list:
    """The checks that need only what sources read (no derived table, no expected counts): value
    rules, additivity, continuity and agreements, of the indicators in `only` (default all). For
    tests that load one source against the others' output of the shipped files."""
    mine = base if only is None else base[base["indicator"].isin(set(only))]
    return value_ranges(mine) + additivity(mine) + continuity(mine) + agreements(base, cells, only)


def run_all(base: pd.DataFrame, cov: pd.DataFrame, derived: pd.DataFrame | None = None, *,
            origin: Mapping[str, str] | None = None, excused: Collection[str] = (),
            counts: bool = True, cells: pd.DataFrame | None = None) -> dict:
    """Run the checks; raise CheckFailed on any failure, else return a summary.

    origin: indicator → the raw file(s) it comes from (named in each failure); excused: indicators
    left out of the count check (source skipped or partial); counts=False skips the count check
    (`--update-expected`, which rewrites the file from this build); cells: what each raw file said
    (`_files.CELL_COLUMNS`), for the agreements between files and for naming file, row and column."""
    obs = derived if derived is not None else base
    ranges = value_ranges(obs)
    mism, new = expected_counts(cov, excused) if counts else ([], [])
    mism = missing_cells(mism, obs, cells)
    mixed = one_territory(derived) if derived is not None else []
    fail(ranges + additivity(base) + mism + mixed + continuity(base) + agreements(base, cells), origin, cells)
    return {"value_rules": "ok", "additivity": "ok",
            "expected_counts": "ok" if counts else "not run (--update-expected)",
            "one_territory_per_ratio": "ok", "continuity": "ok",
            "agreements": [a.id for a in registry().agreements], "not_in_expected_file": len(new),
            "count_check_excused": sorted(excused)}
