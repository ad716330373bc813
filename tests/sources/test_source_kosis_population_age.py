"""KOSIS DT_1B04005N 주민등록인구 by age: 시도 from row order, file rows as published, 시군구 add up
to their 시도 row, renamed/moved areas, December totals, clear errors on bad input."""
from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from geo import regions
from helpers import source_error, value_of
from indicators.errors import InputsMissing
from indicators.sources import _files
from indicators.sources import kosis_population_age as kpa

ANNUAL = Path("population") / "행정구역별_5세별_주민등록인구_2015-2023.csv"
MONTHLY = Path("population") / "행정구역(읍면동)별5세별_주민등록인구.csv"
YEARS = list(range(2015, 2024))
F2039 = ("20 - 24세", "25 - 29세", "30 - 34세", "35 - 39세")
OLD = ("65 - 69세", "70 - 74세", "75 - 79세", "80 - 84세", "85 - 89세", "90 - 94세", "95 - 99세", "100+")
FEM, OLD65 = "reg_female_20_39_persons", "reg_age65plus_persons"


@pytest.fixture(scope="module")
def loaded(raw_dir) -> pd.DataFrame:
    return kpa.load(raw_dir)


def _csv_rows(path: Path) -> list[list[str]]:
    with open(path, encoding="cp949", newline="") as f:
        return list(csv.reader(f))


@pytest.fixture(scope="module")
def blocks(raw_dir) -> list[dict]:
    """The annual file read independently: every region is 45 consecutive rows (SOURCES.md)."""
    rows = _csv_rows(raw_dir / ANNUAL)
    cols = {i: int(h.split()[0]) for i, h in enumerate(rows[0]) if h.endswith("년")}
    body = rows[1:]
    assert len(body) % 45 == 0
    out = []
    for b in range(len(body) // 45):
        part = body[b * 45:(b + 1) * 45]
        assert len({r[0] for r in part}) == 1
        cell = {(r[1], r[2][:2]): {y: r[i] for i, y in cols.items()} for r in part}

        def total(bands, sex, cell=cell):
            got = {}
            for y in cols.values():
                cells = [cell[(band, sex)][y] for band in bands]
                got[y] = sum(float(c) for c in cells) if all(c for c in cells) else np.nan
            return got

        out.append({"name": part[0][0], "row": b * 45 + 2, FEM: total(F2039, "여자"), OLD65: total(OLD, "총인")})
    return out


def _sido_names() -> dict[str, str]:
    """The 17 시도 of the end-2024 set (the file's), by name."""
    t = regions.table().loc[regions.codes("sido", "2024")]
    return dict(zip(t["name_ko"], t["region_code"]))


def _structure(blocks) -> list[tuple[str, dict, list[dict]]]:
    """(sido code, sido block, its following sub-blocks) in file order; 전국 is code '00'."""
    names, out = _sido_names(), []
    for b in blocks:
        if b["name"] == "전국" or (b["name"] in names and (not out or out[-1][0] != names[b["name"]])):
            out.append(("00" if b["name"] == "전국" else names[b["name"]], b, []))
        else:
            out[-1][2].append(b)
    return out


# ---- real data -----------------------------------------------------------------------------

def test_region_counts_every_year(loaded):
    for ind in (FEM, OLD65):
        d = loaded[loaded["indicator"] == ind]
        for year in YEARS:
            y = d[d["year"] == year].dropna(subset=["value"])
            assert set(y.loc[y["region_code"].str.len() == 5, "region_code"]) == set(regions.codes("sigungu"))
            assert set(y.loc[y["region_code"].str.len() == 2, "region_code"]) == set(regions.codes("sido")) | {"00"}
            assert (y["value"] > 0).all()
    assert set(loaded["year"]) == set(YEARS)


def test_nation_and_sido_are_the_files_own_rows(loaded, blocks):
    struct = _structure(blocks)
    assert [s[0] for s in struct][:2] == ["00", "11"] and len(struct) == 18
    for code, sido_block, _ in struct:
        for ind in (FEM, OLD65):
            for year in YEARS:
                assert value_of(loaded, ind, code, year) == sido_block[ind][year], (ind, code, year)
    for ind in (FEM, OLD65):  # and the file's 시도 rows add up to its 전국 row
        for year in YEARS:
            assert sum(s[1][ind][year] for s in struct[1:]) == struct[0][1][ind][year]


def test_sigungu_add_up_to_their_sido_rows(loaded, blocks):
    """Loader 시군구 summed by parent = the file's 시도 row; 대구+경북 together, because 군위군
    (27720) sits in the 경북 row until 2022 and in the 대구 row from 2023."""
    sido = {s[0]: s[1] for s in _structure(blocks)}
    reg = regions.table()
    sgg = loaded[loaded["region_code"].str.len() == 5]
    sgg = sgg.assign(parent=sgg["region_code"].map(reg["parent_code"]).replace({"47": "27"}))
    sums = sgg.groupby(["indicator", "year", "parent"])["value"].sum()
    for ind in (FEM, OLD65):
        for year in YEARS:
            for code, block in sido.items():
                if code in ("00", "47"):
                    continue
                want = block[ind][year] + (sido["47"][ind][year] if code == "27" else 0)
                assert sums[(ind, year, code)] == want, (ind, year, code)


def test_raw_file_gunwi_is_backfilled_under_daegu(blocks):
    """The file itself: each 시도 row = its 시/군/구 rows, except 대구 before 2023, which is short of
    exactly its own 군위군 row (listed under 대구 for all years, under 경북 until 2022)."""
    for code, sido_block, subs in _structure(blocks):
        if code == "00":
            continue
        subs = [b for b in subs if not b["name"].endswith("출장소")]
        for ind in (FEM, OLD65):
            for year in YEARS:
                total = sum(b[ind][year] for b in subs if not np.isnan(b[ind][year]))
                gunwi = [b[ind][year] for b in subs if b["name"] == "군위군"]
                extra = gunwi[0] if code == "27" and year < 2023 else 0
                assert total - extra == sido_block[ind][year], (code, ind, year)


def test_renamed_and_moved_areas_take_the_row_that_has_figures(loaded, blocks):
    struct = {s[0]: s[2] for s in _structure(blocks)}
    by = {(c, b["name"]): b for c, subs in struct.items() for b in subs}
    for year in YEARS:
        old, new = by[("28", "남구")][FEM][year], by[("28", "미추홀구")][FEM][year]
        assert np.isnan(new) if year < 2018 else np.isnan(old)
        assert value_of(loaded, FEM, "28177", year) == (old if year < 2018 else new)
        daegu, gyeongbuk = by[("27", "군위군")][OLD65][year], by[("47", "군위군")][OLD65][year]
        assert value_of(loaded, OLD65, "27720", year) == daegu
        assert (gyeongbuk == daegu) if year < 2023 else np.isnan(gyeongbuk)
    sejong = _structure(blocks)[8]
    assert sejong[0] == "36" and sejong[2][0]["name"] == "세종특별자치시"
    for year in YEARS:
        assert value_of(loaded, FEM, "36110", year) == value_of(loaded, FEM, "36", year) == sejong[1][FEM][year]


def test_same_names_in_different_sido_are_kept_apart(loaded, blocks):
    by = {(c, b["name"]): b for c, _, subs in _structure(blocks) for b in subs}
    for sido, name, code in (("11", "중구", "11140"), ("26", "중구", "26110"), ("51", "고성군", "51820"),
                             ("48", "고성군", "48820"), ("26", "강서구", "26440"), ("11", "강서구", "11500")):
        assert regions.require(code)["name_ko"] == name
        assert value_of(loaded, OLD65, code, 2020) == by[(sido, name)][OLD65][2020]


def test_suboffice_rows_are_in_the_file_but_not_regions(loaded, blocks):
    subs = [b["name"] for b in blocks if b["name"].endswith("출장소")]
    assert subs  # 경기 북부출장소, 강원 동해출장소
    assert set(loaded["region_code"]) <= set(regions.codes("sigungu")) | set(regions.codes("sido")) | {"00"}


def test_december_totals(loaded, raw_dir):
    rows = _csv_rows(raw_dir / MONTHLY)
    dec = {i: int(h[:4]) for i, h in enumerate(rows[0]) if h.strip().endswith(".12 월")}
    names = {**_sido_names(), "전국": "00"}
    tot = loaded[loaded["indicator"] == "reg_age_total_persons"]
    assert set(tot["region_code"]) == set(names.values()) and set(tot["year"]) == set(YEARS)
    n = 0
    for r in rows[1:]:
        if r[1] == "계" and r[2].startswith("총인구수"):
            for i, year in dec.items():
                assert value_of(loaded, "reg_age_total_persons", names[r[0]], year) == float(r[i])
                n += 1
    assert n == 18 * len(YEARS)
    nation = tot[tot["region_code"] == "00"].set_index("year")["value"]
    sido_sum = tot[tot["region_code"] != "00"].groupby("year")["value"].sum()
    assert (nation == sido_sum).all()


def test_annual_figures_are_the_december_figures(loaded, raw_dir):
    """Cross-file: women 20–39 of each 시도 from the monthly table's December = annual loader value."""
    rows = _csv_rows(raw_dir / MONTHLY)
    dec = {i: int(h[:4]) for i, h in enumerate(rows[0]) if h.strip().endswith(".12 월")}
    names = {**_sido_names(), "전국": "00"}
    want: dict[tuple[str, int], float] = {}
    for r in rows[1:]:
        if r[1] in F2039 and r[2].startswith("여자"):
            for i, year in dec.items():
                want[(names[r[0]], year)] = want.get((names[r[0]], year), 0.0) + float(r[i])
    for (code, year), v in want.items():
        assert value_of(loaded, FEM, code, year) == v


def test_indicator_metadata():
    meta = {i.id: i for i in kpa.INDICATORS}
    assert set(meta) == {FEM, OLD65, "reg_age_total_persons"}
    assert all(i.basis == "주민등록인구 (KOSIS DT_1B04005N, 등록 기준)" and i.additive for i in meta.values())
    assert meta["reg_age_total_persons"].levels == ("sido",)


# ---- other downloads of the same table ------------------------------------------------------

def _lines(raw_dir: Path, rel: Path = ANNUAL) -> list[str]:
    return (raw_dir / rel).read_text(encoding="cp949").splitlines(keepends=True)


def _write(root: Path, text: str | bytes, name: str = ANNUAL.name) -> Path:
    path = root / "population" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("cp949"))
    return path


def _first_blocks(raw_dir: Path, n: int) -> list[str]:
    return _lines(raw_dir)[: 1 + 45 * n]


def test_years_are_read_from_the_header_and_old_names_resolve(tmp_path, raw_dir):
    lines = _first_blocks(raw_dir, 3)  # 전국, 서울, 종로구
    for y in range(2015, 2024):  # every year two earlier (a gap would be refused as a deleted column)
        lines[0] = lines[0].replace(f'"{y} 년"', f'"{y - 2} 년"')
    _write(tmp_path, "".join(lines).replace('"2015 년"', '"2015년"'), "행정구역별_5세별_주민등록인구_2013-2021.csv")
    got = kpa.load(tmp_path)
    assert set(got["year"]) == set(range(2013, 2022))
    assert set(got["region_code"]) == {"00", "11", "11110"}

    gw = [line for line in _lines(raw_dir) if line.startswith(('"강원특별자치도"', '"춘천시"'))]
    gg = [line for line in _lines(raw_dir) if line.startswith(('"경기도"', '"여주시"'))]
    old = "".join(gw + gg).replace("강원특별자치도", "강원도").replace("여주시", "여주군")
    case = tmp_path / "old"
    _write(case, _lines(raw_dir)[0] + old)
    got = kpa.load(case)
    assert set(got["region_code"]) == {"51", "51110", "41", "41670"}


def test_overlapping_downloads_newest_wins_and_clashes_are_listed(tmp_path, raw_dir, blocks):
    """Two annual downloads, neither in a manifest (equal rank: the later path, '…_copy.csv',
    wins): equal figures are kept once; a changed cell in the copy is used and listed."""
    lines = _first_blocks(raw_dir, 3)
    _write(tmp_path, "".join(lines))
    _write(tmp_path, "".join(lines), "행정구역별_5세별_주민등록인구_copy.csv")
    one = kpa.load_file(tmp_path / "population" / ANNUAL.name, kpa.ANNUAL)
    with _files.recording(tmp_path) as rec:
        got = kpa.load(tmp_path)
    assert len(got) == len(one) and rec.conflicts == [] and rec.overlaps == len(one)
    changed = lines[:]
    i = next(n for n, line in enumerate(lines) if line.startswith('"서울특별시","20 - 24세","여자'))
    cells = changed[i].split(",")
    old = float(cells[4].strip('"'))
    cells[4] = '"1"'  # 2015 년
    changed[i] = ",".join(cells)
    _write(tmp_path, "".join(changed), "행정구역별_5세별_주민등록인구_copy.csv")
    seoul = next(b for b in blocks if b["name"] == "서울특별시")[FEM][2015]
    with _files.recording(tmp_path) as rec:
        got = kpa.load(tmp_path)
    assert value_of(got, FEM, "11", 2015) == seoul - old + 1
    [c] = rec.conflicts
    assert (c["indicator"], c["region_code"], c["year"]) == (FEM, "11", 2015)
    assert (c["kept_file"], c["kept_value"]) == ("population/행정구역별_5세별_주민등록인구_copy.csv", seoul - old + 1)
    assert (c["dropped_file"], c["dropped_value"]) == (ANNUAL.as_posix(), seoul)


def test_an_empty_cell_no_mark_declares_is_refused(tmp_path, raw_dir):
    """An empty cell where kosis_population_age.yaml declares none would drop (or, summed, shrink) a
    figure: it stops the load naming row and column (it was read as missing before issue 22)."""
    lines = _first_blocks(raw_dir, 3)
    i = next(n for n, line in enumerate(lines) if line.startswith('"종로구","25 - 29세","여자'))
    cells = lines[i].split(",")
    cells[5] = '""'  # 2016 년
    lines[i] = ",".join(cells)
    _write(tmp_path, "".join(lines))
    _expect_error(tmp_path, f"row {i + 1}", "column '2016 년'", "empty cell")


def test_declared_empty_rows_give_the_figure_of_the_row_in_use(loaded, raw_dir):
    """인천 남구 / 미추홀구 (renamed 2018): each row is empty for the years of the other name (declared
    marks). 28177 takes each year's figure from the row that has it, never NaN or a partial sum:
    women 20–39 summed here from the raw rows under 인천광역시."""
    rows, sido, want = _csv_rows(raw_dir / ANNUAL), None, {}
    cols = {i: int(h.split()[0]) for i, h in enumerate(rows[0]) if h.endswith("년")}
    for r in rows[1:]:
        name = r[0].strip()
        sido = name if name.endswith(("특별시", "광역시", "특별자치시", "도")) else sido
        if sido == "인천광역시" and name in ("남구", "미추홀구") and r[2].startswith("여자") \
                and r[1].strip() in ("20 - 24세", "25 - 29세", "30 - 34세", "35 - 39세"):
            for i, year in cols.items():
                if r[i].strip():
                    want[year] = want.get(year, 0) + int(r[i])
    assert sorted(want) == list(range(2015, 2024))
    for year, v in want.items():
        assert value_of(loaded, FEM, "28177", year) == v


def test_absent_files_are_inputs_missing(tmp_path):
    with pytest.raises(InputsMissing):
        kpa.load(tmp_path)


# ---- bad input ------------------------------------------------------------------------------

def _expect_error(root: Path, *parts: str, name: str = ANNUAL.name) -> str:
    return source_error(lambda: kpa.load(root), root / "population" / name, *parts)

def test_wrong_encoding(tmp_path, raw_dir):
    _write(tmp_path, "".join(_first_blocks(raw_dir, 2)).encode("utf-16"))
    _expect_error(tmp_path, "row 1", "not readable as")


def test_missing_column(tmp_path, raw_dir):
    out = io.StringIO()
    rows = csv.reader(_first_blocks(raw_dir, 2))
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(r[:2] + r[3:] for r in rows)
    _write(tmp_path, out.getvalue())  # 항목 dropped
    _expect_error(tmp_path, "항목", "missing")


def test_duplicated_row(tmp_path, raw_dir):
    lines = _first_blocks(raw_dir, 3)
    _write(tmp_path, "".join(lines[:60] + [lines[59]] + lines[60:]))
    _expect_error(tmp_path, "row 61", "repeated or missing")


def test_duplicated_region_block(tmp_path, raw_dir):
    lines = _first_blocks(raw_dir, 3)
    _write(tmp_path, "".join(lines + lines[91:136]))  # 종로구 twice in a row under 서울
    _expect_error(tmp_path, "row 137", "duplicated")
    _write(tmp_path, "".join(lines[:1] + lines[46:] + lines[1:46] + lines[91:136]))  # 종로구 again after 전국
    _expect_error(tmp_path, "row 137", "before any 시도")


def test_non_numeric_value(tmp_path, raw_dir):
    lines = _first_blocks(raw_dir, 2)
    cells = lines[50].split(",")
    cells[6] = '"12x45"'  # 2017 년
    lines[50] = ",".join(cells)
    _write(tmp_path, "".join(lines))
    _expect_error(tmp_path, "row 51", "2017 년", "12x45")


def test_unknown_region_name(tmp_path, raw_dir):
    lines = _first_blocks(raw_dir, 3)
    lines[91:136] = [line.replace("종로구", "종로군", 1) for line in lines[91:136]]
    _write(tmp_path, "".join(lines))
    _expect_error(tmp_path, "row 92", "'행정구역(동읍면)별'", "종로군")


def test_unknown_band_and_unit(tmp_path, raw_dir):
    lines = _first_blocks(raw_dir, 2)
    _write(tmp_path, "".join(lines).replace('"100+"', '"100세+"'))
    _expect_error(tmp_path, "5세별", "100세+")
    _write(tmp_path, "".join(lines).replace('"명"', '"천명"'))
    _expect_error(tmp_path, "row 2", "단위", "천명")


def test_empty_file(tmp_path):
    _write(tmp_path, b"")
    _expect_error(tmp_path, "empty")


def test_truncated_mid_row(tmp_path, raw_dir):
    lines = _first_blocks(raw_dir, 3)
    _write(tmp_path, "".join(lines[:100]) + lines[100][:40])
    _expect_error(tmp_path, "row 101", "truncated")


def test_monthly_file_errors_name_it(tmp_path, raw_dir):
    lines = _lines(raw_dir, MONTHLY)[:67]
    lines[0] = lines[0].replace(".12 월", ".13 월")  # no December column left
    _write(tmp_path, "".join(lines), MONTHLY.name)
    _expect_error(tmp_path, "row 1", "December", name=MONTHLY.name)


def test_unnamed_column_with_values(tmp_path, raw_dir):
    lines = _first_blocks(raw_dir, 2)
    lines[10] = lines[10].rstrip("\r\n").rstrip(",") + ',"7"\r\n'
    _write(tmp_path, "".join(lines))
    _expect_error(tmp_path, "row 11", "unnamed column")


def test_real_copy_elsewhere_is_found_recursively(tmp_path, raw_dir):
    (tmp_path / "x" / "population").mkdir(parents=True)
    shutil.copy(raw_dir / MONTHLY, tmp_path / "x" / MONTHLY)
    got = kpa.load(tmp_path)
    assert set(got["indicator"]) == {"reg_age_total_persons"}
