"""추이: capital region vs the rest over every year of an indicator, with policy events; or the seven
권역 side by side (view '7개 권역', for every indicator with 권역 values, e.g. 경인지방통계청's gi_*)."""
import streamlit as st

import app_data
from ui import components as cp
from ui import maps
from ui.panels import trends

PREFERRED = ("reg_pop_total_persons", "grdp_nominal_krw_mn", "census_population_persons", "census_grdp_krw_mn")

ctx = cp.page_setup("trends")
title = st.empty()  # filled once the view is known

ids = [i for i in app_data.available_indicators() if len(app_data.years_for(i)) > 1]
if not ids:
    title.title(ctx.t("trends_title"))
    st.info(ctx.t("no_indicators"))
    cp.raw_needed(ctx, expanded=True)
    st.stop()

c1, c2, c3 = st.columns([2.6, 2.0, 2.4])
ind = cp.pick_indicator(ctx, ids, PREFERRED, container=c1)
view = cp.pick_choice(ctx, "view", list(trends.VIEWS), trends.default_view(ind), ctx.t("trend_view"),
                      {v: ctx.t(f"view_{v}") for v in trends.VIEWS}, container=c2)
title.title(ctx.t("trends_title_macro" if view == "macro" else "trends_title"))

if view == "macro":  # the seven 권역 side by side
    if not app_data.years_for(ind, "macro"):
        st.info(maps.macro_gap_text(ctx, ind), icon=":material/info:")
        cp.raw_needed(ctx)
        st.stop()
    measures = trends.macro_measures_for(ind)
    measure = cp.pick_choice(ctx, "measure", measures, "level", ctx.t("measure"),
                             {m: ctx.t(f"measure_{m}") for m in measures}, container=c3)
    show_events = st.toggle(ctx.t("events_toggle"), value=True, key="trends_events")
    fig, table = trends.macro_figure(ctx, ind, measure, show_events)
    cp.show_figure(fig, key="trend_chart", filename=f"trend_{ind}_macro_{measure}", ctx=ctx, data=table)
    st.caption(ctx.t("macro_members", members=maps.macro_members(ctx.lang)))
else:
    measures = trends.measures_for(ind)
    measure = cp.pick_choice(ctx, "measure", measures, "share" if "share" in measures else "level",
                             ctx.t("measure"), {m: ctx.t(f"measure_{m}") for m in measures}, container=c3)
    c4, c5 = st.columns([3, 2.4])
    compare = cp.pick_regions(ctx, "compare", trends.compare_options(ind), ctx.t("compare"), container=c4)
    show_events = c5.toggle(ctx.t("events_toggle"), value=True, key="trends_events")

    if measures == ["level"]:
        st.info(ctx.t("no_groups"))
    elif measure != "level" and compare:
        st.caption("비교 지역은 '수준' 보기에 표시됩니다." if ctx.lang == "ko"
                   else "Compared regions show in the Level view.")

    fig, table = trends.figure(ctx, ind, measure, compare, show_events)
    cp.show_figure(fig, key="trend_chart", filename=f"trend_{ind}_{measure}", ctx=ctx, data=table)

if show_events:
    with st.expander(ctx.t("events_table")):
        ev = cp.events(ctx.lang)
        st.dataframe(ev[["date", "label", "source_doc", "quote_ko"]], hide_index=True, width="stretch")

if "migration_net_persons" in app_data.available_indicators():
    mfig, mtable = trends.migration_figure(ctx, show_events)
    if mfig is not None:
        cp.show_figure(mfig, key="migration_chart", filename="net_migration_capital_region", ctx=ctx, data=mtable)

cp.raw_needed(ctx)
