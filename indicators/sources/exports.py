"""Exports and imports by 시도 (한국무역협회 K-stat 「지자체 수출입 총괄」), annual, thousand USD.

File `exports/kita_regional_yearly.csv` (SOURCES.md): long, one row per region and year,
2000–2026, amounts in thousand USD (weights in kg, growth rates in %, not used). Only 전국
and 10 시도 (서울, 인천, 부산, 대구, 광주, 대전, 울산, 세종, 충남, 충북): 경기 and six
provinces are missing, so no capital-region (수도권) total or share can be computed from
this file — `coverage()` lists what is there; nothing is estimated for the rest.
The latest year in the file is year-to-date and is excluded (see `complete_years`).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from geo import regions
from geo.crosswalk import UnknownRegionError, sido_code_for_name
from indicators.errors import SourceFileError
from indicators.registry import declared
from indicators.sources._files import check_coverage, load_all, recorded, tidy_sourced
from indicators.sources._io import (
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
)

FILE_PATTERN = "kita_regional_yearly*.csv"
REGION, YEAR, LABEL, UNIT_COL = "지역명", "연도", "년월", "집계단위"
ANNUAL = "연간"
NATION = "전국"
# file column (thousand USD) -> indicator
COLUMNS: dict[str, str] = {"수출_금액": "exports_usd_th", "수입_금액": "imports_usd_th"}
# The 시도 SOURCES.md says the file covers (coverage() measures it from the data).
COVERED_SIDO: tuple[str, ...] = ("11", "28", "26", "27", "29", "30", "31", "36", "44", "43")

SOURCE, INDICATORS = declared(__name__)  # metadata: exports.yaml beside this file


def read(path: Path) -> pd.DataFrame:
    """All cells as strings with the file row (`_row`); only annual (연간) rows are accepted."""
    df = read_csv_text(path, read_text(path))
    require_columns(path, df, [REGION, YEAR, LABEL, UNIT_COL, *COLUMNS])
    df["_row"] = df.index + 2
    not_annual = df[UNIT_COL].str.strip() != ANNUAL
    if not_annual.any():
        r = df[not_annual].iloc[0]
        raise SourceFileError(path, f"{UNIT_COL} {r[UNIT_COL]!r}: expected annual rows ({ANNUAL!r})",
                              row=int(r["_row"]), column=UNIT_COL)
    return df


def _years(path: Path, df: pd.DataFrame) -> pd.Series:
    """연도 as int, checked against the 년월 label ('2025년')."""
    years = to_number(path, df[YEAR], YEAR, first_row=2)
    label = df[LABEL].str.strip().str.extract(r"^(\d{4})년$")[0].astype("float64")
    bad = years.isna() | (years % 1 != 0) | (label != years)
    if bad.any():
        r = df[bad].iloc[0]
        raise SourceFileError(path, f"year {r[YEAR]!r} does not match label {r[LABEL]!r}", row=int(r["_row"]),
                              column=YEAR)
    return years.astype("int64")


def _codes(path: Path, df: pd.DataFrame) -> list[str]:
    """'00' for 전국, the canonical 시도 code for a (short) 시도 name; unknown raises."""
    out = []
    for name, row in zip(df[REGION].str.strip(), df["_row"]):
        try:
            out.append("00" if name == NATION else sido_code_for_name(name))
        except UnknownRegionError as err:
            raise SourceFileError(path, str(err), row=int(row), column=REGION) from None
    return out


def clean(path: Path, df: pd.DataFrame) -> pd.DataFrame:
    """region_code, year and the amounts (thousand USD), one row per region-year; marks, years,
    regions and region order checked against the table's declarations and the manifest."""
    out = pd.DataFrame({"_row": df["_row"], "region_code": _codes(path, df), "year": _years(path, df)})
    table = table_of(SOURCE, path)
    check_coverage(path, out.assign(_col=YEAR), out.assign(_col=REGION))
    for col in COLUMNS:
        out[col] = to_number(path, df[col], col, first_row=2)
        refuse_negative(path, out[col], out["_row"], col, "an export or import amount")
        check_marks(path, out.assign(mark=marks_of(df[col]), _col=col), table)
    check_unique(path, out, ["region_code", "year"], row_col="_row", column=REGION)
    check_order(path, out.assign(_block=out["year"]), table, REGION)
    return out


def complete_years(df: pd.DataFrame) -> pd.DataFrame:
    """Drop the file's latest year.

    Rule: K-stat's annual view always ends with the running year, cumulated to the download
    date (2026 in this file, SOURCES.md "2026 partial"): that year is not comparable with full
    years and is excluded rather than kept with a flag.
    """
    return df[df["year"] < df["year"].max()]


def reshape(df: pd.DataFrame) -> pd.DataFrame:
    long = df.melt(id_vars=["region_code", "year", "_row"], value_vars=list(COLUMNS), var_name="_col",
                   value_name="value")
    return long.assign(indicator=long["_col"].map(COLUMNS))


def coverage(df: pd.DataFrame) -> pd.DataFrame:
    """Per 시도: covered (any value in df), first and last year — for a 'what exists' note."""
    have = df[df["region_code"].isin(regions.codes("sido"))].dropna(subset=["value"])
    span = have.groupby("region_code")["year"].agg(first_year="min", last_year="max")
    out = pd.DataFrame({"region_code": regions.codes("sido")})
    out["name_ko"] = out["region_code"].map(lambda c: regions.name(c))
    out = out.merge(span, left_on="region_code", right_index=True, how="left")
    out["covered"] = out["first_year"].notna()
    out[["first_year", "last_year"]] = out[["first_year", "last_year"]].astype("Int64")
    return out[["region_code", "name_ko", "covered", "first_year", "last_year"]]


def load_file(path: Path) -> pd.DataFrame:
    """One download → tidy exports / imports (thousand USD), its running (partial) year dropped."""
    return recorded(path, reshape(complete_years(clean(path, read(path)))))


def load(raw_dir: Path) -> pd.DataFrame:
    """Tidy exports / imports (thousand USD) for 전국 and the 10 시도 in the file, complete years.

    Several downloads are combined by the newest-vintage rule (`_files.combine_files`), each
    without its own partial year; `source_file` names the file of each row."""
    return tidy_sourced(load_all(raw_dir, FILE_PATTERN, load_file))
