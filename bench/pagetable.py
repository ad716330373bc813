"""`python -m bench.pagetable [JSON]`: issue 21's page figures of a result file (bench/out/latest.json by
default) as Markdown tables, for bench/RESULTS.md — every page's first paint with its breakdown, the
page switches, the 추이 year step — so that a "before" and an "after" are laid out the same way.
Pure but for reading the file."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from bench.breakdown import median_breakdown
from bench.targets import BY_PAGE

DEFAULT = Path(__file__).resolve().parent / "out" / "latest.json"


def _n(v: Any, unit: str = "") -> str:
    if v is None:
        return "—"
    return f"{v:,.0f}{unit}"


def _kb(v: Any) -> str:
    return "—" if v is None else f"{v / 1024:,.0f} KB"


def _mb(v: Any) -> str:
    return "—" if v is None else f"{v / 1024 / 1024:,.1f} MB"


def _figures(doc: dict) -> dict[str, dict]:
    return {f["key"]: f for f in doc.get("figures", [])}


def _scripts(m: dict, k: int = 2) -> str:
    return ", ".join(f"{n} {v:,.0f}" for n, v in list((m.get("script_ms") or {}).items())[:k]) or "—"


def paint_table(doc: dict) -> str:
    """One row per page (and the empty page): paint, ratio, and the median breakdown (ms from navigation)."""
    figs = _figures(doc)
    pp = (doc.get("sections") or {}).get("pagepaint") or {}
    medians = dict(pp.get("medians") or {})
    head = ("| page | figure drawn | first paint | × empty | HTML | WS open | 1st element | run start→end (browser) "
            "| server run | WS bytes | JS run (on the wire) | long tasks | scripts in long frames "
            "| style/layout/paint |\n"
            "|---|---|---:|---:|---:|---:|---:|---|---:|---:|---|---:|---|---:|")
    rows = []
    empty = pp.get("empty_median") or {}
    rows.append(f"| empty page | st.title | {_n(figs.get('firstpaint.empty', {}).get('value'))} | 1.0 "
                f"| {_n(empty.get('html'))} | {_n(empty.get('ws_open'))} | {_n(empty.get('first_element'))} "
                f"| {_n(empty.get('run_start'))}→{_n(empty.get('run_end'))} | — | {_kb(empty.get('ws_bytes'))} "
                f"| {_mb(empty.get('js_decoded'))} ({_mb(empty.get('js_encoded'))}) | {_n(empty.get('long_tasks_ms'))} "
                f"| {_scripts(empty)} | {_n(empty.get('render_ms'))} |")
    for page, m in medians.items():
        t = BY_PAGE.get(page)
        name = f"{t.title} `{t.path}`" if t else page
        paint, ratio = figs.get(f"firstpaint.{page}", {}), figs.get(f"firstpaint.{page}.ratio", {})
        rows.append(f"| {name} | {t.what if t else ''} | {_n(paint.get('value'))} | "
                    f"{'—' if ratio.get('value') is None else format(ratio['value'], '.1f')} "
                    f"| {_n(m.get('html'))} | {_n(m.get('ws_open'))} | {_n(m.get('first_element'))} "
                    f"| {_n(m.get('run_start'))}→{_n(m.get('run_end'))} | {_n(m.get('server_run_ms'))} "
                    f"| {_kb(m.get('ws_bytes'))} | {_mb(m.get('js_decoded'))} ({_mb(m.get('js_encoded'))}) "
                    f"| {_n(m.get('long_tasks_ms'))} | {_scripts(m)} | {_n(m.get('render_ms'))} |")
    return head + "\n" + "\n".join(rows)


def by_page(switches: list[dict]) -> dict[str, dict]:
    """page → the medians of its switches (one a round; bench/breakdown.median_breakdown), in order."""
    groups: dict[str, list[dict]] = {}
    for b in switches:
        if "page" in b and b.get("figure") is not None and "error" not in b:
            groups.setdefault(b["page"], []).append(b)
    return {page: median_breakdown(runs) for page, runs in groups.items()}


def switch_table(doc: dict) -> str:
    """One row per page switched to: ms in normal and presenter mode, with the normal switch's run end
    (as it reached the browser), bytes and long tasks (ms from the click); medians over rounds."""
    sw = (doc.get("sections") or {}).get("switch") or {}
    normal = by_page((sw.get("switch") or {}).get("switches", []))
    presenter = by_page((sw.get("switch.presenter") or {}).get("switches", []))
    head = ("| switch to | click → figure | presenter | run end (browser) | WS bytes | long tasks | "
            "scripts in long frames | style/layout/paint |\n|---|---:|---:|---:|---:|---:|---|---:|")
    rows = []
    for page in list(dict.fromkeys([*normal, *presenter])):
        b, p = normal.get(page, {}), presenter.get(page, {})
        t = BY_PAGE.get(page)
        rows.append(f"| {t.title if t else page} | {_n(b.get('figure'))} | {_n(p.get('figure'))} "
                    f"| {_n(b.get('run_end'))} | {_kb(b.get('ws_bytes'))} | {_n(b.get('long_tasks_ms'))} "
                    f"| {_scripts(b)} | {_n(b.get('render_ms'))} |")
    figs = _figures(doc)
    tail = []
    for key, what in (("switch.median", "median"), ("switch.max", "max")):
        pres = figs.get(key.replace("switch.", "switch.presenter."), {}).get("value")
        tail.append(f"| **{what}** | **{_n(figs.get(key, {}).get('value'))}** | **{_n(pres)}** | | | | | |")
    base = figs.get("switch.empty.median", {}).get("value")
    tail.append(f"| baseline: empty two-page app (median) | {_n(base)} | | | | | | |")
    return head + "\n" + "\n".join(rows + tail)


def year_line(doc: dict) -> str:
    figs = _figures(doc)
    total, elements = figs.get("trends.year.total", {}), figs.get("trends.year.resent", {})
    return (f"추이 (presenter) year step, heaviest: **{_n(total.get('value'), ' B')}** "
            f"({total.get('status', '')}, budget 1,024 B); elements sent in full {_n(elements.get('value'), ' B')}: "
            f"{elements.get('detail', '')}")


def markdown(doc: dict) -> str:
    meta = doc.get("meta") or {}
    load = meta.get("loadavg_start") or ["?"]
    return (f"Run {meta.get('started_utc', '?')} UTC ({meta.get('mode', '?')}), load average {load[0]} → "
            f"{(meta.get('loadavg_end') or ['?'])[0]}, git {(meta.get('git') or {}).get('commit')}\n\n"
            f"First paint (ms from navigation start, medians):\n\n{paint_table(doc)}\n\n"
            f"Page switches (ms from the sidebar click):\n\n{switch_table(doc)}\n\n{year_line(doc)}\n")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else DEFAULT
    print(markdown(json.loads(path.read_text(encoding="utf-8"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
