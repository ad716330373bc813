"""지도: one indicator by 권역, 시도 or 시군구, every year in the browser (play, scrub, 수도권 zoom);
click a 시도/시군구 to open its profile.

권역 is offered for every indicator with 권역 values (sums of 시도, or 경인지방통계청's own 권역
series) and for every other indicator with 시도 values, where it says why no 권역 value exists."""
import streamlit as st

import app_data
from ui import macro, maps, page, pickers
from ui.panels import map_controls

PREFERRED = ("reg_extinction_risk_index", "res_extinction_risk_index", "grdp_per_capita_krw_th",
             "census_grdp_per_capita_krw_th", "fiscal_self_reliance_pct", "census_tfr")

ctx = page.open_page("map", "map_title")
ids = app_data.mappable_indicators(macro=True)
page.stop_unless(bool(ids), ctx, ctx.t("no_indicators"))

c1, c2, c3 = page.controls(ctx).columns([2.6, 1.9, 2.0] if ctx.lang == "ko" else [2.3, 2.0, 2.6])
ind_id = pickers.pick_indicator(ctx, ids, PREFERRED, container=c1)
ind = app_data.indicator(ind_id)
level = pickers.pick_level(ctx, app_data.levels_for(ind_id, macro=True), container=c2, short=True,
                           help=ctx.t("macro_members", members=macro.macro_members(ctx.lang)))
# 권역 chosen for an indicator without 권역 values: say why, nothing to draw
page.stop_unless(bool(app_data.years_for(ind_id, level)), ctx, macro.macro_gap_text(ctx, ind_id),
                 icon=":material/info:", expanded=False, caption=map_controls.no_level_caption(ctx, ind))
scale = pickers.pick_choice(ctx, "scale", map_controls.scales(ind), "value", ctx.t("scale"),
                            map_controls.scale_labels(ctx), container=c3)

maps.show_view(ctx, maps.indicator_view(ctx, ind_id, level, scale), key="map_view")
st.caption(ctx.t("click_hint") if level != "macro" else ctx.t("macro_members", members=macro.macro_members(ctx.lang)))
page.raw_needed(ctx)
