"""종합 격차지수: IMD-style composite (higher = more disadvantaged) — map, table, vintages, missing inputs,
weight sensitivity, and at 시도 the rank correlation with the NAVIS regional development index."""
import streamlit as st

import app_data
from indicators import composite as cx
from indicators.manifest import year_span
from ui import components as cp
from ui import state
from ui.panels import composite as cm

ctx = cp.page_setup("composite")
st.title(ctx.t("comp_title"))
st.caption(ctx.t("comp_intro"))

levels = cm.levels()
if not levels:
    st.info(ctx.t("no_indicators"))
    cp.raw_needed(ctx, cm.all_inputs("sido") + cm.all_inputs("sigungu"), expanded=True)
    st.stop()

c1, c2, c3, c4 = st.columns([2, 2.6, 2.4, 1.6])
level = cp.pick_level(ctx, levels, default="sigungu", container=c1)
years = cm.years(level)
year = state.bind("year", lambda k: c2.select_slider(ctx.t("year"), years, key=k), options=years,
                  default=cm.default_year(level), scope=ctx.page, parse=int)
method = cp.pick_choice(ctx, "method", list(cx.METHODS), "z", ctx.t("method"),
                        {m: ctx.t(f"method_{m}") for m in cx.METHODS}, container=c3)
view = cp.pick_choice(ctx, "view", ["score", "decile"], "decile", ctx.t("map_view"),
                      {"score": ctx.t("view_score"), "decile": ctx.t("view_decile")}, container=c4)

st.markdown(f"**{ctx.t('weights')}** — {cm.weights_text(ctx)}")
wcols = st.columns(len(cx.DOMAINS))
weights: dict[str, float] = {}
for col, d in zip(wcols, cx.DOMAINS):
    weights[d.id] = state.bind(f"w_{d.id}", lambda k, col=col, d=d: col.slider(
        f"{cm.domain_name(d, ctx.lang)} ({ctx.t('default')} {d.default_weight:g})", 0, 100, step=5, key=k),
        valid=lambda v: isinstance(v, int) and 0 <= v <= 100, default=int(d.default_weight), scope=ctx.page,
        parse=int)

res = cm.compute(level, year, method, weights, ctx.lang)
st.markdown(f"**{ctx.t('vintages_title', year=year)}**\n" + "\n".join(cm.vintage_lines(ctx, res)))
st.caption(ctx.t("vintage_note"))
if res.dropped:
    names = ", ".join(cm.domain_name(d, ctx.lang) for d in cx.DOMAINS if d.id in res.dropped)
    st.warning(ctx.t("domains_dropped", names=names), icon=":material/info:")
if sum(res.weights.values()) == 0:
    st.error(ctx.t("weights_zero"))
    st.stop()
if res.unscorable:
    names = ", ".join(cm.domain_name(d, ctx.lang) for d in cx.DOMAINS if d.id in res.unscorable)
    st.warning(ctx.t("domain_no_vintage", names=names, year=year), icon=":material/warning:")

left, right = st.columns([3, 2], gap="medium")
with left:
    fig = cm.map_figure(ctx, res, view)
    cp.show_figure(fig, key="comp_map", filename=f"composite_{level}_{year}_{method}_{view}", ctx=ctx)
with right:
    st.subheader(ctx.t("comp_table"))
    shown = res.table.sort_values(["rank", "region_code"], na_position="last")
    domain_cols = {d.id: st.column_config.NumberColumn(cm.domain_name(d, ctx.lang), format="%.2f")
                   for d in cx.DOMAINS}
    st.dataframe(shown, hide_index=True, width="stretch", height=560,
                 column_order=["region", "score", "rank", "decile", *[d.id for d in cx.DOMAINS],
                               "is_capital_region", "region_code"],
                 column_config={
                     "region": st.column_config.TextColumn(ctx.t("region")),
                     "score": st.column_config.NumberColumn(ctx.t("score"), format="%.3f"),
                     "rank": st.column_config.NumberColumn(ctx.t("rank"), format="%d"),
                     "decile": st.column_config.NumberColumn(ctx.t("decile"), format="%d"),
                     "is_capital_region": st.column_config.CheckboxColumn(ctx.t("CR")),
                     "region_code": st.column_config.TextColumn("code"), **domain_cols})
    cp.download_csv(shown, f"composite_{level}_{year}_{method}", ctx, key="dl_comp_table")

st.subheader(ctx.t("missing_title", n=len(res.missing)))
if res.missing.empty:
    st.caption(ctx.t("missing_none"))
else:
    st.caption(ctx.t("missing_note"))
    st.dataframe(cm.missing_table(ctx, res), hide_index=True, width="stretch",
                 height=min(400, 40 + 35 * len(res.missing)),
                 column_config={"region_code": st.column_config.TextColumn("code"),
                                "region": st.column_config.TextColumn(ctx.t("region")),
                                "missing": st.column_config.TextColumn(ctx.t("missing_col"))})

st.subheader(ctx.t("sens_head"))
sens = cm.sensitivity(ctx, res)
if sens.empty:
    st.info(ctx.t("no_composite_info"))
else:
    st.caption(ctx.t("sens_note"))
    cp.show_figure(cm.sensitivity_figure(ctx, res, sens), key="comp_sens",
                   filename=f"composite_sensitivity_{level}_{year}_{method}", ctx=ctx, data=sens)

if level == "sido":
    st.subheader(ctx.t("navis_title"))
    st.caption(ctx.t("navis_intro"))
    if cm.NAVIS not in app_data.available_indicators("sido"):
        st.info(ctx.t("navis_missing"))
        cp.raw_needed(ctx, [cm.NAVIS], expanded=True)
    else:
        nt = cm.navis_table(ctx, res)
        ok = nt[nt["rho"].notna()]
        skipped = nt.loc[nt["rho"].isna(), "year"].tolist()
        if ok.empty:
            st.info(ctx.t("navis_none"))
        else:
            a, b = st.columns([3, 2], gap="medium")
            with a:
                cp.show_figure(cm.navis_figure(ctx, res, nt), key="comp_navis_rho",
                               filename=f"composite_vs_navis_rho_{method}", ctx=ctx, data=nt)
            with b:
                shown_rho = ok.assign(vintages=[f"{int(a)}–{int(b)}" if a != b else f"{int(a)}"
                                                for a, b in zip(ok["vintage_min"], ok["vintage_max"])])
                st.dataframe(shown_rho, hide_index=True, width="stretch", key="navis_rho_table",
                             column_order=["year", "rho", "n", "vintages", "inputs_absent"],
                             column_config={
                                 "year": st.column_config.NumberColumn(ctx.t("year"), format="%d"),
                                 "rho": st.column_config.NumberColumn("Spearman ρ", format="%.3f"),
                                 "n": st.column_config.NumberColumn(ctx.t("n_common"), format="%d"),
                                 "vintages": st.column_config.TextColumn(ctx.t("vintages")),
                                 "inputs_absent": st.column_config.TextColumn(ctx.t("inputs_absent"))})
                st.caption(ctx.t("navis_table_note"))
            if skipped:
                st.caption(ctx.t("navis_skipped", years=year_span(skipped)))
            rho_years = [int(y) for y in ok["year"]]
            syear = st.selectbox(ctx.t("navis_scatter_year"), rho_years, key="comp_navis_year",
                                 index=rho_years.index(year) if year in rho_years else len(rho_years) - 1)
            sres = res if syear == year else cm.compute(level, syear, method, weights, ctx.lang)
            sfig, sdata = cm.navis_scatter(ctx, sres)
            cp.show_figure(sfig, key="comp_navis_scatter", filename=f"composite_vs_navis_{syear}_{method}",
                           ctx=ctx, data=sdata)

with st.expander(ctx.t("comp_method")):
    st.markdown(ctx.t("comp_method_text"))
cp.raw_needed(ctx, cm.all_inputs(level) + ([cm.NAVIS] if level == "sido" else []))
