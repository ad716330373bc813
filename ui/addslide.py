"""'슬라이드에 추가' / 'Add to slides': a small popover in every page's header, beside '링크 복사', that keeps the
view as a deck's view slide — the page and every setting of its address (`ui.deckurls.capture_query`) —
with a title (the page's, prefilled), an optional callout (a region of the page's, or a short value label)
and the deck to add it to: the deck in progress (`ui.deckstore.current`) or a new one. The slide keeps the
figures the view shows on this build (`ui.deckviews.capture`), so a later build can say which changed.

The save is a compare-and-set (`decks.store`): a deck saved elsewhere in between is read again and the slide
added to it once more; when that too comes second, the reader is told and nothing is lost. What the reader
typed is only ever stored as text and shown as text.
"""
from __future__ import annotations

import datetime as dt

import streamlit as st

import app_data
from decks import edits
from decks.fields import DeckError
from decks.model import LABEL_MAX, TITLE_MAX, ViewSlide, new_deck
from decks.store import DeckNotFound, StaleDeck
from geo import regions
from ui import deckstore, deckurls, deckviews, pickers, state
from ui.context import Ctx

_DONE = "_addslide_done"  # session state: the last slide added (deck id, title, number), shown in the popover
_DEFAULT = "_addslide_default"  # the title the form was last prefilled with
CALLOUTS = ("none", "region", "label")
PINNED_GLOBAL = ("set",)  # of the settings every page shares, those a slide keeps (not the language: the deck's)


def callout_codes(query: dict[str, str], boundary_set: str) -> list[str]:
    """The regions a callout may name on this view: the view's own region first, the capital region and the
    rest, then the 시도 and 시군구 (the level the view shows first)."""
    sido, sigungu = regions.codes("sido", boundary_set), regions.codes("sigungu", boundary_set)
    levels = [sigungu, sido] if query.get("level") == "sigungu" else [sido, sigungu]
    known = regions.known_codes()  # 추이's ?compare= names regions; 지도's names a mode ('none', 'change' …)
    out = [c for c in (query.get("region"), *query.get("compare", "").split(",")) if c in known]
    out += ["CR", "NC", *levels[0], *levels[1], *regions.stand_ins(boundary_set)]
    return list(dict.fromkeys(out))


def region_name(code: str, lang: str) -> str:
    """A callout's region as the pickers name it (수도권, 비수도권 and 전국 by their names)."""
    return pickers.region_label(code, lang) if code not in ("CR", "NC", "00") else regions.name(code, lang)


def default_title(ctx: Ctx) -> str:
    """The title a slide of this view is offered: the page's, and the indicator (or region) it shows."""
    params = state.url_params()
    ind = params.get("indicator") or state.mirrored("indicator")  # a default is not in the address
    code = params.get("region")
    what = None
    if ind and app_data.indicator(ind) is not None:
        what = app_data.name(ind, ctx.lang)
    elif code and code in regions.known_codes():
        what = region_name(code, ctx.lang)
    return deckurls.default_title(ctx.t(f"page_{ctx.page}"), what)


def popover(ctx: Ctx, current: str | None, container=st) -> None:
    """The button and its form (`current`: the deck in progress, `ui.deckstore.current`)."""
    title = default_title(ctx)
    box = container.popover(ctx.t("add_slide"), icon=":material/add_to_queue:", key="add_slide",
                            help=ctx.t("add_slide_help"), on_change="rerun")
    with box:
        if box.open:  # drawn once opened: a page's runs carry no form until the reader asks for it
            _form(ctx, title, current)


def _form(ctx: Ctx, title: str, current: str | None) -> None:
    ss = st.session_state
    if ss.get(_DEFAULT) != title:  # another view: its title is offered, unless the reader typed one
        if ss.get("addslide_title") in (None, "", ss.get(_DEFAULT)):
            ss["addslide_title"] = title
        ss[_DEFAULT] = title
    # every setting the view showed — defaults too, which its address leaves out (the latest year, the
    # page's first indicator, the boundary set): a slide shows the same view after a data refresh
    shown = {**state.shown(ctx.page), **{k: v for k, v in state.shown("global").items() if k in PINNED_GLOBAL}}
    query, dropped = deckurls.capture_query({**shown, **state.url_params()})
    deck_title = _deck_title(current)
    _confirmation(ctx)
    with st.form("addslide_form", border=False, enter_to_submit=False):
        st.text_input(ctx.t("slide_title"), key="addslide_title", max_chars=TITLE_MAX)
        kind = st.segmented_control(ctx.t("callout"), CALLOUTS, key="addslide_callout", required=True,
                                    default="none", format_func=lambda k: ctx.t(f"callout_{k}"))
        codes = callout_codes(query, app_data.boundary_set())
        st.selectbox(ctx.t("callout_region_pick"), codes, key="addslide_region", filter_mode="fuzzy",
                     format_func=lambda c: region_name(c, ctx.lang))
        st.text_input(ctx.t("callout_label"), key="addslide_label", max_chars=LABEL_MAX,
                      placeholder=ctx.t("callout_label_placeholder"))
        targets = ["current", "new"] if deck_title is not None else ["new"]
        st.radio(ctx.t("add_to"), targets, key=f"addslide_target_{current or ''}",  # per deck: opens at it
                 format_func=lambda k: ctx.t("add_to_current", title=deck_title) if k == "current" else
                 ctx.t("add_to_new"))
        st.text_input(ctx.t("new_deck_title"), key="addslide_new_title", max_chars=TITLE_MAX,
                      placeholder=ctx.t("new_deck_default", date=dt.date.today().isoformat()))
        sent = st.form_submit_button(ctx.t("add_submit"), type="primary", icon=":material/add:")
    if sent and _add(ctx, query, dropped, kind, current):
        st.rerun(scope="app")  # the confirmation above the form, and the address names the deck


def _deck_title(deck_id: str | None) -> str | None:
    if deck_id is None:
        return None
    try:
        return deckstore.store().get(deck_id).title
    except (DeckNotFound, DeckError):
        return None


def _slide(ctx: Ctx, query: dict[str, str], kind: str) -> ViewSlide:
    ss = st.session_state
    title = str(ss.get("addslide_title") or "").strip() or ss.get(_DEFAULT, "")
    region = ss.get("addslide_region") if kind == "region" else None
    label = ss.get("addslide_label") if kind == "label" else None
    callout = edits.callout(region, label)
    figures = deckviews.capture(ctx.page, query, callout.region if callout else None)  # compared on a later build
    return ViewSlide("", title[:TITLE_MAX], ctx.page, query, callout, figures, deckstore.build_id())


def _add(ctx: Ctx, query: dict[str, str], dropped: list[str], kind: str, current: str | None) -> bool:
    """Save the slide; True when it was (else the reason is said here)."""
    ss = st.session_state
    slide = _slide(ctx, query, kind)
    store = deckstore.store()
    try:
        if ss.get(f"addslide_target_{current or ''}") == "current" and current is not None:
            deck = _add_to(store, current, slide)
        else:
            name = str(ss.get("addslide_new_title") or "").strip() or ctx.t(
                "new_deck_default", date=dt.date.today().isoformat())
            deck = store.get(store.create(edits.append(new_deck(name[:TITLE_MAX], deckstore.build_id()), slide)))
    except StaleDeck:
        st.error(ctx.t("stale_add"), icon=":material/sync_problem:")
        return False
    except (DeckError, DeckNotFound) as err:
        st.error(ctx.t("deck_error"), icon=":material/error:")
        st.text(str(err))
        return False
    deckstore.set_current(deck.id)
    ss[_DONE] = {"id": deck.id, "title": deck.title, "n": len(deck.slides), "dropped": dropped, "page": ctx.page}
    return True


def _add_to(store, deck_id: str, slide: ViewSlide):
    """Add `slide` to the stored deck; read again and retried once when another save came first."""
    for attempt in range(2):
        deck = store.get(deck_id)
        try:
            return store.save(edits.append(deck, slide), deck.version)
        except StaleDeck:
            if attempt:
                raise
    raise AssertionError("unreachable")


def _confirmation(ctx: Ctx) -> None:
    done = st.session_state.get(_DONE)
    if not done or done["page"] != ctx.page:  # said on the page it was added from
        return
    st.success(ctx.t("added", n=done["n"]), icon=":material/check:")
    st.text(done["title"])  # the reader's text, as text
    if done["dropped"]:
        st.caption(ctx.t("dropped_keys", keys=", ".join(done["dropped"])))
    st.page_link(state.ROUTE_FILES[deckurls.DECK_PAGE], label=ctx.t("open_deck"), icon=":material/slideshow:",
                 query_params={"id": done["id"], **({"lang": ctx.lang} if ctx.lang != "ko" else {})})
