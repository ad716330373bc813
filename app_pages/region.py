"""지역: one 시도 or 시군구 — every indicator it has, rank, and value against nation/CR/NC."""
import streamlit as st

import app_data
from geo import regions
from ui import components as cp
from ui.panels import region

ctx = cp.page_setup("region")
st.title(ctx.t("region_title"))

code = cp.pick_region(ctx, cp.all_region_codes(), "11")
st.subheader(regions.name(code, ctx.lang) if len(code) == 5 else regions.name(code, ctx.lang, full=True))
st.caption(region.header(ctx, code))

prof = app_data.region_profile(code)
if prof.empty:
    st.info(ctx.t("no_region_data"))
    st.stop()

tab = region.table(ctx, prof)
fig, rel = region.relative_figure(ctx, code, tab)
if fig is not None:
    cp.show_figure(fig, key="region_relative", filename=f"region_{code}_relative", ctx=ctx,
                   data=rel.drop(columns=["trend"]))

st.subheader(ctx.t("region_table"))
st.dataframe(tab, hide_index=True, width="stretch", height=640, column_config=region.columns(ctx),
             column_order=["name", "year", "value_text", "rank", "trend", "nation_text", "capital_text",
                           "noncapital_text", "share_of_nation_pct", "relative_to_nation_100", "source"])
cp.download_csv(tab.drop(columns=["trend", "value_text", "nation_text", "capital_text", "noncapital_text"]),
                f"region_{code}", ctx, key="dl_region")
