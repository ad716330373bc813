"""Choropleth builders (continuous and by class), with the 전국/수도권 zoom buttons, the capital-region
outline and missing areas in grey with their own legend entry.

`ui/maps.py` (the lead's, being replaced by the map component) reaches the palette and `finish`
through this module; those names are re-exported here for it only — new code imports
`ui.palette` and `ui.finishing`.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ui.finishing import finish  # noqa: F401  (re-exported for ui/maps.py)
from ui.palette import MISSING_COLOR, RISK_COLORS, diverging_scale, sequential_scale  # noqa: F401  (ui/maps.py)

KOREA_VIEW = {"lon": [124.55, 131.0], "lat": [33.05, 38.65]}
CAPITAL_VIEW = {"lon": [126.25, 127.9], "lat": [36.85, 38.32]}


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
