"""Presenter mode's year reveal (`ui.reveal.cut`) and the bars a presenter chart keeps (`ui.plots.extremes`),
on hand-made figures whose expected cut is written out here."""
from __future__ import annotations

import plotly.graph_objects as go

from ui.plots import extremes
from ui.reveal import cut

YEARS = [2000, 2001, 2002, 2003, 2004, 2005]


def _lines() -> go.Figure:
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=YEARS, y=[1, 2, 3, 4, 10, 6], name="a", text=list("abcdef"),
                             marker=dict(symbol=["circle"] * 5 + ["circle-open"], size=6)))
    fig.add_trace(go.Scatter(x=YEARS, y=[-2, 0, 1, 1, 1, 1], name="b"))
    fig.add_hline(y=-5)
    fig.add_vline(x=2001.2)
    fig.add_vline(x=2004.1)
    fig.add_annotation(x=2001.2, y=1, xref="x", yref="paper", text="early event")
    fig.add_annotation(x=2004.1, y=1, xref="x", yref="paper", text="late event")
    fig.add_annotation(x=0, y=0, xref="paper", yref="paper", text="source")
    fig.update_layout(title=dict(text="t", subtitle=dict(text="% · 2000–2005")))
    return fig


def test_cut_keeps_the_years_up_to_the_chosen_one_in_every_per_point_array():
    d = cut(_lines(), 2002)
    a, b = d["data"]
    assert a["x"] == [2000, 2001, 2002] and a["y"] == [1, 2, 3]
    assert a["text"] == ["a", "b", "c"]
    assert a["marker"]["symbol"] == ["circle"] * 3 and a["marker"]["size"] == 6
    assert b["x"] == [2000, 2001, 2002] and b["y"] == [-2, 0, 1]


def test_cut_holds_both_axes_at_the_full_series_so_nothing_jumps():
    d = cut(_lines(), 2001)
    assert d["layout"]["xaxis"]["range"] == [1999.5, 2005.5]
    lo, hi = d["layout"]["yaxis"]["range"]
    span = 10 - (-5)  # the later 10 and the reference line at -5 stay in view
    assert abs(lo - (-5 - 0.06 * span)) < 1e-9 and abs(hi - (10 + 0.06 * span)) < 1e-9


def test_cut_hides_the_events_not_yet_reached_and_notes_the_year():
    d = cut(_lines(), 2002, note="2002년까지 표시")
    texts = [a["text"] for a in d["layout"]["annotations"]]
    assert texts == ["early event", "source"]
    xs = [s.get("x0") for s in d["layout"]["shapes"] if s.get("xref") == "x"]
    assert xs == [2001.2]
    assert any(s.get("yref") == "y" and s.get("y0") == -5 for s in d["layout"]["shapes"])  # the hline stays
    assert d["layout"]["title"]["subtitle"]["text"] == "% · 2000–2005 · 2002년까지 표시"


def test_cut_leaves_the_shared_figure_untouched():
    fig = _lines()
    before = fig.to_dict()
    cut(fig, 2000, note="x")
    assert fig.to_dict() == before


def test_stacked_bars_keep_the_range_of_their_sums():
    fig = go.Figure([go.Bar(x=YEARS, y=[1, 1, 1, 1, 1, 5]), go.Bar(x=YEARS, y=[2, 2, 2, 2, 2, 4])])
    fig.update_layout(barmode="stack")
    d = cut(fig, 2003)
    lo, hi = d["layout"]["yaxis"]["range"]
    assert lo <= 0 and 9 <= hi < 9.6  # 5 + 4 in 2005, with 6 % padding
    assert [len(t["x"]) for t in d["data"]] == [4, 4]


def test_the_last_year_shows_everything():
    d = cut(_lines(), 2005)
    assert [len(t["x"]) for t in d["data"]] == [6, 6]
    assert len(d["layout"]["annotations"]) == 3


def test_extremes_keep_the_k_highest_and_lowest_in_order():
    values = [5, 1, 9, 3, 7, 2, 8]
    assert extremes(values, 2) == [1, 2, 5, 6]  # 1 and 2 the lowest, 9 and 8 the highest
    assert extremes(values, 4) == list(range(7))  # no more than 2k values: all
    assert extremes([], 3) == []
