"""Presenting (`?present=1`) and printing (`?print=1`) a deck on the deck page: the page holds the deck
component alone (`ui.deck_present`), over the whole viewport (no sidebar, header or tool bar: the style
here), or as one A4 landscape page per slide."""
from __future__ import annotations

import streamlit as st

from decks.model import Deck
from ui import deck_present, deckstore, deckurls, deckviews, state
from ui.context import Ctx
from ui.deckfigures import Figure, figure_for

MODES = ("present", "print")
_CHROME = ('[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"], '
           '[data-testid="stStatusWidget"], [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"]')


def mode() -> str | None:
    """'present' or 'print' when the address asks for one (`?present=1`, `?print=1`), else None."""
    for name in MODES:
        if state.peek(name, lambda v: isinstance(v, bool), False, parse=state.parse_bool, scope="deck"):
            return name
    return None


def css(name: str) -> str:
    """The page's style: only the deck's block shown, no Streamlit chrome; printing, A4 landscape pages
    with no margin, the app's column opened up to the page's width."""
    key = f".st-key-deck_{name}"
    block = '[data-testid="stMain"] [data-testid="stVerticalBlock"]'
    rules = [f"{_CHROME} {{ display: none !important; }}",
             f"{block} > :not(:has({key})):not({key}):not({key} *) {{ display: none !important; }}",
             '.block-container, [data-testid="stMainBlockContainer"] { padding: 0 !important; '
             'max-width: none !important; }']
    if name == "print":
        rules += ["@page { size: A4 landscape; margin: 0; }",
                  "@media print { html, body { margin: 0 !important; } "
                  '[data-testid="stMainBlockContainer"] { width: auto !important; zoom: 1 !important; } '
                  '[data-testid="stMain"], [data-testid="stAppViewContainer"] { padding: 0 !important; } }']
    return "<style>\n" + "\n".join(rules) + "\n</style>"


def show(ctx: Ctx, deck: Deck, figures: dict[str, Figure], name: str) -> None:
    st.markdown(css(name), unsafe_allow_html=True)
    shown = {s.id: figure_for(s, figures, ctx.lang) for s in deck.slides if s.kind == "headline"}
    start = deckurls.slide_number(state.url_params().get("slide_no"), len(deck.slides))
    changed = deckviews.changes(deck, deckstore.build_id(), ctx.lang)  # said on each view slide
    deck_present.show(ctx, deck_present.spec(ctx, deck, shown, mode=name, start=start, changed=changed), _leave)


def _leave() -> None:
    """Esc while presenting: back to the deck page."""
    state.write_param("present", None)
    state.write_param("slide_no", None)
