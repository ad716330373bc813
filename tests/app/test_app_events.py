"""Policy events on the 추이 charts: every event year in the data's span has a numbered badge whose hover
lists every event of that year (date and full label, none cut), the x-axis ends at the data, and the
migration chart's event lines are labelled the same way. Events are read here from seed_facts.csv
with the csv module (not through the app's loaders)."""
from __future__ import annotations

import base64
import csv
from collections import defaultdict

import numpy as np
import pytest

from helpers import ROOT
from helpers.apptest import chart_view, main_spec, run


def seed_events(lang: str) -> dict[int, list[tuple[str, str]]]:
    """Year → [(date, label)] of every policy event in the seed file."""
    out: dict[int, list[tuple[str, str]]] = defaultdict(list)
    with (ROOT / "indicators" / "seed_facts.csv").open(encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            if r["kind"] == "event" and r["date"]:
                label = r["label_en"] if lang == "en" and r["label_en"] else r["label_ko"]
                out[int(r["date"][:4])].append((r["date"], label))
    return out


def badges(spec: dict) -> dict[int, dict]:
    """Year → the event badge annotation (named event_<year>)."""
    return {int(a["name"].split("_")[1]): a for a in spec["layout"].get("annotations", [])
            if str(a.get("name", "")).startswith("event_")}


def values(arr) -> list:
    """A trace array as sent (a list, or plotly's typed {'dtype', 'bdata'} base64 block)."""
    if isinstance(arr, dict):
        return np.frombuffer(base64.b64decode(arr["bdata"]), dtype=np.dtype(arr["dtype"])).tolist()
    return list(arr)


def data_years(spec: dict) -> tuple[int, int]:
    """First and last year of the data traces (the quoted-figure diamonds excluded)."""
    xs = [x for t in spec["data"] if t.get("mode") != "markers+text" for x in values(t.get("x", []))]
    return int(min(xs)), int(max(xs))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_event_of_a_year_is_in_its_hover(lang):
    at = run({"page": "trends", "indicator": "reg_population_persons", "measure": "share", "lang": lang},
             f"trends_events_{lang}")
    events = seed_events(lang)
    view = chart_view(at)  # the trend chart (ui.linechart): one mark per event year of the data's years
    years = [x for ln in view["lines"] for x in ln["x"]]
    lo, hi = min(years), max(years)
    assert view["years"][0] == lo and view["years"][-1] == hi  # the axis ends at the data
    marks = {m["year"]: m for m in view["events"]}
    expected = {y for y in events if lo <= y <= hi}
    assert set(marks) == expected and expected
    numbers = [marks[y]["number"] for y in sorted(marks)]
    assert numbers == sorted(set(numbers))  # one number per year, in time order
    for year in expected:
        assert sorted(marks[year]["items"]) == sorted(f"{date} · {label}" for date, label in events[year]), year
    for key in ("migration_chart",):
        spec = main_spec(at, key)
        lo, hi = data_years(spec)
        assert spec["layout"]["xaxis"]["range"] == [lo - 0.5, hi + 0.5], key  # the axis ends at the data
        marks = badges(spec)
        expected = {y for y in events if lo <= y <= hi}
        assert set(marks) == expected and expected, key
        numbers = [int(marks[y]["text"]) for y in sorted(marks)]
        assert numbers == sorted(set(numbers)), key  # one number per year, in time order
        for year in expected:
            hover = marks[year]["hovertext"]
            for date, label in events[year]:
                assert f"{date} · {label}" in hover, (key, year, label)
            assert hover.count("<br>") == len(events[year])  # the year, then one line per event
        shapes = [s for s in spec["layout"]["shapes"] if s.get("line", {}).get("dash") == "dot"
                  and s.get("yref") == "paper"]
        assert {int(s["x0"]) for s in shapes} == expected, key  # every event line has its badge


def test_events_off_draw_no_badges():
    at = run({"page": "trends", "indicator": "reg_population_persons", "events": "false"}, "trends_no_events")
    assert not chart_view(at)["events"] and not badges(main_spec(at, "migration_chart"))
