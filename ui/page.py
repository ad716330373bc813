"""What every page does the same way: its opening (setup, title, intro, stop when the data is
missing), the click on a map region that opens that region's profile, the policy-events toggle and
table, and the notice of indicators the build lacks. Pages call these and stay layout only."""
from __future__ import annotations

import streamlit as st

from ui import addslide, chrome, deckstore, nav, share, slidemode, state, statictable
from ui import format as fmt
from ui.concepts import events
from ui.context import Ctx, page_setup
from ui.notices import raw_needed  # also for pages: page.raw_needed(ctx, …) ends most pages

EVENT_COLUMNS = ("number", "date", "label", "source")


def open_page(page: str, title: str | None = None, intro: str | None = None) -> Ctx:
    """Check the build (stop with the build command if unusable), then the title beside the 'copy
    link' button and the intro caption (i18n keys; None: the page writes its own, `open_page_slot`)."""
    ctx, slot = open_page_slot(page)
    if title:
        slot.title(ctx.t(title))
    if intro and not ctx.presenter:  # presenter mode: the chart owns the screen (the title is hidden too)
        st.caption(ctx.t(intro))
    return ctx


def controls(ctx: Ctx):
    """Where a page's settings go: in the page (normal); on a phone a folded '설정' above the figure (the
    figure is on the first screen, not under a stack of controls); in presenter mode a '설정' popover that
    floats beside » at the top (app.py PRESENTER_CSS), so the main chart starts at the top of the screen."""
    if ctx.phone and not ctx.presenter:
        return st.expander(ctx.t("presenter_settings"), icon=":material/tune:", expanded=False)
    if not ctx.presenter:
        return st.container()
    return st.popover(ctx.t("presenter_settings"), icon=":material/tune:", key="presenter_controls",
                      help=ctx.t("presenter_settings_help"))


def folded(label: str, key: str, expanded: bool = False):
    """An expander whose content runs only while it is open (`on_change="rerun"`: opening it reruns the
    page, and `.open` says whether it is): what is folded away costs the first view nothing. Use as
    `with page.folded(…) as box:` and draw the content `if box.open:`."""
    return st.expander(label, expanded=expanded, key=key, on_change="rerun")


def open_page_slot(page: str):
    """`open_page` for a page whose title is known later: its context and the empty title slot
    (beside the 'copy link' button; in presenter mode, where titles are hidden, the button floats in
    the top bar, app.py PRESENTER_CSS, and the chart starts at the top)."""
    ctx = page_setup(page)
    if ctx.slide:  # a deck's slide: the main figure alone, no buttons (`ui.slidemode`)
        st.markdown(slidemode.css(page), unsafe_allow_html=True)
        return ctx, st.empty()
    adds = not state.embedded() and page in state.PAGES  # '슬라이드에 추가': a view's page, not embedded
    current = deckstore.current() if adds else None  # the deck in progress, kept in the address
    if ctx.presenter:  # both in the top bar (app.py PRESENTER_CSS), out of the figure's way
        share.copy_link(ctx.lang, st.container(key="presenter_share"))
        if adds:
            addslide.popover(ctx, current, st.container(key="presenter_addslide"))
        return ctx, st.empty()
    head, side = st.columns([4, 2] if adds else [5, 1], vertical_alignment="center")
    buttons = side.container(horizontal=True, horizontal_alignment="right", vertical_alignment="center")
    share.copy_link(ctx.lang, buttons)
    if adds:
        addslide.popover(ctx, current, buttons)
    return ctx, head.empty()


def slide_end(ctx: Ctx) -> None:
    """Called by every page right after its main figure (`ui.slidemode.MAIN`): a slide ends there, and so
    does the first run of a browser's session (`chrome.figure_first`: the rest follows once the figure is
    drawn)."""
    if ctx.slide or chrome.cut_run():
        st.stop()


def stop_unless(ok: bool, ctx: Ctx, message: str, *, needs: list[str] | None = None, notice: bool = True,
                expanded: bool = True, icon: str | None = None, caption: str = "") -> None:
    """Unless `ok`: say `message` (and `caption`), list the raw files of `needs` (None: every indicator
    the build lacks; `notice=False`: no list; `expanded`: opened), and stop the page."""
    if ok:
        return
    st.info(message, icon=icon)
    if caption:
        st.caption(caption)
    if notice:
        raw_needed(ctx, needs, expanded=expanded)
    st.stop()


def share_links(indicators: list[str], with_trend: set[str], mappable: set[str]) -> dict[str, str]:
    """Indicator → the link a click on its bar of the capital-share chart opens: 추이 at the capital share
    where the indicator has more than one year (`with_trend`), else its map; none for neither."""
    out = {}
    for ind in indicators:
        if ind in with_trend:
            out[ind] = nav.href("trends", indicator=ind, measure="share")
        elif ind in mappable:
            out[ind] = nav.href("map", indicator=ind)
    return out


def events_toggle(ctx: Ctx, container=st) -> bool:
    """'정책 사건 표시', bound natively to `?events=` (true/false; default on)."""
    return container.toggle(ctx.t("events_toggle"), value=True, key=state.native_key("events", True),
                            bind="query-params")


def events_table(ctx: Ctx, columns: tuple[str, ...] = EVENT_COLUMNS) -> None:
    """The policy events shown on the charts, in an expander (headers in the reader's language; the
    Korean quote only in Korean; `number` is the charts' badge): a static table (`ui.statictable`), so a
    chart page loads no grid code before its chart is drawn (the grid's 1.5 MB held 추이's chart ~130 ms)."""
    cols = [c for c in columns if not (c == "quote" and ctx.lang == "en")]
    table = events(ctx.lang)[cols].rename(columns={c: ctx.t(f"event_{c}") for c in cols})
    with st.expander(ctx.t("events_table")):
        st.caption(ctx.t("event_number_help"))
        statictable.show(table, f"events_{ctx.page}", ctx.lang, height=360)


def _md_text(text: str) -> str:
    """Registry text shown as Markdown literally (names hold parentheses, '+', '-')."""
    return "".join(f"\\{c}" if c in "\\`*_[]<>#+-!|~" else c for c in str(text))


def define(ctx: Ctx, inds, container=st, folded: str | None = None) -> None:
    """The glossary of what a chart or card names: one indicator as a caption 'definition: name (unit)'
    whose help is its catalogue definition (`fmt.definition`: basis, formula, note, source); several
    in an expander, one line with its help each (`folded`: the expander's key, its lines drawn only once
    it is opened: a long glossary costs the first view nothing). Both languages; nothing typed here."""
    inds = [i for i in (fmt.as_indicator(x) for x in inds) if i is not None]
    if len(inds) == 1:
        container.caption(ctx.t("definition_of", name=_md_text(fmt.indicator_label(inds[0], ctx.lang))),
                          help=fmt.definition(inds[0], ctx.lang))
    elif inds:
        label = ctx.t("definitions_of", n=len(inds))
        with (container.expander(label) if folded is None else
              container.expander(label, key=folded, on_change="rerun")) as box:
            if folded is None or box.open:
                for ind in inds:
                    st.markdown(_md_text(fmt.indicator_label(ind, ctx.lang)), help=fmt.definition(ind, ctx.lang))
