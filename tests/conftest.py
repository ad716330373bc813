"""Shared fixtures. Real raw files are the project's shipped copy in data/raw/ (or $BALANCE_RAW_DIR)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    """The official raw files shipped in data/raw/. Missing raw files fail the test, never skip."""
    path = Path(os.environ.get("BALANCE_RAW_DIR") or ROOT / "data" / "raw")
    assert path.is_dir(), f"raw-data folder {path} not found: set BALANCE_RAW_DIR"
    return path


@pytest.fixture(scope="session")
def full_build(raw_dir, tmp_path_factory) -> Path:
    """A full build with the real raw files, through the command line, into a temp folder."""
    import subprocess
    import sys

    out = tmp_path_factory.mktemp("full")
    res = subprocess.run([sys.executable, "-m", "indicators", "build", "--raw-dir", str(raw_dir), "--out", str(out)],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    (out / "stdout.txt").write_text(res.stdout)
    return out
