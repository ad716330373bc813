"""Derivation logic on small hand-made frames: aggregates, ratios of sums, risk classes."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from geo import regions
from indicators import derive, gap


def _frame(rows):
    return pd.DataFrame(rows, columns=["region_code", "year", "indicator", "value"])


def _all_sido(ind, year, value_of):
    return [(c, year, ind, value_of(c)) for c in regions.codes("sido")]


def test_capital_and_noncapital_are_sums_over_their_sido():
    obs = _frame(_all_sido("x_persons", 2020, lambda c: 10.0 if regions.is_capital(c) else 1.0))
    out = derive.aggregate(obs, {"x_persons"}).set_index(["region_code"])["value"]
    assert out["CR"] == 30.0 and out["NC"] == 14.0 and out["00"] == 44.0


def test_one_missing_member_makes_the_aggregate_missing_not_partial():
    rows = _all_sido("x_persons", 2020, lambda c: 5.0)
    rows = [r for r in rows if r[0] != "41"]  # 경기 missing (like the exports file)
    out = derive.aggregate(_frame(rows), {"x_persons"}).set_index("region_code")["value"]
    assert math.isnan(out["CR"]) and math.isnan(out["00"])
    assert out["NC"] == 5.0 * 14


def test_source_national_figure_is_kept():
    rows = _all_sido("x_persons", 2020, lambda c: 1.0) + [("00", 2020, "x_persons", 99.0)]
    out = derive.aggregate(_frame(rows), {"x_persons"})
    assert out[out["region_code"] == "00"]["value"].tolist() == [99.0]


def test_ratio_of_aggregates_is_ratio_of_sums_not_mean_of_ratios():
    num = _all_sido("reg_female_20_39_persons", 2020, lambda c: 30.0 if c == "11" else 10.0)
    den = _all_sido("reg_age65plus_persons", 2020, lambda c: 10.0 if c == "11" else 40.0)
    add = {"reg_female_20_39_persons", "reg_age65plus_persons"}
    full = derive.aggregate(_frame(num + den), add)
    r = derive.ratios(full).set_index(["region_code", "indicator"])["value"]
    assert r[("11", "reg_extinction_risk_index")] == 3.0
    assert r[("CR", "reg_extinction_risk_index")] == pytest.approx((30 + 10 + 10) / (10 + 40 + 40))


@pytest.mark.parametrize("value,cls", [(0.0, 0), (0.1999, 0), (0.2, 1), (0.4999, 1), (0.5, 2),
                                       (0.99, 2), (1.0, 3), (1.4999, 3), (1.5, 4), (7.0, 4)])
def test_keis_class_boundaries(value, cls):
    assert derive.risk_class(pd.Series([value])).iloc[0] == cls


def test_risk_class_keeps_missing_missing():
    assert math.isnan(derive.risk_class(pd.Series([float("nan")])).iloc[0])


def test_at_risk_counts_split_capital_and_rest():
    rows = [("11110", 2020, "reg_extinction_risk_index", 0.9), ("41800", 2020, "reg_extinction_risk_index", 0.3),
            ("47730", 2020, "reg_extinction_risk_index", 0.1), ("47940", 2020, "reg_extinction_risk_index", 0.6)]
    out = derive.at_risk_counts(_frame(rows)).set_index("region_code")["value"]
    assert out["CR"] == 1 and out["NC"] == 1 and out["00"] == 2 and out["47"] == 1 and out["11"] == 0


def test_capital_gaps_share_only_for_additive():
    obs = _frame([("CR", 2020, "census_population_persons", 60.0), ("NC", 2020, "census_population_persons", 40.0),
                  ("00", 2020, "census_population_persons", 100.0),
                  ("CR", 2020, "census_doctors_per_1000", 2.0), ("NC", 2020, "census_doctors_per_1000", 1.0)])
    g = gap.capital_gaps(obs).set_index("indicator")
    assert g.loc["census_population_persons", "capital_share_pct"] == 60.0
    assert math.isnan(g.loc["census_doctors_per_1000", "capital_share_pct"])
    assert g.loc["census_doctors_per_1000", "capital_to_noncapital_ratio"] == 2.0
    assert g.loc["census_doctors_per_1000", "capital_minus_noncapital"] == 1.0


def test_late_created_sido_before_its_first_year_does_not_blank_the_aggregate():
    rows = _all_sido("x_persons", 2010, lambda c: 1.0)
    rows = [r for r in rows if r[0] != "36"]  # 세종 not yet split off in 2010 ...
    rows += _all_sido("x_persons", 2013, lambda c: 1.0)  # ... reported from 2013
    rows += [r for r in _all_sido("x_persons", 2014, lambda c: 1.0) if r[0] != "36"]  # missing after: a gap
    out = derive.aggregate(_frame(rows), {"x_persons"}).set_index(["region_code", "year"])["value"]
    assert out[("NC", 2010)] == 13.0
    assert out[("NC", 2013)] == 14.0
    assert math.isnan(out[("NC", 2014)])


def test_late_sido_never_reported_is_excused_only_before_it_existed():
    rows = [r for r in _all_sido("x_persons", 2010, lambda c: 1.0) if r[0] != "36"]  # 2010: no 세종 yet
    rows += [r for r in _all_sido("x_persons", 2013, lambda c: 1.0) if r[0] != "36"]  # 2013: 세종 missing
    out = derive.aggregate(_frame(rows), {"x_persons"}).set_index(["region_code", "year"])["value"]
    assert out[("NC", 2010)] == 13.0
    assert math.isnan(out[("NC", 2013)])
