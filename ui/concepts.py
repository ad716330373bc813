"""Concepts the overview and the quoted figures refer to (population, GRDP, exports, fiscal), the
indicators that measure them, and the policy events and quoted figures of `seed_facts.csv`."""
from __future__ import annotations

import textwrap

import pandas as pd

import app_data
from ui.i18n import t

# the indicators measuring each concept (best first); exports: any indicator whose id starts with "exports"
CONCEPTS: dict[str, tuple[str, ...]] = {
    "population": ("reg_population_persons", "res_population_persons", "census_population_persons"),
    "grdp": ("grdp_nominal_krw_mn", "census_grdp_krw_mn"),
    "fiscal": ("fiscal_self_reliance_pct",),
}
HINT_TARGET = {"population_capital_share": ("population", "CR"), "grdp_capital_share": ("grdp", "CR"),
               "grdp_noncapital_share": ("grdp", "NC"), "exports_capital_share": ("exports", "CR"),
               "exports_noncapital_share": ("exports", "NC")}


def concept_indicator(concept: str) -> str | None:
    """The best available indicator measuring `concept` ('population', 'grdp', 'exports', 'fiscal')."""
    have = app_data.available_indicators()
    if concept == "exports":
        return next((i for i in have if i.startswith("exports")), None)
    return next((i for i in CONCEPTS.get(concept, ()) if i in have), None)


def concept_of(ind_id: str) -> str | None:
    if ind_id.startswith("exports"):
        return "exports"
    return next((c for c, ids in CONCEPTS.items() if ind_id in ids), None)


def quoted_shares(ind_id: str, lang: str, colors: dict[str, str]) -> list[dict]:
    """Quoted capital/non-capital share figures (seed_facts.csv) that refer to `ind_id`'s concept."""
    concept = concept_of(ind_id)
    facts = app_data.seed_facts()
    if concept is None or facts.empty:
        return []
    out = []
    for r in facts[(facts["kind"] == "figure") & facts["value"].notna()].itertuples():
        target = HINT_TARGET.get(r.indicator_hint)
        if not target or target[0] != concept or pd.isna(r.x):
            continue
        group = target[1]
        label = r.label_en if lang == "en" and r.label_en else r.label_ko
        src = f"{t('quoted', lang)}: {r.attribution or r.doc}"
        out.append({"x": r.x, "y": r.value, "group": group, "color": colors[group], "source": src,
                    "label": f"{r.value:g}{r.unit if r.unit == '%' else ' ' + r.unit}",
                    "legend": t("quoted_legend", lang),
                    "hover": f"<b>{label}</b> ({int(r.x)}): {r.value:g}{r.unit}<br>{src}<br>"
                             f"<i>{fmt_quote(r.quote_ko)}</i>"})
    return out


def fmt_quote(text: str, width: int = 60) -> str:
    return "<br>".join(textwrap.wrap(str(text), width=width))[:400]


def events(lang: str) -> pd.DataFrame:
    """Policy events (seed_facts.csv, kind=event) with x (fractional year), label, source."""
    facts = app_data.seed_facts()
    ev = facts[(facts["kind"] == "event") & facts["x"].notna()].copy()
    ev["label"] = ev["label_en"].where((lang == "en") & (ev["label_en"] != ""), ev["label_ko"])
    return ev.sort_values("x")
