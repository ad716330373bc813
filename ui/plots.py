"""Line, bar and matrix builders: trend lines with policy events and quoted figures, sparklines,
stacked risk-class bars, horizontal bars, the coverage heatmap. Finished by `ui.finishing.finish`."""
from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ui import figures
from ui.finishing import axis_unit, text_width
from ui.palette import EVENT_COLOR, NC_COLOR, RISK_COLORS


def year_axis(xs: list[float]) -> dict:
    """x-axis settings for years: whole-year ticks only (a short series never shows 2023, 2023), about ten
    of them, and the axis ending at the data (events outside it are not drawn)."""
    if not xs:
        return {}
    lo, hi = float(min(xs)), float(max(xs))
    step = max(1, int(np.ceil((hi - lo) / 10)))
    return {"tickmode": "linear", "tick0": int(lo), "dtick": step, "range": [lo - 0.5, hi + 0.5]}


def time_series(lines: list[dict], *, events: pd.DataFrame | None = None, figures: list[dict] | None = None,
                y_title: str = "", presenter: bool = False, hline: float | None = None,
                y_tickformat: str = ",.4~r") -> go.Figure:
    """Lines (dicts: name, x, y, color, dash, width, hover), policy events as vertical lines with
    labels (one per year, hover lists them all), quoted figures as labelled open diamonds."""
    fig = go.Figure()
    xs: list[float] = []
    for ln in lines:
        xs += list(ln["x"])
        fig.add_trace(go.Scatter(
            x=ln["x"], y=ln["y"], name=ln["name"], mode="lines+markers",
            line=dict(color=ln.get("color"), dash=ln.get("dash", "solid"), width=ln.get("width", 2.5)),
            marker=dict(size=5 if len(ln["x"]) > 15 else 7), text=ln.get("hover"),
            hovertemplate="%{text}<extra></extra>" if ln.get("hover") is not None else None))
    if hline is not None:
        fig.add_hline(y=hline, line=dict(color="#888", dash="dot", width=1))
    if xs and events is not None and not events.empty:
        lo, hi = min(xs) - 0.5, max(xs) + 0.99
        ev = events[(events["x"] >= lo) & (events["x"] <= hi)]
        by_year = ev.groupby(ev["x"].astype(int))
        top = 1.0
        for i, (_year, g) in enumerate(by_year):
            x0 = float(g["x"].min())
            fig.add_vline(x=x0, line=dict(color=EVENT_COLOR, dash="dot", width=1))
            first = g["label"].iloc[0]
            short = first if len(first) <= 14 else first[:13] + "…"
            more = f" +{len(g) - 1}" if len(g) > 1 else ""
            fig.add_annotation(x=x0, y=top - (i % 4) * 0.065, xref="x", yref="paper", text=f"{short}{more}",
                               showarrow=False, xanchor="left", yanchor="top", xshift=2,
                               font=dict(size=10 if not presenter else 14, color="#555"),
                               bgcolor="rgba(255,255,255,0.75)")
    if figures:
        fx = [f["x"] for f in figures]
        fig.add_trace(go.Scatter(
            x=fx, y=[f["y"] for f in figures], mode="markers+text", name=figures[0].get("legend", "quoted"),
            marker=dict(symbol="diamond-open", size=13 if not presenter else 17, line=dict(width=2.2),
                        color=[f.get("color", "#000") for f in figures]),
            text=[f["label"] for f in figures], textposition="top center",
            textfont=dict(size=10 if not presenter else 14),
            hovertext=[f["hover"] for f in figures], hovertemplate="%{hovertext}<extra></extra>"))
    fig.update_xaxes(tickformat="d", title=None, showgrid=False, **year_axis(xs))
    fig.update_yaxes(tickformat=y_tickformat, zeroline=False)
    axis_unit(fig, y_title)
    # the unit sits left of the plot, beside the legend: keep room for it (tick labels widen it further)
    fig.update_layout(margin=dict(l=text_width(y_title, 11) + 12))
    fig.update_layout(hovermode="closest")
    return fig


@figures.cached
def sparkline(x, y, color: str = NC_COLOR, height: int = 70) -> go.Figure:
    """A small line with its last point marked; no axes."""
    fig = go.Figure(go.Scatter(x=list(x), y=list(y), mode="lines", line=dict(color=color, width=2),
                               hovertemplate="%{x}: %{y:,.4~r}<extra></extra>"))
    if len(x):
        fig.add_trace(go.Scatter(x=[list(x)[-1]], y=[list(y)[-1]], mode="markers",
                                 marker=dict(color=color, size=6), hoverinfo="skip"))
    fig.update_layout(height=height, margin=dict(l=2, r=2, t=2, b=2), showlegend=False, template="plotly_white",
                      xaxis=dict(visible=False), yaxis=dict(visible=False), paper_bgcolor="rgba(0,0,0,0)",
                      plot_bgcolor="rgba(0,0,0,0)")
    return fig


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


def hbars(labels: list[str], values: list[float], *, colors: list[str], base: float = 0.0, x_title: str = "",
          hover: list[str] | None = None, ref: float | None = None, ref_label: str = "",
          text: list[str] | None = None) -> go.Figure:
    """Horizontal bars (top to bottom in the given order), optional reference line."""
    fig = go.Figure(go.Bar(
        y=labels, x=[v - base for v in values], base=base, orientation="h", marker_color=colors,
        text=text, textposition="outside", cliponaxis=False,
        hovertext=hover, hovertemplate="%{hovertext}<extra></extra>" if hover else None))
    if ref is not None:
        fig.add_vline(x=ref, line=dict(color="#333", dash="dot", width=1.2),
                      annotation_text=ref_label, annotation_position="top")
    longest = max((text_width(str(lb)) for lb in labels), default=80)
    fig.update_yaxes(autorange="reversed", automargin=False)
    fig.update_xaxes(title=x_title, zeroline=False)
    fig.update_layout(showlegend=False, bargap=0.25, margin=dict(l=min(460, 20 + longest)))
    return fig


def heatmap(z: pd.DataFrame, *, colorbar_title: str, hover_fmt: str = "%{y}<br>%{x}: %{z}") -> go.Figure:
    """Matrix view (rows = indicators, columns = years), empty cells white."""
    fig = go.Figure(go.Heatmap(z=z.to_numpy(dtype=float), x=[str(c) for c in z.columns], y=list(z.index),
                               colorscale="Viridis", colorbar=dict(title=dict(text=colorbar_title, side="top")),
                               hovertemplate=hover_fmt + "<extra></extra>", xgap=1, ygap=1))
    fig.update_yaxes(autorange="reversed", automargin=True, tickfont=dict(size=11))
    fig.update_xaxes(type="category", tickangle=-90, tickfont=dict(size=10))
    return fig
