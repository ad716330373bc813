"""The deck's records and JSON form (decks.model): a round trip gives the same deck and the same text;
every broken file is refused with one error naming the slide (or the deck) and the field; a later
build's figures are compared with the saved ones."""
from __future__ import annotations

import copy
import dataclasses
import json
import re

import pandas as pd
import pytest

from decks import model
from decks.model import Callout, DeckError, FigureChange, ViewSlide, changed_figures, dumps, from_json, loads
from geo.regions import level_of

pytestmark = pytest.mark.unit


def test_json_round_trip_gives_the_same_deck_and_text(deck, pages):
    obj = deck.to_json()
    assert [s["kind"] for s in obj["slides"]] == ["cover", "headline", "view", "view", "view", "view", "view", "pair"]
    assert from_json(obj, pages) == deck
    assert from_json(json.loads(json.dumps(obj)), pages).to_json() == obj
    text = dumps(deck)
    assert loads(text, pages) == deck
    assert dumps(loads(text, pages)) == text
    pretty = dumps(deck, indent=2)
    assert loads(pretty, pages) == deck and loads(pretty.encode("utf-8-sig"), pages) == deck
    assert "지역 격차 포럼" in text  # Korean kept as text, not escaped


def test_records_are_frozen(deck):
    with pytest.raises(dataclasses.FrozenInstanceError):
        deck.title = "x"
    with pytest.raises(TypeError):
        deck.slides[2].query["year"] = "2000"  # a view's settings are read-only too
    assert isinstance(deck.slides, tuple)


def _slide(obj: dict, number: int) -> dict:
    return obj["slides"][number - 1]


# (what is broken, the edit of the deck's JSON, the message's start: 'slide N' or 'deck', then the field)
BROKEN = [
    ("unknown kind", lambda o: _slide(o, 3).update(kind="chart"),
     "slide 3: 'kind' must be one of cover, headline, view, pair (got 'chart')"),
    ("missing field", lambda o: _slide(o, 3).pop("page"), "slide 3: 'page' is missing"),
    ("extra field", lambda o: _slide(o, 1).update(colour="red"), "slide 1: 'colour' is not a field of a cover slide"),
    ("year as text", lambda o: _slide(o, 2).update(year="2024"), "slide 2: 'year' must be a whole number from 1900"),
    ("year as true", lambda o: _slide(o, 2).update(year=True), "slide 2: 'year' must be a whole number"),
    ("year out of range", lambda o: _slide(o, 2).update(year=20240), "slide 2: 'year' must be a whole number"),
    ("unknown page", lambda o: _slide(o, 3).update(page="admin"), "slide 3: 'page' must be one of overview, map"),
    ("unknown level", lambda o: _slide(o, 2).update(level="county"), "slide 2: 'level' must be one of nation, group"),
    ("bad region", lambda o: _slide(o, 2).update(region="1"), "slide 2: 'region' must be a region code"),
    ("query value markup", lambda o: _slide(o, 4)["query"].update(indicator="<script>"),
     "slide 4: 'query' value of 'indicator' must be at most 100 of the characters"),
    ("query value too long", lambda o: _slide(o, 4)["query"].update(indicator="a" * 101),
     "slide 4: 'query' value of 'indicator' must be"),
    ("query key", lambda o: _slide(o, 4)["query"].update({"Bad Key": "1"}), "slide 4: 'query' key 'Bad Key' must be"),
    ("query value a number", lambda o: _slide(o, 4)["query"].update(year=2019),
     "slide 4: 'query' value of 'year' must be a string (got a number)"),
    ("query a list", lambda o: _slide(o, 5).update(query=["year=2024"]), "slide 5: 'query' must be an object"),
    ("query too large", lambda o: _slide(o, 5).update(query={f"k{i}": "1" for i in range(31)}),
     "slide 5: 'query' must have at most 30 entries"),
    ("title too long", lambda o: _slide(o, 5).update(title="가" * 201),
     "slide 5: 'title' must be at most 200 characters (got 201)"),
    ("title with a newline", lambda o: _slide(o, 5).update(title="a\nb"), "slide 5: 'title' must be one line"),
    ("title a number", lambda o: _slide(o, 6).update(title=7), "slide 6: 'title' must be a string"),
    ("figure text a number", lambda o: _slide(o, 3)["figures"].update({"의성군": 0.09}),
     "slide 3: 'figures' value of '의성군' must be a string"),
    ("figure label empty", lambda o: _slide(o, 3)["figures"].update({"": "1"}), "slide 3: 'figures' key '' must not"),
    ("callout region", lambda o: _slide(o, 3)["callout"].update(region="47-730"),
     "slide 3: 'callout.region' must be a region code"),
    ("callout extra", lambda o: _slide(o, 4)["callout"].update(colour="red"),
     "slide 4: 'callout.colour' is not a field of a callout"),
    ("callout empty", lambda o: _slide(o, 4).update(callout={"region": None, "label": None}),
     "slide 4: 'callout' must give a 'region', a 'label' or both"),
    ("pair side page", lambda o: _slide(o, 8)["left"].update(page="nope"), "slide 8: 'left.page' must be one of"),
    ("pair side query", lambda o: _slide(o, 8)["right"]["query"].update(year="20 24"),
     "slide 8: 'right.query' value of 'year' must be"),
    ("pair callout empty", lambda o: _slide(o, 8)["right"].update(callout={"region": None, "label": None}),
     "slide 8: 'right.callout' must give"),
    ("pair caption missing", lambda o: _slide(o, 8)["left"].pop("caption"), "slide 8: 'left.caption' is missing"),
    ("pair side not an object", lambda o: _slide(o, 8).update(right="map"),
     "slide 8: 'right' must be an object (got a string)"),
    ("bad date", lambda o: _slide(o, 1).update(date="2026-13-01"), "slide 1: 'date' must be a date like"),
    ("build id", lambda o: _slide(o, 7).update(build="../x y"), "slide 7: 'build' must be a build id or ''"),
    ("slide id", lambda o: _slide(o, 7).update(id="a b"), "slide 7: 'id' must be a slide id"),
    ("duplicate slide id", lambda o: _slide(o, 4).update(id="view0001"),
     "slide 4: 'id' 'view0001' is slide 3's id too"),
    ("slide not an object", lambda o: o["slides"].__setitem__(5, "view"),
     "slide 6: a slide must be an object (got a string)"),
    ("too many slides", lambda o: o["slides"].extend(
        copy.deepcopy(_slide(o, 6)) | {"id": f"more{i:04d}"} for i in range(53)),
     "deck: 'slides' must have at most 60 entries (got 61)"),
    ("format", lambda o: o.update(format="pptx"), "deck: 'format' must be 'balance-deck/1' (got 'pptx')"),
    ("deck extra field", lambda o: o.update(owner="me"), "deck: 'owner' is not a field of a deck"),
    ("deck title missing", lambda o: o.pop("title"), "deck: 'title' is missing"),
    ("created", lambda o: o.update(created="yesterday"), "deck: 'created' must be a UTC time"),
    ("version", lambda o: o.update(version=-1), "deck: 'version' must be a whole number from 0"),
    ("deck id", lambda o: o.update(id="short"), "deck: 'id' must be a deck id"),
]


@pytest.mark.parametrize(("edit", "message"), [(e, m) for _, e, m in BROKEN], ids=[n for n, _, _ in BROKEN])
def test_a_broken_deck_names_the_slide_and_the_field(deck, pages, edit, message):
    obj = deck.to_json()
    edit(obj)
    with pytest.raises(DeckError) as err:
        from_json(obj, pages)
    assert str(err.value).startswith(message), str(err.value)
    with pytest.raises(DeckError) as err:  # the same through the file's text
        loads(json.dumps(obj), pages)
    assert str(err.value).startswith(message)


def test_a_broken_file_says_why(deck, pages):
    good = dumps(deck)
    cases = {
        good[:-3]: r"deck: not JSON \(line 1, column \d+: ",
        good.replace('"title":', '"title":"x","title":', 1): r"deck: not valid JSON \(the key 'title' appears twice",
        good.replace('"year":2024', '"year":NaN'): r"deck: not valid JSON \(NaN is not a JSON number",
        "[]": r"deck: a deck must be an object \(got a list\)",
        "": r"deck: not JSON \(line 1, column 1",
        " " * 1_000_001: r"deck: the file is 1,000,001 bytes; a deck file is at most 1,000,000",
    }
    for text, pattern in cases.items():
        with pytest.raises(DeckError) as err:
            loads(text, pages)
        assert re.match(pattern, str(err.value)), str(err.value)
    with pytest.raises(DeckError, match=r"deck: the file is not UTF-8 text"):
        loads(good.encode("utf-16"), pages)


def test_received_values_are_shown_short_and_plain(deck, pages):
    obj = deck.to_json()
    _slide(obj, 3)["page"] = "\x1b[31m" + "x" * 500
    with pytest.raises(DeckError) as err:
        from_json(obj, pages)
    message = str(err.value)
    assert "\x1b" not in message and len(message) < 200 and message.endswith("…)")


def test_a_deck_made_in_code_is_checked_as_its_json(deck, pages):
    assert model.check(deck, pages) == deck
    bad = model.with_slides(deck, deck.slides + (ViewSlide("view0009", "x", "admin"),))
    with pytest.raises(DeckError, match=r"^slide 9: 'page' must be one of"):
        model.check(bad, pages)
    with pytest.raises(DeckError, match=r"^slide 1: 'callout' must give"):
        model.check(model.with_slides(deck, (ViewSlide("view0009", "x", "map", callout=Callout()),)), pages)


def test_the_pages_are_the_callers(deck):
    with pytest.raises(DeckError, match=r"^slide 3: 'page' must be one of region \(got 'map'\)$"):
        from_json(deck.to_json(), ("region",))


def test_region_codes_and_levels_are_the_registrys():
    for code in ("00", "11", "47730", "28U01", "CR", "NC", "HN", "12"):
        assert re.fullmatch(model.REGION_CODE, code), code
    for code in ("1", "123", "cr", "47730 ", "1111a"):
        assert not re.fullmatch(model.REGION_CODE, code), code
    levels = set(level_of(pd.Series(["00", "CR", "NC", "CC", "JJ", "11", "47730", "28U01"])))
    assert levels == set(model.LEVELS)


def test_new_ids_are_short_and_url_safe():
    ids = {model.new_id() for _ in range(200)}
    assert len(ids) == 200
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{8}", i) and re.fullmatch(model.DECK_ID, i) for i in ids)
    assert re.fullmatch(model.SLIDE_ID, model.new_slide_id())


def test_changed_figures_lists_what_a_later_build_shows_otherwise(deck):
    cover, headline, view1, view2, _, view4, _, pair = deck.slides
    current = {
        cover.id: {},  # a cover has no figures
        headline.id: {"value": "50.9%"},  # changed
        view1.id: {"의성군": "0.09", "전국": "0.61", "군위군": "0.1"},  # the same (a new figure is not a change)
        view2.id: {"2019": "50.0%"},  # '2024' no longer shown
        view4.id: {},  # nothing saved, nothing to compare
        pair.id: {"왼쪽 2000 수도권": "46.4%", "오른쪽 2024 수도권": "50.8%"},
        # slides 5 and 7 not in `current`: not compared
    }
    build = deck.slides[1].build
    assert changed_figures(deck, current) == (
        FigureChange(2, headline.id, "value", "50.8%", "50.9%", build),
        FigureChange(4, view2.id, "2024", "50.8%", None, build),
        FigureChange(8, pair.id, "왼쪽 2000 수도권", "46.3%", "46.4%", build),
    )
    same = {s.id: dict(model.snapshot_of(s)) for s in deck.slides}
    assert changed_figures(deck, same) == ()
    assert changed_figures(deck, {}) == ()
