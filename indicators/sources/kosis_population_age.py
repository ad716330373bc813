"""주민등록인구 by 5-year age band and sex (KOSIS DT_1B04005N, 행정안전부): extinction-risk inputs.

Two KOSIS downloads of the same table, same long layout — 행정구역(동읍면)별 / 5세별 / 항목
(총·남자·여자인구수[명]) / 단위 (명) / one column per period / a trailing empty column; cp949:

- annual, `행정구역별_5세별_주민등록인구*.csv` (here 2015–2023, `2015 년` …; end-of-year figures):
  전국, each 시도 followed by its 시/군/구 and 출장소 rows, only the bands 15–49 and 65–100+.
  Gives `reg_female_20_39_persons` and `reg_age65plus_persons` for '00', 시도 and 시군구.
- monthly, `행정구역(읍면동)별5세별_주민등록인구*.csv` (here 2015.01–2023.12): 전국 + 17 시도, all
  bands and 계. Its December columns give `reg_age_total_persons` for '00' and 시도.

The rows carry no codes and 시군구 names repeat across 시도 (중구, 고성군…): the 시도 of a row is
the last 시도 row above it. Values are persons (명); an empty cell stays NaN, never 0. 시도 and
national figures are the file's own rows, never re-added from 시군구.
"""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from geo.crosswalk import UnknownRegionError, is_general_gu, sido_code_for_name
from indicators.errors import InputsMissing, SourceFileError
from indicators.registry import declared
from indicators.sources._files import POSITION, check_coverage, combine_files, find_files, record_cells, tidy_sourced
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
from indicators.sources._kosis import KOSIS_ENCODINGS as ENCODINGS
from indicators.sources._kosis import drop_empty_columns, periods, sigungu_code

KEY = ["region_code", "year", "indicator"]
ANNUAL_PATTERN = "행정구역별_5세별_주민등록인구*.csv"
MONTHLY_PATTERN = "행정구역(읍면동)별5세별_주민등록인구*.csv"
REGION_PREFIX = "행정구역"  # '행정구역(동읍면)별' here; other downloads may say '행정구역(시군구)별'
REGION = "행정구역(동읍면)별"  # the region column, whatever its exact header
BAND, ITEM, UNIT = "5세별", "항목", "단위"
NATION = "전국"
_BAND = re.compile(r"(\d+)\s*-\s*(\d+)\s*세")
_TOP_BAND = re.compile(r"(\d+)\s*(?:\+|세\s*이상)")
_ITEMS = {"총인구수": "total", "남자인구수": "male", "여자인구수": "female"}
_ALL_AGES = "계"

SOURCE, INDICATORS = declared(__name__)  # metadata: kosis_population_age.yaml beside this file

_F2039 = ((20, 24), (25, 29), (30, 34), (35, 39))


# --- reading -------------------------------------------------------------------------------

def read(path: Path) -> pd.DataFrame:
    """The table as stripped strings, the region column named REGION, file row in `_row`."""
    df = read_csv_text(path, read_text(path, ENCODINGS))
    df = drop_empty_columns(path, df)
    region = next((c for c in df.columns if c.startswith(REGION_PREFIX)), None)
    if region is None:
        raise SourceFileError(path, f"no region column ('{REGION_PREFIX}…별') in the header", row=1,
                              column=REGION)
    require_columns(path, df, [BAND, ITEM, UNIT])
    df = df.rename(columns={region: REGION})
    for col in (REGION, BAND, ITEM, UNIT):
        df[col] = df[col].str.strip()
    df["_row"] = df.index + 2  # header is file row 1
    bad_unit = df[df[UNIT] != "명"]
    if len(bad_unit):
        r = bad_unit.iloc[0]
        raise SourceFileError(path, f"unit {r[UNIT]!r}, expected '명' (persons)", row=int(r["_row"]), column=UNIT)
    return df


# --- regions: blocks of rows, 시도 from row order -------------------------------------------

def blocks(path: Path, df: pd.DataFrame) -> pd.Series:
    """Block number of each row: a region's consecutive rows, one per (band, item) of the file.

    A block ends where the name changes or a (band, item) repeats (세종 is listed twice in a
    row); a block that ends before holding every (band, item) once raises at the row that ended it.
    """
    keys = list(zip(df[BAND], df[ITEM]))
    full = len(set(keys))
    out, seen, prev, n = [], set(), None, -1
    for name, key, row in zip(df[REGION], keys, df["_row"]):
        if name != prev or key in seen:
            _complete(path, prev, seen, full, int(row))
            n, seen, prev = n + 1, set(), name
        seen.add(key)
        out.append(n)
    _complete(path, prev, seen, full, int(df["_row"].iloc[-1]) + 1)
    return pd.Series(out, index=df.index)


def _complete(path: Path, name: str | None, seen: set, full: int, row: int) -> None:
    if name is not None and len(seen) != full:
        raise SourceFileError(path, f"rows of {name!r} end here after {len(seen)} of the {full} band/item "
                              "rows each region has (a row repeated or missing)", row=row, column=REGION)


def block_regions(path: Path, df: pd.DataFrame) -> pd.DataFrame:
    """One row per block: level ('nation'/'sido'/'sigungu'/None if excluded), sido, region_code."""
    first = df.groupby("_block", sort=True).agg(name=(REGION, "first"), _row=("_row", "first")).reset_index()
    out, sido = [], None
    for blk, name, row in zip(first["_block"], first["name"], first["_row"]):
        level, code = "sigungu", None
        try:
            if name == NATION:
                level, code, sido = "nation", "00", None
            elif _is_sido(name) and sido_code_for_name(name) != sido:  # a new 시도 begins
                level = "sido"
                code = sido = sido_code_for_name(name)
            elif sido is None:
                raise UnknownRegionError(f"시군구 {name!r} before any 시도 row")
            elif name.endswith("출장소"):  # sub-office of a 도 (경기 북부출장소…), counted in its 시/군
                level = None
            elif is_general_gu(sido, name):  # 일반구: part of a city whose own row carries the total
                level = None
            else:  # includes 세종, listed again under itself as its own 시군구 (36110)
                code = sigungu_code(sido, name)
        except UnknownRegionError as err:
            raise SourceFileError(path, str(err), row=int(row), column=REGION) from None
        out.append({"_block": blk, REGION: name, "_row": row, "level": level, "sido": sido, "region_code": code})
    table = pd.DataFrame(out)
    check_unique(path, table.dropna(subset=["level"]), [REGION, "sido", "level"], row_col="_row")
    return table


def _is_sido(name: str) -> bool:
    try:
        sido_code_for_name(name)
    except UnknownRegionError:
        return False
    return True


# --- values -----------------------------------------------------------------------------------

def labelled(path: Path, df: pd.DataFrame) -> pd.DataFrame:
    """Add sex (from 항목) and band bounds lo/hi (hi NaN for the open top band, lo NaN for 계)."""
    sex = {}
    for item in df[ITEM].unique():
        hit = [v for k, v in _ITEMS.items() if item.startswith(k)]
        if not hit:
            row = int(df.loc[df[ITEM] == item, "_row"].iloc[0])
            raise SourceFileError(path, f"unknown item {item!r} (want 총/남자/여자인구수)", row=row, column=ITEM)
        sex[item] = hit[0]
    bounds = {}
    for band in df[BAND].unique():
        m, top = _BAND.fullmatch(band), _TOP_BAND.fullmatch(band)
        if not (m or top or band == _ALL_AGES):
            row = int(df.loc[df[BAND] == band, "_row"].iloc[0])
            raise SourceFileError(path, f"unknown age band {band!r}", row=row, column=BAND)
        bounds[band] = ((int(m.group(1)), int(m.group(2))) if m else (int(top.group(1)), np.nan) if top
                        else (np.nan, np.nan))
    lo_hi = df[BAND].map(bounds)
    return df.assign(sex=df[ITEM].map(sex), lo=[b[0] for b in lo_hi], hi=[b[1] for b in lo_hi])


def values(path: Path, df: pd.DataFrame) -> pd.DataFrame:
    """Long (_row, year, value, mark, _col) for every period column; numbers checked, '' → NaN."""
    parts = []
    for col, year in periods(path, list(df.columns)).items():
        try:  # rows of excluded regions are gone: name the true file row, not a position
            num = to_number(path, df[col], column=col, first_row=0)
        except SourceFileError as err:
            raise SourceFileError(path, err.cause, row=int(df["_row"].iloc[err.row]), column=col) from None
        refuse_negative(path, num, df["_row"], col, "a number of persons")
        parts.append(pd.DataFrame({"_row": df["_row"].to_numpy(), "year": year, "value": num.to_numpy(),
                                   "mark": marks_of(df[col]).to_numpy(), "_col": col}))
    return pd.concat(parts, ignore_index=True)


def _rows_for(path: Path, df: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """The rows summed into an indicator; raises if the file lacks one of its bands."""
    bands = df.drop_duplicates(BAND)
    if indicator == "reg_female_20_39_persons":
        have = set(zip(bands["lo"], bands["hi"]))
        for lo, hi in _F2039:
            if (lo, hi) not in have:
                raise SourceFileError(path, f"age band {lo} - {hi}세 missing (needed for {indicator})", column=BAND)
        pick = df["sex"].eq("female") & df["lo"].isin([lo for lo, _ in _F2039]) & df["hi"].eq(df["lo"] + 4)
    elif indicator == "reg_age65plus_persons":
        old = bands[bands["lo"] >= 65].sort_values("lo")
        lows = old["lo"].tolist()
        if not lows or lows != list(range(65, 65 + 5 * len(lows), 5)) or not np.isnan(old["hi"].iloc[-1]):
            raise SourceFileError(path, f"bands from 65 to an open top band incomplete: {old[BAND].tolist()}",
                                  column=BAND)
        pick = df["sex"].eq("total") & (df["lo"] >= 65)
    else:  # reg_age_total_persons
        if _ALL_AGES not in set(bands[BAND]):
            raise SourceFileError(path, f"no '{_ALL_AGES}' (all ages) rows for {indicator}", column=BAND)
        pick = df["sex"].eq("total") & df[BAND].eq(_ALL_AGES)
    return df[pick]


def sums(path: Path, df: pd.DataFrame, long: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """Per block and year the sum of the indicator's rows; NaN unless every row has a value."""
    rows = _rows_for(path, df, indicator)[["_row", "_block"]].merge(long, on="_row")
    g = rows.groupby(["_block", "year"])["value"]
    out = g.sum(min_count=1).to_frame("value").assign(n=g.count(), size=g.size()).reset_index()
    out.loc[out["n"] < out["size"], "value"] = np.nan  # a missing band makes the sum missing
    cols = long.drop_duplicates("year").set_index("year")["_col"]
    return out[["_block", "year", "value"]].assign(indicator=indicator, _col=out["year"].map(cols))


def collapse(path: Path, obs: pd.DataFrame) -> pd.DataFrame:
    """One value per (region_code, year, indicator): rows of one area under two names (인천 남구 /
    미추홀구, 군위군 under 경북 and 대구) must agree where both have a value."""
    have = obs.dropna(subset=["value"])
    distinct = have.groupby(["region_code", "year", "indicator"])["value"].nunique()
    if (distinct > 1).any():
        code, year, ind = distinct[distinct > 1].index[0]
        clash = have[(have["region_code"] == code) & (have["year"] == year) & (have["indicator"] == ind)]
        raise SourceFileError(path, f"rows {clash['_row'].tolist()} give different {ind} for {code} in {year}: "
                              f"{clash['value'].tolist()}", row=int(clash["_row"].iloc[1]), column=str(year))
    return obs.groupby(["region_code", "year", "indicator"], as_index=False)[["value", "_row", "_col"]].first()


# --- assembly ---------------------------------------------------------------------------------

def load_file(path: Path, spec: dict[str, tuple[str, ...]]) -> pd.DataFrame:
    """One KOSIS file → tidy rows of the indicators in `spec` (indicator → levels kept)."""
    df = read(path)
    df["_block"] = blocks(path, df)
    where = block_regions(path, df)
    kept = where.dropna(subset=["level"])
    df = labelled(path, df[df["_block"].isin(kept["_block"])])
    long = values(path, df)
    table = table_of(SOURCE, path)
    codes = df[["_row", "_block", REGION]].rename(columns={REGION: "_label"}).merge(
        kept[["_block", "region_code", "level", "sido"]], on="_block")
    cells = long.merge(codes, on="_row")
    check_coverage(path, long.drop_duplicates("year").assign(_row=1),
                   kept.assign(region_code=kept["region_code"].fillna("00"), _col=REGION))
    check_marks(path, cells.assign(region_code=cells["region_code"].fillna("00")), table)
    check_order(path, kept.assign(_block="file", _parent=kept["sido"]), table, REGION)
    parts = []
    for indicator, levels in spec.items():
        s = sums(path, df, long, indicator).merge(where[["_block", "_row", "level", "region_code"]], on="_block")
        parts.append(s[s["level"].isin(levels)])
    out = collapse(path, pd.concat(parts, ignore_index=True))
    record_cells(path, out)
    return out.drop(columns=POSITION)


ANNUAL = {"reg_female_20_39_persons": ("nation", "sido", "sigungu"),
          "reg_age65plus_persons": ("nation", "sido", "sigungu")}
MONTHLY = {"reg_age_total_persons": ("nation", "sido")}


def load(raw_dir: Path) -> pd.DataFrame:
    """Tidy registered-population counts (persons) from every annual and monthly file found.

    Downloads of one kind (annual or monthly) may overlap in years: a figure met in several
    is taken from the newest vintage (`_files.combine_files`; clashes are recorded as conflicts).
    `source_file` names the file of each row.
    """
    frames = []
    for pattern, spec in ((ANNUAL_PATTERN, ANNUAL), (MONTHLY_PATTERN, MONTHLY)):
        try:
            paths = find_files(raw_dir, pattern)
        except InputsMissing:
            continue
        parts = [(path, load_file(path, spec)) for path in paths]
        frames.append(combine_files(parts, KEY, raw_dir=raw_dir, table=pattern))
    if not frames:
        raise InputsMissing(f"no file matching {ANNUAL_PATTERN!r} or {MONTHLY_PATTERN!r} under {raw_dir}")
    return tidy_sourced(pd.concat(frames, ignore_index=True))
