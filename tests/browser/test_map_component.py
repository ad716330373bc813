"""The map component in Chromium (ui/mapview.py + ui/assets/mapview.js) on the session's full build.

Each check compares what the browser draws with the built table read here (`store.observations`),
not with what the component was sent: one path per region, the year's colours, the URL after a
year step or zoom reopening the same map, play reaching the last year, hover giving value and rank,
a click opening the profile
under its own URL, the SVG export carrying title, year, unit and source, and the geometry fetched
once for several views."""
from __future__ import annotations

import re

from geo import regions
from helpers.browser import SHOTS, idle, no_exception
from indicators import store

READY = ".bal-map[data-ready='1']"
IND = "reg_extinction_risk_index"


def _open(browser, url: str, on_page=None, **kw):
    page = browser.new_page(viewport={"width": 1440, "height": 900}, **kw)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    if on_page:
        on_page(page)
    page.goto(url)
    page.wait_for_selector(READY, timeout=60_000)
    return page, errors


def _quiet(page, frames: list, ms: int = 300) -> None:
    """Wait until no WebSocket frame has come in for `ms` (at most 15 s)."""
    for _ in range(15_000 // ms):
        seen = len(frames)
        page.wait_for_timeout(ms)
        if len(frames) == seen:
            return
    raise AssertionError("the WebSocket never went quiet")


def _fills(page) -> dict[str, str]:
    return page.evaluate("""() => { const out = {};
        const host = [...document.querySelectorAll('*')]
            .find(n => n.shadowRoot && n.shadowRoot.querySelector('.bal-map'));
        const root = host ? host.shadowRoot : document;
        root.querySelectorAll('.bal-areas path').forEach(p => { out[p.dataset.code] = p.getAttribute('fill'); });
        return out; }""")


SET = "2026-07"  # the map's default: the current boundary set (16 시도, 230 시군구)


def _built(level_len: int, year: int) -> dict[str, float]:
    """Each area of the default set with its built value that year; an area whose union stands in for it
    (제물포구, 영종구 in a year no file has them apart) with the union's."""
    obs = store.observations(boundary_set=SET)
    s = obs[(obs["indicator"] == IND) & (obs["year"] == year)]
    pattern = r"\d{2}" if level_len == 2 else r"\d{5}"
    out = dict(zip(s["region_code"], s["value"]))
    for union, parts in (regions.stand_ins(SET).items() if level_len == 5 else ()):
        for part in parts:
            out.setdefault(part, out.get(union, float("nan")))
    return {c: v for c, v in out.items() if re.fullmatch(pattern, c) and c != "00"}


def test_map_draws_every_region_with_the_years_values(server, browser):
    page, errors = _open(browser, f"{server}/map?level=sigungu&indicator={IND}")
    fills = _fills(page)
    assert len(fills) == 230
    built = _built(5, int(page.locator(".bal-year").inner_text()[:4]))
    have = {c for c, v in built.items() if v == v}
    assert {c for c, f in fills.items() if f.startswith("#")} == have  # coloured exactly where a value exists
    assert all(f == "url(#bal-hatch)" for c, f in fills.items() if c not in have)  # missing: hatched
    legend = page.locator(".bal-legend").inner_text()
    assert "e+" not in legend and "자료 없음" in legend
    no_exception(page)
    assert not errors, errors
    page.screenshot(path=str(SHOTS / "mapc_sigungu.png"))
    page.close()


def test_year_step_and_zoom_reach_the_url_and_reopen_the_same_map(server, browser):
    page, _ = _open(browser, f"{server}/map?indicator={IND}")
    last = page.locator(".bal-year").inner_text()
    page.locator(".bal-range").focus()
    page.keyboard.press("ArrowLeft")
    page.wait_for_url("**year=*", timeout=15_000)
    year = int(page.locator(".bal-year").inner_text()[:4])
    assert year == int(last[:4]) - 1 and f"year={year}" in page.url
    page.locator(".bal-zoom button[data-zoom='capital']").click()
    page.wait_for_url("**zoom=capital*", timeout=15_000)
    shown = _fills(page)
    view_box = page.locator(".bal-svg").get_attribute("viewBox")
    url = page.url
    page.close()
    again, _ = _open(browser, url)  # a new page: the link alone reopens the view
    assert again.locator(".bal-year").inner_text() == f"{year}년"
    assert _fills(again) == shown
    assert again.locator(".bal-svg").get_attribute("viewBox") == view_box
    assert again.locator(".bal-zoom button[data-zoom='capital']").get_attribute("aria-pressed") == "true"
    again.close()


def test_year_and_zoom_need_no_server_run_and_survive_one(server, browser):
    """On the map page the browser keeps the year and zoom: no WebSocket frame after a step or a zoom
    (no script run), and a server run started elsewhere (the scale) keeps both, in the URL and drawn."""
    frames: list[int] = []

    def listen(page):  # before the page opens its WebSocket (the event fires only for a new one)
        page.on("websocket", lambda ws: ws.on("framereceived", lambda d: frames.append(len(d))))

    page, _ = _open(browser, f"{server}/map?indicator={IND}", on_page=listen)
    idle(page)
    _quiet(page, frames)  # the first run's last messages are in
    frames.clear()
    page.locator(".bal-range").focus()
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    page.locator(".bal-zoom button[data-zoom='capital']").click()
    page.wait_for_function("() => location.search.includes('zoom=capital')", timeout=15_000)
    page.wait_for_timeout(1000)  # a script run, had one started, would have sent its first message by now
    assert frames == []  # nothing came back: no script run
    href = page.evaluate("location.href")
    year = int(page.locator(".bal-year").inner_text()[:4])
    assert f"year={year}" in href and "zoom=capital" in href
    page.get_by_text("전국=100 대비").first.click()  # the scale: a server run writes ?scale= to the URL
    page.wait_for_function("() => location.search.includes('scale=')", timeout=30_000)
    idle(page)
    page.wait_for_selector(READY, timeout=30_000)
    href = page.evaluate("location.href")
    assert f"year={year}" in href and "zoom=capital" in href
    assert page.locator(".bal-year").inner_text() == f"{year}년"
    assert page.locator(".bal-zoom button[data-zoom='capital']").get_attribute("aria-pressed") == "true"
    page.close()


def test_play_runs_to_the_last_year(server, browser):
    obs = store.observations()
    years = sorted(obs.loc[(obs["indicator"] == IND) & (obs["region_code"].str.len() == 2), "year"].unique())
    page, _ = _open(browser, f"{server}/map?indicator={IND}&year={years[-3]}")
    page.locator(".bal-play").click()
    page.wait_for_function("(y) => [...document.querySelectorAll('*')].some(n => n.shadowRoot && "
                           "n.shadowRoot.querySelector('.bal-year')?.textContent.startsWith(String(y)))",
                           arg=int(years[-1]), timeout=20_000)
    # the stop at the last year commits it: the default (latest) year leaves the URL
    page.wait_for_function("() => !location.search.includes('year=')", timeout=15_000)
    page.close()


def test_click_opens_the_profile_under_its_own_url(server, browser):
    page, _ = _open(browser, f"{server}/map?indicator={IND}&lang=en")
    page.locator(".bal-areas path[data-code='51']").click(force=True)  # 강원
    page.wait_for_url("**/region?*region=51*", timeout=30_000)
    assert "lang=en" in page.url
    page.locator("h1", has_text="Region profile").wait_for(timeout=30_000)
    no_exception(page)
    page.close()


def test_hover_shows_the_region_its_value_and_rank(server, browser):
    """Hovering 강원 at 시도 level: a tooltip with its name, the year's value as the built table has it
    (to the 2 decimals shown) and its rank among the 시도 with a value (1 = highest), 'k/n'."""
    import re

    page, _ = _open(browser, f"{server}/map?level=sido&indicator={IND}")
    year = int(page.locator(".bal-year").inner_text()[:4])
    # the 16 시도 of the current set: numeric codes (the built table's 2-character codes also hold 전국 '00' and
    # the groups)
    built = {c: v for c, v in _built(2, year).items() if v == v and c.isdigit() and c != "00"}
    assert len(built) == 16
    page.locator(".bal-areas path[data-code='51']").hover(force=True)
    tip = page.locator(".bal-tip")
    tip.wait_for(state="visible", timeout=10_000)
    text = tip.inner_text()
    rank = 1 + sum(v > built["51"] for v in built.values())
    assert text.startswith("강원"), text
    assert f"{built['51']:.2f}" in text, (text, built["51"])
    assert re.search(rf"\b{rank}/{len(built)}\b", text), (text, rank, len(built))
    page.mouse.move(1, 1)
    tip.wait_for(state="hidden", timeout=10_000)
    page.close()


def test_svg_export_carries_title_year_unit_and_source(server, browser):
    page, _ = _open(browser, f"{server}/map?indicator={IND}", accept_downloads=True)
    with page.expect_download(timeout=30_000) as info:
        page.locator(".bal-export button").nth(1).click()
    path = SHOTS / "mapc_export.svg"
    info.value.save_as(str(path))
    text = path.read_text(encoding="utf-8")
    year = page.locator(".bal-year").inner_text()
    assert info.value.suggested_filename == f"{IND}_sido_{year[:4]}.svg"
    assert "지방소멸위험지수" in text and year in text and "출처" in text and "배" in text
    assert text.count("<path") >= 17
    with page.expect_download(timeout=30_000) as png:
        page.locator(".bal-export button").nth(0).click()
    png.value.save_as(str(SHOTS / "mapc_export.png"))
    assert (SHOTS / "mapc_export.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    page.close()


def _paths(page) -> int:
    return len(_fills(page))


def test_csv_export_carries_every_year_and_region_as_displayed(server, browser):
    """The map's CSV (built in the browser from the view): Korean headers, one row per region and year,
    values equal to the built table's to the decimals shown (2 below 10, 1 from 10), a missing value an
    empty cell, ranks 1..n among the regions with a value. On the end-2024 set (one value per area; the
    current set's unions, shown on both their areas, are checked under AppTest)."""
    import csv
    import io

    page, _ = _open(browser, f"{server}/map?level=sigungu&indicator={IND}&set=2024", accept_downloads=True)
    with page.expect_download() as got:
        page.locator(".bal-csv").click()
    raw = open(got.value.path(), encoding="utf-8-sig").read()
    rows = list(csv.reader(io.StringIO(raw)))
    # titled as every CSV of the app (ui/csvs.py); each row names its indicator id and source
    assert rows[0] == ["지역코드", "지역", "연도", "지표", "값", "단위", "순위", "지표 ID", "출처"]
    assert {r[7] for r in rows[1:]} == {IND} and all("출처" not in r[8] and r[8] for r in rows[1:])
    obs = store.observations()
    built = obs[(obs["indicator"] == IND) & (obs["region_code"].str.len() == 5)]
    years = sorted(built["year"].unique())
    assert len(rows) - 1 == 229 * len(years)
    by_key = {(r[0], int(r[2])): r for r in rows[1:]}
    for code, year, value in zip(built["region_code"], built["year"], built["value"]):
        r = by_key[(code, int(year))]
        if value != value:
            assert r[4] == "" and r[6] == ""
        else:
            assert abs(float(r[4]) - value) <= (0.005 if value < 10 else 0.05) + 1e-9 and r[6] != ""
    latest = [r for r in rows[1:] if int(r[2]) == years[-1] and r[6]]
    assert sorted(int(r[6]) for r in latest) == list(range(1, len(latest) + 1))
    page.close()


def test_geometry_is_fetched_once_per_level(server, browser):
    """시도 → 시군구 → 시도 → 전국=100 in one page: each level's file is fetched once."""
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url) if "/static/geo/" in r.url else None)
    page.goto(f"{server}/map?indicator={IND}")
    page.wait_for_selector(READY, timeout=60_000)
    for label, n in (("시군구", 230), ("시도", 16)):
        page.locator('[data-testid="stButtonGroup"] button', has_text=label).first.click()
        page.wait_for_function(f"() => [...document.querySelectorAll('*')].some(x => x.shadowRoot && "
                               f"x.shadowRoot.querySelectorAll('.bal-areas path').length === {n})", timeout=30_000)
    page.locator('[data-testid="stButtonGroup"] button', has_text="전국=100").first.click()
    page.wait_for_url("**scale=relative*", timeout=30_000)
    page.wait_for_selector(READY, timeout=30_000)
    by_level = {lv: sum(u.rsplit("/", 1)[-1].split("-")[-2] == lv for u in fetched)  # '<set>-<level>-<hash>.json'
                for lv in ("sido", "sigungu")}
    assert by_level == {"sido": 1, "sigungu": 1}, fetched
    page.close()


def test_presenter_mode_has_a_keyboard_way_back_and_to_other_pages(server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    page.goto(f"{server}/map?presenter=1")
    page.wait_for_selector(READY, timeout=60_000)
    assert page.locator('[data-testid="stExpandSidebarButton"]').is_visible()  # » opens the pages
    for _ in range(40):  # the exit is reachable with Tab alone
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.tagName + ' ' + (document.activeElement.innerText || '')")
        if focused.startswith("BUTTON") and "발표 모드 끄기" in focused:
            break
    else:
        raise AssertionError("the exit button is not reachable with Tab")
    page.keyboard.press("Enter")
    page.wait_for_function("() => !location.search.includes('presenter')", timeout=15_000)
    page.get_by_role("button", name="발표 모드 끄기").wait_for(state="detached", timeout=15_000)
    page.close()
