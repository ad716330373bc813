"""지방소멸 opens on the same headline as 개요: the basis with the latest year (the at-risk count the
개요 card shows), counted here from the built table, not through the pages."""
from __future__ import annotations

from helpers.apptest import button_group, map_view, run
from indicators import derive, store


def test_risk_page_opens_on_the_overview_headline():
    obs = store.observations()
    latest = {b: obs.loc[obs["indicator"] == derive.RISK_INDEX[b], "year"].max() for b in derive.BASES}
    freshest = max(latest, key=lambda b: (latest[b], -list(derive.BASES).index(b)))
    year = int(latest[freshest])
    idx = obs[(obs["indicator"] == derive.RISK_INDEX[freshest]) & (obs["year"] == year)
              & (obs["region_code"].str.len() == 5)]
    n_at_risk = int((idx["value"] < 0.5).sum())
    risk = run({"page": "risk"})
    assert button_group(risk, "w_risk_basis").value == freshest
    view = map_view(risk, "risk_view")
    assert view["year"] == year and f": {n_at_risk}" in view["subtitle"][str(year)]
    overview = run({"page": "overview"})
    assert any(m.value == str(n_at_risk) for m in overview.metric)


def test_risk_map_names_its_unit_and_its_population_basis():
    """The subtitle's unit is the index's declared unit (derived.yaml, read here), its basis named apart."""
    from pathlib import Path

    import yaml
    declared = yaml.safe_load((Path(__file__).resolve().parents[2] / "indicators" / "derived.yaml")
                              .read_text(encoding="utf-8"))["indicators"]
    risk = run({"page": "risk"})
    basis = button_group(risk, "w_risk_basis").value
    unit_ko = next(e["unit_ko"] for e in declared if e["id"] == derive.RISK_INDEX[basis])
    view = map_view(risk, "risk_view")
    subtitle = view["subtitle"][str(view["year"])]
    assert f"단위: {unit_ko} · 인구 기준: " in subtitle, subtitle
