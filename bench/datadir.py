"""The data folder the app reads during the bench: the build section's output, else a copy of
data/ (never data/ itself); the map geometry is part of each build set."""
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


def prepare_geometry(data_dir: Path, time_build: bool) -> tuple[list[Figure], dict]:
    """The map geometry comes with each build (map_geometry.json, from geo.svgmap's cache under the
    repository's data/); with `time_build`, also time computing it without that cache."""
    from geo import svgmap

    detail: dict = {"version": svgmap.VERSION, "cache_path": str(svgmap.cache_path()),
                    "cache": "present" if svgmap.cache_path().exists() else "built by the build"}
    figures: list[Figure] = []
    if time_build:
        figures.append(Figure("build", "geometry.svgmap_build", "map geometry build (no disk cache)",
                              _timed(svgmap.build), "s",
                              detail="geo.svgmap.build(): what the first build costs without data/geo_svg*.json"))
    return figures, detail
