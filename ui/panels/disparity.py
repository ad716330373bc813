"""격차 분석: inequality measures over time and the Theil capital/non-capital decomposition.

Figures and tables only; the numbers come from `app_data.disparity` (→ `indicators.disparity`
and `indicators.inequality`). Years in which fewer regions than the full set enter the measures
are shaded on both charts and listed in the table (n_regions, regions absent), never mixed
silently with the full years.
"""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

import app_data
from geo import regions
from indicators import disparity as dsp
from indicators.inequality import MEASURES
from ui import charts
from ui import components as cp
from ui import format as fmt

MEASURE_IDS: tuple[str, ...] = ("cv", "cv_weighted", "gini", "theil_t", "theil_l")
MEASURE_COLORS = {"cv": "#000000", "cv_weighted": "#E69F00", "gini": "#009E73", "theil_t": "#D55E00",
                  "theil_l": "#0072B2"}
BETWEEN_COLOR, WITHIN_COLOR = charts.CR_COLOR, "#9DB4C8"
PARTIAL_FILL = "rgba(120,120,120,0.13)"
WEIGHTINGS = dsp.WEIGHTINGS
EN_DEFINITIONS = {
    "cv": "Standard deviation of the regional values ÷ their mean (regions weighted equally)",
    "cv_weighted": "Weighted standard deviation ÷ weighted mean (population or the chosen weights)",
    "gini": "Weighted Gini: mean absolute difference over all pairs of regions ÷ (2 × mean)",
    "theil_t": "Σ share × ln(share ÷ weight share)",
    "theil_l": "Σ weight share × ln(weight share ÷ share)",
}


def measure_name(m: str, lang: str) -> str:
    ko, en, _ = MEASURES[m]
    return en if lang == "en" else ko


def parse_measures(raw: str) -> list[str]:
    """'cv,gini' → ['cv', 'gini'] (URL value of the measures picker); ValueError for anything else."""
    vals = [m for m in raw.split(",") if m]
    if not vals or any(m not in MEASURE_IDS for m in vals):
        raise ValueError(raw)
    return vals


def options(level: str) -> list[str]:
    """Indicators with at least two regions of `level` in some year (any kind: additive amounts are read
    per capita, population counts as density, ratios as published)."""
    cov = app_data.coverage()
    c = cov[(cov["level"] == level) & (cov["regions"] >= 2)]
    have = set(c["indicator"]) - {"land_area_km2"}
    return [i for i in app_data.available_indicators() if i in have]


def is_population_count(ind_id: str) -> bool:
    return ind_id in dsp.POPULATION_COUNTS


def reading_text(ctx: cp.Ctx, ind_id: str, level: str, weighting: str, description: str) -> str:
    """The reading `indicators.disparity.reading` describes, in the page language, with the population
    series used to divide or weight."""
    wlabel = ctx.t(f"weighting_{weighting}_long")
    pop = dsp.population_for(ind_id, level)
    pop_name = app_data.name(pop, ctx.lang)
    ind = app_data.indicator(ind_id)
    if ctx.lang == "ko":
        text = description
        for w in WEIGHTINGS:
            text = text.replace(f"{w} 가중", ctx.t(f"weighting_{w}_long"))
        if ind is not None:
            text = text.replace(f"({ind.unit} ÷ 인구)", f"({ind.unit_ko} ÷ 인구)")
    elif description.startswith("인구밀도"):
        text = "Population density (persons per km²), weighted by land area"
    elif description.startswith("1인당"):
        text = f"Per capita ({ind.unit if ind else ''} ÷ population), {wlabel.lower()}"
    else:
        text = f"Values as published, {wlabel.lower()}"
    if is_population_count(ind_id):
        return text
    uses_pop = description.startswith("1인당") or weighting == "population"
    if uses_pop:
        text += " · " + ctx.t("reading_population", pop=pop_name)
    return text


def _runs(years: list[int]) -> list[tuple[int, int]]:
    """Consecutive runs of years: [1992, 1993, 1995] → [(1992, 1993), (1995, 1995)]."""
    out: list[tuple[int, int]] = []
    for y in sorted(years):
        if out and y == out[-1][1] + 1:
            out[-1] = (out[-1][0], y)
        else:
            out.append((y, y))
    return out


def _span(a: int, b: int) -> str:
    return str(a) if a == b else f"{a}–{b}"


def table(ctx: cp.Ctx, ind_id: str, level: str, weighting: str, common_only: bool) -> tuple[pd.DataFrame, str, int]:
    """(per-year table with n_regions, full set size and regions absent; reading text; full set size)."""
    result = app_data.disparity(ind_id, level, weighting, common_only)
    raw, description, used = result.table, result.description, result.used
    full = len(regions.codes(level))
    all_codes = regions.codes(level)
    t = raw.copy()
    if t.empty:
        return t, reading_text(ctx, ind_id, level, weighting, description), full
    t.insert(2, "n_full", full)
    absent = []
    for y in t["year"]:
        have = set(used.get(int(y), ()))
        names = [regions.name(c, ctx.lang) for c in all_codes if c not in have]
        absent.append(", ".join(names[:12]) + (f" … (+{len(names) - 12})" if len(names) > 12 else ""))
    t.insert(3, "regions_absent", absent)
    t.insert(0, "indicator", ind_id)
    t.insert(1, "level", level)
    t.insert(2, "weighting", "area (density)" if is_population_count(ind_id) else weighting)
    return t, reading_text(ctx, ind_id, level, weighting, description), full


def partial_years(t: pd.DataFrame, full: int) -> list[int]:
    return [int(y) for y, n in zip(t["year"], t["n_regions"]) if n < full]


def partial_note(ctx: cp.Ctx, t: pd.DataFrame, full: int) -> str:
    """'n < 17 in 1992–2011 (absent: …)' — one line per run of years with the same count."""
    if t.empty:
        return ""
    parts = []
    sub = t[t["n_regions"] < full]
    if sub.empty:
        return ""
    for (n, absent), g in sub.groupby(["n_regions", "regions_absent"], sort=False):
        spans = ", ".join(_span(a, b) for a, b in _runs(g["year"].tolist()))
        parts.append(ctx.t("partial_run", spans=spans, n=int(n), full=full, absent=absent))
    return " ".join(parts)


def _axis(fig: go.Figure, row: int) -> str:
    return "yaxis" if row == 1 else f"yaxis{row}"


def _panels_span(fig: go.Figure, rows: range) -> tuple[float, float]:
    """Paper y from the bottom of the last panel to the top of the first (events strip excluded)."""
    return fig.layout[_axis(fig, rows[-1])].domain[0], fig.layout[_axis(fig, rows[0])].domain[1]


def _shade_partial(fig: go.Figure, years: list[int], label: str, rows: range) -> None:
    """Grey bands over the years with fewer regions than the full set (one shape per run of years;
    shapes and annotations are added in one layout update: plotly's add_vrect per row is slow)."""
    if not years:
        return
    y0, y1 = _panels_span(fig, rows)
    shapes = [dict(type="rect", xref="x", yref="paper", x0=a - 0.5, x1=b + 0.5, y0=y0, y1=y1,
                   fillcolor=PARTIAL_FILL, line_width=0, layer="below") for a, b in _runs(years)]
    a, _ = _runs(years)[0]
    note = dict(x=a - 0.5, y=y1, xref="x", yref="paper", text=label, showarrow=False, xanchor="left",
                yanchor="bottom", font=dict(size=10, color="#444"), bgcolor="rgba(255,255,255,0.7)")
    fig.update_layout(shapes=list(fig.layout.shapes) + shapes, annotations=list(fig.layout.annotations) + [note])


def _event_rows(ctx: cp.Ctx, t: pd.DataFrame, show_events: bool) -> pd.DataFrame:
    if not show_events or t.empty:
        return pd.DataFrame()
    ev = cp.events(ctx.lang)
    lo, hi = float(t["year"].min()), float(t["year"].max())
    return ev[(ev["x"] >= lo - 0.5) & (ev["x"] <= hi + 0.99)]


def _frame(n_panels: int, titles: list[str], events: pd.DataFrame, panel_px: int,
           years: pd.Series) -> tuple[go.Figure, range]:
    """Subplots sharing the years: an events strip on top (about 70 px, when there are events), then the panels."""
    strip = 1 if len(events) else 0
    rows = n_panels + strip
    heights = ([70 / panel_px] if strip else []) + [1.0] * n_panels
    fig = make_subplots(rows=rows, cols=1, shared_xaxes=True, row_heights=heights,
                        vertical_spacing=min(0.08, 0.3 / rows), subplot_titles=([""] if strip else []) + titles)
    if strip:
        fig.update_yaxes(visible=False, range=[0, 1], fixedrange=True, row=1, col=1)
    if len(years):
        hi = max(float(years.max()), float(events["x"].max()) if len(events) else 0.0)
        fig.update_xaxes(range=[float(years.min()) - 0.7, hi + 0.7])
    return fig, range(strip + 1, rows + 1)


def _events(fig: go.Figure, ctx: cp.Ctx, ev: pd.DataFrame, rows: range) -> None:
    """Policy events (seed_facts.csv, as on the trends page): dotted vertical lines through the strip and
    every panel, labels staggered in the strip above them (hover: every event of that year)."""
    if ev.empty:
        return
    lo, hi = fig.layout.xaxis.range or (float(ev["x"].min()), float(ev["x"].max()))
    shapes, notes = [], []
    for i, (_year, g) in enumerate(ev.groupby(ev["x"].astype(int))):
        x0 = float(g["x"].min())
        shapes.append(dict(type="line", xref="x", yref="paper", x0=x0, x1=x0, y0=0, y1=1,
                           line=dict(color=charts.EVENT_COLOR, dash="dot", width=1)))
        first = g["label"].iloc[0]
        short = first if len(first) <= 14 else first[:13] + "…"
        more = f" +{len(g) - 1}" if len(g) > 1 else ""
        notes.append(dict(x=x0, y=1.0 - (i % 3) * 0.34, xref="x", yref="y domain", text=f"{short}{more}",
                          hovertext="<br>".join(f"{d} {lb}" for d, lb in zip(g["date"], g["label"])),
                          showarrow=False, yanchor="top",
                          **(dict(xanchor="right", xshift=-2) if x0 > lo + 0.8 * (hi - lo) else
                             dict(xanchor="left", xshift=2)),
                          font=dict(size=14 if ctx.presenter else 10, color="#555"),
                          bgcolor="rgba(255,255,255,0.85)"))
    fig.update_layout(shapes=list(fig.layout.shapes) + shapes, annotations=list(fig.layout.annotations) + notes)


def _subtitle(ctx: cp.Ctx, ind_id: str, level: str, t: pd.DataFrame, reading: str) -> str:
    span = f"{int(t['year'].min())}–{int(t['year'].max())}" if not t.empty else ""
    return f"{ctx.t(level)} · {span} · {reading}"


def measures_figure(ctx: cp.Ctx, ind_id: str, level: str, t: pd.DataFrame, chosen: list[str], full: int,
                    reading: str, show_events: bool) -> go.Figure:
    """One small panel per chosen measure (each on its own scale), shared years."""
    ev = _event_rows(ctx, t, show_events)
    fig, panel_rows = _frame(max(1, len(chosen)), [f"<b>{measure_name(m, ctx.lang)}</b>" for m in chosen] or [""], ev,
                             165, t["year"] if not t.empty else pd.Series(dtype=float))
    part = set(partial_years(t, full))
    for r, m in zip(panel_rows, chosen):
        name = measure_name(m, ctx.lang)
        sym = ["circle-open" if int(y) in part else "circle" for y in t["year"]]
        hover = [f"<b>{name}</b> · {int(y)}<br>{fmt.number(v, 4) if pd.notna(v) else ctx.t('no_data')}"
                 f"<br>{ctx.t('n_regions')}: {int(n)}/{full}"
                 for y, v, n in zip(t["year"], t[m], t["n_regions"])]
        fig.add_trace(go.Scatter(x=t["year"], y=t[m], name=name, mode="lines+markers", connectgaps=False,
                                 line=dict(color=MEASURE_COLORS[m], width=2.5),
                                 marker=dict(size=6, symbol=sym, color=MEASURE_COLORS[m]),
                                 text=hover, hovertemplate="%{text}<extra></extra>", showlegend=False),
                      row=r, col=1)
        fig.update_yaxes(tickformat=".3~f", zeroline=False, row=r, col=1)
    if not t.empty:
        _shade_partial(fig, sorted(part), ctx.t("partial_label", full=full), panel_rows)
        _events(fig, ctx, ev, panel_rows)
    fig.update_xaxes(tickformat="d", showgrid=False)
    fig.update_layout(hovermode="closest")
    note = partial_note(ctx, t, full)
    charts.finish(fig, title=ctx.t("disp_chart_title", name=app_data.name(ind_id, ctx.lang)),
                  subtitle=_subtitle(ctx, ind_id, level, t, reading), source=_source(ctx, ind_id, level),
                  presenter=ctx.presenter, height=max(260, 165 * len(panel_rows) + (70 if len(ev) else 0)),
                  legend_top=False, note=note)
    return fig


def decomposition_figure(ctx: cp.Ctx, ind_id: str, level: str, t: pd.DataFrame, kind: str, full: int,
                         reading: str, show_events: bool) -> go.Figure:
    """Stacked bars: between (수도권 vs 비수도권) + within = Theil T or L; between share written on top."""
    between, within, share = (f"theil_{kind}_between", f"theil_{kind}_within", f"theil_{kind}_between_share")
    ev = _event_rows(ctx, t, show_events)
    fig, panel_rows = _frame(1, [""], ev, 400, t["year"])
    r0 = panel_rows[0]
    years = t["year"].tolist()
    part = set(partial_years(t, full))
    for col, color, label in ((between, BETWEEN_COLOR, ctx.t("between")), (within, WITHIN_COLOR, ctx.t("within"))):
        hover = [f"<b>{label}</b> · {int(y)}<br>{fmt.number(v, 4) if pd.notna(v) else ctx.t('no_data')}"
                 f"<br>{ctx.t('between_share')}: {s * 100:.1f}%" if pd.notna(s) else f"{int(y)}: {ctx.t('no_data')}"
                 for y, v, s in zip(t["year"], t[col], t[share])]
        fig.add_trace(go.Bar(x=years, y=t[col], name=label, marker_color=color, marker_line_width=0,
                             text=hover, hovertemplate="%{text}<extra></extra>", textposition="none"), row=r0, col=1)
    total = t[between] + t[within]
    labels = [("" if pd.isna(s) else f"{s * 100:.1f}%" if s < 0.1 else f"{s * 100:.0f}%") for s in t[share]]
    fig.add_trace(go.Scatter(x=years, y=total, mode="text", text=labels, textposition="top center",
                             textfont=dict(size=14 if ctx.presenter else (9 if len(years) > 20 else 11),
                                           color=BETWEEN_COLOR),
                             name=ctx.t("between_share"), hoverinfo="skip", showlegend=True), row=r0, col=1)
    fig.update_layout(barmode="stack", bargap=0.15)
    fig.update_xaxes(tickformat="d", showgrid=False)
    top = float(total.max()) if total.notna().any() else 1.0
    fig.update_yaxes(tickformat=".3~f", range=[0, top * 1.15], row=r0, col=1)
    if years:
        _shade_partial(fig, sorted(part), ctx.t("partial_label", full=full), panel_rows)
        _events(fig, ctx, ev, panel_rows)
    valid = t[t[share].notna()]
    note = ""
    if len(valid):
        a, b = valid.iloc[0], valid.iloc[-1]
        note = ctx.t("share_first_last", y0=int(a["year"]), s0=a[share] * 100, y1=int(b["year"]), s1=b[share] * 100)
    if t[f"theil_{kind}"].isna().any():
        note += " " + ctx.t("theil_nonpositive")
    kind_name = measure_name(f"theil_{kind}", ctx.lang)
    charts.finish(fig, title=ctx.t("decomp_title", measure=kind_name, name=app_data.name(ind_id, ctx.lang)),
                  subtitle=_subtitle(ctx, ind_id, level, t, reading), source=_source(ctx, ind_id, level),
                  presenter=ctx.presenter, height=400 + (70 if len(ev) else 0), note=note.strip())
    return fig


def _source(ctx: cp.Ctx, ind_id: str, level: str) -> str:
    """Source of the indicator, of the population used to divide/weight it, and of land area."""
    lines = [fmt.source_line(ind_id, ctx.lang)]
    pop = dsp.population_for(ind_id, level)
    for extra in ((pop, "land_area_km2") if not is_population_count(ind_id) else ("land_area_km2",)):
        if extra != ind_id and extra in app_data.available_indicators():
            s = fmt.source_text(extra, ctx.lang, short=True)
            lines.append(f"{app_data.name(extra, ctx.lang)}: {s}")
    lines.append(ctx.t("computed_note"))
    return " · ".join(lines)


def definitions(ctx: cp.Ctx) -> pd.DataFrame:
    rows = []
    for m in MEASURE_IDS:
        ko, en, definition = MEASURES[m]
        rows.append({"id": m, ctx.t("measure_col"): en if ctx.lang == "en" else ko,
                     ctx.t("definition"): EN_DEFINITIONS[m] if ctx.lang == "en" else definition})
    return pd.DataFrame(rows)
