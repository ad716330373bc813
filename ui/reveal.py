"""Presenter mode on time-series charts: reveal the series year by year.

`cut(fig, year)` is the pure part: the figure with every point after `year` left out, the policy
events after it hidden and both axes held at the full series' ranges (so nothing jumps while the
years advance). `timeline(ctx, years)` is the control above the chart (presenter mode only): previous
year, play/pause, next year and a year slider bound to `?year=` (a shared link reopens the same year);
play advances one year every `STEP_S` seconds until the last year (a fragment timer, so the URL and
the chart follow each step). Outside presenter mode `timeline` draws nothing and returns None.
"""
from __future__ import annotations

import copy
import math
import re
import time
from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from ui import state
from ui.context import Ctx

STEP_S = 1.0  # seconds per year while playing
_PLAY, _STEPPED = "_reveal_playing", "_reveal_stepped_at"
PAD = 0.06  # y-axis padding, share of the full range


# ---------------------------------------------------------------- the figure (pure)

def _is_year_list(xs: Any) -> bool:
    if not isinstance(xs, (list, tuple)) or not xs:
        return False
    return all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in xs if x is not None)


def _axis_key(ref: str, kind: str) -> str:
    """'y2' → 'yaxis2', 'y' → 'yaxis' (kind 'x' or 'y')."""
    return f"{kind}axis{ref[1:]}" if ref and ref != kind else f"{kind}axis"


def _finite(values) -> list[float]:
    out = []
    for v in values or []:
        if isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v):
            out.append(float(v))
    return out


def _y_spans(traces: list[dict], layout: dict) -> dict[str, tuple[float, float]]:
    """Full y range per y-axis key over every trace (stacked bars and stack groups: their sums)."""
    values: dict[str, list[float]] = {}
    stacks: dict[tuple[str, Any], dict[float, list[float]]] = {}
    bar_stack = layout.get("barmode") in ("stack", "relative")
    for tr in traces:
        ax = _axis_key(tr.get("yaxis", "y"), "y")
        xs, ys = tr.get("x"), tr.get("y")
        if not isinstance(ys, (list, tuple)):
            continue
        group = tr.get("stackgroup") or ("bar" if tr.get("type") == "bar" and bar_stack else None)
        if group and isinstance(xs, (list, tuple)):
            sums = stacks.setdefault((ax, group), {})
            for x, y in zip(xs, ys):
                if isinstance(y, (int, float)) and math.isfinite(y):
                    pos_neg = sums.setdefault(x, [0.0, 0.0])
                    pos_neg[0 if y >= 0 else 1] += y
            continue
        values.setdefault(ax, []).extend(_finite(ys))
    for (ax, _), sums in stacks.items():
        values.setdefault(ax, []).extend([0.0] + [v for pn in sums.values() for v in pn])
    for shape in layout.get("shapes") or []:  # reference lines (e.g. 50 %, nation = 100) stay in view
        ref = str(shape.get("yref", "y"))
        if re.fullmatch(r"y\d*", ref) and _axis_key(ref, "y") in values:
            values[_axis_key(ref, "y")].extend(_finite([shape.get("y0"), shape.get("y1")]))
    out = {}
    for ax, vals in values.items():
        if vals:
            lo, hi = min(vals), max(vals)
            pad = (hi - lo) * PAD or abs(hi) * PAD or 1.0
            out[ax] = (lo - pad, hi + pad)
    return out


def _x_spans(traces: list[dict]) -> dict[str, tuple[float, float]]:
    spans: dict[str, list[float]] = {}
    for tr in traces:
        if _is_year_list(tr.get("x")):
            spans.setdefault(_axis_key(tr.get("xaxis", "x"), "x"), []).extend(_finite(tr["x"]))
    return {ax: (min(v) - 0.5, max(v) + 0.5) for ax, v in spans.items() if v}


def _cut_trace(tr: dict, year: float) -> dict:
    """The trace with its points after `year` left out (every per-point array, markers included)."""
    xs = tr.get("x")
    if not _is_year_list(xs):
        return tr
    n = len(xs)
    keep = [i for i, x in enumerate(xs) if x is not None and x <= year]

    def take(value):
        if isinstance(value, (list, tuple)) and len(value) == n:
            return [value[i] for i in keep]
        if isinstance(value, dict):
            return {k: take(v) for k, v in value.items()}
        return value

    return {k: (take(v) if k not in ("x",) else [xs[i] for i in keep]) for k, v in tr.items()}


def _after(item: dict, year: float) -> bool:
    """A shape or annotation placed on a year axis after `year` (policy events not yet reached)."""
    ref = str(item.get("xref", ""))
    if not ref.startswith("x") or "domain" in ref:
        return False
    xs = _finite([item.get("x"), item.get("x0")])
    return bool(xs) and min(xs) > year


def cut(fig: go.Figure | dict, year: int, note: str = "") -> dict:
    """`fig` (not modified) as a dict showing the years up to `year`: later points, events and their
    labels left out, x and y axes fixed at the full series' ranges, `note` appended to the subtitle."""
    d = copy.deepcopy(fig.to_dict() if isinstance(fig, go.Figure) else fig)
    traces, layout = d.get("data", []), d.setdefault("layout", {})
    for ax, (lo, hi) in _x_spans(traces).items():
        axis = layout.setdefault(ax, {})
        if not axis.get("range"):
            axis["range"] = [lo, hi]
        axis["autorange"] = False
    for ax, (lo, hi) in _y_spans(traces, layout).items():
        axis = layout.setdefault(ax, {})
        if not axis.get("range"):
            axis["range"] = [lo, hi]
        axis["autorange"] = False
    d["data"] = [_cut_trace(tr, year) for tr in traces]
    for key in ("shapes", "annotations"):
        if layout.get(key):
            layout[key] = [item for item in layout[key] if not _after(item, year)]
    if note:
        sub = layout.setdefault("title", {}).setdefault("subtitle", {})
        sub["text"] = f"{sub.get('text') or ''} · {note}" if sub.get("text") else note
    return d


# ---------------------------------------------------------------- the control (presenter mode)

def _key(ctx: Ctx) -> str:
    return f"w_{ctx.page}_year"  # state.bind's widget key for ?year= on this page


def _set(ctx: Ctx, year: int) -> None:
    st.session_state[_key(ctx)] = year
    st.session_state[_STEPPED] = time.monotonic()


def _step(ctx: Ctx, years: Sequence[int], by: int) -> None:
    """Callback of ◀/▶: one year back or forward (stops playing)."""
    st.session_state[_PLAY] = False
    now = st.session_state.get(_key(ctx), years[-1])
    i = years.index(now) if now in years else len(years) - 1
    _set(ctx, years[min(max(i + by, 0), len(years) - 1)])


def _play(ctx: Ctx, years: Sequence[int]) -> None:
    """Callback of play/pause: pause, or start from the next year (from the first at the last year)."""
    ss = st.session_state
    if ss.get(_PLAY):
        ss[_PLAY] = False
        return
    now = ss.get(_key(ctx), years[-1])
    i = years.index(now) if now in years else len(years) - 1
    ss[_PLAY] = True
    _set(ctx, years[0] if i >= len(years) - 1 else years[i + 1])


def _stop() -> None:
    st.session_state[_PLAY] = False


@st.fragment(run_every=STEP_S)
def _ticker(ctx: Ctx, years: list[int]) -> None:
    """While playing: one year further every STEP_S seconds (the whole page reruns: chart, URL)."""
    ss = st.session_state
    if not ss.get(_PLAY) or time.monotonic() - ss.get(_STEPPED, 0.0) < STEP_S * 0.8:
        return
    now = ss.get(_key(ctx), years[-1])
    i = years.index(now) if now in years else len(years) - 1
    if i >= len(years) - 1:
        ss[_PLAY] = False
    else:
        _set(ctx, years[i + 1])
        ss[_PLAY] = i + 1 < len(years) - 1
    st.rerun(scope="app")


def timeline(ctx: Ctx, years: Sequence[int]) -> int | None:
    """Presenter mode: ◀ · play · ▶ and a year slider (bound to `?year=`; default the last year) above
    the chart; the year to reveal up to. Elsewhere (or with fewer than two years): None, nothing drawn."""
    years = sorted({int(y) for y in years})
    if not ctx.presenter or len(years) < 2:
        return None
    ss = st.session_state
    playing = bool(ss.get(_PLAY))
    row = st.container(key="reveal_bar")
    b1, b2, b3, sl = row.columns([1.45, 1.6, 1.45, 6.0], vertical_alignment="center")
    b1.button(ctx.t("reveal_prev"), key="reveal_prev", icon=":material/skip_previous:", on_click=_step,
              args=(ctx, years, -1), help=ctx.t("reveal_prev_help"), width="stretch")
    b2.button(ctx.t("reveal_pause" if playing else "reveal_play"), key="reveal_play",
              icon=":material/pause:" if playing else ":material/play_arrow:", on_click=_play, args=(ctx, years),
              help=ctx.t("reveal_play_help"), width="stretch", type="primary")
    b3.button(ctx.t("reveal_next"), key="reveal_next", icon=":material/skip_next:", on_click=_step,
              args=(ctx, years, 1), help=ctx.t("reveal_next_help"), width="stretch")
    year = state.bind("year", lambda k: sl.select_slider(ctx.t("year"), years, key=k, on_change=_stop,
                                                          label_visibility="collapsed"),
                      options=years, default=years[-1], scope=ctx.page, parse=int)
    if playing:
        _ticker(ctx, years)
    return year


def note(ctx: Ctx, year: int | None, years: Sequence[int]) -> str:
    """The subtitle's note while a series is cut ('' at the last year)."""
    return "" if year is None or year >= max(years) else ctx.t("reveal_until", year=year)
