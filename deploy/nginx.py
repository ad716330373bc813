"""The nginx configuration in front of N Streamlit processes (Debian's nginx, run unprivileged).

One browser stays on one process: Streamlit keeps a session, its downloads and media in the process
that owns its WebSocket. nginx picks the process by hashing the cookie `bal_route` (`hash … consistent`);
a browser without it gets a random value ($request_id) on its first response, so the page, its
WebSocket and every later request of that browser reach the same process. `ip_hash` would send every
client of one machine (and every local test client) to one process.

Also here: WebSocket upgrade, gzip for JSON/JS/CSS/SVG, the map geometry (`static/geo`, content-hashed
names) and Streamlit's own hashed JS/CSS/fonts (`/static/`, from the installed package) served by nginx
from disk with a one-year immutable cache; everything else (the page, the WebSocket, health, media and
downloads) goes to the browser's process.
"""
from __future__ import annotations

from pathlib import Path

ROUTE_COOKIE = "bal_route"
TEMPLATE = Path(__file__).with_name("nginx.conf.template")
GZIP_TYPES = "application/json application/javascript text/javascript text/css image/svg+xml text/plain"


def streamlit_static() -> Path:
    """The installed Streamlit's frontend assets: what it serves at /static/ (JS, CSS, fonts)."""
    import streamlit

    return Path(streamlit.__file__).resolve().parent / "static" / "static"


def config(*, listen: str, backends: list[int], prefix: Path, static_geo: Path, streamlit_static: Path) -> str:
    """nginx.conf text: listen on `listen` ('127.0.0.1:8600'), proxy to 127.0.0.1:<port> for each of
    `backends`; pid, logs and temp files under `prefix`; the geometry from `static_geo`, Streamlit's
    assets from `streamlit_static` (a copy of `streamlit_static()` the workers can read)."""
    servers = "\n".join(f"    server 127.0.0.1:{p} max_fails=0;" for p in backends)
    temp = "\n".join(f"  {k}_temp_path {prefix / 'tmp' / k};" for k in ("client_body", "proxy", "fastcgi",
                                                                        "uwsgi", "scgi"))
    values = {"@PREFIX@": str(prefix), "@TEMP@": temp, "@COOKIE@": ROUTE_COOKIE, "@SERVERS@": servers,
              "@GZIP_TYPES@": GZIP_TYPES, "@LISTEN@": listen, "@STATIC_GEO@": str(static_geo),
              "@STREAMLIT_STATIC@": str(streamlit_static)}
    text = TEMPLATE.read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(key, value)
    return text
