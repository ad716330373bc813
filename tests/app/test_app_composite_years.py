"""종합 격차지수 offers the years it can score, no others: from the first year by which every domain has had an input
measured (an input's value is its latest vintage up to the year, never a later one), derived here from the built
observations; the map of the first and of the last offered year scores areas. Before this, 1992–2014 (시도) and
2010–2022 (시군구) were offered and each drew a map with no area scored."""
from __future__ import annotations

import pytest

from geo import regions
from helpers.apptest import map_view, run
from indicators import composite as cx
from indicators import store


def _offered(level: str) -> list[int]:
    obs = store.observations().dropna(subset=["value"])
    obs = obs[regions.level_of(obs["region_code"]) == level]
    firsts, years = [], set()
    for d in cx.DOMAINS:
        seen = obs[obs["indicator"].isin(d.indicators.get(level, ()))]
        if len(seen):
            firsts.append(int(seen["year"].min()))
            years |= set(seen["year"].astype(int))
    return sorted(y for y in years if y >= max(firsts))


@pytest.mark.parametrize("level", ["sido", "sigungu"])
def test_the_year_control_offers_only_years_with_a_score(level):
    offered = _offered(level)
    at = run({"page": "composite", "level": level}, f"composite_years_{level}")
    sliders = [s for s in at.select_slider if s.label == "연도"]
    if len(offered) == 1:  # one year: said as text, no slider
        assert not sliders and any(f"**연도**: {offered[0]}" in m.value for m in at.markdown)
    else:
        assert list(sliders[0].options) == [str(y) for y in offered]
    # the notes say which years can be scored (consecutive here: a span, or the one year)
    assert offered == list(range(offered[0], offered[-1] + 1))
    span = str(offered[0]) if len(offered) == 1 else f"{offered[0]}–{offered[-1]}"
    assert any(f"점수를 낼 수 있는 해: {span} (" in c.value for c in at.caption), [c.value for c in at.caption]
    for year in {offered[0], offered[-1]}:
        view = map_view(run({"page": "composite", "level": level, "year": str(year)}, f"composite_{level}_{year}"),
                        "comp_view")
        fills = view["fill"][str(year)]
        assert any(fills), (level, year)  # areas scored
