"""The bars a presenter's bar chart keeps (`ui.plots.extremes`): the k highest and k lowest, in order."""
from __future__ import annotations

from ui.plots import extremes


def test_extremes_keep_the_k_highest_and_lowest_in_order():
    values = [5, 1, 9, 3, 7, 2, 8]
    assert extremes(values, 2) == [1, 2, 5, 6]  # 1 and 2 the lowest, 9 and 8 the highest
    assert extremes(values, 4) == list(range(7))  # no more than 2k values: all
    assert extremes([], 3) == []
