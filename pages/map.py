"""지도: one indicator by 시도 or 시군구 for a year; click a region to open its profile."""
import streamlit as st

import app_data
from ui import components as cp
from ui import maps, state

PREFERRED = ("extinction_risk_index_reg", "extinction_risk_index_res", "grdp_per_capita_krw_th",
             "census_grdp_per_capita_krw_th", "fiscal_self_reliance_pct", "census_tfr")

ctx = cp.page_setup("map")
st.title(ctx.t("map_title"))

ids = app_data.mappable_indicators()
if not ids:
    st.info(ctx.t("no_indicators"))
    cp.raw_needed(ctx, expanded=True)
    st.stop()

c1, c2, c3, c4 = st.columns([3.2, 1.3, 2.4, 1.6])
ind = cp.pick_indicator(ctx, ids, PREFERRED, container=c1)
level = cp.pick_level(ctx, app_data.levels_for(ind), container=c2)
year = cp.pick_year(ctx, app_data.years_for(ind, level), container=c3)
scales = ["value", "relative"] if app_data.series(ind, ["00"])["year"].eq(year).any() else ["value"]
scale = cp.pick_choice(ctx, "scale", scales, "value", ctx.t("scale"),
                       {"value": ctx.t("scale_value"), "relative": ctx.t("scale_relative")}, container=c4)

fig, table = maps.indicator_map(ctx, ind, level, year, scale)
left, right = st.columns([3, 2], gap="medium")
with left:
    event = cp.show_figure(fig, key="map_chart", filename=f"{ind}_{level}_{year}", ctx=ctx, selectable=True)
    st.caption(ctx.t("click_hint"))
points = event.get("selection", {}).get("points", []) if event else []
clicked = [p.get("location") for p in points if p.get("location") in set(table["region_code"])]
if clicked:
    state.open_page("region", region=clicked[0])

with right:
    st.subheader(ctx.t("table_title"))
    shown = table.sort_values(["rank", "region_code"], na_position="last")
    st.dataframe(shown, hide_index=True, width="stretch", height=560,
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
