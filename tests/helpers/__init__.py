"""Helpers shared by the test tiers: repository paths and tiers, the build command, the SourceFileError
assertion, one value of a tidy frame, and one-line edits of raw-file copies.

Beside this module: `helpers.apptest` (Streamlit AppTest), `helpers.browser` (Chromium) and
`helpers.raw` (values read straight from, and edited copies of, the shipped raw files).
Fixtures are in tests/conftest.py (and tests/app, tests/browser); test modules never import each other.
"""
from __future__ import annotations

import os
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


def build_cli(*args: str, env: dict[str, str] | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    """`python -m indicators build ARGS` from the repository root; `env` defaults to this process's
    environment without the BALANCE_* settings, so only the arguments pick the folders."""
    if env is None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("BALANCE_")}
    return subprocess.run([sys.executable, "-m", "indicators", "build", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


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
