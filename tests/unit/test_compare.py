"""Regions side by side and one indicator between two years (`indicators.views.compare`), on small frames
whose expected values are worked out by hand in each test."""
from __future__ import annotations

import math

import pandas as pd

from indicators.views import compare


def _obs(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["region_code", "indicator", "year", "value", "level"])


# 4 시도 (11 서울, 26 부산, 47 경북, 52 전북) and 2 시군구; 'a' in 2020 and 2021, 'b' only for some
OBS = _obs([
    ("11", "a", 2020, 10.0, "sido"), ("26", "a", 2020, 30.0, "sido"), ("47", "a", 2020, 20.0, "sido"),
    ("11", "a", 2021, 12.0, "sido"), ("26", "a", 2021, 12.0, "sido"), ("47", "a", 2021, 5.0, "sido"),
    ("52", "a", 2021, 40.0, "sido"),
    ("47730", "a", 2020, 3.0, "sigungu"), ("47170", "a", 2020, 4.0, "sigungu"),
    ("11", "b", 2019, 1.0, "sido"), ("47", "b", 2021, 2.0, "sido"),
])


def test_the_latest_year_all_regions_have_and_ranks_among_their_level():
    out = compare.regions_side_by_side(OBS, ["11", "47"]).set_index(["indicator", "region_code"])
    # 'a': both have 2020 and 2021 → 2021; 11 = 12: one higher (52 = 40), one equal (26 = 12) → rank 2 of 4
    assert out.loc[("a", "11"), "year"] == 2021 and out.loc[("a", "11"), "value"] == 12.0
    assert out.loc[("a", "11"), "rank"] == 2 and out.loc[("a", "11"), "n_ranked"] == 4  # ties share the better rank
    assert out.loc[("a", "47"), "rank"] == 4
    # 'b': 11 has 2019, 47 has 2021 — no common year: listed, nothing filled
    assert pd.isna(out.loc[("b", "11"), "year"]) and math.isnan(out.loc[("b", "47"), "value"])


def test_mixed_levels_rank_within_their_own_level():
    out = compare.regions_side_by_side(OBS, ["47730", "47"]).set_index(["indicator", "region_code"])
    assert out.loc[("a", "47730"), "year"] == 2020  # the 시군구 have 2020 only
    assert (out.loc[("a", "47730"), "rank"], out.loc[("a", "47730"), "n_ranked"]) == (2, 2)
    assert (out.loc[("a", "47"), "rank"], out.loc[("a", "47"), "n_ranked"]) == (2, 3)  # 26=30 > 47=20 > 11=10


def test_at_most_four_regions_in_the_order_given():
    out = compare.regions_side_by_side(OBS, ["52", "11", "26", "47", "47730", "11"])
    assert list(dict.fromkeys(out["region_code"])) == ["52", "11", "26", "47"]


def test_change_between_two_years_in_the_unit_and_in_percent_never_filled():
    sido = ["11", "26", "47", "52", "27"]
    out = compare.change_between(OBS[OBS["indicator"] == "a"], sido, 2020, 2021).set_index("region_code")
    assert out.loc["11", "change"] == 2.0 and out.loc["11", "change_pct"] == 20.0
    assert out.loc["26", "change"] == -18.0 and out.loc["26", "change_pct"] == -60.0
    assert math.isnan(out.loc["52", "change"])  # no 2020 value: no change, never filled
    assert list(out.index) == sido and math.isnan(out.loc["27", "value_to"])  # every unit asked, none filled
