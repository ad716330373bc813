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
from ui import concepts, figures, palette, plots
from ui import format as fmt
from ui.context import Ctx
from ui.finishing import finish


def _name(m: str, lang: str) -> str:
    ko, en, _ = MEASURES[m]
    return en if lang == "en" else ko


BETWEEN_COLOR, WITHIN_COLOR = palette.CR_COLOR, "#9DB4C8"
PARTIAL_FILL = "rgba(120,120,120,0.13)"
MEASURE_COLORS = {"cv": "#000000", "cv_weighted": "#E69F00", "gini": "#009E73", "theil_t": "#D55E00",
                  "theil_l": "#0072B2"}
def _runs(years: list[int]) -> list[tuple[int, int]]:
    """Consecutive runs of years: [1992, 1993, 1995] → [(1992, 1993), (1995, 1995)]."""
    out: list[tuple[int, int]] = []
    for y in sorted(years):
        if out and y == out[-1][1] + 1:
            out[-1] = (out[-1][0], y)
        else:
            out.append((y, y))
    return out


def partial_years(t: pd.DataFrame, full: int) -> list[int]:
    return [int(y) for y, n in zip(t["year"], t["n_regions"]) if n < full]


def _axis(fig: go.Figure, row: int) -> str:
    return "yaxis" if row == 1 else f"yaxis{row}"


def _ref(axis: str, kind: str = "y") -> str:
    """'yaxis3' → 'y3' (kind 'x': 'x3'), the reference shapes and annotations use."""
    return kind + axis[5:]


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


def _event_rows(ctx: Ctx, t: pd.DataFrame, show_events: bool) -> pd.DataFrame:
    if not show_events or t.empty:
        return pd.DataFrame()
    ev = concepts.events(ctx.lang)
    lo, hi = float(t["year"].min()), float(t["year"].max())
    return ev[(ev["x"] >= lo - 0.5) & (ev["x"] < hi + 0.5)]  # the axis ends at the data


def _badges(ev: pd.DataFrame, presenter: bool, span: tuple[float, float]) -> list[tuple]:
    """Per event year: (year, its events, x, badge text, badge row), rows staggered so no two badges of
    a row overlap on the narrowest plot (a phone; `plots.event_rows`)."""
    if ev.empty:
        return []
    groups = list(ev.groupby(ev["x"].astype(int), sort=True))
    texts = [str(int(g["number"].iloc[0])) for _y, g in groups]
    xs = [float(g["x"].min()) for _y, g in groups]
    size = BADGE_SIZE[presenter]
    rows = plots.event_rows(xs, span[0] + 0.5, span[1] - 0.5, [len(t) * size * 0.62 + 8 for t in texts])
    return [(year, g, x, text, row) for (year, g), x, text, row in zip(groups, xs, texts, rows)]


BADGE_SIZE = {False: 10, True: 14}  # px, an event badge's number
BADGE_ROW = {False: plots.EVENT_ROW_PX, True: plots.EVENT_ROW_PX + 6}  # px per row of badges
PANEL_GAP = {False: 30, True: 40}  # px between stacked panels: room for the next panel's title


def _strip_px(badges: list[tuple], presenter: bool) -> int:
    """Height of the events strip: every row of badges and a little air (0 without events)."""
    return (max(b[4] for b in badges) + 1) * BADGE_ROW[presenter] + 6 if badges else 0


def _frame(n_panels: int, strip: bool, years: pd.Series) -> tuple[go.Figure, range]:
    """Subplots sharing the years, stacked: an events strip on top (when `strip`), then the panels.
    Their heights are set in pixels once the figure is finished (`_stack`)."""
    rows = n_panels + int(strip)
    fig = make_subplots(rows=rows, cols=1, shared_xaxes=True)
    if strip:
        fig.update_yaxes(visible=False, range=[0, 1], fixedrange=True, row=1, col=1)
    if len(years):
        fig.update_xaxes(range=[float(years.min()) - 0.7, float(years.max()) + 0.7])
    return fig, range(int(strip) + 1, rows + 1)


def _stack(fig: go.Figure, strip_px: int, panel_rows: range, titles: list[str], presenter: bool) -> None:
    """Domains of the finished figure's stacked rows in pixels of its plot area: the events strip
    `strip_px` tall, then equal panels `PANEL_GAP` apart, each panel's title in the gap above it."""
    m = fig.layout.margin
    area = max(float(fig.layout.height) - float(m.t) - float(m.b), 1.0)
    gap = PANEL_GAP[presenter] / area
    top = 1.0
    if strip_px:
        fig.layout["yaxis"].domain = [max(1.0 - strip_px / area, 0.0), 1.0]
        top = 1.0 - strip_px / area - gap * 0.5
    n = len(panel_rows)
    panel = max((top - gap * (n - 1)) / n, 0.02)
    notes = []
    for k, (row, title) in enumerate(zip(panel_rows, titles)):
        y1 = top - k * (panel + gap)
        fig.layout[_axis(fig, row)].domain = [max(y1 - panel, 0.0), y1]
        if title:
            notes.append(dict(text=title, x=0.5, xref="paper", y=y1, yref="paper", xanchor="center",
                              yanchor="bottom", showarrow=False, yshift=2, name="panel_title"))
    fig.update_layout(annotations=list(fig.layout.annotations) + notes)


def _events(fig: go.Figure, badges: list[tuple], presenter: bool) -> None:
    """Policy events (seed_facts.csv, as on the trends page): dotted vertical lines through the strip and
    every panel, numbered badges in rows in the strip above them (hover: every event of that year)."""
    if not badges:
        return
    shapes, notes = [], []
    for year, g, x0, text, row in badges:
        shapes.append(dict(type="line", xref="x", yref="paper", x0=x0, x1=x0, y0=0, y1=1,
                           line=dict(color=palette.EVENT_COLOR, dash="dot", width=1)))
        lines = "<br>".join(f"{d} · {lb}" for d, lb in zip(g["date"], g["label"]))
        notes.append(dict(x=x0, y=1.0, yshift=-row * BADGE_ROW[presenter], xref="x", yref="y domain", text=text,
                          hovertext=f"<b>{year}</b><br>{lines}", showarrow=False, yanchor="top", xanchor="center",
                          font=dict(size=BADGE_SIZE[presenter], color="#333"), bgcolor="rgba(255,255,255,0.9)",
                          bordercolor=palette.EVENT_COLOR, borderwidth=1, borderpad=1, name=f"event_{year}"))
    fig.update_layout(shapes=list(fig.layout.shapes) + shapes, annotations=list(fig.layout.annotations) + notes)


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
    ev = _event_rows(ctx, t, show_events)
    years = t["year"] if not t.empty else pd.Series(dtype=float)
    fig, panel_rows = _frame(max(1, len(chosen)), not ev.empty, years)
    badges = _badges(ev, ctx.presenter, tuple(fig.layout.xaxis.range or (0, 1)))
    strip = _strip_px(badges, ctx.presenter)
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
           presenter=ctx.presenter, height=max(260, (165 + PANEL_GAP[False]) * len(panel_rows) + strip),
           legend_top=False, note=note)
    _stack(fig, strip, panel_rows, [f"<b>{_name(m, ctx.lang)}</b>" for m in chosen], ctx.presenter)
    if not t.empty:
        _shade_partial(fig, sorted(part), ctx.t("partial_label", full=full), panel_rows)
        _events(fig, badges, ctx.presenter)
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
    ev = _event_rows(ctx, t, show_events)
    notes = [note] if note else []
    if part:
        notes.append(ctx.t("partial_label", full=full) + ".")
    if not ev.empty:
        notes.append(ctx.t("events_dotted"))
    finish(fig, title=ctx.t("disp_chart_title", name=fmt.name(ind, ctx.lang)),
           subtitle=_subtitle(ctx, level, t, reading), source=_source(ctx, ind, level), presenter=True,
           height=600, legend_top=False, note=" ".join(notes))
    event_years = [b[2] for b in _badges(ev, True, (0.0, 1.0))]  # one line per year, as the badges
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
        xr, yr = _ref(axis, "x"), _ref(axis) + " domain"
        shapes += [dict(type="rect", xref=xr, yref=yr, x0=a - 0.5, x1=b + 0.5, y0=0, y1=1, fillcolor=PARTIAL_FILL,
                        line_width=0, layer="below") for a, b in _runs(sorted(part))]
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
    ev = _event_rows(ctx, t, show_events)
    fig, panel_rows = _frame(1, not ev.empty, t["year"])
    badges = _badges(ev, ctx.presenter, tuple(fig.layout.xaxis.range or (0, 1)))
    strip = _strip_px(badges, ctx.presenter)
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
    _stack(fig, strip, panel_rows, [""], ctx.presenter)
    if years:
        _shade_partial(fig, sorted(part), ctx.t("partial_label", full=full), panel_rows)
        _events(fig, badges, ctx.presenter)
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


