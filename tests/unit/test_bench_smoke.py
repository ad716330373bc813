"""The benchmark's pure helpers on tiny inputs: percentiles, budgets, table, JSON shape, SVG path
areas, WebSocket traffic sorting, session views, the section list and the runner's guard. No timings
are asserted and nothing is started (the benchmark itself: `python -m bench`)."""
from __future__ import annotations

import json

import pytest

from bench import budgets, changes, document, stats, table
from bench.figures import Figure, error_figure


def test_percentile_interpolates_like_numpy_linear():
    xs = [10, 20, 30, 40]
    assert stats.percentile(xs, 0) == 10
    assert stats.percentile(xs, 100) == 40
    assert stats.percentile(xs, 50) == 25
    assert stats.percentile(xs, 95) == pytest.approx(38.5)
    assert stats.percentile([7], 95) == 7
    assert stats.percentile([], 50) is None
    assert stats.percentile([3, float("nan"), 1], 50) == 2
    with pytest.raises(ValueError):
        stats.percentile(xs, 101)


def test_summarize_and_scaled():
    s = stats.summarize([0.3, 0.1, 0.2])
    assert s["n"] == 3 and s["median"] == pytest.approx(0.2) and s["min"] == 0.1 and s["max"] == 0.3
    assert stats.scaled(s, 1000)["median"] == pytest.approx(200.0)
    assert stats.summarize([]) == {"n": 0, "median": None, "p95": None, "min": None, "max": None, "mean": None}


def test_budgets_pass_fail_error():
    assert budgets.check_budget(150.0, 150.0) == "PASS"
    assert budgets.check_budget(150.1, 150.0) == "FAIL"
    assert budgets.check_budget(None, 150.0) == "ERROR"
    assert budgets.check_budget(5.0, None) == ""
    # the budgets of issue 12 come with the key
    assert Figure("payload", "geometry.sigungu", "g", 157.4, "KB").status == "PASS"
    assert Figure("payload", "geometry.sido", "g", 60.1, "KB").status == "FAIL"
    assert Figure("paint", "paint.map", "p", 1501.0, "ms").status == "FAIL"
    assert Figure("paint", "paint.ratio", "r", 1.8, "x").status == "PASS"
    assert Figure("mapbrowser", "year.resent", "y", 1.0, "bytes").status == "FAIL"
    assert Figure("mapbrowser", "year.total", "y", 1024.0, "bytes").status == "PASS"
    assert Figure("proxy", "proxy.20.p95", "p", 999.0, "ms").budget == 1000.0
    assert budgets.budget_of("page.warm") == 100.0 and budgets.budget_of("page.cold") == 2000.0
    assert Figure("build", "build.all", "b", 4.0, "s").status == ""


def test_format_value_units():
    assert table.format_value(None, "ms") == "—"
    assert table.format_value(12.34, "ms") == "12.3 ms"
    assert table.format_value(1234.0, "ms") == "1,234 ms"
    assert table.format_value(4.2, "s") == "4.20 s"
    assert table.format_value(2048, "bytes") == "2.0 KB"
    assert table.format_value(3 * 1024 * 1024, "bytes") == "3.00 MB"
    assert table.format_value(31.55, "x") == "31.6×"
    assert table.format_budget(300.0, "KB") == "≤ 300.0 KB"
    assert table.format_value(4.631, "%") == "4.63 %"


def test_table_aligns_wide_hangul_columns():
    figs = [Figure("proxy", "proxy.20.p95", "20 sessions 시도", 120.0, "ms"),
            Figure("proxy", "proxy.20.p50", "20 sessions 시군구", 180.0, "ms", detail="n=3", budget=150.0),
            Figure("payload", "naive.sido", "naive sido", 11_000_000, "bytes")]
    text = table.format_table(figs, title="t")
    lines = text.splitlines()
    assert lines[0] == "t"
    assert "PASS" in lines[3] and "FAIL" in lines[4] and lines[4].endswith("n=3")
    # the value column ends at the same display column on every row (Hangul = 2 columns)
    ends = {table.display_width(line[: line.index(" ms") + 3]) for line in lines[3:5]}
    assert len(ends) == 1
    assert lines[4].startswith(" ")  # the section is written once per group
    assert table.display_width("시군구") == 6


def test_result_document_shape_and_validation():
    figs = [Figure("build", "build.all", "all", 4.0, "s"), Figure("payload", "geometry.sido", "g", 51.0, "KB"),
            error_figure("server", "server.start", "streamlit run", "boom")]
    doc = document.json_safe(document.result_document({"mode": "quick"}, figs, {"build": {"x": float("nan")}},
                                                  [{"section": "server", "error": "boom"}]))
    assert document.validate_document(doc) == []
    assert doc["summary"] == {"figures": 3, "pass": 1, "fail": 0, "error": 2}
    assert doc["sections"]["build"]["x"] is None
    assert json.loads(json.dumps(doc))["figures"][0]["key"] == "build.all"
    bad = dict(doc, schema="x", figures=[{"key": 1, "status": "MAYBE", "value": "fast"}])
    problems = document.validate_document(bad)
    assert any("schema" in p for p in problems)
    assert any("status" in p for p in problems)
    assert any("value is not a number" in p for p in problems)
    assert document.validate_document([]) == ["document is not an object"]


def test_svg_path_area_counts_holes_and_islands():
    from bench.svgarea import area_errors, path_area_km2

    square = "M0 0l10 0 0 10-10 0z"  # 10 × 10 cells
    hole = "M2 2l0 5 5 0 0-5z"  # 5 × 5 cells, the other way round
    island = "M20 20l2 0 0 2-2 0z"  # 2 × 2 cells, the same way round as the square
    assert path_area_km2(square, 50.0) == pytest.approx(100 * 2500 / 1e6)
    assert path_area_km2(square + hole + island, 50.0) == pytest.approx((100 - 25 + 4) * 2500 / 1e6)
    payload = {"quantum_m": 1000.0, "codes": ["a", "b"], "paths": [square, square]}
    assert area_errors(payload, {"a": 100.0, "b": 80.0, "c": 1.0}) == pytest.approx({"a": 0.0, "b": 25.0})


def test_traffic_sorts_frames_by_what_the_bytes_are_for():
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    from bench.traffic import tally

    session, ref, element, block, done = (ForwardMsg() for _ in range(5))
    session.new_session.page_script_hash = "h" * 64
    ref.ref_hash = "x" * 32
    element.delta.new_element.bidi_component.json = json.dumps({"codes": ["11"], "key": "k"})
    block.delta.add_block.allow_empty = True
    done.script_finished = ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY
    frames = [m.SerializeToString() for m in (session, ref, element, block, done)]
    t = tally(frames)
    assert t["total_bytes"] == sum(map(len, frames)) and t["frames"] == 5
    assert t["by_kind"]["new_session"]["bytes"] == len(frames[0])
    assert t["by_kind"]["ref_hash"] == {"bytes": len(frames[1]), "frames": 1}
    assert t["by_kind"]["element"]["bytes"] == len(frames[2])
    assert t["by_kind"]["block"]["frames"] == 1 and t["by_kind"]["other"]["frames"] == 1
    assert t["elements_resent"] == [f"bidi_component ({len(frames[2])} B)"]


def test_paint_figures_set_the_map_beside_the_empty_page():
    from bench.sections.paint import paint_figures

    figs = {f.key: f for f in paint_figures([1400.0, 1500.0, 1450.0], [900.0, 700.0, 800.0], {"paint_ms": 4000.0})}
    assert figs["paint.map"].value == 1450.0 and figs["paint.map"].status == "PASS"
    assert figs["paint.empty"].value == 800.0 and figs["paint.empty"].budget is None
    assert figs["paint.ratio"].value == pytest.approx(1.81) and figs["paint.ratio"].status == "FAIL"
    assert figs["paint.map.cold"].value == 4000.0 and figs["paint.map.cold"].budget is None
    assert {f.key: f for f in paint_figures([], [], None)}["paint.ratio"].status == "ERROR"


def test_change_sequence_never_repeats_the_previous_value():
    seq = changes.change_sequence([2015, 2016, 2017], 2017, 5)
    assert seq == [2015, 2016, 2017, 2015, 2016]
    assert all(a != b for a, b in zip([2017] + seq, seq))
    assert changes.change_sequence(["sido", "sigungu"], "sido", 3) == ["sigungu", "sido", "sigungu"]
    assert changes.change_sequence([2020], 2020, 3) == []
    assert changes.change_sequence([2015, 2016], 2016, 0) == []


def test_interactions_switch_level_and_indicator_by_turns():
    seq = changes.interactions(["a", "b", "c"], ("a", "sido"), 6)
    assert seq == [("a", "sigungu"), ("b", "sigungu"), ("b", "sido"), ("c", "sido"), ("c", "sigungu"),
                   ("a", "sigungu")]
    views = [("a", "sido")] + seq
    assert all((p[0] != q[0]) != (p[1] != q[1]) for p, q in zip(views, views[1:]))  # one thing at a time
    assert changes.interactions(["a"], ("a", "sido"), 3) == [("a", "sigungu"), ("a", "sido"), ("a", "sigungu")]


def test_query_with_replaces_and_removes_parameters():
    assert changes.query_with("page=map&year=2015", year=2016) == "page=map&year=2016"
    assert changes.query_with("page=map&level=sigungu", level=None, year=2020) == "page=map&year=2020"
    assert changes.query_with("", page="map") == "page=map"


def _conc(n: int, held: int, errors: list[str], lat: list[float]) -> dict:
    return {"clients": n, "changes_per_client": 2, "held": held, "error_count": len(errors), "errors": errors,
            "completed_changes": len(lat), "expected_changes": 2 * n,
            "latency_ms": stats.scaled(stats.summarize(lat), 1000), "open_ms": stats.summarize([0.5]),
            "wall_s": 2.0, "throughput_per_s": len(lat) / 2.0}


def test_session_figures_report_errors_and_percentiles_against_the_budgets():
    from bench.sections.proxy import session_figures

    figs = {f.key: f for f in session_figures("proxy", "nginx", _conc(20, 20, [], [0.1, 0.2, 0.3, 0.4]))}
    assert set(figs) == {"proxy.20.errors", "proxy.20.p50", "proxy.20.p95"}
    assert figs["proxy.20.errors"].value == 0 and figs["proxy.20.errors"].status == "PASS"
    assert figs["proxy.20.p50"].value == pytest.approx(250.0)
    assert figs["proxy.20.p95"].value == pytest.approx(385.0) and figs["proxy.20.p95"].status == "PASS"
    bad = {f.key: f for f in session_figures("proxy", "nginx", _conc(50, 49, ["3: closed"], [1.0]))}
    assert bad["proxy.50.errors"].status == "FAIL" and bad["proxy.50.errors"].detail == "3: closed"
    assert bad["proxy.50.p95"].budget is None  # 50 sessions: figures published, no latency budget
    base = {f.key: f for f in session_figures("single", "1 process", _conc(20, 20, [], [2.0]))}
    assert base["single.20.p95"].budget is None and base["single.20.errors"].budget == 0.0


def test_a_view_counts_only_when_the_map_shows_it():
    from bench.sessions import view_ok
    from bench.wsclient import RunResult

    areas = {"sido": 17, "sigungu": 229}
    res = RunResult(0.1, "ok", view={"key": "census_tfr|sigungu|value|ko|0", "areas": 229})
    assert view_ok(res, "census_tfr", "sigungu", areas) == (True, "")
    assert not view_ok(res, "census_tfr", "sido", areas)[0]
    assert not view_ok(res, "census", "sigungu", areas)[0]
    assert view_ok(RunResult(0.1, "closed"), "census_tfr", "sigungu", areas) == (False, "closed")
    assert view_ok(RunResult(0.1, "ok", exceptions=["KeyError: x"]), "a", "sido", areas)[1] == "exception: KeyError: x"
    short = RunResult(0.1, "ok", view={"key": "census_tfr|sigungu|value|ko|0", "areas": 200})
    assert "200 areas" in view_ok(short, "census_tfr", "sigungu", areas)[1]


def test_raw_dir_resolves_like_the_build(monkeypatch, tmp_path):
    from bench.sections import build as builds
    from indicators import config

    monkeypatch.delenv(config.RAW_DIR_ENV, raising=False)
    assert builds.resolve_raw_dir(None) == (config.ROOT / "data" / "raw", "data/raw")
    monkeypatch.setenv(config.RAW_DIR_ENV, str(tmp_path))
    assert builds.resolve_raw_dir(None) == (tmp_path, "$BALANCE_RAW_DIR")
    assert builds.resolve_raw_dir(str(tmp_path / "x")) == (tmp_path / "x", "--raw-dir")


def test_sections_run_in_table_order_with_time_guards_and_known_fixtures():
    from bench.fixtures import PROVIDERS
    from bench.runner import plan_for
    from bench.sections import SECTIONS

    names = [s.name for s in SECTIONS]
    assert names == ["build", "pages", "payload", "paint", "mapbrowser", "server", "pagepaint", "switch", "proxy"]
    for section in SECTIONS:
        assert set(section.time_s) == {"quick", "full"} and min(section.time_s.values()) > 0
        assert set(section.needs) <= set(PROVIDERS), section.name
    # the server is started after what it reads (data) and after the geometry is in place
    for section in SECTIONS:
        if "server" in section.needs:
            assert section.needs.index("server") > max(section.needs.index("data"), section.needs.index("geometry"))
    quick, full = plan_for(True), plan_for(False)
    assert quick.paint_contexts >= 3 and full.paint_contexts >= 5
    assert quick.changes == full.changes == 10  # issue 12: 20 and 50 sessions × 10 interactions


def _context(tmp_path, skip=()):
    from dataclasses import replace

    from bench.context import Context
    from bench.plan import QUICK

    plan = replace(QUICK, section_s={name: 5 for name in ("ok", "boom", "left_out", "live")})
    return Context(plan, tmp_path, frozenset(skip), None, "none found")


def test_page_option_keeps_only_the_pages_named_in_the_apps_order(tmp_path):
    from dataclasses import replace

    from bench.__main__ import parser
    from bench.fixtures import PROVIDERS

    args = parser().parse_args(["--quick", "--page", "data", "--page", "overview", "--page", "nope"])
    assert args.page == ["data", "overview", "nope"]
    ctx = replace(_context(tmp_path), only_pages=tuple(args.page))
    PROVIDERS["pages"](ctx)
    assert ctx.pages == ["overview", "data"]
    assert "nope" in ctx.errors[0]["error"]
    every = _context(tmp_path)
    PROVIDERS["pages"](every)
    assert len(every.pages) == 10 and every.pages[0] == "overview"


def test_runner_reports_a_failing_section_and_goes_on(tmp_path, monkeypatch):
    from bench import fixtures
    from bench.context import Section
    from bench.runner import run_sections

    def ok(ctx, deadline):
        ctx.figures.append(Figure("ok", "ok.value", "a value", 1.0, "s"))
        ctx.sections["ok"] = {"n": 1}

    def boom(ctx, deadline):
        raise RuntimeError("no luck")

    def no_server(ctx):
        ctx.unavailable.add("server")

    monkeypatch.setitem(fixtures.PROVIDERS, "server", no_server)
    ctx = _context(tmp_path, skip=("left_out",))
    run_sections(ctx, [Section("boom", boom, {"quick": 5}), Section("left_out", ok, {"quick": 5}),
                       Section("live", ok, {"quick": 5}, needs=("server",)), Section("ok", ok, {"quick": 5})])
    assert [f.key for f in ctx.figures] == ["boom.error", "ok.value"]
    assert ctx.figures[0].status == "ERROR" and ctx.figures[0].detail == "RuntimeError: no luck"
    assert ctx.errors[0]["section"] == "boom" and "no luck" in ctx.errors[0]["traceback"]
    assert ctx.sections["left_out"] == {"skipped": True}
    assert "live" not in ctx.sections  # its fixture is unavailable: not run
    assert ctx.sections["ok"]["n"] == 1 and ctx.sections["ok"]["section_s"] >= 0


def test_websocket_client_reads_a_run_from_forward_msgs():
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    from bench.wsclient import RunResult, StreamlitClient

    client, res = StreamlitClient("ws://127.0.0.1:1/_stcore/stream"), RunResult(0.0, "timeout")
    nav = ForwardMsg()
    page = nav.navigation.app_pages.add()
    page.url_pathname, page.page_script_hash = "map", "hash-of-map"
    view = ForwardMsg()
    view.delta.new_element.bidi_component.json = json.dumps(
        {"key": "census_tfr|sigungu|value|ko|0", "indicator": "census_tfr", "codes": ["11010", "11020"]})
    other = ForwardMsg()
    other.delta.new_element.bidi_component.json = json.dumps({"something": "else"})
    early, done = ForwardMsg(), ForwardMsg()
    early.script_finished = ForwardMsg.FINISHED_EARLY_FOR_RERUN
    done.script_finished = ForwardMsg.FINISHED_SUCCESSFULLY
    ends = [client._read(fm, len(fm.SerializeToString()), res) for fm in (nav, view, other, early, done)]
    assert ends == [False, False, False, False, True]
    assert client.pages == {"map": "hash-of-map"}
    assert res.status == "ok"
    assert res.view == {"key": "census_tfr|sigungu|value|ko|0", "indicator": "census_tfr", "areas": 2}
    assert res.view_bytes == len(view.SerializeToString())
