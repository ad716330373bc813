"""Bivariate classes for two indicators on one map: 3 × 3 tercile grid."""
from __future__ import annotations

import numpy as np
import pandas as pd

# 3×3 palette (colour-blind-safe, after Stevens' blue–pink scheme): index = 3·x_class + y_class
PALETTE: tuple[str, ...] = ("#e8e8e8", "#b0d5df", "#64acbe",
                            "#e4acac", "#ad9ea5", "#627f8c",
                            "#c85a5a", "#985356", "#574249")


def terciles(s: pd.Series) -> pd.Series:
    """0, 1, 2 for the lower, middle and upper third of the non-missing values; NaN stays NaN."""
    ranks = s.rank(method="first")
    n = s.notna().sum()
    return np.floor((ranks - 1) / n * 3).clip(0, 2)


def bivariate(x: pd.Series, y: pd.Series) -> pd.DataFrame:
    """Per area: x_class, y_class (0–2), class (0–8) and its colour; areas missing either → NaN."""
    df = pd.concat({"x": x, "y": y}, axis=1)
    xc, yc = terciles(df["x"]), terciles(df["y"])
    cls = (xc * 3 + yc).where(df.notna().all(axis=1))
    colour = cls.map(lambda c: PALETTE[int(c)] if pd.notna(c) else None)
    return pd.DataFrame({"x_class": xc, "y_class": yc, "class": cls, "colour": colour})
