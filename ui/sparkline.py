"""A headline card's sparkline as inline SVG (개요): the series as a line, its last point marked, each
year's value on hover (the browser's tooltip), stretched to the card's width.

Drawn by the browser as it arrives, in a Markdown element (Streamlit's Markdown code comes with the page):
as plotly charts, the four sparklines made the cards wait for plotly's code (4.7 MB, a second of the main
thread to evaluate on a first visit), and with it the headline numbers beside them.
"""
from __future__ import annotations

import html
import math

from ui.palette import NC_COLOR

WIDTH = 300  # the drawing's own units across; it is stretched to the card (the line keeps its width)
PAD = 4  # units kept free above and below the line, and beside its ends (the end point's dot)


def hover_value(v: float) -> str:
    """A value as the hover shows it: four significant digits, thousands grouped, no trailing zeros
    (plotly's ',.4~r')."""
    if v == 0 or not math.isfinite(v):
        return f"{v:g}"
    rounded = float(f"{v:.4g}")
    digits = max(0, 3 - math.floor(math.log10(abs(rounded))))
    text = f"{rounded:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def svg(x, y, color: str = NC_COLOR, height: int = 70) -> str:
    """The sparkline of values `y` over years `x` (same length, at least one point) as an HTML block."""
    xs, ys = [float(v) for v in x], [float(v) for v in y]
    x0, x1 = min(xs), max(xs)
    y0, y1 = min(ys), max(ys)

    def px(v: float) -> float:
        return PAD + (WIDTH - 2 * PAD) * ((v - x0) / (x1 - x0) if x1 > x0 else 0.5)

    def py(v: float) -> float:
        return height - PAD - (height - 2 * PAD) * ((v - y0) / (y1 - y0) if y1 > y0 else 0.5)

    points = [(px(a), py(b)) for a, b in zip(xs, ys)]
    line = " ".join(f"{a:.1f},{b:.1f}" for a, b in points)
    stroke = f'stroke="{color}" vector-effect="non-scaling-stroke"'
    last = points[-1]
    # each year's hover area: from halfway to the year before to halfway to the year after
    edges = [0.0] + [(a[0] + b[0]) / 2 for a, b in zip(points, points[1:])] + [float(WIDTH)]
    hover = "".join(
        f'<rect x="{lo:.1f}" y="0" width="{hi - lo:.1f}" height="{height}">'
        f"<title>{int(a) if float(a).is_integer() else a}&#58; {html.escape(hover_value(b))}</title></rect>"
        for lo, hi, a, b in zip(edges, edges[1:], xs, ys))
    return (f'<div class="bal-spark" style="height: {height}px; line-height: 0">'
            f'<svg viewBox="0 0 {WIDTH} {height}" preserveAspectRatio="none" width="100%" height="{height}">'
            f'<polyline points="{line}" fill="none" {stroke} stroke-width="2" stroke-linejoin="round"/>'
            f'<path d="M{last[0]:.1f} {last[1]:.1f}h0" {stroke} stroke-width="6" stroke-linecap="round"/>'
            f'<g fill="transparent">{hover}</g></svg></div>')
