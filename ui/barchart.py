"""Horizontal bars, one row per category (an indicator, a domain), as our own component (`st.components.v2`,
like `ui.linechart`): SVG drawn in the page by `ui/assets/barchart.js`, no plotly.js before it shows.

One view = every row's label, bars (value, the value as shown, colour), hover text and link (a click opens
it: an indicator's trend, its map), the value axis, an optional reference line (전국 = 100, 50%) and the
texts; the browser draws it (each label on its own line above its bars, so the bars keep the full width
on a phone), hovers, and exports PNG/SVG with title, subtitle, legend and source inside the image.
"""
from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import streamlit as st

from ui.context import Ctx
from ui.figures import download_csv
from ui.mapview import component_js, nice_ticks

ASSETS = Path(__file__).resolve().parent / "assets"

_mount = st.components.v2.component(
    "balance_bars", js=component_js("barchart.js"), css=(ASSETS / "chart.css").read_text(encoding="utf-8"))


def bar(value: float | None, text: str, color: str) -> dict:
    """One bar of a row (None: no value, `text` says so)."""
    v = None if value is None or not math.isfinite(float(value)) else float(value)
    return {"value": v, "text": text, "color": color}


def row(*, label: str, code: str, bars: list[dict], hover: str, href: str = "") -> dict:
    """One row: its label (on its own line above the bars), its bars, the hover text ('\\n' between
    lines) and the link a click opens ('' = none)."""
    return {"label": label, "code": code, "bars": bars, "hover": hover, "href": href}


def axis(values: list[float], *, base: float = 0.0, lo: float | None = None, hi: float | None = None,
         suffix: str = "") -> dict:
    """The value axis over `values` and `base` (fixed ends where given), with round ticks."""
    vals = [float(v) for v in values if v is not None and math.isfinite(float(v))] + [base]
    a = min(vals) if lo is None else lo
    b = max(vals) if hi is None else hi
    if lo is None and hi is None:
        pad = (b - a) * 0.04 or 1.0
        a, b = (a - pad if a < base else a), b + pad
    ticks = [t for t in nice_ticks(a, b, 6) if a <= t <= b]
    return {"lo": a, "hi": b, "ticks": [[t, f"{t:,.0f}{suffix}"] for t in ticks]}


def labels(ctx: Ctx) -> dict[str, str]:
    return {"png": ctx.t("map_png"), "svg": ctx.t("map_svg")}


def spec(ctx: Ctx, *, key: str, rows: list[dict], axis: dict, title: str, subtitle: str, source: str,
         note: str = "", unit: str = "", base: float = 0.0, ref: float | None = None, ref_label: str = "",
         series: list[tuple[str, str]] = ()) -> dict:
    """The JSON the browser draws from; `series` = (name, colour) of each bar of a row when rows have
    several (a legend), `ref` a reference value drawn across the bars, headed by `ref_label`."""
    return {"key": key, "rows": rows, "axis": axis, "title": title, "subtitle": subtitle, "source": source,
            "note": note, "unit": unit, "base": base,
            "ref": None if ref is None else {"value": ref, "label": ref_label},
            "series": [{"name": n, "color": c} for n, c in series], "presenter": ctx.presenter,
            "labels": labels(ctx)}


def show(ctx: Ctx, view: dict, *, key: str, filename: str, data: pd.DataFrame | None = None,
         source: str | None = None) -> None:
    """Draw `view` and the CSV download of `data`."""
    if ctx.slide:  # a slide's frame never leaves its view: its rows open nothing
        view = {**view, "rows": [{**r, "href": ""} for r in view["rows"]]}
    _mount(data={**view, "filename": filename, "slide": ctx.slide}, key=key, height="content")
    if data is not None and not ctx.slide:  # a slide: the figure alone
        download_csv(data, filename, ctx, key=f"dl_{key}", source=source)
