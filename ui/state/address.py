"""The address as one script run sees it: whether it changed from outside since the app last wrote it
(a link opened, a page switched: then its values win over the widgets'), the app's own writes, and the
layout the widgets are drawn in (a switch redraws them, so their values are sent again)."""
from __future__ import annotations

import streamlit as st

from ui.state import notes

_WRITTEN, _EXTERNAL, _URL_IN = "_view_qp_written", "_view_url_external", "_view_url_in"
_LAYOUT, _RESEED, _LEFT_PRESENTER = "_view_layout", "_view_reseed", "_view_left_presenter"
_RESEED_WHOLE = "_view_reseed_whole"  # a run cut at its figure re-sent the values: the whole run sends them again

# Written by the browser's map itself (ui/assets/mapview.js, no server run): their change alone is not a
# newly opened link, or a widget changed after a year step would be reset to the URL's state.
BROWSER_KEYS = frozenset({"year", "zoom"})


def _server_part(params: dict | None) -> dict | None:
    return None if params is None else {k: v for k, v in params.items() if k not in BROWSER_KEYS}


def begin_run(warning_slot=None) -> None:
    """Call once at the top of every run (app.py): notes whether the URL changed from outside (the map's
    own keys aside: `BROWSER_KEYS`); notes of bad values go into `warning_slot`."""
    ss = st.session_state
    ss[_URL_IN] = st.query_params.to_dict()
    ss[_EXTERNAL] = _server_part(ss[_URL_IN]) != _server_part(ss.get(_WRITTEN))
    notes.begin_run(warning_slot)


def set_layout(presenting: bool, phone: bool = False, *, cut: bool = False) -> None:
    """Call once a run, when the layout is known (app.py). Presenter mode moves every page's widgets into a
    popover and back, a phone into a folded expander (`ui.page.controls`): the browser then draws them as
    new widgets that show their first option unless the server sends the value again, so on the run
    after a switch `bind` re-sends every value. `cut`: the run stops at the page's figure
    (`ui.chrome.figure_first`); the whole run that follows sends the values again too (on a loaded machine
    the browser may not have drawn the cut run's widgets before the whole run replaced them, and a widget
    drawn without its value shows its first option). Presenting also stops values carrying from page to
    page (a prepared walk-through is its links, not the path taken): only the URL and the widget's own state."""
    ss = st.session_state
    layout = "presenter" if presenting else "phone" if phone else "normal"
    before = ss.get(_LAYOUT, layout)
    ss[_RESEED] = before != layout or bool(ss.pop(_RESEED_WHOLE, False))
    if cut and ss[_RESEED]:
        ss[_RESEED_WHOLE] = True
    ss[_LEFT_PRESENTER] = before == "presenter" and layout != "presenter"
    ss[_LAYOUT] = layout


def left_presenter() -> bool:
    """True on the first run after presenter mode was switched off."""
    return bool(st.session_state.get(_LEFT_PRESENTER))


def presenting() -> bool:
    """The run is laid out for presenting (`set_layout`)."""
    return st.session_state.get(_LAYOUT) == "presenter"


def reseeding() -> bool:
    """The layout switched this run: every widget is drawn anew and its value must be sent again."""
    return bool(st.session_state.get(_RESEED))


def url_is_external() -> bool:
    """The address changed since the app last wrote it (a link opened, a page switched): its values win."""
    return bool(st.session_state.get(_EXTERNAL, True))


def write_param(name: str, value: str | None) -> None:
    """Set (None: remove) `?name=` as the app's own write (not read back as a newly opened link)."""
    if value is None:
        if name in st.query_params:
            del st.query_params[name]
    elif st.query_params.get(name) != value:
        st.query_params[name] = value
    st.session_state[_WRITTEN] = st.query_params.to_dict()


def url_params() -> dict[str, str]:
    """The address's parameters as this run has them (what a deck's slide keeps of a view: `ui.addslide`;
    an id looked up in the deck store). Nothing read here is shown or trusted: callers check every value."""
    return st.query_params.to_dict()


def as_received() -> dict[str, str]:
    """The address as this run received it (before bad values were dropped), with the app's writes
    forgotten: the next run reads it as a newly opened link."""
    ss = st.session_state
    ss.pop(_WRITTEN, None)
    return dict(ss.get(_URL_IN) or st.query_params.to_dict())
