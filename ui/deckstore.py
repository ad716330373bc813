"""The app's deck store (`decks.store`, one per database address: $BALANCE_DECKS_URL, else
data/decks/decks.sqlite) and the deck in progress: the deck '슬라이드에 추가' adds to unless the reader asks for
a new one. It lives in the session and in the address (`?deck=<id>`, so a reload or a shared link keeps it),
and travels with the links between pages (`ui.nav.link_params`). A `?deck=` that names no stored deck is
noted (plain text) and dropped."""
from __future__ import annotations

import os
import re

import streamlit as st

import app_data
from decks.fields import DeckError
from decks.model import DECK_ID
from decks.store import DECKS_URL_ENV, DeckNotFound, DeckStore, StaleDeck, open_store
from ui import state
from ui.i18n import t

_CURRENT = "_deck_in_progress"  # session state: the id of the deck in progress


@st.cache_resource(show_spinner=False, max_entries=4)
def _store(url: str) -> DeckStore:
    return open_store(url, pages=state.PAGES)


def store() -> DeckStore:
    """The deck store of this process's setting (opened once per address)."""
    return _store(os.environ.get(DECKS_URL_ENV, ""))


def build_id() -> str:
    """The build this run reads, as a deck records it ('' when none is published)."""
    version = app_data.data_version()
    return str(version) if version else ""


def exists(deck_id: object) -> bool:
    """Whether a deck of this id is stored (and opens)."""
    if not isinstance(deck_id, str) or not re.fullmatch(DECK_ID, deck_id):
        return False
    if deck_id == st.session_state.get(_CURRENT):
        return True
    try:
        store().get(deck_id)
    except (DeckNotFound, DeckError):
        return False
    return True


def in_progress() -> str | None:
    """The deck in progress as this session knows it (no check, no address: for links)."""
    value = st.session_state.get(_CURRENT)
    return value if isinstance(value, str) else None


def current() -> str | None:
    """The deck in progress, read once a run (app pages): `?deck=` when it names a stored deck (else noted
    and dropped), otherwise the session's, which is put back in the address."""
    chosen = state.peek("deck", exists, "") or None
    if chosen is None:
        chosen = in_progress()
        if chosen is not None and not exists(chosen):  # deleted meanwhile
            chosen = None
    set_current(chosen)
    return chosen


def remember(deck_id: str) -> None:
    """The deck page's deck becomes the deck in progress (the session's; the deck page's own address names it
    as `?id=`): '슬라이드에 추가' on the pages opened from there adds to it."""
    st.session_state[_CURRENT] = deck_id


def set_current(deck_id: str | None) -> None:
    """Make `deck_id` the deck in progress (None: none), in the session and the address."""
    if deck_id is None:
        st.session_state.pop(_CURRENT, None)
    else:
        st.session_state[_CURRENT] = deck_id
    state.write_param("deck", deck_id)


# ---------------------------------------------------------------- saving from the deck page

_FLASH = "_deck_flash"  # session state: what the last edit's save said, shown once on the next run
_SEEN = "_deck_seen"  # session state: the deck as the page last showed it (what an edit applies to)


def seen(deck=None):
    """The deck the page shows this run (set by the page); what the edit callbacks apply to."""
    if deck is not None:
        st.session_state[_SEEN] = deck
    return st.session_state.get(_SEEN)


def save(deck, expected_version: int, lang: str, done: str | None = None):
    """Save `deck` over version `expected_version`; the stored deck, or None when the save was refused — a
    stale save (someone saved first: the message names their version, the page then shows the stored deck)
    or a deck the format refuses (the message names the slide and field). `done`: a label said on success."""
    try:
        stored = store().save(deck, expected_version)
    except StaleDeck as err:
        flash("error", t("deck_stale", lang, version=err.stored.version,
                         time=f"{err.stored.updated:%Y-%m-%d %H:%M:%S}"))
        return None
    except (DeckError, DeckNotFound) as err:
        flash("error", t("deck_error", lang), str(err))
        return None
    if done:
        flash("success", t(done, lang))
    return stored


def flash(kind: str, message: str, detail: str = "") -> None:
    """Say `message` (the app's text) and `detail` (plain text: an error naming a slide) on the next run."""
    st.session_state[_FLASH] = (kind, message, detail)


def show_flash() -> None:
    """The last save's message, once."""
    said = st.session_state.pop(_FLASH, None)
    if not said:
        return
    kind, message, detail = said
    (st.success if kind == "success" else st.error)(message, icon=":material/check:" if kind == "success"
                                                    else ":material/sync_problem:")
    if detail:
        st.text(detail)
