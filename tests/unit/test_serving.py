"""ui/serving.py: the base-address script goes into a page's HTML (and only there), with its length right."""
from __future__ import annotations

import asyncio

from ui.serving import SCRIPT, BaseAddress

HTML = b'<html><head><title>x</title><script type="module" src="./static/js/index.js"></script></head></html>'


def _serve(path: str, body_chunks: list[bytes], content_type: bytes = b"text/html; charset=utf-8",
           method: str = "GET"):
    seen: dict = {}

    async def inner(scope, receive, send):
        seen["headers"] = dict(scope["headers"])
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", content_type), (b"etag", b'"abc"'),
                                (b"content-length", str(sum(map(len, body_chunks))).encode())]})
        for i, chunk in enumerate(body_chunks):
            await send({"type": "http.response.body", "body": chunk, "more_body": i < len(body_chunks) - 1})

    sent: list[dict] = []

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": method, "path": path,
             "headers": [(b"accept-encoding", b"gzip"), (b"host", b"x")]}
    asyncio.run(BaseAddress(inner)(scope, None, send))
    return seen, sent


def test_a_page_gets_the_script_before_streamlits_own_with_its_length():
    seen, sent = _serve("/map", [HTML[:40], HTML[40:]])
    assert b"accept-encoding" not in seen["headers"]  # asked uncompressed, so it can be edited
    start, body = sent[0], b"".join(m.get("body", b"") for m in sent[1:])
    assert body.index(SCRIPT) < body.index(b'<script type="module"') and body.count(SCRIPT) == 1
    headers = dict(start["headers"])
    assert int(headers[b"content-length"]) == len(body) == len(HTML) + len(SCRIPT)
    assert b"etag" not in headers  # the file's tag no longer describes what is sent


def test_files_and_other_paths_pass_untouched():
    for path, kind in (("/static/js/index.js", b"text/javascript"), ("/_stcore/health", b"text/plain"),
                       ("/app/static/geo/sido-1.json", b"application/json")):
        seen, sent = _serve(path, [b"body"], kind)
        assert b"accept-encoding" in seen["headers"]
        assert sent[-1]["body"] == b"body"
    _, sent = _serve("/", [HTML], method="HEAD")
    assert SCRIPT not in b"".join(m.get("body", b"") for m in sent)
