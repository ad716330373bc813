"""Strict readers shared by the source modules: every failure names file, row, column.

Also the vintage rule for overlapping files (`combine_files`) and the build's record of
which raw files each source read and which values clashed between files (`recording`).
"""
from __future__ import annotations

import contextlib
import contextvars
import csv
import io
import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from geo import regions
from geo.crosswalk import SIGUNGU_CODE_CHANGES, SIGUNGU_NAME_ALIASES, UnknownRegionError
from indicators import manifest, schema
from indicators.errors import InputsMissing, SourceFileError

MISSING_MARKS = {"", "-", "…", "x", "X", "nan", "NaN"}
FILE_SEP = "; "  # between the files of a row computed from several (e.g. '00' = Σ 시도 of two files)


class VintageConflictWarning(UserWarning):
    """Two files of one table give different values for one key (issued when no recording is active)."""


@dataclass
class Recording:
    """What one source read: raw files (paths relative to raw_dir) and conflicts between files."""

    raw_dir: Path
    module: str = ""
    files: set[str] = field(default_factory=set)
    conflicts: list[dict] = field(default_factory=list)
    overlaps: int = 0  # keys met in more than one file (equal or not)
    statuses: dict[str, manifest.FileStatus] = field(default_factory=dict)
    listed: dict[str, manifest.Entry] | None = None


_ACTIVE: contextvars.ContextVar[Recording | None] = contextvars.ContextVar("recording", default=None)


@contextlib.contextmanager
def recording(raw_dir: Path, module: str = "",
              checked: Iterable[manifest.FileStatus] = ()) -> Iterator[Recording]:
    """Record the raw files read and the conflicts met by the source loaded inside the block.
    `checked`: statuses already computed for raw_dir (`manifest.verify`), so no file is hashed twice."""
    rec = Recording(Path(raw_dir), module)
    rec.statuses.update({str(Path(raw_dir) / f.path): f for f in checked})
    token = _ACTIVE.set(rec)
    try:
        yield rec
    finally:
        _ACTIVE.reset(token)


def file_status(path: Path, raw_dir: Path | None) -> manifest.FileStatus:
    """A raw file against raw_dir's manifest (relative path, status, vintage); cached per recording.

    Without a raw_dir every file is 'not in manifest' and keeps its path as given."""
    rec = _ACTIVE.get()
    use_rec = rec is not None and raw_dir is not None and Path(raw_dir) == rec.raw_dir
    if use_rec and str(path) in rec.statuses:
        return rec.statuses[str(path)]
    if raw_dir is None:
        return manifest.FileStatus(Path(path).as_posix(), manifest.UNLISTED, "", "")
    listed = (rec.listed if use_rec and rec.listed is not None else manifest.read(raw_dir))
    out = manifest.status_of(path, raw_dir, listed)
    if use_rec:
        rec.listed = listed
        rec.statuses[str(path)] = out
    return out


def note_files(paths: Iterable[Path]) -> None:
    """Add files to the active recording's list of raw files read (paths relative to its raw_dir)."""
    rec = _ACTIVE.get()
    if rec is None:
        return
    rec.files.update(relative(p, rec.raw_dir) for p in paths)


def relative(path: Path, raw_dir: Path | None) -> str:
    """Path relative to raw_dir (posix), as lineage names files; the path itself if outside it."""
    if raw_dir is None:
        return Path(path).as_posix()
    try:
        return Path(path).resolve().relative_to(Path(raw_dir).resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def join_files(files: Iterable[str]) -> str:
    """The distinct files of a computed row, sorted, joined by FILE_SEP."""
    return FILE_SEP.join(sorted({f for name in files for f in str(name).split(FILE_SEP)}))


def lineage(df: pd.DataFrame, rec: Recording, package_vintage: str | None = None) -> list[dict]:
    """Per indicator and file: the years whose rows came from that file, with the file's vintage
    and manifest status. A row computed from several files counts for each. `package_vintage`:
    the source ships in a package (files named by package, status 'package')."""
    if "source_file" not in df.columns or df.empty:
        return []
    pairs = df[["indicator", "source_file", "year"]].drop_duplicates()
    pairs = pairs.assign(file=pairs["source_file"].astype(str).str.split(FILE_SEP, regex=False)).explode("file")
    out = []
    for (ind, name), g in pairs.groupby(["indicator", "file"], sort=True):
        if package_vintage is not None:
            vintage, status = package_vintage, "package"
        else:
            path = rec.raw_dir / name
            f = rec.statuses.get(str(path)) or file_status(path, rec.raw_dir)
            vintage, status = f.vintage, f.status
        out.append({"indicator": ind, "file": name, "vintage": vintage, "manifest_status": status,
                    "years": sorted({int(y) for y in g["year"]})})
    return out


def find_files(raw_dir: Path, pattern: str) -> list[Path]:
    """Files under raw_dir matching a glob (recursive); InputsMissing if none."""
    found = find_optional(raw_dir, pattern)
    if not found:
        raise InputsMissing(f"no file matching {pattern!r} under {raw_dir}")
    return found


def find_optional(raw_dir: Path, pattern: str) -> list[Path]:
    """Files under raw_dir matching a glob (recursive), sorted; [] if none."""
    return sorted(Path(raw_dir).rglob(pattern))


def tidy_sourced(df: pd.DataFrame) -> pd.DataFrame:
    """`schema.tidy` of the observation columns, with the `source_file` column kept alongside."""
    if "source_file" not in df.columns:
        raise ValueError("tidy_sourced needs a 'source_file' column")
    types = {"region_code": str, "year": "int64", "indicator": str}
    df = df.astype(types).sort_values(schema.KEY, ignore_index=True)
    out = schema.tidy(df)  # validates, keys unique: same order as df
    return out.assign(source_file=df["source_file"].astype(str).to_numpy())


# Largest raw file read: 25 MiB, about 10x the largest official file shipped (the 2.5 MB KOSIS
# migration CSV in data/raw/MANIFEST.csv). A file far beyond that is not an official table: it is
# refused by its size before it is parsed (a 210 MB CSV once took minutes and GBs before failing).
MAX_RAW_BYTES = 25 * 2**20


def guard_size(path: Path, limit: int = MAX_RAW_BYTES) -> None:
    """SourceFileError naming the file and its size if it is larger than `limit` bytes."""
    size = Path(path).stat().st_size
    if size > limit:
        raise SourceFileError(path, f"file is {size / 2**20:,.1f} MB, far larger than the official files "
                                    f"(limit {limit / 2**20:,.0f} MB): not read — is it the right download?")


def read_text(path: Path, encodings: tuple[str, ...] = ("utf-8-sig",), table: bool = True) -> str:
    """Whole file as text in the first encoding that decodes it; clear error if none does.

    The error names the line of the first undecodable byte and, for a CSV table (`table`),
    the column it falls in (header name, or 'column N' where the header itself is unreadable).
    """
    guard_size(path)
    data = Path(path).read_bytes()
    if not data.strip():
        raise SourceFileError(path, "file is empty")
    for enc in encodings:
        try:
            return data.decode(enc)
        except UnicodeDecodeError as err:
            last = err
    line = data[: last.start].count(b"\n") + 1
    column = _column_at(data, last.start, encodings[0]) if table else None
    raise SourceFileError(path, f"not readable as {' or '.join(encodings)} text ({last.reason})", row=line,
                          column=column)


def _column_at(data: bytes, pos: int, encoding: str) -> str:
    """CSV column of byte `pos`: its header name, or 'column N' (1-based) if the header is unreadable there."""
    start = data.rfind(b"\n", 0, pos) + 1
    before = data[start:pos].decode(encoding, errors="replace")
    cell = len(next(csv.reader([before]), [""])) - 1 if before else 0
    header = data.split(b"\n", 1)[0].decode(encoding, errors="replace").lstrip("\ufeff")
    names = next(csv.reader([header]), [])
    name = names[cell].strip() if cell < len(names) else ""
    return name if name and "\ufffd" not in name else f"column {cell + 1}"


def read_csv_text(path: Path, text: str, skiprows: int = 0) -> pd.DataFrame:
    """Parse CSV text (all cells as strings); ragged or truncated rows raise SourceFileError."""
    rows = list(csv.reader(io.StringIO(text)))[skiprows:]
    rows = [r for r in rows if any(c.strip() for c in r)]
    if len(rows) < 2:
        raise SourceFileError(path, "no data rows (file empty or truncated)")
    header = [h.strip().lstrip("\ufeff") for h in rows[0]]
    width = len(header)
    for i, r in enumerate(rows[1:], start=skiprows + 2):
        if len(r) != width:  # column: the first cell missing (or the first one too many)
            column = header[len(r)] if len(r) < width and header[len(r)] else f"column {len(r) + 1}"
            raise SourceFileError(path, f"{len(r)} cells where the header has {width} (truncated or malformed row)",
                                  row=i, column=column)
    return pd.DataFrame(rows[1:], columns=header)


def require_columns(path: Path, df: pd.DataFrame, columns: list[str]) -> None:
    """SourceFileError naming the first expected column that is absent."""
    for col in columns:
        if col not in df.columns:
            raise SourceFileError(path, f"expected column missing; found {list(df.columns)[:8]}…", row=1, column=col)


def to_number(path: Path, values: pd.Series, column: str, first_row: int = 2) -> pd.Series:
    """Numbers from published cells: thousands separators stripped, '-'/'' → NaN.

    Anything else non-numeric raises SourceFileError with its row (first_row = file row
    of values.iloc[0]) and column.
    """
    s = values.astype(str).str.strip().str.replace(",", "", regex=False)
    missing = values.isna().to_numpy() | s.isin(MISSING_MARKS).to_numpy()
    missing = pd.Series(missing, index=values.index)
    num = pd.to_numeric(s.where(~missing), errors="coerce")
    bad = num.isna() & ~missing
    if bad.any():
        pos = int(np.flatnonzero(bad.to_numpy())[0])
        raise SourceFileError(path, f"non-numeric value {values.iloc[pos]!r}", row=first_row + pos, column=column)
    return num.astype("float64")


def refuse_negative(path: Path, values: pd.Series, rows, column, what: str = "a count or amount") -> None:
    """SourceFileError at the first value below zero, for columns that cannot be negative
    (counts, amounts, levels). `rows`: file row of each value; `column`: one name, or one per value."""
    bad = np.flatnonzero(pd.to_numeric(pd.Series(values)).to_numpy() < 0)
    if len(bad):
        i = int(bad[0])
        col = column if isinstance(column, str) else np.asarray(column)[i]
        raise SourceFileError(path, f"negative value {np.asarray(values)[i]:g}: {what} cannot be below zero",
                              row=int(np.asarray(rows)[i]), column=str(col))


def check_consecutive_years(path: Path, years: dict[str, int], row: int = 1) -> None:
    """Year columns ({header: year}) must run without a gap: a missing year is a deleted column,
    which would drop that year silently. The error names the column after the gap."""
    ordered = sorted(years.items(), key=lambda kv: kv[1])
    for (_, prev), (col, year) in zip(ordered, ordered[1:]):
        if year - prev > 1:
            raise SourceFileError(path, f"no column for {prev + 1}" + (f"–{year - 1}" if year - prev > 2 else "")
                                  + f" between {prev} and {year} (a year column deleted?)", row=row, column=col)


def check_unique(path: Path, df: pd.DataFrame, key: list[str], row_col: str | None = None,
                 column: str | None = None) -> None:
    """SourceFileError naming the first duplicated key (and its file row if row_col given).

    `column`: the file's column to name (default key[0], for keys that are file columns)."""
    dup = df.duplicated(key, keep="first")
    if dup.any():
        first = df[dup].iloc[0]
        row = int(first[row_col]) if row_col else None
        what = ", ".join(f"{k}={first[k]}" for k in key)
        raise SourceFileError(path, f"duplicated {what}", row=row, column=column or key[0])


def year_of(label: str) -> int | None:
    """'2015 년' / '2015년' / '2015' → 2015; None if the label is not a year column."""
    m = re.fullmatch(r"\s*(\d{4})\s*년?\s*", str(label))
    return int(m.group(1)) if m else None


def combine_files(parts: list[tuple[Path, pd.DataFrame]], key: list[str], row_col: str | None = None,
                  raw_dir: Path | None = None, table: str = "", indicator: str = "",
                  value_col: str = "value") -> pd.DataFrame:
    """Frames read from several files of one table and basis → one frame with `source_file`.

    A key met in one file is kept as is. A key met in several files takes its row from the
    newest file (`manifest.vintage_rank`: manifest vintage; a file not in the manifest or
    changed since counts as newest; ties: not in the manifest, then the later path). Equal
    values (NaN equals NaN) are no conflict; each different value is recorded as a conflict
    (`recording`; a warning when no recording is active), never dropped silently.
    `source_file` is the path relative to raw_dir (the active recording's if not given);
    `table` (file pattern) and `indicator` (when `key` has no indicator column) describe
    conflicts; `row_col` names the file row of each value in them.
    """
    if not parts:
        raise ValueError("combine_files needs at least one frame")
    rec = _ACTIVE.get()
    raw_dir = raw_dir if raw_dir is not None else (rec.raw_dir if rec else None)
    note_files(path for path, _ in parts)
    info = {str(path): file_status(path, raw_dir) for path, _ in parts}
    rank = {p: i for i, p in enumerate(sorted(info, key=lambda p: manifest.vintage_rank(info[p])))}
    both = pd.concat([df.assign(_file=str(path), _rank=rank[str(path)]) for path, df in parts], ignore_index=True)
    kept = both.sort_values("_rank", ascending=False, kind="stable").drop_duplicates(key, keep="first").sort_index()
    if rec is not None:
        rec.overlaps += len(both.loc[both.duplicated(key, keep=False), key].drop_duplicates())
    _record(_conflicts(both, kept, key, value_col), info, table, indicator, row_col, value_col)
    out = kept.assign(source_file=kept["_file"].map(lambda p: info[p].path))
    return out.drop(columns=["_file", "_rank"]).reset_index(drop=True)


def load_all(raw_dir: Path, pattern: str, load_one, key: list[str] | None = None, **kw) -> pd.DataFrame:
    """Every file matching `pattern` through `load_one(path)`, combined by `combine_files` (newest
    vintage wins where files overlap); InputsMissing if none. Keyword arguments go to combine_files."""
    paths = find_files(raw_dir, pattern)
    return combine_files([(p, load_one(p)) for p in paths], key or schema.KEY, raw_dir=raw_dir, table=pattern, **kw)


def _conflicts(both: pd.DataFrame, kept: pd.DataFrame, key: list[str], value_col: str) -> pd.DataFrame:
    """Rows of other files whose value differs from the kept one (columns *_kept for the kept row)."""
    m = both.merge(kept[key + [value_col, "_file"]], on=key, suffixes=("", "_kept"))
    m = m[m["_file"] != m["_file_kept"]]
    a, b = m[value_col], m[f"{value_col}_kept"]
    return m[~((a == b) | (a.isna() & b.isna()))]


def _record(clash: pd.DataFrame, info: dict[str, manifest.FileStatus], table: str, indicator: str,
            row_col: str | None, value_col: str) -> None:
    """Each clash as a conflict dict, into the active recording (else a VintageConflictWarning)."""
    if clash.empty:
        return
    rec = _ACTIVE.get()
    for r in clash.to_dict("records"):
        kept, dropped = info[r["_file_kept"]], info[r["_file"]]
        item = {"module": rec.module if rec else "", "table": table,
                "region_code": str(r.get("region_code", "")), "year": int(r["year"]) if "year" in r else None,
                "indicator": str(r.get("indicator", indicator)),
                "kept_file": kept.path, "kept_vintage": kept.vintage, "kept_status": kept.status,
                "kept_value": _plain(r[f"{value_col}_kept"]),
                "dropped_file": dropped.path, "dropped_vintage": dropped.vintage, "dropped_status": dropped.status,
                "dropped_value": _plain(r[value_col]),
                "dropped_row": int(r[row_col]) if row_col and pd.notna(r.get(row_col)) else None}
        if rec is not None:
            rec.conflicts.append(item)
        else:
            warnings.warn(VintageConflictWarning(manifest.describe_conflict(item)), stacklevel=3)


def _plain(value) -> float | None:
    """A value for JSON: float, or None for NaN."""
    return None if pd.isna(value) else float(value)


def read_xlsx_sheet(path: Path, sheet: str, header: int | None = None) -> pd.DataFrame:
    """One xlsx sheet as strings; a broken workbook or a missing sheet names the file."""
    guard_size(path)
    try:
        with warnings.catch_warnings():  # KOSIS workbooks carry no default style
            warnings.filterwarnings("ignore", message="Workbook contains no default style")
            book = pd.ExcelFile(path, engine="openpyxl")
    except Exception as err:  # empty, truncated (broken zip) or not a workbook at all
        raise SourceFileError(path, f"not a readable xlsx workbook ({type(err).__name__}: {err})") from None
    with book:
        if sheet not in book.sheet_names:
            raise SourceFileError(path, f"sheet {sheet!r} missing; found {book.sheet_names}")
        return pd.read_excel(book, sheet_name=sheet, header=header, dtype=str)


# --- KOSIS names (shared by the KOSIS population sources) -------------------------------------

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
