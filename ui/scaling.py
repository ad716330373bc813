"""A plotly figure's pixel sizes scaled for the presenter's screen.

Presenter figures are drawn for 1280×720 (`ui.finishing`: 19 px type, at most 550 px tall); on a larger
screen the page's type grows with the viewport (app.py PRESENTER_CSS, `--bal-scale`) and so must the
figure, or a 1920×1080 projector shows the chart in half the screen at type a third too small. Plotly has
no scale of its own, so every size in pixels is multiplied here: type, margins, the figure's height, marker
sizes and line widths, annotation shifts and axis title gaps. Sizes in data units (a bar's `width`, a
histogram's bin `size`) and positions in paper or data coordinates are left as they are.
"""
from __future__ import annotations

import copy
from typing import Any

FONT_KEYS = frozenset({"font", "textfont", "tickfont", "insidetextfont", "outsidetextfont", "titlefont"})
PIXEL_LEAVES = {
    "margin": frozenset({"l", "r", "t", "b", "pad"}),
    "marker": frozenset({"size"}),
    "line": frozenset({"width"}),
}
LAYOUT_LEAVES = frozenset({"height", "width"})
ANNOTATION_LEAVES = frozenset({"xshift", "yshift", "borderpad", "borderwidth", "arrowwidth"})
AXIS_LEAVES = frozenset({"ticklen", "tickwidth", "linewidth", "standoff"})


def _times(value: Any, s: float) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return round(value * s, 2)
    if isinstance(value, list) and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value):
        return [round(v * s, 2) for v in value]
    return value


def _walk(node: Any, s: float, parent: str) -> None:
    if isinstance(node, list):
        for item in node:
            _walk(item, s, parent)
        return
    if not isinstance(node, dict):
        return
    leaves: frozenset = frozenset()
    if parent in FONT_KEYS:
        leaves = frozenset({"size"})
    elif parent in PIXEL_LEAVES:
        leaves = PIXEL_LEAVES[parent]
    elif parent == "annotations":
        leaves = ANNOTATION_LEAVES
    elif parent.startswith(("xaxis", "yaxis")) or parent == "title":
        leaves = AXIS_LEAVES
    for key, value in node.items():
        if key in leaves:
            node[key] = _times(value, s)
        else:
            _walk(value, s, key)


def scale_figure(figure: dict, s: float) -> dict:
    """A copy of plotly's dict of a figure (`fig.to_dict()`) with every pixel size multiplied by `s`."""
    out = copy.deepcopy(figure)
    layout = out.get("layout", {})
    for key in LAYOUT_LEAVES & layout.keys():
        layout[key] = _times(layout[key], s)
    _walk(layout, s, "layout")
    _walk(out.get("data", []), s, "data")
    return out
