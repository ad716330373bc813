"""A forum deck in Chromium, end to end (issue 23's 'done when'), on a server of this module's own with a deck
store of its own ($BALANCE_DECKS_URL):

- made through the UI, all 8 slides: a new deck on the deck page, its title, a cover and a headline number (the
  deck page's forms); five views with '슬라이드에 추가' on their pages (the 시군구 extinction-risk map in 2015 and in
  2023, both with 의성군 as callout; the capital share with a value label; 의성군's profile; the inequality measures;
  the deck in progress carried by the address), and a pair slide of the 2023 map and the share (the deck page's
  form): kept as the store says; its JSON download is the stored deck and, imported as a new deck, gives the same
  slides; a broken file imported over the deck gets the message naming the slide and field, and the stored deck
  is unchanged;
- reopened by its link in a new browser context and presented with PageDown at 1280×720 and 1920×1080: each
  slide's screenshot (tests/screenshots/deck_<w>x<h>_<n>.png) shows no Streamlit chrome and no spinner or
  skeleton, every figure in the frames on screen is drawn (data-ready='1') and within its frame; a step never shows
  a slide whose figure is not drawn yet; the step from the 2015 map to the 2023 one is made in place: the same SVG
  path elements, their fills moving by a CSS transition (screenshot deck_<w>x<h>_morph.png mid-way) to the colours
  the 2023 slide's own frame draws; Esc goes back to the deck page;
- a copy of the deck as saved on an earlier build whose 의성군 figure differs, presented: the slide says which
  figure changed (indicator, region, year, old → new);
- printed: the print view asks the browser to print once every frame is drawn, and `page.pdf()` of it has one
  landscape page per slide, with selectable Korean text from the slides and from the figures' frames.
"""
from __future__ import annotations

import dataclasses
import io
import json
import re
import time
import urllib.parse

import pytest
from pypdf import PdfReader

from decks.model import CoverSlide, HeadlineSlide, PairSlide, Pane, ViewSlide, loads, new_deck, new_slide_id
from decks.store import DECKS_URL_ENV, open_store
from helpers.browser import SHOTS, idle, no_exception
from ui.state import PAGES

SIZES = [(1280, 720), (1920, 1080)]
DEEP = "[...document.querySelectorAll('*')].filter(n => n.shadowRoot).map(n => n.shadowRoot)"
# the presented deck: which slide is shown, whether its frames have drawn, and the frames' addresses
DECK_STATE = f"""() => {{
  const root = {DEEP}.map(r => r.querySelector('.bal-deck')).find(Boolean);
  if (!root) return null;
  const box = root.querySelector('.slide.current'), face = root.querySelector('.slide.lent') || box;
  return {{ slide: root.dataset.slide || '', ready: root.dataset.ready || '', kind: box ? box.dataset.kind : '',
           frames: face ? [...face.querySelectorAll('iframe')].map(f => f.src) : [], morph: root.dataset.morph || '',
           own: box ? [...box.querySelectorAll('iframe')].map(f => f.src) : [],
           counter: (root.querySelector('.counter') || {{}}).textContent || '',
           overflow: box ? box.scrollHeight > box.clientHeight + 1 : false }};
}}"""
VISIBLE = """(sel) => [...document.querySelectorAll(sel)].filter(n => {
  const r = n.getBoundingClientRect(), s = getComputedStyle(n);
  return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && s.opacity !== '0';
}).length"""
CHROME = '[data-testid="stHeader"], [data-testid="stSidebar"], [data-testid="stToolbar"], [data-testid="stDecoration"]'
BUSY = '[data-testid="stSpinner"], [data-testid="stSkeleton"], [data-testid="stStatusWidget"]'
# inside a view's frame: every figure component's box, drawn and within the frame's height
FIGURES = f"""() => {{
  const boxes = {DEEP}.flatMap(r => [...r.querySelectorAll('.bal-map, .bal-lc')]);
  return boxes.map(b => ({{ ready: b.dataset.ready || '', bottom: b.getBoundingClientRect().bottom,
                           height: window.innerHeight }}));
}}"""

# in a map's frame: every area's fill (code → its fill attribute); the area `code` marked, with a note of any fill
# transition it runs; what that area is then (the same element? its fill, its computed colour, moving?)
AREA = f"(code) => {DEEP}.map(r => r.querySelector(`.bal-areas path[data-code='${{code}}']`)).find(Boolean)"
FILLS = f"""() => Object.fromEntries({DEEP}.flatMap(r => [...r.querySelectorAll('.bal-areas path')])
  .map(p => [p.dataset.code, p.getAttribute('fill')]))"""
MARK = f"""(code) => {{ const p = ({AREA})(code); p.__mark = 'before';
  p.addEventListener('transitionrun', (e) => {{ if (e.propertyName === 'fill') p.__ran = true; }}); }}"""
AFTER = f"""(code) => {{ const p = ({AREA})(code), sub = p.getRootNode().querySelector('.bal-subtitle');
  return {{ same: p.__mark === 'before', ran: !!p.__ran, fill: p.getAttribute('fill'), color: getComputedStyle(p).fill,
           moving: p.getAnimations().some(a => a.transitionProperty === 'fill'),
           subtitle: sub ? sub.textContent : '' }};
}}"""
# in a map's frame: the box of the callout's outline (drawn over the areas) and of the area it outlines
OUTLINE = f"""(code) => {{ const area = ({AREA})(code);
  const line = [...area.ownerSVGElement.querySelectorAll('.bal-overlays path')]
    .find(p => p.getAttribute('stroke') === '#D55E00');
  const box = (n) => {{ const b = n.getBBox(); return [b.x, b.y, b.width, b.height]; }};
  return line ? {{ line: box(line), area: box(area) }} : null; }}"""
OWN_FRAME = f"""(n) => {{ const root = {DEEP}.map(r => r.querySelector('.bal-deck')).find(Boolean);
  const f = root && root.querySelector(`.slide[data-n='${{n}}'] iframe`);
  return f && f.dataset.ready === '1' ? f.src : null; }}"""


def _rgb(hex_color: str) -> str:
    r, g, b = (int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


@pytest.fixture(scope="module")
def deck_server(full_build, tmp_path_factory, serve_app):
    """This module's server and the deck store it writes to."""
    url = f"sqlite:///{tmp_path_factory.mktemp('decks') / 'decks.sqlite'}"
    with serve_app(full_build, env={DECKS_URL_ENV: url}) as base:
        yield base, open_store(url, pages=PAGES)


def _wait_store(store, deck_id: str, test, timeout_s: float = 30.0):
    """The stored deck once `test(deck)` holds (the app's save ends its script run)."""
    deadline = time.time() + timeout_s
    while True:
        deck = store.get(deck_id)
        if test(deck):
            return deck
        assert time.time() < deadline, f"the store still holds {[s.kind for s in deck.slides]}, v{deck.version}"
        time.sleep(0.2)


def _popover(page, key: str):
    """Open the popover `key` and return its body once its form is drawn."""
    page.locator(f".st-key-{key} button").first.click()
    body = page.locator('[data-testid="stPopoverBody"]').last
    body.locator('[data-testid="stFormSubmitButton"] button').wait_for(timeout=30_000)
    return body


def _pick(page, body, label: str, text: str) -> None:
    """Choose in the selectbox `label` the option that `text` finds."""
    body.get_by_label(label).click()
    page.keyboard.type(text)
    page.locator('[role="option"]').first.wait_for(timeout=10_000)
    page.keyboard.press("Enter")


def _add_view(page, base: str, path: str, deck_id: str, title: str, callout, store, count: int) -> None:
    """'슬라이드에 추가' on the page at `path` (the deck in progress named by the address)."""
    page.goto(f"{base}{path}&deck={deck_id}")
    page.locator(".st-key-add_slide").wait_for(timeout=60_000)
    idle(page)
    body = _popover(page, "add_slide")
    body.get_by_text("작성 중인 발표 자료: 지역 격차 포럼").wait_for(timeout=30_000)  # from the address
    body.get_by_label("슬라이드 제목").fill(title)
    kind, value = callout or (None, None)
    if kind is not None:
        body.locator('[data-testid="stButtonGroup"] button').nth(1 if kind == "region" else 2).click()
    if kind == "region":
        _pick(page, body, "강조할 지역 (강조: 지역일 때)", value)
    elif kind == "label":
        body.get_by_label("값 표시").fill(value)
    body.get_by_role("button", name="추가").click()
    _wait_store(store, deck_id, lambda d: len(d.slides) == count)
    page.get_by_text(f"{count}번째 슬라이드로 추가했습니다").wait_for(timeout=30_000)
    no_exception(page)


MAP = "/map?indicator=reg_extinction_risk_index&level=sigungu"
VIEWS = [  # path, title, callout: the five views, in the deck's order (slides 3–7)
    (f"{MAP}&year=2015", "시군구 지방소멸위험지수 (2015)", ("region", "의성군")),
    (f"{MAP}&year=2023", "시군구 지방소멸위험지수 (2023)", ("region", "의성군")),
    ("/trends?indicator=reg_population_persons&measure=share", "수도권 인구 비중 추이", ("label", "2019 = 50.0%")),
    ("/region?region=47730", "의성군 한눈에", None),
    ("/disparity?measures=gini,theil_t", "지역 간 불평등", None),
]


def _upload(page, section: str, name: str, body: bytes) -> None:
    """Open the page's section `section` and give its deck-file box a file (once the run that opens the section
    has drawn the box: a loaded machine takes as long as a run)."""
    idle(page)
    page.get_by_text(section).click()
    box = page.locator('[data-testid="stFileUploaderDropzoneInput"]')
    box.wait_for(state="attached", timeout=60_000)
    idle(page)
    box.set_input_files({"name": name, "mimeType": "application/json", "buffer": body})


@pytest.fixture(scope="module")
def ui_deck(deck_server, browser):
    """The deck of 8 slides, made through the UI alone; its id."""
    base, store = deck_server
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{base}/deck")
    page.get_by_role("button", name="새 발표 자료").click()
    page.wait_for_url(re.compile(r"/deck\?id="), timeout=30_000)
    deck_id = urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)["id"][0]
    title = page.get_by_label("발표 자료 제목")
    title.fill("지역 격차 포럼")
    title.press("Enter")
    _wait_store(store, deck_id, lambda d: d.title == "지역 격차 포럼")
    idle(page)

    body = _popover(page, "add_cover")
    body.get_by_label("슬라이드 제목").fill("지역 격차, 어디까지 왔나")
    body.get_by_label("부제").fill("2026 균형발전 포럼")
    body.get_by_label("발표자").fill("홍길동 (균형연구소)")
    body.get_by_role("button", name="추가").click()
    _wait_store(store, deck_id, lambda d: len(d.slides) == 1)
    idle(page)
    page.keyboard.press("Escape")

    body = _popover(page, "add_headline")  # the first figure offered: 개요's 수도권 인구 비중
    body.get_by_role("button", name="추가").click()
    _wait_store(store, deck_id, lambda d: len(d.slides) == 2)
    idle(page)

    for number, (path, slide_title, callout) in enumerate(VIEWS, 3):
        _add_view(page, base, path, deck_id, slide_title, callout, store, number)

    page.goto(f"{base}/deck?id={deck_id}")
    page.locator(".st-key-add_pair").wait_for(timeout=60_000)
    idle(page)
    body = _popover(page, "add_pair")  # the 2023 map on the left, the share on the right
    _pick(page, body, "왼쪽", "(2023)")
    _pick(page, body, "오른쪽", "비중 추이")
    body.get_by_label("슬라이드 제목").fill("지도와 추이")
    body.get_by_role("button", name="추가").click()
    deck = _wait_store(store, deck_id, lambda d: len(d.slides) == 8)
    idle(page)

    assert [s.kind for s in deck.slides] == ["cover", "headline", "view", "view", "view", "view", "view", "pair"]
    cover, headline, map_2015, map_2023, view_trend, view_region, view_disp, pair = deck.slides
    assert isinstance(cover, CoverSlide) and cover.speaker == "홍길동 (균형연구소)"
    assert isinstance(headline, HeadlineSlide) and (headline.level, headline.region) == ("group", "CR")
    assert headline.value.endswith("%") and headline.build == deck.build
    for slide, year in ((map_2015, "2015"), (map_2023, "2023")):  # 2023, the latest, is out of the address: kept
        assert slide.page == "map" and slide.callout.region == "47730", slide
        assert (slide.query.get("level"), slide.query.get("year")) == ("sigungu", year)
        # the page's default indicator, out of the address too, is named: a later build cannot change the view
        assert slide.query.get("indicator") == "reg_extinction_risk_index"
    for slide, year in ((map_2015, "2015"), (map_2023, "2023")):  # the figures shown, kept to compare them later
        assert {label.split("|")[3] for label in slide.figures} == {year}, slide.figures
        assert any(label.endswith("|47730") for label in slide.figures), slide.figures
    assert {k: v for k, v in map_2015.query.items() if k != "year"} == {
        k: v for k, v in map_2023.query.items() if k != "year"}  # the same map: the step is made in place
    assert view_trend.callout.label == "2019 = 50.0%"
    assert (view_region.page, view_region.query.get("region"), view_region.callout) == ("region", "47730", None)
    assert (view_disp.page, view_disp.query.get("measures")) == ("disparity", "gini,theil_t")
    assert isinstance(pair, PairSlide) and (pair.left.page, pair.right.page) == ("map", "trends")
    assert dict(pair.left.query) == dict(map_2023.query) and pair.left.callout == map_2023.callout
    assert (pair.left_caption, pair.right_caption) == (map_2023.title, view_trend.title)

    with page.expect_download() as download:  # the JSON download is the stored deck
        page.get_by_role("button", name="JSON 내보내기").click()
    exported = download.value.path().read_bytes()
    stored = store.get(deck_id)
    assert loads(exported, PAGES) == stored

    # a broken file over the deck: the message names the slide and field, and the stored deck is as it was
    broken = json.loads(exported)
    broken["slides"][5]["page"] = "nowhere"
    _upload(page, "파일로 이 발표 자료 바꾸기 (JSON)", "broken.json", json.dumps(broken, ensure_ascii=False).encode())
    page.get_by_text("이 파일은 발표 자료로 읽을 수 없어 아무것도 저장하지 않았습니다").wait_for(timeout=60_000)
    page.get_by_text(re.compile(r"slide 6.*page")).wait_for(timeout=10_000)
    assert store.get(deck_id) == stored
    no_exception(page)

    # the exported file imported as a new deck: the same title and slides
    page.goto(f"{base}/deck")
    page.get_by_role("button", name="새 발표 자료").wait_for(timeout=60_000)
    idle(page)
    _upload(page, "파일에서 새 발표 자료 만들기 (JSON)", "deck.json", exported)
    page.wait_for_url(re.compile(r"/deck\?id=(?!" + deck_id + ")"), timeout=30_000)
    copy = store.get(urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)["id"][0])
    assert (copy.title, copy.slides) == (stored.title, stored.slides) and copy.id != deck_id
    assert store.get(deck_id) == stored
    no_exception(page)
    assert not errors, errors
    page.close()
    return deck_id


def _frame(page, url: str):
    """The frame whose iframe was given `url` (a page in a frame drops from its own address the settings at
    their defaults, so its `url` may differ)."""
    return next(f for f in page.frames if f.parent_frame and f.frame_element().evaluate("e => e.src") == url)


def _frame_checks(page, urls: list[str]) -> list[dict]:
    """What each of the shown slide's frames draws (its figures; chrome and spinners visible)."""
    out = []
    for url in urls:
        frame = _frame(page, url)
        out.append({"figures": frame.evaluate(FIGURES), "chrome": frame.evaluate(VISIBLE, CHROME),
                    "busy": frame.evaluate(VISIBLE, BUSY),
                    "static": frame.evaluate("() => document.querySelectorAll('.bal-static table').length")})
    return out


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_presenting_the_deck_in_a_new_browser(deck_server, browser, ui_deck, size):
    base, store = deck_server
    w, h = size
    context = browser.new_context(viewport={"width": w, "height": h})  # no cookie, cache or session of the maker
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{base}/deck?id={ui_deck}")
    page.get_by_text("슬라이드 (8)").wait_for(timeout=60_000)
    idle(page)
    page.get_by_role("button", name="발표 시작").click()
    page.wait_for_function(f"() => {{ const s = ({DECK_STATE})(); return s && s.slide === '1'; }}", timeout=30_000)

    kinds = []
    for n in range(1, 9):
        page.wait_for_function(f"() => {{ const s = ({DECK_STATE})(); return s && s.slide === '{n}' "
                               "&& s.ready === '1'; }", timeout=60_000)
        state = page.evaluate(DECK_STATE)
        kinds.append(state["kind"])
        assert state["counter"] == f"{n} / 8" and not state["overflow"], state
        assert page.evaluate(VISIBLE, CHROME) == 0 and page.evaluate(VISIBLE, BUSY) == 0
        for check in _frame_checks(page, state["frames"]):
            assert check["chrome"] == 0 and check["busy"] == 0, (n, check)
            assert check["figures"] or check["static"], (n, check)
            for fig in check["figures"]:
                assert fig["ready"] == "1" and fig["bottom"] <= fig["height"] + 1, (n, fig)
        page.screenshot(path=str(SHOTS / f"deck_{w}x{h}_{n}.png"))
        if n == 3:  # B blacks the screen out and back; a key pressed in a frame (focus there) still steps
            black = f"() => {DEEP}.some(r => {{ const b = r.querySelector('.black'); return b && !b.hidden; }})"
            page.keyboard.press("b")
            assert page.evaluate(black)
            page.keyboard.press("b")
            assert not page.evaluate(black)
            frame = _frame(page, state["frames"][0])
            frame.locator('[data-testid="stMain"]').click(position={"x": 3, "y": 3})  # a corner, no link
            assert frame.evaluate("() => document.hasFocus()")
        if n == 3:  # the callout's region outlined on the map: the outline's box is 의성군's
            boxes = _frame(page, state["frames"][0]).evaluate(OUTLINE, "47730")
            assert boxes and boxes["line"] == pytest.approx(boxes["area"], abs=1), boxes
        if n == 3:  # the next slide is this map in 2023: an area whose colour differs in its own frame
            own = page.wait_for_function(OWN_FRAME, arg=4, timeout=60_000).json_value()
            shown = _frame(page, state["frames"][0])
            before, target = shown.evaluate(FILLS), _frame(page, own).evaluate(FILLS)
            code = next(c for c, v in before.items()
                        if v.startswith("#") and str(target.get(c)).startswith("#") and target[c] != v)
            shown.evaluate(MARK, code)
        if n < 8:
            page.keyboard.press("PageDown")
            # the next slide is shown only once drawn: never a frame still loading
            page.wait_for_function(f"() => ({DECK_STATE})().slide === '{n + 1}'", timeout=60_000)
            assert page.evaluate(DECK_STATE)["ready"] == "1"
        if n == 3:  # made in place: the 2015 frame stays on screen, its paths take 2023's colours by a transition
            page.screenshot(path=str(SHOTS / f"deck_{w}x{h}_morph.png"))
            now = page.evaluate(DECK_STATE)
            assert now["morph"] == "1" and now["frames"] == state["frames"] and now["own"] == [own], now
            shown.wait_for_function(f"(code) => !({AREA})(code).getAnimations().length", arg=code, timeout=10_000)
            after = shown.evaluate(AFTER, code)
            assert after["same"] and after["ran"] and not after["moving"], after
            assert after["fill"] == target[code] and after["color"] == _rgb(target[code]), (after, target[code])
            assert "2023" in after["subtitle"] and "2015" not in after["subtitle"], after
            settled = f"(code) => !({AREA})(code).getAnimations().length"
            for key, slide, fill, year in (("PageUp", 3, before[code], "2015"), ("PageDown", 4, target[code], "2023")):
                page.keyboard.press(key)  # back and forth: the same frame, in place both ways
                page.wait_for_function(f"() => ({DECK_STATE})().slide === '{slide}'", timeout=10_000)
                shown.wait_for_function(settled, arg=code, timeout=10_000)
                again = shown.evaluate(AFTER, code)
                assert again["same"] and again["fill"] == fill and year in again["subtitle"], (key, again)
                assert page.evaluate(DECK_STATE)["frames"] == state["frames"]
    assert kinds == ["cover", "headline", "view", "view", "view", "view", "view", "pair"]
    assert "slide_no=8" in page.url  # the slide shown is in the address

    page.keyboard.press("Home")
    page.wait_for_function(f"() => ({DECK_STATE})().slide === '1'")
    page.keyboard.press("Escape")  # back to the deck page
    page.locator(".st-key-deck_present_start").wait_for(timeout=30_000)
    assert "present" not in page.url
    no_exception(page)
    assert not errors, errors
    context.close()


def test_the_print_view_has_a_landscape_page_per_slide(deck_server, browser, ui_deck):
    base, _ = deck_server
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    # the browser's print dialog is not what is tested (page.pdf() prints): count the view's requests
    page.add_init_script("window.__printed = 0; window.print = () => { window.__printed += 1; };")
    page.goto(f"{base}/deck?id={ui_deck}&print=1")
    ready = (f"() => {DEEP}.some(r => {{ const d = r.querySelector('.bal-deck.print'); "
             "return d && d.dataset.ready === '1'; })")
    page.wait_for_function(ready, timeout=120_000)
    page.wait_for_function("() => window.__printed === 1", timeout=10_000)
    page.screenshot(path=str(SHOTS / "deck_print_view.png"), full_page=True)
    pdf = PdfReader(io.BytesIO(page.pdf(landscape=True, format="A4", print_background=True)))
    (SHOTS / "deck_print.pdf").write_bytes(page.pdf(landscape=True, format="A4", print_background=True))
    assert len(pdf.pages) == 8
    for p in pdf.pages:
        assert float(p.mediabox.width) > float(p.mediabox.height)  # landscape
    texts = [p.extract_text() for p in pdf.pages]
    assert "지역 격차, 어디까지 왔나" in texts[0] and "수도권 인구 비중" in texts[1]
    for n, year in ((2, "2015"), (3, "2023")):  # the callout and the map's own title and year
        assert "의성군" in texts[n] and "지방소멸위험지수" in texts[n] and year in texts[n], texts[n]
    assert "비수도권" in texts[4]  # the trend chart's legend, from its frame
    assert "의성군" in texts[5] and "지니계수" in texts[6] and "비수도권" in texts[7]
    no_exception(page)
    context.close()


def test_a_slide_saved_on_another_build_says_which_figures_changed(deck_server, browser, ui_deck):
    base, store = deck_server
    deck = store.get(ui_deck)
    slide = deck.slides[2]  # the 2015 map, 의성군's value among its figures
    label = next(name for name in slide.figures if name.endswith("|47730"))
    now = float(slide.figures[label])
    earlier = dataclasses.replace(slide, figures={**slide.figures, label: "0.5"}, build="20200101000000000000")
    copy_id = store.create(new_deck("다른 빌드의 포럼", deck.build, (earlier,)))
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.goto(f"{base}/deck?id={copy_id}&present=1")
    page.wait_for_function(f"() => {{ const s = ({DECK_STATE})(); return s && s.slide === '1' && s.ready === '1'; }}",
                           timeout=60_000)
    note = page.evaluate(f"() => {DEEP}.map(r => r.querySelector('.slide.current .view-note')).find(Boolean)"
                         "?.textContent || ''")
    page.screenshot(path=str(SHOTS / "deck_changed_note.png"))
    assert "지방소멸위험지수" in note and "의성군" in note and "2015" in note, note
    assert re.search(rf"0\.50\D.*→\D*{now:.2f}", note), note
    no_exception(page)
    context.close()


# The same map in two years on every page whose slide is one map, and inside a pair next to a chart that stays
# the same: (slide title, the page's settings without the year, the two years); each an odd slide, then an even.
MORPHS = [
    ("지방소멸", "risk", {"basis": "reg"}, ("2015", "2023")),
    ("종합 격차지수", "composite", {"level": "sido", "view": "score"}, ("2015", "2023")),
    ("이변량 지도", "bivariate", {"indicator": "reg_extinction_risk_index", "indicator2": "reg_age65plus_persons",
                             "level": "sigungu"}, ("2015", "2023")),
]


def _morph_slides():
    """The deck: each of MORPHS as two view slides, then two pair slides (지도 in 2015 | 추이, 지도 in 2023 | 추이)."""
    out = [ViewSlide(id=new_slide_id(), title=f"{title} {year}", page=page, query={**query, "year": year})
           for title, page, query, years in MORPHS for year in years]
    out += [PairSlide(id=new_slide_id(), title=f"지도와 추이 {year}",
                      left=Pane("map", {"level": "sido", "year": year}), right=Pane("trends", {}),
                      left_caption=f"{year}년", right_caption="추이") for year in ("2015", "2023")]
    return tuple(out)


CAPTIONS = f"""() => {DEEP}.flatMap(r => [...r.querySelectorAll('.frame-caption')]).filter(n => {{
  const r = n.getBoundingClientRect(); return r.width > 0 && getComputedStyle(n).visibility !== 'hidden'; }})
  .map(n => n.textContent)"""


def test_the_same_map_in_another_year_steps_in_place_on_every_map_page(deck_server, browser):
    """지방소멸, 종합 and 이변량 slides, and a pair's map: the step to the same map in the next year keeps the frame
    on screen, its area paths take the colours the next slide's own frame draws (a CSS transition), and its
    subtitle names the new year; a step to another page swaps slides as usual."""
    base, store = deck_server
    slides = _morph_slides()
    deck_id = store.create(new_deck("같은 지도, 다른 해", "", slides))
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{base}/deck?id={deck_id}&present=1")
    for first in range(1, len(slides), 2):
        page.wait_for_function(f"() => {{ const s = ({DECK_STATE})(); return s && s.slide === '{first}' "
                               "&& s.ready === '1'; }", timeout=60_000)
        state = page.evaluate(DECK_STATE)
        assert state["morph"] == "", state  # another page than the slide before: swapped, not stepped
        url = next(u for u in state["frames"] if "slide=1" in u and "trends" not in u)  # the map's frame
        index = state["frames"].index(url)
        own = page.wait_for_function(f"""() => {{
            const root = {DEEP}.map(r => r.querySelector('.bal-deck')).find(Boolean);
            const f = root && root.querySelectorAll(`.slide[data-n='{first + 1}'] iframe`)[{index}];
            return f && f.dataset.ready === '1' ? f.src : null; }}""", timeout=60_000).json_value()
        shown, target = _frame(page, url), _frame(page, own)
        before, after_fills = shown.evaluate(FILLS), target.evaluate(FILLS)
        code = next((c for c, v in before.items()
                     if v.startswith("#") and str(after_fills.get(c)).startswith("#") and after_fills[c] != v), None)
        assert code, (slides[first - 1].title, url, own, len(before), len(after_fills))
        shown.evaluate(MARK, code)
        page.keyboard.press("PageDown")
        page.wait_for_function(f"() => ({DECK_STATE})().slide === '{first + 1}'", timeout=60_000)
        now = page.evaluate(DECK_STATE)
        assert now["morph"] == "1" and now["frames"] == state["frames"], (slides[first - 1].title, now)
        shown.wait_for_function(f"(code) => !({AREA})(code).getAnimations().length", arg=code, timeout=10_000)
        after = shown.evaluate(AFTER, code)
        title = slides[first - 1].title
        assert after["same"] and after["ran"] and after["fill"] == after_fills[code], (title, after)
        assert after["color"] == _rgb(after_fills[code]), (title, after)
        assert "2023" in after["subtitle"] and "2015" not in after["subtitle"], (title, after)
        if slides[first - 1].kind == "pair":  # the captions are the slide's own, not those of the frames lent to it
            assert page.evaluate(CAPTIONS) == ["2023년", "추이"], page.evaluate(CAPTIONS)
        page.screenshot(path=str(SHOTS / f"deck_morph_{first + 1}.png"))
        if first + 2 <= len(slides):
            page.keyboard.press("PageDown")
    no_exception(page)
    assert not errors, errors
    page.close()
