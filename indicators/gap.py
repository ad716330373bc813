"""Capital region vs the rest: share, ratio and difference per indicator and year.

Pure function over the derived tidy table (which already holds 'CR', 'NC', '00' rows).
Share is defined only for additive indicators (a share of a ratio means nothing).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from indicators import catalog


def capital_gaps(obs: pd.DataFrame) -> pd.DataFrame:
    """indicator, year, capital_value, noncapital_value, national_value, capital_share_pct,
    capital_to_noncapital_ratio, capital_minus_noncapital; rows where CR and NC both exist."""
    sub = obs[obs["region_code"].isin(["CR", "NC", "00"])]
    wide = sub.pivot_table(index=["indicator", "year"], columns="region_code", values="value", aggfunc="first")
    wide = wide.reindex(columns=["CR", "NC", "00"]).dropna(subset=["CR", "NC"]).reset_index()
    additive = wide["indicator"].map(lambda i: catalog.get(i).additive)
    out = pd.DataFrame({
        "indicator": wide["indicator"], "year": wide["year"].astype("int64"),
        "capital_value": wide["CR"], "noncapital_value": wide["NC"], "national_value": wide["00"],
    })
    total = (out["capital_value"] + out["noncapital_value"]).where(additive)
    out["capital_share_pct"] = out["capital_value"] / total * 100
    out["capital_to_noncapital_ratio"] = out["capital_value"] / out["noncapital_value"].replace(0, np.nan)
    out["capital_minus_noncapital"] = out["capital_value"] - out["noncapital_value"]
    return out.sort_values(["indicator", "year"], ignore_index=True)
