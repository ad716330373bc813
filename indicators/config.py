"""Paths and settings: where raw files are read from and built tables written to."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAW_DIR_ENV = "BALANCE_RAW_DIR"
OUT_DIR_ENV = "BALANCE_DATA_DIR"


def raw_dir(override: str | Path | None = None) -> Path:
    """Raw-data folder: CLI flag, else $BALANCE_RAW_DIR, else data/raw/."""
    return Path(override or os.environ.get(RAW_DIR_ENV) or ROOT / "data" / "raw")


def out_dir(override: str | Path | None = None) -> Path:
    """Built-parquet folder: CLI flag, else $BALANCE_DATA_DIR, else data/."""
    return Path(override or os.environ.get(OUT_DIR_ENV) or ROOT / "data")
