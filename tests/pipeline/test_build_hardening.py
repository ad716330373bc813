"""Build hardening (issue 10, items 6–10): outputs published as one set (a build killed between
writes leaves the old set or the new one, never a mix), value rules, missing expected
combinations, partial sources and --strict, --update-expected only after a successful build,
the size guard, and check failures that name the raw file.

Every mutation edits a copy of the shipped raw files in the test (values read from the file
itself); the unmutated build passing is `test_build.py::test_full_build_*`.
"""
from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from helpers import ROOT, build_cli
from indicators import __main__ as cli
from indicators import build, catalog, checks, manifest, store
from indicators.errors import SourceFileError
from indicators.sources import _io, exports, grdp_per_capita

EXPORTS = "exports/kita_regional_yearly.csv"
GRDP_PC = "grdp/Regional_GDP__Gross_regional_income_and_Individual_income_20231118124541.xlsx"
SIDO_POP = ("population/Resident_Population_by_City__County__and_District_1992-2020.csv",
            "population/200812_202412_Korean_Annual_Population.csv", "population/population_trends.csv")
FISCAL_SIGUNGU = "fiscal/finance_autonomy.csv"


def _copy(raw_dir: Path, dst: Path, *rels: str) -> Path:
    """A raw folder holding only the given files of the shipped one (no manifest: none is partial)."""
    for rel in rels:
        (dst / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(raw_dir / rel, dst / rel)
    return dst


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def _write_rows(path: Path, rows: list[list[str]]) -> None:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def _build_error(raw: Path) -> str:
    """Run the build in-process; it must fail (bad input or a failed check): its message."""
    with pytest.raises((SourceFileError, checks.CheckFailed)) as err:
        build.build(raw)
    return str(err.value)


# ------------------------------------------------------------------ 6. one set, never a mix

KILLER = textwrap.dedent("""
    import os, signal, sys
    import pandas as pd
    from indicators import __main__ as cli
    kind, n = sys.argv[1], int(sys.argv[2])
    calls = [0]
    def tick():
        calls[0] += 1
        if calls[0] == n:
            os.kill(os.getpid(), signal.SIGKILL)
    if kind == "parquet":  # killed just after the n-th table is written
        orig = pd.DataFrame.to_parquet
        def to_parquet(self, *a, **k):
            orig(self, *a, **k)
            tick()
        pd.DataFrame.to_parquet = to_parquet
    else:  # killed just before the n-th rename (os.replace / os.rename) of the build
        for name in ("replace", "rename"):
            def wrapped(*a, _orig=getattr(os, name), **k):
                tick()
                return _orig(*a, **k)
            setattr(os, name, wrapped)
    sys.exit(cli.main(["build", *sys.argv[3:]]))
""")


def _snapshot(out: Path) -> dict[str, object]:
    """Everything a reader gets from an output folder (the report without its timings)."""
    rep = store.build_report(out)
    return {"observations": store.observations(out), "gaps": store.gaps(out), "coverage": store.coverage(out),
            "designations": store.designations(out),
            "report": (rep["raw_dir"], rep["rows"], [(s["module"], s["status"]) for s in rep["sources"]])}


def _same(a: object, b: object) -> bool:
    return a.equals(b) if isinstance(a, pd.DataFrame) else a == b


@pytest.mark.parametrize("kind,n", [("parquet", 3), ("rename", 1), ("rename", 2), ("rename", 3)])
def test_killed_build_leaves_old_or_new_set_never_a_mix(full_build, empty_raw_dir, package_only_build, tmp_path,
                                                        kind, n):
    """The full build is published; a package-only build into the same folder is killed (SIGKILL)
    between its writes. Every table a reader then gets is from one set: all old or all new."""
    empty, new_out = empty_raw_dir, package_only_build
    out = tmp_path / "out"
    shutil.copytree(full_build, out)
    old, new = _snapshot(out), _snapshot(new_out)
    assert not old["observations"].equals(new["observations"])  # the two sets differ
    res = subprocess.run([sys.executable, "-c", KILLER, kind, str(n), "--raw-dir", str(empty), "--out", str(out)],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert res.returncode in (0, -9), res.stderr
    seen = _snapshot(out)
    which = {k: ("old" if _same(v, old[k]) else "new" if _same(v, new[k]) else "neither") for k, v in seen.items()}
    assert len(set(which.values())) == 1 and "neither" not in which.values(), which
    if res.returncode == -9 and kind == "parquet":
        assert set(which.values()) == {"old"}  # killed while writing: nothing published yet


def test_publish_keeps_the_previous_set_and_removes_older(empty_raw_dir, tmp_path):
    """Three builds into one folder: the pointer names the last, the one before is kept, the first is gone."""
    result = build.build(empty_raw_dir)
    ids = []
    for _ in range(3):
        paths = build.write(result, tmp_path)
        ids.append(int(paths[0].parent.name))
        assert store.current_build(tmp_path) == ids[-1]
    kept = sorted(int(p.name) for p in (tmp_path / store.BUILDS).iterdir())
    assert kept == ids[1:]
    assert (tmp_path / store.POINTER).read_text().strip() == str(ids[-1])
    assert store.observations(tmp_path, build=ids[1]).equals(store.observations(tmp_path))


def test_reader_without_a_published_build_says_which_command(tmp_path):
    with pytest.raises(store.NotBuilt, match="python -m indicators build"):
        store.observations(tmp_path)


# ------------------------------------------------------------------ 7. wrong data refused

def test_every_indicator_has_a_value_rule():
    missing = [i for i in catalog.indicators() if checks.value_rule(i) is None]
    assert not missing, missing


def test_negative_export_value_fails_naming_the_file(raw_dir, tmp_path):
    raw = _copy(raw_dir, tmp_path / "raw", EXPORTS)
    path = raw / EXPORTS
    rows = _rows(path)
    col, year_col = rows[0].index("수출_금액"), rows[0].index("연도")
    target = next(i for i, r in enumerate(rows[1:], start=1) if r[year_col] == "2024")
    rows[target][col] = "-" + rows[target][col]
    _write_rows(path, rows)
    msg = _build_error(raw)  # by the loader (file, row, column) or by the value rule (file, region, year)
    assert "kita_regional_yearly.csv" in msg and (f"row {target + 1}," in msg or "2024" in msg), msg


def test_negative_per_capita_grdp_fails_naming_the_file(raw_dir, tmp_path):
    raw = _copy(raw_dir, tmp_path / "raw", GRDP_PC)
    path = raw / GRDP_PC
    book = openpyxl.load_workbook(path)
    sheet = book[grdp_per_capita.DATA_SHEET]
    header = [c.value.strip() if isinstance(c.value, str) else c.value for c in sheet[1]]
    col = header.index(grdp_per_capita.COLUMNS["grdp_per_capita_2015base_krw_th"]) + 1
    cell = next(sheet.cell(row=r, column=col) for r in range(2, sheet.max_row + 1)
                if isinstance(sheet.cell(row=r, column=col).value, (int, float)))
    cell.value = -cell.value
    book.save(path)
    msg = _build_error(raw)  # by the loader (file, row, column) or by the value rule (file, region, year)
    assert GRDP_PC.split("/")[1] in msg, msg


def test_share_above_100_percent_fails_naming_the_file(raw_dir, tmp_path):
    raw = _copy(raw_dir, tmp_path / "raw", FISCAL_SIGUNGU)
    path = raw / FISCAL_SIGUNGU
    rows = _rows(path)
    target = next(i for i, r in enumerate(rows[1:], start=1) if r[0] == "" and r[-1].replace(".", "").isdigit())
    rows[target][-1] = str(float(rows[target][-1]) + 100)
    _write_rows(path, rows)
    msg = _build_error(raw)
    assert "finance_autonomy.csv" in msg, msg


def test_deleted_year_column_fails_the_count_check(raw_dir, tmp_path):
    """1995 removed from the KOSIS 1992–2020 table: the build must not pass without those rows."""
    raw = _copy(raw_dir, tmp_path / "raw", *SIDO_POP)
    path = raw / SIDO_POP[0]
    rows = _rows(path)
    col = rows[0].index("1995")
    _write_rows(path, [r[:col] + r[col + 1:] for r in rows])
    msg = _build_error(raw)
    assert "1995" in msg and "Resident_Population_by_City__County__and_District_1992-2020.csv" in msg, msg


def test_deleted_year_rows_fail_the_count_check(raw_dir, tmp_path):
    """Every row of 2020 removed from the K-stat file (a year in the middle): its combinations of
    the expected file are missing, and the build says so, naming the file."""
    raw = _copy(raw_dir, tmp_path / "raw", EXPORTS)
    rows = _rows(raw / EXPORTS)
    year_col = rows[0].index("연도")
    kept = [rows[0]] + [r for r in rows[1:] if r[year_col] != "2020"]
    assert len(kept) < len(rows)
    _write_rows(raw / EXPORTS, kept)
    msg = _build_error(raw)
    assert "kita_regional_yearly.csv" in msg and "2020" in msg, msg


def test_missing_combination_fails_unless_its_source_is_incomplete():
    """A combination of the expected file absent from the build is a failure; excused for an
    indicator whose source was skipped or read in part."""
    exp = pd.read_csv(checks.EXPECTED)
    gone = exp.iloc[0]
    cov = exp.drop(index=0).reset_index(drop=True)
    problems, _ = checks.expected_counts(cov)
    assert [ind for ind, _ in problems] == [gone["indicator"]], problems
    assert f"{gone['level']} {gone['year']}" in problems[0][1]
    assert checks.expected_counts(cov, excused={gone["indicator"]})[0] == []


def test_missing_expected_file_fails_the_check(monkeypatch, tmp_path):
    monkeypatch.setattr(checks, "EXPECTED", tmp_path / "expected_counts.csv")
    cov = pd.read_csv(ROOT / "indicators" / "expected_counts.csv")
    problems, _ = checks.expected_counts(cov)
    assert problems and "expected_counts.csv missing" in problems[0][1]


@pytest.fixture(scope="module")
def without_trends(raw_dir, tmp_path_factory) -> Path:
    """The shipped raw folder (with its manifest) less one file of the three-file sido_population."""
    raw = tmp_path_factory.mktemp("partial") / "raw"
    shutil.copytree(raw_dir, raw)
    (raw / SIDO_POP[2]).unlink()
    return raw


def test_partial_source_is_reported_and_said_in_the_last_line(without_trends, tmp_path):
    res = build_cli("--raw-dir", str(without_trends), "--out", str(tmp_path))
    assert res.returncode == 0, res.stderr
    entry = next(s for s in store.build_report(tmp_path)["sources"] if s["module"] == "sido_population")
    assert entry["status"] == "partial" and entry["missing_files"] == [SIDO_POP[2]]
    assert any(line.split()[:2] == ["partial", "sido_population"] for line in res.stdout.splitlines())
    last = res.stdout.strip().splitlines()[-1]
    assert "0 sources skipped" in last and "1 partial (sido_population)" in last, last


def test_strict_fails_on_a_partial_source_and_writes_nothing(without_trends, tmp_path):
    res = build_cli("--raw-dir", str(without_trends), "--out", str(tmp_path), "--strict")
    assert res.returncode == 1
    last = res.stderr.strip().splitlines()[-1]
    assert "--strict" in last and "1 partial (sido_population)" in last and "nothing written" in last, last
    assert store.current_build(tmp_path) == 0


def test_strict_fails_on_skipped_sources(empty_raw_dir, tmp_path):
    res = build_cli("--raw-dir", str(empty_raw_dir), "--out", str(tmp_path), "--strict")
    assert res.returncode == 1
    assert "14 sources skipped" in res.stderr.strip().splitlines()[-1], res.stderr


def test_ci_builds_with_strict():
    assert "python -m indicators build --strict" in (ROOT / ".ci" / "run").read_text()


# ------------------------------------------------------------------ 8. --update-expected

def test_update_expected_keeps_the_file_when_the_build_fails(raw_dir, tmp_path, monkeypatch):
    expected = tmp_path / "expected_counts.csv"
    shutil.copyfile(checks.EXPECTED, expected)
    before = expected.read_bytes()
    monkeypatch.setattr(checks, "EXPECTED", expected)
    raw = _copy(raw_dir, tmp_path / "raw", EXPORTS)
    rows = _rows(raw / EXPORTS)
    rows[1][rows[0].index("연도")] = "lots"
    _write_rows(raw / EXPORTS, rows)
    assert cli.main(["build", "--raw-dir", str(raw), "--out", str(tmp_path / "out"), "--update-expected"]) == 1
    assert expected.read_bytes() == before
    # and from a build with skipped sources it is refused, the file kept
    empty = tmp_path / "empty"
    empty.mkdir()
    assert cli.main(["build", "--raw-dir", str(empty), "--out", str(tmp_path / "out"), "--update-expected"]) == 1
    assert expected.read_bytes() == before


# ------------------------------------------------------------------ 9. size guard

def test_size_limit_is_far_above_the_official_files(raw_dir):
    largest = max(e.bytes for e in manifest.read(raw_dir).values())
    assert _io.MAX_RAW_BYTES >= 5 * largest
    assert _io.MAX_RAW_BYTES < 210 * 10**6  # the 210 MB CSV of the issue is refused


def test_oversized_file_is_refused_before_parsing(raw_dir, tmp_path, monkeypatch):
    raw = _copy(raw_dir, tmp_path / "raw", EXPORTS)
    path = raw / EXPORTS
    header, *body = path.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    chunk = "".join(body)
    copies = _io.MAX_RAW_BYTES // len(chunk.encode()) + 2
    path.write_text(header + chunk * copies, encoding="utf-8")
    parsed = []
    for module in (_io, exports):  # any parse of the file would be recorded here
        monkeypatch.setattr(module, "read_csv_text", lambda *a, **k: parsed.append(a) or pd.DataFrame(),
                            raising=False)
    with pytest.raises(SourceFileError) as err:
        build.build(raw)
    assert str(path) in str(err.value) and " MB" in str(err.value) and not parsed, str(err.value)
    with pytest.raises(SourceFileError, match="far larger than the official files"):
        _io.read_text(path)


# ------------------------------------------------------------------ 10. check failures name the file

def test_count_check_failure_names_the_source_file(raw_dir, tmp_path):
    """One 시도 row of 2024 removed from the K-stat file: '9 regions, expected 10' and the file."""
    raw = _copy(raw_dir, tmp_path / "raw", EXPORTS)
    rows = _rows(raw / EXPORTS)
    year_col = rows[0].index("연도")
    region_col = rows[0].index("지역명")
    drop = next(i for i, r in enumerate(rows[1:], start=1) if r[year_col] == "2024" and r[region_col] != "전국")
    expected = sum(1 for r in rows[1:] if r[year_col] == "2024" and r[rows[0].index("지역명")] != "전국")
    _write_rows(raw / EXPORTS, rows[:drop] + rows[drop + 1:])
    msg = _build_error(raw)
    assert f"exports_usd_th sido 2024: {expected - 1} regions, expected {expected}" in msg, msg
    assert "exports/kita_regional_yearly.csv" in msg, msg


def test_every_check_message_carries_the_origin():
    obs = pd.DataFrame({"region_code": ["11"], "year": [2020], "indicator": ["exports_usd_th"], "value": [-1.0]})
    with pytest.raises(checks.CheckFailed, match=r"exports_usd_th 11 2020: .* — from exports/x\.csv"):
        checks.run_all(obs, pd.DataFrame(columns=["indicator", "level", "year", "regions"]), obs,
                       origin={"exports_usd_th": "exports/x.csv"}, counts=False)
