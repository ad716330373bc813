"""The disparity pages under AppTest: 격차 분석, 종합 격차지수, 이변량 지도.

Against the session's full build ($BALANCE_DATA_DIR): each page runs without an
exception, its widgets and charts exist, and changing indicator / level / weighting / method /
weights changes the chart data; the Theil table adds up (between + within = total); the NAVIS
rank-correlation table exists at 시도. Then the same pages on a census-only build (the embedded
default, no raw files).
"""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from helpers.apptest import button_group, chart_view, main_spec, map_view, rerun, run, series_of, tables
from indicators.bivariate import PALETTE


def frame_with(at: AppTest, column: str) -> pd.DataFrame:
    for shown in tables(at):
        if column in shown.value.columns:
            return shown.value
    raise AssertionError(f"no table with column {column!r}")


def have(cov: pd.DataFrame, ind: str, level: str) -> bool:
    return bool(((cov["indicator"] == ind) & (cov["level"] == level) & (cov["regions"] > 0)).any())


# ---------------------------------------------------------------- 격차 분석

def test_disparity_page(coverage):
    at = run({"page": "disparity"}, "disparity")
    ind = at.selectbox(key="w_disparity_indicator")
    assert ind.value
    for key in ("w_disparity_level", "w_disparity_weighting", "w_disparity_theil"):
        assert button_group(at, key)
    assert button_group(at, "w_disparity_measures").value == ["cv", "cv_weighted", "gini", "theil_t", "theil_l"]
    spec0 = chart_view(at, "disp_measures")
    assert [len(p["lines"]) for p in spec0["panels"]] == [1] * 5  # CV, Williamson, Gini, Theil T, Theil L
    decomp = chart_view(at, "disp_decomp")
    assert [len(p["bars"]) for p in decomp["panels"]] == [2] and decomp["panels"][0]["stack"]
    assert "출처" in spec0["source"]
    assert spec0["events"]  # policy events
    assert any("읽는 방식" in m.value for m in at.markdown)

    # weighting (an additive, non-population indicator is the default): population → equal
    assert ind.value not in ("reg_population_persons", "census_population_persons")
    before = series_of(chart_view(at, "disp_measures"))
    button_group(at, "w_disparity_weighting").set_value("equal")
    rerun(at, "disparity_weighting")
    assert series_of(chart_view(at, "disp_measures")) != before
    assert at.query_params.get("weighting") in ("equal", ["equal"])

    # measures shown
    button_group(at, "w_disparity_measures").set_value(["gini", "theil_t"])
    rerun(at, "disparity_measures")
    assert len(chart_view(at, "disp_measures")["panels"]) == 2

    # Theil T → L in the decomposition
    before = series_of(chart_view(at, "disp_decomp"))
    button_group(at, "w_disparity_theil").set_value("l")
    rerun(at, "disparity_theil")
    assert series_of(chart_view(at, "disp_decomp")) != before

    # indicator
    before = series_of(chart_view(at, "disp_measures"))
    other = "reg_population_persons" if ind.value != "reg_population_persons" else "grdp_nominal_krw_mn"
    at.selectbox(key="w_disparity_indicator").set_value(other)
    rerun(at, "disparity_indicator")
    assert series_of(chart_view(at, "disp_measures")) != before
    assert any("면적" in m.value for m in at.markdown)  # a population count is read as density, area-weighted

    # level
    before = series_of(chart_view(at, "disp_measures"))
    button_group(at, "w_disparity_level").set_value("sigungu")
    rerun(at, "disparity_level")
    assert series_of(chart_view(at, "disp_measures")) != before


def test_disparity_table_adds_up_and_shows_region_counts():
    at = run({"page": "disparity", "indicator": "grdp_nominal_krw_mn", "level": "sido"}, "disparity_table")
    t = frame_with(at, "theil_t_between")
    assert {"year", "n_regions", "n_full", "regions_absent"} <= set(t.columns)
    for k in ("t", "l"):
        ok = t[f"theil_{k}"].notna()
        assert ok.any()
        np.testing.assert_allclose(t.loc[ok, f"theil_{k}_between"] + t.loc[ok, f"theil_{k}_within"],
                                   t.loc[ok, f"theil_{k}"], rtol=1e-9, atol=1e-12)
        share = t.loc[ok, f"theil_{k}_between_share"]
        np.testing.assert_allclose(share, t.loc[ok, f"theil_{k}_between"] / t.loc[ok, f"theil_{k}"], rtol=1e-9)
    assert (t["n_full"] == 17).all()
    partial = t[t["n_regions"] < t["n_full"]]
    if len(partial):  # years with fewer 시도 are said, not mixed silently
        assert (partial["regions_absent"] != "").all()
        assert any("17개 중" in w.value for w in at.warning)
    # the measures' definitions
    defs = frame_with(at, "id")
    assert set(defs["id"]) == {"cv", "cv_weighted", "gini", "theil_t", "theil_l"}

    # only regions present in every year: the count is the same each year
    at.toggle(key="common").set_value(True)
    rerun(at, "disparity_common")
    t2 = frame_with(at, "theil_t_between")
    assert t2["n_regions"].nunique() == 1


# ---------------------------------------------------------------- 종합 격차지수

def test_composite_page(coverage):
    at = run({"page": "composite"}, "composite")
    level = button_group(at, "w_composite_level")
    assert level.value in ("sido", "sigungu")
    # the year: a slider over the years a score can be computed in, or that one year said as text
    years = [s for s in at.select_slider if s.key == "w_composite_year"]
    assert years[0].value if years else any(m.value.startswith("**연도**: ") for m in at.markdown)
    assert button_group(at, "w_composite_method")
    sliders = [at.slider(key=f"w_{d}") for d in ("demography", "economy", "fiscal", "health_welfare")]
    assert [s.value for s in sliders] == [30, 30, 20, 20]
    view0 = map_view(at, "comp_view")
    table = frame_with(at, "decile")
    # the map colours exactly the areas with a score, each by its decile (1 = most disadvantaged)
    scored = dict(zip(table["region_code"], table["decile"]))
    fills = dict(zip(view0["codes"], view0["fill"][str(view0["year"])]))
    assert {c for c, f in fills.items() if f} == {c for c, d in scored.items() if d == d}
    decile_colour = {int(d): fills[c] for c, d in scored.items() if d == d}
    assert len(set(decile_colour.values())) == len(decile_colour) == 10
    assert {"score", "rank", "decile", "demography", "economy"} <= set(table.columns)
    vint = " ".join(m.value for m in at.markdown)
    assert "입력 자료와 사용한 연도" in vint and ": 20" in vint  # e.g. "인구 천 명당 의사 수: 2020"
    sens = chart_view(at, "comp_sens")  # per weighted domain: the areas changing decile at +20% and -20%
    assert [len(r["bars"]) for r in sens["rows"]] == [2] * sum(s.value > 0 for s in sliders)
    ranked = int(table["score"].notna().sum())
    assert all(0 <= b["value"] <= ranked and b["value"] == int(b["value"]) for r in sens["rows"] for b in r["bars"])

    # method
    before = _map(map_view(at, "comp_view"))
    button_group(at, "w_composite_view").set_value("score")
    rerun(at, "composite_view")
    score0 = _map(map_view(at, "comp_view"))
    assert score0 != before
    button_group(at, "w_composite_method").set_value("rank_exp")
    rerun(at, "composite_method")
    assert _map(map_view(at, "comp_view")) != score0

    # a weight (bound natively: the browser writes ?w_economy=80, tests/browser/test_browser_links.py;
    # here: a link carrying it reopens the same view)
    before = _map(map_view(at, "comp_view"))
    at.slider(key="w_economy").set_value(80)
    rerun(at, "composite_weight")
    chosen = _map(map_view(at, "comp_view"))
    assert chosen != before
    link = run({"page": "composite", "view": "score", "method": "rank_exp", "w_economy": "80"})
    assert link.slider(key="w_economy").value == 80
    assert _map(map_view(link, "comp_view")) == chosen

    # level
    n_before = len(map_view(at, "comp_view")["codes"])
    other = "sido" if button_group(at, "w_composite_level").value != "sido" else "sigungu"
    button_group(at, "w_composite_level").set_value(other)
    rerun(at, "composite_level")
    assert {n_before, len(map_view(at, "comp_view")["codes"])} == {17, 229}


def _map(view: dict) -> tuple:
    """What the map shows: per region its colour and its value, in the year shown."""
    y = str(view["year"])
    return tuple(zip(view["codes"], view["fill"][y], view["value"][y]))


def test_composite_missing_inputs_listed(coverage):
    assert have(coverage, "fiscal_self_reliance_sigungu_pct", "sigungu")  # the full build has it
    at = run({"page": "composite", "level": "sigungu", "year": "2023"}, "composite_sigungu_2023")
    miss = frame_with(at, "missing")
    table = frame_with(at, "decile")
    unscored = set(table.loc[table["score"].isna(), "region_code"])
    assert set(miss["region_code"]) == unscored and len(unscored) > 0  # listed, never filled
    assert table["score"].notna().sum() + len(unscored) == 229


def test_composite_navis_at_sido(coverage):
    at = run({"page": "composite", "level": "sido"}, "composite_sido_navis")
    assert have(coverage, "navis_index_total", "sido")  # the full build has it (no NAVIS: see the census-only test)
    rho = frame_with(at, "rho")
    assert len(rho) >= 1 and rho["rho"].between(-1, 1).all() and (rho["n"] >= 3).all()
    drawn_rho = chart_view(at, "comp_navis_rho")["lines"][0]  # the ρ line: the table's years and values
    assert drawn_rho["x"] == rho["year"].astype(int).tolist() and drawn_rho["y"] == rho["rho"].tolist()
    scatter = main_spec(at, "comp_navis_scatter")
    assert "NAVIS" in json.dumps(scatter["layout"], ensure_ascii=False)
    assert any("높을수록 더 발전" in c.value for c in at.caption)  # NAVIS direction stated
    # weights change the correlations
    before = rho["rho"].tolist()
    at.slider(key="w_demography").set_value(0)
    rerun(at, "composite_navis_weight")
    after = frame_with(at, "rho")
    assert after["rho"].tolist() != before


# ---------------------------------------------------------------- 이변량 지도

def test_bivariate_page(coverage):
    at = run({"page": "bivariate"}, "bivariate")
    x = at.selectbox(key="w_bivariate_indicator").value
    y = at.selectbox(key="w_bivariate_indicator2").value
    assert have(coverage, "reg_extinction_risk_index", "sigungu")  # the full build has both
    assert have(coverage, "fiscal_self_reliance_sigungu_pct", "sigungu")
    assert (x, y) == ("reg_extinction_risk_index", "fiscal_self_reliance_sigungu_pct")
    assert button_group(at, "w_bivariate_level").value == "sigungu"
    view0 = map_view(at, "biv_view")
    assert set(f for f in view0["fill"][str(view0["year"])] if f) <= set(PALETTE)
    legend = view0["legend"]
    assert legend["kind"] == "square" and legend["colors"] == list(PALETTE)  # the 3×3 legend square
    assert "높을수록" in legend["x_label"] + legend["y_label"]
    # areas missing either value (3 of 229 in the default pair) are hatched: no colour, never the pale
    # low/low class, and named in the legend
    assert view0["fill"][str(view0["year"])].count(None) >= 1
    assert view0["missing_label"] == "자료 없음 (한쪽 이상)"
    # changing the second indicator changes the classes
    level = button_group(at, "w_bivariate_level").value
    cov = coverage[(coverage["level"] == level) & (coverage["regions"] > 0)]
    x_years = set(cov.loc[cov["indicator"] == x, "year"])
    other = next(i for i in sorted(set(cov["indicator"])) if i not in (x, y)
                 and x_years & set(cov.loc[cov["indicator"] == i, "year"]))
    before = _map(map_view(at, "biv_view"))
    at.selectbox(key="w_bivariate_indicator2").set_value(other)
    rerun(at, "bivariate_indicator")
    assert _map(map_view(at, "biv_view")) != before
    assert at.query_params.get("indicator2") in (other, [other])



# ---------------------------------------------------------------- the embedded default (census only)

@pytest.mark.parametrize("page,params", [("disparity", {}), ("disparity", {"level": "sigungu"}),
                                         ("composite", {}), ("composite", {"level": "sido"}), ("bivariate", {})])
def test_pages_on_census_only_build(package_only_build, monkeypatch, page, params):
    monkeypatch.setenv("BALANCE_DATA_DIR", str(package_only_build))
    at = run({"page": page, **params}, f"{page}_census_only_{params.get('level', '')}".rstrip("_"))
    charts = at.get("plotly_chart") + [el for el in at.get("bidi_component") if el.key != "share_link"]
    assert len(charts) >= 1
    if page == "composite":  # domains without any input in this build are said to be left out
        assert any("가중치 0으로 제외" in w.value for w in at.warning)
        assert any("원자료" in e.label for e in at.expander)
    if page == "composite" and params.get("level") == "sido":  # no NAVIS file in this build: said so
        assert any("NAVIS" in i.value for i in at.info)
