"""Figure finishing: every figure carries its title, unit, year and source inside the image (title,
subtitle and a source annotation), so the PNG from the mode bar stands on its own; `plot_config`
sets the PNG file name and keeps plotly from fetching a base map."""
from __future__ import annotations

import json
import re
import textwrap
import urllib.parse

import plotly.graph_objects as go

from ui.palette import FONT

# plotly.js geo subplots fetch a world base map (topojson) from cdn.plot.ly even when the base
# layers are hidden; our maps draw only their own GeoJSON, so hand plotly an empty topology as a
# data: URL (the "#" turns the file name plotly appends into a fragment). Works offline.
_EMPTY_TOPOLOGY = {"type": "Topology", "arcs": [], "objects": {
    k: {"type": "GeometryCollection", "geometries": []}
    for k in ("coastlines", "land", "ocean", "lakes", "rivers", "countries", "subunits")}}
EMPTY_TOPOJSON_URL = "data:application/json," + urllib.parse.quote(
    json.dumps(_EMPTY_TOPOLOGY, separators=(",", ":"))) + "#"


PRESENTER_HEIGHT = 550  # px, a whole figure in presenter mode: fits a 1280×720 screen below the top bar
TOOLBAR_MARGIN = 40  # px right of the plot: the vertical mode bar sits there, clear of titles and legend


def _wrap(text: str, width: int) -> str:
    return "<br>".join(textwrap.wrap(text, width=width, break_long_words=False)) if text else ""


def finish(fig: go.Figure, *, title: str, subtitle: str = "", source: str = "", presenter: bool = False,
           height: int = 460, legend_top: bool = True, note: str = "", wrap: int | None = None,
           extra_bottom: int = 0) -> go.Figure:
    """Title (with unit/year in the subtitle), source annotation, fonts and margins. The mode bar stands
    upright in the right margin (never over the title); in presenter mode the figure is at most
    `PRESENTER_HEIGHT` tall."""
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
    right = fig.layout.margin.r if fig.layout.margin.r is not None else 10
    head = int(base * 5.4)  # title and subtitle
    legend_room = int(max(legend_rows(fig, base), 1) * base * 1.55 + 10) if legend_top else 0  # a phone's rows
    total = min(int(height * 1.2) + bottom, PRESENTER_HEIGHT) if presenter else height + bottom
    fig.update_layout(
        template="plotly_white",
        font=dict(family=FONT, size=base, color="#000000" if presenter else "#1f1f1f"),
        title=dict(text=f"<b>{title}</b>", x=0.0, xanchor="left", xref="container", y=1.0, yref="container",
                   yanchor="top", pad=dict(t=10, l=4), font=dict(size=int(base * 1.25)),
                   subtitle=dict(text=subtitle, font=dict(size=int(base * 0.9), color="#333333"))),
        margin=dict(l=left, r=max(right, TOOLBAR_MARGIN), t=head + legend_room, b=bottom),
        height=total,
        modebar=dict(orientation="v"),
        paper_bgcolor="#ffffff", plot_bgcolor="#ffffff",
        hoverlabel=dict(font=dict(family=FONT, size=base)),
    )
    plain_numbers(fig)
    if legend_top:  # hung from under the subtitle, growing down into its room (never up into the subtitle)
        plot_px = max(total - head - legend_room - bottom, 1)
        fig.update_layout(legend=dict(orientation="h", yanchor="top", y=1.0 + legend_room / plot_px,
                                      xanchor="left", x=0.0, bgcolor="rgba(255,255,255,0.8)"))
    if foot:
        fig.add_annotation(text=foot, xref="paper", yref="paper", x=0, y=0, yshift=-(bottom - 6),
                           xshift=-(left - 8), xanchor="left",
                           yanchor="bottom", align="left", showarrow=False,
                           font=dict(size=max(10, int(base * 0.8)), color="#333333"))
    return fig


def plain_numbers(fig: go.Figure) -> go.Figure:
    """Axis and colour-bar ticks in plain digits: never scientific (5e+8) or SI (500M, 2G) notation.
    Value axes and colour bars get thousands separators; x axes (mostly years) keep bare digits. A
    chart's own tick format still applies."""
    fig.update_xaxes(exponentformat="none")
    fig.update_yaxes(exponentformat="none", separatethousands=True)
    fig.update_coloraxes(colorbar_exponentformat="none", colorbar_separatethousands=True)
    for trace in fig.data:
        if "colorbar" in trace:
            trace.update(colorbar=dict(exponentformat="none", separatethousands=True))
    return fig


PHONE_PLOT_PX = 260  # the plot width of a chart on a 390 px phone (wide y tick labels included)


def legend_rows(fig: go.Figure, size: int = 13) -> int:
    """Rows a horizontal legend of `fig`'s named traces needs on a phone (2 at least, 5 at most). Each
    entry is its text plus a 40 px symbol and gap; a legend wider than the plot wraps into columns as
    wide as its widest entry (what plotly does)."""
    widths = [text_width(str(t.name), size) + 40 for t in fig.data if t.name and t.showlegend is not False]
    if sum(widths) <= PHONE_PLOT_PX:
        return 2 if widths else 0
    cols = max(1, PHONE_PLOT_PX // max(widths))
    return max(2, min(5, -(-len(widths) // cols)))


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
