"""The map fast path sends exactly the figure the plain plotly path would, and the cached lookups
answer as the coverage table does (against the session's full build, like test_app_pages).

`ui.maps.indicator_map` / `risk_map` cache a geometry-free plain dict and hand st.plotly_chart a
`fastfig.SpecFigure`; `build_indicator_map` / `build_risk_map` are the uncached go.Figure builders.
Both are serialised the way st.plotly_chart does it and compared as text.
"""
from __future__ import annotations

import logging

import plotly.io
import plotly.tools
import pytest

from geo import regions


@pytest.fixture(scope="module", autouse=True)
def _quiet_streamlit():
    """st.cache_* outside a server logs 'No runtime found' on every call."""
    from streamlit import logger as st_logger

    st_logger.set_log_level("error")
    yield
    logging.getLogger("streamlit").setLevel(logging.WARNING)


def as_sent(fig) -> str:
    """What st.plotly_chart puts in the element (streamlit/elements/plotly_chart.py)."""
    return plotly.io.to_json(plotly.tools.return_figure_from_figure_or_data(fig, validate_figure=True),
                             validate=False)


def test_levels_and_years_match_coverage(coverage):
    import app_data

    cov = coverage[coverage["regions"] > 0]
    for ind in sorted(set(coverage["indicator"])) + ["no_such_indicator"]:
        have = set(cov.loc[cov["indicator"] == ind, "level"])
        assert app_data.levels_for(ind) == [lv for lv in ("sido", "sigungu") if lv in have]
        for level in (None, "sido", "sigungu", "nation"):
            m = cov["indicator"] == ind
            if level:
                m &= cov["level"] == level
            assert app_data.years_for(ind, level) == sorted(int(y) for y in cov.loc[m, "year"].unique())
    assert app_data.mappable_indicators() == [i for i in app_data.available_indicators() if app_data.levels_for(i)]


def test_region_names_match_registry_rows():
    for code in regions.table()["region_code"]:
        row = regions.require(code)
        for lang in ("ko", "en"):
            base = row["name_en"] if lang == "en" else (
                row["name_ko"] if row["level"] != "sido" else row["short_ko"])
            if row["level"] == "sigungu":
                parent = regions.require(row["parent_code"])
                base = f"{parent['short_ko'] if lang == 'ko' else parent['name_en']} {base}"
            assert regions.name(code, lang) == base
    with pytest.raises(regions.UnknownRegionError):
        regions.name("99999")


def test_indicator_map_fast_path_sends_the_same_figure():
    import app_data
    from ui import components as cp
    from ui import maps

    inds = [i for i in ("extinction_risk_index_reg", "census_tfr", "grdp_per_capita_krw_th")
            if i in app_data.mappable_indicators()] or app_data.mappable_indicators()[:2]
    n = 0
    for ind in inds:
        for level in app_data.levels_for(ind):
            year = app_data.years_for(ind, level)[-1]
            for scale in ("value", "relative"):
                for lang, presenter in (("ko", False), ("en", True)):
                    ctx = cp.Ctx("map", lang, presenter)
                    slow, slow_table = maps.build_indicator_map(ctx, ind, level, year, scale)
                    fast, fast_table = maps.indicator_map(ctx, ind, level, year, scale)
                    again, _ = maps.indicator_map(ctx, ind, level, year, scale)  # from the cache
                    assert as_sent(fast) == as_sent(slow) == as_sent(again), (ind, level, year, scale, lang)
                    assert fast_table.equals(slow_table)
                    n += 1
    assert n


def test_risk_map_fast_path_sends_the_same_figure():
    import app_data
    from ui import components as cp
    from ui import maps

    bases = app_data.risk_bases()
    assert bases, "no extinction-risk index in the full build"
    basis = bases[0]
    year = app_data.years_for(f"extinction_risk_index_{basis}", "sigungu")[-1]
    ctx = cp.Ctx("risk", "ko", False)
    slow, slow_frame = maps.build_risk_map(ctx, basis, year)
    fast, fast_frame = maps.risk_map(ctx, basis, year)
    assert as_sent(fast) == as_sent(slow)
    assert fast_frame.equals(slow_frame)
