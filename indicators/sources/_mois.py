"""행정안전부 주민등록 인구통계 「연령별 인구현황」 exports (jumin.mois.go.kr), recognised by their header.

The portal writes one column per period × sex × registration kind × age item, in every form it offers:
`2024년_거주자_총인구수`, `2022년_여_거주자_20~24세` (annual, 5-year bands), `2025년06월_계_0세` (monthly,
single years), `2025년06월_남_20~29세` (10-year bands, 남/여 only), `2026년06월_계_100세 이상`. The
grammar (`HEADER`): `{YYYY}년[{MM}월]_[{계|남|여}_][{거주자|거주불명자|재외국민}_]{item}` — no sex token
means 계; no kind means 전체 (the whole 주민등록 population, the portal's default 등록구분); the item is
총인구수, 연령구간인구수 or an age (`0세`, `0~4세`, `100세 이상`). A file whose every column but
행정구역 fits is an export of this table, whatever its name, folder, period or band width (`exports`).

From such a file this module derives, per period and kind, what the bands allow (`measures`): the total
population; people aged 65+ (bands that start at 65 — from 10-year bands, 60~69 straddles it: none);
women aged 20–39 (여 bands that cover exactly 20–39). Each measure is the 계 column(s), or 남 + 여 where the
file has no 계. A measure the bands do not allow is absent, never estimated.

Rows: `행정구역` = name and 10-digit 행정기관코드. A 시도 row is `XX00000000`, a 시군구 `XXXXX00000`;
출장소 rows (sub-offices, always 0) and 일반구 (parts of their city) are not units; the rest are
읍면동 (행정동) rows, used only to rebuild the units a reform split (`split_units`, by the declared
행정동 of `geo/incheon_2026_dongs.csv`). Codes of either boundary set are kept as they are (12, 12110,
28125 …), older codes are mapped forward (`geo.crosswalk`), and a code of neither set is refused naming
the code and whether the file is newer than the registry's newest codes (`unit_codes`).

`read_export` parses and checks one file (cached per file version); `period_rows` gives its units' rows
of one registration kind (measures per period, the rebuilt units added), checked against the file's
manifest row, its declared marks and its region order.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath

import numpy as np
import pandas as pd

from geo import regions
from geo.crosswalk import (
    MERGED_AREAS,
    SIDO_CODE_CHANGES,
    UnknownRegionError,
    is_general_gu,
    sido_code_for_name,
    to_current_code,
)
from indicators import manifest
from indicators.errors import SourceFileError
from indicators.registry import registry
from indicators.sources import _files, _io

REGION_COL = "행정구역"
HEADER = re.compile(r"^(?P<year>\d{4})년(?:(?P<month>\d{2})월)?_(?:(?P<sex>계|남|여)_)?"
                    r"(?:(?P<kind>거주자|거주불명자|재외국민)_)?(?P<item>.+)$")
_AGE = re.compile(r"^(?P<lo>\d+)(?:~(?P<hi>\d+))?세(?P<open> 이상)?$")
REGION = re.compile(r"^(?P<name>.*?)\s*\((?P<code>\d{10})\)\s*$")
WHOLE = "전체"  # no registration kind in the header: the whole registered population
MEASURES = ("population", "age65plus", "female_20_39")
TOTAL, BANDED = "총인구수", "연령구간인구수"
ENCODINGS = ("utf-8-sig", "cp949")  # the portal writes cp949; a copy saved as UTF-8 reads the same
# The sources that read these exports, each the periods of its registration kind (전체 / 거주자).
READERS = ("mois_age_registered", "mois_age_residents")
# How the portal names its downloads ('202512_202512_연령별인구현황_월간.csv', …): a file so named is an
# export of this table or is refused, never skipped (a damaged header must not hide a file).
PORTAL_NAME = "*연령별인구현황*.csv"


@dataclass(frozen=True)
class Column:
    """One header column of an export: period (year, month — None for an annual file), sex (계/남/여),
    registration kind (`WHOLE` or 거주자/…), item and, for an age item, its band [lo, hi] (hi None:
    open-ended)."""

    name: str
    year: int
    month: int | None
    sex: str
    kind: str
    item: str
    lo: int | None = None
    hi: int | None = None

    @property
    def period(self) -> tuple[int, int | None, str]:
        return self.year, self.month, self.kind


def _parse(name: str) -> Column | None:
    m = HEADER.match(name.strip())
    if not m:
        return None
    item = m["item"]
    lo = hi = None
    if item not in (TOTAL, BANDED):
        a = _AGE.match(item)
        if not a:
            return None
        lo = int(a["lo"])
        hi = None if a["open"] else int(a["hi"] or a["lo"])
    return Column(name, int(m["year"]), int(m["month"]) if m["month"] else None, m["sex"] or "계",
                  m["kind"] or WHOLE, item, lo, hi)


def recognise(columns: list[str]) -> list[Column] | None:
    """The parsed header if every column but `행정구역` is one of this table's, else None (another
    table: not ours to read)."""
    if not columns or columns[0] != REGION_COL or len(columns) < 2:
        return None
    out = [_parse(name) for name in columns[1:]]
    return None if any(c is None for c in out) else out


def explain(columns: list[str]) -> tuple[str, str]:
    """(column, why) for a header that is not this table's: the first column that does not fit."""
    if not columns or columns[0] != REGION_COL:
        first = columns[0] if columns else ""
        return REGION_COL, f"the first column is {first!r}, not {REGION_COL!r} (region name and 행정기관코드)"
    if len(columns) < 2:
        return REGION_COL, "no column after 행정구역"
    bad = next(c for c in columns[1:] if _parse(c) is None)
    return bad, (f"column {bad!r} is not '<YYYY>년[<MM>월]_[계|남|여_][거주자_]<총인구수|연령구간인구수|age>' "
                 "(the 연령별 인구현황 header)")


def _covering(bands: list[Column], lo: int, hi: int | None) -> list[Column] | None:
    """Bands that tile [lo, hi] exactly (hi None: to the open end), or None."""
    chosen = sorted((b for b in bands if b.lo is not None and b.lo >= lo and (hi is None or (b.hi is not None
                                                                                            and b.hi <= hi))),
                    key=lambda b: b.lo)
    at = lo
    for b in chosen:
        if b.lo != at:
            return None
        if b.hi is None:
            return chosen if hi is None else None
        at = b.hi + 1
    return chosen if hi is not None and at == hi + 1 and chosen else None


def measures(columns: list[Column]) -> dict[tuple[int, int | None, str], dict[str, list[str]]]:
    """Per period (year, month, kind): measure → the columns summed for it (`MEASURES`; a measure the
    bands do not allow is left out)."""
    out: dict[tuple[int, int | None, str], dict[str, list[str]]] = {}
    for period in dict.fromkeys(c.period for c in columns):
        cols = [c for c in columns if c.period == period]
        by_sex = {s: [c for c in cols if c.sex == s] for s in ("계", "남", "여")}
        found: dict[str, list[str]] = {}
        for measure, (lo, hi, sexes) in {"population": (None, None, ("계",)), "age65plus": (65, None, ("계",)),
                                         "female_20_39": (20, 39, ("여",))}.items():
            for use in (sexes, ("남", "여")) if sexes == ("계",) else (sexes,):
                parts = []
                for s in use:
                    if lo is None:
                        total = [c for c in by_sex[s] if c.item == TOTAL]
                        parts.append(total if len(total) == 1 else None)
                    else:
                        parts.append(_covering([c for c in by_sex[s] if c.lo is not None], lo, hi))
                if parts and all(parts):
                    found[measure] = [c.name for p in parts for c in p]
                    break
        out[period] = found
    return out


# --- periods -------------------------------------------------------------------------------------

def period_label(year: int, month: int | None) -> str:
    """'2025-06'; an annual period is its year end, '2024-12'."""
    return f"{year}-{month or 12:02d}"


def is_year_end(month: int | None) -> bool:
    """An annual figure, or a December one: the reference date of the year-end series."""
    return month in (None, 12)


def check_columns(path: Path, columns: list[Column]) -> None:
    """What every export holds: per period, sex and kind one 총인구수 column and age bands that tile 0 to
    the open top band without a gap or overlap (a dropped column would drop people silently); periods
    without a gap (a deleted period column). Errors name row 1 and the column missing or repeated."""
    seen: dict[str, Column] = {}
    for c in columns:
        if c.name in seen:
            raise SourceFileError(path, f"column {c.name!r} twice in the header", row=1, column=c.name)
        seen[c.name] = c
    groups: dict[tuple, list[Column]] = {}
    for c in columns:
        groups.setdefault((c.year, c.month, c.sex, c.kind), []).append(c)
    for (year, month, sex, kind), cols in groups.items():
        head = cols[0].name.rsplit("_", 1)[0]
        what = f"{period_label(year, month)} {sex}" + ("" if kind == WHOLE else f" {kind}")
        totals = [c for c in cols if c.item == TOTAL]
        if len(totals) != 1:
            raise SourceFileError(path, f"no {TOTAL} column for {what}" if not totals else
                                  f"{TOTAL} twice for {what}", row=1, column=f"{head}_{TOTAL}")
        bands = sorted((c for c in cols if c.lo is not None), key=lambda c: c.lo)
        at, width = 0, None
        for b in bands:
            if b.lo != at:
                w = width or ((b.hi - b.lo + 1) if b.hi is not None else 1)
                missing = f"{head}_{at}세" if w == 1 else f"{head}_{at}~{at + w - 1}세"
                raise SourceFileError(path, f"the age bands of {what} jump from {at - 1}세 to {b.item}: column "
                                            f"{missing!r} missing (or bands overlap)", row=1,
                                      column=missing if b.lo > at else b.name)
            if b.hi is None:
                at = None
                break
            width, at = b.hi - b.lo + 1, b.hi + 1
        if at is not None:
            raise SourceFileError(path, f"the age bands of {what} stop at {at - 1}세: no open top band "
                                        f"('{head}_100세 이상') or it is missing", row=1,
                                  column=bands[-1].name if bands else totals[0].name)
    _check_periods(path, columns)


def _check_periods(path: Path, columns: list[Column]) -> None:
    """Per registration kind, annual periods one year apart and monthly ones one month apart (a
    period's columns deleted would drop it silently): the error names the first column after the gap."""
    for kind in dict.fromkeys(c.kind for c in columns):
        for annual in (True, False):
            mine = [c for c in columns if c.kind == kind and (c.month is None) == annual]
            steps = sorted({c.year if annual else c.year * 12 + c.month - 1 for c in mine})
            for a, b in zip(steps, steps[1:]):
                if b - a > 1:
                    after = next(c for c in mine if (c.year if annual else c.year * 12 + c.month - 1) == b)
                    gap = str(a + 1) if annual else period_label((a + 1) // 12, (a + 1) % 12 + 1)
                    raise SourceFileError(path, f"no columns for {gap} before {period_label(after.year, after.month)}"
                                                " (a period's columns deleted?)", row=1, column=after.name)


# --- finding the exports -------------------------------------------------------------------------

def header_of(path: Path) -> list[str]:
    """The header line of a CSV (first line only, in the first encoding that decodes it); [] if none."""
    with open(path, "rb") as f:
        line = f.readline()
    for enc in ENCODINGS:
        try:
            text = line.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        return []
    row = next(csv.reader(io.StringIO(text)), [])
    return [h.strip().lstrip("\ufeff") for h in row]


def _others_files() -> tuple[str, ...]:
    """File patterns of every source that is not a reader of these exports: their files are theirs
    (sido_population's `*_Korean_Annual_Population.csv`, an export reworked without 행정기관코드)."""
    return tuple(p for s in registry().sources.values() if s.id not in READERS for p in s.files)


def _matches(rel: str, patterns: tuple[str, ...]) -> bool:
    return any(PurePosixPath(rel).match(p) for p in patterns)


def exports(raw_dir: Path, kind: str | None = None) -> list[Path]:
    """Every export of this table under raw_dir (of one registration kind, by its header, if `kind` is
    given), in any folder and under any name: each CSV whose header `recognise`s, but those another
    source declares by name. A file the manifest lists for one of the `READERS`, or named as the portal
    names these exports (`PORTAL_NAME`), is returned even when its header does not fit, so that
    `read_export` refuses it naming the column (a damaged header never hides a file)."""
    raw_dir = Path(raw_dir)
    listed = {rel for rel, e in manifest.read(raw_dir).items() if e.source_id in READERS}
    others = _others_files()
    out = []
    for path in sorted(raw_dir.rglob("*")):
        if not path.is_file() or path.suffix.lower() != ".csv":
            continue
        rel = _files.relative(path, raw_dir)
        if rel not in listed and _matches(rel, others):
            continue
        cols = recognise(header_of(path))
        if cols is None:
            if rel in listed or PurePosixPath(rel).match(PORTAL_NAME):
                out.append(path)
        elif kind is None or any(c.kind == kind for c in cols):
            out.append(path)
    return out


# --- reading one export ----------------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class Export:
    """One export as read: its columns, every number (NaN where a mark is printed), the marks, and the
    rows classified (`classify_rows`: name, code10, kind, row). Compared and hashed by identity (one
    object per file version, `read_export`), so what is derived from it can be cached."""

    path: Path
    columns: tuple[Column, ...]
    values: pd.DataFrame
    marks: pd.DataFrame
    rows: pd.DataFrame

    def kinds(self) -> list[str]:
        return list(dict.fromkeys(c.kind for c in self.columns))

    def periods(self, kind: str) -> list[tuple[int, int | None]]:
        return list(dict.fromkeys((c.year, c.month) for c in self.columns if c.kind == kind))


def read_export(path: Path) -> Export:
    """Parse one export (cached per file version): header recognised and complete (`check_columns`),
    every cell a number or a mark (thousands separators grouped by three), none negative, every region
    cell with its 행정기관코드. Errors name file, row and column."""
    st = Path(path).stat()
    return _read(str(Path(path)), st.st_size, st.st_mtime_ns)


@lru_cache(maxsize=16)
def _read(path_text: str, size: int, mtime_ns: int) -> Export:
    path = Path(path_text)
    df = _io.read_csv_text(path, _io.read_text(path, ENCODINGS))
    cols = recognise(list(df.columns))
    if cols is None:
        column, why = explain(list(df.columns))
        fitting = [c for c in map(_parse, list(df.columns)[1:]) if c is not None]
        if df.columns[0] == REGION_COL and fitting:  # say what the other columns then lack
            try:
                check_columns(path, fitting)
            except SourceFileError as err:
                why += f"; without it, {err.cause}"
        raise SourceFileError(path, f"not a 연령별 인구현황 export: {why}", row=1, column=column)
    check_columns(path, cols)
    rows = pd.Series(range(2, len(df) + 2), index=df.index)
    values, marks = {}, {}
    for c in cols:
        values[c.name] = _io.to_number(path, df[c.name], c.name)
        _io.refuse_negative(path, values[c.name], rows, c.name, "a number of persons")
        marks[c.name] = _io.marks_of(df[c.name])
    return Export(path, tuple(cols), pd.DataFrame(values), pd.DataFrame(marks),
                  classify_rows(path, df[REGION_COL], rows))


def classify_rows(path: Path, names: pd.Series, rows: pd.Series) -> pd.DataFrame:
    """Each row's name, 10-digit code and kind: 'nation', 'sido', 'sigungu', 'dong', or 'none' (출장소,
    일반구); a region cell without its 행정기관코드 is refused, naming the row."""
    parsed = names.str.strip().str.extract(REGION)
    bad = parsed["code"].isna()
    if bad.any():
        i = bad.idxmax()
        raise SourceFileError(path, f"region {names[i]!r} lacks a 10-digit 행정기관코드", row=int(rows[i]),
                              column=REGION_COL)
    code, name = parsed["code"], parsed["name"].str.strip()
    kind = pd.Series("dong", index=names.index)
    kind[code.str[5:] == "00000"] = "sigungu"
    kind[code.str[2:] == "0" * 8] = "sido"
    kind[code == "0" * 10] = "nation"
    office = name.str.contains("출장소")
    general = (kind == "sigungu") & pd.Series([is_general_gu(c[:5], n) for c, n in zip(code, name)],
                                              index=names.index)
    kind[office | general] = "none"
    return pd.DataFrame({"name": name, "code10": code, "kind": kind, "row": rows})


# --- codes -------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _set_codes() -> tuple[frozenset[str], frozenset[str]]:
    """(시도, 시군구) codes of either boundary set."""
    return (frozenset(c for s in regions.SETS for c in regions.codes("sido", s)),
            frozenset(c for s in regions.SETS for c in regions.codes("sigungu", s)))


def newest_codes() -> str:
    """The date the registry's newest codes came in force (geo/reform_2026.csv `valid_from`)."""
    return str(regions.reform()["valid_from"].max())


def unknown_code(path: Path, row: int, name: str, code: str, code10: str, period: tuple[int, int | None]) -> str:
    """Why a code of neither set is refused, and whether it can be newer than the registry: the file's
    latest period against the date of the registry's newest codes."""
    newest = newest_codes()
    label = period_label(*period)
    sido, _ = _set_codes()
    prefix = code[:2]
    known_prefix = prefix in sido or prefix in SIDO_CODE_CHANGES
    head = f"region {name!r} ({code10}): code {code} is not in geo/regions.csv nor geo/reform_2026.csv"
    if len(code) > 2:
        head += f" (its 시도 prefix {prefix} is {'known' if known_prefix else 'unknown too'})"
    if label > newest[:7]:
        return (f"{head}; the file is of {label}, newer than the registry's newest codes ({newest}): if {code} "
                f"was created after {newest}, declare it in geo/reform_2026.csv (one row: code, names, parent, "
                "kind and the codes it comes from)")
    return (f"{head}; the file is of {label}, not newer than the registry's newest codes ({newest}): not a new "
            "code — a damaged cell, or an older code geo/crosswalk.py does not map forward")


def _sido_matches(name: str, code: str) -> bool:
    """The first word of a row's name is the name of the 시도 of its code (code of the time, mapped
    forward: 강원도 42 → 51; a 2026-07 시도 by its registry name: 전남광주통합특별시 12)."""
    first = (name.split() or [""])[0]
    try:
        return sido_code_for_name(first) == to_current_code(code)
    except UnknownRegionError:
        t = regions.table()
        return code in t.index and first in (t.loc[code, "name_ko"], t.loc[code, "short_ko"])


def unit_codes(path: Path, rows: pd.DataFrame, period: tuple[int, int | None]) -> pd.Series:
    """The code of each unit row ('00', a 시도, a 시군구 of either boundary set), None for the other
    rows. A code of either set is kept as printed (12, 12110, 28125); an older one is mapped forward
    (42 → 51, 47720 → 27720; 청원군 43710 → 43110, added to it later); a row whose name's 시도 is not its
    code's, or whose code is in neither set, is refused (`unknown_code`)."""
    sido, sigungu = _set_codes()
    out = pd.Series(None, index=rows.index, dtype=object)
    for i, name, code10, kind, row in zip(rows.index, rows["name"], rows["code10"], rows["kind"], rows["row"]):
        if kind == "nation":
            out[i] = "00"
            continue
        if kind not in ("sido", "sigungu"):
            continue
        printed = code10[:2] if kind == "sido" else code10[:5]
        try:
            code = printed if printed in sido | sigungu else MERGED_AREAS.get(printed) or to_current_code(printed)
        except UnknownRegionError:
            code = None
        if code not in (sido if kind == "sido" else sigungu):
            raise SourceFileError(path, unknown_code(path, int(row), name, printed, code10, period), row=int(row),
                                  column=REGION_COL)
        if not _sido_matches(name, code10[:2]):
            raise SourceFileError(path, f"region {name!r} ({code10}): the name does not belong to 시도 code "
                                        f"{code10[:2]}", row=int(row), column=REGION_COL)
        out[i] = code
    return out


# --- rows of one kind ------------------------------------------------------------------------------

def split_units(path: Path, units: pd.DataFrame, dongs: pd.DataFrame, declared: pd.DataFrame,
                columns: dict[str, str] | None = None) -> tuple[pd.DataFrame, dict[str, str]]:
    """The reform's split units rebuilt from a file's 행정동 rows (`declared`: old_gu, dong, new_gu —
    `geo.regions.dong_units`). An old 구 is used where its 행정동 in the file are exactly the declared ones
    (another vintage of the list — 서구's 아라동 of June 2025, before it was split and 서구's 행정동
    redrawn — is not: its territory differs); they must add up to the old 구's own row (`units`, by
    5-digit code) in every value column (the columns of `dongs` other than name, code10, row), or the
    file is refused naming that row. A new 구 is rebuilt only where every old 구 it was cut from is
    used (제물포구 from 중구 and 동구). `columns`: the file column to name for a value column in an error.
    Returns (new_gu and the summed columns, {old 구: why not used})."""
    value_cols = [c for c in dongs.columns if c not in ("name", "code10", "row")]
    sums, skipped = [], {}
    for old, decl in declared.groupby("old_gu"):
        mine = dongs[dongs["code10"].str[:5] == old]
        names = mine["name"].str.split().str[-1]
        own = units[units["code10"].str[:5] == old]
        if len(own) != 1:
            skipped[old] = "no row of its own" if len(own) == 0 else "more than one row"
            continue
        if mine.empty:
            skipped[old] = "no 행정동 rows"
            continue
        if set(names) != set(decl["dong"]) or names.duplicated().any():
            extra, absent = sorted(set(names) - set(decl["dong"])), sorted(set(decl["dong"]) - set(names))
            why = [f"{', '.join(extra)} not declared"] * bool(extra) + [f"{', '.join(absent)} not in the file"] * \
                bool(absent) + ["a 행정동 listed twice"] * bool(names.duplicated().any())
            skipped[old] = "its 행정동 are not the declared ones: " + "; ".join(why)
            continue
        total = mine[value_cols].sum(min_count=1)
        row = own.iloc[0]
        off = [c for c in value_cols if not (abs(total[c] - row[c]) <= 0.5 or (pd.isna(total[c]) and pd.isna(row[c])))]
        if off:
            raise SourceFileError(path, f"the 행정동 of {row['name']} add up to {total[off[0]]:,.0f}, its own row says "
                                        f"{row[off[0]]:,.0f}", row=int(row["row"]), column=(columns or {}).get(off[0],
                                                                                                        off[0]))
        to_new = dict(zip(decl["dong"], decl["new_gu"]))
        by_new = mine.assign(new_gu=names.map(to_new)).groupby("new_gu")[value_cols].sum(min_count=1)
        sums.append(by_new.reset_index().assign(old_gu=old))
    if not sums:
        return pd.DataFrame(columns=["new_gu", *value_cols]), skipped
    parts = pd.concat(sums, ignore_index=True)
    ref = regions.reform().set_index("region_code")["from_codes"]
    used = set(parts["old_gu"])
    whole = [g for g in parts["new_gu"].unique() if set(ref[g]) <= used]
    out = parts[parts["new_gu"].isin(whole)].groupby("new_gu", as_index=False)[value_cols].sum(min_count=1)
    return out, skipped


@dataclass(frozen=True)
class Rows:
    """What one export gives for one registration kind: `long` (region_code, level — nation, sido, sigungu
    —, year, month (12 for an annual period), annual, measure, value, _row, _col, _label, rebuilt), the old
    구 not rebuilt from 행정동 (and why) and the file's latest period."""

    long: pd.DataFrame
    skipped: dict[str, str]
    period: tuple[int, int | None]


def period_rows(exp: Export, kind: str, source) -> Rows:
    """The units' rows of one registration kind of an export, each measure per period (`measures`),
    checked: marks only where the source's table declares them, ages that add up to 총인구수 and 남 + 여
    to 계 in every row, the file's years and regions against its manifest row, its region order. A unit
    whose 총인구수 is 0 or empty in a period did not exist then (강원도 after 2023-06, 출장소): no rows.
    Codes: `unit_codes`; units a reform split are rebuilt from 행정동 rows (`split_units`); areas merged
    later (청원군) are added to the unit they became part of; two rows giving one unit are refused.
    What needs only the file is computed once per file version; the checks that record what they met
    (marks used, notes) run on every call."""
    path, cols = exp.path, [c for c in exp.columns if c.kind == kind]
    rows = exp.rows
    code = _codes(exp, kind)
    unit = code.notna()
    table = _io.table_of(source, path)
    _check_marks(exp, cols, rows, code, table)
    _sums(exp, kind)
    units = rows[unit].assign(region_code=code[unit])
    printed = units["code10"].str[:5].where(units["kind"] == "sigungu", units["code10"].str[:2])
    totals = [c for c in cols if c.item == TOTAL]
    _files.check_coverage(path, pd.DataFrame({"year": [c.year for c in totals], "_row": 1,
                                              "_col": [c.name for c in totals]}),
                          units.rename(columns={"row": "_row"}).assign(_col=REGION_COL))
    _io.check_order(path, units.assign(_row=units["row"], _block="file", region_code=printed,
                                       _parent=units["code10"].str[:2]), table, REGION_COL)
    _check_cities_present(path, rows, unit)
    return _rows(exp, kind)


def _last(exp: Export, kind: str) -> tuple[int, int | None]:
    return max(exp.periods(kind), key=lambda p: (p[0], p[1] or 12))


@lru_cache(maxsize=32)
def _codes(exp: Export, kind: str) -> pd.Series:
    return unit_codes(exp.path, exp.rows, _last(exp, kind))


@lru_cache(maxsize=32)
def _sums(exp: Export, kind: str) -> bool:
    check_sums(exp, [c for c in exp.columns if c.kind == kind])
    return True


@lru_cache(maxsize=32)
def _rows(exp: Export, kind: str) -> Rows:
    """`period_rows` but its checks: the measures of every unit row, the rebuilt units, merged areas."""
    path, cols, rows = exp.path, [c for c in exp.columns if c.kind == kind], exp.rows
    code = _codes(exp, kind)
    units = rows[code.notna()].assign(region_code=code[code.notna()])
    printed = units["code10"].str[:5].where(units["kind"] == "sigungu", units["code10"].str[:2])
    found = measures(cols)
    names = {(y, mo, m): f"{y}|{mo}|{m}" for (y, mo, _), meas in found.items() for m in meas}
    frame = pd.DataFrame({names[(y, mo, m)]: exp.values[cols_].sum(axis=1, skipna=False)
                          for (y, mo, _), meas in found.items() for m, cols_ in meas.items()})
    keep = ["name", "code10", "row"]
    rebuilt, skipped = split_units(path, units.loc[units["kind"] == "sigungu", keep].join(frame),
                                   rows.loc[rows["kind"] == "dong", keep].join(frame), regions.dong_units(),
                                   {names[(y, mo, m)]: found[(y, mo, kind)][m][0] for (y, mo, m) in names})
    long = []
    for (year, month, m), col in names.items():
        first = found[(year, month, kind)][m][0]
        pop = names.get((year, month, "population"))
        exists = frame[pop].fillna(0) > 0 if pop else pd.Series(True, index=frame.index)
        have = units.index[exists[units.index].to_numpy()]
        period = {"year": year, "month": month or 12, "annual": month is None, "measure": m, "_col": first}
        long.append(pd.DataFrame({"region_code": units.loc[have, "region_code"], "level": units.loc[have, "kind"],
                                  "value": frame.loc[have, col], "_row": units.loc[have, "row"],
                                  "_label": units.loc[have, "name"], "code": printed[have], "rebuilt": False,
                                  **period}))
        if len(rebuilt):
            long.append(pd.DataFrame({"region_code": rebuilt["new_gu"], "level": "sigungu",
                                      "value": rebuilt[col].to_numpy(), "_row": None, "_label": rebuilt["new_gu"],
                                      "code": rebuilt["new_gu"], "rebuilt": True, **period}))
    out = pd.concat(long, ignore_index=True).astype({"_row": "Int64"})
    out = _sum_merged_areas(out)
    _check_one_row_per_region(path, out)
    return Rows(out.drop(columns="code").reset_index(drop=True), skipped, _last(exp, kind))


def _check_marks(exp: Export, cols: list[Column], rows: pd.DataFrame, code: pd.Series, table) -> None:
    """Every mark printed in the rows and columns read (units and 행정동; not 일반구 and 출장소) must be one
    the table declares there (`_io.check_marks`)."""
    names = [c.name for c in cols]
    marks = exp.marks[names]
    hit = marks.notna().to_numpy() & (rows["kind"] != "none").to_numpy()[:, None]
    if not hit.any():
        return
    r, c = np.nonzero(hit)
    year = {col.name: col.year for col in cols}
    region = code.where(code.notna(), rows["code10"].str[:5])
    cells = pd.DataFrame({"mark": marks.to_numpy()[r, c], "region_code": region.to_numpy()[r],
                          "year": [year[names[j]] for j in c], "_row": rows["row"].to_numpy()[r],
                          "_col": [names[j] for j in c], "_label": rows["name"].to_numpy()[r]})
    _io.check_marks(exp.path, cells, table)


def check_sums(exp: Export, cols: list[Column]) -> None:
    """In every row: the age bands add up to 총인구수 and to 연령구간인구수 (where printed), and 남 + 여 to
    계 in each column the file has for all three; a group whose cells are all empty is a region that did
    not exist then. An edited figure breaks one of these: refused naming the row and the column."""
    vals = exp.values
    groups: dict[tuple, list[Column]] = {}
    for c in cols:
        groups.setdefault((c.year, c.month, c.sex, c.kind), []).append(c)
    rows = exp.rows["row"].to_numpy()

    def fail(mask: np.ndarray, column: str, what: str, got: pd.Series, want: pd.Series) -> None:
        i = int(np.flatnonzero(mask)[0])
        shown = [("empty" if pd.isna(v) else f"{v:,.0f}") for v in (got.iloc[i], want.iloc[i])]
        raise SourceFileError(exp.path, f"{what} add up to {shown[0]}, the file says {shown[1]}", row=int(rows[i]),
                              column=column)

    def differ(a: pd.Series, b: pd.Series) -> np.ndarray:
        return (~((a - b).abs() <= 0.5) & ~(a.isna() & b.isna())).to_numpy()

    for (year, month, sex, _), g in groups.items():
        total = next(c for c in g if c.item == TOTAL)
        ages = vals[[c.name for c in g if c.lo is not None]].sum(axis=1, min_count=1)
        bad = differ(ages, vals[total.name])
        if bad.any():
            fail(bad, total.name, f"the ages of {period_label(year, month)} {sex}", ages, vals[total.name])
        for c in g:
            if c.item == BANDED:
                bad = differ(vals[c.name], vals[total.name])
                if bad.any():
                    fail(bad, c.name, f"{BANDED} of {period_label(year, month)} {sex}", vals[c.name],
                         vals[total.name])
    by_name = {c.name for c in cols}
    for c in cols:
        if c.sex != "계":
            continue
        # '2025년06월_계_0세' → '…_남_0세'; '2024년_거주자_총인구수' (계 without a token) → '2024년_남_거주자_…'
        prefix, rest = c.name.split("_계_", 1) if "_계_" in c.name else c.name.split("_", 1)
        pair = [f"{prefix}_{s}_{rest}" for s in ("남", "여")]
        if all(p in by_name for p in pair):
            both = vals[pair[0]] + vals[pair[1]]
            bad = differ(both, vals[c.name])
            if bad.any():
                fail(bad, c.name, f"남 + 여 of {c.name}", both, vals[c.name])


def _check_cities_present(path: Path, rows: pd.DataFrame, unit: pd.Series) -> None:
    """An 일반구 is left out only where its city has its own row (else the city would vanish)."""
    have = set(rows.loc[unit & (rows["kind"] == "sigungu"), "code10"].str[:5])
    gu = rows[(rows["kind"] == "none") & ~rows["name"].str.contains("출장소")]
    for name, code10, row in zip(gu["name"], gu["code10"], gu["row"]):
        if code10[:4] + "0" not in have:
            raise SourceFileError(path, f"일반구 {name!r} without a row for its city {code10[:4]}0", row=int(row),
                                  column=REGION_COL)


def _sum_merged_areas(long: pd.DataFrame) -> pd.DataFrame:
    """Rows of areas merged later (청원군 → 청주시, 연기군 → 세종; crosswalk.MERGED_AREAS) are added to
    the unit they became part of, in files from before the merger."""
    merged = long["code"].isin(MERGED_AREAS)
    if not merged.any():
        return long
    key = ["region_code", "year", "month", "annual", "measure"]
    part = long[merged].groupby(key, as_index=False).agg(value=("value", lambda v: v.sum(min_count=1)),
                                                         _col=("_col", "first"))
    rest = long[~merged]
    both = rest.merge(part, on=key, how="outer", suffixes=("", "_merged"))
    both["value"] = both[["value", "value_merged"]].sum(axis=1, min_count=1)
    for col, fill in (("level", "sigungu"), ("rebuilt", False), ("_col", both["_col_merged"]),
                      ("_label", both["region_code"]), ("code", both["region_code"])):
        both[col] = both[col].fillna(fill)
    return both.drop(columns=["value_merged", "_col_merged"])


def _check_one_row_per_region(path: Path, long: pd.DataFrame) -> None:
    """Two rows mapped to one unit (강원도/강원특별자치도, 경북/대구 군위군, a row listed twice) must never
    both carry values for a period."""
    key = ["region_code", "year", "month", "annual", "measure"]
    dup = long[long.duplicated(key, keep=False)].sort_values(key + ["_row"])
    if len(dup):
        a, b = dup.iloc[0], dup.iloc[1]
        raise SourceFileError(path, f"rows {a['_row']} and {b['_row']} both give region {a['region_code']} in "
                              f"{period_label(a['year'], a['month'])} (a region "
                              "listed twice, or old and new rows of one region overlapping)",
                              row=int(b["_row"]) if pd.notna(b["_row"]) else None, column=REGION_COL)


# --- what a file added (the build's summary) ------------------------------------------------------

LEVEL_NAMES = (("nation", "전국"), ("sido", "시도"), ("sigungu", "시군구"))


def counts(df: pd.DataFrame) -> str:
    """Per indicator of `df` (rows with indicator, level, region_code, rebuilt) the regions it gives per
    level: 'reg_population_persons 17 시도 + 229 시군구 + 4 rebuilt 인천 구'."""
    out = []
    t = regions.table()
    for ind, g in df.groupby("indicator", sort=False):
        own = g[~g["rebuilt"].astype(bool)]
        n = own.groupby("level")["region_code"].nunique()
        text = " + ".join(f"{n[lv]} {name}" for lv, name in LEVEL_NAMES if lv in n)
        new = g.loc[g["rebuilt"].astype(bool), "region_code"].unique()
        if len(new):
            where = "·".join(dict.fromkeys(t.loc[t.loc[c, "parent_code"], "short_ko"] for c in new))
            text += f" + {len(new)} rebuilt {where} 구"
        out.append(f"{ind} {text}")
    return ", ".join(out)


def describe(kind: str, parts: list[tuple[str, str]]) -> str:
    """'<kind>: <period> <what>; …' for the build's summary, periods with the same text given once."""
    merged: list[tuple[list[str], str]] = []
    for label, text in parts:
        if merged and merged[-1][1] == text:
            merged[-1][0].append(label)
        else:
            merged.append(([label], text))
    return f"{kind}: " + "; ".join(f"{', '.join(labels)} {text}" for labels, text in merged)

