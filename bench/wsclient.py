"""Section 6: a minimal Streamlit WebSocket client and the concurrent year-change load.

Protocol (streamlit/web/server/starlette/starlette_websocket.py): connect to
/_stcore/stream offering the subprotocol "streamlit" (the second and third entries of that
header carry an XSRF token and a session id to resume; neither is needed without an Origin
header). The client sends `BackMsg.rerun_script` (a `ClientState` with the URL query string,
the page script hash and widget states); the server answers with ForwardMsgs — new_session,
deltas, page_info_changed (the URL it wrote) … and `script_finished`.

A year change is sent the way a link would: a new query string (ui/state.py gives a URL that
differs from the one the session last wrote priority over widget state), with the map page's
script hash. A change counts as an error unless the run finishes successfully, without an
exception element, and the map figure's title shows the requested year.
"""
from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from bench.common import (
    Figure,
    change_sequence,
    choropleth_locations,
    error_figure,
    query_with,
    scaled,
    shown_years,
    summarize,
)

MAP = "map"


@dataclass
class RunResult:
    seconds: float
    status: str  # ok | compile_error | timeout | closed | page_not_found
    messages: int = 0
    bytes: int = 0
    exceptions: list[str] = field(default_factory=list)
    spec: dict | None = None
    chart_msg_bytes: int | None = None
    query_string: str | None = None
    years_offered: list[int] = field(default_factory=list)


class StreamlitClient:
    """One browser tab's worth of protocol: connect, rerun, read until the script finished."""

    def __init__(self, ws_url: str, run_timeout: float = 60.0):
        self.ws_url = ws_url
        self.run_timeout = run_timeout
        self.ws = None
        self.pages: dict[str, str] = {}  # url_pathname → page_script_hash
        self.page_hash = ""
        self.query_string = ""

    async def connect(self) -> None:
        import websockets

        self.ws = await websockets.connect(self.ws_url, subprotocols=["streamlit"], max_size=None,
                                           open_timeout=20, ping_interval=None, compression=None)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()

    async def rerun(self, query_string: str, page: str | None = None) -> RunResult:
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        msg = BackMsg()
        msg.rerun_script.query_string = query_string
        if page is not None and page in self.pages:
            msg.rerun_script.page_script_hash = self.pages[page]
        res = RunResult(0.0, "timeout")
        t0 = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        deadline = t0 + self.run_timeout
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                break
            try:
                data = await asyncio.wait_for(self.ws.recv(), timeout=left)
            except TimeoutError:
                break
            except Exception:  # noqa: BLE001 — connection closed
                res.status = "closed"
                break
            fm = ForwardMsg()
            fm.ParseFromString(data)
            res.messages += 1
            res.bytes += len(data)
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
                el = fm.delta.new_element
                etype = el.WhichOneof("type")
                if etype == "exception":
                    res.exceptions.append(f"{el.exception.type}: {el.exception.message}"[:200])
                elif etype == "plotly_chart":
                    try:
                        spec = json.loads(el.plotly_chart.spec)
                    except ValueError:
                        spec = None
                    if spec is not None and (res.spec is None or choropleth_locations(spec)):
                        res.spec = spec
                        res.chart_msg_bytes = len(data)
                elif etype == "slider" and el.slider.options:
                    opts = list(el.slider.options)
                    if all(o.isdigit() and len(o) == 4 for o in opts):
                        res.years_offered = [int(o) for o in opts]
            elif kind == "script_finished":
                if fm.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    continue  # st.switch_page / st.rerun: the run goes on
                res.status = "ok" if fm.script_finished in (ForwardMsg.FINISHED_SUCCESSFULLY,
                                                            ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY) \
                    else "compile_error"
                break
        res.seconds = time.perf_counter() - t0
        return res


def year_ok(res: RunResult, year: int) -> tuple[bool, str]:
    if res.status != "ok":
        return False, res.status
    if res.exceptions:
        return False, "exception: " + res.exceptions[0]
    if res.spec is None:
        return False, "no map chart in the rerun"
    shown = shown_years(res.spec)
    if year not in shown:
        return False, f"asked {year}, figure shows {sorted(shown)}"
    return True, ""


async def _open_map(client: StreamlitClient, level: str) -> RunResult:
    await client.connect()
    first = await client.rerun(query_with("", page=MAP, level=level if level != "sido" else None))
    return first


async def _changes(client: StreamlitClient, level: str, years: list[int], current: int | None,
                   n: int, deadline: float) -> tuple[list[float], list[str], list[int]]:
    lat, errors, sizes = [], [], []
    for y in change_sequence(years, current, n):
        if time.monotonic() > deadline:
            errors.append("deadline reached before all changes were sent")
            break
        qs = query_with(client.query_string or f"page={MAP}", page=MAP, year=y,
                        level=level if level != "sido" else None)
        res = await client.rerun(qs, page=MAP)
        ok, why = year_ok(res, y)
        if ok:
            lat.append(res.seconds)
            if res.chart_msg_bytes:
                sizes.append(res.chart_msg_bytes)
        else:
            errors.append(f"{y}: {why}")
    return lat, errors, sizes


async def single_client(ws_url: str, level: str, n: int, deadline: float, run_timeout: float) -> dict:
    """One client alone: the live server's year-change latency without contention."""
    client = StreamlitClient(ws_url, run_timeout)
    try:
        first = await _open_map(client, level)
        if first.status != "ok" or not first.years_offered:
            return {"error": f"map did not open: {first.status} {first.exceptions[:1]}", "samples_ms": []}
        current = max(shown_years(first.spec)) if first.spec and shown_years(first.spec) else None
        lat, errors, sizes = await _changes(client, level, first.years_offered, current, n, deadline)
        return {"open_ms": round(first.seconds * 1000, 1), "latency_ms": scaled(summarize(lat), 1000),
                "samples_ms": [round(x * 1000, 1) for x in lat], "errors": errors,
                "chart_msg_bytes": max(sizes) if sizes else first.chart_msg_bytes}
    finally:
        await client.close()


async def concurrent_clients(ws_url: str, clients: int, changes: int, level: str, deadline: float,
                             run_timeout: float) -> dict:
    """`clients` sessions open the map, wait for each other, then each changes the year
    `changes` times (each waiting for its own run to finish)."""
    barrier = asyncio.Barrier(clients)
    results: list[dict] = [{} for _ in range(clients)]

    async def one(i: int) -> None:
        client = StreamlitClient(ws_url, run_timeout)
        out = results[i]
        out.update({"latencies": [], "errors": []})
        try:
            try:
                first = await _open_map(client, level)
            except Exception as err:  # noqa: BLE001
                out["errors"].append(f"connect: {type(err).__name__}: {err}")
                first = None
            ok = first is not None and first.status == "ok" and bool(first.years_offered)
            if first is not None and not ok:
                out["errors"].append(f"open: {first.status} {first.exceptions[:1]}")
            out["open_s"] = first.seconds if first else None
            try:
                await asyncio.wait_for(barrier.wait(), timeout=max(1.0, deadline - time.monotonic()))
            except (TimeoutError, asyncio.BrokenBarrierError):
                out["errors"].append("start barrier not reached")
                return
            if not ok:
                return
            shown = shown_years(first.spec) if first.spec else set()
            out["t_start"] = time.perf_counter()
            lat, errors, _ = await _changes(client, level, first.years_offered, max(shown) if shown else None,
                                            changes, deadline)
            out["t_end"] = time.perf_counter()
            out["latencies"] += lat
            out["errors"] += errors
            out["held"] = not errors and len(lat) == changes
        finally:
            try:
                await client.close()
            except Exception:  # noqa: BLE001
                pass

    t0 = time.perf_counter()
    tasks = [asyncio.create_task(one(i)) for i in range(clients)]
    try:
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=max(5.0, deadline - time.monotonic() + 30))
    except TimeoutError:
        for t in tasks:
            t.cancel()
    total = time.perf_counter() - t0
    starts = [r["t_start"] for r in results if "t_start" in r]
    ends = [r["t_end"] for r in results if "t_end" in r]
    wall = (max(ends) - min(starts)) if starts and ends else total
    lat = [x for r in results for x in r.get("latencies", [])]
    errors = [e for r in results for e in r.get("errors", [])]
    expected = clients * changes
    return {"clients": clients, "changes_per_client": changes, "level": level, "expected_changes": expected,
            "completed_changes": len(lat), "errors": errors, "held": sum(bool(r.get("held")) for r in results),
            # every intended change not completed and verified is an error (also those never sent)
            "error_count": expected - len(lat),
            "latency_ms": scaled(summarize(lat), 1000), "wall_s": round(wall, 3), "total_s": round(total, 3),
            "throughput_per_s": round(len(lat) / wall, 2) if wall > 0 else None,
            "open_ms": scaled(summarize([r.get("open_s") for r in results if r.get("open_s")]), 1000)}


def split_deadlines(counts: Sequence[int], start: float, end: float) -> list[float]:
    """Deadline of each concurrent run: the time from `start` to `end` shared in proportion to the
    number of clients (a run with 50 clients gets 2.5 times the time of one with 20)."""
    total = sum(counts)
    out, t = [], start
    for n in counts:
        t += (end - start) * n / total if total else 0.0
        out.append(t)
    return out


def concurrency_figures(conc: dict) -> list[Figure]:
    """Table lines of one concurrent run: sessions held, errors (budget 0), p50, p95, throughput."""
    n, changes = conc["clients"], conc["changes_per_client"]
    key, label = f"conc.{n}", f"{n} sessions × {changes} year changes"
    s = conc["latency_ms"]
    return [
        Figure("concurrency", f"{key}.held", f"{n} sessions: held to the end", conc["held"], "count",
               status="PASS" if conc["held"] == n else "FAIL",
               detail=f"{conc['held']}/{n} opened the map and stayed connected through every change"),
        Figure("concurrency", f"{key}.errors", f"{label}: errors", conc["error_count"], "count", budget=0.0,
               detail=(conc["errors"][0][:90] if conc["errors"] else
                       f"{conc['completed_changes']}/{conc['expected_changes']} changes verified")),
        Figure("concurrency", f"{key}.p50", f"{label}: p50 latency", s["median"], "ms",
               detail="send → script_finished, year verified in the figure"),
        Figure("concurrency", f"{key}.p95", f"{label}: p95 latency", s["p95"], "ms",
               detail=f"max {s['max']:.0f} ms · open p95 {conc['open_ms']['p95'] or 0:.0f} ms"
               if s["max"] is not None else ""),
        Figure("concurrency", f"{key}.throughput", f"{label}: throughput", conc["throughput_per_s"], "/s",
               detail=f"wall {conc['wall_s']:.1f} s"),
    ]


def run(ws_url: str, clients: Sequence[int], changes: int, single_n: int, deadline: float,
        run_timeout: float) -> tuple[list[Figure], dict]:
    """Single-client latency at both levels, then one concurrent run per number of `clients`."""
    figures: list[Figure] = []
    detail: dict = {"method": "websocket (websockets + streamlit protobufs)", "single": {}, "concurrent": {}}
    names = {"sido": "시도", "sigungu": "시군구"}
    for level in ("sido", "sigungu"):
        try:
            single = asyncio.run(single_client(ws_url, level, single_n, deadline, run_timeout))
        except Exception as err:  # noqa: BLE001
            single = {"error": f"{type(err).__name__}: {err}"}
        detail["single"][level] = single
        if single.get("error") or not single.get("samples_ms"):
            figures.append(error_figure("live", f"live.year.{level}", f"1 client year change {names[level]}",
                                        single.get("error") or "; ".join(single.get("errors", []))[:150]))
            continue
        s = single["latency_ms"]
        errs = single.get("errors") or []
        figures.append(Figure("live", f"live.year.{level}", f"1 client: year change {names[level]} (p95)", s["p95"],
                              "ms", status="ERROR" if errs else "",
                              detail=f"median {s['median']:.0f} ms · n={s['n']} · server+loopback, send→finished"
                                     + (f" · {len(errs)} error(s)" if errs else ""), extra=single))
        if single.get("chart_msg_bytes"):
            figures.append(Figure("live", f"live.chart.{level}", f"map chart ForwardMsg {names[level]}",
                                  single["chart_msg_bytes"], "bytes", detail="bytes on the WebSocket, one delta"))
    ends = split_deadlines(list(clients), time.monotonic(), deadline)
    for n, end in zip(clients, ends):
        try:
            conc = asyncio.run(concurrent_clients(ws_url, n, changes, "sido", end, run_timeout))
        except Exception as err:  # noqa: BLE001
            detail["concurrent"][str(n)] = {"error": f"{type(err).__name__}: {err}"}
            figures.append(error_figure("concurrency", f"conc.{n}", f"{n} sessions", f"{type(err).__name__}: {err}"))
            continue
        detail["concurrent"][str(n)] = conc
        figures.extend(concurrency_figures(conc))
    return figures, detail
