"""지도: one indicator by 권역, 시도 or 시군구 for a year; click a 시도/시군구 to open its profile.

권역 is offered for every indicator with 권역 values (sums of 시도, or 경인지방통계청's own 권역
series) and for every other indicator with 시도 values, where it says why no 권역 value exists."""
import streamlit as st

import app_data
from ui import components as cp
from ui import maps

PREFERRED = ("extinction_risk_index_reg", "extinction_risk_index_res", "grdp_per_capita_krw_th",
             "census_grdp_per_capita_krw_th", "fiscal_self_reliance_pct", "census_tfr")

ctx = cp.page_setup("map")
st.title(ctx.t("map_title"))

ids = app_data.mappable_indicators(macro=True)
if not ids:
    st.info(ctx.t("no_indicators"))
    cp.raw_needed(ctx, expanded=True)
    st.stop()

c1, c2, c3 = st.columns([2.6, 1.9, 2.0] if ctx.lang == "ko" else [2.3, 2.0, 2.6])
ind = cp.pick_indicator(ctx, ids, PREFERRED, container=c1)
level = cp.pick_level(ctx, app_data.levels_for(ind, macro=True), container=c2, short=True,
                      help=ctx.t("macro_members", members=maps.macro_members(ctx.lang)))
years = app_data.years_for(ind, level)
if not years:  # 권역 chosen for an indicator without 권역 values: say why, nothing to draw
    st.info(maps.macro_gap_text(ctx, ind), icon=":material/info:")
    note = getattr(app_data.indicator(ind), "note", "")
    st.caption(ctx.t("macro_gap_hint") + (f"  \n{ctx.t('catalogue_note')}: {note}" if note else ""))
    cp.raw_needed(ctx)
    st.stop()
scales = ["value", "relative"] if not app_data.series(ind, ["00"]).empty else ["value"]
scale = cp.pick_choice(ctx, "scale", scales, "value", ctx.t("scale"),
                       {"value": ctx.t("scale_value"), "relative": ctx.t("scale_relative")}, container=c3)

maps.show_view(ctx, maps.indicator_view(ctx, ind, level, scale), key="map_view")
st.caption(ctx.t("click_hint") if level != "macro" else ctx.t("macro_members", members=maps.macro_members(ctx.lang)))
cp.download_csv(maps.all_years_table(ctx, ind, level), f"{ind}_{level}", ctx, key="dl_map_table")
cp.raw_needed(ctx)
