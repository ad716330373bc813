"""`python -m deploy`: supervisord running two Streamlit processes and nginx, on the session's full build.

A browser is pinned to one process by the `bal_route` cookie that names it (the page, its WebSocket and
its downloads reach the process that owns the session); new browsers spread over the processes; every
response carries the security headers, and every page works in Chromium under the Content-Security-
Policy with no violation; the app can be framed by its own origin only; no dotfile is served under
static/; the geometry and Streamlit's assets are served by nginx, gzipped, cached for a year. `kill -9`
of one process under 50 sessions: the deployment keeps serving, the process is restarted, and the
browsers and sessions of the dead one go on on the living one. Ctrl-C stops everything."""
from __future__ import annotations

import asyncio
import concurrent.futures
import gzip
import http.server
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from bench.wsclient import StreamlitClient
from deploy.nginx import ROUTE_COOKIE, streamlit_static
from deploy.stack import ROOT, Stack, answers, free_port
from helpers.apptest import PAGE_PARAMS, TITLE_KEYS
from helpers.browser import CHARTS, no_exception
from indicators import config
from ui.i18n import t

GEO = ROOT / "static" / "geo"
LOG_LINE = re.compile(r'route=(?P<route>\S*) served=(?P<served>\S*) upstream="(?P<upstream>[^"]*)" '
                      r'(?P<status>\d+) (?P<method>\S+) (?P<uri>\S+)')
WAIT_DONE = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    const done = app && app.getAttribute('data-test-script-state') === 'notRunning';
    const whole = document.documentElement.dataset.balWhole === '1';  // not a first run cut at its figure
    return done && ((whole && document.querySelector('h1')) || document.querySelector('[data-testid="stException"]'));
}"""
# every Content-Security-Policy violation and script error of the page, from its first script on
LISTEN = """window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(
    `${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));"""


@pytest.fixture(scope="module")
def stack(built_data):
    s = Stack(processes=2, listen=f"127.0.0.1:{free_port()}", env={config.OUT_DIR_ENV: str(built_data)})
    s.start()
    yield s
    s.stop()


class Response:
    def __init__(self, status: int, headers, body: bytes):
        self.status, self.headers, self.body = status, headers, body

    def route_set(self) -> str | None:
        """The value of `bal_route` this response sets (None: it sets none)."""
        for h in self.headers.get_all("Set-Cookie") or []:
            if h.startswith(f"{ROUTE_COOKIE}="):
                return h.split(";")[0].split("=", 1)[1]
        return None


def _get(url: str, route: str | None = None, gz: bool = False) -> Response:
    req = urllib.request.Request(url)
    if route:
        req.add_header("Cookie", f"{ROUTE_COOKIE}={route}")
    if gz:
        req.add_header("Accept-Encoding", "gzip")
    try:
        with urllib.request.urlopen(req, timeout=20) as r:
            return Response(r.status, r.headers, r.read())
    except urllib.error.HTTPError as err:
        return Response(err.code, err.headers, err.read())


def _log_size(stack) -> int:
    return (stack.prefix / "access.log").stat().st_size


def _log_since(stack, offset: int) -> list[dict]:
    """nginx's access log after byte `offset`: route, served (the process that answered), status, uri."""
    with open(stack.prefix / "access.log", "rb") as f:
        f.seek(offset)
        lines = f.read().decode().splitlines()
    return [m.groupdict() for m in map(LOG_LINE.search, lines) if m]


def _logged(stack, offset: int, uri: str, n: int, timeout_s: float = 10.0) -> list[dict]:
    """The first `n` requests of `uri` logged after `offset` (nginx logs a request once it is done:
    waits until they are there)."""
    end = time.monotonic() + timeout_s
    while True:
        found = [e for e in _log_since(stack, offset) if e["uri"] == uri]
        if len(found) >= n or time.monotonic() > end:
            return found[:n]
        time.sleep(0.05)


# ---------------------------------------------------------------- routing

def test_new_browsers_spread_over_the_processes_and_are_pinned(stack):
    routes = [_get(stack.url + "/").route_set() for _ in range(12)]
    assert set(routes) == set(stack.names), routes  # every first response pins; both processes take some


def test_a_browser_keeps_its_process(stack):
    first = _get(stack.url + "/")
    assert first.status == 200 and b"<html" in first.body.lower()
    route = first.route_set()
    assert route in stack.names
    offset = _log_size(stack)
    for _ in range(10):
        again = _get(stack.url + "/_stcore/health", route)
        assert again.status == 200 and again.route_set() is None  # a browser with a live route keeps it
    served = [e["served"] for e in _logged(stack, offset, "/_stcore/health", 10)]
    assert served == [route] * 10, served


# ---------------------------------------------------------------- headers

def _header_checks(stack, resp: Response, what: str) -> None:
    h = resp.headers
    assert h["X-Content-Type-Options"] == "nosniff", what
    assert h["Referrer-Policy"] == "strict-origin-when-cross-origin", what
    csp = h["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in csp and "default-src 'self'" in csp, what
    assert "'unsafe-eval'" not in csp and "script-src 'self' 'sha256-" in csp, what  # no eval, no inline script
    assert h["X-Frame-Options"] == "SAMEORIGIN", what
    assert h["Server"] == "nginx", (what, h["Server"])  # no version, not the processes' server
    assert len(h.get_all("Content-Security-Policy")) == 1, what
    assert "X-Balance-Process" not in h, what
    for name, value in h.items():
        for port in stack.ports:
            assert str(port) not in value, (what, name, value)  # no backend port anywhere


def test_every_response_carries_the_security_headers(stack):
    from ui import mapview

    html = _get(stack.url + "/").body
    asset = re.search(rb'src="\.?/?(static/js/index\.[^"]+\.js)"', html).group(1).decode()
    urls = {"page": "/", "deep link": "/map?level=sido", "health": "/_stcore/health",
            "host config": "/_stcore/host-config", "geometry": "/" + mapview.publish_static_geometry()["sido"],
            "streamlit asset": "/" + asset, "not found (nginx)": "/static/js/none.js",
            "not found (app)": "/app/static/none.json", "dotfile": "/app/static/geo/.env"}
    for what, path in urls.items():
        resp = _get(stack.url + path)
        assert resp.status == (404 if what.startswith(("not found", "dotfile")) else 200), (what, resp.status)
        _header_checks(stack, resp, what)


def test_dotfiles_under_static_are_not_served(stack):
    """Dotfiles in the geometry folder (nginx serves it) and in static/ (Streamlit's static serving
    behind nginx): 404, while a plain file beside them is served."""
    tag = secrets.token_hex(4)
    made = [GEO / f".secret-{tag}", ROOT / "static" / f".secret-{tag}", GEO / f".dir-{tag}" / "x.json",
            GEO / f"plain-{tag}.json"]
    try:
        for p in made:
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text('{"secret": 1}')
        assert _get(f"{stack.url}/app/static/geo/plain-{tag}.json").status == 200
        for path in (f"/app/static/geo/.secret-{tag}", f"/app/static/.secret-{tag}",
                     f"/app/static/geo/.dir-{tag}/x.json", "/static/.secret", f"/app/static/geo/%2Esecret-{tag}"):
            resp = _get(stack.url + path)
            assert resp.status == 404 and b"secret" not in resp.body, path
    finally:
        for p in made:
            p.unlink(missing_ok=True)
        (GEO / f".dir-{tag}").rmdir()


# ---------------------------------------------------------------- files served by nginx

def test_geometry_is_gzipped_and_cached_for_a_year(stack):
    from ui import mapview

    url = stack.url + "/" + mapview.publish_static_geometry()["sigungu"]
    resp = _get(url, gz=True)
    assert resp.status == 200 and resp.headers.get("Content-Encoding") == "gzip"
    cache = resp.headers["Cache-Control"]
    assert "immutable" in cache and "max-age=31536000" in cache
    raw = gzip.decompress(resp.body)
    assert len(resp.body) < len(raw) / 2 and raw.startswith(b'{"version"')


def test_streamlit_assets_come_from_nginx_gzipped_and_cached(stack):
    """The page's main script: byte for byte the installed Streamlit's file, answered by nginx itself
    (the access log names no process: no Python process read or compressed it)."""
    html = _get(stack.url + "/").body
    path = re.search(rb'src="\.?/?(static/js/index\.[^"]+\.js)"', html).group(1).decode()
    offset = _log_size(stack)
    resp = _get(f"{stack.url}/{path}", gz=True)
    assert resp.status == 200 and resp.headers.get("Content-Encoding") == "gzip"
    assert [e["served"] for e in _logged(stack, offset, f"/{path}", 1)] == [""]
    cache = resp.headers["Cache-Control"]
    assert "immutable" in cache and "max-age=31536000" in cache
    assert gzip.decompress(resp.body) == (streamlit_static() / path.removeprefix("static/")).read_bytes()


# ---------------------------------------------------------------- in Chromium

def _open(browser, url: str, **kw):
    page = browser.new_page(viewport={"width": 1440, "height": 900}, **kw)
    errors: list[str] = []  # script errors, and what the console says the policy refused (also in workers)
    page.on("pageerror", lambda e: errors.append(str(e)[:300]))
    page.on("console", lambda m: errors.append(m.text[:300]) if "Content Security Policy" in m.text else None)
    page.add_init_script(LISTEN)
    page.goto(url)
    page.wait_for_function(WAIT_DONE, timeout=60_000)
    return page, errors


MAP_PAGES = ("map", "risk", "composite", "bivariate")  # the four choropleths (the map component)
CHART_PAGES = ("overview", "trends", "risk", "region", "disparity", "composite")  # the chart components
PLOTS_DRAWN = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
    .every(c => c.querySelector('.js-plotly-plot .main-svg'))"""
CHARTS_DRAWN = "() => { const charts = " + CHARTS + """;
    return charts.length > 0 && charts.every((c) => c.box.dataset.ready === '1'); }"""


def _drawn(page, p: str) -> None:
    """Wait until the page's figures are drawn: the map painted and every chart component drawn (in
    their shadow roots), plotly's SVG in every plotly chart (where plotly is left)."""
    if p in MAP_PAGES:
        page.wait_for_selector(".bal-map[data-ready='1']", timeout=60_000)
    elif p == "brief":  # static HTML and inline SVG, no chart (ui/briefsheet.py)
        page.wait_for_selector(".st-key-brief_sheet .bal-brief-head", timeout=60_000)
    if p in CHART_PAGES:
        page.wait_for_function(CHARTS_DRAWN, timeout=60_000)
    page.wait_for_function(PLOTS_DRAWN, timeout=60_000)


def test_every_page_works_under_the_content_security_policy(stack, browser):
    for p in PAGE_PARAMS:
        page, errors = _open(browser, f"{stack.url}/{'' if p == 'overview' else p}")
        no_exception(page)
        assert page.locator("h1").first.inner_text().strip() == t(TITLE_KEYS[p], "ko"), p
        if p != "data":
            _drawn(page, p)
        if p == "map":  # the exports are made in the browser (SVG drawn on a canvas, blob downloads)
            for i in range(3):
                with page.expect_download(timeout=30_000) as got:
                    page.locator(".bal-export button").nth(i).click()
                assert Path(got.value.path()).stat().st_size > 100
        violations = page.evaluate("window.__violations")
        assert not violations and not errors, (p, violations, errors)
        page.close()


class _OtherOrigin:
    """A page on another origin (another port) that frames the app."""

    def __init__(self, frame_url: str):
        body = f'<html><body><iframe id="f" src="{frame_url}" width="900" height="700"></iframe></body></html>'.encode()

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()


def test_embedding_same_origin_only(stack, browser):
    """`?embed=true` in a frame of a page of the same origin works (no violation); a page of another
    origin gets no app in its frame (frame-ancestors 'self')."""
    frame_url = f"{stack.url}/map?embed=true&level=sido"
    parent = GEO / f"frame-{secrets.token_hex(4)}.html"
    parent.write_text(f'<html><body><iframe src="{frame_url}" width="1200" height="800"></iframe></body></html>')
    other = _OtherOrigin(frame_url)
    try:
        page = browser.new_page(viewport={"width": 1300, "height": 900})
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)[:300]))
        page.add_init_script(LISTEN)
        page.goto(f"{stack.url}/app/static/geo/{parent.name}")
        frame = page.frame_locator("iframe")
        frame.locator(".bal-map[data-ready='1']").wait_for(timeout=60_000)
        inner = next(f for f in page.frames if "embed=true" in f.url)
        assert not inner.evaluate("window.__violations") and not errors
        page.close()

        page = browser.new_page()
        with page.expect_console_message(lambda m: "frame-ancestors" in m.text, timeout=30_000) as refused:
            page.goto(other.url)
        assert "frame-ancestors 'self'" in refused.value.text
        framed = [f.url for f in page.frames if f != page.main_frame]
        assert framed and not any(f.startswith(stack.url) for f in framed), framed  # an error page, no app
        page.close()
    finally:
        parent.unlink(missing_ok=True)
        other.close()


def test_map_and_download_work_through_the_proxy(stack, browser):
    page, errors = _open(browser, stack.url + "/map?level=sigungu", accept_downloads=True)
    page.wait_for_selector(".bal-map[data-ready='1']", timeout=60_000)
    no_exception(page)
    page.goto(stack.url + "/region?region=11")
    page.wait_for_selector('[data-testid="stDownloadButton"] button', timeout=60_000)
    with page.expect_download(timeout=30_000) as info:  # served by the process that owns the session
        page.locator('[data-testid="stDownloadButton"] button').first.click()
    text = open(info.value.path(), encoding="utf-8-sig").read()
    # the profile CSV, titled as every CSV of the app (ui/csvs.py)
    assert text.count("\n") > 10 and text.splitlines()[0].startswith("지표 ID,")
    assert not errors
    page.close()


# ---------------------------------------------------------------- kill -9 of one process under load

SESSIONS = 50
RERUN_EVERY_S = 5.0  # each session reruns its page this often (50 sessions: ~10 runs a second in all)


class Load:
    """`SESSIONS` WebSocket sessions (bench.wsclient: the protocol of a browser tab) through nginx, each
    pinned by the cookie of its first response and rerunning its page every `RERUN_EVERY_S`. A session
    whose connection closes reconnects at once the way Streamlit's frontend does: a request with its
    cookie (nginx answers from a living process and re-pins it), then a new WebSocket and a run."""

    def __init__(self, url: str):
        self.url, self.ws_url = url, url.replace("http://", "ws://") + "/_stcore/stream"
        self.opened = threading.Event()
        self.stop = threading.Event()
        self.sessions: list[dict] = []
        self.thread = threading.Thread(target=lambda: asyncio.run(self._main()), daemon=True)

    async def _connect(self, route: str | None) -> tuple[StreamlitClient, str, object]:
        route = (await asyncio.to_thread(_get, self.url + "/", route)).route_set() or route
        client = StreamlitClient(self.ws_url, run_timeout=60, cookie=f"{ROUTE_COOKIE}={route}")
        await client.connect()
        return client, route, await client.rerun("")

    async def _session(self, s: dict, gate: asyncio.Semaphore, counter: list[int]) -> None:
        async with gate:
            client, s["route"], res = await self._connect(None)
        s["first"] = s["route"]
        s["runs"].append((time.monotonic(), res.status, s["route"]))
        counter[0] += 1
        if counter[0] == SESSIONS:
            self.opened.set()
        while not self.stop.is_set():
            idle = asyncio.ensure_future(asyncio.sleep(RERUN_EVERY_S * (0.5 + secrets.randbelow(100) / 100)))
            closed = asyncio.ensure_future(client.ws.wait_closed())
            await asyncio.wait([idle, closed], return_when=asyncio.FIRST_COMPLETED)
            idle.cancel()
            if self.stop.is_set():
                closed.cancel()
                break
            if not closed.done():
                closed.cancel()
                try:
                    res = await client.rerun("")
                except Exception:  # noqa: BLE001 — the connection went away while sending
                    res = None
                if res is not None and res.status != "closed":
                    s["runs"].append((time.monotonic(), res.status, s["route"]))
                    continue
            s["runs"].append((time.monotonic(), "closed", s["route"]))
            client, s["route"], res = await self._connect(s["route"])  # reconnect, as the frontend does
            s["reconnects"].append((time.monotonic(), s["route"], res.status))
            s["runs"].append((time.monotonic(), res.status, s["route"]))
        await client.close()

    async def _main(self) -> None:
        gate, counter = asyncio.Semaphore(8), [0]
        self.sessions = [{"runs": [], "reconnects": []} for _ in range(SESSIONS)]
        await asyncio.gather(*(self._session(s, gate, counter) for s in self.sessions))


def _new_sessions(url: str, n: int) -> list[tuple[str, str]]:
    """Open n new sessions (first request, WebSocket, one run): (the route each was pinned to, status)."""
    async def one():
        route = (await asyncio.to_thread(_get, url + "/")).route_set()
        client = StreamlitClient(url.replace("http://", "ws://") + "/_stcore/stream", run_timeout=60,
                                 cookie=f"{ROUTE_COOKIE}={route}")
        await client.connect()
        res = await client.rerun("")
        await client.close()
        return route, res.status

    async def main():
        return await asyncio.gather(*(one() for _ in range(n)))

    with concurrent.futures.ThreadPoolExecutor(1) as pool:  # its own loop: Playwright's runs in this thread
        return pool.submit(lambda: asyncio.run(main())).result(timeout=120)


def _until(what: str, check, timeout_s: float = 60.0, every_s: float = 0.1):
    """Poll `check()` until it returns something true; that value (AssertionError naming `what` on timeout)."""
    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        if value := check():
            return value
        time.sleep(every_s)
    raise AssertionError(f"{what}: not within {timeout_s:.0f} s")


def _route_of(context) -> str | None:
    return next((c["value"] for c in context.cookies() if c["name"] == ROUTE_COOKIE), None)


def test_kill_9_of_one_process_under_50_sessions(stack, browser):
    """The deployment stays up (nginx answers throughout), new sessions are served, supervisord
    restarts the process (logged), the 50 sessions go on (those of the dead process reconnect to the
    living one), and a browser on the dead process reconnects and works again."""
    victim, survivor = stack.names
    context = browser.new_context(viewport={"width": 1300, "height": 900})
    context.add_cookies([{"name": ROUTE_COOKIE, "value": victim, "url": stack.url}])
    page = context.new_page()
    page.goto(stack.url + "/")
    page.wait_for_function(WAIT_DONE, timeout=60_000)
    assert _route_of(context) == victim

    load = Load(stack.url)
    load.thread.start()
    assert load.opened.wait(timeout=180), "the 50 sessions did not open"
    on_victim = [s for s in load.sessions if s["first"] == victim]
    assert on_victim and len(on_victim) < SESSIONS, [s["first"] for s in load.sessions]

    front: list[int] = []  # nginx's health answer for a new browser, every 0.2 s from the kill on
    watching = threading.Event()

    def watch():
        while not watching.is_set():
            front.append(_get(stack.url + "/_stcore/health").status)
            time.sleep(0.2)

    old_pid = stack.states()[victim]["pid"]
    killed = time.monotonic()
    os.kill(old_pid, signal.SIGKILL)
    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        # while the victim is down: new sessions are served (by the survivor)
        fresh = _new_sessions(stack.url, 10)
        assert all(status == "ok" for _, status in fresh), fresh
        # the browser of the dead process reconnects, re-pinned to the survivor, and its session works
        moved = _until("the browser re-pinned", lambda: _route_of(context) == survivor, 30)
        page.wait_for_function(WAIT_DONE, timeout=60_000)
        page.locator('[data-testid="stSidebarNav"] a[href$="/trends"]').click()
        page.wait_for_function(f"""() => [...document.querySelectorAll('h1')].some(h =>
            h.innerText.trim() === {t(TITLE_KEYS["trends"], "ko")!r})""", timeout=60_000)
        no_exception(page)
        browser_back = time.monotonic() - killed
        # supervisord restarts the process, and it answers again
        info = _until("the process restarted", lambda: (i := stack.states()[victim])["statename"] == "RUNNING"
                      and i["pid"] != old_pid and i, 90)
        _until("the process answered", lambda: answers(f"http://127.0.0.1:{stack.ports[0]}/_stcore/health"), 90)
        recovered = time.monotonic() - killed
        # every session of the dead process has reconnected and run its page again
        _until("the sessions reconnected", lambda: all(s["reconnects"] for s in on_victim), 60)
    finally:
        watching.set()
        watcher.join()
        load.stop.set()
        load.thread.join(timeout=60)
        context.close()
    assert moved and stack.alive()
    assert front and set(front) == {200}, front  # the deployment never refused a new browser
    for s in on_victim:
        assert [st for _, _, st in s["reconnects"]] == ["ok"], s["reconnects"]
        assert s["reconnects"][0][0] - killed < 15, s["reconnects"]
    assert any(s["reconnects"][0][1] == survivor for s in on_victim)
    for s in load.sessions:
        if s["first"] == survivor:  # the survivor's sessions never noticed
            assert not s["reconnects"] and {st for _, st, _ in s["runs"]} == {"ok"}, s
        assert s["runs"] and s["runs"][-1][1] == "ok", s
    log = (stack.prefix / "supervisord.log").read_text()
    assert f"exited: {victim} (terminated by SIGKILL; not expected)" in log
    assert log.count(f"spawned: '{victim}'") == 2 and log.count(f"success: {victim} entered RUNNING") == 2
    # the restarted process takes new browsers again (it has the fewest connections)
    assert victim in {_get(stack.url + "/").route_set() for _ in range(4)}
    print(f"\nkill -9 {victim} (pid {old_pid}) under {SESSIONS} sessions ({len(on_victim)} on it): "
          f"browser working again after {browser_back:.1f} s, process back (pid {info['pid']}) after "
          f"{recovered:.1f} s; {len(front)} front health checks all 200; 10 new sessions during the outage "
          f"on {sorted({r for r, _ in fresh})}; reconnects to "
          f"{sorted({s['reconnects'][0][1] for s in on_victim})}")


# ---------------------------------------------------------------- one command

def _refused(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return False
    except OSError:
        return True


def test_one_command_starts_everything_and_ctrl_c_stops_everything(built_data):
    """`python -m deploy --processes 1`: it prints where it serves, its console shows supervisord's log;
    Ctrl-C (SIGINT to its process group, as a terminal sends it) stops supervisord, the process and nginx."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "deploy", "--processes", "1", "--port", str(port)], cwd=ROOT,
                            env={**os.environ, config.OUT_DIR_ENV: str(built_data)}, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, start_new_session=True)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stdout), daemon=True)
    reader.start()
    try:
        banner = _until("the deployment started", lambda: next((x for x in lines if x.startswith("균형 on")), None),
                        120)
        assert f"http://127.0.0.1:{port}" in banner
        app_port = int(re.search(r"app1 on port (\d+)", banner).group(1))
        prefix = Path(re.search(r"files in (\S+);", banner).group(1))
        supervisord = int((prefix / "supervisord.pid").read_text())
        assert _get(f"http://127.0.0.1:{port}/_stcore/health").status == 200
        assert any("spawned: 'app1'" in x for x in lines) and any("spawned: 'nginx'" in x for x in lines)
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        code = proc.wait(timeout=60)
        reader.join(timeout=10)
    assert code == 0, "".join(lines)[-2000:]
    assert _refused(port) and _refused(app_port)
    with pytest.raises(ProcessLookupError):
        os.kill(supervisord, 0)
    log = (prefix / "supervisord.log").read_text()
    assert "stopped: nginx" in log and "stopped: app1" in log


def test_one_command_refuses_a_taken_port_and_a_bad_origin():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        res = subprocess.run([sys.executable, "-m", "deploy", "--port", str(port)], cwd=ROOT, capture_output=True,
                             text=True, timeout=120)
    assert res.returncode == 1 and f"cannot listen on 127.0.0.1:{port}" in res.stderr, res.stderr[-500:]
    res = subprocess.run([sys.executable, "-m", "deploy", "--embed-from", "https://a.org; script-src *"], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 2 and "--embed-from takes an origin" in res.stderr, res.stderr[-500:]
