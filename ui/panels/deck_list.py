"""발표 자료 without `?id=`: every deck (title, slides, last saved), '새 발표 자료', and a deck file to import as a
new deck (checked whole first: a bad file gets the message naming the slide and field, nothing is stored)."""
from __future__ import annotations

import datetime as dt

import streamlit as st

from decks.fields import DeckError
from decks.model import new_deck
from ui import deckstore, deckurls, state
from ui.context import Ctx
from ui.i18n import t


def show(ctx: Ctx) -> None:
    deckstore.show_flash()
    st.caption(ctx.t("deck_list_intro"))
    st.button(ctx.t("deck_new"), key="deck_new", icon=":material/add:", type="primary", on_click=_new,
              args=(ctx.lang,))
    decks = deckstore.store().list()
    if not decks:
        st.info(ctx.t("deck_none"), icon=":material/slideshow:")
    for d in decks:
        with st.container(border=True, key=f"deck_row_{d.id}"):
            left, right = st.columns([3, 2], vertical_alignment="center")
            left.page_link(state.ROUTE_FILES[deckurls.DECK_PAGE], label=state.md_literal(d.title),
                           icon=":material/slideshow:", query_params=_params(ctx, d.id))
            right.caption(ctx.t("deck_row", n=d.slides, time=f"{d.updated:%Y-%m-%d %H:%M}"))
    with st.expander(ctx.t("deck_import_new"), icon=":material/upload_file:"):
        n = st.session_state.get("_deck_import_n", 0)
        st.file_uploader(ctx.t("deck_import_file"), type=["json"], key=f"deck_import_new_{n}",
                         on_change=_import_new, args=(ctx.lang, f"deck_import_new_{n}"))


def _params(ctx: Ctx, deck_id: str) -> dict[str, str]:
    return {"id": deck_id, **({"lang": ctx.lang} if ctx.lang != "ko" else {})}


def _new(lang: str) -> None:
    store = deckstore.store()
    deck_id = store.create(new_deck(t("new_deck_default", lang, date=dt.date.today().isoformat()),
                                    deckstore.build_id()))
    state.write_param("id", deck_id)
    deckstore.set_current(deck_id)


def _import_new(lang: str, key: str) -> None:
    upload = st.session_state.get(key)
    st.session_state["_deck_import_n"] = st.session_state.get("_deck_import_n", 0) + 1  # an empty box next
    if upload is None:
        return
    try:
        deck_id = deckstore.store().import_json(upload.getvalue())
    except DeckError as err:
        deckstore.flash("error", t("deck_import_bad", lang), str(err))
        return
    state.write_param("id", deck_id)
    deckstore.flash("success", t("deck_imported", lang))
