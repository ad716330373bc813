"""격차 분석: CV, Williamson, Gini and Theil T/L over time, with the 수도권/비수도권 Theil decomposition."""
import streamlit as st

from ui import components as cp
from ui import state
from ui.panels import disparity as dp

PREFERRED = ("grdp_nominal_krw_mn", "reg_pop_total_persons", "census_grdp_krw_mn", "census_population_persons")

ctx = cp.page_setup("disparity")
st.title(ctx.t("disp_title"))
st.caption(ctx.t("disp_intro"))

levels = [lv for lv in ("sido", "sigungu") if dp.options(lv)]
if not levels:
    st.info(ctx.t("no_indicators"))
    cp.raw_needed(ctx, expanded=True)
    st.stop()

c1, c2, c3 = st.columns([3, 1.9, 2.4])
level = cp.pick_level(ctx, levels, container=c2)
ind = cp.pick_indicator(ctx, dp.options(level), PREFERRED, container=c1)
density = dp.is_population_count(ind)
weighting = state.bind("weighting", lambda k: c3.segmented_control(
    ctx.t("weighting"), list(dp.WEIGHTINGS), key=k, required=True, disabled=density,
    format_func=lambda w: ctx.t(f"weighting_{w}"), help=ctx.t("weighting_help")),
    options=list(dp.WEIGHTINGS), default="population", scope=ctx.page)

c4, c5, c6 = st.columns([3, 1.9, 2.4])
measure_names = {m: dp.measure_name(m, ctx.lang) for m in dp.MEASURE_IDS}
chosen = state.bind("measures", lambda k: c4.multiselect(
    ctx.t("measures_pick"), list(dp.MEASURE_IDS), key=k, format_func=measure_names.get),
    valid=lambda v: isinstance(v, list) and len(v) > 0 and all(m in dp.MEASURE_IDS for m in v),
    default=list(dp.MEASURE_IDS), scope=ctx.page,
    parse=dp.parse_measures, serialize=",".join)
kind = cp.pick_choice(ctx, "theil", ["t", "l"], "t", ctx.t("decomp_kind"),
                      {"t": "Theil T", "l": "Theil L"} if ctx.lang == "en" else {"t": "타일 T", "l": "타일 L"},
                      container=c5)
with c6:
    show_events = st.toggle(ctx.t("events_toggle"), value=True, key="disp_events")
    common_only = st.toggle(ctx.t("common_only"), value=False, key="disp_common", help=ctx.t("common_only_help"))

table, reading, full = dp.table(ctx, ind, level, weighting, common_only)
st.markdown(f"**{ctx.t('reading')}**: {reading}")
if density:
    st.caption(ctx.t("weighting_ignored"))
if table.empty or table["n_regions"].max() < 2:
    st.info(ctx.t("disp_empty"))
    cp.raw_needed(ctx)
    st.stop()
note = dp.partial_note(ctx, table, full)
if note:
    st.warning(note, icon=":material/info:")

chosen = [m for m in dp.MEASURE_IDS if m in chosen]
fig = dp.measures_figure(ctx, ind, level, table, chosen, full, reading, show_events)
cp.show_figure(fig, key="disp_measures", filename=f"disparity_{ind}_{level}_{weighting}", ctx=ctx,
               data=table)

dfig = dp.decomposition_figure(ctx, ind, level, table, kind, full, reading, show_events)
cp.show_figure(dfig, key="disp_decomp", filename=f"theil_{kind}_decomposition_{ind}_{level}_{weighting}", ctx=ctx,
               data=table[["indicator", "level", "weighting", "year", "n_regions", "n_full", f"theil_{kind}",
                           f"theil_{kind}_between", f"theil_{kind}_within", f"theil_{kind}_between_share"]])
st.caption(ctx.t("decomp_caption"))

st.subheader(ctx.t("disp_table"))
pct = {"format": "percent"}
cols = {
    "year": st.column_config.NumberColumn(ctx.t("year"), format="%d"),
    "n_regions": st.column_config.NumberColumn(ctx.t("n_regions"), format="%d"),
    "n_full": st.column_config.NumberColumn(ctx.t("n_full"), format="%d"),
    "regions_absent": st.column_config.TextColumn(ctx.t("regions_absent")),
    "theil_t_between_share": st.column_config.NumberColumn(ctx.t("between_share") + " (T)", **pct),
    "theil_l_between_share": st.column_config.NumberColumn(ctx.t("between_share") + " (L)", **pct),
}
for m in ("cv", "cv_weighted", "gini", "theil_t", "theil_l"):
    cols[m] = st.column_config.NumberColumn(dp.measure_name(m, ctx.lang), format="%.5f")
for k in ("t", "l"):
    cols[f"theil_{k}_between"] = st.column_config.NumberColumn(f"{ctx.t('between')} ({k.upper()})", format="%.5f")
    cols[f"theil_{k}_within"] = st.column_config.NumberColumn(f"{ctx.t('within')} ({k.upper()})", format="%.5f")
st.dataframe(table, hide_index=True, width="stretch", height=420, column_config=cols,
             column_order=["year", "n_regions", "n_full", "cv", "cv_weighted", "gini", "theil_t", "theil_t_between",
                           "theil_t_within", "theil_t_between_share", "theil_l", "theil_l_between", "theil_l_within",
                           "theil_l_between_share", "regions_absent"])
st.caption(ctx.t("disp_table_note"))
with st.expander(ctx.t("definitions"), expanded=False):
    st.dataframe(dp.definitions(ctx), hide_index=True, width="stretch")
    st.markdown(ctx.t("decomp_formula"))
if show_events:
    with st.expander(ctx.t("events_table")):
        ev = cp.events(ctx.lang)
        st.dataframe(ev[["date", "label", "source_doc"]], hide_index=True, width="stretch")
cp.raw_needed(ctx)
