"""Presenting and printing a deck: one `st.components.v2` component (`ui/assets/deck.js`, `deck.css`; no
build step, no CDN) drawn in the deck page.

- **present** (`/deck?id=…&present=1`): the whole viewport, one slide at a time — →/←, PageDown/PageUp, space,
  Home/End, `B` (or `.`) a black screen, Esc back to the deck page; the slide shown is kept in `?slide_no=`.
- **print** (`/deck?id=…&print=1`): every slide after the other, one A4 landscape page each, then the
  browser's print dialog (`window.print()`, once every frame is drawn).

Cover and headline slides are HTML drawn from text (sized to the slide: 1280×720, 1920×1080, a printed page).
A view slide is an `<iframe>` of its page in slide mode (`ui.deckurls.frame_url`: `embed=true&presenter=1&
slide=1`, the main figure alone, `ui.slidemode`); a pair slide two of them. Presenting, the frames of the
slides before and after the one shown are loaded too, stacked under it, so a step only swaps which one is
visible (no blank frame, no spinner); a slide not yet drawn is shown once it is (or after a few seconds). A map
slide followed by the same map in another year (`ui.deckurls.morph_key`) is stepped in place: the shown frame's
map is told the next slide's year and its colours move there (`ui/assets/mapview.js`), nothing is repainted.
Every text goes to the browser as data and is set as text there, never as markup.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import streamlit as st

from decks.model import CoverSlide, Deck, HeadlineSlide, PairSlide, Pane, ViewSlide
from geo import regions
from ui import deckurls
from ui.context import Ctx
from ui.deckfigures import Figure
from ui.mapview import component_js

ASSETS = Path(__file__).resolve().parent / "assets"
READY_WAIT_MS = 8000  # presenting: a slide whose frame has not drawn by then is shown anyway
PRINT_WAIT_MS = 90000  # printing: the dialog opens by then even if a frame never drew

_mount = st.components.v2.component("balance_deck", js=component_js("deck.js"),
                                    css=(ASSETS / "deck.css").read_text(encoding="utf-8"))


def date_text(day: dt.date | None, lang: str) -> str:
    if day is None:
        return ""
    return f"{day.year}년 {day.month}월 {day.day}일" if lang == "ko" else f"{day.day} {day:%B} {day.year}"


def callout_text(pane: Pane, lang: str) -> str:
    """A callout as the slide shows it: the region's name, the value label, or both."""
    c = pane.callout
    if c is None:
        return ""
    name = regions.name(c.region, lang) if c.region and c.region in regions.known_codes() else (c.region or "")
    return " · ".join(p for p in (name, c.label or "") if p)


def _frame(pane: Pane, caption: str, lang: str) -> dict:
    query = dict(pane.query)
    if lang != "ko" and "lang" not in query:
        query["lang"] = lang
    region = pane.callout.region if pane.callout else None
    # `morph`: the key a frame of the same map in another year shares (None: not one map), so the deck steps it
    # in place, its colours moving (`ui.deckurls.morph_key`)
    return {"url": deckurls.frame_url(pane.page, query, region), "callout": callout_text(pane, lang),
            "caption": caption, "morph": deckurls.morph_key(pane.page, query, region)}


def slide_data(slide, figure: Figure | None, ctx: Ctx, changed: list[str] | None = None) -> dict:
    """What the browser draws for one slide (texts only); `changed`: a view's figures that the current build shows
    otherwise than when the slide was saved (`ui.deckviews.changes`), said under its title."""
    if isinstance(slide, CoverSlide):
        return {"kind": "cover", "id": slide.id, "title": slide.title, "subtitle": slide.subtitle,
                "date": date_text(slide.date, ctx.lang), "speaker": slide.speaker}
    if isinstance(slide, HeadlineSlide):
        if figure is None:
            return {"kind": "headline", "id": slide.id, "title": slide.title, "value": slide.value,
                    "meta": ctx.t("year_suffix", y=slide.year), "source": "", "note": ctx.t("deck_figure_gone")}
        changed = figure.value != slide.value or figure.year != slide.year
        return {"kind": "headline", "id": slide.id, "title": slide.title or figure.title, "value": figure.value,
                "meta": " · ".join(p for p in (ctx.t("year_suffix", y=figure.year), figure.basis) if p),
                "source": figure.source,
                "note": ctx.t("deck_saved_value", value=slide.value, y=slide.year) if changed else ""}
    if isinstance(slide, ViewSlide):
        return {"kind": "view", "id": slide.id, "title": slide.title, "frames": [_frame(slide.pane, "", ctx.lang)],
                **_note(changed, ctx)}
    if isinstance(slide, PairSlide):
        return {"kind": "pair", "id": slide.id, "title": slide.title,
                "frames": [_frame(slide.left, slide.left_caption, ctx.lang),
                           _frame(slide.right, slide.right_caption, ctx.lang)], **_note(changed, ctx)}
    raise TypeError(f"not a slide: {type(slide).__name__}")


def _note(changed: list[str] | None, ctx: Ctx) -> dict:
    return {"note": ctx.t("deck_slide_changed", what="; ".join(changed))} if changed else {}


def spec(ctx: Ctx, deck: Deck, figures: dict[str, Figure | None], *, mode: str, start: int = 1,
         changed: dict[str, list[str]] | None = None) -> dict:
    """The component's data: the deck's slides in order, the slide to open at (1-based), the labels; `changed`:
    slide id → its figures the current build shows otherwise."""
    changed = changed or {}
    return {"mode": mode, "deck": deck.id, "version": deck.version, "start": start, "title": deck.title,
            "lang": ctx.lang, "slides": [slide_data(s, figures.get(s.id), ctx, changed.get(s.id)) for s in deck.slides],
            "ready_wait_ms": READY_WAIT_MS, "print_wait_ms": PRINT_WAIT_MS,
            "labels": {"counter": ctx.t("deck_counter"), "keys": ctx.t("deck_keys_hint"),
                       "preparing": ctx.t("deck_print_preparing"), "ready": ctx.t("deck_print_ready"),
                       "print": ctx.t("deck_print_again"), "empty": ctx.t("deck_empty")}}


def show(ctx: Ctx, data: dict, on_exit) -> None:
    """Draw the deck (`spec`); `on_exit` runs when the presenter presses Esc."""
    with st.container(key=f"deck_{data['mode']}"):
        _mount(data=data, key=f"deck_{data['mode']}_view", height="content", on_exit_change=on_exit)
