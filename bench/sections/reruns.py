"""Section 3, reruns: the map page under AppTest — year change at 시도 and 시군구, level change,
indicator change; p95 (and median) of `at.run()`, each change checked in the figure drawn."""
from __future__ import annotations

import time
from typing import Any

from bench.apptest import map_spec
from bench.changes import LEVEL_NAMES, LEVELS, change_sequence
from bench.context import Context, Section
from bench.figures import Figure
from bench.mapsession import MapSession
from bench.stats import ms_samples, scaled, summarize


def _first_visits(sess: MapSession, kind: str, targets: list[Any], deadline: float) -> tuple[list[float], list[str]]:
    """One pass over the distinct targets (cache misses: kept apart from the measured changes)."""
    miss, failures = [], []
    for v in dict.fromkeys(targets):
        if time.monotonic() > deadline:
            break
        dt, ok, why = sess.change(kind, v)
        miss.append(dt)
        if not ok:
            failures.append(f"{v}: {why}")
    return miss, failures


def _series(sess: MapSession, kind: str, targets: list[Any], deadline: float) -> dict:
    """Changes to `targets` in turn, after one first-visit pass over the distinct targets."""
    miss, failures = _first_visits(sess, kind, targets, deadline)
    hit = []
    for v in targets:
        if time.monotonic() > deadline:
            break
        dt, ok, why = sess.change(kind, v)
        if ok:
            hit.append(dt)
        else:
            failures.append(f"{v}: {why}")
    return {"targets": [str(t) for t in targets], "measured_ms": scaled(summarize(hit), 1000),
            "samples_ms": ms_samples(hit), "first_visit_ms": scaled(summarize(miss), 1000), "errors": failures}


def _rerun_figure(key: str, label: str, res: dict) -> Figure:
    s = res["measured_ms"]
    errors = res["errors"]
    note = f"median {s['median']:.0f} ms · n={s['n']}" if s["n"] else ""
    if res["first_visit_ms"]["n"]:
        note += f" · first visit (cache miss) median {res['first_visit_ms']['median']:.0f} ms"
    if errors:
        note += f" · {len(errors)} error(s): {errors[0][:70]}"
    fig = Figure("reruns", key, label, s["p95"], "ms", detail=note.strip(" ·"), extra=res)
    if errors or not s["n"]:
        fig.status = "ERROR"
    return fig


def _switch_level(sess: MapSession, level: str) -> None:
    if sess.level() != level:
        _, ok, why = sess.change("level", level)
        if not ok:
            sess.errors.append(f"switch to {level}: {why}")


def _year_changes(sess: MapSession, n: int, deadline: float) -> dict:
    """n year changes at the level the map is at, starting from the year shown."""
    years = sess.years()
    res = _series(sess, "year", change_sequence(years, sess.year(), n), deadline)
    res["years"] = years
    return res


def map_reruns(n: int, level_features: dict[str, int], deadline: float) -> tuple[list[Figure], dict, dict]:
    """The four kinds of change, n times each; returns figures, detail and the map chart
    (proto, spec) drawn at each level with the default indicator and the latest year."""
    figures: list[Figure] = []
    sess = MapSession(level_features)
    detail: dict = {"n": n, "first_run_ms": round(sess.first_run_s * 1000, 1)}
    payload: dict[str, tuple[Any, dict]] = {}
    for level in LEVELS:
        _switch_level(sess, level)
        payload[level] = map_spec(sess.at)  # default indicator, latest year
        res = _year_changes(sess, n, deadline)
        detail[f"year_{level}"] = res
        figures.append(_rerun_figure(f"rerun.year.{level}", f"year change, map {LEVEL_NAMES[level]} (p95)", res))
    # level: alternate, starting from the level we are at
    res = _series(sess, "level", change_sequence(list(LEVELS), sess.level(), n), deadline)
    detail["level"] = res
    figures.append(_rerun_figure("rerun.level", "level change 시도↔시군구 (p95)", res))
    current, ids = sess.indicator_choices()
    res = _series(sess, "indicator", change_sequence(ids[: max(2, min(len(ids), n))], current, n), deadline)
    detail["indicator"] = res
    figures.append(_rerun_figure("rerun.indicator", "indicator change (p95)", res))
    detail["session_errors"] = sess.errors
    return figures, detail, {lv: ps for lv, ps in payload.items() if ps[1] is not None}


def run(ctx: Context, deadline: float) -> None:
    features = {lv: g["features"] for lv, g in ctx.geo.items()}
    figures, detail, specs = map_reruns(ctx.plan.rerun_n, features, deadline)
    ctx.figures.extend(figures)
    ctx.payload_specs.update(specs)
    ctx.sections["reruns"] = detail


SECTION = Section("reruns", run, time_s={"quick": 15, "full": 120}, needs=("data", "apptest", "geometry"))
