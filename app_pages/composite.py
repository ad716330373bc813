"""종합 격차지수: IMD-style composite (higher = more disadvantaged) — map, table, vintages, missing inputs,
weight sensitivity, and at 시도 the rank correlation with the NAVIS regional development index."""
import streamlit as st

from indicators import composite as cx
from indicators.manifest import year_span
from ui import barchart, datatable, maps, page, pickers
from ui.figures import download_csv
from ui.panels import composite as cm
from ui.panels import composite_navis
from ui.panels import composite_sensitivity as cs
from ui.panels import composite_tables as ct

ctx = page.open_page("composite", "comp_title", "comp_intro")
levels = cm.levels()
page.stop_unless(bool(levels), ctx, ctx.t("no_indicators"), needs=cm.all_inputs("sido") + cm.all_inputs("sigungu"))

settings = page.controls(ctx)
c1, c2, c3, c4 = settings.columns([2, 2.6, 2.4, 1.6])
level = pickers.pick_level(ctx, levels, default="sigungu", container=c1, short=True)
years = cm.years(level)
year = pickers.pick_year(ctx, years, default=cm.default_year(level, years), container=c2)
method = pickers.pick_choice(ctx, "method", list(cx.METHODS), "z", ctx.t("method"), cm.method_labels(ctx),
                             container=c3)
view = pickers.pick_choice(ctx, "view", ["score", "decile"], "decile", ctx.t("map_view"), cm.view_labels(ctx),
                           container=c4)

settings.markdown(f"**{ctx.t('weights')}** — {cm.weights_text(ctx)}")
used = cm.available_domains(level)  # a domain without any input in this build shows 0, disabled
weights = {d.id: pickers.pick_number(ctx, f"w_{d.id}", cm.weight_label(ctx, d), 0, 100, int(d.default_weight),
                                    step=5, container=col) if d.id in used else cm.dropped_weight(ctx, d, col)
           for col, d in zip(settings.columns(len(cx.DOMAINS)), cx.DOMAINS)}

res = cm.result(level, year, method, weights, ctx.lang)


def vintage_notes() -> None:
    st.markdown(f"**{ctx.t('vintages_title', year=year)}**\n" + "\n".join(cm.vintage_lines(ctx, res)))
    st.caption(ctx.t("vintage_note") + " " + ctx.t("comp_years_note", years=year_span(years)))
    if res.dropped:
        st.warning(ctx.t("domains_dropped", names=cm.domain_names(ctx, res.dropped)), icon=":material/info:")
    if res.unscorable:
        st.warning(ctx.t("domain_no_vintage", names=cm.domain_names(ctx, res.unscorable), year=year),
                   icon=":material/warning:")


if not ctx.presenter:  # presenter mode: the map first, these notes below it
    vintage_notes()
if sum(res.weights.values()) == 0:
    st.error(ctx.t("weights_zero"))
    st.stop()

# presenter mode: the map across the screen, the tables below it
left, right = st.columns([3, 2], gap="medium") if not ctx.presenter else (st.container(), st.container())
with left:
    maps.show_view(ctx, cm.map_view(ctx, res, view), key="comp_view")
    page.slide_end(ctx)
with right:
    st.subheader(ctx.t("comp_table"))
    shown = cm.ranked_table(res)
    names = {d.id: cm.domain_name(d, ctx.lang) for d in cx.DOMAINS}
    datatable.show(ctx, shown, key="comp_table", height=560, column_order=ct.TABLE_ORDER,
                   column_config=ct.table_columns(ctx, names))
    download_csv(cm.table_csv(ctx, res), f"composite_{level}_{year}_{method}{cm.weights_tag(res)}", ctx,
                 key="dl_comp_table")
if ctx.presenter:
    vintage_notes()
ct.show_missing(ctx, res)

st.subheader(ctx.t("sens_head"))
sens = cs.sensitivity(ctx, res)
if sens.empty:
    st.info(ctx.t("no_composite_info"))
else:
    st.caption(ctx.t("sens_note"))
    barchart.show(ctx, cs.sensitivity_chart(ctx, res, sens, cm.source(ctx, res)), key="comp_sens",
                  filename=f"composite_sensitivity_{level}_{year}_{method}{cm.weights_tag(res)}", data=sens,
                  source=cm.source_text(ctx, res))

if level == "sido":
    composite_navis.show_section(ctx, res, weights, lambda r: cm.source_text(ctx, r))
with st.expander(ctx.t("comp_method")):
    st.markdown(ctx.t("comp_method_text"))
page.raw_needed(ctx, cm.all_inputs(level) + ([composite_navis.NAVIS] if level == "sido" else []))
