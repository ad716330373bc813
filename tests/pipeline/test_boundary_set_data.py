"""Every series on both boundary sets, checked on the session's full build against the raw files
(parsed here, not by the loaders):

- merge: 전남광주 (12) = 광주 + 전남 for a count (GRDP, the raw file's 시도 rows), and its extinction-risk
  index from the summed parts, not an average (the MOIS 거주자 file's 5-year bands);
- rename: every 12xxx 시군구 carries its 29xxx/46xxx value for every indicator and year;
- split shown as a union: 제물포구+영종구 (28U01) = 중구 + 동구 and 서해구+검단구 (28U02) = 서구, with an index
  from summed parts; never apportioned (no value for 제물포구 alone in those years);
- the end-2024 set is what it was: 17 시도 / 229 시군구, no 2026 code;
- sums per set: the 16 or 17 시도 add up to the nation for additive indicators, and the groups (수도권,
  비수도권, 권역, 전국) are equal in both sets.
"""
from __future__ import annotations

import pandas as pd
import pytest

from geo import regions
from helpers.raw import MOIS_REL, raw_grdp_nominal
from indicators import catalog, store

SETS = ("2024", "2026-07")


@pytest.fixture(scope="module")
def by_set(full_build) -> dict[str, pd.DataFrame]:
    return {s: store.observations(full_build, boundary_set=s) for s in SETS}


def _value(obs: pd.DataFrame, code: str, year: int, ind: str) -> float:
    v = obs[(obs["region_code"] == code) & (obs["year"] == year) & (obs["indicator"] == ind)]["value"]
    return float(v.iloc[0]) if len(v) else float("nan")


def _mois_parts(raw_dir) -> pd.DataFrame:
    """Women 20–39 and persons 65+ (2024, 거주자) per 10-digit code, from the raw MOIS file."""
    df = pd.read_csv(raw_dir / MOIS_REL, encoding="cp949", thousands=",", dtype={"행정구역": str})
    code10 = df["행정구역"].str.extract(r"\((\d{10})\)\s*$")[0]
    women = df[[f"2024년_여_거주자_{a}~{a + 4}세" for a in (20, 25, 30, 35)]].sum(axis=1)
    old = df[[f"2024년_거주자_{a}~{a + 4}세" for a in range(65, 100, 5)] + ["2024년_거주자_100세 이상"]].sum(axis=1)
    return pd.DataFrame({"women": women.to_numpy(), "old": old.to_numpy()}, index=code10.to_numpy())


def test_jeonnam_gwangju_is_the_sum_of_gwangju_and_jeonnam(by_set, raw_dir):
    raw = raw_grdp_nominal(raw_dir)
    cur = by_set["2026-07"]
    years = [y for y in range(1990, 2024) if ("광주광역시", y) in raw and ("전라남도", y) in raw]
    assert len(years) > 20
    for year in years:
        assert _value(cur, "12", year, "grdp_nominal_krw_mn") == pytest.approx(
            raw[("광주광역시", year)] + raw[("전라남도", year)], rel=1e-12), year
    assert not (cur["region_code"].isin(["29", "46"])).any()


def test_jeonnam_gwangju_index_from_summed_parts(by_set, raw_dir):
    parts = _mois_parts(raw_dir)
    gwangju, jeonnam = parts.loc["2900000000"], parts.loc["4600000000"]
    expected = (gwangju["women"] + jeonnam["women"]) / (gwangju["old"] + jeonnam["old"])
    mean_of_ratios = (gwangju["women"] / gwangju["old"] + jeonnam["women"] / jeonnam["old"]) / 2
    got = _value(by_set["2026-07"], "12", 2024, "res_extinction_risk_index")
    assert got == pytest.approx(expected, rel=1e-9)
    assert abs(got - mean_of_ratios) > 1e-3  # the summed parts, not an average of the two ratios


def test_every_renamed_sigungu_carries_its_old_values(by_set):
    ref = regions.reform()
    renames = dict(zip(ref.loc[ref["kind"] == "rename", "region_code"],
                       ref.loc[ref["kind"] == "rename", "from_codes"].map(lambda c: c[0])))
    assert len(renames) == 27
    old, cur = by_set["2024"], by_set["2026-07"]
    key = ["year", "indicator"]
    for new, before in renames.items():
        a = old[old["region_code"] == before].set_index(key)["value"].dropna()
        b = cur[cur["region_code"] == new].set_index(key)["value"].dropna()
        assert len(a) > 10, before
        pd.testing.assert_series_equal(a.sort_index(), b.sort_index(), check_names=False)


def test_incheon_splits_show_as_unions_never_apportioned(by_set, raw_dir):
    parts = _mois_parts(raw_dir)
    cur = by_set["2026-07"]
    jung, dong, seo = parts.loc["2811000000"], parts.loc["2814000000"], parts.loc["2826000000"]
    assert _value(cur, "28U01", 2024, "res_female_20_39_persons") == jung["women"] + dong["women"]
    assert _value(cur, "28U01", 2024, "res_extinction_risk_index") == pytest.approx(
        (jung["women"] + dong["women"]) / (jung["old"] + dong["old"]), rel=1e-9)
    assert _value(cur, "28U02", 2024, "res_extinction_risk_index") == pytest.approx(seo["women"] / seo["old"],
                                                                                    rel=1e-9)
    for code in ("28125", "28155", "28275", "28290"):  # no file has them apart in 2024: no value of their own
        assert cur[(cur["region_code"] == code) & (cur["year"] == 2024)].empty, code


def test_the_end_2024_set_is_unchanged(by_set):
    old = by_set["2024"]
    lv = regions.level_of(old["region_code"])
    assert set(old.loc[lv == "sido", "region_code"]) == set(regions.codes("sido", "2024"))
    assert len(set(old.loc[lv == "sigungu", "region_code"])) == 229
    assert not old["region_code"].str.startswith("12").any()
    assert not old["region_code"].isin(["28125", "28155", "28275", "28290", "28U01", "28U02"]).any()


@pytest.mark.parametrize("boundary_set", SETS)
def test_sido_sum_to_the_nation_in_each_set(by_set, boundary_set):
    obs = by_set[boundary_set]
    sido = regions.codes("sido", boundary_set)
    checked = 0
    for ind in ("reg_population_persons", "grdp_nominal_krw_mn", "reg_age65plus_persons"):
        assert catalog.get(ind).additive
        sub = obs[obs["indicator"] == ind]
        for year, g in sub.groupby("year"):
            s = g[g["region_code"].isin(sido)].dropna(subset=["value"])
            nation = g.loc[g["region_code"] == "00", "value"]
            if len(s) == len(sido) and len(nation):
                assert s["value"].sum() == pytest.approx(float(nation.iloc[0]), abs=0.5), (ind, year)
                checked += 1
    assert checked > 25  # every year with all of the set's 시도 (세종 from 2012)


def test_groups_are_one_territory_in_both_sets(by_set):
    key = ["region_code", "year", "indicator"]
    groups = ["00", "CR", "NC", "CC", "HN", "DG", "DN", "GW", "JJ"]
    counts = {"reg_at_risk_sigungu_count", "res_at_risk_sigungu_count", "cen2010_at_risk_sigungu_count"}
    a, b = ({s: o[o["region_code"].isin(groups) & ~o["indicator"].isin(counts)].set_index(key)["value"].dropna()
             for s, o in by_set.items()}).values()
    common = a.index.intersection(b.index)
    assert len(common) > 1000
    pd.testing.assert_series_equal(a.loc[common].sort_index(), b.loc[common].sort_index(), rtol=1e-9,
                                   check_names=False)
