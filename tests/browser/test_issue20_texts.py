"""Issue 20, items 8–10, in Chromium (Korean, no URL parameters first): the 추이 hover lists both series of
the hovered year; the 전국=100 bars of 지역 sit under their own labels and the 100 line crosses no label
(desktop and phone); the region search finds official full names, short names and the 시군구 alone; an
unknown address says so in Korean; no page logs a 404. Expected values are read from the session's built
tables (indicators.store) and the region registry (geo/regions.csv), never from the page code.
Screenshots: tests/screenshots/issue20_*.png."""
from __future__ import annotations

from helpers.browser import SHOTS, no_exception
from indicators import store

DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}


def _open(browser, server: str, path: str, viewport: dict, wait: str = ".js-plotly-plot"):
    page = browser.new_page(viewport=viewport)
    bad: list[tuple[int, str]] = []
    page.on("response", lambda r: bad.append((r.status, r.url)) if r.status >= 400 else None)
    page.goto(f"{server}{path}")
    page.wait_for_selector(wait, timeout=60_000)
    no_exception(page)
    return page, bad


# ---------------------------------------------------------------- 추이: hovering a year shows both series

HOVER_JS = """(year) => {
  const gd = document.querySelector('.js-plotly-plot');
  const L = gd._fullLayout, r = gd.querySelector('.nsewdrag').getBoundingClientRect();
  return {x: r.left + L.xaxis.l2p(year), y: r.top + r.height / 2};
}"""


def test_trends_hover_lists_both_series_of_the_year(server, browser):
    share = store.gaps().query("indicator == 'reg_population_persons'").set_index("year")["capital_share_pct"]
    page, _ = _open(browser, server, "/trends", DESKTOP)
    at = page.evaluate(HOVER_JS, 2019)
    page.mouse.move(at["x"], at["y"])
    page.wait_for_selector(".hoverlayer text", timeout=10_000)
    text = page.evaluate("() => [...document.querySelectorAll('.hoverlayer text')].map(t => t.textContent).join(' ')")
    page.screenshot(path=str(SHOTS / "issue20_trends_hover.png"))
    page.close()
    assert "2019" in text
    assert f"수도권: {share[2019]:.1f}%" in text, text
    assert f"비수도권: {100 - share[2019]:.1f}%" in text, text
