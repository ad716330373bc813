"""Section proxy: sessions switching map views (indicator and level changes) at once — first 20 against
the single live process without a proxy (the baseline), then 20 and 50 through the deployment of
`deploy.stack.Stack(processes=2)`: nginx in front of two Streamlit processes, a session kept on its
process by the route cookie `bal_route` (each session GETs "/" first and sends the cookie back with
its WebSocket). Every process is warmed first by one session opening each view (not counted), so the
baseline and the deployment are both measured warm. Also: a geometry file as nginx serves it (gzip,
cache header), and the CPU seconds each process spent (both should work)."""
from __future__ import annotations

import asyncio
import shutil
import time
import urllib.request

from bench.context import Context, Section
from bench.figures import Figure, error_figure, error_text
from bench.server import free_port
from bench.sessions import concurrent_sessions


def session_figures(prefix: str, what: str, conc: dict) -> list[Figure]:
    """Table lines of one concurrent run: errors, p50, p95, held, throughput."""
    n, changes = conc["clients"], conc["changes_per_client"]
    key, label = f"{prefix}.{n}", f"{what}, {n} sessions × {changes}"
    s = conc["latency_ms"]
    return [
        Figure("proxy", f"{key}.errors", f"{label}: errors", conc["error_count"], "count", budget=0.0,
               detail=(conc["errors"][0][:90] if conc["errors"] else
                       f"{conc['completed_changes']}/{conc['expected_changes']} changes verified · "
                       f"{conc['held']}/{n} sessions held")),
        Figure("proxy", f"{key}.p50", f"{label}: p50 latency", s["median"], "ms",
               detail="send → script_finished; a change = new indicator or level, view verified"),
        Figure("proxy", f"{key}.p95", f"{label}: p95 latency", s["p95"], "ms",
               detail=(f"max {s['max']:.0f} ms · open p95 {conc['open_ms']['p95'] or 0:.0f} ms · "
                       f"{conc['throughput_per_s'] or 0:.1f} changes/s") if s["max"] is not None else ""),
    ]


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of a process so far (from /proc/<pid>/stat)."""
    import os

    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def served_geometry(base: str, file: str) -> dict:
    """A geometry file fetched through nginx with gzip accepted: bytes on the wire and headers."""
    req = urllib.request.Request(f"{base}/app/static/geo/{file}", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(req, timeout=20) as resp:
        body = resp.read()
        return {"status": resp.status, "wire_bytes": len(body),
                "content_encoding": resp.headers.get("Content-Encoding"),
                "cache_control": resp.headers.get("Cache-Control")}


def _run(prefix: str, what: str, ws_url: str, n: int, changes: int, shared: dict, deadline: float,
         cookie_from: tuple[str, str] | None = None) -> tuple[list[Figure], dict]:
    try:
        conc = asyncio.run(concurrent_sessions(ws_url, n, changes, shared["ids"], shared["areas"], deadline,
                                               shared["run_timeout"], cookie_from))
    except Exception as err:  # noqa: BLE001
        return [error_figure("proxy", f"{prefix}.{n}.errors", f"{what}: {n} sessions", error_text(err))], {}
    return session_figures(prefix, what, conc), conc


def warm_up(ws_url: str, shared: dict, deadline: float) -> int:
    """One session alone opening every view the measured sessions will ask for, so that each process
    is measured warm (as the single process is after the earlier sections); errors seen (not counted)."""
    views = 2 * len(shared["ids"])
    conc = asyncio.run(concurrent_sessions(ws_url, 1, views, shared["ids"], shared["areas"], deadline,
                                           shared["run_timeout"]))
    return conc["error_count"]


def mapped_ids(n: int = 3) -> list[str]:
    """Up to n indicators the map draws at both 시도 and 시군구 (the views the sessions switch between)."""
    import app_data

    both = [i for i in app_data.mappable_indicators() if {"sido", "sigungu"} <= set(app_data.levels_for(i))]
    return both[:n]


def _through_stack(ctx: Context, shared: dict, deadline: float, detail: dict) -> list[Figure]:
    from deploy import nginx
    from deploy.stack import Stack

    plan = ctx.plan
    stack = Stack(processes=2, listen=f"127.0.0.1:{free_port()}", env={"BALANCE_DATA_DIR": str(ctx.data_dir)})
    figures: list[Figure] = []
    try:
        t0 = time.perf_counter()
        stack.start()
        detail["stack"] = {"start_s": round(time.perf_counter() - t0, 2), "ports": stack.ports, "url": stack.url,
                           "prefix": str(stack.prefix)}
        ws = stack.url.replace("http://", "ws://") + "/_stcore/stream"
        detail["stack"]["warm_up_errors"] = [warm_up(f"ws://127.0.0.1:{p}/_stcore/stream", shared, deadline)
                                             for p in stack.ports]
        cookie_from = (stack.url, nginx.ROUTE_COOKIE)
        pids = stack.app_pids()
        for n in (20, 50):
            cpu0 = [cpu_seconds(p) or 0.0 for p in pids]
            figs, conc = _run("proxy", "nginx + 2 processes", ws, n, plan.changes, shared, deadline, cookie_from)
            conc["cpu_s_per_process"] = [round((cpu_seconds(p) or 0.0) - c, 2) for p, c in zip(pids, cpu0)]
            detail[f"proxy_{n}"] = conc
            figures += figs
        geo = ctx.geo.get("sigungu", {})
        if geo.get("file"):
            detail["served_geometry"] = served = served_geometry(stack.url, geo["file"])
            figures.append(Figure("proxy", "proxy.geometry.sigungu", "geometry 시군구 through nginx (on the wire)",
                                  served["wire_bytes"], "bytes",
                                  detail=f"Content-Encoding {served['content_encoding']} · "
                                         f"Cache-Control {served['cache_control']}"))
    finally:
        stack.stop()
        shutil.rmtree(stack.prefix, ignore_errors=True)  # nginx.conf, logs, temp files of this deployment
    return figures


def run(ctx: Context, deadline: float) -> None:
    plan = ctx.plan
    shared = {"ids": mapped_ids(), "areas": {lv: g["features"] for lv, g in ctx.geo.items()},
              "run_timeout": plan.run_timeout_s}
    detail: dict = {"views": shared["ids"], "method": "websocket (websockets + streamlit protobufs)",
                    "warm_up": "before each measured deployment, one session per process opens every view"}
    detail["single_warm_up_errors"] = warm_up(ctx.server.ws_url, shared, deadline)
    figures, detail["single_20"] = _run("single", "baseline: 1 process, no proxy", ctx.server.ws_url, 20,
                                        plan.changes, shared, time.monotonic() + (deadline - time.monotonic()) / 3)
    try:
        figures += _through_stack(ctx, shared, deadline, detail)
    except Exception as err:  # noqa: BLE001
        figures.append(error_figure("proxy", "proxy.stack", "deploy.stack.Stack(processes=2)", error_text(err)))
    for key in ("proxy_20", "proxy_50"):
        if detail.get(key, {}).get("cpu_s_per_process"):
            figures.append(Figure("proxy", f"{key}.cpu", f"nginx + 2 processes, {key[6:]} sessions: CPU s per process",
                                  None, "", detail=" / ".join(f"{c:.1f} s" for c in detail[key]["cpu_s_per_process"])))
    ctx.figures.extend(figures)
    ctx.sections["proxy"] = detail


SECTION = Section("proxy", run, time_s={"quick": 150, "full": 400}, needs=("data", "apptest", "geometry", "server"))
