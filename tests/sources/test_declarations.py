"""What the sources' YAML and registry.yaml declare for the checks is read strictly and is no wider
than the shipped files need: every declared missing-value mark is printed somewhere, every table
glob matches a file its source reads, every shipped file read is held to a manifest row that states
its years and regions, every indicator read from files with consecutive years declares its plausible
year-on-year change, and a broken declaration stops the registry load naming file, entry and key."""
from __future__ import annotations

import shutil
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath

import pytest
import yaml

from indicators import catalog, registry
from indicators.registry import RegistryError
from indicators.sources import _files

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "indicators"


@pytest.fixture(scope="module")
def used(raw_dir):
    """(marks used, files read, notes, outputs) of every source read from the shipped files."""
    marks, files, notes, outputs = set(), {}, [], {}
    for name in catalog.SOURCE_MODULES:
        mod = catalog._module(name)
        if mod.SOURCE.embedded:
            continue
        with _files.recording(raw_dir, name) as rec:
            outputs[name] = mod.load(raw_dir)
        marks |= {(mod.SOURCE.id, table, i) for table, i in rec.marks_used}
        files[mod.SOURCE.id] = sorted(rec.files)
        notes += rec.notes
    return marks, files, notes, outputs


def test_every_declared_mark_is_printed_somewhere(used):
    """A mark declared where no shipped cell prints it would let a damaged cell through unseen."""
    marks = used[0]
    for src in catalog.sources().values():
        for table in src.tables:
            for i, mark in enumerate(table.marks):
                assert (src.id, table.files, i) in marks, f"{src.id} {table.files}: mark #{i + 1} {mark} is never used"


def test_every_table_glob_matches_a_file_read(used):
    files = used[1]
    for src in catalog.sources().values():
        for table in src.tables:
            names = [PurePosixPath(f).name for f in files.get(src.id, [])]
            assert any(fnmatchcase(n, table.files) for n in names), f"{src.id}: table {table.files!r} matches no file"


def test_every_shipped_file_is_held_to_its_manifest_row(used):
    """No 'checked against its own header only' note for the shipped raw folder: each file read has
    a manifest row whose years and regions are stated in checkable form."""
    assert used[2] == []


def test_every_indicator_read_from_files_over_consecutive_years_declares_its_change(used):
    inds = catalog.indicators()
    for df in used[3].values():
        for ind, g in df.groupby("indicator"):
            years = sorted(g["year"].unique())
            if any(b - a == 1 for a, b in zip(years, years[1:])):
                assert inds[ind].change is not None, f"{ind} declares no plausible year-on-year change"


def test_every_agreement_and_boundary_change_is_declared_once():
    reg = registry.registry()
    ids = [a.id for a in reg.agreements]
    assert len(ids) == len(set(ids)) and len(ids) >= 10
    assert {b.year for b in reg.boundary_changes} >= {1997, 2012, 2023}
    assert set(reg.additivity) == {"sigungu", "sido"}


# --- strict reading: each broken declaration names file, entry and key -------------------------------

@pytest.fixture
def tree(tmp_path: Path) -> Path:
    shutil.copy(HERE / "registry.yaml", tmp_path / "registry.yaml")
    shutil.copy(HERE / "derived.yaml", tmp_path / "derived.yaml")
    (tmp_path / "sources").mkdir()
    for p in (HERE / "sources").glob("*.yaml"):
        shutil.copy(p, tmp_path / "sources" / p.name)
    return tmp_path


def _edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _fails(root: Path, file: str, *words: str) -> None:
    with pytest.raises(RegistryError) as err:
        registry.load(root)
    assert file in str(err.value) and all(w in str(err.value) for w in words), str(err.value)


def test_unknown_region_order(tree):
    _edit(tree / "sources/exports.yaml", lambda d: d["tables"][0].update(region_order="alphabetical"))
    _fails(tree, "exports.yaml", "kita_regional_yearly*.csv", "region_order", "alphabetical")


def test_mark_with_an_unknown_meaning_or_region(tree):
    _edit(tree / "sources/grdp.yaml", lambda d: d["tables"][0]["marks"][0].update(means="absent"))
    _fails(tree, "grdp.yaml", "mark #1", "means", "absent")
    _edit(tree / "sources/grdp.yaml", lambda d: d["tables"][0]["marks"][0].update(means="not_applicable",
                                                                                 regions=["99"]))
    _fails(tree, "grdp.yaml", "mark #1", "regions", "'99'")


def test_unranked_regions_need_a_reason(tree):
    _edit(tree / "sources/fiscal.yaml", lambda d: d["tables"][1].pop("note"))
    _fails(tree, "fiscal.yaml", "finance_autonomy*.csv", "note")


def test_change_with_low_above_high_or_an_unknown_kind(tree):
    _edit(tree / "sources/navis.yaml", lambda d: d["indicators"][0]["change"].update(low=0.5))
    _fails(tree, "navis.yaml", "navis_index_total", "low")
    _edit(tree / "sources/navis.yaml", lambda d: d["indicators"][0]["change"].update(low=-0.1, kind="percent"))
    _fails(tree, "navis.yaml", "navis_index_total", "kind", "percent")


def test_agreement_naming_an_unknown_indicator_or_a_bad_band(tree):
    _edit(tree / "registry.yaml", lambda d: d["agreements"][0]["b"].update(indicator="reg_pop_persons"))
    _fails(tree, "registry.yaml", "registered_population_kosis_mois", "reg_pop_persons")
    _edit(tree / "registry.yaml", lambda d: (d["agreements"][0]["b"].update(indicator="reg_population_persons"),
                                             d["agreements"][0].update(relative_difference=[0.1, -0.1])))
    _fails(tree, "registry.yaml", "registered_population_kosis_mois", "relative_difference")


def test_boundary_change_with_an_unknown_region(tree):
    _edit(tree / "registry.yaml", lambda d: d["boundary_changes"][0].update(regions=["27", "4x"]))
    _fails(tree, "registry.yaml", "boundary change #1", "'4x'")
