"""Per-capita GRDP / GRI / individual income / private consumption (KOSIS DT_1C86, 2015 base):
values as published, Period filled down, '-' gives no row, base kept apart, bad input."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from helpers import source_error, value_of
from indicators.sources import grdp
from indicators.sources import grdp_per_capita as gpc

NAME = "Regional_GDP__Gross_regional_income_and_Individual_income_20231118124541.xlsx"
REL = Path("grdp") / NAME
pytestmark = pytest.mark.filterwarnings("ignore:Workbook contains no default style")
ENGLISH = {"Whole country": "00", "Seoul": "11", "Busan": "26", "Gwangju": "29", "Ulsan": "31",
           "Sejong": "36", "Gyeonggi-do": "41", "Gangwon-do": "51", "Jeollabuk-do": "52", "Jeju-do": "50"}


@pytest.fixture(scope="module")
def loaded(raw_dir) -> pd.DataFrame:
    return gpc.load(raw_dir)


@pytest.fixture(scope="module")
def raw(raw_dir) -> dict[tuple[int, str, str], object]:
    """(year, province, column header) -> cell, read with openpyxl, Period filled down by hand."""
    ws = openpyxl.load_workbook(raw_dir / REL)["Data"]  # read_only trusts a wrong 'A1' dimension
    rows = list(ws.iter_rows(values_only=True))
    header, out, year = rows[0], {}, None
    for r in rows[1:]:
        year = int(r[0]) if r[0] not in (None, "") else year
        for h, v in zip(header[2:], r[2:]):
            out[(year, r[1], h)] = v
    return out


def test_values_match_the_sheet_after_filling_period_down(loaded, raw):
    checked = 0
    for (year, prov, col), cell in raw.items():
        if prov not in ENGLISH or year not in (1985, 1999, 2000, 2013, 2021):
            continue
        ind = next(i for i, c in gpc.COLUMNS.items() if c == col)
        got = value_of(loaded, ind, ENGLISH[prov], year)
        assert got == (None if cell == "-" else float(cell)), (year, prov, col)
        checked += 1
    assert checked > 100


def test_not_compiled_items_give_no_row_never_zero(loaded, raw):
    first = {"gri_per_capita_2015base_krw_th": 2000, "personal_income_per_capita_2015base_krw_th": 2000,
             "private_consumption_per_capita_2015base_krw_th": 1995, "grdp_per_capita_2015base_krw_th": 1985}
    for ind, year in first.items():
        got = loaded[loaded["indicator"] == ind]
        assert got["year"].min() == year and got["year"].max() == 2021
        assert (got["value"] > 0).all()
        if year > 1985:  # the sheet says '-' (not compiled) the year before
            assert raw[(year - 1, "Seoul", gpc.COLUMNS[ind])] == "-"
            assert value_of(loaded, ind, "11", year - 1) is None


def test_region_counts_per_year_follow_the_sheet(loaded, raw):
    counts = loaded.groupby(["indicator", "year"])["region_code"].nunique()
    for ind, col in gpc.COLUMNS.items():
        for year in (1985, 1995, 2000, 2012, 2013, 2021):
            want = sum(1 for (y, _, c), v in raw.items() if y == year and c == col and v != "-")
            assert counts.get((ind, year), 0) == want, (ind, year)
    assert counts[("grdp_per_capita_2015base_krw_th", 2021)] == 18


def test_late_sido_absent_before_they_exist(loaded, raw):
    for prov, code in (("Gwangju", "29"), ("Daejeon", "30"), ("Ulsan", "31"), ("Sejong", "36")):
        first = min(y for (y, p, _) in raw if p == prov)
        got = loaded[(loaded["region_code"] == code) & (loaded["indicator"] == "grdp_per_capita_2015base_krw_th")]
        assert got["year"].min() == first
    assert loaded[loaded["region_code"] == "36"]["year"].min() > 2010


def test_2015_base_is_kept_apart_from_the_2020_base(loaded):
    ids = {i.id for i in gpc.INDICATORS}
    assert ids == set(gpc.COLUMNS) == set(loaded["indicator"])
    assert not ids & {i.id for i in grdp.INDICATORS}
    assert all("2015base" in i and "2015" in ind.basis for i, ind in ((i.id, i) for i in gpc.INDICATORS))
    assert all(not i.additive and i.levels == ("sido",) for i in gpc.INDICATORS)


# ---- bad input -------------------------------------------------------------------------

def _edit(tmp_path: Path, raw_dir: Path, change) -> Path:
    wb = openpyxl.load_workbook(raw_dir / REL)
    change(wb)
    path = tmp_path / REL
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def _expect_error(tmp_path: Path, *parts: str) -> str:
    return source_error(lambda: gpc.load(tmp_path), tmp_path / REL, *parts)

def test_missing_sheet(tmp_path, raw_dir):
    _edit(tmp_path, raw_dir, lambda wb: setattr(wb["Data"], "title", "Sheet1"))
    _expect_error(tmp_path, "'Data' missing")


def test_missing_column(tmp_path, raw_dir):
    _edit(tmp_path, raw_dir, lambda wb: wb["Data"].delete_cols(4))  # Gross Regional Income per Capita
    _expect_error(tmp_path, "Gross Regional Income per Capita", "missing")


def test_non_numeric_cell_names_row_and_column(tmp_path, raw_dir):
    _edit(tmp_path, raw_dir, lambda wb: wb["Data"].cell(row=30, column=3, value="n/a?"))
    _expect_error(tmp_path, "row 30", "Regional GDP per Capita", "n/a?")


def test_unknown_region_name(tmp_path, raw_dir):
    _edit(tmp_path, raw_dir, lambda wb: wb["Data"].cell(row=5, column=2, value="Atlantis-do"))
    _expect_error(tmp_path, "row 5", "By province", "Atlantis-do")


def test_duplicated_region_year(tmp_path, raw_dir):
    _edit(tmp_path, raw_dir, lambda wb: wb["Data"].cell(row=4, column=2, value="Seoul"))  # row 3 is Seoul
    _expect_error(tmp_path, "row 4", "duplicated")


def test_period_that_is_not_a_year(tmp_path, raw_dir):
    _edit(tmp_path, raw_dir, lambda wb: wb["Data"].cell(row=16, column=1, value="1986p"))
    _expect_error(tmp_path, "row 16", "Period")


def test_unit_other_than_thousand_won(tmp_path, raw_dir):
    def change(wb):
        ws = wb["Meta Data"]
        row = next(r for r in range(1, ws.max_row + 1) if "Unit" in str(ws.cell(r, 1).value))
        ws.cell(row, 2, value="Million won")
    _edit(tmp_path, raw_dir, change)
    _expect_error(tmp_path, "Unit", "Million won")


def test_download_after_the_2020_rebasing_is_refused(tmp_path, raw_dir):
    def change(wb):
        ws = wb["Meta Data"]
        row = next(r for r in range(1, ws.max_row + 1) if "Download Date" in str(ws.cell(r, 1).value))
        ws.cell(row, 2, value="2025.01.10 09:00")
    _edit(tmp_path, raw_dir, change)
    _expect_error(tmp_path, "2020 base")


def test_empty_file(tmp_path):
    path = tmp_path / REL
    path.parent.mkdir(parents=True)
    path.write_bytes(b"")
    _expect_error(tmp_path, "not a readable xlsx")


def test_truncated_file_is_a_broken_zip(tmp_path, raw_dir):
    data = (raw_dir / REL).read_bytes()
    path = tmp_path / REL
    path.parent.mkdir(parents=True)
    path.write_bytes(data[: len(data) // 2])
    _expect_error(tmp_path, "not a readable xlsx", "BadZipFile")
