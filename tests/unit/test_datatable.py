"""The table component's view (ui.datatable.spec): what the browser is sent for a hand-made frame — each
cell's text in its column's format, the values it sorts by, hidden and index columns, colours and row
names. Expected texts are written out here, not formatted by the code under test."""
from __future__ import annotations

import pandas as pd
import pytest
import streamlit as st

from ui import datatable

pytestmark = pytest.mark.unit


@pytest.fixture
def frame() -> pd.DataFrame:
    return pd.DataFrame({
        "region": ["경북 의성군", "서울 종로구", "부산 영도구"],
        "index": [0.0861, 1.2345, None],
        "people": pd.array([23077, 1200345, None], dtype="Int64"),
        "share": [0.5, 0.125, 0.0],
        "capital": [False, True, False],
        "trend": [[1.0, 2.0, None, 3.0], [], None],
        "code": ["47730", "11110", "26200"],
        "hidden": [1, 2, 3],
    })


def _config() -> dict:
    return {
        "region": st.column_config.TextColumn("지역", pinned=True, help="시군구"),
        "index": st.column_config.NumberColumn("지수", format="%.3f"),
        "people": st.column_config.NumberColumn("인구 (명)", format="localized"),
        "share": st.column_config.NumberColumn("비중", format="percent"),
        "capital": st.column_config.CheckboxColumn("수도권"),
        "trend": st.column_config.LineChartColumn("추이", width="small"),
        "code": st.column_config.TextColumn("코드", width=90),
        "hidden": None,
    }


def _col(view: dict, key: str) -> dict:
    return next(c for c in view["columns"] if c["key"] == key)


def test_cells_are_shown_in_their_columns_format_and_sorted_by_their_values(frame):
    view = datatable.spec(frame, key="t", column_config=_config(), height=300)
    assert [c["key"] for c in view["columns"]] == ["region", "index", "people", "share", "capital", "trend", "code"]
    assert view["n"] == 3 and view["height"] == 300 and view["ids"] is None
    index = _col(view, "index")
    assert index["t"] == ["0.086", "1.234", ""] and index["v"] == [0.0861, 1.2345, None]
    assert index["kind"] == "number" and index["align"] == "right"
    people = _col(view, "people")
    assert people["t"] == ["23,077", "1,200,345", ""] and people["v"] == [23077, 1200345, None]
    assert _col(view, "share")["t"] == ["50.00%", "12.50%", "0.00%"]
    capital = _col(view, "capital")
    assert capital["kind"] == "check" and capital["v"] == [False, True, False] and capital["t"] == ["", "✓", ""]
    trend = _col(view, "trend")
    assert trend["kind"] == "trend" and trend["v"] == [[1.0, 2.0, None, 3.0], [], []]
    region = _col(view, "region")
    assert region["v"] is None and region["t"] == ["경북 의성군", "서울 종로구", "부산 영도구"]  # text sorts by itself
    assert region["pinned"] and region["help"] == "시군구" and region["title"] == "지역"
    assert _col(view, "code")["width"] == 90 and _col(view, "trend")["width"] == 75


def test_order_index_colours_and_row_names(frame):
    order = ["code", "region"]
    view = datatable.spec(frame, key="t", column_order=order, row_key="hidden",
                          backgrounds={"region": [("#d7301f", "#ffffff"), None, None]})
    assert [c["key"] for c in view["columns"]] == order
    assert view["ids"] == ["1", "2", "3"]  # a column not shown can still name the rows
    assert _col(view, "region")["bg"] == [("#d7301f", "#ffffff"), None, None]
    assert view["height"] == datatable.DEFAULT_HEIGHT
    cross = pd.DataFrame({"가": [1, 2], "합계": [3, 4]}, index=pd.Index(["고위험", "합계"], name="등급"))
    view = datatable.spec(cross, key="x", index=True, sortable=False)
    assert [c["key"] for c in view["columns"]] == ["등급", "가", "합계"] and view["index"] == 1
    assert _col(view, "등급")["pinned"] and not view["sortable"]
    assert _col(view, "합계")["t"] == ["3", "4"]


def test_python_formats_and_a_long_text_wraps():
    frame = pd.DataFrame({"v": [1234567.891, float("nan")], "note": ["짧음", "가" * 41]})
    view = datatable.spec(frame, key="t", column_config={"v": st.column_config.NumberColumn("값", format="{:,.1f}")})
    assert _col(view, "v")["t"] == ["1,234,567.9", ""] and _col(view, "v")["v"] == [1234567.891, None]
    assert _col(view, "note")["wrap"] and not _col(view, "v")["wrap"]
