"""A throwaway PostgreSQL cluster for tests: `initdb` into a temp folder, `pg_ctl start` on a free port of
127.0.0.1 (trust authentication, no fsync), one database per test, `pg_ctl stop` and the folder removed
after. The binaries come from PATH or /usr/lib/postgresql/*/bin; .ci/run installs Debian's `postgresql`
where they are missing, so a missing server fails the tests instead of skipping them. As root (CI) the
server runs as the `postgres` user (initdb refuses root).
"""
from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path

SUPERUSER = "balance"
SERVER_SETTINGS = ("-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=40 "
                   "-c shared_buffers=16MB")


def binaries() -> Path:
    """The folder of `initdb` and `pg_ctl` (PATH first, else the newest /usr/lib/postgresql/N/bin)."""
    initdb, pg_ctl = shutil.which("initdb"), shutil.which("pg_ctl")
    if initdb and pg_ctl and Path(initdb).resolve().parent == Path(pg_ctl).resolve().parent:
        return Path(initdb).resolve().parent
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]))
    if not found:
        raise AssertionError("PostgreSQL's initdb and pg_ctl are not installed (Debian: apt-get install postgresql; "
                             ".ci/run does it)")
    return found[-1].parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server_user() -> str | None:
    """The user the server runs as: None (this one) unless this is root, then `postgres` (else `nobody`)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise AssertionError("running as root and no 'postgres' user to run the test server as")


@dataclass
class Cluster:
    folder: Path
    bin: Path
    port: int
    user: str | None
    _names: count = field(default_factory=lambda: count(1))

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A new empty database; its URL."""
        import psycopg

        name = f"decks_{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def _pg_ctl(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run([str(self.bin / "pg_ctl"), "-D", str(self.data), *args], user=self.user,
                              capture_output=True, text=True, timeout=60, check=check)

    def stop(self) -> None:
        try:
            self._pg_ctl("-m", "immediate", "-w", "stop", check=False)
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def start_cluster(tries: int = 3) -> Cluster:
    """initdb and start a cluster in a new temp folder (under /tmp: the server's user must reach it)."""
    bin_dir, user = binaries(), _server_user()
    folder = Path(tempfile.mkdtemp(prefix="balance-pg-"))
    if user:
        shutil.chown(folder, user)
    cluster = Cluster(folder, bin_dir, 0, user)
    init = subprocess.run([str(bin_dir / "initdb"), "-D", str(cluster.data), "-U", SUPERUSER, "-A", "trust",
                           "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"],
                          user=user, capture_output=True, text=True, timeout=120)
    if init.returncode:
        shutil.rmtree(folder, ignore_errors=True)
        raise AssertionError(f"initdb failed:\n{init.stdout}\n{init.stderr}")
    log = folder / "server.log"
    for _ in range(tries):  # a free port can be taken between the look and the start: try another
        cluster.port = free_port()
        options = f"-p {cluster.port} -k {folder} -c listen_addresses=127.0.0.1 {SERVER_SETTINGS}"
        started = cluster._pg_ctl("-l", str(log), "-o", options, "-w", "-t", "30", "start", check=False)
        if started.returncode == 0:
            return cluster
    text = log.read_text(errors="replace")[-2000:] if log.exists() else started.stderr
    cluster.stop()
    raise AssertionError(f"pg_ctl start failed {tries} times; the server's log ends:\n{text}")
