"""`indicators.views.month_end` on small hand-made month-end tables (pure, no build): the level at which a
month end is whole (a union standing in for its parts), the default month end, a union's parts on the map,
each region's latest figures and which of them are newer than the year series."""
from __future__ import annotations

import pandas as pd
import pytest

from geo import regions
from indicators.views import month_end as mv

IDX = mv.RISK_INDEX
NEW = "2026-07"


def table(rows: list[tuple[str, str, str, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["region_code", "period", "indicator", "value"])


def every(level: str, period: str, value: float = 0.6, skip: tuple[str, ...] = ()) -> list[tuple]:
    return [(c, period, IDX, value) for c in regions.codes(level, NEW) if c not in skip]


def test_periods_are_yyyy_mm():
    assert mv.is_period("2025-06") and not mv.is_period("2025") and not mv.is_period("2025-13")
    assert not mv.is_period("2025-6") and not mv.is_period(202506)


def test_scope_counts_a_union_for_its_parts_and_falls_back_to_sido_then_excerpt():
    seohae_geomdan = ("28275", "28290")  # 28U02 in a file of the old codes
    whole = table(every("sigungu", "2025-06", skip=seohae_geomdan) + [("28U02", "2025-06", IDX, 0.9)])
    assert mv.scope(whole, "2025-06", NEW) == "sigungu"
    one_short = table(every("sigungu", "2025-06", skip=seohae_geomdan))
    assert mv.scope(one_short, "2025-06", NEW) == "excerpt"
    provinces = table(every("sido", "2026-06"))
    assert mv.scope(provinces, "2026-06", NEW) == "sido"
    assert mv.scope(table([("12", NEW, IDX, 0.39), ("28155", NEW, IDX, 1.23)]), NEW, NEW) == "excerpt"


def test_the_section_opens_on_the_latest_month_end_whole_at_sigungu():
    opts = pd.DataFrame({"period": ["2025-06", "2026-06", "2026-07"], "scope": ["sigungu", "sido", "excerpt"],
                         "regions": [245, 16, 6]})
    assert mv.latest_per_level(opts) == {"sigungu": "2025-06", "sido": "2026-06", "excerpt": "2026-07"}
    assert mv.default_period(opts) == "2025-06"
    assert mv.default_period(opts[opts["scope"] != "sigungu"]) == "2026-06"
    assert mv.default_period(opts.iloc[:0]) is None


def test_a_unions_parts_show_its_figure_on_the_map_and_stay_missing_in_the_table():
    me = table(every("sigungu", "2025-06", skip=("28275", "28290")) + [("28U02", "2025-06", IDX, 0.4)])
    listed = mv.regions_at(me, "2025-06", "sigungu", NEW).set_index("region_code")
    assert listed.loc[["28275", "28290"], "index"].isna().all()  # missing is shown as missing
    assert listed.at["28U02", "index"] == 0.4 and listed.at["28U02", "class"] == 1
    assert listed.at["28U02", "at_risk"] == True  # noqa: E712 (a nullable flag)
    drawn = mv.on_areas(listed.reset_index(), NEW).set_index("region_code")
    assert "28U02" not in drawn.index and len(drawn) == len(regions.codes("sigungu", NEW))
    assert drawn.loc[["28275", "28290"], "index"].tolist() == [0.4, 0.4]
    assert drawn.loc[["28275", "28290"], "union"].tolist() == ["28U02", "28U02"]


def test_an_excerpt_lists_only_its_regions_provinces_first():
    me = table([("28155", NEW, IDX, 1.23), ("12", NEW, IDX, 0.39), ("00", NEW, IDX, 0.5)])
    listed = mv.regions_at(me, NEW, "excerpt", NEW)
    assert listed["region_code"].tolist() == ["12", "28155"]  # no nation in an excerpt's table
    assert listed["rank"].isna().all()  # levels mixed: no rank


@pytest.mark.parametrize(("year_end", "newer"), [(2025, True), (2026, False), (None, True)])
def test_a_month_end_is_newer_only_after_the_year_end(year_end, newer):
    me = table([("12", "2025-06", "reg_population_persons", 1.0), ("12", NEW, "reg_population_persons", 2.0),
                ("11", NEW, "reg_population_persons", 9.0)])
    latest = mv.latest_per_region(me, "12")
    assert latest[["period", "value"]].values.tolist() == [[NEW, 2.0]]
    ends = {} if year_end is None else {"reg_population_persons": year_end}
    assert len(mv.newer_than_year_end(latest, ends)) == int(newer)
    june = mv.latest_per_region(me[me["period"] == "2025-06"], "12")
    assert mv.newer_than_year_end(june, {"reg_population_persons": 2025}).empty  # June 2025 is before Dec 2025
