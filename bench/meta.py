"""Where and how the bench ran (the JSON's `meta`): machine, versions, git commit, load average, plan."""
from __future__ import annotations

import os
import platform
import subprocess
from datetime import datetime
from importlib.metadata import version
from pathlib import Path

from bench.context import Context

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("streamlit", "plotly", "pandas", "playwright", "websockets")


def versions() -> dict[str, str | None]:
    """Installed version of each package the measurements depend on (None if missing)."""
    out: dict[str, str | None] = {}
    for name in PACKAGES:
        try:
            out[name] = version(name)
        except Exception:  # noqa: BLE001
            out[name] = None
    return out


def _git(*args: str) -> str | None:
    try:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None


def git_state() -> dict:
    """Short commit of the checkout and whether it has uncommitted changes (None: no git)."""
    status = _git("status", "--porcelain")
    return {"commit": _git("rev-parse", "--short", "HEAD"), "dirty": bool(status) if status is not None else None}


def loadavg() -> list[float] | None:
    """1, 5 and 15 minute load averages (None where the platform has none)."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def describe(ctx: Context, started: datetime, total_s: float, load_start: list[float] | None) -> dict:
    """The `meta` part of the result document."""
    return {"loadavg_start": load_start, "loadavg_end": loadavg(), "mode": ctx.plan.name,
            "started_utc": started.isoformat(timespec="seconds"), "total_s": round(total_s, 2),
            "cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
            "versions": versions(), "git": git_state(), "raw_dir": str(ctx.raw_dir) if ctx.raw_dir else None,
            "raw_dir_from": ctx.raw_from, "data_dir": str(ctx.data_dir), "plan": ctx.plan.__dict__}
