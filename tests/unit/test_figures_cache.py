"""`ui.figures.cached`: a builder runs once per build and arguments; what one builder returned is keyed by
its serial number when passed to another (no content hashing), and a value freed is never confused
with a later one at the same address."""
from __future__ import annotations

import gc

import pandas as pd
import plotly.graph_objects as go
import pytest

from ui import figures


@pytest.fixture()
def calls(monkeypatch):
    """Builders counting their runs, on a fixed build id (no published build needed)."""
    monkeypatch.setattr(figures.app_data, "data_version", lambda: 1)
    figures._build.clear()
    seen: list[str] = []

    @figures.cached
    def table(n: int) -> pd.DataFrame:
        seen.append(f"table {n}")
        return pd.DataFrame({"x": range(n)})

    @figures.cached
    def total(frame: pd.DataFrame) -> int:
        seen.append("total")
        return int(frame["x"].sum())

    yield seen, table, total
    figures._build.clear()


def test_a_builder_runs_once_per_arguments(calls):
    seen, table, _ = calls
    assert table(3) is table(3)
    table(4)
    assert seen == ["table 3", "table 4"]


def test_a_shared_frame_is_keyed_by_its_serial_not_hashed(calls, monkeypatch):
    seen, table, total = calls
    shared = table(5)
    assert figures._arg_key(shared)[0] == "shared"
    hashed = []
    content_hash = pd.util.hash_pandas_object  # what Streamlit's hasher calls for a frame

    def counting(*args, **kwargs):
        hashed.append(1)
        return content_hash(*args, **kwargs)

    monkeypatch.setattr(pd.util, "hash_pandas_object", counting)
    assert total(shared) == 10 and total(shared) == 10
    assert seen.count("total") == 1 and hashed == []


def test_a_frame_made_by_the_page_is_keyed_by_its_content(calls):
    seen, _, total = calls
    assert total(pd.DataFrame({"x": [1, 2]})) == 3
    assert total(pd.DataFrame({"x": [1, 2]})) == 3  # an equal frame: same entry
    assert total(pd.DataFrame({"x": [1, 5]})) == 6  # different content: built again
    assert seen.count("total") == 2


def test_a_freed_shared_frame_leaves_no_serial_behind(calls):
    _, table, _ = calls
    frame = table(6)
    key = id(frame)
    assert key in figures._SERIALS
    figures._build.clear()  # the cache lets go of it
    del frame
    gc.collect()
    assert key not in figures._SERIALS


def test_a_cached_figure_is_sent_as_a_dict_made_once():
    fig = go.Figure(go.Bar(x=[1, 2], y=[3, 4]))
    sent = figures.prepared(fig)
    assert isinstance(sent, go.Figure) and figures.prepared(fig) is sent
    assert sent.to_dict() is sent.to_dict()  # no copy per run
    assert sent.to_dict()["data"][0]["type"] == "bar"


def test_a_figure_as_a_dict_is_sent_as_it_is():
    """A figure's dict (`scale_figure`'s output) is wrapped without a copy or a re-validation."""
    d = go.Figure(go.Scatter(x=[2020, 2021], y=[1, 2])).to_dict()
    sent = figures.prepared(d)
    assert isinstance(sent, go.Figure) and sent.to_dict() is d
