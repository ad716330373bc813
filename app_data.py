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

import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from indicators import catalog, store, views
from indicators.schema import Indicator, Source
from indicators.views import Catalogue

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
_PINNED: contextvars.ContextVar[int | None] = contextvars.ContextVar("balance_build", default=None)


def begin_run() -> int:
    """Resolve the published build once, at the start of a script run (app.py): every loader of the
    run then reads this id (`data_version`), whatever a rebuild switches the pointer to meanwhile.
    A fragment rerun keeps the id of the run that drew its page. Returns the id (0: none published)."""
    version = store.current_build()
    st.session_state[_RUN_BUILD] = version
    return version


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


@st.cache_data(show_spinner=False, max_entries=2)
def _observations(version: int) -> pd.DataFrame:
    return views.with_levels(store.observations(build=version))


@st.cache_data(show_spinner=False, max_entries=2)
def _gaps(version: int) -> pd.DataFrame:
    return store.gaps(build=version)


@st.cache_data(show_spinner=False, max_entries=2)
def _coverage(version: int) -> pd.DataFrame:
    return store.coverage(build=version)


@st.cache_data(show_spinner=False, max_entries=2)
def _designations(version: int) -> pd.DataFrame:
    return store.designations(build=version)


@st.cache_data(show_spinner=False, max_entries=2)
def _build_report(version: int) -> dict:
    return store.build_report(build=version)


@st.cache_data(show_spinner=False, max_entries=2)
def _map_geometry(version: int) -> dict:
    return store.map_geometry(build=version)


def map_geometry(boundary_set: str = store.DEFAULT_MAP_SET) -> dict:
    """The browser map's geometry of the published build in one boundary set (`store.map_geometry`;
    "2024" by default, "2026-07" on request): per level its payload, and the 시군구 shapes for overlays."""
    return _map_geometry(data_version())[boundary_set]


@st.cache_resource(show_spinner=False, max_entries=2)
def _verified(version: int) -> bool:
    """Every table of build `version` read and checked once (filling the loaders' caches); raises
    `store.NotBuilt` / `store.BuiltDataError` (not cached: the next run checks again)."""
    for loader in (_observations, _gaps, _coverage, _designations, _build_report, _map_geometry):
        loader(version)
    return True


def verify_built() -> None:
    """Raise `store.NotBuilt` (or `store.BuiltDataError`) unless a build is published and every table
    of it reads and validates."""
    version = data_version()
    if version == 0:
        store.build_dir()  # raises NotBuilt naming what is missing
    _verified(version)


def observations() -> pd.DataFrame:
    """The tidy table (region_code, year, indicator, value) plus a `level` column."""
    return _observations(data_version())


def gaps(ind_id: str | None = None) -> pd.DataFrame:
    g = _gaps(data_version())
    return g if ind_id is None else g[g["indicator"] == ind_id].sort_values("year", ignore_index=True)


def coverage() -> pd.DataFrame:
    return _coverage(data_version())


def designations() -> pd.DataFrame:
    """region_code, designation ('decline' | 'interest'), notice, notice_date, in_force_from."""
    return _designations(data_version())


def build_report() -> dict:
    return _build_report(data_version())


# ------------------------------------------------------------------ availability (cached)

@st.cache_data(show_spinner=False, max_entries=8)
def _available(version: int, level: str | None) -> tuple[str, ...]:
    return tuple(views.available(_coverage(version), catalogue().indicators, level))


def available_indicators(level: str | None = None) -> list[str]:
    """Indicators with at least one value in the built data (catalogue order), optionally at `level`."""
    return list(_available(data_version(), level))


def unknown_indicators() -> list[str]:
    """Indicators in the built data that the catalogue does not describe."""
    return views.unknown(coverage(), catalogue().indicators)


def missing_indicators() -> list[str]:
    """Catalogued indicators with no value in the built data."""
    return views.missing(catalogue().indicators, available_indicators())


@st.cache_resource(show_spinner=False, max_entries=2)
def _availability(version: int) -> views.Availability:
    """`views.availability` once per build (the map page asks for every indicator's levels on each
    run). Shared (cache_resource): read, never mutate."""
    return views.availability(_coverage(version))


_HELD: dict[int, views.Availability] = {}  # build id → its availability index, held by this process


def _availability_now() -> views.Availability:
    """`_availability` of the published build, held between calls: each cached call costs ~0.3 ms of
    argument hashing, and a page asks for the levels and years of dozens of indicators each run."""
    version = data_version()
    held = _HELD.get(version)
    if held is None:
        held = _availability(version)
        _HELD.clear()
        _HELD[version] = held
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
    return views.macro_gap(observations(), coverage(), _availability_now(), catalogue().indicators, ind_id)


def risk_bases() -> list[str]:
    """Bases (reg/res/cen) whose 시군구 extinction-risk index is in the built data."""
    return views.risk_bases(available_indicators("sigungu"))


# ------------------------------------------------------------------ values and profiles (cached)

@st.cache_data(show_spinner=False, max_entries=64)
def _values(version: int, ind_id: str, level: str, year: int) -> pd.DataFrame:
    return views.values_at(_observations(version), ind_id, level, year)


def values(ind_id: str, level: str, year: int) -> pd.DataFrame:
    """`views.values_at`: every region of `level` with its value and rank in `year`."""
    return _values(data_version(), ind_id, level, int(year))


@st.cache_data(show_spinner=False, max_entries=64)
def _series(version: int, ind_id: str, codes: tuple[str, ...]) -> pd.DataFrame:
    return views.series(_observations(version), ind_id, codes)


def series(ind_id: str, codes: list[str] | tuple[str, ...]) -> pd.DataFrame:
    """region_code, year, value for the given regions over all years (rows with a value)."""
    return _series(data_version(), ind_id, tuple(codes))


@st.cache_data(show_spinner=False, max_entries=32)
def _region_profile(version: int, code: str) -> pd.DataFrame:
    return views.region_profile(_observations(version), code)


def region_profile(code: str) -> pd.DataFrame:
    """`views.region_profile` of `code`."""
    return _region_profile(data_version(), code)


@st.cache_data(show_spinner=False, max_entries=32)
def _region_series(version: int, code: str) -> pd.DataFrame:
    return views.region_series(_observations(version), code, catalogue().indicators)


def region_series(code: str) -> pd.DataFrame:
    """`views.region_series` of `code`: years (newest first) × indicators (catalogue order)."""
    return _region_series(data_version(), code)


# ------------------------------------------------------------------ seed facts

@st.cache_data(show_spinner=False)
def _seed_facts(mtime: int) -> pd.DataFrame:
    return views.read_seed_facts()


def seed_facts() -> pd.DataFrame:
    """Policy events and quoted figures (indicators/seed_facts.csv); empty if the file is absent."""
    path = views.SEED_FACTS
    return _seed_facts(path.stat().st_mtime_ns if path.exists() else 0)

