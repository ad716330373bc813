"""The phone layout (390×844, issue 9) of 개요, 지도, 추이, 지역, 격차 분석 and 지방소멸 in Chromium, one server
for the module: each page's charts (our components, ui/linechart.py and ui/barchart.py) are drawn; every
bar is drawn with a width (no chart squeezed to labels only) and a bar chart's bars to scale, the longest
across most of the chart; no two text lines of a chart overlap (title, subtitle, legend entries, buttons,
ticks, panel titles, bar and value labels, event badges, source); every text line lies inside the phone's
width and inside its chart (an SVG text outside the drawing would be cut off), each chart carries its
source; the page never scrolls sideways, and hovering an event badge lists every event of that year.
Screenshots: tests/screenshots/phone_*.png (and one 1440×900)."""
from __future__ import annotations

import csv
from collections import Counter, defaultdict

import pytest
import yaml

from helpers import ROOT
from helpers.browser import CHART_PARTS, CHARTS, SHOTS, idle, inside, no_exception, steady, text_overlaps

PHONE = {"width": 390, "height": 844}
# the charts of each page (their element keys) and those of them drawn with bars (개요's sparklines are
# inline SVG, checked apart)
PAGES = {"overview": ("/", ("capital_shares",)), "map": ("/map", ()),
         "trends": ("/trends", ("trend_chart", "migration_chart")),
         "region": ("/region?region=11", ("region_relative",)),
         # five legend entries: they wrap on a phone
         "trends_compare": ("/trends?indicator=reg_population_persons&measure=level&compare=26,27",
                            ("trend_chart", "migration_chart")),
         "disparity": ("/disparity", ("disp_measures", "disp_decomp")), "risk": ("/risk", ("risk_counts",))}
BARS = {"capital_shares", "migration_chart", "region_relative", "disp_decomp", "risk_counts"}
DRAWN = "(keys) => { const charts = " + CHARTS + """;
  return keys.every((k) => charts.some((c) => c.key === k && c.box.dataset.ready === '1')); }"""


def _settle(page, keys: tuple[str, ...]) -> None:
    """Wait for the page's charts (or the map) to be drawn, the app to stop running and every chart's
    parts to be at rest (a chart redraws when its width settles)."""
    if keys:
        page.wait_for_function(DRAWN, arg=list(keys), timeout=60_000)
    else:
        page.wait_for_selector(".bal-map[data-ready='1']", timeout=60_000)
    page.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
    steady(page, CHART_PARTS)


def _to_scale(chart: dict) -> None:
    """A bar chart's bars are drawn to scale: each starts at the base's x (its left edge, or its right edge
    for a value below the base) and ends where one linear value axis puts its value."""
    bars = [b for b in chart["bars"] if b["value"] is not None]
    base_x = Counter(round(e) for b in bars for e in (b["box"][0], b["box"][2])).most_common(1)[0][0]
    ends = []
    for b in bars:
        left, right = b["box"][0], b["box"][2]
        assert min(abs(left - base_x), abs(right - base_x)) <= 1, (chart["key"], b, base_x)
        ends.append((b["value"], right if abs(left - base_x) <= 1 else left))
    (v1, x1), (v2, x2) = min(ends), max(ends)
    assert v2 > v1 and x2 > x1, (chart["key"], ends)
    per_unit = (x2 - x1) / (v2 - v1)
    for v, x in ends:
        assert abs(x1 + per_unit * (v - v1) - x) <= 1.5, (chart["key"], v, x, x1 + per_unit * (v - v1))


@pytest.fixture(scope="module")
def phone(browser):
    ctx = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True)
    yield ctx
    ctx.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_phone_layout(server, phone, name):
    path, keys = PAGES[name]
    page = phone.new_page()
    page.goto(f"{server}{path}")
    if name != "overview":  # the page's settings fold into one '설정' above the figure (the browser said: a phone)
        page.locator('[data-testid="stExpander"]', has_text="설정").first.wait_for(timeout=60_000)
    _settle(page, keys)
    no_exception(page)
    page.screenshot(path=str(SHOTS / f"phone_{name}.png"), full_page=True)

    # the figure first: the main chart (or map) starts on the first screen, under the folded settings
    top = page.evaluate("""() => { const host = [...document.querySelectorAll('*')]
        .find(n => n.shadowRoot && n.shadowRoot.querySelector('.bal-map, .bal-lc'));
        const fig = host.shadowRoot.querySelector('.bal-map, .bal-lc');
        const m = document.querySelector('[data-testid="stMain"]');
        return fig.getBoundingClientRect().top + m.scrollTop; }""")
    if name != "overview":  # 개요's first screen is its headline cards
        assert top < 0.6 * PHONE["height"], (name, top)

    # never sideways: the main column fits the phone
    widths = page.evaluate("""() => { const m = document.querySelector('[data-testid="stMain"]');
        return [m.scrollWidth, m.clientWidth]; }""")
    assert widths[0] <= widths[1] + 1, widths
    if name == "overview":  # the cards' sparklines (inline SVG, ui/sparkline.py): drawn, inside the phone
        sparks = page.evaluate("""() => [...document.querySelectorAll('.bal-spark svg')].map(s => {
            const r = s.getBoundingClientRect(); return [r.left, r.right, r.height]; })""")
        assert len(sparks) == 4 and all(0 <= a and b <= PHONE["width"] and h > 50 for a, b, h in sparks), sparks

    charts = page.evaluate(CHART_PARTS, None)
    assert sorted(c["key"] for c in charts) == sorted(keys), [c["key"] for c in charts]
    for chart in charts:
        key, texts = chart["key"], chart["texts"]
        assert 0 <= chart["box"][0] and chart["box"][2] <= PHONE["width"], (key, chart["box"])
        # every text line is readable in full: inside the phone, inside its chart, an SVG text inside the
        # drawing (beyond it, it is cut off)
        assert len([x for x in texts if x["cls"].endswith("tick")]) >= 3, key
        assert any("출처" in x["text"] for x in texts if x["cls"] == "bal-lc-source"), key  # the source is there
        for x in texts:
            assert 0 <= x["box"][0] and x["box"][2] <= PHONE["width"], (name, key, x)
            assert inside(x["box"], chart["svg"] if x["el"][0] in "sb" else chart["box"]), (name, key, x)
        # no text line over another
        assert not text_overlaps(chart), (name, key, text_overlaps(chart)[:3])
        # every bar drawn with a width, inside the drawing; a bar chart's to scale, the longest across most of it
        assert bool(chart["bars"]) == (key in BARS), (key, len(chart["bars"]))
        for bar in chart["bars"]:
            b = bar["box"]
            assert inside(b, chart["svg"]), (key, bar)
            assert b[2] - b[0] >= (1 if chart["kind"] == "bars" else 2) and b[3] - b[1] > 0.5, (key, bar)
        if chart["kind"] == "bars":
            _to_scale(chart)
            longest = max(b["box"][2] - b["box"][0] for b in chart["bars"])
            assert longest >= 0.4 * (chart["svg"][2] - chart["svg"][0]), (key, longest)
        if key == "trend_chart":  # every legend entry and tick of the trend chart
            parts = [x for x in texts if x["cls"] in ("bal-lc-item", "bal-lc-xtick", "bal-lc-ytick")]
            assert len(parts) >= (5 if name == "trends_compare" else 2) + 4, parts
    if name == "map":
        width = page.evaluate("""() => { const host = [...document.querySelectorAll('*')]
            .find(n => n.shadowRoot && n.shadowRoot.querySelector('.bal-map'));
            return host.shadowRoot.querySelector('.bal-map').getBoundingClientRect().right; }""")
        assert width <= PHONE["width"]
        rows = page.evaluate("""() => { const host = [...document.querySelectorAll('*')]
            .find(n => n.shadowRoot && n.shadowRoot.querySelector('.bal-map'));
            return [...host.shadowRoot.querySelectorAll('.bal-side tbody tr')].filter(r => {
              const b = r.getBoundingClientRect(); return b.width > 200 && b.height > 10; }).length; }""")
        assert rows == 16, rows  # the rank table under the map, every 시도 of the current boundary set in it
    page.close()


def _seed_events(year: int) -> list[str]:
    """The Korean labels of every policy event of `year` in seed_facts.csv (read here with csv)."""
    out = defaultdict(list)
    with (ROOT / "indicators" / "seed_facts.csv").open(encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            if r["kind"] == "event" and r["date"]:
                out[int(r["date"][:4])].append(r["label_ko"])
    return out[year]


def test_hover_on_an_event_badge_lists_every_event_of_that_year(server, phone, browser):
    year = 2005  # the year with the most events in the seed file
    expected = _seed_events(year)
    assert len(expected) >= 5
    for ctx, label in ((phone, "phone"), (None, "desktop")):
        page = ctx.new_page() if ctx else browser.new_page(viewport={"width": 1440, "height": 900})
        page.goto(f"{server}/trends?indicator=reg_population_persons&measure=share")
        _settle(page, PAGES["trends"][1])
        badge = page.locator(f".st-key-trend_chart .bal-lc-badge[data-year='{year}']")  # the trend chart's
        badge.scroll_into_view_if_needed()
        badge.hover()
        tip = page.locator(".st-key-trend_chart .bal-lc-tip")
        tip.wait_for(state="visible", timeout=10_000)
        text = tip.inner_text()
        for lb in expected:
            assert lb in text, (label, lb, text)
        if label == "desktop":
            page.screenshot(path=str(SHOTS / "trends_events_1440.png"))
        else:
            page.screenshot(path=str(SHOTS / "phone_trends_event_hover.png"))
        page.close()


# Every header and body cell of the static tables on 자료·방법 whose content is wider or taller than
# the cell (a cut cell), and the catalogue's cells by column name. A table is laid out only near the
# screen (ui/statictable.py: content-visibility), so each is scrolled into view before it is measured.
CELLS_JS = """async () => { const out = {cut: [], n: 0, units: [], tables: 0};
  for (const t of document.querySelectorAll('.bal-static table')) {
    t.scrollIntoView();
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    out.tables += 1;
    const heads = [...t.querySelectorAll('thead th')].map(h => h.innerText.trim());
    t.querySelectorAll('th, td').forEach(c => {
      out.n += 1;
      if (c.scrollWidth > c.clientWidth + 0.5 || c.scrollHeight > c.clientHeight + 0.5)
        out.cut.push([c.innerText.slice(0, 40), c.scrollWidth, c.clientWidth, c.scrollHeight, c.clientHeight]);
    });
    const u = heads.indexOf('단위');  // the unit column, titled in the reader's language (ui/csvs.py)
    if (t.closest('.st-key-catalogue') && u >= 0)
      t.querySelectorAll('tbody tr').forEach(r => out.units.push(r.children[u].innerText.trim()));
  }
  document.querySelector('.st-key-catalogue').scrollIntoView();
  return out; }"""


@pytest.mark.parametrize("viewport", [{"width": 1440, "height": 900}, PHONE], ids=["1440", "390"])
def test_data_page_tables_never_cut_a_cell(server, browser, viewport):
    """자료·방법's catalogue (and its other static tables) show every cell in full, on a desktop and on a
    phone: no cell's content is wider or taller than the cell, and the catalogue's unit column shows each
    declared unit whole (e.g. the total fertility rate's '명(가임여성 1명당)', cut before)."""
    declared = {}
    for path in sorted((ROOT / "indicators" / "sources").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for e in data.get("indicators") or []:
            declared[e["id"]] = {**(data.get("defaults") or {}), **e}["unit_ko"]
    page = browser.new_page(viewport=viewport)
    page.goto(f"{server}/data")
    page.wait_for_selector(".st-key-catalogue table tbody tr", timeout=60_000)
    page.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
    idle(page)  # the page whole (a session's first run stops at the catalogue: ui.chrome.figure_first)
    no_exception(page)
    cells = page.evaluate(CELLS_JS)
    assert cells["tables"] == 3, cells["tables"]  # catalogue, build report, quoted figures (the rest folded)
    assert cells["n"] > 1000, cells["n"]  # the catalogue alone: 18 columns × every indicator
    assert not cells["cut"], cells["cut"][:5]
    assert declared["census_tfr"] in cells["units"]
    assert {declared[i] for i in declared} <= set(cells["units"]) | {""}
    page.screenshot(path=str(SHOTS / f"data_catalogue_{viewport['width']}.png"))
    page.close()
