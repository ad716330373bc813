"""`python -m indicators build [--raw-dir DIR] [--out DIR] [--strict]`: sources → derived → parquet.

Refuses raw files far larger than the official ones before reading any; runs every source whose
inputs exist (the package-embedded census always) and marks a source read without some of its
manifest-listed files as partial; derives, validates, sanity-checks (naming the raw file, row and
column of each value behind a failure, from the cells the loaders recorded), then publishes all
outputs as one set: they are written into a new folder `<out>/builds/<build id>/`, and only when
all are complete does the pointer `<out>/current` switch
to it (one `os.replace`). A failed or killed build leaves the previous set published and intact
(its unfinished `.tmp-*` folder is removed by the next build, which holds the folder's publish lock);
readers (`indicators.store`) see the old set or the new one, never a mix. The previous set is
kept, older ones are removed.
"""
from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from geo import regions, svgmap
from indicators import catalog, checks, derive, gap, manifest, month_end, restate, set_checks, store
from indicators.errors import InputsMissing
from indicators.origins import guard_sizes, incomplete_indicators, indicator_origins, mark_partial
from indicators.schema import tidy
from indicators.sources import _files, population_decline

OUTPUTS = store.OUTPUTS  # one set, published together
# Empty designations table (package-only build): same columns as population_decline.COLUMNS.
_NO_DESIGNATIONS = pd.DataFrame({c: pd.Series(dtype=str) for c in population_decline.COLUMNS})


@dataclass
class BuildResult:
    observations: pd.DataFrame
    gaps: pd.DataFrame
    coverage: pd.DataFrame
    designations: pd.DataFrame = field(default_factory=lambda: _NO_DESIGNATIONS.copy())
    report: dict = field(default_factory=dict)
    month_end: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=month_end.COLUMNS))


def run_sources(raw_dir: Path, checked: list[manifest.FileStatus] | None = None,
                ) -> tuple[list[pd.DataFrame], list[dict]]:
    """Load every source; a source without its files is skipped with the reason.

    Each load runs inside `_files.recording`: its log entry lists the raw files read, the number of
    conflicts between overlapping files, what each file added (`added`, said in the summary), and
    carries `_lineage` (file and vintage of each indicator-year) and `_conflicts` for the report
    (`manifest.take`). Where two sources give one region-year of an indicator (a MOIS export of a year
    the KOSIS file also has), the newest vintage is kept (`across_sources`). The frames returned have
    no `source_file` column."""
    loaded, log = [], []
    for name in catalog.SOURCE_MODULES:
        mod = catalog._module(name)
        t0 = time.perf_counter()
        try:
            with _files.recording(raw_dir, name, checked or ()) as rec:
                df = mod.load(raw_dir)
        except InputsMissing as err:
            log.append({"source": mod.SOURCE.id, "module": name, "status": "skipped", "reason": str(err)})
            continue
        entry = {"source": mod.SOURCE.id, "module": name, "status": "built", "rows": len(df),
                 "indicators": sorted(df["indicator"].unique()), "seconds": round(time.perf_counter() - t0, 2),
                 "files": sorted(rec.files), "overlaps": rec.overlaps, "conflicts": len(rec.conflicts),
                 "notes": rec.notes, "added": rec.added, "_conflicts": rec.conflicts, "_cells": rec.cells}
        log.append(entry)
        loaded.append((entry, df, rec, mod.SOURCE.vintage if mod.SOURCE.embedded else None))
    kept = across_sources([(entry, df) for entry, df, _, _ in loaded], raw_dir, checked)
    for (entry, _, rec, package), df in zip(loaded, kept):
        entry["_lineage"] = _files.lineage(df, rec, package)
    return [df.drop(columns="source_file", errors="ignore") for df in kept], log


KEY = ["region_code", "year", "indicator"]


def across_sources(loaded: list[tuple[dict, pd.DataFrame]], raw_dir: Path,
                   checked: list[manifest.FileStatus] | None = None) -> list[pd.DataFrame]:
    """Region-year-indicators given by more than one source, resolved as `_files.combine_files` does
    within a source: the row from the newest file is kept (`manifest.vintage_rank` of the row's files;
    a row computed from several files ranks as its newest; package data as the oldest), the others
    dropped, and every dropped value that differs from the kept one is listed as a conflict (in the log
    entry of the source kept, counted in its `overlaps` and `conflicts`). Returns the frames in order."""
    frames = [df.assign(_source=i) for i, (_, df) in enumerate(loaded)]
    if not frames:
        return []
    both = pd.concat(frames, ignore_index=True)
    twice = both.duplicated(KEY, keep=False)
    if not twice.any():
        return [df for _, df in loaded]
    statuses = {f.path: f for f in checked or ()}

    def status(name: str) -> manifest.FileStatus:
        if name not in statuses:
            path = Path(raw_dir) / name
            statuses[name] = (_files.file_status(path, raw_dir) if path.is_file()
                              else manifest.FileStatus(name, "package", "", ""))
        return statuses[name]

    def rank(files: str) -> tuple:
        ranks = [(0, ()) if status(f).status == "package" else (1, manifest.vintage_rank(status(f)))
                 for f in str(files).split(_files.FILE_SEP)]
        return max(ranks)

    met = both[twice].copy()
    met["_rank"] = [rank(f) for f in met["source_file"]]
    order = sorted(range(len(met)), key=lambda i: (met["_rank"].iloc[i], met["_source"].iloc[i]))
    met = met.iloc[order]
    winner = met.drop_duplicates(KEY, keep="last")
    lost = met.merge(winner[KEY + ["_source", "value", "source_file"]], on=KEY, suffixes=("", "_kept"))
    lost = lost[lost["_source"] != lost["_source_kept"]]
    for i, n in winner.groupby("_source").size().items():
        loaded[i][0]["overlaps"] += int(n)
    differ = lost[~((lost["value"] == lost["value_kept"]) | (lost["value"].isna() & lost["value_kept"].isna()))]
    for r in differ.to_dict("records"):
        kept_entry, dropped_entry = loaded[r["_source_kept"]][0], loaded[r["_source"]][0]
        kept = status(str(r["source_file_kept"]).split(_files.FILE_SEP)[0])
        dropped = status(str(r["source_file"]).split(_files.FILE_SEP)[0])
        kept_entry["_conflicts"].append({
            "module": kept_entry["module"], "table": f"across sources: {kept_entry['module']} over "
                                                     f"{dropped_entry['module']}",
            "region_code": r["region_code"], "year": int(r["year"]), "indicator": r["indicator"],
            "kept_file": r["source_file_kept"], "kept_vintage": kept.vintage, "kept_status": kept.status,
            "kept_value": None if pd.isna(r["value_kept"]) else float(r["value_kept"]),
            "dropped_file": r["source_file"], "dropped_vintage": dropped.vintage, "dropped_status": dropped.status,
            "dropped_value": None if pd.isna(r["value"]) else float(r["value"]), "dropped_row": None})
        kept_entry["conflicts"] += 1
    drop = pd.MultiIndex.from_frame(lost[KEY + ["_source"]])
    out = []
    for i, (_, df) in enumerate(loaded):
        gone = pd.MultiIndex.from_frame(df[KEY].assign(_source=i)).isin(drop)
        out.append(df[~gone].reset_index(drop=True))
    return out


def take_cells(log: list[dict]) -> pd.DataFrame:
    """The cells every source recorded (file, row and column of each value read), removed from the log."""
    parts = [c for entry in log for c in entry.pop("_cells", [])]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=_files.CELL_COLUMNS)


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


def build(raw_dir: Path, *, check_counts: bool = True) -> BuildResult:
    """Everything in memory: sources, derived table, gaps, coverage, checks, report.

    check_counts=False leaves out the expected-count check (`--update-expected` rewrites its file)."""
    t0 = time.perf_counter()
    guard_sizes(raw_dir)
    checked_files = manifest.verify(raw_dir)
    frames, log = run_sources(raw_dir, checked_files)
    designations, designation_log = load_designations(raw_dir)
    log.append(designation_log)
    mark_partial(log, raw_dir)
    base = pd.concat(frames, ignore_index=True)
    additive = {i.id for i in catalog.indicators().values() if i.additive}
    # every series on each boundary set, exactly or not at all (indicators/restate.py), then derived there
    on_set = {s: restate.express(base, s, additive) for s in regions.SETS}
    by_set = {s: tidy(derive.derive_all(on_set[s], additive, s)) for s in regions.SETS}
    obs = pd.concat([o.assign(boundary_set=s) for s, o in by_set.items()], ignore_index=True)
    unknown = set(obs["indicator"]) - set(catalog.indicators())
    if unknown:
        raise ValueError(f"indicators not in the catalogue: {sorted(unknown)}")
    cov_by_set = {s: coverage(o) for s, o in by_set.items()}
    cov = pd.concat([c.assign(boundary_set=s) for s, c in cov_by_set.items()], ignore_index=True)
    files = [asdict(f) for f in checked_files]
    ref = regions.REFERENCE_SET
    months, month_report, month_cells = month_end.build(raw_dir, checked_files, additive)
    cells = take_cells(log)
    if month_cells:  # month-end cells carry the period as YYYYMM in `year`: agreements between two files of a month
        cells = pd.concat([cells, *month_cells], ignore_index=True)
    checked = checks.run_all(on_set[ref], cov_by_set[ref], by_set[ref], origin=indicator_origins(raw_dir, log),
                             excused=incomplete_indicators(log), counts=check_counts, cells=cells)
    checked["boundary_sets"] = set_checks.run(by_set, additive)
    report = {"raw_dir": str(raw_dir), "sources": log, "raw_files": files, "checks": checked,
              "overlap_rule": manifest.RULE,
              "conflicts": manifest.take(log, "_conflicts") + month_report.pop("conflicts"), "month_end": month_report,
              "lineage": manifest.take(log, "_lineage")
              + manifest.derived_lineage(catalog.indicators().values(), set(obs["indicator"]), derive.SOURCE.id),
              "rows": len(obs), "seconds": round(time.perf_counter() - t0, 2)}
    gaps = pd.concat([gap.capital_gaps(o).assign(boundary_set=s) for s, o in by_set.items()], ignore_index=True)
    return BuildResult(obs, gaps, cov, designations, report, months)


def new_build_id(out_dir: Path) -> int:
    """A fresh build id: the UTC time as digits (YYYYmmddHHMMSS + microseconds), above every existing one."""
    now = int(datetime.now(UTC).strftime("%Y%m%d%H%M%S%f"))
    builds = Path(out_dir) / store.BUILDS
    taken = [int(p.name) for p in builds.iterdir() if p.name.isdigit()] if builds.is_dir() else []
    return max([now, *(t + 1 for t in taken), store.current_build(out_dir) + 1])


def _writers(result: BuildResult) -> dict:
    """Output name → function writing it to a path."""
    return {
        "observations.parquet": lambda p: result.observations.to_parquet(p, index=False),
        "gaps.parquet": lambda p: result.gaps.to_parquet(p, index=False),
        "coverage.parquet": lambda p: result.coverage.to_parquet(p, index=False),
        "designations.parquet": lambda p: result.designations.to_parquet(p, index=False),
        "month_end.parquet": lambda p: result.month_end.to_parquet(p, index=False),
        "build_report.json": lambda p: Path(p).write_text(json.dumps(result.report, ensure_ascii=False, indent=1),
                                                          encoding="utf-8"),
        # the browser map's geometry (geo.svgmap; computed once per geometry version and cached)
        "map_geometry.json": lambda p: Path(p).write_bytes(svgmap.encode(svgmap.load())),
    }


def switch_pointer(out_dir: Path, build_id: int) -> None:
    """Publish a build: `<out>/current` replaced in one step by a file naming `build_id`."""
    fd, tmp = tempfile.mkstemp(prefix=f".tmp-{store.POINTER}-", dir=out_dir)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(f"{build_id}\n")
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; the pointer is a plain readable file
        os.replace(tmp, Path(out_dir) / store.POINTER)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


LOCK = ".build.lock"  # in the output folder: one build publishes at a time


@contextlib.contextmanager
def _publishing(out_dir: Path):
    """Hold the output folder's publish lock (`fcntl.flock`, released if the build dies): while it is
    held no other build writes there, so any `.tmp-*` in the folder is a leftover of a killed build."""
    with open(out_dir / LOCK, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _leftovers(out_dir: Path) -> list[Path]:
    """Unfinished build folders and pointer files left by a killed build (call with the lock held)."""
    return sorted([*(out_dir / store.BUILDS).glob(".tmp-*"), *out_dir.glob(".tmp-*")])


def prune(out_dir: Path, keep: set[int]) -> None:
    """Remove build sets older than the oldest kept one, leftover temp files and folders of killed
    builds, and the outputs of the earlier flat layout (tables directly in out_dir). Call with the
    publish lock held (`write` does)."""
    out_dir = Path(out_dir)
    oldest = min((k for k in keep if k), default=0)
    for p in (out_dir / store.BUILDS).iterdir():
        if p.name.isdigit() and int(p.name) < oldest:
            shutil.rmtree(p, ignore_errors=True)
    for p in _leftovers(out_dir):
        if p.is_dir() and not p.is_symlink():
            shutil.rmtree(p, ignore_errors=True)
        else:
            p.unlink(missing_ok=True)
    for p in [out_dir / name for name in OUTPUTS]:
        if p.is_file():
            p.unlink(missing_ok=True)


def write(result: BuildResult, out_dir: Path) -> list[Path]:
    """Publish all outputs as one set: write them into a new build folder, then switch the pointer,
    then remove older sets and what killed builds left (`.tmp-*`), all under the publish lock.

    Returns the paths of the published files (in `<out_dir>/builds/<build id>/`)."""
    out_dir = Path(out_dir)
    builds = out_dir / store.BUILDS
    builds.mkdir(parents=True, exist_ok=True)
    with _publishing(out_dir):
        return _write(result, out_dir, builds)


def _write(result: BuildResult, out_dir: Path, builds: Path) -> list[Path]:
    build_id = new_build_id(out_dir)
    tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{build_id}-", dir=builds))
    final = builds / str(build_id)
    try:
        for name, writer in _writers(result).items():
            writer(tmp / name)
        os.chmod(tmp, 0o755)  # mkdtemp creates 0700; outputs are plain readable files
        os.rename(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    previous = store.current_build(out_dir)
    switch_pointer(out_dir, build_id)
    prune(out_dir, {build_id, previous})
    return [final / name for name in OUTPUTS]
