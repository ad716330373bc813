"""Pages in a real browser: Streamlit on a free port (tests/browser/conftest.py), Debian Chromium driven
by Playwright, on the session's full build: the embedded view's chrome, a chart's PNG export.
(The map component: test_map_component.py.) Screenshots go to tests/screenshots/ (gitignored).
"""
from __future__ import annotations

from helpers.browser import SHOTS, no_exception


def test_embed_minimal_chrome(server, browser):
    page = browser.new_page(viewport={"width": 1300, "height": 1000})
    page.goto(f"{server}/?page=trends&embed=true")
    page.wait_for_selector(".st-key-trend_chart .bal-lc[data-ready='1']", timeout=60_000)  # the chart drawn
    no_exception(page)
    assert page.query_selector('[data-testid="stSidebar"]') is None
    assert page.query_selector('[data-testid="stSidebarNav"]') is None
    page.screenshot(path=str(SHOTS / "trends_embed.png"))
    page.close()


def test_png_download_has_the_figure(server, browser):
    page = browser.new_page(viewport={"width": 1500, "height": 1300}, accept_downloads=True)
    page.goto(f"{server}/?page=trends")
    page.wait_for_selector(".bal-lc[data-ready='1']", timeout=60_000)  # the trend chart (ui/linechart.py)
    with page.expect_download(timeout=60_000) as info:
        page.locator(".st-key-trend_chart .bal-lc-png").click()
    dl = info.value
    assert dl.suggested_filename.endswith(".png")
    path = SHOTS / "download_trends.png"
    dl.save_as(str(path))
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000
    page.close()
