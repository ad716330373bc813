"""Helpers shared by the test tiers: repository paths and tiers, the build command, the SourceFileError
assertion, one value of a tidy frame, and one-line edits of raw-file copies.

Beside this module: `helpers.apptest` (Streamlit AppTest), `helpers.browser` (Chromium) and
`helpers.raw` (values read straight from, and edited copies of, the shipped raw files).
Fixtures are in tests/conftest.py (and tests/app, tests/browser); test modules never import each other.
"""
from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from indicators.errors import SourceFileError

ROOT = Path(__file__).resolve().parents[2]
RAW = ROOT / "data" / "raw"  # the project's shipped raw files (the `raw_dir` fixture honours $BALANCE_RAW_DIR)
APP = ROOT / "app.py"
TESTS = ROOT / "tests"
TIERS = ("unit", "sources", "pipeline", "app", "browser")  # folders under tests/ = pytest markers
# folders under tests/ of one feature's tests, whatever their tier: each file there names its tier itself
# (`pytestmark = pytest.mark.unit`), which tests/conftest.py requires
FEATURES = ("decks",)


def build_cli(*args: str, env: dict[str, str] | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    """`python -m indicators build ARGS` from the repository root; `env` defaults to this process's
    environment without the BALANCE_* settings, so only the arguments pick the folders."""
    if env is None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("BALANCE_")}
    return subprocess.run([sys.executable, "-m", "indicators", "build", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


CI_BUILD_LOG_ENV = "BALANCE_CI_BUILD_LOG"  # set by .ci/run: the stdout of its `python -m indicators build --strict`
BUILD_INPUTS = ("indicators", "geo")  # the code a build runs (its own folders; the packages are the run's)
COMPLETE = re.compile(r"^Build complete: .* Wrote \d+ files to (?P<dir>.+) in [\d.]+s$")


def ci_build(raw: Path, out: Path) -> bool:
    """`out` made the command-line build of `raw` by copying the one .ci/run made just before pytest (the
    README's build command, `--strict`, into data/) instead of building again; False (nothing done) when
    not under .ci/run. Taken only if it is that build of these inputs: its stdout says it completed and
    where it wrote, its report read `raw` and lists every raw file with the sha256 it has now, and no file
    of the build's code (indicators/, geo/) is newer than it; else the run fails rather than build twice
    silently. What .ci/run printed is kept as out/stdout.txt, as `_cli_build` keeps it."""
    from dataclasses import asdict

    from indicators import manifest, store

    log = os.environ.get(CI_BUILD_LOG_ENV)
    if not log:
        return False
    stdout = Path(log).read_text(encoding="utf-8")
    last = stdout.strip().splitlines()[-1] if stdout.strip() else ""
    m = COMPLETE.match(last)
    assert m, f"${CI_BUILD_LOG_ENV}: not a completed build's output ({last!r})"
    built = Path(m["dir"])
    report = json.loads((built / "build_report.json").read_text(encoding="utf-8"))
    assert Path(report["raw_dir"]).resolve() == raw.resolve(), (report["raw_dir"], raw)
    assert report["raw_files"] == [asdict(f) for f in manifest.verify(raw)], "the raw files changed since CI's build"
    made = (built / "build_report.json").stat().st_mtime
    newer = [p for d in BUILD_INPUTS for p in (ROOT / d).rglob("*")
             if p.is_file() and "__pycache__" not in p.parts and p.stat().st_mtime > made]
    assert not newer, f"code changed since CI's build: {newer[:5]}"
    shutil.copytree(built, out / store.BUILDS / built.name)
    (out / "stdout.txt").write_text(stdout, encoding="utf-8")
    (out / store.POINTER).write_text(f"{built.name}\n", encoding="ascii")
    return True


def run_tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The temp folder every process of this pytest run shares: under pytest-xdist each worker has its
    own base folder inside the run's, so the run's is its parent; without xdist, the base folder."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def once_per_run(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """The folder `name` in the run's shared temp folder, filled by `make(folder)` by the first process
    of the run that asks (the others wait on a file lock, then read it); a failed `make` leaves no mark,
    so the next process to ask tries again and fails the same way."""
    root = run_tmp(tmp_path_factory)
    path, done = root / name, root / f"{name}.done"
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if not done.exists():
            if path.exists():
                shutil.rmtree(path)
            path.mkdir()
            make(path)
            done.touch()
    return path


def built_result(out: Path):
    """The `indicators.build.BuildResult` of a command-line build published in `out`, read back from its
    files (tables of every boundary set, the report as written), for tests that share one build of an
    input instead of building it again in process."""
    from indicators import build, store

    return build.BuildResult(store.observations(out, boundary_set=None), store.gaps(out, boundary_set=None),
                             store.coverage(out, boundary_set=None), store.designations(out),
                             store.build_report(out), store.month_end(out, boundary_set=None))


def source_error(load: Callable[[], object], path: Path | str, *parts: str) -> str:
    """Run `load()`, expect SourceFileError naming `path` and every one of `parts`; its message."""
    with pytest.raises(SourceFileError) as e:
        load()
    msg = str(e.value)
    assert str(path) in msg, msg
    for p in parts:
        assert p in msg, msg
    return msg


def value_of(frame: pd.DataFrame, ind: str, code: str, year: int | None = None) -> float | None:
    """The value of one indicator × region (× year) in a tidy frame; None when there is no such row,
    an error when there is more than one."""
    rows = frame[(frame["indicator"] == ind) & (frame["region_code"] == code)]
    if year is not None:
        rows = rows[rows["year"] == year]
    assert len(rows) <= 1, (ind, code, year, len(rows))
    return rows["value"].item() if len(rows) else None


def edit_line(path: Path, line: int, old: str, new: str, encoding: str = "utf-8") -> None:
    """Replace the first `old` in line `line` (1-based, as an editor counts) of a text file, which must
    contain it; every line end is kept as it is."""
    with open(path, encoding=encoding, newline="") as f:
        rows = f.read().splitlines(keepends=True)
    assert old in rows[line - 1], rows[line - 1]
    rows[line - 1] = rows[line - 1].replace(old, new, 1)
    with open(path, "w", encoding=encoding, newline="") as f:
        f.write("".join(rows))
