"""주민등록인구 by 시도 over long periods (1992–2024), and births and deaths (2008–2023).

Three files (each optional; InputsMissing only when none is present):
- `Resident_Population_by_City__County__and_District_*.csv` — KOSIS 주민등록인구, English 시도
  names, wide (1992–2020). No national row: '00' = sum of the 시도 rows. `-` = not applicable
  (Ulsan before 1997, Sejong before 2012): no row.
- `*_Korean_Annual_Population.csv` — 행정안전부 연령별 인구현황 (annual), 전국 + 시도, 2008–2024,
  cp949, thousands separators; only `<YYYY>년_계_총인구수` is read (10-year bands: 65+ and
  20–39 cannot be derived). Total 0 = region did not exist (세종 2008–2011): no row.
- `population_trends.csv` — UTF-8, long (연도, 지역, 인구, 출생아수(명), 사망자수(명)), short 시도
  names + 전국, 2008–2023. 인구 0 = region did not exist (세종 before 2012): no row.

reg_population_persons (persons, 명): each year from the KOSIS file when it covers that year,
else from the MOIS annual file (so 1992–2020 KOSIS, 2021–2024 MOIS; in 2008–2020 both
agree to the person, and population_trends.csv's 인구 with them: the build holds them to it,
`registry.yaml` agreements). Figures are on the boundaries of their year (경상남도 includes Ulsan
in 1992–96, 충청남도 includes 연기군 before 2012, 경상북도 includes 군위군 before 2023).
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from geo.crosswalk import UnknownRegionError, sido_code_for_name
from indicators.errors import InputsMissing, SourceFileError
from indicators.registry import declared
from indicators.sources._files import check_coverage, combine_files, find_optional, record_cells, tidy_sourced
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

KOSIS_GLOB = "Resident_Population_by_City__County__and_District_*.csv"
MOIS_GLOB = "*_Korean_Annual_Population.csv"
TRENDS_GLOB = "population_trends.csv"
ENCODINGS = ("utf-8-sig", "cp949")  # KOSIS and MOIS downloads; the last one tried names the bad row
TRENDS_ENCODINGS = ("utf-8-sig",)  # population_trends.csv is UTF-8
KOSIS_REGION_COL = "By Administrative District"
MOIS_REGION_COL = "행정구역"
TRENDS_COLS = {"reg_births_persons": "출생아수(명)", "reg_deaths_persons": "사망자수(명)"}
NATION_NAMES = {"전국", "Whole country", "Total"}
KEY = ["region_code", "year", "indicator"]

SOURCE, INDICATORS = declared(__name__)  # metadata: sido_population.yaml beside this file


def _region_code(path: Path, name: str, row: int, column: str) -> str:
    """'00' for a national row, else the canonical 시도 code; unknown names raise."""
    if name in NATION_NAMES:
        return "00"
    try:
        # KOSIS writes 'Sejong_si' where the crosswalk knows 'Sejong-si'
        return sido_code_for_name(name.replace("_", "-"))
    except UnknownRegionError as err:
        raise SourceFileError(path, str(err), row=row, column=column) from None


def _read(path: Path, encodings: tuple[str, ...] = ENCODINGS) -> pd.DataFrame:
    df = read_csv_text(path, read_text(path, encodings))
    return df.assign(row=range(2, len(df) + 2))


def _header_years(years: dict[str, int]) -> pd.DataFrame:
    """The year columns of a wide file as year cells of its header (row 1)."""
    return pd.DataFrame({"year": list(years.values()), "_row": 1, "_col": list(years)})


def _checked(path: Path, long: pd.DataFrame, years: dict[str, int], region_col: str) -> None:
    """A wide file's declared marks, its years and regions against the manifest, its region order."""
    table = table_of(SOURCE, path)
    read = long.drop_duplicates("region_code")
    check_coverage(path, _header_years(years), read.assign(_col=region_col))  # years first: a shift explains all
    check_marks(path, long, table)
    check_order(path, read.assign(_block="file"), table, region_col)


def read_kosis(path: Path) -> pd.DataFrame:
    """KOSIS wide file → (region_code, year, value, _row, _col), '-' cells dropped, '00' = Σ 시도."""
    df = _read(path)
    require_columns(path, df, [KOSIS_REGION_COL])
    years = {c: year_of(c) for c in df.columns if year_of(c)}
    if not years:
        raise SourceFileError(path, "no year columns (1992, 1993, …)", row=1)
    check_consecutive_years(path, years)
    values = {c: to_number(path, df[c], c) for c in years}  # on all rows: errors name the file row
    for c, v in values.items():
        refuse_negative(path, v, df["row"], c, "a population")
    names = df[KOSIS_REGION_COL].str.strip()
    # '(Ulsan-si)', '(Ulsan-gun)': parts of Gyeongsangnam-do in 1992–96, already inside its
    # row; counting them would double count → every parenthesised row is excluded.
    keep = ~names.str.fullmatch(r"\(.*\)")
    codes = pd.Series([_region_code(path, n, r, KOSIS_REGION_COL) for n, r in zip(names[keep], df["row"][keep])],
                      index=names[keep].index)
    long = pd.concat([pd.DataFrame({"region_code": codes, "_row": df["row"][keep], "year": y, "_col": c,
                                    "value": values[c][keep], "mark": marks_of(df[c][keep])})
                      for c, y in years.items()], ignore_index=True)
    _checked(path, long, years, KOSIS_REGION_COL)
    long = long.dropna(subset=["value"]).drop(columns="mark")  # '-': the 시도 did not exist that year
    check_unique(path, long, ["region_code", "year"], row_col="_row", column=KOSIS_REGION_COL)
    if not (long["region_code"] == "00").any():  # computed: no file row
        nat = long.groupby(["year", "_col"], as_index=False)["value"].sum().assign(region_code="00", _row=None)
        long = pd.concat([long, nat], ignore_index=True)
    return long.astype({"_row": "Int64"})


def read_mois(path: Path) -> pd.DataFrame:
    """MOIS annual file → (region_code, year, value, _row, _col) from `<YYYY>년_계_총인구수` only."""
    df = _read(path)
    require_columns(path, df, [MOIS_REGION_COL])
    years = {c: int(m.group(1)) for c in df.columns if (m := re.fullmatch(r"(\d{4})년_계_총인구수", c))}
    if not years:
        raise SourceFileError(path, "no '<YYYY>년_계_총인구수' columns", row=1)
    check_consecutive_years(path, years)
    for c in years:  # before the 'total 0 = did not exist' rule below, which would drop a negative row
        refuse_negative(path, to_number(path, df[c], c), df["row"], c, "a population")
    df["region_code"] = [_region_code(path, n.strip(), r, MOIS_REGION_COL)
                         for n, r in zip(df[MOIS_REGION_COL], df["row"])]
    long = pd.concat([df[["region_code", "row"]].rename(columns={"row": "_row"}).assign(
        year=y, _col=c, value=to_number(path, df[c], c).to_numpy(), mark=marks_of(df[c]).to_numpy())
        for c, y in years.items()], ignore_index=True)
    _checked(path, long, years, MOIS_REGION_COL)
    # a total of 0 or empty: the region did not exist (세종 2008–11; 강원도 vs 강원특별자치도)
    long = long[long["value"].fillna(0) > 0].drop(columns="mark")
    # old and new name both filled
    check_unique(path, long, ["region_code", "year"], row_col="_row", column=MOIS_REGION_COL)
    return long


def read_trends(path: Path) -> pd.DataFrame:
    """population_trends.csv → reg_births_persons and reg_deaths_persons (region_code, year, indicator,
    value, _row, _col). Its 인구 column is kept as cells of reg_population_persons, for the build's
    cross-source agreement (`registry.yaml` agreements)."""
    df = _read(path, TRENDS_ENCODINGS)
    require_columns(path, df, ["연도", "지역", "인구", *TRENDS_COLS.values()])
    df["region_code"] = [_region_code(path, n.strip(), r, "지역") for n, r in zip(df["지역"], df["row"])]
    year = to_number(path, df["연도"], "연도")
    if year.isna().any():
        raise SourceFileError(path, "empty year", row=int(df["row"][year.isna()].iloc[0]), column="연도")
    df["year"] = year.astype("int64")
    check_unique(path, df, ["region_code", "year"], row_col="row", column="지역")
    values = {c: to_number(path, df[c], c) for c in ["인구", *TRENDS_COLS.values()]}
    for c, v in values.items():
        refuse_negative(path, v, df["row"], c, "a population or count of births/deaths")
    cols = {"reg_population_persons": "인구", **TRENDS_COLS}
    long = pd.concat([df[["region_code", "year", "row"]].rename(columns={"row": "_row"}).assign(
        indicator=ind, _col=col, value=values[col], mark=marks_of(df[col])) for ind, col in cols.items()],
        ignore_index=True)
    table = table_of(SOURCE, path)
    check_coverage(path, long.assign(_col="연도")[["year", "_row", "_col"]], long.assign(_col="지역"))
    check_marks(path, long, table)
    check_order(path, df.assign(_block=df["year"], _row=df["row"]), table, "지역")
    record_cells(path, long[long["indicator"] == "reg_population_persons"])
    # 인구 0 (세종 before 2012): the region did not exist → no rows, not zero births
    exists = long.groupby(["region_code", "year"])["value"].transform("first").fillna(0) > 0
    return long[exists & (long["indicator"] != "reg_population_persons")].drop(columns="mark")


def _all(raw_dir: Path, pattern: str, reader) -> list[tuple[Path, pd.DataFrame]]:
    return [(p, reader(p)) for p in find_optional(raw_dir, pattern)]


def registered_population(kosis: list, mois: list, raw_dir: Path | None = None) -> pd.DataFrame:
    """reg_population_persons: KOSIS for every year it covers, MOIS annual for the other years.

    Several files of one table (KOSIS or MOIS) are combined by the newest-vintage rule
    (`_files.combine_files`); the two tables are only ever joined by year, never compared."""
    ind = "reg_population_persons"
    parts = []
    if kosis:
        parts.append(combine_files(kosis, ["region_code", "year"], row_col="_row", raw_dir=raw_dir,
                                   table=KOSIS_GLOB, indicator=ind))
    covered = set(parts[0]["year"]) if parts else set()
    if mois:
        m = combine_files(mois, ["region_code", "year"], row_col="_row", raw_dir=raw_dir, table=MOIS_GLOB,
                          indicator=ind)
        parts.append(m[~m["year"].isin(covered)])
    if not parts:
        return pd.DataFrame(columns=KEY + ["value", "source_file"])
    return pd.concat(parts, ignore_index=True).assign(indicator=ind)


def load(raw_dir: Path) -> pd.DataFrame:
    """reg_population_persons (1992–2024), reg_births_persons and reg_deaths_persons (2008–2023): '00' + 17 시도.

    `source_file` names the file of each row."""
    kosis = _all(raw_dir, KOSIS_GLOB, read_kosis)
    mois = _all(raw_dir, MOIS_GLOB, read_mois)
    trends = _all(raw_dir, TRENDS_GLOB, read_trends)
    if not (kosis or mois or trends):
        raise InputsMissing(f"none of {SOURCE.files} under {raw_dir}")
    parts = [registered_population(kosis, mois, raw_dir)]
    if trends:
        parts.append(combine_files(trends, KEY, row_col="_row", raw_dir=raw_dir, table=TRENDS_GLOB))
    return tidy_sourced(pd.concat(parts, ignore_index=True))
