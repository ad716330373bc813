"""경인지방통계청 수도권 광역지표, 권역 ids 1-x … 4-x: values as published (checked against the raw CSV
read here with the csv module), 8 regions a year, 2-2-2 left out, clear errors on bad input."""
from __future__ import annotations

import csv
import math
import shutil
from pathlib import Path

import pandas as pd
import pytest

from helpers import RAW, edit_line, source_error, value_of
from indicators import catalog
from indicators.errors import InputsMissing
from indicators.sources import _files, kostat_gi

DATA = Path("kostat_gi") / "data"
# the office's region labels and our codes, written out independently of the module
LABELS = {"0.전국": "00", "1.수도권": "CR", "2.충청권": "CC", "3.호남권": "HN", "4.대경권": "DG",
          "5.동남권": "DN", "6.강원권": "GW", "7.제주권": "JJ"}


def _raw_rows(sid: str) -> list[dict[str, str]]:
    with open(RAW / DATA / f"indicator_{sid}.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def _in_scope_files() -> set[str]:
    """Ids 1-x … 4-x present in the shipped folder (from the file names)."""
    ids = {p.stem.removeprefix("indicator_") for p in (RAW / DATA).glob("indicator_*.csv")}
    return {i for i in ids if i.split("-")[0] in {"1", "2", "3", "4"}}


@pytest.fixture(scope="module")
def loaded() -> pd.DataFrame:
    return kostat_gi.load(RAW)


def test_employment_rate_equals_kosis(loaded):
    ind = kostat_gi.SPEC["3-2-1"].id
    assert ind == "gi_employment_rate_pct"
    raw = {int(r["Year"]): float(r["Value"]) for r in _raw_rows("3-2-1") if r["지역"] == "0.전국"}
    for year, published in ((2001, 59.0), (2010, 58.9), (2022, 62.1)):
        assert raw[year] == published
        assert value_of(loaded, ind, "00", year) == published


def test_every_value_as_in_the_raw_file(loaded):
    """Each row of each included file, parsed here, is in the output once, under the right code."""
    n = 0
    for sid, ind in kostat_gi.SPEC.items():
        got = loaded[loaded["indicator"] == ind.id].set_index(["region_code", "year"])["value"]
        for r in _raw_rows(sid):
            cell = r["Value"].strip()
            want = float(cell) if cell else math.nan
            have = got[(LABELS[r["지역"].strip()], int(r["Year"]))]
            assert have == want or (math.isnan(want) and math.isnan(have)), (sid, r)
            n += 1
    assert n == len(loaded)


def test_included_ids_are_all_in_scope_files_but_2_2_2():
    assert set(kostat_gi.SPEC) == _in_scope_files() - {"2-2-2"}
    assert len(kostat_gi.SPEC) == 20


def test_2_2_2_not_loaded_and_why(loaded):
    assert (RAW / DATA / "indicator_2-2-2.csv").exists()
    assert "2-2-2" not in kostat_gi.SPEC
    assert set(loaded["indicator"]) == {i.id for i in kostat_gi.INDICATORS}
    assert not any("r_and_d" in i or "rnd" in i for i in set(loaded["indicator"]))
    # the plausibility failure, from the raw file: 수도권 below 전국 in every year
    rows = _raw_rows("2-2-2")
    by = {(r["지역"], r["Year"]): float(r["Value"]) for r in rows}
    years = {r["Year"] for r in rows}
    assert all(by[("1.수도권", y)] < by[("0.전국", y)] for y in years)
    assert "2-2-2" in kostat_gi.SOURCE.note and "plausibility" in kostat_gi.SOURCE.note


def test_eight_regions_a_year(loaded):
    """전국 + 7 권역 every year; 4-1-1 (net migration) has no 전국 row in the file."""
    for sid, ind in kostat_gi.SPEC.items():
        raw_years: dict[str, set[str]] = {}
        for r in _raw_rows(sid):
            raw_years.setdefault(r["Year"], set()).add(r["지역"])
        want = set(LABELS) - ({"0.전국"} if sid == "4-1-1" else set())
        assert all(regions == want for regions in raw_years.values()), sid
        ours = loaded[loaded["indicator"] == ind.id].groupby("year")["region_code"].agg(set)
        assert len(ours) == len(raw_years)
        assert all(codes == {LABELS[x] for x in want} for codes in ours), sid


def test_region_codes_come_from_geo_groups():
    assert kostat_gi.region_labels() == LABELS


def test_catalogue_entries():
    cat = catalog.indicators()
    assert "kostat_gi" in catalog.SOURCE_MODULES
    for ind in kostat_gi.INDICATORS:
        assert cat[ind.id] == ind and ind.id.startswith("gi_")
        assert ind.source == kostat_gi.SOURCE.id and ind.levels == ("macro",) and not ind.additive
        assert ind.polarity in (-1, 0, 1) and ind.unit and ind.unit_ko and ind.note and ind.basis
    grdp = kostat_gi.SPEC["3-1-1"]
    assert "2015" in grdp.id and "2015 base" in grdp.note and "never joined" in grdp.note
    assert kostat_gi.SPEC["4-2-2"].polarity == -1  # PM2.5: higher is worse
    assert kostat_gi.SOURCE.vintage == "snapshot 2024-03-14"


# --- bad input (on a temporary copy; data/raw is never touched) -----------------------------------

@pytest.fixture
def copy(tmp_path) -> Path:
    shutil.copytree(RAW / DATA, tmp_path / DATA)
    return tmp_path


def _lines(path: Path) -> list[str]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return f.read().splitlines(keepends=True)


def _write(path: Path, lines: list[str]) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        f.write("".join(lines))


def _set(path: Path, line: int, column: int, value: str) -> None:
    """Replace one cell (0-based column) of one file line."""
    rows = _lines(path)
    cells = rows[line - 1].rstrip("\r\n").split(",")
    cells[column] = value
    rows[line - 1] = ",".join(cells) + "\r\n"
    _write(path, rows)


def _fails(root: Path, path: Path, *parts: str) -> str:
    return source_error(lambda: kostat_gi.load(root), path, *parts)


def test_copy_loads_like_the_original(copy, loaded):
    pd.testing.assert_frame_equal(kostat_gi.load(copy), loaded)


def test_wrong_encoding(copy):
    p = copy / DATA / "indicator_3-2-1.csv"
    p.write_bytes("".join(_lines(p)).encode("cp949"))
    _fails(copy, p, "row 1", "column '지역'", "UTF-8")


def test_missing_column(copy):
    p = copy / DATA / "indicator_3-2-1.csv"
    edit_line(p, 1, "Value", "값", encoding="utf-8-sig")
    _fails(copy, p, "row 1", "column 'Value'", "expected column missing")


def test_duplicate_region_year(copy):
    p = copy / DATA / "indicator_3-2-1.csv"
    rows = _lines(p)
    _write(p, rows + [rows[3]])
    _fails(copy, p, f"row {len(rows) + 1}", "column '지역'", "duplicated", "Year=2003")


def test_non_numeric_value(copy):
    p = copy / DATA / "indicator_3-2-1.csv"
    _set(p, 5, 2, "n/a")
    _fails(copy, p, "row 5", "column 'Value'", "'n/a'")


def test_non_numeric_year(copy):
    p = copy / DATA / "indicator_1-2-3.csv"
    edit_line(p, 3, "2015,", "2015.5,", encoding="utf-8-sig")
    _fails(copy, p, "row 3", "column 'Year'", "2015.5")


def test_unknown_region(copy):
    p = copy / DATA / "indicator_4-2-3.csv"
    edit_line(p, 7, ",0.전국,", ",8.북부권,", encoding="utf-8-sig")
    _fails(copy, p, "row 7", "column '지역'", "8.북부권")


def test_empty_file(copy):
    p = copy / DATA / "indicator_2-2-1.csv"
    p.write_bytes(b"")
    _fails(copy, p, "row 1", "column 'Year'", "empty")
    p.write_bytes(b"\xef\xbb\xbf\r\n")
    _fails(copy, p, "row 1", "column 'Year'", "empty")
    _write(p, ["Year,지역,Value\r\n"])
    _fails(copy, p, "row 2", "column 'Year'", "no data rows")


def test_truncated_file(copy):
    p = copy / DATA / "indicator_3-2-1.csv"
    rows = _lines(p)
    _write(p, rows[:150])  # stops inside 6.강원권: no 7.제주권 row at all
    _fails(copy, p, "row 150", "column '지역'", "7.제주권", "truncated")
    _write(p, rows[:-1] + [rows[-1][: rows[-1].rindex(",")]])  # last line cut before its value
    _fails(copy, p, f"row {len(rows)}", "column 'Value'", "truncated")
    _write(p, rows[:-1] + [rows[-1][:3]])  # cut inside the year
    _fails(copy, p, f"row {len(rows)}", "column '지역'", "truncated")
    data = "".join(rows).encode("utf-8")
    p.write_bytes(b"\xef\xbb\xbf" + data[: data.rindex("제주".encode()) + 1])  # cut inside a character
    _fails(copy, p, f"row {len(rows)}", "column '지역'", "not UTF-8")


def test_empty_and_dash_cells_are_refused_where_no_mark_is_declared(copy):
    """The office's files print no missing-value mark (kostat_gi.yaml declares none): an empty or
    '-' Value would drop a figure silently, so it stops the load naming its row and column (it was
    read as missing before issue 22)."""
    assert all(not t.marks for t in kostat_gi.SOURCE.tables)
    p = copy / DATA / "indicator_3-2-1.csv"
    _set(p, 2, 2, "")
    _fails(copy, p, "row 2", "column 'Value'", "empty cell")
    _set(p, 2, 2, "59")
    _set(p, 3, 2, "-")
    _fails(copy, p, "row 3", "column 'Value'", "mark '-'")


def test_blank_line_keeps_editor_row_numbers(copy):
    p = copy / DATA / "indicator_3-2-1.csv"
    rows = _lines(p)
    _write(p, rows[:3] + ["\r\n"] + rows[3:])
    assert len(kostat_gi.load(copy)) == len(kostat_gi.load(RAW))
    _set(p, 6, 2, "?")  # file row 6 is the 4th data row (the blank line is row 4)
    _fails(copy, p, "row 6", "column 'Value'", "'?'")


def test_stray_value_in_unnamed_column(copy):
    p = copy / DATA / "indicator_2-1-1.csv"
    assert _lines(p)[0].rstrip().endswith(",,")  # the published file has two unnamed empty columns
    edit_line(p, 4, ",,\r\n", ",x,\r\n", encoding="utf-8-sig")
    _fails(copy, p, "row 4", "column 'column 4'", "without header")


def test_extra_cell_and_doubled_header(copy):
    p = copy / DATA / "indicator_3-2-1.csv"
    edit_line(p, 9, "\r\n", ",1\r\n", encoding="utf-8-sig")
    _fails(copy, p, "row 9", "column 'column 4'", "4 cells, header has 3")
    shutil.copy(RAW / DATA / p.name, p)
    p = copy / DATA / "indicator_3-2-2.csv"
    edit_line(p, 1, "Value", "Value,Value", encoding="utf-8-sig")
    rows = _lines(p)
    _write(p, [rows[0]] + [r.replace("\r\n", ",\r\n") for r in rows[1:]])
    _fails(copy, p, "row 1", "column 'Value'", "named twice")


def test_partial_source_is_an_error(copy):
    p = copy / DATA / "indicator_4-2-4.csv"
    p.unlink()
    _fails(copy, p, "declared file missing", "indicator_4-2-4.csv")


def test_two_copies_of_a_file_newest_wins(copy, loaded):
    """A copy not in the manifest counts as newer than the listed file: its changed value is
    used and the clash listed; an identical copy changes nothing and is no conflict."""
    shutil.copy(RAW / "MANIFEST.csv", copy / "MANIFEST.csv")
    extra = copy / "elsewhere" / "indicator_3-2-1.csv"
    extra.parent.mkdir()
    shutil.copy(copy / DATA / "indicator_3-2-1.csv", extra)
    with _files.recording(copy) as rec:
        got = kostat_gi.load(copy)
    assert rec.conflicts == []
    pd.testing.assert_frame_equal(got.drop(columns="source_file"), loaded.drop(columns="source_file"))
    first = _raw_rows("3-2-1")[0]
    assert first["지역"] == "0.전국"
    _set(extra, 2, 2, str(float(first["Value"]) + 0.5))
    with _files.recording(copy) as rec:
        got = kostat_gi.load(copy)
    ind, year = "gi_employment_rate_pct", int(first["Year"])
    assert value_of(got, ind, "00", year) == float(first["Value"]) + 0.5
    [c] = rec.conflicts
    assert (c["indicator"], c["region_code"], c["year"]) == (ind, "00", year)
    assert (c["kept_file"], c["kept_status"], c["kept_value"]) == ("elsewhere/indicator_3-2-1.csv", "not in manifest",
                                                                  float(first["Value"]) + 0.5)
    assert (c["dropped_file"], c["dropped_status"], c["dropped_value"]) == (
        f"{DATA.as_posix()}/indicator_3-2-1.csv", "ok", float(first["Value"]))


def test_no_declared_file_is_inputs_missing(tmp_path):
    with pytest.raises(InputsMissing):
        kostat_gi.load(tmp_path)
    (tmp_path / "indicator_5-1-1.csv").write_text("Year,지역,Value\n2020,0.전국,1\n", encoding="utf-8")
    with pytest.raises(InputsMissing):  # out-of-scope files alone are not this source
        kostat_gi.load(tmp_path)
