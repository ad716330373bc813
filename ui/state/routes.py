"""Which page the address opens, and how it is shown: the pages and their files, an old link's
`?page=` (read by the router, app.py, then dropped: the path names the page), an embedded view
(`?embed=true`) and a deck's slide (`?slide=1`)."""
from __future__ import annotations

import streamlit as st

from ui.state.address import as_received, url_is_external, write_param
from ui.state.mirror import parse_bool, peek
from ui.state.notes import note_bad

PAGES: tuple[str, ...] = ("overview", "map", "trends", "risk", "region", "brief", "disparity", "composite",
                          "bivariate", "data")
PAGE_FILES: dict[str, str] = {p: f"app_pages/{p}.py" for p in PAGES}
DEFAULT_PAGE = "overview"
# the deck page (발표 자료): routed like the others, but not a view a slide can show (not in PAGES)
DECK_PAGE = "deck"
ROUTES: tuple[str, ...] = (*PAGES, DECK_PAGE)
ROUTE_FILES: dict[str, str] = {**PAGE_FILES, DECK_PAGE: f"app_pages/{DECK_PAGE}.py"}


def requested_page() -> str | None:
    """A valid ?page= value, or None (an unknown one is noted and removed)."""
    raw = st.query_params.get("page")
    if raw is None or raw in ROUTES:
        return raw
    if url_is_external():
        note_bad("page", raw, DEFAULT_PAGE)
    write_param("page", None)
    return None


def switch_params() -> dict[str, str]:
    """Query params for the router's `?page=` switch: the URL as this run received it (before bad
    values were dropped); the next run reads it as a newly opened link, so the page switched to
    checks every value again and notes the bad ones (notes shown before a switch are lost)."""
    return as_received()


def set_page(page: str) -> None:
    """Called first by every page: the address's path names the page (`/trends`), so an old link's
    `?page=` (read by the router, app.py) is dropped from the address once the page is open; links
    carry only what changes the view."""
    del page  # the path says it
    write_param("page", None)


def embedded() -> bool:
    """True for ?embed=true (Streamlit keeps that parameter out of st.query_params)."""
    try:
        if st.context.is_embedded:
            return True
    except (AttributeError, RuntimeError):
        pass
    return str(st.query_params.get("embed", "")).lower() == "true"


def slide_mode() -> bool:
    """`?slide=1`: the page as a deck's slide shows its main figure only (`ui.slidemode`): no settings, no
    header, nothing below it. A deck's frame asks for it with `embed=true&presenter=1`."""
    return bool(peek("slide", lambda v: isinstance(v, bool), False, parse=parse_bool))
