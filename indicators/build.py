"""`python -m indicators build [--raw-dir DIR] [--out DIR]`: sources → derived → parquet.

Runs every source whose inputs exist (the package-embedded census always), derives,
validates, sanity-checks, then writes all outputs atomically: each file goes to a temp
name in the output folder and is renamed over the old one only after everything has been
computed and validated, so a failed build leaves earlier outputs intact.
"""
from __future__ import annotations

import json
import os
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd

from geo import regions
from indicators import catalog, checks, derive, gap, manifest
from indicators.errors import InputsMissing
from indicators.sources import population_decline
from indicators.schema import tidy

OUTPUTS = ("observations.parquet", "gaps.parquet", "coverage.parquet", "designations.parquet", "build_report.json")
# Empty designations table (package-only build): same columns as population_decline.COLUMNS.
_NO_DESIGNATIONS = pd.DataFrame({c: pd.Series(dtype=str) for c in population_decline.COLUMNS})


@dataclass
class BuildResult:
    observations: pd.DataFrame
    gaps: pd.DataFrame
    coverage: pd.DataFrame
    designations: pd.DataFrame = field(default_factory=lambda: _NO_DESIGNATIONS.copy())
    report: dict = field(default_factory=dict)


def run_sources(raw_dir: Path) -> tuple[list[pd.DataFrame], list[dict]]:
    """Load every source; a source without its files is skipped with the reason."""
    frames, log = [], []
    for name in catalog.SOURCE_MODULES:
        mod = catalog._module(name)
        t0 = time.perf_counter()
        try:
            df = mod.load(raw_dir)
        except InputsMissing as err:
            log.append({"source": mod.SOURCE.id, "module": name, "status": "skipped", "reason": str(err)})
            continue
        frames.append(df)
        log.append({"source": mod.SOURCE.id, "module": name, "status": "built", "rows": len(df),
                    "indicators": sorted(df["indicator"].unique()), "seconds": round(time.perf_counter() - t0, 2)})
    return frames, log


def coverage(obs: pd.DataFrame) -> pd.DataFrame:
    """Per indicator and level: years with data and number of regions with a value."""
    have = obs.dropna(subset=["value"])
    have = have.assign(level=regions.level_of(have["region_code"]))
    macro = have[regions.in_level(have["region_code"], "macro")].assign(level="macro")  # 수도권 CR is a 권역 too
    have = pd.concat([have[have["level"] != "macro"], macro])
    g = have.groupby(["indicator", "level", "year"]).size().rename("regions").reset_index()
    return g.sort_values(["indicator", "level", "year"], ignore_index=True)


def load_designations(raw_dir: Path) -> tuple[pd.DataFrame, dict]:
    """The 인구감소지역 / 관심지역 status table (not an observation series) and its log entry."""
    src, t0 = population_decline.SOURCE, time.perf_counter()
    try:
        df = population_decline.load_designations(raw_dir)
    except InputsMissing as err:
        return _NO_DESIGNATIONS.copy(), {"source": src.id, "module": "population_decline", "status": "skipped",
                                         "reason": str(err)}
    counts = df["designation"].value_counts().to_dict()
    return df, {"source": src.id, "module": "population_decline", "status": "built", "rows": len(df),
                "indicators": [], "designations": {k: int(v) for k, v in sorted(counts.items())},
                "seconds": round(time.perf_counter() - t0, 2)}


def build(raw_dir: Path) -> BuildResult:
    """Everything in memory: sources, derived table, gaps, coverage, checks, report."""
    t0 = time.perf_counter()
    frames, log = run_sources(raw_dir)
    designations, designation_log = load_designations(raw_dir)
    log.append(designation_log)
    base = pd.concat(frames, ignore_index=True)
    additive = {i.id for i in catalog.indicators().values() if i.additive}
    obs = tidy(derive.derive_all(base, additive))
    unknown = set(obs["indicator"]) - set(catalog.indicators())
    if unknown:
        raise ValueError(f"indicators not in the catalogue: {sorted(unknown)}")
    cov = coverage(obs)
    files = [asdict(f) for f in manifest.verify(raw_dir)]
    report = {"raw_dir": str(raw_dir), "sources": log, "raw_files": files, "checks": checks.run_all(base, cov, obs),
              "rows": len(obs), "seconds": round(time.perf_counter() - t0, 2)}
    return BuildResult(obs, gap.capital_gaps(obs), cov, designations, report)


def _write_atomic(out_dir: Path, name: str, writer) -> Path:
    fd, tmp = tempfile.mkstemp(prefix=f".tmp-{name}-", dir=out_dir)
    os.close(fd)
    try:
        writer(tmp)
    except BaseException:
        os.unlink(tmp)
        raise
    return Path(tmp)


def write(result: BuildResult, out_dir: Path) -> list[Path]:
    """Write all outputs to temp files, then rename each into place."""
    out_dir.mkdir(parents=True, exist_ok=True)
    writers = {
        "observations.parquet": lambda p: result.observations.to_parquet(p, index=False),
        "gaps.parquet": lambda p: result.gaps.to_parquet(p, index=False),
        "coverage.parquet": lambda p: result.coverage.to_parquet(p, index=False),
        "designations.parquet": lambda p: result.designations.to_parquet(p, index=False),
        "build_report.json": lambda p: Path(p).write_text(json.dumps(result.report, ensure_ascii=False, indent=1)),
    }
    temps = {}
    try:
        for name, writer in writers.items():
            temps[name] = _write_atomic(out_dir, name, writer)
    except BaseException:
        for t in temps.values():
            t.unlink(missing_ok=True)
        raise
    for name, tmp in temps.items():
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; outputs are plain readable files
        os.replace(tmp, out_dir / name)
    return [out_dir / n for n in writers]
