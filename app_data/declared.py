"""What the app reads beside the build, the same for every build: the indicator catalogue (the
registry's `Indicator` and `Source` records, `indicators.catalog`) and the policy events and quoted
figures of `indicators/seed_facts.csv`."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from indicators import catalog, views
from indicators.schema import Indicator, Source
from indicators.views import Catalogue


@st.cache_resource(show_spinner=False)
def catalogue() -> Catalogue:
    """The indicator catalogue (`indicators.catalog`)."""
    return Catalogue(dict(catalog.indicators()), dict(catalog.sources()))


def indicator(ind_id: str) -> Indicator | None:
    """The catalogue's record of `ind_id` (None: not catalogued)."""
    return catalogue().indicators.get(ind_id)


def source_of(ind_id: str) -> Source | None:
    """The record of the source `ind_id` is read from (None: not catalogued)."""
    ind = indicator(ind_id)
    return catalogue().sources.get(ind.source) if ind else None


def name(ind_id: str, lang: str = "ko") -> str:
    """The indicator's name in `lang` ('ko' | 'en'; the id itself if not catalogued)."""
    ind = indicator(ind_id)
    return ind_id if ind is None else ind.name_en if lang == "en" else ind.name_ko


def unit(ind_id: str, lang: str = "ko") -> str:
    """The indicator's unit in `lang` ('명' / 'persons'; '' if not catalogued)."""
    ind = indicator(ind_id)
    return "" if ind is None else ind.unit if lang == "en" else ind.unit_ko


@st.cache_data(show_spinner=False)
def _seed_facts(mtime: int) -> pd.DataFrame:
    return views.read_seed_facts()


def seed_facts() -> pd.DataFrame:
    """Policy events and quoted figures (indicators/seed_facts.csv); empty if the file is absent."""
    path = views.SEED_FACTS
    return _seed_facts(path.stat().st_mtime_ns if path.exists() else 0)
