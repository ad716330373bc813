"""The slices of the run's observations that pages draw, cached per build, boundary set and
arguments: one year of an indicator across a level (`values`), regions over every year (`series`),
one region's indicators (`region_profile`, `region_series`) and regions side by side
(`regions_side_by_side`); pure functions of `indicators.views`."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from app_data.declared import catalogue
from app_data.run_key import DataKey, data_key
from app_data.tables import observations_of
from indicators import views
from indicators.views import compare


@st.cache_data(show_spinner=False, max_entries=64)
def _values(key: DataKey, ind_id: str, level: str, year: int) -> pd.DataFrame:
    return views.values_at(observations_of(key), ind_id, level, year, key.boundary_set)


def values(ind_id: str, level: str, year: int) -> pd.DataFrame:
    """`views.values_at`: every region of `level` with its value and rank in `year`."""
    return _values(data_key(), ind_id, level, int(year))


@st.cache_data(show_spinner=False, max_entries=64)
def _series(key: DataKey, ind_id: str, codes: tuple[str, ...]) -> pd.DataFrame:
    return views.series(observations_of(key), ind_id, codes)


def series(ind_id: str, codes: list[str] | tuple[str, ...]) -> pd.DataFrame:
    """region_code, year, value for the given regions over all years (rows with a value)."""
    return _series(data_key(), ind_id, tuple(codes))


@st.cache_data(show_spinner=False, max_entries=32)
def _region_profile(key: DataKey, code: str) -> pd.DataFrame:
    return views.region_profile(observations_of(key), code)


def region_profile(code: str) -> pd.DataFrame:
    """`views.region_profile` of `code`."""
    return _region_profile(data_key(), code)


@st.cache_data(show_spinner=False, max_entries=32)
def _region_series(key: DataKey, code: str) -> pd.DataFrame:
    return views.region_series(observations_of(key), code, catalogue().indicators)


def region_series(code: str) -> pd.DataFrame:
    """`views.region_series` of `code`: years (newest first) × indicators (catalogue order)."""
    return _region_series(data_key(), code)


@st.cache_data(show_spinner=False, max_entries=32)
def _regions_side_by_side(key: DataKey, codes: tuple[str, ...]) -> pd.DataFrame:
    return compare.regions_side_by_side(observations_of(key), list(codes))


def regions_side_by_side(codes: list[str]) -> pd.DataFrame:
    """`compare.regions_side_by_side` of `codes` (up to four) on the run's boundary set."""
    return _regions_side_by_side(data_key(), tuple(codes))
