"""Issue 9's pure pieces: event badges that never overlap, one decimals rule per table column, and a
region's whole series (years × indicators, gaps kept as gaps)."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from indicators import views
from indicators.schema import Indicator
from ui.format import decimals_for, fixed


def ind(unit: str) -> Indicator:
    return Indicator(id="x", name_ko="x", name_en="x", unit=unit, unit_ko=unit, source="s", category="c")


# ---------------------------------------------------------------- decimals

@pytest.mark.parametrize("values, unit, expected", [
    ([73.6, 74.04, 5.1], "%", 1),                 # percentages: one decimal
    ([9_261_703, 12.0], "persons", 0),            # head counts: whole
    ([23_894_954.0, 512.3], "million KRW", 0),    # the largest value decides: ≥ 1,000 → whole
    ([130.31, 4.2], "per 1000", 1),               # ≥ 10 → one
    ([0.09, 0.197, 1.28], "ratio", 2),            # the bivariate X column: 0.09, 0.20, 1.28
    ([0.004, float("nan")], "ratio", 4),
    ([float("nan")], "ratio", 2),                 # nothing to measure: the default
])
def test_one_decimals_rule_per_column(values, unit, expected):
    assert decimals_for(values, ind(unit)) == expected


def test_fixed_keeps_the_decimals_and_marks_missing():
    assert fixed(0.09, 2) == "0.09" and fixed(0.197, 2) == "0.20"
    assert fixed(23894954.4, 0) == "23,894,954"
    assert fixed(float("nan"), 1) == "–" and fixed(None, 1) == "–"


# ---------------------------------------------------------------- a region's whole series

def test_region_series_years_by_indicator_gaps_kept():
    rows = [("11", 2010, "a", 1.0), ("11", 2015, "a", 2.0), ("11", 2012, "b", 5.0), ("11", 2013, "b", float("nan")),
            ("26", 2014, "a", 9.0), ("11", 2011, "c", float("nan"))]
    obs = pd.DataFrame(rows, columns=["region_code", "year", "indicator", "value"])
    wide = views.region_series(obs, "11", order=["b", "a"])
    assert list(wide.columns) == ["b", "a"]  # 'c' has no value at all: no column
    assert list(wide.index) == [2015, 2013, 2012, 2011, 2010]  # newest first; 2014 is another region's
    assert wide.loc[2011].isna().all()  # a year the build has rows for but no value: shown, empty
    assert wide.loc[2015, "a"] == 2.0 and wide.loc[2012, "b"] == 5.0
    assert math.isnan(wide.loc[2012, "a"]) and math.isnan(wide.loc[2013, "b"])  # never filled
    assert views.region_series(obs, "27").empty


# ---------------------------------------------------------------- legend room on a phone

def test_legend_rows_follow_plotly_wrapping_on_a_phone():
    import plotly.graph_objects as go

    from ui.finishing import legend_rows

    def fig(*names):
        return go.Figure([go.Scatter(name=n) for n in names])

    assert legend_rows(fig("수도권", "비수도권")) == 2  # fits one row; two kept (a wider label wraps)
    # measured at 390 px: entries of 78–90 px in two columns of the widest → three rows for five entries
    assert legend_rows(fig("수도권", "비수도권", "전국", "부산", "대구")) == 3
    assert legend_rows(fig(*[f"지역{i}" for i in range(12)])) == 4  # 80 px entries: three columns
    assert legend_rows(fig(*[f"비교 지역 {i}" for i in range(12)])) == 5  # six rows needed: capped
