"""The phone layout (390×844, issue 9) of 개요, 지도, 추이, 지역, 격차 분석 and 지방소멸 in Chromium, one server
for the module: every bar of every plotly bar trace is drawn with a width (no chart squeezed to labels
only), no legend, title or label box overlaps another, every title, subtitle and annotation (footnotes:
source, notes) lies inside the phone's width and inside its chart, the page never scrolls sideways, and
hovering an event badge lists every event of that year. Screenshots: tests/screenshots/phone_*.png (and
one 1440×900)."""
from __future__ import annotations

import csv
from collections import defaultdict

import pytest
import yaml

from helpers import ROOT
from helpers.browser import SHOTS, no_exception, steady

PHONE = {"width": 390, "height": 844}
# plotly charts per page (개요's sparklines are inline SVG; 추이's trend chart is the line-chart component,
# checked on its own below)
PAGES = {"overview": ("/", 1), "map": ("/map", 0), "trends": ("/trends", 1), "region": ("/region?region=11", 1),
         # five legend entries: they wrap on a phone
         "trends_compare": ("/trends?indicator=reg_population_persons&measure=level&compare=26,27", 1),
         "disparity": ("/disparity", 2), "risk": ("/risk", 1)}
# Every text line plotly draws for a title, subtitle or annotation, with its chart's box (page pixels).
TEXTS_JS = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap(gd => {
  const c = gd.getBoundingClientRect();
  const lines = [...gd.querySelectorAll('.g-gtitle text, .annotation-text-g text')].flatMap(t => {
    const spans = [...t.querySelectorAll('tspan.line')];
    return spans.length ? spans : [t]; });
  return lines.map(el => {
    const r = el.getBoundingClientRect();
    return {text: el.textContent, box: [r.left, r.top, r.right, r.bottom], chart: [c.left, c.top, c.right, c.bottom]};
  }).filter(x => x.box[2] > x.box[0] && x.text.trim());
})"""

# Per chart: each bar trace's points (value, drawn width and height in px), and the boxes of the legend,
# the title and subtitle, and every annotation (labels, event badges, footnotes), in page pixels.
CHARTS_JS = """() => [...document.querySelectorAll('.js-plotly-plot')].map(gd => {
  const box = el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const bars = [];  // each drawn bar trace, matched to its own calcdata (d3's data on the trace's group)
  [...gd.querySelectorAll('.barlayer .trace.bars')].forEach(g => {
    const cd = g.__data__ || [];
    if (!cd.length || !cd[0].trace) return;
    const paths = [...g.querySelectorAll('.point path')];
    bars.push({orientation: cd[0].trace.orientation || 'v', points: cd.map((pt, j) => {
      const p = paths[j]; const r = p ? p.getBBox() : {width: 0, height: 0};
      return {s: Number.isFinite(pt.s) ? pt.s : null, w: r.width, h: r.height};
    })});
  });
  const named = (gd._fullLayout.annotations || []).map(a => a.name || '');
  return {
    bars,
    legend: [...gd.querySelectorAll('g.legend')].map(box).filter(b => b[2] > b[0]),
    titles: [...gd.querySelectorAll('.g-gtitle text')].map(box).filter(b => b[2] > b[0]),
    annotations: [...gd.querySelectorAll('g.annotation')].map(g => ({
      name: named[Number(g.dataset.index)] || '', box: box(g.querySelector('.annotation-text-g') || g)}))
      .filter(a => a.box[2] > a.box[0]),
  };
})"""


def _overlap(a, b, tol: float = 0.5) -> bool:
    return min(a[2], b[2]) - max(a[0], b[0]) > tol and min(a[3], b[3]) - max(a[1], b[1]) > tol


def _settle(page, n_charts: int) -> None:
    """Wait for the page's charts (or the map) to be drawn and the app to stop running."""
    if n_charts:
        page.wait_for_function(f"""() => {{ const plots = [...document.querySelectorAll('.js-plotly-plot')];
            return plots.length >= {n_charts} && plots.every(p => p.querySelector('.main-svg')); }}""",
                               timeout=60_000)
    else:
        page.wait_for_selector(".bal-map[data-ready='1']", timeout=60_000)
    page.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
    # plotly's last relayout (automargins) after the element mounts: every text line and box at rest
    steady(page, f"() => [({TEXTS_JS})(), ({CHARTS_JS})()]")


@pytest.fixture(scope="module")
def phone(browser):
    ctx = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True)
    yield ctx
    ctx.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_phone_layout(server, phone, name):
    path, n_charts = PAGES[name]
    page = phone.new_page()
    page.goto(f"{server}{path}")
    if name != "overview":  # the page's settings fold into one '설정' above the figure (the browser said: a phone)
        page.locator('[data-testid="stExpander"]', has_text="설정").first.wait_for(timeout=60_000)
    _settle(page, n_charts)
    no_exception(page)
    page.screenshot(path=str(SHOTS / f"phone_{name}.png"), full_page=True)

    # the figure first: the main chart (or map) starts on the first screen, under the folded settings
    top = page.evaluate("""() => { const host = [...document.querySelectorAll('*')]
        .find(n => n.shadowRoot && n.shadowRoot.querySelector('.bal-map, .bal-lc'));
        const fig = host ? host.shadowRoot.querySelector('.bal-map, .bal-lc')
            : document.querySelector('.js-plotly-plot');
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

    # every text line of every chart is readable in full: inside the phone and inside its chart
    texts = page.evaluate(TEXTS_JS)
    assert any(x["text"].startswith("출처") for x in texts) or name == "map", name  # the footnotes are there
    for x in texts:
        left, top, right, bottom = x["box"]
        assert 0 <= left and right <= PHONE["width"], (name, x)
        assert x["chart"][0] - 0.5 <= left and right <= x["chart"][2] + 0.5, (name, x)
        assert x["chart"][1] - 0.5 <= top and bottom <= x["chart"][3] + 0.5, (name, x)

    charts = page.evaluate(CHARTS_JS)
    assert len(charts) >= n_charts
    assert sum(len(c["bars"]) for c in charts) >= (1 if name != "map" else 0)  # the bar charts are there
    if name.startswith("trends"):  # the trend chart: inside the phone, every legend entry and tick inside it
        parts = page.evaluate("""() => { const host = [...document.querySelectorAll('.st-key-trend_chart *')]
            .find(n => n.shadowRoot); const root = host.shadowRoot;
            const box = (n) => { const r = n.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
            return {chart: box(root.querySelector('.bal-lc')),
                    items: [...root.querySelectorAll('.bal-lc-item, .bal-lc-xtick, .bal-lc-ytick')].map(box)}; }""")
        assert 0 <= parts["chart"][0] and parts["chart"][2] <= PHONE["width"], parts["chart"]
        assert len(parts["items"]) >= (5 if name == "trends_compare" else 2) + 4
        for b in parts["items"]:
            assert parts["chart"][0] - 0.5 <= b[0] and b[2] <= parts["chart"][2] + 0.5, (name, b)
    for i, chart in enumerate(charts):
        for trace in chart["bars"]:
            for j, pt in enumerate(trace["points"]):
                if pt["s"] is None:
                    continue
                # a horizontal bar is as long as its value (none when it equals the base); a vertical one
                # always has its thickness
                if trace["orientation"] == "h" and pt["s"] != 0:
                    assert pt["w"] > 0.5, (name, i, j, pt)
                elif trace["orientation"] == "v":
                    assert pt["w"] > 0.5, (name, i, j, pt)
        boxes = [("title", b) for b in chart["titles"]] + [(a["name"] or "annotation", a["box"])
                                                          for a in chart["annotations"]]
        for legend in chart["legend"]:
            hit = [label for label, b in boxes if _overlap(legend, b)]
            assert not hit, (name, i, "legend overlaps", hit)
        for a in range(len(boxes)):
            for b in range(a + 1, len(boxes)):
                assert not _overlap(boxes[a][1], boxes[b][1]), (name, i, boxes[a], boxes[b])
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
        _settle(page, 1)  # the migration bars (the trend chart is the line-chart component)
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
    no_exception(page)
    cells = page.evaluate(CELLS_JS)
    assert cells["tables"] == 3, cells["tables"]  # catalogue, build report, quoted figures (the rest folded)
    assert cells["n"] > 1000, cells["n"]  # the catalogue alone: 18 columns × every indicator
    assert not cells["cut"], cells["cut"][:5]
    assert declared["census_tfr"] in cells["units"]
    assert {declared[i] for i in declared} <= set(cells["units"]) | {""}
    page.screenshot(path=str(SHOTS / f"data_catalogue_{viewport['width']}.png"))
    page.close()
