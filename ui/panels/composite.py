"""종합 격차지수: the IMD-style composite of `indicators.composite`, its map, table, sensitivity and
the comparison with the NAVIS regional development index.

Every number comes from `indicators.composite` (inputs → standardise → domain_scores → composite,
missing_inputs, sensitivity, rank_correlation). A domain with no input in the build at all (e.g.
the census-only default build) is left out with its weight set to 0, and the page says so; a domain
with no input vintage up to the chosen year leaves every area unscored (nothing is filled).
"""
from __future__ import annotations

import pandas as pd
import plotly.colors as pc
import plotly.graph_objects as go

import app_data
from geo import regions
from indicators import composite as cx
from indicators import views
from ui import charts
from ui import components as cp
from ui import format as fmt

NAVIS = "navis_index_total"
DECILE_COLORS: tuple[str, ...] = tuple(pc.sample_colorscale("Viridis", [i / 9 for i in range(10)]))  # 1 = dark


def domain_name(d: cx.Domain, lang: str) -> str:
    return d.name_en if lang == "en" else d.name_ko


def all_inputs(level: str) -> list[str]:
    return [i for d in cx.DOMAINS for i in d.indicators.get(level, ())]


def available_domains(level: str) -> list[str]:
    """Domains with at least one input in the build at `level` (any year)."""
    return views.available_domains(app_data.available_indicators(level), level)


def levels() -> list[str]:
    return [lv for lv in ("sido", "sigungu") if available_domains(lv)]


def years(level: str) -> list[int]:
    have = set(app_data.available_indicators(level))
    ys = {y for i in all_inputs(level) if i in have for y in app_data.years_for(i, level)}
    return sorted(ys)


def default_year(level: str) -> int:
    """The latest year up to which every available domain has been measured at least once, and no later
    than the first domain's last measurement (so inputs are as current as the slowest domain allows)."""
    have = set(app_data.available_indicators(level))
    firsts, lasts = [], []
    for d in cx.DOMAINS:
        ys = [y for i in d.indicators.get(level, ()) if i in have for y in app_data.years_for(i, level)]
        if ys:
            firsts.append(min(ys))
            lasts.append(max(ys))
    opts = years(level)
    target = max(max(firsts), min(lasts)) if firsts else opts[-1]
    return next((y for y in opts if y >= target), opts[-1])


Result = views.CompositeResult


def compute(level: str, year: int, method: str, weights: dict[str, float], lang: str = "ko") -> Result:
    """`views.composite_result` of the cached inputs at `level` for `year`."""
    wide, vint = app_data.composite_inputs(level, year)
    return views.composite_result(wide, vint, level, year, method, weights, available_domains(level), lang)


# ---------------------------------------------------------------- texts

def vintage_lines(ctx: cp.Ctx, res: Result) -> list[str]:
    """One line per domain: '**보건·복지** (20%): 의사 수: 2020 · …' (or 'no data' per input)."""
    total = sum(res.weights.values()) or 1.0
    used = dict(zip(res.vintages["indicator"], res.vintages["year_used"])) if not res.vintages.empty else {}
    have = set(app_data.available_indicators(res.level))
    out = []
    for d in cx.DOMAINS:
        parts = []
        for i in d.indicators.get(res.level, ()):
            y = used.get(i)
            if i not in have:
                txt = ctx.t("input_not_built")
            elif y is None or pd.isna(y):
                txt = ctx.t("input_no_vintage", year=res.year)
            else:
                txt = str(int(y)) + (" ⚠" if int(y) < res.year else "")
            parts.append(f"{app_data.name(i, ctx.lang)}: {txt}")
        share = res.weights[d.id] / total * 100
        out.append(f"- **{domain_name(d, ctx.lang)}** ({share:.0f}%): " + " · ".join(parts))
    return out


def weights_text(ctx: cp.Ctx) -> str:
    parts = [f"{domain_name(d, ctx.lang)} {d.default_weight:g}" for d in cx.DOMAINS]
    return ctx.t("weights_default", defaults=", ".join(parts))


def missing_table(ctx: cp.Ctx, res: Result) -> pd.DataFrame:
    m = res.missing.copy()
    m.insert(1, "region", [regions.name(c, ctx.lang) for c in m["region_code"]])
    m["missing"] = [", ".join(app_data.name(i.strip(), ctx.lang) for i in s.split(",") if i.strip())
                    for s in m["missing"]]
    return m


# ---------------------------------------------------------------- map (adapter to ui.charts builders)

def _map_kwargs(ctx: cp.Ctx, level: str) -> dict:
    geo = app_data.geometry()
    return dict(missing_label=ctx.t("no_composite"), outline=geo.get(f"capital_outline_{level}"),
                outline_label=ctx.t("capital_outline"), uirevision=f"composite-{level}",
                zoom_labels=(ctx.t("zoom_nation"), ctx.t("zoom_capital")), presenter=ctx.presenter)


def _hover(ctx: cp.Ctx, res: Result) -> list[str]:
    t = res.table
    n = res.scored
    out = []
    for r in t.itertuples():
        head = f"<b>{r.region}</b>"
        if pd.isna(r.score):
            why = r.missing_inputs or ctx.t("no_composite")
            why = ", ".join(app_data.name(i.strip(), ctx.lang) for i in why.split(",")) if r.missing_inputs else why
            out.append(f"{head}<br>{ctx.t('no_composite')}<br>{ctx.t('missing_col')}: {why}")
            continue
        doms = "<br>".join(f"{domain_name(d, ctx.lang)}: {getattr(r, d.id):.2f}" for d in cx.DOMAINS
                           if d.id in t.columns and pd.notna(getattr(r, d.id)))
        out.append(f"{head}<br>{ctx.t('score')}: {r.score:.2f} · {ctx.t('rank')} {int(r.rank)}/{n} · "
                   f"{ctx.t('decile')} {int(r.decile)}<br>{doms}")
    return out


def map_figure(ctx: cp.Ctx, res: Result, view: str) -> go.Figure:
    geo = app_data.geometry()
    frame = res.table[["region_code"]].copy()
    frame["hover"] = _hover(ctx, res)
    if view == "decile":
        frame["class"] = res.table["decile"] - 1
        labels = [ctx.t("decile_label", d=d) + (f" ({ctx.t('most_disadvantaged')})" if d == 1 else
                                                 f" ({ctx.t('least_disadvantaged')})" if d == 10 else "")
                  for d in range(1, 11)]
        fig = charts.class_choropleth(frame, geo[res.level], class_labels=labels, colors=DECILE_COLORS,
                                      **_map_kwargs(ctx, res.level))
    else:
        frame["value"] = res.table["score"]
        fig = charts.choropleth(frame, geo[res.level], colorbar_title=ctx.t("score_bar"),
                                scale=charts.sequential_scale(-1), tickformat=".3~g", **_map_kwargs(ctx, res.level))
    subtitle = (f"{ctx.t(res.level)} · {fmt.year_text(res.year, ctx.lang)} · {ctx.t('method_' + res.method)} · "
                f"{ctx.t('scored_of', n=res.scored, total=len(res.table))}")
    charts.finish(fig, title=ctx.t("comp_map_title"), subtitle=subtitle, source=source(ctx, res),
                  presenter=ctx.presenter, height=620, legend_top=False, wrap=90, note=ctx.t("comp_direction"))
    return fig


def source(ctx: cp.Ctx, res: Result) -> str:
    """'출처: ' + `source_text`."""
    return f"{ctx.t('source')}: " + source_text(ctx, res)


def source_text(ctx: cp.Ctx, res: Result) -> str:
    """Each input used, with its vintage and source, and the note that the composite is computed here."""
    used = dict(zip(res.vintages["indicator"], res.vintages["year_used"])) if not res.vintages.empty else {}
    parts = []
    for i in all_inputs(res.level):
        if i in res.wide.columns:
            s = fmt.source_text(i, ctx.lang, short=True)
            y = used.get(i)
            parts.append(f"{app_data.name(i, ctx.lang)} {int(y) if pd.notna(y) else ''} ({s})")
    return "; ".join(parts) + " · " + ctx.t("computed_note")


# ---------------------------------------------------------------- sensitivity

def sensitivity(ctx: cp.Ctx, res: Result, shift: float = 0.2) -> pd.DataFrame:
    active = {k: v for k, v in res.weights.items() if v > 0}
    if not active or res.scored == 0:
        return pd.DataFrame(columns=["domain", "change", "areas_changing_decile", "areas_ranked"])
    s = cx.sensitivity(res.scores, active, shift=shift)
    names = {d.id: domain_name(d, ctx.lang) for d in cx.DOMAINS}
    s.insert(1, "domain_name", s["domain"].map(names))
    return s


def sensitivity_figure(ctx: cp.Ctx, res: Result, s: pd.DataFrame) -> go.Figure:
    fig = go.Figure()
    for change, color in (("+20%", charts.CR_COLOR), ("-20%", charts.NC_COLOR)):
        part = s[s["change"] == change]
        fig.add_trace(go.Bar(y=part["domain_name"], x=part["areas_changing_decile"], orientation="h", name=change,
                             marker_color=color, text=part["areas_changing_decile"], textposition="outside",
                             cliponaxis=False,
                             hovertemplate="%{y} " + change + ": %{x}<extra></extra>"))
    fig.update_layout(barmode="group", bargap=0.3)
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title=ctx.t("areas_changing"), rangemode="tozero")
    n = int(s["areas_ranked"].max()) if len(s) else 0
    charts.finish(fig, title=ctx.t("sens_title"),
                  subtitle=f"{ctx.t(res.level)} · {fmt.year_text(res.year, ctx.lang)} · "
                           f"{ctx.t('method_' + res.method)} · {ctx.t('scored_of', n=n, total=len(res.table))}",
                  source=source(ctx, res), presenter=ctx.presenter, height=300)
    return fig


# ---------------------------------------------------------------- NAVIS

def navis_table(ctx: cp.Ctx, res: Result) -> pd.DataFrame:
    return app_data.composite_navis(res.method, res.weights, NAVIS)


def navis_figure(ctx: cp.Ctx, res: Result, nt: pd.DataFrame) -> go.Figure:
    ok = nt[nt["rho"].notna()]
    hover = [f"{int(y)}: ρ = {r:.3f} (n = {n})<br>{ctx.t('vintages')}: {a}–{b}"
             for y, r, n, a, b in zip(ok["year"], ok["rho"], ok["n"], ok["vintage_min"], ok["vintage_max"])]
    fig = go.Figure(go.Scatter(x=ok["year"], y=ok["rho"], mode="lines+markers+text", line=dict(color="#000", width=2),
                               text=[f"{r:.2f}" for r in ok["rho"]], textposition="top center",
                               hovertext=hover, hovertemplate="%{hovertext}<extra></extra>", name="ρ"))
    fig.add_hline(y=0, line=dict(color="#888", dash="dot", width=1))
    fig.update_xaxes(tickformat="d", dtick=1, showgrid=False)
    fig.update_yaxes(range=[-1.05, 1.15], title=None)
    charts.finish(fig, title=ctx.t("navis_rho_title"),
                  subtitle=f"{ctx.t('sido')} · {ctx.t('method_' + res.method)} · "
                           f"ρ({ctx.t('composite_short')}, −NAVIS)",
                  source=fmt.source_line(NAVIS, ctx.lang) + " · " + ctx.t("computed_note"),
                  presenter=ctx.presenter, height=300, legend_top=False, note=ctx.t("navis_direction"))
    return fig


def navis_scatter(ctx: cp.Ctx, res: Result) -> tuple[go.Figure, pd.DataFrame]:
    """Composite score (x, higher = more disadvantaged) against the NAVIS index (y, higher = more developed)."""
    navis = app_data.values(NAVIS, "sido", res.year).set_index("region_code")["value"]
    d = res.table.set_index("region_code")[["region", "is_capital_region", "score", "rank"]].join(
        navis.rename("navis_index_total"))
    d = d.reset_index()
    both = d.dropna(subset=["score", "navis_index_total"])
    fig = go.Figure()
    for capital, color, label in ((True, charts.CR_COLOR, ctx.t("CR")), (False, charts.NC_COLOR, ctx.t("NC"))):
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
    charts.finish(fig, title=ctx.t("navis_scatter_title", year=res.year),
                  subtitle=(f"ρ({ctx.t('composite_short')}, −NAVIS) = {rho:.3f} · n = {n}" if pd.notna(rho)
                            else f"n = {n}"),
                  source=fmt.source_line(NAVIS, ctx.lang) + "; " + source_text(ctx, res),
                  presenter=ctx.presenter, height=420, note=note, legend_top=False)
    fig.update_layout(margin_t=fig.layout.margin.t + 24, height=fig.layout.height + 24)  # axis label room
    return fig, d.assign(year=res.year)
