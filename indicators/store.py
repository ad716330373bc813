"""Readers of the built tables: the only way pages get data (cached by Streamlit in the app).

No Streamlit import here, so tests and the benchmark can use the same functions;
`app_data.py` wraps them in `st.cache_data`.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from indicators import config


class NotBuilt(FileNotFoundError):
    """The build has not been run (or wrote elsewhere): says which command to run."""


def _path(name: str, out_dir: Path | None = None) -> Path:
    p = config.out_dir(out_dir) / name
    if not p.exists():
        raise NotBuilt(f"{p} not found — run `python -m indicators build` first")
    return p


def observations(out_dir: Path | None = None) -> pd.DataFrame:
    """The tidy table: region_code, year, indicator, value."""
    return pd.read_parquet(_path("observations.parquet", out_dir))


def gaps(out_dir: Path | None = None) -> pd.DataFrame:
    """Capital vs non-capital per indicator and year."""
    return pd.read_parquet(_path("gaps.parquet", out_dir))


def coverage(out_dir: Path | None = None) -> pd.DataFrame:
    """indicator, level, year, regions (with a value)."""
    return pd.read_parquet(_path("coverage.parquet", out_dir))


def build_report(out_dir: Path | None = None) -> dict:
    """What the last build built and skipped, and why."""
    return json.loads(_path("build_report.json", out_dir).read_text())
