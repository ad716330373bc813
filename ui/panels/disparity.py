"""격차 분석: inequality measures over time and the Theil capital/non-capital decomposition.

Figures and tables only; the numbers come from `app_analyses.disparity` (→ `indicators.disparity`
and `indicators.inequality`). Years in which fewer regions than the full set enter the measures
are shaded on both charts and listed in the table (n_regions, regions absent), never mixed
silently with the full years.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

import app_analyses
import app_data
from geo import regions
from indicators import catalog
from indicators import disparity as dsp
from indicators.inequality import MEASURES
from indicators.manifest import year_span
from ui import figures
from ui.context import Ctx

MEASURE_IDS: tuple[str, ...] = ("cv", "cv_weighted", "gini", "theil_t", "theil_l")
WEIGHTINGS = dsp.WEIGHTINGS
EN_DEFINITIONS = {
    "cv": "Standard deviation of the regional values ÷ their mean (regions weighted equally)",
    "cv_weighted": "Weighted standard deviation ÷ weighted mean (population or the chosen weights)",
    "gini": "Weighted Gini: mean absolute difference over all pairs of regions ÷ (2 × mean)",
    "theil_t": "Σ share × ln(share ÷ weight share)",
    "theil_l": "Σ weight share × ln(weight share ÷ share)",
}


def measure_name(m: str, lang: str) -> str:
    ko, en, _ = MEASURES[m]
    return en if lang == "en" else ko


def options(level: str) -> list[str]:
    """Indicators with at least two regions of `level` in some year (any kind: additive amounts are read
    per capita, population counts as density, ratios as published)."""
    cov = app_data.coverage()
    c = cov[(cov["level"] == level) & (cov["regions"] >= 2)]
    have = set(c["indicator"]) - {"land_area_km2"}
    return [i for i in app_data.available_indicators() if i in have]


def is_population_count(ind_id: str) -> bool:
    """Whether `ind_id` has the registry role population_count (read as density)."""
    ind = app_data.indicator(ind_id)
    return ind is not None and ind.is_population_count


def reading_text(ctx: Ctx, ind_id: str, level: str, weighting: str, reading: str) -> str:
    """The reading (`indicators.disparity.READINGS`) in the page language, with the weights and the
    population series used to divide or weight."""
    ind = app_data.indicator(ind_id)
    unit = (ind.unit_ko if ctx.lang == "ko" else ind.unit) if ind else ""
    wlabel = ctx.t("weighting_area_long" if reading == "density" else f"weighting_{weighting}_long")
    text = ctx.t(f"reading_{reading}", unit=unit, weights=wlabel)
    if ind is None or ind.is_population_count:
        return text
    if reading == "per_capita" or weighting == "population":
        pop = catalog.population_for(ind, level)
        text += " · " + ctx.t("reading_population", pop=app_data.name(pop, ctx.lang))
    return text


@figures.cached
def table(ctx: Ctx, ind_id: str, level: str, weighting: str, common_only: bool) -> tuple[pd.DataFrame, str, int]:
    """(per-year table with n_regions, full set size and regions absent; reading text; full set size)."""
    result = app_analyses.disparity(ind_id, level, weighting, common_only)
    raw, kind, used = result.table, result.reading, result.used
    all_codes = regions.codes(level, app_data.boundary_set())
    full = len(all_codes)
    t = raw.copy()
    if t.empty:
        return t, reading_text(ctx, ind_id, level, weighting, kind), full
    t.insert(2, "n_full", full)
    absent = []
    for y in t["year"]:
        have = set(used.get(int(y), ()))
        names = [regions.name(c, ctx.lang) for c in all_codes if c not in have]
        absent.append(", ".join(names[:12]) + (f" … (+{len(names) - 12})" if len(names) > 12 else ""))
    t.insert(3, "regions_absent", absent)
    t.insert(0, "indicator", ind_id)
    t.insert(1, "level", level)
    t.insert(2, "weighting", "area (density)" if is_population_count(ind_id) else weighting)
    return t, reading_text(ctx, ind_id, level, weighting, kind), full


def partial_note(ctx: Ctx, t: pd.DataFrame, full: int) -> str:
    """'n < 17 in 1992–2011 (absent: …)' — one line per run of years with the same count."""
    if t.empty:
        return ""
    parts = []
    sub = t[t["n_regions"] < full]
    if sub.empty:
        return ""
    for (n, absent), g in sub.groupby(["n_regions", "regions_absent"], sort=False):
        spans = year_span(g["year"].tolist())
        parts.append(ctx.t("partial_run", spans=spans, n=int(n), full=full, absent=absent))
    return " ".join(parts)


TABLE_ORDER = ["year", "n_regions", "n_full", "cv", "cv_weighted", "gini", "theil_t", "theil_t_between",
               "theil_t_within", "theil_t_between_share", "theil_l", "theil_l_between", "theil_l_within",
               "theil_l_between_share", "regions_absent"]


def table_columns(ctx: Ctx) -> dict:
    """Column labels and formats of the per-year table."""
    pct = {"format": "percent"}
    cols = {
        "year": st.column_config.NumberColumn(ctx.t("year"), format="%d"),
        "n_regions": st.column_config.NumberColumn(ctx.t("n_regions"), format="%d"),
        "n_full": st.column_config.NumberColumn(ctx.t("n_full"), format="%d"),
        "regions_absent": st.column_config.TextColumn(ctx.t("regions_absent")),
        "theil_t_between_share": st.column_config.NumberColumn(ctx.t("between_share") + " (T)", **pct),
        "theil_l_between_share": st.column_config.NumberColumn(ctx.t("between_share") + " (L)", **pct),
    }
    for m in MEASURE_IDS:
        cols[m] = st.column_config.NumberColumn(measure_name(m, ctx.lang), format="%.5f")
    for k in ("t", "l"):
        cols[f"theil_{k}_between"] = st.column_config.NumberColumn(f"{ctx.t('between')} ({k.upper()})", format="%.5f")
        cols[f"theil_{k}_within"] = st.column_config.NumberColumn(f"{ctx.t('within')} ({k.upper()})", format="%.5f")
    return cols


def decomposition_data(t: pd.DataFrame, kind: str) -> pd.DataFrame:
    """The columns of the Theil `kind` ('t' | 'l') decomposition, for its CSV."""
    return t[["indicator", "level", "weighting", "year", "n_regions", "n_full", f"theil_{kind}",
              f"theil_{kind}_between", f"theil_{kind}_within", f"theil_{kind}_between_share"]]


def measure_labels(ctx: Ctx) -> dict[str, str]:
    return {m: measure_name(m, ctx.lang) for m in MEASURE_IDS}


def weighting_labels(ctx: Ctx) -> dict[str, str]:
    return {w: ctx.t(f"weighting_{w}") for w in WEIGHTINGS}


def kind_labels(ctx: Ctx) -> dict[str, str]:
    return {"t": "Theil T", "l": "Theil L"} if ctx.lang == "en" else {"t": "타일 T", "l": "타일 L"}


def definitions(ctx: Ctx) -> pd.DataFrame:
    rows = []
    for m in MEASURE_IDS:
        ko, en, definition = MEASURES[m]
        rows.append({"id": m, ctx.t("measure_col"): en if ctx.lang == "en" else ko,
                     ctx.t("definition"): EN_DEFINITIONS[m] if ctx.lang == "en" else definition})
    return pd.DataFrame(rows)
