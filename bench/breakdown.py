"""Where a page's time goes, from the marks bench/pagewatch.py reads off the page (pure: plain data in,
plain data out; the frames are decoded with Streamlit's protobufs).

One window of the page's clock (ms): from navigation start (a first paint) or from the sidebar click
(a page switch) to the frame that painted the figure. Within it:
- `html`, `dcl`: the HTML received, DOMContentLoaded (first paint only);
- `ws_open`: the WebSocket open (first paint only); `request`: the first message the page sent after
  the window opened (a switch: the rerun request);
- `run_start` / `run_end`: Streamlit's session header (sent as a script run starts) and the run's
  successful end as they reached the browser; `run_end_taken`: when the page's main thread took that
  end (later when it was busy); `ws_bytes` / `ws_frames`: what that run sent (header to end);
  `ws_bytes_to_paint`: what had come before the figure was painted; `elements`: the largest elements;
- `first_element`: the first element of the page drawn (first paint only);
- `js_*`: JavaScript files whose fetch started in the window before the paint: count, bytes as
  transferred (`js_encoded`, the body without headers) and as run (`js_decoded`), the last one's end
  (`js_fetched`), the largest (name, bytes, fetch start and end);
- `long_tasks_ms`: main-thread tasks over 50 ms within the window (clipped to it);
  `script_ms`: script compile + run inside long animation frames (over 50 ms), per script file;
  `render_ms`: the rendering part (style, layout, paint) of those frames;
- `figure`: window start → the figure painted.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit

from bench.stats import percentile

SUCCESS = (0, 3)  # FINISHED_SUCCESSFULLY, FINISHED_FRAGMENT_RUN_SUCCESSFULLY
_HASHED = re.compile(r"^(.+?)[.-][A-Za-z0-9_-]{6,}\.js$")  # 'PlotlyChart.D9Z0_fxz.js' → 'PlotlyChart'


def frame_info(payload: bytes) -> dict[str, Any]:
    """What one ForwardMsg frame is: kind (traffic.KINDS), element type, run status, size."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    from bench.traffic import frame_kind

    kind, detail = frame_kind(payload)
    out: dict[str, Any] = {"kind": kind, "detail": detail, "size": len(payload), "status": None}
    if detail == "script_finished":
        fm = ForwardMsg()
        fm.ParseFromString(payload)
        out["status"] = int(fm.script_finished)
    return out


def finish_status(payload: bytes) -> int | None:
    """The run status of a `script_finished` frame (None: another kind of frame)."""
    try:
        return frame_info(payload)["status"]
    except Exception:  # noqa: BLE001 — not a ForwardMsg
        return None


def align(page_sizes: Sequence[int], seen_sizes: Sequence[int], lookahead: int = 3) -> list[tuple[int, int]]:
    """Pairs (i, j): the page's i-th message is the j-th frame Playwright saw. Both lists are in the
    order of the socket; a message one side missed is skipped (the next equal size within `lookahead`)."""
    pairs: list[tuple[int, int]] = []
    j = 0
    for i, size in enumerate(page_sizes):
        for k in range(j, min(j + lookahead + 1, len(seen_sizes))):
            if seen_sizes[k] == size:
                pairs.append((i, k))
                j = k + 1
                break
    return pairs


def frames_on_page_clock(marks: dict) -> list[dict[str, Any]]:
    """The WebSocket frames in order, each with what it is, `t` (ms on the page's clock) when it reached the
    browser and `taken` when the page's main thread took it (None where unmatched)."""
    payloads = marks.get("payloads") or []
    arrived = marks.get("arrived") or []
    page_frames = marks.get("frames") or []
    out = [{"t": float(t), "taken": None, **frame_info(p)} for t, p in zip(arrived, payloads)]
    for i, j in align([int(f[1]) for f in page_frames], [f["size"] for f in out]):
        out[j]["taken"] = float(page_frames[i][0])
    return out


def _script_name(url: str) -> str:
    name = urlsplit(url).path.rsplit("/", 1)[-1] or url
    m = _HASHED.match(name)
    return m.group(1) if m else name


def _js(resources: Iterable[Sequence], t0: float, t1: float) -> dict[str, Any]:
    js = [r for r in resources if urlsplit(str(r[0])).path.endswith(".js") and t0 <= float(r[2]) < t1]
    largest = max(js, key=lambda r: r[5] or 0, default=None)
    return {"js_files": len(js), "js_encoded": sum(int(r[4] or 0) for r in js),
            "js_decoded": sum(int(r[5] or 0) for r in js),
            "js_fetched": max((float(r[3]) for r in js if r[3]), default=None),
            "js_largest": [_script_name(str(largest[0])), int(largest[5] or 0), round(float(largest[2]), 1),
                           round(float(largest[3] or 0), 1)] if largest else None}


def _clipped(spans: Iterable[Sequence], t0: float, t1: float) -> float:
    return sum(max(0.0, min(float(s) + float(d), t1) - max(float(s), t0)) for s, d, *_ in spans)


def _rendering(loaf: Iterable[Sequence], t0: float, t1: float) -> float:
    """ms of style, layout and paint work at the end of long animation frames that started in the window."""
    total = 0.0
    for start, dur, _scripts, *render in loaf:
        if render and render[0] and t0 <= float(start) < t1:
            total += max(0.0, float(start) + float(dur) - float(render[0]))
    return round(total, 1)


def _scripts(loaf: Iterable[Sequence], t0: float, t1: float) -> dict[str, float]:
    out: dict[str, float] = {}
    for _start, _dur, scripts, *_ in loaf:
        for url, start, dur in scripts:
            if t0 <= float(start) < t1:
                name = _script_name(str(url))
                out[name] = round(out.get(name, 0.0) + float(dur), 1)
    return dict(sorted(out.items(), key=lambda kv: -kv[1]))


def _run(frames: list[dict], t0: float, t1: float) -> dict[str, Any]:
    """The first script run whose header reached the browser after `t0`: its start and end (first
    successful finish) as they reached the browser, the end as the page took it, its bytes and largest
    elements; and the bytes that had reached the browser before `t1`."""
    after = [f for f in frames if f["t"] >= t0]
    start = next((k for k, f in enumerate(after) if f["kind"] == "new_session"), None)
    end = next((k for k, f in enumerate(after) if f["status"] in SUCCESS and (start is None or k > start)), None)
    run = after[start if start is not None else 0:(end + 1) if end is not None else len(after)]
    elements = sorted((f for f in run if f["kind"] == "element"), key=lambda f: -f["size"])[:3]
    return {"run_start": after[start]["t"] if start is not None else None,
            "run_end": after[end]["t"] if end is not None else None,
            "run_end_taken": after[end]["taken"] if end is not None else None,
            "ws_bytes": sum(f["size"] for f in run), "ws_frames": len(run),
            "ws_bytes_to_paint": sum(f["size"] for f in after if f["t"] <= t1),
            "elements": [[f["detail"], f["size"]] for f in elements]}


def breakdown(marks: dict, first_visit: bool = True) -> dict[str, Any]:
    """The window of one measurement (first paint: from navigation start; else from the sidebar click)
    to the figure painted, on the page's clock, relative to the window's start (ms)."""
    t0 = 0.0 if first_visit else float(marks.get("click") or 0.0)
    paint = marks.get("paint")
    t1 = float(paint) if paint is not None else float("inf")
    frames = frames_on_page_clock(marks)

    def rel(v: Any) -> float | None:
        return None if v is None else round(float(v) - t0, 1)

    sent = [float(s[0]) for s in marks.get("sent") or [] if float(s[0]) >= t0]
    run = _run(frames, t0, t1)
    out: dict[str, Any] = {"figure": rel(paint), "seen": rel(marks.get("seen")),
                           "request": rel(sent[0]) if sent else None, "run_start": rel(run.pop("run_start")),
                           "run_end": rel(run.pop("run_end")), "run_end_taken": rel(run.pop("run_end_taken")),
                           **run}
    if first_visit:
        nav = marks.get("nav") or {}
        out.update(html=rel(nav.get("response_end")), dcl=rel(nav.get("dom_content_loaded")),
                   ws_open=rel(marks.get("ws_open")), first_element=rel(marks.get("first_element")))
    js = _js(marks.get("resources") or [], t0, t1)
    if js["js_fetched"] is not None:
        js["js_fetched"] = rel(js["js_fetched"])
    if js["js_largest"]:
        js["js_largest"][2:] = [rel(v) for v in js["js_largest"][2:]]
    out.update(js)
    out["long_tasks_ms"] = round(_clipped(marks.get("long_tasks") or [], t0, t1), 1)
    out["render_ms"] = _rendering(marks.get("loaf") or [], t0, t1)
    out["script_ms"] = _scripts(marks.get("loaf") or [], t0, t1)
    return out


def median_breakdown(runs: Sequence[dict], same_page: bool = True) -> dict[str, Any]:
    """Medians over runs of every number (and of every script's time, 0 where a run had none); with
    `same_page` (runs of one page), the largest elements and JS file of the run whose figure time is the
    median one (runs of different pages: left out)."""
    if not runs:
        return {}
    out: dict[str, Any] = {}
    for key in runs[0]:
        values = [r.get(key) for r in runs]
        if all(isinstance(v, (int, float)) or v is None for v in values):
            nums = [float(v) for v in values if v is not None]
            out[key] = round(percentile(nums, 50), 1) if nums else None
    names = {n for r in runs for n in (r.get("script_ms") or {})}
    scripts = {n: round(percentile([(r.get("script_ms") or {}).get(n, 0.0) for r in runs], 50) or 0.0, 1)
               for n in names}
    out["script_ms"] = dict(sorted(((n, v) for n, v in scripts.items() if v > 0), key=lambda kv: -kv[1]))
    if same_page:
        ordered = sorted(runs, key=lambda r: r.get("figure") if r.get("figure") is not None else float("inf"))
        typical = ordered[(len(ordered) - 1) // 2]
        out["elements"] = typical.get("elements")
        out["js_largest"] = typical.get("js_largest")
    return out


def _kb(n: float | None) -> str:
    if n is None:
        return "?"
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.1f} MB"
    return f"{n / 1024:.1f} KB" if n >= 1024 else f"{n:.0f} B"


def _ms(v: float | None) -> str:
    return "?" if v is None else f"{v:,.0f}"


def describe(b: dict, server_ms: float | None = None) -> str:
    """One line of text: the phases in order, then bytes and the main thread's busy time."""
    if not b:
        return ""
    parts = []
    if "html" in b:
        parts.append(f"HTML {_ms(b.get('html'))} · WS open {_ms(b.get('ws_open'))}")
    elif b.get("request") is not None:
        parts.append(f"request {_ms(b.get('request'))}")
    run = f"run {_ms(b.get('run_start'))}→{_ms(b.get('run_end'))}"
    if b.get("run_end_taken") is not None and b.get("run_end") is not None \
            and b["run_end_taken"] - b["run_end"] >= 20:
        run += f" (taken {_ms(b['run_end_taken'])})"
    parts.append(run)
    if b.get("first_element") is not None:
        parts.append(f"1st element {_ms(b.get('first_element'))}")
    parts.append(f"figure {_ms(b.get('figure'))} ms")
    elements = b.get("elements") or []
    biggest = f" (largest {elements[0][0]} {_kb(elements[0][1])})" if elements else ""
    parts.append(f"WS {_kb(b.get('ws_bytes'))}{biggest}")
    js = f"JS {_kb(b.get('js_decoded'))} in {b.get('js_files') or 0:.0f}"
    if b.get("js_files"):
        js += f" ({_kb(b.get('js_encoded'))} on the wire), fetched by {_ms(b.get('js_fetched'))}"
    largest = b.get("js_largest")
    if largest and len(largest) >= 4 and largest[1] >= 512 * 1024:  # a chunk that weighs (plotly's: 4.5 MB)
        js += f", {largest[0]} {_kb(largest[1])} {_ms(largest[2])}→{_ms(largest[3])}"
    parts.append(js)
    scripts = ", ".join(f"{n} {v:,.0f}" for n, v in list((b.get("script_ms") or {}).items())[:3])
    parts.append(f"long tasks {_ms(b.get('long_tasks_ms'))} ms" + (f" (scripts: {scripts})" if scripts else ""))
    if b.get("render_ms"):
        parts.append(f"style/layout/paint in long frames {_ms(b.get('render_ms'))} ms")
    if server_ms is not None:
        parts.append(f"server run {server_ms:,.0f} ms")
    return " · ".join(parts)
