"""브리핑 printed to PDF in Chromium (`page.pdf(format="A4")`, the browser's own print, as 'PDF로 저장' opens it):
the brief of 의성군 and the 수도권 brief each fit on at most two A4 portrait pages, carry the region's name and
a figure of the built tables as text, no sidebar or widget text, and every character lies inside the paper;
on a phone the sheet stays within the screen's width (its tables scroll inside their own box).
The PDF is read with pypdfium2 (text, character boxes, page count and size); the PDFs are kept in
tests/screenshots/ for a look."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from helpers.browser import SHOTS, idle, pdf_chars
from indicators import store

SHEET = ".st-key-brief_sheet .bal-brief-head"
# the sidebar's pages and settings, the page's own controls: none of them belongs on paper (자료·방법 is left
# out: the sources' note names it)
NOT_ON_PAPER = ("종합 격차지수", "이변량 지도", "격차 분석", "발표 모드", "언어", "English", "경계 기준", "링크 복사",
                "PDF로 저장", "브리핑 지역")
A4_PT = (595.3, 841.9)


def _bare(text: str) -> str:
    return re.sub(r"\s", "", text)  # PDF text keeps no spaces reliably


def _printed(browser, server: str, region: str) -> bytes:
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    page.goto(f"{server}/brief?region={region}")
    page.wait_for_selector(SHEET, timeout=60_000)
    idle(page)
    assert page.locator(".st-key-print_pdf button").inner_text() == "PDF로 저장"
    pdf = page.pdf(format="A4")
    (SHOTS / f"brief_{region}.pdf").write_bytes(pdf)
    page.close()
    return pdf


@pytest.fixture(scope="module")
def population() -> pd.DataFrame:
    """The built 2025 registered population of today's boundary set (read with pandas)."""
    obs = pd.read_parquet(store.build_dir() / "observations.parquet")
    rows = obs[(obs["boundary_set"] == "2026-07") & (obs["indicator"] == "reg_population_persons")
               & (obs["year"] == 2025)]
    return rows.set_index("region_code")["value"]


@pytest.mark.parametrize("region,name", [("47730", "경북 의성군"), ("capital", "수도권 vs 비수도권")])
def test_brief_prints_on_at_most_two_a4_pages(server, browser, population, region, name):
    text, boxes, size, pages = pdf_chars(_printed(browser, server, region))
    assert pages <= 2, pages
    assert abs(size[0] - A4_PT[0]) < 2 and abs(size[1] - A4_PT[1]) < 2, size  # A4 portrait
    printed = _bare(text)
    assert _bare(name) in printed
    if region == "capital":  # the share as the build's CR and NC give it, as the brief prints it
        share = population["CR"] / (population["CR"] + population["NC"]) * 100
        assert f"{share:.1f}%" in printed
    else:
        assert f"{population[region]:,.0f}명" in printed
    assert "출처와자료시점" in printed
    for word in NOT_ON_PAPER:
        assert _bare(word) not in printed, word
    outside = [b for b in boxes if b[0] < -1 or b[2] > size[0] + 1 or b[1] < -1 or b[3] > size[1] + 1]
    assert not outside, outside[:5]


def test_brief_on_a_phone_stays_within_the_screen(server, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
    page.goto(f"{server}/brief?region=47730")
    page.wait_for_selector(SHEET, timeout=60_000)
    idle(page)
    widths = page.evaluate("""() => { const s = document.querySelector('.st-key-brief_sheet');
        return [s.getBoundingClientRect().right, document.documentElement.clientWidth,
                document.querySelector('[data-testid="stMain"]').scrollWidth]; }""")
    page.screenshot(path=str(SHOTS / "brief_47730_390.png"))
    page.close()
    right, screen, main = widths
    assert right <= screen + 1 and main <= screen + 1, widths
