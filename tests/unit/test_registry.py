"""The metadata registry: strict loading (each broken rule names file, entry and key) and what the
project's own registry declares (every reference resolves, every declared file exists in the manifest)."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path, PurePosixPath

import pytest
import yaml

from indicators import catalog, composite, registry
from indicators.registry import RegistryError

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "indicators"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of the project's registry files to break one rule at a time."""
    shutil.copy(HERE / "registry.yaml", tmp_path / "registry.yaml")
    shutil.copy(HERE / "derived.yaml", tmp_path / "derived.yaml")
    (tmp_path / "sources").mkdir()
    for p in (HERE / "sources").glob("*.yaml"):
        shutil.copy(p, tmp_path / "sources" / p.name)
    return tmp_path


def edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def fails(root: Path, file: str, *words: str) -> RegistryError:
    with pytest.raises(RegistryError) as err:
        registry.load(root)
    message = str(err.value)
    assert file in message and all(w in message for w in words), message
    return err.value


def test_the_unchanged_copy_loads(tree):
    assert registry.load(tree).indicators == registry.registry().indicators


def test_unknown_key(tree):
    edit(tree / "sources/grdp.yaml", lambda d: d["indicators"][0].update(colour="red"))
    err = fails(tree, "grdp.yaml", "grdp_nominal_krw_mn", "colour", "unknown key")
    assert err.key == "colour" and err.entry == "indicator 'grdp_nominal_krw_mn'"


def test_missing_required_key(tree):
    edit(tree / "sources/navis.yaml", lambda d: d["indicators"][1].pop("name_en"))
    fails(tree, "navis.yaml", "navis_economic_power", "name_en", "missing")


def test_text_written_with_korean_has_its_english(tree):
    """English readers never see Hangul: a note, basis or formula written with Korean needs its `_en`,
    which is itself without Hangul; so does a source's licence; vintage is written in English."""
    def korean_note(d):
        d["indicators"][0]["note"] = "시도 합계"
        d["indicators"][0].pop("note_en", None)
    edit(tree / "sources/grdp.yaml", korean_note)
    err = fails(tree, "grdp.yaml", "grdp_nominal_krw_mn", "note_en")
    assert err.key == "note_en"
    edit(tree / "sources/grdp.yaml", lambda d: d["indicators"][0].update(note_en="시도 total"))
    fails(tree, "grdp.yaml", "grdp_nominal_krw_mn", "note_en", "without Hangul")
    edit(tree / "sources/grdp.yaml", lambda d: d["indicators"][0].update(note_en="province total"))
    assert registry.load(tree).indicators["grdp_nominal_krw_mn"].text("note", "en") == "province total"
    assert registry.load(tree).indicators["grdp_nominal_krw_mn"].text("note", "ko") == "시도 합계"
    kept = yaml.safe_load((tree / "sources/exports.yaml").read_text(encoding="utf-8"))["source"]["license_en"]
    edit(tree / "sources/exports.yaml", lambda d: d["source"].pop("license_en"))
    fails(tree, "exports.yaml", "source", "license_en")
    edit(tree / "sources/exports.yaml", lambda d: d["source"].update(license_en=kept))
    edit(tree / "sources/navis.yaml", lambda d: d["source"].update(vintage="2021년판"))
    fails(tree, "navis.yaml", "source", "vintage", "without Hangul")


def test_missing_required_source_key(tree):
    edit(tree / "sources/exports.yaml", lambda d: d["source"].pop("license"))
    fails(tree, "exports.yaml", "source", "license", "missing")


@pytest.mark.parametrize("key, value, want", [
    ("polarity", "up", "integer"), ("polarity", True, "integer"), ("additive", "yes", "true or false"),
    ("levels", "sido", "list of strings"), ("name_ko", 3, "string"), ("scale", "x", "number")])
def test_wrong_type(tree, key, value, want):
    edit(tree / "derived.yaml", lambda d: d["indicators"][3].update({key: value}))
    fails(tree, "derived.yaml", "grdp_per_capita_krw_th", key, want)


def test_wrong_type_in_defaults(tree):
    edit(tree / "sources/grdp.yaml", lambda d: d["defaults"].update(levels="sido"))
    fails(tree, "grdp.yaml", "defaults", "levels", "list of strings")


def test_duplicated_indicator_across_files(tree):
    edit(tree / "sources/exports.yaml", lambda d: d["indicators"][1].update(id="grdp_nominal_krw_mn"))
    fails(tree, "grdp_nominal_krw_mn", "declared twice")


def test_duplicated_source(tree):
    edit(tree / "sources/exports.yaml", lambda d: d["source"].update(id="kosis_grdp_2020base"))
    fails(tree, "kosis_grdp_2020base", "declared twice")


def test_duplicated_entry_in_registry_yaml(tree):
    edit(tree / "registry.yaml", lambda d: d["categories"].append(dict(d["categories"][0])))
    fails(tree, "registry.yaml", "category 'demography'", "declared twice")


@pytest.mark.parametrize("key, value, words", [
    ("category", "sport", ("category", "sport")), ("unit", "furlongs", ("unit", "furlongs")),
    ("weighted_by", "xyz", ("weighted_by", "unknown basis")), ("levels", ["county"], ("levels", "county")),
    ("polarity", 2, ("polarity", "-1, 0 or 1")), ("roles", ["boss"], ("roles", "boss"))])
def test_unknown_reference_in_an_indicator(tree, key, value, words):
    edit(tree / "sources/exports.yaml", lambda d: d["indicators"][0].update({key: value}))
    fails(tree, "exports.yaml", "exports_usd_th", *words)


def test_basis_and_weighted_by_are_exclusive(tree):
    edit(tree / "sources/exports.yaml", lambda d: d["indicators"][0].update(population_basis="reg"))
    fails(tree, "exports.yaml", "exports_usd_th", "population_basis", "exactly one")


def test_unknown_numerator(tree):
    edit(tree / "derived.yaml", lambda d: d["indicators"][3].update(numerator="grdp_gross_krw"))
    fails(tree, "derived.yaml", "grdp_per_capita_krw_th", "numerator", "grdp_gross_krw")


def test_ratio_declares_no_formula(tree):
    edit(tree / "derived.yaml", lambda d: d["indicators"][3].update(formula="a ÷ b"))
    fails(tree, "derived.yaml", "grdp_per_capita_krw_th", "scale", "no formula")


@pytest.mark.parametrize("section, index, key, value, words", [
    ("concepts", 0, "candidates", ["no_such_indicator"], ("concept 'population'", "no_such_indicator")),
    ("domains", 1, "inputs", {"sido": ["no_such_indicator"]}, ("domain 'economy'", "inputs", "no_such_indicator")),
    ("hints", 0, "concept", "weather", ("hint 'population_capital_share'", "concept", "weather")),
    ("hints", 0, "region", "XX", ("hint 'population_capital_share'", "region", "XX")),
    ("bases", 0, "population", {"sido": "grdp_nominal_krw_mn"}, ("basis 'reg'", "population", "population_count")),
    ("bases", 1, "risk_index", "nope", ("basis 'res'", "risk_index", "nope")),
    ("units", 0, "kind", "heap", ("unit 'persons'", "kind", "heap"))])
def test_unknown_reference_in_registry_yaml(tree, section, index, key, value, words):
    edit(tree / "registry.yaml", lambda d: d[section][index].update({key: value}))
    fails(tree, "registry.yaml", *words)


def test_unknown_top_level_key(tree):
    edit(tree / "registry.yaml", lambda d: d.update(colours=[]))
    fails(tree, "registry.yaml", "colours", "unknown key")


def test_not_yaml(tree):
    (tree / "sources" / "navis.yaml").write_text("source: [unclosed\n", encoding="utf-8")
    fails(tree, "navis.yaml", "cannot read YAML")


def test_former_id_may_not_be_current(tree):
    edit(tree / "sources/exports.yaml", lambda d: d["indicators"][0].update(formerly=["imports_usd_th"]))
    fails(tree, "exports.yaml", "exports_usd_th", "formerly", "imports_usd_th")


# ------------------------------------------------------------------ the project's registry

def test_every_loader_has_its_registry_file_and_back():
    modules = set(catalog.SOURCE_MODULES + catalog.STATUS_MODULES)
    files = {p.stem for p in (HERE / "sources").glob("*.yaml")}
    assert files == modules
    for name in modules:
        mod = catalog._module(name)
        assert (mod.SOURCE, mod.INDICATORS) == registry.declared(mod.__name__)


def test_every_composite_input_is_a_declared_indicator_at_its_level():
    for d in composite.DOMAINS:
        for level, ids in d.indicators.items():
            for i in ids:
                assert level in catalog.get(i).levels, (d.id, level, i)


def test_every_concept_candidate_exists():
    for c in catalog.concepts().values():
        assert c.candidates and all(i in catalog.indicators() for i in c.candidates), c.id
    assert catalog.concept_of("exports_usd_th") == "exports"
    assert catalog.hint_target("grdp_noncapital_share").region == "NC"


def test_quoted_share_figures_of_a_concept_have_a_declared_hint():
    with open(HERE / "seed_facts.csv", encoding="utf-8") as f:
        hints = {r["indicator_hint"] for r in csv.DictReader(f)}
    of_concept = {h for h in hints if h.endswith("_share") and h.split("_")[0] in catalog.concepts()}
    assert of_concept and of_concept <= set(registry.registry().hints)


def test_every_declared_file_pattern_matches_the_manifest():
    with open(ROOT / "data" / "raw" / "MANIFEST.csv", encoding="utf-8") as f:
        paths = [PurePosixPath(r["path"]) for r in csv.DictReader(f)]
    for source in catalog.sources().values():
        for pattern in source.files:
            assert any(p.match(pattern) for p in paths), (source.id, pattern)


def test_amount_or_rate_as_the_unit_table_declares_it():
    # the rule the region page used before (additive, or an amount unit) gives the same answer
    amount_units = {"million KRW", "thousand KRW total", "KRW", "persons", "count", "thousand USD", "km²"}
    for ind in catalog.indicators().values():
        assert ind.is_amount == (ind.additive or ind.unit in amount_units), ind.id


def test_categories_and_bases():
    assert catalog.category_name("demography", "ko") == "인구"
    assert catalog.category_name("trade", "en") == "Trade"
    assert all(catalog.category_name(i.category, "ko") != i.category for i in catalog.indicators().values())
    for b in catalog.bases().values():
        assert set(b.population) >= {"sido", "sigungu"}, b.token


def test_ratio_formula_is_written_from_its_parts():
    ind = catalog.get("census_doctors_per_1000")
    assert ind.formula == "census_doctors_persons ÷ census_population_persons × 1000"


# ------------------------------------------------------------------ one id grammar

def test_the_basis_token_is_the_first_token_of_an_id_and_only_there():
    tokens = set(catalog.bases())
    for ind in catalog.indicators().values():
        first = ind.id.split("_", 1)[0]
        if ind.population_basis:
            assert first == ind.population_basis, ind.id
        else:
            assert first not in tokens, ind.id
        assert not any(f"_{t}_" in f"_{ind.id}_" for t in tokens - {first}), ind.id  # nowhere else


def test_former_ids_still_lead_to_their_indicator():
    # old ids written in two parts, so that rename_ids.py (which rewrites whole old ids) leaves them old
    assert catalog.canonical_id("extinction_risk_index" + "_cen") == "cen2010_extinction_risk_index"
    assert catalog.canonical_id("reg_pop" + "_total_persons") == "reg_population_persons"
    assert catalog.canonical_id("reg_population_persons") == "reg_population_persons"
    assert catalog.canonical_id("no_such_indicator") is None
    for ind in catalog.indicators().values():
        assert all(catalog.canonical_id(old) == ind.id for old in ind.formerly)


def test_risk_index_and_counts_are_looked_up_per_basis():
    for token in ("reg", "res", "cen2010"):
        b = catalog.basis(token)
        index = catalog.get(b.risk_index)
        assert index.population_basis == token and catalog.get(b.at_risk_count).numerator == b.risk_index
        assert catalog.get(index.numerator).population_basis == token
        assert catalog.get(index.denominator).population_basis == token
