"""권역 indicators of 경인지방통계청 「수도권 광역지표」 (ids 1-x … 4-x), values as shown on the office's site.

Files `kostat_gi/data/indicator_<id>.csv`: UTF-8 with BOM, long (`Year`, `지역`, `Value`), one row per region
and year: `0.전국` and the seven 권역 `1.수도권` … `7.제주권` (codes from `geo.groups.MACRO_REGIONS`). Units
differ by indicator (%, 백만원, 만원, 명, …; see SPEC). 2-2-2 is not read (fails a plausibility check, see
SOURCE.note); ids 5-x … 11-x (inside the capital region) are out of scope.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from geo.groups import MACRO_REGIONS
from indicators.errors import InputsMissing, SourceFileError
from indicators.registry import declared
from indicators.schema import KEY, Indicator
from indicators.sources._files import check_coverage, combine_files, find_files, recorded, tidy_sourced
from indicators.sources._io import (
    check_marks,
    check_order,
    check_unique,
    marks_of,
    refuse_negative,
    require_columns,
    table_of,
    to_number,
)

FILE_PATTERN = "indicator_*.csv"
YEAR, REGION, VALUE = "Year", "지역", "Value"
HEADER = (YEAR, REGION, VALUE)
NATION = "전국"
NO_NATION_ROW = frozenset({"4-1-1"})  # net migration of the whole country is 0 by construction
# Changes and net rates may be below zero; every other indicator here (levels, shares, counts,
# scores) cannot, so a negative value in its file raises.
SIGNED = frozenset({"gi_startups_growth_pct", "gi_grdp_real_growth_pct", "gi_net_migration_rate_pct"})
YEAR_RANGE = (1900, 2100)

SOURCE, INDICATORS = declared(__name__)  # metadata: kostat_gi.yaml beside this file

# declared mapping: the office's indicator id -> our indicator
OFFICE_IDS: dict[str, str] = {
    "1-1-1": "gi_population_index",
    "1-1-2": "gi_tertiary_educated_pct",
    "1-2-1": "gi_road_km_per_land_coef",
    "1-2-2": "gi_internet_use_pct",
    "1-2-3": "gi_rooms_per_person",
    "2-1-1": "gi_public_integrity_score",
    "2-1-2": "gi_startups_growth_pct",
    "2-2-1": "gi_patent_applications_per_1m",
    "2-2-3": "gi_knowledge_services_workers_pct",
    "3-1-1": "gi_grdp_real_2015base_krw_mn",
    "3-1-2": "gi_grdp_real_growth_pct",
    "3-1-3": "gi_labor_productivity_2015base_krw_mn",
    "3-2-1": "gi_employment_rate_pct",
    "3-2-2": "gi_household_current_income_krw_10k",
    "4-1-1": "gi_net_migration_rate_pct",
    "4-1-2": "gi_foreign_students_persons",
    "4-2-1": "gi_residential_env_satisfaction_pct",
    "4-2-2": "gi_pm25_ugm3",
    "4-2-3": "gi_doctors_per_1000",
    "4-2-4": "gi_life_satisfaction_pct",
}
_BY_ID = {i.id: i for i in INDICATORS}
SPEC: dict[str, Indicator] = {sid: _BY_ID[i] for sid, i in OFFICE_IDS.items()}


def region_labels() -> dict[str, str]:
    """The office's labels → codes: '0.전국' → '00', then '1.수도권' → 'CR' … in MACRO_REGIONS order."""
    out = {f"0.{NATION}": "00"}
    out.update({f"{i}.{g.name_ko}": g.code for i, g in enumerate(MACRO_REGIONS, start=1)})
    return out


def _col(header: list[str] | tuple[str, ...], i: int) -> str:
    """Name of the i-th (0-based) column, or 'column N' where it has no header."""
    return header[i] if i < len(header) and header[i] else f"column {i + 1}"


def _text(path: Path) -> str:
    """The file as text (UTF-8, BOM optional); empty or undecodable → SourceFileError with row and column."""
    data = Path(path).read_bytes().removeprefix(b"\xef\xbb\xbf")  # positions below count from after the BOM
    if not data.strip():
        raise SourceFileError(path, "file is empty (expected header Year,지역,Value)", row=1, column=YEAR)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        cell = data.count(b",", data.rfind(b"\n", 0, err.start) + 1, err.start)
        raise SourceFileError(path, f"not UTF-8 text ({err.reason}); expected UTF-8 with BOM",
                              row=data.count(b"\n", 0, err.start) + 1, column=_col(HEADER, cell)) from None


def read(path: Path) -> pd.DataFrame:
    """Year, 지역, Value as strings with the file row (`_row`); unnamed extra columns must be empty."""
    reader = csv.reader(io.StringIO(_text(path), newline=""))
    header = [h.strip().lstrip("\ufeff") for h in next(reader)]
    rows, lines = [], []
    for cells in (c for c in reader if any(x.strip() for x in c)):
        if len(cells) != len(header):
            raise SourceFileError(path, f"{len(cells)} cells, header has {len(header)} (truncated or malformed row)",
                                  row=reader.line_num, column=_col(header, min(len(cells), len(header))))
        extra = [i for i, name in enumerate(header) if not name and cells[i].strip()]
        if extra:
            raise SourceFileError(path, f"value {cells[extra[0]]!r} in a column without header",
                                  row=reader.line_num, column=_col(header, extra[0]))
        rows.append(cells)
        lines.append(reader.line_num)
    if not rows:
        raise SourceFileError(path, "no data rows (file empty or truncated)", row=2, column=YEAR)
    twice = [n for i, n in enumerate(header) if n and n in header[:i]]
    if twice:
        raise SourceFileError(path, "column named twice in the header", row=1, column=twice[0])
    df = pd.DataFrame([[r[i] for i, n in enumerate(header) if n] for r in rows], columns=[n for n in header if n])
    require_columns(path, df, list(HEADER))
    return df.assign(_row=lines)


def _codes(path: Path, df: pd.DataFrame) -> list[str]:
    """Region code of each row; an unknown label raises with its row."""
    labels = region_labels()
    out = []
    for label, row in zip(df[REGION].str.strip(), df["_row"]):
        if label not in labels:
            raise SourceFileError(path, f"unknown region {label!r}; expected one of {list(labels)}",
                                  row=int(row), column=REGION)
        out.append(labels[label])
    return out


def _numbers(path: Path, df: pd.DataFrame, column: str) -> pd.Series:
    """`to_number` of a column, errors naming the true file row (blank lines may sit in between)."""
    try:
        return to_number(path, df[column], column, first_row=0)
    except SourceFileError as err:
        raise SourceFileError(path, err.cause, row=int(df["_row"].iloc[err.row]), column=column) from None


def _years(path: Path, df: pd.DataFrame) -> pd.Series:
    """Year as int; a blank, fractional or non-numeric year raises with its row."""
    years = _numbers(path, df, YEAR)
    bad = years.isna() | (years % 1 != 0) | ~years.between(*YEAR_RANGE)
    if bad.any():
        r = df[bad.to_numpy()].iloc[0]
        raise SourceFileError(path, f"year {r[YEAR]!r} is not a whole year in {YEAR_RANGE[0]}–{YEAR_RANGE[1]}",
                              row=int(r["_row"]), column=YEAR)
    return years.astype("int64")


def _check_complete(path: Path, df: pd.DataFrame, nation: bool) -> None:
    """Every year must have all seven 권역 (and 전국 unless `nation` is False): a gap means truncation."""
    need = {label: code for label, code in region_labels().items() if nation or code != "00"}
    for year, codes in df.groupby("year")["region_code"]:
        missing = [label for label, code in need.items() if code not in set(codes)]
        if missing:
            raise SourceFileError(path, f"year {year} has no row for {missing} (truncated or "
                                  "incomplete file; the row named is the last data row)",
                                  row=int(df["_row"].max()), column=REGION)


def clean(path: Path, df: pd.DataFrame, indicator: str, nation: bool = True) -> pd.DataFrame:
    """Tidy rows (region_code, year, indicator, value); empty Value cells give NaN, never 0."""
    out = pd.DataFrame({"_row": df["_row"].to_numpy(), "region_code": _codes(path, df), "year": _years(path, df)})
    out["value"] = _numbers(path, df, VALUE).to_numpy()
    if indicator not in SIGNED:
        refuse_negative(path, out["value"], out["_row"], VALUE, f"{indicator} (a level, share or count)")
    if not nation and (out["region_code"] == "00").any():
        r = out[out["region_code"] == "00"].iloc[0]
        raise SourceFileError(path, f"a {NATION} row in a file without one ({indicator})", row=int(r["_row"]),
                              column=REGION)
    keys = pd.DataFrame({REGION: df[REGION].str.strip(), YEAR: out["year"], "_row": df["_row"]})
    check_unique(path, keys, [REGION, YEAR], row_col="_row")  # names the file's columns, not ours
    table = table_of(SOURCE, path)
    check_coverage(path, out.assign(_col=YEAR), out.assign(_col=REGION))
    check_marks(path, out.assign(mark=marks_of(df[VALUE]).to_numpy(), _col=VALUE), table)
    check_order(path, out.assign(_block=out["year"]), table, REGION)
    _check_complete(path, out, nation)
    return out.assign(indicator=indicator, _col=VALUE)


def paths(raw_dir: Path) -> dict[str, list[Path]]:
    """Declared id → its file(s). None present: InputsMissing; some missing: SourceFileError.

    Several copies of one file (another folder) are all returned: `load` combines them."""
    wanted = {f"indicator_{sid}.csv": sid for sid in SPEC}
    found: dict[str, list[Path]] = {}
    for p in find_files(raw_dir, FILE_PATTERN):
        if p.name in wanted:
            found.setdefault(p.name, []).append(p)
    if not found:
        raise InputsMissing(f"none of the declared 수도권 광역지표 files ({FILE_PATTERN}) under {raw_dir}")
    missing = [n for n in wanted if n not in found]
    if missing:
        folder = next(iter(found.values()))[0].parent
        raise SourceFileError(folder / missing[0], f"declared file missing while {len(found)} of {len(wanted)} "
                              f"are present (missing: {', '.join(missing)}); a partial source is not built")
    return {wanted[name]: ps for name, ps in found.items()}


def load(raw_dir: Path) -> pd.DataFrame:
    """Tidy 권역 indicators (units per INDICATORS) for '00' and CR, CC, HN, DG, DN, GW, JJ.

    Copies of one indicator file are combined by the newest-vintage rule (`_files.combine_files`);
    `source_file` names the file of each row."""
    parts = [combine_files([(p, load_file(p)) for p in ps], KEY, raw_dir=raw_dir, table=f"indicator_{sid}.csv")
             for sid, ps in paths(raw_dir).items()]
    return tidy_sourced(pd.concat(parts, ignore_index=True))


def load_file(path: Path) -> pd.DataFrame:
    """One declared file `indicator_<id>.csv` → tidy rows of its indicator (cells recorded)."""
    sid = path.name.removeprefix("indicator_").removesuffix(".csv")
    if sid not in SPEC:
        raise SourceFileError(path, f"not one of the declared files (ids {', '.join(SPEC)})")
    return recorded(path, clean(path, read(path), SPEC[sid].id, nation=sid not in NO_NATION_ROW))
