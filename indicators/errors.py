"""Errors that name the file, row and column of bad input."""
from __future__ import annotations

from pathlib import Path


class SourceFileError(ValueError):
    """Bad input in a raw file: says which file, row (1-based, as in a text editor), column, why."""

    def __init__(self, path: Path | str, cause: str, row: int | None = None, column: str | None = None):
        self.path, self.cause, self.row, self.column = Path(path), cause, row, column
        where = [str(path)]
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column {column!r}")
        super().__init__(f"{', '.join(where)}: {cause}")


class InputsMissing(FileNotFoundError):
    """A source's raw files are not in the raw-data folder (the build skips it, saying why)."""
