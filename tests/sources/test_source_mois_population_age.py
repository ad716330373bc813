"""행정안전부 연령별 인구현황 (거주자) source: 시군구 add up to the file's 시도 rows, 229 시군구 and
17 시도 every year, 강원 always 51, no 일반구/출장소 double counting, several files, bad input."""
from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from geo import regions
from indicators.errors import InputsMissing, SourceFileError
from indicators.sources import _files
from indicators.sources import mois_population_age as mois

NAME = "202212_202412_연령별인구현황_연간.csv"
OLD_SIDO = {"42": "51", "45": "52"}  # 강원도, 전라북도 rows of the years before the new names


@pytest.fixture(scope="module")
def raw_file(raw_dir) -> Path:
    return raw_dir / "population" / NAME


@pytest.fixture(scope="module")
def loaded(raw_dir) -> pd.DataFrame:
    return mois.load(raw_dir)


@pytest.fixture(scope="module")
def raw(raw_file) -> pd.DataFrame:
    """The file parsed independently of the loader: code, name, numbers."""
    df = pd.read_csv(raw_file, encoding="cp949", thousands=",", dtype={"행정구역": str})
    m = df["행정구역"].str.extract(r"^(.*?)\s*\((\d{10})\)$")
    return pd.concat([df, pd.DataFrame({"name": m[0].str.strip(), "code": m[1]})], axis=1)


def _value(loaded, code, year, ind="res_population_persons"):
    got = loaded.query("region_code == @code and year == @year and indicator == @ind")["value"]
    assert len(got) == 1, (code, year, ind)
    return got.item()


def _sido_rows(raw, year) -> pd.Series:
    """The file's own 시도 rows for a year, under current codes (rows with no figure dropped)."""
    s = raw[raw["code"].str[2:] == "00000000"]
    col = f"{year}년_거주자_총인구수"
    s = s.dropna(subset=[col])
    return pd.Series(s[col].to_numpy(), index=s["code"].str[:2].replace(OLD_SIDO).to_numpy())


def test_years_come_from_the_header(loaded, raw):
    years = sorted({int(c[:4]) for c in raw.columns if re.match(r"\d{4}년_거주자_총인구수", c)})
    assert years == [2022, 2023, 2024]
    assert sorted(loaded["year"].unique()) == years


def test_every_year_has_229_sigungu_and_17_sido(loaded):
    for (year, ind), g in loaded.dropna(subset=["value"]).groupby(["year", "indicator"]):
        assert set(g.loc[g["region_code"].str.len() == 5, "region_code"]) == set(regions.codes("sigungu")), (year, ind)
        sido = set(g.loc[g["region_code"].str.len() == 2, "region_code"]) - {"00"}
        assert sido == set(regions.codes("sido")), (year, ind)


def test_gangwon_and_jeonbuk_always_under_new_codes(loaded):
    codes = set(loaded["region_code"])
    assert not any(c.startswith(("42", "45")) for c in codes)
    for year in (2022, 2023, 2024):
        assert _value(loaded, "51", year) > 0 and _value(loaded, "52", year) > 0
        assert _value(loaded, "51110", year) > 0  # 춘천시 under 51 even in 2022 (강원도 row)


def test_sigungu_sum_to_the_files_sido_rows(loaded, raw):
    gunwi_2022 = raw.loc[raw["name"] == "경상북도 군위군", "2022년_거주자_총인구수"].item()
    for year in (2022, 2023, 2024):
        tot = loaded[(loaded["year"] == year) & (loaded["indicator"] == "res_population_persons")]
        sgg = tot[tot["region_code"].str.len() == 5]
        sums = sgg.groupby(sgg["region_code"].str[:2])["value"].sum()
        expected = _sido_rows(raw, year)
        assert len(expected) == 17
        diff = (sums - expected).to_dict()
        if year == 2022:  # 군위군 is coded 27720 (대구) but counted in 경북's 2022 row
            assert diff.pop("27") == gunwi_2022 and diff.pop("47") == -gunwi_2022
        assert all(d == 0 for d in diff.values()), (year, diff)


def test_nation_is_the_sum_of_the_files_sido_rows(loaded, raw):
    for year in (2022, 2023, 2024):
        assert _value(loaded, "00", year) == _sido_rows(raw, year).sum()


def test_city_taken_once_not_plus_its_general_gu(loaded, raw):
    city = raw.loc[raw["name"] == "경기도 수원시", "2024년_거주자_총인구수"].item()
    gu = raw.loc[raw["name"].str.startswith("경기도 수원시 "), "2024년_거주자_총인구수"]
    assert len(gu) == 4 and gu.sum() == city  # the 일반구 add up to their city
    assert _value(loaded, "41110", 2024) == city


def test_sub_offices_and_vanished_regions_give_no_rows(loaded, raw):
    assert set(loaded["region_code"]) <= set(regions.table()["region_code"])
    assert raw["name"].str.contains("출장소").any()
    # 군위군: 경북 row in 2022, 대구 row afterwards; the empty cells do not clash or add zeros
    gunwi = raw[raw["name"].str.endswith("군위군")].set_index("code")
    assert _value(loaded, "27720", 2022) == gunwi.loc["4772000000", "2022년_거주자_총인구수"]
    assert _value(loaded, "27720", 2024) == gunwi.loc["2772000000", "2024년_거주자_총인구수"]


def test_age_groups_are_summed_from_their_bands(loaded, raw):
    row = raw[raw["name"] == "전라남도 고흥군"].iloc[0]
    f = sum(row[f"2023년_여_거주자_{b}"] for b in ("20~24세", "25~29세", "30~34세", "35~39세"))
    old_age = r"2023년_거주자_(6[5-9]|[7-9]\d)~\d+세|2023년_거주자_100세 이상"
    old = sum(v for c, v in row.items() if re.fullmatch(old_age, c))
    assert _value(loaded, "46770", 2023, "res_female_20_39_persons") == f
    assert _value(loaded, "46770", 2023, "res_age65plus_persons") == old
    assert 0 < f < old < row["2023년_거주자_총인구수"]


# ---------------------------------------------------------------- files on disk
def _lines(raw_file: Path, n: int | None = None) -> list[str]:
    lines = raw_file.read_bytes().decode("cp949").splitlines(keepends=True)
    return lines if n is None else lines[:n]


def _write(folder: Path, lines: list[str], name: str = NAME, encoding: str = "cp949") -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text("".join(lines), encoding=encoding, newline="")
    return path


def _set_cell(lines: list[str], row: int, column: str, value: str) -> None:
    header = next(csv.reader([lines[0]]))
    cells = next(csv.reader([lines[row - 1]]))
    cells[header.index(column)] = value
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n").writerow(cells)
    lines[row - 1] = out.getvalue()


def _row_of(lines: list[str], text: str) -> int:
    return next(i for i, line in enumerate(lines, start=1) if line.startswith(f'"{text}'))


def _cell(lines: list[str], row: int, column: str) -> str:
    return next(csv.reader([lines[row - 1]]))[next(csv.reader([lines[0]])).index(column)]


def _revise(lines: list[str], row: int, year: int, delta: int) -> None:
    """A consistent revision of one region's total: `delta` more people aged 0–4, all of them men (총인구수,
    연령구간인구수 and the 0~4세 band of 계 and 남), so that the ages still add up and 남 + 여 = 계."""
    for head in (f"{year}년_거주자", f"{year}년_남_거주자"):
        for item in ("총인구수", "연령구간인구수", "0~4세"):
            col = f"{head}_{item}"
            _set_cell(lines, row, col, f"{int(_cell(lines, row, col).replace(',', '')) + delta:,}")


def test_any_year_file_is_read_by_its_header(tmp_path, raw_file):
    lines = _lines(raw_file, 30)
    lines[0] = lines[0].replace("2022년", "2010년").replace("2023년", "2011년").replace("2024년", "2012년")
    out = mois.load(_write(tmp_path / "raw", lines, "201012_201212_연령별인구현황_연간.csv").parent)
    assert sorted(out["year"].unique()) == [2010, 2011, 2012]


OTHER = "202412_202412_연령별인구현황_연간.csv"  # sorts after NAME: wins a tie (no manifest here)


def test_two_files_with_the_same_figures_are_kept_once(tmp_path, raw_file):
    lines = _lines(raw_file, 40)
    one = mois.load(_write(tmp_path / "a", lines).parent)
    _write(tmp_path / "b", lines)
    _write(tmp_path / "b", lines, OTHER)
    with _files.recording(tmp_path / "b") as rec:
        both = mois.load(tmp_path / "b")
    assert rec.conflicts == [] and rec.overlaps == len(one[one["region_code"] != "00"])
    pd.testing.assert_frame_equal(both.drop(columns="source_file"), one.drop(columns="source_file"))
    assert set(both["source_file"]) == {OTHER} and set(one["source_file"]) == {NAME}


def test_two_files_with_different_figures_newest_wins_and_the_clash_is_listed(tmp_path, raw_file):
    """Neither file is in a manifest (equal rank): the later path wins; the clash names both
    files and values; without a recording it is a warning, never silent."""
    lines = _lines(raw_file, 40)
    _write(tmp_path / "b", lines)
    r = _row_of(lines, "서울특별시 중구")
    old = int(_cell(lines, r, "2022년_거주자_총인구수").replace(",", ""))
    _revise(lines, r, 2022, 1)
    _write(tmp_path / "b", lines, OTHER)
    with _files.recording(tmp_path / "b") as rec:
        got = mois.load(tmp_path / "b")
    assert _value(got, "11140", 2022) == old + 1
    [c] = rec.conflicts
    assert (c["indicator"], c["region_code"], c["year"]) == ("res_population_persons", "11140", 2022)
    assert (c["kept_file"], c["kept_value"], c["dropped_file"], c["dropped_value"]) == (OTHER, old + 1, NAME, old)
    assert c["dropped_row"] == r
    with pytest.warns(_files.VintageConflictWarning, match=f"res_population_persons 11140 2022: kept {old + 1}"):
        mois.load(tmp_path / "b")


def test_old_and_new_code_of_one_region_must_not_overlap(tmp_path, raw_file):
    """강원도 춘천시 (old code) given the 2024 figures of 강원특별자치도 춘천시 (new code): one region twice."""
    lines = _lines(raw_file)
    old, new = _row_of(lines, "강원도 춘천시"), _row_of(lines, "강원특별자치도 춘천시")
    for col in next(csv.reader([lines[0]])):
        if col.startswith("2024년"):
            _set_cell(lines, old, col, _cell(lines, new, col))
    path = _write(tmp_path / "raw", lines)
    with pytest.raises(SourceFileError) as e:
        mois.load(path.parent)
    assert str(path) in str(e.value) and "51110" in str(e.value) and "2024" in str(e.value)


def test_duplicated_region_row_raises_with_its_row(tmp_path, raw_file):
    lines = _lines(raw_file, 10)
    assert lines[3].startswith('"서울특별시 중구 (1114000000)"')
    lines.append(lines[3])
    path = _write(tmp_path / "raw", lines)
    with pytest.raises(SourceFileError) as e:
        mois.load(path.parent)
    assert str(path) in str(e.value) and "row 11" in str(e.value) and "11140" in str(e.value)


@pytest.mark.parametrize("old,new,cause", [
    ('"서울특별시 종로구 (1111000000)"', '"서울특별시 종로구 (1199000000)"', "11990"),
    ('"서울특별시 종로구 (1111000000)"', '"서울특별시 종로구"', "10-digit"),
    ('"서울특별시 종로구 (1111000000)"', '"부산광역시 종로구 (1111000000)"', "시도"),
    ('"139,437"', '"약 139천"', "non-numeric"),
])
def test_bad_region_or_value_names_file_row_and_column(tmp_path, raw_file, old, new, cause):
    lines = _lines(raw_file, 10)
    assert old in lines[2]
    lines[2] = lines[2].replace(old, new, 1)
    path = _write(tmp_path / "raw", lines)
    with pytest.raises(SourceFileError) as e:
        mois.load(path.parent)
    msg = str(e.value)
    assert str(path) in msg and "row 3" in msg and cause in msg and "column" in msg


def test_general_gu_without_its_city_row_raises(tmp_path, raw_file):
    lines = [ln for ln in _lines(raw_file, 120) if not ln.startswith('"경기도 수원시 (')]
    path = _write(tmp_path / "raw", lines)
    with pytest.raises(SourceFileError) as e:
        mois.load(path.parent)
    assert str(path) in str(e.value) and "수원시 장안구" in str(e.value) and "41110" in str(e.value)


def test_missing_column_is_named(tmp_path, raw_file):
    lines = _lines(raw_file, 10)
    lines[0] = lines[0].replace("2023년_여_거주자_25~29세", "2023년_여_거주자_25-29세")
    path = _write(tmp_path / "raw", lines)
    with pytest.raises(SourceFileError) as e:
        mois.load(path.parent)
    assert str(path) in str(e.value) and "2023년_여_거주자_25~29세" in str(e.value)


def test_whole_population_file_instead_of_residents_is_refused(tmp_path, raw_file):
    lines = _lines(raw_file, 10)
    lines[0] = lines[0].replace("_거주자_", "_계_")
    with pytest.raises(SourceFileError) as e:
        mois.load(_write(tmp_path / "raw", lines).parent)
    assert "거주자" in str(e.value) and "row 1" in str(e.value)


def test_wrong_encoding_names_the_row(tmp_path, raw_file):
    lines = _lines(raw_file, 10)
    path = _write(tmp_path / "raw", lines)
    data = path.read_bytes().split(b"\n")
    data[5] = data[5].replace(b"(", b"\xff(", 1)
    path.write_bytes(b"\n".join(data))
    with pytest.raises(SourceFileError) as e:
        mois.load(path.parent)
    assert str(path) in str(e.value) and "row 6" in str(e.value) and "cp949" in str(e.value)


def test_truncated_file_cut_mid_row(tmp_path, raw_file):
    text = "".join(_lines(raw_file, 10))
    path = _write(tmp_path / "raw", [text[: text.rindex('",') + 1]])
    with pytest.raises(SourceFileError) as e:
        mois.load(path.parent)
    assert str(path) in str(e.value) and "row 10" in str(e.value) and "truncated" in str(e.value)


def test_empty_file_and_missing_files(tmp_path):
    path = _write(tmp_path / "raw", [""])
    with pytest.raises(SourceFileError) as e:
        mois.load(path.parent)
    assert str(path) in str(e.value) and "empty" in str(e.value)
    (tmp_path / "none").mkdir()
    with pytest.raises(InputsMissing):
        mois.load(tmp_path / "none")


def test_copy_of_the_real_file_loads_like_the_original(tmp_path, raw_file, loaded):
    shutil.copy(raw_file, tmp_path / NAME)
    got = mois.load(tmp_path)
    pd.testing.assert_frame_equal(got.drop(columns="source_file"), loaded.drop(columns="source_file"))
    assert set(got["source_file"]) == {NAME} and set(loaded["source_file"]) == {f"population/{NAME}"}


def test_pre_merger_file_adds_cheongwon_to_cheongju(tmp_path, raw_file, loaded):
    """A file from before 2014 lists 청원군 (4371000000) beside 청주시: its figures are added to
    청주시 (43110), not dropped and not an error. Built from the real file with one added row."""
    lines = _lines(raw_file)
    boeun = _row_of(lines, "충청북도 보은군")
    donor = lines[boeun - 1].replace("충청북도 보은군 (4372000000)", "충청북도 청원군 (4371000000)")
    lines.insert(boeun - 1, donor)
    out = mois.load(_write(tmp_path / "raw", lines).parent)
    cheongju, boeun_pop = _value(loaded, "43110", 2024), _value(loaded, "43720", 2024)
    assert _value(out, "43110", 2024) == cheongju + boeun_pop
    assert _value(out, "43720", 2024) == boeun_pop
