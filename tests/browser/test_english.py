"""English everywhere, as Chromium renders it: on every page with `?lang=en` the visible text
(document.body.innerText, the components' shadow-root text — the map, the year and bar charts: titles,
legends, ticks, labels, badges, sources — the texts their hover is built from, and where plotly is left
its SVG text and its traces' hover texts) has no Hangul beyond a small allow-list, and on every page in
both languages no axis, colour-bar or map-legend tick is in scientific notation or SI-suffixed. One
server for the module; one browser context per page. Screenshots: tests/screenshots/english-<page>.png
(1440×900)."""
from __future__ import annotations

import re

import pytest

from helpers import ROOT
from helpers.browser import SHOTS, no_exception

RAW = ROOT / "data" / "raw"

PAGES = ("overview", "map", "trends", "risk", "region", "disparity", "composite", "bivariate", "data")
HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
# Shown in both scripts on purpose: the language picker's name for Korean, and the level labels that
# teach the Korean term (ui/i18n.py 'sido', 'sigungu', 'macro'). The app's name is 'Balance' in English.
ALLOWED = ("한국어", "Province (시도)", "District (시군구)", "Macro-region (권역)")
# Pages whose first screen has value axes or a graded legend: their ticks must be found (so the tick
# checks cannot pass on selectors that match nothing) and are waited for.
TICKED = ("overview", "map", "trends", "risk", "region", "disparity", "data")
TICKS_DRAWN = """() => document.querySelectorAll('.js-plotly-plot g[class$="tick"] > text').length > 0
    || [...document.querySelectorAll('*')].some(n => n.shadowRoot
        && n.shadowRoot.querySelector('.bal-lg-bar b, .bal-lc-ytick, .bal-bc-tick'))"""
# Pages with a chart component: the texts its hover is built from must be found (in Korean: Korean)
CHARTED = ("overview", "trends", "risk", "region", "disparity", "composite")
SCIENTIFIC = re.compile(r"\d(?:\.\d+)?[eE][+-]?\d")
SI = re.compile(r"^\s*[−-]?[\d.,]+\s?[kMGTBµμ]\s*$")  # plotly's default 500M / 2G / 10µ ticks

READY = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
    if (!document.querySelector('h1')) return false;
    if ([...document.querySelectorAll('.js-plotly-plot')].some(p => !p._fullLayout)) return false;
    const hosts = [...document.querySelectorAll('*')]
        .filter(n => n.shadowRoot && n.shadowRoot.querySelector('.bal-map, .bal-lc'));
    return hosts.every(h => h.shadowRoot.querySelector(".bal-map[data-ready='1'], .bal-lc[data-ready='1']"));
}"""

# What a reader can see or hover: page text, the components' text (the map's SVG legend, table, labels,
# titles; the charts' titles, legends, ticks, labels, badges and sources) and the view each chart builds
# its hover from (kept on its shadow root: every series' name and value texts, events, quoted figures, a
# bar row's hover; ids, colours and file names left out), plotly's drawn text and its traces' names and
# hover texts; ticks apart for the e+ check.
COLLECT = """() => {
    const out = {text: [document.body.innerText], shadow: [], plot: [], hover: [], ticks: []};
    const hosts = [...document.querySelectorAll('*')].filter(n => n.shadowRoot);
    const ids = new Set(['key', 'filename', 'code', 'color', 'colors', 'dash', 'label_color', 'lang']);
    const strings = (v, k) => ids.has(k) ? [] : typeof v === 'string' ? [v] : Array.isArray(v)
        ? v.flatMap((x) => strings(x, k)) : v && typeof v === 'object'
        ? Object.entries(v).flatMap(([kk, x]) => strings(x, kk)) : [];
    for (const h of hosts) {
        for (const el of h.shadowRoot.querySelectorAll('*')) {
            if (['STYLE', 'SCRIPT'].includes(el.tagName)) continue;
            if (!el.children.length && el.textContent.trim()) out.shadow.push(el.textContent.trim());
            for (const a of ['title', 'aria-label']) if (el.getAttribute(a)) out.shadow.push(el.getAttribute(a));
        }
        for (const t of h.shadowRoot.querySelectorAll('.bal-legend *, .bal-lc-xtick, .bal-lc-ytick, .bal-bc-tick'))
            if (!t.children.length && t.textContent.trim()) out.ticks.push(t.textContent);
        const chart = h.shadowRoot.__balLc || h.shadowRoot.__balBc;  // ui/assets/linechart.js, barchart.js
        if (chart && chart.spec) out.hover.push(...strings(chart.spec, ''));
    }
    for (const t of document.querySelectorAll('.js-plotly-plot svg text')) out.plot.push(t.textContent);
    for (const t of document.querySelectorAll('.js-plotly-plot g[class$="tick"] > text'))
        out.ticks.push(t.textContent);  // xtick, ytick, x2tick, y3tick … and colour-bar ticks
    const flat = (x) => Array.isArray(x) ? x.flatMap(flat) : (x == null ? [] : [String(x)]);
    for (const p of document.querySelectorAll('.js-plotly-plot'))
        for (const tr of (p.data || []))
            for (const k of ['name', 'text', 'hovertext', 'hovertemplate']) out.hover.push(...flat(tr[k]));
    return out;
}"""


# Shown in Korean on purpose on the data page: the names of the shipped raw files (identifiers, as
# published), and a translated table title's official Korean title, marked as such.
RAW_NAMES = tuple(sorted((str(p.relative_to(RAW)) for p in RAW.rglob("*") if p.is_file()), key=len, reverse=True))
OFFICIAL = re.compile(r"official title: [^\t\n]*")  # to the end of its table cell


def leftover(text: str) -> str:
    for ok in ALLOWED + RAW_NAMES:
        text = text.replace(ok, "")
    return OFFICIAL.sub("", text)


def settled(page, rounds: int = 30) -> None:
    """Wait until the page text stops growing (lazily mounted tables and charts have drawn): the same
    length at two checks 600 ms apart."""
    last = -1
    for _ in range(rounds):
        now = page.evaluate("document.body.innerText.length")
        if now == last:
            return
        last = now
        page.wait_for_timeout(600)


def _open(browser, server: str, page_name: str, lang: str):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(f"{server}/?page={page_name}&lang={lang}")
    page.wait_for_function(READY, timeout=90_000)
    if page_name in TICKED:
        page.wait_for_function(TICKS_DRAWN, timeout=60_000)
    settled(page)  # charts and tables mounting after the run
    page.wait_for_function(READY, timeout=30_000)
    return context, page


@pytest.mark.parametrize("name", PAGES)
def test_page_in_english_has_no_hangul_and_no_scientific_ticks(server, browser, name):
    context, page = _open(browser, server, name, "en")
    got = page.evaluate(COLLECT)
    page.screenshot(path=str(SHOTS / f"english-{name}.png"))
    no_exception(page)
    context.close()
    assert len(got["text"][0]) > 200  # the page drew
    assert got["ticks"] or name not in TICKED
    assert got["hover"] or name not in CHARTED
    lines = {line.strip() for kind in ("text", "shadow", "plot", "hover") for s in got[kind]
             for line in re.split(r"[\n]|<br>", s) if line.strip()}
    hangul = sorted(line[:200] for line in lines if HANGUL.search(leftover(line)))
    assert not hangul, hangul
    assert not [t for t in got["ticks"] if SCIENTIFIC.search(t) or SI.search(t)], got["ticks"]


@pytest.mark.parametrize("name", PAGES)
def test_page_in_korean_has_no_scientific_ticks(server, browser, name):
    context, page = _open(browser, server, name, "ko")
    got = page.evaluate(COLLECT)
    no_exception(page)
    context.close()
    if name in TICKED:
        assert got["ticks"], "no tick text found: the selectors no longer match"
    assert not [t for t in got["ticks"] if SCIENTIFIC.search(t) or SI.search(t)], got["ticks"]
    assert HANGUL.search(got["text"][0])  # the Korean page is Korean (the English check is not vacuous)
    if name in CHARTED:  # and so are its charts' hover texts
        assert HANGUL.search(" ".join(got["hover"])), got["hover"][:20]
