"""What the pages show, as pure functions from the built tables to small frames.

Every function here takes frames read by `indicators.store` (observations, gaps, coverage) or the
catalogue, and returns a new frame or value; none reads a file (except `read_seed_facts`, the one
shipped reference table), caches or draws. `app_data` wraps them in Streamlit caches; tests call
them directly. Region codes: '00' nation, 2-digit 시도, 5-digit 시군구, 'CR'/'NC' 수도권/비수도권,
'CR' 'CC' … 'JJ' the seven 권역 (`geo.groups`).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from geo import regions
from indicators import composite as cx
from indicators import derive
from indicators import disparity as dx
from indicators.schema import Indicator, Source

CATEGORY_ORDER = ("demography", "economy", "income", "fiscal", "trade", "migration", "health", "welfare",
                  "housing", "geography", "composite", "reference")
MACRO_MIN_REGIONS = 2  # a 권역 year needs two 권역 with values: 수도권 alone is the group figure
REFERENCE_CODES = ("00", "CR", "NC")
SEED_FACTS = Path(__file__).resolve().parent / "seed_facts.csv"
SEED_COLUMNS = ["kind", "date", "year", "indicator_hint", "value", "unit", "label_ko", "label_en",
                "source_doc", "quote_ko"]

# indicator → {level: years with a value, None: years at any level}
Availability = dict[str, dict[str | None, tuple[int, ...]]]


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


def values_at(obs: pd.DataFrame, ind_id: str, level: str, year: int) -> pd.DataFrame:
    """Every region of `level` (registry order; 'macro': the seven 권역, 수도권 first) with its value
    (NaN = no data), rank (1 = highest, ties share the lowest rank), n_ranked and is_capital_region."""
    codes = pd.Index(regions.codes(level), name="region_code")
    sub = obs[(obs["indicator"] == ind_id) & _at_level(obs, level) & (obs["year"] == year)]
    out = sub.set_index("region_code")["value"].reindex(codes).reset_index()
    out["rank"] = out["value"].rank(ascending=False, method="min")
    out["n_ranked"] = int(out["value"].notna().sum())
    out["is_capital_region"] = out["region_code"].map(lambda c: c == "CR" or regions.is_capital(c))
    return out


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
    """Bases (reg/res/cen) whose 시군구 extinction-risk index is among `sigungu_ids`."""
    have = set(sigungu_ids)
    return [b for b in derive.BASES if f"extinction_risk_index_{b}" in have]


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


def _incomplete(obs: pd.DataFrame, coverage: pd.DataFrame, ind_id: str) -> MacroGap:
    """An additive indicator without 권역 values: how many 시도 it has, which lack the latest year,
    and which 권역 do have values."""
    cov = coverage[(coverage["indicator"] == ind_id) & (coverage["regions"] > 0)]
    sido = cov[cov["level"] == "sido"]
    n = int(sido["regions"].max()) if len(sido) else 0
    missing_sido: tuple[str, ...] = ()
    if len(sido):
        v = values_at(obs, ind_id, "sido", int(sido["year"].max()))
        missing_sido = tuple(v.loc[v["value"].isna(), "region_code"])
    have: tuple[str, ...] = ()
    if (cov["level"] == "macro").any():
        macro = regions.codes("macro")
        sub = obs[(obs["indicator"] == ind_id) & obs["region_code"].isin(macro) & obs["value"].notna()]
        have = tuple(c for c in macro if c in set(sub["region_code"]))
    return MacroGap(ind_id, "incomplete", n_sido=n, missing_sido=missing_sido, macro_with_values=have)


def macro_gap(obs: pd.DataFrame, coverage: pd.DataFrame, avail: Availability,
              indicators: Mapping[str, Indicator], ind_id: str, _depth: int = 0) -> MacroGap | None:
    """None if `ind_id` has 권역 values in some year, else why not (`MacroGap`)."""
    if "macro" in avail.get(ind_id, {}):
        return None
    ind = indicators.get(ind_id)
    if ind is None:
        return MacroGap(ind_id, "unknown")
    parts = [p for p in (ind.numerator, ind.denominator) if p and p in indicators]
    if len(parts) == 2 and _depth < 3:
        for p in parts:
            inner = macro_gap(obs, coverage, avail, indicators, p, _depth + 1)
            if inner is not None:
                return MacroGap(ind_id, "parts", part=p, inner=inner)
    if ind.additive:
        return _incomplete(obs, coverage, ind_id)
    return MacroGap(ind_id, "not_additive", measure=measure_kind(ind))


# ------------------------------------------------------------------ seed facts

def date_to_x(date: str, year: float) -> float:
    """'2005-06' → 2005.42 (month start as a fraction of the year); '' → year (NaN if none)."""
    parts = str(date).split("-")
    try:
        y = int(parts[0])
    except ValueError:
        return float(year) if pd.notna(year) else np.nan
    month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 1
    return y + (month - 1) / 12


def seed_facts(raw: pd.DataFrame, where: str = "seed_facts.csv") -> pd.DataFrame:
    """The seed facts table (all columns text) with numeric year/value, x (fractional year) and the
    document ('doc') and attribution parts of `source_doc` ('<doc> — <attribution>')."""
    absent = [c for c in SEED_COLUMNS if c not in raw.columns]
    if absent:
        raise ValueError(f"{where} lacks columns {absent}")
    df = raw.copy()
    df["year"] = pd.to_numeric(df["year"], errors="coerce")
    df["value"] = pd.to_numeric(df["value"], errors="coerce")
    df["x"] = [date_to_x(d, y) for d, y in zip(df["date"], df["year"])]
    parts = df["source_doc"].str.split(" — ")
    df["doc"] = parts.str[0].str.strip()
    df["attribution"] = parts.str[1].fillna("").str.strip()
    return df


def read_seed_facts(path: Path = SEED_FACTS) -> pd.DataFrame:
    """`seed_facts` of the shipped CSV; an empty table with the same columns if the file is absent."""
    if not path.exists():
        return pd.DataFrame(columns=SEED_COLUMNS + ["x", "doc", "attribution"])
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    return seed_facts(raw, str(path))


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
                     weights: Mapping[str, float], domains_built: Iterable[str], lang: str = "ko") -> CompositeResult:
    """Score every area of `level` from `composite_inputs` (wide, vint); domains not in `domains_built`
    get weight 0. The table has year, level, method, region_code, region (name in `lang`),
    is_capital_region, score, rank, decile, the domain scores and the missing inputs of each area."""
    built = set(domains_built)
    eff = {d.id: (float(weights.get(d.id, 0)) if d.id in built else 0.0) for d in cx.DOMAINS}
    active = {k: v for k, v in eff.items() if v > 0}
    scores, comp = _scores(wide, level, method, active)
    codes = regions.codes(level)
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


# ------------------------------------------------------------------ overview figures

def simple_mean_gap(obs: pd.DataFrame, ind_id: str) -> pd.Series:
    """Per year with all 시도: mean of the capital 시도 values − mean of the other 시도 values (the
    unweighted stand-in for CR − NC when the gaps table has none), named capital_minus_noncapital."""
    sido = obs[(obs["indicator"] == ind_id) & regions.in_level(obs["region_code"], "sido")].dropna(subset=["value"])
    full = sido.groupby("year").filter(lambda d: len(d) == len(regions.codes("sido")))
    if full.empty:
        return pd.Series(dtype=float, name="capital_minus_noncapital")
    cap = full["region_code"].map(regions.is_capital)
    means = full.assign(cap=cap).groupby(["year", "cap"])["value"].mean().unstack()
    return (means[True] - means[False]).rename("capital_minus_noncapital")
