"""The raw-file manifest (`data/raw/MANIFEST.csv`): what the project ships, checked at every build.

One row per shipped official file: path (relative to the raw folder), source id, licence,
vintage (ISO date) and what it means (`vintage_basis`: download date, census day, or the end
of the latest period when the download date is not recorded), size in bytes, sha256, years
and regions covered. Producer, table id and URL are declared once per source
(`indicators.sources.*.SOURCE`).

`verify` compares the raw folder with the manifest and never fails: a file that differs
(a newer official download dropped in), a file not in the manifest, and a listed file that is
absent are each reported by the build, in its summary and on 자료·방법.
Rule for overlapping files of one table and basis: the newest vintage wins; a file not in the
manifest counts as newest; between equal vintages the later file name wins.
"""
from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

MANIFEST_NAME = "MANIFEST.csv"
COLUMNS = ("path", "source_id", "licence", "vintage", "vintage_basis", "bytes", "sha256", "years", "regions")
OK, CHANGED, UNLISTED, ABSENT = "ok", "changed", "not in manifest", "absent"


@dataclass(frozen=True)
class Entry:
    """One manifest row."""

    path: str
    source_id: str
    licence: str
    vintage: str
    vintage_basis: str
    bytes: int
    sha256: str
    years: str
    regions: str


@dataclass(frozen=True)
class FileStatus:
    """A raw file as found by the build: its manifest entry (if any) and how it compares."""

    path: str
    status: str  # OK, CHANGED, UNLISTED or ABSENT
    vintage: str  # manifest vintage, or "" for a file not in the manifest
    sha256: str  # of the file as found ("" if absent)


class ManifestError(ValueError):
    """The manifest itself is malformed: names the row and column."""


def read(raw_dir: Path) -> dict[str, Entry]:
    """Manifest rows by relative path; {} if the raw folder has no manifest."""
    path = Path(raw_dir) / MANIFEST_NAME
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    if rows and tuple(rows[0]) != COLUMNS:
        raise ManifestError(f"{path}, row 1: columns {list(rows[0])}, expected {list(COLUMNS)}")
    out = {}
    for i, r in enumerate(rows, start=2):
        try:
            out[r["path"]] = Entry(**{**r, "bytes": int(r["bytes"])})
        except (TypeError, ValueError) as err:
            raise ManifestError(f"{path}, row {i}, column 'bytes': {err}") from None
    return out


def sha256(path: Path) -> str:
    """Hex sha256 of a file."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def verify(raw_dir: Path) -> list[FileStatus]:
    """Every file under raw_dir (and every listed file that is absent) against the manifest."""
    raw_dir = Path(raw_dir)
    listed = read(raw_dir)
    found = sorted(p for p in raw_dir.rglob("*") if p.is_file() and p.name != MANIFEST_NAME) if raw_dir.is_dir() else []
    out = []
    for p in found:
        rel = p.relative_to(raw_dir).as_posix()
        digest, entry = sha256(p), listed.get(rel)
        status = UNLISTED if entry is None else (OK if entry.sha256 == digest else CHANGED)
        out.append(FileStatus(rel, status, entry.vintage if entry else "", digest))
    present = {s.path for s in out}
    out += [FileStatus(rel, ABSENT, e.vintage, "") for rel, e in sorted(listed.items()) if rel not in present]
    return out


def newest_first_key(raw_dir: Path, listed: dict[str, Entry]):
    """Sort key for files of one table: ascending = oldest first, so the last one wins."""
    def key(path: Path) -> tuple[int, str, str]:
        try:
            rel = Path(path).resolve().relative_to(Path(raw_dir).resolve()).as_posix()
        except ValueError:
            rel = Path(path).name
        entry = listed.get(rel)
        return (1, "", Path(path).name) if entry is None else (0, entry.vintage, Path(path).name)
    return key
