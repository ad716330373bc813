"""권역 aggregates, one territory per ratio, and the raw-file manifest, on the real build.

Expected values are recomputed here from the raw GRDP file's own 시도 rows (csv module),
never from the derived tables.
"""
from __future__ import annotations

import shutil

import pytest

from helpers import build_cli
from helpers.raw import MACRO, raw_grdp_nominal
from indicators import manifest, store


@pytest.fixture(scope="module")
def obs(full_build):
    return store.observations(full_build).set_index(["region_code", "year", "indicator"])["value"]


@pytest.mark.parametrize("year", [1990, 1997, 2012, 2023])
@pytest.mark.parametrize("code", list(MACRO))
def test_macro_grdp_is_the_sum_of_its_sido_rows_in_the_raw_file(raw_dir, obs, code, year):
    raw = raw_grdp_nominal(raw_dir)
    names = {n for n, _ in raw}
    members = [n for n in MACRO[code] if n in names]
    assert members, f"{MACRO[code]} not in {sorted(names)}"
    expected = sum(raw.get((n, year), 0.0) for n in members)  # late 시도 are inside their parent before
    assert obs[(code, year, "grdp_nominal_krw_mn")] == pytest.approx(expected, rel=1e-12)


def test_macro_regions_tile_the_nation(raw_dir, obs):
    raw = raw_grdp_nominal(raw_dir)
    total = sum(obs[(c, 2023, "grdp_nominal_krw_mn")] for c in MACRO)
    assert total == pytest.approx(raw[("전국", 2023)], rel=1e-9)


def test_macro_extinction_index_from_summed_parts(obs):
    for year in (2015, 2023):
        f = obs[("HN", year, "reg_female_20_39_persons")]
        o = obs[("HN", year, "reg_age65plus_persons")]
        assert obs[("HN", year, "reg_extinction_risk_index")] == pytest.approx(f / o)


def test_ratio_without_summable_parts_is_missing_at_macro(obs):
    assert ("CC", 2023, "fiscal_self_reliance_pct") not in obs.index


@pytest.mark.parametrize("parent,split_year", [("48", 1997), ("44", 2012), ("43", 2012)])
def test_no_per_capita_value_mixing_territories_in_split_years(obs, parent, split_year):
    """GRDP counts 울산 inside 경남 until 1998 (세종 inside 충남/충북 until 2013) while the
    population splits them a year earlier: the parent's per-capita value is missing there."""
    assert (parent, split_year, "grdp_per_capita_krw_th") not in obs.index or \
        obs[(parent, split_year, "grdp_per_capita_krw_th")] != obs[(parent, split_year, "grdp_per_capita_krw_th")]


@pytest.mark.parametrize("parent", ["46", "44", "48", "43"])
def test_no_per_capita_jump_in_any_parent_of_a_late_sido(obs, parent):
    """Year-on-year growth of the parent's per-capita GRDP stays within 15 points of the
    nation's (the mixed 경남 1997 value was +50% against the nation's +9%)."""
    def growth(code):
        s = obs.xs((code, "grdp_per_capita_krw_th"), level=("region_code", "indicator")).dropna().sort_index()
        return {y: b / a - 1 for (y0, a), (y, b) in zip(s.items(), list(s.items())[1:]) if y == y0 + 1}
    nation, own = growth("00"), growth(parent)
    worst = max(own, key=lambda y: abs(own[y] - nation[y]))
    assert abs(own[worst] - nation[worst]) < 0.15, f"{parent} {worst}: {own[worst]:+.0%} vs {nation[worst]:+.0%}"


def test_manifest_matches_every_shipped_file(raw_dir):
    assert {f.status for f in manifest.verify(raw_dir)} == {manifest.OK}
    assert len(manifest.read(raw_dir)) == len([p for p in raw_dir.rglob("*") if p.is_file()]) - 1


def test_a_changed_file_is_reported_in_summary_and_report(raw_dir, tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(raw_dir, raw)
    target = raw / "fiscal" / "finance_autonomy.csv"
    target.write_bytes(target.read_bytes() + b"\n")  # same data, different bytes
    res = build_cli("--raw-dir", str(raw), "--out", str(tmp_path / "out"))
    assert res.returncode == 0, res.stderr
    assert "changed          fiscal/finance_autonomy.csv (manifest vintage 2023-12-31)" in res.stdout
    files = {f["path"]: f["status"] for f in store.build_report(tmp_path / "out")["raw_files"]}
    assert files["fiscal/finance_autonomy.csv"] == manifest.CHANGED
    assert sum(s == manifest.OK for s in files.values()) == len(files) - 1


def test_macro_net_migration_is_the_sum_of_its_sido_nets_and_inflows_exclude_internal_moves(full_build):
    """Moves inside a 권역 cancel in its net figure, so 권역 net = Σ 시도 nets (an identity of the O–D
    matrix); its in-migration counts only moves across its border, so it is below Σ 시도 in-migration
    wherever the 권역 has more than one 시도."""
    from geo.groups import MACRO_REGIONS

    obs = store.observations(full_build)
    mig = obs[obs["indicator"].str.startswith("migration_")].pivot_table(
        index=["indicator", "year"], columns="region_code", values="value")
    years = mig.loc["migration_net_persons"].index
    assert len(years) > 40
    for g in MACRO_REGIONS:
        net = mig.loc["migration_net_persons"]
        members = [m for m in g.members if m in net.columns]
        have = net[members].notna().all(axis=1)
        assert (net.loc[have, g.code] - net.loc[have, members].sum(axis=1)).abs().max() < 0.5, g.code
        inflow = mig.loc["migration_in_persons"]
        if len(members) > 1:
            assert (inflow.loc[have, g.code] < inflow.loc[have, members].sum(axis=1)).all(), g.code
    total = mig.loc["migration_net_persons"][[g.code for g in MACRO_REGIONS]].sum(axis=1)
    assert total.abs().max() < 0.5  # the seven 권역 tile the country: nets sum to zero
