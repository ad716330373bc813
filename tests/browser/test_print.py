"""Print → PDF (A4, the browser's own print, `page.pdf()`), every page at its default view in Korean:

- no sidebar and no widget in the PDF: none of the navigation's page names under 'pages', none of the
  sidebar's settings (언어, 발표 모드), none of the page's control labels;
- no figure wider than the page: every tick label of every chart on the page (the chart components' value
  and year axes, and plotly's where it is left) is printed — a figure cropped at the paper's edge loses its
  last ticks (추이 once ended near 2014, the region bars at 120) — and every character of the PDF lies
  inside the page box.
The text and each character's box are read from the PDF itself (pypdfium2).

The page loaded to be printed is also read as a reader sees it in Korean (`helpers.browser.read_text`, the
language check of tests/browser/test_english.py): where it has ticks they are found, none is in scientific
notation or SI-suffixed, and its text and its charts' hover texts are Korean (`check_korean_ticks`).
"""
from __future__ import annotations

import re

import pytest

from helpers.browser import CHARTS, SHOTS, check_korean_ticks, no_exception, pdf_chars, read_text, steady

PAGES = ("overview", "map", "trends", "risk", "region", "brief", "disparity", "composite", "bivariate", "data")
READ = ("overview", "map", "trends", "risk", "region", "disparity", "composite", "bivariate", "data")  # in Korean
CHARTED = ("overview", "trends", "risk", "region", "disparity", "composite")  # pages with a chart component
SIDEBAR = ("발표 모드", "언어", "English")  # the sidebar's settings (its page list is checked apart)
READY = {"map": ".bal-map[data-ready='1']", "risk": ".bal-map[data-ready='1']",
         "composite": ".bal-map[data-ready='1']", "bivariate": ".bal-map[data-ready='1']",
         "trends": ".st-key-trend_chart .bal-lc[data-ready='1']",
         "region": ".st-key-region_relative .bal-lc[data-ready='1']",
         "overview": '[data-testid="stMetricValue"]', "disparity": ".st-key-disp_measures .bal-lc[data-ready='1']",
         "data": ".bal-static table", "brief": ".st-key-brief_sheet .bal-brief-head"}


# every tick label drawn on the page: the chart components' (in their shadow roots) and plotly's; null while
# a chart component is still to be drawn
_TICKS = """() => { const charts = """ + CHARTS + """;
  if (charts.some((c) => c.box.dataset.ready !== '1')) return null;
  const shown = (t) => t.getBoundingClientRect().width > 0;
  return [...charts.flatMap((c) => [...c.box.querySelectorAll('.bal-lc-xtick, .bal-lc-ytick, .bal-bc-tick')]),
          ...document.querySelectorAll('.js-plotly-plot .xtick text, .js-plotly-plot .ytick text')]
    .filter(shown).map(t => t.textContent.trim()).filter(Boolean); }"""
_LABELS = """() => [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stWidgetLabel"]')]
    .map(n => n.innerText.trim()).filter(Boolean)"""


def _pdf(browser, server: str, name: str) -> tuple[bytes, list[str], list[str], dict | None]:
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    page.goto(f"{server}/{name}" if name != "overview" else server)
    read = read_text(page, name) if name in READ else None  # what a reader sees, in Korean
    no_exception(page)
    page.wait_for_selector(READY[name], timeout=60_000)
    page.wait_for_function(f"() => ({_TICKS})() !== null", timeout=60_000)  # every chart drawn
    ticks = steady(page, _TICKS)  # lazily drawn elements at rest before printing
    labels = page.evaluate(_LABELS)
    assert ticks or name not in CHARTED, name
    assert labels or name == "overview", name  # the page's controls, to be left off the paper
    pdf = page.pdf(format="A4", print_background=True, margin={"top": "12mm", "bottom": "12mm", "left": "12mm",
                                                                "right": "12mm"})
    (SHOTS / f"print_{name}.pdf").write_bytes(pdf)
    page.close()
    return pdf, ticks, labels, read


def _bare(text: str) -> str:
    return re.sub(r"[\s\u2212-]", "", text)  # plotly writes minus as U+2212; PDF text keeps no spaces reliably


@pytest.mark.parametrize("name", PAGES)
def test_printed_page_has_content_only_and_nothing_cropped(server, browser, name):
    pdf, ticks, labels, read = _pdf(browser, server, name)
    if read is not None:
        check_korean_ticks(name, read)
    text, boxes, (width, height), pages = pdf_chars(pdf)
    assert boxes, name
    for word in SIDEBAR:
        assert word not in text, (name, word)
    lines = {line.strip() for line in text.splitlines()}
    assert not lines & set(labels), (name, lines & set(labels))  # a control's label on a line of its own
    assert "종합 격차지수" not in text or name == "composite"  # a sidebar page name (another page's title)
    outside = [b for b in boxes if b[0] < -1 or b[2] > width + 1]  # beyond the paper's left or right edge
    assert not outside, (name, outside[:5])
    printed = _bare(text)
    lost = [t for t in ticks if _bare(t) not in printed]
    assert not lost, (name, lost)  # a tick label not printed: its figure was cut at the paper's edge
    assert pages <= 12, (name, pages)
