"""Links in a real browser for the controls bound natively to the URL (`bind="query-params"`,
ui/state/native.py): a change is written to the address by the browser (AppTest cannot see that), and the
address reopened in a fresh browser context shows the same view."""
from __future__ import annotations

from helpers.browser import CHARTS, no_exception

WAIT_DONE = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    return app && app.getAttribute('data-test-script-state') === 'notRunning' && document.querySelector('h1')
      && document.documentElement.dataset.balWhole === '1';
}"""
# the event marks (numbered badges) of 추이's charts (the trend chart and net migration): -1 until both are drawn
EVENT_MARKS = "() => { const charts = " + CHARTS + """
    .filter((c) => ['trend_chart', 'migration_chart'].includes(c.key));
    if (charts.length < 2 || charts.some((c) => c.box.dataset.ready !== '1')) return -1;
    return charts.reduce((n, c) => n + c.box.querySelectorAll('.bal-lc-badge').length, 0); }"""


def _load(context, url: str):
    page = context.new_page()
    page.goto(url)
    page.wait_for_function(WAIT_DONE, timeout=60_000)
    page.wait_for_selector(".bal-lc[data-ready='1']", timeout=60_000)  # a chart component drawn
    return page


def _toggle(page, label: str):
    return page.locator('[data-testid="stCheckbox"]', has_text=label).first


def test_events_toggle_round_trips(server, browser):
    first = browser.new_context(viewport={"width": 1300, "height": 1000})
    page = _load(first, f"{server}/?page=trends")
    assert "events=" not in page.url  # the default stays out of the address
    page.wait_for_function(f"() => ({EVENT_MARKS})() >= 0", timeout=30_000)
    assert page.evaluate(EVENT_MARKS) > 0  # both charts drawn, with their event badges
    _toggle(page, "정책 사건 표시").locator("label").click()
    page.wait_for_url("**events=false**", timeout=30_000)
    page.wait_for_function(WAIT_DONE, timeout=60_000)
    page.wait_for_function(f"() => ({EVENT_MARKS})() === 0", timeout=30_000)  # the marks are gone
    link = page.url
    no_exception(page)
    first.close()

    fresh = browser.new_context(viewport={"width": 1300, "height": 1000})
    again = _load(fresh, link)
    assert "events=false" in again.url
    assert _toggle(again, "정책 사건 표시").locator("input").is_checked() is False
    again.wait_for_function(f"() => ({EVENT_MARKS})() >= 0", timeout=30_000)
    assert again.evaluate(EVENT_MARKS) == 0
    no_exception(again)
    fresh.close()


def test_common_regions_link_reopens_the_same_table(server, browser):
    context = browser.new_context(viewport={"width": 1300, "height": 1000})
    page = _load(context, f"{server}/?page=disparity&common=true")
    assert _toggle(page, "모든 연도").locator("input").is_checked() is True
    assert "common=true" in page.url
    no_exception(page)
    context.close()


def test_weight_slider_round_trips(server, browser):
    first = browser.new_context(viewport={"width": 1300, "height": 1000})
    page = _load(first, f"{server}/?page=composite&level=sido")
    assert "w_economy=" not in page.url
    thumb = page.locator('[data-testid="stSlider"]', has_text="경제").locator('input[type="range"]').first
    assert thumb.input_value() == "30"
    thumb.focus()
    thumb.press("ArrowRight")  # one step: 30 → 35
    page.wait_for_url("**w_economy=35**", timeout=30_000)
    page.wait_for_function(WAIT_DONE, timeout=60_000)
    link = page.url
    first.close()

    fresh = browser.new_context(viewport={"width": 1300, "height": 1000})
    again = _load(fresh, link)
    thumb = again.locator('[data-testid="stSlider"]', has_text="경제").locator('input[type="range"]').first
    assert thumb.input_value() == "35"
    no_exception(again)
    fresh.close()
