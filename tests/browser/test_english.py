"""English everywhere, as Chromium renders it: on every page with `?lang=en` the visible text
(document.body.innerText, the components' shadow-root text — the map, the year and bar charts: titles,
legends, ticks, labels, badges, sources — the texts their hover is built from, and where plotly is left
its SVG text and its traces' hover texts) has no Hangul beyond a small allow-list, and on every page in
both languages no axis, colour-bar or map-legend tick is in scientific notation or SI-suffixed (in Korean:
tests/browser/test_print.py, on the page it prints, with `helpers.browser.check_korean_ticks`). One
server for the module; one browser context per page. Screenshots: tests/screenshots/english-<page>.png
(1440×900)."""
from __future__ import annotations

import re

import pytest

from helpers import ROOT
from helpers.browser import HANGUL, HOVERED, SCIENTIFIC, SHOTS, SI, TICKED, no_exception, read_text

RAW = ROOT / "data" / "raw"

PAGES = ("overview", "map", "trends", "risk", "region", "disparity", "composite", "bivariate", "data")
# Shown in both scripts on purpose: the language picker's name for Korean, and the level labels that
# teach the Korean term (ui/i18n.py 'sido', 'sigungu', 'macro'). The app's name is 'Balance' in English.
ALLOWED = ("한국어", "Province (시도)", "District (시군구)", "Macro-region (권역)")
# Shown in Korean on purpose on the data page: the names of the shipped raw files (identifiers, as
# published), and a translated table title's official Korean title, marked as such.
RAW_NAMES = tuple(sorted((str(p.relative_to(RAW)) for p in RAW.rglob("*") if p.is_file()), key=len, reverse=True))
OFFICIAL = re.compile(r"official title: [^\t\n]*")  # to the end of its table cell


def leftover(text: str) -> str:
    for ok in ALLOWED + RAW_NAMES:
        text = text.replace(ok, "")
    return OFFICIAL.sub("", text)


def _open(browser, server: str, page_name: str, lang: str):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(f"{server}/?page={page_name}&lang={lang}")
    return context, page, read_text(page, page_name)


@pytest.mark.parametrize("name", PAGES)
def test_page_in_english_has_no_hangul_and_no_scientific_ticks(server, browser, name):
    context, page, got = _open(browser, server, name, "en")
    page.screenshot(path=str(SHOTS / f"english-{name}.png"))
    no_exception(page)
    context.close()
    assert len(got["text"][0]) > 200  # the page drew
    assert got["ticks"] or name not in TICKED
    assert got["hover"] or name not in HOVERED
    lines = {line.strip() for kind in ("text", "shadow", "plot", "hover") for s in got[kind]
             for line in re.split(r"[\n]|<br>", s) if line.strip()}
    hangul = sorted(line[:200] for line in lines if HANGUL.search(leftover(line)))
    assert not hangul, hangul
    assert not [t for t in got["ticks"] if SCIENTIFIC.search(t) or SI.search(t)], got["ticks"]
