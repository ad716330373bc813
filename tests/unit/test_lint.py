"""Repository hygiene: ruff finds nothing (rules in pyproject.toml), every test file sits in a tier
folder whose marker is registered (or in a feature folder and names its tier), and test modules share
code through tests/helpers/ only."""
from __future__ import annotations

import re
import subprocess
import sys
import tomllib

from helpers import FEATURES, ROOT, TESTS, TIERS


def test_ruff_finds_nothing():
    res = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise", "."],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stdout + res.stderr


def test_every_test_file_is_in_a_tier_folder():
    files = sorted(TESTS.rglob("test_*.py"))
    assert files
    outside = [p.relative_to(TESTS).as_posix() for p in files if p.relative_to(TESTS).parts[0] not in TIERS + FEATURES]
    assert not outside, outside


def test_every_feature_test_file_names_one_tier():
    """A file in a feature folder (tests/decks/) says its tier: `pytestmark = pytest.mark.<tier>`."""
    tier_line = re.compile(r"^pytestmark = pytest\.mark\.(" + "|".join(TIERS) + r")$", re.MULTILINE)
    files = [p for f in FEATURES for p in sorted((TESTS / f).rglob("test_*.py"))]
    unnamed = [p.relative_to(TESTS).as_posix() for p in files if len(tier_line.findall(p.read_text("utf-8"))) != 1]
    assert not unnamed, unnamed


def test_tier_markers_are_registered():
    cfg = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    assert [m.split(":")[0] for m in cfg["markers"]] == list(TIERS)
    assert "--strict-markers" in cfg["addopts"]


def test_no_test_module_imports_another():
    """Shared fixtures live in conftest.py, shared functions in tests/helpers/."""
    pattern = re.compile(r"^\s*(from|import)\s+test_\w+", re.MULTILINE)
    found = [p.relative_to(TESTS).as_posix() for p in TESTS.rglob("*.py") if pattern.search(p.read_text("utf-8"))]
    assert not found, found
