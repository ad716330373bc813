"""종합 격차지수 at 시도 against the NAVIS regional development index (산업연구원): Spearman ρ per year
(`app_analyses.composite_navis`) and the scatter of one year. Inputs' source text comes from the page
(`composite.source_text`), as panels do not import each other."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

import app_analyses
import app_data
from geo import regions
from indicators import composite as cx
from indicators import views
from indicators.manifest import year_span
from ui import datatable, linechart, palette, pickers
from ui import format as fmt
from ui.context import Ctx
from ui.figures import show_figure
from ui.finishing import finish
from ui.notices import raw_needed

NAVIS = "navis_index_total"
Result = views.CompositeResult


def navis_table(ctx: Ctx, res: Result) -> pd.DataFrame:
    return app_analyses.composite_navis(res.method, res.weights, NAVIS)


def navis_chart(ctx: Ctx, res: Result, nt: pd.DataFrame) -> dict:
    """(chart view for `ui.linechart`): ρ(composite, −NAVIS) per year, each point labelled, 0 marked."""
    ok = nt[nt["rho"].notna()]
    texts = [f"ρ = {r:.3f} (n = {n}) · {ctx.t('vintages')}: {a}–{b}"
             for r, n, a, b in zip(ok["rho"], ok["n"], ok["vintage_min"], ok["vintage_max"])]
    rho = linechart.line(name="ρ", code="rho", years=ok["year"], values=ok["rho"], texts=texts, color="#000",
                         width=2, point_labels=[f"{r:.2f}" for r in ok["rho"]])
    return linechart.spec(ctx, key=f"navis|{res.method}|{ctx.lang}|{ctx.presenter}", lines=[rho],
                          axis=linechart.value_axis([-1.0, 1.0]), hline=0.0, title=ctx.t("navis_rho_title"),
                          subtitle=f"{ctx.t('sido')} · {ctx.t('method_' + res.method)} · "
                                   f"ρ({ctx.t('composite_short')}, −NAVIS)",
                          source=fmt.source_line(app_data.indicator(NAVIS), ctx.lang) + " · " + ctx.t("computed_note"),
                          note=ctx.t("navis_direction"), legend=False, height=300)


def navis_scatter(ctx: Ctx, res: Result, inputs_source: str) -> tuple[go.Figure, pd.DataFrame]:
    """Composite score (x, higher = more disadvantaged) against the NAVIS index (y, higher = more developed)."""
    navis = app_data.values(NAVIS, "sido", res.year).set_index("region_code")["value"]
    d = res.table.set_index("region_code")[["region", "is_capital_region", "score", "rank"]].join(
        navis.rename("navis_index_total"))
    d = d.reset_index()
    both = d.dropna(subset=["score", "navis_index_total"])
    fig = go.Figure()
    for capital, color, label in ((True, palette.CR_COLOR, ctx.t("CR")), (False, palette.NC_COLOR, ctx.t("NC"))):
        p = both[both["is_capital_region"] == capital]
        fig.add_trace(go.Scatter(x=p["score"], y=p["navis_index_total"], mode="markers+text", name=label,
                                 text=p["region"], textposition="top center", marker=dict(color=color, size=10),
                                 textfont=dict(size=14 if ctx.presenter else 10),
                                 hovertemplate="%{text}<br>" + ctx.t("score") + ": %{x:.2f}<br>NAVIS: %{y:.2f}"
                                               "<extra></extra>"))
    rho, n = cx.rank_correlation(res.table.set_index("region_code")["score"], -navis)
    fig.update_xaxes(title=ctx.t("score_axis"), zeroline=False)
    fig.update_yaxes(title=None, zeroline=False)
    fig.add_annotation(text=ctx.t("navis_axis"), xref="paper", yref="paper", x=0.0, y=1.0, xanchor="left",
                       yanchor="bottom", yshift=6, showarrow=False, font=dict(size=12, color="#333"))
    fig.update_layout(legend=dict(orientation="h", x=1.0, xanchor="right", y=1.0, yanchor="bottom"))
    absent = [regions.name(c, ctx.lang) for c, s, v in zip(d["region_code"], d["score"], d["navis_index_total"])
              if pd.isna(s) or pd.isna(v)]
    note = ctx.t("navis_direction") + (" " + ctx.t("navis_absent", names=", ".join(absent)) if absent else "")
    finish(fig, title=ctx.t("navis_scatter_title", year=res.year),
           subtitle=(f"ρ({ctx.t('composite_short')}, −NAVIS) = {rho:.3f} · n = {n}" if pd.notna(rho)
                     else f"n = {n}"),
           source=fmt.source_line(app_data.indicator(NAVIS), ctx.lang) + "; " + inputs_source,
           presenter=ctx.presenter, height=420, note=note, legend_top=False)
    fig.update_layout(margin_t=fig.layout.margin.t + 24, height=fig.layout.height + 24)  # axis label room
    return fig, d.assign(year=res.year)


def show_section(ctx: Ctx, res: Result, weights: dict[str, float], inputs_source) -> None:
    """The NAVIS comparison at 시도: ρ per year (chart and table), then the scatter of a chosen year;
    `inputs_source(res)` is the composite's source text for a result."""
    st.subheader(ctx.t("navis_title"))
    st.caption(ctx.t("navis_intro"))
    if NAVIS not in app_data.available_indicators("sido"):
        st.info(ctx.t("navis_missing"))
        raw_needed(ctx, [NAVIS], expanded=True)
        return
    nt = navis_table(ctx, res)
    ok = nt[nt["rho"].notna()]
    if ok.empty:
        st.info(ctx.t("navis_none"))
        return
    a, b = st.columns([3, 2], gap="medium")
    with a:
        linechart.show(ctx, navis_chart(ctx, res, nt), key="comp_navis_rho", data=nt,
                       filename=f"composite_vs_navis_rho_{res.method}",
                       source=f"{fmt.source_text(NAVIS, ctx.lang)}; {inputs_source(res)}")
    with b:
        _rho_table(ctx, ok)
    skipped = nt.loc[nt["rho"].isna(), "year"].tolist()
    if skipped:
        st.caption(ctx.t("navis_skipped", years=year_span(skipped)))
    rho_years = [int(y) for y in ok["year"]]
    syear = pickers.pick_select(ctx, "navis_year", rho_years, res.year if res.year in rho_years else rho_years[-1],
                                ctx.t("navis_scatter_year"), {}, parse=int)
    sres = res if syear == res.year else app_analyses.composite_result(res.level, syear, res.method, weights, ctx.lang)
    sfig, sdata = navis_scatter(ctx, sres, inputs_source(sres))
    show_figure(sfig, key="comp_navis_scatter", filename=f"composite_vs_navis_{syear}_{res.method}", ctx=ctx,
                data=sdata, source=f"{fmt.source_text(NAVIS, ctx.lang)}; {inputs_source(sres)}")


def _rho_table(ctx: Ctx, ok: pd.DataFrame) -> None:
    shown = ok.assign(vintages=[f"{int(a)}–{int(b)}" if a != b else f"{int(a)}"
                                for a, b in zip(ok["vintage_min"], ok["vintage_max"])])
    datatable.show(ctx, shown, key="navis_rho_table",
                   column_order=["year", "rho", "n", "vintages", "inputs_absent"],
                 column_config={
                     "year": st.column_config.NumberColumn(ctx.t("year"), format="%d"),
                     "rho": st.column_config.NumberColumn("Spearman ρ", format="%.3f"),
                     "n": st.column_config.NumberColumn(ctx.t("n_common"), format="%d"),
                     "vintages": st.column_config.TextColumn(ctx.t("vintages")),
                     "inputs_absent": st.column_config.TextColumn(ctx.t("inputs_absent"))})
    st.caption(ctx.t("navis_table_note"))
