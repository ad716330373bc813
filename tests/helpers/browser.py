"""Browser-tier helpers (Chromium through Playwright): paths, launch flags, and waits on conditions
(never a fixed sleep: a test waits for what it is about to check)."""
from __future__ import annotations

import json
import os
import re
from typing import Any

from helpers import ROOT

SHOTS = ROOT / "tests" / "screenshots"  # screenshots and server logs (gitignored)
# Debian's Chromium as its headless shell (package chromium-headless-shell: the same Chromium version
# and Blink as /usr/bin/chromium, without the desktop browser around it; what Playwright itself runs
# for headless): a page load costs about half the CPU. /usr/bin/chromium where the shell is missing;
# CHROMIUM_PATH picks another (e.g. /usr/bin/chromium, to check a failure against the full browser).
SHELL = "/usr/lib/chromium/chromium-headless-shell"  # the binary (/usr/bin/ has a wrapper script)
CHROMIUM = os.environ.get("CHROMIUM_PATH") or (SHELL if os.path.exists(SHELL) else "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

# The script run has ended (Streamlit's own marker on the app element).
IDLE = """() => { const app = document.querySelector('[data-testid="stApp"]');
    return !!app && app.getAttribute('data-test-script-state') === 'notRunning'
      && document.documentElement.dataset.balWhole === '1'; }"""  # not a first run cut at its figure


def no_exception(page) -> None:
    """No Streamlit exception box on the page."""
    boxes = page.query_selector_all('[data-testid="stException"]')
    assert not boxes, [b.inner_text()[:500] for b in boxes]


def idle(page, timeout_ms: int = 60_000) -> None:
    """Wait until the page's script run has ended."""
    page.wait_for_function(IDLE, timeout=timeout_ms)


def steady(page, read: str, arg: Any = None, every_ms: int = 250, reads: int = 3, timeout_ms: int = 30_000) -> Any:
    """Read the JS function `read` (with `arg`) every `every_ms` until it gives the same value `reads`
    times in a row (what it measures has stopped moving: plotly's relayouts, a map fitting itself,
    lazily mounted elements); that value. Fails when it is still changing after `timeout_ms`."""
    last, same, waited = None, 0, 0
    while True:
        now = json.dumps(page.evaluate(read, arg), sort_keys=True)
        same = same + 1 if now == last else 1
        if same >= reads:
            return json.loads(now)
        if waited >= timeout_ms:
            raise AssertionError(f"still changing after {timeout_ms} ms: {now[:300]}")
        last = now
        page.wait_for_timeout(every_ms)
        waited += every_ms


# The chart components (ui/linechart.py + ui/assets/linechart.js, ui/barchart.py + ui/assets/barchart.js) draw
# in open shadow roots: Playwright's selectors pierce them, `document.querySelector` in page.evaluate does not.
# A JS expression: every chart box `.bal-lc` of the page, in page order, with the key of its element
# (`.st-key-<key>`). A bar chart's box is `.bal-lc.bal-bc`.
CHARTS = """[...document.querySelectorAll('*')].filter((n) => n.shadowRoot).flatMap((h) =>
  [...h.shadowRoot.querySelectorAll('.bal-lc')].map((box) => ({box,
    key: ((h.closest('[class*="st-key-"]') || {className: ''}).className.match(/st-key-(\\S+)/) || [])[1]})))"""

# Every drawn chart's parts, in page pixels ([left, top, right, bottom]): its box and its SVG's box; every
# text line — the HTML ones (title, subtitle, legend entries, buttons, year, source) one box per line as laid
# out (a line the element hides, as the presenter's two-line source, has none), each SVG text as its em box
# (the type's em square on its baseline: not the font's taller line cell, which touches the next line by
# design) with its size in px — and the event badges; every bar (a year chart's `.bal-lc-bars rect`, a bar
# chart's `rect.bal-bc-bar` with its value). `keys`: only these charts (null: all).
CHART_PARTS = """(keys) => (""" + CHARTS + """).filter((c) => !keys || keys.includes(c.key)).map(({key, box}) => {
  const rect = (r) => [r.left, r.top, r.right, r.bottom];
  const texts = [];
  box.querySelectorAll('.bal-lc-title, .bal-lc-subtitle, .bal-lc-item, .bal-lc-btn, .bal-lc-year, .bal-lc-source')
    .forEach((n, k) => {
      const own = n.getBoundingClientRect(), range = document.createRange(), lines = [];
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) {
        const top = Math.max(r.top, own.top), bottom = Math.min(r.bottom, own.bottom);
        if (r.width < 0.5 || bottom - top < 1) continue;
        const line = lines.find((l) => Math.abs(l[1] - top) < 2 && Math.abs(l[3] - bottom) < 2);
        if (line) { line[0] = Math.min(line[0], r.left); line[2] = Math.max(line[2], r.right); }
        else lines.push([r.left, top, r.right, bottom]);
      }
      const cls = [...n.classList].find((c) => c !== 'bal-lc-btn') || 'bal-lc-btn';
      for (const l of lines) texts.push({el: `h${k}`, cls, text: n.textContent.trim(), box: l,
                                         size: parseFloat(getComputedStyle(n).fontSize)});
    });
  box.querySelectorAll('svg.bal-lc-svg text').forEach((t, k) => {
    if (!t.textContent.trim() || t.closest('.bal-lc-badge')) return;
    const m = t.getScreenCTM(), r = t.getBoundingClientRect();
    const size = parseFloat(getComputedStyle(t).fontSize) * m.d, base = m.f + m.d * t.y.baseVal[0].value;
    texts.push({el: `s${k}`, cls: t.getAttribute('class') || 'text', text: t.textContent, size,
                box: [r.left, base - 0.88 * size, r.right, base + 0.12 * size]});
  });
  box.querySelectorAll('svg.bal-lc-svg .bal-lc-badge').forEach((g, k) => {
    const t = g.querySelector('text'), r = g.querySelector('rect').getBoundingClientRect();
    texts.push({el: `b${k}`, cls: 'bal-lc-badge', text: t.textContent, box: rect(r),
                size: parseFloat(getComputedStyle(t).fontSize)});
  });
  const bars = [...box.querySelectorAll('.bal-lc-bars rect, rect.bal-bc-bar')].map((r) => ({
    code: r.dataset.code || null, year: r.dataset.year ? Number(r.dataset.year) : null,
    value: r.dataset.value !== undefined ? Number(r.dataset.value) : null, box: rect(r.getBoundingClientRect())}));
  const svg = box.querySelector('svg.bal-lc-svg');
  return {key, bars, texts, kind: box.classList.contains('bal-bc') ? 'bars' : 'years', ready: box.dataset.ready === '1',
          box: rect(box.getBoundingClientRect()), svg: rect(svg.getBoundingClientRect())};
})"""


def overlap(a, b, tol: float = 0.5) -> bool:
    """Two [left, top, right, bottom] boxes share more than `tol` px both across and down."""
    return min(a[2], b[2]) - max(a[0], b[0]) > tol and min(a[3], b[3]) - max(a[1], b[1]) > tol


def text_overlaps(chart: dict) -> list[tuple[dict, dict]]:
    """Pairs of a chart's texts (`CHART_PARTS`) that overlap: lines of one text apart."""
    t = chart["texts"]
    return [(t[i], t[j]) for i in range(len(t)) for j in range(i + 1, len(t))
            if t[i]["el"] != t[j]["el"] and overlap(t[i]["box"], t[j]["box"])]


def inside(box, frame, tol: float = 0.5) -> bool:
    """`box` lies within `frame` (both [left, top, right, bottom])."""
    return (frame[0] - tol <= box[0] and box[2] <= frame[2] + tol and frame[1] - tol <= box[1]
            and box[3] <= frame[3] + tol)


def pdf_chars(pdf: bytes) -> tuple[str, list[tuple[float, float, float, float]], tuple[float, float], int]:
    """A printed PDF read with pdfium: its text, every letter's and digit's box (left, bottom, right, top in
    points; pdfium misplaces some punctuation glyphs, e.g. an en dash drawn in a fallback font was reported
    500 pt right of its neighbours), the first page's size and the page count."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    text, boxes = [], []
    for page in doc:
        tp = page.get_textpage()
        text.append(tp.get_text_range())
        boxes += [tp.get_charbox(i) for i in range(tp.count_chars()) if tp.get_text_range(i, 1).isalnum()]
    return "\n".join(text), boxes, tuple(doc[0].get_size()), len(doc)


# ---- the text a reader sees and the ticks (tests/browser/test_english.py, and test_print.py in Korean)

# Pages whose first screen has value axes or a graded legend: their ticks must be found (so the tick
# checks cannot pass on selectors that match nothing) and are waited for.
TICKED = ("overview", "map", "trends", "risk", "region", "disparity", "data")
TICKS_DRAWN = """() => document.querySelectorAll('.js-plotly-plot g[class$="tick"] > text').length > 0
    || [...document.querySelectorAll('*')].some(n => n.shadowRoot
        && n.shadowRoot.querySelector('.bal-lg-bar b, .bal-lc-ytick, .bal-bc-tick'))"""
# Pages with a chart component: the texts its hover is built from must be found (in Korean: Korean)
HOVERED = ("overview", "trends", "risk", "region", "disparity", "composite")
HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
SCIENTIFIC = re.compile(r"\d(?:\.\d+)?[eE][+-]?\d")
SI = re.compile(r"^\s*[−-]?[\d.,]+\s?[kMGTBµμ]\s*$")  # plotly's default 500M / 2G / 10µ ticks

TEXT_READY = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
    if (document.documentElement.dataset.balWhole !== '1') return false;
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


def read_text(page, name: str) -> dict:
    """Once the page `name` is drawn (the run ended, every figure drawn, its ticks there where it has some,
    the text no longer growing): what a reader can see or hover (`COLLECT`)."""
    page.wait_for_function(TEXT_READY, timeout=90_000)
    if name in TICKED:
        page.wait_for_function(TICKS_DRAWN, timeout=60_000)
    settled(page)  # charts and tables mounting after the run
    page.wait_for_function(TEXT_READY, timeout=30_000)
    return page.evaluate(COLLECT)


def check_korean_ticks(name: str, got: dict) -> None:
    """A page in Korean (`read_text`): ticks found where it has some, none in scientific notation or SI-
    suffixed; its text Korean, and so are its charts' hover texts (the English checks are not vacuous)."""
    if name in TICKED:
        assert got["ticks"], "no tick text found: the selectors no longer match"
    assert not [t for t in got["ticks"] if SCIENTIFIC.search(t) or SI.search(t)], got["ticks"]
    assert HANGUL.search(got["text"][0])  # the Korean page is Korean (the English check is not vacuous)
    if name in HOVERED:  # and so are its charts' hover texts
        assert HANGUL.search(" ".join(got["hover"])), got["hover"][:20]
