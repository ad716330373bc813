"""`python -m deploy`: two Streamlit processes behind Debian's nginx, on the session's full build.

A browser keeps one process (the `bal_route` cookie that nginx sets on the first response: the page,
its WebSocket and its downloads reach the process that owns the session), different browsers spread
over the processes, the map works through the proxy, and the geometry and Streamlit's own assets are
served by nginx, gzipped, with a one-year immutable cache."""
from __future__ import annotations

import gzip
import re
import secrets
import urllib.request

import pytest

from deploy.nginx import ROUTE_COOKIE, streamlit_static
from deploy.stack import Stack, free_port
from helpers.browser import no_exception
from indicators import config


@pytest.fixture(scope="module")
def stack(built_data):
    s = Stack(processes=2, listen=f"127.0.0.1:{free_port()}", env={config.OUT_DIR_ENV: str(built_data)})
    s.start()
    yield s
    s.stop()


def _get(url: str, cookie: str | None = None, gz: bool = False):
    req = urllib.request.Request(url)
    if cookie:
        req.add_header("Cookie", f"{ROUTE_COOKIE}={cookie}")
    if gz:
        req.add_header("Accept-Encoding", "gzip")
    with urllib.request.urlopen(req, timeout=10) as r:
        return r.status, dict(r.headers.items()), r.read()


def test_first_response_sets_the_route_and_a_browser_keeps_its_process(stack):
    status, headers, body = _get(stack.url + "/")
    assert status == 200 and b"<html" in body.lower()
    assert headers["Set-Cookie"].startswith(f"{ROUTE_COOKIE}=")
    route = headers["Set-Cookie"].split(";")[0].split("=", 1)[1]
    seen = {_get(stack.url + "/_stcore/health", route)[1]["X-Balance-Process"] for _ in range(10)}
    assert len(seen) == 1
    assert "Set-Cookie" not in _get(stack.url + "/", route)[1]  # a browser with a route keeps it


def test_browsers_spread_over_the_processes(stack):
    used = {_get(stack.url + "/_stcore/health", secrets.token_hex(16))[1]["X-Balance-Process"] for _ in range(24)}
    assert used == {f"127.0.0.1:{p}" for p in stack.ports}


def test_geometry_is_gzipped_and_cached_for_a_year(stack):
    from ui import mapview

    url = stack.url + "/" + mapview.publish_static_geometry()["sigungu"]
    status, headers, body = _get(url, gz=True)
    assert status == 200 and headers.get("Content-Encoding") == "gzip"
    assert "immutable" in headers["Cache-Control"] and "max-age=31536000" in headers["Cache-Control"]
    raw = gzip.decompress(body)
    assert len(body) < len(raw) / 2 and raw.startswith(b'{"version"')


def test_streamlit_assets_come_from_nginx_gzipped_and_cached(stack):
    """The page's main script: byte for byte the installed Streamlit's file, answered by nginx itself
    (no process header: no Python process read or compressed it)."""
    _, _, html = _get(stack.url + "/")
    path = re.search(rb'src="\.?/?(static/js/index\.[^"]+\.js)"', html).group(1).decode()
    status, headers, body = _get(f"{stack.url}/{path}", gz=True)
    assert status == 200 and headers.get("Content-Encoding") == "gzip"
    assert "X-Balance-Process" not in headers
    assert "immutable" in headers["Cache-Control"] and "max-age=31536000" in headers["Cache-Control"]
    assert gzip.decompress(body) == (streamlit_static() / path.removeprefix("static/")).read_bytes()


def test_map_and_download_work_through_the_proxy(stack, browser):
    page = browser.new_page(viewport={"width": 1440, "height": 900}, accept_downloads=True)
    page.goto(stack.url + "/map?level=sigungu")
    page.wait_for_selector(".bal-map[data-ready='1']", timeout=60_000)
    no_exception(page)
    page.goto(stack.url + "/region?region=11")
    page.wait_for_selector('[data-testid="stDownloadButton"] button', timeout=60_000)
    with page.expect_download(timeout=30_000) as info:  # served by the process that owns the session
        page.locator('[data-testid="stDownloadButton"] button').first.click()
    text = open(info.value.path(), encoding="utf-8-sig").read()
    # the profile CSV, titled as every CSV of the app (ui/csvs.py)
    assert text.count("\n") > 10 and text.splitlines()[0].startswith("지표 ID,")
    page.close()
