"""추이: capital region vs the rest over every year of an indicator, with policy events; or the seven
권역 side by side (view '7개 권역', for every indicator with 권역 values, e.g. 경인지방통계청's gi_*)."""
import streamlit as st

import app_data
from ui import linechart, macro, page, pickers
from ui.panels import trends, trends_macro

PREFERRED = ("reg_population_persons", "grdp_nominal_krw_mn", "census_population_persons", "census_grdp_krw_mn")

ctx, title = page.open_page_slot("trends")  # the title is filled once the view is known
ids = trends.options()
if not ids:
    title.title(ctx.t("trends_title"))
page.stop_unless(bool(ids), ctx, ctx.t("no_indicators"))

settings = page.controls(ctx)
c1, c2, c3 = settings.columns([2.6, 2.0, 2.4])
ind_id = pickers.pick_indicator(ctx, ids, PREFERRED, container=c1)
ind = app_data.indicator(ind_id)
view = pickers.pick_choice(ctx, "view", list(trends.VIEWS), trends_macro.default_view(ind_id), ctx.t("trend_view"),
                           trends.view_labels(ctx), container=c2)
title.title(ctx.t("trends_title_macro" if view == "macro" else "trends_title"))

if view == "macro":  # the seven 권역 side by side
    page.stop_unless(bool(app_data.years_for(ind_id, "macro")), ctx, macro.macro_gap_text(ctx, ind_id),
                     icon=":material/info:", expanded=False)
    measures = trends_macro.macro_measures_for(ind_id)
    measure = pickers.pick_choice(ctx, "measure", measures, "level", ctx.t("measure"),
                                  trends.measure_labels(ctx, measures), container=c3)
    show_events = page.events_toggle(ctx, settings)
    view, table = trends_macro.macro_chart(ctx, ind, measure, show_events)
    linechart.show(ctx, view, key="trend_chart", filename=f"trend_{ind_id}_macro_{measure}", data=table)
    page.define(ctx, [ind])
    st.caption(ctx.t("macro_members", members=macro.macro_members(ctx.lang)))
else:
    measures = trends.measures_for(ind_id)
    measure = pickers.pick_choice(ctx, "measure", measures, "share" if "share" in measures else "level",
                                  ctx.t("measure"), trends.measure_labels(ctx, measures), container=c3)
    c4, c5 = settings.columns([3, 2.4])
    compare = pickers.pick_regions(ctx, "compare", trends.compare_options(ind_id), ctx.t("compare"), container=c4)
    show_events = page.events_toggle(ctx, c5)
    if measures == ["level"]:
        st.info(ctx.t("no_groups"))
    elif measure != "level" and compare:
        st.caption(ctx.t("compare_level_only"))
    view, table = trends.chart(ctx, ind, measure, compare, show_events)
    linechart.show(ctx, view, key="trend_chart", filename=f"trend_{ind_id}_{measure}", data=table)
    page.define(ctx, [ind])
page.slide_end(ctx)

if show_events:
    page.events_table(ctx, ("number", "date", "label", "source", "quote"))
mview, mtable = trends.migration_chart(ctx, show_events)
if mview is not None:
    linechart.show(ctx, mview, key="migration_chart", filename="net_migration_capital_region", data=mtable,
                   follow=True)  # presenting: drawn to the trend chart's year (one set of year controls)
    page.define(ctx, ["migration_net_persons"])
page.raw_needed(ctx)
