"""행정안전부 연령별 인구현황 exports of 등록구분 전체 (indicators/sources/mois_registered.py) against the raw rows
parsed here with pandas and the csv module: the 2025 year-end figures by 시도 and 시군구, 65+, 인천's new 구
rebuilt from their 행정동, the month ends kept out of the year-end rows, a file in the new codes dropped
anywhere, and the refusals (a code of neither set, a header that is not the table's, 행정동 that do not add up)."""
from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pandas as pd
import pytest

from geo import regions
from indicators.errors import SourceFileError
from indicators.sources import _files
from indicators.sources import mois_registered as mois

ROOT = Path(__file__).resolve().parents[2]
DEC = "population/mois_monthly/202512_202512_연령별인구현황_월간_계.csv"
JUNE = "population/mois_monthly/202506_202506_연령별인구현황_월간_계.csv"
EXCERPT = "population/excerpts/202607_202607_연령별인구현황_월간_excerpt_new_codes.csv"
NEW_GU = ("28125", "28155", "28275", "28290")


def parsed(path: Path, encoding: str = "cp949") -> pd.DataFrame:
    """An export as printed: numbers (thousands separators off), name and 10-digit code split apart."""
    df = pd.read_csv(path, encoding=encoding, thousands=",", dtype={"행정구역": str})
    m = df["행정구역"].str.extract(r"^(?P<name>.*?)\s*\((?P<code>\d{10})\)\s*$")
    return pd.concat([df, m], axis=1)


def old65(df: pd.DataFrame, period: str) -> pd.Series:
    return df[[f"{period}_계_{a}세" for a in range(65, 100)] + [f"{period}_계_100세 이상"]].sum(axis=1)


@pytest.fixture(scope="module")
def loaded(raw_dir) -> pd.DataFrame:
    with _files.recording(raw_dir, "mois_registered") as rec:
        out = mois.load(raw_dir)
    out.attrs["added"] = rec.added
    return out


@pytest.fixture(scope="module")
def dec(raw_dir) -> pd.DataFrame:
    return parsed(raw_dir / DEC)


def _values(loaded: pd.DataFrame, ind: str, year: int = 2025) -> pd.Series:
    got = loaded[(loaded["indicator"] == ind) & (loaded["year"] == year)]
    return got.set_index("region_code")["value"]


def test_2025_registered_population_by_sido_and_sigungu_is_the_december_file(loaded, dec):
    got = _values(loaded, "reg_population_persons")
    sido = dec[dec["code"].str[2:] == "0" * 8]
    assert len(sido) == 17
    for code, value in zip(sido["code"].str[:2], sido["2025년12월_계_총인구수"]):
        assert got[code] == value, code
    units = set(regions.codes("sigungu", "2024"))
    sgg = dec[(dec["code"].str[5:] == "00000") & dec["code"].str[:5].isin(units)]
    assert set(sgg["code"].str[:5]) == units and not sgg["code"].duplicated().any()
    for code, value in zip(sgg["code"].str[:5], sgg["2025년12월_계_총인구수"]):
        assert got[code] == value, code
    assert got[["11", "28", "41"]].sum() == 26_081_644 and got[list(sido["code"].str[:2])].sum() == 51_117_378


def test_2025_65_plus_by_sigungu_sums_the_single_years(loaded, dec):
    got = _values(loaded, "reg_age65plus_persons")
    sgg = dec[(dec["code"].str[5:] == "00000") & dec["code"].str[:5].isin(regions.codes("sigungu", "2024"))]
    want = pd.Series(old65(sgg, "2025년12월").to_numpy(), index=sgg["code"].str[:5].to_numpy())
    assert len(want) == 229
    pd.testing.assert_series_equal(got[want.index].astype(float), want.astype(float), check_names=False)
    assert "reg_female_20_39_persons" not in set(loaded["indicator"])  # a 계-only file: no women 20–39


def test_incheon_new_gu_of_2025_are_the_sums_of_their_dong_rows(loaded, dec):
    declared = pd.read_csv(ROOT / "geo" / "incheon_2026_dongs.csv", comment="#", dtype=str)
    dongs = dec[dec["code"].str[:5].isin(declared["old_gu"]) & (dec["code"].str[5:] != "00000")
                & ~dec["name"].str.contains("출장소")].copy()
    dongs["dong"] = dongs["name"].str.split().str[-1]
    dongs = dongs.merge(declared, left_on=[dongs["code"].str[:5], "dong"], right_on=["old_gu", "dong"], how="left")
    assert dongs["new_gu"].notna().all() and len(dongs) == len(declared)
    pop, old = _values(loaded, "reg_population_persons"), _values(loaded, "reg_age65plus_persons")
    for gu, g in dongs.groupby("new_gu"):
        assert pop[gu] == g["2025년12월_계_총인구수"].sum(), gu
        assert old[gu] == old65(g, "2025년12월").sum(), gu
    # each old 구 is its new 구: 중구 + 동구 = 제물포구 + 영종구, 서구 = 서해구 + 검단구
    assert pop["28110"] + pop["28140"] == pop["28125"] + pop["28155"]
    assert pop["28260"] == pop["28275"] + pop["28290"]


def test_month_ends_are_not_year_end_rows_and_say_so(loaded):
    assert set(loaded["year"]) == {2025}  # June 2025, June 2026, July 2026: month ends only
    text = "\n".join(loaded.attrs["added"])
    assert "2025-12 (year end): reg_population_persons 17 시도 + 229 시군구 + 4 rebuilt 인천 구" in text
    for period in ("2025-06", "2026-06", "2026-07"):
        assert f"{period} (month end → month_end.parquet)" in text
    assert "a partial file" in text and "no national or group figures" in text


def test_june_2025_rebuilds_only_the_old_gu_whose_dongs_are_declared(raw_dir):
    """서구's 행정동 of June 2025 (one 아라동) are not December's: 서구 stays whole (a union in the 2026-07
    set); 중구 and 동구, with the declared 행정동, give 제물포구 and 영종구."""
    month = mois.load_month_end(raw_dir)
    june = month[(month["year"] == 202506) & (month["indicator"] == "reg_population_persons")]
    have = set(june["region_code"])
    assert {"28125", "28155", "28260"} <= have and not {"28275", "28290"} & have
    df = parsed(raw_dir / JUNE)
    names = df.loc[df["code"].str[:5] == "28260", "name"].str.split().str[-1]
    assert "아라동" in set(names) and "아라1동" not in set(names)


# ------------------------------------------------------------------ files dropped into a raw folder

def _rows(path: Path, encoding: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode(encoding))))


def _write(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.StringIO()
    csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))
    return path


def test_a_file_in_the_new_codes_dropped_anywhere_is_read_without_code_change(raw_dir, tmp_path):
    """The July 2026 excerpt under another name in another folder (no manifest): month-end rows in the new
    codes; relabelled as a December export, year-end rows in the new codes."""
    raw = tmp_path / "raw"
    dropped = raw / "downloads" / "july.csv"
    dropped.parent.mkdir(parents=True)
    shutil.copyfile(raw_dir / EXCERPT, dropped)
    month = mois.load_month_end(raw)
    assert set(month["region_code"]) == {"12", "28", *NEW_GU} and set(month["year"]) == {202607}
    df = parsed(raw_dir / EXCERPT, "utf-8")
    want = dict(zip(df["code"].map(lambda c: c[:2] if c[2:] == "0" * 8 else c[:5]), df["2026년07월_계_총인구수"]))
    got = month[month["indicator"] == "reg_population_persons"].set_index("region_code")["value"]
    assert got.to_dict() == want
    rows = _rows(dropped, "utf-8")
    rows[0] = [h.replace("2026년07월", "2026년12월") for h in rows[0]]
    _write(dropped, rows)
    year_end = mois.load(raw)
    assert set(year_end["year"]) == {2026} and set(year_end["region_code"]) == {"12", "28", *NEW_GU}
    assert year_end.set_index(["region_code", "indicator"]).loc[("12", "reg_population_persons"), "value"] == want["12"]


@pytest.mark.parametrize(("printed", "label", "header_month", "words"), [
    ("2812500000", "인천광역시 제물포구 (2812700000)", "07",
     ["code 28127", "its 시도 prefix 28 is known", "not newer than the registry's newest codes (2026-07-01)"]),
    ("2812500000", "인천광역시 제물포구 (2812700000)", "08",
     ["code 28127", "newer than the registry's newest codes (2026-07-01)",
      "if 28127 was created after 2026-07-01, declare it in geo/reform_2026.csv"]),
    ("1200000000", "전남광주통합특별시  (1300000000)", "08", ["code 13", "declare it in geo/reform_2026.csv"]),
])
def test_a_code_of_neither_set_is_refused_naming_it(raw_dir, tmp_path, printed, label, header_month, words):
    """The excerpt with one region's code replaced by one of neither set: refused naming file, row, column,
    the code, and whether the file is newer than the registry's newest codes (a July 2026 file is not:
    a damaged cell; an August one may hold a code created since: declare it)."""
    rows = _rows(raw_dir / EXCERPT, "utf-8")
    i = next(n for n, r in enumerate(rows) if f"({printed})" in r[0])
    rows[i][0] = label
    rows[0] = [h.replace("2026년07월", f"2026년{header_month}월") for h in rows[0]]
    path = _write(tmp_path / "raw" / "new.csv", rows)
    with pytest.raises(SourceFileError) as err:
        mois.load_month_end(path.parent)
    msg = str(err.value)
    assert str(path) in msg and f"row {i + 1}" in msg and "column '행정구역'" in msg, msg
    assert "not in geo/regions.csv nor geo/reform_2026.csv" in msg, msg
    assert all(w in msg for w in words), msg


def test_a_portal_named_file_whose_header_is_not_the_tables_is_refused(raw_dir, tmp_path):
    rows = _rows(raw_dir / EXCERPT, "utf-8")
    rows[0][5] = "2026년07월_계_삼세"
    path = _write(tmp_path / "raw" / "202607_202607_연령별인구현황_월간.csv", rows)
    with pytest.raises(SourceFileError) as err:
        mois.load(path.parent)
    assert "row 1" in str(err.value) and "column '2026년07월_계_삼세'" in str(err.value)
    assert "'2026년07월_계_2세' missing" in str(err.value)  # what the other columns then lack


def test_dong_rows_that_do_not_add_up_to_their_gu_are_refused(raw_dir, tmp_path):
    """One 행정동 of 중구 with one more person aged 0 (its own ages still add up): 중구's 행정동 no longer
    add up to 중구's row, so the file is refused naming that row."""
    rows = _rows(raw_dir / DEC, "cp949")
    head = rows[0]
    i = next(n for n, r in enumerate(rows) if r[0].startswith("인천광역시 중구 연안동"))
    for col in ("2025년12월_계_총인구수", "2025년12월_계_연령구간인구수", "2025년12월_계_0세"):
        j = head.index(col)
        rows[i][j] = f"{int(rows[i][j].replace(',', '')) + 1:,}"
    path = _write(tmp_path / "raw" / Path(DEC).name, rows, "cp949")
    with pytest.raises(SourceFileError) as err:
        mois.load(path.parent)
    gu = next(n for n, r in enumerate(rows) if r[0].startswith("인천광역시 중구 (2811000000)"))
    msg = str(err.value)
    assert f"row {gu + 1}" in msg and "column '2025년12월_계_총인구수'" in msg, msg
    assert "the 행정동 of 인천광역시 중구 add up to" in msg, msg
