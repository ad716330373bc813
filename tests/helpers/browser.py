"""Browser-tier helpers (Chromium through Playwright): paths, launch flags, and waits on conditions
(never a fixed sleep: a test waits for what it is about to check)."""
from __future__ import annotations

import json
import os
from typing import Any

from helpers import ROOT

SHOTS = ROOT / "tests" / "screenshots"  # screenshots and server logs (gitignored)
# Debian's Chromium as its headless shell (package chromium-headless-shell: the same Chromium version
# and Blink as /usr/bin/chromium, without the desktop browser around it; what Playwright itself runs
# for headless): a page load costs about half the CPU. /usr/bin/chromium where the shell is missing;
# CHROMIUM_PATH picks another (e.g. /usr/bin/chromium, to check a failure against the full browser).
SHELL = "/usr/lib/chromium/chromium-headless-shell"  # the binary (/usr/bin/ has a wrapper script)
CHROMIUM = os.environ.get("CHROMIUM_PATH") or (SHELL if os.path.exists(SHELL) else "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

# The script run has ended (Streamlit's own marker on the app element).
IDLE = """() => { const app = document.querySelector('[data-testid="stApp"]');
    return !!app && app.getAttribute('data-test-script-state') === 'notRunning'; }"""


def no_exception(page) -> None:
    """No Streamlit exception box on the page."""
    boxes = page.query_selector_all('[data-testid="stException"]')
    assert not boxes, [b.inner_text()[:500] for b in boxes]


def idle(page, timeout_ms: int = 60_000) -> None:
    """Wait until the page's script run has ended."""
    page.wait_for_function(IDLE, timeout=timeout_ms)


def steady(page, read: str, arg: Any = None, every_ms: int = 250, reads: int = 3, timeout_ms: int = 30_000) -> Any:
    """Read the JS function `read` (with `arg`) every `every_ms` until it gives the same value `reads`
    times in a row (what it measures has stopped moving: plotly's relayouts, a map fitting itself,
    lazily mounted elements); that value. Fails when it is still changing after `timeout_ms`."""
    last, same, waited = None, 0, 0
    while True:
        now = json.dumps(page.evaluate(read, arg), sort_keys=True)
        same = same + 1 if now == last else 1
        if same >= reads:
            return json.loads(now)
        if waited >= timeout_ms:
            raise AssertionError(f"still changing after {timeout_ms} ms: {now[:300]}")
        last = now
        page.wait_for_timeout(every_ms)
        waited += every_ms
