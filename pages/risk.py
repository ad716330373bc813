"""지방소멸: KEIS extinction-risk classes by 시군구 — map, counts per class over years, list."""
import streamlit as st

import app_data
from indicators import derive
from ui import components as cp
from ui import format as fmt
from ui import maps, risk, state

ctx = cp.page_setup("risk")
st.title(ctx.t("risk_title"))
st.caption(ctx.t("risk_intro"))

bases = app_data.risk_bases()
if not bases:
    st.info(ctx.t("risk_missing"))
    cp.raw_needed(ctx, [f"extinction_risk_index_{b}" for b in derive.BASES], expanded=True)
    st.stop()

c1, c2 = st.columns([2, 3])
basis = cp.pick_choice(ctx, "basis", bases, bases[0], ctx.t("basis"), risk.basis_labels(ctx.lang), container=c1)
year = cp.pick_year(ctx, app_data.years_for(f"extinction_risk_index_{basis}", "sigungu"), container=c2)

fig, frame = maps.risk_map(ctx, basis, year)
left, right = st.columns([3, 2], gap="medium")
with left:
    event = cp.show_figure(fig, key="risk_map", filename=f"extinction_risk_{basis}_{year}", ctx=ctx,
                           data=risk.class_table(ctx, frame, basis, year), selectable=True)
points = event.get("selection", {}).get("points", []) if event else []
clicked = [p.get("location") for p in points if p.get("location") in set(frame["region_code"])]
if clicked:
    state.open_page("region", region=clicked[0])

with right:
    st.subheader(ctx.t("risk_list"))
    query = st.text_input(ctx.t("search"), key="risk_search", placeholder="예: 경북, 군위" if ctx.lang == "ko" else "")
    at_risk = risk.at_risk_table(ctx, frame, basis, year, query)
    st.caption(f"{len(at_risk)} · {fmt.year_text(year, ctx.lang)} · {derive.BASES[basis]}")
    st.dataframe(at_risk, hide_index=True, width="stretch", height=520, column_config=risk.list_columns(ctx),
                 column_order=["region", "extinction_risk_index", "risk_class", "is_capital_region", "female_20_39",
                               "age65plus", "region_code"])
    cp.download_csv(at_risk, f"at_risk_sigungu_{basis}_{year}", ctx, key="dl_risk_list")

cfig, ctable = risk.counts_figure(ctx, basis)
cp.show_figure(cfig, key="risk_counts", filename=f"extinction_risk_counts_{basis}", ctx=ctx, data=ctable)
cp.raw_needed(ctx, [f"extinction_risk_index_{b}" for b in derive.BASES])
