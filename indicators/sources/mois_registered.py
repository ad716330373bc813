"""행정안전부 주민등록 인구통계 「연령별 인구현황」 exports of 등록구분 전체 (the whole registered population,
the portal's default): the newest year-end figures of the registered series, and the month-end table.

Every export of this table under the raw folder whose header holds periods of the kind 전체
(`2025년12월_계_총인구수`, `2025년06월_여_20~29세`, …; no kind token) is read, in any folder and under any
name (`_mois.exports`): 월간 or 연간, 계 only or 남/여, single years or 5- or 10-year bands, old or new
codes, any month. Per period each export gives what its bands allow (`_mois.measures`): the total
(`reg_population_persons`), 65+ (`reg_age65plus_persons`; not from 10-year bands) and women 20–39
(`reg_female_20_39_persons`; 여 bands only) — the same indicator ids as the KOSIS-based series
(`sido_population`, `kosis_population_age`), so the series continue; where both give one region-year the
build keeps the newest vintage and lists every differing value (`build.run_sources`).

- A year-end period (annual, or December) gives observations (`load`): the file's 전국 row where it
  prints one, its 시도 and 시군구 rows, and the 인천 구 of the 2026-07 reform rebuilt from 행정동 rows
  where the file has them (`_mois.split_units`).
- A month-end period (months 1–11) never enters a year-end series: `load_month_end` gives its rows with
  the period as YYYYMM, for the build's month-end table (`month_end.parquet`). Two files of one month
  combine: 65+ from the one whose bands allow it (single years), women 20–39 from the one with 여 bands
  (the 10-year file); the totals both give must agree.

Codes of either boundary set are kept as printed (12, 28125 …: `restate.express` puts them on each set),
older ones mapped forward; a code of neither set is refused naming it (`_mois.unit_codes`). 일반구 and
출장소 are not units.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from geo import regions
from indicators import manifest
from indicators.errors import InputsMissing, SourceFileError
from indicators.registry import declared
from indicators.sources import _files, _mois
from indicators.sources._files import combine_files, tidy_sourced

KIND = _mois.WHOLE
INDICATOR = {"population": "reg_population_persons", "age65plus": "reg_age65plus_persons",
             "female_20_39": "reg_female_20_39_persons"}
KEY = ["region_code", "year", "indicator"]
TABLE = _mois.PORTAL_NAME  # how conflicts name the table (exports are read under any name)
COLUMNS = ["region_code", "year", "indicator", "value", "level", "rebuilt", "_row", "_col"]

SOURCE, INDICATORS = declared(__name__)  # metadata: mois_registered.yaml beside this file (it declares none)


def exports(raw_dir: Path) -> list[Path]:
    """The exports under raw_dir with periods of 등록구분 전체 (by their header); a file the manifest lists
    for this source without them is refused; InputsMissing if there is none."""
    mine = _mois.exports(raw_dir, KIND)
    have = {_files.relative(p, raw_dir) for p in mine}
    for rel, e in sorted(manifest.read(raw_dir).items()):
        path = Path(raw_dir) / rel
        if e.source_id == SOURCE.id and rel not in have and path.is_file():
            raise SourceFileError(path, f"listed for {SOURCE.id} in the manifest, but its header holds no period of "
                                        f"등록구분 {KIND} (every column names 거주자, 거주불명자 or 재외국민)", row=1,
                                  column=_mois.header_of(path)[1] if len(_mois.header_of(path)) > 1 else None)
    if not mine:
        raise InputsMissing(f"no 연령별 인구현황 export of 등록구분 {KIND} under {raw_dir}")
    return mine


def rows_of(path: Path) -> tuple[pd.DataFrame, _mois.Rows]:
    """Every period of one export: (rows with `COLUMNS`, `year` the period's year, `month` and `annual`
    beside them; the `_mois.Rows` they came from)."""
    rows = _mois.period_rows(_mois.read_export(path), KIND, SOURCE)
    long = rows.long.assign(indicator=rows.long["measure"].map(INDICATOR))
    return long[COLUMNS + ["month", "annual"]], rows


def load_file(path: Path) -> pd.DataFrame:
    """One export → its year-end rows (`COLUMNS`), and what it added said for the build's summary."""
    long, rows = rows_of(path)
    _describe(path, long, rows)
    return long[long["month"] == 12][COLUMNS].reset_index(drop=True)


def _describe(path: Path, long: pd.DataFrame, rows: _mois.Rows) -> None:
    """'2025-12 (year end): reg_population_persons 17 시도 + 229 시군구 + 4 rebuilt 인천 구, …', month ends
    said as such (a partial file: no national or group figures), old 구 not rebuilt and why."""
    parts = []
    for (year, month, annual), g in long.groupby(["year", "month", "annual"], sort=True):
        label = _mois.period_label(year, None if annual else month)
        text = ("(year end): " if month == 12 else "(month end → month_end.parquet): ") + _mois.counts(g)
        if not whole(g):
            text += (" — a partial file (not every 시도 or 시군구 of a boundary set): no national or group "
                     "figures are formed from it")
        parts.append((label, text))
    line = _mois.describe(KIND, parts)
    names = regions.table()["name_ko"]
    not_rebuilt = [f"{names[old]} {old} ({why})" for old, why in rows.skipped.items() if why.startswith("its 행정동")]
    if not_rebuilt:
        line += "; not rebuilt from 행정동, shown as a union in the 2026-07 set: " + ", ".join(not_rebuilt)
    _files.note_added(path, line)


def whole(df: pd.DataFrame) -> bool:
    """Whether the rows of one period hold every 시도 or every 시군구 of a boundary set (a whole file, not
    an excerpt): only then are national and group figures formed from them."""
    have = set(df["region_code"])
    return any(set(regions.codes(level, s)) <= have for s in regions.SETS for level in ("sido", "sigungu"))


def load(raw_dir: Path) -> pd.DataFrame:
    """reg_population_persons, reg_age65plus_persons and reg_female_20_39_persons of every year-end period
    of every export found ('00' where a file prints it, 시도, 시군구, rebuilt 인천 구); exports overlapping in
    a region-year are combined by the newest-vintage rule (`_files.combine_files`). `source_file` names the
    file of each row. Month-end periods are not in it (`load_month_end`)."""
    paths = exports(raw_dir)
    _files.note_files(paths)
    parts = [(p, load_file(p)) for p in paths]
    df = combine_files(parts, KEY, row_col="_row", raw_dir=raw_dir, table=TABLE)
    return tidy_sourced(pd.concat([df, national(df)], ignore_index=True))


def national(df: pd.DataFrame) -> pd.DataFrame:
    """'00' = the sum of the 시도 rows where the files print no 전국 row and give every 시도 of a boundary
    set (so that an export's nation is its own 시도's, never another file's beside them); `source_file`
    names the files of those rows."""
    out = []
    for (year, ind), g in df[df["level"] == "sido"].groupby(["year", "indicator"]):
        own = (df["region_code"] == "00") & (df["year"] == year) & (df["indicator"] == ind)
        sets = [s for s in regions.SETS if set(regions.codes("sido", s)) <= set(g["region_code"])]
        if own.any() or not sets:
            continue
        mine = g[g["region_code"].isin(regions.codes("sido", sets[0]))]
        value = mine["value"].sum() if mine["value"].notna().all() else float("nan")
        out.append({"region_code": "00", "year": year, "indicator": ind, "value": value,
                    "source_file": _files.join_files(mine["source_file"])})
    return pd.DataFrame(out, columns=["region_code", "year", "indicator", "value", "source_file"])


def load_month_end(raw_dir: Path) -> pd.DataFrame:
    """Every month-end period (months 1–11) of every export found: region_code, year (the period as
    YYYYMM: 202506), indicator, value, source_file. Exports of one month are combined by the newest-vintage
    rule: a measure one file lacks comes from the other (65+ from single years, women 20–39 from 여 bands),
    one both give must agree or is listed as a conflict. Never observations: a month end is not a year end."""
    parts = []
    for path in exports(raw_dir):
        long, _ = rows_of(path)
        month = long[long["month"] != 12]
        parts.append((path, month.assign(year=month["year"] * 100 + month["month"])[COLUMNS]))
    parts = [(p, df) for p, df in parts if len(df)]
    if not parts:
        return pd.DataFrame(columns=KEY + ["value", "source_file"])
    df = combine_files(parts, KEY, row_col="_row", raw_dir=raw_dir, table=TABLE)
    return df[KEY + ["value", "source_file"]].sort_values(KEY, ignore_index=True)
