"""Presenter mode on a 1280×720 projector, in Chromium (one server for the module).

- on, off and on again by mouse (the sidebar's toggle, the floating exit button) and by keyboard
  (Tab to each, Space or Enter);
- on every page the main chart (a chart component with its legend, toolbar and source line, or the map
  component with its legend and source line) lies inside the 1280×720 viewport with no scrolling, at
  least 420 px tall, body text at least 18 px; a chart's own text at least 18 px (a year chart) or 15 px
  (a bar chart), none of it over another (the PNG/SVG buttons clear of the title and subtitle);
- the trend chart's year steps (ui/linechart.py, in the browser): one set of year controls on the page,
  one click shows one more year (its value checked against the capital share summed here from the built
  table) and the migration chart below follows it, the URL holds the year and reopens it, play moves on
  by itself and pause holds it.
"""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from helpers.browser import CHART_PARTS, SHOTS, idle, inside, no_exception, steady, text_overlaps
from indicators import store
from ui.linechart import STEP_MS

W, H = 1280, 720
MAP = ".bal-map[data-ready='1']"
# 개요's first screen is its five headline numbers, checked in test_presenter_screens.py
CHARTS = {"trends": "trend_chart", "region": "region_relative", "disparity": "disp_measures"}  # their keys
CHART_MIN_PX = {"years": 18, "bars": 15}  # a chart's smallest text (plotly's presenter bars: 15 px values)
# the marks written on a year chart's drawing (event numbers, quoted figures, bar and point labels): at least
# plotly's presenter event badges (14 px)
MARKS = ("bal-lc-badge", "text", "bal-lc-blabel", "bal-lc-plabel")
MARK_MIN_PX = 14
MAPS = ("map", "risk", "composite", "bivariate")
STEP_S = STEP_MS / 1000
# 자료·방법 has no main chart: its catalogue table is what it shows first (checked as its main element)
TABLE = {"data": ".st-key-catalogue .bal-static"}  # the table in its scrolling box
CAPITAL_SIDO = ("11", "28", "41")  # 서울, 인천, 경기

_BOX = """(sel) => {
  const host = [...document.querySelectorAll('*')].find(n => n.shadowRoot && n.shadowRoot.querySelector(sel));
  const node = host ? host.shadowRoot.querySelector(sel) : document.querySelector(sel);
  if (!node) return null;
  const r = node.getBoundingClientRect();
  return {top: r.top, bottom: r.bottom, height: r.height, left: r.left, right: r.right};
}"""
# a part of the chart component of the element `key` (its box `.bal-lc`, legend, toolbar, source)
_CHART_BOX = """([key, sel]) => {
  const host = [...document.querySelectorAll(`.st-key-${key} *`)].find(n => n.shadowRoot);
  const node = host && host.shadowRoot.querySelector(sel);
  if (!node) return null;
  const r = node.getBoundingClientRect();
  return {top: r.top, bottom: r.bottom, height: r.height, left: r.left, right: r.right};
}"""
_FONTS = """() => [...document.querySelectorAll('[data-testid="stMain"] p, [data-testid="stMain"] label,'
  + ' [data-testid="stMain"] [data-testid="stCaptionContainer"]')]
  .filter(n => n.offsetParent && n.innerText.trim())
  .map(n => [parseFloat(getComputedStyle(n).fontSize), n.innerText.trim().slice(0, 40)])"""


def _page(browser, url: str):
    page = browser.new_page(viewport={"width": W, "height": H})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    return page, errors


def _href(page) -> str:
    return page.evaluate("location.href")


def _presenter_on(page) -> None:
    page.wait_for_function("() => location.search.includes('presenter=1')", timeout=20_000)
    page.get_by_role("button", name="발표 모드 끄기").wait_for(state="visible", timeout=20_000)


def _presenter_off(page) -> None:
    page.wait_for_function("() => !location.search.includes('presenter')", timeout=20_000)
    page.get_by_role("button", name="발표 모드 끄기").wait_for(state="detached", timeout=20_000)


def _tab_to(page, test: str, limit: int = 60) -> None:
    """Press Tab until the focused element passes `test` (JS on document.activeElement `a`)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const a = document.activeElement; return !!({test}); }}"):
            return
    raise AssertionError(f"not reachable with Tab: {test}")


TOGGLE = ("a.getAttribute('role') === 'switch' && "
          "(a.closest('label') || a.parentElement).innerText.includes('발표 모드')")


def test_presenter_on_off_on_by_mouse_and_keyboard(server, browser):
    page, errors = _page(browser, f"{server}/trends")
    page.wait_for_selector(".bal-lc[data-ready='1']", timeout=60_000)
    sidebar_toggle = page.locator('[data-testid="stSidebar"] label', has_text="발표 모드")
    # mouse: the sidebar's toggle on, the floating button off
    sidebar_toggle.click()
    _presenter_on(page)
    assert page.locator(".st-key-presenter_controls").is_visible()  # settings moved into the popover
    page.get_by_role("button", name="발표 모드 끄기").click()
    _presenter_off(page)
    # keyboard: Tab to the sidebar's toggle, Space; Tab to the floating button, Enter
    page.evaluate("document.activeElement && document.activeElement.blur()")
    _tab_to(page, TOGGLE)
    page.keyboard.press("Space")
    _presenter_on(page)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    _tab_to(page, "a.closest('.st-key-presenter_exit')")
    page.keyboard.press("Enter")
    _presenter_off(page)
    # and on again by mouse, from a sidebar that presenter mode had closed: » opens it
    sidebar_toggle = page.locator('[data-testid="stSidebar"] label', has_text="발표 모드")
    expand = page.locator('[data-testid="stExpandSidebarButton"]')
    if expand.is_visible():
        expand.click()
    sidebar_toggle.click()  # Playwright clicks once the sliding sidebar has come to rest
    _presenter_on(page)
    # the page's settings are a keyboard-reachable popover
    page.evaluate("document.activeElement && document.activeElement.blur()")
    _tab_to(page, "a.closest('.st-key-presenter_controls')")
    page.keyboard.press("Enter")
    page.locator('[data-testid="stPopoverBody"]').wait_for(state="visible", timeout=10_000)
    assert "지표" in page.locator('[data-testid="stPopoverBody"]').inner_text()
    no_exception(page)
    assert not errors, errors
    page.close()


@pytest.mark.parametrize("name", list(CHARTS) + list(MAPS) + list(TABLE))
def test_every_page_main_chart_fits_a_1280x720_screen(server, browser, name):
    page, errors = _page(browser, f"{server}/{name}?presenter=1")
    if name in CHARTS:
        page.wait_for_selector(f".st-key-{CHARTS[name]} .bal-lc[data-ready='1']", timeout=60_000)
    elif name in MAPS:
        page.wait_for_function(f"() => [...document.querySelectorAll('*')].some(n => n.shadowRoot && "
                               f"n.shadowRoot.querySelector(\"{MAP}\"))", timeout=60_000)
    else:
        page.wait_for_selector(TABLE[name], timeout=60_000)
    idle(page)
    # the chart fits itself to the screen, the map too, once the page has settled: measured at rest
    box = (steady(page, _CHART_BOX, [CHARTS[name], ".bal-lc"]) if name in CHARTS
           else steady(page, _BOX, ".bal-map" if name in MAPS else TABLE[name]))
    assert page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollTop") == 0
    assert box is not None, name
    assert box["top"] >= 0 and box["bottom"] <= H, (name, box)
    assert box["height"] >= 420, (name, box)
    if name in MAPS or name in CHARTS:  # legend and source line are inside the box measured
        parts = ((".bal-lc-legend", ".bal-lc-source", ".bal-lc-bar") if name in CHARTS
                 else (".bal-legend", ".bal-source"))
        for part in parts:
            inner = page.evaluate(_CHART_BOX, [CHARTS[name], part]) if name in CHARTS else page.evaluate(_BOX, part)
            assert inner["top"] >= box["top"] and inner["bottom"] <= box["bottom"] <= H, (name, part, inner)
    fonts = page.evaluate(_FONTS)
    assert fonts, name
    small = [f for f in fonts if f[0] < 18]
    assert not small, (name, small)
    if name in CHARTS:  # the chart's own text: large enough, inside the chart, none over another
        chart, = page.evaluate(CHART_PARTS, [CHARTS[name]])
        texts = chart["texts"]
        assert len([x for x in texts if x["cls"].endswith("tick")]) >= 4, name
        small = [(x["cls"], x["text"][:30], x["size"]) for x in texts
                 if x["size"] < (MARK_MIN_PX if x["cls"] in MARKS else CHART_MIN_PX[chart["kind"]])]
        assert not small, (name, small)
        for x in chart["texts"]:
            assert inside(x["box"], chart["svg"] if x["el"][0] in "sb" else chart["box"]), (name, x)
        assert not text_overlaps(chart), (name, text_overlaps(chart)[:3])
        buttons = [x for x in chart["texts"] if x["cls"] in ("bal-lc-png", "bal-lc-svgx")]
        titles = [x for x in chart["texts"] if x["cls"] in ("bal-lc-title", "bal-lc-subtitle")]
        assert len(buttons) == 2 and titles, (name, buttons, titles)  # (their overlaps: checked just above)
    no_exception(page)
    assert not errors, errors
    page.screenshot(path=str(SHOTS / f"presenter_{name}_{W}x{H}.png"))
    page.close()


def _capital_share(year: int) -> float:
    """서울+인천+경기 over the 17 시도 (주민등록인구), in %, summed here from the built table."""
    obs = store.observations()
    s = obs[(obs["indicator"] == "reg_population_persons") & (obs["year"] == year)]
    sido = s[s["region_code"].str.fullmatch(r"\d\d") & (s["region_code"] != "00")]
    return 100 * sido.loc[sido["region_code"].isin(CAPITAL_SIDO), "value"].sum() / sido["value"].sum()


# the 수도권 line's points as drawn (its markers carry their year and value): [last year, its value, count]
_SHOWN = """() => { const host = [...document.querySelectorAll('.st-key-trend_chart *')].find(n => n.shadowRoot);
  const dots = host && host.shadowRoot.querySelector('.bal-lc-dots[data-code="CR"]');
  if (!dots || !dots.children.length) return null;
  const last = dots.lastElementChild;
  return [Number(last.dataset.year), Number(last.dataset.value), dots.children.length]; }"""
# the chart's own fonts at presenter size: tick labels, legend, subtitle (px)
_LC_FONTS = """() => { const host = [...document.querySelectorAll('.st-key-trend_chart *')].find(n => n.shadowRoot);
  const root = host.shadowRoot;
  return [...root.querySelectorAll('.bal-lc-xtick, .bal-lc-ytick, .bal-lc-item, .bal-lc-subtitle, .bal-lc-btn')]
    .map(n => [parseFloat(getComputedStyle(n).fontSize), n.textContent.trim().slice(0, 30)]); }"""


def _year_in_url(page) -> int | None:
    m = re.search(r"[?&]year=(\d{4})", _href(page))
    return int(m.group(1)) if m else None


def test_trend_steps_reveal_one_more_year_and_the_url_holds_it(server, browser):
    url = f"{server}/trends?presenter=1&indicator=reg_population_persons&measure=share&year=2015"
    page, errors = _page(browser, url)
    page.wait_for_selector(".st-key-trend_chart .bal-lc[data-ready='1']", timeout=60_000)
    page.wait_for_function(f"({_SHOWN})() && ({_SHOWN})()[0] === 2015", timeout=30_000)
    assert page.locator(".bal-lc-play").count() == 1  # one set of year controls: the migration chart follows
    expect(page.locator(".st-key-migration_chart .bal-lc-subtitle")).to_contain_text("2015년까지")
    small = [f for f in page.evaluate(_LC_FONTS) if f[0] < 18]
    assert not small, small
    last, value, n = page.evaluate(_SHOWN)
    assert abs(value - _capital_share(2015)) < 0.01
    page.locator(".bal-lc-next").click()
    page.wait_for_function(f"() => ({_SHOWN})() && ({_SHOWN})()[0] === 2016", timeout=30_000)
    last2, value2, n2 = page.evaluate(_SHOWN)
    assert n2 == n + 1 and abs(value2 - _capital_share(2016)) < 0.01
    page.wait_for_function("() => location.search.includes('year=2016')", timeout=15_000)
    assert "2016년까지" in page.locator(".st-key-trend_chart .bal-lc-subtitle").text_content()
    expect(page.locator(".st-key-migration_chart .bal-lc-subtitle")).to_contain_text("2016년까지")
    page.screenshot(path=str(SHOTS / "presenter_trend_step.png"))
    # a link with that URL reopens the same view
    again, _ = _page(browser, _href(page))
    again.wait_for_function(f"() => ({_SHOWN})() && ({_SHOWN})()[0] === 2016", timeout=60_000)
    again.close()
    # back one year, then play: the years move on by themselves, in the chart and in the URL
    page.locator(".bal-lc-prev").click()
    page.wait_for_function(f"() => ({_SHOWN})() && ({_SHOWN})()[0] === 2015", timeout=30_000)
    page.locator(".bal-lc-play").click()
    page.wait_for_function(f"() => ({_SHOWN})() && ({_SHOWN})()[0] >= 2018", timeout=30_000)
    assert (_year_in_url(page) or 9999) >= 2017
    page.locator(".bal-lc-play").click()  # pause
    expect(page.locator(".bal-lc-play")).to_contain_text("재생", timeout=30_000)  # paused
    idle(page)
    held = page.evaluate(_SHOWN)[0]
    page.wait_for_timeout(int(2.5 * STEP_S * 1000))  # two and a half play steps
    assert page.evaluate(_SHOWN)[0] == held  # paused: no further year
    no_exception(page)
    assert not errors, errors
    page.close()


def _panels(chart: dict) -> list[dict]:
    """A year chart's panels as drawn (`CHART_PARTS`): each panel title with the value ticks left of its
    drawing and the year ticks under it (a panel's column: its title's left edge, the drawing's; its row:
    the nearest title above)."""
    texts = chart["texts"]
    panels = [{"title": x, "yticks": [], "xticks": []} for x in texts if x["cls"] == "bal-lc-ptitle"]
    lefts = sorted({round(p["title"]["box"][0]) for p in panels})

    def owner(column: int, top: float) -> dict | None:
        above = [p for p in panels if round(p["title"]["box"][0]) == column and p["title"]["box"][3] <= top]
        return max(above, key=lambda p: p["title"]["box"][3], default=None)

    for x in texts:
        if x["cls"] == "bal-lc-ytick":  # right-aligned just left of its panel's drawing
            column = next((c for c in lefts if c >= x["box"][2]), None)
            part = "yticks"
        elif x["cls"] == "bal-lc-xtick":  # centred under its year
            column = max((c for c in lefts if c <= (x["box"][0] + x["box"][2]) / 2), default=None)
            part = "xticks"
        else:
            continue
        panel = owner(column, x["box"][1]) if column is not None else None
        assert panel, x  # every tick belongs to a panel
        panel[part].append(x)
    return panels


def test_disparity_with_every_measure_is_legible_at_1280x720(server, browser):
    """격차 분석 with all five measures (the default) and the policy events: each measure's panel has room
    for a drawing at least 100 px tall (its title to its year labels: 100 px and a type size of gaps)
    with at least two value ticks, every tick label and panel title is at least 18 px, no two text lines of
    the chart overlap, and the chart lies inside the 1280×720 screen."""
    page, errors = _page(browser, f"{server}/disparity?presenter=1")
    page.wait_for_selector(".st-key-disp_measures .bal-lc[data-ready='1']", timeout=60_000)
    idle(page)
    chart, = steady(page, CHART_PARTS, ["disp_measures"])  # fitted to the screen: every text line at rest
    box = chart["box"]
    assert box[1] >= 0 and box[3] <= H, box
    panels = _panels(chart)
    assert len(panels) == 5, [p["title"]["text"] for p in panels]
    for p in panels:
        title, size = p["title"], p["title"]["size"]
        assert len(p["yticks"]) >= 2 and p["xticks"], (title["text"], p)
        room = min(x["box"][1] for x in p["xticks"]) - title["box"][3]
        assert room >= 100 + size, (title["text"], room)
    body = [x for x in chart["texts"] if x["cls"] in ("bal-lc-xtick", "bal-lc-ytick", "bal-lc-ptitle")]
    assert len(body) >= 5 * 4, body  # each panel: its title, year ticks, value ticks
    small = [(x["text"], x["size"]) for x in body if x["size"] < 18]
    assert not small, small
    assert not text_overlaps(chart), text_overlaps(chart)[:3]
    for x in chart["texts"]:
        assert inside(x["box"], chart["svg"] if x["el"][0] in "sb" else chart["box"]), x
    no_exception(page)
    assert not errors, errors
    page.screenshot(path=str(SHOTS / f"presenter_disparity_measures_{W}x{H}.png"))
    page.close()
