"""Charts over the years as our own component (`st.components.v2`, like the map in `ui.mapview`): SVG
drawn in the page by `ui/assets/linechart.js`, no plotly.js (Streamlit's 4.5 MB chunk) before it shows.

What travels where:
- one view = one or more panels (`panel`: its own value axis, lines and bars, grouped or stacked), every
  value's text as shown, the value axes (range and tick labels in the reader's unit), the years shaded as
  partial, policy events, quoted figures, title, subtitle and source: sent once;
- in the browser: axes, lines (a year the chart has and a line lacks breaks the line: never
  interpolated), markers, bars with their labels, hover (every series' value at the year), legend, PNG/SVG
  export with title, subtitle, legend and source inside the image, and in presenter mode the year reveal
  (back, play, next, slider) — a year step redraws in the browser and writes `?year=` itself (0 bytes on
  the WebSocket, no script run); the CSV is `ui.figures.download_csv` of the panel's table.
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from ui import state
from ui.context import Ctx
from ui.figures import download_csv
from ui.mapview import component_js, nice_ticks

ASSETS = Path(__file__).resolve().parent / "assets"
STEP_MS = 1000  # a year per second while playing (as `ui.reveal.STEP_S`)
PAD = 0.06  # value axis padding, share of the full range (as `ui.reveal.PAD`)

_mount = st.components.v2.component(
    "balance_lines", js=component_js("linechart.js"),
    css=(ASSETS / "chart.css").read_text(encoding="utf-8"))


def _num(v: Any) -> float | None:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def tick_label(v: float, step: float) -> str:
    """A tick's text: thousands separated, as many decimals as the step needs."""
    d = max(0, -math.floor(math.log10(step) + 1e-9)) if step > 0 else 0
    text = f"{v:,.{d}f}"
    return "0" if text.strip("-0.,") == "" else text


def value_axis(values: list[float], *, ticks: tuple[list, list] | None = None) -> dict:
    """The value axis over every value the view can show (all years, reference lines, quoted figures):
    [lo, hi] padded by `PAD`, and [value, text] ticks inside it (`ticks`: values and texts of an axis in
    a larger unit, `fmt.scaled_ticks`)."""
    vals = [v for v in (_num(x) for x in values) if v is not None]
    if not vals:
        return {"lo": 0.0, "hi": 1.0, "ticks": []}
    lo, hi = min(vals), max(vals)
    pad = (hi - lo) * PAD or abs(hi) * PAD or 1.0
    lo, hi = lo - pad, hi + pad
    if ticks:
        pairs = [[float(v), str(t)] for v, t in zip(*ticks) if lo <= float(v) <= hi]
    else:
        vs = nice_ticks(lo, hi, 6)
        step = vs[1] - vs[0] if len(vs) > 1 else abs(vs[0]) or 1.0
        pairs = [[v, tick_label(v, step)] for v in vs]
    return {"lo": lo, "hi": hi, "ticks": pairs}


def event_marks(events: pd.DataFrame | None, lo: float, hi: float) -> list[dict]:
    """Policy events of the years `lo`–`hi`, one mark per year: where it stands (its first event's
    fractional year), its badge number (as in the events table) and each event's 'date · label'."""
    if events is None or events.empty:
        return []
    ev = events[(events["x"] >= lo - 0.5) & (events["x"] < hi + 0.5)]
    return [{"year": int(y), "x": float(g["x"].min()), "number": int(g["number"].iloc[0]),
             "items": [f"{d} · {lb}" for d, lb in zip(g["date"], g["label"])]}
            for y, g in ev.groupby(ev["x"].astype(int), sort=True)]


def line(*, name: str, code: str, years, values, texts: list[str], color: str, dash: str = "solid",
         width: float = 2.5, open_years: list[int] = (), point_labels: list[str] | None = None) -> dict:
    """One line: its points (year, value or None, the value as shown); `open_years` drawn as hollow markers,
    `point_labels` a text above each point."""
    out = {"name": name, "code": code, "x": [int(y) for y in years], "y": [_num(v) for v in values],
           "text": list(texts), "color": color, "dash": dash, "width": width, "open": [int(y) for y in open_years]}
    if point_labels is not None:
        out["labels"] = list(point_labels)
    return out


def bars(*, name: str, code: str, years, values, texts: list[str], color: str, colors: list[str] | None = None,
         labels: list[str] | None = None, label_color: str | None = None, legend: bool = True) -> dict:
    """One bar series: a bar per year (value or None, the value as shown); `colors` one per bar where they
    differ (e.g. by sign), `labels` a text above each year's bar (its stack's top)."""
    out = {"name": name, "code": code, "x": [int(y) for y in years], "y": [_num(v) for v in values],
           "text": list(texts), "color": color, "legend": legend}
    if colors is not None:
        out["colors"] = list(colors)
    if labels is not None:
        out["labels"] = list(labels)
        out["label_color"] = label_color or color
    return out


def panel(*, axis: dict, lines: list[dict] = (), bars: list[dict] = (), title: str = "", stack: bool = False,
          hline: float | None = None) -> dict:
    """One panel of a view: its own value axis (`value_axis`), lines and bars (side by side, or `stack`ed)."""
    return {"title": title, "axis": axis, "lines": list(lines), "bars": list(bars), "stack": stack, "hline": hline}


def labels(ctx: Ctx) -> dict[str, str]:
    t = ctx.t
    return {"prev": t("reveal_prev"), "next": t("reveal_next"), "play": t("reveal_play"),
            "pause": t("reveal_pause"), "prev_help": t("reveal_prev_help"), "next_help": t("reveal_next_help"),
            "play_help": t("reveal_play_help"), "year": t("year"), "until": t("reveal_until", year="{year}"),
            "png": t("map_png"), "svg": t("map_svg"), "no_data": t("no_data"), "year_text": t("year_suffix", y="{y}")}


def spec(ctx: Ctx, *, key: str, title: str, subtitle: str, source: str, lines: list[dict] = (),
         axis: dict | None = None, note: str = "", unit: str = "", hline: float | None = None,
         events: list[dict] | None = None, quoted: list[dict] | None = None, legend_side: bool = False,
         height: int = 470, panels: list[dict] | None = None, cols: int = 1, shade: dict | None = None,
         legend: bool = True, badges: bool = True) -> dict:
    """The JSON the browser draws from (one view; `key` names it: a new key, a new drawing): one panel of
    `lines` on `axis`, or `panels` (`panel`) in `cols` columns; `shade` = {'years', 'label'} (years drawn
    grey in every panel, e.g. fewer regions measured); `legend` False: no series in the legend (the panels'
    titles name them); `badges` False: events as dotted lines only (listed in hover and the events table)."""
    lines = list(lines)
    series = [s for p in (panels or []) for s in (*p["lines"], *p["bars"])] + lines
    years = sorted({x for s in series for x in s["x"]})
    quoted = [{"x": float(f["x"]), "y": float(f["y"]), "label": str(f["label"]), "color": f.get("color", "#000"),
               "hover": str(f.get("hover", "")).replace("<br>", "\n").replace("<i>", "").replace("</i>", "")
               .replace("<b>", "").replace("</b>", ""), "legend": f.get("legend", "")} for f in quoted or []]
    return {"key": key, "lines": lines, "years": years, "axis": axis or value_axis([]), "title": title,
            "subtitle": subtitle, "source": source, "note": note, "unit": unit, "hline": hline,
            "events": events or [], "quoted": quoted, "legend_side": legend_side, "presenter": ctx.presenter,
            "height": height, "lang": ctx.lang, "labels": labels(ctx), "step_ms": STEP_MS,
            "panels": panels or [], "cols": cols, "shade": shade, "legend": legend, "badges": badges}


def reveal_year(ctx: Ctx, years: list[int]) -> int | None:
    """Presenter mode with two or more years: the year the chart is revealed to (?year=, checked against
    `years`; default the last); a year carried from another page goes into the URL. Else None."""
    if not ctx.presenter or len(years) < 2:
        return None
    year = state.peek("year", years.__contains__, years[-1], parse=int, scope=ctx.page)
    state.write_param("year", None if year == years[-1] else str(year))
    return year


def show(ctx: Ctx, view: dict, *, key: str, filename: str, data: pd.DataFrame | None = None,
         source: str | None = None, follow: bool = False, reveal: bool = True) -> None:
    """Draw `view` (revealed to the URL's year in presenter mode) and the CSV download of `data` (`source`:
    for a table without a source column, as `ui.figures.download_csv`). `follow`: a second chart of the
    page, without its own year controls, drawn to the year the page's first chart reveals (a step there
    redraws it in the browser). `reveal` False: every year at once in presenter mode too (a page whose
    year is another figure's, e.g. 지방소멸's map)."""
    year = reveal_year(ctx, view["years"]) if reveal else None
    _mount(data={**view, "year": year, "reveal": year is not None and not follow, "slide": ctx.slide,
                 "follow": year is not None and follow, "filename": filename}, key=key, height="content")
    if data is not None and not ctx.slide:  # a slide: the figure alone
        download_csv(data, filename, ctx, key=f"dl_{key}", source=source)
