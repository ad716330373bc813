"""재정자립도·재정자주도 (KOSIS) by 시도 2001–2025, and 재정자립도 by 시군구 for 2023.

Two files (SOURCES.md, `fiscal/`):

- `kosis_fiscal_autonomy_data.csv` — KOSIS 재정자립도 (DT_1YL20921) and 재정자주도
  (DT_1YL20891), 전국 + 17 시도, 2001–2025, as fractions (0.576 = 57.6%); returned in percent.
  Its column names are swapped against Korean usage (mapped explicitly in COLUMN_INDICATOR).
  Series break in 2014 (세입과목 개편): SERIES_BREAK_YEAR.
- `finance_autonomy.csv` — 재정자립도(세입과목개편후) in %, one year without a year column
  (FINANCE_AUTONOMY_YEAR), 전국, each 시도 소계 row and the 시군구 below it (시도 name only on
  its 소계 row), no codes: 시군구 are matched by name within their 시도.

Either file alone is enough; InputsMissing only if both are absent.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from geo import regions
from geo.crosswalk import SIGUNGU_NAME_ALIASES, UnknownRegionError, is_general_gu, sido_code_for_name, to_current_code
from indicators.errors import InputsMissing, SourceFileError
from indicators.registry import declared
from indicators.schema import KEY
from indicators.sources._files import (
    check_coverage,
    combine_files,
    find_files,
    find_optional,
    note_files,
    recorded,
    relative,
    tidy_sourced,
)
from indicators.sources._io import (
    check_marks,
    check_order,
    check_unique,
    marks_of,
    read_csv_text,
    read_text,
    require_columns,
    table_of,
    to_number,
)

SERIES_FILE = "kosis_fiscal_autonomy_data*.csv"
SIGUNGU_FILE = "finance_autonomy*.csv"

# 2014 세입과목 개편 (revenue classification reform): ratios from 2014 on are not comparable
# with 2013 and before (전국 재정자립도 51.1% in 2013 → 44.8% in 2014 in this file).
SERIES_BREAK_YEAR = 2014

# finance_autonomy.csv has no year column. Inferred, not read: SOURCES.md says "very likely
# 2023"; the data agree — its 전국 and 17 시도 소계 values equal the 2023 values of
# kosis_fiscal_autonomy_data.csv (to the published decimal) and those of no other year
# (checked in tests/test_source_fiscal.py).
FINANCE_AUTONOMY_YEAR = 2023

# The series file's column names are swapped against Korean usage (SOURCES.md):
#   fiscal_autonomy_ratio     holds 재정자립도 (fiscal self-reliance, DT_1YL20921)
#   fiscal_independence_ratio holds 재정자주도 (fiscal autonomy, DT_1YL20891)
COLUMN_INDICATOR: dict[str, str] = {
    "fiscal_autonomy_ratio": "fiscal_self_reliance_pct",
    "fiscal_independence_ratio": "fiscal_autonomy_pct",
}
NATION = "전국"
SUBTOTAL = "소계"
SIDO_COL, SGG_COL = "행정구역별(1)", "행정구역별(2)"

# 시군구 listed under a 시도 they have since left: (시도 code, name) → code in force then,
# mapped forward by geo.crosswalk.to_current_code. 군위군 is listed under 경상북도 (the 2023
# budget predates its move to 대구 on 2023-07-01) → 47720 → 27720.
FORMER_PLACEMENT: dict[tuple[str, str], str] = {("47", "군위군"): "47720"}

SOURCE, INDICATORS = declared(__name__)  # metadata: fiscal.yaml beside this file


def _one_file(raw_dir: Path, pattern: str) -> Path | None:
    """The single file matching pattern, None if absent; two matches are an error."""
    try:
        paths = find_files(raw_dir, pattern)
    except InputsMissing:
        return None
    if len(paths) > 1:  # finance_autonomy.csv states no year: two files cannot be told apart by period
        raise SourceFileError(paths[1], f"more than one file matches {pattern!r}: {[str(p) for p in paths]}")
    return paths[0]


def _sido(path: Path, name: str, row: int, column: str) -> str:
    """'00' for 전국, else the canonical 시도 code (old names such as 강원도, 전라북도 mapped)."""
    name = name.strip()
    if name == NATION:
        return "00"
    try:
        return sido_code_for_name(name)
    except UnknownRegionError as err:
        raise SourceFileError(path, str(err), row=row, column=column) from None


# --- 시도 series (kosis_fiscal_autonomy_data.csv) -------------------------------------------

def read_series(path: Path) -> pd.DataFrame:
    """Rows as strings with their file row (`_row`); repeated header rows flagged (`_header`)."""
    df = read_csv_text(path, read_text(path))
    df.columns = [c.strip().lstrip("\ufeff") for c in df.columns]
    require_columns(path, df, ["year", "region", *COLUMN_INDICATOR])
    df["_row"] = df.index + 2
    # Rule: a row repeating the header (its year cell reads 'year', possibly behind a stray
    # BOM) comes from concatenated downloads and is skipped; anything else must be data.
    df["_header"] = df["year"].str.strip().str.lstrip("\ufeff").str.strip().str.lower().eq("year")
    return df


def _fractions(path: Path, df: pd.DataFrame, column: str) -> pd.Series:
    """A ratio column as fractions in [0, 1]; header repeats blanked first so rows stay aligned."""
    num = to_number(path, df[column].where(~df["_header"], ""), column, first_row=2)
    bad = ~df["_header"] & (num.isna() | ~num.between(0, 1))
    if bad.any():
        r = df[bad].iloc[0]
        raise SourceFileError(path, f"{r[column]!r} is not a fraction between 0 and 1 (the file gives "
                              "ratios as fractions, 0.576 = 57.6%)", row=int(r["_row"]), column=column)
    return num


def clean_series(path: Path, df: pd.DataFrame) -> pd.DataFrame:
    """year, region_code and the two ratios (fractions), one row per region-year."""
    years = to_number(path, df["year"].where(~df["_header"], ""), "year", first_row=2)
    out = pd.DataFrame({"_row": df["_row"], "year": years})
    for col in COLUMN_INDICATOR:
        out[col] = _fractions(path, df, col)
    out = out[~df["_header"]]
    if out.empty:
        raise SourceFileError(path, "no data rows (only header rows)")
    rows = df.loc[out.index]
    odd = out["year"].isna() | (out["year"] % 1 != 0)
    if odd.any():
        r = rows[odd].iloc[0]
        raise SourceFileError(path, f"year {r['year']!r} is not a year", row=int(r["_row"]), column="year")
    out["region_code"] = [_sido(path, n, int(r), "region") for n, r in zip(rows["region"], rows["_row"])]
    check_unique(path, out, ["region_code", "year"], row_col="_row", column="region")
    table = table_of(SOURCE, path)
    check_coverage(path, out.assign(_col="year"), out.assign(_col="region"))
    for col in COLUMN_INDICATOR:
        check_marks(path, out.assign(mark=marks_of(rows[col]).to_numpy(), _col=col), table)
    check_order(path, out.assign(_block=out["year"]), table, "region")
    # 재정자주도 ⊇ 재정자립도 by definition: a row breaking this means a swapped or shifted column
    wrong = out["fiscal_independence_ratio"] < out["fiscal_autonomy_ratio"]
    if wrong.any():
        r = out[wrong].iloc[0]
        raise SourceFileError(path, "재정자주도 (fiscal_independence_ratio) below 재정자립도 "
                              "(fiscal_autonomy_ratio): columns swapped or misaligned", row=int(r["_row"]),
                              column="fiscal_independence_ratio")
    return out.astype({"year": "int64"})


def reshape_series(df: pd.DataFrame) -> pd.DataFrame:
    """Long rows, fractions → percent."""
    long = df.melt(id_vars=["region_code", "year", "_row"], value_vars=list(COLUMN_INDICATOR),
                   var_name="_col", value_name="value")
    long["indicator"] = long["_col"].map(COLUMN_INDICATOR)
    # ×100, rounded to 6 decimals: the file carries binary float noise (0.27699999999999997)
    long["value"] = (long["value"] * 100.0).round(6)
    return long


def load_series(path: Path) -> pd.DataFrame:
    """Tidy 재정자립도 / 재정자주도 (%) for 전국 and the 시도, 2001–2025."""
    return recorded(path, reshape_series(clean_series(path, read_series(path))))


# --- 시군구, one year (finance_autonomy.csv) ---------------------------------------------------

def read_sigungu(path: Path) -> tuple[pd.DataFrame, str]:
    """Rows as strings with file row (`_row`) and the 시도 name filled down (`sido_name`)."""
    df = read_csv_text(path, read_text(path))
    require_columns(path, df, [SIDO_COL, SGG_COL])
    value_cols = [c for c in df.columns if c.startswith("재정자립도")]
    if not value_cols:
        raise SourceFileError(path, f"no 재정자립도 column; found {list(df.columns)}", row=1, column="재정자립도")
    value_col = value_cols[0]
    if "개편후" not in value_col:  # the other basis (개편전) is a different series
        raise SourceFileError(path, f"expected 재정자립도(세입과목개편후), found {value_col!r}", row=1,
                              column=value_col)
    df["_row"] = df.index + 2
    # the 시도 name is printed only on its 소계 row: fill it down to the 시군구 rows below
    df["sido_name"] = df[SIDO_COL].str.strip().replace("", pd.NA).ffill()
    first = df["sido_name"].isna()
    if first.any():
        raise SourceFileError(path, "시군구 row before any 시도 row", row=int(df.loc[first, "_row"].iloc[0]),
                              column=SIDO_COL)
    return df, value_col


def _sigungu(path: Path, sido: str, name: str, row: int) -> str | None:
    """Canonical 시군구 code of a name within its 시도; None for an 일반구 (excluded); unknown raises."""
    key = name.replace(" ", "")
    table = regions.sigungu_by_name()
    if (sido, key) in table:
        return table[(sido, key)]
    if (sido, key) in SIGUNGU_NAME_ALIASES:
        return table[(sido, SIGUNGU_NAME_ALIASES[(sido, key)])]
    if (sido, key) in FORMER_PLACEMENT:
        return to_current_code(FORMER_PLACEMENT[(sido, key)])
    # Rule: a '…구' inside a province is an 일반구, part of its city whose row carries the
    # whole city: excluded so nothing is counted twice.
    if is_general_gu(sido + "000", key):
        return None
    raise SourceFileError(path, f"unknown 시군구 name {name!r} under 시도 {sido}", row=row, column=SGG_COL)


def clean_sigungu(path: Path, df: pd.DataFrame, value_col: str) -> pd.DataFrame:
    """region_code and value (%) per row; 일반구 rows dropped; duplicated regions raise."""
    codes = []
    for sido_name, sgg, row in zip(df["sido_name"], df[SGG_COL].str.strip(), df["_row"]):
        sido = _sido(path, sido_name, int(row), SIDO_COL)
        if sgg == SUBTOTAL:
            codes.append(sido)
        elif sido == "00":
            raise SourceFileError(path, f"시군구 {sgg!r} under 전국", row=int(row), column=SGG_COL)
        else:
            codes.append(_sigungu(path, sido, sgg, int(row)))
    out = pd.DataFrame({"_row": df["_row"], "region_code": codes,
                        "value": to_number(path, df[value_col], value_col, first_row=2)})
    bad = out["value"].notna() & ~out["value"].between(0, 100)
    if bad.any():
        r = out[bad].iloc[0]
        raise SourceFileError(path, f"{r['value']} is not a percentage", row=int(r["_row"]), column=value_col)
    out = out.dropna(subset=["region_code"])
    check_unique(path, out, ["region_code"], row_col="_row", column=SGG_COL)
    table = table_of(SOURCE, path)
    kept = df.loc[out.index]
    check_marks(path, out.assign(mark=marks_of(kept[value_col]).to_numpy(), year=FINANCE_AUTONOMY_YEAR,
                                 _col=value_col), table)
    # one year, stated by no column (FINANCE_AUTONOMY_YEAR): its manifest row must say that year
    check_coverage(path, pd.DataFrame({"year": [FINANCE_AUTONOMY_YEAR], "_row": [1], "_col": [value_col]}),
                   out.assign(_col=SGG_COL))
    check_order(path, out.assign(_block="file", _parent=kept["sido_name"].map(_sido_code).to_numpy()),
                table, SGG_COL)
    return out


def _sido_code(name: str) -> str | None:
    try:
        return "00" if name.strip() == NATION else sido_code_for_name(name)
    except UnknownRegionError:
        return None


def load_sigungu(path: Path) -> pd.DataFrame:
    """Tidy 재정자립도 (%) for 전국, 시도 (소계) and 시군구, year FINANCE_AUTONOMY_YEAR."""
    df, value_col = read_sigungu(path)
    out = clean_sigungu(path, df, value_col)
    return recorded(path, out.assign(year=FINANCE_AUTONOMY_YEAR, indicator="fiscal_self_reliance_sigungu_pct",
                                 _col=value_col))


def load(raw_dir: Path) -> pd.DataFrame:
    """Tidy fiscal indicators (%) from whichever of the two files is present; `source_file` per row.

    Several series downloads are combined by the newest-vintage rule (`_files.combine_files`).
    finance_autonomy.csv states no year, so two of them cannot be told apart by period and
    stay an error (`_one_file`)."""
    series, sigungu = find_optional(raw_dir, SERIES_FILE), _one_file(raw_dir, SIGUNGU_FILE)
    if not series and sigungu is None:
        raise InputsMissing(f"neither {SERIES_FILE!r} nor {SIGUNGU_FILE!r} under {raw_dir}")
    parts = []
    if series:
        parts.append(combine_files([(p, load_series(p)) for p in series], KEY, raw_dir=raw_dir, table=SERIES_FILE))
    if sigungu:
        note_files([sigungu])
        parts.append(load_sigungu(sigungu).assign(source_file=relative(sigungu, raw_dir)))
    return tidy_sourced(pd.concat(parts, ignore_index=True))
