"""Hardening in a real browser (moved from tests/app/test_app_hardening.py): the deep link `/map`
opened on a fresh server (started for that test) opens that page, and a link/image
payload in the URL makes the browser fetch nothing from the payload's host."""
from __future__ import annotations

import urllib.parse

from helpers.apptest import HOST, TITLE_KEYS
from helpers.browser import no_exception
from ui.i18n import t

WAIT_DONE = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    const done = app && app.getAttribute('data-test-script-state') === 'notRunning';
    const whole = document.documentElement.dataset.balWhole === '1';  // not a first run cut at its figure
    return done && ((whole && document.querySelector('h1')) || document.querySelector('[data-testid="stException"]'));
}"""


def _load(browser, url: str):
    page = browser.new_page(viewport={"width": 1300, "height": 1000})
    page.goto(url)
    page.wait_for_function(WAIT_DONE, timeout=60_000)
    return page


def test_browser_deep_links(fresh_server, browser):
    """On a server of its own: `/map` is the first page it is asked for, and opens the map. (Every page
    opened at its own address, on the shared server: test_issue20_texts.py::test_no_page_logs_a_404;
    `/overview`, the default page's name: test_link_roundtrip.py::test_default_page_path_opens_cleanly.)"""
    page = _load(browser, f"{fresh_server}/map")
    no_exception(page)
    assert page.locator("h1").first.inner_text().strip() == t(TITLE_KEYS["map"], "ko")
    href = page.evaluate("location.href")
    assert href.split("?")[0] == f"{fresh_server}/map" and "page=" not in href, href  # the path names the page
    page.close()


def test_browser_fetches_nothing_from_url_payloads(server, browser):
    hits: list[str] = []

    def foreign(url: str) -> bool:  # the payload host (the app's own URL carries it in its query)
        return urllib.parse.urlsplit(url).hostname == HOST

    def route(r):
        if foreign(r.request.url):
            hits.append(r.request.url)
            r.abort()
        else:
            r.continue_()

    page = browser.new_page(viewport={"width": 1300, "height": 1000})
    page.route("**/*", route)
    page.on("request", lambda req: hits.append(req.url) if foreign(req.url) else None)
    query = urllib.parse.urlencode({"page": "map", "year": f"`![x](http://{HOST}/a.png)`",
                                    "level": f"`[Log in](http://{HOST}/)`",
                                    "indicator": f"<img src=http://{HOST}/b.png>"})
    page.goto(f"{server}/?{query}")
    page.wait_for_function(WAIT_DONE, timeout=60_000)
    page.wait_for_load_state("networkidle")  # any image the page would load has been asked for
    assert not hits, hits
    no_exception(page)
    assert page.evaluate(f"document.querySelectorAll('img[src*=\"{HOST}\"], a[href*=\"{HOST}\"]').length") == 0
    texts = page.evaluate("[...document.querySelectorAll('[data-testid=\"stText\"]')].map(e => e.innerText)")
    assert any(f"http://{HOST}/a.png" in x for x in texts), texts  # shown as text, not rendered
    page.close()
