"""Adding slides on the deck page: a cover (title, subtitle, date, speaker), a headline number (one of 개요's
cards, or an indicator's latest value in a region: `ui.deckfigures`) and two of the deck's views side by side.
View slides come from the pages themselves ('슬라이드에 추가'). Each is added to the deck as the page showed
it and saved with that version (`ui.deckstore.save`)."""
from __future__ import annotations

import datetime as dt

import streamlit as st

import app_data
from decks import edits
from decks.fields import DeckError
from decks.model import SPEAKER_MAX, TEXT_MAX, TITLE_MAX, CoverSlide, Deck
from ui import addslide, deckfigures, deckstore, pickers, state
from ui.context import Ctx
from ui.i18n import t

CUSTOM = "custom"  # the headline choice: an indicator in a region, not a card
FIRST_INDICATOR = "reg_extinction_risk_index"  # offered first for a region's figure (의성군's index …)


def show(ctx: Ctx, deck: Deck, figures: dict[str, deckfigures.Figure]) -> None:
    st.subheader(ctx.t("deck_add"))
    st.caption(ctx.t("deck_add_views"))
    row = st.container(horizontal=True)
    views = edits.view_slides(deck)
    forms = (("add_cover", ":material/title:", lambda: _cover_form(ctx), {}),
             ("add_headline", ":material/counter_1:", lambda: _headline_form(ctx, figures), {}),
             ("add_pair", ":material/view_column_2:", lambda: _pair_form(ctx, views),
              {"disabled": len(views) < 2, "help": ctx.t("add_pair_help")}))
    for key, icon, form, extra in forms:  # each form drawn once its popover is opened
        box = row.popover(ctx.t(key), icon=icon, key=key, on_change="rerun", **extra)
        with box:
            if box.open:
                form()


def _cover_form(ctx: Ctx) -> None:
    with st.form("cover_form", border=False, enter_to_submit=False):
        st.text_input(ctx.t("slide_title"), max_chars=TITLE_MAX, key="cover_title")
        st.text_input(ctx.t("cover_subtitle"), max_chars=TEXT_MAX, key="cover_subtitle")
        st.date_input(ctx.t("cover_date"), value=dt.date.today(), key="cover_date")
        st.text_input(ctx.t("cover_speaker"), max_chars=SPEAKER_MAX, key="cover_speaker")
        st.form_submit_button(ctx.t("add_submit"), type="primary", on_click=_add_cover, args=(ctx.lang,))


def _add_cover(lang: str) -> None:
    ss = st.session_state
    title = str(ss.get("cover_title") or "").strip()
    if not title:
        deckstore.flash("error", t("cover_needs_title", lang))
        return
    slide = CoverSlide("", title, str(ss.get("cover_subtitle") or "").strip(), ss.get("cover_date"),
                       str(ss.get("cover_speaker") or "").strip())
    _append(lang, slide)


def headline_options(figures: dict[str, deckfigures.Figure]) -> list[str]:
    return [*figures, CUSTOM]


def _headline_form(ctx: Ctx, figures: dict[str, deckfigures.Figure]) -> None:
    options = headline_options(figures)
    labels = {k: f"{f.title}: {f.value} ({ctx.t('year_suffix', y=f.year)})" for k, f in figures.items()}
    labels[CUSTOM] = ctx.t("headline_custom")
    with st.form("headline_form", border=False, enter_to_submit=False):
        st.selectbox(ctx.t("headline_pick"), options, key="headline_choice", format_func=labels.get)
        inds = app_data.available_indicators()
        first = inds.index(FIRST_INDICATOR) if FIRST_INDICATOR in inds else 0
        st.selectbox(ctx.t("headline_indicator"), inds, index=first, key="headline_indicator",
                     format_func=lambda i: pickers.indicator_label(app_data.indicator(i), ctx.lang),
                     filter_mode="fuzzy")
        codes = ["00", *pickers.all_region_codes()]
        st.selectbox(ctx.t("headline_region"), codes, key="headline_region", filter_mode="fuzzy",
                     format_func=lambda c: addslide.region_name(c, ctx.lang))
        st.text_input(ctx.t("headline_title"), max_chars=TITLE_MAX, key="headline_title",
                      placeholder=ctx.t("headline_title_placeholder"))
        st.form_submit_button(ctx.t("add_submit"), type="primary", on_click=_add_headline, args=(ctx.lang, figures))


def _add_headline(lang: str, figures: dict[str, deckfigures.Figure]) -> None:
    ss = st.session_state
    choice = ss.get("headline_choice")
    if choice == CUSTOM:
        fig = deckfigures.region_figure(str(ss.get("headline_indicator")), str(ss.get("headline_region")), lang)
    else:
        fig = figures.get(choice)
    if fig is None:
        deckstore.flash("error", t("headline_no_value", lang))
        return
    _append(lang, deckfigures.headline_slide(fig, title=str(ss.get("headline_title") or ""),
                                             build=deckstore.build_id(), boundary_set=app_data.boundary_set()))


def _pair_form(ctx: Ctx, views: list) -> None:
    if len(views) < 2:
        st.caption(ctx.t("add_pair_help"))
        return
    ids = [v.id for v in views]
    names = {v.id: f"{i}. {v.title}" for i, v in enumerate(views, 1)}
    with st.form("pair_form", border=False, enter_to_submit=False):
        st.selectbox(ctx.t("pair_left"), ids, index=0, key="pair_left", format_func=names.get)
        st.selectbox(ctx.t("pair_right"), ids, index=1, key="pair_right", format_func=names.get)
        st.text_input(ctx.t("slide_title"), max_chars=TITLE_MAX, key="pair_title",
                      placeholder=ctx.t("pair_title_placeholder"))
        st.form_submit_button(ctx.t("add_submit"), type="primary", on_click=_add_pair, args=(ctx.lang,))


def _add_pair(lang: str) -> None:
    ss = st.session_state
    deck = deckstore.seen()
    try:
        slide = edits.pair_of(deck, str(ss.get("pair_left")), str(ss.get("pair_right")),
                              str(ss.get("pair_title") or ""), deckstore.build_id())
    except DeckError as err:
        deckstore.flash("error", t("deck_error", lang), str(err))
        return
    _append(lang, slide)


def _append(lang: str, slide) -> None:
    deck = deckstore.seen()
    try:
        edited = edits.append(deck, slide)
    except DeckError as err:
        deckstore.flash("error", t("deck_error", lang), str(err))
        return
    deckstore.save(edited, deck.version, lang, "slide_added")


def page_links(ctx: Ctx) -> None:
    """The pages a view slide comes from ('슬라이드에 추가' there), as links carrying the deck in progress."""
    cols = st.container(horizontal=True)
    for page in state.PAGES:
        cols.page_link(state.ROUTE_FILES[page], label=ctx.t(f"page_{page}"),
                       query_params={**({"lang": ctx.lang} if ctx.lang != "ko" else {}),
                                     **({"deck": deckstore.in_progress()} if deckstore.in_progress() else {})})

