"""Old shared links keep working: an indicator id or basis token renamed to the id grammar
(`[{basis}_]{measure}_{unit}`, DESIGN.md) opens what it was renamed to, with no warning, and the URL
then holds the current value; an id that never existed still falls back to the default with a note.

The former → current pairs are written out here from the `formerly:` lines of the registry's YAML
(indicators/sources/*.yaml, derived.yaml), not read through the code under test.
"""
from __future__ import annotations

import pytest

from helpers.apptest import run
from indicators import derive, store
from ui.i18n import t

FORMER_LINKS = [  # (page, parameter, former value, current value, key of its widget)
    ("map", "indicator", "extinction_risk_index_res", "res_extinction_risk_index", "w_map_indicator"),
    ("trends", "indicator", "res_total_persons", "res_population_persons", "w_trends_indicator"),
    ("trends", "indicator", "births_count", "reg_births_persons", "w_trends_indicator"),
]


def warnings(at) -> str:
    return " ".join(w.value for w in at.warning)


@pytest.mark.parametrize(("page", "name", "former", "current", "key"), FORMER_LINKS,
                         ids=[f"{p}-{f}" for p, _, f, _, _ in FORMER_LINKS])
def test_former_indicator_id_opens_the_renamed_indicator(page, name, former, current, key):
    at = run({"page": page, name: former}, label=f"former id {page}")
    assert at.selectbox(key=key).value == current
    assert f"`{name}=" not in warnings(at), warnings(at)[:300]
    assert at.query_params.get(name) in (current, [current])


def test_former_id_of_the_default_indicator_opens_it():
    """reg_pop_total_persons is now reg_population_persons, the 추이 page's default: shown, no note,
    and the parameter is left out of the URL (as for any default)."""
    at = run({"page": "trends", "indicator": "reg_pop_total_persons"})
    assert at.selectbox(key="w_trends_indicator").value == "reg_population_persons"
    assert "`indicator=" not in warnings(at)
    assert at.query_params.get("indicator") in (None, [], "")


def test_former_basis_token_opens_the_2010_census_basis():
    """?basis=cen (before the id grammar) → cen2010 on the 지방소멸 page."""
    at = run({"page": "risk", "basis": "cen"})
    assert at.segmented_control(key="w_risk_basis").value == "cen2010"
    assert "`basis=" not in warnings(at), warnings(at)[:300]
    assert at.query_params.get("basis") in ("cen2010", ["cen2010"])


def test_unknown_indicator_id_still_warns():
    at = run({"page": "map", "indicator": "extinction_risk_index_zz"})
    assert at.selectbox(key="w_map_indicator").value == "reg_extinction_risk_index"  # the page's default
    assert "`indicator=" in warnings(at)
    assert any(el.value.startswith("indicator = extinction_risk_index_zz") for el in at.text)
    assert at.query_params.get("indicator") in (None, [], "")


def test_unknown_basis_still_warns():
    at = run({"page": "risk", "basis": "cen1990"})
    obs = store.observations()  # the page default: the basis whose index has the latest year
    latest = {b: obs.loc[obs["indicator"] == derive.RISK_INDEX[b], "year"].max() for b in derive.BASES}
    assert at.segmented_control(key="w_risk_basis").value == max(latest, key=latest.get)
    assert "`basis=" in warnings(at)
    assert at.title[0].value == t("risk_title", "ko")
