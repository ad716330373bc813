"""Which raw files a source read, what each cell said, and how overlapping files of one table are combined.

`recording` (used by the build) collects the files read, every value that clashes between two
files, the cells each file gave (file, row and column of every value, for the build's checks to
name) and notes (a file checked against its own header only); `combine_files` applies the vintage
rule for overlapping files (the newest vintage wins, every differing value is recorded, never
dropped silently) and tags each row with its `source_file`. `check_coverage` holds a file's years
and regions to what its manifest row says.
"""
from __future__ import annotations

import contextlib
import contextvars
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from geo.regions import level_of as regions_level_of
from indicators import manifest, schema
from indicators.errors import InputsMissing, SourceFileError
from indicators.registry import registry

FILE_SEP = "; "  # between the files of a row computed from several (e.g. '00' = Σ 시도 of two files)
# What a file said, cell by cell: the value of an indicator for a region and year, at a file row
# (None where the value is computed, e.g. a sum of rows) and column.
CELL_COLUMNS = ["file", "indicator", "region_code", "year", "value", "row", "column"]
POSITION = ["_row", "_col"]  # the file row and column of each value, carried by a loader's frames


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
    cells: list[pd.DataFrame] = field(default_factory=list)  # CELL_COLUMNS, one frame per file read
    notes: list[str] = field(default_factory=list)  # said by the build (e.g. a file not in the manifest)
    marks_used: set[tuple[str, int]] = field(default_factory=set)  # (table glob, mark index) met in a cell
    added: list[str] = field(default_factory=list)  # per file read: what it added (said by the build)


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


# --- cells: file, row and column of every value -----------------------------------------------

def record_cells(path: Path, df: pd.DataFrame, indicator: str = "") -> None:
    """Add what one file said (rows with region_code, year, value, `_row`, `_col` and an indicator
    column or `indicator`) to the active recording's cells; nothing without a recording."""
    rec = _ACTIVE.get()
    if rec is None or df.empty or "_row" not in df.columns:
        return
    ind = df["indicator"] if "indicator" in df.columns else indicator
    cells = pd.DataFrame({"file": relative(path, rec.raw_dir), "indicator": ind, "region_code": df["region_code"],
                          "year": df["year"], "value": df["value"], "row": df["_row"],
                          "column": df["_col"] if "_col" in df.columns else ""})
    rec.cells.append(cells.astype({"row": "Int64", "column": str, "year": "int64", "value": "float64"}))


def note_marks(table: str, indices) -> None:
    """The declared marks (by their table's glob and position) that a cell used: a declaration no
    shipped cell uses is stale (tests/sources/test_declarations.py)."""
    rec = _ACTIVE.get()
    if rec is not None:
        rec.marks_used.update((table, i) for i in indices)


def note(text: str) -> None:
    """A line the build says after the sources (e.g. a file checked against its own header only)."""
    rec = _ACTIVE.get()
    if rec is not None and text not in rec.notes:
        rec.notes.append(text)


def note_added(path: Path, text: str) -> None:
    """What one file added (its periods, and the regions of each indicator it gave), for the build's
    summary: '<file relative to the raw folder>: <text>'."""
    rec = _ACTIVE.get()
    if rec is not None:
        rec.added.append(f"{relative(path, rec.raw_dir)}: {text}")


def recorded(path: Path, df: pd.DataFrame) -> pd.DataFrame:
    """What one file gave, as `schema.tidy` rows: its cells (with `_row`, `_col`) recorded first
    (`record_cells`), the positions dropped from the rows returned."""
    record_cells(path, df)
    return schema.tidy(df)


# --- a file's years and regions against its manifest row --------------------------------------

def manifest_entry(path: Path) -> tuple[manifest.Entry | None, str]:
    """(the manifest row of a raw file or None, its path relative to the raw folder). The raw folder
    is the active recording's, else the nearest folder above the file holding MANIFEST.csv."""
    rec = _ACTIVE.get()
    path = Path(path)
    if rec is not None and _inside(path, rec.raw_dir):
        if rec.listed is None:
            rec.listed = manifest.read(rec.raw_dir)
        rel = relative(path, rec.raw_dir)
        return rec.listed.get(rel), rel
    for folder in path.resolve().parents:
        listed = folder / manifest.MANIFEST_NAME
        if listed.is_file():
            rel = relative(path, folder)
            return _read_manifest(folder, listed.stat().st_mtime_ns).get(rel), rel
    return None, path.name


@lru_cache(maxsize=16)
def _read_manifest(folder: Path, mtime_ns: int) -> dict[str, manifest.Entry]:
    """The manifest of a folder, read once per version of the file."""
    return manifest.read(folder)


def _inside(path: Path, folder: Path) -> bool:
    try:
        Path(path).resolve().relative_to(Path(folder).resolve())
        return True
    except ValueError:
        return False


def check_coverage(path: Path, years: pd.DataFrame, regions: pd.DataFrame | None = None) -> None:
    """The years (and regions) a file holds must be those its manifest row lists.

    years: the file's year cells or headers in file order (columns year, _row, _col); regions: the
    regions its rows were read as (region_code, _row, _col). Against the row's `years`: no year
    outside it, and its first and last year present (a header shifted by a year fails both); against
    `regions`: as many regions per level. A file not in the manifest is checked against its own
    header only (consecutive years, labels that agree), and the build says so."""
    entry, rel = manifest_entry(path)
    if entry is None:
        note(f"{rel}: not in {manifest.MANIFEST_NAME}: its years and regions are checked against its own header only")
        return
    try:
        first, last = entry.year_span()
    except manifest.ManifestError as err:
        raise SourceFileError(path, str(err)) from None
    ys = years.dropna(subset=["year"])
    out = ys[(ys["year"] < first) | (ys["year"] > last)]
    span = f"{first}–{last}" if first != last else f"{first}"
    where = f"{manifest.MANIFEST_NAME} lists {span} for this file"
    if len(out):
        r = out.iloc[0]
        raise SourceFileError(path, f"year {int(r['year'])} but {where} (years shifted, or another download "
                              "over a listed file: give a new download its own name)", row=_int(r["_row"]),
                              column=str(r["_col"]))
    for want, pick in ((first, ys["year"].min()), (last, ys["year"].max())):
        if len(ys) and pick != want:
            r = ys[ys["year"] == pick].iloc[0]
            raise SourceFileError(path, f"the file's years run {int(ys['year'].min())}–{int(ys['year'].max())} but "
                                  f"{where} (a year missing at the start or end?)", row=_int(r["_row"]),
                                  column=str(r["_col"]))
    if regions is None:
        return
    stated = entry.region_counts()
    if not stated:
        note(f"{rel}: its manifest row states no count of regions ({entry.regions!r}): regions not checked")
        return
    found = regions.assign(level=_level(regions["region_code"]))
    for level, n in sorted(found.groupby("level")["region_code"].nunique().to_dict().items()):
        if level not in stated:
            r = found[found["level"] == level].iloc[0]
            raise SourceFileError(path, f"{n} regions of level {level} but {manifest.MANIFEST_NAME} lists none "
                                  f"({entry.regions!r})", row=_int(r["_row"]), column=str(r["_col"]))
    for level, n in stated.items():
        have = found[found["level"] == level]
        if have["region_code"].nunique() != n:
            r = have.iloc[-1] if len(have) else found.iloc[0] if len(found) else None
            raise SourceFileError(path, f"{have['region_code'].nunique()} regions of level {level} but "
                                  f"{manifest.MANIFEST_NAME} lists {n} ({entry.regions!r}): a region missing or "
                                  "one too many", row=None if r is None else _int(r["_row"]),
                                  column=None if r is None else str(r["_col"]))


def _level(codes: pd.Series) -> pd.Series:
    """nation, sido, sigungu or macro (수도권 and the other 권역, as the manifest counts them)."""
    lv = regions_level_of(codes)
    return lv.where(~lv.isin(["group"]), "macro")


def _int(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


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
    for path, df in parts:  # frames that still carry their file positions (others recorded them already)
        record_cells(path, df, indicator)
    info = {str(path): file_status(path, raw_dir) for path, _ in parts}
    rank = {p: i for i, p in enumerate(sorted(info, key=lambda p: manifest.vintage_rank(info[p])))}
    check_vintage_order([Path(p) for p in sorted(rank, key=rank.get)], {p: info[p].path for p in info})
    both = pd.concat([df.assign(_file=str(path), _rank=rank[str(path)]) for path, df in parts], ignore_index=True)
    kept = both.sort_values("_rank", ascending=False, kind="stable").drop_duplicates(key, keep="first").sort_index()
    if rec is not None:
        rec.overlaps += len(both.loc[both.duplicated(key, keep=False), key].drop_duplicates())
    _record(_conflicts(both, kept, key, value_col), info, table, indicator, row_col, value_col)
    out = kept.assign(source_file=kept["_file"].map(lambda p: info[p].path))
    return out.drop(columns=["_file", "_rank"]).reset_index(drop=True)


def check_vintage_order(paths: list[Path], rel: dict[str, str]) -> None:
    """Rank stability of region labels across vintages of one table: where two files of one table
    (oldest first) give the same indicator and year, the regions they share must come in the same
    order of file rows. A newer download with two region labels swapped (its figures under each
    other's names) breaks it: SourceFileError naming the newer file's row and column. Regions of a
    boundary change declared between the two files' last years may move. Needs the cells of an
    active recording (`record_cells`); without one nothing is compared."""
    rec = _ACTIVE.get()
    if rec is None or len(paths) < 2 or not rec.cells:
        return
    files = [rel[str(p)] for p in paths]
    cells = pd.concat([c[c["file"].isin(files)] for c in rec.cells], ignore_index=True).dropna(subset=["row"])
    by_file = {f: c for f, c in cells.groupby("file")}
    for i, older in enumerate(files):
        for j in range(i + 1, len(files)):
            newer = files[j]
            if older not in by_file or newer not in by_file:
                continue
            a, b = by_file[older], by_file[newer]
            moved = _moved_regions(int(a["year"].max()), int(b["year"].max()))
            m = a.merge(b, on=["indicator", "region_code", "year"], suffixes=("_a", "_b"))
            m = m[~m["region_code"].isin(moved)]
            for (ind, year), g in m.groupby(["indicator", "year"], sort=True):
                first = g.sort_values("row_a")["region_code"].tolist()
                then = g.sort_values("row_b")
                for k, (code, row, col) in enumerate(zip(then["region_code"], then["row_b"], then["column_b"])):
                    if code != first[k]:
                        raise SourceFileError(paths[j], f"region {code} comes at rank {k + 1} of the {len(first)} "
                                              f"regions both give for {ind} {year}, but {older} lists {first[k]} "
                                              "there: region labels swapped or rows moved against the other "
                                              "vintage of this table", row=int(row), column=str(col))


def _moved_regions(older_last: int, newer_last: int) -> set[str]:
    """Regions of a boundary change declared after the older file's last year, up to the newer's."""
    return {r for b in registry().boundary_changes if older_last < b.year <= newer_last for r in b.regions}


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
