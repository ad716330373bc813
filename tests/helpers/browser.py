"""Browser-tier helpers (Chromium through Playwright)."""
from __future__ import annotations

import os

from helpers import ROOT

SHOTS = ROOT / "tests" / "screenshots"  # screenshots and server logs (gitignored)
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def no_exception(page) -> None:
    """No Streamlit exception box on the page."""
    boxes = page.query_selector_all('[data-testid="stException"]')
    assert not boxes, [b.inner_text()[:500] for b in boxes]
