"""Which figures of a deck the current build shows otherwise, when the deck (or a slide) was saved on another
build; a button puts the current headline figures into the deck."""
from __future__ import annotations

from dataclasses import replace

import streamlit as st

from decks import edits
from decks.model import Deck, HeadlineSlide, changed_figures, with_slides
from ui import deckfigures, deckstore
from ui.context import Ctx


def show(ctx: Ctx, deck: Deck, figures: dict) -> None:
    """Which headline figures the current build shows otherwise, when the deck (or a slide) was saved on
    another build; a button puts the current figures into the deck."""
    build = deckstore.build_id()
    saved = sorted({b for b in (deck.build, *(getattr(s, "build", "") for s in deck.slides)) if b and b != build})
    if not saved:
        return
    current = deckfigures.current_figures(deck, figures, ctx.lang)
    found = changed_figures(deck, current)
    if not found:
        st.info(ctx.t("deck_other_build_same", saved=", ".join(saved), now=build), icon=":material/info:")
        return
    st.warning(ctx.t("deck_other_build", saved=", ".join(saved), now=build, n=len(found)), icon=":material/update:")
    lines = []
    for change in found:
        slide = deck.slides[change.slide - 1]
        now = change.now if change.now is not None else ctx.t("deck_figure_gone")
        fig = deckfigures.figure_for(slide, figures, ctx.lang) if isinstance(slide, HeadlineSlide) else None
        year = f" ({ctx.t('year_suffix', y=fig.year)})" if fig is not None else ""
        lines.append(ctx.t("deck_change_line", n=change.slide, title=slide.title, saved=change.saved,
                           y=getattr(slide, "year", ""), now=f"{now}{year}"))
    st.text("\n".join(lines))
    st.button(ctx.t("deck_refresh"), key="deck_refresh", icon=":material/refresh:", on_click=_refresh,
              args=(ctx.lang, figures))


def _refresh(lang: str, figures: dict) -> None:
    deck, build = deckstore.seen(), deckstore.build_id()
    slides = []
    for slide in deck.slides:
        fig = deckfigures.figure_for(slide, figures, lang) if isinstance(slide, HeadlineSlide) else None
        slides.append(edits.refreshed(slide, fig.value, fig.year, build) if fig is not None else slide)
    deckstore.save(replace(with_slides(deck, slides), build=build), deck.version, lang, "deck_refreshed")
