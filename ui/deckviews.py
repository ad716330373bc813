"""A view slide's figures: which values a view shows (`keys_for`, pure), kept with the slide when '슬라이드에 추가'
saves it (`capture`), and what they are on the current build (`current`), so the deck page and the presented
slide can say which changed since the slide was saved (`describe`). The figures are
`indicators.views.fingerprint` keys and texts: one value where the view names one (the callout's region in the
map's year), else a count and hash of the values (a map's year, a trend's series, a region's every indicator).
"""
from __future__ import annotations

import re
from collections.abc import Mapping

import streamlit as st

import app_data
from decks.model import FIGURE_MAX, LABEL_MAX, MAX_FIGURES, PairSlide, ViewSlide
from geo import regions
from indicators import derive
from indicators.views import brief, fingerprint
from indicators.views.fingerprint import ALL, LAST, FigureKey
from ui import numbers, state
from ui.i18n import t

YEAR = re.compile(r"\d{4}")


def keys_for(page: str, query: Mapping[str, str], resolved: Mapping[str, str | None], boundary_set: str,
             region: str | None = None, region_level: str | None = None) -> list[FigureKey]:
    """What a view of `page` with its address `query` shows: the keys of its values on `boundary_set`.
    `resolved`: the page's indicator, second indicator, level, region and risk index where the address leaves
    the default out; `region`/`region_level`: the callout's region (its one value, where the view has a year)."""
    ind, level = resolved.get("indicator"), resolved.get("level")
    year = query.get("year") if YEAR.fullmatch(query.get("year", "")) else LAST
    one = [FigureKey(ind, boundary_set, region_level, year, region)] if ind and region and region_level else []
    if page == "map" and ind and level:
        mode = query.get("compare", "none")
        if mode == "none":
            return [FigureKey(ind, boundary_set, level, year), *one]
        second = resolved.get("indicator2") if mode == "indicators" else None
        return [FigureKey(i, boundary_set, level) for i in (ind, second) if i]
    if page == "risk" and resolved.get("risk_index"):
        ri = str(resolved["risk_index"])
        return [FigureKey(ri, boundary_set, "sigungu", year),
                *([FigureKey(ri, boundary_set, region_level, year, region)] if region and region_level else [])]
    if page == "trends" and ind:
        return [FigureKey(ind, boundary_set),
                *([FigureKey(ind, boundary_set, region_level, ALL, region)] if region and region_level else [])]
    if page == "disparity" and ind:
        return [FigureKey(ind, boundary_set, level or ALL)]
    code = resolved.get("region")
    if page == "region" and code and code in regions.known_codes():
        return [FigureKey(ALL, boundary_set, regions.level(code), ALL, code)]
    return []


def _level(code: str | None) -> str | None:
    return regions.level(code) if code and code in regions.known_codes() else None


def capture(page: str, query: Mapping[str, str], callout_region: str | None) -> dict[str, str]:
    """The figures a view of this run's page shows (label → text), for the slide '슬라이드에 추가' saves. The page's
    defaults are what its pickers bound on its last run (`state.mirrored`: the form is drawn after one)."""
    basis = query.get("basis") or state.mirrored("basis")
    resolved = {name: query.get(name) or state.mirrored(name) for name in ("indicator", "indicator2", "level")}
    resolved["region"] = query.get("region") or (state.mirrored("region") if page == "region" else None)
    resolved["risk_index"] = derive.RISK_INDEX.get(str(basis)) if page == "risk" else None
    keys = keys_for(page, query, resolved, app_data.boundary_set(), callout_region, _level(callout_region))
    return _texts(keys)


def _texts(keys: list[FigureKey]) -> dict[str, str]:
    out: dict[str, str] = {}
    for key in keys[:MAX_FIGURES]:
        text = _text(app_data.data_version(), key)
        if text is not None and len(key.label) <= LABEL_MAX:
            out[key.label] = text[:FIGURE_MAX]
    return out


@st.cache_data(show_spinner=False, max_entries=1024)
def _text(build: int, key: FigureKey) -> str | None:
    """A figure's text on `build` (cached: a deck page lists every slide's on each run)."""
    return fingerprint.figure_text(app_data.observations_of(app_data.DataKey(build, key.boundary_set)), key)


def current(slide) -> dict[str, str]:
    """What the figures a view or pair slide saved are on this build (label → text; a figure gone: left out)."""
    if not isinstance(slide, (ViewSlide, PairSlide)):
        return {}
    out = {}
    for label in slide.figures:
        key = fingerprint.parse_label(label)
        text = _text(app_data.data_version(), key) if key is not None else None
        if text is not None:
            out[label] = text
    return out


def _what(key: FigureKey, lang: str) -> str:
    """The figure named for a reader: its region or level, indicator and year."""
    where = ""
    if key.region != ALL and key.region in regions.known_codes():
        where = regions.name(key.region, lang)
    elif key.level in ("macro", "sido", "sigungu"):
        where = t(f"level_short_{key.level}", lang)
    name = app_data.name(key.indicator, lang) if key.indicator != ALL else t("deck_fig_every_indicator", lang)
    year = {ALL: t("deck_fig_every_year", lang), LAST: t("deck_fig_latest", lang)}.get(
        key.year, t("year_suffix", lang, y=key.year))
    return " · ".join(p for p in (where, name, year) if p)


def describe(label: str, saved: str, now: str | None, saved_build: str, lang: str) -> str:
    """One line on a changed figure: the indicator, year and region, old → new where it is one value; else that
    its values changed since the build it was saved on (its date)."""
    key = fingerprint.parse_label(label)
    if key is None:
        return f"{label}: {saved} → {now or t('deck_figure_gone', lang)}"
    what = _what(key, lang)
    if now is None:
        return t("deck_fig_gone", lang, what=what)
    old, new = fingerprint.single_value(saved), fingerprint.single_value(now)
    if old is not None and new is not None and key.indicator != ALL:
        ind = app_data.indicator(key.indicator)
        show = (lambda v: numbers.value(v, ind, lang)) if ind is not None else str
        years = (f" ({t('year_suffix', lang, y=old[1])})" if old[1] else "",
                 f" ({t('year_suffix', lang, y=new[1])})" if new[1] else "")
        return t("deck_fig_value", lang, what=what, saved=show(old[0]) + years[0], now=show(new[0]) + years[1])
    date = brief.build_date(int(saved_build)) if saved_build.isdigit() else ""
    return t("deck_fig_values", lang, what=what, date=date or saved_build or "?")


def changes(deck, build: str, lang: str) -> dict[str, list[str]]:
    """Slide id → a line per figure that a view or pair slide saved on another build shows otherwise now."""
    out: dict[str, list[str]] = {}
    for slide in deck.slides:
        if not isinstance(slide, (ViewSlide, PairSlide)) or not slide.build or slide.build == build:
            continue
        now = current(slide)
        lines = [describe(label, saved, now.get(label), slide.build, lang)
                 for label, saved in slide.figures.items() if now.get(label) != saved]
        if lines:
            out[slide.id] = lines
    return out
