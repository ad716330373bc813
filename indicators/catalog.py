"""The indicator catalogue: every indicator declared once, with unit, polarity and source.

Source modules declare their `SOURCE` and `INDICATORS`; derived indicators are declared
in `indicators.derive`. This module gathers them so pages and the build list indicators
from one place. Years and regions available are measured from the built data
(`data/catalog.parquet`), never typed here.
"""
from __future__ import annotations

import importlib
from dataclasses import asdict, dataclass, field
from functools import lru_cache

import pandas as pd

SOURCE_MODULES: tuple[str, ...] = (
    "census",
    "boundary_area",
    "kosis_population_age",
    "mois_population_age",
    "census2010_population_age",
    "sido_population",
    "grdp",
    "grdp_per_capita",
    "fiscal",
    "exports",
    "migration",
    "navis",
    "kostat_gi",
)
# Sources of status tables (not observation series): read by the build into their own output.
STATUS_MODULES: tuple[str, ...] = ("population_decline",)


@dataclass(frozen=True)
class Source:
    """Where figures come from: producer, table, address, licence, vintage, files read."""

    id: str
    producer: str
    title: str
    table_id: str
    url: str
    license: str
    vintage: str
    files: tuple[str, ...] = ()
    embedded: bool = False  # shipped inside a PyPI package (works with no raw files)
    note: str = ""


@dataclass(frozen=True)
class Indicator:
    """One indicator. `unit` is the English unit key, `unit_ko` what Korean readers see.

    polarity: +1 higher is better, -1 higher is worse, 0 neutral (e.g. a level).
    additive: values of regions sum to their parent (counts, money); False for ratios.
    """

    id: str
    name_ko: str
    name_en: str
    unit: str
    unit_ko: str
    source: str
    category: str
    polarity: int = 0
    additive: bool = False
    levels: tuple[str, ...] = ("sido", "sigungu")
    basis: str = ""
    formula: str = ""
    numerator: str = ""
    denominator: str = ""
    note: str = ""
    tags: tuple[str, ...] = field(default_factory=tuple)


def _module(name: str):
    return importlib.import_module(f"indicators.sources.{name}")


@lru_cache(maxsize=1)
def sources() -> dict[str, Source]:
    """All sources by id (raw-file and package sources, plus derived)."""
    out = {m.SOURCE.id: m.SOURCE for m in map(_module, SOURCE_MODULES + STATUS_MODULES)}
    from indicators import derive

    out[derive.SOURCE.id] = derive.SOURCE
    return out


@lru_cache(maxsize=1)
def indicators() -> dict[str, Indicator]:
    """All indicators by id; fails on a duplicated id or an unknown source."""
    from indicators import derive

    found: dict[str, Indicator] = {}
    for ind in [i for m in map(_module, SOURCE_MODULES) for i in m.INDICATORS] + list(derive.INDICATORS):
        if ind.id in found:
            raise ValueError(f"indicator {ind.id!r} declared twice")
        found[ind.id] = ind
    unknown = {i.source for i in found.values()} - set(sources())
    if unknown:
        raise ValueError(f"indicators cite unknown sources {sorted(unknown)}")
    return found


def get(indicator_id: str) -> Indicator:
    """One indicator; KeyError naming the id if unknown."""
    try:
        return indicators()[indicator_id]
    except KeyError:
        raise KeyError(f"unknown indicator {indicator_id!r}") from None


def as_frame() -> pd.DataFrame:
    """The catalogue as a table joined with its sources (for the Data & methods page)."""
    ind = pd.DataFrame([asdict(i) for i in indicators().values()])
    src = pd.DataFrame([asdict(s) for s in sources().values()]).add_prefix("source_")
    return ind.merge(src, left_on="source", right_on="source_id", how="left")
