"""지역: one 시도 or 시군구 — every indicator it has, rank, and value against nation/CR/NC; its month-end
figures newer than the year series, apart from it."""
import streamlit as st

import app_data
from indicators.views import brief
from ui import barchart, datatable, nav, page, pickers
from ui.figures import download_csv
from ui.panels import region, region_compare, region_month

ctx = page.open_page("region", "region_title")

controls = page.controls(ctx)
c1, c2 = controls.columns([1, 1])
code = pickers.pick_region(ctx, pickers.all_region_codes(), "11", container=c1)
others = pickers.pick_regions(ctx, "with", [c for c in pickers.all_region_codes() if c != code], ctx.t("compare_with"),
                              container=c2, max_n=region_compare.MAX_OTHERS)
if not ctx.presenter:  # presenter mode: the chart's title names the region
    st.subheader(region.title(ctx, code))
    st.caption(region.header(ctx, code))

prof = app_data.region_profile(code)
page.stop_unless(not prof.empty, ctx, ctx.t("no_region_data"), notice=False)

tab = region.table(ctx, code)
view, rel = region.relative_chart(ctx, code)
if view is not None:
    barchart.show(ctx, view, key="region_relative", filename=f"region_{code}_relative",
                  data=rel.drop(columns=["trend", "source"]))  # the CSV's source: producer, table, years
    page.define(ctx, list(dict.fromkeys(rel["indicator"])))
page.slide_end(ctx)
if not ctx.presenter and code in brief.brief_codes(app_data.boundary_set()):  # a union stand-in has no brief
    nav.page_link("brief", ctx.t("brief_link"), icon=":material/print:", region=code)

if others:  # up to four regions side by side (?with=47730,11)
    region_compare.show(ctx, [code, *others])
    download_csv(region_compare.csv_frame(ctx, [code, *others]), f"regions_{'_'.join([code, *others])}", ctx,
                 key="dl_region_compare")

month = region_month.newer(ctx, code)  # under the figure (first on a phone's screen), apart from the year tables
if not month.empty and not ctx.presenter:
    region_month.show(ctx, month)

st.subheader(ctx.t("region_table"))
datatable.show(ctx, tab, key="region_profile", height=region.table_height(len(tab), "profile"),
               column_config=region.columns(ctx), column_order=region.TABLE_ORDER, row_key="indicator")

st.subheader(ctx.t("region_series_title"))
st.caption(ctx.t("region_series_note"))
series = region.series_table(ctx, code)
datatable.show(ctx, series, key="region_series", height=region.table_height(len(series), "series"),
               column_config=region.series_columns(ctx, code))
download_csv(region.series_csv(ctx, code), f"region_{code}_all_years", ctx, key="dl_region_series",
             label=ctx.t("region_series_csv"))
