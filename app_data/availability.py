"""What the run's build has, from its coverage table (`indicators.views.availability`): which
indicators have values, at which levels and in which years, which can be mapped, and why one has no
권역 values. Cached per build and boundary set, and the index held in the process between calls."""
from __future__ import annotations

import streamlit as st

from app_data.declared import catalogue
from app_data.run_key import DataKey, boundary_set, data_key
from app_data.tables import coverage, coverage_of, observations
from geo import regions
from indicators import views


@st.cache_data(show_spinner=False, max_entries=16)
def _available(key: DataKey, level: str | None) -> tuple[str, ...]:
    return tuple(views.available(coverage_of(key), catalogue().indicators, level))


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
    return views.availability(coverage_of(key))


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
