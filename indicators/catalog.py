"""The indicator catalogue: every indicator declared once, with unit, polarity and source.

Source modules declare their `SOURCE` and `INDICATORS`; derived indicators are declared
in `indicators.derive`. This module gathers them so pages and the build list indicators
from one place. Years and regions available are measured from the built data, never typed
here. The record types `Source` and `Indicator` live in `indicators.schema` (below the sources,
which declare them) and are re-exported here.
"""
from __future__ import annotations

from functools import lru_cache
from types import ModuleType

from indicators import derive
from indicators.schema import Indicator, Source
from indicators.sources import (
    boundary_area,
    census,
    census2010_population_age,
    exports,
    fiscal,
    grdp,
    grdp_per_capita,
    kosis_population_age,
    kostat_gi,
    migration,
    mois_population_age,
    navis,
    population_decline,
    sido_population,
)

__all__ = ["Indicator", "Source", "SOURCE_MODULES", "STATUS_MODULES", "sources", "indicators", "get"]

_SERIES: tuple[ModuleType, ...] = (
    census, boundary_area, kosis_population_age, mois_population_age, census2010_population_age,
    sido_population, grdp, grdp_per_capita, fiscal, exports, migration, navis, kostat_gi,
)
# Sources of status tables (not observation series): read by the build into their own output.
_STATUS: tuple[ModuleType, ...] = (population_decline,)
_BY_NAME: dict[str, ModuleType] = {m.__name__.rsplit(".", 1)[-1]: m for m in _SERIES + _STATUS}

SOURCE_MODULES: tuple[str, ...] = tuple(m.__name__.rsplit(".", 1)[-1] for m in _SERIES)
STATUS_MODULES: tuple[str, ...] = tuple(m.__name__.rsplit(".", 1)[-1] for m in _STATUS)


def _module(name: str) -> ModuleType:
    """The source module `indicators.sources.<name>`; KeyError naming it if it is not catalogued."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise KeyError(f"no source module {name!r} in the catalogue") from None


@lru_cache(maxsize=1)
def sources() -> dict[str, Source]:
    """All sources by id (raw-file and package sources, plus derived)."""
    out = {m.SOURCE.id: m.SOURCE for m in _SERIES + _STATUS}
    out[derive.SOURCE.id] = derive.SOURCE
    return out


@lru_cache(maxsize=1)
def indicators() -> dict[str, Indicator]:
    """All indicators by id; fails on a duplicated id or an unknown source."""
    found: dict[str, Indicator] = {}
    for ind in [i for m in _SERIES for i in m.INDICATORS] + list(derive.INDICATORS):
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
