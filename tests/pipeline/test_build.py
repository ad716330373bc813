"""The build command end to end: real raw files, embedded-only, and a failing build."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from helpers import build_cli
from indicators import catalog, derive, store
from indicators.schema import TIDY


def test_full_build_builds_every_source(full_build):
    report = store.build_report(full_build)
    status = {s["module"]: s["status"] for s in report["sources"]}
    assert set(status) == set(catalog.SOURCE_MODULES + catalog.STATUS_MODULES)
    assert all(v == "built" for v in status.values()), status


def test_full_build_writes_the_designations(full_build):
    """89 인구감소지역 and 18 관심지역 in the built table, as in the two notices (SOURCES.md)."""
    d = store.designations(full_build)
    assert d["designation"].value_counts().to_dict() == {"decline": 89, "interest": 18}
    assert "47280" in set(d.loc[d["designation"] == "decline", "region_code"])  # 문경시, by erratum


def test_package_only_build_writes_an_empty_designations_table(package_only_build):
    out = package_only_build
    assert store.designations(out).empty
    skipped = {s["module"]: s for s in store.build_report(out)["sources"] if s["status"] == "skipped"}
    assert "population_decline" in skipped and "policy/" in skipped["population_decline"]["reason"]


def test_full_build_output_is_valid_and_catalogued(full_build):
    obs = store.observations(full_build)
    TIDY.validate(obs)
    assert set(obs["indicator"]) <= set(catalog.indicators())
    summary = (full_build / "stdout.txt").read_text()
    for ind in obs.dropna(subset=["value"])["indicator"].unique():
        assert ind in summary


def test_extinction_index_every_year_of_each_basis(full_build):
    cov = store.coverage(full_build)
    sgg = cov[(cov["level"] == "sigungu") & cov["indicator"].isin(derive.RISK_INDEX.values())]
    years = sgg.groupby("indicator")["year"].apply(set).to_dict()
    assert years["reg_extinction_risk_index"] >= set(range(2015, 2024))
    assert years["res_extinction_risk_index"] >= {2022, 2023, 2024}
    assert years["cen2010_extinction_risk_index"] == {2010}


def test_embedded_default_builds_with_no_raw_files(empty_raw_dir, package_only_build):
    empty, out = empty_raw_dir, package_only_build
    stdout = (out / "stdout.txt").read_text()
    report = store.build_report(out)
    built = [s["module"] for s in report["sources"] if s["status"] == "built"]
    assert built == [m for m in catalog.SOURCE_MODULES if catalog._module(m).SOURCE.embedded]
    assert built == ["census", "boundary_area"]
    skipped = [s for s in report["sources"] if s["status"] == "skipped"]
    assert all(str(empty) in s["reason"] for s in skipped)
    assert "skipped" in stdout and "census_population_persons" in stdout


def test_raw_dir_from_environment_variable(empty_raw_dir, tmp_path):
    """Without --raw-dir the build reads $BALANCE_RAW_DIR: here a folder with no raw files, so it cannot
    be taken for the default data/raw (and the build is the quick package-only one)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BALANCE_")}
    res = build_cli("--out", str(tmp_path), env={**env, "BALANCE_RAW_DIR": str(empty_raw_dir)})
    assert res.returncode == 0, res.stderr
    report = store.build_report(tmp_path)
    assert report["raw_dir"] == str(empty_raw_dir)
    assert all(str(empty_raw_dir) in s["reason"] for s in report["sources"] if s["status"] == "skipped")
    assert [s["module"] for s in report["sources"] if s["status"] == "built"] == ["census", "boundary_area"]


def test_failed_build_leaves_previous_outputs_untouched(raw_dir, full_build, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(full_build, out)
    before = _tree(out)
    bad_raw = tmp_path / "raw"  # the damaged file alone (with the manifest): no other source is read first
    rel = next(raw_dir.rglob("population_trends.csv")).relative_to(raw_dir)
    (bad_raw / rel).parent.mkdir(parents=True)
    shutil.copyfile(raw_dir / rel, bad_raw / rel)
    shutil.copyfile(raw_dir / "MANIFEST.csv", bad_raw / "MANIFEST.csv")
    target = bad_raw / rel
    lines = target.read_text(encoding="utf-8").splitlines()
    cells = lines[5].split(",")
    cells[2] = "lots"
    lines[5] = ",".join(cells)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = build_cli("--raw-dir", str(bad_raw), "--out", str(out))
    assert res.returncode == 1
    assert "population_trends.csv" in res.stderr and "row 6" in res.stderr and "nothing written" in res.stderr
    assert _tree(out) == before


def _tree(folder: Path) -> dict[str, bytes]:
    """Every file under a folder (relative path → bytes)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_capital_plus_noncapital_equals_nation_for_additive_indicators(full_build):
    """Invariant on real data: 수도권 + 비수도권 = 전국 wherever all three exist (no double
    counting of regions split off later, e.g. 세종 in the 2010 census)."""
    obs = store.observations(full_build)
    additive = {i.id for i in catalog.indicators().values() if i.additive}
    sub = obs[obs["indicator"].isin(additive) & obs["region_code"].isin(["CR", "NC", "00"])]
    wide = sub.pivot_table(index=["indicator", "year"], columns="region_code", values="value").dropna()
    assert len(wide) > 100
    rel = ((wide["CR"] + wide["NC"]) - wide["00"]).abs() / wide["00"]
    assert rel.max() < 0.005, rel.sort_values().tail()


@pytest.mark.parametrize("indicator,year", [("cen2010_population_persons", 2010), ("grdp_nominal_krw_mn", 1990),
                                            ("reg_population_persons", 1995), ("census_population_persons", 2010)])
def test_groups_exist_before_late_sido_were_split_off(full_build, indicator, year):
    """울산 (1997) and 세종 (2012) not existing yet must not blank 비수도권 (their figures sit in
    the parent province): CR + NC = nation, recomputed here from the 시도 rows."""
    obs = store.observations(full_build)
    s = obs[(obs["indicator"] == indicator) & (obs["year"] == year)].set_index("region_code")["value"]
    sido = s[[c for c in s.index if len(c) == 2 and c.isdigit() and c != "00"]].dropna()
    assert s["CR"] + s["NC"] == pytest.approx(sido.sum())
    assert s["CR"] == pytest.approx(sido[["11", "28", "41"]].sum())
