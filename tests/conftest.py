"""Shared fixtures and the test tiers.

Tiers are the folders under tests/ (unit, sources, pipeline, app, browser); each test gets its
folder's marker here, so `pytest -m unit` picks a tier and no file needs a decorator. A feature's
folder (tests/decks/) holds tests of several tiers: each of its files declares its tier
(`pytestmark = pytest.mark.unit`). Real raw
files are the project's shipped copy in data/raw/ (or $BALANCE_RAW_DIR). The full build and the
package-only build (no raw files) run once per pytest run, through the command line, into temp
folders (under pytest-xdist the first worker to need one builds it, the others wait and read it);
the app and browser tiers read the full one through $BALANCE_DATA_DIR, never data/.
"""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from helpers import FEATURES, ROOT, TESTS, TIERS, build_cli, ci_build, once_per_run
from helpers.raw import MOIS_COPY_DELTA, MOIS_REL, extinction_index_2024, mois_cell, mois_rows, raw_copy_with_mois_copy
from helpers.tiers import TierTimes
from indicators import config


def tier_of(path: Path) -> str | None:
    """The tier folder a test file sits in (None outside the tiers)."""
    try:
        parts = Path(path).resolve().relative_to(TESTS).parts
    except ValueError:
        return None
    return parts[0] if len(parts) > 1 and parts[0] in TIERS else None


def in_feature_folder(path: Path) -> bool:
    try:
        parts = Path(path).resolve().relative_to(TESTS).parts
    except ValueError:
        return False
    return len(parts) > 1 and parts[0] in FEATURES


def item_tier(item) -> str | None:
    """A test's tier: its tier folder's, or in a feature folder the one tier marker its file declares."""
    tier = tier_of(item.path)
    if tier is None and in_feature_folder(item.path):
        declared = [m.name for m in item.iter_markers() if m.name in TIERS]
        tier = declared[0] if len(set(declared)) == 1 else None
    return tier


# Under pytest-xdist the slowest tiers go first (each worker runs its share front to back and idle
# workers take tests from the back of busy ones' queues, so the short tests even out the end).
LONGEST_FIRST = ("browser", "pipeline", "app", "sources", "unit")


def pytest_collection_modifyitems(items):
    """Mark every test with its tier; a test file outside the tier folders, or in a feature folder without
    one tier marker of its own, is an error. Under xdist, the tiers are ordered longest first (each
    file's tests stay together, in their order)."""
    for item in items:
        tier = item_tier(item)
        if tier is None:
            raise pytest.UsageError(f"{item.path} is not in a tier folder of tests/ ({', '.join(TIERS)}), nor in "
                                    f"a feature folder ({', '.join(FEATURES)}) with one tier marker (pytestmark)")
        if tier_of(item.path):
            item.add_marker(tier)
    if os.environ.get("PYTEST_XDIST_WORKER"):
        items.sort(key=lambda item: LONGEST_FIRST.index(item_tier(item)))


TIER_TIMES = TierTimes()
TIER_TIMES_ENV = "BALANCE_TIER_TIMES"  # a file for the tier times as JSON (.ci/run prints it at its end)


def pytest_runtest_logreport(report):
    TIER_TIMES.add(report)


def pytest_terminal_summary(terminalreporter):
    """Each tier's tests, busy seconds and wall-clock span (in the process that reports: under xdist,
    the controller, which receives every worker's reports)."""
    if os.environ.get("PYTEST_XDIST_WORKER") or not TIER_TIMES.tiers:
        return
    terminalreporter.write_sep("-", "time per tier")
    for line in TIER_TIMES.lines():
        terminalreporter.write_line(line)
    if os.environ.get(TIER_TIMES_ENV):
        TIER_TIMES.write(Path(os.environ[TIER_TIMES_ENV]))


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    """The official raw files shipped in data/raw/. Missing raw files fail the test, never skip."""
    path = Path(os.environ.get(config.RAW_DIR_ENV) or ROOT / "data" / "raw")
    assert path.is_dir(), f"raw-data folder {path} not found: set {config.RAW_DIR_ENV}"
    return path


def _cli_build(raw: Path, out: Path) -> Path:
    """Build raw → out with the command line; its stdout saved as out/stdout.txt."""
    res = build_cli("--raw-dir", str(raw), "--out", str(out))
    assert res.returncode == 0, res.stderr
    (out / "stdout.txt").write_text(res.stdout)
    return out


@pytest.fixture(scope="session")
def full_build(raw_dir, tmp_path_factory) -> Path:
    """A full build with the real raw files, through the command line, into a temp folder, once per
    run. Shared by the whole run (every xdist worker): read it, never write to it (copy it first).
    Under .ci/run ($BALANCE_CI_BUILD_LOG) it is a copy of the build the README's build command made
    moments before in the same run, from the same raw files (`helpers.ci_build`), not a second one."""
    def make(out: Path) -> None:
        if not ci_build(raw_dir, out):
            _cli_build(raw_dir, out)

    return once_per_run(tmp_path_factory, "run-full-build", make)


@pytest.fixture(scope="session")
def empty_raw_dir(tmp_path_factory) -> Path:
    """A raw folder with no files (the embedded-default build reads only the packaged data)."""
    return once_per_run(tmp_path_factory, "run-empty-raw", lambda path: None)


@pytest.fixture(scope="session")
def package_only_build(empty_raw_dir, tmp_path_factory) -> Path:
    """The embedded default: a build of `empty_raw_dir` (census and boundary areas from the packages),
    once per run, through the command line. Read it, never write to it."""
    return once_per_run(tmp_path_factory, "run-package-only-build", lambda out: _cli_build(empty_raw_dir, out))


@pytest.fixture(scope="session")
def mois_copy_build(raw_dir, tmp_path_factory) -> tuple[Path, int]:
    """The shipped raw files plus a newer, unlisted copy of the MOIS age file with one cell changed
    (`helpers.raw.raw_copy_with_mois_copy`, delta MOIS_COPY_DELTA), built through the command line once
    per run (tests/pipeline/test_vintages.py and tests/app/test_app_data_lineage.py read it); the output
    folder and the cell's shipped value. Read it, never write to it."""
    def make(folder: Path) -> None:
        raw, _ = raw_copy_with_mois_copy(raw_dir, folder, delta=MOIS_COPY_DELTA)
        _cli_build(raw, folder / "out")

    folder = once_per_run(tmp_path_factory, "run-mois-copy-build", make)
    return folder / "out", mois_cell(mois_rows(raw_dir / MOIS_REL))[2]


@pytest.fixture(scope="module")
def built_data(full_build) -> Path:
    """$BALANCE_DATA_DIR pointed at the session's full build for one module (app and browser tiers)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(config.OUT_DIR_ENV, str(full_build))
        yield full_build


@pytest.fixture(scope="session")
def index_2024_from_raw(raw_dir) -> pd.Series:
    """Extinction-risk index per registry 시군구, 2024 거주자, parsed here from the raw age file."""
    return extinction_index_2024(raw_dir / MOIS_REL)
