"""행정안전부 주민등록 인구통계 「연령별 인구현황」 exports (jumin.mois.go.kr), recognised by their header.

The portal writes one column per period × sex × registration kind × age item, in every form it offers:
`2024년_거주자_총인구수`, `2022년_여_거주자_20~24세` (annual, 5-year bands), `2025년06월_계_0세` (monthly,
single years), `2025년06월_남_20~29세` (10-year bands, 남/여 only), `2026년06월_계_100세 이상`. The
grammar (`HEADER`): `{YYYY}년[{MM}월]_[{계|남|여}_][{거주자|거주불명자|재외국민}_]{item}` — no sex token
means 계; no kind means 전체 (the whole 주민등록 population, the portal's default 등록구분); the item is
총인구수, 연령구간인구수 or an age (`0세`, `0~4세`, `100세 이상`). A file whose every column but
행정구역 fits is an export of this table, whatever its name, period or band width.

From such a file this module derives, per period and kind, what the bands allow (`measures`): the total
population; people aged 65+ (bands that start at 65 — from 10-year bands, 60~69 straddles it: none);
women aged 20–39 (여 bands that cover exactly 20–39). Each measure is the 계 column(s), or 남 + 여 where the
file has no 계. A measure the bands do not allow is absent, never estimated.

Rows: `행정구역` = name and 10-digit 행정기관코드. A 시도 row is `XX00000000`, a 시군구 `XXXXX00000`;
출장소 rows (sub-offices, always 0) and 일반구 (parts of their city) are not units; the rest are
읍면동 (행정동) rows, kept apart for rebuilding units from their 행정동 (`dong_rows`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from geo.crosswalk import is_general_gu
from indicators.errors import SourceFileError

REGION_COL = "행정구역"
HEADER = re.compile(r"^(?P<year>\d{4})년(?:(?P<month>\d{2})월)?_(?:(?P<sex>계|남|여)_)?"
                    r"(?:(?P<kind>거주자|거주불명자|재외국민)_)?(?P<item>.+)$")
_AGE = re.compile(r"^(?P<lo>\d+)(?:~(?P<hi>\d+))?세(?P<open> 이상)?$")
REGION = re.compile(r"^(?P<name>.*?)\s*\((?P<code>\d{10})\)\s*$")
WHOLE = "전체"  # no registration kind in the header: the whole registered population
MEASURES = ("population", "age65plus", "female_20_39")


@dataclass(frozen=True)
class Column:
    """One header column of an export: period (year, month — None for an annual file), sex (계/남/여),
    registration kind (`WHOLE` or 거주자/…), item and, for an age item, its band [lo, hi] (hi None:
    open-ended)."""

    name: str
    year: int
    month: int | None
    sex: str
    kind: str
    item: str
    lo: int | None = None
    hi: int | None = None

    @property
    def period(self) -> tuple[int, int | None, str]:
        return self.year, self.month, self.kind


def recognise(columns: list[str]) -> list[Column] | None:
    """The parsed header if every column but `행정구역` is one of this table's, else None (another
    table: not ours to read)."""
    if not columns or columns[0] != REGION_COL or len(columns) < 2:
        return None
    out = []
    for name in columns[1:]:
        m = HEADER.match(name.strip())
        if not m:
            return None
        item = m["item"]
        lo = hi = None
        if item not in ("총인구수", "연령구간인구수"):
            a = _AGE.match(item)
            if not a:
                return None
            lo = int(a["lo"])
            hi = None if a["open"] else int(a["hi"] or a["lo"])
        out.append(Column(name, int(m["year"]), int(m["month"]) if m["month"] else None, m["sex"] or "계",
                          m["kind"] or WHOLE, item, lo, hi))
    return out


def _covering(bands: list[Column], lo: int, hi: int | None) -> list[Column] | None:
    """Bands that tile [lo, hi] exactly (hi None: to the open end), or None."""
    chosen = sorted((b for b in bands if b.lo is not None and b.lo >= lo and (hi is None or (b.hi is not None
                                                                                            and b.hi <= hi))),
                    key=lambda b: b.lo)
    at = lo
    for b in chosen:
        if b.lo != at:
            return None
        if b.hi is None:
            return chosen if hi is None else None
        at = b.hi + 1
    return chosen if hi is not None and at == hi + 1 and chosen else None


def measures(columns: list[Column]) -> dict[tuple[int, int | None, str], dict[str, list[str]]]:
    """Per period (year, month, kind): measure → the columns summed for it (`MEASURES`; a measure the
    bands do not allow is left out)."""
    out: dict[tuple[int, int | None, str], dict[str, list[str]]] = {}
    for period in dict.fromkeys(c.period for c in columns):
        cols = [c for c in columns if c.period == period]
        by_sex = {s: [c for c in cols if c.sex == s] for s in ("계", "남", "여")}
        found: dict[str, list[str]] = {}
        for measure, (lo, hi, sexes) in {"population": (None, None, ("계",)), "age65plus": (65, None, ("계",)),
                                         "female_20_39": (20, 39, ("여",))}.items():
            for use in (sexes, ("남", "여")) if sexes == ("계",) else (sexes,):
                parts = []
                for s in use:
                    if lo is None:
                        total = [c for c in by_sex[s] if c.item == "총인구수"]
                        parts.append(total if len(total) == 1 else None)
                    else:
                        parts.append(_covering([c for c in by_sex[s] if c.lo is not None], lo, hi))
                if parts and all(parts):
                    found[measure] = [c.name for p in parts for c in p]
                    break
        out[period] = found
    return out


def classify_rows(path: Path, names: pd.Series, rows: pd.Series) -> pd.DataFrame:
    """Each row's name, 10-digit code and kind: 'sido', 'sigungu', 'dong', or 'none' (출장소, 일반구);
    a region cell without its 행정기관코드 is refused, naming the row."""
    parsed = names.str.strip().str.extract(REGION)
    bad = parsed["code"].isna()
    if bad.any():
        i = bad.idxmax()
        raise SourceFileError(path, f"region {names[i]!r} lacks a 10-digit 행정기관코드", row=int(rows[i]),
                              column=REGION_COL)
    code, name = parsed["code"], parsed["name"].str.strip()
    kind = pd.Series("dong", index=names.index)
    kind[code.str[5:] == "00000"] = "sigungu"
    kind[code.str[2:] == "0" * 8] = "sido"
    kind[code == "0" * 10] = "nation"
    office = name.str.contains("출장소")
    general = (kind == "sigungu") & pd.Series([is_general_gu(c[:5], n) for c, n in zip(code, name)],
                                              index=names.index)
    kind[office | general] = "none"
    return pd.DataFrame({"name": name, "code10": code, "kind": kind, "row": rows})


def split_units(path: Path, units: pd.DataFrame, dongs: pd.DataFrame, declared: pd.DataFrame) -> pd.DataFrame:
    """The reform's split units rebuilt from a file's 행정동 rows (`declared`: old_gu, dong, new_gu —
    `geo.regions.dong_units`): for each old 구 whose 행정동 in the file are exactly the declared ones, the
    sum of each new 구's 행정동 (columns of `dongs` other than name, code10, row). The 행정동 of an old 구 must
    add up to its own row (`units`, by 5-digit code) in every column, or the file is refused naming the row.
    An old 구 with other 행정동 (another vintage of the list) is not rebuilt. Returns new_gu, the summed
    columns, row (the old 구's row)."""
    value_cols = [c for c in dongs.columns if c not in ("name", "code10", "row")]
    out = []
    for old, decl in declared.groupby("old_gu"):
        mine = dongs[dongs["code10"].str[:5] == old]
        names = mine["name"].str.split().str[-1]
        if set(names) != set(decl["dong"]) or names.duplicated().any():
            continue
        own = units[units["code10"].str[:5] == old]
        if len(own) != 1:
            continue
        total = mine[value_cols].sum()
        row = own.iloc[0]
        off = [c for c in value_cols if abs(total[c] - row[c]) > 0.5]
        if off:
            raise SourceFileError(path, f"the 행정동 of {row['name']} add up to {total[off[0]]:,.0f}, its own row says "
                                        f"{row[off[0]]:,.0f}", row=int(row["row"]), column=off[0])
        to_new = dict(zip(decl["dong"], decl["new_gu"]))
        by_new = mine.assign(new_gu=names.map(to_new)).groupby("new_gu")[value_cols].sum()
        out.append(by_new.reset_index().assign(row=int(row["row"])))
    return pd.concat(out, ignore_index=True) if out else pd.DataFrame(columns=["new_gu", *value_cols, "row"])
