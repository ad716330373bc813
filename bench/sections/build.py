"""Section 1, build: `python -m indicators build` timed with all sources and embedded-only,
each into its own temp folder; the all-sources output (else the embedded one) is what the app
reads in the later sections."""
from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from bench.context import Context, Section
from bench.figures import Figure, error_figure, error_text
from bench.stats import scaled, summarize


def resolve_raw_dir(flag: str | None) -> tuple[Path | None, str]:
    """Raw folder, as the build resolves it: --raw-dir, else $BALANCE_RAW_DIR, else the shipped
    data/raw/ if present (with where it came from)."""
    from indicators import config

    if flag:
        return Path(flag), "--raw-dir"
    env = os.environ.get(config.RAW_DIR_ENV)
    if env:
        return Path(env), f"${config.RAW_DIR_ENV}"
    shipped = config.raw_dir()
    if shipped.is_dir():
        return shipped, "data/raw"
    return None, "none found"


def _one_build(raw_dir: Path, out_dir: Path) -> dict:
    """Seconds to build (in memory) and to write one build, with what it built."""
    from indicators import build as build_mod

    t0 = time.perf_counter()
    result = build_mod.build(raw_dir)
    t1 = time.perf_counter()
    build_mod.write(result, out_dir)
    t2 = time.perf_counter()
    built = [s["module"] for s in result.report.get("sources", []) if s.get("status") == "built"]
    return {"build_s": t1 - t0, "write_s": t2 - t1, "total_s": t2 - t0, "rows": len(result.observations),
            "sources_built": built, "indicators": int(result.observations["indicator"].nunique())}


def _import_s() -> float:
    """Seconds to import the build and read the catalogue (timed apart from the builds)."""
    t0 = time.perf_counter()
    import indicators.build  # noqa: F401
    from indicators import catalog

    catalog.indicators()
    return time.perf_counter() - t0


def _variants(raw_dir: Path | None, work: Path) -> list[tuple[str, str, Path | None]]:
    """(name, label, raw folder) of each build to time; no raw folder: all sources cannot run."""
    empty_raw = Path(tempfile.mkdtemp(prefix="raw-empty-", dir=work))
    found = raw_dir is not None and raw_dir.is_dir()
    return [("all", f"all sources ({raw_dir})", raw_dir if found else None),
            ("embedded", "embedded only (empty raw dir)", empty_raw)]


def _build_figure(name: str, label: str, runs: list[dict], stats: dict) -> Figure:
    last = runs[-1]
    return Figure("build", f"build.{name}", label, round(stats["median"], 3), "s",
                  detail=f"build {last['build_s']:.2f}s + write {last['write_s']:.2f}s · "
                         f"{last['rows']:,} rows · {len(last['sources_built'])} sources"
                         + (f" · median of {stats['n']}" if stats["n"] > 1 else ""),
                  extra={"summary_s": stats})


def _time_variant(raw: Path, out: Path, reps: int, deadline: float) -> list[dict]:
    runs = []
    for i in range(max(1, reps)):
        if i and time.monotonic() > deadline:
            break
        runs.append(_one_build(raw, out))
    return runs


def measure(raw_dir: Path | None, work: Path, reps: int, deadline: float) -> tuple[list[Figure], dict, Path | None]:
    """Time both builds `reps` times (bounded by `deadline`); returns figures, detail and the
    folder holding the all-sources output (else the embedded one) for the later sections."""
    import_s = _import_s()
    figures: list[Figure] = []
    detail: dict = {"raw_dir": str(raw_dir) if raw_dir else None, "import_s": round(import_s, 3), "runs": {}}
    outputs: dict[str, Path] = {}
    for name, label, raw in _variants(raw_dir, work):
        if raw is None:
            figures.append(error_figure("build", "build.all", "all sources", f"raw dir not found: {raw_dir}"))
            continue
        out = work / f"data-{name}"
        try:
            runs = _time_variant(raw, out, reps, deadline)
        except Exception as err:  # noqa: BLE001 — reported, the other sections go on
            figures.append(error_figure("build", f"build.{name}", label, error_text(err)))
            detail["runs"][name] = {"error": error_text(err)}
            continue
        outputs[name] = out
        stats = scaled(summarize([r["total_s"] for r in runs]), 1.0)
        detail["runs"][name] = {"out_dir": str(out), "summary_s": stats,
                                "runs": [{k: (round(v, 3) if isinstance(v, float) else v) for k, v in r.items()}
                                         for r in runs]}
        figures.append(_build_figure(name, label, runs, stats))
    data_dir = outputs.get("all") or outputs.get("embedded")
    detail["data_dir_for_app"] = str(data_dir) if data_dir else None
    return figures, detail, data_dir


def run(ctx: Context, deadline: float) -> None:
    figures, detail, ctx.data_dir = measure(ctx.raw_dir, ctx.work, ctx.plan.build_reps, deadline)
    detail["raw_dir_from"] = ctx.raw_from
    ctx.figures.extend(figures)
    ctx.sections["build"] = detail


SECTION = Section("build", run, time_s={"quick": 20, "full": 120})
