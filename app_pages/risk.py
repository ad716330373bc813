"""지방소멸: KEIS extinction-risk classes by 시군구 — map (its timeline is the page's year), list, counts
per class over years, classes against the 인구감소지역 designations, and the latest month end on its own
(a month end is its own date, never a year of the map's timeline)."""
import streamlit as st

import app_data
from ui import datatable, linechart, maps, monthend, page, pickers, state
from ui import format as fmt
from ui.figures import download_csv
from ui.panels import risk, risk_month

ctx = page.open_page("risk", "risk_title", "risk_intro")
bases = app_data.risk_bases()
page.stop_unless(bool(bases), ctx, ctx.t("risk_missing"), needs=risk.all_index_ids())

has_designations = not app_data.designations().empty
c1, c3 = page.controls(ctx).columns([4, 2], vertical_alignment="bottom")
basis = pickers.pick_choice(ctx, "basis", bases, risk.freshest_basis(bases), ctx.t("basis"),
                            risk.basis_labels(ctx.lang), container=c1, parse=risk.current_basis)
year = maps.page_year(ctx, risk.years(basis))
outline = has_designations and state.bind(
    "outline", lambda k: c3.toggle(ctx.t("desig_outline"), key=k), valid=lambda v: isinstance(v, bool),
    default=True, scope=ctx.page, parse=state.parse_bool, serialize=lambda v: "1" if v else "0")

view = maps.risk_view(ctx, basis)
maps.show_view(ctx, {**view, "overlays": [risk.designation_overlay(ctx, "decline")] if outline else []},
               key="risk_view", whole_page=True)
page.slide_end(ctx)
frame = risk.frame(basis, year)
source = fmt.source_text(risk.index_id(basis), ctx.lang)  # every row of the page's CSVs carries it
download_csv(risk.class_table(ctx, frame, basis, year), f"extinction_risk_{basis}_{year}", ctx, key="dl_risk_map",
             source=source)
months = risk_month.options()
if not months.empty:
    st.caption(ctx.t("month_map_hint"))

with st.container():
    st.subheader(ctx.t("risk_list"))
    q1, q2 = st.columns([1, 1], vertical_alignment="bottom")
    query = pickers.pick_text(ctx, "search", ctx.t("search"), container=q1,
                              placeholder="예: 경북, 군위" if ctx.lang == "ko" else "")
    designation = "all"
    if has_designations:
        designation = pickers.pick_select(ctx, "desig", list(risk.DESIGNATION_FILTERS), "all",
                                          ctx.t("desig_filter"), risk.designation_labels(ctx), container=q2)
    at_risk = risk.at_risk_table(ctx, frame, basis, year, query, designation).drop(columns="designation_code")
    st.caption(risk.list_caption(ctx, len(at_risk), basis, year))
    datatable.show(ctx, at_risk, key="risk_list", height=480, column_config=risk.list_columns(ctx),
                   column_order=risk.LIST_ORDER)
    download_csv(at_risk, f"at_risk_sigungu_{basis}_{year}", ctx, key="dl_risk_list", source=source)

counts_view, counts_table = risk.counts_chart(ctx, basis)
linechart.show(ctx, counts_view, key="risk_counts", filename=f"extinction_risk_counts_{basis}", data=counts_table,
               source=source, reveal=False)  # the page's year is the map's: the counts show every year

st.subheader(ctx.t("desig_cross_title"))
if not has_designations:
    st.info(ctx.t("desig_missing"))
else:
    st.caption(ctx.t("desig_cross_intro", year=year, basis=risk.basis_name(basis, ctx.lang)))
    cross = risk.cross_table(ctx, frame, year)
    t1, t2 = st.columns([3, 2], gap="medium")
    with t1:
        datatable.show(ctx, cross, key="risk_cross", index=True, sortable=False)
    st.caption(risk.cross_source(ctx, basis))
    with t2:
        risk.show_mismatches(ctx, frame, year)
    download_csv(cross.reset_index(), f"risk_class_by_designation_{basis}_{year}", ctx, key="dl_risk_cross",
                 source=f"{source}; {ctx.t('desig_notices', notices=risk.notices_text(ctx.lang))}")
st.subheader(ctx.t("month_title"))
if months.empty:
    st.info(ctx.t("month_none"))
else:
    st.caption(ctx.t("month_intro"))
    period = pickers.pick_choice(ctx, "month", months["period"].tolist(), risk_month.default_period(months),
                                 ctx.t("month_pick"), risk_month.option_labels(ctx, months))
    scope = risk_month.scope_of(months, period)
    listed = risk_month.listed(period, scope)
    count = risk_month.count_metric(ctx, period, listed)
    if scope != "sigungu":
        st.info(ctx.t(f"month_{scope}_note", n=len(listed)))
    if scope != "excerpt":  # a whole level: its map (an excerpt's few regions are the table)
        monthend.show_view(risk_month.map_view(ctx, listed, period, scope, count), key="risk_month_view")
    month_table = risk_month.table(ctx, listed, period)
    st.caption(risk_month.caption(ctx, month_table, period))
    datatable.show(ctx, month_table, key="risk_month_table", height=480, column_config=risk_month.columns(ctx),
                   column_order=risk_month.table_order(scope), backgrounds=risk_month.class_colors(month_table))
    st.caption(risk_month.source_line(ctx, period))
    download_csv(risk_month.csv_frame(month_table), f"extinction_risk_month_end_{period}", ctx,
                 key="dl_risk_month")
page.raw_needed(ctx, risk.all_index_ids())
