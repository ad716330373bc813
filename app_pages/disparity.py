"""격차 분석: CV, Williamson, Gini and Theil T/L over time, with the 수도권/비수도권 Theil decomposition."""
import streamlit as st

import app_data
from ui import datatable, linechart, page, pickers, state
from ui.panels import disparity as dp
from ui.panels import disparity_figures as dfig

PREFERRED = ("grdp_nominal_krw_mn", "reg_population_persons", "census_grdp_krw_mn", "census_population_persons")

ctx = page.open_page("disparity", "disp_title", "disp_intro")
levels = [lv for lv in ("sido", "sigungu") if dp.options(lv)]
page.stop_unless(bool(levels), ctx, ctx.t("no_indicators"))

settings = page.controls(ctx)
c1, c2, c3 = settings.columns([3, 1.9, 2.4])
level = pickers.pick_level(ctx, levels, container=c2, short=True)
ind_id = pickers.pick_indicator(ctx, dp.options(level), PREFERRED, container=c1)
ind = app_data.indicator(ind_id)
density = dp.is_population_count(ind_id)
weighting = pickers.pick_choice(ctx, "weighting", list(dp.WEIGHTINGS), "population", ctx.t("weighting"),
                                dp.weighting_labels(ctx), container=c3, disabled=density, help=ctx.t("weighting_help"))
chosen = pickers.pick_many(ctx, "measures", list(dp.MEASURE_IDS), ctx.t("measures_pick"), dp.measure_labels(ctx),
                           default=list(dp.MEASURE_IDS), container=settings, min_n=1, pills=True)  # a row of its own
c5, c6 = settings.columns([1, 1])
show_events = page.events_toggle(ctx, c5)
common_only = c6.toggle(ctx.t("common_only"), value=False, key=state.native_key("common", False),
                        bind="query-params", help=ctx.t("common_only_help"))

table, reading, full = dp.table(ctx, ind_id, level, weighting, common_only)
note = dp.partial_note(ctx, table, full)


def reading_notes() -> None:
    st.markdown(f"**{ctx.t('reading')}**: {reading}")
    if density:
        st.caption(ctx.t("weighting_ignored"))
    if note and not table.empty:
        st.warning(note, icon=":material/info:")


figure_first = ctx.presenter or ctx.phone  # presenting or on a phone: the chart first, these notes below it
if not figure_first:
    reading_notes()
page.stop_unless(not table.empty and table["n_regions"].max() >= 2, ctx, ctx.t("disp_empty"), expanded=False)

chosen = [m for m in dp.MEASURE_IDS if m in chosen]
linechart.show(ctx, dfig.measures_chart(ctx, ind, level, table, chosen, full, reading, show_events, note),
               key="disp_measures", filename=f"disparity_{ind_id}_{level}_{weighting}", data=table)
page.slide_end(ctx)
page.define(ctx, [ind])
if figure_first:
    reading_notes()
kind = pickers.pick_choice(ctx, "theil", ["t", "l"], "t", ctx.t("decomp_kind"), dp.kind_labels(ctx),
                           container=st.columns([1.9, 5.4])[0])  # the decomposition's own control, above it
linechart.show(ctx, dfig.decomposition_chart(ctx, ind, level, table, kind, full, reading, show_events),
               key="disp_decomp", filename=f"theil_{kind}_decomposition_{ind_id}_{level}_{weighting}",
               data=dp.decomposition_data(table, kind), follow=True)
st.caption(ctx.t("decomp_caption"))

st.subheader(ctx.t("disp_table"))
datatable.show(ctx, table, key="disp_table", height=420, column_config=dp.table_columns(ctx),
               column_order=dp.TABLE_ORDER)
st.caption(ctx.t("disp_table_note"))
with st.expander(ctx.t("definitions"), expanded=False):
    datatable.show(ctx, dp.definitions(ctx), key="disp_definitions", sortable=False)
    st.markdown(ctx.t("decomp_formula"))
if show_events:
    page.events_table(ctx)
page.raw_needed(ctx)
