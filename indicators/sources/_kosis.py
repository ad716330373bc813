"""Shared by the KOSIS population downloads: encodings, the trailing empty column, period columns
(annual '2015 년' or the December column of a monthly table), 시군구 names within a 시도."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from geo import regions
from geo.crosswalk import SIGUNGU_CODE_CHANGES, SIGUNGU_NAME_ALIASES, UnknownRegionError
from indicators.errors import SourceFileError
from indicators.sources._io import check_consecutive_years, year_of

_MONTH = re.compile(r"\s*(\d{4})\.(\d{2})\s*월?\s*")

KOSIS_ENCODINGS = ("utf-8-sig", "cp949")  # KOSIS downloads are cp949 (EUC-KR) unless UTF-8 was chosen


@lru_cache(maxsize=1)
def _moved_between_sido() -> dict[tuple[str, str], str]:
    """(former 시도, name) → code of a 시군구 that moved to another 시도 (군위군 경북 → 대구, 47720 → 27720)."""
    names = regions.table()["name_ko"]
    return {(old[:2], names[new].replace(" ", "")): new for old, (new, _) in SIGUNGU_CODE_CHANGES.items()
            if old[:2] != new[:2] and new in names.index}


def sigungu_code(sido: str, name: str) -> str:
    """Canonical code of the 시군구 `name` within 시도 `sido`; former names by declared rules only.

    Rules: registry name; crosswalk name aliases (인천 남구 → 미추홀구); 시도 moves from the crosswalk
    code changes (경북 군위군 → 27720); a 군 raised to 시 keeps its area (여주군 → 여주시 2013,
    당진군 → 당진시 2012). Anything else raises UnknownRegionError.
    """
    key = re.sub(r"\s+", "", name)
    table = regions.sigungu_by_name()
    key = SIGUNGU_NAME_ALIASES.get((sido, key), key)
    if (sido, key) in table:
        return table[(sido, key)]
    if (sido, key) in _moved_between_sido():
        return _moved_between_sido()[(sido, key)]
    if key.endswith("군") and (sido, key[:-1] + "시") in table:
        return table[(sido, key[:-1] + "시")]
    raise UnknownRegionError(f"unknown 시군구 {name!r} in 시도 {sido}")


def drop_empty_columns(path: Path, df: pd.DataFrame) -> pd.DataFrame:
    """Drop KOSIS's trailing unnamed column; an unnamed column holding values is an error."""
    keep = []
    for i, col in enumerate(df.columns):
        if col == "":
            cells = df.iloc[:, i].str.strip()
            if (cells != "").any():
                row = int(np.flatnonzero((cells != "").to_numpy())[0]) + 2
                raise SourceFileError(path, f"values in unnamed column {i + 1}", row=row, column=f"#{i + 1}")
        keep.append(col != "")
    return df.loc[:, keep]


def periods(path: Path, columns: list[str]) -> dict[str, int]:
    """Column → year: annual '2015 년' columns, or the December column '2015.12 월' of a monthly table."""
    found: dict[str, int] = {}
    any_month = False
    for col in columns:
        year = year_of(col)
        month = _MONTH.fullmatch(col)
        if month:
            any_month = True
            year = int(month.group(1)) if month.group(2) == "12" else None
        if year is None:
            continue
        if year in found.values():
            raise SourceFileError(path, f"two columns for the year {year}", row=1, column=col)
        found[col] = year
    if not found:
        what = "December column ('2015.12 월')" if any_month else "year column ('2015 년')"
        raise SourceFileError(path, f"no {what} in the header", row=1)
    check_consecutive_years(path, found)
    return found
