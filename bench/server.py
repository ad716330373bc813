"""The app under `streamlit run` on 127.0.0.1 (a free port), for the browser and WebSocket sections."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _children(pid: int) -> list[int]:
    """Every descendant of `pid` (from /proc/*/stat parent ids)."""
    parent_of: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8", errors="replace") as fh:
                stat = fh.read()
        except OSError:
            continue
        # the command name is in parentheses and may contain spaces: split after the last ')'
        fields = stat[stat.rfind(")") + 2:].split()
        if len(fields) > 1:
            parent_of[int(entry)] = int(fields[1])
    out, frontier = [], [pid]
    while frontier:
        nxt = [c for c, p in parent_of.items() if p in frontier and c not in out]
        out += nxt
        frontier = nxt
    return out


def vm_rss_kb(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


def rss_tree_kb(pid: int) -> dict:
    """VmRSS of `pid` and of all its descendants (kB)."""
    procs = [pid] + _children(pid)
    per = {p: vm_rss_kb(p) for p in procs}
    return {"total_kb": sum(v for v in per.values() if v), "processes": len(per),
            "per_pid_kb": {str(p): v for p, v in per.items()}}


class Server:
    """`streamlit run app.py` (or another `app` file) as a child process; use as a context manager."""

    def __init__(self, data_dir: Path, log_path: Path, port: int | None = None, startup_timeout: float = 60.0,
                 env_remove: tuple[str, ...] = (), app: Path = ROOT / "app.py"):
        self.data_dir = data_dir
        self.app = app
        self.env_remove = env_remove
        self.log_path = log_path
        self.port = port or free_port()
        self.startup_timeout = startup_timeout
        self.proc: subprocess.Popen | None = None
        self.log_fh = None
        self.startup_s: float | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://{HOST}:{self.port}/_stcore/stream"

    def command(self) -> list[str]:
        return [sys.executable, "-m", "streamlit", "run", str(self.app),
                "--server.headless", "true", "--server.port", str(self.port), "--server.address", HOST,
                "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
                "--server.runOnSave", "false"]

    def start(self) -> float:
        env = {**os.environ, "BALANCE_DATA_DIR": str(self.data_dir), "PYTHONUNBUFFERED": "1"}
        for name in self.env_remove:
            env.pop(name, None)
        self.log_fh = open(self.log_path, "w", encoding="utf-8")
        t0 = time.perf_counter()
        self.proc = subprocess.Popen(self.command(), cwd=ROOT, env=env, stdout=self.log_fh,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.proc.returncode}; log: {self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as resp:
                    if resp.status == 200:
                        self.startup_s = time.perf_counter() - t0
                        return self.startup_s
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                pass
            time.sleep(0.1)
        raise TimeoutError(f"no /_stcore/health within {self.startup_timeout:.0f}s; log: {self.log_tail()}")

    def rss(self) -> dict:
        if self.proc is None or self.proc.poll() is not None:
            return {"total_kb": None, "processes": 0, "per_pid_kb": {}}
        return rss_tree_kb(self.proc.pid)

    def log_tail(self, chars: int = 600) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-chars:]
        except OSError:
            return ""

    def stop(self) -> None:
        """SIGTERM the process group this server leads (it was started in its own session), then SIGKILL."""
        if self.proc is not None and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait(timeout=10)
        if self.log_fh is not None:
            self.log_fh.close()
            self.log_fh = None

    def __enter__(self) -> Server:
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
