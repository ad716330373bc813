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


# The widest line of text a chart on a 390 px phone shows in full: the figure is 358 px wide (the page's
# 16 px padding each side) and titles and footnotes start 4–8 px in; `text_width`'s estimate is kept
# well under that. Plotly never re-wraps text, so figures are wrapped for the narrowest screen.
PHONE_TEXT_PX = 320


def wrap_px(text: str, max_px: int = PHONE_TEXT_PX, size: int = 13) -> list[str]:
    """`text` in lines no wider than `max_px` at `size` px (`text_width`), broken at spaces (a word
    wider than a line, at characters); existing '<br>' breaks are kept."""
    out: list[str] = []
    for para in str(text or "").split("<br>"):
        line = ""
        for word in para.split():
            while text_width(word, size) > max_px:  # a very long word: as much as fits, then the rest
                cut = max(1, max(k for k in range(1, len(word) + 1) if text_width(word[:k], size) <= max_px))
                if line:
                    out.append(line)
                    line = ""
                out.append(word[:cut])
                word = word[cut:]
            trial = f"{line} {word}" if line else word
            if line and text_width(trial, size) > max_px:
                out.append(line)
                line = word
            else:
                line = trial
        if line:
            out.append(line)
    return out


def _foot_lines(text: str, size: int) -> list[str]:
    """A footnote for the phone's width: each source of a '; ' or ' | ' list from its own line."""
    parts = [p for chunk in str(text or "").split(" | ") for p in chunk.split("; ")]
    return [line for part in parts for line in wrap_px(part, PHONE_TEXT_PX, size)]


def finish(fig: go.Figure, *, title: str, subtitle: str = "", source: str = "", presenter: bool = False,
           height: int = 460, legend_top: bool = True, note: str = "", wrap: int | None = None,
           extra_bottom: int = 0) -> go.Figure:
    """Title (with unit/year in the subtitle), source annotation, fonts and margins. The mode bar stands
    upright in the right margin (never over the title); in presenter mode the figure is at most
    `PRESENTER_HEIGHT` tall."""
    base = 19 if presenter else 13
    foot_size = max(10, int(base * 0.8))
    title_size, sub_size = int(base * 1.25), int(base * 0.9)
    extra_head, title_pad = 0, 10
    if presenter:  # a wide screen: lines of about `wrap` × 0.7 (else 95) characters
        width_chars = int(wrap * 0.7) if wrap else 95
        foot = _wrap(source, width_chars)
        if note:
            foot = _wrap(note, width_chars) + ("<br>" if foot else "") + foot
    else:  # lines that fit a 390 px phone (plotly cannot re-wrap), so one figure reads on every screen
        lines = (wrap_px(note, PHONE_TEXT_PX, foot_size) if note else []) + _foot_lines(source, foot_size)
        foot = "<br>".join(lines)
        title_lines = wrap_px(title, PHONE_TEXT_PX, title_size) or [""]
        sub_lines = wrap_px(subtitle, PHONE_TEXT_PX, sub_size) if subtitle else []
        title, subtitle = "<br>".join(title_lines), "<br>".join(sub_lines)
        extra_head = int((len(title_lines) - 1) * title_size * 1.3 + max(len(sub_lines) - 1, 0) * sub_size * 1.35)
        title_pad += int((len(title_lines) - 1) * title_size * 0.75)  # plotly centres extra lines on the anchor
    foot_lines = foot.count("<br>") + 1 if foot else 0
    bottom = 40 + extra_bottom + int(foot_lines * (foot_size * 1.35 if not presenter else base * 1.35))
    left = fig.layout.margin.l if fig.layout.margin.l is not None else 10
    right = fig.layout.margin.r if fig.layout.margin.r is not None else 10
    head = int(base * 5.4) + extra_head  # title and subtitle
    legend_room = int(max(legend_rows(fig, base), 1) * base * 1.55 + 10) if legend_top else 0  # a phone's rows
    total = min(int(height * 1.2) + bottom, PRESENTER_HEIGHT) if presenter else height + bottom + extra_head
    fig.update_layout(
        template="plotly_white",
        font=dict(family=FONT, size=base, color="#000000" if presenter else "#1f1f1f"),
        title=dict(text="<br>".join(f"<b>{line}</b>" for line in title.split("<br>")), x=0.0, xanchor="left",
                   xref="container", y=1.0, yref="container", yanchor="top", pad=dict(t=title_pad, l=4),
                   font=dict(size=title_size),
                   subtitle=dict(text=subtitle, font=dict(size=sub_size, color="#333333"))),
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
                           font=dict(size=foot_size, color="#333333"))
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


def plot_config(filename: str, presenter: bool = False) -> dict:
    """st.plotly_chart config: PNG download named after the figure, no logo."""
    safe = re.sub(r"[^\w\-]+", "_", filename, flags=re.UNICODE).strip("_")[:80] or "figure"
    return {"toImageButtonOptions": {"format": "png", "filename": safe, "scale": 2},
            "displaylogo": False, "displayModeBar": True, "topojsonURL": EMPTY_TOPOJSON_URL,
            "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"]}
