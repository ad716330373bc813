"""Tables (ui.datatable) in Chromium, on the path users take first: Korean, no URL parameters.

지방소멸's at-risk list: a click on '지수' sorts the rows by the index, the largest first (the cells' own
values, read here from the page as numbers), a second click the smallest first, a third back to the
list's own order; Enter on the focused title sorts as a click does; the header row stays in view while
the body scrolls; every row of the list is a 시군구 of the registry (geo/regions.csv and reform_2026.csv, read here).
"""
from __future__ import annotations

import csv

import pytest

from helpers import ROOT
from helpers.browser import no_exception

pytestmark = pytest.mark.browser

LIST = ".st-key-risk_list .bal-dt[data-ready='1']"
CELLS = """(root) => [...root.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')]
  .map((c) => c.textContent))"""


def _sigungu_codes() -> set[str]:
    """Every 시군구 code the registry declares: the end-2024 table and the 2026-07-01 reform's rows."""
    out = set()
    for name in ("regions.csv", "reform_2026.csv"):
        with open(ROOT / "geo" / name, encoding="utf-8") as fh:
            rows = csv.DictReader(line for line in fh if not line.startswith("#"))
            out |= {r["region_code"] for r in rows if r["level"] == "sigungu"}
    return out


def _column(rows: list[list[str]], head: list[str], title: str) -> list[str]:
    return [r[head.index(title)] for r in rows]


def test_a_click_on_a_title_sorts_the_at_risk_list(server, browser):
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{server}/risk")
    table = page.locator(LIST)
    table.wait_for(timeout=60_000)
    head = table.locator("thead th").all_text_contents()
    assert "지수" in head and "지역 코드" in head, head
    first = table.evaluate(CELLS)
    assert len(first) >= 50 and set(_column(first, head, "지역 코드")) <= _sigungu_codes()

    title = table.locator("thead th", has_text="지수").locator("button")
    title.click()
    values = [float(x) for x in _column(table.evaluate(CELLS), head, "지수")]
    assert values == sorted(values, reverse=True) and values[0] > values[-1]
    assert table.locator("thead th", has_text="지수").get_attribute("aria-sort") == "descending"
    title.click()
    values = [float(x) for x in _column(table.evaluate(CELLS), head, "지수")]
    assert values == sorted(values)
    title.click()
    assert table.evaluate(CELLS) == first  # the third click: the list's own order again

    region = table.locator("thead th", has_text="지역").first.locator("button")
    region.focus()
    page.keyboard.press("Enter")
    names = _column(table.evaluate(CELLS), head, "지역")
    assert table.locator("thead th").first.get_attribute("aria-sort") == "ascending"
    assert names != _column(first, head, "지역") and sorted(names) == sorted(_column(first, head, "지역"))

    # the header stays in view while the body scrolls inside the table's height
    top = table.locator("thead th").first.bounding_box()["y"]
    table.evaluate("(t) => { t.scrollTop = 400; }")
    page.wait_for_function("(t) => t.scrollTop > 0", arg=table.element_handle())
    assert abs(table.locator("thead th").first.bounding_box()["y"] - top) < 2
    no_exception(page)
    assert not errors, errors
    page.close()


FIGURE_THEN_REST = """() => new Promise((done) => {
  const ready = () => [...document.querySelectorAll('.st-key-risk_view *')]
    .some((n) => n.shadowRoot && n.shadowRoot.querySelector(".bal-map[data-ready='1']"));
  const tick = () => {
    if (!ready()) return requestAnimationFrame(tick);
    done({tables: document.querySelectorAll('.st-key-risk_list').length,
          whole: document.documentElement.dataset.balWhole});
  };
  tick();
})"""


def test_a_first_visit_draws_the_figure_first_then_the_rest(server, browser):
    """A session's first page runs down to its main figure (ui/chrome.py `figure_first`): when 지방소멸's
    map is drawn, the list below it is not there yet; the browser then says so and the page runs again,
    whole — the list, its table and the class counts below the map."""
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    page.goto(f"{server}/risk", wait_until="commit")
    at_figure = page.evaluate(FIGURE_THEN_REST)
    assert at_figure == {"tables": 0, "whole": "0"}, at_figure
    page.wait_for_function("document.documentElement.dataset.balWhole === '1'", timeout=30_000)
    page.locator(LIST).wait_for(timeout=30_000)
    assert page.locator(".st-key-risk_counts").count() == 1
    no_exception(page)
    page.close()
