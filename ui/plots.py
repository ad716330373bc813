"""Bar and matrix builders: policy events on a year axis,
stacked risk-class bars, horizontal bars, the coverage heatmap. Finished by `ui.finishing.finish`."""
from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ui import figures
from ui.palette import EVENT_COLOR, RISK_COLORS


def year_axis(xs: list[float]) -> dict:
    """x-axis settings for years: whole-year ticks only (a short series never shows 2023, 2023), about ten
    of them, and the axis ending at the data (events outside it are not drawn)."""
    if not xs:
        return {}
    lo, hi = float(min(xs)), float(max(xs))
    step = max(1, int(np.ceil((hi - lo) / 10)))
    return {"tickmode": "linear", "tick0": int(lo), "dtick": step, "range": [lo - 0.5, hi + 0.5]}


EVENT_MIN_PLOT_PX = 280  # the narrowest plot the badges are laid out for (a 390 px phone, margins off)
EVENT_ROW_PX = 21  # a badge is 18 px tall (10 px text, padding and border)


def event_rows(xs: list[float], lo: float, hi: float, widths: list[float], plot_px: float = EVENT_MIN_PLOT_PX,
               gap_px: float = 3.0) -> list[int]:
    """Row (0 = top) of each badge centred at `xs` (ascending, data units) of `widths` px, so that no two
    badges of one row overlap on a plot `plot_px` wide showing [lo − 0.5, hi + 0.5] (greedy: the first
    row whose last badge ends before this one starts). Wider plots only move badges further apart."""
    per_unit = plot_px / max(hi - lo + 1.0, 1.0)
    ends: list[float] = []  # per row: the right edge (px) of its last badge
    out = []
    for x, w in zip(xs, widths):
        left = (x - lo + 0.5) * per_unit - w / 2
        row = next((i for i, end in enumerate(ends) if left >= end + gap_px), len(ends))
        if row == len(ends):
            ends.append(0.0)
        ends[row] = left + w
        out.append(row)
    return out


def event_marks(fig: go.Figure, events: pd.DataFrame, lo: float, hi: float, *, presenter: bool = False) -> None:
    """Policy events of the years `lo`–`hi` (the data's years; the axis ends there): a dotted line per
    event year and a numbered badge at the top of the plot (the number of `events`' `number` column,
    as in the events table); hovering the badge lists every event of that year with its date. Badges
    are staggered in rows so none overlaps another even on a phone."""
    ev = events[(events["x"] >= lo - 0.5) & (events["x"] < hi + 0.5)]
    if ev.empty:
        return
    groups = list(ev.groupby(ev["x"].astype(int), sort=True))
    size = 14 if presenter else 10
    texts = [str(int(g["number"].iloc[0])) for _y, g in groups]
    xs = [float(g["x"].min()) for _y, g in groups]
    rows = event_rows(xs, lo, hi, [len(t) * size * 0.62 + 8 for t in texts])
    shapes, notes = [], []
    for (year, g), x0, text, row in zip(groups, xs, texts, rows):
        shapes.append(dict(type="line", xref="x", yref="paper", x0=x0, x1=x0, y0=0, y1=1,
                           line=dict(color=EVENT_COLOR, dash="dot", width=1)))
        lines = "<br>".join(f"{d} · {lb}" for d, lb in zip(g["date"], g["label"]))
        notes.append(dict(x=x0, y=1.0, xref="x", yref="paper", text=text, showarrow=False, xanchor="center",
                          yanchor="top", yshift=-row * (EVENT_ROW_PX + (4 if presenter else 0)),
                          hovertext=f"<b>{year}</b><br>{lines}", font=dict(size=size, color="#333"),
                          bgcolor="rgba(255,255,255,0.9)", bordercolor=EVENT_COLOR, borderwidth=1, borderpad=1,
                          name=f"event_{year}"))
    fig.update_layout(shapes=list(fig.layout.shapes) + shapes, annotations=list(fig.layout.annotations) + notes)


@figures.cached
# ---------------------------------------------------------------- bars and matrices

def risk_stacks(counts: pd.DataFrame, *, class_labels: list[str], panel_titles: tuple[str, str],
                y_title: str, presenter: bool = False) -> go.Figure:
    """Stacked bars of 시군구 per class and year, capital (left) and non-capital (right)."""
    fig = make_subplots(rows=1, cols=2, shared_yaxes=False, horizontal_spacing=0.08)
    for col, capital in ((1, True), (2, False)):
        part = counts[counts["is_capital_region"] == capital]
        for k, (label, color) in enumerate(zip(class_labels, RISK_COLORS)):
            c = part[part["risk_class"] == k]
            fig.add_trace(go.Bar(x=c["year"], y=c["sigungu_count"], name=label, marker_color=color,
                                 marker_line=dict(color="#555", width=0.5), legendgroup=str(k),
                                 showlegend=col == 1, legendrank=k,
                                 hovertemplate=f"{label}<br>%{{x}}: %{{y}}<extra></extra>"), row=1, col=col)
    fig.update_layout(barmode="stack")
    for col, title in ((1, panel_titles[0]), (2, panel_titles[1])):
        fig.update_xaxes(title_text=f"<b>{title}</b>", row=1, col=col)
    fig.update_xaxes(tickformat="d", dtick=1)
    fig.update_yaxes(title_text=None)
    return fig


def extremes(values: list[float], k: int) -> list[int]:
    """Positions of the `k` highest and `k` lowest of `values` (all when there are at most 2k), in their
    given order: what a presenter's bar chart keeps when every bar would not be readable."""
    if len(values) <= 2 * k:
        return list(range(len(values)))
    order = sorted(range(len(values)), key=lambda i: values[i])
    return sorted(set(order[:k]) | set(order[-k:]))


HBAR_ROW_PX = 50  # one bar and its label line above it, with a clear gap before the next label
PRESENTER_HBAR_ROW_PX = 60  # the same at presenter type sizes (16 px labels, 15 px values)
BAR_WIDTH = 0.34  # of a row (y units): the rest holds the label (just above its bar) and the gap under the bar
PRESENTER_BAR_WIDTH = 0.3
LABEL_GAP_PX = 0  # from the label box (its text padding included) to the top of its own bar
REF_BELOW = 0.12  # y units the reference line runs on below each bar (above it: the bar's label)


def hbars_height(n: int, presenter: bool, least: int = 260) -> int:
    """Figure height for `n` bars of `hbars` (a row per bar and one more for the axis strip)."""
    return max(least, (PRESENTER_HBAR_ROW_PX if presenter else HBAR_ROW_PX) * (n + 1))
PRESENTER_BARS = 3  # presenter mode: the 3 highest and 3 lowest bars (rows of `PRESENTER_HBAR_ROW_PX`)


def _label_y(bar_y: float, width: float) -> float:
    """Where a bar's label sits: its bottom at the top of its own bar (y grows downwards here)."""
    return bar_y - width / 2


def _ref_segments(ref: float, n: int, width: float) -> list[dict]:
    """The reference line as one short segment across each bar (never across a label, which sits in the
    row's upper part): a dotted line that reads as one vertical line down the bars."""
    return [dict(type="line", xref="x", yref="y", x0=ref, x1=ref, y0=y - width / 2, y1=y + width / 2 + REF_BELOW,
                 name="ref_line", line=dict(color="#333", dash="dot", width=1.2)) for y in range(n)]


def presenter_hbars(fig: go.Figure) -> None:
    """`hbars` readable from the back of a room: 16 px bar labels, 15 px values (never shrunk to fit),
    thinner bars with each label just above its own bar."""
    fig.update_traces(width=PRESENTER_BAR_WIDTH, textfont_size=15, constraintext="none", selector=dict(type="bar"))
    for a in fig.layout.annotations:
        if a.name == "bar_label":
            a.update(font_size=16, y=_label_y(a.y + BAR_WIDTH / 2, PRESENTER_BAR_WIDTH))
    half = PRESENTER_BAR_WIDTH / 2
    for sh in fig.layout.shapes:
        if sh.name == "ref_line":
            mid = sh.y0 + BAR_WIDTH / 2
            sh.update(y0=mid - half, y1=mid + half + REF_BELOW)


def hbars(labels: list[str], values: list[float], *, colors: list[str], base: float = 0.0, x_title: str = "",
          hover: list[str] | None = None, ref: float | None = None, ref_label: str = "",
          text: list[str] | None = None) -> go.Figure:
    """Horizontal bars (top to bottom in the given order), optional reference line. Stacked layout: each
    label sits on its own line just above its bar, left-aligned, so the bars keep the plot's full width at
    any screen width (a phone included), and a gap parts each bar from the next label; give the figure
    `HBAR_ROW_PX` of height per bar and one more. The reference line (e.g. 전국 = 100) is drawn across the
    bars only, so it never runs through a label; its own label heads it in a strip above the first bar."""
    n = len(labels)
    ys = list(range(n))
    fig = go.Figure(go.Bar(
        y=ys, x=[v - base for v in values], base=base, orientation="h", marker_color=colors, width=BAR_WIDTH,
        text=text, textposition="outside", cliponaxis=False, customdata=labels,
        hovertext=hover, hovertemplate="%{hovertext}<extra></extra>" if hover else "%{customdata}<extra></extra>"))
    fig.update_layout(annotations=[dict(x=0, xref="paper", y=_label_y(y, BAR_WIDTH), yref="y", text=str(lb),
                                        showarrow=False, xanchor="left", yanchor="bottom", yshift=LABEL_GAP_PX,
                                        font=dict(size=12), name="bar_label") for y, lb in zip(ys, labels)])
    top = -0.75
    if ref is not None:
        fig.update_layout(shapes=_ref_segments(ref, n, BAR_WIDTH))
        if ref_label:  # in a strip of its own above the first bar's label
            top = -1.65
            fig.add_annotation(x=ref, y=-1.3, xref="x", yref="y", text=ref_label, showarrow=False,
                               font=dict(size=11, color="#333"), bgcolor="#ffffff", name="ref_label")
    fig.update_yaxes(autorange=False, range=[n - 0.5, top], showticklabels=False, showgrid=False, zeroline=False,
                     automargin=False)
    # no vertical grid: it would run through the labels (each bar carries its value)
    fig.update_xaxes(title=x_title, zeroline=False, showgrid=False)
    fig.update_layout(showlegend=False, margin=dict(l=10, r=44))
    return fig


def heatmap(z: pd.DataFrame, *, colorbar_title: str, hover_fmt: str = "%{y}<br>%{x}: %{z}") -> go.Figure:
    """Matrix view (rows = indicators, columns = years), empty cells white."""
    fig = go.Figure(go.Heatmap(z=z.to_numpy(dtype=float), x=[str(c) for c in z.columns], y=list(z.index),
                               colorscale="Viridis", colorbar=dict(title=dict(text=colorbar_title, side="top")),
                               hovertemplate=hover_fmt + "<extra></extra>", xgap=1, ygap=1))
    fig.update_yaxes(autorange="reversed", automargin=True, tickfont=dict(size=11))
    fig.update_xaxes(type="category", tickangle=-90, tickfont=dict(size=10))
    return fig
