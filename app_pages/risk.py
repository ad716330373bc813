"""지방소멸: KEIS extinction-risk classes by 시군구 — map, counts per class over years, list."""
import streamlit as st

import app_data
from indicators import derive
from ui import components as cp
from ui import format as fmt
from ui import maps, state
from ui.panels import risk

ctx = cp.page_setup("risk")
st.title(ctx.t("risk_title"))
st.caption(ctx.t("risk_intro"))

bases = app_data.risk_bases()
if not bases:
    st.info(ctx.t("risk_missing"))
    cp.raw_needed(ctx, [f"extinction_risk_index_{b}" for b in derive.BASES], expanded=True)
    st.stop()

has_designations = not app_data.designations().empty
c1, c3 = st.columns([4, 2], vertical_alignment="bottom")
basis = cp.pick_choice(ctx, "basis", bases, bases[0], ctx.t("basis"), risk.basis_labels(ctx.lang), container=c1)
year = maps.page_year(ctx, app_data.years_for(f"extinction_risk_index_{basis}", "sigungu"))
outline = has_designations and state.bind(
    "outline", lambda k: c3.toggle(ctx.t("desig_outline"), key=k), valid=lambda v: isinstance(v, bool),
    default=True, scope=ctx.page, parse=state.parse_bool, serialize=lambda v: "1" if v else "0")

view = maps.risk_view(ctx, basis)
if outline:
    n = int((app_data.designations()["designation"] == "decline").sum())
    view = {**view, "overlays": [maps.designation_overlay(ctx, "decline", risk.DESIGNATION_COLOR["decline"],
                                                          ctx.t("desig_outline_label", n=n))]}
maps.show_view(ctx, view, key="risk_view", whole_page=True)
frame = maps.risk_frame(basis, year)
cp.download_csv(risk.class_table(ctx, frame, basis, year), f"extinction_risk_{basis}_{year}", ctx, key="dl_risk_map")

with st.container():
    st.subheader(ctx.t("risk_list"))
    q1, q2 = st.columns([1, 1], vertical_alignment="bottom")
    query = q1.text_input(ctx.t("search"), key="risk_search", placeholder="예: 경북, 군위" if ctx.lang == "ko" else "")
    designation = "all"
    if has_designations:
        labels = risk.designation_labels(ctx)
        designation = state.bind("desig", lambda k: q2.selectbox(
            ctx.t("desig_filter"), risk.DESIGNATION_FILTERS, key=k, format_func=labels.get),
            options=risk.DESIGNATION_FILTERS, default="all", scope=ctx.page)
    at_risk = risk.at_risk_table(ctx, frame, basis, year, query, designation)
    st.caption(f"{len(at_risk)} · {fmt.year_text(year, ctx.lang)} · {derive.BASES[basis]}")
    st.dataframe(at_risk.drop(columns="designation_code"), hide_index=True, width="stretch", height=480,
                 column_config=risk.list_columns(ctx),
                 column_order=["region", "extinction_risk_index", "risk_class", "designation", "is_capital_region",
                               "female_20_39", "age65plus", "region_code"])
    cp.download_csv(at_risk.drop(columns="designation_code"), f"at_risk_sigungu_{basis}_{year}", ctx,
                    key="dl_risk_list")

cfig, ctable = risk.counts_figure(ctx, basis)
cp.show_figure(cfig, key="risk_counts", filename=f"extinction_risk_counts_{basis}", ctx=ctx, data=ctable)

st.subheader(ctx.t("desig_cross_title"))
if not has_designations:
    st.info(ctx.t("desig_missing"))
else:
    st.caption(ctx.t("desig_cross_intro", year=year, basis=derive.BASES[basis]))
    cross = risk.cross_table(ctx, frame, year)
    t1, t2 = st.columns([3, 2], gap="medium")
    t1.dataframe(cross, width="stretch")
    cp.source_caption(f"{fmt.source_line(f'extinction_risk_index_{basis}', ctx.lang)} · "
                      + ctx.t("desig_source", notices=risk.notices_text()))
    with t2:
        lists = risk.mismatch_lists(ctx, frame, year)
        keys = {"at_risk_not_designated": "desig_at_risk_not", "decline_not_at_risk": "desig_not_at_risk",
                "no_data": "desig_no_data"}
        for kind, table in lists.items():
            with st.expander(ctx.t(keys[kind], n=len(table)), expanded=kind == "at_risk_not_designated"):
                if table.empty:
                    st.caption("—")
                else:
                    st.dataframe(table, hide_index=True, width="stretch", column_config=risk.list_columns(ctx),
                                 height=min(36 + 35 * len(table), 300))
    cp.download_csv(cross.reset_index(), f"risk_class_by_designation_{basis}_{year}", ctx, key="dl_risk_cross")

cp.raw_needed(ctx, [f"extinction_risk_index_{b}" for b in derive.BASES])
