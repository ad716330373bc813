"""The published build's tables, read once per build and boundary set (`st.cache_data` keyed by the
run's `DataKey`: `app_data.run_key`): observations (with a `level` column), gaps, coverage, month ends,
the 인구감소지역 designations, the build report and the browser map's geometry (`indicators.store`,
validated on load). A missing or unusable build raises `store.NotBuilt` / `store.BuiltDataError`;
`ui.context.page_setup` turns that into one message with `BUILD_COMMAND`."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from app_data.run_key import DataKey, boundary_set, data_key, data_version
from geo import regions
from indicators import designation_views, store, views

BUILD_COMMAND = store.BUILD_COMMAND  # "python -m indicators build": the one fix for missing/broken data


@st.cache_data(show_spinner=False, max_entries=4)
def _observations(key: DataKey) -> pd.DataFrame:
    return views.with_levels(store.observations(build=key.build, boundary_set=key.boundary_set))


@st.cache_data(show_spinner=False, max_entries=4)
def _gaps(key: DataKey) -> pd.DataFrame:
    return store.gaps(build=key.build, boundary_set=key.boundary_set)


@st.cache_data(show_spinner=False, max_entries=4)
def _coverage(key: DataKey) -> pd.DataFrame:
    return store.coverage(build=key.build, boundary_set=key.boundary_set)


@st.cache_data(show_spinner=False, max_entries=4)
def _month_end(key: DataKey) -> pd.DataFrame:
    return store.month_end(build=key.build, boundary_set=key.boundary_set)


@st.cache_data(show_spinner=False, max_entries=2)
def _designations(version: int) -> pd.DataFrame:
    return store.designations(build=version)


@st.cache_data(show_spinner=False, max_entries=4)
def _designations_on(version: int, set_id: str) -> pd.DataFrame:
    return designation_views.on_set(_designations(version), set_id)


@st.cache_data(show_spinner=False, max_entries=2)
def _build_report(version: int) -> dict:
    return store.build_report(build=version)


@st.cache_data(show_spinner=False, max_entries=2)
def _map_geometry(version: int) -> dict:
    return store.map_geometry(build=version)


def map_geometry(set_id: str | None = None) -> dict:
    """The browser map's geometry of the published build in one boundary set (`store.map_geometry`; the
    run's set unless named): per level its payload, and the 시군구 shapes for overlays."""
    return _map_geometry(data_version())[set_id or boundary_set()]


@st.cache_resource(show_spinner=False, max_entries=2)
def _verified(version: int) -> bool:
    """Every table of build `version` read and checked once (filling the loaders' caches); raises
    `store.NotBuilt` / `store.BuiltDataError` (not cached: the next run checks again)."""
    for loader in (_designations, _build_report, _map_geometry):
        loader(version)
    for set_id in regions.SETS:
        for loader in (_observations, _gaps, _coverage, _month_end):
            loader(DataKey(version, set_id))
    return True


def verify_built() -> None:
    """Raise `store.NotBuilt` (or `store.BuiltDataError`) unless a build is published and every table
    of it reads and validates."""
    version = data_version()
    if version == 0:
        store.build_dir()  # raises NotBuilt naming what is missing
    _verified(version)


def observations_of(key: DataKey) -> pd.DataFrame:
    """`observations` of another build or boundary set than the run's (e.g. the end-2024 set)."""
    return _observations(key)


def gaps_of(key: DataKey) -> pd.DataFrame:
    """`gaps` of another build or boundary set than the run's."""
    return _gaps(key)


def coverage_of(key: DataKey) -> pd.DataFrame:
    """`coverage` of the build and boundary set `key` names."""
    return _coverage(key)


def observations() -> pd.DataFrame:
    """The tidy table of the run's boundary set (region_code, year, indicator, value) plus a `level` column."""
    return _observations(data_key())


def gaps(ind_id: str | None = None) -> pd.DataFrame:
    """수도권 vs 비수도권 per indicator and year in the run's boundary set (`store.gaps`: capital, non-capital
    and national value in the indicator's unit); of `ind_id` only, by year, when named."""
    g = _gaps(data_key())
    return g if ind_id is None else g[g["indicator"] == ind_id].sort_values("year", ignore_index=True)


def coverage() -> pd.DataFrame:
    """indicator, level, year, regions (the count with a value) in the run's boundary set (`store.coverage`)."""
    return _coverage(data_key())


def month_end() -> pd.DataFrame:
    """Month-end figures of the run's boundary set (`store.month_end`): region_code, period ('2025-06'),
    indicator, value. A month end is its own date, never a year of a series (`ui.monthend`)."""
    return _month_end(data_key())


def designations() -> pd.DataFrame:
    """region_code, designation ('decline' | 'interest'), notice, notice_date, in_force_from, on the
    run's boundary set (`designation_views.on_set`)."""
    return _designations_on(data_version(), boundary_set())


def designations_as_designated() -> pd.DataFrame:
    """The designations in the codes of their notices (end-2024 codes), whatever the run's set."""
    return _designations(data_version())


def build_report() -> dict:
    """What the run's build built, skipped or read in part, and why; its lineage and conflicts
    (`store.build_report`: build_report.json)."""
    return _build_report(data_version())
