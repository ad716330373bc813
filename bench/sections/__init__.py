"""The measured sections, in the order they run. Adding one: a module here exposing
`SECTION = Section(...)` (see bench/context.py) and one line in this list."""
from __future__ import annotations

from bench.context import Section
from bench.sections import build, mapbrowser, pagepaint, pages, paint, payload, proxy, server, switch

SECTIONS: tuple[Section, ...] = (
    build.SECTION,
    pages.SECTION,
    payload.SECTION,
    paint.SECTION,
    mapbrowser.SECTION,
    server.SECTION,
    pagepaint.SECTION,
    switch.SECTION,
    proxy.SECTION,
)
