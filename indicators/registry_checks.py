"""Cross-checks of registry.yaml's tables against the declared indicators (each error names the entry)."""
from __future__ import annotations

from pathlib import Path

from indicators.registry_yaml import RegistryError
from indicators.schema import Indicator

LEVELS = ("sido", "sigungu", "macro")
KINDS = ("amount", "rate")
GROUP_CODES = ("CR", "NC")


def _known(path: Path, entry: str, key: str, ids, indicators: dict[str, Indicator]) -> None:
    for i in ids:
        if i not in indicators:
            raise RegistryError(path, entry, key, f"unknown indicator {i!r}")


def check_tables(path: Path, tables: dict, indicators: dict[str, Indicator]) -> None:
    """Bases, units, concepts, hints and domains refer only to what is declared."""
    for b in tables["bases"].values():
        entry = f"basis {b.token!r}"
        _known(path, entry, "population", b.population.values(), indicators)
        for level, ind in b.population.items():
            if level not in LEVELS:
                raise RegistryError(path, entry, "population", f"unknown level {level!r}")
            if not indicators[ind].is_population_count:
                raise RegistryError(path, entry, "population", f"{ind!r} has no role population_count")
        for key in ("risk_index", "at_risk_count"):
            _known(path, entry, key, [getattr(b, key)] if getattr(b, key) else [], indicators)
    for unit, kind in tables["units"].items():
        if kind not in KINDS:
            raise RegistryError(path, f"unit {unit!r}", "kind", f"{kind!r} is not one of {KINDS}")
    for c in tables["concepts"].values():
        _known(path, f"concept {c.id!r}", "candidates", c.candidates, indicators)
    for h in tables["hints"].values():
        if h.concept not in tables["concepts"]:
            raise RegistryError(path, f"hint {h.id!r}", "concept", f"unknown concept {h.concept!r}")
        if h.region not in GROUP_CODES:
            raise RegistryError(path, f"hint {h.id!r}", "region", f"{h.region!r} is not one of {GROUP_CODES}")
    for a in tables["agreements"]:
        for term in (a.a, a.b):
            _known(path, f"agreement {a.id!r}", "indicator", [term.indicator] + ([term.per] if term.per else []),
                   indicators)
    for b in tables["boundary_changes"]:
        if not b.regions:
            raise RegistryError(path, f"boundary change {b.year}", "regions", "name the regions it changed")
    for d in tables["domains"]:
        for level, ids in d.indicators.items():
            if level not in LEVELS:
                raise RegistryError(path, f"domain {d.id!r}", "inputs", f"unknown level {level!r}")
            _known(path, f"domain {d.id!r}", "inputs", ids, indicators)
