"""Mutation test over the raw files: every mutation of a real file either fails loudly or changes nothing.

For each raw file of data/raw/MANIFEST.csv (one per layout where a folder holds many alike files)
the file is mutated in a copy of its source's raw folder (with the manifest, so every check that
holds a file to its manifest row applies) in 14 ways — wrong encoding, a required column dropped,
a row duplicated, a number made non-numeric, a number made negative, an unknown region, the file
emptied, the file cut mid-row, a year column deleted, a number with a malformed thousands separator
('1,2,3', once read as 123), a missing-value mark where the table declares none ('-', once dropped
silently), two region labels swapped, every year shifted by one (headers and year cells), a
notice's date shifted by a year — and the source module's own loader is run on that copy (inside a
recording of the cells it read; for the kostat_gi and migration files, the module's `load_file` on
that file alone, its other files' cells taken from the shipped run; for the MOIS exports of
`mois_registered`, its `load` and its `load_month_end`, the month ends compared by value since the two
June 2025 files give equal totals and a rewritten one counts as the newest), then the build's checks that
need only what sources read (value rules, additivity, continuity, cross-source agreements:
`checks.read_checks`) on its output beside the other sources' output of the shipped files. The
outcome must be one of:

- a `SourceFileError` (from the loader) or a `CheckFailed` (from the checks) naming the mutated
  file and, where they make sense, the row (the mutated row itself where one was mutated; for two
  swapped labels a row between them) and the column (for a dropped column: its name);
- a frame exactly equal to the loader's output on the unmutated copy (the mutation was absorbed,
  e.g. a negative value in a row the loader does not read).

Anything else — a changed frame, another exception, a skipped source — fails: no mutation is
accepted with changed numbers. Files that no loader reads are mutated too and must leave the
output unchanged. The loader is called directly (`load(raw_dir)` of the module,
`load_designations` for the policy status table) on a temp folder holding the module's files;
package sources (census, boundary_area) have no raw file. The mutation is written over the copy and
undone after each case, so file paths stay the same as in the baseline run. A column named by an
error must be one of the file (a header, 'column N', an xlsx letter), never one made up by the
loader. Workbooks are mutated with openpyxl, so their baseline is the workbook as openpyxl saves it
(checked equal to the original to 1e-15).

Mutations left out (no such thing in the file), and those proven harmless: each leaves the output
equal, which the test asserts (`outcome` returns 'unchanged' only after comparing the frames).

case(s)                      mutation               outcome, and why
---------------------------  ---------------------  -------------------------------------------------------
the workbooks (*_xlsx)       wrong_encoding         not run: zipped XML has its own encoding
fiscal_sigungu,              deleted_year_column,   not run: no year in the file (finance_autonomy's one
  policy_codes_json            shifted_years          year is declared: FINANCE_AUTONOMY_YEAR)
policy_*_json                shifted_years          not run: a notice's years are its dates (shifted_date)
all but the two notices      shifted_date           not run: no date in the file
the cp949 KOSIS and          wrong_encoding         unchanged: rewritten as UTF-8, which their loaders
  행정안전부 CSVs                                       accept too (the same cells)
mois_export_new_codes_       wrong_encoding         unchanged: the UTF-8 excerpt rewritten as cp949, which
  excerpt                                             the reader of the portal's cp949 exports accepts too
policy_decline_json,         swapped_labels         unchanged: two names of one 시도 swapped; the by-name
  policy_interest_json                                list is held to the code list as a set
policy_decline_json          source.baseDate a      unchanged: still before the date in force; the base
                               year earlier           date is in no output
policy_interest_json         source.expiryDate a    unchanged: still after the date in force; the expiry
                               year later             is in no output
the four *_not_read files    every mutation run     unchanged: no loader reads them (the MOIS readers look at
                                                      every CSV's header: the 행정동 listing is no export)
"""
from __future__ import annotations

import csv
import importlib
import io
import json
import pickle
import re
import shutil
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from helpers import once_per_run
from indicators import build, checks
from indicators.errors import SourceFileError
from indicators.sources import _files, kostat_gi

MUTATIONS = ("wrong_encoding", "missing_column", "duplicate", "non_numeric", "negative", "unknown_region",
             "empty", "truncated", "deleted_year_column", "bad_separator", "missing_mark", "swapped_labels",
             "shifted_years", "shifted_date")
CONTROL = "roundtrip"  # rewritten by the harness with no change: must be equal (checks the harness itself)
YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")  # a year inside a header or cell ('Y1970 1970', '2000. 1/4')


@dataclass(frozen=True)
class Case:
    """One raw file (one layout) and how to mutate it.

    Row selectors (`row`, `swap`) are {column header: cell value} (cells compared stripped,
    apostrophes off) for CSV and xlsx, or a 1-based record number for JSON. `num` is a numeric
    column, `neg` the column whose number is negated (default `num`), `drop` a required column,
    `year` the year column to delete (None: the file has none), `region` the region column and
    `unknown` its replacement; `swap` the row (of the same block as `row`) whose region label is
    swapped with the row's (`swap_cols`: the columns that make the label, default `region`);
    `shift`: where the years are (the header, and the columns holding year cells; () = no year).
    """

    id: str
    module: str
    target: str
    fmt: str  # csv | xlsx | json
    folders: tuple[str, ...]
    row: object = None
    num: str | None = None
    neg: str | None = None
    drop: str | None = None
    year: str | None = None
    region: str | None = None
    unknown: str = "가상시"
    sheet: str | None = None  # xlsx: the sheet mutated
    header_row: int = 1  # xlsx: sheet row of the header (1-based)
    not_read: bool = False  # a file no loader reads: every mutation must leave the output equal
    unknown_all: bool = False  # rename every row of the region (files read as blocks of rows per region)
    swap: object = None
    swap_cols: tuple[str, ...] = ()
    shift: tuple[str, ...] = ()  # "header" and/or columns whose cells hold years
    dates: tuple[str, ...] = ()  # JSON: 'source.<key>' dates of the notice
    needs: dict = field(default_factory=dict)  # per mutation: parts the error must name (overrides)
    per_file: bool = False  # run the module's `load_file` on the file alone (its other files: shipped cells)

    def loader(self) -> Callable[[Path], pd.DataFrame]:
        mod = importlib.import_module(f"indicators.sources.{self.module}")
        if self.per_file:
            return lambda raw: mod.load_file(raw / self.target)
        if self.module == "mois_registered":  # its month ends are a table of their own: compared too (values
            # only: the two June 2025 files overlap, and a rewritten one counts as newest for their equal values)
            return lambda raw: pd.concat([mod.load(raw), mod.load_month_end(raw).drop(columns="source_file")],
                                         ignore_index=True)
        return mod.load_designations if self.module == "population_decline" else mod.load


GI = ("kostat_gi",)
POP = ("population",)
MOIS = ("population", "reference")  # the exports are found anywhere under the raw folder
MOVE_OUT, MOVE_IN = "By district to move-out", "By district to move-in"
CASES: tuple[Case, ...] = (
    Case("exports", "exports", "exports/kita_regional_yearly.csv", "csv", ("exports",),
         row={"지역명": "서울", "연도": "2015"}, num="수출_금액", drop="지역명", year="연도", region="지역명",
         swap={"지역명": "부산", "연도": "2015"}, shift=("연도", "년월")),
    Case("fiscal_series", "fiscal", "fiscal/kosis_fiscal_autonomy_data.csv", "csv", ("fiscal",),
         row={"year": "2015", "region": "서울특별시"}, num="fiscal_autonomy_ratio", drop="region", year="year",
         region="region", unknown="가상특별시", swap={"year": "2015", "region": "부산광역시"}, shift=("year",)),
    Case("fiscal_sigungu", "fiscal", "fiscal/finance_autonomy.csv", "csv", ("fiscal",),
         row={"행정구역별(2)": "중구"}, num="재정자립도(세입과목개편후)", drop="행정구역별(2)", year=None,
         region="행정구역별(2)", unknown="가상구", swap={"행정구역별(2)": "종로구"}),
    Case("grdp_wide", "grdp", "grdp/시도별 지역내총생산.csv", "csv", ("grdp",),
         row={"시도별": "서울특별시", "경제활동별": "지역내총생산(시장가격)", "항목": "명목"}, num="2010 년",
         drop="경제활동별", year="2000 년", region="시도별", unknown="가상도",
         swap={"시도별": "부산광역시", "경제활동별": "지역내총생산(시장가격)", "항목": "명목"}, shift=("header",)),
    Case("grdp_per_capita_2020base_csv", "grdp_per_capita_2020base",
         "grdp/시도별_1인당_지역내총생산__지역총소득__개인소득_20250829110847.csv", "csv", ("grdp",),
         row={"항목": "1인당 지역내총생산", "시도별": "부산광역시"}, num="2018", drop="시도별", year="2018",
         region="시도별", unknown="가상시", swap={"항목": "1인당 지역내총생산", "시도별": "대구광역시"},
         shift=("header",)),
    Case("grdp_per_capita_xlsx", "grdp_per_capita",
         "grdp/Regional_GDP__Gross_regional_income_and_Individual_income_20231118124541.xlsx", "xlsx", ("grdp",),
         row={"By province": "Seoul", "_year": "2000"}, num="Regional GDP per Capita", drop="By province",
         year="Period", region="By province", unknown="Atlantis", sheet="Data",
         swap={"By province": "Busan", "_year": "2000"}, shift=("Period",)),
    # kostat_gi/data: 105 files, 20 read; one per layout (header, 전국 row or not; see test_every_raw_file_…)
    Case("kostat_gi_plain", "kostat_gi", "kostat_gi/data/indicator_1-1-1.csv", "csv", GI,
         row={"Year": "2010", "지역": "1.수도권"}, num="Value", drop="지역", year="Year", region="지역",
         unknown="8.가상권", swap={"Year": "2010", "지역": "2.충청권"}, shift=("Year",)),
    Case("kostat_gi_trailing_empty_columns", "kostat_gi", "kostat_gi/data/indicator_2-1-1.csv", "csv", GI,
         row={"Year": "2015", "지역": "3.호남권"}, num="Value", drop="Value", year="Year", region="지역",
         unknown="8.가상권", swap={"Year": "2015", "지역": "4.대경권"}, shift=("Year",)),
    # net in-migration rate: negative values are real data here, so the negated cell is the year
    Case("kostat_gi_no_nation_row", "kostat_gi", "kostat_gi/data/indicator_4-1-1.csv", "csv", GI,
         row={"Year": "2010", "지역": "2.충청권"}, num="Value", neg="Year", drop="지역", year="Year", region="지역",
         unknown="0.전국", swap={"Year": "2010", "지역": "3.호남권"}, shift=("Year",)),
    Case("migration_xlsx", "migration",
         "migration/Number_of_internal_migrants_by_origin_and_destination_for_province_20210719124216.xlsx",
         "xlsx", ("migration",), row={"A": "11 Seoul", "B": "26 Busan"}, num="2000", drop="B", year="1990",
         region="B", unknown="99 Atlantis", sheet="Data", swap={"A": "11 Seoul", "B": "27 Daegu"},
         shift=("header",)),
    # the 2025 download (Korean labels, 전국 rows, two items per year): row 5 is 전국 → 부산
    Case("migration_ko_xlsx", "migration", "migration/전출지_전입지_시도_별_이동자수_20250626193401.xlsx", "xlsx",
         ("migration",), row={"B": "부산광역시"}, num="2010", drop="B", year="2010", region="B", unknown="가상시",
         sheet="데이터", swap={"B": "대구광역시"}, shift=("header",)),
    # the quarterly CSV gives no figure: it is read to hold the annual flows to (an agreement of the build)
    Case("migration_quarterly_csv", "migration", "migration/101_DT_1B26003_A01_20210719123202.csv", "csv",
         ("migration",), row={MOVE_OUT: "Seoul", MOVE_IN: "Busan", "PERIOD": "2000. 1/4"}, num="Migrants[명]",
         drop="PERIOD", year="PERIOD", region=MOVE_IN, unknown="Atlantis",
         swap={MOVE_OUT: "Seoul", MOVE_IN: "Daegu", "PERIOD": "2000. 1/4"},
         swap_cols=("[C]By district to move-in", MOVE_IN), shift=("PERIOD",)),
    Case("navis_xlsx", "navis", "reference/1_2. 시계열자료(사이트게재)_지역발전지수_2021년.xlsx", "xlsx",
         ("reference",), row={"A": "부산광역시"}, num="2000", drop="A", year="2005", region="A", unknown="가상도",
         sheet="I지역발전지수(총합)", swap={"A": "대구광역시"}, shift=("header",)),
    Case("policy_codes_json", "population_decline", "policy/population-region-index-with-codes.json", "json",
         ("policy",), row=5, num="lawdCd", drop="lawdCd", year=None, region="name", unknown="가상군", swap=6),
    Case("policy_decline_json", "population_decline", "policy/population-decline-regions-2024.json", "json",
         ("policy",), row=5, num="totalCount", drop="name", year="source.effectiveDate", region="name",
         unknown="가상구", swap=6, dates=("source.effectiveDate", "source.baseDate"),
         needs={m: {"column"} for m in ("non_numeric", "negative", "bad_separator", "missing_mark")}),
    Case("policy_interest_json", "population_decline", "policy/population-decline-interest-regions-2026.json",
         "json", ("policy",), row=5, num="totalCount", drop="name", year="source.effectiveDate", region="name",
         unknown="가상구", swap=6, dates=("source.effectiveDate", "source.announcedDate", "source.expiryDate"),
         needs={m: {"column"} for m in ("non_numeric", "negative", "bad_separator", "missing_mark")}),
    Case("population_kosis_english", "sido_population",
         "population/Resident_Population_by_City__County__and_District_1992-2020.csv", "csv", POP,
         row={"By Administrative District": "Busan"}, num="2000", drop="By Administrative District", year="2000",
         region="By Administrative District", unknown="Atlantis", swap={"By Administrative District": "Daegu"},
         shift=("header",)),
    Case("population_mois_annual", "sido_population", "population/200812_202412_Korean_Annual_Population.csv",
         "csv", POP, row={"행정구역": "부산광역시"}, num="2022년_계_총인구수", drop="행정구역",
         year="2022년_계_총인구수", region="행정구역", swap={"행정구역": "대구광역시"}, shift=("header",)),
    Case("population_trends", "sido_population", "population/population_trends.csv", "csv", POP,
         row={"연도": "2015", "지역": "서울"}, num="출생아수(명)", drop="지역", year="연도", region="지역",
         unknown="가상", swap={"연도": "2015", "지역": "부산"}, shift=("연도",)),
    Case("mois_age_residents", "mois_population_age", "population/202212_202412_연령별인구현황_연간.csv", "csv", POP,
         row={"행정구역": "서울특별시 중구 (1114000000)"}, num="2023년_거주자_총인구수", drop="행정구역",
         year="2023년_거주자_총인구수", region="행정구역", unknown="서울특별시 가상구 (1199000000)",
         swap={"행정구역": "서울특별시 종로구 (1111000000)"}, shift=("header",)),
    Case("kosis_age_monthly", "kosis_population_age", "population/행정구역(읍면동)별5세별_주민등록인구.csv", "csv", POP,
         row={"행정구역(동읍면)별": "서울특별시", "5세별": "계", "항목": "총인구수[명]"}, num="2019.12 월",
         drop="5세별", year="2019.12 월", region="행정구역(동읍면)별", unknown_all=True,
         swap={"행정구역(동읍면)별": "부산광역시"}, shift=("header",)),
    Case("kosis_age_annual", "kosis_population_age",
         "population/행정구역별_5세별_주민등록인구_2015-2023.csv", "csv", POP,
         row={"행정구역(동읍면)별": "종로구", "5세별": "25 - 29세", "항목": "여자인구수[명]"}, num="2019 년",
         drop="항목", year="2019 년", region="행정구역(동읍면)별", unknown="가상구", unknown_all=True,
         swap={"행정구역(동읍면)별": "용산구"}, shift=("header",)),
    Case("census2010_municipalities", "census2010_population_age", "population/census2010/municipalities.csv", "csv",
         POP, row={"행정구역별": "종로구", "연령별": "30 - 34세"}, num="여자 (명)", drop="연령별", year="시점",
         region="행정구역별", unknown="가상구", unknown_all=True, swap={"행정구역별": "용산구"}, shift=("시점",)),
    Case("census2010_provinces", "census2010_population_age", "population/census2010/provinces.csv", "csv", POP,
         row={"행정구역별": "서울특별시", "연령별": "70 - 74세"}, num="인구 (명)", drop="인구 (명)", year="시점",
         region="행정구역별", unknown="가상도", unknown_all=True, swap={"행정구역별": "부산광역시"}, shift=("시점",)),
    # 행정안전부 연령별 인구현황 exports of 등록구분 전체 (mois_registered): read by their header wherever they lie
    Case("mois_export_year_end", "mois_registered",
         "population/mois_monthly/202512_202512_연령별인구현황_월간_계.csv", "csv", MOIS,
         row={"행정구역": "서울특별시 중구 (1114000000)"}, num="2025년12월_계_총인구수", drop="2025년12월_계_65세",
         year="2025년12월_계_총인구수", region="행정구역", unknown="서울특별시 가상구 (1199000000)",
         swap={"행정구역": "서울특별시 종로구 (1111000000)"}, shift=("header",)),
    Case("mois_export_month_end_single_years", "mois_registered",
         "population/mois_monthly/202506_202506_연령별인구현황_월간_계.csv", "csv", MOIS,
         row={"행정구역": "인천광역시 동구 (2814000000)"}, num="2025년06월_계_80세", drop="2025년06월_계_100세 이상",
         year="2025년06월_계_총인구수", region="행정구역", unknown="인천광역시 가상구 (2899000000)",
         swap={"행정구역": "인천광역시 중구 (2811000000)"}, shift=("header",)),
    Case("mois_export_month_end_ten_year_bands", "mois_registered",
         "population/mois_monthly/202506_202506_연령별인구현황_월간_남여_10세.csv", "csv", MOIS,
         row={"행정구역": "서울특별시 종로구 (1111000000)"}, num="2025년06월_여_20~29세", drop="2025년06월_여_30~39세",
         year="2025년06월_남_총인구수", region="행정구역", unknown="서울특별시 가상구 (1199000000)",
         swap={"행정구역": "서울특별시 중구 (1114000000)"}, shift=("header",)),
    Case("mois_export_sido", "mois_registered",
         "population/mois_monthly/202606_202606_연령별인구현황_월간_시도.csv", "csv", MOIS,
         row={"행정구역": "광주광역시  (2900000000)"}, num="2026년06월_여_30세", drop="2026년06월_계_0세",
         year="2026년06월_여_총인구수", region="행정구역", unknown="가상도  (1300000000)",
         swap={"행정구역": "대전광역시  (3000000000)"}, shift=("header",)),
    Case("mois_export_new_codes_excerpt", "mois_registered",
         "population/excerpts/202607_202607_연령별인구현황_월간_excerpt_new_codes.csv", "csv", MOIS,
         row={"행정구역": "인천광역시 영종구 (2815500000)"}, num="2026년07월_계_총인구수", drop="2026년07월_계_70세",
         year="2026년07월_남_총인구수", region="행정구역", unknown="인천광역시 가상구 (2899000000)",
         swap={"행정구역": "인천광역시 제물포구 (2812500000)"}, shift=("header",)),
    # 행정안전부's July 2026 listing of the new 인천 구's 행정동: checked by tests against geo/incheon_2026_dongs.csv
    Case("incheon_dong_list_not_read", "mois_registered", "reference/incheon_2026_new_gu_haengjeongdong.csv", "csv",
         MOIS, not_read=True),
    # files in a source folder that no loader reads: any mutation must leave the output equal
    Case("census2010_codebook_not_read", "census2010_population_age",
         "population/census2010/codebook-20100401-04-municipality.csv", "csv", POP, not_read=True),
    Case("kostat_gi_out_of_scope_not_read", "kostat_gi", "kostat_gi/data/indicator_5-1-1.csv", "csv", GI,
         not_read=True),
    Case("kostat_gi_declined_not_read", "kostat_gi", "kostat_gi/data/indicator_2-2-2.csv", "csv", GI, not_read=True),
)
# Files loaded alone by their module's `load_file` (kostat_gi reads 20 files, migration a workbook and
# a 44,000-row CSV: the other files' cells come from the shipped run, so the checks still see both)
PER_FILE = frozenset({"kostat_gi_plain", "kostat_gi_trailing_empty_columns", "kostat_gi_no_nation_row",
                      "migration_xlsx", "migration_ko_xlsx", "migration_quarterly_csv"})
CASES = tuple(replace(c, per_file=c.id in PER_FILE) for c in CASES)
NOT_READ_MUTATIONS = ("wrong_encoding", "empty", "truncated", "shifted_years", CONTROL)


# The mutations proven harmless (the docstring's table): the only ones allowed to leave the output
# equal, besides the control and the files no loader reads. A new 'unchanged' outcome fails until
# it is shown harmless here and in the table.
CP949 = ("migration_quarterly_csv", "population_mois_annual", "mois_age_residents", "kosis_age_monthly",
         "kosis_age_annual", "census2010_municipalities", "census2010_provinces", "grdp_per_capita_2020base_csv",
         "mois_export_year_end", "mois_export_month_end_single_years", "mois_export_month_end_ten_year_bands",
         "mois_export_sido")
HARMLESS: frozenset[tuple[str, str]] = frozenset(
    {(c, "wrong_encoding") for c in CP949 + ("mois_export_new_codes_excerpt",)}
    | {("policy_decline_json", "swapped_labels"), ("policy_interest_json", "swapped_labels"),
       ("policy_decline_json", "shifted_date:source.baseDate:-1"),
       ("policy_interest_json", "shifted_date:source.expiryDate:+1")})


def applies(case: Case, mutation: str) -> bool:
    """Whether a mutation can be made in the case's file (the docstring's table of those left out)."""
    if case.not_read:
        return mutation in NOT_READ_MUTATIONS and not (mutation == "wrong_encoding" and case.fmt == "xlsx")
    if mutation == "wrong_encoding" and case.fmt == "xlsx":
        return False  # a workbook is zipped XML with its own encoding: no text encoding to get wrong
    if mutation == CONTROL and case.fmt == "json":
        return False  # rewritten with json.dumps only inside mutations; nothing to check
    if mutation == "deleted_year_column" and case.year is None:
        return False  # the file has no year column (finance_autonomy: one year, declared; policy codes)
    if mutation == "shifted_years":
        return bool(case.shift)
    if mutation == "shifted_date":
        return bool(case.dates)
    return True


def _params() -> Iterator[object]:
    for case in CASES:
        for m in MUTATIONS + (CONTROL,):
            if applies(case, m):
                yield pytest.param(case, m, id=f"{case.id}-{m}")


# --------------------------------------------------------------------------- text files

@dataclass
class Text:
    """A CSV file as decoded rows, and how to write it back the same way."""

    rows: list[list[str]]
    encoding: str
    bom: bool
    newline: str


def _decode(data: bytes) -> tuple[str, str, bool]:
    bom = data.startswith(b"\xef\xbb\xbf")
    try:
        return data.decode("utf-8-sig"), "utf-8", bom
    except UnicodeDecodeError:
        return data.decode("cp949"), "cp949", False


def read_text_file(data: bytes) -> Text:
    text, enc, bom = _decode(data)
    newline = "\r\n" if "\r\n" in text else "\n"
    return Text(list(csv.reader(io.StringIO(text, newline=""))), enc, bom, newline)


def write_text_file(t: Text, encoding: str | None = None) -> bytes:
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator=t.newline).writerows(t.rows)
    enc = encoding or t.encoding
    out = buf.getvalue().encode(enc)
    return (b"\xef\xbb\xbf" + out) if t.bom and enc == "utf-8" and encoding is None else out


def _cell(value: object) -> str:
    return str(value).strip().lstrip("'").strip().lstrip("\ufeff")


def header_index(rows: list[list[str]], names: list[str]) -> int:
    """Index of the header line: the first line holding every name."""
    for i, r in enumerate(rows):
        cells = [_cell(c) for c in r]
        if all(n in cells for n in names):
            return i
    raise AssertionError(f"no header line with {names}")


def col_index(header: list[str], name: str) -> int:
    cells = [_cell(c) for c in header]
    assert name in cells, f"column {name!r} not in header {cells[:10]}"
    return cells.index(name)


def find_row(rows: list[list[str]], h: int, sel: dict[str, str]) -> int:
    """Index (in rows) of the first data line matching every {column: value}."""
    idx = {col_index(rows[h], k): v for k, v in sel.items()}
    for i in range(h + 1, len(rows)):
        r = rows[i]
        if all(j < len(r) and _cell(r[j]) == v for j, v in idx.items()):
            return i
    raise AssertionError(f"no row matching {sel}")


def negate(value: str) -> str:
    v = value.strip()
    assert v and float(v.replace(",", "")) > 0, f"cell {value!r} is not a positive number"
    return "-" + v


def cut_mid_row(data: bytes, line_no: int) -> bytes:
    """The file cut inside line `line_no` (1-based): one character after its first comma."""
    lines = data.split(b"\n")
    start = sum(len(x) + 1 for x in lines[: line_no - 1])
    comma = lines[line_no - 1].index(b",")
    cut = start + comma + 2
    while True:  # end on a character boundary (a truncation, not an encoding error)
        try:
            data[:cut].decode("utf-8-sig" if data[:3] == b"\xef\xbb\xbf" else "utf-8")
            break
        except UnicodeDecodeError:
            try:
                data[:cut].decode("cp949")
                break
            except UnicodeDecodeError:
                cut += 1
    return data[:cut]


@dataclass
class Mutated:
    """The mutated bytes, and the file row (1-based) / column the mutation hit, where one did."""

    data: bytes
    row: int | None = None
    rows_ok: tuple[int, ...] = ()
    column: str | None = None


def mutate_csv(case: Case, data: bytes, mutation: str) -> Mutated:
    t = read_text_file(data)
    if mutation == "empty":
        return Mutated(b"")
    if mutation == "wrong_encoding":
        other = "utf-8" if t.encoding == "cp949" else "cp949"
        out = write_text_file(t, other)
        if out == write_text_file(t):  # pure ASCII: the same bytes in both, so write UTF-16 instead
            out = write_text_file(t, "utf-16")
        return Mutated(out)
    if case.not_read:
        if mutation == "truncated":
            return Mutated(cut_mid_row(data, max(2, len(t.rows) // 2)))
        if mutation == "shifted_years":  # every year in the file, header and cells
            t.rows = [shift_cells(r) for r in t.rows]
        return Mutated(write_text_file(t))
    names = [k for k in case.row] + [c for c in (case.num, case.drop, case.region) if c]
    h = header_index(t.rows, names)
    r = find_row(t.rows, h, case.row)
    rows = t.rows
    line = r + 1  # no multi-line cells in these files: list index + 1 = file row
    if mutation == CONTROL:
        return Mutated(write_text_file(t))
    if mutation in ("missing_column", "deleted_year_column"):
        name = case.drop if mutation == "missing_column" else case.year
        j = col_index(rows[h], name)
        t.rows = [x[:j] + x[j + 1:] if i >= h else x for i, x in enumerate(rows)]
        return Mutated(write_text_file(t), column=name)
    if mutation == "duplicate":
        t.rows = rows[: r + 1] + [list(rows[r])] + rows[r + 1:]
        return Mutated(write_text_file(t), rows_ok=(line, line + 1))
    if mutation == "truncated":
        return Mutated(cut_mid_row(write_text_file(t), line))
    if mutation == "shifted_years":  # the header's years and every year cell, all one year later
        cols = [col_index(rows[h], c) for c in case.shift if c != "header"]
        t.rows = [shift_cells(x) if i == h and "header" in case.shift
                  else [shift_cells([c])[0] if j in cols else c for j, c in enumerate(x)] if i > h else x
                  for i, x in enumerate(rows)]
        return Mutated(write_text_file(t))
    if mutation == "swapped_labels":
        first, last = swap_rows(rows, h, r, find_row(rows, h, case.swap), case)
        return Mutated(write_text_file(t), rows_ok=tuple(range(first + 1, last + 2)))
    col = {"non_numeric": case.num, "negative": case.neg or case.num, "unknown_region": case.region,
           "bad_separator": case.num, "missing_mark": case.num}[mutation]
    j = col_index(rows[h], col)
    quote = "'" if rows[r][j].lstrip().startswith("'") else ""
    if mutation == "unknown_region" and case.unknown_all:  # the region's whole block of rows renamed
        hit = [i for i in range(h + 1, len(rows)) if len(rows[i]) > j and rows[i][j] == rows[r][j]]
        for i in hit:
            rows[i][j] = case.unknown
        return Mutated(write_text_file(t), row=hit[0] + 1, rows_ok=(hit[0] + 1,), column=col)
    if mutation == "non_numeric":
        rows[r][j] = "12a"
    elif mutation == "bad_separator":
        rows[r][j] = "1,2,3"
    elif mutation == "missing_mark":
        rows[r][j] = "-"
    elif mutation == "negative":
        rows[r][j] = negate(rows[r][j])
    else:
        rows[r][j] = quote + case.unknown
    return Mutated(write_text_file(t), row=line, rows_ok=(line,), column=col)


def shift_cells(cells: list) -> list:
    """Every year (1900–2099) inside each cell one year later ('2015 년' → '2016 년', 'Y1970 1970' →
    'Y1971 1971', '2000. 1/4' → '2001. 1/4'); other cells as they are."""
    return [YEAR.sub(lambda m: str(int(m.group(1)) + 1), c) if isinstance(c, str) else c for c in cells]


def _block(rows: list[list[str]], i: int, j: int) -> range:
    """The run of consecutive rows around row i with the same label in column j (a region's block)."""
    lo, hi = i, i
    while lo - 1 > 0 and len(rows[lo - 1]) > j and rows[lo - 1][j] == rows[i][j]:
        lo -= 1
    while hi + 1 < len(rows) and len(rows[hi + 1]) > j and rows[hi + 1][j] == rows[i][j]:
        hi += 1
    return range(lo, hi + 1)


def swap_rows(rows: list[list[str]], h: int, r: int, s: int, case: Case) -> tuple[int, int]:
    """Swap the region label (the `swap_cols`, default the region column) of rows r and s — of
    their whole blocks where the file lists a region as a block of rows — and return the first and
    last row index touched."""
    cols = [col_index(rows[h], c) for c in (case.swap_cols or (case.region,))]
    if case.unknown_all:
        a, b = _block(rows, r, cols[0]), _block(rows, s, cols[0])
        la, lb = [rows[a[0]][j] for j in cols], [rows[b[0]][j] for j in cols]
        for i in a:
            for j, v in zip(cols, lb):
                rows[i][j] = v
        for i in b:
            for j, v in zip(cols, la):
                rows[i][j] = v
        return min(a[0], b[0]), max(a[-1], b[-1])
    for j in cols:
        rows[r][j], rows[s][j] = rows[s][j], rows[r][j]
    return min(r, s), max(r, s)


# --------------------------------------------------------------------------- workbooks

def _xlsx_header(ws, case: Case) -> dict[str, int]:
    """Column name → 1-based index: header text, the year of a year header, and the letter."""
    from openpyxl.utils import get_column_letter

    out = {}
    for c in range(1, ws.max_column + 1):
        v = ws.cell(case.header_row, c).value
        if v is not None:
            out[_cell(v)] = c
            m = re.search(r"(\d{4})\s*$", str(v))
            if m:
                out.setdefault(m.group(1), c)
        out[get_column_letter(c)] = c  # also under a merged header (a MergedCell has no letter of its own)
    return out


def _xlsx_row(ws, case: Case, cols: dict[str, int], sel: dict | None = None) -> int:
    sel = case.row if sel is None else sel
    year = None
    for r in range(case.header_row + 1, ws.max_row + 1):
        period = ws.cell(r, cols["Period"]).value if "Period" in cols else None
        if period not in (None, ""):
            year = _cell(period)
        want = {k: v for k, v in sel.items() if k != "_year"}
        if all(_cell(ws.cell(r, cols[k]).value) == v for k, v in want.items()) and \
                sel.get("_year", year) == year:
            return r
    raise AssertionError(f"no sheet row matching {sel}")


def resave_xlsx(data: bytes) -> bytes:
    """The workbook loaded and saved by openpyxl, unchanged otherwise."""
    import openpyxl

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Workbook contains no default style")
        book = openpyxl.load_workbook(io.BytesIO(data))
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def mutate_xlsx(case: Case, data: bytes, mutation: str) -> Mutated:
    import openpyxl

    if mutation == "empty":
        return Mutated(b"")
    if mutation == "truncated":
        return Mutated(data[: len(data) // 2])
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Workbook contains no default style")
        book = openpyxl.load_workbook(io.BytesIO(data))
    ws = book[case.sheet]
    cols = _xlsx_header(ws, case)
    r = _xlsx_row(ws, case, cols)
    out = Mutated(b"")
    if mutation in ("missing_column", "deleted_year_column"):
        name = case.drop if mutation == "missing_column" else case.year
        ws.delete_cols(cols[name])
        out.column = name
    elif mutation == "duplicate":
        ws.insert_rows(r + 1)
        for c in range(1, ws.max_column + 1):
            ws.cell(r + 1, c).value = ws.cell(r, c).value
        out.rows_ok = (r, r + 1)
    elif mutation == "swapped_labels":
        s = _xlsx_row(ws, case, cols, case.swap)
        c = cols[case.region]
        ws.cell(r, c).value, ws.cell(s, c).value = ws.cell(s, c).value, ws.cell(r, c).value
        out.rows_ok = tuple(range(min(r, s), max(r, s) + 1))
    elif mutation == "shifted_years":  # in every sheet: the header's years, or the year cells of a column
        for sheet in book.worksheets:
            if sheet.title != case.sheet and "header" not in case.shift:
                continue
            head = _xlsx_header(sheet, case)
            for c in range(1, sheet.max_column + 1):
                if "header" in case.shift:
                    cell = sheet.cell(case.header_row, c)
                    if cell.value is not None:  # not the covered part of a merged header (read-only, empty)
                        cell.value = shift_cells([cell.value])[0]
                if sheet.title == case.sheet and c in [head[n] for n in case.shift if n in head]:
                    for row in range(case.header_row + 1, sheet.max_row + 1):
                        cell = sheet.cell(row, c)
                        cell.value = shift_cells([cell.value])[0]
    elif mutation in ("non_numeric", "negative", "unknown_region", "bad_separator", "missing_mark"):
        col = {"non_numeric": case.num, "negative": case.neg or case.num, "unknown_region": case.region,
               "bad_separator": case.num, "missing_mark": case.num}[mutation]
        cell = ws.cell(r, cols[col])
        if mutation == "non_numeric":
            cell.value = "12a"
        elif mutation == "bad_separator":
            cell.value = "1,2,3"
        elif mutation == "missing_mark":
            cell.value = "x"  # KOSIS's mark for a suppressed figure
        elif mutation == "negative":
            assert isinstance(cell.value, (int, float)) and cell.value > 0, cell.value
            cell.value = -cell.value
        else:
            cell.value = case.unknown
        out.row, out.rows_ok, out.column = r, (r,), col
    buf = io.BytesIO()
    book.save(buf)
    out.data = buf.getvalue()
    return out


# --------------------------------------------------------------------------- JSON

def mutate_json(case: Case, data: bytes, mutation: str) -> Mutated:
    doc = json.loads(data.decode("utf-8"))
    text = json.dumps(doc, ensure_ascii=False, indent=2)
    if mutation == "empty":
        return Mutated(b"")
    if mutation == "wrong_encoding":
        return Mutated(text.encode("cp949"))
    if mutation == "truncated":
        lines = text.split("\n")
        return Mutated("\n".join(lines[: len(lines) // 2])[:-3].encode("utf-8"))
    recs, i = doc["regions"], case.row - 1
    out = Mutated(b"", row=case.row, rows_ok=(case.row,))
    if mutation == "missing_column":
        for rec in recs:
            rec.pop(case.drop)
        out = Mutated(b"", column=case.drop)
    elif mutation == "deleted_year_column":
        top, key = case.year.split(".")
        doc[top].pop(key)
        out = Mutated(b"", column=case.year)
    elif mutation == "duplicate":
        recs.insert(i + 1, dict(recs[i]))
        out.rows_ok = (case.row, case.row + 1)
    elif mutation in ("non_numeric", "negative", "bad_separator", "missing_mark") and case.num == "totalCount":
        doc["totalCount"] = {"non_numeric": "89a", "bad_separator": "8,9", "missing_mark": "-"}.get(
            mutation, -doc["totalCount"])
        out = Mutated(b"", column="totalCount")
    elif mutation in ("non_numeric", "bad_separator", "missing_mark"):
        recs[i][case.num] = {"non_numeric": "12a45", "bad_separator": "1,2,3", "missing_mark": "-"}[mutation]
        out.column = case.num
    elif mutation == "swapped_labels":
        j = case.swap - 1
        recs[i][case.region], recs[j][case.region] = recs[j][case.region], recs[i][case.region]
        out.rows_ok = tuple(range(min(i, j) + 1, max(i, j) + 2))
    elif mutation.startswith("shifted_date"):  # 'shifted_date:<key>:<±years>'
        _, key, years = mutation.split(":")
        top, name = key.split(".")
        d = date.fromisoformat(doc[top][name])
        doc[top][name] = d.replace(year=d.year + int(years)).isoformat()
        out = Mutated(b"", column=key)
    elif mutation == "negative":
        recs[i][case.num] = "-" + recs[i][case.num]
        out.column = case.num
    elif mutation == "unknown_region":
        recs[i][case.region] = case.unknown
        out.column = case.region
    out.data = json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")
    return out


MUTATE = {"csv": mutate_csv, "xlsx": mutate_xlsx, "json": mutate_json}


# --------------------------------------------------------------------------- what an error must name

def needs(case: Case, mutation: str) -> set[str]:
    """Parts the error must name besides the file ('row', 'column')."""
    mutation = mutation.split(":")[0]
    if mutation in case.needs:
        return set(case.needs[mutation])
    if mutation in ("empty", CONTROL):
        return set()
    if mutation == "truncated":
        return {"csv": {"row", "column"}, "xlsx": set(), "json": {"row"}}[case.fmt]
    if mutation == "wrong_encoding":
        return {"row", "column"} if case.fmt == "csv" else {"row"}
    if mutation in ("missing_column", "deleted_year_column", "shifted_date"):
        return {"column"} if case.fmt == "json" else {"row", "column"}
    if mutation == "swapped_labels" and case.fmt == "json":
        return {"row"}
    return {"row", "column"}


_COLUMNS: dict[str, set[str]] = {}


def file_columns(case: Case, data: bytes, mutation: str) -> set[str]:
    """Names an error may give a column of the file (cached per case; of the mutated file where
    the mutation renames columns: shifted years)."""
    if mutation == "shifted_years":
        return _file_columns(case, data)
    if case.id not in _COLUMNS:
        _COLUMNS[case.id] = _file_columns(case, data)
    return _COLUMNS[case.id]


def _file_columns(case: Case, data: bytes) -> set[str]:
    """Header cells and 'column N'; for a workbook also the column letters, the years of year
    headers and '<sheet>!<header>' of every sheet."""
    if case.fmt == "csv":
        t = read_text_file(data)
        h = header_index(t.rows, [k for k in case.row])
        return {_cell(c) for c in t.rows[h]} | {f"column {i}" for i in range(1, len(t.rows[h]) + 2)}
    import openpyxl

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Workbook contains no default style")
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=False)
    out: set[str] = set()
    for ws in book.worksheets:
        names = set(_xlsx_header(ws, case))
        out |= names | {f"{ws.title}!{n}" for n in names}
    return out


def check_error(err: SourceFileError, path: Path, case: Case, mutation: str, mut: Mutated,
                original: bytes) -> None:
    """A loader's error: it names the mutated file and, as `needs` says, its row (the mutated one) and
    a column of the file."""
    msg = str(err)
    assert str(path) in msg, f"error does not name the mutated file {path}: {msg}"
    need = needs(case, mutation)
    if "row" in need:
        assert err.row is not None and f"row {err.row}" in msg, f"error names no row: {msg}"
        if mut.rows_ok:
            assert err.row in mut.rows_ok, f"error names row {err.row}, the mutated row is {mut.rows_ok}: {msg}"
    if "column" in need:
        assert err.column and f"column {err.column!r}" in msg, f"error names no column: {msg}"
        if case.fmt != "json":  # a column of the file, not one made up by the loader
            named = file_columns(case, mut.data if mutation == "shifted_years" else original, mutation)
            assert err.column in named, f"{err.column!r} is not a column of the file: {msg}"
    if mutation == "missing_column":  # a column known by its letter only (xlsx) must be the one named
        named = err.column == mut.column if len(mut.column) <= 2 else mut.column in msg
        assert named, f"error does not name the dropped column {mut.column!r}: {msg}"


def check_failed(err: checks.CheckFailed, case: Case, mutation: str, mut: Mutated, original: bytes) -> None:
    """A failed build check: it names a cell of the mutated file — file, row (one of the mutated rows,
    where rows were mutated) and a column of the file."""
    msg = str(err)
    named = re.findall(re.escape(case.target) + r", row (\d+), column '([^']*)'", msg)
    assert named, f"the failed check names no row and column of {case.target}: {msg}"
    if mut.rows_ok:
        assert any(int(r) in mut.rows_ok for r, _ in named), f"no named row in {mut.rows_ok}: {msg}"
    columns = file_columns(case, mut.data if mutation == "shifted_years" else original, mutation)
    assert all(c in columns for _, c in named), f"a named column is not one of the file: {msg}"


# --------------------------------------------------------------------------- fixtures and tests

class Workspace:
    """Per module: a copy of the folders it reads (with the manifest) and its unmutated output and
    cells (computed once); the other sources' output and cells of the shipped files, for the checks."""

    def __init__(self, root: Path, raw: Path, shipped: tuple[dict, dict]):
        self.root, self.raw = root, raw
        self.frames, self.cells = shipped
        self.dirs: dict[str, Path] = {}
        self.baselines: dict[str, pd.DataFrame] = {}

    def get(self, case: Case) -> tuple[Path, pd.DataFrame]:
        key = case.target if case.per_file else case.module
        if case.module not in self.dirs:
            d = self.root / case.module
            for folder in case.folders:
                shutil.copytree(self.raw / folder, d / folder)
            shutil.copyfile(self.raw / "MANIFEST.csv", d / "MANIFEST.csv")
            originals = {c.id: c.loader()(d) for c in CASES if c.module == case.module and not c.not_read}
            books = [c.target for c in CASES if c.module == case.module and c.fmt == "xlsx"]
            for rel in books:  # the baseline is the workbook as openpyxl writes it (see below)
                (d / rel).write_bytes(resave_xlsx((d / rel).read_bytes()))
            for c in CASES:
                if c.module == case.module:
                    self.baselines[c.target if c.per_file else c.module] = c.loader()(d)
                    # openpyxl writes floats with 16 significant digits where the official file has 17:
                    # the rewritten workbook may differ in the last bit, nothing more
                    if c.id in originals:
                        pd.testing.assert_frame_equal(self.baselines[c.target if c.per_file else c.module],
                                                      originals[c.id], check_exact=False, rtol=1e-15)
            self.dirs[case.module] = d
        return self.dirs[case.module], self.baselines[key]

    def load_and_check(self, case: Case, raw: Path) -> pd.DataFrame:
        """The module's loader on `raw`, then the checks on what sources read (`checks.read_checks`)
        for its indicators, beside the other sources' shipped output; raises what they raise."""
        with _files.recording(raw, case.module) as rec:
            out = case.loader()(raw)
        if case.module == "population_decline":
            return out  # a status table: no observation to check
        mine = out.drop(columns="source_file", errors="ignore")
        base = pd.concat([mine] + [f for m, f in self.frames.items() if m != case.module], ignore_index=True)
        shipped = [c if m != case.module else c[c["file"] != case.target] for m, c in self.cells.items()
                   if m != case.module or case.per_file]  # a file loaded alone: its module's other files too
        cells = pd.concat(rec.cells + shipped, ignore_index=True)
        checks.fail(checks.read_checks(base, cells, only=set(mine["indicator"])), cells=cells)
        return out


def _shipped(raw_dir: Path, folder: Path) -> None:
    """Every source's output and cells of the shipped files (`build.run_sources`), pickled into `folder`."""
    frames, log = build.run_sources(raw_dir)
    modules = [e["module"] for e in log if e["status"] == "built"]
    cells = {e["module"]: pd.concat(e.pop("_cells"), ignore_index=True) for e in log if e.get("_cells")}
    with open(folder / "shipped.pickle", "wb") as f:
        pickle.dump((dict(zip(modules, frames)), cells), f)


@pytest.fixture(scope="module")
def workspace(raw_dir, tmp_path_factory) -> Workspace:
    """The sources run once per pytest run on the shipped files (under xdist the first worker to ask
    runs them, the others read the pickle: the frames come back exactly as they were)."""
    folder = once_per_run(tmp_path_factory, "run-shipped-sources", lambda out: _shipped(raw_dir, out))
    with open(folder / "shipped.pickle", "rb") as f:
        shipped = pickle.load(f)  # noqa: S301 — written by this run, just above
    return Workspace(tmp_path_factory.mktemp("mutations"), raw_dir, shipped)


@contextmanager
def written(path: Path, data: bytes) -> Iterator[None]:
    """`data` in place of the file for the duration; the original bytes restored afterwards."""
    original = path.read_bytes()
    try:
        path.write_bytes(data)
        yield
    finally:
        path.write_bytes(original)


def outcome(workspace: Workspace, case: Case, mutation: str) -> str:
    """Mutate the case's file, load and check: 'error' (named as required), 'unchanged', or a failed
    assertion (accepted with changed numbers, another exception, or an error naming too little)."""
    raw, baseline = workspace.get(case)
    path = raw / case.target
    original = path.read_bytes()
    mut = MUTATE[case.fmt](case, original, mutation)
    assert mut.data != original or mutation == CONTROL, "the mutation left the file unchanged (harness error)"
    with written(path, mut.data):
        try:
            out = workspace.load_and_check(case, raw)
        except SourceFileError as err:
            assert mutation != CONTROL and not case.not_read, f"{case.target} is not expected to fail: {err}"
            check_error(err, path, case, mutation, mut, original)
            return "error"
        except checks.CheckFailed as err:
            assert mutation != CONTROL and not case.not_read, f"{case.target} is not expected to fail: {err}"
            check_failed(err, case, mutation, mut, original)
            return "error"
    pd.testing.assert_frame_equal(out, baseline, check_exact=True,
                                  obj=f"{case.module} output after {mutation} of {case.target}")
    return "unchanged"


@pytest.mark.parametrize(("case", "mutation"), list(_params()))
def test_mutation_fails_loudly_or_changes_nothing(workspace, case, mutation):
    """One test per file and kind; 'unchanged' only for the control, files no loader reads and the
    mutations proven harmless (HARMLESS, the docstring's table)."""
    subs = [f"shifted_date:{k}:{y:+d}" for k in case.dates for y in (1, -1)] if mutation == "shifted_date" \
        else [mutation]  # each date of a notice, a year later and a year earlier
    for sub in subs:
        if outcome(workspace, case, sub) == "unchanged":
            assert sub == CONTROL or case.not_read or (case.id, sub) in HARMLESS, \
                f"{sub} of {case.target} left the output equal but is not among the mutations shown harmless"


def test_every_harmless_mutation_is_a_case():
    """The table of harmless mutations names only cases and mutations that are run."""
    ids = {c.id: c for c in CASES}
    for case_id, mutation in HARMLESS:
        assert case_id in ids and applies(ids[case_id], mutation.split(":")[0]), (case_id, mutation)


def _layout(path: Path) -> tuple[str, bool]:
    """A kostat_gi file's layout: its header line and whether it has 전국 rows."""
    text = path.read_bytes().decode("utf-8-sig")
    header = text.splitlines()[0].strip()
    return header, any(",0.전국," in line for line in text.splitlines()[1:])


def test_every_raw_file_is_covered(raw_dir):
    """Every file of the manifest is a case, or a kostat_gi file with the layout of a case, or
    out of the declared ids; every case's file is in the manifest."""
    listed = pd.read_csv(raw_dir / "MANIFEST.csv")["path"].tolist()
    targets = {c.target for c in CASES}
    assert targets <= set(listed), sorted(targets - set(listed))
    read_ids = {f"kostat_gi/data/indicator_{sid}.csv" for sid in kostat_gi.SPEC}
    layouts = {_layout(raw_dir / c.target) for c in CASES if c.module == "kostat_gi" and not c.not_read}
    for rel in listed:
        if rel in targets:
            continue
        assert rel.startswith("kostat_gi/data/"), f"{rel}: no mutation case"
        if rel in read_ids:
            assert _layout(raw_dir / rel) in layouts, f"{rel}: layout {_layout(raw_dir / rel)} has no case"
        else:  # not read by kostat_gi (ids 5-x … 11-x, 2-2-2): two such files are cases above
            assert not any(rel.endswith(f"_{sid}.csv") for sid in kostat_gi.SPEC), rel
