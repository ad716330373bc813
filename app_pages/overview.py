"""개요: headline cards for the latest year and the capital share of every additive indicator."""
import streamlit as st

import app_data
from ui import charts
from ui import components as cp
from ui import format as fmt
from ui.panels import headlines

ctx = cp.page_setup("overview")
st.title(ctx.t("overview_title"))
st.caption(ctx.t("overview_intro"))

cards = headlines.cards(ctx.lang)
for row in (cards[:3], cards[3:]):
    cols = st.columns(3)
    for col, card in zip(cols, row):
        with col.container(border=True):
            st.markdown(f"**{card.title}**")
            if card.missing:
                if card.reference_value:
                    st.metric(ctx.t("reference_point", y=card.year), card.reference_value)
                    st.caption(card.reference_label)
                st.info(card.missing)
                if card.source:
                    st.caption(card.source)
                continue
            delta = f"{card.delta} ({ctx.t('change_vs', y=card.delta_year)})" if card.delta else None
            color = "normal" if card.good_when_up is not False else "inverse"
            st.metric(fmt.year_text(card.year, ctx.lang), card.value, delta, delta_color=color)
            if len(card.spark_x) > 1:
                st.plotly_chart(charts.sparkline(card.spark_x, card.spark_y), key=f"spark_{card.key}", theme=None,
                                config={"displayModeBar": False})
            if card.note:
                st.caption(card.note)
            st.caption(card.source)

cp.download_csv(headlines.cards_table(cards), "headline_figures", ctx, key="dl_headlines")

shares = headlines.share_table()
if not shares.empty:
    year = int(shares["year"].max())
    labels = [app_data.name(i, ctx.lang) for i in shares["indicator"]]
    hover = [f"<b>{n}</b><br>{v:.1f}% · {fmt.year_text(y, ctx.lang)}" for n, v, y in
             zip(labels, shares["capital_share_pct"], shares["year"])]
    text = [f"{v:.1f}% ({int(y)})" for v, y in zip(shares["capital_share_pct"], shares["year"])]
    fig = charts.hbars(labels, shares["capital_share_pct"].tolist(), colors=[charts.CR_COLOR] * len(labels),
                       x_title="%", hover=hover, ref=50.0, ref_label="50%", text=text)
    fig.update_xaxes(range=[0, 100])
    charts.finish(fig, title=ctx.t("share_chart_title", y=year), subtitle=f"% · {ctx.t('share_chart_note')}",
                  source=fmt.sources_line(shares["indicator"].tolist(), ctx.lang), presenter=ctx.presenter,
                  height=max(260, 34 * len(labels)), legend_top=False, extra_bottom=24)
    cp.show_figure(fig, key="capital_shares", filename=f"capital_share_{year}", ctx=ctx,
                   data=shares.assign(name=labels))

cp.raw_needed(ctx)
