"""`ui.scaling.scale_figure`: pixel sizes of a plotly figure's dict times the presenter's screen scale,
data-unit sizes untouched, the input left as it was."""
from __future__ import annotations

import plotly.graph_objects as go

from ui.scaling import scale_figure


def _figure() -> dict:
    fig = go.Figure(go.Bar(x=[1, 2], y=[3, 4], width=0.4, marker=dict(line=dict(width=2)),
                           textfont=dict(size=15)))
    fig.add_scatter(x=[1, 2], y=[3, 4], marker=dict(size=[6, 8]), line=dict(width=3))
    fig.update_layout(height=550, font=dict(size=19), margin=dict(l=60, r=20, t=90, b=80),
                      annotations=[dict(text="3", x=2004, y=1, yshift=-22, font=dict(size=14), xref="x",
                                        yref="paper")],
                      xaxis=dict(tickfont=dict(size=19), ticklen=6, title=dict(text="year", standoff=8),
                                 range=[1990, 2025]),
                      shapes=[dict(type="line", x0=2004, x1=2004, y0=0, y1=1, line=dict(width=1.5))])
    return fig.to_dict()


def test_pixels_scale_and_data_units_do_not():
    before = _figure()
    out = scale_figure(before, 1.5)
    lay = out["layout"]
    assert lay["height"] == 825 and lay["font"]["size"] == 28.5
    assert lay["margin"] == {"l": 90, "r": 30, "t": 135, "b": 120}
    ann = lay["annotations"][0]
    assert ann["yshift"] == -33 and ann["font"]["size"] == 21 and ann["x"] == 2004 and ann["y"] == 1
    assert lay["xaxis"]["tickfont"]["size"] == 28.5 and lay["xaxis"]["ticklen"] == 9
    assert lay["xaxis"]["title"]["standoff"] == 12 and lay["xaxis"]["range"] == [1990, 2025]
    assert lay["shapes"][0]["line"]["width"] == 2.25 and lay["shapes"][0]["x0"] == 2004
    bar, line = out["data"]
    assert bar["width"] == 0.4  # a bar's width is in data units
    assert bar["marker"]["line"]["width"] == 3 and bar["textfont"]["size"] == 22.5
    assert line["marker"]["size"] == [9, 12] and line["line"]["width"] == 4.5
    assert before == _figure()  # the shared figure is not modified


def test_scale_one_is_the_same_figure():
    assert scale_figure(_figure(), 1.0) == _figure()
