"""인구감소지역 and 인구감소관심지역 designated by 행정안전부, one row per designated 시군구.

Two notices: 89 인구감소지역 (행정안전부 고시 제2021-66호 of 2021-10-19, as amended by 고시
제2024-15호: 군위군 listed under 대구 after its move of 2023-07-01) and 18 인구감소관심지역
(고시 제2025-78호, in force from 2026-01-01). Files in `policy/`: a transcription of both lists
with the current 5-digit 시군구 code of each area (`population-region-index-with-codes.json`)
and the same lists by name with the notice metadata (`population-decline-regions-*.json`,
`population-decline-interest-regions-*.json`). The code list is checked record by record
against the registry (code, name, 시도) and against the by-name lists; any disagreement
raises `SourceFileError` (row = 1-based position in `regions[]`, column = the JSON field).

Not an observation series (`INDICATORS` is empty): `load_designations` returns a status table
that views join to indicators by region_code.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from geo import regions
from geo.crosswalk import UnknownRegionError, sido_code_for_name
from indicators.errors import SourceFileError
from indicators.registry import declared
from indicators.sources._files import check_coverage, find_files
from indicators.sources._io import read_text

CODES_FILE = "policy/population-region-index-with-codes.json"
BY_NAME_FILES: dict[str, str] = {"decline": "policy/population-decline-regions-*.json",
                                 "interest": "policy/population-decline-interest-regions-*.json"}
EXPECTED: dict[str, int] = {"decline": 89, "interest": 18}
DESIGNATION_KO: dict[str, str] = {"decline": "인구감소지역", "interest": "인구감소관심지역"}
FIELDS = ("province", "normalizedProvince", "name", "regionType", "sourceNotice", "lawdCd")
# Codes mistyped in the shipped transcription (lawdCd, name) → correct code. Each fix is
# applied only to that exact record; the corrected code must still carry the file's name in
# the registry (checked like every other record). 47220 is no code at all.
CODE_ERRATA: dict[tuple[str, str], str] = {
    ("47250", "문경시"): "47280",  # 47250 is 상주시
    ("47230", "상주시"): "47250",  # 47230 is 영천시
    ("47220", "영천시"): "47230",
}
COLUMNS = ["region_code", "designation", "notice", "notice_date", "in_force_from"]
_ISO = r"^\d{4}-\d{2}-\d{2}$"

SOURCE, INDICATORS = declared(__name__)  # metadata: population_decline.yaml beside this file

SCHEMA = pa.DataFrameSchema(
    {
        "region_code": pa.Column(str, pa.Check.isin(regions.codes("sigungu"))),
        "designation": pa.Column(str, pa.Check.isin(list(EXPECTED))),
        "notice": pa.Column(str, pa.Check.str_matches(r"^행정안전부 고시 제\d{4}-\d+호$")),
        "notice_date": pa.Column(str, pa.Check.str_matches(_ISO)),
        "in_force_from": pa.Column(str, pa.Check.str_matches(_ISO)),
    },
    unique=["region_code"], strict=True, ordered=True,
)


def _read_json(path: Path) -> dict:
    """The JSON document (an object) of a file; invalid JSON names file and line."""
    try:
        doc = json.loads(read_text(path, table=False))
    except json.JSONDecodeError as err:
        raise SourceFileError(path, f"not valid JSON ({err.msg})", row=err.lineno) from None
    if not isinstance(doc, dict):
        raise SourceFileError(path, f"expected a JSON object at top level, found {type(doc).__name__}")
    return doc


def _field(path: Path, rec: object, row: int, key: str) -> str:
    """A non-empty string field of record `row` (1-based in `regions[]`)."""
    if not isinstance(rec, dict):
        raise SourceFileError(path, f"record is {type(rec).__name__}, expected an object", row=row)
    value = rec.get(key)
    if not isinstance(value, str) or not value.strip():
        raise SourceFileError(path, f"field missing or empty: {value!r}", row=row, column=key)
    return value.strip()


def _records(path: Path, doc: dict, fields: tuple[str, ...]) -> list[dict[str, str]]:
    """`regions[]` as dicts of stripped strings, every field present."""
    recs = doc.get("regions")
    if not isinstance(recs, list) or not recs:
        raise SourceFileError(path, "expected a non-empty list 'regions'", column="regions")
    return [{k: _field(path, rec, i, k) for k in fields} for i, rec in enumerate(recs, start=1)]


def _iso(path: Path, meta: dict, key: str) -> str:
    """An ISO date from the file's `source` metadata."""
    value = meta.get(key)
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise SourceFileError(path, f"expected an ISO date, found {value!r}", column=f"source.{key}") from None


def _metadata(path: Path, doc: dict, n_regions: int) -> dict[str, str]:
    """Issuer, notice number and dates of a by-name file; totalCount must equal len(regions)."""
    meta = doc.get("source")
    if not isinstance(meta, dict):
        raise SourceFileError(path, "expected an object 'source' (notice metadata)", column="source")
    issuer, number = meta.get("issuer"), meta.get("noticeNo")
    if issuer != "행정안전부" or not isinstance(number, str) or not number.strip():
        raise SourceFileError(path, f"issuer {issuer!r}, notice {number!r}: expected 행정안전부 and a number",
                              column="source.noticeNo")
    if doc.get("totalCount") != n_regions:
        raise SourceFileError(path, f"totalCount {doc.get('totalCount')!r} but {n_regions} regions listed",
                              column="totalCount")
    in_force = _iso(path, meta, "effectiveDate")
    notice_date = _iso(path, meta, "announcedDate") if "announcedDate" in meta else in_force
    _check_dates(path, meta, number.strip(), in_force, notice_date)
    # the year a list is in force from is the year its manifest row gives
    check_coverage(path, pd.DataFrame({"year": [int(in_force[:4])], "_row": [None], "_col": ["source.effectiveDate"]}))
    return {"number": number.strip(), "notice": f"{issuer} 고시 제{number.strip()}호",
            "notice_date": notice_date, "in_force_from": in_force}


def _check_dates(path: Path, meta: dict, number: str, in_force: str, notice_date: str) -> None:
    """The dates of a notice agree with each other and with its number ('2024-15': issued in 2024):
    announced in the year of its number, in force on or after that, not before it was announced,
    after the base date it states and before its expiry. A date shifted by a year breaks one of them."""
    m = re.fullmatch(r"(\d{4})-\d+", number)
    if not m:
        raise SourceFileError(path, f"notice number {number!r} is not 'YYYY-N'", column="source.noticeNo")
    year = int(m.group(1))
    if "announcedDate" in meta and int(notice_date[:4]) != year:
        raise SourceFileError(path, f"announced {notice_date}, but notice {number} was issued in {year}",
                              column="source.announcedDate")
    if not year <= int(in_force[:4]) <= year + 1:
        raise SourceFileError(path, f"in force from {in_force}, but notice {number} was issued in {year} (a notice "
                              "takes effect in its year or the next)", column="source.effectiveDate")
    if in_force < notice_date:
        raise SourceFileError(path, f"in force from {in_force}, before it was announced ({notice_date})",
                              column="source.effectiveDate")
    for key, later in (("baseDate", False), ("expiryDate", True)):
        if key in meta:
            other = _iso(path, meta, key)
            if (other <= in_force) if later else (other > in_force):
                raise SourceFileError(path, f"{key} {other} is {'not after' if later else 'after'} the date it is in "
                                      f"force from ({in_force})", column=f"source.{key}")


def _sido(path: Path, value: str, row: int, column: str) -> str:
    """시도 code of a (short or full) 시도 name in the file."""
    try:
        return sido_code_for_name(value)
    except UnknownRegionError as err:
        raise SourceFileError(path, str(err), row=row, column=column) from None


def _code(path: Path, rec: dict[str, str], row: int) -> str:
    """Registry code of a record: errata applied, then code, name and 시도 checked."""
    code = CODE_ERRATA.get((rec["lawdCd"], rec["name"]), rec["lawdCd"])
    try:
        reg = regions.require(code)
    except UnknownRegionError:
        reg = None
    if reg is None or reg["level"] != "sigungu":
        raise SourceFileError(path, f"{code!r} is not a 시군구 code of the registry", row=row, column="lawdCd")
    if reg["name_ko"] != rec["name"]:
        raise SourceFileError(path, f"{rec['name']!r} but the registry names {code} {regions.name(code)!r}",
                              row=row, column="name")
    for col in ("province", "normalizedProvince"):
        if _sido(path, rec[col], row, col) != reg["parent_code"]:
            raise SourceFileError(path, f"{rec[col]!r} but {code} {rec['name']} is in "
                                  f"{regions.name(reg['parent_code'])}", row=row, column=col)
    return code


def _check_list(path: Path, recs: list[dict[str, str]], codes: list[str], notices: dict[str, dict]) -> None:
    """regionType and sourceNotice per record, no duplicated code, 89 + 18 exactly."""
    seen: dict[str, int] = {}
    for row, (rec, code) in enumerate(zip(recs, codes), start=1):
        kind = rec["regionType"]
        if kind not in EXPECTED:
            raise SourceFileError(path, f"{kind!r}: expected one of {list(EXPECTED)}", row=row, column="regionType")
        if rec["sourceNotice"] != notices[kind]["number"]:
            raise SourceFileError(path, f"{rec['sourceNotice']!r}, expected {notices[kind]['number']!r} for "
                                  f"{kind}", row=row, column="sourceNotice")
        if code in seen:
            raise SourceFileError(path, f"duplicated code {code} (first at row {seen[code]})", row=row,
                                  column="lawdCd")
        seen[code] = row
    counts = Counter(r["regionType"] for r in recs)
    for kind, n in EXPECTED.items():
        if counts[kind] != n:
            raise SourceFileError(path, f"{counts[kind]} {kind} areas, the notice lists {n}", column="regionType")


def _cross_check(path: Path, recs: list[dict[str, str]], kind: str, other: Path,
                 named: list[dict[str, str]]) -> None:
    """Same (시도, name) list in the code file (for `kind`) and the by-name file."""
    mine = [(_sido(path, r["province"], i, "province"), r["name"], i) for i, r in enumerate(recs, 1)
            if r["regionType"] == kind]
    theirs = [(_sido(other, r["province"], i, "province"), r["name"], i) for i, r in enumerate(named, 1)]
    have, want = Counter(k[:2] for k in mine), Counter(k[:2] for k in theirs)
    for sido, name, row in theirs:
        if have[(sido, name)] < want[(sido, name)]:
            raise SourceFileError(other, f"{regions.name(sido)} {name} is not a {kind} area in {path.name}",
                                  row=row, column="name")
    for sido, name, row in mine:
        if want[(sido, name)] < have[(sido, name)]:
            raise SourceFileError(path, f"{regions.name(sido)} {name} is not listed in {other.name}",
                                  row=row, column="name")


def _check_no_repeats(path: Path, recs: list[dict[str, str]]) -> None:
    """A by-name list names each (시도, 시군구) once; a repeat raises at its record."""
    seen: dict[tuple[str, str], int] = {}
    for row, r in enumerate(recs, start=1):
        key = (_sido(path, r["province"], row, "province"), r["name"])
        if key in seen:
            raise SourceFileError(path, f"{r['province']} {r['name']} listed twice (first at row {seen[key]})",
                                  row=row, column="name")
        seen[key] = row


def _one(raw_dir: Path, pattern: str) -> Path:
    paths = find_files(raw_dir, pattern)
    if len(paths) > 1:
        raise SourceFileError(paths[1], f"more than one file matches {pattern!r}: {[str(p) for p in paths]}")
    return paths[0]


def load_designations(raw_dir: Path) -> pd.DataFrame:
    """One row per designated 시군구: region_code, designation ('decline' | 'interest'), notice,
    notice_date, in_force_from (ISO dates from the notice metadata)."""
    path = _one(raw_dir, CODES_FILE)
    named_paths = {kind: _one(raw_dir, pattern) for kind, pattern in BY_NAME_FILES.items()}
    recs = _records(path, _read_json(path), FIELDS)
    notices, named = {}, {}
    for kind, p in named_paths.items():
        doc = _read_json(p)
        named[kind] = _records(p, doc, ("province", "name"))
        _check_no_repeats(p, named[kind])
        notices[kind] = _metadata(p, doc, len(named[kind]))
    codes = [_code(path, rec, row) for row, rec in enumerate(recs, start=1)]
    # a list of areas, no years: only its regions are held to its manifest row
    check_coverage(path, pd.DataFrame(columns=["year", "_row", "_col"]),
                   pd.DataFrame({"region_code": codes, "_row": range(1, len(codes) + 1), "_col": "lawdCd"}))
    _check_list(path, recs, codes, notices)
    for kind, p in named_paths.items():
        _cross_check(path, recs, kind, p, named[kind])
    out = pd.DataFrame({"region_code": codes, "designation": [r["regionType"] for r in recs]})
    for col in ("notice", "notice_date", "in_force_from"):
        out[col] = out["designation"].map({k: v[col] for k, v in notices.items()})
    out = out.sort_values(["designation", "region_code"], ignore_index=True)
    return SCHEMA.validate(out[COLUMNS])
