"""Plotly panels stacked over one year axis (격차 분석's measures and decomposition): an events strip of
numbered policy-event badges on top, equal panels sized in pixels with their titles in the gaps, and grey
bands over the years measured on fewer units than the full set. Pure layout: the caller gives the traces."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ui import concepts, palette, plots
from ui.context import Ctx

PARTIAL_FILL = "rgba(120,120,120,0.13)"


def runs(years: list[int]) -> list[tuple[int, int]]:
    """Consecutive runs of years: [1992, 1993, 1995] → [(1992, 1993), (1995, 1995)]."""
    out: list[tuple[int, int]] = []
    for y in sorted(years):
        if out and y == out[-1][1] + 1:
            out[-1] = (out[-1][0], y)
        else:
            out.append((y, y))
    return out


def axis(fig: go.Figure, row: int) -> str:
    return "yaxis" if row == 1 else f"yaxis{row}"


def ref(axis: str, kind: str = "y") -> str:
    """'yaxis3' → 'y3' (kind 'x': 'x3'), the reference shapes and annotations use."""
    return kind + axis[5:]


def panels_span(fig: go.Figure, rows: range) -> tuple[float, float]:
    """Paper y from the bottom of the last panel to the top of the first (events strip excluded)."""
    return fig.layout[axis(fig, rows[-1])].domain[0], fig.layout[axis(fig, rows[0])].domain[1]


def shade_partial(fig: go.Figure, years: list[int], label: str, rows: range) -> None:
    """Grey bands over the years with fewer regions than the full set (one shape per run of years;
    shapes and annotations are added in one layout update: plotly's add_vrect per row is slow)."""
    if not years:
        return
    y0, y1 = panels_span(fig, rows)
    shapes = [dict(type="rect", xref="x", yref="paper", x0=a - 0.5, x1=b + 0.5, y0=y0, y1=y1,
                   fillcolor=PARTIAL_FILL, line_width=0, layer="below") for a, b in runs(years)]
    a, _ = runs(years)[0]
    note = dict(x=a - 0.5, y=y1, xref="x", yref="paper", text=label, showarrow=False, xanchor="left",
                yanchor="bottom", font=dict(size=10, color="#444"), bgcolor="rgba(255,255,255,0.7)")
    fig.update_layout(shapes=list(fig.layout.shapes) + shapes, annotations=list(fig.layout.annotations) + [note])


def event_rows(ctx: Ctx, t: pd.DataFrame, show_events: bool) -> pd.DataFrame:
    if not show_events or t.empty:
        return pd.DataFrame()
    ev = concepts.events(ctx.lang)
    lo, hi = float(t["year"].min()), float(t["year"].max())
    return ev[(ev["x"] >= lo - 0.5) & (ev["x"] < hi + 0.5)]  # the axis ends at the data


def badges(ev: pd.DataFrame, presenter: bool, span: tuple[float, float]) -> list[tuple]:
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


def strip_px(badges: list[tuple], presenter: bool) -> int:
    """Height of the events strip: every row of badges and a little air (0 without events)."""
    return (max(b[4] for b in badges) + 1) * BADGE_ROW[presenter] + 6 if badges else 0


def frame(n_panels: int, strip: bool, years: pd.Series) -> tuple[go.Figure, range]:
    """Subplots sharing the years, stacked: an events strip on top (when `strip`), then the panels.
    Their heights are set in pixels once the figure is finished (`_stack`)."""
    rows = n_panels + int(strip)
    fig = make_subplots(rows=rows, cols=1, shared_xaxes=True)
    if strip:
        fig.update_yaxes(visible=False, range=[0, 1], fixedrange=True, row=1, col=1)
    if len(years):
        fig.update_xaxes(range=[float(years.min()) - 0.7, float(years.max()) + 0.7])
    return fig, range(int(strip) + 1, rows + 1)


def stack(fig: go.Figure, strip_px: int, panel_rows: range, titles: list[str], presenter: bool) -> None:
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
        fig.layout[axis(fig, row)].domain = [max(y1 - panel, 0.0), y1]
        if title:
            notes.append(dict(text=title, x=0.5, xref="paper", y=y1, yref="paper", xanchor="center",
                              yanchor="bottom", showarrow=False, yshift=2, name="panel_title"))
    fig.update_layout(annotations=list(fig.layout.annotations) + notes)


def events(fig: go.Figure, badges: list[tuple], presenter: bool) -> None:
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
