"""Issue 22, wrong numbers: the build refuses a wrong number shown as if it were official, and every
refusal names file, row and column. Each case edits a copy of the shipped files (with the manifest):
the examples of the issue (a malformed thousands separator in the 1992–2020 registered population,
through the whole build; a '-' or 'x' in the migration workbook; every year of a table shifted by
one), a failed continuity check, a failed agreement between two files, two labels swapped in a newer
vintage of a table, a file not in the manifest said to be checked against its own header only (in
the build's summary). Where one source is enough, its loader runs inside a recording and the build's
checks on what sources read (`checks.read_checks`) follow, as in the build. Rows, columns and values
are found here in the raw files with the csv module and openpyxl."""
from __future__ import annotations

import csv
import io
import re
import shutil
import warnings
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from indicators import __main__ as cli
from indicators import build, catalog, checks
from indicators.errors import SourceFileError
from indicators.sources import _files

KOSIS = "population/Resident_Population_by_City__County__and_District_1992-2020.csv"
MOIS = "population/200812_202412_Korean_Annual_Population.csv"
MIGRATION = "migration/Number_of_internal_migrants_by_origin_and_destination_for_province_20210719124216.xlsx"
NAVIS = "reference/1_2. 시계열자료(사이트게재)_지역발전지수_2021년.xlsx"
NAVIS_SHEET = "I지역발전지수(총합)"
pytestmark = pytest.mark.filterwarnings("ignore:Workbook contains no default style")


def _raw(raw_dir: Path, tmp_path: Path, *folders: str) -> Path:
    """A raw folder with the manifest and the given folders of the shipped one (the other sources
    are skipped, so the build is quick; the checks of the files present all run)."""
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copyfile(raw_dir / "MANIFEST.csv", raw / "MANIFEST.csv")
    for folder in folders:
        shutil.copytree(raw_dir / folder, raw / folder)
    return raw


def _rows(path: Path, encoding: str = "utf-8-sig") -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode(encoding))))


def _write(path: Path, rows: list[list[str]], encoding: str = "utf-8", quote: int = csv.QUOTE_MINIMAL) -> None:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n", quoting=quote).writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))


def _refused(raw: Path, module: str | None = None) -> str:
    """The build of raw fails (bad input or a failed check): its message. With `module`, only that
    source is loaded (in a recording) and the checks of what it read are run."""
    with pytest.raises((SourceFileError, checks.CheckFailed)) as err:
        if module is None:
            build.build(raw)
        else:
            with _files.recording(raw, module) as rec:
                out = catalog._module(module).load(raw).drop(columns="source_file")
            cells = pd.concat(rec.cells, ignore_index=True)
            checks.fail(checks.read_checks(out, cells), cells=cells)
    return str(err.value)


def _names(msg: str, file: str, row: int, column: str) -> None:
    assert file in msg and f"row {row}" in msg and f"column {column!r}" in msg, msg


def test_malformed_thousands_separator_stops_the_build(raw_dir, tmp_path):
    """Issue 22 item 1: '1,2,3' in Seoul's 2001 cell was read as 123 (서울 = 123명 on the map)."""
    raw = _raw(raw_dir, tmp_path, "population")
    path = raw / KOSIS
    rows = _rows(path)
    i, j = next(n for n, r in enumerate(rows) if r[0] == "Seoul"), rows[0].index("2001")
    rows[i][j] = "1,2,3"
    _write(path, rows)
    msg = _refused(raw)
    _names(msg, KOSIS, i + 1, "2001")
    assert "'1,2,3'" in msg and "group" in msg


@pytest.mark.parametrize("mark", ["-", "x"])
def test_missing_value_mark_in_the_migration_workbook_stops_the_build(raw_dir, tmp_path, mark):
    """Issue 22 item 2: a '-' or 'x' in a flow was dropped (서울's 2000 out-migration 683,917 → 667,949)."""
    raw = _raw(raw_dir, tmp_path, "migration")
    path = raw / MIGRATION
    book = openpyxl.load_workbook(path)
    ws = book["Data"]
    col = next(c for c in range(1, ws.max_column + 1) if str(ws.cell(1, c).value).endswith("2000"))
    row = next(r for r in range(3, ws.max_row + 1)
               if ws.cell(r, 1).value == "11 Seoul" and ws.cell(r, 2).value == "26 Busan")
    assert ws.cell(row, col).value > 0
    ws.cell(row, col).value = mark
    book.save(path)
    msg = _refused(raw, "migration")
    _names(msg, MIGRATION.split("/")[1], row, "2000")
    assert f"mark {mark!r}" in msg and "declares no missing value" in msg


def test_every_year_shifted_by_one_stops_the_build(raw_dir, tmp_path):
    """Issue 22 item 3: all year headers shifted by one: a year the manifest does not list."""
    raw = _raw(raw_dir, tmp_path, "population")
    path = raw / KOSIS
    rows = _rows(path)
    rows[0] = [str(int(h) + 1) if re.fullmatch(r"\d{4}", h) else h for h in rows[0]]
    _write(path, rows)
    msg = _refused(raw, "sido_population")
    _names(msg, KOSIS, 1, "2021")
    assert "MANIFEST.csv lists 1992–2020" in msg


def _navis_cell(path: Path) -> tuple[int, int, float]:
    """(row, column, score) of Seoul's 2010 overall score, read with openpyxl."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ws = openpyxl.load_workbook(path)[NAVIS_SHEET]
    col = next(c for c in range(2, ws.max_column + 1) if str(ws.cell(1, c).value).strip() == "2010")
    row = next(r for r in range(2, ws.max_row + 1) if str(ws.cell(r, 1).value).strip() == "서울특별시")
    return row, col, float(ws.cell(row, col).value)


def test_a_jump_outside_the_plausible_change_names_the_cell(raw_dir, tmp_path):
    """Continuity: Seoul's 2010 NAVIS score raised by a third (the declared range is about ±5%)."""
    raw = _raw(raw_dir, tmp_path, "reference")
    path = raw / NAVIS
    row, col, score = _navis_cell(path)
    book = openpyxl.load_workbook(path)
    book[NAVIS_SHEET].cell(row, col).value = round(score * 4 / 3, 2)
    book.save(path)
    msg = _refused(raw, "navis")
    assert "navis_index_total 11 2010" in msg and "plausible year-on-year change" in msg, msg
    _names(msg, NAVIS, row, f"{NAVIS_SHEET}!2010")


def test_two_files_that_disagree_are_both_named(raw_dir, tmp_path):
    """Agreement: 행정안전부's 2015 total for Seoul one person above KOSIS's (they are equal in every
    region-year 2008–2020): both files are named with row and column."""
    raw = _raw(raw_dir, tmp_path, "population")
    kosis, mois = _rows(raw / KOSIS), _rows(raw / MOIS, "cp949")
    ki, kj = next(n for n, r in enumerate(kosis) if r[0] == "Seoul"), kosis[0].index("2015")
    mi, mj = next(n for n, r in enumerate(mois) if r[0].strip() == "서울특별시"), mois[0].index("2015년_계_총인구수")
    value = int(mois[mi][mj].replace(",", ""))
    assert int(kosis[ki][kj]) == value
    mois[mi][mj] = f"{value + 1:,}"
    _write(raw / MOIS, mois, "cp949", csv.QUOTE_ALL)
    msg = _refused(raw, "sido_population")
    assert "agreement registered_population_kosis_mois: 11 2015" in msg, msg
    _names(msg, KOSIS, ki + 1, "2015")
    _names(msg, MOIS, mi + 1, "2015년_계_총인구수")


def test_a_newer_vintage_with_two_labels_swapped_is_refused(raw_dir, tmp_path):
    """Rank stability across vintages: a newer download (not in the manifest) of the MOIS annual
    table with Busan's and Daegu's labels swapped is refused at the first row out of rank."""
    raw = _raw(raw_dir, tmp_path, "population")
    rows = _rows(raw / MOIS, "cp949")
    b = next(n for n, r in enumerate(rows) if r[0].strip() == "부산광역시")
    d = next(n for n, r in enumerate(rows) if r[0].strip() == "대구광역시")
    rows[b][0], rows[d][0] = rows[d][0], rows[b][0]
    newer = "population/202412_202512_Korean_Annual_Population.csv"
    _write(raw / newer, rows, "cp949", csv.QUOTE_ALL)
    msg = _refused(raw, "sido_population")
    assert newer in msg and f"row {b + 1}" in msg and "other vintage" in msg, msg


def test_a_file_not_in_the_manifest_is_said_to_be_checked_against_its_own_header(raw_dir, tmp_path):
    raw = _raw(raw_dir, tmp_path, "exports")
    copy = "exports/kita_regional_yearly_2026-12-31.csv"
    shutil.copyfile(raw / "exports/kita_regional_yearly.csv", raw / copy)
    summary = cli.summary(build.build(raw))
    assert f"{copy}: not in MANIFEST.csv: its years and regions are checked against its own header only" in summary


def test_a_missing_region_year_names_the_cells_beside_it(raw_dir, tmp_path):
    """The count check (issue 22 item 4: it named the file only): Seoul's and Busan's 2020 rows
    deleted from the K-stat file; the failure names, for each, the row and column of its 2021 value."""
    raw = _raw(raw_dir, tmp_path, "exports")
    path = raw / "exports/kita_regional_yearly.csv"
    rows = _rows(path)
    year, region = rows[0].index("연도"), rows[0].index("지역명")
    at_2021 = {r[region]: n + 1 for n, r in enumerate(rows) if r[year] == "2021"}
    gone = [r for r in rows[1:] if r[year] == "2020" and r[region] in ("서울", "부산")]
    assert len(gone) == 2
    kept = [r for r in rows if r not in gone]
    _write(path, kept)
    shift = {n: n - sum(1 for g in gone if rows.index(g) + 1 < n) for n in at_2021.values()}  # rows after a deletion
    msg = _refused(raw)
    assert "exports_usd_th sido 2020: 8 regions, expected 10; no 2020 value for" in msg, msg
    for name, code in (("서울", "11"), ("부산", "26")):
        assert f"{code} (its 2021 value: exports/kita_regional_yearly.csv, row {shift[at_2021[name]]}, " \
               "column '수출_금액')" in msg, msg
