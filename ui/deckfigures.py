"""A deck's headline figures from the built data: what a headline slide shows now, and what it saved.

A headline is either one of 개요's cards (수도권 인구 비중, GRDP 비중, 수출 비중, 재정자립도 격차, 소멸위험 시군구 수:
`ui.panels.headlines.cards`, handed in by the page) — stored as its indicator on 수도권 (group level, 'CR') or
the nation ('00') — or one indicator's latest value in one region (전국, a 시도 or a 시군구). A card is matched
by its indicator and region; everything else is read from the series. `current_figures` says what each
headline slide shows on this build, for `decks.model.changed_figures`.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import app_data
from decks.model import HEADLINE_LABEL, Deck, HeadlineSlide
from geo import regions
from ui import format as fmt
from ui import numbers

CARD_PLACE = {"risk": ("nation", "00")}  # every other card is a figure of 수도권 (group level, CR)


@dataclass(frozen=True)
class Figure:
    """One headline figure as shown: where it comes from (indicator, level, region) and its texts."""

    indicator: str
    level: str
    region: str
    title: str
    value: str
    year: int
    basis: str
    source: str


def card_figures(cards: Iterable) -> dict[str, Figure]:
    """개요's cards that have a figure (a card missing its series has none), by card key."""
    out = {}
    for card in cards:
        if card.missing or not card.value or not card.indicator or card.year is None:
            continue
        level, region = CARD_PLACE.get(card.key, ("group", "CR"))
        out[card.key] = Figure(card.indicator, level, region, card.title, card.value, int(card.year),
                               card.note, card.source)
    return out


def region_figure(ind_id: str, code: str, lang: str) -> Figure | None:
    """The indicator's latest value in one region (None: no value there)."""
    ind = app_data.indicator(ind_id)
    if ind is None or code not in regions.known_codes():
        return None
    series = app_data.series(ind_id, [code]).dropna(subset=["value"])
    if series.empty:
        return None
    last = series.sort_values("year").iloc[-1]
    level = regions.level(code)
    title = f"{regions.name(code, lang)} {fmt.name(ind, lang)}"
    basis = ind.text("basis", lang)
    return Figure(ind_id, level if level in ("nation", "group", "macro", "sido", "sigungu") else "sido", code,
                  title, numbers.value(float(last["value"]), ind, lang), int(last["year"]), basis,
                  fmt.source_line(ind, lang, short=True))


def figure_for(slide: HeadlineSlide, cards: dict[str, Figure], lang: str) -> Figure | None:
    """What a headline slide shows on this build (None: the figure is not there any more)."""
    for fig in cards.values():
        if (fig.indicator, fig.level, fig.region) == (slide.indicator, slide.level, slide.region):
            return fig
    if slide.level == "group" and slide.region == "CR":
        return None  # a card's figure the build no longer has
    return region_figure(slide.indicator, slide.region, lang)


def current_figures(deck: Deck, cards: dict[str, Figure], lang: str) -> dict[str, dict[str, str]]:
    """Slide id → the figures it shows now (label → text), for every headline slide
    (`decks.model.changed_figures`); a figure the build lacks shows as nothing."""
    out: dict[str, dict[str, str]] = {}
    for slide in deck.slides:
        if isinstance(slide, HeadlineSlide):
            fig = figure_for(slide, cards, lang)
            out[slide.id] = {HEADLINE_LABEL: fig.value} if fig is not None else {}
    return out


def headline_slide(fig: Figure, *, title: str, build: str, boundary_set: str) -> HeadlineSlide:
    """A new headline slide of `fig` (id given by `decks.edits.append`)."""
    return HeadlineSlide("", (title.strip() or fig.title)[:200], fig.indicator, fig.year, fig.level, fig.region,
                         boundary_set, fig.value[:160], build)
