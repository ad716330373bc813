"""The raw-file manifest (`data/raw/MANIFEST.csv`): what the project ships, checked at every build.

One row per shipped official file: path (relative to the raw folder), source id, licence,
vintage (ISO date) and what it means (`vintage_basis`: download date, census day, or the end
of the latest period when the download date is not recorded), size in bytes, sha256, years
and regions covered. Producer, table id and URL are declared once per source
(`indicators.sources.*.SOURCE`).

`verify` compares the raw folder with the manifest and never fails: a file that differs
(a newer official download dropped in), a file not in the manifest, and a listed file that is
absent are each reported by the build, in its summary and on 자료·방법.
Rule for overlapping files of one table and basis (`vintage_rank`, applied by
`indicators.sources._files.combine_files`): the newest vintage wins; a file not in the manifest,
or changed since its row was written, counts as newest; equal values are kept once and every
different value is listed as a conflict in the build report. Files on different bases
(registered, residents, census) carry different indicator ids and are never compared.
"""
from __future__ import annotations

import csv
import hashlib
import re
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


    def year_span(self) -> tuple[int, int]:
        """(first, last) year of `years` ('2015', '2000-2026', '2015-2023 (monthly)'); ManifestError if
        it states none."""
        m = re.match(r"\s*(\d{4})(?:\s*[-–]\s*(\d{4}))?\b", self.years)
        if not m:
            raise ManifestError(f"{MANIFEST_NAME}, {self.path}, column 'years': {self.years!r} is not 'YYYY' or "
                                "'YYYY-YYYY' (a note may follow in parentheses)")
        first, last = int(m.group(1)), int(m.group(2) or m.group(1))
        return first, last

    def region_counts(self) -> dict[str, int]:
        """Regions per level stated by `regions`: comma-separated parts, each '전국' or '<N> 시도',
        '<N> 시군구', '<N> 권역' (수도권 and the other 권역), a note in parentheses allowed after each.
        Other parts are free text; {} when no part states a count (the regions are then not checked)."""
        out: dict[str, int] = {}
        for part in _top_level_parts(self.regions):
            bare = re.sub(r"\(.*?\)", "", part).strip()
            m = re.fullmatch(r"(\d+)\s*(시도|시군구|권역)", bare)
            if bare == "전국":
                out["nation"] = 1
            elif m:
                out[REGION_LEVELS[m.group(2)]] = int(m.group(1))
        return out


REGION_LEVELS = {"시도": "sido", "시군구": "sigungu", "권역": "macro"}


def _top_level_parts(text: str) -> list[str]:
    """`text` split at the commas outside parentheses."""
    parts, depth, cur = [], 0, ""
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            parts.append(cur.strip())
            cur = ""
        else:
            cur += ch
    return [p for p in parts + [cur.strip()] if p]


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
    out = [status_of(p, raw_dir, listed) for p in found]
    present = {s.path for s in out}
    out += [FileStatus(rel, ABSENT, e.vintage, "") for rel, e in sorted(listed.items()) if rel not in present]
    return out


def status_of(path: Path, raw_dir: Path, listed: dict[str, Entry]) -> FileStatus:
    """One raw file against the manifest rows `listed` (path relative to raw_dir when inside it)."""
    try:
        rel = Path(path).resolve().relative_to(Path(raw_dir).resolve()).as_posix()
    except ValueError:
        rel = Path(path).as_posix()
    digest, entry = sha256(path), listed.get(rel)
    status = UNLISTED if entry is None else (OK if entry.sha256 == digest else CHANGED)
    return FileStatus(rel, status, entry.vintage if entry else "", digest)


def vintage_rank(f: FileStatus) -> tuple[bool, str, bool, str]:
    """Sort key for files of one table and basis: ascending = oldest first, so the last one wins.

    The rule: a file whose sha256 matches its manifest row ranks by its manifest vintage (ISO
    date); a file not in the manifest, or changed since its row was written, counts as newest;
    between two such files the one not in the manifest wins; remaining ties go to the later
    relative path in sorted order.
    """
    newest = f.status != OK
    return (newest, "" if newest else f.vintage, f.status == UNLISTED, f.path)


RULE = ("newest vintage wins (manifest vintage; a file not in the manifest or changed since counts as "
        "newest; ties: the file not in the manifest, then the later path)")


def take(log: list[dict], key: str) -> list[dict]:
    """Remove `key` (a list) from every source log entry and return the lists joined (report sections)."""
    return [item for entry in log for item in entry.pop(key, [])]


def derived_lineage(indicators, built: set[str], source_id: str = "derived") -> list[dict]:
    """Lineage entries of the derived indicators in the build: the indicator ids each is computed
    from (its catalogue numerator and denominator); their files are those of the inputs."""
    return [{"indicator": i.id, "inputs": [x for x in (i.numerator, i.denominator) if x]}
            for i in sorted(indicators, key=lambda i: i.id) if i.source == source_id and i.id in built]


# --- report text (build summary) ------------------------------------------------------------

def vintage_label(vintage: str, status: str) -> str:
    """How a file's vintage reads in messages: the manifest date, or why it counts as newest."""
    if status == CHANGED:
        return f"changed since manifest vintage {vintage}, counts as newest"
    if status == UNLISTED:
        return "not in manifest, counts as newest"
    return vintage


def _number(value: float | None) -> str:
    """A value as read in a file: whole numbers without '.0', NaN as 'empty'."""
    if value is None:
        return "empty"
    return str(int(value)) if float(value).is_integer() else str(value)


def describe_conflict(c: dict) -> str:
    """One line naming a conflict: indicator, region, year, both files with vintages and values."""
    def side(kind: str) -> str:
        label = vintage_label(c[f"{kind}_vintage"], c[f"{kind}_status"])
        return f"{_number(c[f'{kind}_value'])} in {c[f'{kind}_file']} ({label})"
    where = " ".join(str(x) for x in (c["indicator"], c["region_code"], c["year"]) if x not in ("", None))
    return f"{where}: kept {side('kept')}; dropped {side('dropped')}"


def year_span(years) -> str:
    """Runs of consecutive years: [1992, 1993, 1994, 2000] → '1992–1994, 2000'."""
    runs: list[list[int]] = []
    for y in sorted({int(y) for y in years}):
        if runs and y == runs[-1][1] + 1:
            runs[-1][1] = y
        else:
            runs.append([y, y])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


def lineage_lines(lineage: list[dict]) -> list[str]:
    """Each file with its vintage and the indicators and years read from it; then each indicator
    whose years come from more than one file, year span by file."""
    base = [e for e in lineage if "file" in e]
    by_file: dict[str, list[dict]] = {}
    for e in base:
        by_file.setdefault(e["file"], []).append(e)
    lines = ["Lineage (file, vintage: indicators and years read from it):"]
    for name, es in sorted(by_file.items()):
        years = sorted({y for e in es for y in e["years"]})
        lines.append(f"  {name} ({vintage_label(es[0]['vintage'], es[0]['manifest_status'])}): "
                     f"{len(es)} indicator{'s' if len(es) != 1 else ''}, {year_span(years)}")
    by_ind: dict[str, list[dict]] = {}
    for e in base:
        by_ind.setdefault(e["indicator"], []).append(e)
    multi = {k: v for k, v in sorted(by_ind.items()) if len(v) > 1}
    if multi:
        lines.append("Indicators read from more than one file (years by file):")
        for ind, es in multi.items():
            lines.append(f"  {ind}: " + "; ".join(f"{year_span(e['years'])} {e['file']}"
                                                   for e in sorted(es, key=lambda e: min(e["years"]))))
    derived = [e for e in lineage if "inputs" in e]
    if derived:
        lines.append(f"Derived indicators: {len(derived)}, each from the files of its inputs (build_report.json)")
    return lines


def overlap_lines(report: dict, limit: int = 10) -> list[str]:
    """Values met in more than one file, the rule, and the conflicts (first `limit` named)."""
    overlaps = sum(s.get("overlaps", 0) for s in report.get("sources", []))
    conflicts = report.get("conflicts", [])
    lines = [f"Overlaps: {overlaps} values met in more than one file of one table; newest vintage kept; "
             f"{len(conflicts)} conflicts"]
    if overlaps:
        lines.append(f"  rule: {report.get('overlap_rule', RULE)}")
    lines += [f"  conflict {describe_conflict(c)}" for c in conflicts[:limit]]
    if len(conflicts) > limit:
        lines.append(f"  … {len(conflicts) - limit} more in build_report.json")
    return lines
