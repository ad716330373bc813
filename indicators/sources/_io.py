"""Strict readers shared by the source modules: every failure names file, row, column."""
from __future__ import annotations

import csv
import io
import re
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from indicators.errors import InputsMissing, SourceFileError

MISSING_MARKS = {"", "-", "…", "x", "X", "nan", "NaN"}


def find_files(raw_dir: Path, pattern: str) -> list[Path]:
    """Files under raw_dir matching a glob (recursive); InputsMissing if none."""
    found = sorted(Path(raw_dir).rglob(pattern))
    if not found:
        raise InputsMissing(f"no file matching {pattern!r} under {raw_dir}")
    return found


def read_text(path: Path, encodings: tuple[str, ...] = ("utf-8-sig",)) -> str:
    """Whole file as text in the first encoding that decodes it; clear error if none does."""
    data = Path(path).read_bytes()
    if not data.strip():
        raise SourceFileError(path, "file is empty")
    for enc in encodings:
        try:
            return data.decode(enc)
        except UnicodeDecodeError as err:
            last = err
    line = data[: last.start].count(b"\n") + 1
    raise SourceFileError(path, f"not readable as {' or '.join(encodings)} text ({last.reason})", row=line)


def read_csv_text(path: Path, text: str, skiprows: int = 0) -> pd.DataFrame:
    """Parse CSV text (all cells as strings); ragged or truncated rows raise SourceFileError."""
    rows = list(csv.reader(io.StringIO(text)))[skiprows:]
    rows = [r for r in rows if any(c.strip() for c in r)]
    if len(rows) < 2:
        raise SourceFileError(path, "no data rows (file empty or truncated)")
    header = [h.strip().lstrip("\ufeff") for h in rows[0]]
    width = len(header)
    for i, r in enumerate(rows[1:], start=skiprows + 2):
        if len(r) != width:
            raise SourceFileError(path, f"{len(r)} cells where the header has {width} (truncated or malformed row)", row=i)
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


def check_unique(path: Path, df: pd.DataFrame, key: list[str], row_col: str | None = None) -> None:
    """SourceFileError naming the first duplicated key (and its file row if row_col given)."""
    dup = df.duplicated(key, keep="first")
    if dup.any():
        first = df[dup].iloc[0]
        row = int(first[row_col]) if row_col else None
        what = ", ".join(f"{k}={first[k]}" for k in key)
        raise SourceFileError(path, f"duplicated {what}", row=row, column=key[0])


def year_of(label: str) -> int | None:
    """'2015 년' / '2015년' / '2015' → 2015; None if the label is not a year column."""
    m = re.fullmatch(r"\s*(\d{4})\s*년?\s*", str(label))
    return int(m.group(1)) if m else None


def combine_files(parts: list[tuple[Path, pd.DataFrame]], key: list[str], row_col: str | None = None) -> pd.DataFrame:
    """Concatenate frames read from several files (each with a 'value' column).

    A key met in more than one file is kept once when the values are equal (NaN equals
    NaN); different values raise SourceFileError naming both files (and, if row_col is
    given, the file row of the value that differs).
    """
    frames = [df.assign(_file=str(path)) for path, df in parts]
    if not frames:
        raise ValueError("combine_files needs at least one frame")
    both = pd.concat(frames, ignore_index=True)
    grp = both.groupby(key, sort=False)["value"]
    first, n_files = grp.transform("first"), both.groupby(key, sort=False)["_file"].transform("nunique")
    same = (both["value"] == first) | (both["value"].isna() & first.isna())
    clash = both[(n_files > 1) & ~same]
    if len(clash):
        bad = clash.iloc[0]
        other = both[(both[key] == bad[key]).all(axis=1) & (both["_file"] != bad["_file"])].iloc[0]
        what = ", ".join(f"{k}={bad[k]}" for k in key)
        raise SourceFileError(bad["_file"], f"{what}: value {bad['value']} differs from {other['value']} "
                              f"in {other['_file']}", row=int(bad[row_col]) if row_col else None)
    return both.drop_duplicates(key, keep="first").drop(columns="_file").reset_index(drop=True)


def read_xlsx_sheet(path: Path, sheet: str, header: int | None = None) -> pd.DataFrame:
    """One xlsx sheet as strings; a broken workbook or a missing sheet names the file."""
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
