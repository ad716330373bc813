"""The deck page's edits (decks.edits) and the slide addresses (ui.deckurls), as pure functions: an edit names
its slide by id and leaves every other slide as it was; a view slide keeps every setting of the page's
address but the app's mode keys, and names back what the deck format cannot hold."""
from __future__ import annotations

import urllib.parse

import pytest

from decks import edits
from decks.model import MAX_SLIDES, Callout, CoverSlide, DeckError, PairSlide, check, with_slides
from ui import deckurls

pytestmark = pytest.mark.unit


def ids(deck) -> list[str]:
    return [s.id for s in deck.slides]


def test_move_up_and_down_stops_at_the_ends(deck):
    start = ids(deck)
    down = edits.move(deck, "view0001", 1)
    assert ids(down) == start[:2] + ["view0002", "view0001"] + start[4:]
    assert ids(edits.move(deck, "cover001", -1)) == start  # the first stays first
    assert ids(edits.move(deck, "pair0001", 1)) == start
    assert ids(edits.move(edits.move(deck, "head0001", 1), "head0001", -1)) == start
    assert sorted(down.slides, key=lambda s: s.id) == sorted(deck.slides, key=lambda s: s.id)  # slides unchanged


def test_delete_and_replace_touch_one_slide(deck):
    gone = edits.delete(deck, "view0003")
    assert ids(gone) == [i for i in ids(deck) if i != "view0003"]
    old = deck.slides[3]
    new = edits.replace_slide(deck, type(old)(old.id, "새 제목", old.page, old.query, Callout(label="2024 = 50.8%")))
    assert new.slides[3].title == "새 제목" and new.slides[3].callout.label == "2024 = 50.8%"
    assert new.slides[:3] == deck.slides[:3] and new.slides[4:] == deck.slides[4:]
    with pytest.raises(DeckError, match="no slide has the id 'missing1'"):
        edits.delete(deck, "missing1")


def test_append_gives_a_fresh_id_and_respects_the_cap(deck, pages):
    twin = CoverSlide(deck.slides[0].id, "둘째 표지")
    grown = edits.append(deck, twin)
    assert len(grown.slides) == 9 and grown.slides[-1].id not in ids(deck)
    check(grown, pages)  # still a valid deck
    full = with_slides(deck, [CoverSlide(f"c{i:04d}", "표지") for i in range(MAX_SLIDES)])
    with pytest.raises(DeckError, match=f"at most {MAX_SLIDES} slides"):
        edits.append(full, CoverSlide("", "하나 더"))


def test_callout_from_the_form():
    assert edits.callout("", "  ") is None and edits.callout(None, None) is None
    assert edits.callout("47730", "") == Callout("47730", None)
    assert edits.callout(None, " 2019 = 50.0% ") == Callout(None, "2019 = 50.0%")


def test_a_pair_of_two_view_slides(deck, pages):
    pair = edits.pair_of(deck, "view0001", "view0002", "", "b1")
    assert isinstance(pair, PairSlide)
    assert (pair.left.page, dict(pair.left.query), pair.left.callout) == ("map", dict(deck.slides[2].query),
                                                                        Callout(region="47730"))
    assert pair.right.callout == Callout(label="2019 = 50.0%")
    assert pair.left_caption == "시군구 지방소멸위험지수" and pair.title.startswith("시군구 지방소멸위험지수 · ")
    check(edits.append(deck, pair), pages)
    with pytest.raises(DeckError, match="not a view slide"):
        edits.pair_of(deck, "cover001", "view0002", "x", "b1")


def test_capture_query_keeps_settings_and_names_what_cannot_be_kept():
    params = {"indicator": "reg_extinction_risk_index", "level": "sigungu", "year": "2019", "zoom": "capital",
              "embed": "true", "presenter": "1", "slide": "1", "deck": "abcdEFGH", "page": "map",
              "search": "경북", "w_people": "40", "Bad": "x"}
    kept, dropped = deckurls.capture_query(params)
    assert kept == {"indicator": "reg_extinction_risk_index", "level": "sigungu", "year": "2019", "zoom": "capital",
                    "w_people": "40"}
    assert dropped == ["search", "Bad"]


def test_frame_url_is_the_page_embedded_in_slide_mode():
    url = deckurls.frame_url("map", {"indicator": "reg_extinction_risk_index", "year": "2019", "presenter": "0"})
    path, _, query = url.partition("?")
    assert path == "map"
    assert dict(urllib.parse.parse_qsl(query)) == {"indicator": "reg_extinction_risk_index", "year": "2019",
                                                   "embed": "true", "presenter": "1", "slide": "1"}
    assert deckurls.deck_href("abcdEFGH", present="1") == "deck?id=abcdEFGH&present=1"


@pytest.mark.parametrize("raw,count,want", [("3", 8, 3), ("9", 8, 1), ("0", 8, 1), ("x", 8, 1), (None, 8, 1),
                                            ("1", 0, 1)])
def test_slide_number(raw, count, want):
    assert deckurls.slide_number(raw, count) == want


def test_the_same_map_in_another_year_shares_a_morph_key():
    """Two slides step in place only when they show one map (page, every setting but the year, outlined region)."""
    view = {"indicator": "reg_extinction_risk_index", "level": "sigungu", "set": "2024"}
    key = deckurls.morph_key("map", {**view, "year": "2015"}, "47730")
    assert key is not None
    assert deckurls.morph_key("map", {"set": "2024", "year": "2023", "level": "sigungu",  # order does not matter
                                      "indicator": "reg_extinction_risk_index"}, "47730") == key
    assert deckurls.morph_key("map", view, "47730") == key  # no year: the latest, still the same map
    assert deckurls.morph_key("map", {**view, "compare": "none"}, "47730") == key  # the page's default mode
    others = [deckurls.morph_key("map", {**view, "level": "sido"}, "47730"),  # another level
              deckurls.morph_key("map", {**view, "indicator": "res_extinction_risk_index"}, "47730"),
              deckurls.morph_key("map", {**view, "set": "2026-07"}, "47730"),  # another boundary set
              deckurls.morph_key("map", view, "47720"),  # another region outlined
              deckurls.morph_key("map", view, None)]
    assert key not in others and None not in others
    assert deckurls.morph_key("map", {**view, "compare": "years"}, None) is None  # two maps, not one year
    assert deckurls.morph_key("trends", view, None) is None  # not a map
    assert deckurls.morph_key("region", {"region": "47730", "year": "2015"}, None) is None  # a profile, not a map
    # every page whose slide is one map: 지방소멸, 종합, 이변량 — the same settings in two years share a key
    for page, settings in (("risk", {"basis": "reg"}), ("composite", {"level": "sido", "view": "score"}),
                           ("bivariate", {"indicator": "a", "indicator2": "b", "level": "sigungu"})):
        two = {deckurls.morph_key(page, {**settings, "year": y}, None) for y in ("2015", "2023")}
        assert len(two) == 1 and None not in two, page
        assert deckurls.morph_key(page, {**settings, "year": "2015"}, None) != key
