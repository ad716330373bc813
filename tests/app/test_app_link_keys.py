"""Every URL key a page reads, given a valid value other than its default, is taken (the widget shows
it, no note) and stays in the URL as given, so a copied link reopens that view; the default of each
key is left out of the URL. Values here are written by hand from the registry's option lists (ids,
codes, years with data in the build), not read back from the widgets under test."""
from __future__ import annotations

import pytest

from helpers.apptest import PAGE_PARAMS, TITLE_KEYS, assert_ok, new_app
from ui.i18n import t

# page → {key: a valid non-default value} (the keys of PAGE_PARAMS, checked complete below)
VALID: dict[str, dict[str, str]] = {
    "overview": {},
    "map": {"indicator": "census_population_persons", "level": "sigungu", "year": "2010", "scale": "relative",
            "zoom": "capital"},
    "trends": {"indicator": "grdp_nominal_krw_mn", "view": "groups", "measure": "level", "compare": "26,47",
               "events": "false"},
    "risk": {"basis": "reg", "year": "2020", "outline": "0", "search": "경북 군위", "desig": "decline",
             "zoom": "capital", "month": "2026-07"},
    "region": {"region": "47170", "with": "47,11"},
    "brief": {"region": "47730"},
    "disparity": {"level": "sigungu", "indicator": "census_grdp_per_capita_krw_th", "weighting": "equal",
                  "measures": "gini,theil_l", "theil": "l", "events": "false", "common": "true"},
    "composite": {"level": "sido", "year": "2019", "method": "rank_exp", "view": "score", "zoom": "capital",
                  "navis_year": "2015", "w_demography": "40", "w_economy": "10", "w_fiscal": "25",
                  "w_health_welfare": "0"},
    "bivariate": {"indicator": "census_population_persons", "indicator2": "census_grdp_per_capita_krw_th",
                  "level": "sido", "year": "2015", "zoom": "capital"},
    "data": {"level": "sigungu"},
}
# views whose keys exclude others (a comparison of two years has no one ?year=): page → a second case
ALSO: dict[str, dict[str, str]] = {
    "map": {"indicator": "census_population_persons", "level": "sigungu", "compare": "change", "from": "2015",
            "to": "2010", "change_as": "pct"},
}
DEFAULT_VIEW = {"trends": {"view"}}  # 'groups' is the default view of GRDP: it must be dropped from the URL


def test_every_key_has_a_case():
    cases = {p: sorted(set(v) | (set(ALSO.get(p, {})) & set(PAGE_PARAMS[p]))) for p, v in VALID.items()}
    assert cases == {p: sorted(v) for p, v in PAGE_PARAMS.items()}


CASES = [(p, VALID[p]) for p in VALID if VALID[p]] + list(ALSO.items())


@pytest.mark.parametrize("page, values", CASES, ids=[f"{p}-{i}" for i, (p, _) in enumerate(CASES)])
def test_valid_values_are_kept(page, values):
    params = {"page": page, **values}
    at = new_app(params)
    at.run()
    assert_ok(at)
    noted = [w.value for w in at.warning if any(f"`{n}=" in w.value for n in params)]
    assert not noted, noted  # no "unknown value" note
    for name, value in values.items():
        kept = at.query_params.get(name)
        if name in DEFAULT_VIEW.get(page, ()):
            assert kept in (None, [], ""), (name, kept)  # a default stays out of the URL
        else:
            assert kept in (value, [value]), (name, value, kept)
    # an old link's ?page= opened that page (its title) and was dropped: the path names the page
    assert [h.value for h in at.title][:1] == [t(TITLE_KEYS[page], "ko")], [h.value for h in at.title]
    assert at.query_params.get("page") in (None, [], ""), at.query_params.to_dict()
    at.run()  # a rerun keeps them, on the same page, still without ?page=
    assert all(at.query_params.get(n) in (v, [v]) for n, v in values.items()
               if n not in DEFAULT_VIEW.get(page, ()))
    assert [h.value for h in at.title][:1] == [t(TITLE_KEYS[page], "ko")]
    assert at.query_params.get("page") in (None, [], "")
