"""A minimal Streamlit WebSocket client: one browser tab's worth of protocol, no browser.

Protocol (streamlit/web/server/starlette/starlette_websocket.py): connect to
/_stcore/stream offering the subprotocol "streamlit" (the second and third entries of that
header carry an XSRF token and a session id to resume; neither is needed without an Origin
header). The client sends `BackMsg.rerun_script` (a `ClientState` with the URL query string,
the page script hash and widget states; no cached message hashes, so every element comes in full);
the server answers with ForwardMsgs — new_session,
deltas, page_info_changed (the URL it wrote) … and `script_finished`.
"""
from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass, field


@dataclass
class RunResult:
    """What one rerun sent back, and how long it took (send → script_finished)."""

    seconds: float
    status: str  # ok | compile_error | timeout | closed | page_not_found
    messages: int = 0
    bytes: int = 0
    exceptions: list[str] = field(default_factory=list)
    view: dict | None = None  # the map component's view: key ('indicator|level|…'), indicator, areas
    view_bytes: int | None = None
    query_string: str | None = None


def _read_element(el, size: int, res: RunResult) -> None:
    """Note an exception or the map component (a bidi_component whose JSON is a map view)."""
    etype = el.WhichOneof("type")
    if etype == "exception":
        res.exceptions.append(f"{el.exception.type}: {el.exception.message}"[:200])
    elif etype == "bidi_component":
        try:
            data = json.loads(el.bidi_component.json or "null")
        except ValueError:
            data = None
        if isinstance(data, dict) and "codes" in data and "key" in data:
            res.view = {"key": data["key"], "indicator": data.get("indicator"), "areas": len(data["codes"])}
            res.view_bytes = size


def _finish_status(fm) -> str | None:
    """'ok' / 'compile_error' when the run is over; None when it goes on (st.switch_page / st.rerun)."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    if fm.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
        return None
    ok = (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY)
    return "ok" if fm.script_finished in ok else "compile_error"


class StreamlitClient:
    """One browser tab's worth of protocol: connect, rerun, read until the script finished."""

    def __init__(self, ws_url: str, run_timeout: float = 60.0, cookie: str | None = None):
        self.ws_url = ws_url
        self.cookie = cookie  # 'name=value' sent with the upgrade (the proxy's route cookie)
        self.run_timeout = run_timeout
        self.ws = None
        self.pages: dict[str, str] = {}  # url_pathname → page_script_hash
        self.page_hash = ""
        self.query_string = ""

    async def connect(self) -> None:
        import websockets

        headers = {"Cookie": self.cookie} if self.cookie else None
        self.ws = await websockets.connect(self.ws_url, subprotocols=["streamlit"], max_size=None,
                                           open_timeout=20, ping_interval=None, compression=None,
                                           additional_headers=headers, proxy=None)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def rerun(self, query_string: str, page: str | None = None) -> RunResult:
        """Ask for a run with this query string (and page); read its messages until it finished."""
        from streamlit.proto.BackMsg_pb2 import BackMsg

        msg = BackMsg()
        msg.rerun_script.query_string = query_string
        if page is not None and page in self.pages:
            msg.rerun_script.page_script_hash = self.pages[page]
        res = RunResult(0.0, "timeout")
        t0 = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        await self._read_until_finished(res, t0 + self.run_timeout)
        res.seconds = time.perf_counter() - t0
        return res

    async def _read_until_finished(self, res: RunResult, deadline: float) -> None:
        """Read ForwardMsgs into `res` until the run finished, the socket closed or `deadline`."""
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        while (left := deadline - time.perf_counter()) > 0:
            try:
                data = await asyncio.wait_for(self.ws.recv(), timeout=left)
            except TimeoutError:
                return
            except Exception:  # noqa: BLE001 — connection closed
                res.status = "closed"
                return
            fm = ForwardMsg()
            fm.ParseFromString(data)
            res.messages += 1
            res.bytes += len(data)
            if self._read(fm, len(data), res):
                return

    def _read(self, fm, size: int, res: RunResult) -> bool:
        """Take in one ForwardMsg; True when it ends the run."""
        kind = fm.WhichOneof("type")
        if kind == "navigation":
            self.pages = {p.url_pathname: p.page_script_hash for p in fm.navigation.app_pages}
        elif kind == "new_session":
            self.page_hash = fm.new_session.page_script_hash
        elif kind == "page_info_changed":
            res.query_string = fm.page_info_changed.query_string
            self.query_string = res.query_string
        elif kind == "page_not_found":
            res.status = "page_not_found"
        elif kind == "delta" and fm.delta.WhichOneof("type") == "new_element":
            _read_element(fm.delta.new_element, size, res)
        elif kind == "script_finished" and (status := _finish_status(fm)) is not None:
            res.status = status
            return True
        return False
