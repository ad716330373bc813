"""GRDP by 시도, 2020 base year (KOSIS 「시도별 경제활동별 지역내총생산」, most likely DT_1C81).

File `grdp/시도별 지역내총생산.csv`: UTF-8 with BOM, wide (`1985 년` … `2023 년`), one row per
시도 × 경제활동 × 항목 (명목 / 실질 in million KRW, 실질기여도 in %p), an empty 단위 column and
a trailing empty column. Values in million KRW (백만원).

- 명목 (nominal) is in current prices and additive: the 17 시도 sum to 전국.
- 실질 (real) is chained-volume at 2020 prices: chained figures are not additive.
- 광주 (from 1987), 대전 (1989), 울산 (1998) and 세종 (2013) have empty cells before they
  were separated; their output sits inside the parent province then. Empty cells give no
  row (never 0).
"""
from __future__ import annotations

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
    read_csv_text,
    read_text,
    refuse_negative,
    require_columns,
    table_of,
    to_number,
    year_of,
)

FILE_PATTERN = "시도별 지역내총생산.csv"
REGION, ACTIVITY, ITEM = "시도별", "경제활동별", "항목"
NATION_NAMES = frozenset({"전국"})

SOURCE, INDICATORS = declared(__name__)  # metadata: grdp.yaml beside this file

# indicator id -> (경제활동별, 항목)
SPEC: dict[str, tuple[str, str]] = {
    "grdp_nominal_krw_mn": ("지역내총생산(시장가격)", "명목"),
    "grdp_real_krw_mn": ("지역내총생산(시장가격)", "실질"),
    "grdp_manufacturing_nominal_krw_mn": ("제조업", "명목"),
    "grdp_services_nominal_krw_mn": ("서비스업", "명목"),
}


def _clean_header(name: str) -> str:
    """Header cell without stray BOMs: a doubled BOM or its mojibake ('ï»¿') before 시도별."""
    name = name.strip()
    while True:
        stripped = name.lstrip("\ufeff").removeprefix("\u00ef\u00bb\u00bf").strip()
        if stripped == name:
            return name
        name = stripped


def read(path: Path) -> pd.DataFrame:
    """The table as strings with the file row of each record (`_row`) and year columns."""
    df = read_csv_text(path, read_text(path))
    df.columns = [_clean_header(c) for c in df.columns]
    require_columns(path, df, [REGION, ACTIVITY, ITEM])
    if not any(year_of(c) for c in df.columns):
        raise SourceFileError(path, "no year columns ('1985 년' …) in the header", row=1)
    check_consecutive_years(path, {c: year_of(c) for c in df.columns if year_of(c)})
    df[REGION] = df[REGION].str.strip()
    df[ACTIVITY] = df[ACTIVITY].str.strip()
    df[ITEM] = df[ITEM].str.strip()
    df["_row"] = df.index + 2  # header is row 1 (read_csv_text keeps no blank lines)
    check_unique(path, df, [REGION, ACTIVITY, ITEM], row_col="_row")
    return df


def region_codes(path: Path, df: pd.DataFrame) -> pd.Series:
    """'00' for 전국, canonical 시도 code for the rest; an unknown name raises with its row."""
    codes = {}
    for name, row in zip(df[REGION], df["_row"]):
        if name in codes:
            continue
        try:
            codes[name] = "00" if name in NATION_NAMES else sido_code_for_name(name)
        except UnknownRegionError as err:
            raise SourceFileError(path, str(err), row=int(row), column=REGION) from None
    return df[REGION].map(codes)


def values(path: Path, df: pd.DataFrame) -> pd.DataFrame:
    """Long (row, year, value) for every cell of every year column, numbers checked."""
    parts = []
    for col in df.columns:
        year = year_of(col)
        if year is None:
            continue
        num = to_number(path, df[col], column=col, first_row=int(df["_row"].iloc[0]))
        parts.append(pd.DataFrame({"_row": df["_row"], "year": year, "value": num, "_col": col,
                                   "mark": marks_of(df[col])}))
    return pd.concat(parts, ignore_index=True)


def select(path: Path, df: pd.DataFrame) -> pd.DataFrame:
    """The rows of SPEC, labelled with their indicator; a missing activity/item raises."""
    parts = []
    for ind_id, (activity, item) in SPEC.items():
        rows = df[(df[ACTIVITY] == activity) & (df[ITEM] == item)]
        if rows.empty:
            raise SourceFileError(path, f"no rows for {ACTIVITY}={activity!r}, {ITEM}={item!r}", column=ACTIVITY)
        parts.append(rows.assign(indicator=ind_id))
    return pd.concat(parts, ignore_index=True)


def load_file(path: Path) -> pd.DataFrame:
    """One GRDP file → tidy rows (million KRW); empty cells give no row."""
    df = read(path)
    df["region_code"] = region_codes(path, df)
    long = values(path, df)
    picked = select(path, df)[["_row", "region_code", "indicator"]]
    out = picked.merge(long, on="_row", how="left")
    table = table_of(SOURCE, path)
    years = long.drop_duplicates("year")
    check_coverage(path, years.assign(_row=1), picked.assign(_col=REGION))
    check_marks(path, out, table)  # rows read only
    for ind, rows in picked.groupby("indicator", sort=False):  # each (activity, item) lists the 시도 once
        check_order(path, rows.assign(_block=ind), table, REGION)
    out = out.dropna(subset=["value"])
    refuse_negative(path, out["value"], out["_row"], out["_col"], "GRDP in million KRW")  # rows read only
    return recorded(path, out)


def load(raw_dir: Path) -> pd.DataFrame:
    """Tidy GRDP indicators (million KRW) for '00' and the 17 시도; empty cells give no row.

    Copies of the table (e.g. a newer download in another folder) are combined by the
    newest-vintage rule (`_files.combine_files`); `source_file` names the file of each row."""
    return tidy_sourced(load_all(raw_dir, FILE_PATTERN, load_file))
