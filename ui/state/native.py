"""Widgets bound to the URL by Streamlit itself (`bind="query-params"`, key = the parameter name), where
the URL text is the value itself in every language: the policy-events and common-regions toggles
(`events`, `common`: true/false) and the composite's weight sliders (`w_<domain>`: 0–100). Streamlit
seeds the widget from the URL, writes changes back from the browser, drops the default and silently
drops an invalid value; `native_key` adds what it does not do: the plain-text note that a link's value
was not understood (read from the incoming `st.query_params` before the widget renders)."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from ui.state.address import reseeding, url_is_external
from ui.state.notes import note_bad

BOOL_TEXT = {"true": True, "false": False}  # what a natively bound toggle accepts (any case)


def native_key(name: str, default: Any, accepts: Callable[[str], bool] | None = None) -> str:
    """The key of a widget bound natively to `?name=` (`bind="query-params"`): `name` itself.
    Streamlit drops a value it cannot use silently; this notes it first (plain text). `accepts`:
    what the widget takes from the URL (default: a toggle's true/false, any case)."""
    raw = st.query_params.get(name)
    ok = accepts or (lambda text: text.lower() in BOOL_TEXT)
    if raw is not None and url_is_external() and not ok(str(raw)):
        note_bad(name, raw, str(default).lower() if isinstance(default, bool) else default)
    ss = st.session_state
    if reseeding() and name in ss:
        ss[name] = ss[name]  # re-sent to the widget redrawn after a layout switch (`address.set_layout`)
    return name


def number_in(lo: float, hi: float) -> Callable[[str], bool]:
    """What a natively bound number slider over [lo, hi] takes from the URL: a number in range
    (Streamlit reads '55.5' as 55 and '1e2' as 100; anything else it drops)."""
    def accepts(text: str) -> bool:
        try:
            return lo <= float(text) <= hi
        except ValueError:
            return False
    return accepts
