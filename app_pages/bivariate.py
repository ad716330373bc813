"""이변량 지도: any two indicators at one level and year as 3 × 3 tercile classes, missing areas hatched."""
import streamlit as st

from ui import datatable, maps, page, pickers
from ui import format as fmt
from ui.figures import download_csv
from ui.panels import bivariate as bv

ctx = page.open_page("bivariate", "biv_title", "biv_intro")
ids = bv.options()
page.stop_unless(len(ids) >= 2, ctx, ctx.t("no_indicators"))

dx, dy, dlevel, _ = bv.default_pair()
settings = page.controls(ctx)
c1, c2 = settings.columns(2)
x = pickers.pick_indicator(ctx, ids, default=dx, label=ctx.t("biv_x"), container=c1)
y = pickers.pick_indicator(ctx, ids, name="indicator2", default=dy, label=ctx.t("biv_y"), container=c2)

levels = bv.common_levels(x, y)
page.stop_unless(bool(levels), ctx, ctx.t("biv_no_level"), notice=False)
c3, c4 = settings.columns([1.4, 4])
level = pickers.pick_level(ctx, levels, default=dlevel, container=c3, short=True)
years = bv.common_years(x, y, level)
page.stop_unless(bool(years), ctx, ctx.t("biv_no_year"), notice=False)
year = pickers.pick_year(ctx, years, default=bv.default_year(x, y, level, years), container=c4)
if x == y:
    st.caption(ctx.t("biv_same"))

f = bv.frame(ctx, x, y, level, year)
# presenter mode: the map across the screen, the tables below it
left, right = st.columns([3, 2], gap="medium") if not ctx.presenter else (st.container(), st.container())
with left:
    maps.show_view(ctx, bv.map_view(ctx, f, x, y, level, year), key="biv_view")
    page.slide_end(ctx)
with right:
    st.markdown(f"**{ctx.t('biv_cuts')}**")
    datatable.show(ctx, bv.cut_table(ctx, f, x, y), key="biv_cuts", column_config=bv.cut_columns(ctx, x, y),
                   sortable=False)
    st.caption(ctx.t("biv_cut_note"))
    st.markdown(f"**{ctx.t('table_title')}**")
    shown = bv.shown_table(f)
    datatable.show(ctx, shown, key="biv_table", height=380, column_order=bv.TABLE_ORDER,
                   column_config=bv.table_columns(ctx, x, y, shown))
    download_csv(shown.assign(x_indicator=x, y_indicator=y, x_unit=fmt.unit_label(x, ctx.lang),
                              y_unit=fmt.unit_label(y, ctx.lang)), f"bivariate_{x}_{y}_{level}_{year}", ctx,
                 key="dl_biv", source=f"{fmt.source_text(x, ctx.lang)}; {fmt.source_text(y, ctx.lang)}")
if bv.missing_caption(ctx, f):
    st.caption(bv.missing_caption(ctx, f))
page.raw_needed(ctx, bv.default_inputs())
