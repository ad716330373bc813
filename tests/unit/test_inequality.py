"""Inequality measures: known cases, and cross-checks against PySAL `inequality`."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from inequality.gini import Gini
from inequality.theil import Theil, TheilD

from indicators import inequality as ineq

RNG = np.random.default_rng(7)


def test_equal_regions_have_zero_inequality():
    y, w = np.full(17, 3.2), RNG.uniform(1, 10, 17)
    m = ineq.measures(y, w, ["a"] * 3 + ["b"] * 14)
    for k in ("cv", "cv_weighted", "gini", "theil_t", "theil_l", "theil_t_between", "theil_l_within"):
        assert m[k] == pytest.approx(0, abs=1e-12), k


def test_one_region_has_nearly_everything_reaches_the_maximum():
    n = 10
    y = np.array([1e9] + [1e-9] * (n - 1))
    w = np.ones(n)
    assert ineq.theil_t(y, w) == pytest.approx(math.log(n), rel=1e-6)  # max of Theil T = ln n
    assert ineq.gini(y, w) == pytest.approx((n - 1) / n, rel=1e-6)   # max Gini over n equal units


def test_theil_matches_pysal_with_equal_weights():
    y = RNG.lognormal(3, 0.6, 17)
    assert ineq.theil_t(y, np.ones(17)) == pytest.approx(Theil(y).T, rel=1e-10)


def test_decomposition_matches_pysal_theild():
    y = RNG.lognormal(3, 0.6, 17)
    part = np.array([0, 1, 1, 0] + [1] * 13)
    ours = ineq.theil_decomposition(y, np.ones(17), part, "t")
    ref = TheilD(y, part)
    assert ours["total"] == pytest.approx(float(np.squeeze(ref.T)), rel=1e-10)
    assert ours["between"] == pytest.approx(float(np.squeeze(ref.bg)), rel=1e-10)
    assert ours["within"] == pytest.approx(float(np.squeeze(ref.wg)), rel=1e-10)


def test_unweighted_gini_matches_pysal():
    y = RNG.lognormal(3, 0.6, 40)
    assert ineq.gini(y, np.ones(40)) == pytest.approx(Gini(y).g, rel=1e-10)


def test_weighted_measures_equal_replicated_units():
    """Weight 3 on a region = that region counted three times (independent definition)."""
    y, w = np.array([1.0, 2.0, 7.0]), np.array([3.0, 1.0, 2.0])
    rep = np.repeat(y, w.astype(int))
    ones = np.ones(len(rep))
    assert ineq.gini(y, w) == pytest.approx(ineq.gini(rep, ones))
    assert ineq.theil_l(y, w) == pytest.approx(ineq.theil_l(rep, ones))
    assert ineq.williamson(y, w) == pytest.approx(np.std(rep) / np.mean(rep))


def test_between_plus_within_is_total_for_theil_l():
    y, w = RNG.lognormal(2, 0.5, 20), RNG.uniform(1, 5, 20)
    d = ineq.theil_decomposition(y, w, ["c"] * 6 + ["n"] * 14, "l")
    assert d["between"] + d["within"] == pytest.approx(ineq.theil_l(y, w))
    assert 0 <= d["between_share"] <= 1


def test_nonpositive_values_give_nan_theil_not_an_error():
    assert math.isnan(ineq.theil_t([1.0, 0.0, 2.0], [1, 1, 1]))


def test_over_time_leaves_out_missing_regions_and_counts_them():
    vals = pd.DataFrame({"region_code": ["11", "26", "41", "11", "26"], "year": [2020, 2020, 2020, 2021, 2021],
                         "value": [1.0, 2.0, 3.0, 1.0, np.nan]})
    out = ineq.inequality_over_time(vals, None, lambda c: c in ("11", "28", "41")).set_index("year")
    assert out.loc[2020, "n_regions"] == 3 and out.loc[2021, "n_regions"] == 1
