"""Cached analyses of the built tables: `st.cache_*` wrappers over `indicators.views` (and
`indicators.derive`) for 격차 분석, 종합 격차지수 and its NAVIS comparison, the KEIS risk-class
counts, the overview's capital gap, the designation outline and the published 2020 export figures.
Keyed by the build and boundary set (`app_data.data_key`), like every loader of `app_data`."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from app_data import DataKey, available_indicators, data_key, gaps_of, observations, observations_of, years_for
from indicators import derive, views
from indicators import disparity as dx


@st.cache_data(show_spinner=False, max_entries=8)
def _risk_counts(key: DataKey, basis: str) -> pd.DataFrame:
    return derive.risk_class_counts(observations()[["region_code", "year", "indicator", "value"]], basis)


def risk_counts(basis: str) -> pd.DataFrame:
    """시군구 per KEIS class, year, capital/non-capital (from indicators.derive)."""
    return _risk_counts(data_key(), basis)


@st.cache_data(show_spinner=False, max_entries=8)
def _capital_gap(key: DataKey, ind_id: str) -> tuple[pd.Series, bool]:
    return views.capital_gap_series(gaps_of(key), observations_of(key), ind_id, key.boundary_set)


def capital_gap(ind_id: str, boundary_set: str | None = None) -> tuple[pd.Series, bool]:
    """`views.capital_gap_series` of `ind_id` in the run's boundary set (or `boundary_set`): (수도권 − 비수도권
    per year, whether it is the difference of the simple means of the 시도 values because the gaps table has
    none)."""
    key = data_key()
    return _capital_gap(DataKey(key.build, boundary_set or key.boundary_set), ind_id)





@st.cache_data(show_spinner=False, max_entries=32)
def _disparity(key: DataKey, ind_id: str, level: str, weighting: str, common_only: bool) -> dx.Disparity:
    return views.disparity(observations(), ind_id, level, weighting, common_only)


def disparity(ind_id: str, level: str, weighting: str = "population", common_only: bool = False) -> dx.Disparity:
    """`indicators.disparity.disparity` of `ind_id` at `level` (measures per year, reading, regions used)."""
    return _disparity(data_key(), ind_id, level, weighting, bool(common_only))


@st.cache_data(show_spinner=False, max_entries=64)
def _composite_inputs(key: DataKey, level: str, year: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    return views.composite_inputs(observations(), level, year)


def composite_inputs(level: str, year: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """`views.composite_inputs` at `level` for `year`: (areas × inputs, vintage used per input)."""
    return _composite_inputs(data_key(), level, int(year))


@st.cache_data(show_spinner=False, max_entries=32)
def _composite_navis(key: DataKey, method: str, weights: tuple[tuple[str, float], ...], navis_id: str):
    return views.composite_navis(observations(), years_for(navis_id, "sido"), method, dict(weights), navis_id)


def composite_navis(method: str, weights: dict[str, float], navis_id: str = "navis_index_total") -> pd.DataFrame:
    """`views.composite_navis`: per NAVIS year at 시도, Spearman rho of the composite with −NAVIS."""
    return _composite_navis(data_key(), method, tuple(sorted(weights.items())), navis_id)


# ------------------------------------------------------------------ published reference points

@st.cache_data(show_spinner=False)
def exports_reference_2020() -> pd.DataFrame:
    """Exports 2020 of the 17 시도 and 전국 (억 USD), published figures (`indicators.reference_points`)."""
    from indicators import reference_points

    return reference_points.exports_2020()

@st.cache_data(show_spinner=False, max_entries=32)
def _composite_result(key: DataKey, level: str, year: int, method: str, weights: tuple[tuple[str, float], ...],
                      lang: str) -> views.CompositeResult:
    wide, vint = _composite_inputs(key, level, year)
    domains = views.available_domains(available_indicators(level), level)
    return views.composite_result(wide, vint, level, year, method, dict(weights), domains, lang, key.boundary_set)


def composite_result(level: str, year: int, method: str, weights: dict[str, float],
                     lang: str = "ko") -> views.CompositeResult:
    """`views.composite_result` at `level` for `year` with these weights (domains with no input in the
    build left out): scores, ranks, deciles, vintages, missing inputs."""
    return _composite_result(data_key(), level, int(year), method, tuple(sorted(weights.items())), lang)
