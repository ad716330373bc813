"""Presenter mode as the audience sees it, in Chromium: what the first screen holds and what the
controls show once the presenter leaves the mode.

- 개요 at 1280×720: the five headline numbers are on the first screen, each the largest type on it
  (larger than the year line above it), at least 36 px;
- leaving presenter mode by its button (clicked as soon as it shows, before the page's first run has
  said its figure is drawn; the browser's CPU slowed 6×, as on a loaded machine): the mode stays off once
  the page is whole, every control shows what the figure shows (the 지표 box names the indicator of the
  chart's title, the level and display buttons have a selected option) and the sidebar is back;
- presenting, a page opened from the sidebar shows its own default view, not the indicator chosen on
  the page before (a prepared walk-through is its links, not the path taken).
"""
from __future__ import annotations

import pytest

from helpers.browser import SHOTS, no_exception
from indicators import catalog

W, H = 1280, 720


def _page(browser, url: str, width: int = W, height: int = H):
    page = browser.new_page(viewport={"width": width, "height": height})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    return page, errors


def test_presenter_overview_shows_every_headline_number_first(server, browser):
    page, errors = _page(browser, f"{server}/?presenter=1")
    values = page.locator('[data-testid="stMetricValue"]')
    values.nth(4).wait_for(timeout=60_000)
    boxes = page.evaluate("""() => [...document.querySelectorAll('[data-testid="stMetricValue"] p')].map(n => {
        const r = n.getBoundingClientRect();
        const label = n.closest('[data-testid="stMetric"]').querySelector('[data-testid="stMetricLabel"] p');
        return {bottom: r.bottom, top: r.top, size: parseFloat(getComputedStyle(n).fontSize),
                label: parseFloat(getComputedStyle(label).fontSize), text: n.innerText}; })""")
    assert len(boxes) == 5, boxes
    for b in boxes:
        assert b["bottom"] <= H, f"{b['text']} below the fold ({b['bottom']:.0f} px)"
        assert b["size"] >= 36, b
        assert b["size"] > b["label"], b
    chart = page.locator(".st-key-capital_shares").bounding_box()
    assert chart is None or chart["y"] >= max(b["bottom"] for b in boxes)  # the chart comes after the cards
    no_exception(page)
    assert not errors, errors
    page.screenshot(path=str(SHOTS / "presenter_overview_first_screen.png"))
    page.close()


def _selected_buttons(page) -> list[str]:
    """The label of the selected option of every button group on the page (an empty string where none
    is selected)."""
    return page.evaluate("""() => [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stButtonGroup"]')]
        .filter(g => g.querySelector('button[aria-checked]'))
        .map(g => { const on = [...g.querySelectorAll('button')].find(b => b.getAttribute('aria-checked') === 'true');
                    return on ? on.innerText.trim() : ''; })""")


@pytest.mark.parametrize("name", ["trends", "map"])
def test_leaving_presenter_mode_keeps_every_control_in_step_with_the_figure(server, browser, name):
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    # a loaded machine (CPU 6× slower): the browser may not draw the widgets of the run cut at the figure before
    # the whole run replaces them; the whole run must send their values again (a widget drawn without its value
    # showed its first option, 인구(총조사), under a chart of 주민등록인구)
    page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 6})
    page.goto(f"{server}/{name}?presenter=1")
    page.get_by_role("button", name="발표 모드 끄기").click()
    page.wait_for_function("() => !location.search.includes('presenter')", timeout=30_000)
    box = page.locator('[data-testid="stSelectbox"]').first
    box.wait_for(timeout=30_000)
    page.locator('[data-testid="stSidebarNav"]').wait_for(state="visible", timeout=30_000)  # the sidebar is back
    # the click comes before the page said its figure was drawn (a session's first run is cut there): the
    # whole run that follows must not carry the toggle's old value back (presenter mode on again)
    page.wait_for_function("() => document.documentElement.dataset.balWhole === '1'", timeout=30_000)
    assert "presenter" not in page.url, page.url
    assert page.get_by_role("button", name="발표 모드 끄기").count() == 0
    shown = box.locator("input").input_value()
    default = catalog.get("reg_population_persons" if name == "trends" else "reg_extinction_risk_index")
    # the chart's title names the default indicator; the box must name it too
    if name == "trends":
        assert default.name_ko in page.locator(".st-key-trend_chart .bal-lc").inner_text()
    else:
        assert default.name_ko in page.locator(".bal-title").inner_text()
    assert default.name_ko in shown, shown
    selected = _selected_buttons(page)
    assert selected and all(selected), selected  # every button group shows its value
    no_exception(page)
    assert not errors, errors
    page.screenshot(path=str(SHOTS / f"presenter_left_{name}.png"))
    page.close()


def test_presenting_a_page_opened_from_the_sidebar_shows_its_own_default(server, browser):
    other = "grdp_nominal_krw_mn"  # offered on both pages; neither page's default
    page, errors = _page(browser, f"{server}/map?presenter=1&indicator={other}")
    page.locator(".bal-map[data-ready='1']").wait_for(timeout=60_000)
    assert catalog.get(other).name_ko in page.locator(".bal-title").inner_text()
    page.locator('[data-testid="stExpandSidebarButton"]').click()
    page.locator('[data-testid="stSidebarNav"] a', has_text="추이").click()
    page.wait_for_url("**/trends*", timeout=30_000)
    page.locator(".st-key-trend_chart .bal-lc").wait_for(timeout=60_000)
    assert "indicator=" not in page.url  # the trend page's default view, not the map's indicator
    assert catalog.get(other).name_ko not in page.locator(".st-key-trend_chart .bal-lc").inner_text()
    no_exception(page)
    assert not errors, errors
    page.close()


def test_presenting_the_sidebar_closes_after_a_page_is_chosen(server, browser):
    """» then a page: the new page shows with the sidebar closed, its settings button uncovered and whole."""
    page, errors = _page(browser, f"{server}/?presenter=1")
    page.locator('[data-testid="stExpandSidebarButton"]').click()
    sidebar = page.locator('[data-testid="stSidebar"]')
    page.wait_for_function("() => document.querySelector('[data-testid=stSidebar]').dataset.collapsed === 'false'")
    page.locator('[data-testid="stSidebarNav"] a', has_text="추이").click()
    page.wait_for_url("**/trends*", timeout=30_000)
    # closed when the new page's run draws the chrome component: a loaded machine takes as long as a run
    page.wait_for_function("() => document.querySelector('[data-testid=stSidebar]').dataset.collapsed === 'true'",
                           timeout=60_000)
    settings = page.locator(".st-key-presenter_controls button").first
    settings.wait_for(timeout=30_000)
    # the sidebar slides out (a CSS transition): read the layout once it has come to rest off screen
    page.wait_for_function("() => document.querySelector('[data-testid=stSidebar]')"
                           ".getBoundingClientRect().right <= 0", timeout=5_000)
    box, side = settings.bounding_box(), sidebar.bounding_box()
    assert side is None or side["x"] + side["width"] <= box["x"], (side, box)  # nothing over the button
    label = settings.inner_text()
    assert "…" not in label and ".." not in label, label
    assert not errors, errors
    page.close()


# the trend chart (ui/linechart.py) lives in its component's shadow root
_ROOT = """const host = [...document.querySelectorAll('.st-key-trend_chart *')].find(n => n.shadowRoot);
    const root = host ? host.shadowRoot : document;"""
_CHART = """() => { """ + _ROOT + """ const svg = root.querySelector('.bal-lc');
    const tick = root.querySelector('.bal-lc-xtick');
    const r = svg.getBoundingClientRect();
    const body = [...document.querySelectorAll('[data-testid="stMain"] p')].filter(n => n.offsetParent)[0];
    return {bottom: r.bottom, height: r.height, width: r.width, tick: parseFloat(getComputedStyle(tick).fontSize),
            body: body ? parseFloat(getComputedStyle(body).fontSize) : 0}; }"""


def _trend_chart_at(browser, server, width, height):
    page, errors = _page(browser, f"{server}/trends?presenter=1", width, height)
    page.wait_for_selector(".st-key-trend_chart .bal-lc-xtick", timeout=60_000)
    # the browser tells the server its screen once; the chart is then redrawn at the screen's scale
    page.wait_for_function("() => { " + _ROOT + f""" const s = root.querySelector(".bal-lc[data-ready='1']");
        return s && s.getBoundingClientRect().height >= {0.7 * height:.0f}; }}""", timeout=30_000)
    page.wait_for_timeout(500)
    m = page.evaluate(_CHART)
    assert not errors, errors
    page.screenshot(path=str(SHOTS / f"presenter_trends_{width}x{height}.png"))
    page.close()
    return m


def test_presenter_type_and_chart_grow_with_the_screen(server, browser):
    """The same view at 1280×720 and 1920×1080: chart height, tick type and body type 1.5× as large on the
    larger screen (not the same pixels on a screen half again as wide), the chart still above the fold."""
    small = _trend_chart_at(browser, server, 1280, 720)
    large = _trend_chart_at(browser, server, 1920, 1080)
    assert small["bottom"] <= 720 and large["bottom"] <= 1080, (small, large)
    for key in ("height", "tick", "body"):
        assert large[key] == pytest.approx(1.5 * small[key], rel=0.08), (key, small, large)
    assert large["body"] >= 27


_SCREEN = """() => {
  const main = document.body;  // what the audience sees: the page, or the still copy over it while it changes
  const visible = (n) => { const r = n.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.top < innerHeight; };
  // our figures (the map, the charts) are components drawn in shadow roots; the still copy is plain markup
  const figures = [...main.querySelectorAll('*')]
      .filter(n => n.shadowRoot && n.shadowRoot.querySelector('.bal-map,.bal-lc')).length
    + [...main.querySelectorAll('.bal-curtain .bal-map svg')].filter(visible).length;
  const skeletons = [...main.querySelectorAll('[data-testid="stSkeleton"]')]
    .filter(n => visible(n) && getComputedStyle(n).visibility !== 'hidden').length;
  const host = [...document.querySelectorAll('[data-testid="stMain"] .st-key-trend_chart *')].find(n => n.shadowRoot);
  const drawn = !!(host && host.shadowRoot.querySelector(".bal-lc[data-ready='1']"));
  const curtain = !!document.querySelector('.bal-curtain');
  return {figures, skeletons, drawn, curtain, trend: drawn && !curtain, t: performance.now()};
}"""
CURTAIN_LAG_MS = 2000  # the still copy leaves once the chart is drawn (chrome.js checks every 40 ms; its limit: 6 s)


def test_presenting_a_page_switch_never_shows_a_blank_or_a_skeleton(server, browser):
    """지도 → 추이 from the sidebar, watched every 50 ms until the trend chart is drawn and shown: the screen
    always holds a figure (the map — a still copy of it while Streamlit clears the page — until the chart
    replaces it), never a loading skeleton, and the still copy leaves as soon as the chart is drawn (not
    after its 6 s limit: ui/assets/chrome.js `drawn` knows the chart components). Streamlit's element code
    was fetched while the map page was idle (ui/chrome.py PREFETCH)."""
    page, errors = _page(browser, f"{server}/map?presenter=1")
    page.locator(".bal-map[data-ready='1']").wait_for(timeout=60_000)
    page.wait_for_function("""() => performance.getEntriesByType('resource')
        .some(e => e.name.includes('/static/js/PlotlyChart.') && e.responseEnd > 0)""", timeout=30_000)
    page.wait_for_timeout(1500)  # the fetched chunk is run when the page is idle
    page.locator('[data-testid="stExpandSidebarButton"]').click()
    page.locator('[data-testid="stSidebarNav"] a', has_text="추이").click()
    seen = []
    for _ in range(400):
        state = page.evaluate(_SCREEN)
        seen.append(state)
        if state["trend"]:
            break
        page.wait_for_timeout(50)
    assert seen[-1]["trend"], seen[-5:]
    drawn_at = next(s["t"] for s in seen if s["drawn"])
    assert seen[-1]["t"] - drawn_at <= CURTAIN_LAG_MS, (drawn_at, seen[-1])  # the chart is not kept covered
    assert all(s["skeletons"] == 0 for s in seen), [s for s in seen if s["skeletons"]][:3]
    assert all(s["figures"] >= 1 for s in seen), seen[:6]
    assert not errors, errors
    page.close()
