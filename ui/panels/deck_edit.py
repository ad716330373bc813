"""발표 자료 with `?id=`: the deck's title, its slides in order (kind, title, page; up, down, edit, delete), the
buttons that present it, print it and export it, a deck file to import over it, and which headline figures
changed since it was saved on another build.

Every edit is applied to the deck as this page showed it (`ui.deckstore.seen`) and saved with that version
(`ui.deckstore.save`): when another save came first, the reader is told and the page shows the stored deck.
A title or callout the reader typed is stored as text and shown as text (`state.md_literal`, `st.text`).
"""
from __future__ import annotations

from dataclasses import replace

import streamlit as st

import app_data
from decks import edits
from decks.fields import DeckError
from decks.model import (
    LABEL_MAX,
    SPEAKER_MAX,
    TEXT_MAX,
    TITLE_MAX,
    CoverSlide,
    Deck,
    HeadlineSlide,
    PairSlide,
    ViewSlide,
    changed_figures,
    with_slides,
)
from decks.store import DeckNotFound, StaleDeck
from ui import addslide, deckfigures, deckstore, deckurls, pickers, state
from ui.context import Ctx
from ui.i18n import t

CALLOUTS = addslide.CALLOUTS


def requested(ctx: Ctx) -> Deck | None:
    """The deck `?id=` names (None without one; a deck that cannot be opened says why, as plain text)."""
    raw = state.url_params().get("id")
    if raw is None:
        return None
    try:
        deck = deckstore.store().get(str(raw))
    except (DeckNotFound, DeckError) as err:
        st.error(ctx.t("deck_not_found"), icon=":material/error:")
        st.text(f"id = {state.shown_value(str(raw))}: {err}"[:300])
        return None
    return deck


def header(ctx: Ctx, deck: Deck) -> None:
    """Title (editable), and the buttons: present, PDF, JSON, the list of decks."""
    deckstore.seen(deck)
    deckstore.remember(deck.id)
    deckstore.show_flash()
    st.text_input(ctx.t("deck_title"), value=deck.title, max_chars=TITLE_MAX, key=f"deck_title_{deck.version}",
                  on_change=_retitle, args=(ctx.lang, f"deck_title_{deck.version}"))
    st.caption(ctx.t("deck_meta", n=len(deck.slides), version=deck.version, time=f"{deck.updated:%Y-%m-%d %H:%M}"))
    row = st.container(horizontal=True, vertical_alignment="center")
    row.button(ctx.t("deck_present"), key="deck_present_start", icon=":material/co_present:", type="primary",
               on_click=_present, disabled=not deck.slides, help=ctx.t("deck_present_help"))
    row.link_button(ctx.t("deck_pdf"), deckurls.deck_href(deck.id, print="1", **_lang(ctx)),
                    icon=":material/picture_as_pdf:", disabled=not deck.slides, help=ctx.t("deck_pdf_help"))
    row.download_button(ctx.t("deck_export"), deckstore.store().export_json(deck.id), file_name=f"deck-{deck.id}.json",
                        mime="application/json", key="deck_export", icon=":material/download:", on_click="ignore")
    row.page_link(state.ROUTE_FILES[deckurls.DECK_PAGE], label=ctx.t("deck_all"), icon=":material/list:",
                  query_params=_lang(ctx))


def _lang(ctx: Ctx) -> dict[str, str]:
    return {"lang": ctx.lang} if ctx.lang != "ko" else {}


def _retitle(lang: str, key: str) -> None:
    deck = deckstore.seen()
    title = str(st.session_state.get(key) or "").strip()
    if deck is not None and title and title != deck.title:
        deckstore.save(edits.retitle(deck, title), deck.version, lang, "deck_saved")


def _present() -> None:
    state.write_param("present", "1")


# ---------------------------------------------------------------- figures changed since the deck was saved

def changes(ctx: Ctx, deck: Deck, figures: dict) -> None:
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


# ---------------------------------------------------------------- the slides

def slides(ctx: Ctx, deck: Deck) -> None:
    st.subheader(ctx.t("deck_slides", n=len(deck.slides)))
    if not deck.slides:
        st.info(ctx.t("deck_no_slides"), icon=":material/info:")
    last = len(deck.slides) - 1
    for i, slide in enumerate(deck.slides):
        with st.container(border=True, key=f"slide_{slide.id}"):
            text, buttons = st.columns([3, 2] if not ctx.phone else [1, 1], vertical_alignment="center")
            text.markdown(f"**{i + 1}.** {ctx.t('kind_' + slide.kind)} — {state.md_literal(slide.title)}")
            details = describe(ctx, slide)
            if details:
                text.caption(state.md_literal(details))
            row = buttons.container(horizontal=True, horizontal_alignment="right")
            row.button("", key=f"up_{slide.id}", icon=":material/arrow_upward:", disabled=i == 0,
                       help=ctx.t("slide_up"), on_click=_apply, args=(ctx.lang, "up", slide.id))
            row.button("", key=f"down_{slide.id}", icon=":material/arrow_downward:", disabled=i == last,
                       help=ctx.t("slide_down"), on_click=_apply, args=(ctx.lang, "down", slide.id))
            box = row.popover(ctx.t("slide_edit"), icon=":material/edit:", key=f"edit_{slide.id}", on_change="rerun")
            with box:
                if box.open:  # drawn once opened (a view's form lists every region)
                    _edit_form(ctx, deck, slide)
            row.button("", key=f"delete_{slide.id}", icon=":material/delete:", help=ctx.t("slide_delete"),
                       on_click=_apply, args=(ctx.lang, "delete", slide.id))


def describe(ctx: Ctx, slide) -> str:
    """One line about a slide: its page and callout, cover's subtitle, headline's value."""
    if isinstance(slide, CoverSlide):
        return " · ".join(p for p in (slide.subtitle, slide.date.isoformat() if slide.date else "", slide.speaker)
                          if p)
    if isinstance(slide, HeadlineSlide):
        return f"{slide.value} ({ctx.t('year_suffix', y=slide.year)}) · {app_data.name(slide.indicator, ctx.lang)}"
    if isinstance(slide, ViewSlide):
        return " · ".join(p for p in (ctx.t(f"page_{slide.page}"), _callout(ctx, slide.callout)) if p)
    if isinstance(slide, PairSlide):
        return f"{ctx.t(f'page_{slide.left.page}')} | {ctx.t(f'page_{slide.right.page}')}"
    return ""


def _callout(ctx: Ctx, callout) -> str:
    if callout is None:
        return ""
    name = pickers.region_label(callout.region, ctx.lang) if callout.region else ""
    return ctx.t("callout") + ": " + " · ".join(p for p in (name, callout.label or "") if p)


def _apply(lang: str, action: str, slide_id: str) -> None:
    deck = deckstore.seen()
    try:
        edited = {"up": lambda: edits.move(deck, slide_id, -1), "down": lambda: edits.move(deck, slide_id, 1),
                  "delete": lambda: edits.delete(deck, slide_id)}[action]()
    except DeckError as err:
        deckstore.flash("error", t("deck_error", lang), str(err))
        return
    deckstore.save(edited, deck.version, lang)


def _edit_form(ctx: Ctx, deck: Deck, slide) -> None:
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


def _save_edit(lang: str, k: str, slide_id: str) -> None:
    deck = deckstore.seen()
    ss = st.session_state
    values = {name: ss.get(f"{k}_{name}") for name in ("title", "subtitle", "date", "speaker", "callout", "region",
                                                        "label", "left", "right")}
    try:
        slide = deck.slides[edits.position(deck, slide_id)]
        edited = edits.replace_slide(deck, edited_slide(slide, values))
    except (DeckError, DeckNotFound) as err:
        deckstore.flash("error", t("deck_error", lang), str(err))
        return
    deckstore.save(edited, deck.version, lang, "deck_saved")


# ---------------------------------------------------------------- a deck file over this deck

def import_box(ctx: Ctx, deck: Deck) -> None:
    with st.expander(ctx.t("deck_import_over"), icon=":material/upload_file:"):
        st.caption(ctx.t("deck_import_over_note"))
        n = st.session_state.get("_deck_import_n", 0)
        key = f"deck_import_over_{n}"
        st.file_uploader(ctx.t("deck_import_file"), type=["json"], key=key, on_change=_import_over,
                         args=(ctx.lang, key))


def _import_over(lang: str, key: str) -> None:
    upload = st.session_state.get(key)
    st.session_state["_deck_import_n"] = st.session_state.get("_deck_import_n", 0) + 1  # an empty box next
    deck = deckstore.seen()
    if upload is None or deck is None:
        return
    try:
        deckstore.store().import_json(upload.getvalue(), into=deck.id, expected_version=deck.version)
    except StaleDeck as err:
        deckstore.flash("error", t("deck_stale", lang, version=err.stored.version,
                                   time=f"{err.stored.updated:%Y-%m-%d %H:%M:%S}"))
        return
    except DeckError as err:
        deckstore.flash("error", t("deck_import_bad", lang), str(err))
        return
    deckstore.flash("success", t("deck_imported", lang))
