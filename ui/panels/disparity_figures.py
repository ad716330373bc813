"""격차 분석 figures: one small panel per inequality measure over time, and the Theil capital/non-capital
decomposition as stacked bars. Years in which fewer regions than the full set enter the measures
are shaded (`partial_years`), policy events drawn in a strip above the panels."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

import app_data
from indicators import catalog
from indicators.inequality import MEASURES
from indicators.schema import Indicator
from ui import figures, palette
from ui import format as fmt
from ui import yearpanels as yp
from ui.context import Ctx
from ui.finishing import finish


def _name(m: str, lang: str) -> str:
    ko, en, _ = MEASURES[m]
    return en if lang == "en" else ko


BETWEEN_COLOR, WITHIN_COLOR = palette.CR_COLOR, "#9DB4C8"
MEASURE_COLORS = {"cv": "#000000", "cv_weighted": "#E69F00", "gini": "#009E73", "theil_t": "#D55E00",
                  "theil_l": "#0072B2"}


def partial_years(t: pd.DataFrame, full: int) -> list[int]:
    return [int(y) for y, n in zip(t["year"], t["n_regions"]) if n < full]


def _subtitle(ctx: Ctx, level: str, t: pd.DataFrame, reading: str) -> str:
    """Level, the number of units measured (of the boundary set named), years, reading."""
    span = f"{int(t['year'].min())}–{int(t['year'].max())}" if not t.empty else ""
    units = ""
    if not t.empty and "n_regions" in t:
        last = t.loc[t["year"].idxmax()]
        full = int(last.get("n_full", last["n_regions"]))
        units = " · " + ctx.t("units_measured", n=int(last["n_regions"]), full=full,
                              boundaries=ctx.t(f"set_note_{app_data.boundary_set()}"))
    return f"{ctx.t(level)}{units} · {span} · {reading}"


def _measure_trace(ctx: Ctx, t: pd.DataFrame, m: str, full: int, part: set[int]) -> go.Scatter:
    name = _name(m, ctx.lang)
    sym = ["circle-open" if int(y) in part else "circle" for y in t["year"]]
    hover = [f"<b>{name}</b> · {int(y)}<br>{fmt.number(v, 4) if pd.notna(v) else ctx.t('no_data')}"
             f"<br>{ctx.t('n_regions')}: {int(n)}/{full}"
             for y, v, n in zip(t["year"], t[m], t["n_regions"])]
    return go.Scatter(x=t["year"], y=t[m], name=name, mode="lines+markers", connectgaps=False,
                      line=dict(color=MEASURE_COLORS[m], width=2.5), marker=dict(size=6, symbol=sym,
                                                                                  color=MEASURE_COLORS[m]),
                      text=hover, hovertemplate="%{text}<extra></extra>", showlegend=False)


GRID_FROM = 3  # presenter mode: from this many measures the panels sit in a grid (2 or 3 columns, 2 rows)
GRID_TITLE_PX, GRID_TICKS_PX = 34, 34  # presenter grid: a panel's title above it, the x ticks below it


@figures.cached
def measures_figure(ctx: Ctx, ind: Indicator, level: str, t: pd.DataFrame, chosen: list[str], full: int,
                    reading: str, show_events: bool, note: str = "") -> go.Figure:
    """One small panel per chosen measure (each on its own scale), shared years: stacked, with the events
    strip on top; in presenter mode, from `GRID_FROM` measures, a grid of larger panels (2 rows)."""
    if ctx.presenter and len(chosen) >= GRID_FROM:
        return _measures_grid(ctx, ind, level, t, chosen, full, reading, show_events, note)
    ev = yp.event_rows(ctx, t, show_events)
    years = t["year"] if not t.empty else pd.Series(dtype=float)
    fig, panel_rows = yp.frame(max(1, len(chosen)), not ev.empty, years)
    badges = yp.badges(ev, ctx.presenter, tuple(fig.layout.xaxis.range or (0, 1)))
    strip = yp.strip_px(badges, ctx.presenter)
    part = set(partial_years(t, full))
    for r, m in zip(panel_rows, chosen):
        fig.add_trace(_measure_trace(ctx, t, m, full, part), row=r, col=1)
        fig.update_yaxes(tickformat=".3~f", zeroline=False, row=r, col=1)
    fig.update_xaxes(tickformat="d", showgrid=False)
    if ctx.presenter:  # short panels on a 720 px screen: three ticks each, not overlapping
        fig.update_yaxes(nticks=3)
    fig.update_layout(hovermode="closest")
    finish(fig, title=ctx.t("disp_chart_title", name=fmt.name(ind, ctx.lang)),
           subtitle=_subtitle(ctx, level, t, reading), source=_source(ctx, ind, level),
           presenter=ctx.presenter, height=max(260, (165 + yp.PANEL_GAP[False]) * len(panel_rows) + strip),
           legend_top=False, note=note)
    yp.stack(fig, strip, panel_rows, [f"<b>{_name(m, ctx.lang)}</b>" for m in chosen], ctx.presenter)
    if not t.empty:
        yp.shade_partial(fig, sorted(part), ctx.t("partial_label", full=full), panel_rows)
        yp.events(fig, badges, ctx.presenter)
    return fig


def _measures_grid(ctx: Ctx, ind: Indicator, level: str, t: pd.DataFrame, chosen: list[str], full: int,
                   reading: str, show_events: bool, note: str) -> go.Figure:
    """Presenter mode, several measures: panels in 2 rows of 2 or 3, each with its own year ticks and
    three value ticks at the presenter's type size; events as dotted lines in every panel (listed in
    the table below the chart), the shaded years explained in the footnote."""
    n = len(chosen)
    cols = 3 if n >= 5 else 2
    rows = -(-n // cols)
    fig = make_subplots(rows=rows, cols=cols, horizontal_spacing=0.07)
    part = set(partial_years(t, full))
    for k, m in enumerate(chosen):
        vals, texts = fmt.scaled_ticks(t[m].min(), t[m].max(), 1.0, n=3)  # 2–4 round ticks, never one
        fig.add_trace(_measure_trace(ctx, t, m, full, part), row=k // cols + 1, col=k % cols + 1)
        pad = (vals[-1] - vals[0]) * 0.04 if len(vals) > 1 else 0.0
        fig.update_yaxes(tickvals=vals, ticktext=texts, zeroline=False, row=k // cols + 1, col=k % cols + 1,
                         range=[vals[0] - pad, vals[-1] + pad] if vals else None)
    span = [float(t["year"].min()) - 0.7, float(t["year"].max()) + 0.7] if not t.empty else None
    fig.update_xaxes(tickformat="d", showgrid=False, dtick=10, range=span)
    fig.update_layout(hovermode="closest")
    ev = yp.event_rows(ctx, t, show_events)
    notes = [note] if note else []
    if part:
        notes.append(ctx.t("partial_label", full=full) + ".")
    if not ev.empty:
        notes.append(ctx.t("events_dotted"))
    finish(fig, title=ctx.t("disp_chart_title", name=fmt.name(ind, ctx.lang)),
           subtitle=_subtitle(ctx, level, t, reading), source=_source(ctx, ind, level), presenter=True,
           height=600, legend_top=False, note=" ".join(notes))
    event_years = [b[2] for b in yp.badges(ev, True, (0.0, 1.0))]  # one line per year, as the badges
    m = fig.layout.margin
    area = max(float(fig.layout.height) - float(m.t) - float(m.b), 1.0)
    title_px, ticks_px = GRID_TITLE_PX / area, GRID_TICKS_PX / area
    panel = (1.0 - rows * title_px - (rows - 1) * ticks_px) / rows
    shapes, labels = [], []
    for k, mid in enumerate(chosen):
        r = k // cols
        axis = "yaxis" if k == 0 else f"yaxis{k + 1}"
        y1 = 1.0 - title_px - r * (panel + ticks_px + title_px)
        fig.layout[axis].domain = [max(y1 - panel, 0.0), y1]
        xdom = fig.layout["xaxis" if k == 0 else f"xaxis{k + 1}"].domain
        labels.append(dict(text=f"<b>{_name(mid, ctx.lang)}</b>", x=(xdom[0] + xdom[1]) / 2, xref="paper", y=y1,
                           yref="paper", xanchor="center", yanchor="bottom", showarrow=False, yshift=2,
                           name="panel_title"))
        xr, yr = yp.ref(axis, "x"), yp.ref(axis) + " domain"
        shapes += [dict(type="rect", xref=xr, yref=yr, x0=a - 0.5, x1=b + 0.5, y0=0, y1=1, fillcolor=yp.PARTIAL_FILL,
                        line_width=0, layer="below") for a, b in yp.runs(sorted(part))]
        shapes += [dict(type="line", xref=xr, yref=yr, x0=x, x1=x, y0=0, y1=1,
                        line=dict(color=palette.EVENT_COLOR, dash="dot", width=1.2))
                   for x in event_years] if not ev.empty else []
    fig.update_layout(shapes=list(fig.layout.shapes) + shapes, annotations=list(fig.layout.annotations) + labels)
    return fig


@figures.cached
def decomposition_figure(ctx: Ctx, ind: Indicator, level: str, t: pd.DataFrame, kind: str, full: int,
                         reading: str, show_events: bool) -> go.Figure:
    """Stacked bars: between (수도권 vs 비수도권) + within = Theil T or L; between share written on top."""
    between, within, share = (f"theil_{kind}_between", f"theil_{kind}_within", f"theil_{kind}_between_share")
    ev = yp.event_rows(ctx, t, show_events)
    fig, panel_rows = yp.frame(1, not ev.empty, t["year"])
    badges = yp.badges(ev, ctx.presenter, tuple(fig.layout.xaxis.range or (0, 1)))
    strip = yp.strip_px(badges, ctx.presenter)
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
    valid = t[t[share].notna()]
    note = ""
    if len(valid):
        a, b = valid.iloc[0], valid.iloc[-1]
        note = ctx.t("share_first_last", y0=int(a["year"]), s0=a[share] * 100, y1=int(b["year"]), s1=b[share] * 100)
    if t[f"theil_{kind}"].isna().any():
        note += " " + ctx.t("theil_nonpositive")
    kind_name = _name(f"theil_{kind}", ctx.lang)
    finish(fig, title=ctx.t("decomp_title", measure=kind_name, name=fmt.name(ind, ctx.lang)),
           subtitle=_subtitle(ctx, level, t, reading), source=_source(ctx, ind, level),
           presenter=ctx.presenter, height=400 + strip, note=note.strip())
    yp.stack(fig, strip, panel_rows, [""], ctx.presenter)
    if years:
        yp.shade_partial(fig, sorted(part), ctx.t("partial_label", full=full), panel_rows)
        yp.events(fig, badges, ctx.presenter)
    return fig


def _source(ctx: Ctx, ind: Indicator, level: str) -> str:
    """Source of the indicator, of the population used to divide/weight it, and of land area."""
    lines = [fmt.source_line(ind, ctx.lang)]
    pop = catalog.population_for(ind, level)
    for extra in (("land_area_km2",) if ind.is_population_count else (pop, "land_area_km2")):
        if extra != ind.id and extra in app_data.available_indicators():
            meta = app_data.indicator(extra)
            lines.append(f"{fmt.name(meta, ctx.lang)}: {fmt.source_text(meta, ctx.lang, short=True)}")
    lines.append(ctx.t("computed_note"))
    return " · ".join(lines)


