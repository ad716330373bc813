"""A deck file imported over the deck the page shows: checked whole first (a bad file gets the message naming
the slide and field, and the stored deck is unchanged), saved over the version shown."""
from __future__ import annotations

import streamlit as st

from decks.fields import DeckError
from decks.model import Deck
from decks.store import StaleDeck
from ui import deckstore
from ui.context import Ctx
from ui.i18n import t


def show(ctx: Ctx, deck: Deck) -> None:
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
