"""`indicators.views`: what the pages show, as pure functions, tested without Streamlit.

Small frames with hand-checked expectations, then the real build read through `indicators.store`,
compared with direct selections of the observation table written out here (not with the views).
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from geo import regions
from indicators import views
from indicators.schema import Indicator

SIDO = regions.codes("sido")
MACRO = regions.codes("macro")


def tidy(rows: list[tuple[str, int, str, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["region_code", "year", "indicator", "value"])


def ind(id_: str, **kw) -> Indicator:
    base = dict(name_ko=id_, name_en=id_, unit="persons", unit_ko="명", source="s", category="demography")
    return Indicator(id=id_, **{**base, **kw})


# ---------------------------------------------------------------- values, series, relative

def test_values_at_ranks_with_ties_and_gaps():
    obs = views.with_levels(tidy([("11", 2020, "x", 5.0), ("26", 2020, "x", 9.0), ("27", 2020, "x", 5.0),
                                  ("28", 2021, "x", 1.0), ("00", 2020, "x", 100.0)]))
    out = views.values_at(obs, "x", "sido", 2020).set_index("region_code")
    assert list(out.index) == SIDO  # every 시도, registry order
    assert out.loc["26", "rank"] == 1 and out.loc["11", "rank"] == 2 and out.loc["27", "rank"] == 2
    assert math.isnan(out.loc["28", "value"])  # 2021 only: no value in 2020
    assert set(out["n_ranked"]) == {3}
    assert out.loc["28", "is_capital_region"] and not out.loc["26", "is_capital_region"]


def test_values_at_macro_includes_capital_region():
    obs = views.with_levels(tidy([("CR", 2020, "x", 7.0), ("CC", 2020, "x", 3.0), ("11", 2020, "x", 1.0)]))
    out = views.values_at(obs, "x", "macro", 2020)
    assert list(out["region_code"]) == MACRO
    assert out.set_index("region_code").loc["CR", "is_capital_region"]
    assert int(out["n_ranked"].iloc[0]) == 2


def test_series_keeps_only_rows_with_values():
    obs = tidy([("CR", 2001, "x", 1.0), ("CR", 2000, "x", 2.0), ("NC", 2000, "x", np.nan), ("11", 2000, "x", 3.0)])
    out = views.series(obs, "x", ["CR", "NC"])
    assert out.values.tolist() == [["CR", 2000, 2.0], ["CR", 2001, 1.0]]


def test_relative_to_scalar_and_per_row():
    v = pd.Series([50.0, 150.0, np.nan])
    assert views.relative_to(v, 100.0).tolist()[:2] == [50.0, 150.0]
    assert views.relative_to(v, 0.0).isna().all() and views.relative_to(v, np.nan).isna().all()
    per_row = views.relative_to(pd.Series([1.0, 2.0, 3.0]), pd.Series([2.0, 0.0, 4.0]))
    assert per_row.iloc[0] == 50.0 and math.isnan(per_row.iloc[1]) and per_row.iloc[2] == 75.0


def test_regions_with_values():
    obs = tidy([("11", 2000, "x", 1.0), ("26", 2000, "x", np.nan), ("11110", 2000, "x", 2.0), ("CR", 2000, "x", 3.0)])
    assert views.regions_with_values(obs, "x", ["26", "11110", "11", "CR"]) == ["11110", "11"]


def test_macro_measure_share_and_relative():
    wide = pd.DataFrame({"CR": [6.0, 6.0], "CC": [4.0, np.nan], "00": [20.0, 0.0]}, index=[2000, 2001])
    share = views.macro_measure(wide, "share")
    assert share.loc[2000].tolist() == [60.0, 40.0] and share.loc[2001].isna().all()
    rel = views.macro_measure(wide, "relative")
    assert rel.loc[2000, "CR"] == 30.0 and rel.loc[2001].isna().all()
    assert list(views.macro_measure(wide, "level").columns) == ["CR", "CC"]


# ---------------------------------------------------------------- region profile

def test_region_profile_latest_rank_and_references():
    rows = [("11", 2019, "x", 4.0), ("11", 2020, "x", 6.0), ("26", 2020, "x", 8.0), ("27", 2020, "x", 2.0),
            ("00", 2020, "x", 16.0), ("CR", 2020, "x", 6.0), ("NC", 2020, "x", 10.0), ("11", 2018, "y", 1.5)]
    prof = views.region_profile(views.with_levels(tidy(rows)), "11").set_index("indicator")
    x = prof.loc["x"]
    assert (x["year"], x["value"], x["rank"], x["n_ranked"]) == (2020, 6.0, 2, 3)
    assert (x["nation"], x["capital"], x["noncapital"]) == (16.0, 6.0, 10.0)
    assert x["trend"] == [4.0, 6.0] and x["trend_years"] == [2019, 2020]
    assert prof.loc["y", "year"] == 2018 and math.isnan(prof.loc["y", "nation"])
    assert views.region_profile(views.with_levels(tidy(rows)), "26110").empty


# ---------------------------------------------------------------- availability

def coverage_frame(rows: list[tuple[str, str, int, int]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["indicator", "level", "year", "regions"])


def test_availability_macro_needs_two_regions():
    cov = coverage_frame([("a", "sido", 2000, 17), ("a", "macro", 2000, 1), ("a", "macro", 2001, 7),
                          ("b", "sigungu", 2005, 0), ("b", "nation", 2006, 1)])
    av = views.availability(cov)
    assert av["a"] == {"sido": (2000,), "macro": (2001,), None: (2000, 2001)}
    assert av["b"] == {"nation": (2006,), None: (2006,)}
    assert views.levels(av["a"]) == ["sido"] and views.levels(av["a"], macro=True) == ["macro", "sido"]
    assert views.mappable(["a", "b", "c"], av) == ["a"]


def test_available_in_category_order():
    inds = {"z_geo": ind("z_geo", category="geography"), "a_eco": ind("a_eco", category="economy"),
            "m_dem": ind("m_dem", category="demography"), "gone": ind("gone")}
    cov = coverage_frame([("z_geo", "sido", 2000, 17), ("a_eco", "sigungu", 2000, 3), ("m_dem", "sido", 2000, 17),
                          ("gone", "sido", 2000, 0), ("stray", "sido", 2000, 17)])
    assert views.available(cov, inds) == ["m_dem", "a_eco", "z_geo"]
    assert views.available(cov, inds, "sido") == ["m_dem", "z_geo"]
    assert views.unknown(cov, inds) == ["stray"] and views.missing(inds, views.available(cov, inds)) == ["gone"]


def test_risk_bases():
    assert views.risk_bases(["res_extinction_risk_index", "x"]) == ["res"]


# ---------------------------------------------------------------- why no 권역 values

@pytest.mark.parametrize(("kw", "kind"), [
    (dict(category="migration"), "flow"), (dict(unit="%"), "percent"), (dict(unit="index"), "index"),
    (dict(name_en="GRDP per capita"), "per_capita"), (dict(unit="ratio"), "rate"), ({}, "amount")])
def test_measure_kind(kw, kind):
    assert views.measure_kind(ind("q", **kw)) == kind


def test_macro_gap_kinds():
    inds = {"pop": ind("pop", additive=True), "pct": ind("pct", unit="%"),
            "pc": ind("pc", numerator="pop", denominator="pct", unit="ratio"), "full": ind("full", additive=True)}
    obs = views.with_levels(tidy([(c, 2020, "pop", 1.0) for c in SIDO[:-1]] + [("CR", 2020, "full", 1.0)]))
    cov = coverage_frame([("pop", "sido", 2020, 16), ("full", "macro", 2020, 7), ("pct", "sido", 2020, 17)])
    av = views.availability(cov)
    assert views.macro_gap(obs, cov, av, inds, "full") is None
    gap = views.macro_gap(obs, cov, av, inds, "pop")
    assert (gap.kind, gap.n_sido, gap.missing_sido) == ("incomplete", 16, (SIDO[-1],))
    assert views.macro_gap(obs, cov, av, inds, "pct").measure == "percent"
    parts = views.macro_gap(obs, cov, av, inds, "pc")
    assert (parts.kind, parts.part, parts.inner.kind) == ("parts", "pop", "incomplete")
    assert views.macro_gap(obs, cov, av, inds, "nope").kind == "unknown"


# ---------------------------------------------------------------- seed facts

def test_date_to_x():
    assert views.date_to_x("2005-07", 2005) == pytest.approx(2005.5)
    assert views.date_to_x("1962", 1962) == 1962
    assert views.date_to_x("", 2010.0) == 2010.0 and math.isnan(views.date_to_x("", np.nan))


def test_seed_facts_parts_and_missing_column():
    raw = pd.DataFrame([{c: "" for c in views.SEED_COLUMNS} | {"date": "2019-04", "year": "2019", "value": "50.1",
                                                                "source_doc": "doc.txt — 통계청"}])
    out = views.seed_facts(raw)
    row = out.iloc[0]
    assert (row["doc"], row["attribution"], row["value"]) == ("doc.txt", "통계청", 50.1)
    assert row["x"] == pytest.approx(2019 + 3 / 12)
    with pytest.raises(ValueError, match="quote_ko"):
        views.seed_facts(raw.drop(columns="quote_ko"), "x.csv")


def test_seed_facts_units_in_english_and_an_unknown_korean_unit_named():
    """English readers get an English unit; a Korean unit without a translation stops the read at its row."""
    rows = [{c: "" for c in views.SEED_COLUMNS} | {"unit": u} for u in ("%", "조원", "점 (5점 만점)")]
    assert views.seed_facts(pd.DataFrame(rows))["unit_en"].tolist() == ["%", "KRW trillion", "points (out of 5)"]
    bad = pd.DataFrame(rows + [{c: "" for c in views.SEED_COLUMNS} | {"unit": "억원"}])
    with pytest.raises(ValueError, match=r"x\.csv, row 5, column 'unit': '억원'"):
        views.seed_facts(bad, "x.csv")


def test_seed_facts_file_read_as_text():
    """The shipped file: as many rows as the CSV has records, every date giving an x."""
    raw = pd.read_csv(views.SEED_FACTS, dtype=str, keep_default_na=False)
    facts = views.read_seed_facts()
    assert len(facts) == len(raw) > 0
    assert facts.loc[raw["date"] != "", "x"].notna().all()


# ---------------------------------------------------------------- overview: simple-mean gap

def test_simple_mean_gap_uses_complete_years_only():
    rows = [(c, 2000, "f", 10.0 if regions.is_capital(c) else 4.0) for c in SIDO]
    rows += [(c, 2001, "f", 1.0) for c in SIDO[:-1]]
    gap = views.simple_mean_gap(tidy(rows), "f")
    assert gap.to_dict() == {2000: 6.0} and gap.name == "capital_minus_noncapital"
    assert views.simple_mean_gap(tidy(rows[17:]), "f").empty


def gaps_frame(rows: list[tuple[str, int, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["indicator", "year", "capital_minus_noncapital"])


def test_capital_gap_series_takes_the_gaps_table_when_it_has_values():
    """Years out of order and a missing year in the gaps table; another indicator's rows ignored."""
    gaps = gaps_frame([("f", 2002, -3.5), ("f", 2000, 1.25), ("f", 2001, float("nan")), ("g", 2000, 99.0)])
    obs = tidy([(c, 2000, "f", 50.0) for c in SIDO])  # would give a simple-mean gap of 0: not used
    gap, simple_mean = views.capital_gap_series(gaps, obs, "f")
    assert simple_mean is False
    assert gap.to_dict() == {2000: 1.25, 2002: -3.5} and gap.name == "capital_minus_noncapital"


def test_capital_gap_series_falls_back_to_simple_means():
    """No gap in the table: mean of 서울·인천·경기 (30, 20, 10 → 20) − mean of the 14 others
    (thirteen 5s and one 19 → 84 / 14 = 6) = 14; 2001 lacks one 시도 and is left out."""
    capital = {"11": 30.0, "28": 20.0, "41": 10.0}
    others = [c for c in SIDO if c not in capital]
    rows = [(c, 2000, "f", v) for c, v in capital.items()]
    rows += [(c, 2000, "f", 19.0 if c == others[0] else 5.0) for c in others]
    rows += [(c, 2001, "f", 1.0) for c in SIDO[1:]]
    gap, simple_mean = views.capital_gap_series(gaps_frame([("f", 2000, float("nan"))]), tidy(rows), "f")
    assert simple_mean is True
    assert gap.to_dict() == {2000: pytest.approx(14.0)} and gap.name == "capital_minus_noncapital"


def test_capital_gap_series_empty_when_neither_can_be_formed():
    gap, simple_mean = views.capital_gap_series(gaps_frame([]), tidy([("11", 2000, "f", 1.0)]), "f")
    assert gap.empty and simple_mean is True


# ---------------------------------------------------------------- the real build, through the store
