"""Per-capita GRDP, gross regional income, individual income and private consumption by 시도.

KOSIS DT_1C86 (English download of 2023-11-18, 통계청 지역소득), **2015 base year**, thousand
KRW (천원), current prices. Sheet `Data`: Period / By province / one column per item, the
Period filled only on the first row of each year (filled down here), '-' where an item is
not compiled (GRI and individual income before 2000, private consumption before 1995).
Sheet `Meta Data` gives the table id, title, download date and unit, all checked here.

The 2015-base figures must never be joined with the 2020-base GRDP of `grdp`: the ids carry
`_2015base`. 통계청 moved 지역소득 to the 2020 base on 2024-09-05 (2015–2022; earlier years
in 2025), so a DT_1C86 download dated from then on is refused rather than mislabelled.
광주 (1987), 대전 (1989), 울산 (1998) and 세종 (2013) have no rows before they were separated.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pandas as pd

from geo.crosswalk import UnknownRegionError, sido_code_for_name
from indicators.errors import SourceFileError
from indicators.registry import declared
from indicators.sources._files import check_coverage, load_all, recorded, tidy_sourced
from indicators.sources._io import (
    check_marks,
    check_order,
    check_unique,
    marks_of,
    read_xlsx_sheet,
    refuse_negative,
    require_columns,
    table_of,
    to_number,
    year_of,
)

FILE_PATTERN = "Regional_GDP__Gross_regional_income_and_Individual_income_*.xlsx"
DATA_SHEET, META_SHEET = "Data", "Meta Data"
PERIOD, REGION = "Period", "By province"
NATION_NAMES = frozenset({"Whole country"})
TABLE_ID, UNIT = "DT_1C86", "Thousand won"
REBASED_ON = date(2024, 9, 5)  # 통계청 「지역소득 2020년 기준년 개편 결과」 published

SOURCE, INDICATORS = declared(__name__)  # metadata: grdp_per_capita.yaml beside this file

# indicator id -> header of its column in sheet Data
COLUMNS: dict[str, str] = {
    "grdp_per_capita_2015base_krw_th": "Regional GDP per Capita",
    "gri_per_capita_2015base_krw_th": "Gross Regional Income per Capita",
    "personal_income_per_capita_2015base_krw_th": "Individual Income per Capita",
    "private_consumption_per_capita_2015base_krw_th": "Private Consumption per Capita",
}


def read_meta(path: Path) -> dict[str, str]:
    """Sheet Meta Data as {label: value}; the table id, unit and download date are checked."""
    raw = read_xlsx_sheet(path, META_SHEET, header=None)
    if raw.shape[1] < 2:
        raise SourceFileError(path, f"sheet {META_SHEET!r} has no label/value columns")
    meta = {str(k).strip("○ ").strip(): str(v).strip() for k, v in zip(raw[0], raw[1]) if pd.notna(k)}
    for label, want in (("Table ID", TABLE_ID), ("Unit", UNIT)):
        if meta.get(label, "").lower() != want.lower():
            raise SourceFileError(path, f"sheet {META_SHEET!r}: {label} is {meta.get(label)!r}, "
                                  f"expected {want!r}", column=label)
    m = re.match(r"(\d{4})\.(\d{2})\.(\d{2})", meta.get("Download Date", ""))
    if not m:
        raise SourceFileError(path, f"sheet {META_SHEET!r}: no Download Date", column="Download Date")
    if date(*map(int, m.groups())) >= REBASED_ON:
        raise SourceFileError(path, f"downloaded {m.group(0)}, after 통계청 moved 지역소득 to the 2020 base "
                              f"({REBASED_ON}): these figures are not 2015 base", column="Download Date")
    return meta


def read_data(path: Path) -> pd.DataFrame:
    """Sheet Data with Period filled down to every row (`year`) and the sheet row (`_row`)."""
    df = read_xlsx_sheet(path, DATA_SHEET, header=0)
    df.columns = [str(c).strip() for c in df.columns]
    require_columns(path, df, [PERIOD, REGION, *COLUMNS.values()])
    if df.empty:
        raise SourceFileError(path, f"sheet {DATA_SHEET!r} has no data rows")
    df["_row"] = df.index + 2  # header is sheet row 1
    years = []
    for label, row in zip(df[PERIOD].ffill(), df["_row"]):
        year = year_of(label) if pd.notna(label) else None
        if year is None:
            raise SourceFileError(path, f"sheet {DATA_SHEET!r}: period {label!r} is not a year",
                                  row=int(row), column=PERIOD)
        years.append(year)
    df["year"] = years
    df[REGION] = df[REGION].str.strip()
    check_unique(path, df, ["year", REGION], row_col="_row", column=REGION)
    return df


def region_codes(path: Path, df: pd.DataFrame) -> pd.Series:
    """'00' for Whole country, the canonical 시도 code for an English 시도 name; unknown raises."""
    out = []
    for name, row in zip(df[REGION], df["_row"]):
        try:
            out.append("00" if name in NATION_NAMES else sido_code_for_name(name))
        except UnknownRegionError as err:
            raise SourceFileError(path, f"sheet {DATA_SHEET!r}: {err}", row=int(row), column=REGION) from None
    return pd.Series(out, index=df.index)


def reshape(path: Path, df: pd.DataFrame) -> pd.DataFrame:
    """Long rows per indicator; '-' (not compiled) gives no row; a negative amount raises."""
    parts = []
    for ind_id, col in COLUMNS.items():
        value = to_number(path, df[col], column=col, first_row=2)
        refuse_negative(path, value, df["_row"], col, "a per-capita amount")
        parts.append(pd.DataFrame({"region_code": df["region_code"], "year": df["year"], "indicator": ind_id,
                                   "value": value, "mark": marks_of(df[col]), "_row": df["_row"], "_col": col}))
    long = pd.concat(parts, ignore_index=True)
    table = table_of(SOURCE, path)
    check_coverage(path, df.assign(_col=PERIOD), df.assign(_col=REGION))
    check_marks(path, long, table)
    check_order(path, df.assign(_block=df["year"]), table, REGION)
    return long.dropna(subset=["value"]).drop(columns="mark")


def load_file(path: Path) -> pd.DataFrame:
    """One download → tidy per-capita rows (thousand KRW, 2015 base); metadata checked first."""
    read_meta(path)
    df = read_data(path)
    df["region_code"] = region_codes(path, df)
    return recorded(path, reshape(path, df))


def load(raw_dir: Path) -> pd.DataFrame:
    """Tidy per-capita indicators (thousand KRW, 2015 base) for '00' and the 시도.

    Several 2015-base downloads are combined by the newest-vintage rule (`_files.combine_files`);
    `source_file` names the file of each row."""
    return tidy_sourced(load_all(raw_dir, FILE_PATTERN, load_file))
