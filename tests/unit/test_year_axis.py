"""Year axes of the time-series charts: whole years only, about ten ticks, ending at the data."""
from __future__ import annotations

import numpy as np
import pytest

from ui.plots import year_axis


def _ticks(axis: dict) -> list[float]:
    lo, hi = axis["range"]
    return [t for t in np.arange(axis["tick0"], hi + 1e-9, axis["dtick"]) if t >= lo]


@pytest.mark.parametrize("years, expected", [
    ([2022, 2023, 2024], [2022, 2023, 2024]),           # a 3-year series: each year once (no 2023, 2023)
    ([2015, 2023], list(range(2015, 2024))),
    (list(range(1970, 2021)), list(range(1970, 2021, 5))),
])
def test_whole_years_once_each(years, expected):
    axis = year_axis(years)
    assert _ticks(axis) == expected
    assert axis["range"] == [min(years) - 0.5, max(years) + 0.5]  # ends at the data, not at an event in 2028


def test_no_data_no_settings():
    assert year_axis([]) == {}
