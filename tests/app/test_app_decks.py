"""Decks through the app (Streamlit's AppTest), each test on a deck store of its own (a SQLite file in its
temp folder, $BALANCE_DECKS_URL), checked against the store:

- '슬라이드에 추가' on a page keeps the page and its address's settings as a view slide (page and query equal
  to the view's URL parameters), with the callout chosen; a second slide goes to the deck in progress;
- the deck page's edits (down, delete, a callout edited) are what the store holds afterwards;
- a save that comes second (another writer saved meanwhile) says so and shows the stored deck, whose other
  slide is kept;
- a broken JSON file imported over a deck gets the message naming the slide and field, and the stored deck is
  unchanged; a good one replaces it;
- slide mode (`?slide=1`) draws each page's main figure alone;
- a view slide keeps the figures it shows (its callout region's value and its map's values, checked against the
  built observations read here), and on another build the deck page names the indicator, region and year of
  each figure that changed, old → new for one value, and can take the current ones.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

import pytest

from decks.model import Callout, CoverSlide, HeadlineSlide, ViewSlide, new_deck
from decks.store import DECKS_URL_ENV, open_store
from helpers.apptest import assert_ok, map_view, new_app, run, tables
from indicators import catalog
from indicators import store as built
from ui import deckurls
from ui.slidemode import MAIN
from ui.state import PAGES

SUBMIT = "FormSubmitter:addslide_form-추가"


@pytest.fixture
def store(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'decks.sqlite'}"
    monkeypatch.setenv(DECKS_URL_ENV, url)
    return open_store(url, pages=PAGES)


def _view_params(at) -> dict[str, str]:
    """The view's URL parameters as the page left them (its settings; no mode key)."""
    return {k: v for k, v in at.query_params.items() if k not in deckurls.MODE_KEYS}


def _only_deck(store):
    decks = store.list()
    assert len(decks) == 1, decks
    return store.get(decks[0].id)


def _open(at, key: str) -> None:
    """Open the popover `key` (its content is drawn only while it is open), as a click does."""
    at.session_state[key] = True
    at.run()
    assert_ok(at)


def _callout(at, kind: str) -> None:
    next(b for b in at.get("button_group") if b.key == "addslide_callout").set_value(kind)


def test_adding_a_slide_keeps_the_view_and_its_callout(store):
    params = {"page": "map", "indicator": "res_extinction_risk_index", "level": "sigungu", "year": "2023",
              "scale": "relative"}
    at = run(params, "deck add slide")
    view = _view_params(at)
    assert not [w for w in at.text_input if w.key == "addslide_title"]  # the form is drawn once opened
    _open(at, "add_slide")
    assert view == {"indicator": "res_extinction_risk_index", "level": "sigungu", "year": "2023", "scale": "relative",
                    "set": "2024"}
    at.text_input(key="addslide_title").set_value("의성군 소멸위험 2019")
    _callout(at, "region")
    at.selectbox(key="addslide_region").set_value("47730")
    at.text_input(key="addslide_new_title").set_value("지역 격차 포럼")
    at.button(key=SUBMIT).click()
    at.run()
    assert_ok(at)
    deck = _only_deck(store)
    assert deck.title == "지역 격차 포럼" and len(deck.slides) == 1
    slide = deck.slides[0]
    assert isinstance(slide, ViewSlide)
    assert slide.page == "map" and view.items() <= dict(slide.query).items()  # every setting of the address
    assert slide.title == "의성군 소멸위험 2019" and slide.callout == Callout(region="47730")
    assert at.query_params["deck"] == deck.id  # the deck in progress, in the address
    assert any("1번째 슬라이드" in s.value for s in at.success)

    # a second view, a value label: added to the deck in progress
    at.query_params["year"] = "2022"
    at.run()
    assert_ok(at)
    second = _view_params(at)
    at.text_input(key="addslide_title").set_value("2022년")
    _callout(at, "label")
    at.text_input(key="addslide_label").set_value("2024 = 0.09")
    assert at.radio(key=f"addslide_target_{deck.id}").value == "current"
    at.button(key=SUBMIT).click()
    at.run()
    assert_ok(at)
    deck = _only_deck(store)
    assert [s.title for s in deck.slides] == ["의성군 소멸위험 2019", "2022년"] and deck.version == 2
    assert second.items() <= dict(deck.slides[1].query).items()
    assert deck.slides[1].callout == Callout(label="2024 = 0.09")


def _stored_deck(store) -> str:
    build = "1"
    slides = (CoverSlide("cover001", "지역 격차 포럼", "2026", dt.date(2026, 6, 3), "홍길동"),
              HeadlineSlide("head0001", "수도권 인구 비중", "reg_population_persons", 2024, "group", "CR", "2024",
                            "50.8%", build),
              ViewSlide("view0001", "지도", "map", {"level": "sigungu"}, None, {}, build),
              ViewSlide("view0002", "추이", "trends", {"indicator": "reg_population_persons"}, None, {}, build))
    return store.create(new_deck("포럼", build, slides))


def _deck_page(deck_id: str):
    return run({"page": "deck", "id": deck_id}, "deck page")


def test_deck_page_edits_reach_the_store(store):
    deck_id = _stored_deck(store)
    at = _deck_page(deck_id)
    at.button(key="down_cover001").click()
    at.run()
    assert_ok(at)
    assert [s.id for s in store.get(deck_id).slides] == ["head0001", "cover001", "view0001", "view0002"]
    at.button(key="delete_view0002").click()
    at.run()
    assert_ok(at)
    assert [s.id for s in store.get(deck_id).slides] == ["head0001", "cover001", "view0001"]
    version = store.get(deck_id).version
    _open(at, "edit_view0001")
    form = f"e_view0001_{version}"
    at.text_input(key=f"{form}_title").set_value("시군구 지도")
    next(b for b in at.get("button_group") if b.key == f"{form}_callout").set_value("label")
    at.text_input(key=f"{form}_label").set_value("2019 = 50.0%")
    at.button(key=f"FormSubmitter:{form}-저장").click()
    at.run()
    assert_ok(at)
    deck = store.get(deck_id)
    assert deck.version == version + 1
    assert (deck.slides[2].title, deck.slides[2].callout) == ("시군구 지도", Callout(label="2019 = 50.0%"))
    assert [s.id for s in deck.slides] == ["head0001", "cover001", "view0001"]


def test_a_stale_save_is_said_and_the_stored_deck_shown(store):
    deck_id = _stored_deck(store)
    at = _deck_page(deck_id)  # the page shows version 1
    theirs = store.get(deck_id)
    their_slide = ViewSlide("theirs01", "다른 사람의 슬라이드", "risk", {}, None, {}, "1")
    store.save(dataclasses.replace(theirs, slides=theirs.slides + (their_slide,)), theirs.version)
    at.button(key="up_view0002").click()
    at.run()
    assert not at.exception  # the refusal is an error box, checked next
    assert any("다른 곳에서 먼저 저장했습니다" in e.value for e in at.error)
    stored = store.get(deck_id)
    assert stored.version == 2 and [s.id for s in stored.slides][-1] == "theirs01"  # nothing lost, nothing moved
    shown = " ".join(str(m.value) for m in at.markdown)
    assert "다른 사람의 슬라이드" in shown  # the page shows the stored deck
    at.run()  # said once
    assert not any("다른 곳에서" in e.value for e in at.error)


def test_a_broken_json_import_changes_nothing(store):
    deck_id = _stored_deck(store)
    before = store.export_json(deck_id)
    broken = json.loads(before)
    broken["slides"][2]["page"] = "admin"
    at = _deck_page(deck_id)
    at.file_uploader[0].set_value(("deck.json", json.dumps(broken).encode(), "application/json"))
    at.run()
    errors = " ".join(e.value for e in at.error) + " ".join(t.value for t in at.text)
    assert "발표 자료로 읽을 수 없어" in errors and "slide 3: 'page' must be one of" in errors
    assert store.export_json(deck_id) == before

    good = json.loads(before)
    good["title"] = "가져온 발표 자료"
    at.file_uploader[0].set_value(("deck.json", json.dumps(good).encode(), "application/json"))
    at.run()
    assert_ok(at)
    assert store.get(deck_id).title == "가져온 발표 자료" and store.get(deck_id).version == 2


@pytest.mark.parametrize("page", PAGES)
def test_slide_mode_draws_the_main_figure_alone(page):
    at = new_app({"page": page, "slide": "1", "presenter": "1"})
    at.run()
    assert_ok(at)
    ids = [e.proto.id for e in at.get("bidi_component")]
    figures = [i for i in ids if not i.endswith(("page_chrome", "print_pdf"))]  # the brief's print button: hidden
    if page == "data":  # its figure is the catalogue, a static table
        assert not figures and any("bal-static" in str(m.value) for m in at.markdown)
    elif page == "brief":  # its figure is the sheet: static HTML and inline SVG
        assert not figures and any("bal-brief-head" in str(m.value) for m in at.markdown)
    else:
        drawn = "map_view" if page == "map" else MAIN[page]  # 지도's figure box holds the map of its mode
        assert len(figures) == 1 and figures[0].endswith(drawn), ids
    assert not tables(at) and not at.get("download_button")  # nothing below the figure
    assert not [w for w in at.text_input if w.key == "addslide_title"]  # no '슬라이드에 추가' either


def test_adding_to_a_deck_saved_meanwhile_is_retried_once_then_said(store, monkeypatch):
    """'슬라이드에 추가' to the deck in progress: a save that comes second is read again and retried once; when
    the retry comes second too, the reader is told and nothing is added."""
    from decks.store import DeckStore, StaleDeck

    deck_id = _stored_deck(store)
    real_save = DeckStore.save
    refusals = {"left": 1}

    def racing_save(self, deck, expected_version):
        if refusals["left"]:  # another writer saved just before this save
            refusals["left"] -= 1
            stored = self.get(deck.id)
            raise StaleDeck(deck.id, expected_version, stored)
        return real_save(self, deck, expected_version)

    monkeypatch.setattr(DeckStore, "save", racing_save)
    at = run({"page": "region", "region": "47730", "deck": deck_id}, "deck add retried")
    _open(at, "add_slide")
    at.text_input(key="addslide_title").set_value("의성군")
    at.button(key=SUBMIT).click()
    at.run()
    assert_ok(at)
    assert [s.title for s in store.get(deck_id).slides][-1] == "의성군"  # added on the retry

    refusals["left"] = 2  # the retry comes second too
    at.text_input(key="addslide_title").set_value("또 의성군")
    at.button(key=SUBMIT).click()
    at.run()
    assert any("다시 읽어 한 번 더 추가하려 했지만" in e.value for e in at.error)
    assert [s.title for s in store.get(deck_id).slides][-1] == "의성군"


def test_a_view_slide_says_which_of_its_figures_a_later_build_changed(store):
    at = run({"page": "map", "indicator": "reg_extinction_risk_index", "level": "sigungu", "year": "2019"},
             "deck figures")
    _open(at, "add_slide")
    _callout(at, "region")
    at.selectbox(key="addslide_region").set_value("47730")
    at.button(key=SUBMIT).click()
    at.run()
    assert_ok(at)
    deck = _only_deck(store)
    slide = deck.slides[0]
    # what the slide keeps, against the build's observations read here: 의성군's value, the 229 시군구 of 2019
    obs = built.observations(boundary_set="2024")
    year = obs[(obs.indicator == "reg_extinction_risk_index") & (obs.year == 2019) & obs.value.notna()]
    uiseong = float(year.loc[year.region_code == "47730", "value"].iloc[0])
    one, many = "reg_extinction_risk_index|2024|sigungu|2019|47730", "reg_extinction_risk_index|2024|sigungu|2019|*"
    assert set(slide.figures) == {one, many} and slide.build == deck.build
    assert float(slide.figures[one]) == pytest.approx(uiseong, rel=1e-5)
    assert slide.figures[many].startswith(f"n={year.region_code.str.fullmatch(r'[0-9]{5}').sum()} #")

    # the same deck as if saved on a build of 2020-01-01 whose figures differ
    old = dataclasses.replace(slide, figures={one: "0.5", many: "n=229 #000000000000"}, build="20200101000000000000")
    store.save(dataclasses.replace(deck, slides=(old,)), deck.version)
    page = _deck_page(deck.id)
    assert any("다른 자료 빌드(20200101000000000000)" in w.value and "달라진 수치 2개" in w.value for w in page.warning)
    said = "\n".join(t.value for t in page.text)
    name = catalog.indicators()["reg_extinction_risk_index"].name_ko
    lines = [line for line in said.splitlines() if "슬라이드 1" in line]
    assert len(lines) == 2 and all(name in line and "2019년" in line for line in lines), said
    value_line = next(line for line in lines if "의성군" in line)
    assert re.search(rf"0\.50\D.*→ 지금 {uiseong:.2f}", value_line), value_line
    assert any("2020-01-01 빌드 이후 값이 바뀌었습니다" in line for line in lines), lines

    page.button(key="deck_refresh").click()  # take the current figures
    page.run()
    assert_ok(page)
    refreshed = store.get(deck.id).slides[0]
    assert dict(refreshed.figures) == dict(slide.figures) and refreshed.build == deck.build

    # the callout moved to 봉화군 on the deck page: the figures kept are 봉화군's (read here), not 의성군's
    version = store.get(deck.id).version
    _open(page, f"edit_{slide.id}")
    form = f"e_{slide.id}_{version}"
    page.selectbox(key=f"{form}_region").set_value("47920")
    page.button(key=f"FormSubmitter:{form}-저장").click()
    page.run()
    assert_ok(page)
    moved = store.get(deck.id).slides[0]
    bonghwa = float(year.loc[year.region_code == "47920", "value"].iloc[0])
    assert moved.callout == Callout(region="47920") and one not in moved.figures
    assert float(moved.figures["reg_extinction_risk_index|2024|sigungu|2019|47920"]) == pytest.approx(bonghwa, rel=1e-5)


def test_a_slide_keeps_the_settings_its_view_showed_at_their_defaults(store):
    """지도 opened bare (Korean, no parameter: the default indicator, level, the latest year, the current
    boundary set — none of them in the address): the slide added from it names them, so the view it
    reopens is the one it was added from, and stays so when a later build adds a year."""
    at = run({"page": "map"}, "deck pin defaults", boundary_set=None)  # no ?set= either
    shown = map_view(at)
    assert "year" not in _view_params(at)  # the latest year: left out of the address
    _open(at, "add_slide")
    at.text_input(key="addslide_new_title").set_value("기본 설정")
    at.button(key=SUBMIT).click()
    at.run()
    assert_ok(at)
    slide = _only_deck(store).slides[0]
    query = dict(slide.query)
    assert query["year"] == str(shown["year"]) and query["indicator"] == shown["indicator"]
    assert query["set"] == "2026-07"  # the boundary set the view was drawn on
    again = map_view(run({"page": "map", **query}, "deck pin reopened", boundary_set=None))
    assert (again["indicator"], again["year"], again["codes"]) == (shown["indicator"], shown["year"], shown["codes"])
    assert again["fill"][str(shown["year"])] == shown["fill"][str(shown["year"])]
