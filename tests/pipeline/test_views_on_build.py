"""indicators.views on the session's full build, checked against direct selections of the built tables."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from geo import regions
from indicators import catalog, store, views
from indicators import composite as cx

SIDO = regions.codes("sido")
MACRO = regions.codes("macro")


@pytest.fixture(scope="module")
def built(full_build) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The session's full build (tests/conftest.py), never the repo's data/."""
    return views.with_levels(store.observations(full_build)), store.coverage(full_build)


def test_values_at_matches_the_observations(built):
    obs, _ = built
    out = views.values_at(obs, "grdp_nominal_krw_mn", "sido", 2023).set_index("region_code")
    direct = obs[(obs["indicator"] == "grdp_nominal_krw_mn") & (obs["year"] == 2023)].set_index("region_code")
    assert list(out.index) == SIDO
    assert np.allclose(out["value"], direct.loc[SIDO, "value"])
    top = direct.loc[SIDO, "value"].idxmax()
    assert out.loc[top, "rank"] == 1 and out["rank"].max() == len(SIDO)


def test_macro_values_are_the_seven_regions(built):
    obs, _ = built
    out = views.values_at(obs, "grdp_nominal_krw_mn", "macro", 2023)
    assert list(out["region_code"]) == MACRO and out["value"].notna().all()
    sido = obs[(obs["indicator"] == "grdp_nominal_krw_mn") & (obs["year"] == 2023) & obs["region_code"].isin(SIDO)]
    assert out["value"].sum() == pytest.approx(sido["value"].sum())  # the 권역 tile the country


def test_region_profile_of_seoul_matches_the_observations(built):
    obs, _ = built
    prof = views.region_profile(obs, "11").set_index("indicator")
    seoul = obs[(obs["region_code"] == "11")].dropna(subset=["value"])
    latest = seoul.sort_values("year").groupby("indicator").tail(1).set_index("indicator")
    assert set(prof.index) == set(latest.index)
    row = prof.loc["reg_population_persons"]
    assert row["year"] == latest.loc["reg_population_persons", "year"]
    assert row["value"] == latest.loc["reg_population_persons", "value"]
    same = obs[(obs["indicator"] == "reg_population_persons") & (obs["year"] == row["year"])
               & obs["region_code"].isin(SIDO)].dropna(subset=["value"])
    assert row["rank"] == int((same["value"] > row["value"]).sum() + 1) and row["n_ranked"] == len(same)
    nation = obs[(obs["indicator"] == "reg_population_persons") & (obs["year"] == row["year"])
                 & (obs["region_code"] == "00")]["value"].item()
    assert row["nation"] == nation


def test_available_matches_the_coverage(built):
    _, cov = built
    inds = catalog.indicators()
    have = views.available(cov, inds)
    assert set(have) == set(cov.loc[cov["regions"] > 0, "indicator"]) & set(inds)
    at_sigungu = views.available(cov, inds, "sigungu")
    assert "res_extinction_risk_index" in at_sigungu and "grdp_nominal_krw_mn" not in at_sigungu


def test_disparity_common_only_uses_the_same_regions_each_year(built):
    obs, _ = built
    result = views.disparity(obs, "grdp_nominal_krw_mn", "sido", "population", common_only=True)
    assert len(result.common) >= 15
    assert all(set(codes) == set(result.common) for codes in result.used.values())


def test_composite_result_scores_every_sido(built):
    obs, cov = built
    wide, vint = views.composite_inputs(obs, "sido", 2020)
    domains = views.available_domains(views.available(cov, catalog.indicators(), "sido"), "sido")
    weights = {d.id: d.default_weight for d in cx.DOMAINS}
    res = views.composite_result(wide, vint, "sido", 2020, "z", weights, domains)
    assert list(res.table["region_code"]) == SIDO
    assert res.table["score"].notna().sum() == len(SIDO)
    assert sorted(res.table["rank"].dropna().astype(int)) == list(range(1, len(SIDO) + 1))
