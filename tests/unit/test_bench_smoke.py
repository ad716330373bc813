"""The benchmark's pure helpers on tiny inputs: percentiles, budgets, table, JSON shape, figure
reading, the section list and the runner's guard. No timings are asserted and nothing is started
(the benchmark itself: `python -m bench`)."""
from __future__ import annotations

import json

import pytest

from bench import budgets, changes, document, mapspec, stats, table
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
    # budgets of the brief come with the key
    assert Figure("payload", "geometry.sigungu", "g", 276.6, "KB").status == "PASS"
    assert Figure("payload", "geometry.sido", "g", 100.5, "KB").status == "FAIL"
    assert Figure("reruns", "rerun.year.sido", "y", 151.0, "ms").budget == 150.0
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


def test_table_aligns_wide_hangul_columns():
    figs = [Figure("reruns", "rerun.year.sido", "year change 시도", 120.0, "ms"),
            Figure("reruns", "rerun.year.sigungu", "year change 시군구", 180.0, "ms", detail="n=3"),
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
    figs = [Figure("build", "build.all", "all", 4.0, "s"), Figure("payload", "geometry.sido", "g", 79.0, "KB"),
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


def test_reading_years_and_regions_from_a_figure_spec():
    title = {"text": "<b>지방소멸위험지수</b>", "subtitle": {"text": "시도 · 2019년 · 단위: 배"}}
    spec = {"layout": {"title": title},
            "data": [{"type": "choropleth", "locations": ["11", "26"], "text": ["<b>서울</b><br>2019년"]},
                     {"type": "choropleth", "locations": ["41"]}, {"type": "scattergeo"}]}
    assert mapspec.shown_years(spec) == {2019}
    assert mapspec.shows_year(spec, 2019) and not mapspec.shows_year(spec, 2020)
    assert mapspec.choropleth_locations(spec) == 3
    no_title = {"layout": {}, "data": [{"type": "choropleth", "text": ["a · 2016년"]}]}
    assert mapspec.shown_years(no_title) == {2016}
    assert mapspec.years_in("12019 and 2023, 1899") == {2023}


def test_change_sequence_never_repeats_the_previous_value():
    seq = changes.change_sequence([2015, 2016, 2017], 2017, 5)
    assert seq == [2015, 2016, 2017, 2015, 2016]
    assert all(a != b for a, b in zip([2017] + seq, seq))
    assert changes.change_sequence(["sido", "sigungu"], "sido", 3) == ["sigungu", "sido", "sigungu"]
    assert changes.change_sequence([2020], 2020, 3) == []
    assert changes.change_sequence([2015, 2016], 2016, 0) == []


def test_query_with_replaces_and_removes_parameters():
    assert changes.query_with("page=map&year=2015", year=2016) == "page=map&year=2016"
    assert changes.query_with("page=map&level=sigungu", level=None, year=2020) == "page=map&year=2020"
    assert changes.query_with("", page="map") == "page=map"


def test_concurrent_runs_share_the_time_by_sessions():
    from bench.sections.concurrency import split_deadlines

    assert split_deadlines([20, 50], 100.0, 170.0) == pytest.approx([120.0, 170.0])
    assert split_deadlines([5], 0.0, 10.0) == [10.0]


def _conc(n: int, held: int, errors: list[str], lat: list[float]) -> dict:
    return {"clients": n, "changes_per_client": 2, "held": held, "error_count": len(errors), "errors": errors,
            "completed_changes": len(lat), "expected_changes": 2 * n,
            "latency_ms": stats.scaled(stats.summarize(lat), 1000), "open_ms": stats.summarize([0.5]),
            "wall_s": 2.0, "throughput_per_s": len(lat) / 2.0}


def test_concurrency_figures_report_held_sessions_errors_and_percentiles():
    from bench.sections.concurrency import concurrency_figures

    figs = {f.key: f for f in concurrency_figures(_conc(20, 20, [], [0.1, 0.2, 0.3, 0.4]))}
    assert set(figs) == {"conc.20.held", "conc.20.errors", "conc.20.p50", "conc.20.p95", "conc.20.throughput"}
    assert figs["conc.20.held"].value == 20 and figs["conc.20.held"].status == "PASS"
    assert figs["conc.20.errors"].value == 0 and figs["conc.20.errors"].status == "PASS"
    assert figs["conc.20.p50"].value == pytest.approx(250.0)
    assert figs["conc.20.p95"].value == pytest.approx(385.0)
    bad = {f.key: f for f in concurrency_figures(_conc(50, 49, ["3: closed"], [1.0]))}
    assert bad["conc.50.held"].status == "FAIL" and bad["conc.50.errors"].status == "FAIL"
    assert "50 sessions" in bad["conc.50.p95"].label and bad["conc.50.errors"].detail == "3: closed"


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
    assert names == ["build", "pages", "reruns", "payload", "server", "concurrency"]
    for section in SECTIONS:
        assert set(section.time_s) == {"quick", "full"} and min(section.time_s.values()) > 0
        assert set(section.needs) <= set(PROVIDERS), section.name
    # the server is started after what it reads (data) and what the paint waits for (geometry)
    server = SECTIONS[names.index("server")]
    assert server.needs.index("server") > max(server.needs.index("data"), server.needs.index("geometry"))
    quick, full = plan_for(True), plan_for(False)
    assert quick.section_s == {"build": 20, "pages": 15, "reruns": 15, "payload": 10, "server": 40,
                               "concurrency": 150}
    assert full.section_s["concurrency"] == 600 and full.changes == 10 and quick.changes == 3


def _context(tmp_path, skip=()):
    from dataclasses import replace

    from bench.context import Context
    from bench.plan import QUICK

    plan = replace(QUICK, section_s={name: 5 for name in ("ok", "boom", "left_out", "live")})
    return Context(plan, tmp_path, frozenset(skip), None, "none found")


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
    chart = ForwardMsg()
    chart.delta.new_element.plotly_chart.spec = json.dumps(
        {"layout": {"title": {"text": "2019년"}}, "data": [{"type": "choropleth", "locations": ["11", "26"]}]})
    slider = ForwardMsg()
    slider.delta.new_element.slider.options.extend(["2018", "2019"])
    early, done = ForwardMsg(), ForwardMsg()
    early.script_finished = ForwardMsg.FINISHED_EARLY_FOR_RERUN
    done.script_finished = ForwardMsg.FINISHED_SUCCESSFULLY
    ends = [client._read(fm, len(fm.SerializeToString()), res) for fm in (nav, chart, slider, early, done)]
    assert ends == [False, False, False, False, True]
    assert client.pages == {"map": "hash-of-map"}
    assert res.status == "ok" and res.years_offered == [2018, 2019]
    assert mapspec.shown_years(res.spec) == {2019} and res.chart_msg_bytes == len(chart.SerializeToString())
