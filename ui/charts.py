"""Plotly figure builders shared by the pages.

Every figure carries its title, unit, year and source inside the image (title, subtitle and
a source annotation), so the PNG from the mode bar stands on its own; `plot_config` sets
the PNG file name. Colours are colour-blind safe: viridis/cividis for levels (oriented by
polarity: the "worse" end is dark), RdBu centred for relative values and gaps, the stepped
ColorBrewer RdYlBu for the five KEIS risk classes, Okabe–Ito for lines; missing data grey
with its own legend entry.
"""
from __future__ import annotations

import json
import re
import textwrap
import urllib.parse

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

FONT = "Noto Sans KR, Noto Sans CJK KR, Apple SD Gothic Neo, Malgun Gothic, sans-serif"
CR_COLOR, NC_COLOR, NATION_COLOR = "#D55E00", "#0072B2", "#444444"
COMPARE_COLORS = ("#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999933", "#882255", "#44AA99")
# the seven 권역: 수도권 in the capital colour, the others Okabe–Ito / Tol hues distinct from it
MACRO_COLORS = {"CR": CR_COLOR, "CC": "#0072B2", "HN": "#009E73", "DG": "#CC79A7", "DN": "#E69F00",
                "GW": "#56B4E9", "JJ": "#882255"}
RISK_COLORS = ("#d7191c", "#fdae61", "#ffffbf", "#abd9e9", "#2c7bb6")  # 고위험 … 소멸 저위험
MISSING_COLOR = "#c9c9c9"
EVENT_COLOR = "#7a7a7a"
KOREA_VIEW = {"lon": [124.55, 131.0], "lat": [33.05, 38.65]}
CAPITAL_VIEW = {"lon": [126.25, 127.9], "lat": [36.85, 38.32]}

# plotly.js geo subplots fetch a world base map (topojson) from cdn.plot.ly even when the base
# layers are hidden; our maps draw only their own GeoJSON, so hand plotly an empty topology as a
# data: URL (the "#" turns the file name plotly appends into a fragment). Works offline.
_EMPTY_TOPOLOGY = {"type": "Topology", "arcs": [], "objects": {
    k: {"type": "GeometryCollection", "geometries": []}
    for k in ("coastlines", "land", "ocean", "lakes", "rivers", "countries", "subunits")}}
EMPTY_TOPOJSON_URL = "data:application/json," + urllib.parse.quote(
    json.dumps(_EMPTY_TOPOLOGY, separators=(",", ":"))) + "#"


# ---------------------------------------------------------------- common frame

def _wrap(text: str, width: int) -> str:
    return "<br>".join(textwrap.wrap(text, width=width, break_long_words=False)) if text else ""


def finish(fig: go.Figure, *, title: str, subtitle: str = "", source: str = "", presenter: bool = False,
           height: int = 460, legend_top: bool = True, note: str = "", wrap: int | None = None,
           extra_bottom: int = 0) -> go.Figure:
    """Title (with unit/year in the subtitle), source annotation, fonts and margins."""
    base = 19 if presenter else 13
    width_chars = wrap or (95 if presenter else 135)
    if presenter and wrap:
        width_chars = int(wrap * 0.7)
    foot = _wrap(source, width_chars)
    if note:
        foot = _wrap(note, width_chars) + ("<br>" if foot else "") + foot
    foot_lines = foot.count("<br>") + 1 if foot else 0
    bottom = 40 + extra_bottom + int(foot_lines * base * 1.35)
    left = fig.layout.margin.l if fig.layout.margin.l is not None else 10
    fig.update_layout(
        template="plotly_white",
        font=dict(family=FONT, size=base, color="#000000" if presenter else "#1f1f1f"),
        title=dict(text=f"<b>{title}</b>", x=0.0, xanchor="left", xref="container", y=1.0, yref="container",
                   yanchor="top", pad=dict(t=10, l=4), font=dict(size=int(base * 1.25)),
                   subtitle=dict(text=subtitle, font=dict(size=int(base * 0.9), color="#333333"))),
        margin=dict(l=left, r=10, t=int(base * 5.4) + (18 if legend_top else 0), b=bottom),
        height=int(height * (1.2 if presenter else 1.0)) + bottom,
        paper_bgcolor="#ffffff", plot_bgcolor="#ffffff",
        hoverlabel=dict(font=dict(family=FONT, size=base)),
    )
    if legend_top:
        fig.update_layout(legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0.0,
                                      bgcolor="rgba(255,255,255,0.8)"))
    if foot:
        fig.add_annotation(text=foot, xref="paper", yref="paper", x=0, y=0, yshift=-(bottom - 6),
                           xshift=-(left - 8), xanchor="left",
                           yanchor="bottom", align="left", showarrow=False,
                           font=dict(size=max(10, int(base * 0.8)), color="#333333"))
    return fig


def text_width(text: str, size: int = 13) -> int:
    """Rough rendered width in px (Hangul/CJK ≈ 1 em, other characters ≈ 0.55 em)."""
    return int(sum(size if ord(ch) >= 0x1100 else size * 0.55 for ch in text))


def axis_unit(fig: go.Figure, text: str, *, xref: str = "paper", yref: str = "paper", x: float = 0.0) -> None:
    """The y-axis unit written horizontally above the axis (rotated CJK axis titles read badly)."""
    if text:
        fig.add_annotation(text=text, xref=xref, yref=yref, x=x, y=1.0, xanchor="right", yanchor="bottom",
                           showarrow=False, yshift=4, font=dict(size=11, color="#333"))


def plot_config(filename: str, presenter: bool = False) -> dict:
    """st.plotly_chart config: PNG download named after the figure, no logo."""
    safe = re.sub(r"[^\w\-]+", "_", filename, flags=re.UNICODE).strip("_")[:80] or "figure"
    return {"toImageButtonOptions": {"format": "png", "filename": safe, "scale": 2},
            "displaylogo": False, "displayModeBar": True, "topojsonURL": EMPTY_TOPOJSON_URL,
            "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"]}


# ---------------------------------------------------------------- colour scales

def sequential_scale(polarity: int) -> str | list:
    """viridis for good/bad indicators with the worse end dark; cividis for neutral ones."""
    if polarity < 0:
        return "Viridis_r"
    if polarity > 0:
        return "Viridis"
    return "Cividis"


def diverging_scale(polarity: int) -> str:
    """RdBu with blue on the better side (red above the centre when higher is worse)."""
    return "RdBu_r" if polarity < 0 else "RdBu"


# ---------------------------------------------------------------- maps

def _subset(geojson: dict, codes) -> dict:
    keep = set(codes)
    return {"type": "FeatureCollection", "features": [f for f in geojson["features"] if f["id"] in keep]}


def _geo_layout(fig: go.Figure, uirevision: str, zoom_labels: tuple[str, str] | None, presenter: bool) -> None:
    fig.update_geos(visible=False, projection_type="mercator", showframe=False, bgcolor="rgba(0,0,0,0)",
                    lonaxis_range=KOREA_VIEW["lon"], lataxis_range=KOREA_VIEW["lat"], uirevision=uirevision)
    fig.update_layout(uirevision=uirevision, dragmode="pan")
    if zoom_labels:
        nation, capital = zoom_labels
        fig.update_layout(updatemenus=[dict(
            type="buttons", direction="right", x=0.0, xanchor="left", y=1.0, yanchor="top", showactive=True,
            bgcolor="#f4f4f4", bordercolor="#888", font=dict(size=15 if presenter else 12), pad=dict(r=4, t=4),
            buttons=[
                dict(label=nation, method="relayout",
                     args=[{"geo.lonaxis.range": KOREA_VIEW["lon"], "geo.lataxis.range": KOREA_VIEW["lat"]}]),
                dict(label=capital, method="relayout",
                     args=[{"geo.lonaxis.range": CAPITAL_VIEW["lon"], "geo.lataxis.range": CAPITAL_VIEW["lat"]}]),
            ])])


def _outline_trace(outline: dict | None, name: str) -> list[go.Scattergeo]:
    if not outline:
        return []
    return [go.Scattergeo(lon=outline["lon"], lat=outline["lat"], mode="lines", name=name,
                          line=dict(color="#000000", width=2.2), hoverinfo="skip", showlegend=True)]


def _missing_trace(geojson: dict, frame: pd.DataFrame, label: str) -> list[go.Choropleth]:
    miss = frame[frame["value"].isna()]
    if miss.empty:
        return []
    return [go.Choropleth(geojson=_subset(geojson, miss["region_code"]), locations=miss["region_code"],
                          z=np.zeros(len(miss)), colorscale=[[0, MISSING_COLOR], [1, MISSING_COLOR]],
                          showscale=False, showlegend=True, name=label, text=miss["hover"],
                          hovertemplate="%{text}<extra></extra>", marker_line=dict(color="#ffffff", width=0.4))]


def choropleth(frame: pd.DataFrame, geojson: dict, *, colorbar_title: str, scale: str | list,
               missing_label: str, outline: dict | None = None, outline_label: str = "",
               zmid: float | None = None, uirevision: str = "map", zoom_labels: tuple[str, str] | None = None,
               presenter: bool = False, tickformat: str = ",.4~r", line_width: float = 0.3) -> go.Figure:
    """Continuous choropleth: `frame` has region_code, value (NaN = missing → grey), hover."""
    have = frame[frame["value"].notna()]
    fig = go.Figure()
    if not have.empty:
        kw = {}
        if zmid is not None:
            span = float(np.nanmax(np.abs(have["value"] - zmid))) or 1.0
            kw = dict(zmid=zmid, zmin=zmid - span, zmax=zmid + span)
        fig.add_trace(go.Choropleth(
            geojson=_subset(geojson, have["region_code"]), locations=have["region_code"], z=have["value"],
            colorscale=scale, text=have["hover"], hovertemplate="%{text}<extra></extra>", showlegend=False,
            marker_line=dict(color="#ffffff", width=line_width), name=colorbar_title,
            colorbar=dict(title=dict(text=colorbar_title, side="top"), thickness=14, len=0.75, x=1.0,
                          tickformat=tickformat), **kw))
    for tr in _missing_trace(geojson, frame, missing_label) + _outline_trace(outline, outline_label):
        fig.add_trace(tr)
    _geo_layout(fig, uirevision, zoom_labels, presenter)
    fig.update_layout(legend=dict(orientation="v", x=0.0, y=0.02, xanchor="left", yanchor="bottom",
                                  bgcolor="rgba(255,255,255,0.85)"))
    return fig


def class_choropleth(frame: pd.DataFrame, geojson: dict, *, class_labels: list[str], colors: tuple[str, ...],
                     missing_label: str, outline: dict | None = None, outline_label: str = "",
                     uirevision: str = "classes", zoom_labels: tuple[str, str] | None = None,
                     presenter: bool = False) -> go.Figure:
    """Discrete choropleth: `frame` has region_code, class (0..k-1, NaN = missing), hover."""
    fig = go.Figure()
    for k, (label, color) in enumerate(zip(class_labels, colors)):
        part = frame[frame["class"] == k]
        if part.empty:
            continue
        fig.add_trace(go.Choropleth(
            geojson=_subset(geojson, part["region_code"]), locations=part["region_code"], z=np.full(len(part), k),
            colorscale=[[0, color], [1, color]], showscale=False, showlegend=True, name=label, legendrank=k,
            text=part["hover"], hovertemplate="%{text}<extra></extra>",
            marker_line=dict(color="#ffffff", width=0.3)))
    missing = frame.assign(value=frame["class"])
    for tr in _missing_trace(geojson, missing, missing_label) + _outline_trace(outline, outline_label):
        fig.add_trace(tr)
    _geo_layout(fig, uirevision, zoom_labels, presenter)
    fig.update_layout(legend=dict(orientation="v", x=0.0, y=0.02, xanchor="left", yanchor="bottom",
                                  bgcolor="rgba(255,255,255,0.85)"))
    return fig


# ---------------------------------------------------------------- lines

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
    fig.update_xaxes(tickformat="d", title=None, showgrid=False)
    fig.update_yaxes(tickformat=y_tickformat, zeroline=False)
    axis_unit(fig, y_title)
    # the unit sits left of the plot, beside the legend: keep room for it (tick labels widen it further)
    fig.update_layout(margin=dict(l=text_width(y_title, 11) + 12))
    fig.update_layout(hovermode="closest")
    return fig


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
