"""Every cached loader of the app, in one place: `st.cache_*` wrappers over `indicators.views`
applied to the tables `indicators.store` reads, and nothing else.

Cached analyses (격차 분석, 종합 격차지수, risk-class counts, outlines) are in `app_analyses`.
`st.cache_data` entries are keyed by the id of the published build (`data_version`), so a rebuild
shows at once; `st.cache_resource` holds the catalogue and the availability index; the map geometry
comes with the build (`map_geometry`). Pages call these functions to get data. A missing or
unusable build raises `store.NotBuilt` / `store.BuiltDataError`; `ui.context.page_setup` turns
that into one message with the build command.
"""
from __future__ import annotations

import contextlib
import contextvars
from typing import NamedTuple

import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from geo import regions
from indicators import catalog, designation_views, store, views
from indicators.schema import Indicator, Source
from indicators.views import Catalogue, compare

BUILD_COMMAND = store.BUILD_COMMAND  # "python -m indicators build": the one fix for missing/broken data
MACRO_MIN_REGIONS = views.MACRO_MIN_REGIONS
MAP_LEVELS = ("macro", "sido", "sigungu")  # coarse to fine, as the map page offers them


# ------------------------------------------------------------------ catalogue

@st.cache_resource(show_spinner=False)
def catalogue() -> Catalogue:
    """The indicator catalogue (`indicators.catalog`)."""
    return Catalogue(dict(catalog.indicators()), dict(catalog.sources()))


def indicator(ind_id: str) -> Indicator | None:
    return catalogue().indicators.get(ind_id)


def source_of(ind_id: str) -> Source | None:
    ind = indicator(ind_id)
    return catalogue().sources.get(ind.source) if ind else None


def name(ind_id: str, lang: str = "ko") -> str:
    ind = indicator(ind_id)
    return ind_id if ind is None else ind.name_en if lang == "en" else ind.name_ko


def unit(ind_id: str, lang: str = "ko") -> str:
    ind = indicator(ind_id)
    return "" if ind is None else ind.unit if lang == "en" else ind.unit_ko


# ------------------------------------------------------------------ built tables

_RUN_BUILD = "_data_build"  # session_state key: the build id resolved at the start of the session's last full run
_RUN_SET = "_data_boundary_set"  # session_state key: the boundary set the session's last full run draws
_PINNED: contextvars.ContextVar[int | None] = contextvars.ContextVar("balance_build", default=None)
CURRENT_SET = regions.CURRENT_SET  # the boundary set pages draw unless the reader chose the other (ui.nav)


class DataKey(NamedTuple):
    """What a run's tables are: one published build, in one boundary set (the key of every cache)."""

    build: int
    boundary_set: str


def begin_run(boundary_set: str = CURRENT_SET) -> int:
    """Resolve the published build once, at the start of a script run (app.py): every loader of the
    run then reads this id (`data_version`), whatever a rebuild switches the pointer to meanwhile, in
    `boundary_set` (`data_key`). A fragment rerun keeps the id and set of the run that drew its page.
    Returns the id (0: none published)."""
    if boundary_set not in regions.SETS:
        raise KeyError(f"unknown boundary set {boundary_set!r}")
    version = store.current_build()
    st.session_state[_RUN_BUILD] = version
    st.session_state[_RUN_SET] = boundary_set
    return version


def boundary_set() -> str:
    """The boundary set this run draws (`begin_run`; the current one outside a run)."""
    if get_script_run_ctx(suppress_warning=True) is None:
        return CURRENT_SET
    return st.session_state.get(_RUN_SET, CURRENT_SET)


def data_key() -> DataKey:
    """The build and boundary set this run reads: the key of every cache of set-dependent tables."""
    return DataKey(data_version(), boundary_set())


@contextlib.contextmanager
def one_build():
    """Outside a script run (the deployment's warm-up thread, scripts): every loader called inside the
    block reads the build published when it was entered."""
    token = _PINNED.set(store.current_build())
    try:
        yield
    finally:
        _PINNED.reset(token)


def data_version() -> int:
    """Id of the build this run reads: part of every cache key, and the set every loader reads
    (`build=version`), so one page run's tables all come from one build. In a script run, the id
    `begin_run` resolved at its start (resolved on first use if the run did not begin in app.py);
    inside `one_build`, its id; elsewhere the pointer now (`store.current_build`, 0 if none)."""
    pinned = _PINNED.get()
    if pinned is not None:
        return pinned
    if get_script_run_ctx(suppress_warning=True) is None:
        return store.current_build()
    version = st.session_state.get(_RUN_BUILD)
    return begin_run() if version is None else version


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


def observations() -> pd.DataFrame:
    """The tidy table of the run's boundary set (region_code, year, indicator, value) plus a `level` column."""
    return _observations(data_key())


def gaps(ind_id: str | None = None) -> pd.DataFrame:
    g = _gaps(data_key())
    return g if ind_id is None else g[g["indicator"] == ind_id].sort_values("year", ignore_index=True)


def coverage() -> pd.DataFrame:
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
    return _build_report(data_version())


# ------------------------------------------------------------------ availability (cached)

@st.cache_data(show_spinner=False, max_entries=16)
def _available(key: DataKey, level: str | None) -> tuple[str, ...]:
    return tuple(views.available(_coverage(key), catalogue().indicators, level))


def available_indicators(level: str | None = None) -> list[str]:
    """Indicators with at least one value in the built data (catalogue order), optionally at `level`."""
    return list(_available(data_key(), level))


def unknown_indicators() -> list[str]:
    """Indicators in the built data that the catalogue does not describe."""
    return views.unknown(coverage(), catalogue().indicators)


def missing_indicators() -> list[str]:
    """Catalogued indicators with no value in the built data."""
    return views.missing(catalogue().indicators, available_indicators())


@st.cache_resource(show_spinner=False, max_entries=4)
def _availability(key: DataKey) -> views.Availability:
    """`views.availability` once per build and set (the map page asks for every indicator's levels on
    each run). Shared (cache_resource): read, never mutate."""
    return views.availability(_coverage(key))


_HELD: dict[DataKey, views.Availability] = {}  # build and set → its availability index, held by this process


def _availability_now() -> views.Availability:
    """`_availability` of the run's build and set, held between calls: each cached call costs ~0.3 ms of
    argument hashing, and a page asks for the levels and years of dozens of indicators each run."""
    key = data_key()
    held = _HELD.get(key)
    if held is None:
        held = _availability(key)
        if len(_HELD) >= 2 * len(regions.SETS):
            _HELD.clear()
        _HELD[key] = held
    return held


def forget_held() -> None:
    """Drop what `_availability_now` holds (with `st.cache_resource.clear()`: a fresh process)."""
    _HELD.clear()


def levels_for(ind_id: str, macro: bool = False) -> list[str]:
    """`views.levels` of `ind_id`."""
    return views.levels(_availability_now().get(ind_id, {}), macro)


def years_for(ind_id: str, level: str | None = None) -> list[int]:
    """Years with a value at `level` (None: at any level); for 'macro' see `views.availability`."""
    return list(_availability_now().get(ind_id, {}).get(level or None, ()))


def mappable_indicators(macro: bool = False) -> list[str]:
    """`available_indicators()` with values at 시도 or 시군구 (with `macro`: or at 권역)."""
    return views.mappable(available_indicators(), _availability_now(), macro)


def macro_gap(ind_id: str) -> views.MacroGap | None:
    """None if `ind_id` has 권역 values in some year, else why not (`views.macro_gap`)."""
    return views.macro_gap(observations(), coverage(), _availability_now(), catalogue().indicators, ind_id,
                           boundary_set=boundary_set())


def risk_bases() -> list[str]:
    """Bases (reg/res/cen) whose 시군구 extinction-risk index is in the built data."""
    return views.risk_bases(available_indicators("sigungu"))


# ------------------------------------------------------------------ values and profiles (cached)

@st.cache_data(show_spinner=False, max_entries=64)
def _values(key: DataKey, ind_id: str, level: str, year: int) -> pd.DataFrame:
    return views.values_at(_observations(key), ind_id, level, year, key.boundary_set)


def values(ind_id: str, level: str, year: int) -> pd.DataFrame:
    """`views.values_at`: every region of `level` with its value and rank in `year`."""
    return _values(data_key(), ind_id, level, int(year))


@st.cache_data(show_spinner=False, max_entries=64)
def _series(key: DataKey, ind_id: str, codes: tuple[str, ...]) -> pd.DataFrame:
    return views.series(_observations(key), ind_id, codes)


def series(ind_id: str, codes: list[str] | tuple[str, ...]) -> pd.DataFrame:
    """region_code, year, value for the given regions over all years (rows with a value)."""
    return _series(data_key(), ind_id, tuple(codes))


@st.cache_data(show_spinner=False, max_entries=32)
def _region_profile(key: DataKey, code: str) -> pd.DataFrame:
    return views.region_profile(_observations(key), code)


def region_profile(code: str) -> pd.DataFrame:
    """`views.region_profile` of `code`."""
    return _region_profile(data_key(), code)


@st.cache_data(show_spinner=False, max_entries=32)
def _region_series(key: DataKey, code: str) -> pd.DataFrame:
    return views.region_series(_observations(key), code, catalogue().indicators)


def region_series(code: str) -> pd.DataFrame:
    """`views.region_series` of `code`: years (newest first) × indicators (catalogue order)."""
    return _region_series(data_key(), code)


@st.cache_data(show_spinner=False, max_entries=32)
def _regions_side_by_side(key: DataKey, codes: tuple[str, ...]) -> pd.DataFrame:
    return compare.regions_side_by_side(_observations(key), list(codes))


def regions_side_by_side(codes: list[str]) -> pd.DataFrame:
    """`compare.regions_side_by_side` of `codes` (up to four) on the run's boundary set."""
    return _regions_side_by_side(data_key(), tuple(codes))


# ------------------------------------------------------------------ seed facts

@st.cache_data(show_spinner=False)
def _seed_facts(mtime: int) -> pd.DataFrame:
    return views.read_seed_facts()


def seed_facts() -> pd.DataFrame:
    """Policy events and quoted figures (indicators/seed_facts.csv); empty if the file is absent."""
    path = views.SEED_FACTS
    return _seed_facts(path.stat().st_mtime_ns if path.exists() else 0)

