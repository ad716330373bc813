"""The path users take first, in Chromium: Korean, no URL parameters, the first click on each page.

A suite that tested only English and presenter mode let a broken click through (a region clicked in
Korean went to `/?undefined=11` and Streamlit's English "Page not found"). So every map page is opened
at its bare address and its first click is made as a user makes it — a region on the map, then a row
of the rank table — and the test checks where it lands: the profile page at `/region`, its heading, the
clicked region's name (from geo/regions.csv, read here) and no error. Then the same click in English
and in presenter mode, where the link must carry `lang=en` / `presenter=1`.
"""
from __future__ import annotations

import csv
from urllib.parse import parse_qs, urlparse

import pytest

from helpers import ROOT
from helpers.browser import SHOTS, no_exception

READY = ".bal-map[data-ready='1']"
MAP_PAGES = ("map", "risk", "composite", "bivariate")


def _names() -> dict[str, str]:
    """region_code → Korean name as the registry declares it (read directly from the CSV)."""
    with open(ROOT / "geo" / "regions.csv", encoding="utf-8") as fh:
        return {r["region_code"]: r["name_ko"] for r in csv.DictReader(fh)}


NAMES = _names()


def _open(browser, url: str, *, width: int = 1440, height: int = 900):
    page = browser.new_page(viewport={"width": width, "height": height})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.wait_for_selector(READY, timeout=60_000)
    return page, errors


# the map is drawn in its component's shadow root (open): scripts look there
_ROOT = """const host = [...document.querySelectorAll('*')]
    .find(n => n.shadowRoot && n.shadowRoot.querySelector('.bal-map'));
const root = host ? host.shadowRoot : document;"""


def _first_coloured(page) -> str:
    """The code of the largest area drawn with a value (a click on a hatched one may open nothing;
    a large one is where a user clicks first)."""
    return page.evaluate("() => {" + _ROOT + """
        const drawn = [...root.querySelectorAll('.bal-areas path')]
            .filter(p => !(p.getAttribute('fill') || 'url(').startsWith('url('));
        const area = (p) => { const b = p.getBBox(); return b.width * b.height; };
        return drawn.reduce((a, b) => (area(b) > area(a) ? b : a)).dataset.code; }""")


def _landed(page, code: str, *, heading: str = "지역 상세") -> dict[str, list[str]]:
    """Wait for the profile of `code` and return the landing URL's query (the default region, 서울, is
    the page's default and leaves the URL bare)."""
    page.wait_for_url("**/region*", timeout=30_000)
    url = urlparse(page.url)
    assert url.path == "/region", page.url
    query = parse_qs(url.query)
    assert "undefined" not in page.url, page.url
    assert query.get("region", ["11"]) == [code], page.url
    if heading:
        page.locator("h1", has_text=heading).wait_for(timeout=30_000)
    assert "Page not found" not in page.inner_text("body")
    no_exception(page)
    return query


def _click_area(page, code: str) -> None:
    """A real mouse click inside the area: at an interior point of its path (not its box's centre,
    which may lie in a neighbour)."""
    # the page's first map (`_ROOT`; 지방소멸 draws a month end's map further down)
    page.locator(f".bal-areas path[data-code='{code}']").first.scroll_into_view_if_needed()
    point = page.evaluate("(code) => {" + _ROOT + """
        const p = root.querySelector(`.bal-areas path[data-code='${code}']`);
        const svg = p.ownerSVGElement, box = p.getBBox(), pt = svg.createSVGPoint();
        for (let i = 1; i < 40; i++) for (let j = 1; j < 40; j++) {
            pt.x = box.x + box.width * i / 40; pt.y = box.y + box.height * j / 40;
            if (p.isPointInFill(pt)) {
                const s = pt.matrixTransform(p.getScreenCTM());
                const hit = root.elementFromPoint(s.x, s.y);
                if (hit === p) return [s.x, s.y];
            }
        }
        return null; }""", code)
    assert point, f"no visible interior point of {code}"
    page.mouse.click(*point)


@pytest.mark.parametrize("name", MAP_PAGES)
def test_first_click_on_the_map_opens_that_regions_profile(server, browser, name):
    page, errors = _open(browser, f"{server}/{name}")
    code = _first_coloured(page)
    _click_area(page, code)
    query = _landed(page, code)
    assert set(query) <= {"region"}, page.url  # Korean, not presenting: nothing else to carry
    assert NAMES[code] in page.locator("h3").first.inner_text()  # the profile names the clicked region
    assert not errors, errors
    page.screenshot(path=str(SHOTS / f"default_click_{name}.png"))
    page.close()


@pytest.mark.parametrize("name", ("map", "risk"))
def test_first_row_of_the_rank_table_opens_that_regions_profile(server, browser, name):
    page, errors = _open(browser, f"{server}/{name}")
    row = page.locator(".bal-side tr[data-code]").first
    code = row.get_attribute("data-code")
    row.click()
    _landed(page, code)
    assert NAMES[code] in page.locator("h3").first.inner_text()
    assert not errors, errors
    page.close()


def test_sigungu_click_on_the_map_page(server, browser):
    """지도 at 시군구, chosen by its button as a user does, then a click on a 시군구."""
    page, errors = _open(browser, f"{server}/map")
    page.locator('[data-testid="stButtonGroup"] button', has_text="시군구").first.click()
    page.wait_for_function("() => {" + _ROOT + " return root.querySelectorAll('.bal-areas path').length > 200; }",
                           timeout=30_000)
    page.wait_for_selector(READY, timeout=30_000)
    code = _first_coloured(page)
    assert len(code) == 5
    _click_area(page, code)
    _landed(page, code)
    assert NAMES[code] in page.locator("h3").first.inner_text()
    assert not errors, errors
    page.close()


@pytest.mark.parametrize(("query", "carried", "heading"), [
    ("lang=en", {"lang": ["en"]}, "Region profile"),
    ("presenter=1", {"presenter": ["1"]}, ""),  # presenter mode hides headings (the chart names the region)
])
def test_the_same_click_in_english_and_presenter_mode_carries_the_mode(server, browser, query, carried, heading):
    page, errors = _open(browser, f"{server}/map?{query}")
    code = _first_coloured(page)
    _click_area(page, code)
    landed = _landed(page, code, heading=heading)
    for key, value in carried.items():
        assert landed.get(key) == value, page.url
    assert not errors, errors
    page.close()


# ---------------------------------------------------------------- the first control of the other pages

def _open_plain(browser, url: str, ready: str, *, width: int = 1440, height: int = 900):
    page = browser.new_page(viewport={"width": width, "height": height})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.wait_for_selector(ready, timeout=60_000)
    return page, errors


def _choose(page, box_label: str, typed: str, option: str) -> None:
    """Type into the selectbox labelled `box_label` and pick the option showing `option`."""
    box = page.locator('[data-testid="stSelectbox"]', has_text=box_label).first
    box.locator("input").click()
    box.locator("input").fill(typed)
    page.locator('[role="option"]', has_text=option).first.click()


SHARE_ROWS = ".st-key-capital_shares .bal-bc-row"  # the capital-share bar chart's rows (ui/assets/barchart.js)


def _bars(page) -> list[str]:
    """The capital-share chart's rows, top to bottom: the indicator id each carries."""
    return page.locator(SHARE_ROWS).evaluate_all("(rows) => rows.map((r) => r.dataset.code)")


@pytest.mark.parametrize(("query", "carried"), [("", {}), ("?lang=en", {"lang": ["en"]}),
                                                ("?presenter=1", {"presenter": ["1"]})])
def test_overview_first_click_on_a_share_bar_opens_its_trend(server, browser, query, carried):
    """개요: the first bar with a trend (more than one year in the built table) opens 추이 at that
    indicator's capital share; in English and presenter mode the mode is carried."""
    from indicators import catalog, store

    page, errors = _open_plain(browser, f"{server}/{query}", f"{SHARE_ROWS} .bal-bc-bar")
    obs = store.observations()
    years = obs.groupby("indicator")["year"].nunique()
    ids = _bars(page)
    k, ind = next((k, i) for k, i in enumerate(ids) if years.get(i, 0) > 1)
    bar = page.locator(SHARE_ROWS).nth(k).locator(".bal-bc-bar")
    bar.scroll_into_view_if_needed()
    bar.click()
    page.wait_for_url("**/trends?*", timeout=30_000)
    q = parse_qs(urlparse(page.url).query)
    assert q.get("indicator") == [ind], page.url
    assert q.get("measure", ["share"]) == ["share"], page.url  # the share (the page's default: may be left out)
    for key, value in carried.items():
        assert q.get(key) == value, page.url
    english = "lang" in carried
    name = catalog.get(ind).name_en if english else catalog.get(ind).name_ko
    chart = page.locator(".st-key-trend_chart .bal-lc")
    chart.locator(".bal-lc-title", has_text=name).wait_for(timeout=30_000)
    assert ("Share (%)" if english else "비중(%)") in chart.inner_text()
    no_exception(page)
    assert not errors, errors
    page.close()


def test_trends_first_control_changes_the_chart_and_the_link(server, browser):
    from indicators import catalog

    page, errors = _open_plain(browser, f"{server}/trends", ".st-key-trend_chart .bal-lc-title")
    other = catalog.get("grdp_nominal_krw_mn")
    _choose(page, "지표", other.name_ko[:4], other.name_ko)
    page.wait_for_url("**/trends?*indicator=grdp_nominal_krw_mn*", timeout=30_000)
    page.locator(".st-key-trend_chart .bal-lc-title", has_text=other.name_ko).wait_for(timeout=30_000)
    no_exception(page)
    assert not errors, errors
    page.close()


def test_region_first_control_opens_the_region_typed(server, browser):
    page, errors = _open_plain(browser, f"{server}/region", "h3")
    _choose(page, "지역", "의성", "의성군")
    page.wait_for_url("**/region?*region=47730*", timeout=30_000)
    page.locator("h3", has_text=NAMES["47730"]).wait_for(timeout=30_000)
    no_exception(page)
    assert not errors, errors
    page.close()


def test_disparity_first_control_redraws_at_the_level_chosen(server, browser):
    page, errors = _open_plain(browser, f"{server}/disparity", ".st-key-disp_measures .bal-lc[data-ready='1']")
    page.locator('[data-testid="stButtonGroup"] button', has_text="시군구").first.click()
    page.wait_for_url("**/disparity?*level=sigungu*", timeout=30_000)
    page.locator(".st-key-disp_measures .bal-lc-subtitle", has_text="시군구").wait_for(timeout=30_000)
    no_exception(page)
    assert not errors, errors
    page.close()
