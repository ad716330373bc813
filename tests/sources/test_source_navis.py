"""NAVIS 지역발전지수: three index sheets, 16 시도 (세종 absent, 울산 from 1998), 1995–2019,
values as published, 수도권 → CR, other 권역 excluded, bad input."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from geo import regions
from helpers import source_error
from indicators.errors import InputsMissing
from indicators.sources import navis

REL = Path("reference") / "1_2. 시계열자료(사이트게재)_지역발전지수_2021년.xlsx"
TOTAL = "I지역발전지수(총합)"


@pytest.fixture(scope="module")
def loaded(raw_dir) -> pd.DataFrame:
    return navis.load(raw_dir)


@pytest.fixture(scope="module")
def sheets(raw_dir) -> dict[str, list[tuple]]:
    wb = openpyxl.load_workbook(raw_dir / REL, read_only=True)
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in wb.worksheets}


def _sido_rows(rows):
    """Rows whose column A ends like a 시도 name (시, 도), straight from the sheet."""
    return [r for r in rows[1:] if r[0] and r[0].endswith(("시", "도")) and r[0] != "전국"]


def test_one_indicator_per_index_sheet(loaded, sheets):
    index_sheets = [t for t in sheets if t != "목차"]
    assert len(index_sheets) == 3
    assert set(loaded["indicator"]) == {"navis_index_total", "navis_economic_power", "navis_resident_vitality"}


def test_sido_per_year_and_years_span(loaded, sheets):
    rows = sheets[TOTAL]
    years = [int(y) for y in rows[0][1:] if y is not None]
    assert years[0] == 1995 and years[-1] == 2019
    tot = loaded[(loaded["indicator"] == "navis_index_total") & loaded["region_code"].isin(regions.codes("sido"))]
    per_year = tot.dropna(subset=["value"]).groupby("year")["region_code"].nunique()
    for i, year in enumerate(years, start=1):
        expect = sum(isinstance(r[i], (int, float)) for r in _sido_rows(rows))
        assert per_year[year] == expect
    assert per_year[1995] == 15 and per_year[2019] == 16  # 울산 from 1998; 세종 never
    assert "36" not in set(tot["region_code"])
    assert tot.query("region_code == '31' and year < 1998")["value"].isna().all()


def test_values_as_published_with_current_codes(loaded, sheets):
    codes = {"서울특별시": "11", "강원도": "51", "전라북도": "52", "제주도": "50", "경상남도": "48"}
    for title, (ind, _) in navis.SHEETS.items():  # noqa: B007 — ind and code are read by .query (@ind, @code)
        rows = sheets[title]
        years = rows[0]
        for r in rows[1:]:
            if r[0] not in codes:
                continue
            code = codes[r[0]]  # noqa: F841 — read by .query (@code)
            for i in (1, 8, 25):
                year = int(years[i])
                got = loaded.query("indicator == @ind and region_code == @code and year == @year")
                assert got["value"].item() == pytest.approx(r[i], abs=1e-12), (title, r[0], year)
    assert loaded["value"].dropna().between(3, 9).all()  # index scores, numeric throughout


def test_capital_region_row_and_excluded_groups(loaded, sheets):
    rows = {r[0]: r for r in sheets[TOTAL][1:]}
    cr = loaded.query("indicator == 'navis_index_total' and region_code == 'CR'").set_index("year")["value"]
    assert cr[2019] == pytest.approx(rows["수도권"][25])
    assert "충청권" in rows and "NC" not in set(loaded["region_code"])
    assert set(loaded["region_code"]) == {"00", "CR"} | set(regions.codes("sido")) - {"36"}
    assert loaded.query("region_code == '00'")["value"].isna().all()  # printed empty


# --- bad input -------------------------------------------------------------------------------

def _variant(raw_dir: Path, tmp_path: Path, edit) -> Path:
    wb = openpyxl.load_workbook(raw_dir / REL)
    edit(wb)
    path = tmp_path / REL.name
    wb.save(path)
    return path


def _fails(path: Path, *parts: str) -> None:
    source_error(lambda: navis.load(path.parent), path, *parts)

def _set(sheet: str, cell: str, value):
    def edit(wb):
        wb[sheet][cell] = value
    return edit


def test_non_numeric_cell(raw_dir, tmp_path):
    _fails(_variant(raw_dir, tmp_path, _set(TOTAL, "C4", "5.7 (p)")), "row 4", "1996", "5.7 (p)")


def test_unknown_region_name(raw_dir, tmp_path):
    _fails(_variant(raw_dir, tmp_path, _set(TOTAL, "A20", "중부권")), "row 20", "'A'", "중부권")


def test_duplicated_region(raw_dir, tmp_path):
    _fails(_variant(raw_dir, tmp_path, _set(TOTAL, "A4", "서울")), "row 4", "duplicated", "region_code=11")


def test_non_year_header(raw_dir, tmp_path):
    _fails(_variant(raw_dir, tmp_path, _set(TOTAL, "E1", "1998p")), "row 1", "1998p")


def test_unexpected_sheet_content(raw_dir, tmp_path):
    _fails(_variant(raw_dir, tmp_path, _set(TOTAL, "A1", "지역발전(경제력지수)")), "row 1", "A1")


def test_missing_sheet(raw_dir, tmp_path):
    def edit(wb):
        del wb["I지역발전지수(경제력)"]
    _fails(_variant(raw_dir, tmp_path, edit), "I지역발전지수(경제력)", "missing")


def test_truncated_and_empty(raw_dir, tmp_path):
    path = tmp_path / REL.name
    path.write_bytes((raw_dir / REL).read_bytes()[:3000])
    _fails(path, "not a readable xlsx")
    path.write_bytes(b"")
    _fails(path, "not a readable xlsx")


def test_inputs_missing(tmp_path):
    with pytest.raises(InputsMissing):
        navis.load(tmp_path)
