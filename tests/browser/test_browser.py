"""The map in a real browser: Streamlit on a free port (tests/browser/conftest.py), Debian Chromium driven
by Playwright, on the session's full build.

Checks that the choropleth is drawn (one SVG path per region), that no Streamlit exception
box shows, that the 수도권 zoom button moves the view, that a URL with state opens that view,
and that clicking a region opens its profile. Screenshots go to tests/screenshots/ (gitignored).
"""
from __future__ import annotations

from helpers.browser import SHOTS, no_exception
from indicators import store


def _open(browser, url: str):
    page = browser.new_page(viewport={"width": 1500, "height": 1300})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.wait_for_selector(".js-plotly-plot", timeout=60_000)
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot path.choroplethlocation').length >= 17",
                           timeout=60_000)
    return page, errors


def _geo_lon_range(page) -> list[float]:
    return page.evaluate("""() => {
        const el = [...document.querySelectorAll('.js-plotly-plot')].find(p => p._fullLayout && p._fullLayout.geo);
        return el._fullLayout.geo.lonaxis.range; }""")


def test_map_draws_regions(server, browser):
    page, errors = _open(browser, f"{server}/?page=map&level=sigungu")
    n = page.evaluate("document.querySelectorAll('.js-plotly-plot path.choroplethlocation').length")
    assert n >= 200, f"only {n} region paths drawn"
    filled = page.evaluate("""() => [...document.querySelectorAll('path.choroplethlocation')]
        .filter(p => (p.getAttribute('d') || '').length > 20 && getComputedStyle(p).fill !== 'none').length""")
    assert filled >= 200
    no_exception(page)
    assert not [e for e in errors if "topojson" in e], errors  # no fetch of a remote base map
    page.screenshot(path=str(SHOTS / "map_sigungu.png"), full_page=True)

    before = _geo_lon_range(page)
    page.locator(".updatemenu-button", has_text="수도권").first.click()
    page.wait_for_function("""(b) => {
        const el = [...document.querySelectorAll('.js-plotly-plot')].find(p => p._fullLayout && p._fullLayout.geo);
        return el._fullLayout.geo.lonaxis.range[0] !== b[0]; }""", arg=before, timeout=10_000)
    after = _geo_lon_range(page)
    assert after[1] - after[0] < before[1] - before[0]
    page.screenshot(path=str(SHOTS / "map_capital_zoom.png"), full_page=True)
    page.close()


def test_url_state_opens_view(server, browser):
    cov = store.coverage()
    c = cov[(cov["level"] == "sido") & (cov["year"] == 2020) & (cov["regions"] >= 17)]
    ind = sorted(c["indicator"])[0]
    page, _ = _open(browser, f"{server}/?page=map&indicator={ind}&level=sido&year=2020")
    no_exception(page)
    n = page.evaluate("document.querySelectorAll('.js-plotly-plot path.choroplethlocation').length")
    assert n == 17
    texts = page.evaluate("[...document.querySelectorAll('.js-plotly-plot text')].map(t => t.textContent)")
    assert any("2020" in t for t in texts), texts[:10]
    slider_value = page.locator('[data-testid="stSlider"]').first.inner_text()
    assert "2020" in slider_value
    from indicators import catalog

    name = catalog.get(ind).name_ko
    shown = page.evaluate("[...document.querySelectorAll('[data-testid=\"stSelectbox\"] input')].map(i => i.value)")
    assert any(name in v for v in shown), shown
    assert "indicator=" + ind in page.url and "year=2020" in page.url  # the view stays in the URL
    page.screenshot(path=str(SHOTS / "map_from_url.png"), full_page=True)
    page.close()


def test_click_region_opens_profile(server, browser):
    page, _ = _open(browser, f"{server}/?page=map&level=sido")
    # 강원 (51) is large and away from the capital-region outline
    target = page.locator("path.choroplethlocation").nth(_index_of(page, "51"))
    target.click(force=True)
    page.wait_for_url("**page=region**", timeout=30_000)
    page.locator("h1", has_text="지역 상세").wait_for(timeout=30_000)
    assert "region=51" in page.url
    page.locator("h3", has_text="강원").first.wait_for(timeout=30_000)
    page.wait_for_selector(".js-plotly-plot", timeout=30_000)
    no_exception(page)
    page.screenshot(path=str(SHOTS / "region_from_click.png"), full_page=True)
    page.close()


def _index_of(page, code: str) -> int:
    """Index (among all choropleth paths in DOM order) of the region `code`."""
    return page.evaluate("""(code) => {
        const el = [...document.querySelectorAll('.js-plotly-plot')].find(p => p._fullLayout && p._fullLayout.geo);
        let i = 0;
        for (const tr of el._fullData) {
            if (tr.type !== 'choropleth') continue;
            const k = tr.locations.indexOf(code);
            if (k >= 0) return i + k;
            i += tr.locations.length;
        }
        return -1; }""", code)


def test_embed_minimal_chrome(server, browser):
    page = browser.new_page(viewport={"width": 1300, "height": 1000})
    page.goto(f"{server}/?page=trends&embed=true")
    page.wait_for_selector(".js-plotly-plot", timeout=60_000)
    no_exception(page)
    assert page.query_selector('[data-testid="stSidebar"]') is None
    assert page.query_selector('[data-testid="stSidebarNav"]') is None
    page.screenshot(path=str(SHOTS / "trends_embed.png"))
    page.close()


def test_png_download_has_the_figure(server, browser):
    page = browser.new_page(viewport={"width": 1500, "height": 1300}, accept_downloads=True)
    page.goto(f"{server}/?page=map")
    page.wait_for_function("document.querySelectorAll('path.choroplethlocation').length >= 17", timeout=60_000)
    page.locator(".js-plotly-plot").first.hover()
    with page.expect_download(timeout=60_000) as info:
        page.locator('.modebar-btn[data-title="Download plot as a PNG"]').first.click()
    dl = info.value
    assert dl.suggested_filename.endswith(".png") and "_sido_" in dl.suggested_filename
    path = SHOTS / "download_map.png"
    dl.save_as(str(path))
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000
    page.close()
