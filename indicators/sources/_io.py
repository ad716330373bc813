"""Strict readers shared by the source modules: every failure names file, row, column.

Text (with the size guard and encodings), CSV, xlsx sheets, numbers (thousands separators grouped by
three), required columns, unique keys, year columns; the checks a table declares in its source's
YAML (`schema.Table`): missing-value marks only where declared (`marks_of`, `check_marks`) and regions
in the declared order (`check_order`). Which files a source read, their cells, their years and
regions against the manifest and how overlapping files combine: `_files`; KOSIS names and period
columns: `_kosis`.
"""
from __future__ import annotations

import csv
import io
import re
import warnings
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from geo.crosswalk import SIDO_CODE_CHANGES, SIGUNGU_CODE_CHANGES
from geo.groups import MACRO_REGIONS
from indicators.errors import SourceFileError
from indicators.sources import _files

MISSING_MARKS = {"", "-", "…", "x", "X", "nan", "NaN"}
FILE_SEP = "; "  # between the files of a row computed from several (e.g. '00' = Σ 시도 of two files)


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


# A number written with thousands separators must group its digits by three ('1,234,567',
# '-12,345.6'): '1,2,3' or '12,34' is a damaged cell, never read as 123 or 1234.
GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def to_number(path: Path, values: pd.Series, column: str, first_row: int = 2) -> pd.Series:
    """Numbers from published cells: thousands separators (grouped by three) stripped, '-'/'' → NaN.

    Anything else non-numeric, and a separator that does not group by three ('1,2,3'), raises
    SourceFileError with its row (first_row = file row of values.iloc[0]) and column.
    """
    cells = values.astype(str).str.strip()
    commas = cells.str.contains(",", regex=False).to_numpy()
    if commas.any():
        grouped = cells[commas].str.fullmatch(GROUPED).fillna(False).to_numpy()
        if not grouped.all():
            pos = int(np.flatnonzero(commas)[np.flatnonzero(~grouped)[0]])
            raise SourceFileError(path, f"value {values.iloc[pos]!r}: thousands separators must group digits by "
                                  "three ('1,234,567')", row=first_row + pos, column=column)
        cells = cells.str.replace(",", "", regex=False)
    s = cells
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




# --- missing-value marks: declared per table, checked where they occur -----------------------

def table_of(source, path: Path):
    """The table a source declares for a file (`schema.Source.tables`, matched on the file name):
    its region order and missing-value marks. A file no table declares is refused."""
    table = source.table(Path(path).name)
    if table is None:
        raise SourceFileError(path, f"no table of source {source.id!r} (its YAML beside the loader) matches this file "
                              "name: declare its region order and missing-value marks")
    return table


def marks_of(values: pd.Series) -> pd.Series:
    """The missing-value mark of each cell as printed ('' for an empty cell), None for a number.

    Use beside `to_number` (which reads every mark as NaN): `check_marks` then says whether the
    table may print that mark there."""
    empty = values.isna().to_numpy()
    text = values.astype(str).str.strip()
    mark = empty | text.isin(MISSING_MARKS).to_numpy()
    out = pd.Series(None, index=values.index, dtype=object)
    if mark.any():
        out[mark] = text[mark].where(~empty[mark] & ~text[mark].isin({"nan", "NaN"}), "")
    return out


def _describe_marks(table) -> str:
    if table is None or not table.marks:
        return "none"
    parts = []
    for m in table.marks:
        where = [", ".join(m.regions) if m.regions else "", "–".join(str(y) for y in m.years) if m.years else "",
                 ", ".join(m.columns) if m.columns else ""]
        parts.append(f"{m.mark!r} {m.means.replace('_', ' ')}" + (f" ({'; '.join(w for w in where if w)})"
                                                                   if any(where) else ""))
    return "; ".join(parts)


def check_marks(path: Path, cells: pd.DataFrame, table) -> None:
    """Every missing-value mark in `cells` (columns mark, region_code, year, _row, _col; mark None
    for a number; region_code may be a flow 'origin→destination', allowed if either region is; an
    optional `_label`, the region as printed, for marks declared by label) must
    be one the file's table declares for that region, year and column
    (`schema.Table.marks`, from the source's YAML). Anywhere else a mark would drop a figure
    silently: SourceFileError naming its row and column."""
    hit = cells[cells["mark"].notna()]
    if hit.empty:
        return
    marks = table.marks if table is not None else ()
    hit = hit.assign(_label=hit["_label"] if "_label" in hit.columns else "")
    keys = hit[["mark", "region_code", "year", "_col", "_label"]].drop_duplicates()
    for mark, region, year, col, label in keys.itertuples(index=False):
        year = None if pd.isna(year) else int(year)
        parts = str(region).split("→")  # a flow 'origin→destination': a mark allowed for either region
        allowed = [i for i, m in enumerate(marks) if m.mark == mark
                   and any(m.allows(r, year, str(col), label) for r in parts)]
        if allowed:
            _files.note_marks(table.files, allowed)
            continue
        first = hit[(hit["mark"] == mark) & (hit["region_code"] == region) & (hit["_col"] == col)
                    & (hit["_label"] == label)
                    & ((hit["year"] == year) if year is not None else hit["year"].isna())].iloc[0]
        shown = "an empty cell" if mark == "" else f"mark {mark!r}"
        raise SourceFileError(path, f"{shown} for region {region}" + (f", {year}" if year is not None else "")
                              + f" where this table declares no missing value (declared: {_describe_marks(table)})",
                              row=None if pd.isna(first["_row"]) else int(first["_row"]), column=str(col))


# --- region order: the rank of each region label within a block of rows -----------------------

_GROUP_RANK = {code: i for i, code in enumerate([g.code for g in MACRO_REGIONS] + ["NC"])}

@lru_cache(maxsize=4096)
def order_key(code: str, parent: str | None = None) -> tuple:
    """Where a region sits in the statistical order producers list regions in: 전국 first, then the
    시도 by their code of the time (강원 42 and 전북 45 before their renumbering, so after 경기),
    the 시군구 by code within their 시도, then 수도권 and the other 권역 in `MACRO_REGIONS` order.

    `parent`: the 시도 the file lists a 시군구 under. A 시군구 that moved to another 시도
    (`crosswalk.SIGUNGU_CODE_CHANGES`) is ranked by its former code where the file lists it under
    its former 시도 (군위군 under 경북)."""
    code = str(code)
    back = {new: old for old, (new, _) in SIDO_CODE_CHANGES.items()}
    if code == "00":
        return (0, "")
    if code in _GROUP_RANK:
        return (2, f"{_GROUP_RANK[code]:02d}")
    if len(code) == 5:
        for old, (new, _) in SIGUNGU_CODE_CHANGES.items():
            if new == code and parent and old[:2] != code[:2] and parent == old[:2]:
                code = old
                break
    return (1, back.get(code[:2], code[:2]) + code[2:])


def _out_of_order(before: tuple, key: tuple, starts_block: bool) -> bool:
    """Whether `key` may not follow `before`. A 시도 (or 전국, or a 권역) row may repeat the previous
    시도's rank: one 시도 listed twice, under its former and its new name (강원도 then 강원특별자치도),
    each followed by its 시군구."""
    if starts_block and len(before) == 2 and len(key) == 2 and before[0] == key[0] == 1:
        return before[1][:2] > key[1][:2]
    return before >= key


def check_order(path: Path, frame: pd.DataFrame, table, column: str) -> None:
    """Region labels in the order the table declares, within each block of rows.

    frame: one row per file row read, in file order, with `_block` (a year, a sheet, an item: rows
    that list regions once each), `region_code`, `_row` and optional `_parent` (the 시도 a 시군구
    row is listed under). The table's `region_order`: 'code' (statistical order,
    `order_key`), 'first_year' (the order of the file's first block; regions missing from a block
    are skipped) or 'none'; its `unranked` regions (listed out of order by the producer) are skipped.
    Two labels swapped break either order: SourceFileError naming the row of the first label out
    of place. The statistical order is held only in files the manifest lists (its rows were checked
    against them); a file not in the manifest is checked against its own rows ('first_year')."""
    how = table.region_order
    if how == "none" or frame.empty:
        return
    if how == "code" and _files.manifest_entry(path)[0] is None:
        _files.note(f"{_files.manifest_entry(path)[1]}: not in the manifest: its region order is checked against "
                    "its own rows only")
        return
    frame = frame[~frame["region_code"].astype(str).isin(table.unranked)]
    parent = frame["_parent"] if "_parent" in frame.columns else pd.Series(None, index=frame.index)
    reference: dict[str, int] | None = None
    for block, g in frame.groupby("_block", sort=False):
        codes, rows = g["region_code"].astype(str).tolist(), g["_row"].tolist()
        if how == "code":
            keys = [order_key(c, p if isinstance(p, str) else None) for c, p in zip(codes, parent[g.index])]
            what = "by statistical code (전국, 서울, 부산, … 제주; 시군구 by code within their 시도)"
        else:
            if reference is None:
                reference = {c: i for i, c in enumerate(dict.fromkeys(codes))}
                first_block = block
                continue
            keys = [(reference.get(c, -1),) for c in codes]
            what = f"in the order of block {first_block}"
        prev = None
        for i, (code, key, row) in enumerate(zip(codes, keys, rows)):
            if key == (-1,):
                continue  # not in the first block (a region created later): no rank to compare
            if prev is not None and codes[prev] != code and _out_of_order(keys[prev], key, len(code) != 5):
                raise SourceFileError(path, f"region {code} is listed after region {codes[prev]} (row "
                                      f"{rows[prev]}) in block {block}, but this table lists regions {what}: "
                                      "labels swapped or rows out of place?", row=int(row), column=column)
            prev = i
