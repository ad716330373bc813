"""지역발전지수 (산업연구원 KIET, NAVIS) by 시도, 1995–2019: an established composite index.

File `reference/1_2. 시계열자료(사이트게재)_지역발전지수_2021년.xlsx` (SOURCES.md): a contents
sheet (목차) and one sheet per index — 총합 (overall), 경제력 (economic power), 주민활력
(resident vitality; the sheet is titled '주민생활력') — each with 시도 names in column A and
years 1995–2019 across row 1. Index scores, not raw indicators: for comparison with the
project's own composite index.

Rows: 16 시도 under their names of the time (강원도, 전라북도, 제주도); no 세종 at all; 울산
empty before 1998. The 전국 row is printed empty (kept as NaN). 수도권 is NAVIS's own score for
서울·인천·경기 → 'CR'; the other 권역 rows (충청권, 호남권, 대경권, 동남권, 강원권, 제주권) have
no code in the registry and are excluded by an explicit rule.
"""
from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

from geo.crosswalk import UnknownRegionError, sido_code_for_name
from indicators.errors import SourceFileError
from indicators.registry import declared
from indicators.sources._files import check_coverage, load_all, recorded, tidy_sourced
from indicators.sources._io import (
    check_consecutive_years,
    check_marks,
    check_order,
    check_unique,
    marks_of,
    refuse_negative,
    table_of,
    to_number,
    year_of,
)

FILE_PATTERN = "*지역발전지수*.xlsx"
# sheet name → (indicator id, label expected in cell A1)
SHEETS: dict[str, tuple[str, str]] = {
    "I지역발전지수(총합)": ("navis_index_total", "지역발전지수"),
    "I지역발전지수(경제력)": ("navis_economic_power", "지역발전(경제력지수)"),
    "I지역발전지수(주민생활력)": ("navis_resident_vitality", "지역발전(주민활력지수)"),
}
NATION = "전국"
GROUPS = {"수도권": "CR"}  # NAVIS's 수도권 = 서울·인천·경기, the project's CR
# Rule: NAVIS 권역 without a registry code are not loaded (they are groupings, not regions here).
EXCLUDED_GROUPS = frozenset({"충청권", "호남권", "대경권", "동남권", "강원권", "제주권"})

SOURCE, INDICATORS = declared(__name__)  # metadata: navis.yaml beside this file


def _book(path: Path) -> dict[str, pd.DataFrame]:
    """The index sheets as strings (no header row); a broken workbook or missing sheet names the file."""
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Workbook contains no default style")
            book = pd.ExcelFile(path, engine="openpyxl")
    except Exception as err:  # empty, truncated (broken zip) or not a workbook at all
        raise SourceFileError(path, f"not a readable xlsx workbook ({type(err).__name__}: {err})") from None
    with book:
        missing = [s for s in SHEETS if s not in book.sheet_names]
        if missing:
            raise SourceFileError(path, f"sheet {missing[0]!r} missing; found {book.sheet_names}")
        return {s: pd.read_excel(book, sheet_name=s, header=None, dtype=str) for s in SHEETS}


def _code(path: Path, sheet: str, name: str, row: int) -> str | None:
    """'00', a canonical 시도 code, 'CR', or None for an excluded 권역; unknown raises."""
    if name == NATION:
        return "00"
    if name in GROUPS:
        return GROUPS[name]
    if name in EXCLUDED_GROUPS:
        return None
    try:
        return sido_code_for_name(name)
    except UnknownRegionError as err:
        raise SourceFileError(path, f"sheet {sheet!r}: {err}", row=row, column="A") from None


def read_sheet(path: Path, sheet: str, raw: pd.DataFrame) -> pd.DataFrame:
    """One index sheet → region_code, year, value (NaN where the cell is empty)."""
    indicator, label = SHEETS[sheet]
    raw = raw.dropna(axis=1, how="all")
    if raw.shape[0] < 2 or str(raw.iloc[0, 0]).strip() != label:
        raise SourceFileError(path, f"sheet {sheet!r}: cell A1 is {raw.iloc[0, 0] if len(raw) else None!r}, "
                              f"expected {label!r}", row=1, column="A")
    body = raw.iloc[1:].assign(_row=range(2, len(raw) + 1))
    body[0] = body[0].str.strip()
    body["region_code"] = [_code(path, sheet, n, r) for n, r in zip(body[0], body["_row"])]
    parts, years = [], {}
    for pos in raw.columns[1:]:
        year = year_of(raw.iloc[0][pos])
        if year is None:
            raise SourceFileError(path, f"sheet {sheet!r}: header {raw.iloc[0][pos]!r} is not a year", row=1,
                                  column=f"{sheet}!{pos + 1}")
        years[f"{sheet}!{year}"] = year
    check_consecutive_years(path, years)
    for pos in raw.columns[1:]:
        year = year_of(raw.iloc[0][pos])
        # an empty cell reads as NaN, which to_number would call non-numeric: make it '' (missing)
        values = to_number(path, body[pos].fillna(""), f"{sheet}!{year}", first_row=2)
        # every published score is positive (4.6–7.2 in the 2021 file): a negative one is not a score
        refuse_negative(path, values, body["_row"], f"{sheet}!{year}", "an index score")
        parts.append(pd.DataFrame({"_row": body["_row"], "region_code": body["region_code"], "year": year,
                                   "indicator": indicator, "value": values, "mark": marks_of(body[pos]),
                                   "_col": f"{sheet}!{year}"}))
    out = pd.concat(parts, ignore_index=True).dropna(subset=["region_code"])
    check_unique(path, out, ["region_code", "year"], row_col="_row", column="A")
    table = table_of(SOURCE, path)
    check_coverage(path, pd.DataFrame({"year": list(years.values()), "_row": 1, "_col": list(years)}),
                   out.drop_duplicates("region_code").assign(_col="A"))
    check_marks(path, out, table)
    check_order(path, out.drop_duplicates("region_code").assign(_block=sheet), table, "A")
    return out.drop(columns="mark")


def load_file(path: Path) -> pd.DataFrame:
    """One workbook → tidy index scores of every sheet."""
    sheets = _book(path)
    return recorded(path, pd.concat([read_sheet(path, s, raw) for s, raw in sheets.items()], ignore_index=True))


def load(raw_dir: Path) -> pd.DataFrame:
    """Tidy NAVIS index scores (총합, 경제력, 주민활력) per 시도 and 수도권, 1995–2019.

    Several workbooks are combined by the newest-vintage rule (`_files.combine_files`);
    `source_file` names the file of each row."""
    return tidy_sourced(load_all(raw_dir, FILE_PATTERN, load_file))
