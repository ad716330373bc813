"""Start and stop the Streamlit processes and nginx of one deployment (used by `python -m deploy`,
the bench and the tests)."""
from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from deploy import nginx

ROOT = Path(__file__).resolve().parents[1]
NGINX = ("nginx", "/usr/sbin/nginx")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def nginx_binary() -> str:
    """Path of nginx; a clear error if it is not installed."""
    for name in NGINX:
        found = shutil.which(name) or (name if Path(name).exists() else None)
        if found:
            return found
    raise FileNotFoundError("nginx is not installed (Debian: apt-get install nginx-light)")


def wait_ok(url: str, timeout_s: float = 60.0) -> None:
    """Wait until `url` answers 200 (else TimeoutError naming it)."""
    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"{url} did not answer within {timeout_s:.0f} s")


class Stack:
    """N `streamlit run app.py` processes and one nginx in front of them (`app`: another script behind
    the same configuration, e.g. the bench's empty page as a baseline)."""

    def __init__(self, processes: int, listen: str, env: dict[str, str] | None = None, app: Path | None = None):
        self.listen = listen
        self.app = app
        self.ports = [free_port() for _ in range(processes)]
        self.prefix = Path(tempfile.mkdtemp(prefix="balance-deploy-"))
        # one cookie secret for all processes (Streamlit takes it from the environment only)
        self.env = {**os.environ, "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(16), **(env or {})}
        self.procs: list[subprocess.Popen] = []

    @property
    def url(self) -> str:
        host, port = self.listen.rsplit(":", 1)
        return f"http://{'127.0.0.1' if host in ('0.0.0.0', '') else host}:{port}"

    def start(self) -> None:
        from streamlit import logger as st_logger

        # this process only imports the app's modules (no runtime): no "No runtime found" per cache
        st_logger.set_log_level("error")
        from ui import mapview  # the geometry files nginx serves from static/geo

        mapview.publish_static_geometry()
        for port in self.ports:
            log = open(self.prefix / f"streamlit-{port}.log", "wb")  # noqa: SIM115 (kept open for the child)
            self.procs.append(subprocess.Popen(
                [sys.executable, "-m", "deploy.process", *(["--app", str(self.app)] if self.app else []),
                 "--server.port", str(port),
                 "--server.address", "127.0.0.1", "--server.headless", "true"],
                cwd=ROOT, env=self.env, stdout=log, stderr=log))
        for k in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (self.prefix / "tmp" / k).mkdir(parents=True, exist_ok=True)
        # nginx's workers run unprivileged: they read Streamlit's assets from a copy in this deployment's
        # folder (made now, so it always matches the installed Streamlit), not from the package's place
        self.prefix.chmod(0o755)
        assets = self.prefix / "streamlit-static"
        shutil.copytree(nginx.streamlit_static(), assets, ignore=shutil.ignore_patterns("*.map"))
        conf = self.prefix / "nginx.conf"
        conf.write_text(nginx.config(listen=self.listen, backends=self.ports, prefix=self.prefix,
                                     static_geo=ROOT / "static" / "geo", streamlit_static=assets), encoding="utf-8")
        binary = nginx_binary()
        subprocess.run([binary, "-t", "-q", "-p", str(self.prefix), "-c", str(conf)], check=True)
        self.procs.append(subprocess.Popen([binary, "-p", str(self.prefix), "-c", str(conf), "-g", "daemon off;"]))
        for port in self.ports:
            wait_ok(f"http://127.0.0.1:{port}/_stcore/health")
        wait_ok(f"{self.url}/_stcore/health")

    def alive(self) -> bool:
        return all(p.poll() is None for p in self.procs)

    def stop(self) -> None:
        """Stop nginx and the processes; remove the copy of Streamlit's assets (the logs stay)."""
        for p in self.procs:
            if p.poll() is None:
                p.terminate()
        for p in self.procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
        self.procs.clear()
        shutil.rmtree(self.prefix / "streamlit-static", ignore_errors=True)
