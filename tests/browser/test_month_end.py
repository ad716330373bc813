"""지방소멸's '최신 월말 기준' in Chromium: its map is one month end labelled with its date (no timeline),
and the first click on the section — 2026년 7월 말 — shows the excerpt's regions, writes ?month= and takes
the month-end map away (an excerpt is a table), leaving the page's year map alone. The excerpt's row
count is read from the raw file (helpers.raw). Screenshot: tests/screenshots/month_end_excerpt.png."""
from __future__ import annotations

from helpers.browser import SHOTS, idle, no_exception, steady
from helpers.raw import month_end_july_2026

# per map component (inside shadow roots): its title, the period label beside the buttons, whether its
# timeline is shown, and whether its geometry is drawn
MAPS = """() => { const out = [];
  const walk = (root) => root.querySelectorAll('*').forEach((e) => {
    if (e.shadowRoot) walk(e.shadowRoot);
    if (e.classList && e.classList.contains('bal-map')) out.push({
      title: (e.querySelector('.bal-title') || {}).textContent || '',
      period: (e.querySelector('.bal-year') || {}).textContent || '',
      timeline: !!e.querySelector('input[type=range]:not([hidden])'), ready: e.getAttribute('data-ready') === '1'});
  });
  walk(document); return out; }"""


def test_first_click_on_the_month_end_section_opens_the_excerpt(server, browser, raw_dir):
    regions_in_excerpt = len(month_end_july_2026(raw_dir))
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(f"{server}/risk")
    idle(page)
    page.wait_for_function(f"() => ({MAPS})().filter((m) => m.ready).length === 2", timeout=60_000)
    year_map, month_map = page.evaluate(MAPS)
    assert year_map["timeline"] and not month_map["timeline"]
    assert month_map["period"] == "2025년 6월 말" and "2025년 6월 말" in month_map["title"]

    option = page.locator('[data-testid="stButtonGroup"] button', has_text="2026년 7월 말 — 발췌").first
    option.scroll_into_view_if_needed()
    option.click()
    page.wait_for_function("() => location.search.includes('month=2026-07')", timeout=30_000)
    idle(page)
    caption = page.get_by_text(f"{regions_in_excerpt}개 지역 · 2026년 7월 말")
    caption.wait_for(timeout=30_000)
    page.get_by_text("발췌 자료").wait_for(timeout=10_000)
    maps = steady(page, MAPS)
    no_exception(page)
    page.screenshot(path=str(SHOTS / "month_end_excerpt.png"))
    context.close()
    assert [m["period"] for m in maps] == [year_map["period"]]  # the year map alone, at its year
