"""The shapes under and over a map's values, from the build's geometry (`app_data.map_geometry`): the
SVG paths of each level published for the browser (`mapview.publish_geometry`), the dissolved edge of
the 인구감소지역 and a slide's callout region. Cached per build and boundary set."""
from __future__ import annotations

import streamlit as st

import app_data
from geo import regions
from ui import mapview

HIGHLIGHT = "#D55E00"  # the callout's colour (ui/assets/deck.css)


def geometry_urls() -> dict[str, str]:
    """level → URL of the build's SVG geometry of the run's boundary set under static/geo (content-hashed;
    written once)."""
    return _geometry_urls(app_data.data_key())


@st.cache_resource(show_spinner=False, max_entries=4)
def _geometry_urls(key: app_data.DataKey) -> dict[str, str]:
    return mapview.publish_geometry(app_data.map_geometry(key.boundary_set))


def highlight_path(code: str) -> str:
    """The outline of `code`'s area (a 시군구, a 시도, 수도권 or 비수도권) in the run's boundary set, as an
    SVG path on the map's grid ('' for a code of no area there)."""
    return _highlight_path(app_data.data_key(), code)


@st.cache_data(show_spinner=False, max_entries=64)
def _highlight_path(key: app_data.DataKey, code: str) -> str:
    from geo import svgmap

    members = highlight_members(code, key.boundary_set)
    if not members:
        return ""
    try:
        return svgmap.overlay_path(app_data.map_geometry(key.boundary_set), members)
    except KeyError:  # a code without its own shape in this set
        return ""


def highlight_members(code: str, boundary_set: str) -> list[str]:
    """The 시군구 whose union is `code`'s area in `boundary_set` ([] for a code of no area there)."""
    sigungu = regions.codes("sigungu", boundary_set)
    if code in sigungu:
        return [code]
    if code in regions.codes("sido", boundary_set):
        return [c for c in sigungu if c[:2] == code]  # a 시군구 code starts with its 시도's (12xxx in 12)
    if code in ("CR", "NC"):
        return [c for c in sigungu if regions.is_capital(c) == (code == "CR")]
    return []


def designation_overlay(designation: str, color: str, label: str) -> dict:
    """The dissolved edge of the 시군구 with `designation` ('decline' = 인구감소지역) over the map (`label` is
    already in the page's language)."""
    return mapview.overlay(_overlay_url(app_data.data_key(), designation), color=color, label=label,
                           width=2.4 if designation == "decline" else 1.8, dash=designation != "decline")


@st.cache_resource(show_spinner=False, max_entries=8)
def _overlay_url(key: app_data.DataKey, designation: str) -> str:
    return mapview.publish_overlay(designation, _overlay_path(key, designation))


@st.cache_data(show_spinner=False, max_entries=8)
def _overlay_path(key: app_data.DataKey, designation: str) -> str:
    from geo import svgmap

    # drawn from the shapes of the 시군구 as designated (end-2024 codes): both sets share one frame, so the
    # outline lies right on the current map too (인천 동구 included, now inside 제물포구)
    d = app_data.designations_as_designated()
    return svgmap.overlay_path(app_data.map_geometry(regions.REFERENCE_SET),
                               sorted(d.loc[d["designation"] == designation, "region_code"]))
