"""The metadata registry, declared once in YAML and loaded strictly into frozen records.

Files (under `indicators/`): `sources/<module>.yaml` beside each loader (its `source`, optional
`defaults` for its indicators, and `indicators`), `derived.yaml` (same layout, for the derived
indicators) and `registry.yaml` (what cuts across sources: population bases, categories, units and
their kind, concepts, quoted-figure hints, composite domains). Read with `yaml.safe_load`; an unknown,
missing or mistyped key, a duplicated id or a reference to an undeclared source, basis, category,
unit or indicator raises `RegistryError` naming the file, the entry and the key.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from geo import regions
from indicators.hangul import has_hangul
from indicators.registry_checks import KINDS, LEVELS, check_tables
from indicators.registry_yaml import RegistryError, fields, read, records, required_list
from indicators.schema import (
    CHANGE_KINDS,
    MARK_MEANINGS,
    REGION_ORDERS,
    Agreement,
    Basis,
    BoundaryChange,
    Category,
    Change,
    Citation,
    Concept,
    Domain,
    Hint,
    Indicator,
    Mark,
    Source,
    Table,
    Term,
)

HERE = Path(__file__).resolve().parent
ROLES = ("population_count",)

__all__ = ["RegistryError", "Registry", "load", "registry", "declared", "LEVELS", "KINDS", "ROLES"]

_SOURCE_KEYS = {"id": ("str", True), "producer": ("str", True), "title": ("str", True),
                "table_id": ("str", True), "url": ("str", True), "license": ("str", True),
                "vintage": ("str", True), "files": ("strs", False), "embedded": ("bool", False),
                "note": ("str", False), "cite": ("str_map", False), "license_en": ("str", False)}
_CITE_KEYS = {"producer_ko": ("str", True), "producer_en": ("str", True), "table_ko": ("str", False),
              "table_en": ("str", False), "table_id": ("str", False), "table_en_from": ("str", False)}
TABLE_EN_FROM = ("producer", "balance")  # a cite's English title: the producer's own, or our translation
_INDICATOR_KEYS = {"id": ("str", True), "name_ko": ("str", True), "name_en": ("str", True),
                   "unit": ("str", True), "unit_ko": ("str", True), "category": ("str", True),
                   "polarity": ("int", True), "additive": ("bool", True), "levels": ("strs", True),
                   "basis": ("str", False), "formula": ("str", False), "numerator": ("str", False),
                   "denominator": ("str", False), "note": ("str", False), "tags": ("strs", False),
                   "population_basis": ("str", False), "weighted_by": ("str", False),
                   "roles": ("strs", False), "scale": ("num", False), "formerly": ("strs", False),
                   "basis_en": ("str", False), "formula_en": ("str", False), "note_en": ("str", False),
                   "change": ("map", False)}
_DEFAULT_KEYS = {k: (t, False) for k, (t, _) in _INDICATOR_KEYS.items() if k not in ("id", "formerly")}
_BASIS_KEYS = {"token": ("str", True), "name_ko": ("str", True), "name_en": ("str", True),
               "population": ("str_map", True), "risk_index": ("str", False), "at_risk_count": ("str", False),
               "note": ("str", False)}
_CATEGORY_KEYS = {"id": ("str", True), "name_ko": ("str", True), "name_en": ("str", True)}
_UNIT_KEYS = {"unit": ("str", True), "kind": ("str", True)}
_CONCEPT_KEYS = {"id": ("str", True), "candidates": ("strs", True)}
_HINT_KEYS = {"id": ("str", True), "concept": ("str", True), "region": ("str", True)}
_TABLE_KEYS = {"files": ("str", True), "region_order": ("str", True), "marks": ("maps", False),
               "note": ("str", False), "unranked": ("strs", False)}
_MARK_KEYS = {"mark": ("str", True), "means": ("str", True), "note": ("str", True), "regions": ("strs", False),
              "years": ("ints", False), "columns": ("strs", False), "labels": ("strs", False)}
_CHANGE_KEYS = {"kind": ("str", True), "low": ("num", True), "high": ("num", True), "note": ("str", False),
                "breaks": ("ints", False)}
_BOUNDARY_KEYS = {"year": ("int", True), "regions": ("strs", True), "note": ("str", True)}
_AGREEMENT_KEYS = {"id": ("str", True), "a": ("map", True), "b": ("map", True), "relative_difference": ("nums", True),
                   "levels": ("strs", True), "note": ("str", True)}
_TERM_KEYS = {"indicator": ("str", True), "files": ("str", False), "per": ("str", False), "scale": ("num", False)}
_ADDITIVITY_KEYS = {"children": ("str", True), "tolerance": ("num", True), "note": ("str", True)}
AGREEMENT_LEVELS = ("nation", "sido", "sigungu")
_DOMAIN_KEYS = {"id": ("str", True), "name_ko": ("str", True), "name_en": ("str", True),
                "default_weight": ("num", True), "inputs": ("strs_map", True)}


@dataclass(frozen=True)
class Registry:
    """Everything declared, by id. modules: loader module name → (its source id, its indicator ids)."""

    sources: dict[str, Source]
    indicators: dict[str, Indicator]
    modules: dict[str, tuple[str, tuple[str, ...]]]
    bases: dict[str, Basis]
    categories: dict[str, Category]
    units: dict[str, str]  # unit → kind
    concepts: dict[str, Concept]
    hints: dict[str, Hint]
    domains: tuple[Domain, ...]
    former: dict[str, str]  # former id → current id
    boundary_changes: tuple[BoundaryChange, ...]
    agreements: tuple[Agreement, ...]
    additivity: dict[str, float]  # children level (sigungu, sido) → tolerance of Σ children vs parent


def ratio_formula(numerator: str, denominator: str, scale: float) -> str:
    """How a derived ratio is written: 'a ÷ b' or 'a ÷ b × 1000'."""
    return f"{numerator} ÷ {denominator}" + (f" × {scale:g}" if scale != 1 else "")


def read_source_file(path: Path) -> tuple[Source, list[Indicator]]:
    """One source's YAML → its Source and Indicators (defaults applied; cross-references unchecked)."""
    top = read(path, {"source": True, "defaults": False, "indicators": True, "tables": False})
    values = fields(path, "source", top["source"], _SOURCE_KEYS)
    values["tables"] = read_tables(path, top.get("tables", []))
    if "cite" in values:
        cite = fields(path, "source cite", values["cite"], _CITE_KEYS)
        if bool(cite.get("table_ko")) != bool(cite.get("table_en")):
            raise RegistryError(path, "source cite", "table_en", "a table is named in both languages or in neither")
        if cite.get("table_en_from", "balance") not in TABLE_EN_FROM:
            raise RegistryError(path, "source cite", "table_en_from", f"one of {', '.join(TABLE_EN_FROM)}")
        values["cite"] = Citation(**cite)
    source = Source(**values)
    check_english(path, "source", source, ("license",), ("vintage", "table_id"))
    defaults = top.get("defaults", {})
    fields(path, "defaults", defaults, _DEFAULT_KEYS)  # checked here, applied (as written) to each entry
    out = []
    for i, entry in enumerate(required_list(path, "indicators", top["indicators"])):
        if not isinstance(entry, dict):
            raise RegistryError(path, f"indicator #{i + 1}", "-", "expected a mapping of keys")
        entry_id = entry.get("id") if isinstance(entry.get("id"), str) else f"#{i + 1}"
        values = fields(path, f"indicator {entry_id!r}", {**defaults, **entry}, _INDICATOR_KEYS)
        if values.get("scale") is not None:
            if "formula" in values or not (values.get("numerator") and values.get("denominator")):
                raise RegistryError(path, f"indicator {entry_id!r}", "scale", "a ratio declares numerator, "
                                    "denominator and scale, and no formula (it is written from them)")
            values["formula"] = ratio_formula(values["numerator"], values["denominator"], values["scale"])
        if "change" in values:
            values["change"] = read_change(path, f"indicator {entry_id!r}", values["change"])
        out.append(Indicator(source=source.id, **values))
        check_english(path, f"indicator {entry_id!r}", out[-1], ("basis", "formula", "note"), ("name_en", "unit"))
    return source, out


def read_tables(path: Path, data) -> tuple[Table, ...]:
    """A source's `tables`: per file glob, the region order and the missing-value marks it may print."""
    out = []
    for i, entry in enumerate(required_list(path, "tables", data)):
        name = f"table {entry.get('files')!r}" if isinstance(entry, dict) else f"table #{i + 1}"
        values = fields(path, name, entry, _TABLE_KEYS)
        if values["region_order"] not in REGION_ORDERS:
            raise RegistryError(path, name, "region_order", f"{values['region_order']!r} is not one of {REGION_ORDERS}")
        if (values["region_order"] == "none" or values.get("unranked")) and not values.get("note"):
            raise RegistryError(path, name, "note", "say why a table's region order is not checked (or why some "
                                "regions are not ranked)")
        marks = []
        for j, m in enumerate(values.get("marks", []), start=1):
            mark = Mark(**fields(path, f"{name} mark #{j}", m, _MARK_KEYS))
            if mark.means not in MARK_MEANINGS:
                raise RegistryError(path, f"{name} mark #{j}", "means", f"{mark.means!r} is not one of {MARK_MEANINGS}")
            if mark.years and (len(mark.years) != 2 or mark.years[0] > mark.years[1]):
                raise RegistryError(path, f"{name} mark #{j}", "years", "give [first, last] (inclusive)")
            _known_regions(path, f"{name} mark #{j}", mark.regions)
            marks.append(mark)
        values["marks"] = tuple(marks)
        _known_regions(path, name, values.get("unranked", ()), "unranked")
        out.append(Table(**values))
    return tuple(out)


def _known_regions(path: Path, entry: str, codes, key: str = "regions") -> None:
    """Each code is one of the region registry (geo/regions.csv and the groups)."""
    known = set(regions.table().index)
    bad = [c for c in codes if c not in known]
    if bad:
        raise RegistryError(path, entry, key, f"{bad[0]!r} is not a region code of geo/regions.csv")


def read_change(path: Path, entry: str, data) -> Change:
    """An indicator's plausible year-on-year change."""
    change = Change(**fields(path, f"{entry} change", data, _CHANGE_KEYS))
    if change.kind not in CHANGE_KINDS:
        raise RegistryError(path, f"{entry} change", "kind", f"{change.kind!r} is not one of {CHANGE_KINDS}")
    if change.low > change.high:
        raise RegistryError(path, f"{entry} change", "low", "low is above high")
    return change


def _term(path: Path, entry: str, key: str, data) -> Term:
    return Term(**fields(path, f"{entry} {key}", data, _TERM_KEYS))


def read_checks(path: Path, top: dict) -> dict:
    """registry.yaml's cross-source declarations: boundary changes, agreements, additivity tolerances."""
    changes = tuple(BoundaryChange(**fields(path, f"boundary change #{i + 1}", b, _BOUNDARY_KEYS))
                    for i, b in enumerate(required_list(path, "boundary_changes", top.get("boundary_changes", []))))
    for i, b in enumerate(changes):
        _known_regions(path, f"boundary change #{i + 1}", b.regions)
    agreements = []
    for a in records(path, "agreement", "id", top.get("agreements", []), _AGREEMENT_KEYS):
        entry = f"agreement {a['id']!r}"
        low_high = a.pop("relative_difference")
        if len(low_high) != 2 or low_high[0] > low_high[1]:
            raise RegistryError(path, entry, "relative_difference", "give [low, high] with low ≤ high")
        bad = [lv for lv in a["levels"] if lv not in AGREEMENT_LEVELS]
        if bad or not a["levels"]:
            raise RegistryError(path, entry, "levels", f"each must be one of {AGREEMENT_LEVELS}")
        agreements.append(Agreement(id=a["id"], a=_term(path, entry, "a", a["a"]), b=_term(path, entry, "b", a["b"]),
                                    low=low_high[0], high=low_high[1], levels=a["levels"], note=a["note"]))
    additivity = {}
    for entry in records(path, "additivity", "children", top.get("additivity", []), _ADDITIVITY_KEYS):
        if entry["children"] not in ("sigungu", "sido"):
            raise RegistryError(path, f"additivity {entry['children']!r}", "children", "sigungu or sido")
        additivity[entry["children"]] = entry["tolerance"]
    return {"boundary_changes": changes, "agreements": tuple(agreements), "additivity": additivity}


def check_english(path: Path, entry: str, record, translated: tuple[str, ...], english: tuple[str, ...]) -> None:
    """What English readers see of `record` has no Hangul: each of `translated` written with Korean has
    its `<key>_en`, and the `_en` keys and `english` keys are in English."""
    for key in translated:
        if has_hangul(getattr(record, key)) and not getattr(record, f"{key}_en"):
            raise RegistryError(path, entry, f"{key}_en", f"{key} is written with Korean: give English readers "
                                f"{key}_en")
    for key in [f"{k}_en" for k in translated] + list(english):
        if has_hangul(getattr(record, key)):
            raise RegistryError(path, entry, key, "English readers see this: write it without Hangul")


def read_registry_file(path: Path) -> dict:
    """registry.yaml → its record tables (cross-references unchecked)."""
    top = read(path, {**{k: True for k in ("bases", "categories", "units", "concepts", "hints", "domains")},
                      "boundary_changes": False, "agreements": False, "additivity": False})
    domains = []
    for d in records(path, "domain", "id", top["domains"], _DOMAIN_KEYS):
        inputs = d.pop("inputs")
        domains.append(Domain(indicators=inputs, **d))
    return {
        "bases": {b["token"]: Basis(**b) for b in records(path, "basis", "token", top["bases"], _BASIS_KEYS)},
        "categories": {c["id"]: Category(**c) for c in records(path, "category", "id", top["categories"],
                                                                _CATEGORY_KEYS)},
        "units": {u["unit"]: u["kind"] for u in records(path, "unit", "unit", top["units"], _UNIT_KEYS)},
        "concepts": {c["id"]: Concept(**c) for c in records(path, "concept", "id", top["concepts"], _CONCEPT_KEYS)},
        "hints": {h["id"]: Hint(**h) for h in records(path, "hint", "id", top["hints"], _HINT_KEYS)},
        "domains": tuple(domains),
        **read_checks(path, top),
    }


def load(root: Path = HERE) -> Registry:
    """Read and cross-check every registry file under `root` (registry.yaml, derived.yaml, sources/*.yaml)."""
    tables = read_registry_file(root / "registry.yaml")
    files = sorted((root / "sources").glob("*.yaml")) + [root / "derived.yaml"]
    sources: dict[str, Source] = {}
    indicators: dict[str, Indicator] = {}
    where: dict[str, Path] = {}
    modules = {}
    for path in files:
        source, inds = read_source_file(path)
        if source.id in sources:
            raise RegistryError(path, "source", "id", f"source {source.id!r} is declared twice")
        sources[source.id] = source
        for ind in inds:
            if ind.id in indicators:
                raise RegistryError(path, f"indicator {ind.id!r}", "id",
                                    f"declared twice (also in {where[ind.id].name})")
            indicators[ind.id], where[ind.id] = ind, path
        modules[path.stem] = (source.id, tuple(i.id for i in inds))
    indicators = {i: _checked(where[i], ind, tables) for i, ind in indicators.items()}
    for i, ind in indicators.items():
        _check_refs(where[i], ind, indicators)
    former = _former(indicators, where)
    check_tables(root / "registry.yaml", tables, indicators)
    return Registry(sources=sources, indicators=indicators, modules=modules, former=former, **tables)


def _checked(path: Path, ind: Indicator, tables: dict) -> Indicator:
    """`ind` with its unit's kind, after checking its own keys against the registry's tables."""
    entry = f"indicator {ind.id!r}"
    if ind.category not in tables["categories"]:
        raise RegistryError(path, entry, "category", f"unknown category {ind.category!r}")
    if ind.unit not in tables["units"]:
        raise RegistryError(path, entry, "unit", f"unit {ind.unit!r} is not declared in registry.yaml units")
    if ind.polarity not in (-1, 0, 1):
        raise RegistryError(path, entry, "polarity", f"{ind.polarity} is not -1, 0 or 1")
    bad = [lv for lv in ind.levels if lv not in LEVELS]
    if bad or not ind.levels:
        raise RegistryError(path, entry, "levels", f"{list(ind.levels)}: each must be one of {LEVELS}")
    if [r for r in ind.roles if r not in ROLES]:
        raise RegistryError(path, entry, "roles", f"{list(ind.roles)}: each must be one of {ROLES}")
    if bool(ind.population_basis) == bool(ind.weighted_by):
        raise RegistryError(path, entry, "population_basis", "declare exactly one of population_basis (the "
                            "basis it is counted on) and weighted_by (the basis whose population goes with it)")
    key = "population_basis" if ind.population_basis else "weighted_by"
    if ind.population_token not in tables["bases"]:
        raise RegistryError(path, entry, key, f"unknown basis {ind.population_token!r}")
    return replace(ind, kind=tables["units"][ind.unit])


def _check_refs(path: Path, ind: Indicator, indicators: dict[str, Indicator]) -> None:
    for key in ("numerator", "denominator"):
        ref = getattr(ind, key)
        if ref and ref not in indicators:
            raise RegistryError(path, f"indicator {ind.id!r}", key, f"unknown indicator {ref!r}")


def _former(indicators: dict[str, Indicator], where: dict[str, Path]) -> dict[str, str]:
    out: dict[str, str] = {}
    for ind in indicators.values():
        for old in ind.formerly:
            if old in indicators or old in out:
                raise RegistryError(where[ind.id], f"indicator {ind.id!r}", "formerly",
                                    f"{old!r} is a current id or another indicator's former id")
            out[old] = ind.id
    return out


@lru_cache(maxsize=1)
def registry() -> Registry:
    """The project's registry (read once)."""
    return load(HERE)


def declared(module: str) -> tuple[Source, tuple[Indicator, ...]]:
    """(SOURCE, INDICATORS) of a loader module, e.g. `declared(__name__)` in `indicators.sources.grdp`."""
    reg = registry()
    name = module.rsplit(".", 1)[-1]
    if name not in reg.modules:
        raise KeyError(f"no registry file indicators/sources/{name}.yaml for module {module!r}")
    source_id, ids = reg.modules[name]
    return reg.sources[source_id], tuple(reg.indicators[i] for i in ids)
