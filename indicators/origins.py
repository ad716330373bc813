"""Which raw files stand behind each source and indicator, for the build's guards and messages.

The size guard over raw_dir, the files a source's declared patterns match, sources built without
some of their manifest-listed files ('partial'), the files behind each indicator (named by failing
checks), and the indicators whose source (or an input's source) was skipped or partial.
"""
from __future__ import annotations

from pathlib import Path, PurePosixPath

from indicators import catalog, derive, manifest
from indicators.sources import _io


def guard_sizes(raw_dir: Path) -> None:
    """Refuse, before reading any, a raw file far larger than the official ones (`_io.guard_size`)."""
    if Path(raw_dir).is_dir():
        for path in sorted(Path(raw_dir).rglob("*")):
            if path.is_file():
                _io.guard_size(path)


def _matches(rel: str, patterns: tuple[str, ...]) -> bool:
    """Whether a raw path (relative, posix) matches one of a source's file patterns."""
    return any(PurePosixPath(rel).match(p) for p in patterns)


def raw_files_of(raw_dir: Path, src: catalog.Source) -> list[str]:
    """Raw files (relative paths) under raw_dir that a source's declared patterns match."""
    root = Path(raw_dir)
    found = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()) if root.is_dir() else []
    return [rel for rel in found if _matches(rel, src.files)]


def mark_partial(log: list[dict], raw_dir: Path) -> None:
    """A built source for which a manifest-listed file of its own is absent: status 'partial',
    with `missing_files` and a reason (read as clearly as a skipped source)."""
    listed = manifest.read(raw_dir)
    for entry in log:
        if entry["status"] != "built":
            continue
        src = catalog._module(entry["module"]).SOURCE
        missing = [rel for rel, e in sorted(listed.items()) if e.source_id == src.id
                   and (not src.files or _matches(rel, src.files)) and not (Path(raw_dir) / rel).is_file()]
        if missing:
            entry.update(status="partial", missing_files=missing,
                         reason=f"built without {len(missing)} of its files listed in {manifest.MANIFEST_NAME}: "
                                + ", ".join(missing))


def _describe(files: list[str], patterns: tuple[str, ...]) -> str:
    """Files named one by one, or by pattern and count when there are many."""
    if len(files) <= 3:
        return ", ".join(files)
    return f"{', '.join(patterns)} ({len(files)} files)"


def indicator_origins(raw_dir: Path, log: list[dict]) -> dict[str, str]:
    """Indicator → the raw file(s) it was read from, for check messages: the files of its rows
    (the source's `_lineage`), else the files its source read (`files`, or those its patterns
    match); derived indicators: the files of their inputs."""
    by_source: dict[str, str] = {}
    by_indicator: dict[str, list[str]] = {}
    for entry in log:
        src = catalog._module(entry["module"]).SOURCE
        files = entry.get("files") or (raw_files_of(raw_dir, src) if src.files else [])
        by_source[src.id] = _describe(files, src.files) if files else f"{src.id} (data inside the package)"
        for item in entry.get("_lineage", []):
            by_indicator.setdefault(item["indicator"], []).append(item["file"])
    inds = catalog.indicators()

    def origin(ind_id: str, depth: int = 0) -> list[str]:
        ind = inds.get(ind_id)
        if ind is None or depth > 4:
            return []
        if ind_id in by_indicator:
            return [_describe(sorted(set(by_indicator[ind_id])), catalog.sources()[ind.source].files)]
        if ind.source != derive.SOURCE.id:
            return [by_source[ind.source]] if ind.source in by_source else []
        return [o for x in (ind.numerator, ind.denominator) if x for o in origin(x, depth + 1)]

    return {i: "; ".join(dict.fromkeys(origin(i))) for i in inds}


def incomplete_indicators(log: list[dict]) -> set[str]:
    """Indicators whose source (or, for derived ones, an input's source) was skipped or read in part."""
    bad = {catalog._module(e["module"]).SOURCE.id for e in log if e["status"] != "built"}
    inds = catalog.indicators()

    def hit(ind_id: str, depth: int = 0) -> bool:
        ind = inds.get(ind_id)
        if ind is None or depth > 4:
            return False
        if ind.source != derive.SOURCE.id:
            return ind.source in bad
        return any(hit(x, depth + 1) for x in (ind.numerator, ind.denominator) if x)

    return {i for i in inds if hit(i)}
