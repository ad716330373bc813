"""Readers of the built tables: the only way pages get data (cached by Streamlit in the app).

No Streamlit import here, so tests and the benchmark can use the same functions;
`app_data` wraps them in `st.cache_data` (`app_data/tables.py`).

Every reader checks what it read against what the build writes (`observations` against
`schema.TIDY`, `gaps` and `coverage` against `GAPS` and `COVERAGE` below, the report for a JSON
object of the expected shape). A file that is missing raises `NotBuilt`; one that cannot be read
(truncated, not parquet/JSON) or does not match raises `BuiltDataError` (a `NotBuilt`), naming the
file and what is wrong. Either way the fix is the same: `python -m indicators build`.

Layout (written by `indicators.build.write`): each build is a complete set of files in its own
folder `<out>/builds/<build id>/`, and the text file `<out>/current` names the published one (it is
replaced in one step, so a reader sees either the old set or the new one, never a mix). Readers
take the output folder (`out_dir`, default `config.out_dir()`) and optionally a `build` id; without
one they follow the pointer at the time of the call. The app passes the id it resolved once per
script run (`app_data.data_version()`), so all the tables of a run come from one set. A damaged
pointer (not one build id, or naming a folder that is not there) raises `BuiltDataError` naming the
pointer, not a missing table.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pandera.errors as pa_errors
import pandera.pandas as pa

from geo.regions import REFERENCE_SET, SETS
from indicators import config, schema

BUILD_COMMAND = "python -m indicators build"
_ID = r"^[a-z0-9_]+$"
_YEAR = pa.Check.in_range(1960, 2100)
SET_COLUMN = "boundary_set"  # every built table but the designations: the boundary set of its rows
_SET = pa.Column(str, pa.Check.isin(list(SETS)))


class NotBuilt(FileNotFoundError):
    """The build has not been run (or wrote elsewhere): says which command to run."""


class BuiltDataError(NotBuilt):
    """A built table exists but cannot be used (truncated, unreadable, wrong schema).

    `path` is the file, `problem` a short description of what is wrong with it."""

    def __init__(self, path: Path, problem: str):
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem} — rebuild with `{BUILD_COMMAND}`")


# What indicators/gap.py:capital_gaps writes: one row per (indicator, year) where CR and NC exist.
GAPS = pa.DataFrameSchema(
    {
        "indicator": pa.Column(str, pa.Check.str_matches(_ID)),
        "year": pa.Column("int64", _YEAR),
        "capital_value": pa.Column(float),
        "noncapital_value": pa.Column(float),
        "national_value": pa.Column(float, nullable=True),
        "capital_share_pct": pa.Column(float, nullable=True),
        "capital_to_noncapital_ratio": pa.Column(float, nullable=True),
        "capital_minus_noncapital": pa.Column(float, nullable=True),
    },
    unique=["indicator", "year"],
)

# What indicators/build.py:coverage writes: regions with a value per indicator, level and year.
COVERAGE = pa.DataFrameSchema(
    {
        "indicator": pa.Column(str, pa.Check.str_matches(_ID)),
        "level": pa.Column(str, pa.Check.str_length(min_value=1)),
        "year": pa.Column("int64", _YEAR),
        "regions": pa.Column("int64", pa.Check.ge(0)),
    },
    unique=["indicator", "level", "year"],
)


POINTER = "current"  # text file in the output folder: the id of the published build
BUILDS = "builds"  # folder of build sets, one sub-folder per build id
OUTPUTS = ("observations.parquet", "gaps.parquet", "coverage.parquet", "designations.parquet", "month_end.parquet",
           "build_report.json", "map_geometry.json")
MAP_LEVELS = ("sigungu", "sido", "macro")  # the levels of map_geometry.json (geo.svgmap.LEVELS)
MAP_SETS = ("2024", "2026-07")  # its boundary sets (geo.boundary_sets.SETS), each with every level


def published(out_dir: Path | None = None) -> int:
    """Id of the published build, read from the pointer `<out>/current`. `NotBuilt` when there is no
    pointer (nothing built yet); `BuiltDataError` naming the pointer when it is damaged: unreadable,
    not one line of digits, or naming a build folder that does not exist."""
    root = config.out_dir(out_dir)
    path = root / POINTER
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise NotBuilt(f"{path} not found — run `{BUILD_COMMAND}` first") from None
    except OSError as err:
        raise BuiltDataError(path, f"the build pointer cannot be read ({err.strerror or err})") from err
    text = raw.decode("ascii", errors="replace").strip()
    if not re.fullmatch(r"[0-9]{1,30}", text) or not int(text):
        shown = text[:40] + ("…" if len(text) > 40 else "")
        raise BuiltDataError(path, f"the build pointer is damaged: it should hold one build id (digits), "
                                   f"it holds {shown!r}")
    build = int(text)
    if not (root / BUILDS / text).is_dir():
        raise BuiltDataError(path, f"the build pointer is damaged: it names build {build}, which is not in "
                                   f"{root / BUILDS}")
    return build


def current_build(out_dir: Path | None = None) -> int:
    """Id of the published build (a UTC time stamp as digits, e.g. 20250101120000123456); 0 if there is
    none or the pointer is damaged (`published` says which)."""
    try:
        return published(out_dir)
    except NotBuilt:
        return 0


def build_dir(out_dir: Path | None = None, build: int | None = None) -> Path:
    """Folder of one build set: `build`, else the published one. `NotBuilt` if there is none (or
    `build` was removed since), `BuiltDataError` naming the pointer if the pointer is damaged."""
    root = config.out_dir(out_dir)
    build = build or published(out_dir)
    folder = root / BUILDS / str(build)
    if not folder.is_dir():
        raise NotBuilt(f"{folder} not found — run `{BUILD_COMMAND}` first")
    return folder


def _path(name: str, out_dir: Path | None = None, build: int | None = None) -> Path:
    p = build_dir(out_dir, build) / name
    if not p.exists():
        raise NotBuilt(f"{p} not found — run `{BUILD_COMMAND}` first")
    return p


def _schema_problem(err: Exception) -> str:
    """A one-line summary of a pandera failure (the full report can run to pages)."""
    if isinstance(err, pa_errors.SchemaErrors):
        cases = err.failure_cases
        if cases is not None and len(cases):
            pairs = cases[["column", "check"]].drop_duplicates().head(5)
            return "; ".join(f"{c if c is not None else '(table)'}: {k}" for c, k in pairs.itertuples(index=False))
    first = (str(err).strip().splitlines() or [type(err).__name__])[0]
    return first[:300]


def _read_table(name: str, table_schema: pa.DataFrameSchema, out_dir: Path | None,
                build: int | None = None) -> pd.DataFrame:
    path = _path(name, out_dir, build)
    try:
        df = pd.read_parquet(path)
    except Exception as err:  # noqa: BLE001 — any failure to read means the file is damaged
        raise BuiltDataError(path, f"cannot be read as parquet (truncated or damaged?): "
                                   f"{type(err).__name__}: {str(err)[:200]}") from err
    df = df.reset_index(drop=True)
    try:
        return table_schema.validate(df)
    except (pa_errors.SchemaError, pa_errors.SchemaErrors) as err:
        raise BuiltDataError(path, f"does not have the expected columns/values: {_schema_problem(err)}") from err
    except (ValueError, TypeError, KeyError) as err:  # pandera itself failing on a malformed frame
        raise BuiltDataError(path, f"does not have the expected columns/values: "
                                   f"{type(err).__name__}: {str(err)[:200]}") from err


def _with_set(table_schema: pa.DataFrameSchema) -> pa.DataFrameSchema:
    """`table_schema` as written: its columns and the boundary set of each row, unique per set."""
    return pa.DataFrameSchema({**table_schema.columns, SET_COLUMN: _SET},
                              unique=[*(table_schema.unique or []), SET_COLUMN], strict=True)


OBSERVATIONS = _with_set(schema.TIDY)


def _in_set(df: pd.DataFrame, boundary_set: str | None) -> pd.DataFrame:
    """The rows of one boundary set, without the set column (what every page reads); None: every row,
    with the column (as written)."""
    if boundary_set is None:
        return df
    if boundary_set not in SETS:
        raise KeyError(f"unknown boundary set {boundary_set!r} (known: {', '.join(SETS)})")
    return df[df[SET_COLUMN] == boundary_set].drop(columns=SET_COLUMN).reset_index(drop=True)


def observations(out_dir: Path | None = None, build: int | None = None,
                 boundary_set: str | None = REFERENCE_SET) -> pd.DataFrame:
    """The tidy table of one boundary set: region_code, year, indicator, value (the file, every set,
    checked against `OBSERVATIONS`: `schema.TIDY` plus the set)."""
    return _in_set(_read_table("observations.parquet", OBSERVATIONS, out_dir, build), boundary_set)


def gaps(out_dir: Path | None = None, build: int | None = None,
         boundary_set: str | None = REFERENCE_SET) -> pd.DataFrame:
    """Capital vs non-capital per indicator and year in one boundary set (checked against `GAPS`; the same
    in both sets but for counts of units, e.g. at-risk 시군구)."""
    return _in_set(_read_table("gaps.parquet", _with_set(GAPS), out_dir, build), boundary_set)


def coverage(out_dir: Path | None = None, build: int | None = None,
             boundary_set: str | None = REFERENCE_SET) -> pd.DataFrame:
    """indicator, level, year, regions (with a value) in one boundary set (checked against `COVERAGE`)."""
    return _in_set(_read_table("coverage.parquet", _with_set(COVERAGE), out_dir, build), boundary_set)


# What indicators/build.py writes from indicators/sources/population_decline.py (empty in a
# package-only build): one row per designated 시군구.
DESIGNATIONS = pa.DataFrameSchema(
    {
        "region_code": pa.Column(str, pa.Check.str_matches(r"^\d{5}$")),
        "designation": pa.Column(str, pa.Check.isin(["decline", "interest"])),
        "notice": pa.Column(str),
        "notice_date": pa.Column(str),
        "in_force_from": pa.Column(str),
    },
    unique=["region_code"], strict=True, ordered=True,
)


# What indicators/month_end.py writes: figures of a month end that is not a year end (MOIS exports of a
# month other than December), by period 'YYYY-MM', in every boundary set; never in observations.
MONTH_END = pa.DataFrameSchema(
    {
        "region_code": pa.Column(str, pa.Check.str_matches(r"^(\d{2}|\d{5}|\d{2}U\d{2}|[A-Z]{2})$")),
        "period": pa.Column(str, pa.Check.str_matches(r"^(19|20)\d{2}-(0[1-9]|1[01])$")),
        "indicator": pa.Column(str, pa.Check.str_matches(_ID)),
        "value": pa.Column(float),
        SET_COLUMN: _SET,
    },
    unique=["region_code", "period", "indicator", SET_COLUMN], strict=True, ordered=True,
)


def month_end(out_dir: Path | None = None, build: int | None = None,
              boundary_set: str | None = REFERENCE_SET) -> pd.DataFrame:
    """Month-end figures of one boundary set: region_code, period ('2025-06'), indicator, value (checked
    against `MONTH_END`). A month end is its own reference date ('2025년 6월 말'): never a year of a series."""
    return _in_set(_read_table("month_end.parquet", MONTH_END, out_dir, build), boundary_set)


def designations(out_dir: Path | None = None, build: int | None = None) -> pd.DataFrame:
    """인구감소지역 ('decline') / 인구감소관심지역 ('interest') per 시군구 (checked against `DESIGNATIONS`)."""
    return _read_table("designations.parquet", DESIGNATIONS, out_dir, build)


def _report_problem(rep: object) -> str | None:
    """What is wrong with a parsed build report (None if it has the shape the build writes)."""
    if not isinstance(rep, dict):
        return f"is a JSON {type(rep).__name__}, not an object"
    sources = rep.get("sources")
    if not isinstance(sources, list) or not all(isinstance(s, dict) for s in sources):
        return "has no list of sources ('sources')"
    for s in sources:
        if not isinstance(s.get("source", ""), str) or not isinstance(s.get("status", ""), str):
            return "has a source entry whose 'source' or 'status' is not text"
        inds = s.get("indicators", [])
        if not isinstance(inds, list) or not all(isinstance(i, str) for i in inds):
            return "has a source entry whose 'indicators' is not a list of ids"
    if not isinstance(rep.get("rows", 0), int) or isinstance(rep.get("rows", 0), bool):
        return "has a 'rows' that is not a whole number"
    if not isinstance(rep.get("raw_dir", ""), str):
        return "has a 'raw_dir' that is not text"
    if not isinstance(rep.get("checks", {}), dict):
        return "has 'checks' that is not an object"
    return None


def build_report(out_dir: Path | None = None, build: int | None = None) -> dict:
    """What the last build built, skipped or read in part, and why."""
    path = _path("build_report.json", out_dir, build)
    try:
        rep = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as err:  # JSONDecodeError is a ValueError
        raise BuiltDataError(path, f"is not valid JSON (truncated or damaged?): {str(err)[:200]}") from err
    problem = _report_problem(rep)
    if problem:
        raise BuiltDataError(path, problem)
    return rep


def map_geometry(out_dir: Path | None = None, build: int | None = None) -> dict:
    """The browser map's geometry written with the build (`geo.svgmap`), per boundary set (`MAP_SETS`:
    `map_geometry()["2026-07"]`): per level the SVG paths of every region, and the 시군구 shapes for
    outlines drawn later."""
    path = _path("map_geometry.json", out_dir, build)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as err:
        raise BuiltDataError(path, f"is not valid JSON (truncated or damaged?): {str(err)[:200]}") from err
    for set_id in MAP_SETS:
        one = data.get(set_id) if isinstance(data, dict) else None
        for level in MAP_LEVELS:
            part = one.get(level) if isinstance(one, dict) else None
            if not isinstance(part, dict) or len(part.get("codes", ())) != len(part.get("paths", ())) \
                    or not part.get("codes"):
                raise BuiltDataError(path, f"has no paths for boundary set {set_id!r}, level {level!r}")
    return data
