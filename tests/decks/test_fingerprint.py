"""A view slide's figures (indicators.views.fingerprint, ui.deckviews.keys_for), as pure functions on a small
observations table written here: one value where a key names one region, level and year; else a count and a hash
that changes with any value; the latest year said where the key asks for it; the keys a view of each page shows."""
from __future__ import annotations

import pandas as pd
import pytest

from indicators.views import fingerprint as fp
from indicators.views.fingerprint import ALL, LAST, FigureKey
from ui import deckviews

pytestmark = pytest.mark.unit

IND = "reg_extinction_risk_index"


def _obs(**changed: float) -> pd.DataFrame:
    rows = [("47730", 2015, 0.15), ("47730", 2023, 0.10), ("11680", 2015, 1.2), ("11680", 2023, 1.1),
            ("47", 2023, 0.4), ("12", 2023, None)]
    frame = pd.DataFrame([{"region_code": c, "year": y, "indicator": IND, "value": v, "boundary_set": "2026-07"}
                          for c, y, v in rows])
    other = frame.assign(indicator="reg_population_persons", value=1000.0)
    frame = pd.concat([frame, other, frame.assign(boundary_set="2024", value=9.0)], ignore_index=True)
    for key, value in changed.items():  # e.g. y2023_47730=0.2
        year, code = key[1:].split("_")
        frame.loc[(frame.region_code == code) & (frame.year == int(year)) & (frame.indicator == IND)
                  & (frame.boundary_set == "2026-07"), "value"] = value
    return frame


def test_one_value_is_its_number_and_the_latest_year_is_named():
    assert fp.figure_text(_obs(), FigureKey(IND, "2026-07", "sigungu", "2015", "47730")) == "0.15"
    assert fp.figure_text(_obs(), FigureKey(IND, "2026-07", "sigungu", LAST, "47730")) == "0.1 · 2023"
    assert fp.single_value("0.1 · 2023") == (0.1, 2023) and fp.single_value("0.15") == (0.15, None)
    assert fp.single_value("2023 · n=2 #abc") is None
    assert fp.figure_text(_obs(), FigureKey(IND, "2026-07", "sigungu", "2015", "26110")) is None  # none there


def test_many_values_are_counted_and_hashed_per_level_and_year():
    key = FigureKey(IND, "2026-07", "sigungu", "2023")
    text = fp.figure_text(_obs(), key)
    assert text.startswith("n=2 #")  # the two 시군구 of 2023: not the 시도, not another set or indicator
    assert fp.figure_text(_obs(), FigureKey(IND, "2026-07", "sido", "2023")).startswith("n=1 #")  # 12: no value
    assert fp.figure_text(_obs(y2023_47730=0.2), key) != text  # one value changed
    assert fp.figure_text(_obs(y2015_47730=0.2), key) == text  # another year's change is not this map's
    assert fp.figure_text(_obs(), FigureKey(IND, "2026-07", "sigungu", LAST)).startswith("2023 · n=2 #")
    assert fp.figure_text(_obs(), FigureKey(IND, "2026-07")).startswith("n=5 #")  # every level and year


def test_labels_read_back_and_a_pairs_side_is_dropped():
    key = FigureKey(IND, "2024", "sigungu", "2019", "47730")
    assert key.label == f"{IND}|2024|sigungu|2019|47730" and fp.parse_label(key.label) == key
    assert fp.parse_label("◀ " + key.label) == key and fp.parse_label("▶ " + key.label) == key
    assert fp.parse_label(FigureKey(ALL, "2026-07", "sigungu", ALL, "47730").label).indicator == ALL
    assert fp.parse_label("value") is None and fp.parse_label(f"{IND}|2024|sigungu|<b>|*") is None


@pytest.mark.parametrize("page,query,resolved,want", [
    ("map", {"year": "2015"}, {"indicator": IND, "level": "sigungu"},
     [f"{IND}|2024|sigungu|2015|*", f"{IND}|2024|sigungu|2015|47730"]),
    ("map", {}, {"indicator": IND, "level": "sigungu"},
     [f"{IND}|2024|sigungu|last|*", f"{IND}|2024|sigungu|last|47730"]),
    ("map", {"compare": "indicators"}, {"indicator": IND, "indicator2": "census_tfr", "level": "sido"},
     [f"{IND}|2024|sido|*|*", "census_tfr|2024|sido|*|*"]),
    ("trends", {}, {"indicator": "reg_population_persons"},
     ["reg_population_persons|2024|*|*|*", "reg_population_persons|2024|sigungu|*|47730"]),
    ("risk", {"year": "2020"}, {"risk_index": IND}, [f"{IND}|2024|sigungu|2020|*", f"{IND}|2024|sigungu|2020|47730"]),
    ("region", {"region": "47730"}, {"region": "47730"}, ["*|2024|sigungu|*|47730"]),
    ("composite", {}, {}, []),
])
def test_the_keys_of_each_pages_view(page, query, resolved, want):
    keys = deckviews.keys_for(page, query, resolved, "2024", "47730", "sigungu")
    assert [k.label for k in keys] == want
