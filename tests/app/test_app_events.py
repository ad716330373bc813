"""Policy events on the 추이 charts: every event year in the data's span has a numbered badge whose hover
lists every event of that year (date and full label, none cut), the x-axis ends at the data, on the trend
chart and the migration chart alike. Events are read here from seed_facts.csv
with the csv module (not through the app's loaders)."""
from __future__ import annotations

import csv
from collections import defaultdict

import pytest

from helpers import ROOT
from helpers.apptest import chart_view, run, series_of


def seed_events(lang: str) -> dict[int, list[tuple[str, str]]]:
    """Year → [(date, label)] of every policy event in the seed file."""
    out: dict[int, list[tuple[str, str]]] = defaultdict(list)
    with (ROOT / "indicators" / "seed_facts.csv").open(encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            if r["kind"] == "event" and r["date"]:
                label = r["label_en"] if lang == "en" and r["label_en"] else r["label_ko"]
                out[int(r["date"][:4])].append((r["date"], label))
    return out


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_event_of_a_year_is_in_its_hover(lang):
    at = run({"page": "trends", "indicator": "reg_population_persons", "measure": "share", "lang": lang},
             f"trends_events_{lang}")
    events = seed_events(lang)
    for key in ("trend_chart", "migration_chart"):  # the charts (ui.linechart): one mark per event year
        view = chart_view(at, key)
        years = [x for s in series_of(view) for x in s[2]]
        lo, hi = min(years), max(years)
        assert view["years"][0] == lo and view["years"][-1] == hi, key  # the axis ends at the data
        marks = {m["year"]: m for m in view["events"]}
        expected = {y for y in events if lo <= y <= hi}
        assert set(marks) == expected and expected, key
        numbers = [marks[y]["number"] for y in sorted(marks)]
        assert numbers == sorted(set(numbers)), key  # one number per year, in time order
        for year in expected:
            assert sorted(marks[year]["items"]) == sorted(f"{date} · {label}" for date, label in events[year]), year


def test_events_off_draw_no_badges():
    at = run({"page": "trends", "indicator": "reg_population_persons", "events": "false"}, "trends_no_events")
    assert not chart_view(at)["events"] and not chart_view(at, "migration_chart")["events"]
