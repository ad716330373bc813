"""A link reopens exactly the same view and numbers, on every page (issue 9).

For each page, every control that changes what is shown is set to a value other than its default
through the UI, like a user would (selectboxes, segmented controls, multiselects, sliders, toggles,
the search box, the map's timeline and zoom, the sidebar's language and presenter mode). Each change
must show in the address (`location.href`: Streamlit's replaceState can leave Playwright's page.url
stale). The address is then opened in a fresh browser context (no cookies, no session) and what the
page shows is compared with what the first context showed: every chart component's drawing (title,
subtitle, legend, panel titles, axis ticks, each line's points — year and value — each bar — series,
year and height, or a bar chart's row, label and value — the bar and value labels, the event badges, the
revealed year and the source), every map component's title, subtitle, year, zoom and the fill of each
area, plotly's figures where plotly is left (`_fullData`: trace type, name, x, y, z, locations), the
tables' cell text, the metrics and the markdown text. One server for the module.
"""
from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from playwright.sync_api import expect

from helpers.browser import SHOTS, no_exception
from indicators import catalog
from ui.i18n import t
from ui.pickers import indicator_label

VIEWPORT = {"width": 1440, "height": 900}
IDLE = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    return app && app.getAttribute('data-test-script-state') === 'notRunning' && document.querySelector('h1')
      && document.documentElement.dataset.balWhole === '1'; }"""
# Every chart drawn by plotly, every component (map, chart, table) drawn.
DRAWN = """() => {
  const charts = document.querySelectorAll('[data-testid="stPlotlyChart"]');
  const drawn = [...document.querySelectorAll('.js-plotly-plot')].filter((el) => el._fullData);
  let maps = 0, ready = 0;
  const walk = (root) => root.querySelectorAll('*').forEach((e) => {
    if (e.shadowRoot) walk(e.shadowRoot);
    if (e.classList && ['bal-map', 'bal-lc', 'bal-dt'].some((c) => e.classList.contains(c))) {
      maps += 1; ready += e.getAttribute('data-ready') === '1'; }
  });
  walk(document);
  return drawn.length === charts.length && ready === maps;
}"""
COUNTS = """([figures, maps]) => {
  let n = 0;
  const walk = (root) => root.querySelectorAll('*').forEach((e) => {
    if (e.shadowRoot) walk(e.shadowRoot);
    if (e.classList && ['bal-map', 'bal-lc', 'bal-dt'].some((c) => e.classList.contains(c))) n += 1;
  });
  walk(document);
  return document.querySelectorAll('.js-plotly-plot').length >= figures && n >= maps; }"""
TEXTS = """(n) => [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stMarkdownContainer"]')]
  .filter((m) => !m.querySelector('style, .bal-static')).length >= n"""
# Everything a page shows that a link must reproduce (maps and charts are inside shadow roots).
SNAPSHOT = """() => {
  const arr = (v) => v == null ? null : (typeof v === 'object' && v.length !== undefined
      ? Array.from(v, (x) => (x != null && typeof x === 'object' && x.length !== undefined) ? Array.from(x) : x) : v);
  const figures = [...document.querySelectorAll('.js-plotly-plot')].map((el) => ({
    title: el._fullLayout && el._fullLayout.title ? el._fullLayout.title.text : null,
    traces: (el._fullData || []).map((tr) => ({type: tr.type, name: tr.name, visible: tr.visible, x: arr(tr.x),
      y: arr(tr.y), z: arr(tr.z), locations: arr(tr.locations)}))}));
  const maps = [], lines = [], tables = [];
  const texts = (e, sel) => [...e.querySelectorAll(sel)].map((t) => t.textContent);
  const walk = (root) => root.querySelectorAll('*').forEach((e) => {
    if (e.shadowRoot) walk(e.shadowRoot);
    if (e.classList && e.classList.contains('bal-map')) maps.push({
      ready: e.getAttribute('data-ready'),
      title: e.querySelector('.bal-title').textContent, subtitle: e.querySelector('.bal-subtitle').textContent,
      year: e.querySelector('.bal-year').textContent,
      zoom: [...e.querySelectorAll('.bal-zoom button')].map((b) => b.getAttribute('aria-pressed')),
      viewBox: e.querySelector('svg.bal-svg').getAttribute('viewBox'),
      fills: [...e.querySelectorAll('.bal-areas path[data-code]')].map((p) =>
        p.dataset.code + '=' + (p.getAttribute('fill') || p.style.fill)),
      side: e.querySelector('.bal-side') ? e.querySelector('.bal-side').textContent : ''});
    if (e.classList && e.classList.contains('bal-lc')) lines.push({  // a chart (ui/linechart.py, ui/barchart.py)
      title: e.querySelector('.bal-lc-title').textContent, subtitle: e.querySelector('.bal-lc-subtitle').textContent,
      legend: e.querySelector('.bal-lc-legend').textContent, source: e.querySelector('.bal-lc-source').textContent,
      year: texts(e, '.bal-lc-year'), panels: texts(e, '.bal-lc-ptitle'),
      ticks: texts(e, '.bal-lc-ytick, .bal-lc-xtick, .bal-bc-tick'),
      lines: [...e.querySelectorAll('.bal-lc-dots')].map((g) => g.dataset.code + ':' +
        [...g.children].map((c) => c.dataset.year + '=' + c.dataset.value).join(',')),
      bars: [...e.querySelectorAll('.bal-lc-bars rect')].map((r) =>
        `${r.dataset.code}:${r.dataset.year}=${r.getAttribute('height')}`),  // a year chart's, on its value axis
      rows: [...e.querySelectorAll('g.bal-bc-row')].map((g) => [g.dataset.code, texts(g, '.bal-bc-label').join(''),
        [...g.querySelectorAll('rect.bal-bc-bar')].map((r) => r.dataset.value).join(',')]),  // a bar chart's
      labels: texts(e, '.bal-lc-blabel, .bal-lc-plabel, .bal-bc-value, .bal-bc-reflabel'),
      events: [...e.querySelectorAll('.bal-lc-badge')].map((b) => b.dataset.year)});
    if (e.classList && e.classList.contains('bal-dt')) tables.push({  // a table (ui/datatable.py)
      head: texts(e, 'thead th'), sort: e.dataset.sort,
      rows: [...e.querySelectorAll('tbody tr')].map((r) => texts(r, 'td'))});
  });
  walk(document);
  const metrics = [...document.querySelectorAll('[data-testid="stMetric"]')].map((m) => m.innerText);
  const text = [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stMarkdownContainer"]')]
    .filter((m) => !m.querySelector('style, .bal-static')).map((m) => m.innerText);  // CSS; tables: statics
  const statics = [...document.querySelectorAll('.bal-static table')].map((t) => t.textContent);
  return {figures, maps, lines, tables, metrics, text, statics};
}"""


def _ko(key: str) -> str:
    return t(key, "ko")


def _ind(ind_id: str) -> str:
    return indicator_label(catalog.get(ind_id), "ko")


# ---------------------------------------------------------------- driving the UI like a user

def _href(page) -> str:
    return page.evaluate("location.href")


def _settle(page) -> None:
    """The run that wrote the address has ended (the address is written during the run)."""
    page.wait_for_function(IDLE, timeout=60_000)


def _changes_url(page, action: Callable[[], None], what: str) -> None:
    """Run `action` (one control changed) and wait for the address to change and the run to end."""
    before = _href(page)
    try:
        action()
        page.wait_for_function(f"() => location.href !== {json.dumps(before)}", timeout=20_000)
    except Exception as err:  # noqa: BLE001 — name the control that is not in the address
        page.screenshot(path=str(SHOTS / "roundtrip-failed-step.png"), full_page=True)
        raise AssertionError(f"{what}: the address did not change ({before}): {str(err)[:300]}") from err
    _settle(page)


def _widget(page, testid: str, label: str):
    """The element container of the widget `testid` whose label is `label`."""
    return page.locator('[data-testid="stElementContainer"]').filter(
        has=page.locator(f'[data-testid="{testid}"]')).filter(
        has=page.locator('[data-testid="stWidgetLabel"]', has_text=label)).first


def select(page, label: str, option: str, search: str | None = None):
    def act():
        box = _widget(page, "stSelectbox", label)
        box.locator("input").click()
        page.keyboard.type(search or option)
        page.locator('[role="option"]', has_text=option).first.click()
    return act, f"selectbox {label} → {option}"


def segment(page, label: str, option: str):
    def act():
        page.get_by_role("radiogroup", name=label, exact=True).first.get_by_role(
            "radio", name=option, exact=True).click()
    return act, f"segmented {label} → {option}"


def toggle(page, label: str):
    def act():
        page.locator('[data-testid="stCheckbox"]', has_text=label).first.locator("label").click()
    return act, f"toggle {label}"


def slide(page, label: str, key: str):
    def act():
        thumb = page.locator('[data-testid="stSlider"]').get_by_role("slider", name=label).first
        thumb.focus()
        thumb.press(key)
    return act, f"slider {label} {key}"


def multi_add(page, label: str, option: str):
    def act():
        _widget(page, "stMultiSelect", label).locator("input").click()
        page.keyboard.type(option)
        page.locator('[role="option"]', has_text=option).first.click()
        page.keyboard.press("Escape")
    return act, f"multiselect {label} + {option}"


def multi_drop_last(page, label: str):
    def act():
        box = _widget(page, "stMultiSelect", label).locator("input")
        box.click()
        page.keyboard.press("Backspace")
        page.keyboard.press("Escape")
    return act, f"multiselect {label} − last"


def pill_off(page, label: str, option: str):
    def act():
        _widget(page, "stButtonGroup", label).locator("button", has_text=option).first.click()
    return act, f"pills {label} − {option}"


def type_text(page, label: str, text: str):
    def act():
        box = _widget(page, "stTextInput", label).locator("input")
        box.fill(text)
        box.press("Enter")
    return act, f"text {label} = {text}"


def map_year_back(page, key: str = "ArrowLeft"):
    def act():
        rng = page.locator(".bal-map[data-ready='1'] .bal-range").first
        rng.focus()
        rng.press(key)
    return act, "map year"


def map_zoom(page, zoom: str = "capital"):
    def act():
        page.locator(f".bal-map[data-ready='1'] .bal-zoom button[data-zoom='{zoom}']").first.click()
    return act, f"map zoom {zoom}"


def sidebar_lang_en(page):
    return segment(page, _ko("language"), "English")


def sidebar_presenter(page):
    return toggle(page, _ko("presenter"))


# ---------------------------------------------------------------- one scenario per page

SCENARIOS: dict[str, tuple[str, Callable]] = {
    "overview": ("/", lambda p: [sidebar_lang_en(p), toggle(p, t("presenter", "en"))]),
    "map": ("/map", lambda p: [
        select(p, _ko("indicator"), _ind("census_population_persons"), "인구"),
        segment(p, _ko("level"), _ko("level_short_sigungu")),
        segment(p, _ko("scale"), _ko("scale_relative")),
        map_year_back(p), map_zoom(p)]),
    "trends": ("/trends", lambda p: [
        select(p, _ko("indicator"), _ind("grdp_nominal_krw_mn"), "지역내총생산(명목)"),
        segment(p, _ko("measure"), _ko("measure_level")),
        multi_add(p, _ko("compare"), "부산광역시"),
        toggle(p, _ko("events_toggle"))]),
    "trends_macro": ("/trends", lambda p: [
        segment(p, _ko("trend_view"), _ko("view_macro")),
        segment(p, _ko("measure"), _ko("measure_level")),
        toggle(p, _ko("events_toggle"))]),
    "risk": ("/risk", lambda p: [
        segment(p, _ko("basis"), "주민등록 (KOSIS)"),
        map_year_back(p), map_zoom(p),
        toggle(p, _ko("desig_outline")),
        type_text(p, _ko("search"), "경북"),
        select(p, _ko("desig_filter"), _ko("desig_decline")),
        segment(p, _ko("month_pick"), "2026년 7월 말 — 발췌, 6개 지역")]),
    "region": ("/region", lambda p: [select(p, _ko("region"), "부산광역시", "부산")]),
    "disparity": ("/disparity", lambda p: [
        segment(p, _ko("level"), _ko("sigungu")),
        select(p, _ko("indicator"), _ind("census_grdp_per_capita_krw_th"), "1인당"),
        segment(p, _ko("weighting"), _ko("weighting_equal")),
        pill_off(p, _ko("measures_pick"), "타일 L"),
        segment(p, _ko("decomp_kind"), "타일 L"),
        toggle(p, _ko("events_toggle")),
        toggle(p, _ko("common_only"))]),
    "composite": ("/composite", lambda p: [
        segment(p, _ko("level"), _ko("sido")),
        slide(p, _ko("year"), "ArrowLeft"),
        segment(p, _ko("method"), _ko("method_rank_exp")),
        segment(p, _ko("map_view"), _ko("view_score")),
        slide(p, "경제", "ArrowRight"),
        select(p, _ko("navis_scatter_year"), "2015"),
        map_zoom(p)]),
    "bivariate": ("/bivariate", lambda p: [
        select(p, _ko("biv_x"), _ind("grdp_per_capita_krw_th"), "1인당 지역내총생산"),
        select(p, _ko("biv_y"), _ind("fiscal_self_reliance_pct"), "재정자립도"),
        slide(p, _ko("year"), "ArrowLeft"),
        map_zoom(p)]),
    "data": ("/data", lambda p: [segment(p, _ko("level"), _ko("sigungu"))]),
}


def _ready(page, like: dict | None = None) -> dict:
    """The page's snapshot once it is drawn and stable (three equal reads 0.4 s apart); `like`: a
    snapshot whose number of figures and maps the page must show first (plotly loads lazily)."""
    page.wait_for_function(IDLE, timeout=60_000)
    page.wait_for_function(DRAWN, timeout=60_000)
    if like is not None:
        components = len(like["maps"]) + len(like["lines"]) + len(like["tables"])
        page.wait_for_function(COUNTS, arg=[len(like["figures"]), components], timeout=60_000)
        page.wait_for_function(DRAWN, timeout=60_000)
        page.wait_for_function(TEXTS, arg=len(like["text"]), timeout=30_000)  # lazily loaded widgets too
    page.wait_for_function("() => [...document.querySelectorAll('.bal-static')]"
                           ".every((t) => t.querySelector('tbody tr'))", timeout=20_000)  # static tables drawn
    page.evaluate("() => document.querySelectorAll('[data-testid=\"stMain\"], "
                  "[data-testid=\"stAppScrollToBottomContainer\"]').forEach((e) => e.scrollTo(0, 0))")
    last, same = None, 0
    for _ in range(40):
        snap = page.evaluate(SNAPSHOT)
        same = same + 1 if snap == last else 0
        if same == 2:
            return snap
        last = snap
        page.wait_for_timeout(400)
    raise AssertionError("the page did not settle")


def _columns(table: dict, names: list[str]) -> list[list[str]]:
    idx = [table["head"].index(n) for n in names]
    return [[row[i] if i < len(row) else None for i in idx] for row in table["rows"]]


def _same_tables(a: list[dict], b: list[dict]) -> str:
    """The grids draw only the columns in view (their accessible table follows), so two grids are
    compared on the columns both drew; they must share the first (the row labels) and have rows."""
    if len(a) != len(b):
        return f"tables: {len(a)} != {len(b)}"
    for i, (x, y) in enumerate(zip(a, b)):
        common = [h for h in x["head"] if h in y["head"]]
        if not common or common[0] != x["head"][0] or not x["rows"]:
            return f"tables[{i}]: columns {x['head']} / {y['head']}, {len(x['rows'])} rows"
        if _columns(x, common) != _columns(y, common):
            return f"tables[{i}] ({common}): {_columns(x, common)[:3]} != {_columns(y, common)[:3]}"
    return ""


def _diff(a: dict, b: dict) -> str:
    for part in a:
        if part == "tables":
            problem = _same_tables(a[part], b[part])
            if problem:
                return problem
            continue
        if a[part] != b[part]:
            for i, (x, y) in enumerate(zip(a[part], b[part])):
                if x != y:
                    shown = [json.dumps(v, ensure_ascii=False)[:400] for v in (x, y)]
                    return f"{part}[{i}]: {shown[0]} != {shown[1]}"
            return f"{part}: {len(a[part])} != {len(b[part])} items"
    return ""


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_link_reopens_the_same_view(server, browser, name):
    path, steps = SCENARIOS[name]
    first = browser.new_context(viewport=VIEWPORT)
    page = first.new_page()
    page.goto(server + path)
    default = _ready(page)
    for act, what in steps(page):
        _changes_url(page, act, what)
    changed = _ready(page)
    link = _href(page)
    no_exception(page)
    assert changed != default, "the controls changed nothing shown"
    first.close()

    fresh = browser.new_context(viewport=VIEWPORT)
    again = fresh.new_page()
    again.goto(link)
    reopened = _ready(again, like=changed)
    no_exception(again)
    assert not again.locator('[role="dialog"]').count(), again.locator('[role="dialog"]').all_inner_texts()
    assert again.locator(".bal-share-btn").is_visible()  # the copy-link control is on every page
    assert _href(again) == link  # the address stays the link (nothing dropped, nothing added)
    problem = _diff(changed, reopened)
    if problem:
        again.screenshot(path=str(SHOTS / f"roundtrip-{name}.png"), full_page=True)
    assert not problem, f"{link}: {problem}"
    fresh.close()


def _open(context, url: str):
    page = context.new_page()
    page.goto(url)
    page.wait_for_function(IDLE, timeout=60_000)
    return page


def test_a_year_carried_to_another_page_is_in_its_link(server, browser):
    """A year chosen on 종합 격차지수 carries to 지방소멸 (the map's timeline there): the address says so,
    and the link opens that year."""
    first = browser.new_context(viewport=VIEWPORT)
    page = _open(first, f"{server}/composite?level=sido&year=2022")
    page.locator('[data-testid="stSidebarNav"] a', has_text=_ko("page_risk")).click()
    page.wait_for_function("() => location.pathname.endsWith('/risk')", timeout=30_000)
    shown = _ready(page)
    link = _href(page)
    first.close()
    assert shown["maps"][0]["year"] == "2022년", shown["maps"][0]["year"]
    assert "year=2022" in link, link
    fresh = browser.new_context(viewport=VIEWPORT)
    again = _open(fresh, link)
    assert not _diff(shown, _ready(again, like=shown)), link
    fresh.close()


def test_copy_link_copies_the_address(server, browser):
    """The button copies location.href (every view parameter) and says so; it is a real button:
    focused and pressed with the keyboard."""
    context = browser.new_context(viewport=VIEWPORT, permissions=["clipboard-read", "clipboard-write"])
    page = _open(context, f"{server}/disparity?common=true&theil=l&lang=en")
    button = page.locator(".bal-share-btn")
    assert button.inner_text().strip() == t("share_copy", "en")
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_text(t("share_copied", "en"), timeout=2_000)  # says so (for 2.5 s)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == _href(page)
    query = set(copied.split("?", 1)[1].split("&"))
    assert {"common=true", "theil=l", "lang=en"} <= query
    assert not any(q.startswith("page=") for q in query), copied  # the path names the page
    expect(button).to_have_text(t("share_copy", "en"), timeout=5_000)  # then back
    context.close()


def test_default_page_path_opens_cleanly(server, browser):
    """`/overview` (the default page's name) opens the overview at `/` with the same query, without
    Streamlit's "Page not found" note."""
    context = browser.new_context(viewport=VIEWPORT)
    page = _open(context, f"{server}/overview?lang=en")
    page.wait_for_function("() => location.pathname === '/'", timeout=30_000)
    page.wait_for_function(IDLE, timeout=60_000)  # the run has ended: a "Page not found" note would be up
    assert page.locator("h1").first.inner_text() == t("overview_title", "en")
    assert not page.locator('[role="dialog"]').count(), page.locator('[role="dialog"]').all_inner_texts()
    assert _href(page) == f"{server}/?lang=en"
    context.close()


def test_old_page_links_open_their_page_and_drop_the_key(server, browser):
    """Links written before the path named the page (`/?page=trends&…`, `/disparity?page=disparity&…`)
    still open that page with the rest of their view, and the address then carries only the view: the
    path and the keys that change what is shown, no `?page=`."""
    context = browser.new_context(viewport=VIEWPORT)
    for old, path, title, kept in (
            (f"{server}/?page=trends&lang=en&events=false", "/trends", t("trends_title", "en"),
             {"lang=en", "events=false"}),
            (f"{server}/disparity?page=disparity&theil=l", "/disparity", t("disp_title", "ko"), {"theil=l"})):
        page = _open(context, old)
        page.wait_for_function(f"() => location.pathname === '{path}' && !location.search.includes('page=')",
                               timeout=60_000)
        page.wait_for_function(IDLE, timeout=60_000)
        assert page.locator("h1").first.inner_text() == title, old
        href = _href(page)
        assert kept <= set(href.split("?", 1)[1].split("&")), href
        page.close()
    context.close()
