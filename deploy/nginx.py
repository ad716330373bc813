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
GZIP_TYPES = "application/json application/javascript text/javascript text/css image/svg+xml text/plain"


def config(*, listen: str, backends: list[int], prefix: Path, static_geo: Path) -> str:
    """nginx.conf text: listen on `listen` ('127.0.0.1:8600'), proxy to 127.0.0.1:<port> for each of
    `backends`; pid, logs and temp files under `prefix`."""
    servers = "\n".join(f"    server 127.0.0.1:{p} max_fails=0;" for p in backends)
    temp = "\n".join(f"  {k}_temp_path {prefix / 'tmp' / k};" for k in ("client_body", "proxy", "fastcgi",
                                                                        "uwsgi", "scgi"))
    return f"""# written by `python -m deploy` — edit deploy/nginx.py, not this file
worker_processes 1;
pid {prefix / 'nginx.pid'};
error_log {prefix / 'error.log'} warn;
events {{ worker_connections 4096; }}
http {{
  include /etc/nginx/mime.types;
  access_log off;
{temp}
  map $http_upgrade $connection_upgrade {{ default upgrade; '' close; }}
  # the process of this browser: its cookie, else a new random route (sent back below)
  map $cookie_{ROUTE_COOKIE} $bal_route {{ "" $request_id; default $cookie_{ROUTE_COOKIE}; }}
  map $cookie_{ROUTE_COOKIE} $bal_set_cookie {{
    "" "{ROUTE_COOKIE}=$request_id; Path=/; HttpOnly; SameSite=Lax"; default ""; }}
  upstream balance {{
    hash $bal_route consistent;
{servers}
  }}
  gzip on;
  gzip_proxied any;
  gzip_min_length 1024;
  gzip_comp_level 6;
  gzip_types {GZIP_TYPES};
  server {{
    listen {listen};
    location / {{
      proxy_pass http://balance;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $host;
      proxy_read_timeout 1d;
      proxy_buffering off;
      add_header Set-Cookie $bal_set_cookie always;
      add_header X-Balance-Process $upstream_addr always;  # which process answered (127.0.0.1:<port>)
    }}
    # map geometry: content-hashed file names, so a file never changes under its name
    location /app/static/geo/ {{
      alias {static_geo}/;
      add_header Cache-Control "public, max-age=31536000, immutable";
      add_header Set-Cookie $bal_set_cookie always;
    }}
    # Streamlit's own hashed JS/CSS bundles
    location /static/ {{
      proxy_pass http://balance;
      proxy_http_version 1.1;
      proxy_set_header Host $host;
      add_header Cache-Control "public, max-age=31536000, immutable";
      add_header Set-Cookie $bal_set_cookie always;
    }}
  }}
}}
"""
