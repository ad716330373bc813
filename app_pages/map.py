"""지도: one indicator by 권역, 시도 or 시군구, every year in the browser (play, scrub, 수도권 zoom);
click a 시도/시군구 to open its profile.

The level is chosen first and the indicator list offers what it has (권역: sums of 시도, or
경인지방통계청's own 권역 series); an indicator the level lacks gives way with a note
(`ui.panels.map_controls`)."""
import streamlit as st

import app_data
from ui import macro, maps, page, pickers
from ui.panels import map_compare, map_controls

PREFERRED = ("reg_extinction_risk_index", "res_extinction_risk_index", "grdp_per_capita_krw_th",
             "census_grdp_per_capita_krw_th", "fiscal_self_reliance_pct", "census_tfr")

ctx = page.open_page("map", "map_title")
offered_levels = map_controls.levels()
page.stop_unless(bool(offered_levels), ctx, ctx.t("no_indicators"))

settings = page.controls(ctx)
c1, c2, c3 = settings.columns([1.9, 2.6, 2.0] if ctx.lang == "ko" else [2.0, 2.3, 2.6])
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

years = app_data.years_for(ind_id, level)
modes = [m for m in map_compare.MODES if m == "none" or len(years) > 1 or m == "indicators"]
c4, c5, c6 = settings.columns([2.6, 1.7, 1.7])
mode = pickers.pick_choice(ctx, "compare", modes, "none", ctx.t("map_compare"), map_compare.mode_labels(ctx),
                           container=c4)
with st.container(key="map_figure"):  # the page's figure, whichever the mode (a deck's slide shows it)
    if mode == "none":
        maps.show_view(ctx, maps.indicator_view(ctx, ind_id, level, scale), key="map_view")
    elif mode in ("change", "years"):  # one indicator, two years
        labels = {y: str(y) for y in years}
        y0 = pickers.pick_select(ctx, "from", years, years[0], ctx.t("year_from"), labels, container=c5, parse=int)
        y1 = pickers.pick_select(ctx, "to", years, years[-1], ctx.t("year_to"), labels, container=c6, parse=int)
        if mode == "change":
            as_pct = pickers.pick_choice(ctx, "change_as", ["unit", "pct"], "unit", ctx.t("change_as"),
                                         map_compare.change_labels(ctx, ind), container=c4) == "pct"
            maps.show_view(ctx, map_compare.change_view(ctx, ind, level, y0, y1, as_pct), key="map_change")
        else:
            map_compare.show_pair(ctx, map_compare.year_pair(ctx, ind, level, y0, y1), ctx.t("map_pair_shared"))
    else:  # two indicators, one year both have
        other_id = pickers.pick_indicator(ctx, [i for i in ids if i != ind_id], PREFERRED, name="indicator2",
                                          label=ctx.t("indicator_2"), container=c5)
        other = app_data.indicator(other_id)
        common = sorted(set(years) & set(app_data.years_for(other_id, level)))
        page.stop_unless(bool(common), ctx, ctx.t("biv_no_year"), notice=False)
        year = pickers.pick_select(ctx, "year", common, common[-1], ctx.t("year"), {y: str(y) for y in common},
                                   container=c6, parse=int)
        map_compare.show_pair(ctx, map_compare.indicator_pair(ctx, ind, other, level, year),
                       ctx.t("map_pair_shared" if map_compare.shared_scale(ind, other) else "map_pair_own"))
page.slide_end(ctx)
st.caption(ctx.t("click_hint") if level != "macro" else ctx.t("macro_members", members=macro.macro_members(ctx.lang)))
page.raw_needed(ctx)
