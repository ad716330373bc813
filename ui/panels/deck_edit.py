"""발표 자료 with `?id=`: the deck's title and buttons (present, print, export, the list of decks), and its slides
in order (kind, title, page; up, down, edit, delete). Beside it: one slide's edit form (`deck_slide_form`, handed
in by the page), the figures changed since the deck was saved (`deck_changes`), a deck file imported over it
(`deck_import`).

Every edit is applied to the deck as this page showed it (`ui.deckstore.seen`) and saved with that version
(`ui.deckstore.save`): when another save came first, the reader is told and the page shows the stored deck.
A title or callout the reader typed is stored as text and shown as text (`state.md_literal`, `st.text`).
"""
from __future__ import annotations

from collections.abc import Callable

import streamlit as st

import app_data
from decks import edits
from decks.fields import DeckError
from decks.model import TITLE_MAX, CoverSlide, Deck, HeadlineSlide, PairSlide, ViewSlide
from decks.store import DeckNotFound
from ui import deckstore, deckurls, pickers, state
from ui.context import Ctx
from ui.i18n import t


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


# ---------------------------------------------------------------- the slides

def slides(ctx: Ctx, deck: Deck, edit_form: Callable[[Ctx, Deck, object], None]) -> None:
    """The slides in order, each with its buttons; `edit_form(ctx, deck, slide)` draws a slide's edit form (in its
    popover, once opened: `deck_slide_form.form`, passed in by the page)."""
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
                    edit_form(ctx, deck, slide)
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
