"""Region groups declared once: 수도권/비수도권 and the seven 초광역권 (권역).

Groups are unions of whole 시도, so their figures are sums of 시도 figures. The 권역 follow
the usual membership used by 경인지방통계청's 수도권 광역지표 and the 초광역 strategy:
수도권 = 서울·인천·경기; 충청권 = 대전·세종·충북·충남; 호남권 = 광주·전북·전남; 대경권 = 대구·경북;
동남권 = 부산·울산·경남; 강원권 = 강원; 제주권 = 제주. A 시도 split off later (광주 from 전남,
대전 from 충남, 울산 from 경남, 세종 from 충남·충북) sits in the same 권역 as its parent, so a
권역 covers the same territory in every year.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Group:
    """A named union of 시도. `level` is 'group' (수도권 vs the rest) or 'macro' (권역)."""

    code: str
    name_ko: str
    name_en: str
    members: tuple[str, ...]
    level: str


CAPITAL_SIDO: tuple[str, ...] = ("11", "28", "41")
_NON_CAPITAL = ("26", "27", "29", "30", "31", "36", "43", "44", "46", "47", "48", "50", "51", "52")

GROUPS: tuple[Group, ...] = (
    Group("CR", "수도권", "Capital region", CAPITAL_SIDO, "group"),
    Group("NC", "비수도권", "Non-capital region", _NON_CAPITAL, "group"),
)

# 권역 in the order 경인지방통계청 lists them (1.수도권 … 7.제주권); 수도권 is the group CR.
MACRO_REGIONS: tuple[Group, ...] = (
    Group("CR", "수도권", "Capital region", CAPITAL_SIDO, "macro"),
    Group("CC", "충청권", "Chungcheong region", ("30", "36", "43", "44"), "macro"),
    Group("HN", "호남권", "Honam region", ("29", "46", "52"), "macro"),
    Group("DG", "대경권", "Daegu-Gyeongbuk region", ("27", "47"), "macro"),
    Group("DN", "동남권", "Dongnam region", ("26", "31", "48"), "macro"),
    Group("GW", "강원권", "Gangwon region", ("51",), "macro"),
    Group("JJ", "제주권", "Jeju region", ("50",), "macro"),
)

GROUP_CODES: frozenset[str] = frozenset(g.code for g in GROUPS + MACRO_REGIONS)
CODE_PATTERN = r"^(\d{2}|\d{5}|\d{2}U\d{2}|" + "|".join(sorted(GROUP_CODES)) + r")$"  # 28U01: a union stand-in


# 시도 of later boundary sets, in the 권역 of the 시도 they were made of (geo/reform_2026.csv: 12 = 29 + 46)
LATER_SIDO_MACRO: dict[str, str] = {"12": "HN"}


def macro_of_sido() -> dict[str, str]:
    """시도 code (of either boundary set) → its 권역 code."""
    return {**{s: g.code for g in MACRO_REGIONS for s in g.members}, **LATER_SIDO_MACRO}
