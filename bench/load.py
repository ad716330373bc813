"""Year-change load on the live server through WebSocket sessions: one session alone, and many at once.

A year change is sent the way a link would: a new query string (ui/state.py gives a URL that
differs from the one the session last wrote priority over widget state), with the map page's
script hash. A change counts as an error unless the run finishes successfully, without an
exception element, and the map figure's title shows the requested year. Latency = send →
`script_finished`.
"""
from __future__ import annotations

import asyncio
import contextlib
import time

from bench.changes import change_sequence, query_with
from bench.figures import error_text
from bench.mapspec import latest_shown_year, shown_years
from bench.stats import ms_samples, scaled, summarize
from bench.wsclient import RunResult, StreamlitClient

MAP = "map"


def year_ok(res: RunResult, year: int) -> tuple[bool, str]:
    """Whether a year change went through and the figure shows that year: (ok, why-not)."""
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


def _level_param(level: str) -> str | None:
    return level if level != "sido" else None  # 시도 is the map's default: no parameter


async def _open_map(client: StreamlitClient, level: str) -> RunResult:
    await client.connect()
    return await client.rerun(query_with("", page=MAP, level=_level_param(level)))


async def _changes(client: StreamlitClient, level: str, years: list[int], current: int | None,
                   n: int, deadline: float) -> tuple[list[float], list[str], list[int]]:
    """n year changes in turn: latencies (s) of the verified ones, errors, chart message sizes."""
    lat, errors, sizes = [], [], []
    for y in change_sequence(years, current, n):
        if time.monotonic() > deadline:
            errors.append("deadline reached before all changes were sent")
            break
        qs = query_with(client.query_string or f"page={MAP}", page=MAP, year=y, level=_level_param(level))
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
        lat, errors, sizes = await _changes(client, level, first.years_offered, latest_shown_year(first.spec),
                                            n, deadline)
        return {"open_ms": round(first.seconds * 1000, 1), "latency_ms": scaled(summarize(lat), 1000),
                "samples_ms": ms_samples(lat), "errors": errors,
                "chart_msg_bytes": max(sizes) if sizes else first.chart_msg_bytes}
    finally:
        await client.close()


async def _open_and_wait(client: StreamlitClient, level: str, barrier: asyncio.Barrier, deadline: float,
                         out: dict) -> RunResult | None:
    """Open the map, then wait until every session has; the opening run if both went well."""
    try:
        first = await _open_map(client, level)
    except Exception as err:  # noqa: BLE001
        out["errors"].append(f"connect: {error_text(err)}")
        first = None
    ok = first is not None and first.status == "ok" and bool(first.years_offered)
    if first is not None and not ok:
        out["errors"].append(f"open: {first.status} {first.exceptions[:1]}")
    out["open_s"] = first.seconds if first else None
    try:
        await asyncio.wait_for(barrier.wait(), timeout=max(1.0, deadline - time.monotonic()))
    except (TimeoutError, asyncio.BrokenBarrierError):
        out["errors"].append("start barrier not reached")
        return None
    return first if ok else None


async def _session(client: StreamlitClient, level: str, changes: int, barrier: asyncio.Barrier, deadline: float,
                   out: dict) -> None:
    """One of the concurrent sessions; what it saw goes into `out`."""
    out.update({"latencies": [], "errors": []})
    try:
        first = await _open_and_wait(client, level, barrier, deadline, out)
        if first is None:
            return
        out["t_start"] = time.perf_counter()
        lat, errors, _ = await _changes(client, level, first.years_offered, latest_shown_year(first.spec),
                                        changes, deadline)
        out["t_end"] = time.perf_counter()
        out["latencies"] += lat
        out["errors"] += errors
        out["held"] = not errors and len(lat) == changes
    finally:
        with contextlib.suppress(Exception):
            await client.close()


def _load_summary(results: list[dict], changes: int, level: str, total: float) -> dict:
    """Held sessions, errors, latency and throughput of one concurrent run (the JSON detail)."""
    starts = [r["t_start"] for r in results if "t_start" in r]
    ends = [r["t_end"] for r in results if "t_end" in r]
    wall = (max(ends) - min(starts)) if starts and ends else total
    lat = [x for r in results for x in r.get("latencies", [])]
    expected = len(results) * changes
    return {"clients": len(results), "changes_per_client": changes, "level": level, "expected_changes": expected,
            "completed_changes": len(lat), "errors": [e for r in results for e in r.get("errors", [])],
            "held": sum(bool(r.get("held")) for r in results),
            # every intended change not completed and verified is an error (also those never sent)
            "error_count": expected - len(lat),
            "latency_ms": scaled(summarize(lat), 1000), "wall_s": round(wall, 3), "total_s": round(total, 3),
            "throughput_per_s": round(len(lat) / wall, 2) if wall > 0 else None,
            "open_ms": scaled(summarize([r.get("open_s") for r in results if r.get("open_s")]), 1000)}


async def concurrent_clients(ws_url: str, clients: int, changes: int, level: str, deadline: float,
                             run_timeout: float) -> dict:
    """`clients` sessions open the map, wait for each other, then each changes the year
    `changes` times (each waiting for its own run to finish)."""
    barrier = asyncio.Barrier(clients)
    results: list[dict] = [{} for _ in range(clients)]
    t0 = time.perf_counter()
    tasks = [asyncio.create_task(_session(StreamlitClient(ws_url, run_timeout), level, changes, barrier, deadline,
                                          out)) for out in results]
    try:
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=max(5.0, deadline - time.monotonic() + 30))
    except TimeoutError:
        for t in tasks:
            t.cancel()
    return _load_summary(results, changes, level, time.perf_counter() - t0)
