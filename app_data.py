"""Every cached loader of the app, in one place.

`st.cache_data` wraps the readers of the built tables (`indicators.store`), keyed by the
build's file time so a rebuild shows at once; `st.cache_resource` holds the map geometry
(itself cached on disk by `geo.simplify`). Pages call these functions and nothing else to
get data. If the built data is missing or unusable (`store.NotBuilt` / `store.BuiltDataError`),
`require_built()` and the loaders show one message with the build command and stop.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import streamlit as st

from geo import regions
from indicators import catalog, config, derive, store

SEED_FACTS = Path(__file__).resolve().parent / "indicators" / "seed_facts.csv"
SEED_COLUMNS = ["kind", "date", "year", "indicator_hint", "value", "unit", "label_ko", "label_en",
                "source_doc", "quote_ko"]
BUILD_COMMAND = store.BUILD_COMMAND  # "python -m indicators build": the one fix for missing/broken data
LEVEL_OF_LEN = {5: "sigungu", 2: "sido"}
CATEGORY_ORDER = ("demography", "economy", "income", "fiscal", "trade", "migration", "health", "welfare",
                  "housing", "geography", "composite", "reference")


# ------------------------------------------------------------------ catalogue

@dataclass(frozen=True)
class Catalogue:
    indicators: dict[str, catalog.Indicator]
    sources: dict[str, catalog.Source]
    unavailable_modules: tuple[str, ...] = field(default_factory=tuple)


@st.cache_resource(show_spinner=False)
def catalogue() -> Catalogue:
    """The indicator catalogue; while a source module is still being written (ImportError),
    the indicators of the modules that import are listed and the others named."""
    try:
        return Catalogue(dict(catalog.indicators()), dict(catalog.sources()))
    except ImportError:
        pass
    inds: dict[str, catalog.Indicator] = {}
    srcs: dict[str, catalog.Source] = {}
    missing: list[str] = []
    for name in catalog.SOURCE_MODULES:
        try:
            mod = importlib.import_module(f"indicators.sources.{name}")
        except ImportError:
            missing.append(name)
            continue
        srcs[mod.SOURCE.id] = mod.SOURCE
        inds.update({i.id: i for i in mod.INDICATORS})
    srcs[derive.SOURCE.id] = derive.SOURCE
    inds.update({i.id: i for i in derive.INDICATORS})
    return Catalogue(inds, srcs, tuple(missing))


def indicator(ind_id: str) -> catalog.Indicator | None:
    return catalogue().indicators.get(ind_id)


def source_of(ind_id: str) -> catalog.Source | None:
    ind = indicator(ind_id)
    return catalogue().sources.get(ind.source) if ind else None


def name(ind_id: str, lang: str = "ko") -> str:
    ind = indicator(ind_id)
    if ind is None:
        return ind_id
    return ind.name_en if lang == "en" else ind.name_ko


def unit(ind_id: str, lang: str = "ko") -> str:
    ind = indicator(ind_id)
    if ind is None:
        return ""
    return ind.unit if lang == "en" else ind.unit_ko


# ------------------------------------------------------------------ built tables

def data_version() -> int:
    """Id of the published build (`store.current_build`, 0 if none): part of every cache key, and the
    set every loader reads (`build=version`), so one page's tables all come from one build."""
    return store.current_build()


# What the app says when the built data is missing or unusable (user-facing: the one fix is the
# build command; the detail names the file and what is wrong with it, shown as plain text).
_DATA_MESSAGES = {
    "missing": ("자료가 아직 만들어지지 않았거나 일부 파일이 없습니다 ({file}). "
                "다음 명령으로 자료를 만드세요:",
                "The data has not been built, or a built file is missing ({file}). Build it with:"),
    "broken": ("만들어진 자료 파일이 손상되었거나 형식이 맞지 않습니다 ({file}). "
               "다음 명령으로 다시 만드세요:",
               "A built data file is damaged or not in the expected format ({file}). Rebuild it with:"),
}
_BUILT_FILES = store.OUTPUTS


def _stop_unusable(err: store.NotBuilt, lang: str | None = None) -> None:
    """Show one clear message (what is wrong, in which file, and the command that fixes it), then stop."""
    if lang is None:
        try:
            from ui import state

            lang = state.lang()
        except Exception:  # noqa: BLE001 — a message about the data must not fail on the language
            lang = "ko"
    path = getattr(err, "path", None)
    if path is None:  # a missing file: find which one in the published set (none published: the first)
        try:
            folder = store.build_dir()
        except store.NotBuilt:
            folder = config.out_dir()
        path = next((folder / f for f in _BUILT_FILES if not (folder / f).exists()), folder / _BUILT_FILES[0])
    kind = "broken" if isinstance(err, store.BuiltDataError) else "missing"
    ko, en = _DATA_MESSAGES[kind]
    st.error((en if lang == "en" else ko).format(file=Path(path).name), icon=":material/error:")
    st.code(BUILD_COMMAND, language="bash")
    if isinstance(err, store.BuiltDataError):
        st.text(f"{Path(path).name}: {err.problem}")
    st.stop()


@st.cache_resource(show_spinner=False, max_entries=2)
def _verified(version: int) -> bool:
    """Every table of build `version` read and checked once (filling the loaders' caches); raises
    `store.NotBuilt` / `store.BuiltDataError` (not cached: the next run checks again)."""
    _observations(version)
    _gaps(version)
    _coverage(version)
    _designations(version)
    _build_report(version)
    return True


def require_built(lang: str = "ko") -> None:
    """Stop the page with one message and the build command when the built data is missing or unusable
    (every page passes through here, from `ui.components.page_setup`)."""
    try:
        if data_version() == 0:
            raise store.NotBuilt(f"{config.out_dir() / 'observations.parquet'} not found")
        _verified(data_version())
    except store.NotBuilt as err:
        _stop_unusable(err, lang)


def _load(loader, version: int):
    """Call a cached loader; a missing or unusable table stops the page with the build message
    (the same as `require_built`) instead of a traceback."""
    try:
        return loader(version)
    except store.NotBuilt as err:
        _stop_unusable(err)


@st.cache_data(show_spinner=False, max_entries=2)
def _observations(version: int) -> pd.DataFrame:
    obs = store.observations(build=version)
    obs["level"] = level_of_codes(obs["region_code"])
    return obs


def observations() -> pd.DataFrame:
    """The tidy table (region_code, year, indicator, value) plus a `level` column."""
    return _load(_observations, data_version())


def level_of_codes(codes: pd.Series) -> pd.Series:
    lens = codes.str.len()
    return pd.Series(np.select([codes.isin(["CR", "NC"]), codes == "00", lens == 5, lens == 2],
                               ["group", "nation", "sigungu", "sido"], "other"), index=codes.index)


@st.cache_data(show_spinner=False, max_entries=2)
def _gaps(version: int) -> pd.DataFrame:
    return store.gaps(build=version)


def gaps(ind_id: str | None = None) -> pd.DataFrame:
    g = _load(_gaps, data_version())
    return g if ind_id is None else g[g["indicator"] == ind_id].sort_values("year", ignore_index=True)


@st.cache_data(show_spinner=False, max_entries=2)
def _coverage(version: int) -> pd.DataFrame:
    return store.coverage(build=version)


def coverage() -> pd.DataFrame:
    return _load(_coverage, data_version())


@st.cache_data(show_spinner=False, max_entries=2)
def _designations(version: int) -> pd.DataFrame:
    return store.designations(build=version)


def designations() -> pd.DataFrame:
    """region_code, designation ('decline' | 'interest'), notice, notice_date, in_force_from."""
    return _load(_designations, data_version())


@st.cache_data(show_spinner=False, max_entries=2)
def _build_report(version: int) -> dict:
    return store.build_report(build=version)


def build_report() -> dict:
    return _load(_build_report, data_version())


# ------------------------------------------------------------------ derived views (cached)

@st.cache_data(show_spinner=False, max_entries=4)
def _available(version: int, known: tuple[str, ...]) -> tuple[str, ...]:
    cov = coverage()
    have = set(cov.loc[cov["regions"] > 0, "indicator"])
    cats = {c: i for i, c in enumerate(CATEGORY_ORDER)}
    inds = catalogue().indicators
    ordered = sorted(have & set(known), key=lambda i: (cats.get(inds[i].category, 99), inds[i].category, i))
    return tuple(ordered)


def available_indicators(level: str | None = None) -> list[str]:
    """Indicators with at least one value in the built data (catalogue order), optionally at `level`."""
    ids = list(_available(data_version(), tuple(sorted(catalogue().indicators))))
    if level is None:
        return ids
    cov = coverage()
    at = set(cov.loc[(cov["level"] == level) & (cov["regions"] > 0), "indicator"])
    return [i for i in ids if i in at]


def unknown_indicators() -> list[str]:
    """Indicators in the built data that the catalogue (as importable now) does not describe."""
    return sorted(set(coverage()["indicator"]) - set(catalogue().indicators))


def missing_indicators() -> list[str]:
    """Catalogued indicators with no value in the built data."""
    return sorted(set(catalogue().indicators) - set(available_indicators()))


MACRO_MIN_REGIONS = 2  # a 권역 year needs two 권역 with values: 수도권 alone is the group figure
MAP_LEVELS = ("macro", "sido", "sigungu")  # coarse to fine, as the map page offers them


@st.cache_resource(show_spinner=False, max_entries=2)
def _availability(version: int) -> dict[str, dict[str | None, tuple[int, ...]]]:
    """indicator → {level: years with a value (sorted), None: years at any level}, from the coverage
    table once per build: the map page asks for every indicator's levels on each run, and each
    `coverage()` call unpickles the whole table. Shared (cache_resource): read, never mutate.

    Level 'macro' (the seven 권역, 수도권 included) lists only years with at least
    `MACRO_MIN_REGIONS` 권역 that have a value; None keeps every year of every level."""
    cov = coverage()
    cov = cov[cov["regions"] > 0]
    out: dict[str, dict[str | None, tuple[int, ...]]] = {}
    for (ind, lv), part in cov.groupby(["indicator", "level"]):
        yrs = part.loc[part["regions"] >= MACRO_MIN_REGIONS, "year"] if lv == "macro" else part["year"]
        if len(yrs):
            out.setdefault(str(ind), {})[str(lv)] = tuple(sorted(int(y) for y in yrs.unique()))
    for ind, yrs in cov.groupby("indicator")["year"]:
        out.setdefault(str(ind), {})[None] = tuple(sorted(int(y) for y in yrs.unique()))
    return out


def levels_for(ind_id: str, macro: bool = False) -> list[str]:
    """Levels with values: 'sido', 'sigungu'; with `macro`, also 'macro' (first) wherever 권역 values
    exist or the indicator has 시도 values (then `macro_gap` says why 권역 values are missing)."""
    have = _availability(data_version()).get(ind_id, {})
    out = [lv for lv in ("sido", "sigungu") if lv in have]
    if macro and ("macro" in have or "sido" in have):
        out.insert(0, "macro")
    return out


def years_for(ind_id: str, level: str | None = None) -> list[int]:
    """Years with a value at `level` (None: at any level); for 'macro' see `_availability`."""
    return list(_availability(data_version()).get(ind_id, {}).get(level or None, ()))


def mappable_indicators(macro: bool = False) -> list[str]:
    """`available_indicators()` that have values at 시도 or 시군구 (with `macro`: or at 권역, e.g. the
    경인지방통계청 gi_* series); one cache lookup, not one per id."""
    avail = _availability(data_version())
    wanted = ("sido", "sigungu") + (("macro",) if macro else ())
    return [i for i in available_indicators() if any(lv in avail.get(i, {}) for lv in wanted)]


@dataclass(frozen=True)
class MacroGap:
    """Why an indicator has no 권역 values, from the catalogue and the coverage table.

    kind: 'incomplete' (additive, but 시도 are missing: no complete 권역 sum), 'parts' (a ratio whose
    numerator or denominator has no 권역 values; `part` and `inner` say which and why),
    'not_additive' (a value that cannot be summed and has no summable parts; `measure` says what
    it is: 'percent', 'index', 'per_capita', 'rate', 'flow' (inter-시도 moves) or 'amount')."""

    ind_id: str
    kind: str
    measure: str = ""
    n_sido: int = 0
    missing_sido: tuple[str, ...] = ()
    macro_with_values: tuple[str, ...] = ()
    part: str = ""
    inner: MacroGap | None = None


def _measure_kind(ind: catalog.Indicator) -> str:
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


def macro_gap(ind_id: str, _depth: int = 0) -> MacroGap | None:
    """None if `ind_id` has 권역 values in some year, else why not (`MacroGap`)."""
    avail = _availability(data_version()).get(ind_id, {})
    if "macro" in avail:
        return None
    ind = indicator(ind_id)
    if ind is None:
        return MacroGap(ind_id, "unknown")
    parts = [p for p in (ind.numerator, ind.denominator) if p and indicator(p) is not None]
    if len(parts) == 2 and _depth < 3:
        for p in parts:
            inner = macro_gap(p, _depth + 1)
            if inner is not None:
                return MacroGap(ind_id, "parts", part=p, inner=inner)
    if ind.additive:
        cov = coverage()
        cov = cov[(cov["indicator"] == ind_id) & (cov["regions"] > 0)]
        sido = cov[cov["level"] == "sido"]
        n = int(sido["regions"].max()) if len(sido) else 0
        missing: tuple[str, ...] = ()
        if len(sido):
            latest = int(sido["year"].max())
            v = values(ind_id, "sido", latest)
            missing = tuple(v.loc[v["value"].isna(), "region_code"])
        have = ()
        mac = cov[cov["level"] == "macro"]
        if len(mac):
            obs = observations()
            sub = obs[(obs["indicator"] == ind_id) & obs["region_code"].isin(regions.codes("macro"))
                      & obs["value"].notna()]
            have = tuple(c for c in regions.codes("macro") if c in set(sub["region_code"]))
        return MacroGap(ind_id, "incomplete", n_sido=n, missing_sido=missing, macro_with_values=have)
    return MacroGap(ind_id, "not_additive", measure=_measure_kind(ind))


@st.cache_data(show_spinner=False, max_entries=64)
def _values(version: int, ind_id: str, level: str, year: int) -> pd.DataFrame:
    obs = observations()
    codes = pd.Index(regions.codes(level), name="region_code")
    at_level = obs["region_code"].isin(codes) if level == "macro" else obs["level"] == level
    sub = obs[(obs["indicator"] == ind_id) & at_level & (obs["year"] == year)]
    out = sub.set_index("region_code")["value"].reindex(codes).reset_index()
    out["rank"] = out["value"].rank(ascending=False, method="min")
    out["n_ranked"] = int(out["value"].notna().sum())
    out["is_capital_region"] = out["region_code"].map(lambda c: c == "CR" or regions.is_capital(c))
    return out


def values(ind_id: str, level: str, year: int) -> pd.DataFrame:
    """Every region of `level` (registry order; 'macro': the seven 권역, 수도권 first) with its value
    (NaN = no data) and rank (1 = highest)."""
    return _values(data_version(), ind_id, level, int(year))


@st.cache_data(show_spinner=False, max_entries=64)
def _series(version: int, ind_id: str, codes: tuple[str, ...]) -> pd.DataFrame:
    obs = observations()
    sub = obs[(obs["indicator"] == ind_id) & (obs["region_code"].isin(codes))]
    return sub[["region_code", "year", "value"]].dropna().sort_values(["region_code", "year"], ignore_index=True)


def series(ind_id: str, codes: list[str] | tuple[str, ...]) -> pd.DataFrame:
    """region_code, year, value for the given regions over all years (rows with a value)."""
    return _series(data_version(), ind_id, tuple(codes))


@st.cache_data(show_spinner=False, max_entries=32)
def _region_profile(version: int, code: str) -> pd.DataFrame:
    obs = observations()
    level = regions.require(code)["level"]
    mine = obs[(obs["region_code"] == code)].dropna(subset=["value"])
    if mine.empty:
        return pd.DataFrame()
    latest = mine.sort_values("year").groupby("indicator").tail(1)
    ref = obs[obs["region_code"].isin(["00", "CR", "NC"])].pivot_table(
        index=["indicator", "year"], columns="region_code", values="value", aggfunc="first")
    peers = obs[(obs["level"] == level)].dropna(subset=["value"])
    rows = []
    trends = mine.sort_values("year").groupby("indicator")
    for r in latest.itertuples():
        same = peers[(peers["indicator"] == r.indicator) & (peers["year"] == r.year)]
        rank = int((same["value"] > r.value).sum() + 1)
        refs = ref.loc[(r.indicator, r.year)] if (r.indicator, r.year) in ref.index else pd.Series(dtype=float)
        tr = trends.get_group(r.indicator)
        rows.append({"indicator": r.indicator, "year": int(r.year), "value": r.value, "rank": rank,
                     "n_ranked": len(same), "nation": refs.get("00", np.nan), "capital": refs.get("CR", np.nan),
                     "noncapital": refs.get("NC", np.nan), "trend": tr["value"].round(6).tolist(),
                     "trend_years": tr["year"].astype(int).tolist()})
    return pd.DataFrame(rows)


def region_profile(code: str) -> pd.DataFrame:
    """Latest value of every indicator a region has, its rank among its level, national/CR/NC values."""
    return _region_profile(data_version(), code)


@st.cache_data(show_spinner=False, max_entries=8)
def _risk_counts(version: int, basis: str) -> pd.DataFrame:
    return derive.risk_class_counts(observations()[["region_code", "year", "indicator", "value"]], basis)


def risk_counts(basis: str) -> pd.DataFrame:
    """시군구 per KEIS class, year, capital/non-capital (from indicators.derive)."""
    return _risk_counts(data_version(), basis)


def risk_bases() -> list[str]:
    """Bases (reg/res/cen) whose 시군구 extinction-risk index is in the built data."""
    have = set(available_indicators("sigungu"))
    return [b for b in derive.BASES if f"extinction_risk_index_{b}" in have]


# ------------------------------------------------------------------ seed facts

@st.cache_data(show_spinner=False)
def _seed_facts(mtime: int) -> pd.DataFrame:
    df = pd.read_csv(SEED_FACTS, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in SEED_COLUMNS if c not in df.columns]
    if missing:
        raise ValueError(f"{SEED_FACTS} lacks columns {missing}")
    df["year"] = pd.to_numeric(df["year"], errors="coerce")
    df["value"] = pd.to_numeric(df["value"], errors="coerce")
    df["x"] = [_date_to_x(d, y) for d, y in zip(df["date"], df["year"])]
    df["doc"] = df["source_doc"].str.split(" — ").str[0].str.strip()
    df["attribution"] = df["source_doc"].str.split(" — ").str[1].fillna("").str.strip()
    return df


def _date_to_x(date: str, year: float) -> float:
    """'2005-06' → 2005.42 (month start as a fraction of the year); '' → year."""
    parts = str(date).split("-")
    try:
        y = int(parts[0])
    except ValueError:
        return float(year) if pd.notna(year) else np.nan
    month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 1
    return y + (month - 1) / 12


def seed_facts() -> pd.DataFrame:
    """Policy events and quoted figures (indicators/seed_facts.csv); empty if the file is absent."""
    if not SEED_FACTS.exists():
        return pd.DataFrame(columns=SEED_COLUMNS + ["x", "doc", "attribution"])
    return _seed_facts(SEED_FACTS.stat().st_mtime_ns)


# ------------------------------------------------------------------ geometry

@st.cache_resource(show_spinner=False)
def geometry() -> dict:
    """Simplified boundaries of 시도, 시군구 and 권역 ('macro') and the capital-region outlines
    (disk-cached)."""
    from geo import simplify

    return simplify.load()


# ------------------------------------------------------------------ 격차 분석, 종합 격차지수

@st.cache_data(show_spinner=False, max_entries=32)
def _disparity(version: int, ind_id: str, level: str, weighting: str, common_only: bool):
    from indicators import disparity
    from indicators.inequality import inequality_over_time

    obs = observations()[["region_code", "year", "indicator", "value"]]
    y, w, description = disparity.reading(obs, ind_id, level, weighting)
    used = y.dropna(subset=["value"])
    if w is not None:
        used = used.merge(w.dropna(subset=["value"])[["region_code", "year"]], on=["region_code", "year"])
    per_year = used.groupby("year")["region_code"].agg(lambda s: tuple(sorted(s)))
    common: tuple[str, ...] = ()
    if len(per_year):
        common = tuple(sorted(set.intersection(*(set(c) for c in per_year))))
    if common_only:
        keep = set(common)
        y = y[y["region_code"].isin(keep)]
        w = None if w is None else w[w["region_code"].isin(keep)]
        per_year = per_year.map(lambda c: tuple(x for x in c if x in keep))
    table = inequality_over_time(y, w, regions.is_capital)
    used_codes = {int(k): v for k, v in per_year.items() if v}
    return table, description, used_codes, common


def disparity(ind_id: str, level: str, weighting: str = "population", common_only: bool = False):
    """(measures per year, reading description, region codes used per year, codes present in every year).

    The measures come from `indicators.disparity.reading` + `inequality.inequality_over_time`
    (the same computation as `disparity.disparity_over_time`); `common_only` restricts every year
    to the regions that have a value and a weight in all years."""
    return _disparity(data_version(), ind_id, level, weighting, bool(common_only))


@st.cache_data(show_spinner=False, max_entries=64)
def _composite_inputs(version: int, level: str, year: int):
    from indicators import composite as cx

    wanted = {i for d in cx.DOMAINS for i in d.indicators.get(level, ())}
    obs = observations()
    obs = obs[obs["indicator"].isin(wanted) & (obs["level"] == level)][["region_code", "year", "indicator", "value"]]
    return cx.inputs(obs, level, year)


def composite_inputs(level: str, year: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """`indicators.composite.inputs` at `level` for `year`: (areas × inputs, vintage used per input)."""
    return _composite_inputs(data_version(), level, int(year))


@st.cache_data(show_spinner=False, max_entries=32)
def _composite_navis(version: int, method: str, weights: tuple[tuple[str, float], ...], navis_id: str):
    from indicators import composite as cx

    rows = []
    for year in years_for(navis_id, "sido"):
        wide, vint = composite_inputs("sido", year)
        if wide.empty:
            continue
        scores = cx.domain_scores(cx.standardise(wide, method), "sido")
        w = {k: v for k, v in weights if v > 0}
        if not w:
            continue
        comp = cx.composite(scores, w)
        navis = values(navis_id, "sido", year).set_index("region_code")["value"]
        rho, n = cx.rank_correlation(comp["score"], -navis)
        absent = vint.loc[vint["year_used"].isna(), "indicator"].tolist()
        used = vint["year_used"].dropna()
        rows.append({"year": int(year), "rho": rho, "n": n, "areas_scored": int(comp["score"].notna().sum()),
                     "vintage_min": int(used.min()) if len(used) else None,
                     "vintage_max": int(used.max()) if len(used) else None,
                     "inputs_absent": ", ".join(absent)})
    return pd.DataFrame(rows, columns=["year", "rho", "n", "areas_scored", "vintage_min", "vintage_max",
                                       "inputs_absent"])


def composite_navis(method: str, weights: dict[str, float], navis_id: str = "navis_index_total") -> pd.DataFrame:
    """Per NAVIS year at 시도: Spearman rho of the composite (higher = more disadvantaged) with −NAVIS
    (NAVIS: higher = more developed, so the sign is flipped), n common 시도, the input vintages used."""
    return _composite_navis(data_version(), method, tuple(sorted(weights.items())), navis_id)


# ------------------------------------------------------------------ 인구감소지역

@st.cache_resource(show_spinner=False, max_entries=4)
def _designation_outline(version: int, designation: str) -> dict:
    from geo import outlines

    d = designations()
    return outlines.union_outline(geometry()["sigungu"], d.loc[d["designation"] == designation, "region_code"])


def designation_outline(designation: str) -> dict:
    """{'lon', 'lat'} of the edge of all 시군구 with `designation` ('decline' | 'interest'), dissolved."""
    return _designation_outline(data_version(), designation)


# ------------------------------------------------------------------ published reference points

@st.cache_data(show_spinner=False)
def exports_reference_2020() -> pd.DataFrame:
    """Exports 2020 of the 17 시도 and 전국 (억 USD), published figures (`indicators.reference_points`)."""
    from indicators import reference_points

    return reference_points.exports_2020()
