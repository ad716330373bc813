"""Shared fixtures. Real raw files come from $BALANCE_RAW_DIR or ../shared/data beside the repo."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    """The official raw files (CI: ../shared/data). Missing raw files fail the test, never skip."""
    path = Path(os.environ.get("BALANCE_RAW_DIR") or ROOT.parent / "shared" / "data")
    assert path.is_dir(), f"raw-data folder {path} not found: set BALANCE_RAW_DIR"
    return path
