"""지역 브리핑's pure parts on tiny inputs: which indicators head a brief, the 수도권 rows of a gaps table, a
designation, the vintages behind a figure, the build's date (indicators/views/brief.py); the locator's path
reading, coarsening and framing (ui/locator.py); the sheet's escaping (ui/briefsheet.py)."""
from __future__ import annotations

import math

import pandas as pd

from indicators.views import brief as bv
from ui import briefsheet as bs
from ui import locator


def test_brief_codes_are_capital_then_every_unit_of_the_set_without_unions():
    codes = bv.brief_codes("2026-07")
    assert codes[0] == "capital"
    assert len(codes) == 1 + 16 + 230
    assert "47730" in codes and "12" in codes and "28U01" not in codes
    assert len(bv.brief_codes("2024")) == 1 + 17 + 229


def test_headlines_keep_their_order_and_only_what_the_region_has():
    have = ["land_area_km2", "census_tfr", "reg_population_persons", "not_an_indicator"]
    assert bv.headline_ids("sigungu", have) == ["reg_population_persons", "census_tfr", "land_area_km2"]
    assert bv.headline_ids("nation", have) == []
    assert bv.risk_ids(["reg_extinction_risk_index", "res_extinction_risk_index", "cen2010_extinction_risk_index"]) \
        == ["res_extinction_risk_index", "reg_extinction_risk_index"]


def test_risk_class_follows_the_keis_bounds():
    assert [bv.risk_class(v) for v in (0.09, 0.2, 0.49, 0.5, 1.0, 1.49, 1.5, 3)] == [0, 1, 1, 2, 3, 3, 4, 4]
    assert bv.risk_class(float("nan")) is None


def test_latest_gaps_takes_each_indicators_last_year_with_a_value():
    gaps = pd.DataFrame({
        "indicator": ["a", "a", "a", "b"], "year": [2020, 2021, 2022, 2021],
        "capital_value": [1.0, 2.0, 3.0, 5.0], "noncapital_value": [1.0, 2.0, 1.0, 5.0],
        "national_value": [2.0, 4.0, 4.0, 10.0], "capital_share_pct": [50.0, 50.0, None, 50.0]})
    out = bv.latest_gaps(gaps, ("b", "a", "missing"), "capital_share_pct")
    assert out["indicator"].tolist() == ["b", "a"]
    a = out.iloc[1]
    assert a["year"] == 2021 and a["capital_value"] == 2.0 and a["years"] == [2020, 2021]
    same = bv.latest_gaps(gaps, ("a",), "capital_value")  # a value column as the series: one column, not two
    assert list(same.columns).count("capital_value") == 1 and same.iloc[0]["values"] == [1.0, 2.0, 3.0]


def test_designation_of_a_district_and_the_count_in_a_province():
    desig = pd.DataFrame({"region_code": ["47730", "47750", "47170", "11110"],
                          "designation": ["decline", "decline", "interest", "interest"],
                          "notice": ["행정안전부 고시 제2021-66호"] * 4, "notice_date": ["2021-10-19"] * 4})
    assert bv.designation(desig, "47730")["designation"] == "decline"
    assert bv.designation(desig, "47111") is None
    assert bv.designated_in(desig, "47") == {"decline": 2, "interest": 1}
    assert bv.designated_in(desig, "26") == {"decline": 0, "interest": 0}


def test_vintages_follow_a_derived_indicator_to_its_inputs_files():
    lineage = [
        {"indicator": "pop", "file": "old.csv", "vintage": "2020-12-31", "years": [2019, 2020]},
        {"indicator": "pop", "file": "new.csv", "vintage": "2025-12-31", "years": [2025]},
        {"indicator": "old", "file": "o.csv", "vintage": "2025-06-30", "years": [2025]},
        {"indicator": "ratio", "inputs": ["pop", "old"]},
    ]
    assert bv.vintages(lineage, "pop", 2025) == ["2025-12-31"]
    assert bv.vintages(lineage, "pop", 2020) == ["2020-12-31"]
    assert bv.vintages(lineage, "ratio", 2025) == ["2025-12-31", "2025-06-30"]
    assert bv.vintages(lineage + [{"indicator": "twice", "inputs": ["pop", "pop"]}], "twice", 2025) == ["2025-12-31"]
    assert bv.vintages(lineage, "pop", 1990) == []


def test_build_date_is_the_ids_utc_day():
    assert bv.build_date(20261207023807078471) == "2026-12-07"
    assert bv.build_date(0) == "" and bv.build_date(12345) == ""


SQUARE = "M0 0l100 0 0 100-100 0z"  # a 100 × 100 ring on the grid, counter-clockwise in screen terms


def test_rings_read_relative_moves_back_to_points():
    assert locator.rings("M10 20l5 0 0-5-5 0zM100 100l1 1 1-1z") == [
        [(10, 20), (15, 20), (15, 15), (10, 15)], [(100, 100), (101, 101), (102, 100)]]
    assert locator.box([SQUARE, "M200 50l10 0 0 10z"]) == (0, 0, 210, 100)


def test_coarse_keeps_shapes_and_drops_what_falls_under_a_cell():
    assert locator.coarse(SQUARE, 10) == "M0 0l10 0 0 10-10 0z"
    wiggly = "M0 0l50 1 50-1 0 100-100 0z"  # a bump of 1 cell: under the tolerance once ten times coarser
    assert locator.coarse(wiggly, 10) == "M0 0l10 0 0 10-10 0z"
    assert locator.coarse("M0 0l4 0 0 4-4 0z", 10) == ""  # an islet under a cell
    assert locator.coarse(SQUARE, 10, within=(500, 500, 600, 600)) == ""  # outside the drawing
    assert locator.coarse(SQUARE, 10, origin=(50, 50)).startswith("M-5 -5")


def test_frame_leaves_out_far_islets_but_never_the_highlighted_area():
    mainland, near_island, far_island = SQUARE, "M110 0l30 0 0 30-30 0z", "M900 900l30 0 0 30-30 0z"
    assert locator.frame([mainland, near_island, far_island]) == (0, 0, 140, 100)
    assert locator.frame([mainland, far_island], [far_island]) == (0, 0, 930, 930)
    assert locator.frame([mainland, far_island], near=None) == (0, 0, 930, 930)


def test_drawing_is_an_svg_of_the_areas_at_its_width_with_a_title():
    svg = locator.drawing([({"a": SQUARE, "b": "M100 0l100 0 0 100-100 0z"}, {"a": "#111111", "b": "#eeeeee"}, "#fff")],
                          (0, 0, 200, 100), "<위치>", 120, units=40)
    assert svg.startswith('<svg class="bal-locator"') and 'width="120"' in svg
    assert svg.count("<path") == 2 and 'fill="#111111"' in svg
    assert "<title>&lt;위치&gt;</title>" in svg
    w, h = (int(x) for x in svg.split('viewBox="0 0 ')[1].split('"')[0].split())
    assert math.isclose(w / h, 208 / 108, rel_tol=0.1)


def test_sheet_text_is_escaped_and_markup_passes_once():
    cell = bs.tag("td", "<b>1:2 $3</b>", "value", data_id='x"y')
    assert cell == '<td class="value" data-id="x&quot;y">&lt;b&gt;1&#58;2 &#36;3&lt;/b&gt;</td>'
    assert bs.tag("div", bs.Html("<i>kept</i>")) == "<div><i>kept</i></div>"
    assert bs.esc("two\nlines") == "two lines"  # a newline would end Markdown's HTML block
    table = bs.table([bs.Column("name", "지표", left=True), bs.Column("value", "값")],
                     [{"id": "pop", "name": "인구", "value": "47,902명"}], key="t")
    row = '<tr data-id="pop"><td class="name l">인구</td><td class="value"><span class="nw">47,902명</span></td></tr>'
    assert row in table
    assert "\n" not in table
    assert bs.figure_text("2,608만 명") == '<span class="nw">2,608만 명</span>'  # short figures stay whole
    assert bs.figure_text("126.5 per 1,000 persons") == "126.5 per 1,000 persons"  # long ones may wrap
