"""Start and stop one deployment: supervisord running N Streamlit processes and nginx (used by
`python -m deploy`, the bench and the tests)."""
from __future__ import annotations

import atexit
import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import xmlrpc.client
from pathlib import Path

from deploy import nginx, supervisor

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


def answers(url: str) -> bool:
    """Whether `url` answers 200 now."""
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


def wait_ok(url: str, timeout_s: float = 60.0, while_=lambda: True) -> None:
    """Wait until `url` answers 200 (else TimeoutError naming it; RuntimeError if `while_()` turns false)."""
    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        if answers(url):
            return
        if not while_():
            raise RuntimeError(f"stopped while waiting for {url}")
        time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout_s:.0f} s")


class Stack:
    """N `streamlit run app.py` processes (supervisord programs `app1` … `appN`) and one nginx in front
    of them, all run and restarted by one supervisord (`app`: another script behind the same
    configuration, e.g. the bench's empty page as a baseline; `embed_from`: origins that may frame the
    app; `echo`: supervisord's log on this console, as `python -m deploy` shows it)."""

    def __init__(self, processes: int, listen: str, env: dict[str, str] | None = None, app: Path | None = None,
                 embed_from: tuple[str, ...] = (), echo: bool = False):
        self.listen = listen
        self.app = app
        self.embed_from = tuple(embed_from)
        nginx.frame_ancestors(self.embed_from)  # refuse a bad origin before anything starts
        self.echo = echo
        self.ports = [free_port() for _ in range(processes)]
        self.names = [f"app{i + 1}" for i in range(processes)]
        self.prefix = Path(tempfile.mkdtemp(prefix="balance-deploy-"))
        # one cookie secret for all processes (Streamlit takes it from the environment only)
        self.env = {**os.environ, "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(16), **(env or {})}
        self._auth = ("balance", secrets.token_hex(16))  # supervisord's control socket
        self.supervisord: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        host, port = self.listen.rsplit(":", 1)
        return f"http://{'127.0.0.1' if host in ('0.0.0.0', '') else host}:{port}"

    @property
    def backends(self) -> dict[str, int]:
        """Process name → port."""
        return dict(zip(self.names, self.ports))

    @property
    def conf(self) -> Path:
        return self.prefix / "supervisord.conf"

    def _app_command(self, port: int) -> list[str]:
        return [sys.executable, "-m", "deploy.process", *(["--app", str(self.app)] if self.app else []),
                "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true"]

    def _check_listen(self) -> None:
        """OSError naming the address if nginx could not listen there (taken, or not this machine's)."""
        host, port = self.listen.rsplit(":", 1)
        with socket.socket() as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                s.bind((host or "0.0.0.0", int(port)))
            except OSError as err:
                raise OSError(f"cannot listen on {self.listen}: {err.strerror or err}") from err

    def start(self, timeout_s: float = 90.0) -> None:
        """Write the configurations, start supervisord (which starts the processes, then nginx) and wait
        until every process and nginx answer."""
        from streamlit import logger as st_logger

        try:
            self._check_listen()
        except OSError:
            shutil.rmtree(self.prefix, ignore_errors=True)
            raise
        # this process only imports the app's modules (no runtime): no "No runtime found" per cache
        st_logger.set_log_level("error")
        from ui import mapview  # the geometry files nginx serves from static/geo

        mapview.publish_static_geometry()
        for k in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (self.prefix / "tmp" / k).mkdir(parents=True, exist_ok=True)
        # nginx's workers run unprivileged: they read Streamlit's assets from a copy in this deployment's
        # folder (made now, so it always matches the installed Streamlit), not from the package's place
        self.prefix.chmod(0o755)
        assets = self.prefix / "streamlit-static"
        shutil.copytree(nginx.streamlit_static(), assets, ignore=shutil.ignore_patterns("*.map"))
        conf = self.prefix / "nginx.conf"
        conf.write_text(nginx.config(listen=self.listen, backends=self.backends, prefix=self.prefix,
                                     static_geo=ROOT / "static" / "geo", streamlit_static=assets,
                                     embed_from=self.embed_from), encoding="utf-8")
        binary = nginx_binary()
        subprocess.run([binary, "-t", "-q", "-p", str(self.prefix), "-c", str(conf)], check=True)
        text = supervisor.config(prefix=self.prefix, root=ROOT,
                                 apps={n: self._app_command(p) for n, p in self.backends.items()},
                                 nginx=[binary, "-p", str(self.prefix), "-c", str(conf), "-g", "daemon off;"],
                                 user=self._auth[0], password=self._auth[1])
        fd = os.open(self.conf, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)  # holds the socket's password
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        out = None if self.echo else subprocess.DEVNULL
        # its own session: Ctrl-C reaches `python -m deploy`, which stops supervisord, which stops the rest
        self.supervisord = subprocess.Popen([sys.executable, "-m", "supervisor.supervisord", "-c", str(self.conf)],
                                            cwd=ROOT, env=self.env, stdout=out, stderr=out, start_new_session=True)
        atexit.register(self.stop)  # also when this interpreter exits without stopping it (not on SIGKILL)
        try:
            for port in self.ports:
                wait_ok(f"http://127.0.0.1:{port}/_stcore/health", timeout_s, self._starting)
            wait_ok(f"{self.url}/_stcore/health", timeout_s, self._starting)
        except BaseException:
            self.stop()
            raise

    def _starting(self) -> bool:
        """While the deployment starts: False if supervisord is gone; RuntimeError naming the program and
        its log if one of them failed to start (e.g. nginx: its port is taken)."""
        if not self.alive():
            return False
        try:
            states = self.states()
        except (OSError, xmlrpc.client.Error):  # its socket is not up yet
            return True
        for name, info in states.items():
            if info["statename"] in ("BACKOFF", "FATAL"):
                log = self.prefix / f"{name}.log"
                last = (log.read_text(errors="replace").strip().splitlines() or [""])[-1] if log.exists() else ""
                raise RuntimeError(f"{name} could not start ({info['statename']}; {log}): {last[-300:]}")
        return True

    def alive(self) -> bool:
        """Whether supervisord runs (it keeps the processes and nginx running)."""
        return self.supervisord is not None and self.supervisord.poll() is None

    def control(self) -> xmlrpc.client.ServerProxy:
        """supervisord's XML-RPC interface (`.supervisor.getAllProcessInfo()`, …) over its socket."""
        from supervisor.xmlrpc import SupervisorTransport

        transport = SupervisorTransport(*self._auth, f"unix://{self.prefix / 'supervisor.sock'}")
        return xmlrpc.client.ServerProxy("http://127.0.0.1", transport=transport)

    def states(self) -> dict[str, dict]:
        """Program name → supervisord's process info (statename, pid, start, …)."""
        return {p["name"]: p for p in self.control().supervisor.getAllProcessInfo()}

    def app_pids(self) -> list[int]:
        """The pids of the Streamlit processes now, in the order of `ports` (0: not running)."""
        states = self.states()
        return [int(states[n]["pid"]) for n in self.names]

    def _child_pids(self) -> list[int]:
        try:
            return [int(p["pid"]) for p in self.states().values() if p["pid"]]
        except (OSError, xmlrpc.client.Error):
            return []

    def stop(self, timeout_s: float = 30.0) -> None:
        """Stop supervisord (it stops nginx, then the processes); remove the copy of Streamlit's assets
        (the configuration and the logs stay)."""
        atexit.unregister(self.stop)
        proc, self.supervisord = self.supervisord, None
        if proc is not None and proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=timeout_s)
            except subprocess.TimeoutExpired:  # last resort: its children (each in its own group), then it
                for pid in self._child_pids():
                    with contextlib.suppress(OSError):
                        os.killpg(pid, signal.SIGKILL)
                proc.kill()
                proc.wait()
        shutil.rmtree(self.prefix / "streamlit-static", ignore_errors=True)
