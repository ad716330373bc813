"""What a browser receives on Streamlit's WebSocket, decoded with Streamlit's own protobufs
(`ForwardMsg`), sorted into what the bytes are for.

Kinds: `new_session` (Streamlit's session header, sent on every run), `ref_hash` (an element the
browser already holds, sent by reference), `element` (a new element sent in full: values or
geometry re-sent), `block` (a container delta), `other` (page_info_changed, script_finished,
session_status_changed, …).
"""
from __future__ import annotations

import time

KINDS = ("new_session", "ref_hash", "element", "block", "other")


def frame_kind(payload: bytes) -> tuple[str, str]:
    """(kind, detail) of one WebSocket frame; detail names the element type of an `element`."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    fm = ForwardMsg()
    fm.ParseFromString(payload)
    kind = fm.WhichOneof("type") or ""
    if kind in ("new_session", "ref_hash"):
        return kind, ""
    if kind == "delta":
        dtype = fm.delta.WhichOneof("type")
        if dtype == "new_element":
            return "element", fm.delta.new_element.WhichOneof("type") or ""
        if dtype == "add_block":
            return "block", ""
    if kind == "script_finished":
        return "other", "script_finished"
    return "other", kind


def tally(frames: list[bytes]) -> dict:
    """Bytes and count per kind of a list of binary frames, and the element types re-sent."""
    out = {k: {"bytes": 0, "frames": 0} for k in KINDS}
    elements: list[str] = []
    for payload in frames:
        kind, detail = frame_kind(payload)
        out[kind]["bytes"] += len(payload)
        out[kind]["frames"] += 1
        if kind == "element":
            elements.append(f"{detail} ({len(payload)} B)")
    return {"total_bytes": sum(v["bytes"] for v in out.values()), "frames": len(frames), "by_kind": out,
            "elements_resent": elements}


class FrameLog:
    """Binary frames received on a page's WebSockets, with the time each arrived."""

    def __init__(self, page):
        self.frames: list[tuple[float, bytes]] = []
        page.on("websocket", lambda ws: ws.on("framereceived", self._on_frame))

    def _on_frame(self, payload) -> None:
        if isinstance(payload, (bytes, bytearray)):
            self.frames.append((time.perf_counter(), bytes(payload)))

    def since(self, t0: float) -> list[bytes]:
        return [p for t, p in self.frames if t >= t0]

    def finished_after(self, t0: float) -> bool:
        """Whether a script run finished since `t0`."""
        return any(frame_kind(p) == ("other", "script_finished") for p in self.since(t0))


def collect_change(page, log: FrameLog, action, timeout_s: float, quiet_ms: int = 1000,
                   grace_ms: int = 300) -> tuple[list[bytes], float | None]:
    """Do `action()` (a change the browser may handle alone), then wait until either a script run it
    started has finished (plus `grace_ms`) or nothing arrived for `quiet_ms`; the frames received and
    the seconds to the run's finish (None: no run)."""
    t0 = time.perf_counter()
    action()
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if log.finished_after(t0):
            dt = time.perf_counter() - t0
            page.wait_for_timeout(grace_ms)
            return log.since(t0), dt
        last = max([t for t, _ in log.frames if t >= t0], default=t0)
        if (time.perf_counter() - last) * 1000 >= quiet_ms:
            return log.since(t0), None
        page.wait_for_timeout(20)
    return log.since(t0), None
