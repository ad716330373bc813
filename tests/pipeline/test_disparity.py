"""Disparity readings on the real build: which weights, no groups mixed in, decomposition sums."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from geo import regions
from indicators import disparity, store


@pytest.fixture(scope="module")
def obs(full_build) -> pd.DataFrame:
    return store.observations(full_build)


def test_level_of_separates_groups_from_sido():
    lv = regions.level_of(pd.Series(["00", "11", "CR", "NC", "11110"]))
    assert lv.tolist() == ["nation", "sido", "group", "group", "sigungu"]


def test_sido_measures_use_17_sido_and_nothing_else(obs):
    d = disparity.disparity_over_time(obs, "grdp_nominal_krw_mn", "sido").set_index("year")
    assert d.loc[2023, "n_regions"] == 17
    assert d["n_regions"].max() == 17


def test_population_reading_is_density_weighted_by_area(obs):
    y, w, kind = disparity.reading(obs, "reg_population_persons", "sido")
    pop = obs.query("indicator == 'reg_population_persons' and region_code == '11' and year == 2024")["value"].item()
    area = obs.query("indicator == 'land_area_km2' and region_code == '11'")["value"].item()
    assert y.query("region_code == '11' and year == 2024")["value"].item() == pytest.approx(pop / area)
    assert kind == "density"
    areas = w.query("year == 2024").set_index("region_code")["value"]
    assert areas["11"] == pytest.approx(area)  # weighted by land area


def test_theil_between_share_of_population_is_the_capital_gap(obs):
    """Between-group Theil T recomputed by hand from population and area shares."""
    d = disparity.disparity_over_time(obs, "reg_population_persons", "sido").set_index("year")
    p = obs.query("indicator == 'reg_population_persons' and year == 2024 and region_code in ['CR', 'NC']")
    a = obs.query("indicator == 'land_area_km2' and region_code in ['CR', 'NC']")
    s = p.set_index("region_code")["value"] / p["value"].sum()
    q = a.set_index("region_code")["value"] / a["value"].sum()
    by_hand = float(np.sum(s * np.log(s / q)))
    assert d.loc[2024, "theil_t_between"] == pytest.approx(by_hand, rel=1e-9)
    assert d.loc[2024, "theil_t_between"] + d.loc[2024, "theil_t_within"] == pytest.approx(d.loc[2024, "theil_t"])
