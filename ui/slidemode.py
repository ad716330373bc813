"""A page as a deck's slide (`?slide=1`, loaded by the deck's frames with `embed=true&presenter=1`): the
page's main figure alone — no settings, no title or share buttons, no notes, tables or second charts.

Every page names its main figure here (`MAIN`: the key of the element that draws it) and calls
`ui.page.slide_end` right after drawing it, which ends the run in slide mode (nothing below is computed or
sent). What a page draws before its figure (a note, the settings' popover) is hidden by the style `css`
puts in the page: every block of the main column but the one holding the main figure (a page that stops
before drawing it keeps its message: the slide says why it is empty)."""
from __future__ import annotations

MAIN: dict[str, str] = {
    "overview": "capital_shares", "map": "map_figure", "trends": "trend_chart", "risk": "risk_view",
    "region": "region_relative", "disparity": "disp_measures", "composite": "comp_view", "bivariate": "biv_view",
    "data": "catalogue", "brief": "brief_sheet",
}


def css(page: str) -> str:
    """The slide's style: Streamlit's header and tool bar gone, a thin margin, and in the main column only the
    blocks on the way to the page's main figure (`MAIN[page]`) shown."""
    key = f".st-key-{MAIN[page]}"
    # only once the figure is there: a page that stops before it (no data for the view) shows why
    block = f'[data-testid="stMain"]:has({key}) [data-testid="stVerticalBlock"]'
    return f"""<style>
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
.st-key-presenter_controls {{ display: none !important; }}
.block-container, [data-testid="stMainBlockContainer"] {{ padding: 0.5rem 1rem 0.25rem !important; }}
{block} > :not(:has({key})):not({key}):not({key} *) {{ display: none !important; }}
[data-testid="stSkeleton"], [data-testid="stSpinner"] {{ visibility: hidden !important; }}
/* a click in a shown slide, then a key, leaves no focus ring (Streamlit draws its scroller's as a shadow) */
:focus, :focus-visible {{ outline: none !important; }}
[data-testid="stMain"]::before {{ box-shadow: none !important; }}
</style>"""
