"""Fiscal source: 재정자립도/재정자주도 by 시도 (swapped column names mapped, percent, old names,
2014 break) and 재정자립도 by 시군구 for 2023 (fill-down, name matching), bad input."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pandas as pd
import pytest

from geo import regions
from helpers import edit_line, source_error, value_of
from indicators.errors import InputsMissing
from indicators.sources import fiscal

SERIES = Path("fiscal") / "kosis_fiscal_autonomy_data.csv"
SGG = Path("fiscal") / "finance_autonomy.csv"


@pytest.fixture(scope="module")
def loaded(raw_dir) -> pd.DataFrame:
    return fiscal.load(raw_dir)


@pytest.fixture(scope="module")
def raw_series(raw_dir) -> list[dict]:
    with open(raw_dir / SERIES, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def raw_sgg(raw_dir) -> list[list[str]]:
    with open(raw_dir / SGG, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))[1:]


# --- 시도 series -------------------------------------------------------------------------

def test_region_counts_per_year_follow_the_file(loaded, raw_series):
    per_year = pd.Series([int(r["year"]) for r in raw_series]).value_counts()
    got = loaded[loaded["indicator"] == "fiscal_self_reliance_pct"].groupby("year")["region_code"].nunique()
    assert got.sort_index().to_dict() == per_year.sort_index().to_dict()
    assert got.index.min() == 2001 and got.index.max() == 2025
    sejong = loaded.query("indicator == 'fiscal_self_reliance_pct' and region_code == '36'")["year"]
    first_sejong = min(int(r["year"]) for r in raw_series if r["region"] == "세종특별자치시")
    assert sejong.min() == first_sejong  # absent (no row, not 0) before it existed


def test_swapped_columns_are_mapped_by_meaning(loaded, raw_series):
    # fiscal_autonomy_ratio holds 재정자립도, fiscal_independence_ratio holds 재정자주도
    for r in raw_series:
        if r["region"] == "서울특별시" and r["year"] in ("2001", "2014", "2025"):
            y = int(r["year"])
            reliance, autonomy = float(r["fiscal_autonomy_ratio"]), float(r["fiscal_independence_ratio"])
            assert value_of(loaded, "fiscal_self_reliance_pct", "11", y) == pytest.approx(reliance * 100)
            assert value_of(loaded, "fiscal_autonomy_pct", "11", y) == pytest.approx(autonomy * 100)
    wide = loaded[loaded["indicator"] != "fiscal_self_reliance_sigungu_pct"].pivot_table(
        index=["region_code", "year"], columns="indicator", values="value")
    # 재정자주도 counts 자주재원 on top of 자체수입: never below 재정자립도
    assert (wide["fiscal_autonomy_pct"] >= wide["fiscal_self_reliance_pct"]).all()
    assert wide.max().max() <= 100 and wide.min().min() > 1  # percent, not fractions


def test_old_province_names_get_current_codes(loaded, raw_series):
    names = {r["region"] for r in raw_series}
    assert {"강원도", "전라북도"} <= names
    codes = set(loaded["region_code"])
    assert {"51", "52"} <= codes and not {"42", "45"} & codes
    gw = next(r for r in raw_series if r["region"] == "강원도" and r["year"] == "2010")
    expect = float(gw["fiscal_autonomy_ratio"]) * 100
    assert value_of(loaded, "fiscal_self_reliance_pct", "51", 2010) == pytest.approx(expect)


def test_series_break_is_declared_and_visible(loaded, raw_series):
    assert fiscal.SERIES_BREAK_YEAR == 2014
    assert all(str(fiscal.SERIES_BREAK_YEAR) in i.note for i in fiscal.INDICATORS[:2])
    nat = {int(r["year"]): float(r["fiscal_autonomy_ratio"]) for r in raw_series if r["region"] == "전국"}
    assert nat[2014] < nat[2013] - 0.03  # the reform lowered the ratio at once


# --- 시군구, one year ------------------------------------------------------------------------

def test_every_sigungu_row_is_matched_once(loaded, raw_sgg):
    sgg = loaded[(loaded["indicator"] == "fiscal_self_reliance_sigungu_pct") & (loaded["region_code"].str.len() == 5)]
    raw_rows = [r for r in raw_sgg if r[1] != "소계"]
    assert len(sgg) == len(raw_rows) == 226
    assert sgg["year"].unique().tolist() == [fiscal.FINANCE_AUTONOMY_YEAR]
    # the registry's other three 시군구 have no row of their own in the file
    assert set(regions.codes("sigungu")) - set(sgg["region_code"]) == {"36110", "50110", "50130"}


def test_sigungu_values_follow_the_filled_down_sido(loaded, raw_sgg):
    sido, by = None, {}
    for a, b, v in raw_sgg:
        sido = a or sido
        by[(sido, b)] = float(v)
    y = fiscal.FINANCE_AUTONOMY_YEAR
    ind = "fiscal_self_reliance_sigungu_pct"
    # 중구 exists in six 시도: each gets its own value
    assert value_of(loaded, ind, "11140", y) == by[("서울특별시", "중구")]
    assert value_of(loaded, ind, "26110", y) == by[("부산광역시", "중구")]
    assert value_of(loaded, ind, "11680", y) == by[("서울특별시", "강남구")]
    assert value_of(loaded, ind, "28177", y) == by[("인천광역시", "미추홀구")]
    assert value_of(loaded, ind, "27720", y) == by[("경상북도", "군위군")]  # listed under 경북, coded to 대구
    assert value_of(loaded, ind, "51110", y) == by[("강원특별자치도", "춘천시")]
    assert value_of(loaded, ind, "41", y) == by[("경기도", "소계")]
    assert value_of(loaded, ind, "00", y) == by[("전국", "소계")]


def test_inferred_year_is_the_only_year_matching_the_series(raw_series, raw_sgg):
    subtotal = {a: float(v) for a, b, v in raw_sgg if b == "소계"}
    matches = []
    for year in sorted({int(r["year"]) for r in raw_series}):
        rows = {r["region"]: float(r["fiscal_autonomy_ratio"]) * 100 for r in raw_series if int(r["year"]) == year}
        alias = {"강원도": "강원특별자치도", "전라북도": "전북특별자치도"}
        rows = {alias.get(k, k): v for k, v in rows.items()}
        if all(abs(rows.get(k, -99) - v) < 0.05 for k, v in subtotal.items()):
            matches.append(year)
    assert matches == [fiscal.FINANCE_AUTONOMY_YEAR]


# --- bad input -------------------------------------------------------------------------------

def _copy(raw_dir: Path, tmp_path: Path, rel: Path, lines: int | None = None) -> Path:
    tmp_path.mkdir(exist_ok=True)
    dst = tmp_path / rel.name
    if lines is None:
        shutil.copy(raw_dir / rel, dst)
    else:
        text = (raw_dir / rel).read_text(encoding="utf-8-sig").splitlines(keepends=True)
        dst.write_text("".join(text[:lines]), encoding="utf-8")
    return dst


def _fails(loader, path, *parts):
    return source_error(lambda: loader(path), path, *parts)

def test_repeated_header_row_is_skipped(raw_dir, tmp_path):
    path = _copy(raw_dir, tmp_path, SERIES, lines=40)
    rows = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(rows[:20] + ["\ufeff" + rows[0]] + rows[20:]), encoding="utf-8")
    got = fiscal.load_series(path)
    ref = fiscal.load_series(_copy(raw_dir, tmp_path / "ref", SERIES, lines=40))
    pd.testing.assert_frame_equal(got, ref)


def test_series_bad_inputs(raw_dir, tmp_path):
    p = _copy(raw_dir, tmp_path, SERIES, lines=30)
    edit_line(p, 4, "0.298", "n/a")
    _fails(fiscal.load_series, p, "row 4", "fiscal_autonomy_ratio", "'n/a'")

    p = _copy(raw_dir, tmp_path, SERIES, lines=30)
    edit_line(p, 4, "0.298", "29.8")  # percent where a fraction is due
    _fails(fiscal.load_series, p, "row 4", "fiscal_autonomy_ratio", "fraction")

    p = _copy(raw_dir, tmp_path, SERIES, lines=30)
    edit_line(p, 6, "제주특별자치도", "제주특별시")
    _fails(fiscal.load_series, p, "row 6", "'region'", "제주특별시")

    p = _copy(raw_dir, tmp_path, SERIES, lines=30)
    rows = p.read_text(encoding="utf-8").splitlines(keepends=True)
    p.write_text("".join(rows + [rows[3]]), encoding="utf-8")  # 강원도 2001 twice
    _fails(fiscal.load_series, p, "row 31", "duplicated", "region_code=51", "year=2001")

    p = _copy(raw_dir, tmp_path, SERIES, lines=30)
    edit_line(p, 4, "0.298,0.8390000000000001", "0.8390000000000001,0.298")  # columns shifted
    _fails(fiscal.load_series, p, "row 4", "swapped")

    p = _copy(raw_dir, tmp_path, SERIES, lines=30)
    rows = p.read_text(encoding="utf-8").splitlines(keepends=True)
    p.write_text("".join(r.rsplit(",", 1)[0] + "\n" for r in rows), encoding="utf-8")  # drop 'source'
    assert len(fiscal.load_series(p)) == 2 * 29  # 'source' is not needed
    p.write_text("".join(",".join(r.split(",")[:2] + r.split(",")[3:]) for r in rows), encoding="utf-8")
    _fails(fiscal.load_series, p, "row 1", "fiscal_autonomy_ratio", "missing")

    p = _copy(raw_dir, tmp_path, SERIES, lines=30)
    text = p.read_text(encoding="utf-8")
    p.write_text(text[: text.index("2002,대구") + 12], encoding="utf-8")  # cut mid-row
    _fails(fiscal.load_series, p, "row 20", "truncated")

    p = _copy(raw_dir, tmp_path, SERIES, lines=30)
    p.write_bytes(p.read_text(encoding="utf-8").encode("cp949"))
    _fails(fiscal.load_series, p, "row 2", "utf-8")

    p.write_bytes(b"")
    _fails(fiscal.load_series, p, "empty")


def test_sigungu_bad_inputs(raw_dir, tmp_path):
    p = _copy(raw_dir, tmp_path, SGG)
    edit_line(p, 5, ",중구,55.8", ",중앙구,55.8")
    _fails(fiscal.load_sigungu, p, "row 5", "행정구역별(2)", "중앙구", "시도 11")

    p = _copy(raw_dir, tmp_path, SGG)
    edit_line(p, 6, "41.7", "41..7")
    _fails(fiscal.load_sigungu, p, "row 6", "재정자립도(세입과목개편후)", "41..7")

    p = _copy(raw_dir, tmp_path, SGG)
    edit_line(p, 4, ",종로구", ",중구")  # 서울 중구 twice
    _fails(fiscal.load_sigungu, p, "row 5", "duplicated", "11140")

    p = _copy(raw_dir, tmp_path, SGG)
    rows = p.read_text(encoding="utf-8").splitlines(keepends=True)
    p.write_text("".join(rows[:1] + rows[3:]), encoding="utf-8")  # first 시군구 before any 시도
    _fails(fiscal.load_sigungu, p, "row 2", "before any 시도")

    p = _copy(raw_dir, tmp_path, SGG)
    rows = p.read_text(encoding="utf-8").splitlines(keepends=True)
    p.write_text("".join(rows[:1] + rows[2:4] + [rows[4].rstrip("\n").rsplit(",", 1)[0] + "\n"] + rows[5:]),
                 encoding="utf-8")
    _fails(fiscal.load_sigungu, p, "row 4", "truncated")

    p = _copy(raw_dir, tmp_path, SGG)
    edit_line(p, 1, "개편후", "개편전")
    _fails(fiscal.load_sigungu, p, "row 1", "개편후")


def test_general_gu_rows_are_excluded_not_added(raw_dir, tmp_path):
    p = _copy(raw_dir, tmp_path, SGG)
    rows = p.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, r in enumerate(rows) if r.startswith(",수원시,"))
    p.write_text("".join(rows[: at + 1] + [",장안구,88.8\n"] + rows[at + 1:]), encoding="utf-8")
    got = fiscal.load_sigungu(p)
    assert len(got) == len(fiscal.load_sigungu(_copy(raw_dir, tmp_path / "ref", SGG)))
    assert 88.8 not in got["value"].tolist()


def test_inputs_missing_when_neither_file(tmp_path):
    with pytest.raises(InputsMissing):
        fiscal.load(tmp_path)


def test_either_file_alone_loads(raw_dir, tmp_path):
    (tmp_path / "fiscal").mkdir()
    shutil.copy(raw_dir / SGG, tmp_path / "fiscal" / SGG.name)
    got = fiscal.load(tmp_path)
    assert set(got["indicator"]) == {"fiscal_self_reliance_sigungu_pct"}
