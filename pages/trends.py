"""추이: capital region vs the rest over every year of an indicator, with policy events."""
import streamlit as st

import app_data
from ui import components as cp
from ui import trends

PREFERRED = ("reg_pop_total_persons", "grdp_nominal_krw_mn", "census_population_persons", "census_grdp_krw_mn")

ctx = cp.page_setup("trends")
st.title(ctx.t("trends_title"))

ids = [i for i in app_data.available_indicators() if len(app_data.years_for(i)) > 1]
if not ids:
    st.info(ctx.t("no_indicators"))
    cp.raw_needed(ctx, expanded=True)
    st.stop()

c1, c2 = st.columns([3, 2.4])
ind = cp.pick_indicator(ctx, ids, PREFERRED, container=c1)
measures = trends.measures_for(ind)
measure = cp.pick_choice(ctx, "measure", measures, "share" if "share" in measures else "level", ctx.t("measure"),
                         {m: ctx.t(f"measure_{m}") for m in measures}, container=c2)
c3, c4 = st.columns([3, 2.4])
compare = cp.pick_regions(ctx, "compare", trends.compare_options(ind), ctx.t("compare"), container=c3)
show_events = c4.toggle(ctx.t("events_toggle"), value=True, key="trends_events")

if measures == ["level"]:
    st.info(ctx.t("no_groups"))
elif measure != "level" and compare:
    st.caption("비교 지역은 '수준' 보기에 표시됩니다." if ctx.lang == "ko" else "Compared regions show in the Level view.")

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
