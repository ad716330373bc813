"""Assertions shared by the source tests."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

from indicators.errors import SourceFileError


def source_error(load: Callable[[], object], path: Path | str, *parts: str) -> str:
    """Run `load()`, expect SourceFileError naming `path` and every one of `parts`; its message."""
    with pytest.raises(SourceFileError) as e:
        load()
    msg = str(e.value)
    assert str(path) in msg, msg
    for p in parts:
        assert p in msg, msg
    return msg
