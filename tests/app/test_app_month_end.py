"""Month ends as their own dates: 지방소멸's '최신 월말 기준' and 지역's '최신 월말 수치'.

Every expected figure is computed here from the raw MOIS exports with pandas (`helpers.raw`: women 20–39 ÷
65+ of the June 2025 files and of the July 2026 excerpt), never read from the build or the code under
test; the KEIS class bounds are written out here. And no month end is a year: the page's year map and the
region's year tables hold only the year series' years, the 2025 cell of 전남광주 is December's (read from
the December export), never a June or July figure.
"""
from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from geo import regions
from helpers.apptest import button_group, map_view, run, table
from helpers.raw import mois_table, month_end_july_2026, month_end_june_2025
from indicators import store

SECTION = "최신 월말 기준"
KEIS = [(0.2, "고위험"), (0.5, "위험진입"), (1.0, "주의"), (1.5, "보통"), (float("inf"), "소멸 저위험")]
EXCERPT = ["12", "28", "28125", "28155", "28275", "28290"]  # the rows of the July 2026 excerpt
DECEMBER_2025 = "population/mois_monthly/202512_202512_연령별인구현황_월간_계.csv"


def keis(index: float) -> str:
    return next(name for bound, name in KEIS if index < bound)


def month_table(at) -> pd.DataFrame:
    """The section's table (its frame: codes, index rounded as shown, class, parts)."""
    return table(at, "risk_month_table").value


def metrics(at) -> dict[str, tuple[str, str]]:
    return {m.label: (m.value, m.delta) for m in at.metric}


def test_risk_page_opens_on_the_latest_month_end_of_every_district():
    """Korean, no parameter but the page: the section is there, on 2025년 6월 말 (the latest month end
    with every 시군구), its three month ends offered by date and coverage; its map is one period labelled
    with the date — no year, no timeline."""
    at = run({"page": "risk"}, label="risk month end", boundary_set=None)
    assert SECTION in [h.value for h in at.subheader]
    picker = button_group(at, "w_risk_month")
    assert picker.value == "2025-06"
    assert list(picker.options) == ["2025년 6월 말 — 시군구", "2026년 6월 말 — 시도",
                                                   "2026년 7월 말 — 발췌, 6개 지역"]
    assert "소멸위험 시군구 수 (2025년 6월 말)" in metrics(at)
    view = map_view(at, "risk_month_view")
    assert view["years"] == ["2025-06"] and view["year"] == "2025-06"
    assert view["year_text"] == {"2025-06": "2025년 6월 말"}
    assert "2025년 6월 말" in view["title"]
    assert "2025년 6월 말 · 2026년 7월 경계 · 단위: 배" in view["subtitle"]["2025-06"]
    assert "행정안전부 주민등록 인구통계, 연령별 인구현황, 2025년 6월 말" in view["source"]
    assert "csv" not in view and view["url_keys"] is False  # its CSV carries the date; the year map owns ?year=


def test_june_2025_on_the_end_2024_set_equals_the_raw_files(raw_dir):
    """Each 시군구's index (map: as computed; table: rounded as shown), its class and the at-risk count,
    from the June 2025 exports read here."""
    codes = regions.codes("sigungu", "2024")
    raw = month_end_june_2025(raw_dir, codes)
    at = run({"page": "risk"}, label="risk month end 2024")
    drawn = dict(zip(map_view(at, "risk_month_view")["codes"], map_view(at, "risk_month_view")["value"]["2025-06"]))
    assert drawn.keys() == set(codes)
    assert all(drawn[c] == pytest.approx(raw.at[c, "index"], rel=1e-12) for c in codes)
    table = month_table(at).set_index("region_code")
    assert table.loc[codes, "extinction_risk_index"].tolist() == raw["index"].round(3).tolist()
    assert table.loc[codes, "risk_class"].tolist() == [keis(v) for v in raw["index"]]
    assert table.loc[codes, "female_20_39"].tolist() == raw["women_20_39"].tolist()
    count = metrics(at)["소멸위험 시군구 수 (2025년 6월 말)"][0]
    assert count == f"{int((raw['index'] < 0.5).sum()):,}"


def test_picking_july_2026_shows_the_excerpt_regions(raw_dir):
    """On today's set, 2026년 7월 말 picked: 전남광주 (12), 인천 and its four new 구, each with women 20–39 ÷
    65+ of the excerpt; no count and no map (a few regions), the excerpt said; the choice in the URL."""
    raw = month_end_july_2026(raw_dir)
    assert sorted(raw.index) == sorted(EXCERPT)
    at = run({"page": "risk"}, label="risk month end first", boundary_set=None)
    button_group(at, "w_risk_month").set_value("2026-07").run()
    assert not at.exception and not at.error
    table = month_table(at).set_index("region_code")
    assert sorted(table.index) == sorted(EXCERPT)
    for code in EXCERPT:
        assert table.at[code, "extinction_risk_index"] == round(raw.at[code, "index"], 3), code
        assert table.at[code, "risk_class"] == keis(raw.at[code, "index"]), code
        assert table.at[code, "population"] == raw.at[code, "population"], code
    assert table.at["12", "region"] == "전남광주통합특별시" and table.at["28155", "region"] == "인천 영종구"
    assert not any(k.startswith("소멸위험 시군구 수") for k in metrics(at))
    assert any("발췌 자료" in i.value for i in at.info)
    assert "risk_month_view" not in " ".join(e.proto.id for e in at.get("bidi_component"))
    assert at.query_params.get("month") in ("2026-07", ["2026-07"])


def test_no_month_end_in_any_year_series(raw_dir):
    """The year map's timeline and the counts chart hold the year series' years only (no 2026, no period),
    and 전남광주's yearly table gives 2025 as December 2025 (광주 + 전남 of the December export), not a
    June or July figure; the month-end figures stand apart, labelled with their dates."""
    obs = store.observations(boundary_set="2026-07")
    at = run({"page": "risk", "month": "2026-07"}, label="risk month end year series", boundary_set=None)
    years_map = map_view(at, "risk_view")["years"]
    assert all(isinstance(y, int) for y in years_map) and max(years_map) <= int(obs["year"].max()) < 2026
    for fig in at.get("plotly_chart"):
        for trace in json.loads(fig.proto.spec)["data"]:
            xs = [str(x) for x in trace.get("x") or []]
            assert not any(x.startswith("2026") or re.fullmatch(r"\d{4}-\d{2}", x) for x in xs), xs

    region = run({"page": "region", "region": "12"}, label="region 12 year series", boundary_set=None)
    series = table(region, "region_series").value
    assert series["year"].max() <= 2025 and 2026 not in set(series["year"])
    december = mois_table(raw_dir / DECEMBER_2025, "cp949")
    gwangju_jeonnam = int(december.loc[["2900000000", "4600000000"], "2025년12월_계_총인구수"].sum())
    cell = series.loc[series["year"] == 2025, "reg_population_persons"].iloc[0]
    assert int(cell) == gwangju_jeonnam
    assert gwangju_jeonnam != month_end_july_2026(raw_dir).at["12", "population"]
    profile = table(region, "region_profile").value
    assert set(profile["year"]) <= set(series["year"])


@pytest.mark.parametrize("code", ["12", "28155"])
def test_region_profile_shows_its_newer_month_end_labelled(raw_dir, code):
    """전남광주 (12) and 영종구 (28155): population, index (with its class) and its parts of 2026년 7월 말, from
    the excerpt, each labelled with that date, beside the year series."""
    raw = month_end_july_2026(raw_dir)
    at = run({"page": "region", "region": code}, label=f"region {code} month end", boundary_set=None)
    figures = table(at, "region_month_table").value
    shown = dict(zip(figures["수치 (기준 시점)"], figures["값"]))
    assert shown["주민등록인구 (2026년 7월 말)"] == f"{raw.at[code, 'population']:,}명"
    index = raw.at[code, "index"]
    assert shown["지방소멸위험지수 (2026년 7월 말)"] == f"{index:.3f}배 ({keis(index)})"
    assert shown["20~39세 여성 인구 (2026년 7월 말)"] == f"{raw.at[code, 'women_20_39']:,}명"
    assert shown["65세 이상 인구 (2026년 7월 말)"] == f"{raw.at[code, 'age65plus']:,}명"
    assert "2026" not in " ".join(figures["연도 계열 최신"])  # the year series ends before
    note = " ".join(c.value for c in at.caption)
    assert "행정안전부 주민등록 인구통계, 연령별 인구현황 (2026년 7월 말" in note and "2026년 7월 경계" in note
