"""Formatting takes `Indicator` objects: the figures come out as Korean readers write them, and a
page following one indicator looks it up once, not once per formatted value (issue 11)."""
from __future__ import annotations

import dataclasses

import pytest

import app_data
from indicators.schema import Indicator
from ui import format as fmt
from ui.context import Ctx
from ui.panels import region, trends

BASE = Indicator(id="probe", name_ko="시험 지표", name_en="Probe", unit="million KRW", unit_ko="백만원",
                 source="kosis_fiscal", category="economy")


@pytest.mark.parametrize(("unit", "unit_ko", "value", "lang", "expected"), [
    # 2,162,000,000 million KRW = 2.162 × 10^15 KRW = 2,162조 원 (조 = 10^12)
    ("million KRW", "백만원", 2_162_000_000, "ko", "2,162조 원"),
    ("million KRW", "백만원", 2_162_000_000, "en", "KRW 2,162 tn"),
    # 51,740,000 persons = 5,174만 명 (만 = 10^4)
    ("persons", "명", 51_740_000, "ko", "5,174만 명"),
    ("persons", "명", 51_740_000, "en", "51.74 mn persons"),
    ("%", "%", 50.123, "ko", "50.1%"),
])
def test_value_from_the_object(unit, unit_ko, value, lang, expected):
    ind = dataclasses.replace(BASE, unit=unit, unit_ko=unit_ko)
    assert fmt.value(value, ind, lang) == expected


def test_labels_and_sources_from_the_object():
    pct = dataclasses.replace(BASE, unit="%", unit_ko="%")
    assert fmt.delta(1.234, pct, "ko") == "+1.2%p"
    assert fmt.indicator_label(BASE, "ko") == "시험 지표 (백만원)"
    assert fmt.indicator_label(BASE, "en") == "Probe (million KRW)"
    src = app_data.catalogue().sources["kosis_fiscal"]
    assert fmt.source_line(BASE, "ko").startswith(f"출처: {src.cite.producer_ko}")
    assert fmt.value(float("nan"), BASE, "ko") == "자료 없음"


def test_an_id_still_works_for_the_map_module():
    """ui/maps/ (the lead's, being replaced) passes ids: looked up once per call."""
    ind = app_data.indicator("grdp_nominal_krw_mn")
    assert fmt.value(2_162_000_000, "grdp_nominal_krw_mn", "ko") == fmt.value(2_162_000_000, ind, "ko")
    assert fmt.source_line("grdp_nominal_krw_mn", "en") == fmt.source_line(ind, "en")


@pytest.fixture
def lookups(monkeypatch) -> list[str]:
    seen: list[str] = []
    original = app_data.indicator

    def counting(ind_id):
        seen.append(ind_id)
        return original(ind_id)

    monkeypatch.setattr(app_data, "indicator", counting)
    return seen


def test_a_trend_figure_formats_every_point_without_looking_up(lookups):
    ind = app_data.indicator("reg_population_persons")
    assert ind is not None and "reg_population_persons" in app_data.available_indicators()
    lookups.clear()
    view, table = trends.chart(Ctx("trends", "ko", False), ind, "level", ["26"], show_events=False)
    assert len(table) > 30  # a hover text per point, every one formatted with the object
    assert lookups == []


def test_the_region_table_looks_up_each_indicator_once(lookups):
    prof = app_data.region_profile("11")
    lookups.clear()
    tab = region.profile_table(Ctx("region", "ko", False), prof)
    assert len(tab) == len(prof) > 5
    assert sorted(lookups) == sorted(prof["indicator"])  # once per row (5 formatted values each)
