"""The nginx configuration in front of N Streamlit processes (Debian's nginx, run unprivileged).

One browser stays on one process: Streamlit keeps a session, its downloads and media in the process
that owns its WebSocket. nginx picks the process by hashing the cookie `bal_route` (`hash … consistent`);
a browser without it gets a random value ($request_id) on its first response, so the page, its
WebSocket and every later request of that browser reach the same process. `ip_hash` would send every
client of one machine (and every local test client) to one process.

Also here: WebSocket upgrade, gzip for JSON/JS/CSS/SVG, the map geometry (`static/geo`, content-hashed
names) served by nginx from disk with a one-year immutable cache, Streamlit's hashed assets cached.
"""
from __future__ import annotations

from pathlib import Path

ROUTE_COOKIE = "bal_route"
TEMPLATE = Path(__file__).with_name("nginx.conf.template")
GZIP_TYPES = "application/json application/javascript text/javascript text/css image/svg+xml text/plain"


def config(*, listen: str, backends: list[int], prefix: Path, static_geo: Path) -> str:
    """nginx.conf text: listen on `listen` ('127.0.0.1:8600'), proxy to 127.0.0.1:<port> for each of
    `backends`; pid, logs and temp files under `prefix`."""
    servers = "\n".join(f"    server 127.0.0.1:{p} max_fails=0;" for p in backends)
    temp = "\n".join(f"  {k}_temp_path {prefix / 'tmp' / k};" for k in ("client_body", "proxy", "fastcgi",
                                                                        "uwsgi", "scgi"))
    values = {"@PREFIX@": str(prefix), "@TEMP@": temp, "@COOKIE@": ROUTE_COOKIE, "@SERVERS@": servers,
              "@GZIP_TYPES@": GZIP_TYPES, "@LISTEN@": listen, "@STATIC_GEO@": str(static_geo)}
    text = TEMPLATE.read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(key, value)
    return text
