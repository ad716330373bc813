"""Inter-시도 migration (KOSIS DT_1B26003_A01): annual flows match the quarterly CSV, net sums
to zero, 수도권 as one region, 시도 appear when created (placeholder zeros are not data), bad input."""
from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from geo import regions
from helpers import source_error
from indicators.errors import InputsMissing
from indicators.sources import migration

XLSX = Path("migration") / "Number_of_internal_migrants_by_origin_and_destination_for_province_20210719124216.xlsx"
QCSV = Path("migration") / "101_DT_1B26003_A01_20210719123202.csv"
pytestmark = pytest.mark.filterwarnings("ignore:Workbook contains no default style")


@pytest.fixture(scope="module")
def loaded(raw_dir) -> pd.DataFrame:
    return migration.load(raw_dir)


@pytest.fixture(scope="module")
def pairs(raw_dir) -> pd.DataFrame:
    return migration.flows(raw_dir, within=True)


@pytest.fixture(scope="module")
def quarterly(raw_dir) -> dict[tuple[int, str, str], int]:
    """(year, origin code, destination code) → sum of the quarters, straight from the CSV."""
    out: dict[tuple[int, str, str], int] = {}
    with open(raw_dir / QCSV, encoding="cp949", newline="") as f:
        rows = csv.reader(f)
        next(rows)
        for o, _, d, _, period, v, *_ in rows:
            key = (int(period[:4]), o, d)
            out[key] = out.get(key, 0) + int(v)
    return out


def _series(loaded, ind, code):
    return loaded.query("indicator == @ind and region_code == @code").set_index("year")["value"]


def test_four_quarters_add_up_to_the_annual_flows(pairs, quarterly):
    ann = pairs.set_index(["year", "origin_code", "dest_code"])["persons"]
    # the CSV keeps the codes of the time (42 강원, 45 전북); the loader gives current ones
    cur = {"42": "51", "45": "52"}
    checked = 0
    for (year, o, d), q in quarterly.items():
        if year in (1975, 1995, 2005, 2015, 2020) and (o in ("11", "42", "36") or d == "45"):
            assert ann[(year, cur.get(o, o), cur.get(d, d))] == q, (year, o, d)
            checked += 1
    assert checked > 100


def test_seoul_in_migration_equals_quarterly_inflows(loaded, quarterly):
    for year in (1980, 2000, 2019):
        expect = sum(v for (y, o, d), v in quarterly.items() if y == year and d == "11" and o != "11")
        assert _series(loaded, "migration_in_persons", "11")[year] == expect


def test_net_migration_sums_to_zero_over_sido(loaded):
    net = loaded[(loaded["indicator"] == "migration_net_persons") & loaded["region_code"].isin(regions.codes("sido"))]
    assert net.groupby("year")["value"].sum().abs().max() == 0
    assert net["year"].min() == 1970 and net["year"].max() == 2024  # 2000–2024 from the 2025 download


def test_capital_region_is_one_region(loaded):
    cr, nc = (_series(loaded, "migration_net_persons", c) for c in ("CR", "NC"))
    assert (cr + nc).abs().max() == 0
    # moves among 서울·인천·경기 cancel in the net: CR net = sum of its three 시도 nets
    parts = sum(_series(loaded, "migration_net_persons", c).reindex(cr.index, fill_value=0) for c in ("11", "28", "41"))
    assert (parts - cr).abs().max() == 0
    # ... but not in the gross flows: CR in-migration is smaller than the sum over its 시도
    seoul_in, gyeonggi_in = (_series(loaded, "migration_in_persons", c) for c in ("11", "41"))
    assert (_series(loaded, "migration_in_persons", "CR") < seoul_in + gyeonggi_in).all()
    assert (_series(loaded, "migration_out_persons", "NC") == _series(loaded, "migration_in_persons", "CR")).all()


def test_sido_appear_when_created_placeholder_zeros_are_not_data(raw_dir, loaded):
    ws = openpyxl.load_workbook(raw_dir / XLSX)["Data"]
    rows = list(ws.iter_rows(values_only=True))
    col = {str(h).split()[-1]: i for i, h in enumerate(rows[0])}
    gwangju_out_1983 = [r[col["1983"]] for r in rows[2:] if str(r[0]).startswith("29 ")]
    printed = [v for v in gwangju_out_1983 if v != "-"]  # '-' towards 시도 not yet existing either
    assert len(printed) > 10 and all(v == 0 for v in printed)  # printed as 0 before 광주 existed
    first = loaded[loaded["indicator"] == "migration_in_persons"].groupby("region_code")["year"].min()
    assert first.to_dict() == {"11": 1970, "26": 1970, "27": 1981, "28": 1981, "29": 1986, "30": 1989,
                               "31": 1997, "36": 2012, "41": 1970, "43": 1970, "44": 1970, "46": 1970,
                               "47": 1970, "48": 1970, "50": 1970, "51": 1970, "52": 1970, "CR": 1970, "NC": 1970,
                               "CC": 1970, "DG": 1970, "DN": 1970, "GW": 1970, "HN": 1970, "JJ": 1970,
                               "12": 1970}  # 전남광주 (2026-07): 전남 alone until 광주 was split off
    assert loaded["value"].notna().all()
    assert not loaded.query("region_code == '36' and year < 2012").shape[0]


def test_flows_exclude_within_sido_by_default(raw_dir, pairs):
    fl = migration.flows(raw_dir)
    assert (fl["origin_code"] != fl["dest_code"]).all()
    assert len(pairs) - len(fl) == (pairs["origin_code"] == pairs["dest_code"]).sum()
    assert set(fl.columns) == {"year", "origin_code", "dest_code", "persons"}


# --- bad input -------------------------------------------------------------------------------

def _variant(raw_dir: Path, tmp_path: Path, edit) -> Path:
    wb = openpyxl.load_workbook(raw_dir / XLSX)
    edit(wb)
    (tmp_path / "migration").mkdir(exist_ok=True)
    path = tmp_path / "migration" / XLSX.name
    wb.save(path)
    return path


def _fails(path: Path, *parts: str) -> None:
    source_error(lambda: migration.load(path.parent), path, *parts)

def _set(cell: str, value):
    def edit(wb):
        wb["Data"][cell] = value
    return edit


def test_non_numeric_cell(raw_dir, tmp_path):
    _fails(_variant(raw_dir, tmp_path, _set("C5", "12 345")), "row 5", "'1970'", "12 345")


def test_unknown_region_and_code_name_mismatch(raw_dir, tmp_path):
    _fails(_variant(raw_dir, tmp_path, _set("B6", "99 Atlantis")), "row 6", "'B'", "99")
    _fails(_variant(raw_dir, tmp_path, _set("A7", "11 Busan")), "row 7", "'A'", "disagree")


def test_duplicated_pair(raw_dir, tmp_path):
    _fails(_variant(raw_dir, tmp_path, _set("B4", "11 Seoul")), "row 4", "duplicated", "origin_code=11")


def test_bad_year_header(raw_dir, tmp_path):
    _fails(_variant(raw_dir, tmp_path, _set("D1", "Total")), "row 1", "column 4")


def test_wrong_table_in_meta(raw_dir, tmp_path):
    def edit(wb):
        ws = wb["Meta Data"]
        ws["B1"] = "DT_1B26001_A01"
    _fails(_variant(raw_dir, tmp_path, edit), "Table ID", "DT_1B26001_A01")


def test_missing_data_sheet(raw_dir, tmp_path):
    def edit(wb):
        wb["Data"].title = "Sheet1"
    _fails(_variant(raw_dir, tmp_path, edit), "sheet 'Data' missing")


def test_blank_origin_labels_are_filled_down(raw_dir, tmp_path, pairs):
    def edit(wb):
        for r in range(4, 20):  # the rest of 서울's block
            wb["Data"][f"A{r}"] = None
    path = _variant(raw_dir, tmp_path, edit)
    got = migration.flows(path.parent, within=True)  # this workbook alone: 1970–2020
    pd.testing.assert_frame_equal(got, pairs[pairs["year"] <= 2020].reset_index(drop=True))


def test_truncated_and_empty_files(raw_dir, tmp_path):
    (tmp_path / "migration").mkdir()
    path = tmp_path / "migration" / XLSX.name
    path.write_bytes((raw_dir / XLSX).read_bytes()[:4000])
    _fails(path, "not a readable xlsx")
    path.write_bytes(b"")
    _fails(path, "not a readable xlsx")


def test_inputs_missing(tmp_path):
    with pytest.raises(InputsMissing):
        migration.load(tmp_path)
