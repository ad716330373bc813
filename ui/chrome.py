"""The page chrome the browser keeps for every page (`ui/assets/chrome.js`, an invisible
`st.components.v2` component drawn in the page): the screen width that print scales from, in presenter
mode the sidebar closed after a page is chosen from it, and the viewport's class (`Viewport`: a phone; the
presenter's screen scale) told to Python once per session — the first run draws for a desktop at 1×, and
the browser's answer reruns the page only where that was wrong — and Streamlit's plotly chunk loaded while
the page is idle (`PREFETCH`), so switching to a page with a chart shows the chart, not a skeleton."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

import streamlit as st

from ui import slidemode, state

ASSETS = Path(__file__).resolve().parent / "assets"
_SESSION_KEY = "_bal_viewport"
# Streamlit's code for the elements our pages use (plotly's chunk is 4.7 MB), which its frontend loads the
# first time a page of the tab shows one: fetched and run by the browser once the page is idle, so the next
# page draws its chart and controls without a loading skeleton in their place
_STREAMLIT_JS = Path(st.__file__).resolve().parent / "static" / "static" / "js"
ELEMENTS = ("PlotlyChart", "Slider", "ButtonGroup", "Selectbox", "Multiselect", "Checkbox", "DownloadButton",
            "DataFrame", "Table", "PageLink")
PREFETCH = [p.name for e in ELEMENTS for p in sorted(_STREAMLIT_JS.glob(f"{e}.*.js"))[:1]]


@dataclass(frozen=True)
class Viewport:
    """What the page's layout depends on: `phone` (narrower than 640 px) and `scale`, the presenter's
    screen against 1280×720 in steps of 0.25 (1 when not presenting; 1.5 at 1920×1080)."""

    phone: bool = False
    scale: float = 1.0


def viewport() -> Viewport:
    """This session's viewport as the browser last told it; until it has, a phone if the browser says it
    is a mobile one (its User-Agent), else a desktop at 1×."""
    raw = st.session_state.get(_SESSION_KEY)
    if not isinstance(raw, dict):
        return Viewport(phone=_mobile_agent())
    try:
        scale = float(raw.get("scale", 1))
    except (TypeError, ValueError):
        scale = 1.0
    return Viewport(bool(raw.get("phone", False)), min(3.0, max(1.0, scale)))


def _mobile_agent() -> bool:
    try:
        agent = st.context.headers.get("User-Agent") or ""
    except (AttributeError, RuntimeError, KeyError):
        return False
    return "Mobi" in agent  # the token browsers put in a phone's User-Agent (not in a tablet's)


_mount = st.components.v2.component("balance_chrome", js=(ASSETS / "chrome.js").read_text(encoding="utf-8"))


def main_figures() -> dict[str, str]:
    """Last path segment of each page's address ('' = the default page, at `/`) → the key of the element
    drawing its main figure (`slidemode.MAIN`): a page switch's still copy waits for that figure, not for
    whatever the new page draws first (a table under a chart that is still being drawn)."""
    return {("" if p == state.DEFAULT_PAGE else p): key for p, key in slidemode.MAIN.items()}


_DRAWN_KEY = "_bal_figure_drawn"
_CUT_KEY = "_bal_run_cut"  # this run stops at the page's main figure (`mount`'s decision, read by `cut_run`)


def figure_first() -> bool:
    """Whether this run draws a page down to its main figure only: the first page a browser opens in a
    session, until the browser says that figure is drawn (then the page runs again, whole). What lies
    below a figure — widgets whose Streamlit code comes in chains of small files, tables, more charts —
    held the figure back by 130–310 ms (bench/RESULTS.md); drawn after it, it holds back nothing. A run
    with no browser (AppTest: no request headers) draws the whole page; a slide stops at its figure anyway."""
    return not st.session_state.get(_DRAWN_KEY) and bool(st.context.headers) and not state.slide_mode()


def mount(page: str, presenter: bool, *, figure_page: bool = True) -> bool:
    """Once per run, before the page draws (app.py); its container is hidden (app.py BASE_CSS). `page`
    (the page's URL path) makes the component run again on a page switch; `figure_page`: the page has a
    main figure (`slidemode.MAIN`), where a session's first run is cut (`figure_first`). Returns whether
    this run is cut."""
    cut = figure_page and figure_first()
    st.session_state[_CUT_KEY] = cut
    state.carry_notes(cut)
    with st.container(key="bal_chrome"):
        result = _mount(data={"page": page, "presenter": presenter, "viewport": asdict(viewport()),
                              "prefetch": PREFETCH, "figures": main_figures(),
                              "report_drawn": cut},
                        key="page_chrome", default={"viewport": None, "drawn": None}, on_viewport_change=_noop,
                        on_drawn_change=_figure_drawn)
    told = result.get("viewport") if result is not None else None
    if isinstance(told, dict):
        st.session_state[_SESSION_KEY] = told
    return cut


def cut_run() -> bool:
    """This run stops at the page's main figure (decided once, by `mount`): what lies below it, a download
    button included, comes with the whole run that follows."""
    return bool(st.session_state.get(_CUT_KEY))


def _figure_drawn() -> None:
    """The browser says the page's main figure is drawn: from this run on (the callback runs before it),
    pages are drawn whole. The run changes no setting (`state.hold_next_run`): the browser asked for it, not
    the reader."""
    st.session_state[_DRAWN_KEY] = True
    state.hold_next_run()


def _noop() -> None:
    """A state callback makes the viewport part of the component's state (its change reruns the app)."""
