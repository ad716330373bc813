"""Which figures of a deck the current build shows otherwise, when the deck (or a slide) was saved on another
build (a headline's value: `ui.deckfigures`; a view's values: `ui.deckviews`); a button puts the current figures
into the deck."""
from __future__ import annotations

from dataclasses import replace

import streamlit as st

from decks import edits
from decks.model import Deck, HeadlineSlide, PairSlide, ViewSlide, changed_figures, with_slides
from ui import deckfigures, deckstore, deckviews
from ui.context import Ctx


def show(ctx: Ctx, deck: Deck, figures: dict) -> None:
    """Which figures the current build shows otherwise, when the deck (or a slide) was saved on another build:
    a headline's value, a view's values (`ui.deckviews`); a button puts the current figures into the deck."""
    build = deckstore.build_id()
    saved = sorted({b for b in (deck.build, *(getattr(s, "build", "") for s in deck.slides)) if b and b != build})
    if not saved:
        return
    heads = changed_figures(deck, deckfigures.current_figures(deck, figures, ctx.lang))
    views = deckviews.changes(deck, build, ctx.lang)
    n = len(heads) + sum(len(v) for v in views.values())
    if not n:
        st.info(ctx.t("deck_other_build_same", saved=", ".join(saved), now=build), icon=":material/info:")
        return
    st.warning(ctx.t("deck_other_build", saved=", ".join(saved), now=build, n=n), icon=":material/update:")
    lines = []
    for number, slide in enumerate(deck.slides, 1):
        for change in (c for c in heads if c.slide_id == slide.id):
            now = change.now if change.now is not None else ctx.t("deck_figure_gone")
            fig = deckfigures.figure_for(slide, figures, ctx.lang) if isinstance(slide, HeadlineSlide) else None
            year = f" ({ctx.t('year_suffix', y=fig.year)})" if fig is not None else ""
            lines.append(ctx.t("deck_change_line", n=number, title=slide.title, saved=change.saved,
                               y=getattr(slide, "year", ""), now=f"{now}{year}"))
        lines += [ctx.t("deck_view_line", n=number, title=slide.title, what=line) for line in views.get(slide.id, [])]
    st.text("\n".join(lines))  # the slides' titles are the reader's text: shown as text
    st.button(ctx.t("deck_refresh"), key="deck_refresh", icon=":material/refresh:", on_click=_refresh,
              args=(ctx.lang, figures))


def _refresh(lang: str, figures: dict) -> None:
    """Every figure the deck keeps as the current build shows it (a headline's value and year; a view's values)."""
    deck, build = deckstore.seen(), deckstore.build_id()
    slides = []
    for slide in deck.slides:
        if isinstance(slide, HeadlineSlide):
            fig = deckfigures.figure_for(slide, figures, lang)
            slides.append(edits.refreshed(slide, fig.value, fig.year, build) if fig is not None else slide)
        elif isinstance(slide, (ViewSlide, PairSlide)) and slide.figures:
            slides.append(replace(slide, figures=deckviews.current(slide), build=build))
        else:
            slides.append(slide)
    deckstore.save(replace(with_slides(deck, slides), build=build), deck.version, lang, "deck_refreshed")
