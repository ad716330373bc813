"""Composite index on hand-made frames: orientation, transform, missing inputs, deciles."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from indicators import composite as cx


def test_exp_transform_spans_0_to_100_and_stretches_the_disadvantaged_tail():
    r = pd.Series(np.arange(1, 11) / 10)
    x = cx.exp_transform(r)
    assert x.iloc[-1] == pytest.approx(100.0)
    assert x.is_monotonic_increasing
    assert (x.iloc[-1] - x.iloc[-2]) > (x.iloc[1] - x.iloc[0])


def test_orientation_follows_polarity():
    # doctors per 1000: higher is better → fewer doctors = more disadvantaged
    wide = pd.DataFrame({"census_doctors_per_1000": [1.0, 2.0, 3.0],
                         "census_basic_livelihood_pct": [1.0, 2.0, 3.0]}, index=["a", "b", "c"])
    std = cx.standardise(wide, "z")
    assert std.loc["a", "census_doctors_per_1000"] > std.loc["c", "census_doctors_per_1000"]
    assert std.loc["a", "census_basic_livelihood_pct"] < std.loc["c", "census_basic_livelihood_pct"]


def test_missing_input_leaves_area_unranked_and_reported():
    scores = pd.DataFrame({"d1": [1.0, 2.0, np.nan], "d2": [0.0, 1.0, 2.0]}, index=["a", "b", "c"])
    out = cx.composite(scores, {"d1": 1, "d2": 1})
    assert np.isnan(out.loc["c", "score"]) and np.isnan(out.loc["c", "rank"])
    wide = pd.DataFrame({"x": [1.0, np.nan]}, index=["a", "b"])
    miss = cx.missing_inputs(wide, ["a", "b", "z"])
    assert miss.set_index("region_code")["missing"].to_dict() == {"b": "x", "z": "x"}


def test_ranks_and_deciles():
    scores = pd.DataFrame({"d": np.arange(20, dtype=float)}, index=[f"r{i}" for i in range(20)])
    out = cx.composite(scores, {"d": 1})
    assert out.loc["r19", "rank"] == 1 and out.loc["r19", "decile"] == 1
    assert out.loc["r0", "decile"] == 10
    assert out["decile"].value_counts().eq(2).all()


def test_weights_are_normalised_and_zero_weight_drops_a_domain():
    scores = pd.DataFrame({"d1": [1.0, 3.0], "d2": [5.0, np.nan]}, index=["a", "b"])
    out = cx.composite(scores, {"d1": 2, "d2": 0})
    assert out["score"].tolist() == [1.0, 3.0]


def test_sensitivity_counts_decile_changes():
    rng = np.random.default_rng(3)
    scores = pd.DataFrame(rng.normal(size=(50, 2)), columns=["d1", "d2"])
    s = cx.sensitivity(scores, {"d1": 50, "d2": 50}, shift=0.5)
    assert len(s) == 4 and (s["areas_changing_decile"] > 0).any()
    assert (s["areas_ranked"] == 50).all()


def test_rank_correlation():
    a = pd.Series([1, 2, 3, 4], index=list("abcd"), dtype=float)
    assert cx.rank_correlation(a, a * 10)[0] == pytest.approx(1.0)
    assert cx.rank_correlation(a, -a)[0] == pytest.approx(-1.0)


def test_bivariate_terciles_and_missing():
    from indicators.bivariate import PALETTE, bivariate

    x = pd.Series([1, 2, 3, 4, 5, 6, np.nan], index=list("abcdefg"), dtype=float)
    y = pd.Series([6, 5, 4, 3, 2, 1, 0], index=list("abcdefg"), dtype=float)
    b = bivariate(x, y)
    assert b.loc["a", "class"] == 0 * 3 + 2 and b.loc["f", "class"] == 2 * 3 + 0
    assert np.isnan(b.loc["g", "class"]) and pd.isna(b.loc["g", "colour"])
    assert b.loc["a", "colour"] == PALETTE[2]
