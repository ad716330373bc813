"""개요: headline cards for the latest year and the capital share of every additive indicator."""
import streamlit as st

from ui import format as fmt
from ui import page
from ui.figures import download_csv, show_figure
from ui.panels import headlines

ctx = page.open_page("overview", "overview_title", "overview_intro")


def share_chart() -> None:
    shares = headlines.share_table()
    if not shares.empty:
        fig, data = headlines.share_figure(ctx, shares)
        show_figure(fig, key="capital_shares", filename=f"capital_share_{int(shares['year'].max())}", ctx=ctx,
                    data=data)
        page.define(ctx, list(data["indicator"]))


if ctx.presenter:  # the chart first, on the first screen; the cards below it
    share_chart()

cards = headlines.cards(ctx.lang)
for row in (cards[:3], cards[3:]):
    cols = st.columns(3)
    for col, card in zip(cols, row):
        with col.container(border=True):
            meaning = fmt.definition(card.indicator, ctx.lang) if card.indicator else None
            st.markdown(f"**{card.title}**", help=meaning if card.missing else None)  # else on the metric
            if card.missing:
                if card.reference_value:
                    st.metric(ctx.t("reference_point", y=card.year), card.reference_value)  # not the series
                    st.caption(card.reference_label)
                # under a reference figure: why there is no series (a caption, not a 'missing' box)
                (st.caption if card.reference_value else st.info)(card.missing)
                if card.source:
                    st.caption(card.source)
                continue
            delta = f"{card.delta} ({ctx.t('change_vs', y=card.delta_year)})" if card.delta else None
            color = "normal" if card.good_when_up is not False else "inverse"
            st.metric(fmt.year_text(card.year, ctx.lang), card.value, delta, delta_color=color, help=meaning)
            if len(card.spark_x) > 1:
                spark = headlines.sparkline(tuple(card.spark_x), tuple(card.spark_y))
                st.plotly_chart(spark, key=f"spark_{card.key}", theme=None, config={"displayModeBar": False})
            if card.note:
                st.caption(card.note)
            st.caption(card.source)

download_csv(headlines.cards_table(cards), "headline_figures", ctx, key="dl_headlines")

if not ctx.presenter:
    share_chart()

page.raw_needed(ctx)
