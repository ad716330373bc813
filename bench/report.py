"""The report of a run: the JSON result file (bench/out/latest.json by default) and the printed table."""
from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from bench.context import Context
from bench.document import json_safe, result_document, validate_document
from bench.progress import log
from bench.table import format_table


def write_json(doc: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False), encoding="utf-8")


def title(meta: dict, started: datetime, total_s: float) -> str:
    """First line of the table: mode, start (local time), CPUs, streamlit, total time, load average."""
    load_start, load_end = meta["loadavg_start"] or ["?"], meta["loadavg_end"] or ["?"]
    return (f"균형 benchmark ({meta['mode']}) — {started.astimezone().strftime('%Y-%m-%d %H:%M')}, "
            f"{meta['cpus']} CPUs, streamlit {meta['versions']['streamlit']}, total {total_s:.1f} s, "
            f"load avg {load_start[0]} → {load_end[0]}")


def summary_line(doc: dict, path: Path) -> str:
    summ = doc["summary"]
    return f"\n{summ['pass']} PASS · {summ['fail']} FAIL · {summ['error']} ERROR — JSON: {path}"


def report(ctx: Context, meta: dict, path: Path, started: datetime, total_s: float) -> dict:
    """Write the result document to `path`, print the table and the summary line; the document."""
    doc = json_safe(result_document(meta, ctx.figures, ctx.sections, ctx.errors))
    problems = validate_document(doc)
    if problems:
        log(f"result document has shape problems: {problems[:3]}")
    write_json(doc, path)
    print(format_table(ctx.figures, title(meta, started, total_s)))
    print(summary_line(doc, path))
    return doc
