"""Progress lines on stderr ('[bench HH:MM:SS] …'), so stdout carries only the result table."""
from __future__ import annotations

import sys
import time


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)
