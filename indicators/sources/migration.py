"""Internal migration between 시도 (KOSIS DT_1B26003_A01, 통계청 국내인구이동통계), annual 1970–2020.

File `migration/Number_of_internal_migrants_by_origin_and_destination_for_province_*.xlsx`
(SOURCES.md): sheet `Data`, one row per origin → destination pair (origin label filled
down where blank), one column per year, persons; labels are '<code> <English name>' with
administrative 시도 codes of the time (42 강원, 45 전북 → 51, 52); within-시도 moves on the
diagonal. The quarterly CSV of the same table (`101_DT_1B26003_A01_*.csv`, 1970 Q1–2021 Q1)
gives no indicator: its four quarters of each complete year are tallied the same way and kept
as cells, so the build holds the annual totals to the O–D matrix by quarter (`registry.yaml`
agreements).

Indicators per 시도 and year: in-migrants from other 시도, out-migrants to other 시도, net;
for 수도권 'CR' (서울·인천·경기) and 비수도권 'NC' only moves between the two groups count
(moves among 서울·인천·경기 are internal to CR). `flows()` gives the pairs for charts.
"""
from __future__ import annotations

import re
from fnmatch import fnmatchcase
from pathlib import Path

import pandas as pd

from geo.crosswalk import CAPITAL_SIDO, UnknownRegionError, sido_code_for_name, to_current_code
from geo.groups import macro_of_sido
from indicators.errors import SourceFileError
from indicators.registry import declared
from indicators.sources._files import (
    check_coverage,
    find_optional,
    load_all,
    note_files,
    recorded,
    tidy_sourced,
)
from indicators.sources._io import (
    check_consecutive_years,
    check_marks,
    check_order,
    check_unique,
    marks_of,
    read_csv_text,
    read_text,
    read_xlsx_sheet,
    refuse_negative,
    require_columns,
    table_of,
    to_number,
)

FILE_PATTERN = "Number_of_internal_migrants_by_origin_and_destination*.xlsx"
QUARTERLY_PATTERN = "101_DT_1B26003_A01_*.csv"
Q_ORIGIN, Q_ORIGIN_NAME, Q_DEST, Q_DEST_NAME, Q_PERIOD, Q_PERSONS = (
    "[B]By district to move-out", "By district to move-out", "[C]By district to move-in", "By district to move-in",
    "PERIOD", "Migrants[명]")
_QUARTER = re.compile(r"\s*(\d{4})\.\s*([1-4])/4\s*")
FLOW_KEY = ["year", "origin_code", "dest_code"]
DATA_SHEET, META_SHEET = "Data", "Meta Data"
TABLE_ID = "DT_1B26003_A01"
FIRST_DATA_ROW = 3  # sheet rows 1–2: year labels, item/unit labels

SOURCE, INDICATORS = declared(__name__)  # metadata: migration.yaml beside this file


def check_meta(path: Path) -> None:
    """The Meta Data sheet, when present, must name table DT_1B26003_A01."""
    try:
        meta = read_xlsx_sheet(path, META_SHEET)
    except SourceFileError:
        return  # the sheet is optional in KOSIS downloads
    ids = [str(v).strip() for k, v in zip(meta[0], meta[1]) if "Table ID" in str(k)] if meta.shape[1] > 1 else []
    if ids and ids[0] != TABLE_ID:
        raise SourceFileError(path, f"sheet {META_SHEET!r}: Table ID {ids[0]!r}, expected {TABLE_ID!r}",
                              column="Table ID")


def read(path: Path) -> tuple[pd.DataFrame, dict[int, int]]:
    """Data rows (origin filled down, `_row` = sheet row) and {column position: year}."""
    raw = read_xlsx_sheet(path, DATA_SHEET)
    if raw.shape[0] < FIRST_DATA_ROW or raw.shape[1] < 3:
        raise SourceFileError(path, f"sheet {DATA_SHEET!r} has no data rows")
    head = raw.iloc[0]
    for pos, (letter, want) in enumerate((("A", "move-out"), ("B", "move-in"))):
        if want not in str(head[pos]):
            raise SourceFileError(path, f"expected the {want} (origin A, destination B) labels in column {letter}, "
                                  f"found {head[pos]!r}", row=1, column=letter)
    years = {}
    for pos in range(2, raw.shape[1]):
        m = re.search(r"(\d{4})\s*$", str(head[pos]))
        unit = str(raw.iloc[1, pos])
        if not m or "Person" not in unit:
            raise SourceFileError(path, f"column {pos + 1}: {head[pos]!r} / {unit!r} is not a year of "
                                  "migrants in persons", row=1)
        years[pos] = int(m.group(1))
    check_consecutive_years(path, {f"{y}": y for y in years.values()})
    data = raw.iloc[FIRST_DATA_ROW - 1:].copy()
    data["_row"] = range(FIRST_DATA_ROW, FIRST_DATA_ROW + len(data))
    data[0] = data[0].ffill()  # origin printed once per block in some downloads: fill down
    return data, years


def _code(path: Path, label: object, row: int, column: str) -> str:
    """'42 Gangwon-do' → '51': the code mapped forward must agree with the English name."""
    m = re.fullmatch(r"\s*(\d{2})\s+(.+?)\s*", str(label))
    try:
        if not m:
            raise UnknownRegionError(f"label {label!r} is not '<code> <name>'")
        code = to_current_code(m.group(1))
        if sido_code_for_name(m.group(2)) != code:
            raise UnknownRegionError(f"code {m.group(1)} and name {m.group(2)!r} disagree")
    except UnknownRegionError as err:
        raise SourceFileError(path, f"{err} (label {label!r})", row=row, column=column) from None
    return code


def to_long(path: Path, data: pd.DataFrame, years: dict[int, int]) -> pd.DataFrame:
    """year, origin_code, dest_code, persons ('-' → NaN), `_row`; duplicated pairs raise; marks, years,
    regions and the order of origins and destinations checked against the declarations."""
    data = data.assign(origin_code=[_code(path, v, r, "A") for v, r in zip(data[0], data["_row"])],
                       dest_code=[_code(path, v, r, "B") for v, r in zip(data[1], data["_row"])])
    check_unique(path, data, ["origin_code", "dest_code"], row_col="_row", column="B")  # pair A → B
    table = table_of(SOURCE, path)
    parts = []
    for pos, year in years.items():
        persons = to_number(path, data[pos], f"{year}", first_row=FIRST_DATA_ROW)
        refuse_negative(path, persons, data["_row"], f"{year}", "a number of migrants")
        parts.append(pd.DataFrame({"year": year, "origin_code": data["origin_code"], "dest_code": data["dest_code"],
                                   "persons": persons, "_row": data["_row"], "mark": marks_of(data[pos]),
                                   "_col": f"{year}"}))
    long = pd.concat(parts, ignore_index=True)
    _check_regions(path, data.rename(columns={"origin_code": "o", "dest_code": "d"}), list(years.values()),
                   table, ("A", "B"))
    check_marks(path, long.assign(region_code=long["origin_code"] + "→" + long["dest_code"]), table)
    return long.drop(columns=["mark", "_col"])


def _check_regions(path: Path, pairs: pd.DataFrame, years: list[int], table, columns: tuple[str, str],
                   year_column: str | None = None) -> None:
    """Years and regions against the manifest; origins in order, and destinations within each origin."""
    year_cells = pd.DataFrame({"year": years, "_row": 1, "_col": year_column or [f"{y}" for y in years]})
    regions = pd.concat([pairs.assign(region_code=pairs["o"], _col=columns[0]),
                         pairs.assign(region_code=pairs["d"], _col=columns[1])])
    check_coverage(path, year_cells, regions)
    check_order(path, pairs.assign(region_code=pairs["o"], _block="origins"), table, columns[0])
    check_order(path, pairs.assign(region_code=pairs["d"], _block=pairs["o"]), table, columns[1])


def blank_placeholders(fl: pd.DataFrame) -> pd.DataFrame:
    """Rule: a 시도 whose every flow (out, in, within) is 0 in a year did not exist yet (the
    file prints 0 for 광주 1982–85, 대전 1982–88, 울산 1996): its flows become NaN."""
    roles = pd.concat([fl[["year", "origin_code", "persons"]].rename(columns={"origin_code": "code"}),
                       fl[["year", "dest_code", "persons"]].rename(columns={"dest_code": "code"})])
    g = roles.groupby(["year", "code"])["persons"].agg(["sum", "count"])
    dead = set(g[(g["count"] > 0) & (g["sum"] == 0)].index)
    hit = [(y, o) in dead or (y, d) in dead for y, o, d in zip(fl["year"], fl["origin_code"], fl["dest_code"])]
    return fl.assign(persons=fl["persons"].mask(pd.Series(hit, index=fl.index)))


def file_flows(path: Path) -> pd.DataFrame:
    """One download → year, origin_code, dest_code, persons for every pair with a figure."""
    check_meta(path)
    return blank_placeholders(to_long(path, *read(path))).dropna(subset=["persons"])


def flows(raw_dir: Path, within: bool = False) -> pd.DataFrame:
    """year, origin_code, dest_code, persons for every pair with a figure (charts).

    Within-시도 moves (origin == destination) only if `within`. Several downloads are combined
    pair by pair with the newest-vintage rule (`_files.combine_files`).
    """
    fl = load_all(raw_dir, FILE_PATTERN, file_flows, key=FLOW_KEY, value_col="persons",
                  indicator="migration flow (persons)").drop(columns=["source_file", "_row"])
    if not within:
        fl = fl[fl["origin_code"] != fl["dest_code"]]
    return fl.sort_values(["year", "origin_code", "dest_code"], ignore_index=True)


def _between(inter: pd.DataFrame, part_of: dict[str, str]) -> pd.DataFrame:
    """Flows relabelled to the parts of a partition of the 시도, moves inside one part dropped."""
    out = inter.assign(origin_code=inter["origin_code"].map(part_of), dest_code=inter["dest_code"].map(part_of))
    unknown = out["origin_code"].isna() | out["dest_code"].isna()
    if unknown.any():
        bad = inter[unknown].iloc[0]
        raise ValueError(f"시도 {bad['origin_code']}→{bad['dest_code']} in no part of the partition")
    return out[out["origin_code"] != out["dest_code"]]


def tally(fl: pd.DataFrame) -> pd.DataFrame:
    """In, out and net per 시도 (inter-시도 moves), for CR / NC (moves between the two groups) and for
    the other 권역 (moves between 권역; CR's 권역 figures are its group figures)."""
    inter = fl[fl["origin_code"] != fl["dest_code"]]
    sido = sorted(set(inter["origin_code"]) | set(inter["dest_code"]))
    groups = _between(inter, {c: "CR" if c in CAPITAL_SIDO else "NC" for c in sido})
    macro = _between(inter, macro_of_sido())
    macro = macro[(macro["origin_code"] != "CR") | (macro["dest_code"] != "CR")]
    parts = []
    for df, keep in ((inter, None), (groups, None), (macro, "non-CR")):
        moved_in = df.groupby(["dest_code", "year"])["persons"].sum().rename_axis(["region_code", "year"])
        moved_out = df.groupby(["origin_code", "year"])["persons"].sum().rename_axis(["region_code", "year"])
        wide = pd.DataFrame({"migration_in_persons": moved_in, "migration_out_persons": moved_out})
        wide["migration_net_persons"] = wide["migration_in_persons"] - wide["migration_out_persons"]
        if keep == "non-CR":  # CR from the group partition above (the same moves)
            wide = wide[wide.index.get_level_values("region_code") != "CR"]
        long = wide.reset_index().melt(id_vars=["region_code", "year"], var_name="indicator")
        if "_row" in df.columns:  # file position: the region's first row as origin (a sum of rows)
            first = df.groupby(["origin_code", "year"])["_row"].min().rename_axis(["region_code", "year"])
            long = long.merge(first.reset_index(), on=["region_code", "year"], how="left")
        parts.append(long)
    return pd.concat(parts, ignore_index=True)


def _tallied(path: Path, fl: pd.DataFrame, column) -> pd.DataFrame:
    """Tidy in/out/net of one file's flows with the file position of each (`_row`, `_col`)."""
    out = tally(fl)
    col = out["year"].astype(str) if column is None else column
    return recorded(path, out.assign(_row=pd.array(out["_row"], dtype="Int64"), _col=col))


def _codes(path: Path, df: pd.DataFrame, code: str, name: str) -> pd.Series:
    """Current 시도 code of each row's '<code>', '<name>' pair (each distinct pair checked once)."""
    label = df[code].str.strip() + " " + df[name].str.strip()
    first = df.assign(_label=label).drop_duplicates("_label")
    known = {lab: _code(path, lab, r, code) for lab, r in zip(first["_label"], first["_row"])}
    return label.map(known)


def quarterly_flows(path: Path) -> pd.DataFrame:
    """The quarterly CSV of the same table → year, origin_code, dest_code, persons (Σ of the four
    quarters; a year without all four is left out), `_row` (first row of the pair in that year)."""
    df = read_csv_text(path, read_text(path, ("utf-8-sig", "cp949")))
    require_columns(path, df, [Q_ORIGIN, Q_ORIGIN_NAME, Q_DEST, Q_DEST_NAME, Q_PERIOD, Q_PERSONS])
    df["_row"] = range(2, len(df) + 2)
    origin, dest = (_codes(path, df, code, name) for code, name in ((Q_ORIGIN, Q_ORIGIN_NAME), (Q_DEST, Q_DEST_NAME)))
    periods = [_QUARTER.fullmatch(str(p)) for p in df[Q_PERIOD]]
    bad = [i for i, m in enumerate(periods) if m is None]
    if bad:
        raise SourceFileError(path, f"period {df[Q_PERIOD].iloc[bad[0]]!r} is not 'YYYY. q/4'",
                              row=int(df["_row"].iloc[bad[0]]), column=Q_PERIOD)
    persons = to_number(path, df[Q_PERSONS], Q_PERSONS)
    refuse_negative(path, persons, df["_row"], Q_PERSONS, "a number of migrants")
    fl = pd.DataFrame({"year": [int(m.group(1)) for m in periods], "quarter": [int(m.group(2)) for m in periods],
                       "origin_code": origin, "dest_code": dest, "persons": persons, "_row": df["_row"]})
    check_unique(path, fl, ["year", "quarter", "origin_code", "dest_code"], row_col="_row", column=Q_PERIOD)
    table = table_of(SOURCE, path)
    # every row, in file order: a label swapped in one quarter breaks the order of its origin's destinations
    _check_regions(path, fl.rename(columns={"origin_code": "o", "dest_code": "d"}), sorted(fl["year"].unique()),
                   table, (Q_ORIGIN_NAME, Q_DEST_NAME), Q_PERIOD)
    check_marks(path, fl.assign(region_code=fl["origin_code"] + "→" + fl["dest_code"], mark=marks_of(df[Q_PERSONS]),
                                _col=Q_PERSONS), table)
    g = fl.groupby(["year", "origin_code", "dest_code"])
    out = pd.DataFrame({"persons": g["persons"].sum(min_count=1), "quarters": g["quarter"].nunique(),
                        "_row": g["_row"].min()}).reset_index()
    return out[out["quarters"] == 4].drop(columns="quarters")


def load(raw_dir: Path) -> pd.DataFrame:
    """Tidy in/out/net inter-시도 migration (persons) per 시도, CR and NC, 1970–2020.

    Each download is tallied on its own; several are combined by the newest-vintage rule
    (`_files.combine_files`), so a region-year's figures come from one file, named in `source_file`.
    A quarterly CSV of the table, where present, is tallied into cells only (for the build's
    agreement check); it adds no rows."""
    out = tidy_sourced(load_all(raw_dir, FILE_PATTERN, load_file))
    for path in find_optional(raw_dir, QUARTERLY_PATTERN):
        note_files([path])
        load_file(path)
    return out


def load_file(path: Path) -> pd.DataFrame:
    """One download → tidy in/out/net per 시도 and group, cells recorded: the annual workbook, or
    the quarterly CSV (its complete years; `load` keeps only its cells)."""
    if fnmatchcase(path.name, QUARTERLY_PATTERN):
        return _tallied(path, blank_placeholders(quarterly_flows(path)).dropna(subset=["persons"]), Q_PERSONS)
    return _tallied(path, file_flows(path), None)
