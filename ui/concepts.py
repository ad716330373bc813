"""Concepts the overview and the quoted figures refer to (population, GRDP, exports, fiscal), the
indicators that measure them, and the policy events and quoted figures of `seed_facts.csv`."""
from __future__ import annotations

import functools
import textwrap

import pandas as pd

import app_data
from indicators import catalog, views
from ui.i18n import t


def concept_indicator(concept: str) -> str | None:
    """The best available indicator measuring `concept` ('population', 'grdp', 'exports', 'fiscal'):
    the first of the registry's candidates that is built."""
    found = catalog.concepts().get(concept)
    have = set(app_data.available_indicators())
    return next((i for i in found.candidates if i in have), None) if found else None


def quoted_shares(ind_id: str, lang: str, colors: dict[str, str]) -> list[dict]:
    """Quoted capital/non-capital share figures (seed_facts.csv) that refer to `ind_id`'s concept."""
    concept = catalog.concept_of(ind_id)
    facts = app_data.seed_facts()
    if concept is None or facts.empty:
        return []
    out = []
    for r in facts[(facts["kind"] == "figure") & facts["value"].notna()].itertuples():
        target = catalog.hint_target(r.indicator_hint)
        if target is None or target.concept != concept or pd.isna(r.x):
            continue
        group = target.region
        label = r.label_en if lang == "en" and r.label_en else r.label_ko
        unit = r.unit_en if lang == "en" else r.unit
        src = f"{t('quoted', lang)}: {views.quoted_source(r, lang)}"
        quote = f"<br><i>{fmt_quote(r.quote_ko)}</i>" if lang == "ko" else ""  # the quote is in Korean
        out.append({"x": r.x, "y": r.value, "group": group, "color": colors[group], "source": src,
                    "label": f"{r.value:g}{unit if unit == '%' else ' ' + unit}",
                    "legend": t("quoted_legend", lang),
                    "hover": f"<b>{label}</b> ({int(r.x)}): {r.value:g}{unit}<br>{src}{quote}"})
    return out


def fmt_quote(text: str, width: int = 60) -> str:
    return "<br>".join(textwrap.wrap(str(text), width=width))[:400]


def events(lang: str) -> pd.DataFrame:
    """Policy events (seed_facts.csv, kind=event) with x (fractional year), label, source (the quoted
    document as readers see it), quote (the Korean quote; '' in English) and `number`: the event year's
    place among all event years (1 = the earliest), the badge the charts draw. Made once per build and
    language and shared: read, never modify."""
    return _events(lang, app_data.data_version())


@functools.lru_cache(maxsize=8)
def _events(lang: str, version: int) -> pd.DataFrame:
    facts = app_data.seed_facts()
    ev = facts[(facts["kind"] == "event") & facts["x"].notna()].copy()
    ev["label"] = ev["label_en"].where((lang == "en") & (ev["label_en"] != ""), ev["label_ko"])
    ev["source"] = [views.quoted_source(r, lang) for r in ev.itertuples()]
    ev["quote"] = ev["quote_ko"] if lang == "ko" else ""
    ev = ev.sort_values("x", kind="stable")
    year = ev["x"].astype(int)
    ev["number"] = year.map({y: i + 1 for i, y in enumerate(sorted(set(year)))}).astype(int)
    return ev
