"""Figures handed to st.plotly_chart without plotly's validation pass (the fast path).

st.plotly_chart (Streamlit 1.67, plotly 6) takes a `go.Figure` as already validated and sends its
`to_dict()`; a plain dict it would first turn into a `go.Figure`, which validates every trace and
deep-copies every coordinate of the geometry (60–90% of a map's rerun). So a map is built once
with a geometry-free GeoJSON (`light_geojson`: ids only), turned into plain data (`figure_spec`,
cached by the caller), the shared simplified geometry is put back per run (`attach_geometry`), and
`SpecFigure` carries that finished dict through st.plotly_chart.

Assumption on the pinned versions: st.plotly_chart calls `figure.to_dict()` (or
`to_plotly_json()`) and reads nothing else from the figure. If a later Streamlit reads
`fig.layout` or `fig.data` directly it would see an empty figure: `tests/app/test_map_fastpath.py`
compares what the browser receives with the validated figure and fails then.
"""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go


def light_geojson(geojson: dict) -> dict:
    """`geojson` with its feature ids only (no geometry): cheap for plotly to validate and copy."""
    return {"type": "FeatureCollection", "features": [{"type": "Feature", "id": f["id"]} for f in geojson["features"]]}


def _plain(obj):
    """numpy arrays and scalars as lists / Python numbers (orjson then needs no cleaning pass)."""
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_plain(v) for v in obj]
    if isinstance(obj, np.ndarray):
        return obj.tolist()
    if isinstance(obj, np.generic):
        return obj.item()
    return obj


def figure_spec(fig: go.Figure) -> dict:
    """The figure as plain JSON-ready data (what st.plotly_chart would serialise)."""
    return _plain(fig.to_dict())


def attach_geometry(spec: dict, geojson: dict) -> dict:
    """Put the features of `geojson` back into the traces of a spec built with `light_geojson`
    (in place; each trace keeps the features it was built with, in their original order)."""
    by_id = {f["id"]: f for f in geojson["features"]}
    for trace in spec.get("data", []):
        gj = trace.get("geojson")
        if isinstance(gj, dict) and gj.get("features") is not None:
            feats = [by_id.get(f["id"]) for f in gj["features"]]
            trace["geojson"] = {"type": "FeatureCollection", "features": [f for f in feats if f is not None]}
    return spec


class SpecFigure(go.Figure):
    """A finished figure carried as its plain dict: `to_dict()` returns that dict (data list and
    traces copied shallowly, nothing deep-copied); the go.Figure itself is empty, so use it only
    to hand the figure to st.plotly_chart / plotly.io (to_json, write_image, show)."""

    def __init__(self, spec: dict):
        super().__init__()
        self._spec = spec

    def to_dict(self) -> dict:
        out = dict(self._spec)
        out["data"] = [dict(t) for t in self._spec.get("data", [])]
        return out

    def to_plotly_json(self) -> dict:
        return self.to_dict()


def with_traces(fig: go.Figure, traces: list) -> SpecFigure:
    """`fig` (a SpecFigure or go.Figure) with `traces` drawn on top, as a SpecFigure (nothing deep-copied)."""
    spec = fig.to_dict()
    extra = [t.to_plotly_json() if hasattr(t, "to_plotly_json") else t for t in traces]
    return SpecFigure({**spec, "data": spec["data"] + extra})
