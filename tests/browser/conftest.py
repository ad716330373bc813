"""Browser tier: Streamlit on a free port serving the session's full build ($BALANCE_DATA_DIR),
driven by Debian Chromium through Playwright.

One Streamlit server (`server`) and one Chromium (`browser`) per pytest process (each xdist worker has
its own), shared by every module: a test opens its own browser context (`browser.new_page()` or
`browser.new_context()`: no cookies, cache or session carried over), and the server keeps only what
it keeps for any visitor (its caches). A test whose promise is about a server no page was asked of
yet takes `fresh_server`: a server of its own, started for that test alone."""
from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import ROOT
from helpers.browser import ARGS, CHROMIUM, SHOTS
from indicators import config


@pytest.fixture(scope="module", autouse=True)
def _data_dir(built_data) -> Path:
    return built_data


PORTS_ENV = "BALANCE_TEST_PORTS"  # e.g. '8750-8799': the servers of a test run listen only there


def free_port(ports: range | None = None) -> int:
    """A port no one listens on: the first free one of `ports` (else of $BALANCE_TEST_PORTS), else any."""
    if ports is None and os.environ.get(PORTS_ENV):
        lo, _, hi = os.environ[PORTS_ENV].partition("-")
        ports = range(int(lo), int(hi or lo) + 1)
    for port in ports or [0]:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return s.getsockname()[1]
    raise RuntimeError(f"no free port in {ports}")


@contextlib.contextmanager
def serve(data_dir: Path, *, env: dict[str, str] | None = None, ports: range | None = None) -> Iterator[str]:
    """A Streamlit server of app.py reading the build `data_dir` (`env`: more settings for it; `ports`: where
    it may listen), for the block; its URL. Ready when it answers /_stcore/health (no page asked of it yet)."""
    port = free_port(ports)
    SHOTS.mkdir(parents=True, exist_ok=True)
    log = open(SHOTS / f"streamlit-{port}.log", "w")  # noqa: SIM115 — closed at teardown
    env = {**os.environ, config.OUT_DIR_ENV: str(data_dir), **(env or {})}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true", "--server.port", str(port),
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            if proc.poll() is not None:
                pytest.fail(f"streamlit exited with {proc.returncode}: see {log.name}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("streamlit did not start within 60 s")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
    Path(log.name).unlink(missing_ok=True)  # kept when the server failed to start


@pytest.fixture(scope="session")
def serve_app():
    """`serve` itself, for a module that needs a server with settings of its own (`serve(build, env=…)`)."""
    return serve


@pytest.fixture(scope="session")
def server(full_build) -> Iterator[str]:
    """URL of a Streamlit server of app.py reading the session's full build (one per pytest process)."""
    with serve(full_build) as url:
        yield url


@pytest.fixture
def fresh_server(full_build) -> Iterator[str]:
    """URL of a Streamlit server started for this test alone, on the session's full build: the first
    page the test asks for is the first this server runs."""
    with serve(full_build) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian Chromium through Playwright, one per pytest process; each test opens its own context."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), \
        f"Chromium not found at {CHROMIUM} (apt-get install chromium-headless-shell, or set CHROMIUM_PATH)"
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()
