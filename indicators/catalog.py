"""The indicator catalogue: every source, indicator, basis, concept and composite domain, by id.

Everything here is declared once in the registry's YAML (`indicators/registry.py`: per-source files
beside the loaders, `derived.yaml`, `registry.yaml`) and read into frozen records; this module
orders them (the loaders' order, then derived) and answers the questions pages and the build ask.
Years and regions available are measured from the built data, never typed here.
"""
from __future__ import annotations

from functools import lru_cache
from types import ModuleType

from indicators.registry import registry
from indicators.schema import Basis, Category, Concept, Domain, Hint, Indicator, Source
from indicators.sources import (
    boundary_area,
    census,
    census2010_population_age,
    exports,
    fiscal,
    grdp,
    grdp_per_capita,
    grdp_per_capita_2020base,
    kosis_population_age,
    kostat_gi,
    migration,
    mois_population_age,
    mois_registered,
    navis,
    population_decline,
    sido_population,
)

__all__ = ["Indicator", "Source", "SOURCE_MODULES", "STATUS_MODULES", "sources", "indicators", "get",
           "canonical_id", "categories", "category_name", "concepts", "concept_of", "hint_target", "domains", "bases",
           "basis", "population_for", "population_counts"]

_SERIES: tuple[ModuleType, ...] = (
    census, boundary_area, kosis_population_age, mois_population_age, mois_registered,
    census2010_population_age, sido_population, grdp, grdp_per_capita, grdp_per_capita_2020base, fiscal,
    exports, migration, navis, kostat_gi,
)
# Sources of status tables (not observation series): read by the build into their own output.
_STATUS: tuple[ModuleType, ...] = (population_decline,)
_BY_NAME: dict[str, ModuleType] = {m.__name__.rsplit(".", 1)[-1]: m for m in _SERIES + _STATUS}

SOURCE_MODULES: tuple[str, ...] = tuple(m.__name__.rsplit(".", 1)[-1] for m in _SERIES)
STATUS_MODULES: tuple[str, ...] = tuple(m.__name__.rsplit(".", 1)[-1] for m in _STATUS)
DERIVED = "derived"  # the registry file (derived.yaml) of the derived indicators


def _module(name: str) -> ModuleType:
    """The source module `indicators.sources.<name>`; KeyError naming it if it is not catalogued."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise KeyError(f"no source module {name!r} in the catalogue") from None


@lru_cache(maxsize=1)
def sources() -> dict[str, Source]:
    """All sources by id (raw-file and package sources, status tables, then derived)."""
    reg = registry()
    return {reg.modules[n][0]: reg.sources[reg.modules[n][0]] for n in SOURCE_MODULES + STATUS_MODULES + (DERIVED,)}


@lru_cache(maxsize=1)
def indicators() -> dict[str, Indicator]:
    """All indicators by id: the loaders' in catalogue order, then the derived ones."""
    reg = registry()
    return {i: reg.indicators[i] for n in SOURCE_MODULES + (DERIVED,) for i in reg.modules[n][1]}


def get(indicator_id: str) -> Indicator:
    """One indicator; KeyError naming the id if unknown."""
    try:
        return indicators()[indicator_id]
    except KeyError:
        raise KeyError(f"unknown indicator {indicator_id!r}") from None


def canonical_id(raw: str) -> str | None:
    """The current id for a current or former id (old shared links), None if neither."""
    if raw in indicators():
        return raw
    return registry().former.get(raw)


def categories() -> tuple[Category, ...]:
    """The categories in their declared order (the order pages list indicators in)."""
    return tuple(registry().categories.values())


def category_name(category: str, lang: str) -> str:
    """A category's name in 'ko' or 'en' (the id itself if undeclared)."""
    cat: Category | None = registry().categories.get(category)
    if cat is None:
        return category
    return cat.name_en if lang == "en" else cat.name_ko


def concepts() -> dict[str, Concept]:
    """Concepts by id, each with its candidate indicators (best first)."""
    return registry().concepts


def concept_of(indicator: Indicator | str) -> str | None:
    """The concept an indicator measures (population, grdp, exports, fiscal), or None."""
    ind_id = indicator if isinstance(indicator, str) else indicator.id
    return next((c.id for c in concepts().values() if ind_id in c.candidates), None)


def hint_target(hint: str) -> Hint | None:
    """What a quoted figure's `indicator_hint` refers to (concept and group), or None."""
    return registry().hints.get(hint)


def domains() -> tuple[Domain, ...]:
    """The composite index's domains, in order."""
    return registry().domains


def bases() -> dict[str, Basis]:
    """Population bases by token (reg, res, cen2010, census)."""
    return registry().bases


def basis(token: str) -> Basis:
    """One population basis; KeyError naming the token if unknown."""
    try:
        return bases()[token]
    except KeyError:
        raise KeyError(f"unknown basis {token!r}") from None


def population_for(indicator: Indicator | str, level: str) -> str | None:
    """Id of the population count that weights (and divides, for amounts) `indicator` at `level`:
    that of its own basis, or of the basis it declares `weighted_by`; None at a level the basis
    declares no population for (e.g. 권역)."""
    ind = get(indicator) if isinstance(indicator, str) else indicator
    return basis(ind.population_token).population.get(level)


def population_counts() -> frozenset[str]:
    """Ids of the indicators with the role population_count."""
    return frozenset(i for i, ind in indicators().items() if ind.is_population_count)
