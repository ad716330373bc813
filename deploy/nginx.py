"""The nginx configuration in front of N Streamlit processes (Debian's nginx, run unprivileged).

One browser stays on one process: Streamlit keeps a session, its downloads and media in the process
that owns its WebSocket. The cookie `bal_route` names the browser's process (`app1` … `appN`, the
supervisord program names, never a port). A browser without it goes to the process with the fewest
open connections (`least_conn`: WebSockets are long connections), and the first response pins it
there. Each process has its own upstream group in which the other processes are `backup`: when a
process is down, its browsers' requests go to a living one, and the response re-pins the cookie to
the process that answered, so the page, its WebSocket and later downloads meet again in one process
(also after the dead one is back). `ip_hash` would send every client of one machine (and every local
test client) to one process.

Also here: WebSocket upgrade, gzip for JSON/JS/CSS/SVG, the map geometry (`static/geo`, content-hashed
names) and Streamlit's own hashed JS/CSS/fonts (`/static/`, from the installed package) served by nginx
from disk with a one-year immutable cache; no dotfile under either static folder; the security headers
of `security_headers` on every response; everything else (the page, the WebSocket, health, media and
downloads) goes to the browser's process. The access log names the process that served each request.
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from ui.serving import with_base_script

ROUTE_COOKIE = "bal_route"
TEMPLATE = Path(__file__).with_name("nginx.conf.template")
GZIP_TYPES = "application/json application/javascript text/javascript text/css image/svg+xml text/plain"

# The Content-Security-Policy every page works under (tests/browser/test_deploy.py opens each page in
# Chromium through nginx and fails on any violation or page error), found by starting from
# `default-src 'self'` and adding only what a page was refused:
#   script-src 'sha256-…'          the inline <script>s of a page as served (Streamlit's index.html and the
#                                  base-address script ui.serving writes into it), by their hashes (taken
#                                  from the installed package at start: `inline_script_hashes`)
#   script-src 'wasm-unsafe-eval'  Streamlit's protobuf decoder compiles WebAssembly (not JS `eval`:
#                                  'unsafe-eval' is not needed)
#   script-src blob:               components v2 (the map) load their JS as a module from a blob: URL
#   style-src 'unsafe-inline'      Streamlit's CSS-in-JS (<style> elements and style attributes written
#                                  at run time), Plotly's, and the app's own CSS blocks
#   img-src data:                  the tab's emoji icon, icons inlined in Streamlit's bundles, the map's
#                                  PNG export (its SVG drawn on a canvas)
#   font-src data:                 fonts inlined in Streamlit's CSS
#   connect-src 'self'             the WebSocket (/_stcore/stream) and fetches: this origin only
#   frame-ancestors                see `frame_ancestors`
CSP = {
    "default-src": "'self'",
    "script-src": "'self' @INLINE@ 'wasm-unsafe-eval' blob:",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data:",
    "font-src": "'self' data:",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}
REFERRER_POLICY = "strict-origin-when-cross-origin"
_ORIGIN = re.compile(r"https?://[a-z0-9.-]+(:[0-9]{1,5})?")
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S | re.I)


def streamlit_static() -> Path:
    """The installed Streamlit's frontend assets: what it serves at /static/ (JS, CSS, fonts)."""
    import streamlit

    return Path(streamlit.__file__).resolve().parent / "static" / "static"


def inline_script_hashes(index_html: Path | None = None) -> list[str]:
    """CSP sources ('sha256-…') of the inline scripts of each page as served: Streamlit's index.html
    (the installed one) with the app's base-address script written into it (`ui.serving`)."""
    html = with_base_script((index_html or streamlit_static().parent / "index.html").read_bytes()).decode("utf-8")
    return [f"'sha256-{base64.b64encode(hashlib.sha256(m.group(1).encode()).digest()).decode()}'"
            for m in _INLINE_SCRIPT.finditer(html)]


def frame_ancestors(embed_from: tuple[str, ...] = ()) -> str:
    """Who may show the app in a frame (`?embed=true`): this origin, plus the origins given
    (`python -m deploy --embed-from https://example.org`); ValueError for anything but an origin."""
    for origin in embed_from:
        if not _ORIGIN.fullmatch(origin):
            raise ValueError(f"--embed-from takes an origin like https://example.org, not {origin!r}")
    return " ".join(["'self'", *embed_from])


def content_security_policy(embed_from: tuple[str, ...] = ()) -> str:
    """The Content-Security-Policy header's value (`CSP`, the inline scripts' hashes, `frame_ancestors`)."""
    csp = {**CSP, "frame-ancestors": frame_ancestors(embed_from)}
    csp["script-src"] = " ".join(csp["script-src"].replace("@INLINE@", " ".join(inline_script_hashes())).split())
    return "; ".join(f"{k} {v}" for k, v in csp.items())


def security_headers(embed_from: tuple[str, ...] = ()) -> dict[str, str]:
    """The headers nginx adds to every response (name → value)."""
    headers = {
        "Content-Security-Policy": content_security_policy(embed_from),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": REFERRER_POLICY,
    }
    if not embed_from:  # for browsers without frame-ancestors (it cannot name other origins)
        headers["X-Frame-Options"] = "SAMEORIGIN"
    return headers


def config(*, listen: str, backends: dict[str, int], prefix: Path, static_geo: Path, streamlit_static: Path,
           embed_from: tuple[str, ...] = ()) -> str:
    """nginx.conf text: listen on `listen` ('127.0.0.1:8600'), proxy to 127.0.0.1:<port> of each of
    `backends` (process name → port, names as the route cookie holds them); pid, logs and temp files
    under `prefix`; the geometry from `static_geo`, Streamlit's assets from `streamlit_static` (a copy
    of `streamlit_static()` the workers can read); `embed_from`: origins allowed to frame the app."""
    ports = list(backends.values())
    upstreams = ["  upstream balance {\n    least_conn;\n"
                 + "".join(f"    server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;\n" for p in ports) + "  }"]
    for name, port in backends.items():
        others = "".join(f"    server 127.0.0.1:{p} backup;\n" for p in ports if p != port)
        upstreams.append(f"  upstream bal_{name} {{\n    server 127.0.0.1:{port} max_fails=1 fail_timeout=5s;\n"
                         f"{others}  }}")
    headers = security_headers(embed_from)
    temp = "\n".join(f"  {k}_temp_path {prefix / 'tmp' / k};" for k in ("client_body", "proxy", "fastcgi",
                                                                        "uwsgi", "scgi"))
    values = {
        "@PREFIX@": str(prefix), "@TEMP@": temp, "@COOKIE@": ROUTE_COOKIE,
        "@ROUTES@": "\n".join(f"    {name} bal_{name};" for name in backends),
        "@SERVED@": "\n".join(f'    "~127\\.0\\.0\\.1:{port}$" {name};' for name, port in backends.items()),
        "@UPSTREAMS@": "\n".join(upstreams),
        "@HIDE@": "\n".join(f"      proxy_hide_header {h};" for h in headers),
        "@HEADERS@": "\n".join(f"      add_header {h} \"{v}\" always;" for h, v in headers.items()),
        "@GZIP_TYPES@": GZIP_TYPES, "@LISTEN@": listen, "@STATIC_GEO@": str(static_geo),
        "@STREAMLIT_STATIC@": str(streamlit_static),
    }
    text = TEMPLATE.read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(key, value)
    return text
