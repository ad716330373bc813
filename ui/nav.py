"""The values every page shares (language, presenter mode, embedding) and links between pages.

`?lang=` and `?presenter=` are mirrored by `ui.state` (a labelled choice, and a toggle whose shared
links say `presenter=1`); a link to another page carries them when they are not the default.
"""
from __future__ import annotations

import urllib.parse

import streamlit as st

from geo import regions
from ui import deckstore, state
from ui.i18n import LANGS, t


def lang() -> str:
    """Current language ('ko' default, 'en')."""
    return state.peek("lang", LANGS.__contains__, "ko")


SETS = ("2026-07", "2024")  # the boundary sets a reader can choose, the current one first (geo.regions.SETS)
DEFAULT_SET = regions.CURRENT_SET


def boundary_set() -> str:
    """The boundary set the reader draws in: ?set= (the current one, 2026-07, by default)."""
    return state.peek("set", SETS.__contains__, DEFAULT_SET)


def presenter_default() -> bool:
    return state.embedded()


def presenter() -> bool:
    return state.peek("presenter", lambda v: isinstance(v, bool), presenter_default(), parse=state.parse_bool)


def global_controls() -> tuple[str, bool]:
    """Language and presenter widgets (sidebar), bound to ?lang= and ?presenter=."""
    lg = lang()
    chosen_lang = state.bind("lang", lambda k: st.segmented_control(
        t("language", lg), LANGS, key=k, required=True, format_func={"ko": "한국어", "en": "English"}.get),
        options=LANGS, default="ko", scope="global")
    pres = state.bind("presenter", lambda k: st.toggle(t("presenter", lg), key=k, help=t("presenter_help", lg)),
                      valid=lambda v: isinstance(v, bool), default=presenter_default(), scope="global",
                      parse=state.parse_bool, serialize=lambda v: "1" if v else "0")
    state.bind("set", lambda k: st.segmented_control(
        t("boundary_set", lg), SETS, key=k, required=True, format_func=lambda s: t(f"set_{s}", lg),
        help=t("boundary_set_help", lg)), options=SETS, default=DEFAULT_SET, scope="global")
    return chosen_lang, pres


def presenter_exit(lg: str) -> None:
    """The 'leave presenter mode' button at the top of the page (presenter mode hides the toolbar)."""
    st.button(t("presenter_exit", lg), key="presenter_exit", icon=":material/close_fullscreen:",
              on_click=_leave_presenter, help=t("presenter_exit_help", lg))


def _leave_presenter() -> None:
    state.choose("global", "presenter", False)  # the presenter toggle (`global_controls`)


def set_page(page: str) -> None:
    state.set_page(page)


def link_params(page: str, **values: str) -> dict[str, str]:
    """Query params for a link/switch to `page` carrying the global values that are not default (the
    page itself is the link's path, never a parameter)."""
    del page  # the same global values go to every page
    out: dict[str, str] = {}
    if lang() != "ko":
        out["lang"] = lang()
    if presenter() != presenter_default():
        out["presenter"] = "1" if presenter() else "0"
    if boundary_set() != DEFAULT_SET:
        out["set"] = boundary_set()
    if deckstore.in_progress():  # the deck '슬라이드에 추가' fills (ui.deckstore) goes along
        out["deck"] = deckstore.in_progress()
    out.update({k: v for k, v in values.items() if v is not None})
    return out


def href(page: str, **values: str) -> str:
    """A relative link to `page` with `values` (and the global values that are not default), as a click
    in a component opens it (the page's url_path is its name)."""
    query = urllib.parse.urlencode(link_params(page, **values))
    return f"{page}?{query}" if query else page


def page_link(page: str, label: str, container=st, icon: str | None = None, **values: str) -> None:
    """A link to `page` with `values` in its query (and the global values, `link_params`): Streamlit's page
    link, so the session and its caches carry over (left off the paper: app.py BASE_CSS)."""
    container.page_link(state.PAGE_FILES[page], label=label, icon=icon, query_params=link_params(page, **values))


def open_page(page: str, **values: str) -> None:
    """Switch to `page` with `values` in the URL (e.g. a clicked region's profile)."""
    st.switch_page(state.PAGE_FILES[page], query_params=link_params(page, **values))
