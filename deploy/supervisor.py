"""The supervisord configuration of one deployment: N Streamlit processes (`app1` … `appN`) and nginx,
each restarted when it dies.

supervisord (the `supervisor` package, pinned in requirements.txt) runs in the foreground under
`python -m deploy`, logs every start, exit and restart to its console and to `supervisord.log`, and
restarts a process that dies at once; one that dies again before it has run `START_SECONDS` is
retried after 1 s, 2 s, 3 s … (supervisord's backoff) and left stopped (FATAL, logged) after
`START_RETRIES` failed starts in a row, while the others go on serving. Its control socket (in the
deployment's folder, user and password in the 0600 config) serves `supervisorctl -c
<folder>/supervisord.conf status` and the tests.
"""
from __future__ import annotations

import os
import pwd
import shlex
from pathlib import Path

START_SECONDS = 5  # a process that lives this long has started (Streamlit imports and listens in ~2-4 s)
START_RETRIES = 20  # failed starts in a row before supervisord gives up on a process (backoff 1 s … 20 s)
STOP_SECONDS = 10  # after SIGTERM, then SIGKILL


def _value(text: str) -> str:
    """A value as supervisord reads it (it expands %(name)s: a literal % is doubled)."""
    return text.replace("%", "%%")


def config(*, prefix: Path, root: Path, apps: dict[str, list[str]], nginx: list[str], user: str,
           password: str) -> str:
    """supervisord.conf text: `apps` (program name → command) run in `root`; `nginx` the nginx command
    (started after them, stopped before them); logs, pid and socket under `prefix`."""
    common = (f"autostart=true\nautorestart=true\nstartsecs={START_SECONDS}\nstartretries={START_RETRIES}\n"
              f"stopsignal=TERM\nstopwaitsecs={STOP_SECONDS}\nstopasgroup=true\nkillasgroup=true\n"
              "redirect_stderr=true\nstdout_logfile_maxbytes=10MB\nstdout_logfile_backups=1\n")
    parts = [
        "; written by `python -m deploy` (deploy/supervisor.py)\n"
        f"[supervisord]\nnodaemon=true\nidentifier=balance\nlogfile={_value(str(prefix / 'supervisord.log'))}\n"
        f"logfile_maxbytes=10MB\nlogfile_backups=1\nloglevel=info\n"
        f"pidfile={_value(str(prefix / 'supervisord.pid'))}\n"
        # as root, say so (else supervisord logs a CRIT line at every start); never drops privileges
        + (f"user={pwd.getpwuid(0).pw_name}\n" if os.geteuid() == 0 else ""),
        f"[unix_http_server]\nfile={_value(str(prefix / 'supervisor.sock'))}\nchmod=0700\n"
        f"username={user}\npassword={_value(password)}\n",
        "[rpcinterface:supervisor]\nsupervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n",
        f"[supervisorctl]\nserverurl=unix://{_value(str(prefix / 'supervisor.sock'))}\nusername={user}\n"
        f"password={_value(password)}\n",
    ]
    for name, command in apps.items():
        parts.append(f"[program:{name}]\ncommand={_value(shlex.join(command))}\ndirectory={_value(str(root))}\n"
                     f"priority=10\nstdout_logfile={_value(str(prefix / f'{name}.log'))}\n{common}")
    parts.append(f"[program:nginx]\ncommand={_value(shlex.join(nginx))}\npriority=20\n"
                 f"stdout_logfile={_value(str(prefix / 'nginx.log'))}\n"
                 + common)  # (nginx retries a taken port for ~2.5 s before it exits: that is a failed start)
    return "\n".join(parts)
