"""View state in the URL: what Streamlit 1.67's native binding does not do for us; read as `state.<name>`.

Two ways a widget's value reaches the URL: natively (`bind="query-params"`) where the URL text is the
value in every language, with the note for a bad value added (`native`), or mirrored by hand, writing
ids (`mirror`: why, and where a value comes from). One module per job besides: `address` (did the
address change from outside, the app's writes, the layout), `notes` (a bad value's note, text from the
URL as plain text) and `routes` (the pages, `?page=`, embedded and slide views).
"""
from ui.state import address, mirror
from ui.state.address import BROWSER_KEYS, left_presenter, set_layout, url_params, write_param
from ui.state.mirror import bind, choose, hold_next_run, mirrored, parse_bool, peek, resolve, shown
from ui.state.native import native_key, number_in
from ui.state.notes import carry_to_next_run as carry_notes
from ui.state.notes import md_literal, shown_value
from ui.state.routes import (
    DECK_PAGE,
    DEFAULT_PAGE,
    PAGE_FILES,
    PAGES,
    ROUTE_FILES,
    ROUTES,
    embedded,
    requested_page,
    set_page,
    slide_mode,
    switch_params,
)

__all__ = [
    "BROWSER_KEYS", "begin_run", "shown", "left_presenter", "set_layout", "url_params", "write_param", "bind",
    "mirrored", "hold_next_run", "choose",
    "parse_bool", "peek", "resolve", "native_key", "number_in", "carry_notes", "md_literal", "shown_value", "DECK_PAGE",
    "DEFAULT_PAGE", "PAGE_FILES", "PAGES", "ROUTE_FILES", "ROUTES", "embedded", "requested_page", "set_page",
    "slide_mode", "switch_params",
]


def begin_run(warning_slot=None) -> None:
    """Call once at the top of every run (app.py): the address's news and the notes' slot
    (`address.begin_run`), and the settings the run before showed kept for `shown`."""
    address.begin_run(warning_slot)
    mirror.start_shown()
