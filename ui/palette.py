"""Colours and colour scales of every figure, colour-blind safe: viridis/cividis for levels (oriented
by polarity: the "worse" end is dark), RdBu centred for relative values and gaps, the stepped
ColorBrewer RdYlBu for the five KEIS risk classes, Okabe–Ito for lines; missing data grey."""
from __future__ import annotations

FONT = "Noto Sans KR, Noto Sans CJK KR, Apple SD Gothic Neo, Malgun Gothic, sans-serif"
CR_COLOR, NC_COLOR, NATION_COLOR = "#D55E00", "#0072B2", "#444444"
COMPARE_COLORS = ("#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999933", "#882255", "#44AA99")
# the seven 권역: 수도권 in the capital colour, the others Okabe–Ito / Tol hues distinct from it
MACRO_COLORS = {"CR": CR_COLOR, "CC": "#0072B2", "HN": "#009E73", "DG": "#CC79A7", "DN": "#E69F00",
                "GW": "#56B4E9", "JJ": "#882255"}
RISK_COLORS = ("#d7191c", "#fdae61", "#ffffbf", "#abd9e9", "#2c7bb6")  # 고위험 … 소멸 저위험
MISSING_COLOR = "#c9c9c9"
EVENT_COLOR = "#7a7a7a"


def sequential_scale(polarity: int) -> str | list:
    """viridis for good/bad indicators with the worse end dark; cividis for neutral ones."""
    if polarity < 0:
        return "Viridis_r"
    if polarity > 0:
        return "Viridis"
    return "Cividis"


def diverging_scale(polarity: int) -> str:
    """RdBu with blue on the better side (red above the centre when higher is worse)."""
    return "RdBu_r" if polarity < 0 else "RdBu"
