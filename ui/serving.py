"""What the server adds to every page it sends: the app's base address, told to Streamlit's frontend.

Streamlit's frontend (1.67) finds its server from the page's own address: opened at `/map`, it first asks
`/map/_stcore/health` and `/map/_stcore/host-config` (two 404s on every page but the first) before trying
`/`. Told the base address in `window.__streamlit` (BACKEND_BASE_URL, and MAIN_PAGE_BASE_URL for its page
links) it asks `/` only. The base is what the page's own relative links resolve to (`new URL(".", page)`),
so it holds behind a proxy that serves the app under a prefix too.

`BaseAddress` is an ASGI middleware given to `st.App` in app.py (`streamlit run app.py` serves that App):
for a page's HTML (a GET of `/` or `/<page>`, answered with text/html) it writes that one script into the
head, before Streamlit's own. Every other request passes untouched.
"""
from __future__ import annotations

import re

SCRIPT = (b"<script>window.__streamlit=Object.assign((function(){var b=new URL('.',location.href).href;"
          b"return {BACKEND_BASE_URL:b,MAIN_PAGE_BASE_URL:b};})(),window.__streamlit||{});</script>")
PAGE_PATH = re.compile(r"^/[^/.]*$")  # `/` and `/<page>`: a page (an unknown one too); files have a dot
STALE = (b"content-length", b"etag", b"last-modified")  # describe the file, not the page as sent


def with_base_script(html: bytes) -> bytes:
    """`html` with `SCRIPT` before its first <script> (else at the end of its head); unchanged when the
    script is already there."""
    if SCRIPT in html:
        return html
    at = html.find(b"<script")
    if at < 0:
        at = html.find(b"</head>")
    return html if at < 0 else html[:at] + SCRIPT + html[at:]


class BaseAddress:
    """ASGI middleware: `with_base_script` on the HTML of every page; every other request untouched."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope.get("method") != "GET" or not PAGE_PATH.match(scope.get("path", "")):
            await self.app(scope, receive, send)
            return
        # the HTML as written (not compressed), so the script can go into it
        headers = [(k, v) for k, v in scope.get("headers", []) if k.lower() != b"accept-encoding"]
        start: dict | None = None
        chunks: list[bytes] = []

        async def relay(message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                kind = dict(message.get("headers", [])).get(b"content-type", b"")
                if message.get("status") == 200 and kind.startswith(b"text/html"):
                    start = message  # held until the whole body is here
                    return
            elif message["type"] == "http.response.body" and start is not None:
                chunks.append(message.get("body", b""))
                if message.get("more_body"):
                    return
                body = with_base_script(b"".join(chunks))
                kept = [(k, v) for k, v in start.get("headers", []) if k.lower() not in STALE]
                await send({**start, "headers": kept + [(b"content-length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body, "more_body": False})
                return
            await send(message)

        await self.app({**scope, "headers": headers}, receive, relay)
