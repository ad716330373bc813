"""One slide's edit form on the deck page: its texts (a cover's subtitle, date and speaker; a pair's captions) and a
view's callout, prefilled and saved together (`edited_slide`, then `ui.deckstore.save` over the version shown)."""
from __future__ import annotations

from dataclasses import replace

import streamlit as st

import app_data
from decks import edits
from decks.fields import DeckError
from decks.model import LABEL_MAX, SPEAKER_MAX, TEXT_MAX, TITLE_MAX, CoverSlide, Deck, PairSlide, ViewSlide
from decks.store import DeckNotFound
from ui import addslide, deckstore, deckviews
from ui.context import Ctx
from ui.i18n import t

CALLOUTS = addslide.CALLOUTS


def form(ctx: Ctx, deck: Deck, slide) -> None:
    """The slide's texts (and a view's callout), prefilled; saved together."""
    k = f"e_{slide.id}_{deck.version}"  # a new version, new boxes: never another version's text
    with st.form(k, border=False, enter_to_submit=False):
        st.text_input(ctx.t("slide_title"), value=slide.title, max_chars=TITLE_MAX, key=f"{k}_title")
        if isinstance(slide, CoverSlide):
            st.text_input(ctx.t("cover_subtitle"), value=slide.subtitle, max_chars=TEXT_MAX, key=f"{k}_subtitle")
            st.date_input(ctx.t("cover_date"), value=slide.date, key=f"{k}_date")
            st.text_input(ctx.t("cover_speaker"), value=slide.speaker, max_chars=SPEAKER_MAX, key=f"{k}_speaker")
        elif isinstance(slide, ViewSlide):
            c = slide.callout
            kind = "region" if c and c.region else "label" if c and c.label else "none"
            st.segmented_control(ctx.t("callout"), CALLOUTS, default=kind, key=f"{k}_callout", required=True,
                                 format_func=lambda o: ctx.t(f"callout_{o}"))
            codes = addslide.callout_codes(dict(slide.query), app_data.boundary_set())
            if c and c.region and c.region not in codes:
                codes.insert(0, c.region)
            st.selectbox(ctx.t("callout_region_pick"), codes, index=codes.index(c.region) if c and c.region else 0,
                         key=f"{k}_region", format_func=lambda code: addslide.region_name(code, ctx.lang),
                         filter_mode="fuzzy")
            st.text_input(ctx.t("callout_label"), value=(c.label or "") if c else "", max_chars=LABEL_MAX,
                          key=f"{k}_label", placeholder=ctx.t("callout_label_placeholder"))
        elif isinstance(slide, PairSlide):
            st.text_input(ctx.t("pair_left"), value=slide.left_caption, max_chars=TITLE_MAX, key=f"{k}_left")
            st.text_input(ctx.t("pair_right"), value=slide.right_caption, max_chars=TITLE_MAX, key=f"{k}_right")
        st.form_submit_button(ctx.t("slide_save"), type="primary", on_click=_save_edit, args=(ctx.lang, k, slide.id))


def edited_slide(slide, values: dict):
    """The slide with the form's `values` (title, and per kind: subtitle/date/speaker, callout, captions)."""
    title = str(values.get("title") or "").strip() or slide.title
    if isinstance(slide, CoverSlide):
        return replace(slide, title=title, subtitle=str(values.get("subtitle") or "").strip(),
                       date=values.get("date"), speaker=str(values.get("speaker") or "").strip())
    if isinstance(slide, ViewSlide):
        kind = values.get("callout") or "none"
        return replace(slide, title=title, callout=edits.callout(values.get("region") if kind == "region" else None,
                                                                  values.get("label") if kind == "label" else None))
    if isinstance(slide, PairSlide):
        return replace(slide, title=title, left_caption=str(values.get("left") or "").strip(),
                       right_caption=str(values.get("right") or "").strip())
    return replace(slide, title=title)


def _region(slide: ViewSlide) -> str | None:
    return slide.callout.region if slide.callout else None


def _save_edit(lang: str, k: str, slide_id: str) -> None:
    deck = deckstore.seen()
    ss = st.session_state
    values = {name: ss.get(f"{k}_{name}") for name in ("title", "subtitle", "date", "speaker", "callout", "region",
                                                        "label", "left", "right")}
    try:
        slide = deck.slides[edits.position(deck, slide_id)]
        changed = edited_slide(slide, values)
        if isinstance(slide, ViewSlide) and _region(changed) != _region(slide):
            # another outlined region: its figures, as this build shows them, are the ones a later build is
            # compared with (those captured for the old region say nothing about the new one)
            changed = replace(changed, figures=deckviews.capture(slide.page, slide.query, _region(changed)),
                              build=deckstore.build_id())
        edited = edits.replace_slide(deck, changed)
    except (DeckError, DeckNotFound) as err:
        deckstore.flash("error", t("deck_error", lang), str(err))
        return
    deckstore.save(edited, deck.version, lang, "deck_saved")
