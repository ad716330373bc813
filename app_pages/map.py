"""지도: one indicator by 권역, 시도 or 시군구 for a year; click a 시도/시군구 to open its profile.

권역 is offered for every indicator with 권역 values (sums of 시도, or 경인지방통계청's own 권역
series) and for every other indicator with 시도 values, where it says why no 권역 value exists."""
import streamlit as st

import app_data
from ui import components as cp
from ui import maps, state

PREFERRED = ("extinction_risk_index_reg", "extinction_risk_index_res", "grdp_per_capita_krw_th",
             "census_grdp_per_capita_krw_th", "fiscal_self_reliance_pct", "census_tfr")

ctx = cp.page_setup("map")
st.title(ctx.t("map_title"))

ids = app_data.mappable_indicators(macro=True)
if not ids:
    st.info(ctx.t("no_indicators"))
    cp.raw_needed(ctx, expanded=True)
    st.stop()

c1, c2, c3, c4 = st.columns([2.6, 1.9, 1.9, 2.0] if ctx.lang == "ko" else [2.3, 2.0, 1.5, 2.6])
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
year = cp.pick_year(ctx, years, container=c3)
scales = ["value", "relative"] if app_data.series(ind, ["00"])["year"].eq(year).any() else ["value"]
scale = cp.pick_choice(ctx, "scale", scales, "value", ctx.t("scale"),
                       {"value": ctx.t("scale_value"), "relative": ctx.t("scale_relative")}, container=c4)

fig, table = maps.indicator_map(ctx, ind, level, year, scale)
left, right = st.columns([3, 2], gap="medium")
with left:
    profiles = level != "macro"  # the region page profiles 시도 and 시군구
    event = cp.show_figure(fig, key="map_chart", filename=f"{ind}_{level}_{year}", ctx=ctx, selectable=profiles)
    st.caption(ctx.t("click_hint") if profiles else ctx.t("macro_members", members=maps.macro_members(ctx.lang)))
points = event.get("selection", {}).get("points", []) if event and profiles else []
clicked = [p.get("location") for p in points if p.get("location") in set(table["region_code"])]
if clicked:
    state.open_page("region", region=clicked[0])

with right:
    st.subheader(ctx.t("table_title"))
    shown = table.sort_values(["rank", "region_code"], na_position="last")
    st.dataframe(shown, hide_index=True, width="stretch", height=560 if len(shown) > 14 else "auto",
                 column_order=["region", "value", "relative_to_nation_100", "rank", "is_capital_region",
                               "region_code"],
                 column_config={
                     "region_code": st.column_config.TextColumn("code"),
                     "region": st.column_config.TextColumn(ctx.t("region")),
                     "is_capital_region": st.column_config.CheckboxColumn(ctx.t("CR")),
                     "value": st.column_config.NumberColumn(f"{ctx.t('value')} ({table['unit'].iat[0]})",
                                                            format="localized"),
                     "rank": st.column_config.NumberColumn(ctx.t("rank")),
                     "relative_to_nation_100": st.column_config.NumberColumn(ctx.t("relative_unit"), format="%.1f"),
                 })
    cp.download_csv(shown, f"{ind}_{level}_{year}", ctx, key="dl_map_table")
cp.raw_needed(ctx)
