"""Which raw files a source read, and how overlapping files of one table are combined.

`recording` (used by the build) collects the files read and every value that clashes between two
files; `combine_files` applies the vintage rule for overlapping files (the newest vintage wins, every
differing value is recorded, never dropped silently) and tags each row with its `source_file`.
"""
from __future__ import annotations

import contextlib
import contextvars
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from indicators import manifest, schema
from indicators.errors import InputsMissing

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
