"""The trend chart component in Chromium (ui/linechart.py + ui/assets/linechart.js) on the session's full
build: what it draws against the built table read here (`store.observations`, not what the component was
sent), lines broken where a year is missing, hover, the SVG export, and the presenter's year step handled
in the browser (at most 1 KB over the WebSocket; in fact no script run), as the map's year step."""
from __future__ import annotations

import re

import pytest

from helpers.browser import SHOTS, idle, no_exception
from indicators import store

CHART = ".st-key-trend_chart"  # the page's first chart (net migration is drawn by the same component below it)
READY = f"{CHART} .bal-lc[data-ready='1']"
SET = "2026-07"  # the app's default boundary set
IND = "reg_population_persons"
STEP_BUDGET = 1024  # bytes over the WebSocket for one year step (issue 21)
# every line as drawn: code → {year: value} from its markers, and its path's number of pieces
DRAWN = """() => { const host = [...document.querySelectorAll('.st-key-trend_chart *')].find(n => n.shadowRoot);
  const root = host.shadowRoot, out = {};
  root.querySelectorAll('.bal-lc-dots').forEach(g => {
    const pts = {}; [...g.children].forEach(c => { pts[c.dataset.year] = Number(c.dataset.value); });
    const path = root.querySelector(`.bal-lc-line[data-code="${g.dataset.code}"]`);
    out[g.dataset.code] = {pts, pieces: (path.getAttribute('d').match(/M/g) || []).length}; });
  return out; }"""


def _open(browser, url: str, on_page=None, **kw):
    page = browser.new_page(**{"viewport": {"width": 1440, "height": 900}, **kw})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    if on_page:
        on_page(page)
    page.goto(url)
    page.wait_for_selector(READY, timeout=60_000)
    return page, errors


def _built(codes: list[str]) -> dict[str, dict[int, float]]:
    obs = store.observations(boundary_set=SET)
    s = obs[(obs["indicator"] == IND) & obs["region_code"].isin(codes)].dropna(subset=["value"])
    return {c: dict(zip(part["year"].astype(int), part["value"])) for c, part in s.groupby("region_code")}


def _runs(years: list[int], have: set[int]) -> int:
    """Pieces a line should have: runs of consecutive chart years with a value."""
    runs, inside = 0, False
    for y in years:
        if y in have and not inside:
            runs += 1
        inside = y in have
    return runs


def test_chart_draws_each_regions_values_as_built_with_gaps_not_joined(server, browser):
    codes = ["CR", "NC", "00", "26", "47170"]  # groups, nation, 부산, and 안동시 (a 시군구: fewer years)
    page, errors = _open(browser, f"{server}/trends?indicator={IND}&measure=level&compare=26,47170")
    drawn = page.evaluate(DRAWN)
    built = _built(codes)
    assert set(drawn) == set(built), (set(drawn), set(built))
    years = sorted({y for pts in built.values() for y in pts})
    for code, want in built.items():
        got = {int(y): v for y, v in drawn[code]["pts"].items()}
        assert set(got) == set(want), code  # a marker for every year with a value, none elsewhere
        for y, v in want.items():
            assert got[y] == pytest.approx(v, rel=1e-12), (code, y)
        assert drawn[code]["pieces"] == _runs(years, set(want)), code  # a missing year breaks the line
    # hover: the year, each line's name and value with its unit
    svg = page.locator(f"{CHART} .bal-lc-svg")
    box = svg.bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.75, box["y"] + box["height"] * 0.6)
    tip = page.locator(f"{CHART} .bal-lc-tip")
    tip.wait_for(state="visible", timeout=5_000)
    text = tip.inner_text()
    year = int(re.search(r"(\d{4})년", text).group(1))
    assert "수도권" in text and "비수도권" in text and "명" in text, text
    assert year in years
    page.screenshot(path=str(SHOTS / "trend_chart_hover.png"))
    no_exception(page)
    assert not errors, errors
    page.close()


def test_svg_export_carries_title_subtitle_legend_and_source(server, browser):
    page, _ = _open(browser, f"{server}/trends?indicator={IND}&measure=share", accept_downloads=True)
    with page.expect_download() as dl:
        page.locator(f"{CHART} .bal-lc-svgx").click()
    body = open(dl.value.path(), encoding="utf-8").read()
    assert dl.value.suggested_filename == f"trend_{IND}_share.svg"
    for cls in ("bal-x-title", "bal-x-subtitle", "bal-x-legend", "bal-x-source"):
        assert f'class="{cls}"' in body, cls
    assert "주민등록인구" in body and "수도권" in body and "비중" in body
    assert "Noto Sans CJK KR" in body
    page.close()


def test_presenter_year_step_is_drawn_in_the_browser_and_sends_at_most_1kb(server, browser):
    frames: list[int] = []

    def listen(page):  # before the page opens its WebSocket
        page.on("websocket", lambda ws: ws.on("framereceived", lambda d: frames.append(len(d))))

    page, errors = _open(browser, f"{server}/trends?presenter=1&indicator={IND}&measure=share", on_page=listen,
                         viewport={"width": 1280, "height": 720})
    idle(page)
    for _ in range(50):  # the first run's last messages are in: 300 ms without a frame
        seen = len(frames)
        page.wait_for_timeout(300)
        if len(frames) == seen:
            break
    last = int(page.locator(f"{CHART} .bal-lc-year").inner_text()[:4])
    for name, want in (("prev", last - 1), ("prev", last - 2), ("next", last - 1)):
        frames.clear()
        page.locator(f"{CHART} .bal-lc-{name}").click()
        page.wait_for_function(f"() => location.search.includes('year={want}')", timeout=15_000)
        page.wait_for_timeout(1000)  # a script run, had one started, would have sent its first message by now
        assert sum(frames) <= STEP_BUDGET, (name, frames)
        assert frames == [], frames  # in fact nothing: no script run
        assert f"{want}년까지" in page.locator(f"{CHART} .bal-lc-subtitle").inner_text()
    no_exception(page)
    assert not errors, errors
    page.close()
