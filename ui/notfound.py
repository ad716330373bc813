"""An address that names no page (`/nope`): a page of our own in the reader's language, instead of
Streamlit's English "Page not found" dialog over the overview.

Streamlit (1.67) sends that dialog when the path the browser asked for matches no page given to
`st.navigation`. The router (app.py) asks `unknown_path` first and, for such a path, adds one hidden
page at exactly that path (`page`): the address stays as typed, and the reader gets the page list.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from ui import nav, state
from ui.i18n import t


def unknown_path(known: Iterable[str]) -> str | None:
    """The path this run was asked for when it names no page of `known` (url paths), else None. Read
    from the run's page request (Streamlit's pages manager: the path the browser sent, on a first visit
    or a typed address; a page chosen in the app is sent by its id and never lands here). A nested path
    (`a/b`) is left to Streamlit: no page can have a '/' in its url path."""
    ctx = get_script_run_ctx()
    manager = getattr(ctx, "pages_manager", None)
    if manager is None or manager.intended_page_script_hash:
        return None
    name = (manager.intended_page_name or "").strip().strip("/")
    if not name or "/" in name or name in set(known):
        return None
    return name


def page(pages: dict[str, st.Page], requested: str) -> Callable[[], None]:
    """The not-found page for `requested`: says so in the reader's language, repeats the path as plain
    text, and links every page (carrying the language and presenter mode)."""

    def not_found() -> None:
        lang = nav.lang()
        st.title(t("not_found_title", lang))
        st.markdown(t("not_found_text", lang))
        st.text(f"/{state.shown_value(requested)}")
        for key, target in pages.items():
            st.page_link(target, label=t(f"page_{key}", lang), icon=target.icon, query_params=nav.link_params(key))

    return not_found
