"""Section 1: build time, all sources and embedded-only, each into its own temp folder."""
from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from bench.common import Figure, error_figure, scaled, summarize


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
    from indicators import build as build_mod

    t0 = time.perf_counter()
    result = build_mod.build(raw_dir)
    t1 = time.perf_counter()
    build_mod.write(result, out_dir)
    t2 = time.perf_counter()
    built = [s["module"] for s in result.report.get("sources", []) if s.get("status") == "built"]
    return {"build_s": t1 - t0, "write_s": t2 - t1, "total_s": t2 - t0, "rows": len(result.observations),
            "sources_built": built, "indicators": int(result.observations["indicator"].nunique())}


def run(raw_dir: Path | None, work: Path, reps: int, deadline: float) -> tuple[list[Figure], dict, Path | None]:
    """Time both builds `reps` times (bounded by `deadline`); returns figures, detail and the
    folder holding the all-sources output (else the embedded one) for the later sections."""
    t_imp = time.perf_counter()
    import indicators.build  # noqa: F401  (imports are timed apart from the builds)
    from indicators import catalog

    catalog.indicators()
    import_s = time.perf_counter() - t_imp

    figures: list[Figure] = []
    detail: dict = {"raw_dir": str(raw_dir) if raw_dir else None, "import_s": round(import_s, 3), "runs": {}}
    empty_raw = Path(tempfile.mkdtemp(prefix="raw-empty-", dir=work))
    variants = []
    if raw_dir is not None and raw_dir.is_dir():
        variants.append(("all", f"all sources ({raw_dir})", raw_dir))
    else:
        figures.append(error_figure("build", "build.all", "all sources", f"raw dir not found: {raw_dir}"))
    variants.append(("embedded", "embedded only (empty raw dir)", empty_raw))

    outputs: dict[str, Path] = {}
    for name, label, raw in variants:
        out = work / f"data-{name}"
        runs = []
        try:
            for i in range(max(1, reps)):
                if i and time.monotonic() > deadline:
                    break
                runs.append(_one_build(raw, out))
        except Exception as err:  # noqa: BLE001 — reported, the other sections go on
            figures.append(error_figure("build", f"build.{name}", label, f"{type(err).__name__}: {err}"))
            detail["runs"][name] = {"error": f"{type(err).__name__}: {err}"}
            continue
        outputs[name] = out
        stats = scaled(summarize([r["total_s"] for r in runs]), 1.0)
        detail["runs"][name] = {"out_dir": str(out), "summary_s": stats,
                                "runs": [{k: (round(v, 3) if isinstance(v, float) else v) for k, v in r.items()}
                                         for r in runs]}
        last = runs[-1]
        figures.append(Figure("build", f"build.{name}", label, round(stats["median"], 3), "s",
                              detail=f"build {last['build_s']:.2f}s + write {last['write_s']:.2f}s · "
                                     f"{last['rows']:,} rows · {len(last['sources_built'])} sources"
                                     + (f" · median of {stats['n']}" if stats["n"] > 1 else ""),
                              extra={"summary_s": stats}))
    data_dir = outputs.get("all") or outputs.get("embedded")
    detail["data_dir_for_app"] = str(data_dir) if data_dir else None
    return figures, detail, data_dir
