"""Presenter mode on a 1280×720 projector, in Chromium (one server for the module).

- on, off and on again by mouse (the sidebar's toggle, the floating exit button) and by keyboard
  (Tab to each, Space or Enter);
- on every page the main chart (plotly, or the map component with its legend and source line) lies
  inside the 1280×720 viewport with no scrolling, at least 420 px tall, body text at least 18 px,
  and a plotly chart's mode bar clear of its title;
- the trend chart's year steps (ui/linechart.py, in the browser): one click shows one more year (its
  value checked against the capital share summed here from the built table), the URL holds the year
  and reopens it, play moves on by itself and pause holds it.
"""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from helpers.browser import SHOTS, idle, no_exception, steady
from indicators import store
from ui.linechart import STEP_MS

W, H = 1280, 720
MAP = ".bal-map[data-ready='1']"
# 개요's first screen is its five headline numbers, checked in test_presenter_screens.py
PLOTLY = {"region": "region_relative", "disparity": "disp_measures"}
MAPS = ("map", "risk", "composite", "bivariate")
LINES = {"trends": ".bal-lc[data-ready='1']"}  # the line-chart component (ui/linechart.py)
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


@pytest.mark.parametrize("name", list(LINES) + list(PLOTLY) + list(MAPS) + list(TABLE))
def test_every_page_main_chart_fits_a_1280x720_screen(server, browser, name):
    page, errors = _page(browser, f"{server}/{name}?presenter=1")
    if name in PLOTLY:
        sel = f".st-key-{PLOTLY[name]} .js-plotly-plot"
        page.wait_for_selector(f"{sel} .main-svg", timeout=60_000)
    elif name in LINES:
        sel = ".bal-lc"
        page.wait_for_selector(LINES[name], timeout=60_000)
    elif name in MAPS:
        sel = ".bal-map"
        page.wait_for_function(f"() => [...document.querySelectorAll('*')].some(n => n.shadowRoot && "
                               f"n.shadowRoot.querySelector(\"{MAP}\"))", timeout=60_000)
    else:
        sel = TABLE[name]
        page.wait_for_selector(sel, timeout=60_000)
    idle(page)
    box = steady(page, _BOX, sel)  # the map fits itself once the page has settled: measured at rest
    assert page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollTop") == 0
    assert box is not None, name
    assert box["top"] >= 0 and box["bottom"] <= H, (name, box)
    assert box["height"] >= 420, (name, box)
    if name in MAPS or name in LINES:  # legend and source line are inside the box measured
        parts = (".bal-lc-legend", ".bal-lc-source", ".bal-lc-bar") if name in LINES else (".bal-legend", ".bal-source")
        for part in parts:
            inner = page.evaluate(_BOX, part)
            assert inner["top"] >= box["top"] and inner["bottom"] <= box["bottom"] <= H, (name, part, inner)
    fonts = page.evaluate(_FONTS)
    assert fonts, name
    small = [f for f in fonts if f[0] < 18]
    assert not small, (name, small)
    if name in PLOTLY:  # the mode bar never covers the chart's title or subtitle
        bar = page.evaluate(_BOX, f"{sel} .modebar")
        for part in (".gtitle", ".gtitle-subtitle"):
            title = page.evaluate(_BOX, f"{sel} {part}")
            if title is None:
                continue
            apart = bar["left"] >= title["right"] or bar["bottom"] <= title["top"] or bar["top"] >= title["bottom"]
            assert apart, (name, part, bar, title)
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


# Every text line plotly draws in a chart: tick labels, titles, panel titles, annotations (font px, box).
_CHART_TEXT = """(sel) => { const gd = document.querySelector(sel);
  const parts = [...gd.querySelectorAll('.xaxislayer-above text, .yaxislayer-above text, .annotation-text-g text,'
    + ' .g-gtitle text')];
  return parts.flatMap((t, k) => { const spans = [...t.querySelectorAll('tspan.line')];
      return (spans.length ? spans : [t]).map(line => [line, k]); })
    .map(([t, k]) => { const r = t.getBoundingClientRect(); const host = t.closest('text');
      return {text: t.textContent, size: parseFloat(getComputedStyle(host).fontSize), host: k,
              cls: (t.closest('g[class]') || host).getAttribute('class'), box: [r.left, r.top, r.right, r.bottom]}; })
    .filter(x => x.text.trim() && x.box[2] > x.box[0]); }"""


def test_disparity_with_every_measure_is_legible_at_1280x720(server, browser):
    """격차 분석 with all five measures (the default) and the policy events: each measure's panel is at
    least 100 px tall with at least two value ticks, every tick label and panel title is at least 18 px,
    no two text lines of the chart overlap, and the chart lies inside the 1280×720 screen."""
    page, errors = _page(browser, f"{server}/disparity?presenter=1")
    sel = ".st-key-disp_measures .js-plotly-plot"
    page.wait_for_selector(f"{sel} .main-svg", timeout=60_000)
    idle(page)
    steady(page, _CHART_TEXT, sel)  # plotly's last relayout done: every text line at rest
    box = page.evaluate(_BOX, sel)
    assert box["top"] >= 0 and box["bottom"] <= H, box
    panels = page.evaluate(f"""() => {{ const gd = document.querySelector("{sel}");
        return gd._fullData.map(tr => {{ const ya = gd._fullLayout[tr.yaxis.replace('y', 'yaxis')];
            const shown = ya._vals.filter(v => v.x >= Math.min(...ya.range) && v.x <= Math.max(...ya.range));
            return [tr.name, ya._length, shown.length]; }}); }}""")
    assert len(panels) == 5, panels
    for name, height, ticks in panels:
        assert height >= 100 and ticks >= 2, (name, height, ticks)
    texts = page.evaluate(_CHART_TEXT, sel)
    titles = {p[0] for p in panels}
    body = [x for x in texts if "tick" in x["cls"] or x["text"] in titles]
    assert len(body) >= 5 * 4, body  # each panel: its title, year ticks, value ticks
    small = [(x["text"], x["size"]) for x in body if x["size"] < 18]
    assert not small, small
    for i in range(len(texts)):
        for j in range(i + 1, len(texts)):
            if texts[i]["host"] == texts[j]["host"]:
                continue  # the lines of one text touch by design
            a, b = texts[i]["box"], texts[j]["box"]
            overlap = min(a[2], b[2]) - max(a[0], b[0]) > 0.5 and min(a[3], b[3]) - max(a[1], b[1]) > 0.5
            assert not overlap, (texts[i], texts[j])
    no_exception(page)
    assert not errors, errors
    page.screenshot(path=str(SHOTS / f"presenter_disparity_measures_{W}x{H}.png"))
    page.close()
