"""지도: one indicator by 권역, 시도 or 시군구 for a year; click a 시도/시군구 to open its profile.

권역 is offered for every indicator with 권역 values (sums of 시도, or 경인지방통계청's own 권역
series) and for every other indicator with 시도 values, where it says why no 권역 value exists."""
import streamlit as st

import app_data
from ui import maps, page, pickers
from ui.figures import download_csv, show_figure
from ui.panels import mapview

PREFERRED = ("extinction_risk_index_reg", "extinction_risk_index_res", "grdp_per_capita_krw_th",
             "census_grdp_per_capita_krw_th", "fiscal_self_reliance_pct", "census_tfr")

ctx = page.open_page("map", "map_title")
ids = app_data.mappable_indicators(macro=True)
page.stop_unless(bool(ids), ctx, ctx.t("no_indicators"))

c1, c2, c3, c4 = st.columns([2.6, 1.9, 1.9, 2.0] if ctx.lang == "ko" else [2.3, 2.0, 1.5, 2.6])
ind_id = pickers.pick_indicator(ctx, ids, PREFERRED, container=c1)
ind = app_data.indicator(ind_id)
level = pickers.pick_level(ctx, app_data.levels_for(ind_id, macro=True), container=c2, short=True,
                           help=ctx.t("macro_members", members=maps.macro_members(ctx.lang)))
years = app_data.years_for(ind_id, level)
# 권역 chosen for an indicator without 권역 values: say why, nothing to draw
page.stop_unless(bool(years), ctx, maps.macro_gap_text(ctx, ind_id), icon=":material/info:", expanded=False,
                 caption=mapview.no_level_caption(ctx, ind))
year = pickers.pick_year(ctx, years, container=c3)
scale = pickers.pick_choice(ctx, "scale", mapview.scales(ind, year), "value", ctx.t("scale"),
                            mapview.scale_labels(ctx), container=c4)

fig, table = maps.indicator_map(ctx, ind_id, level, year, scale)
left, right = st.columns([3, 2], gap="medium")
with left:
    profiles = level != "macro"  # the region page profiles 시도 and 시군구
    event = show_figure(fig, key="map_chart", filename=f"{ind_id}_{level}_{year}", ctx=ctx, selectable=profiles)
    st.caption(ctx.t("click_hint") if profiles else ctx.t("macro_members", members=maps.macro_members(ctx.lang)))
if profiles:
    page.profile_on_click(event, table["region_code"])

with right:
    st.subheader(ctx.t("table_title"))
    shown = table.sort_values(["rank", "region_code"], na_position="last")
    st.dataframe(shown, hide_index=True, width="stretch", height=560 if len(shown) > 14 else "auto",
                 column_order=mapview.TABLE_ORDER, column_config=mapview.table_columns(ctx, table["unit"].iat[0]))
    download_csv(shown, f"{ind_id}_{level}_{year}", ctx, key="dl_map_table")
page.raw_needed(ctx)
