"""지도: one indicator by 권역, 시도 or 시군구, every year in the browser (play, scrub, 수도권 zoom);
click a 시도/시군구 to open its profile.

The level is chosen first and the indicator list offers what it has (권역: sums of 시도, or
경인지방통계청's own 권역 series); an indicator the level lacks gives way with a note
(`ui.panels.map_controls`)."""
import streamlit as st

import app_data
from ui import macro, maps, page, pickers
from ui.panels import map_controls

PREFERRED = ("reg_extinction_risk_index", "res_extinction_risk_index", "grdp_per_capita_krw_th",
             "census_grdp_per_capita_krw_th", "fiscal_self_reliance_pct", "census_tfr")

ctx = page.open_page("map", "map_title")
offered_levels = map_controls.levels()
page.stop_unless(bool(offered_levels), ctx, ctx.t("no_indicators"))

c1, c2, c3 = page.controls(ctx).columns([1.9, 2.6, 2.0] if ctx.lang == "ko" else [2.0, 2.3, 2.6])
wanted = map_controls.requested_indicator(ctx)
level = pickers.pick_level(ctx, offered_levels, map_controls.opening_level(wanted, offered_levels), container=c1,
                           short=True, help=ctx.t("macro_members", members=macro.macro_members(ctx.lang)))
ids = map_controls.indicators_at(level)
moved = map_controls.give_way(ctx, wanted, level, ids)  # before the picker: it then opens at the default
ind_id = pickers.pick_indicator(ctx, ids, PREFERRED, container=c2)
ind = app_data.indicator(ind_id)
if moved:
    st.info(moved, icon=":material/info:")
scale = pickers.pick_choice(ctx, "scale", map_controls.scales(ind), "value", ctx.t("scale"),
                            map_controls.scale_labels(ctx), container=c3)

maps.show_view(ctx, maps.indicator_view(ctx, ind_id, level, scale), key="map_view")
page.slide_end(ctx)
st.caption(ctx.t("click_hint") if level != "macro" else ctx.t("macro_members", members=macro.macro_members(ctx.lang)))
page.raw_needed(ctx)
