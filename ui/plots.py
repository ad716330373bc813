"""What remains of plotly here: the coverage matrix of 자료·방법 (a heatmap, folded until opened), and the
rule by which a presenter's bar chart keeps its extreme bars (`extremes`, used by `ui.barchart` views)."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

PRESENTER_BARS = 3  # presenter mode: the 3 highest and 3 lowest bars


def extremes(values: list[float], k: int) -> list[int]:
    """Positions of the `k` highest and `k` lowest of `values` (all when there are at most 2k), in their
    given order: what a presenter's bar chart keeps when every bar would not be readable."""
    if len(values) <= 2 * k:
        return list(range(len(values)))
    order = sorted(range(len(values)), key=lambda i: values[i])
    return sorted(set(order[:k]) | set(order[-k:]))


def heatmap(z: pd.DataFrame, *, colorbar_title: str, hover_fmt: str = "%{y}<br>%{x}: %{z}") -> go.Figure:
    """Matrix view (rows = indicators, columns = years), empty cells white."""
    fig = go.Figure(go.Heatmap(z=z.to_numpy(dtype=float), x=[str(c) for c in z.columns], y=list(z.index),
                               colorscale="Viridis", colorbar=dict(title=dict(text=colorbar_title, side="top")),
                               hovertemplate=hover_fmt + "<extra></extra>", xgap=1, ygap=1))
    fig.update_yaxes(autorange="reversed", automargin=True, tickfont=dict(size=11))
    fig.update_xaxes(type="category", tickangle=-90, tickfont=dict(size=10))
    return fig
