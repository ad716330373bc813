"""개요: headline cards for the latest year and the capital share of every additive indicator."""
import streamlit as st

import app_data
from indicators.views import brief
from ui import barchart, nav, page
from ui import format as fmt
from ui.figures import download_csv
from ui.panels import headlines, trends

ctx = page.open_page("overview", "overview_title", "overview_intro")


def share_chart() -> None:
    shares = headlines.share_table()
    if not shares.empty:  # a bar opens that indicator's trend (its map where it has one year only)
        links = page.share_links(list(shares["indicator"]), set(trends.options()),
                                 set(app_data.mappable_indicators(macro=True)))
        view, data = headlines.share_chart(ctx, shares, links)
        barchart.show(ctx, view, key="capital_shares", filename=f"capital_share_{int(shares['year'].max())}",
                      data=data)
        page.slide_end(ctx)
        if not ctx.presenter:
            st.caption(ctx.t("share_click_hint"))
        page.define(ctx, list(data["indicator"]), folded="overview_glossary")  # 30 lines: drawn once opened


def card_box(card, *, compact: bool) -> None:
    """One headline card; `compact` (presenter mode): no sparkline, so the five fit the first screen."""
    meaning = fmt.definition(card.indicator, ctx.lang) if card.indicator else None
    st.markdown(f"**{card.title}**", help=meaning if card.missing else None)  # else on the metric
    if card.missing:
        if card.reference_value:  # a published figure instead of the series: one labelled number, the
            st.metric(ctx.t("reference_point", y=card.year), card.reference_value)  # reason as its note
            # presenter mode: the label says 'published figure (reference)'; the full note is off-screen
            st.caption(f"{card.reference_label} {card.missing}" if not compact else card.missing)
        else:
            st.info(card.missing)
        if card.source:
            st.caption(card.source)
        return
    delta = f"{card.delta} ({ctx.t('change_vs', y=card.delta_year)})" if card.delta else None
    color = "normal" if card.good_when_up is not False else "inverse"
    st.metric(fmt.year_text(card.year, ctx.lang), card.value, delta, delta_color=color, help=meaning)
    if len(card.spark_x) > 1 and not compact:
        st.markdown(headlines.sparkline(tuple(card.spark_x), tuple(card.spark_y)), unsafe_allow_html=True)
    if card.note and not compact:
        st.caption(card.note)
    st.caption(card.source)


if not ctx.slide:  # a deck's slide of 개요 is its figure, the share chart (a deck's headline slides hold cards)
    cards = headlines.cards(ctx.lang)
    for row in (cards[:3], cards[3:]):  # presenter mode: compact cards, the first screen holds all five
        cols = st.columns(3)
        for col, card in zip(cols, row):
            with col.container(border=True, key=f"card_{card.key}"):
                card_box(card, compact=ctx.presenter)

    download_csv(headlines.cards_table(cards), "headline_figures", ctx, key="dl_headlines")
    if not ctx.presenter:
        nav.page_link("brief", ctx.t("brief_capital_link"), icon=":material/print:", region=brief.CAPITAL)

share_chart()  # presenter mode too: below the cards, the first screen is the headline numbers

page.raw_needed(ctx)
