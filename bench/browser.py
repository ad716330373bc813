"""Headless Chromium against the live server: launching it, new contexts, the time to open a page.

A page open = navigation → the server's `script_finished` ForwardMsg on the page's WebSocket (frames
parsed with Streamlit's protobufs), then its title visible. (First paint: bench/paint.py.)
"""
from __future__ import annotations

import time

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
VIEWPORT = {"width": 1400, "height": 900}

class FrameWatch:
    """Streamlit ForwardMsgs seen on the page's WebSockets: when a script run finished, exceptions."""

    def __init__(self, page):
        self.finished: list[tuple[float, int]] = []
        self.exceptions: list[str] = []
        self.frames = 0
        page.on("websocket", self._on_ws)

    def _on_ws(self, ws) -> None:
        ws.on("framereceived", self._on_frame)

    def _on_frame(self, payload) -> None:
        if isinstance(payload, str):
            return
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        fm = ForwardMsg()
        try:
            fm.ParseFromString(payload)
        except Exception:  # noqa: BLE001
            return
        self.frames += 1
        kind = fm.WhichOneof("type")
        if kind == "script_finished":
            self.finished.append((time.perf_counter(), int(fm.script_finished)))
        elif kind == "delta" and fm.delta.WhichOneof("type") == "new_element":
            el = fm.delta.new_element
            if el.WhichOneof("type") == "exception":
                self.exceptions.append(f"{el.exception.type}: {el.exception.message}"[:200])

    def reset(self) -> None:
        self.finished.clear()
        self.exceptions.clear()

    def done_at(self) -> float | None:
        """Time of the first successful finish (status 0 = FINISHED_SUCCESSFULLY; 2 = early for rerun)."""
        for t, status in self.finished:
            if status in (0, 3):
                return t
        return None


def launch(pw):
    """Headless Chromium (the system's /usr/bin/chromium) from a started sync_playwright()."""
    return pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)


def new_context(browser):
    """A fresh browser context (no cache, no cookies): a new visitor."""
    return browser.new_context(viewport=VIEWPORT, locale="ko-KR")


def open_page(page, watch: FrameWatch, url: str, timeout_s: float) -> dict:
    """ms from navigation to the run's script_finished and to the page title visible."""
    watch.reset()
    t0 = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=timeout_s * 1000)
    deadline = time.monotonic() + timeout_s
    while watch.done_at() is None and time.monotonic() < deadline:
        page.wait_for_timeout(20)
    done = watch.done_at()
    out = {"url": url, "exceptions": list(watch.exceptions)}
    if done is None:
        out["error"] = f"no script_finished within {timeout_s:.0f}s"
        return out
    out["script_finished_ms"] = round((done - t0) * 1000, 1)
    try:
        page.wait_for_selector("h1", state="visible", timeout=max(1000, (deadline - time.monotonic()) * 1000))
        out["title_visible_ms"] = round((time.perf_counter() - t0) * 1000, 1)
    except Exception as err:  # noqa: BLE001
        out["error"] = f"title not visible: {type(err).__name__}"
    return out
