"""Many WebSocket sessions on the map page at once, each switching views the way the page's widgets
would (indicator and level changes: they reach the server; year, zoom and play stay in the browser).

A session: (through the proxy) GET "/" to receive the route cookie, open the WebSocket with it, open
the map at its first view, wait until every session is open, then switch views `changes` times in
turn, each time waiting for its own run to finish. A change is sent as a new query string (ui/state/
gives a URL that differs from the one the session last wrote priority over widget state). It counts
as an error unless the run finishes successfully, without an exception element, and the map
component sent the view asked for (its key 'indicator|level|…' and the level's number of areas).
Latency = send → `script_finished`.
"""
from __future__ import annotations

import asyncio
import contextlib
import time
import urllib.request
from http.cookies import SimpleCookie

from bench.changes import interactions, query_with
from bench.figures import error_text
from bench.stats import scaled, summarize
from bench.wsclient import RunResult, StreamlitClient

MAP = "map"


def view_ok(res: RunResult, ind: str, level: str, areas: dict[str, int]) -> tuple[bool, str]:
    """Whether a view change went through and the map shows that view: (ok, why-not)."""
    if res.status != "ok":
        return False, res.status
    if res.exceptions:
        return False, "exception: " + res.exceptions[0]
    if res.view is None:
        return False, "no map view in the run"
    if not res.view["key"].startswith(f"{ind}|{level}|"):
        return False, f"asked {ind}|{level}, map shows {res.view['key']}"
    if areas.get(level) and res.view["areas"] != areas[level]:
        return False, f"{res.view['areas']} areas at {level}, {areas[level]} expected"
    return True, ""


def route_cookie(base_url: str, name: str) -> str | None:
    """'name=value' of the cookie `name` set by the first response of `base_url` (None: not set)."""
    with urllib.request.urlopen(base_url + "/", timeout=20) as resp:
        for header in resp.headers.get_all("Set-Cookie") or []:
            jar = SimpleCookie()
            jar.load(header)
            if name in jar:
                return f"{name}={jar[name].value}"
    return None


async def _open(client: StreamlitClient, start: tuple[str, str]) -> RunResult:
    await client.connect()
    return await client.rerun(query_with("", page=MAP, indicator=start[0], level=start[1]))


async def _changes(client: StreamlitClient, views: list[tuple[str, str]], areas: dict[str, int],
                   deadline: float, out: dict) -> None:
    for ind, level in views:
        if time.monotonic() > deadline:
            out["errors"].append("deadline reached before all changes were sent")
            return
        qs = query_with(client.query_string or f"page={MAP}", page=MAP, indicator=ind, level=level)
        res = await client.rerun(qs, page=MAP)
        ok, why = view_ok(res, ind, level, areas)
        if ok:
            out["latencies"].append(res.seconds)
        else:
            out["errors"].append(f"{ind}|{level}: {why}")


async def _open_checked(client: StreamlitClient, plan: dict, out: dict) -> bool:
    """Open the map at the session's first view; whether it showed that view."""
    try:
        first = await _open(client, plan["start"])
    except Exception as err:  # noqa: BLE001
        out["errors"].append(f"open: {error_text(err)[:150]}")
        return False
    out["open_s"] = first.seconds
    ok, why = view_ok(first, *plan["start"], plan["areas"])
    if not ok:
        out["errors"].append(f"open: {why}")
    return ok


async def _session(client: StreamlitClient, plan: dict, barrier: asyncio.Barrier, deadline: float,
                   out: dict) -> None:
    """One session; what it saw goes into `out`."""
    out.update({"latencies": [], "errors": []})
    try:
        ok = await _open_checked(client, plan, out)
        try:
            await asyncio.wait_for(barrier.wait(), timeout=max(1.0, deadline - time.monotonic()))
        except (TimeoutError, asyncio.BrokenBarrierError):
            out["errors"].append("start barrier not reached")
            return
        if ok:
            out["t_start"] = time.perf_counter()
            await _changes(client, plan["views"], plan["areas"], deadline, out)
            out["t_end"] = time.perf_counter()
            out["held"] = not out["errors"] and len(out["latencies"]) == len(plan["views"])
    except Exception as err:  # noqa: BLE001 — one failed session is counted, the others go on
        out["errors"].append(error_text(err)[:150])
    finally:
        with contextlib.suppress(Exception):
            await client.close()


def summary(results: list[dict], changes: int, total: float) -> dict:
    """Held sessions, errors, latency and throughput of one concurrent run (the JSON detail)."""
    starts = [r["t_start"] for r in results if "t_start" in r]
    ends = [r["t_end"] for r in results if "t_end" in r]
    wall = (max(ends) - min(starts)) if starts and ends else total
    lat = [x for r in results for x in r.get("latencies", [])]
    expected = len(results) * changes
    return {"clients": len(results), "changes_per_client": changes, "expected_changes": expected,
            "completed_changes": len(lat), "errors": [e for r in results for e in r.get("errors", [])],
            "held": sum(bool(r.get("held")) for r in results),
            "error_count": expected - len(lat),  # every change not completed and verified (also never sent)
            "latency_ms": scaled(summarize(lat), 1000), "wall_s": round(wall, 3), "total_s": round(total, 3),
            "throughput_per_s": round(len(lat) / wall, 2) if wall > 0 else None,
            "open_ms": scaled(summarize([r.get("open_s") for r in results if r.get("open_s")]), 1000)}


async def concurrent_sessions(ws_url: str, clients: int, changes: int, ids: list[str], areas: dict[str, int],
                              deadline: float, run_timeout: float, cookie_from: tuple[str, str] | None = None) -> dict:
    """`clients` sessions open the map, wait for each other, then each switches views `changes`
    times; `cookie_from` = (base URL, cookie name): each session first gets its route cookie there."""
    barrier = asyncio.Barrier(clients)
    results: list[dict] = [{} for _ in range(clients)]
    t0 = time.perf_counter()
    tasks = []
    for i, out in enumerate(results):
        start = (ids[i % len(ids)], "sido")
        cookie = await asyncio.to_thread(route_cookie, *cookie_from) if cookie_from else None
        out["cookie"] = cookie
        plan = {"start": start, "views": interactions(ids, start, changes), "areas": areas}
        tasks.append(asyncio.create_task(_session(StreamlitClient(ws_url, run_timeout, cookie), plan, barrier,
                                                  deadline, out)))
    try:
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=max(5.0, deadline - time.monotonic() + 30))
    except TimeoutError:
        for t in tasks:
            t.cancel()
    doc = summary(results, changes, time.perf_counter() - t0)
    doc["cookies"] = len({r.get("cookie") for r in results if r.get("cookie")})
    return doc
