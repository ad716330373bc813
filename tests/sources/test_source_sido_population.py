"""시도 주민등록인구 1992–2024 and births/deaths: national = Σ 시도 in every file, Ulsan sub-area
rows not double counted, KOSIS and MOIS agree where both exist, 세종 absent (not 0) before 2012,
bad input in each of the three files."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from geo import regions
from geo.crosswalk import sido_code_for_name
from indicators.errors import InputsMissing, SourceFileError
from indicators.sources import _files
from indicators.sources import sido_population as sp

KOSIS = "Resident_Population_by_City__County__and_District_1992-2020.csv"
MOIS = "200812_202412_Korean_Annual_Population.csv"
TRENDS = "population_trends.csv"
ENC = {KOSIS: "utf-8", MOIS: "cp949", TRENDS: "utf-8"}
SIDO = set(regions.codes("sido"))


@pytest.fixture(scope="module")
def loaded(raw_dir) -> pd.DataFrame:
    return sp.load(raw_dir)


@pytest.fixture(scope="module")
def kosis(raw_dir) -> pd.DataFrame:
    """KOSIS file parsed independently: name × year, '-' → NaN."""
    df = pd.read_csv(raw_dir / "population" / KOSIS, na_values="-", index_col=0)
    df.columns = df.columns.astype(int)
    return df


@pytest.fixture(scope="module")
def mois(raw_dir) -> pd.DataFrame:
    """MOIS annual file parsed independently: Korean name × year of 총인구수."""
    df = pd.read_csv(raw_dir / "population" / MOIS, encoding="cp949", thousands=",", index_col=0)
    tot = df[[c for c in df.columns if c.endswith("년_계_총인구수")]]
    tot.columns = [int(c[:4]) for c in tot.columns]
    return tot


@pytest.fixture(scope="module")
def trends(raw_dir) -> pd.DataFrame:
    return pd.read_csv(raw_dir / "population" / TRENDS, na_values="-")


def _series(loaded, ind, code) -> pd.Series:
    s = loaded[(loaded["indicator"] == ind) & (loaded["region_code"] == code)]
    return s.set_index("year")["value"]


def _sido_rows(loaded, ind) -> pd.DataFrame:
    return loaded[(loaded["indicator"] == ind) & (loaded["region_code"] != "00")]


def test_one_series_1992_2024_with_nation_every_year(loaded):
    nat = _series(loaded, "reg_population_persons", "00")
    assert list(nat.index) == list(range(1992, 2025)) and nat.notna().all()
    counts = _sido_rows(loaded, "reg_population_persons").groupby("year")["region_code"].apply(set)
    assert all(c == SIDO - {"31", "36"} for c in counts[counts.index < 1997])
    assert all(c == SIDO - {"36"} for c in counts[(counts.index >= 1997) & (counts.index < 2012)])
    assert all(c == SIDO for c in counts[counts.index >= 2012])


def test_kosis_years_national_is_sum_of_sido_without_ulsan_subareas(loaded, kosis):
    sub = kosis.index.str.startswith("(")
    assert sub.sum() == 2
    nat = _series(loaded, "reg_population_persons", "00")
    for year in kosis.columns:
        assert nat[year] == kosis.loc[~sub, year].sum(), year
    # 1995: the parenthesised Ulsan-si row would add ~1 M persons twice
    with_sub = kosis[1995].sum()
    assert with_sub - nat[1995] == kosis.loc["(Ulsan-si)", 1995] > 900_000
    assert nat[1995] == sum(kosis.loc[n, 1995] for n in kosis.index[~sub] if pd.notna(kosis.loc[n, 1995]))


def test_kosis_values_taken_as_published(loaded, kosis):
    for name, code in (("Gyeongsangnam-do", "48"), ("Sejong_si", "36"), ("Gangwon-do", "51")):
        s = _series(loaded, "reg_population_persons", code)
        exp = kosis.loc[name].dropna()
        assert (s.loc[exp.index] == exp).all(), name
    assert 1996 not in _series(loaded, "reg_population_persons", "31").index  # '-' → no row


def test_mois_years_come_from_the_mois_file_and_its_nation_is_the_sum(loaded, mois):
    for year in range(2021, 2025):
        rows = _sido_rows(loaded, "reg_population_persons").query("year == @year").set_index("region_code")["value"]
        exp = {sido_code_for_name(n): v for n, v in mois[year].items() if n != "전국"}
        assert rows.to_dict() == exp
        assert _series(loaded, "reg_population_persons", "00")[year] == mois.loc["전국", year] == sum(exp.values())
    for year in mois.columns:  # the national row of the MOIS file is the sum of its 시도, every year
        assert mois.loc["전국", year] == mois[year].drop("전국").sum()


def test_kosis_and_mois_agree_in_every_overlapping_year(kosis, mois):
    overlap = sorted(set(kosis.columns) & set(mois.columns))
    assert overlap == list(range(2008, 2021))
    k = {(sido_code_for_name(n.replace("_", "-")), y): kosis.loc[n, y] for n in kosis.index if not n.startswith("(")
         for y in overlap if pd.notna(kosis.loc[n, y])}
    m = {(sido_code_for_name(n), y): mois.loc[n, y] for n in mois.index if n != "전국" for y in overlap
         if mois.loc[n, y] > 0}
    assert k == m and len(k) == 17 * 13 - 4  # 세종 from 2012


def test_births_and_deaths_nation_is_sum_and_sejong_absent_before_2012(loaded, trends):
    for ind, col in (("reg_births_persons", "출생아수(명)"), ("reg_deaths_persons", "사망자수(명)")):
        nat = _series(loaded, ind, "00")
        assert list(nat.index) == list(range(2008, 2024))
        for year, g in trends.groupby("연도"):
            assert nat[year] == g.loc[g["지역"] == "전국", col].item() == g.loc[g["지역"] != "전국", col].sum()
        sejong = _series(loaded, ind, "36")
        assert list(sejong.index) == list(range(2012, 2024)) and (sejong > 0).all()
        got = _series(loaded, ind, "47")
        exp = trends[trends["지역"] == "경북"].set_index("연도")[col]
        assert (got == exp).all()


# ---------------------------------------------------------------- bad input
def _copy(raw_dir: Path, folder: Path, name: str, edit=None) -> Path:
    """Copy one raw file into folder, optionally editing its lines (list of str, no line ends)."""
    folder.mkdir(exist_ok=True)
    src = raw_dir / "population" / name
    path = folder / name
    if edit is None:
        shutil.copy(src, path)
        return path
    lines = src.read_bytes().decode(ENC[name]).splitlines()
    path.write_bytes(("\n".join(edit(lines)) + "\n").encode(ENC[name]))
    return path


def _replace(row: int, old: str, new: str):
    def edit(lines):
        assert old in lines[row - 1], (row, old)
        lines[row - 1] = lines[row - 1].replace(old, new, 1)
        return lines
    return edit


BAD = [
    (KOSIS, _replace(3, "Busan", "Atlantis"), ["row 3", "Atlantis"]),
    (KOSIS, _replace(2, "10550871", "10.5 M"), ["row 2", "'1995'", "non-numeric"]),
    (KOSIS, lambda ls: ls + [ls[3]], ["row 21", "duplicated", "27"]),
    (KOSIS, _replace(1, "By Administrative District", "District"), ["row 1", "By Administrative District"]),
    (KOSIS, lambda ls: ls[:5] + [ls[5][:40]], ["row 6", "truncated"]),
    (MOIS, _replace(4, "부산광역시", "부산광역도"), ["row 4", "부산광역도", "행정구역"]),
    (MOIS, _replace(3, "10,200,827", "1천만"), ["row 3", "2008년_계_총인구수", "non-numeric"]),
    (MOIS, lambda ls: ls + [ls[2].replace("서울특별시", "서울")], ["row 20", "duplicated", "11"]),
    (MOIS, lambda ls: [ls[0].replace("년_계_총인구수", "년_총인구수")] + ls[1:], ["row 1", "총인구수"]),
    (TRENDS, _replace(3, "서울", "서울시청"), ["row 3", "서울시청", "지역"]),
    (TRENDS, _replace(4, "26670.0", "약 2만"), ["row 4", "출생아수(명)", "non-numeric"]),
    (TRENDS, lambda ls: ls + [ls[2]], ["row 290", "duplicated"]),
    (TRENDS, lambda ls: [ls[0].replace(",사망자수(명)", "")] + [x.rsplit(",", 1)[0] for x in ls[1:]],
     ["row 1", "사망자수(명)"]),
    (TRENDS, lambda ls: ls[:10] + [ls[10][:8]], ["row 11", "truncated"]),
]


@pytest.mark.parametrize("name,edit,expect", BAD, ids=[f"{n[:8]}-{i}" for i, (n, _, _) in enumerate(BAD)])
def test_bad_input_names_file_row_and_cause(tmp_path, raw_dir, name, edit, expect):
    path = _copy(raw_dir, tmp_path / "raw", name, edit)
    with pytest.raises(SourceFileError) as e:
        sp.load(path.parent)
    msg = str(e.value)
    assert str(path) in msg and all(x in msg for x in expect), msg


@pytest.mark.parametrize("name", [KOSIS, MOIS, TRENDS])
def test_wrong_encoding_and_empty_file(tmp_path, raw_dir, name):
    path = _copy(raw_dir, tmp_path / "raw", name)
    data = path.read_bytes().split(b"\n")
    data[4] = b"\xff" + data[4]
    path.write_bytes(b"\n".join(data))
    with pytest.raises(SourceFileError) as e:
        sp.load(path.parent)
    assert str(path) in str(e.value) and "row 5" in str(e.value) and "not readable" in str(e.value)
    path.write_bytes(b"")
    with pytest.raises(SourceFileError) as e:
        sp.load(path.parent)
    assert str(path) in str(e.value) and "empty" in str(e.value)


def test_each_file_alone_loads_its_own_part(tmp_path, raw_dir, loaded):
    _copy(raw_dir, tmp_path / "m", MOIS)
    only_mois = sp.load(tmp_path / "m")
    assert set(only_mois["indicator"]) == {"reg_population_persons"}
    assert sorted(only_mois["year"].unique()) == list(range(2008, 2025))
    assert 2011 not in _series(only_mois, "reg_population_persons", "36").index  # total 0 → no row
    _copy(raw_dir, tmp_path / "t", TRENDS)
    assert set(sp.load(tmp_path / "t")["indicator"]) == {"reg_births_persons", "reg_deaths_persons"}
    (tmp_path / "none").mkdir()
    with pytest.raises(InputsMissing):
        sp.load(tmp_path / "none")


def test_two_kosis_files_newest_wins_and_clashes_are_listed(tmp_path, raw_dir, kosis):
    """Two KOSIS downloads, neither in a manifest (equal rank: the later path, sub/, wins): equal
    copies are kept once; a changed cell is used from the winner and the clash listed."""
    folder = tmp_path / "raw"
    _copy(raw_dir, folder, KOSIS)
    one = sp.load(folder)
    other = folder / "sub" / KOSIS.replace("1992-2020", "1992-2020b")
    other.parent.mkdir()
    shutil.copy(folder / KOSIS, other)
    with _files.recording(folder) as rec:
        got = sp.load(folder)
    assert rec.conflicts == []
    pd.testing.assert_frame_equal(got.drop(columns="source_file"), one.drop(columns="source_file"))
    seoul = int(kosis.loc["Seoul", 1995])
    line = next(x for x in other.read_text().splitlines() if x.startswith("Seoul,"))
    assert line.split(",")[list(kosis.columns).index(1995) + 1] == str(seoul)
    other.write_text(other.read_text().replace(line, line.replace(f",{seoul},", f",{seoul + 1},", 1)))
    with _files.recording(folder) as rec:
        got = sp.load(folder)
    assert _series(got, "reg_population_persons", "11")[1995] == seoul + 1
    # the file has no national row: each file's '00' is the sum of its 시도, so it clashes too
    c, nation = sorted(rec.conflicts, key=lambda c: c["region_code"], reverse=True)
    assert (c["indicator"], c["region_code"], c["year"]) == ("reg_population_persons", "11", 1995)
    assert (c["kept_file"], c["kept_value"]) == (f"sub/{other.name}", seoul + 1)
    assert (c["dropped_file"], c["dropped_value"]) == (KOSIS, seoul)
    assert (nation["region_code"], nation["year"], nation["kept_file"]) == ("00", 1995, f"sub/{other.name}")
    assert nation["kept_value"] - nation["dropped_value"] == 1
