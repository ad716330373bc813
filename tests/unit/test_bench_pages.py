"""The pure parts of the bench's page measurements (issue 21, item 1) on tiny inputs: the figure table,
the switch sequence and visit order, the breakdown of a window of the page's clock, medians, the text
and the table lines with their budgets. Nothing is started and no timing is asserted."""
from __future__ import annotations

import pytest

from bench import breakdown as bd
from bench import budgets, targets


def test_every_page_has_one_figure_inside_its_own_box():
    from ui.state import PAGES

    assert [t.page for t in targets.TARGETS] == list(PAGES)
    assert [t.path for t in targets.TARGETS][:3] == ["/", "/map", "/trends"]
    for t in targets.TARGETS:
        assert bool(t.inner) != bool(t.shadow), t  # a visible element in the box, or a component's shadow root
        assert t.spec() == {"box": t.box, "inner": t.inner, "shadow": t.shadow}
    assert targets.BY_PAGE["map"].shadow == ".bal-map[data-ready='1']"
    assert targets.BY_PAGE["trends"].selector() == ".st-key-trend_chart ⟶ shadow root .bal-lc[data-ready='1']"
    assert "shadow root" in targets.BY_PAGE["risk"].selector()
    assert targets.targets_for(["data", "nope", "map"]) == [targets.BY_PAGE["data"], targets.BY_PAGE["map"]]


def test_switch_sequence_visits_every_page_once_a_round_and_never_stays():
    pages = ["a", "b", "c", "d"]
    seq = targets.switch_sequence(pages, "b", rounds=2)
    assert seq == ["c", "d", "a", "b"] * 2
    assert all(x != y for x, y in zip(["b"] + seq, seq))
    assert targets.switch_sequence(pages, "x") == []
    assert targets.switch_sequence(["a"], "a") == []
    assert targets.switch_sequence(pages, "a", rounds=0) == []


def test_visit_order_turns_the_pages_and_puts_the_empty_page_first_and_in_the_middle():
    from bench.sections.pagepaint import ratio, visit_order

    ts = list(targets.TARGETS[:4])
    first, second = visit_order(ts, 0), visit_order(ts, 1)
    assert first == [targets.EMPTY, ts[0], ts[1], targets.EMPTY, ts[2], ts[3]]
    assert second == [targets.EMPTY, ts[1], ts[2], targets.EMPTY, ts[3], ts[0]]
    assert visit_order([], 0) == [targets.EMPTY]
    assert ratio(1800.0, 1200.0) == 1.5 and ratio(None, 1.0) is None and ratio(1.0, 0.0) is None


def test_align_matches_frames_by_order_and_size_and_skips_a_missing_one():
    assert bd.align([5, 7, 9], [5, 7, 9]) == [(0, 0), (1, 1), (2, 2)]
    assert bd.align([5, 9], [5, 7, 9]) == [(0, 0), (1, 2)]  # the page missed none, the other list has more
    assert bd.align([5, 8, 9], [5, 9]) == [(0, 0), (2, 1)]  # 8 never seen: skipped
    assert bd.align([], [1]) == []


def _frames():
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    header, element, done = ForwardMsg(), ForwardMsg(), ForwardMsg()
    header.new_session.page_script_hash = "h" * 32
    element.delta.new_element.markdown.body = "x" * 500
    done.script_finished = ForwardMsg.FINISHED_SUCCESSFULLY
    return [m.SerializeToString() for m in (header, element, done)]


def _marks(paint=900.0, click=None):
    payloads = _frames()
    return {"paint": paint, "seen": paint - 10, "click": click, "ws_open": 400.0, "first_element": 600.0,
            "nav": {"response_end": 20.0, "dom_content_loaded": 300.0},
            "payloads": payloads, "arrived": [450.0, 460.0, 500.0],
            "frames": [[455.0, len(payloads[0])], [470.0, len(payloads[1])], [700.0, len(payloads[2])]],
            "sent": [[410.0, 40]],
            "resources": [["http://h/static/js/index.AbCdEf12.js", "script", 30.0, 200.0, 1000, 3000],
                          ["http://h/static/js/PlotlyChart.D9Z0_fxz.js", "script", 600.0, 800.0, 2000, 9000],
                          ["http://h/static/js/late.Qwerty99.js", "script", 950.0, 990.0, 5, 5],
                          ["http://h/static/css/index.css", "link", 40.0, 90.0, 50, 70]],
            "long_tasks": [[100.0, 80.0], [850.0, 100.0]],
            "loaf": [[100.0, 90.0, [["http://h/static/js/index.AbCdEf12.js", 105.0, 60.0]], 170.0, 175.0],
                     [820.0, 120.0, [["http://h/static/js/PlotlyChart.D9Z0_fxz.js", 830.0, 70.0],
                                     ["http://h/static/js/PlotlyChart.D9Z0_fxz.js", 1000.0, 30.0]], 0, 0]]}


def test_breakdown_of_a_first_paint_puts_each_phase_on_the_page_clock():
    b = bd.breakdown(_marks())
    sizes = [len(p) for p in _frames()]
    assert (b["figure"], b["html"], b["dcl"], b["ws_open"], b["first_element"]) == (900.0, 20.0, 300.0, 400.0, 600.0)
    assert (b["request"], b["run_start"], b["run_end"], b["run_end_taken"]) == (410.0, 450.0, 500.0, 700.0)
    assert b["ws_bytes"] == sum(sizes) and b["ws_frames"] == 3 and b["ws_bytes_to_paint"] == sum(sizes)
    assert b["elements"] == [["markdown", sizes[1]]]
    # JS started before the paint (the late file is not counted), its bytes and the largest
    assert (b["js_files"], b["js_encoded"], b["js_decoded"], b["js_fetched"]) == (2, 3000, 12000, 800.0)
    assert b["js_largest"] == ["PlotlyChart", 9000, 600.0, 800.0]
    assert b["long_tasks_ms"] == 80.0 + 50.0  # the second task clipped at the paint
    assert b["script_ms"] == {"PlotlyChart": 70.0, "index": 60.0}  # the script after the paint left out
    assert b["render_ms"] == 20.0  # 170 → 190 in the first long frame; the second has no rendering part


def test_breakdown_of_a_switch_starts_at_the_click():
    b = bd.breakdown(_marks(paint=1000.0, click=440.0), first_visit=False)
    assert b["figure"] == 560.0 and b["run_start"] == 10.0 and b["run_end"] == 60.0
    assert b["request"] is None  # nothing sent after the click in this made-up page
    assert "html" not in b and "ws_open" not in b
    assert b["js_files"] == 2 and b["js_largest"][0] == "PlotlyChart"  # index.js was fetched before the click
    assert b["long_tasks_ms"] == 100.0
    none_after = bd.breakdown(_marks(paint=1000.0, click=600.0), first_visit=False)
    assert none_after["run_start"] is None and none_after["ws_bytes"] == 0


def test_median_breakdown_and_its_line_of_text():
    runs = [dict(bd.breakdown(_marks()), figure=f) for f in (900.0, 1200.0, 1000.0)]
    runs[1]["script_ms"] = {"index": 90.0}
    m = bd.median_breakdown(runs)
    assert m["figure"] == 1000.0 and m["html"] == 20.0
    assert m["script_ms"] == {"PlotlyChart": 70.0, "index": 60.0}
    assert m["elements"] == runs[2]["elements"]  # the median run's
    assert "elements" not in bd.median_breakdown(runs, same_page=False)
    assert bd.median_breakdown([]) == {}
    text = bd.describe(m, server_ms=42.0)
    assert text.startswith("HTML 20 · WS open 400 · run 450→500 (taken 700) · 1st element 600 · figure 1,000 ms")
    assert "JS 11.7 KB in 2 (2.9 KB on the wire), fetched by 800 ·" in text  # a small largest file is not named
    assert "scripts: PlotlyChart 70, index 60" in text
    big = bd.describe(dict(m, js_largest=["PlotlyChart", 4_715_877, 1480.0, 2050.0]))
    assert "fetched by 800, PlotlyChart 4.5 MB 1,480→2,050 ·" in big
    assert text.endswith("style/layout/paint in long frames 20 ms · server run 42 ms")
    switch = bd.describe(bd.breakdown(_marks(paint=1000.0, click=400.0), first_visit=False))
    assert switch.startswith("request 10 · run 50→100 (taken 300) · figure 600 ms")


def test_script_names_drop_the_content_hash():
    assert bd._script_name("http://h/static/js/PlotlyChart.D9Z0_fxz.js?x=1") == "PlotlyChart"
    assert bd._script_name("http://h/static/js/react-dom.BZg-Jx19.js") == "react-dom"
    assert bd._script_name("http://h/component/mapview.js") == "mapview.js"


def test_issue_21_budgets_and_the_lines_that_carry_them():
    from bench.sections.pagepaint import page_figures
    from bench.sections.switch import largest_first, switch_figures

    assert budgets.budget_of("firstpaint.page") == 1500.0 and budgets.budget_of("firstpaint.ratio") == 1.5
    assert budgets.budget_of("switch.median") == budgets.budget_of("switch.presenter.median") == 500.0
    assert budgets.budget_of("trends.year.total") == 1024.0
    runs = [{"figure": v} for v in (1400.0, 1600.0, 1450.0)]
    paint, ratio = page_figures(targets.BY_PAGE["trends"], runs, 1000.0, None)
    assert (paint.key, paint.value, paint.status) == ("firstpaint.trends", 1450.0, "PASS")
    assert (ratio.key, ratio.value, ratio.status) == ("firstpaint.trends.ratio", 1.45, "PASS")
    assert page_figures(targets.BY_PAGE["map"], runs, 900.0, None)[1].status == "FAIL"  # 1.61×
    seq = {"errors": [], "switches": [{"page": "map", "figure": 300.0}, {"page": "data", "figure": 900.0},
                                      {"page": "trends", "figure": 450.0}, {"page": "risk", "error": "at /"}]}
    med, slowest, failed = switch_figures("switch.presenter", " (presenter)", seq)
    assert (med.value, med.status, slowest.value) == (450.0, "PASS", 900.0)
    assert slowest.detail.startswith("지도 300 · 자료·방법 900 · 추이 450 ms · slowest, 자료·방법")
    assert failed.status == "ERROR" and "risk: at /" in failed.detail
    base = switch_figures("switch.empty", "", {"errors": [], "switches": [{"page": "two", "figure": 99.0}]},
                          baseline=True)
    assert base[0].budget is None and base[0].status == ""
    assert switch_figures("switch", "", {"errors": ["boom"], "switches": []})[0].status == "ERROR"
    assert largest_first(["a (5 B)", "b (50 B)", "odd"]) == ["b (50 B)", "a (5 B)", "odd"]


def test_switch_rounds_are_told_apart():
    from bench.sections.switch import round_medians

    one = [{"page": p, "figure": f} for p, f in (("a", 100.0), ("b", 300.0), ("c", 200.0))]
    assert round_medians(one) == ""
    two = one + [{"page": p, "figure": f} for p, f in (("a", 50.0), ("b", 70.0), ("c", 60.0))]
    assert round_medians(two) == "rounds 200 / 60 ms · "
    assert round_medians(one + [{"page": "a", "error": "x"}]) == "rounds 200 / — ms · "


@pytest.mark.parametrize("name", ["pagepaint", "switch"])
def test_the_page_sections_need_the_live_server(name):
    from bench.sections import SECTIONS

    section = {s.name: s for s in SECTIONS}[name]
    assert "server" in section.needs and section.time_s["quick"] <= 180


def test_page_tables_for_results_md_lay_out_a_result_document():
    from bench.pagetable import markdown

    m = dict(bd.breakdown(_marks()), server_run_ms=42.0)
    doc = {"meta": {"started_utc": "2026-12-06T21:45:00+00:00", "mode": "quick", "loadavg_start": [0.5],
                    "loadavg_end": [1.5], "git": {"commit": "abc1234"}},
           "figures": [{"key": "firstpaint.empty", "value": 800.0}, {"key": "firstpaint.trends", "value": 900.0},
                       {"key": "firstpaint.trends.ratio", "value": 1.125}, {"key": "switch.median", "value": 300.0},
                       {"key": "switch.presenter.median", "value": 350.0},
                       {"key": "trends.year.total", "value": 2048.0, "status": "FAIL"}],
           "sections": {"pagepaint": {"medians": {"trends": m}, "empty_median": m},
                        "switch": {"switch": {"switches": [{"page": "map", "figure": 300.0, "ws_bytes": 2048},
                                                           {"page": "map", "figure": 500.0, "ws_bytes": 2048},
                                                           {"page": "map", "figure": 100.0, "ws_bytes": 2048},
                                                           {"page": "data", "error": "at /"}]},
                                   "switch.presenter": {"switches": [{"page": "map", "figure": 350.0}]}}}}
    text = markdown(doc)
    assert "load average 0.5 → 1.5, git abc1234" in text
    assert ("| 추이 `/trends` | line-chart component (trend_chart) | 900 | 1.1 | 20 | 400 | 600 | 450→500 | 42 | 1 KB |"
            in text)
    assert "| 지도 | 300 | 350 |" in text and "| **median** | **300** | **350** |" in text  # median of 3 rounds
    assert "자료·방법" not in text.split("Page switches")[1]  # a failed switch has no row
    assert "heaviest: **2,048 B** (FAIL" in text
    assert markdown({}).startswith("Run ? UTC")
