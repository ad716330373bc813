"""이변량 지도: any two indicators at one level and year as 3 × 3 tercile classes, missing areas grey."""
import streamlit as st

from ui import components as cp
from ui import state
from ui.panels import bivariate as bv

ctx = cp.page_setup("bivariate")
st.title(ctx.t("biv_title"))
st.caption(ctx.t("biv_intro"))

ids = bv.options()
if len(ids) < 2:
    st.info(ctx.t("no_indicators"))
    cp.raw_needed(ctx, expanded=True)
    st.stop()

dx, dy, dlevel, dyear = bv.default_pair()
c1, c2 = st.columns(2)
x = state.bind("indicator", lambda k: c1.selectbox(
    ctx.t("biv_x"), ids, key=k, format_func=lambda i: cp.indicator_label(i, ctx.lang)),
    options=ids, default=dx, scope=ctx.page)
y = state.bind("indicator2", lambda k: c2.selectbox(
    ctx.t("biv_y"), ids, key=k, format_func=lambda i: cp.indicator_label(i, ctx.lang)),
    options=ids, default=dy, scope=ctx.page)

levels = bv.common_levels(x, y)
if not levels:
    st.info(ctx.t("biv_no_level"))
    st.stop()
c3, c4 = st.columns([1.4, 4])
level = cp.pick_level(ctx, levels, default=dlevel, container=c3)
years = bv.common_years(x, y, level)
if not years:
    st.info(ctx.t("biv_no_year"))
    st.stop()
default_year = dyear if (x, y, level) == (dx, dy, dlevel) and dyear in years else years[-1]


def render_year(key: str) -> int:
    if len(years) == 1:
        c4.markdown(f"**{ctx.t('year')}**: {years[0]}")
        return years[0]
    return c4.select_slider(ctx.t("year"), years, key=key)


year = state.bind("year", render_year, options=years, default=default_year, scope=ctx.page, parse=int)
if x == y:
    st.caption(ctx.t("biv_same"))

f = bv.frame(ctx, x, y, level, year)
left, right = st.columns([3, 2], gap="medium")
with left:
    fig = bv.figure(ctx, f, x, y, level, year)
    cp.show_figure(fig, key="biv_map", filename=f"bivariate_{x}_{y}_{level}_{year}", ctx=ctx)
with right:
    st.markdown(f"**{ctx.t('biv_cuts')}**")
    st.dataframe(bv.cut_table(ctx, f, x, y), hide_index=True, width="stretch",
                 column_config={"min": st.column_config.NumberColumn(format="localized"),
                                "max": st.column_config.NumberColumn(format="localized")})
    st.caption(ctx.t("biv_cut_note"))
    st.markdown(f"**{ctx.t('table_title')}**")
    shown = f.drop(columns=["hover"]).sort_values(["class", "region_code"], na_position="last")
    shown[["x_class", "y_class"]] = shown[["x_class", "y_class"]] + 1  # terciles 1 (low) … 3 (high)
    st.dataframe(shown, hide_index=True, width="stretch", height=380,
                 column_order=["region", "x_value", "y_value", "x_class", "y_class", "class", "is_capital_region",
                               "region_code"],
                 column_config={"region": st.column_config.TextColumn(ctx.t("region")),
                                "x_value": st.column_config.NumberColumn(f"X: {bv.short_name(x, ctx.lang)}",
                                                                         format="localized"),
                                "y_value": st.column_config.NumberColumn(f"Y: {bv.short_name(y, ctx.lang)}",
                                                                         format="localized"),
                                "x_class": st.column_config.NumberColumn(ctx.t("biv_xc"), format="%d"),
                                "y_class": st.column_config.NumberColumn(ctx.t("biv_yc"), format="%d"),
                                "class": st.column_config.NumberColumn(ctx.t("biv_class"), format="%d"),
                                "is_capital_region": st.column_config.CheckboxColumn(ctx.t("CR")),
                                "region_code": st.column_config.TextColumn("code")})
    cp.download_csv(shown.assign(x_indicator=x, y_indicator=y), f"bivariate_{x}_{y}_{level}_{year}", ctx,
                    key="dl_biv")
missing = f[f["class"].isna()]
if len(missing):
    st.caption(ctx.t("biv_missing_list", n=len(missing), names=", ".join(missing["region"].head(40)))
               + (" …" if len(missing) > 40 else ""))
cp.raw_needed(ctx, [i for i, *_ in bv.DEFAULT_PAIRS[:1]] + [bv.DEFAULT_PAIRS[0][1]])
