"""권역 (macro-regions) on the map and trend pages, under AppTest against the session's full build.

Expected values come from the raw files in data/raw/ (the GRDP CSV's own 시도 rows, the
경인지방통계청 indicator CSVs, the K-stat exports file), read here with the csv module, and the
geometry is checked against the 시도 geometry with shapely — never against the app's own tables.
"""
from __future__ import annotations

import csv

import pytest

from geo import regions, svgmap
from helpers.apptest import REFERENCE_SET, button_group, chart_view, drawn, map_view, run
from helpers.raw import MACRO, raw_grdp_nominal
from helpers.svgpaths import path_area_km2

GI_EMPLOYMENT = "kostat_gi/data/indicator_3-2-1.csv"  # 고용률, 전국 and the seven 권역
EXPORTS = "exports/kita_regional_yearly.csv"


def _areas(level: str) -> dict[str, float]:
    geo = svgmap.load()[REFERENCE_SET][level]
    return {c: path_area_km2(d, geo["quantum_m"]) for c, d in zip(geo["codes"], geo["paths"])}


# ---------------------------------------------------------------- geometry

def test_macro_geometry_is_the_dissolved_sido_coverage():
    """Each 권역 of the browser map covers exactly its 시도 (members by the raw file's names): its area
    is the sum of theirs, so no 시도 is missing, doubled or cut."""
    macro, sido = _areas("macro"), _areas("sido")
    assert list(macro) == regions.codes("macro") and len(macro) == 7
    for code, members in MACRO.items():
        codes = [c for c in regions.codes("sido") if regions.name(c, full=True) in members
                 or regions.name(c) in members]
        assert macro[code] == pytest.approx(sum(sido[c] for c in codes), rel=0.002), code
    assert sum(macro.values()) == pytest.approx(sum(sido.values()), rel=0.002)
    assert svgmap.load()[REFERENCE_SET]["macro"]["capital_outline"].count("M") >= 1


# ---------------------------------------------------------------- map page

@pytest.mark.parametrize("year", [2012, 2023])
def test_map_at_macro_draws_seven_raw_sums(raw_dir, year):
    raw = raw_grdp_nominal(raw_dir)
    expected = {code: sum(raw.get((n, year), 0.0) for n in names) for code, names in MACRO.items()}
    assert all(v > 0 for v in expected.values())
    at = run({"page": "map", "indicator": "grdp_nominal_krw_mn", "level": "macro", "year": str(year)})
    assert button_group(at, "w_map_level").value == "macro"
    view = map_view(at)
    assert view["year"] == year
    shown = drawn(view, year)
    assert sorted(shown) == sorted(MACRO)
    for code, value in expected.items():
        assert shown[code] == pytest.approx(value, rel=1e-12), code
    assert "권역" in view["subtitle"][str(year)]
    assert view["capital"][view["codes"].index("CR")] and sum(view["capital"]) == 1


def test_map_macro_level_round_trips_through_the_url():
    at = run({"page": "map", "indicator": "grdp_nominal_krw_mn", "level": "macro"})
    assert not at.warning
    assert at.query_params.get("level") in ("macro", ["macro"])
    level = button_group(at, "w_map_level")
    assert list(level.options) == ["권역", "시도", "시군구"]  # every level, coarse to fine
    level.set_value("sido").run()
    assert not at.exception
    assert len(map_view(at)["codes"]) == 17
    assert at.query_params.get("level") in (None, [], "")  # 시도 is the default: left out
    button_group(at, "w_map_level").set_value("macro").run()
    assert not at.exception
    assert at.query_params.get("level") in ("macro", ["macro"])
    assert sorted(drawn(map_view(at))) == sorted(MACRO)


def test_non_summable_ratio_at_macro_gives_way_and_says_why():
    """A link to a ratio without summable parts at 권역: the level stays, the indicator gives way to the
    level's default, and the note names the indicator, the levels it has and why it has no 권역 value."""
    at = run({"page": "map", "indicator": "fiscal_self_reliance_pct", "level": "macro"})
    assert button_group(at, "w_map_level").value == "macro"
    assert not at.warning
    info = " ".join(i.value for i in at.info)
    assert "재정자립도" in info and "권역 단위 값이 없어" in info and "시도" in info.split("값이 있는 단위:")[1]
    assert "비율" in info and "분자·분모" in info
    shown = at.selectbox(key="w_map_indicator").value
    assert shown != "fiscal_self_reliance_pct" and sorted(drawn(map_view(at))) == sorted(MACRO)
    assert "indicator" not in at.query_params


def test_level_change_keeps_every_level_and_offers_what_the_level_has():
    """시군구 chosen: the list holds exactly the indicators with 시군구 values in the built table (each
    option names one of them); 권역 then makes the 시군구 choice give way with a note, and every level's
    button is still there."""
    from indicators import catalog, store

    at = run({"page": "map", "level": "sigungu"})
    sel = at.selectbox(key="w_map_indicator")
    obs = store.observations()
    ids = set(obs.loc[(obs["region_code"].str.len() == 5) & obs["value"].notna(), "indicator"])
    names = {catalog.get(i).name_ko for i in ids if catalog.canonical_id(i)}
    assert len(sel.options) == len(names)
    assert all(any(n in label for n in names) for label in sel.options)
    sel.set_value("census_tfr").run()  # the census TFR: 시군구 values only
    assert not at.exception
    button_group(at, "w_map_level").set_value("macro").run()
    assert not at.exception
    assert list(button_group(at, "w_map_level").options) == ["권역", "시도", "시군구"]
    info = " ".join(i.value for i in at.info)
    assert catalog.get("census_tfr").name_ko in info and "권역 단위 값이 없어" in info
    assert at.selectbox(key="w_map_indicator").value != "census_tfr"


def test_exports_at_macro_names_the_missing_sido(raw_dir):
    with (raw_dir / EXPORTS).open(encoding="utf-8-sig", newline="") as f:
        present = {r["지역명"].strip() for r in csv.DictReader(f)} - {"전국"}
    at = run({"page": "map", "indicator": "exports_usd_th", "level": "macro"})
    info = " ".join(i.value for i in at.info)
    assert f"{len(present)}개 시도만" in info
    missing = info.split("빠진 시도:")[1].split(")")[0]
    assert "경기" in missing
    assert not any(name in missing.split("·") for name in present)


def test_gi_indicator_opens_at_macro_with_the_published_values(raw_dir):
    with (raw_dir / GI_EMPLOYMENT).open(encoding="utf-8-sig", newline="") as f:
        rows = [r for r in csv.DictReader(f)]
    year = max(int(r["Year"]) for r in rows)
    published = {r["지역"].split(".", 1)[1]: float(r["Value"]) for r in rows
                 if int(r["Year"]) == year and not r["지역"].startswith("0.")}
    assert len(published) == 7
    at = run({"page": "map", "indicator": "gi_employment_rate_pct"})
    level = button_group(at, "w_map_level")
    assert level.value == "macro"  # no 시도 values: opens at 권역 (every level still offered)
    assert at.selectbox(key="w_map_indicator").value == "gi_employment_rate_pct"
    view = map_view(at)
    assert {regions.name(c): v for c, v in drawn(view, year).items()} == pytest.approx(published)
    assert "경인지방통계청이 권역 단위로 집계해 공표한 값" in view["note"]  # published per 권역, not summed


def test_gi_indicators_listed_with_korean_names_units_and_source():
    from indicators import catalog

    at = run({"page": "map", "level": "macro"})  # published per 권역 only: offered at 권역
    sel = at.selectbox(key="w_map_indicator")
    gi = [o for o in sel.options if "특허" in o or "고용률" in o]
    assert gi, "gi_* indicators missing from the map's indicator list"
    ind = catalog.get("gi_patent_applications_per_1m")
    assert any(ind.name_ko in o and ind.unit_ko in o for o in sel.options)
    sel.set_value("gi_patent_applications_per_1m").run()
    assert "경인지방통계청" in map_view(at)["source"]


# ---------------------------------------------------------------- trends page

def test_trends_seven_macro_lines_with_capital_highlighted():
    at = run({"page": "trends", "indicator": "gi_patent_applications_per_1m"})
    assert button_group(at, "w_trends_view").value == "macro"  # no 비수도권 published: opens at 권역
    lines = {ln["name"]: ln for ln in chart_view(at)["lines"]}
    names = [regions.name(c) for c in regions.codes("macro")]
    assert all(n in lines for n in names)
    widths = {n: lines[n]["width"] for n in names}
    assert widths["수도권"] > max(w for n, w in widths.items() if n != "수도권")
    assert "7개 권역" in at.title[0].value


def test_trends_macro_share_lines_sum_to_100(raw_dir):
    raw = raw_grdp_nominal(raw_dir)
    at = run({"page": "trends", "indicator": "grdp_nominal_krw_mn", "view": "macro", "measure": "share"})
    assert at.query_params.get("view") in ("macro", ["macro"])
    names = {regions.name(c) for c in regions.codes("macro")}
    lines = [ln for ln in chart_view(at)["lines"] if ln["name"] in names]
    assert len(lines) == 7
    cr = next(t for t in lines if t["name"] == "수도권")
    year = 2023
    i = list(cr["x"]).index(year)
    total = sum(t["y"][i] for t in lines)
    assert total == pytest.approx(100.0, abs=1e-9)
    cr_raw = sum(raw[(n, year)] for n in MACRO["CR"])
    all_raw = sum(raw.get((n, year), 0.0) for names in MACRO.values() for n in names)
    assert cr["y"][i] == pytest.approx(cr_raw / all_raw * 100, rel=1e-9)


def test_trends_macro_view_without_macro_values_says_why():
    at = run({"page": "trends", "indicator": "navis_index_total", "view": "macro"})
    info = " ".join(i.value for i in at.info)
    assert "지수" in info and "권역" in info
