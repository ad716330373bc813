"""The addresses of decks and slides, as pure functions (no Streamlit): what a view slide keeps of the page's
address, the address a slide's frame loads, and the deck page's own addresses.

A view slide keeps the page and every setting of its address (`capture_query`): the keys the app itself
adds for a mode (embedding, presenter mode, the slide mode, the deck in progress, the router's old `?page=`)
are left out, and so is anything the deck format refuses (`decks.model`: a key of `[a-z][a-z0-9_]*`, a value
of `[A-Za-z0-9_.,:+-]*`, such as a search text typed in Korean): those are named back to the reader.
"""
from __future__ import annotations

import re
import urllib.parse
from collections.abc import Mapping

from decks.model import MAX_QUERY, QUERY_KEY, QUERY_VALUE

DECK_PAGE = "deck"  # the deck page's url path (app.py)
# keys of a mode or of the deck page, never a view's setting
MODE_KEYS = frozenset({"embed", "embed_options", "presenter", "slide", "deck", "page", "present", "print", "id",
                       "slide_no", "highlight"})
FRAME_MODE = {"embed": "true", "presenter": "1", "slide": "1"}  # a slide's frame: the main figure alone
# pages whose main figure (a slide) is one browser map (`ui.mapview`): a slide of it followed by the same map in
# another year is stepped in place, its colours moving (`morph_key`, ui/assets/deck.js)
MORPH_PAGES = frozenset({"map", "risk", "composite", "bivariate"})
MORPH_MODES = ("", "none")  # the map page's `?compare=`: a comparison is two maps or a change, not one year


def capture_query(params: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """(the view's settings a slide keeps, the keys left out because the deck format cannot hold them).
    Mode keys are dropped silently; at most MAX_QUERY settings are kept (in the address's order)."""
    kept: dict[str, str] = {}
    dropped: list[str] = []
    for key, value in params.items():
        if key in MODE_KEYS:
            continue
        text = value if isinstance(value, str) else str(value)
        if (re.fullmatch(QUERY_KEY, key) and re.fullmatch(QUERY_VALUE, text)) and len(kept) < MAX_QUERY:
            kept[key] = text
        else:
            dropped.append(key)
    return kept, dropped


def frame_url(page: str, query: Mapping[str, str], highlight: str | None = None) -> str:
    """The relative address a slide's frame loads: the page with its settings, embedded, in presenter and
    slide mode (only its main figure), and the callout's region to outline on a map (`highlight`). Query keys
    and values are the deck format's plain characters."""
    params = {k: v for k, v in query.items() if k not in MODE_KEYS}
    if highlight:
        params["highlight"] = highlight
    return f"{page}?{urllib.parse.urlencode({**params, **FRAME_MODE})}"


def morph_key(page: str, query: Mapping[str, str], highlight: str | None = None) -> str | None:
    """What two slides must share for the second to be the first's map in another year: the page, every setting
    but `year` (indicator, level, boundary set, scale, zoom …) and the outlined region; None for a view that is not
    one map of a year."""
    if page not in MORPH_PAGES or query.get("compare", "") not in MORPH_MODES:
        return None
    return frame_url(page, {k: v for k, v in sorted(query.items()) if k not in ("year", "compare")}, highlight)


def deck_href(deck_id: str, **extra: str) -> str:
    """The deck page of `deck_id` (relative), with `extra` parameters (present=1, print=1, lang=en)."""
    return f"{DECK_PAGE}?{urllib.parse.urlencode({'id': deck_id, **extra})}"


def default_title(page_title: str, indicator_name: str | None = None) -> str:
    """A view slide's title before the reader types one: the page's title, and its indicator's name."""
    return f"{page_title} — {indicator_name}" if indicator_name else page_title


def slide_number(raw: str | None, count: int) -> int:
    """The 1-based slide a presentation opens at (`?slide_no=`): a whole number within the deck, else 1."""
    try:
        n = int(str(raw))
    except (TypeError, ValueError):
        return 1
    return n if 1 <= n <= count else 1
