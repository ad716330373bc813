"""The note a reader gets for a URL value that was not understood: the app's own text (parameter name,
default) as a `st.warning`, then the received value as plain text (`st.text`, first `ECHO_MAX`
characters): text from the URL never enters Markdown or HTML. Also how any text (a deck's title) is
made literal in Markdown."""
from __future__ import annotations

from typing import Any

import streamlit as st

from ui.i18n import LANGS, t

_SLOT, _WARNED, _CARRIED, _CARRY = "_view_warning_slot", "_view_warned", "_view_notes_carried", "_view_notes_carry"
ECHO_MAX = 40  # characters of a bad URL value repeated back in the note
_MD_SPECIAL = set("\\`*_{}[]()<>#+-.!|~&:\"'=$")


def begin_run(warning_slot=None) -> None:
    """At a run's start (`ui.state.begin_run`): the notes go into `warning_slot` (None: where they are
    called), none noted yet."""
    st.session_state[_SLOT] = warning_slot
    st.session_state[_WARNED] = set()
    st.session_state[_CARRY] = False  # until ui.chrome says this run is cut at its figure
    for name, raw, default in st.session_state.pop(_CARRIED, []):  # noted on the run before, cut at its figure
        note_bad(name, raw, default)


def carry_to_next_run(carry: bool) -> None:
    """Whether this run's notes are shown again by the next run: `ui.chrome` says so for a run cut at the
    page's figure (the whole run that follows reads a URL cleaned of the bad values)."""
    st.session_state[_CARRY] = carry


def md_literal(text: str) -> str:
    """Any text (a deck's title typed by a reader) as Markdown that shows it literally: every
    Markdown/HTML metacharacter backslash-escaped."""
    return "".join(f"\\{c}" if c in _MD_SPECIAL else c for c in text)


def shown_value(raw: str, limit: int = ECHO_MAX) -> str:
    """A URL value as it is repeated back: first `limit` characters, control characters replaced."""
    head = "".join(c if c.isprintable() else "\ufffd" for c in raw[:limit])
    return head + (f"… (+{len(raw) - limit:,})" if len(raw) > limit else "")


def _note_lang() -> str:
    """The language of a note, found without `resolve` (a bad `?lang=` must not recurse)."""
    raw = st.query_params.get("lang")
    if raw in LANGS:
        return raw
    chosen = st.session_state.get("w_global_lang")
    return chosen if chosen in LANGS else "ko"


def note_bad(name: str, raw: str, default: Any) -> None:
    """Note (once per run and parameter) that `?name=raw` was not understood and `default` is shown:
    the app's text (name and default, escaped) as a warning, the received value as plain text."""
    warned = st.session_state.setdefault(_WARNED, set())
    if ("bad", name) in warned:
        return
    warned.add(("bad", name))
    if st.session_state.get(_CARRY):  # this run stops at the figure and the next one (whole) reads a clean URL
        st.session_state.setdefault(_CARRIED, []).append((name, raw, default))
    shown_default = ",".join(map(str, default)) if isinstance(default, (list, tuple)) else str(default)
    # `name` sits in a code span of the label (literal there: only a backtick could end it)
    message = t("bad_param" if shown_default else "bad_param_ignored", _note_lang(), name=name.replace("`", "'"),
                value="…", default=md_literal(shown_default))
    slot = st.session_state.get(_SLOT)
    target = slot if slot is not None else st
    target.warning(message, icon="⚠️")
    target.text(f"{name} = {shown_value(str(raw))}")
