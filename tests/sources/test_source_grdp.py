"""GRDP 2020 base (시도별 경제활동별 지역내총생산): values as published, 전국 = Σ 시도 (nominal),
late 시도 absent (never 0) before they exist, clear errors on bad input."""
from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pandas as pd
import pytest

from helpers import source_error, value_of
from indicators.sources import _files, grdp

REL = Path("grdp") / "시도별 지역내총생산.csv"
GDP = "지역내총생산(시장가격)"


@pytest.fixture(scope="module")
def loaded(raw_dir) -> pd.DataFrame:
    return grdp.load(raw_dir)


@pytest.fixture(scope="module")
def raw(raw_dir) -> dict[tuple[str, str, str], dict[int, str]]:
    """(시도, 경제활동, 항목) -> {year: cell text}, read with the csv module only."""
    with open(raw_dir / REL, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    years = {i: int(h.split()[0]) for i, h in enumerate(rows[0]) if h.strip().endswith("년")}
    return {(r[0], r[1], r[2]): {y: r[i] for i, y in years.items()} for r in rows[1:]}


def _lines(raw_dir: Path) -> list[str]:
    return (raw_dir / REL).read_text(encoding="utf-8-sig").splitlines(keepends=True)


def _write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / REL
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else ("\ufeff" + text).encode("utf-8"))
    return path


def test_nominal_nation_equals_sum_of_sido_in_raw_and_loader(loaded, raw):
    sido = [k for k in raw if k[1] == GDP and k[2] == "명목" and k[0] != "전국"]
    assert len(sido) == 17
    ours = loaded[(loaded["indicator"] == "grdp_nominal_krw_mn") & (loaded["region_code"] != "00")]
    ours = ours.groupby("year")["value"].sum()
    for year, cell in raw[("전국", GDP, "명목")].items():
        nation = float(cell)
        raw_sum = sum(float(raw[k][year]) for k in sido if raw[k][year].strip())
        assert abs(raw_sum - nation) / nation < 1e-6, year  # independent check of the file
        assert abs(ours[year] - nation) / nation < 1e-6, year
        assert value_of(loaded, "grdp_nominal_krw_mn", "00", year) == nation


def test_every_indicator_matches_its_raw_row(loaded, raw):
    for ind, (act, item) in grdp.SPEC.items():
        for name, code in (("전국", "00"), ("서울특별시", "11"), ("경기도", "41"), ("강원특별자치도", "51")):
            for year in (1985, 2005, 2023):
                want = float(raw[(name, act, item)][year])
                assert value_of(loaded, ind, code, year) == want, (ind, name, year)


def test_late_sido_have_no_row_before_their_first_year(loaded, raw):
    for name, code in (("광주광역시", "29"), ("대전광역시", "30"), ("울산광역시", "31"), ("세종특별자치시", "36")):
        cells = raw[(name, GDP, "명목")]
        first = min(y for y, c in cells.items() if c.strip())
        got = loaded[(loaded["region_code"] == code) & (loaded["indicator"] == "grdp_nominal_krw_mn")]
        assert got["year"].min() == first
        assert set(got["year"]) == {y for y, c in cells.items() if c.strip()}
    sejong = loaded[loaded["region_code"] == "36"]
    assert sejong["year"].min() > 2010 and (sejong["value"] > 0).all()


def test_region_counts_per_year_follow_the_filled_cells(loaded, raw):
    counts = loaded[loaded["indicator"] == "grdp_nominal_krw_mn"].groupby("year")["region_code"].nunique()
    for year in (1985, 1990, 2000, 2023):
        want = sum(1 for (_, act, item), cells in raw.items()
                   if act == GDP and item == "명목" and cells[year].strip())
        assert counts[year] == want
    assert counts[2023] == 18 and counts[1985] < 18


def test_real_is_chained_to_2020_and_not_declared_additive(loaded):
    meta = {i.id: i for i in grdp.INDICATORS}
    assert not meta["grdp_real_krw_mn"].additive and meta["grdp_nominal_krw_mn"].additive
    assert value_of(loaded, "grdp_real_krw_mn", "00", 2020) == value_of(loaded, "grdp_nominal_krw_mn", "00", 2020)
    assert all(i.basis == "2020년 기준년 (2020 base)" and i.levels == ("sido",) for i in grdp.INDICATORS)


def test_doubled_bom_and_mojibake_header_are_read(tmp_path, raw_dir, loaded):
    lines = _lines(raw_dir)
    for prefix in ("\ufeff", "\u00ef\u00bb\u00bf"):
        case = tmp_path / ("bom" if prefix == "\ufeff" else "moji")
        _write(case, prefix + "".join(lines[:100]))
        got = grdp.load(case)
        assert set(got["indicator"]) == set(grdp.SPEC) and len(got) > 0


# ---- bad input -------------------------------------------------------------------------

def _expect_error(tmp_path: Path, *parts: str) -> str:
    return source_error(lambda: grdp.load(tmp_path), tmp_path / REL, *parts)

def test_wrong_encoding_names_file_and_row(tmp_path, raw_dir):
    _write(tmp_path, "".join(_lines(raw_dir)).encode("cp949"))
    _expect_error(tmp_path, "row 1", "utf-8-sig")


def test_missing_column(tmp_path, raw_dir):
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([r[0]] + r[2:] for r in csv.reader(_lines(raw_dir)))
    _write(tmp_path, out.getvalue())  # 경제활동별 dropped
    _expect_error(tmp_path, "경제활동별", "missing")


def test_duplicated_row(tmp_path, raw_dir):
    lines = _lines(raw_dir)
    _write(tmp_path, "".join(lines[:3] + [lines[1]] + lines[3:]))
    _expect_error(tmp_path, "row 4", "duplicated")


def test_non_numeric_value_names_row_and_column(tmp_path, raw_dir):
    lines = _lines(raw_dir)
    cells = lines[5].split(",")
    cells[10] = "12x45"  # 1991 년
    lines[5] = ",".join(cells)
    _write(tmp_path, "".join(lines))
    _expect_error(tmp_path, "row 6", "1991 년", "12x45")


def test_unknown_region_name(tmp_path, raw_dir):
    lines = _lines(raw_dir)
    i = next(n for n, line in enumerate(lines) if line.startswith("부산광역시"))
    lines[i] = lines[i].replace("부산광역시", "부산직할시", 1)
    _write(tmp_path, "".join(lines))
    _expect_error(tmp_path, f"row {i + 1}", "시도별", "부산직할시")


def test_missing_activity(tmp_path, raw_dir):
    _write(tmp_path, "".join(line for line in _lines(raw_dir) if ",서비스업," not in line))
    _expect_error(tmp_path, "서비스업")


def test_empty_file(tmp_path):
    _write(tmp_path, b"")
    _expect_error(tmp_path, "empty")


def test_truncated_mid_row(tmp_path, raw_dir):
    lines = _lines(raw_dir)
    _write(tmp_path, "".join(lines[:40]) + lines[40][:60])
    _expect_error(tmp_path, "row 41", "truncated")


def test_absent_file_is_inputs_missing(tmp_path):
    from indicators.errors import InputsMissing

    with pytest.raises(InputsMissing):
        grdp.load(tmp_path)


def test_two_copies_newest_wins_and_clashes_are_listed(tmp_path, raw_dir, raw, loaded):
    """Two copies, neither in a manifest (equal rank: the later path, b/, wins): equal figures are
    kept once; a changed cell in b/ is used and the clash listed with both files and values."""
    for sub in ("a", "b"):
        (tmp_path / sub / "grdp").mkdir(parents=True)
        shutil.copy(raw_dir / REL, tmp_path / sub / REL)
    with _files.recording(tmp_path) as rec:
        got = grdp.load(tmp_path)
    assert rec.conflicts == []
    pd.testing.assert_frame_equal(got.drop(columns="source_file"), loaded.drop(columns="source_file"))
    cell = raw[("전국", GDP, "명목")][1985]
    newer = tmp_path / "b" / REL
    text = newer.read_text(encoding="utf-8-sig")
    assert f"전국,{GDP},명목,,{cell}," in text
    newer.write_text(text.replace(f"전국,{GDP},명목,,{cell},", f"전국,{GDP},명목,,{float(cell) + 1},", 1),
                     encoding="utf-8-sig")
    with _files.recording(tmp_path) as rec:
        got = grdp.load(tmp_path)
    assert value_of(got, "grdp_nominal_krw_mn", "00", 1985) == float(cell) + 1
    [c] = rec.conflicts
    assert (c["indicator"], c["region_code"], c["year"]) == ("grdp_nominal_krw_mn", "00", 1985)
    assert (c["kept_file"], c["kept_value"]) == (f"b/{REL.as_posix()}", float(cell) + 1)
    assert (c["dropped_file"], c["dropped_value"]) == (f"a/{REL.as_posix()}", float(cell))
