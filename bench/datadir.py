"""The data folder the app reads during the bench: the build section's output, else a copy of
data/ (never data/ itself), with the geometry disk caches beside it (geo.simplify's for the plotly
charts, geo.svgmap's for the map component)."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

from bench.figures import Figure


def copy_of_data(work: Path) -> Path:
    """A copy of the shipped data/ (without raw files and temp folders) inside `work`."""
    from indicators import config

    dst = work / "data-copy"
    shutil.copytree(config.ROOT / "data", dst, ignore=shutil.ignore_patterns(".tmp*", "raw", "build"))
    return dst


def _timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return round(time.perf_counter() - t0, 3)


def _fill_cache(src: Path, dst: Path, detail: dict) -> list[Figure]:
    """Copy data/'s geometry cache, else build it (→ a 'geometry.build' figure)."""
    from geo import simplify

    if src.exists() and not dst.exists():
        shutil.copy2(src, dst)
        detail["cache"] = f"copied from {src}"
        return []
    if dst.exists():
        return []
    simplify.load.cache_clear()
    dt = _timed(simplify.load)  # builds and writes dst ($BALANCE_DATA_DIR points at data_dir)
    detail["cache"] = "built (no cache in data/)"
    return [Figure("build", "geometry.build", "geometry simplify + cache write", dt, "s",
                   detail="no disk cache in data/: built for this run")]


def _copy_svgmap_cache(data_dir: Path, detail: dict) -> None:
    """data/'s geo.svgmap cache beside the built data (else the app and the bench build it: ~10 s)."""
    from geo import svgmap
    from indicators import config

    src, dst = svgmap.cache_path(config.ROOT / "data"), svgmap.cache_path(data_dir)
    if src.exists() and not dst.exists():
        shutil.copy2(src, dst)
        detail["svgmap_cache"] = f"copied from {src}"
    else:
        detail["svgmap_cache"] = "present" if dst.exists() else "built on first use"


def prepare_geometry(data_dir: Path, time_build: bool) -> tuple[list[Figure], dict]:
    """Put the simplified-geometry disk cache beside the built data the app will read; with
    `time_build`, also time a build without the disk cache (unless the cache was just built)."""
    from geo import simplify
    from indicators import config

    detail: dict = {"version": simplify.VERSION}
    dst = simplify.cache_path(data_dir)
    figures = _fill_cache(simplify.cache_path(config.ROOT / "data"), dst, detail)
    if time_build and not figures:
        figures.append(Figure("build", "geometry.build", "geometry simplify (no disk cache)",
                              _timed(simplify.build), "s",
                              detail="geo.simplify.build(): what the first load costs without data/geo_simplified_*"))
    detail["cache_path"] = str(dst)
    _copy_svgmap_cache(data_dir, detail)
    if time_build:
        from geo import svgmap

        figures.append(Figure("build", "geometry.svgmap_build", "map geometry build (no disk cache)",
                              _timed(svgmap.build), "s",
                              detail="geo.svgmap.build(): what the first load costs without data/geo_svg*.json"))
    return figures, detail
