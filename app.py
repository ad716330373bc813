"""균형 — 수도권·비수도권 격차 대시보드: the router (`streamlit run app.py`).

Page config, language (ko/en) and presenter mode, navigation, and old `?page=` links: a link to
the root with `?page=map&…` opens that page with the rest of its view state, and the page then
drops `?page=` from the address (the path names the page; ui/state/routes.py `set_page`).

Serving: `streamlit run app.py` finds the `st.App` at the end of this file and serves it (Streamlit's own
server with `ui.serving.BaseAddress`, which tells every page the app's base address, so the browser never
asks a page's path for the server: no 404s). Streamlit then runs this file as `__main__` for every page
run, which calls `run()`.
"""
from __future__ import annotations

import streamlit as st

ICONS = {"overview": ":material/dashboard:", "map": ":material/map:", "trends": ":material/show_chart:",
         "risk": ":material/warning:", "region": ":material/location_on:", "brief": ":material/print:",
         "data": ":material/database:"}
ICONS.update({"disparity": ":material/stacked_line_chart:", "composite": ":material/leaderboard:",
              "bivariate": ":material/grid_view:", "deck": ":material/slideshow:"})

PRESENTER_CSS = """
<style>
/* drawn for a 1280×720 projector; on a larger screen everything grows with it (--bal-scale: the screen
   against 1280×720 in steps of 0.25, set by ui/assets/chrome.js; figures are scaled to match, ui.scaling) */
html, body, [data-testid="stAppViewContainer"] { font-size: calc(20px * var(--bal-scale, 1)); }
[data-testid="stAppViewContainer"] * { color: #000000; }
[data-testid="stToolbarActions"], [data-testid="stMainMenu"], [data-testid="stAppDeployButton"],
[data-testid="stDecoration"], footer { display: none !important; }
.st-key-presenter_exit { position: fixed; top: 0.6rem; right: 1rem; z-index: 999990; width: auto !important; }
[data-testid="stHeader"] { background: transparent; }  /* keeps only » (open the sidebar: pages, settings) */
.block-container, [data-testid="stMainBlockContainer"] { padding: 3.3rem 2.5rem 1rem; max-width: 100%; }
/* the page's settings: a popover button beside » (ui.page.controls); the chart starts below this top bar */
.st-key-presenter_share { position: fixed; top: 0.6rem; right: 14rem; z-index: 999990; width: auto !important; }
.st-key-presenter_addslide { position: fixed; top: 0.6rem; right: 23.5rem; z-index: 999990; width: auto !important; }
.st-key-presenter_controls { position: fixed; top: 0.6rem; left: 4.2rem; z-index: 999990; width: auto !important; }
[data-testid="stPopoverBody"] { width: min(62rem, 92vw) !important; max-width: 92vw !important; }
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] { gap: 0.6rem; }
[data-testid="stElementContainer"]:has(> [data-testid="stMarkdown"] style) { display: none; }  /* CSS only */
/* body text readable from the back of a room: nothing under 18 px (1rem = 20 px here) */
[data-testid="stAppViewContainer"] p, [data-testid="stAppViewContainer"] label, [data-testid="stWidgetLabel"] p,
[data-testid="stPopoverBody"] p, [data-testid="stPopoverBody"] label, button p { font-size: 1rem !important; }
h1 { display: none !important; } h2, h3 { font-size: 1.9rem !important; }  /* charts carry their own titles */
[data-testid="stAppViewContainer"] [data-testid="stMetricValue"],
[data-testid="stAppViewContainer"] [data-testid="stMetricValue"] p { font-size: 2.8rem !important; font-weight: 700;
  line-height: 1.1; }  /* the headline number: the largest type on the screen */
[data-testid="stAppViewContainer"] [data-testid="stMetricDelta"] div { font-size: 1rem !important; }
[class*="st-key-card_"] { padding: 0.7rem 1rem !important; gap: 0.3rem !important; }  /* 개요's cards */
[data-testid="stMetricLabel"] p { font-size: 1.2rem !important; }
[data-testid="stCaptionContainer"] { font-size: 1rem !important; color: #222 !important; }
[data-testid="stAppViewContainer"] { background: #ffffff; }
/* the audience never sees a greyed, stale screen while the next view is computed: the old one stays */
[data-stale="true"], [data-stale="true"] * { opacity: 1 !important; }
[data-testid="stSkeleton"] { visibility: hidden; }  /* nor a grey loading box (the code is prefetched) */
</style>
"""
BASE_CSS = """
<style>
.st-key-bal_chrome { display: none; }  /* ui.chrome: drawn in the page, shows nothing */
[data-testid="stMetricValue"] { font-variant-numeric: tabular-nums; }
/* print (the browser's own, A4): the page's content only — no sidebar, no widgets, no tool bars — laid out
   at its screen width (ui/assets/chrome.js keeps it in --bal-screen-w) and scaled to the paper, so a figure
   drawn at its screen width is never cropped; the scrolling app frame opened up so every element prints (a brief,
   ui/briefsheet.py, is laid out at the paper's own width instead: A4 portrait, 12 mm margins) */
@media print {
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
  [data-testid="stSelectbox"], [data-testid="stMultiSelect"], [data-testid="stButtonGroup"],
  [data-testid="stSlider"], [data-testid="stCheckbox"], [data-testid="stTextInput"], [data-testid="stRadio"],
  [data-testid="stDownloadButton"], [data-testid="stButton"], [data-testid="stPopover"],
  [data-testid="stExpander"], [data-testid="stElementToolbar"], [data-testid="stSkeleton"],
  [data-testid="stPageLink"], [data-testid="stNumberInput"], [data-testid="stTextArea"],
  [data-testid="stDateInput"], [data-testid="stLinkButton"], [data-testid="stSidebarCollapsedControl"],
  [class*="st-key-share_link"], [class*="st-key-presenter_"], [class*="st-key-reveal_"], [class*="st-key-print_"],
  .modebar-container { display: none !important; }
  html, body, [data-testid="stApp"], [data-testid="stAppViewContainer"], [data-testid="stMain"] {
    height: auto !important; min-height: 0 !important; overflow: visible !important; position: static !important; }
  [data-testid="stMainBlockContainer"] { width: var(--bal-screen-w, 1100px) !important; max-width: none !important;
    padding: 0 !important; margin: 0 !important; zoom: min(1, calc(100vw / var(--bal-screen-w, 1100px))); }
  [data-testid="stElementContainer"], [data-testid="stVerticalBlockBorderWrapper"] { break-inside: avoid; }
}
/* a phone: the chart's tool bar only while the chart is touched, never over its title */
@media (max-width: 640px) { .js-plotly-plot:not(:hover) .modebar-container { visibility: hidden; } }
</style>
"""

DEFAULT_PAGE_KEY = "home"  # the default page's url_path: only its script hash (the page itself is at `/`)


def _default_page_alias() -> None:
    """`/overview`: never drawn (the router switches to `/` first)."""


def run() -> None:
    """One run of the router (every run of every session)."""
    st.set_page_config(layout="wide", page_title="균형 — 수도권·비수도권 격차", page_icon="⚖️")
    import app_data
    from indicators import store
    from ui import chrome, context, gc_freeze, nav, notfound, slidemode, state
    from ui.i18n import t

    gc_freeze.freeze_if_new_imports()  # startup objects out of the cyclic GC (see ui/gc_freeze.py)
    warning_slot = st.container()
    state.begin_run(warning_slot)
    # the build this run reads, resolved once (a rebuild meanwhile never mixes two builds), in the boundary set
    # the address names (?set=2024; the current one, 2026-07, by default)
    app_data.begin_run(nav.boundary_set())
    lang = nav.lang()

    pages = {p: st.Page(state.ROUTE_FILES[p], title=t(f"page_{p}", lang), icon=ICONS[p],
                        url_path=p if p != state.DEFAULT_PAGE else DEFAULT_PAGE_KEY, default=p == state.DEFAULT_PAGE)
             for p in state.ROUTES}
    # The default page lives at `/`; `/overview` (its name, as a link may spell it) is a hidden page that
    # opens `/` with the same query, instead of Streamlit's "Page not found" note.
    alias = st.Page(_default_page_alias, title=t(f"page_{state.DEFAULT_PAGE}", lang), url_path=state.DEFAULT_PAGE,
                    visibility="hidden")
    # An address that names no page gets our own hidden page at that path (in the reader's language), not
    # Streamlit's English "Page not found" dialog (ui/notfound.py).
    unknown = notfound.unknown_path([p.url_path for p in pages.values()] + [alias.url_path])
    missing = [st.Page(notfound.page(pages, unknown), title=t("not_found_title", lang), url_path=unknown,
                       visibility="hidden")] if unknown else []
    current = st.navigation([*pages.values(), alias, *missing], position="hidden" if state.embedded() else "sidebar")
    if current.url_path == state.DEFAULT_PAGE:
        st.switch_page(pages[state.DEFAULT_PAGE], query_params=state.switch_params())

    wanted = state.requested_page()
    if wanted and wanted != current.url_path and current.url_path == pages[state.DEFAULT_PAGE].url_path \
            and wanted != state.DEFAULT_PAGE:
        st.switch_page(pages[wanted], query_params=state.switch_params())

    if state.embedded():  # embedded view: no sidebar chrome; lang/presenter come from the URL only
        presenter = nav.presenter()
    else:
        with st.sidebar:
            lang, presenter = nav.global_controls()
            st.caption(t("app_title", lang))

    # before the layout: it learns the viewport (a phone) first; a page with a main figure is cut there on
    # a session's first run (chrome.figure_first) and told when to draw the rest
    figure_page = current.url_path in (*slidemode.MAIN, "")  # "": the default page (개요), at /
    cut = chrome.mount(current.url_path, presenter, figure_page=figure_page)
    state.set_layout(presenter, chrome.viewport().phone, cut=cut)
    st.markdown(BASE_CSS, unsafe_allow_html=True)
    if state.left_presenter():
        st.set_page_config(initial_sidebar_state="expanded")  # presenting hid the sidebar: give it back
    if presenter:
        st.set_page_config(initial_sidebar_state="collapsed")
        st.markdown(PRESENTER_CSS, unsafe_allow_html=True)
        if not state.embedded():  # a visible, keyboard-reachable way back (the sidebar's >> switches pages)
            nav.presenter_exit(lang)

    try:
        current.run()
    except store.NotBuilt as err:  # a built table went missing or bad after the page's setup checked it
        context.stop_unusable(err, lang)


if __name__ == "__main__":  # a page run (Streamlit runs this file as __main__)
    run()
else:  # `streamlit run app.py` imports this file to serve it: Streamlit finds this App and serves it
    from starlette.middleware import Middleware

    from ui.serving import BaseAddress

    app = st.App(__file__, middleware=[Middleware(BaseAddress)])
