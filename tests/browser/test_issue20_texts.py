"""Issue 20, items 8–10, in Chromium (Korean, no URL parameters first): the 추이 hover lists both series of
the hovered year; the 전국=100 bars of 지역 sit under their own labels and the 100 line crosses no label
(desktop and phone); the region search finds official full names, short names and the 시군구 alone; an
unknown address says so in Korean; no page logs a 404. Expected values are read from the session's built
tables (indicators.store) and the region registry (geo/regions.csv), never from the page code.
Screenshots: tests/screenshots/issue20_*.png."""
from __future__ import annotations

import pytest

from helpers.apptest import PAGE_PARAMS, TITLE_KEYS
from helpers.browser import SHOTS, no_exception
from indicators import store
from ui import state
from ui.i18n import t

DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}


def _open(browser, server: str, path: str, viewport: dict, wait: str = ".bal-lc[data-ready='1']"):
    page = browser.new_page(viewport=viewport)
    bad: list[tuple[int, str]] = []
    page.on("response", lambda r: bad.append((r.status, r.url)) if r.status >= 400 else None)
    page.goto(f"{server}{path}")
    page.wait_for_selector(wait, timeout=60_000)
    no_exception(page)
    return page, bad


# ---------------------------------------------------------------- 추이: hovering a year shows both series

def test_trends_hover_lists_both_series_of_the_year(server, browser):
    share = store.gaps().query("indicator == 'reg_population_persons'").set_index("year")["capital_share_pct"]
    page, _ = _open(browser, server, "/trends", DESKTOP)
    page.locator(".st-key-trend_chart .bal-lc-dots[data-code='CR'] circle[data-year='2019']").hover(force=True)
    tip = page.locator(".st-key-trend_chart .bal-lc-tip")
    tip.wait_for(state="visible", timeout=10_000)
    text = " ".join(tip.inner_text().split())
    page.screenshot(path=str(SHOTS / "issue20_trends_hover.png"))
    page.close()
    assert "2019" in text
    assert f"수도권: {share[2019]:.1f}%" in text, text
    assert f"비수도권: {100 - share[2019]:.1f}%" in text, text


# ---------------------------------------------------------------- 지역: labels on their own bars, the 100 line

# The 전국 = 100 bar chart (ui/assets/barchart.js, in its shadow root): each row's label (its em box: the
# type's em square on the baseline) and bars, top to bottom; the reference line's strokes; the x of 100:
# where the bars start (a bar above 100 at its left edge, one below at its right edge).
BARS_JS = """() => {
  const host = [...document.querySelectorAll('.st-key-region_relative *')].find((n) => n.shadowRoot);
  const root = host.shadowRoot;
  const box = (el) => { const r = el.getBoundingClientRect(); return {l: r.left, t: r.top, r: r.right, b: r.bottom}; };
  const em = (t) => { const m = t.getScreenCTM(), size = parseFloat(getComputedStyle(t).fontSize) * m.d;
    const base = m.f + m.d * t.y.baseVal[0].value, r = t.getBoundingClientRect();
    return {l: r.left, t: base - 0.88 * size, r: r.right, b: base + 0.12 * size}; };
  const rows = [...root.querySelectorAll('g.bal-bc-row')].map((g) => ({code: g.dataset.code,
    label: em(g.querySelector('text.bal-bc-label')),
    bars: [...g.querySelectorAll('rect.bal-bc-bar')].map((r) => ({value: Number(r.dataset.value), ...box(r)}))}));
  return {rows, ref: [...root.querySelectorAll('line.bal-bc-ref')].map(box),
          x100: rows.flatMap((r) => r.bars).map((b) => b.value >= 100 ? b.l : b.r)};
}"""


def _overlap(a: dict, b: dict) -> bool:
    return a["l"] < b["r"] and b["l"] < a["r"] and a["t"] < b["b"] and b["t"] < a["b"]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_region_bars_sit_under_their_own_labels_and_the_100_line_crosses_none(server, browser, viewport):
    page, _ = _open(browser, server, "/region", viewport, wait=".st-key-region_relative .bal-lc[data-ready='1']")
    chart = page.locator(".st-key-region_relative")
    chart.scroll_into_view_if_needed()
    got = page.evaluate(BARS_JS)
    chart.screenshot(path=str(SHOTS / f"issue20_region_bars_{viewport['width']}.png"))
    page.close()
    rows = [r for r in got["rows"] if r["bars"]]
    assert len(rows) > 5
    assert [r["label"]["t"] for r in got["rows"]] == sorted(r["label"]["t"] for r in got["rows"])  # top to bottom
    previous = None
    for i, row in enumerate(got["rows"]):
        label = row["label"]
        for bar in row["bars"]:  # under its own label
            assert bar["t"] >= label["b"] - 1, (i, label, bar)
        if row["bars"]:
            own = min(b["t"] for b in row["bars"]) - label["b"]  # from the label down to its own bar
            assert -1 <= own <= 6, (i, own)
            if previous is not None:  # the bar above ends well before this label starts
                before = label["t"] - max(b["b"] for b in previous["bars"])
                assert before >= own + 5, (i, own, before)
            previous = row
    # the 100 line is drawn (at x = 100: where every bar starts) and runs through no label
    x100 = got["x100"]
    assert max(x100) - min(x100) <= 1, x100
    assert got["ref"] and all(abs((r["l"] + r["r"]) / 2 - x100[0]) < 2 for r in got["ref"]), (got["ref"], x100[0])
    for r in got["ref"]:
        for row in got["rows"]:
            assert not _overlap(r, row["label"]), (r, row["label"])


# ---------------------------------------------------------------- 지역: the search finds every way of naming a 시군구

def _registry() -> dict[str, dict]:
    import csv

    from helpers import ROOT
    with open(ROOT / "geo" / "regions.csv", encoding="utf-8") as f:
        return {r["region_code"]: r for r in csv.DictReader(f)}


def test_region_search_accepts_full_short_and_sigungu_names(server, browser):
    reg = _registry()
    row = reg["47730"]  # 의성군, 경상북도 (경북)
    sido = reg[row["parent_code"]]
    official = f"{sido['name_ko']} {row['name_ko']}"  # what the picker shows: the official full name
    typed = [f"{sido['name_ko']} {row['name_ko'][:-1]}",  # 경상북도 의성
             f"{sido['short_ko']} {row['name_ko'][:-1]}",  # 경북 의성
             row["name_ko"]]  # 의성군
    page, _ = _open(browser, server, "/region", DESKTOP, wait='[data-testid="stSelectbox"] input')
    box = page.locator('[data-testid="stSelectbox"] input').first
    for text in typed:
        box.click()
        box.fill(text)
        options = page.locator('[role="option"]')
        options.first.wait_for(timeout=10_000)
        shown = options.all_inner_texts()
        assert official in shown, (text, shown[:5])
        page.keyboard.press("Escape")
    box.click()
    box.fill(typed[0])
    page.locator('[role="option"]', has_text=official).first.click()
    page.wait_for_function("() => location.search.includes('region=47730')", timeout=20_000)
    page.locator(".st-key-region_relative .bal-lc-title", has_text=row["name_ko"]).wait_for(timeout=20_000)
    page.screenshot(path=str(SHOTS / "issue20_region_search.png"))
    page.close()


# ---------------------------------------------------------------- an unknown address, in Korean

def test_unknown_address_says_so_in_korean_and_links_the_pages(server, browser):
    page, _ = _open(browser, server, "/no-such-page", DESKTOP, wait="h1")
    page.wait_for_function("() => document.querySelector('h1').textContent.includes('페이지')", timeout=20_000)
    body = page.locator('[data-testid="stMain"]').inner_text()
    dialogs = page.locator('[role="dialog"]').all_inner_texts()
    page.screenshot(path=str(SHOTS / "issue20_unknown_path.png"))
    assert "페이지를 찾을 수 없습니다" in body and "/no-such-page" in body
    assert not any("Page not found" in d or "does not seem to exist" in d for d in dialogs), dialogs
    assert "Page not found" not in body
    assert page.url.endswith("/no-such-page")  # the address stays as typed
    page.locator('[data-testid="stMain"] a[data-testid="stPageLink-NavLink"][href="map"]').click()
    page.wait_for_url("**/map", timeout=20_000)
    page.wait_for_selector(".bal-map", timeout=60_000)
    no_exception(page)
    page.close()


# ---------------------------------------------------------------- no 404 on any page

PAGE_PATHS = ["/", "/map", "/trends", "/risk", "/region", "/brief", "/disparity", "/composite", "/bivariate", "/data"]


def test_no_page_logs_a_404(server, browser):
    """Opened at its own address (a deep link), every page asks the server at the app's base only (no
    /<page>/_stcore/health or host-config first), opens that page (its title; the path names the page,
    no `?page=`) and its links still work (a sidebar link, a map click). A deep link as the first page a
    server runs: tests/browser/test_browser_hardening.py."""
    assert [p.strip("/") or state.DEFAULT_PAGE for p in PAGE_PATHS] == list(PAGE_PARAMS)  # every page
    context = browser.new_context(viewport=DESKTOP)
    failed: list[tuple[int, str]] = []
    context.on("response", lambda r: failed.append((r.status, r.url)) if r.status >= 400 else None)
    page = context.new_page()
    for path in PAGE_PATHS:
        page.goto(f"{server}{path}")
        page.wait_for_selector('[data-testid="stSidebarNav"]', timeout=60_000)
        page.wait_for_selector('[data-testid="stMain"] h1', timeout=60_000)
        no_exception(page)
        name = path.strip("/") or state.DEFAULT_PAGE
        assert page.locator("h1").first.inner_text().strip() == t(TITLE_KEYS[name], "ko"), path
        href = page.evaluate("location.href")
        assert href.split("?")[0] == f"{server}{path}" and "page=" not in href, href  # the path names the page
    page.locator('[data-testid="stSidebarNav"] a[href$="/trends"]').click()
    page.wait_for_url("**/trends", timeout=20_000)
    page.goto(f"{server}/map")
    page.wait_for_selector(".bal-map[data-ready='1']", timeout=60_000)
    page.locator(".bal-areas path[data-code='51']").first.click(force=True)  # 강원
    page.wait_for_url("**/region?region=51", timeout=30_000)
    page.wait_for_selector(".st-key-region_relative .bal-lc[data-ready='1']", timeout=60_000)
    context.close()
    assert not failed, failed
