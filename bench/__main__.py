"""`python -m bench [--quick] [--raw-dir DIR] [--json PATH]`: run every section, print the table, write JSON."""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bench.common import ERROR, FAIL, Figure, error_figure, format_table, json_safe, result_document, validate_document

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_JSON = ROOT / "bench" / "out" / "latest.json"
SECTIONS = ("build", "pages", "reruns", "payload", "server", "concurrency")


@dataclass(frozen=True)
class Plan:
    """Repetitions and time guards of one mode (every loop is bounded by count and by time)."""

    name: str
    build_reps: int
    page_reps: int
    rerun_n: int
    single_n: int
    clients: tuple[int, ...]  # one concurrent run per number of sessions
    changes: int
    warm_paint: bool
    geometry_build: bool
    browser_timeout_s: float
    run_timeout_s: float
    section_s: dict


# Concurrency: 20 and 50 sessions in both modes; quick sends 3 year changes per session, full 10.
QUICK = Plan("quick", build_reps=1, page_reps=1, rerun_n=3, single_n=3, clients=(20, 50), changes=3,
             warm_paint=False, geometry_build=False, browser_timeout_s=40, run_timeout_s=60,
             section_s={"build": 20, "pages": 15, "reruns": 15, "payload": 10, "server": 40, "concurrency": 150})
FULL = Plan("full", build_reps=3, page_reps=3, rerun_n=10, single_n=10, clients=(20, 50), changes=10,
            warm_paint=True, geometry_build=True, browser_timeout_s=90, run_timeout_s=120,
            section_s={"build": 120, "pages": 90, "reruns": 120, "payload": 60, "server": 180, "concurrency": 600})


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def _versions() -> dict:
    out = {}
    for mod in ("streamlit", "plotly", "pandas", "playwright", "websockets"):
        try:
            from importlib.metadata import version

            out[mod] = version(mod)
        except Exception:  # noqa: BLE001
            out[mod] = None
    return out


def _git() -> dict:
    def git(*args: str) -> str | None:
        try:
            return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=10).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return None

    status = git("status", "--porcelain")
    return {"commit": git("rev-parse", "--short", "HEAD"), "dirty": bool(status) if status is not None else None}


def _loadavg() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def prepare_geometry(data_dir: Path, plan: Plan) -> tuple[list[Figure], dict]:
    """Put the simplified-geometry disk cache beside the built data the app will read."""
    from geo import simplify
    from indicators import config

    figures: list[Figure] = []
    detail: dict = {"version": simplify.VERSION}
    src = simplify.cache_path(config.ROOT / "data")
    dst = simplify.cache_path(data_dir)
    if src.exists() and not dst.exists():
        shutil.copy2(src, dst)
        detail["cache"] = f"copied from {src}"
    elif not dst.exists():
        t0 = time.perf_counter()
        simplify.load.cache_clear()
        simplify.load()  # builds and writes dst ($BALANCE_DATA_DIR points at data_dir)
        dt = time.perf_counter() - t0
        detail["cache"] = "built (no cache in data/)"
        figures.append(Figure("build", "geometry.build", "geometry simplify + cache write", round(dt, 3), "s",
                              detail="no disk cache in data/: built for this run"))
    if plan.geometry_build and "geometry.build" not in [f.key for f in figures]:
        t0 = time.perf_counter()
        simplify.build()
        dt = time.perf_counter() - t0
        figures.append(Figure("build", "geometry.build", "geometry simplify (no disk cache)", round(dt, 3), "s",
                              detail="geo.simplify.build(): what the first load costs without data/geo_simplified_*"))
    detail["cache_path"] = str(dst)
    return figures, detail


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    p.add_argument("--quick", action="store_true",
                   help="fewer repetitions; 20 and 50 sessions × 3 year changes (about a minute)")
    p.add_argument("--raw-dir", help="raw-data folder (default $BALANCE_RAW_DIR, else data/raw)")
    p.add_argument("--json", default=str(DEFAULT_JSON), help=f"result file (default {DEFAULT_JSON.relative_to(ROOT)})")
    p.add_argument("--skip", action="append", default=[], choices=SECTIONS, help="leave a section out (repeatable)")
    p.add_argument("--keep-temp", action="store_true", help="keep the temp folder (built data, server log)")
    p.add_argument("--strict", action="store_true", help="exit 1 when a figure is FAIL or ERROR")
    args = p.parse_args(argv)
    plan = QUICK if args.quick else FULL
    t_start = time.perf_counter()
    started = datetime.now(UTC)
    load_start = _loadavg()
    work = Path(tempfile.mkdtemp(prefix="balance-bench-"))
    figures: list[Figure] = []
    sections: dict = {}
    errors: list[dict] = []

    def guarded(name: str, fn):
        if name in args.skip:
            sections[name] = {"skipped": True}
            return None
        log(f"{name} …")
        t0 = time.perf_counter()
        try:
            return fn(time.monotonic() + plan.section_s[name])
        except Exception as err:  # noqa: BLE001 — a failed section is reported, the others still run
            tb = traceback.format_exc(limit=6)
            errors.append({"section": name, "error": f"{type(err).__name__}: {err}", "traceback": tb})
            figures.append(error_figure(name, f"{name}.error", f"{name} section", f"{type(err).__name__}: {err}"))
            log(f"{name} failed: {type(err).__name__}: {err}")
            return None
        finally:
            sections.setdefault(name, {})
            if isinstance(sections[name], dict):
                sections[name]["section_s"] = round(time.perf_counter() - t0, 2)

    from bench import builds

    raw_dir, raw_from = builds.resolve_raw_dir(args.raw_dir)
    data_dir: Path | None = None

    # 1. builds --------------------------------------------------------------------------
    def s_build(deadline):
        nonlocal data_dir
        figs, detail, out = builds.run(raw_dir, work, plan.build_reps, deadline)
        detail["raw_dir_from"] = raw_from
        figures.extend(figs)
        sections["build"] = detail
        data_dir = out

    guarded("build", s_build)
    if data_dir is None:  # build skipped or failed: the app reads a copy of data/ (never data/ itself)
        from indicators import config

        src = config.ROOT / "data"
        data_dir = work / "data-copy"
        shutil.copytree(src, data_dir, ignore=shutil.ignore_patterns(".tmp*", "raw", "build"))
        sections.setdefault("build", {})["data_dir_for_app"] = f"{data_dir} (copy of data/)"
    os.environ["BALANCE_DATA_DIR"] = str(data_dir)
    try:
        geo_figs, geo_detail = prepare_geometry(data_dir, plan)
        figures.extend(geo_figs)
        sections.setdefault("build", {})["geometry"] = geo_detail
    except Exception as err:  # noqa: BLE001
        errors.append({"section": "build", "error": f"geometry: {type(err).__name__}: {err}"})

    # 2–4. AppTest ----------------------------------------------------------------------
    from bench import appbench

    bench_set_log_level = appbench.quiet_logs()
    try:
        from ui.state import PAGES

        pages = list(PAGES)
    except Exception:  # noqa: BLE001
        pages = ["overview", "map", "trends", "risk", "region", "data"]
    geo: dict = {}
    payload_specs: dict = {}

    def s_pages(deadline):
        warm = appbench.warm_up_imports()
        figs, detail = appbench.page_times(pages, plan.page_reps, deadline)
        figures.extend(figs)
        sections["pages"] = {"warm_up": warm, "pages": detail, "reps": plan.page_reps,
                             "cold": "fresh AppTest after st.cache_data/cache_resource.clear() and the "
                                     "in-process geometry cache cleared (disk cache kept)",
                             "warm": "second run of the same AppTest"}

    def s_geometry(deadline):
        geo.update(appbench.geometry_sizes())

    def s_reruns(deadline):
        feats = {lv: g["features"] for lv, g in geo.items()}
        figs, detail, specs = appbench.map_reruns(plan.rerun_n, feats, deadline)
        figures.extend(figs)
        payload_specs.update(specs)
        sections["reruns"] = detail

    def s_payload(deadline):
        naive = appbench.naive_sizes()
        why = "reruns section skipped" if "reruns" in args.skip else "no map chart captured in the reruns section"
        figs, detail = appbench.payload_figures(payload_specs, geo, naive, why)
        figures.extend(figs)
        sections["payload"] = detail

    guarded("pages", s_pages)
    try:
        s_geometry(None)
    except Exception as err:  # noqa: BLE001
        errors.append({"section": "payload", "error": f"geometry sizes: {type(err).__name__}: {err}"})
    guarded("reruns", s_reruns)
    guarded("payload", s_payload)

    # 5–6. live server --------------------------------------------------------------------
    if not ({"server", "concurrency"} <= set(args.skip)):
        from bench import server as server_mod

        srv = server_mod.Server(data_dir, work / "streamlit.log",
                                env_remove=("STREAMLIT_LOGGER_LEVEL",) if bench_set_log_level else ())
        try:
            log(f"starting streamlit on {srv.url} …")
            srv.start()
            regions_sido = geo.get("sido", {}).get("features", 17)

            def s_server(deadline):
                from bench import browser

                figs, detail = browser.run(srv, pages, regions_sido, plan.browser_timeout_s, plan.warm_paint)
                figures.extend(figs)
                sections["server"] = detail

            def s_conc(deadline):
                from bench import wsclient

                figs, detail = wsclient.run(srv.ws_url, plan.clients, plan.changes, plan.single_n, deadline,
                                            plan.run_timeout_s)
                figures.extend(figs)
                detail["rss_after"] = srv.rss()
                sections["concurrency"] = detail

            guarded("server", s_server)
            guarded("concurrency", s_conc)
        except Exception as err:  # noqa: BLE001
            errors.append({"section": "server", "error": f"{type(err).__name__}: {err}"})
            figures.append(error_figure("server", "server.start", "streamlit run", f"{type(err).__name__}: {err}"))
        finally:
            srv.stop()
            sections.setdefault("server", {})["log_tail"] = srv.log_tail(1500)

    total = time.perf_counter() - t_start
    meta = {"loadavg_start": load_start, "loadavg_end": _loadavg(), "mode": plan.name,
            "started_utc": started.isoformat(timespec="seconds"), "total_s": round(total, 2),
            "cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
            "versions": _versions(), "git": _git(), "raw_dir": str(raw_dir) if raw_dir else None,
            "raw_dir_from": raw_from, "data_dir": str(data_dir), "plan": plan.__dict__}
    doc = json_safe(result_document(meta, figures, sections, errors))
    problems = validate_document(doc)
    if problems:
        log(f"result document has shape problems: {problems[:3]}")
    out = Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False), encoding="utf-8")

    title = (f"균형 benchmark ({plan.name}) — {started.astimezone().strftime('%Y-%m-%d %H:%M')}, "
             f"{os.cpu_count()} CPUs, streamlit {meta['versions']['streamlit']}, total {total:.1f} s, "
             f"load avg {(load_start or ['?'])[0]} → {(meta['loadavg_end'] or ['?'])[0]}")
    print(format_table(figures, title))
    summ = doc["summary"]
    print(f"\n{summ['pass']} PASS · {summ['fail']} FAIL · {summ['error']} ERROR — JSON: {out}")
    if args.keep_temp:
        print(f"temp folder kept: {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    if args.strict and any(f.status in (FAIL, ERROR) for f in figures):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
