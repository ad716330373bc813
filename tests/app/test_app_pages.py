"""Every page of the app under Streamlit's AppTest, against the session's full build ($BALANCE_DATA_DIR).

Each page: no exception, its main widgets and a plotly chart exist, and changing the
indicator / level / year (or the page's own choice) changes the figure's data. URL state:
a link with query params opens that view; a bad value falls back with a visible warning.
"""
from __future__ import annotations

import urllib.parse

import pandas as pd
import pytest

from geo import regions
from helpers.apptest import (
    assert_ok,
    button_group,
    chart_view,
    drawn,
    line_data,
    main_spec,
    map_view,
    new_app,
    open_folded,
    run,
    series_of,
    static_tables,
    table,
    tables,
    trace_data,
)
from indicators import catalog, derive, store
from indicators import reference_points as rp


def available(cov: pd.DataFrame, level: str | None = None) -> list[str]:
    c = cov[cov["regions"] > 0]
    if level:
        c = c[c["level"] == level]
    return sorted(c["indicator"].unique())


# ---------------------------------------------------------------- pages

def test_overview(coverage):
    at = run({}, "overview")
    assert at.title[0].value
    text = " ".join(m.value for m in at.markdown)
    for label in ("수도권 인구 비중", "수도권 GRDP 비중", "수도권 수출 비중", "재정자립도 격차", "소멸위험 시군구 수"):
        assert label in text
    # exports: said plainly that there is no yearly capital share from 10 of 17 시도 (under the reference figure)
    captions = " ".join(c.value for c in at.caption)
    assert "exports_usd_th" in available(coverage)  # the full build has the K-stat file
    assert "17개 시도 중" in captions
    share = chart_view(at, "capital_shares")  # the bar chart (ui.barchart): a row per additive indicator
    assert share["rows"] and "출처" in share["source"]
    years = coverage[coverage["regions"] > 0].groupby("indicator")["year"].nunique()
    for row in share["rows"]:  # a click opens the indicator's capital share over the years (or its map)
        if years.get(row["code"], 0) > 1:
            path, _, query = row["href"].partition("?")
            params = dict(urllib.parse.parse_qsl(query))
            assert path == "trends" and params["indicator"] == row["code"] and params["measure"] == "share", row
            assert params.get("set") == "2024"  # the boundary set shown (AppTests run on the reference set)


def test_overview_card_shows_the_reference_share_labelled():
    at = run({"page": "overview"})
    ref = [m for m in at.metric if "공표치" in m.label]
    assert len(ref) == 1 and ref[0].label == "2020년 공표치 (참고)"
    share = rp.capital_share_pct(rp.exports_2020())
    assert ref[0].value == f"{share:.1f}%"
    assert any("시계열이 아닙니다" in c.value and "한국무역협회" in c.value for c in at.caption)


def _obs_values(ind: str, level: str, year: int) -> dict[str, float]:
    """The built table's values (read here, not through the page) of `ind` in `year` at one level."""
    obs = store.observations()
    s = obs[(obs["indicator"] == ind) & (obs["year"] == year) & obs["region_code"].isin(regions.codes(level))]
    return {c: v for c, v in zip(s["region_code"], s["value"]) if v == v}


def test_map_widgets_and_changes(coverage):
    at = run({"page": "map"}, "map")
    ind0 = at.selectbox(key="w_map_indicator").value
    assert button_group(at, "w_map_level")
    view0 = map_view(at)
    assert view0["indicator"] == ind0 and len(view0["codes"]) == 17
    assert view0["years"] == sorted(set(coverage[(coverage["indicator"] == ind0) & (coverage["level"] == "sido")
                                                 & (coverage["regions"] > 0)]["year"]))
    for year in view0["years"]:  # every year's values, as built
        assert drawn(view0, year) == pytest.approx(_obs_values(ind0, "sido", year))
    assert "출처" in view0["source"] and view0["geo_url"].startswith("app/static/geo/2024-sido-")

    # indicator
    mappable = sorted(set(available(coverage, "sido")) | set(available(coverage, "sigungu")))
    other = next(i for i in mappable if i != ind0)
    at.selectbox(key="w_map_indicator").set_value(other).run()
    assert_ok(at)
    assert map_view(at)["indicator"] == other
    assert at.query_params.get("indicator") in (other, [other], None)

    # level: 시도 (17) ↔ 시군구 (229)
    sgg = [i for i in available(coverage, "sigungu") if i in available(coverage, "sido")]
    at.selectbox(key="w_map_indicator").set_value(sgg[0]).run()
    n_before = len(map_view(at)["codes"])
    level = button_group(at, "w_map_level")
    level.set_value("sigungu" if level.value != "sigungu" else "sido").run()
    assert_ok(at)
    assert {n_before, len(map_view(at)["codes"])} == {17, 229}


def test_map_url_opens_view(coverage):
    ind = next(i for i in available(coverage, "sido") if 2020 in set(
        coverage[(coverage["indicator"] == i) & (coverage["level"] == "sido")]["year"]))
    at = run({"page": "map", "indicator": ind, "level": "sido", "year": "2020", "zoom": "capital"}, "map_from_url")
    assert at.selectbox(key="w_map_indicator").value == ind
    assert button_group(at, "w_map_level").value == "sido"
    view = map_view(at)
    assert view["year"] == 2020 and view["zoom"] == "capital"
    assert "2020" in view["subtitle"]["2020"]
    assert not at.warning


def test_bad_url_values_fall_back_with_warning():
    at = run({"page": "map", "indicator": "../../etc/passwd", "year": "19x9", "level": "planet", "zoom": "mars"},
             "map_bad_url")
    warnings = " ".join(w.value for w in at.warning)
    assert "indicator" in warnings and "year" in warnings and "level" in warnings and "zoom" in warnings
    view = map_view(at)
    assert view["year"] == view["years"][-1] and view["zoom"] == "nation"
    assert at.selectbox(key="w_map_indicator").value in set(store.coverage()["indicator"])
    assert at.query_params.get("indicator") in (None, [], "")
    at2 = run({"page": "nowhere"})
    assert "page" in " ".join(w.value for w in at2.warning)


def test_trends(coverage):
    at = run({"page": "trends"}, "trends")
    sel = at.selectbox(key="w_trends_indicator")
    spec0 = chart_view(at)
    assert spec0["lines"] and spec0["years"]
    measure = button_group(at, "w_trends_measure")
    opts = [o for o in measure.options if o]
    other = "level" if measure.value != "level" else "ratio"
    measure.set_value(other).run()
    assert_ok(at)
    spec1 = chart_view(at)
    assert line_data(spec1) != line_data(spec0)
    # add a region to compare (level view): one more line
    button_group(at, "w_trends_measure").set_value("level").run()
    n0 = len(chart_view(at)["lines"])
    at.multiselect(key="w_trends_compare").select("26").run()  # 부산
    assert_ok(at)
    assert len(chart_view(at)["lines"]) == n0 + 1
    assert at.query_params.get("compare") in ("26", ["26"])
    # indicator change changes the data
    before = line_data(chart_view(at))
    multi = coverage[coverage["regions"] > 0].groupby("indicator")["year"].nunique()
    sel.set_value(next(i for i in sorted(multi[multi > 1].index) if i != sel.value)).run()
    assert_ok(at)
    assert line_data(chart_view(at)) != before
    assert "migration_net_persons" in available(coverage)  # the full build has the migration files
    migration = chart_view(at, "migration_chart")  # net migration into 수도권: one bar per year
    assert [len(p["bars"]) for p in migration["panels"]] == [1] and migration["panels"][0]["bars"][0]["y"]
    assert opts


def test_trends_policy_events_and_quotes():
    at = run({"page": "trends", "indicator": "reg_population_persons", "measure": "share"})
    view = chart_view(at)
    assert view["lines"] and len(view["lines"][0]["x"]) > 1  # a series of the full build
    assert view["events"] and all(m["items"] for m in view["events"])  # policy events, each with its texts
    assert view["quoted"] and all(q["label"] for q in view["quoted"])  # quoted figures


def test_risk(coverage):
    at = run({"page": "risk"}, "risk")
    assert {"reg_extinction_risk_index", "res_extinction_risk_index"} <= set(available(coverage, "sigungu"))
    view = map_view(at, "risk_view")
    assert len(view["codes"]) == 229
    assert [label for _, label in view["legend"]["items"]][0].startswith("고위험")
    year = view["year"]
    index = _obs_values(view["indicator"], "sigungu", year)
    colours = dict(zip(view["codes"], view["fill"][str(year)]))
    for code, v in index.items():  # each 시군구 in its KEIS class: < 0.2 고위험 … ≥ 1.5 저위험
        k = sum(v >= b for b in (0.2, 0.5, 1.0, 1.5))
        assert colours[code] == view["legend"]["items"][k][0], (code, v)
    counts = chart_view(at, "risk_counts")  # 수도권 and 비수도권 panels, a stacked bar series per class
    assert [p["stack"] for p in counts["panels"]] == [True, True] and len(counts["panels"][0]["bars"]) == 5
    assert table(at, "risk_list").view["n"] >= 1
    years = view["years"]
    at2 = run({"page": "risk", "year": str(years[0])})  # the map's year is the page's year (from the URL)
    assert map_view(at2, "risk_view")["year"] == years[0]
    assert str(years[0]) in " ".join(c.value for c in at2.caption)
    basis = button_group(at, "w_risk_basis")
    assert len([o for o in basis.options if o]) > 1  # registered, resident and census bases
    before = series_of(chart_view(at, "risk_counts"))
    other = next(b for b in ("res", "reg", "cen2010") if b != basis.value and b in _bases(coverage))
    basis.set_value(other).run()
    assert_ok(at)
    assert series_of(chart_view(at, "risk_counts")) != before
    at.text_input(key="w_risk_search").input("경북").run()
    assert_ok(at)


def _bases(cov: pd.DataFrame) -> list[str]:
    return [b for b in ("reg", "res", "cen2010") if derive.RISK_INDEX[b] in available(cov, "sigungu")]


def test_region():
    at = run({"page": "region", "region": "11"}, "region")
    assert at.selectbox(key="w_region_region").value == "11"
    rows0 = chart_view(at, "region_relative")["rows"]
    assert rows0 and all(len(r["bars"]) == 1 for r in rows0)
    at.selectbox(key="w_region_region").set_value("47170").run()
    assert_ok(at)
    assert at.query_params.get("region") in ("47170", ["47170"])
    assert chart_view(at, "region_relative")["rows"] != rows0
    year_tables = [t.key for t in tables(at) if t.key != "region_month_table"]  # a month end's figures aside
    assert year_tables == ["region_profile", "region_series"]  # the latest year, every year


def test_data_page():
    at = run({"page": "data"}, "data")
    # static tables (catalogue, build report, seed facts); the folded sections send nothing until opened
    assert len(static_tables(at)) == 3 and not tables(at)
    folded = [e.label for e in at.expander][-3:]
    assert "경로, 상태, 기준 시점" in folded[0]
    assert folded[1:] == ["지표별 출처 파일과 연도", "수출 2020년 공표치 (17개 시도, 참고)"]
    open_folded(at)  # then the two file grids and the exports reference
    assert len(static_tables(at)) == 4 and len(tables(at)) == 2
    spec0 = main_spec(at, "coverage")
    assert spec0["data"][0]["type"] == "heatmap"
    button_group(at, "w_data_level").set_value("sigungu").run()
    assert_ok(at)
    assert trace_data(main_spec(at, "coverage")) != trace_data(spec0)
    assert len(at.get("download_button")) >= 2


def test_english_and_presenter():
    at = run({"page": "map", "lang": "en", "presenter": "1"}, "map_en_presenter")
    assert at.title[0].value == "Map"
    view = map_view(at)
    assert view["source"].startswith("Source") and view["presenter"] is True  # presenter: larger type (CSS)
    assert view["labels"]["play"].endswith("Play") and all(n.isascii() for n in view["names"])
    css = " ".join(m.value for m in at.markdown)
    assert "stHeader" in css


def test_language_switch_and_embed():
    at = run({})
    button_group(at, "w_global_lang").set_value("en").run()
    assert_ok(at)
    assert at.title[0].value == "The capital-region gap at a glance"
    assert at.query_params.get("lang") in ("en", ["en"])


def test_not_built_says_which_command(monkeypatch, tmp_path):
    monkeypatch.setenv("BALANCE_DATA_DIR", str(tmp_path))
    at = new_app({"page": "map"})
    at.run()
    assert not at.exception
    assert at.error and "python -m indicators build" in at.code[0].value


def test_region_compare_shows_each_region_at_the_latest_common_year():
    """지역 비교 (?with=): per indicator the latest year 의성군 and 경북 both have, each one's value and rank
    among its level — worked out here from the built observations."""
    at = run({"page": "region", "region": "47730", "with": "47"}, "region_compare")
    names = {"47730": regions.name("47730"), "47": regions.name("47")}
    shown = table(at, "region_compare").value
    obs = store.observations()
    ind = "reg_population_persons"
    rows = obs[(obs["indicator"] == ind) & obs["value"].notna()]
    years = set(rows.loc[rows["region_code"] == "47730", "year"]) & set(rows.loc[rows["region_code"] == "47", "year"])
    year = max(years)
    row = shown[shown["name"] == catalog.get(ind).name_ko].iloc[0]
    assert row["year"] == year
    for code, level in (("47730", "sigungu"), ("47", "sido")):
        same = rows[(rows["year"] == year) & rows["region_code"].isin(regions.codes(level))]
        value = float(same.loc[same["region_code"] == code, "value"].iloc[0])
        rank = int((same["value"] > value).sum()) + 1
        assert row[f"{names[code]} · 순위"] == f"{rank}/{len(same)}"
        assert row[names[code]].replace(",", "").startswith(f"{value:.0f}")


def test_map_change_between_two_years_equals_the_built_values():
    """지도 ?compare=change: each 시도's drawn value is its 2023 value minus its 2015 value in the built
    observations (worked out here), areas lacking a year are uncoloured; both years are named."""
    ind = "grdp_per_capita_krw_th"
    at = run({"page": "map", "level": "sido", "indicator": ind, "compare": "change", "from": "2015", "to": "2023"},
             "map_change")
    view = map_view(at, "map_change")
    assert "2015" in view["title"] and "2023" in view["title"]
    obs = store.observations()
    rows = obs[(obs["indicator"] == ind) & obs["region_code"].isin(regions.codes("sido"))]
    at_year = {y: rows[rows["year"] == y].set_index("region_code")["value"] for y in (2015, 2023)}
    drawn = dict(zip(view["codes"], view["value"][str(view["year"])]))
    fills = dict(zip(view["codes"], view["fill"][str(view["year"])]))
    for code in view["codes"]:
        a, b = at_year[2015].get(code), at_year[2023].get(code)
        if a is None or b is None or pd.isna(a) or pd.isna(b):
            assert drawn[code] is None and fills[code] is None, code
        else:
            assert drawn[code] == pytest.approx(b - a), code


def test_map_two_indicators_share_a_scale_only_when_their_units_agree():
    at = run({"page": "map", "level": "sido", "indicator": "fiscal_self_reliance_pct", "compare": "indicators",
              "indicator2": "fiscal_autonomy_pct"}, "map_pair")
    a, b = map_view(at, "map_a"), map_view(at, "map_b")
    assert a["legend"]["ticks"] == b["legend"]["ticks"]  # both in %: one scale
    obs = store.observations()
    year = a["year"]
    for view, ind in ((a, "fiscal_self_reliance_pct"), (b, "fiscal_autonomy_pct")):
        rows = obs[(obs["indicator"] == ind) & (obs["year"] == year)].set_index("region_code")["value"]
        drawn = dict(zip(view["codes"], view["value"][str(year)]))
        assert all(drawn[c] == pytest.approx(rows[c]) for c in view["codes"] if c in rows.index and pd.notna(rows[c]))


def test_risk_presenting_has_one_timeline_the_maps():
    """지방소멸 in presenter mode: the map's timeline is the page's year; the class counts draw every year
    with no year controls of their own (two would both write ?year=)."""
    at = run({"page": "risk", "presenter": "1"}, "risk_presenter")
    counts = chart_view(at, "risk_counts")
    assert counts["presenter"] is True and counts["reveal"] is False and counts["follow"] is False
    assert len(map_view(at, "risk_view")["years"]) > 1
