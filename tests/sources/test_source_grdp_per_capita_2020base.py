"""Per-capita GRDP / GRI / individual income / private consumption, 2020 base (KOSIS 지역소득, Korean CSV
download of 2025-08-29): every value equals its raw cell (parsed here with the csv module), 2023 is
present and declared preliminary wherever readers see the indicator, the series stays apart from the
2015-base one (every common value differs), the newest-vintage rule among 2020-base downloads, bad input."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import openpyxl
import pytest

from helpers import source_error, value_of
from indicators import catalog
from indicators.sources import _files
from indicators.sources import grdp_per_capita_2020base as gpc

NAME = "시도별_1인당_지역내총생산__지역총소득__개인소득_20250829110847.csv"
REL = Path("grdp") / NAME
OLD_BASE = Path("grdp") / "Regional_GDP__Gross_regional_income_and_Individual_income_20231118124541.xlsx"
CODES = {"전국": "00", "서울특별시": "11", "부산광역시": "26", "대구광역시": "27", "인천광역시": "28",
         "광주광역시": "29", "대전광역시": "30", "울산광역시": "31", "세종특별자치시": "36", "경기도": "41",
         "강원특별자치도": "51", "충청북도": "43", "충청남도": "44", "전북특별자치도": "52", "전라남도": "46",
         "경상북도": "47", "경상남도": "48", "제주특별자치도": "50"}
IDS = {"1인당 지역내총생산": "grdp_per_capita_2020base_krw_th", "1인당 지역총소득": "gri_per_capita_2020base_krw_th",
       "1인당 개인소득": "personal_income_per_capita_2020base_krw_th",
       "1인당 민간소비": "private_consumption_per_capita_2020base_krw_th"}
pytestmark = pytest.mark.filterwarnings("ignore:Workbook contains no default style")


def read_raw(path: Path) -> tuple[dict[tuple[str, str, int], float], set[int]]:
    """(item, 시도 name, year) → cell, and the years whose header carries 'p)'."""
    with open(path, encoding="cp949", newline="") as f:
        rows = list(csv.reader(f))
    years = [int(h[:4]) for h in rows[0][2:]]
    preliminary = {int(h[:4]) for h in rows[0][2:] if h.strip().endswith("p)")}
    return {(r[0], r[1], y): float(v) for r in rows[1:] for y, v in zip(years, r[2:])}, preliminary


@pytest.fixture(scope="module")
def raw(raw_dir):
    return read_raw(raw_dir / REL)


@pytest.fixture(scope="module")
def loaded(raw_dir):
    return gpc.load(raw_dir)


def test_every_value_is_its_raw_cell(loaded, raw):
    cells, _ = raw
    assert len(cells) == len(loaded) == 4 * 18 * 10
    for (item, name, year), cell in cells.items():
        assert value_of(loaded, IDS[item], CODES[name], year) == cell, (item, name, year)
    assert sorted(loaded["year"].unique()) == list(range(2014, 2024))


def test_2023_is_present_and_declared_preliminary(loaded, raw):
    _, preliminary = raw
    assert preliminary == {2023} == set(gpc.PRELIMINARY_YEARS)
    assert (loaded["year"] == 2023).sum() == 4 * 18
    for ind in IDS.values():
        meta = catalog.get(ind)
        assert "2023 is preliminary" in meta.note and "잠정" in meta.note, ind
        assert "2023 is preliminary" in meta.note_en, ind
    assert "2023 preliminary" in catalog.sources()[gpc.SOURCE.id].vintage


def test_a_series_of_its_own_beside_the_2015_base(raw, raw_dir):
    """Every value the 2015-base download also gives differs (a base-year revision, not a few
    revised figures): 전국 GRDP per head 2020 is 6.1% higher on the 2020 base."""
    cells, _ = raw
    ws = openpyxl.load_workbook(raw_dir / OLD_BASE)["Data"]
    rows = list(ws.iter_rows(values_only=True))
    col = {h: i for i, h in enumerate(rows[0])}
    old, year = {}, None
    for r in rows[1:]:
        year = int(r[0]) if r[0] not in (None, "") else year
        old[(year, r[1])] = r[col["Regional GDP per Capita"]]
    assert cells[("1인당 지역내총생산", "전국", 2020)] / float(old[(2020, "Whole country")]) == pytest.approx(1.0606,
                                                                                                         abs=5e-4)
    common = [(y, n) for (i, n, y) in cells if i == "1인당 지역내총생산" and y <= 2021]
    english = {"전국": "Whole country", "서울특별시": "Seoul"}
    assert all(cells[("1인당 지역내총생산", n, y)] != float(old[(y, english[n])]) for y, n in common if n in english)
    for ind_id in IDS.values():
        ind = catalog.get(ind_id)
        assert "2020base" in ind_id and ind.basis_en.startswith("2020 base")
        assert ind.unit == "thousand KRW" and ind.unit_ko == "천원" and ind.levels == ("sido",)
        assert ind.weighted_by == "reg" == catalog.get(ind_id.replace("2020base", "2015base")).weighted_by


# --- newest vintage among 2020-base downloads, and bad input -------------------------------------------

def _copy(raw_dir: Path, tmp_path: Path, name: str = NAME, edit=None) -> Path:
    (tmp_path / "grdp").mkdir(exist_ok=True)
    path = tmp_path / "grdp" / name
    text = (raw_dir / REL).read_bytes().decode("cp949")
    path.write_bytes((edit(text) if edit else text).encode("cp949"))
    return path


def test_a_newer_download_wins_and_each_differing_value_is_listed(raw_dir, tmp_path, raw):
    """A later download (not in the manifest: it counts as newest) revising 서울's 2022 GRDP per head."""
    shutil.copyfile(raw_dir / "MANIFEST.csv", tmp_path / "MANIFEST.csv")
    (tmp_path / "grdp").mkdir()
    shutil.copyfile(raw_dir / REL, tmp_path / REL)
    newer = _copy(raw_dir, tmp_path, NAME.replace("20250829110847", "20260301090000"),
                  lambda t: t.replace(',"서울특별시",36635,38911,41359,43731,46547,48248,49165,53373,56094,',
                                      ',"서울특별시",36635,38911,41359,43731,46547,48248,49165,53373,56500,'))
    with _files.recording(tmp_path, "grdp_per_capita_2020base") as rec:
        out = gpc.load(tmp_path)
    listed = [(c["indicator"], c["region_code"], c["year"], c["kept_value"], c["dropped_value"]) for c in rec.conflicts]
    was = raw[0][("1인당 지역내총생산", "서울특별시", 2022)]
    assert listed == [("grdp_per_capita_2020base_krw_th", "11", 2022, 56500.0, was)]
    assert rec.conflicts[0]["kept_file"] == newer.relative_to(tmp_path).as_posix()
    assert value_of(out, "grdp_per_capita_2020base_krw_th", "11", 2022) == 56500.0
    assert rec.overlaps == 720


def test_a_newer_download_that_finalises_2023_fails_until_the_notes_say_so(raw_dir, tmp_path):
    _copy(raw_dir, tmp_path, NAME.replace("20250829110847", "20260301090000"), lambda t: t.replace("2023 p)", "2023"))
    shutil.copyfile(raw_dir / REL, tmp_path / REL)
    source_error(lambda: gpc.load(tmp_path), tmp_path / "grdp" / NAME.replace("20250829110847", "20260301090000"),
                 "preliminary for no year", "[2023]", "PRELIMINARY_YEARS")


def test_a_download_from_before_the_2020_rebasing_is_refused(raw_dir, tmp_path):
    early = _copy(raw_dir, tmp_path, NAME.replace("20250829110847", "20240801120000"))
    source_error(lambda: gpc.load_file(early), early, "2024-08-01", "2015 base")
    nameless = _copy(raw_dir, tmp_path, "시도별_1인당_지역내총생산__지역총소득__개인소득_copy.csv")
    source_error(lambda: gpc.load_file(nameless), nameless, "no KOSIS download timestamp")


@pytest.mark.parametrize(("old", "new", "parts"), [
    ('"1인당 민간소비","전국",', '"1인당 민간소득","전국",', ("row 56", "'항목'", "민간소득")),
    ('"1인당 개인소득","부산광역시",', '"1인당 개인소득","가상시",', ("row 40", "'시도별'", "가상시")),
    ('"울산광역시",47558,', '"울산광역시",-47558,', ("row 27", "'2014'", "negative")),
    ('"울산광역시",47558,', '"울산광역시",-,', ("row 27", "'2014'", "mark '-'")),
    ('"부산광역시",23991,', '"부산광역시","2,39,91",', ("row 4", "'2014'", "by three")),
    ('"부산광역시",23991,', '"부산광역시",23,991,', ("row 4", "13 cells")),  # unquoted: one cell too many
    (',2019,', ',2019 년 합계,', ("row 1", "2019 년 합계")),
])
def test_bad_cells_name_row_and_column(raw_dir, tmp_path, old, new, parts):
    path = _copy(raw_dir, tmp_path, edit=lambda t: t.replace(old, new, 1))
    assert path.read_bytes() != (raw_dir / REL).read_bytes()
    source_error(lambda: gpc.load_file(path), path, *parts)
