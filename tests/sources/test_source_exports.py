"""K-stat exports/imports: 전국 + 10 시도 only (경기 absent, never estimated), partial latest
year excluded, values as published, bad input."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pandas as pd
import pytest

from helpers import edit_line, source_error
from indicators.errors import InputsMissing
from indicators.sources import _files, exports

REL = Path("exports") / "kita_regional_yearly.csv"
SHORT = {"서울": "11", "인천": "28", "부산": "26", "대구": "27", "광주": "29", "대전": "30", "울산": "31",
         "세종": "36", "충남": "44", "충북": "43"}


@pytest.fixture(scope="module")
def loaded(raw_dir) -> pd.DataFrame:
    return exports.load(raw_dir)


@pytest.fixture(scope="module")
def raw(raw_dir) -> list[dict]:
    with open(raw_dir / REL, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_ten_sido_and_nation_present_gyeonggi_absent(loaded):
    codes = set(loaded["region_code"])
    assert codes == set(SHORT.values()) | {"00"}
    assert "41" not in codes  # 경기: absent, no row at all (not 0, not estimated)
    cov = exports.coverage(loaded)
    assert set(cov.loc[cov["covered"], "region_code"]) == set(exports.COVERED_SIDO) == set(SHORT.values())
    assert not cov.set_index("region_code").loc["41", "covered"]
    assert "경기" in exports.INDICATORS[0].note


def test_partial_latest_year_is_excluded(loaded, raw):
    latest = max(int(r["연도"]) for r in raw)
    assert latest == 2026
    assert loaded["year"].max() == latest - 1 and loaded["year"].min() == 2000
    assert latest not in set(loaded["year"])


def test_values_as_published(loaded, raw):
    for r in raw:
        year = int(r["연도"])
        if year not in (2000, 2012, 2025):
            continue
        code = "00" if r["지역명"] == "전국" else SHORT[r["지역명"]]  # noqa: F841 — read by .query (@code)
        got = loaded.query("region_code == @code and year == @year").set_index("indicator")["value"]
        assert got["exports_usd_th"] == float(r["수출_금액"])
        assert got["imports_usd_th"] == float(r["수입_금액"])


def test_nation_at_least_the_sum_of_the_ten(loaded, raw):
    nat = {int(r["연도"]): float(r["수출_금액"]) for r in raw if r["지역명"] == "전국"}
    ten = loaded[(loaded["indicator"] == "exports_usd_th") & (loaded["region_code"] != "00")]
    sums = ten.groupby("year")["value"].sum()
    for year, s in sums.items():
        assert nat[year] >= s
        assert s / nat[year] < 0.7  # seven 시도 missing: clearly short of the nation


def test_sejong_starts_2012(loaded):
    sj = loaded[(loaded["region_code"] == "36")]
    assert sj["year"].min() == 2012 and sj["value"].notna().all()


# --- bad input -------------------------------------------------------------------------------

def _copy(raw_dir: Path, tmp_path: Path, lines: int | None = None) -> Path:
    dst = tmp_path / REL.name
    text = (raw_dir / REL).read_text(encoding="utf-8-sig").splitlines(keepends=True)
    dst.write_text("".join(text[:lines] if lines else text), encoding="utf-8")
    return dst


def _fails(path: Path, *parts: str) -> None:
    source_error(lambda: exports.load(path.parent), path, *parts)

def test_bad_inputs(raw_dir, tmp_path):
    p = _copy(raw_dir, tmp_path, 40)
    edit_line(p, 3, "17517299", '"17,517,299"')  # quoted thousands separators are accepted
    assert exports.load(tmp_path).query("region_code == '29' and year == 2025 and "
                                        "indicator == 'exports_usd_th'")["value"].item() == 17517299

    edit_line(p, 3, '"17,517,299"', "N/A")
    _fails(p, "row 3", "수출_금액", "'N/A'")

    p = _copy(raw_dir, tmp_path, 40)
    edit_line(p, 4, ",광주,", ",광쥬,")
    _fails(p, "row 4", "지역명", "광쥬")

    p = _copy(raw_dir, tmp_path, 40)
    rows = p.read_text(encoding="utf-8").splitlines(keepends=True)
    p.write_text("".join(rows + [rows[5]]), encoding="utf-8")
    _fails(p, "row 41", "duplicated", "region_code=29")

    p = _copy(raw_dir, tmp_path, 40)
    edit_line(p, 5, ",2023,연간", ",2022,연간")  # 연도 disagrees with 년월
    _fails(p, "row 5", "연도", "2023년")

    p = _copy(raw_dir, tmp_path, 40)
    edit_line(p, 7, ",연간,", ",월간,")
    _fails(p, "row 7", "집계단위", "월간")

    p = _copy(raw_dir, tmp_path, 40)
    rows = p.read_text(encoding="utf-8").splitlines(keepends=True)
    p.write_text("".join(r.replace(",수입_금액,", ",수입금액,") for r in rows), encoding="utf-8")
    _fails(p, "row 1", "수입_금액", "missing")

    p = _copy(raw_dir, tmp_path, 40)
    text = p.read_text(encoding="utf-8")
    p.write_text(text[: text.index("2020년") + 20], encoding="utf-8")
    _fails(p, "row 8", "truncated")

    p.write_bytes(_copy(raw_dir, tmp_path, 40).read_text(encoding="utf-8").encode("cp949"))
    _fails(p, "row 1", "utf-8")  # the header is Korean already

    p.write_bytes(b"  \n")
    _fails(p, "empty")


def test_inputs_missing(tmp_path):
    with pytest.raises(InputsMissing):
        exports.load(tmp_path)


def test_two_downloads_newest_wins_and_clashes_are_listed(raw_dir, tmp_path, loaded):
    """Two downloads (neither in a manifest: equal rank, the later path wins): equal copies are
    kept once with no conflict; a changed cell in the losing copy is listed, never used."""
    shutil.copy(raw_dir / REL, tmp_path / "kita_regional_yearly.csv")
    shutil.copy(raw_dir / REL, tmp_path / "kita_regional_yearly (1).csv")
    with _files.recording(tmp_path) as rec:
        got = exports.load(tmp_path)
    assert rec.conflicts == [] and rec.overlaps == len(loaded)
    pd.testing.assert_frame_equal(got.drop(columns="source_file"), loaded.drop(columns="source_file"))
    assert set(got["source_file"]) == {"kita_regional_yearly.csv"}  # sorts after '… (1).csv'
    older = tmp_path / "kita_regional_yearly (1).csv"
    text = older.read_text(encoding="utf-8-sig")
    assert "\n2025년,17517299," in text and ",광주,2025,연간" in text.split("\n2025년,17517299,")[1].split("\n")[0]
    older.write_text(text.replace("\n2025년,17517299,", "\n2025년,17517300,", 1), encoding="utf-8")
    with _files.recording(tmp_path) as rec:
        got = exports.load(tmp_path)
    assert got.query("region_code == '29' and year == 2025 and indicator == 'exports_usd_th'")["value"].item() \
        == 17517299
    [c] = rec.conflicts
    assert (c["region_code"], c["year"], c["indicator"]) == ("29", 2025, "exports_usd_th")
    assert (c["kept_file"], c["kept_value"]) == ("kita_regional_yearly.csv", 17517299)
    assert (c["dropped_file"], c["dropped_value"]) == ("kita_regional_yearly (1).csv", 17517300)
