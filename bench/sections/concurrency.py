"""Section 6, concurrency: year changes through WebSocket sessions on the live server — one
client alone at 시도 and 시군구 (table section 'live'), then 20 and 50 sessions at once
(sessions held, errors, p50/p95 latency, throughput)."""
from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence

from bench.changes import LEVEL_NAMES, LEVELS
from bench.context import Context, Section
from bench.figures import Figure, error_figure, error_text
from bench.load import concurrent_clients, single_client

METHOD = "websocket (websockets + streamlit protobufs)"


def split_deadlines(counts: Sequence[int], start: float, end: float) -> list[float]:
    """Deadline of each concurrent run: the time from `start` to `end` shared in proportion to the
    number of clients (a run with 50 clients gets 2.5 times the time of one with 20)."""
    total = sum(counts)
    out, t = [], start
    for n in counts:
        t += (end - start) * n / total if total else 0.0
        out.append(t)
    return out


def single_figures(level: str, single: dict) -> list[Figure]:
    """Table lines of one client alone at `level`: p95 latency and the chart message size."""
    name = LEVEL_NAMES[level]
    if single.get("error") or not single.get("samples_ms"):
        return [error_figure("live", f"live.year.{level}", f"1 client year change {name}",
                             single.get("error") or "; ".join(single.get("errors", []))[:150])]
    s = single["latency_ms"]
    errs = single.get("errors") or []
    figures = [Figure("live", f"live.year.{level}", f"1 client: year change {name} (p95)", s["p95"], "ms",
                      status="ERROR" if errs else "",
                      detail=f"median {s['median']:.0f} ms · n={s['n']} · server+loopback, send→finished"
                             + (f" · {len(errs)} error(s)" if errs else ""), extra=single)]
    if single.get("chart_msg_bytes"):
        figures.append(Figure("live", f"live.chart.{level}", f"map chart ForwardMsg {name}",
                              single["chart_msg_bytes"], "bytes", detail="bytes on the WebSocket, one delta"))
    return figures


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


def _single(ws_url: str, level: str, n: int, deadline: float, run_timeout: float) -> dict:
    try:
        return asyncio.run(single_client(ws_url, level, n, deadline, run_timeout))
    except Exception as err:  # noqa: BLE001
        return {"error": error_text(err)}


def _concurrent(ws_url: str, n: int, changes: int, deadline: float, run_timeout: float) -> tuple[list[Figure], dict]:
    try:
        conc = asyncio.run(concurrent_clients(ws_url, n, changes, "sido", deadline, run_timeout))
    except Exception as err:  # noqa: BLE001
        return [error_figure("concurrency", f"conc.{n}", f"{n} sessions", error_text(err))], {"error": error_text(err)}
    return concurrency_figures(conc), conc


def measure(ws_url: str, clients: Sequence[int], changes: int, single_n: int, deadline: float,
            run_timeout: float) -> tuple[list[Figure], dict]:
    """Single-client latency at both levels, then one concurrent run per number of `clients`."""
    figures: list[Figure] = []
    detail: dict = {"method": METHOD, "single": {}, "concurrent": {}}
    for level in LEVELS:
        detail["single"][level] = _single(ws_url, level, single_n, deadline, run_timeout)
        figures += single_figures(level, detail["single"][level])
    for n, end in zip(clients, split_deadlines(list(clients), time.monotonic(), deadline)):
        figs, detail["concurrent"][str(n)] = _concurrent(ws_url, n, changes, end, run_timeout)
        figures += figs
    return figures, detail


def run(ctx: Context, deadline: float) -> None:
    plan = ctx.plan
    figures, detail = measure(ctx.server.ws_url, plan.clients, plan.changes, plan.single_n, deadline,
                              plan.run_timeout_s)
    ctx.figures.extend(figures)
    detail["rss_after"] = ctx.server.rss()
    ctx.sections["concurrency"] = detail


SECTION = Section("concurrency", run, time_s={"quick": 150, "full": 600}, needs=("data", "server"))
