"""행정안전부 주민등록 인구통계 「연령별 인구현황」 (jumin.mois.go.kr), 등록구분 거주자, by 시군구.

Files `{YYYY}12_{YYYY}12_연령별인구현황_연간.csv` (annual, December; any number of them, years
read from the header `2022년_거주자_총인구수`, `2022년_여_거주자_20~24세`, …). cp949 (UTF-8
also accepted), thousands separators. Units: persons (명), residents only (거주자: excludes
거주불명자 and 재외국민, so slightly smaller than the full 주민등록인구).

Region cells carry the 10-digit 행정기관코드, `서울특별시 종로구 (1111000000)`: first 2 digits
시도, first 5 the 시군구. Rows kept: 시도 rows (`…00000000`) and basic local governments;
rows excluded by rule: 출장소 and 일반구 (see `classify`). The file has no national row:
'00' is the sum of the 시도 rows. Codes are mapped to end-2024 codes (강원 42→51, 전북
45→52, 군위 47720→27720); values stay on the boundaries of their year (2022 군위군 is in
경북's 시도 row but coded 27720 at 시군구 level).
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from geo import regions
from geo.crosswalk import (
    MERGED_AREAS,
    UnknownRegionError,
    basic_unit_code,
    is_general_gu,
    sido_code_for_name,
    to_current_code,
)
from indicators.errors import SourceFileError
from indicators.registry import declared
from indicators.sources._files import (
    check_coverage,
    combine_files,
    find_files,
    join_files,
    record_cells,
    tidy_sourced,
)
from indicators.sources._io import (
    check_consecutive_years,
    check_marks,
    check_order,
    marks_of,
    read_csv_text,
    read_text,
    refuse_negative,
    require_columns,
    table_of,
    to_number,
)

FILE_GLOB = "[0-9][0-9][0-9][0-9]12_[0-9][0-9][0-9][0-9]12_연령별인구현황_연간.csv"
ENCODINGS = ("utf-8-sig", "cp949")
REGION_COL = "행정구역"
FEMALE_20_39 = ("20~24세", "25~29세", "30~34세", "35~39세")
AGE_65_PLUS = ("65~69세", "70~74세", "75~79세", "80~84세", "85~89세", "90~94세", "95~99세", "100세 이상")
KEY = ["region_code", "year", "indicator"]
MARK = "mark:"  # prefix of the columns holding each numeric column's missing-value marks

SOURCE, INDICATORS = declared(__name__)  # metadata: mois_population_age.yaml beside this file


_REGION = re.compile(r"^(?P<name>.*?)\s*\((?P<code>\d{10})\)\s*$")
_HEADER = re.compile(r"^(?P<year>\d{4})년_(?:(?P<sex>남|여)_)?거주자_(?P<item>.+)$")


def _columns(year: int) -> dict[str, list[str]]:
    """Header columns summed into each indicator for one year."""
    return {"res_population_persons": [f"{year}년_거주자_총인구수"],
            "res_female_20_39_persons": [f"{year}년_여_거주자_{b}" for b in FEMALE_20_39],
            "res_age65plus_persons": [f"{year}년_거주자_{b}" for b in AGE_65_PLUS]}


def read(path: Path) -> tuple[pd.DataFrame, list[int]]:
    """Region column, the numeric columns used (persons), file row numbers; years in the header."""
    df = read_csv_text(path, read_text(path, ENCODINGS))
    require_columns(path, df, [REGION_COL])
    years = sorted({int(m["year"]) for c in df.columns if (m := _HEADER.match(c))})
    if not years:
        raise SourceFileError(path, "no '<YYYY>년_거주자_…' columns: not a 거주자 연령별 인구현황 file", row=1)
    check_consecutive_years(path, {f"{y}년_거주자_총인구수": y for y in years})
    used = [c for year in years for cols in _columns(year).values() for c in cols]
    require_columns(path, df, used)
    out = pd.DataFrame({c: to_number(path, df[c], c) for c in used})
    for c in used:  # before the 'total 0 = did not exist' rule of reshape, which would drop a negative row
        refuse_negative(path, out[c], range(2, len(df) + 2), c, "a number of residents")
    marks = pd.DataFrame({f"{MARK}{c}": marks_of(df[c]) for c in used})
    return pd.concat([out, marks], axis=1).assign(**{REGION_COL: df[REGION_COL].str.strip(),
                                                      "row": range(2, len(df) + 2)}), years


def classify(path: Path, df: pd.DataFrame) -> pd.DataFrame:
    """Parse name and 10-digit code; keep 시도 and basic-unit rows with their canonical code.

    Rules (explicit exclusions):
    - 출장소 (sub-offices of a city/province, e.g. 경기도 송탄출장소, 북부출장소): not areas
      of their own, always 0 → dropped;
    - 일반구 (경기도 수원시 장안구, same first 4 digits as 수원시): part of their city, whose
      own row carries the total → dropped (adding them would double count).
    """
    parsed = df[REGION_COL].str.extract(_REGION)
    bad = parsed["code"].isna()
    if bad.any():
        r = df[bad].iloc[0]
        raise SourceFileError(path, f"region {r[REGION_COL]!r} lacks a 10-digit 행정기관코드", row=r["row"],
                              column=REGION_COL)
    df = df.assign(name=parsed["name"].str.strip(), code=parsed["code"])
    df = df[~df["name"].str.contains("출장소")]
    is_sido = df["code"].str[2:] == "0" * 8
    gu = ~is_sido & pd.Series([is_general_gu(c[:5], n) for c, n in zip(df["code"], df["name"])], index=df.index)
    _check_cities_present(path, df[gu], df[~is_sido & ~gu])
    df = df[~gu].assign(level=is_sido[~gu].map({True: "sido", False: "sigungu"}))
    df["region_code"] = [_canonical(path, r) for r in df.itertuples()]
    return df


def _check_cities_present(path: Path, gu: pd.DataFrame, units: pd.DataFrame) -> None:
    """An 일반구 is dropped only where its city has its own row (else the city would vanish)."""
    have = set(units["code"].str[:5])
    for r in gu.itertuples():
        if r.code[:4] + "0" not in have:
            raise SourceFileError(path, f"일반구 {r.name!r} without a row for its city {r.code[:4]}0",
                                  row=r.row, column=REGION_COL)


def _canonical(path: Path, r) -> str:
    """End-2024 code of a 시도 or 시군구 row; the name's 시도 must match the code's."""
    def fail(cause: str) -> SourceFileError:
        return SourceFileError(path, f"region {r.name!r} ({r.code}): {cause}", row=r.row, column=REGION_COL)

    if r.code[5:] != "00000":
        raise fail("not a 시도 or 시군구 code (읍면동 rows are not read)")
    try:
        sido = to_current_code(r.code[:2])
        if sido_code_for_name((r.name.split() or [""])[0]) != sido:
            raise fail(f"name does not belong to 시도 code {r.code[:2]}")
        code = sido if r.level == "sido" else basic_unit_code(r.code[:5], r.name)
        regions.require(code)
    except UnknownRegionError as err:
        raise fail(str(err)) from None
    return code


def reshape(path: Path, df: pd.DataFrame, years: list[int]) -> pd.DataFrame:
    """Long rows (region_code, year, indicator, value, row, level).

    A total of 0 or empty means the region did not exist that year (강원도 after 2023-06,
    군위군 under 대구 in 2022, …): no rows for it. Bands are summed with any empty band
    making the sum NaN (never a partial sum).
    """
    parts, cells = [], []
    for year in years:
        exists = df[f"{year}년_거주자_총인구수"].fillna(0) > 0
        for ind, cols in _columns(year).items():
            value = df[cols].sum(axis=1, skipna=False)
            parts.append(df.loc[exists, ["region_code", "row", "level", "code"]].assign(
                year=year, indicator=ind, value=value[exists], _col=cols[0]))
            cells += [df[["region_code", "row", "name"]].assign(year=year, _col=c, mark=df[f"{MARK}{c}"])
                      for c in cols]
    cells = pd.concat(cells, ignore_index=True).rename(columns={"row": "_row", "name": "_label"})
    table = table_of(SOURCE, path)
    check_coverage(path, pd.DataFrame({"year": years, "_row": 1, "_col": [f"{y}년_거주자_총인구수" for y in years]}),
                   df.rename(columns={"row": "_row"}).assign(_col=REGION_COL))
    check_marks(path, cells, table)
    printed = df["code"].str[:5].where(df["level"] == "sigungu", df["code"].str[:2])  # the code of the time
    check_order(path, df.rename(columns={"row": "_row"}).assign(_block="file", region_code=printed,
                                                                 _parent=df["code"].str[:2]), table, REGION_COL)
    long = _sum_merged_areas(pd.concat(parts, ignore_index=True))
    _check_one_row_per_region(path, long)
    return long


def _sum_merged_areas(long: pd.DataFrame) -> pd.DataFrame:
    """Rows of areas merged later (청원군 → 청주시, 연기군 → 세종; crosswalk.MERGED_AREAS) are
    added to the unit they became part of, in files from before the merger."""
    merged = long["code"].str[:5].isin(MERGED_AREAS)
    if not merged.any():
        return long.drop(columns="code")
    key = ["region_code", "year", "indicator"]
    part = long[merged].groupby(key, as_index=False).agg(value=("value", lambda v: v.sum(min_count=1)),
                                                         _col=("_col", "first"))
    rest = long[~merged].drop(columns="code")
    both = rest.merge(part, on=key, how="outer", suffixes=("", "_merged"))
    both["value"] = both[["value", "value_merged"]].sum(axis=1, min_count=1)
    both["row"] = both["row"].fillna(-1).astype(int)
    both["level"] = both["level"].fillna("sigungu")
    both["_col"] = both["_col"].fillna(both["_col_merged"]) if "_col_merged" in both.columns else both["_col"]
    return both.drop(columns=[c for c in ("value_merged", "_col_merged") if c in both.columns])


def _check_one_row_per_region(path: Path, long: pd.DataFrame) -> None:
    """Two rows mapped to one canonical region (강원도/강원특별자치도, 경북/대구 군위군) must never
    both carry values for a year."""
    dup = long[long.duplicated(KEY, keep=False)].sort_values(KEY + ["row"])
    if len(dup):
        a, b = dup.iloc[0], dup.iloc[1]
        raise SourceFileError(path, f"rows {a['row']} and {b['row']} both give region {a['region_code']} in "
                              f"{a['year']} (a region listed twice, or old and new rows of one region overlapping)",
                              row=int(b["row"]), column=REGION_COL)


def national(df: pd.DataFrame) -> pd.DataFrame:
    """'00' = sum of the 시도 rows (the file has no national row); NaN if any 시도 is NaN.

    With a `source_file` column, the national row names the file(s) of its 시도 rows."""
    sido = df[df["level"] == "sido"]
    spec = {"value": ("value", "sum"), "n": ("value", "size"), "have": ("value", "count")}
    if "source_file" in sido.columns:
        spec["source_file"] = ("source_file", join_files)
    agg = sido.groupby(["year", "indicator"]).agg(**spec).reset_index()
    agg.loc[agg["have"] < agg["n"], "value"] = float("nan")
    return agg.assign(region_code="00")


def load_file(path: Path) -> pd.DataFrame:
    """One file → long rows with file row numbers."""
    df, years = read(path)
    long = reshape(path, classify(path, df), years)
    record_cells(path, long.assign(_row=pd.array(long["row"].where(long["row"] > 0), dtype="Int64")))
    return long.drop(columns="_col")


def load(raw_dir: Path) -> pd.DataFrame:
    """res_* indicators for '00', 17 시도 and 229 시군구, every year of every file found.

    Several files may overlap (one table, one basis): a region-year found in several is
    taken from the newest vintage (`_files.combine_files`; clashes are recorded as conflicts).
    `source_file` names the file of each row.
    """
    parts = [(p, load_file(p)) for p in find_files(raw_dir, FILE_GLOB)]
    df = combine_files(parts, KEY, row_col="row", raw_dir=raw_dir, table=FILE_GLOB)
    return tidy_sourced(pd.concat([df, national(df)], ignore_index=True))
