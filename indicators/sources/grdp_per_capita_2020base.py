"""Per-capita GRDP, gross regional income, individual income and private consumption by 시도, 2020 base.

KOSIS 지역소득 「시도별 1인당 지역내총생산, 지역총소득, 개인소득」 as a Korean CSV download (cp949; SOURCES.md):
columns 항목, 시도별 and one per year ('2014' … '2023 p)': `p)` marks a preliminary year), one block
of 전국 + 17 시도 rows per item (1인당 지역내총생산 / 지역총소득 / 개인소득 / 민간소비), thousand KRW
per person, current prices (the file writes no unit).

These are **2020 base** figures, a series of their own beside the 2015-base `grdp_per_capita` (the
project never mixes bases in one series): 통계청 moved 지역소득 to the 2020 base on 2024-09-05, and
this file, downloaded later, differs from the 2015-base download in every one of its 576 common
values (2014–2021), by +4.7% (2014) to +6.7% (2021) for 전국 GRDP per head (+6.1% in 2020: the
level revision of the new base), while it agrees with the 2020-base GRDP of `grdp` ÷ population to
within −3.4% … +17.9% (mean |1.5%|) where the 2015-base figures differ by −10.8% … +10.2% (mean
|4.9%|). A download of this table dated before the rebasing (the timestamp KOSIS puts in the file
name) is refused rather than mislabelled. Several 2020-base downloads combine by the newest-vintage
rule; the years a download marks preliminary must be those the indicators' notes declare
(`PRELIMINARY_YEARS`), so a newer download that finalises them fails until the notes say so.
"""
from __future__ import annotations

import re
from datetime import date
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
)
from indicators.sources._kosis import KOSIS_ENCODINGS

FILE_PATTERN = "시도별_1인당_지역내총생산__지역총소득__개인소득_*.csv"
ITEM, REGION, NATION = "항목", "시도별", "전국"
REBASED_ON = date(2024, 9, 5)  # 통계청 「지역소득 2020년 기준년 개편 결과」 published
_STAMP = re.compile(r"_(\d{4})(\d{2})(\d{2})\d{6}\.csv$")  # KOSIS download name: …_YYYYMMDDhhmmss.csv
_YEAR = re.compile(r"\s*(\d{4})\s*(?:년)?\s*(p\))?\s*")  # '2014', '2023 p)' (p) = preliminary, 잠정)
# Years whose kept figures are preliminary: what every indicator's note (grdp_per_capita_2020base.yaml) says.
PRELIMINARY_YEARS = frozenset({2023})

SOURCE, INDICATORS = declared(__name__)  # metadata: grdp_per_capita_2020base.yaml beside this file

# indicator id -> its item (항목) in the file
ITEMS: dict[str, str] = {
    "grdp_per_capita_2020base_krw_th": "1인당 지역내총생산",
    "gri_per_capita_2020base_krw_th": "1인당 지역총소득",
    "personal_income_per_capita_2020base_krw_th": "1인당 개인소득",
    "private_consumption_per_capita_2020base_krw_th": "1인당 민간소비",
}


def check_download_date(path: Path) -> None:
    """The KOSIS timestamp in the file name must be on or after the 2020 rebasing (`REBASED_ON`):
    an earlier download of this table holds 2015-base figures."""
    m = _STAMP.search(Path(path).name)
    if not m:
        raise SourceFileError(path, "no KOSIS download timestamp (…_YYYYMMDDhhmmss.csv) in the file name: the base "
                              "year of these figures cannot be told (keep the name the download had)")
    when = date(*map(int, m.groups()))
    if when < REBASED_ON:
        raise SourceFileError(path, f"downloaded {when}, before 통계청 moved 지역소득 to the 2020 base ({REBASED_ON}): "
                              "these figures are 2015 base (read them as grdp_per_capita's 2015-base series)")


def year_columns(path: Path, columns: list[str]) -> tuple[dict[str, int], set[int]]:
    """{header: year} of the year columns and the years marked preliminary ('2023 p)'); any column
    but 항목, 시도별 and years stops the load, as does a gap between years."""
    years, preliminary = {}, set()
    for col in columns:
        if col in (ITEM, REGION):
            continue
        m = _YEAR.fullmatch(col)
        if not m:
            raise SourceFileError(path, f"column {col!r} is not a year ('2014' or '2023 p)')", row=1, column=col)
        years[col] = int(m.group(1))
        if m.group(2):
            preliminary.add(int(m.group(1)))
    if not years:
        raise SourceFileError(path, "no year columns", row=1)
    if len(set(years.values())) != len(years):
        dup = next(c for c, y in years.items() if list(years.values()).count(y) > 1)
        raise SourceFileError(path, f"year {years[dup]} in two columns", row=1, column=dup)
    check_consecutive_years(path, years)
    return years, preliminary


def read(path: Path) -> tuple[pd.DataFrame, dict[str, int], set[int]]:
    """The file's rows (`_row` = file line), its year columns and its preliminary years."""
    check_download_date(path)
    df = read_csv_text(path, read_text(path, KOSIS_ENCODINGS))
    require_columns(path, df, [ITEM, REGION])
    years, preliminary = year_columns(path, list(df.columns))
    df["_row"] = range(2, len(df) + 2)
    for col in (ITEM, REGION):
        df[col] = df[col].str.strip()
    unknown = ~df[ITEM].isin(ITEMS.values())
    if unknown.any():
        r = df[unknown].iloc[0]
        raise SourceFileError(path, f"item {r[ITEM]!r} is not one of {list(ITEMS.values())}", row=int(r["_row"]),
                              column=ITEM)
    missing = [i for i in ITEMS.values() if i not in set(df[ITEM])]
    if missing:
        raise SourceFileError(path, f"no rows of item {missing[0]!r}", column=ITEM)
    check_unique(path, df, [ITEM, REGION], row_col="_row", column=REGION)
    return df, years, preliminary


def region_codes(path: Path, df: pd.DataFrame) -> pd.Series:
    """'00' for 전국, the canonical 시도 code of a 시도 name; an unknown name stops the load."""
    out = []
    for name, row in zip(df[REGION], df["_row"]):
        try:
            out.append("00" if name == NATION else sido_code_for_name(name))
        except UnknownRegionError as err:
            raise SourceFileError(path, str(err), row=int(row), column=REGION) from None
    return pd.Series(out, index=df.index)


def reshape(path: Path, df: pd.DataFrame, years: dict[str, int]) -> pd.DataFrame:
    """Long rows per item and year; a negative amount or an undeclared mark stops the load; years,
    regions and their order (within each item) checked."""
    by_item = {item: ind for ind, item in ITEMS.items()}
    parts = []
    for col, year in years.items():
        value = to_number(path, df[col], column=col, first_row=2)
        refuse_negative(path, value, df["_row"], col, "a per-capita amount")
        parts.append(pd.DataFrame({"region_code": df["region_code"], "year": year,
                                   "indicator": df[ITEM].map(by_item), "value": value, "mark": marks_of(df[col]),
                                   "_row": df["_row"], "_col": col}))
    long = pd.concat(parts, ignore_index=True)
    table = table_of(SOURCE, path)
    check_coverage(path, pd.DataFrame({"year": list(years.values()), "_row": 1, "_col": list(years)}),
                   df.assign(_col=REGION))
    check_marks(path, long, table)
    check_order(path, df.assign(_block=df[ITEM]), table, REGION)
    return long.dropna(subset=["value"]).drop(columns="mark")


def load_file(path: Path) -> pd.DataFrame:
    """One download → tidy per-capita rows (thousand KRW, 2020 base), cells recorded."""
    df, years, _ = read(path)
    df["region_code"] = region_codes(path, df)
    return recorded(path, reshape(path, df, years))


def preliminary_years(path: Path) -> set[int]:
    """The years a download's header marks preliminary ('2023 p)')."""
    df = read_csv_text(path, read_text(path, KOSIS_ENCODINGS))
    return year_columns(path, list(df.columns))[1]


def check_preliminary(raw_dir: Path, out: pd.DataFrame) -> None:
    """The years whose kept figures a download marks preliminary must be `PRELIMINARY_YEARS` (what the
    notes say): SourceFileError naming the file otherwise (a newer download finalised a year, or
    marks a new one)."""
    kept: dict[int, str] = {}
    last = out.groupby("source_file")["year"].max()
    for rel in last.index:
        years = set(out.loc[out["source_file"] == rel, "year"])
        kept.update({y: rel for y in preliminary_years(Path(raw_dir) / rel) & years})
    if set(kept) != PRELIMINARY_YEARS:
        newest = Path(raw_dir) / last.idxmax()  # the file that gives the latest year
        raise SourceFileError(newest, f"the figures kept are preliminary for {sorted(kept) or 'no year'} (marked 'p)' "
                              f"in {', '.join(sorted(set(kept.values()))) or 'no file'}), but the notes declare "
                              f"{sorted(PRELIMINARY_YEARS)}: update PRELIMINARY_YEARS and the notes of "
                              f"grdp_per_capita_2020base.yaml", row=1)


def load(raw_dir: Path) -> pd.DataFrame:
    """Tidy per-capita indicators (thousand KRW, 2020 base) for '00' and the 시도.

    Several 2020-base downloads are combined by the newest-vintage rule (`_files.combine_files`;
    every differing value recorded as a conflict); `source_file` names the file of each row. The
    preliminary years kept are held to `PRELIMINARY_YEARS`."""
    out = tidy_sourced(load_all(raw_dir, FILE_PATTERN, load_file))
    check_preliminary(raw_dir, out)
    return out

