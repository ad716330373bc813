"""행정안전부 주민등록 인구통계 「연령별 인구현황」 (jumin.mois.go.kr), 등록구분 거주자: the res_* series.

Every export of this table under the raw folder whose header holds periods of the registration kind
거주자 (`2024년_거주자_총인구수`, `2022년_여_거주자_20~24세`, …), in any folder and under any name, is
read (`_mois.exports`; the shipped one is `202212_202412_연령별인구현황_연간.csv`, annual 2022–2024, 5-year
bands by sex). Its year-end periods (annual, or December) give `res_population_persons`,
`res_female_20_39_persons` and `res_age65plus_persons` where its bands allow (`_mois.measures`); a
month-end period of 거주자 is not a year-end figure and not read. cp949 (UTF-8 also accepted), thousands
separators. Units: persons (명), residents only (거주자: excludes 거주불명자 and 재외국민, so slightly
smaller than the full 주민등록인구, read by `mois_registered`).

Region cells carry the 10-digit 행정기관코드, `서울특별시 종로구 (1111000000)`: 시도 and basic local
governments are read; 출장소 and 일반구 are not units (`_mois.classify_rows`). The file has no national
row: '00' is the sum of the 시도 rows. Codes of either boundary set are kept, older codes mapped forward
(강원 42→51, 전북 45→52, 군위 47720→27720); values stay on the boundaries of their year (2022 군위군 is
in 경북's 시도 row but coded 27720 at 시군구 level). A region whose total is 0 or empty in a year did
not exist then: no row.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from indicators.errors import InputsMissing
from indicators.registry import declared
from indicators.sources import _files, _mois
from indicators.sources._files import combine_files, join_files, tidy_sourced

KIND = "거주자"
INDICATOR = {"population": "res_population_persons", "female_20_39": "res_female_20_39_persons",
             "age65plus": "res_age65plus_persons"}
FILE_GLOB = _mois.PORTAL_NAME  # the table's files as the portal names them (any other name is read as well)
KEY = ["region_code", "year", "indicator"]

SOURCE, INDICATORS = declared(__name__)  # metadata: mois_population_age.yaml beside this file


def exports(raw_dir: Path) -> list[Path]:
    """The exports under raw_dir with 거주자 periods (by their header); InputsMissing if there is none."""
    mine = _mois.exports(raw_dir, KIND)
    if not mine:
        raise InputsMissing(f"no 연령별 인구현황 export of 등록구분 {KIND} under {raw_dir}")
    return mine


def load_file(path: Path) -> pd.DataFrame:
    """One export → its year-end 거주자 rows (region_code, year, indicator, value, level, _row, _col)."""
    rows = _mois.period_rows(_mois.read_export(path), KIND, SOURCE)
    long = rows.long[rows.long["month"] == 12]
    out = long.assign(indicator=long["measure"].map(INDICATOR))
    _describe(path, rows, out)
    return out[["region_code", "year", "indicator", "value", "level", "_row", "_col"]].reset_index(drop=True)


def _describe(path: Path, rows: _mois.Rows, year_end: pd.DataFrame) -> None:
    """What the file added, for the build's summary (`_files.note_added`)."""
    parts = []
    for (year, month, annual), _ in rows.long.groupby(["year", "month", "annual"], sort=True):
        label = _mois.period_label(year, None if annual else month)
        got = year_end[year_end["year"] == year]
        parts.append((label, f"(year end): {_mois.counts(got)}" if month == 12 else
                      "(month end): not read (the res_* series are year-end figures)"))
    _files.note_added(path, _mois.describe(KIND, parts))


def national(df: pd.DataFrame) -> pd.DataFrame:
    """'00' = sum of the 시도 rows where the files print no national row; NaN if any 시도 is NaN.

    With a `source_file` column, the national row names the file(s) of its 시도 rows."""
    sido = df[df["level"] == "sido"]
    spec = {"value": ("value", "sum"), "n": ("value", "size"), "have": ("value", "count")}
    if "source_file" in sido.columns:
        spec["source_file"] = ("source_file", join_files)
    agg = sido.groupby(["year", "indicator"]).agg(**spec).reset_index()
    agg.loc[agg["have"] < agg["n"], "value"] = float("nan")
    own = df.loc[df["region_code"] == "00", ["year", "indicator"]]
    agg = agg.merge(own.assign(_own=True), on=["year", "indicator"], how="left")
    return agg[agg["_own"].isna()].drop(columns="_own").assign(region_code="00")


def load(raw_dir: Path) -> pd.DataFrame:
    """res_* indicators for '00', 시도 and 시군구, every year-end period of every 거주자 export found.

    Several exports may overlap (one table, one basis): a region-year found in several is taken from
    the newest vintage (`_files.combine_files`; clashes are recorded as conflicts). `source_file` names
    the file of each row."""
    parts = [(p, load_file(p)) for p in exports(raw_dir)]
    df = combine_files(parts, KEY, row_col="_row", raw_dir=raw_dir, table=FILE_GLOB)
    return tidy_sourced(pd.concat([df, national(df)], ignore_index=True))
