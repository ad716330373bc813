"""App tier: every module reads the session's full build through $BALANCE_DATA_DIR (never data/)."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from helpers.apptest import TIMINGS
from indicators import store


@pytest.fixture(scope="module", autouse=True)
def _data_dir(built_data) -> Path:
    return built_data


@pytest.fixture(scope="module")
def coverage(_data_dir) -> pd.DataFrame:
    """The coverage table of the build the app reads."""
    return store.coverage()


def pytest_terminal_summary(terminalreporter):
    """The AppTest run times of this session (seconds per labelled page run): information, not a check."""
    if TIMINGS:
        terminalreporter.write_line("AppTest seconds per page run: " + json.dumps(TIMINGS, ensure_ascii=False))
