"""Internal migration between 시도 (KOSIS DT_1B26003_A01, 통계청 국내인구이동통계), annual 1970–2024.

Two layouts of the annual O–D workbook (SOURCES.md), one origin → destination pair per row
(origin label filled down where blank), persons, within-시도 moves on the diagonal:
- English (`Number_of_internal_migrants_by_origin_and_destination_for_province_*.xlsx`, 1970–2020):
  sheet `Data`, one column per year, labels '<code> <English name>' with the administrative 시도
  codes of the time (42 강원, 45 전북 → 51, 52), 17 × 17 시도;
- Korean (`전출지_전입지_시도_별_이동자수_*.xlsx`, 2000–2024): sheet `데이터`, two columns per year
  (이동자수 and 순이동자수, the year header merged over both), Korean names, 전국 + 17 시도 on both
  sides. Its 전국 row and column must be the sums of the 시도 (from 1986: before, the producer's
  note says 전국 out-migration may include moves abroad), and each pair's 순이동자수 must be its
  이동자수 less the reverse flow's: both are checked here, exactly, and give no row.
The quarterly CSV of the same table (`101_DT_1B26003_A01_*.csv`, 1970 Q1–2021 Q1) gives no
indicator: its four quarters of each complete year are tallied the same way and kept as cells, so
the build holds the annual totals to the O–D matrix by quarter (`registry.yaml` agreements).

Indicators per 시도 and year: in-migrants from other 시도, out-migrants to other 시도, net; for
수도권 'CR' (서울·인천·경기) and 비수도권 'NC' only moves between the two groups count (moves among
서울·인천·경기 are internal to CR), likewise for each 권역 and for each 시도 merged by a later reform
(`geo.regions.reform()`, kind 'merge': 전남광주 12 = 광주 29 + 전남 46, whose moves between 광주 and
전남 are internal). Several downloads are tallied each on its own and combined by the newest-vintage
rule. `flows()` gives the pairs for charts.
"""
from __future__ import annotations

import re
from fnmatch import fnmatchcase
from pathlib import Path

import pandas as pd
from openpyxl.utils import get_column_letter

from geo import regions
from geo.crosswalk import CAPITAL_SIDO, UnknownRegionError, sido_code_for_name, to_current_code
from geo.groups import macro_of_sido
from indicators import schema
from indicators.errors import InputsMissing, SourceFileError
from indicators.registry import declared
from indicators.sources._files import (
    check_coverage,
    combine_files,
    find_optional,
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
KO_PATTERN = "전출지_전입지_시도_별_이동자수_*.xlsx"  # the Korean download (전국 rows, two items per year)
ANNUAL_PATTERNS = (FILE_PATTERN, KO_PATTERN)
QUARTERLY_PATTERN = "101_DT_1B26003_A01_*.csv"
Q_ORIGIN, Q_ORIGIN_NAME, Q_DEST, Q_DEST_NAME, Q_PERIOD, Q_PERSONS = (
    "[B]By district to move-out", "By district to move-out", "[C]By district to move-in", "By district to move-in",
    "PERIOD", "Migrants[명]")
_QUARTER = re.compile(r"\s*(\d{4})\.\s*([1-4])/4\s*")
FLOW_KEY = ["year", "origin_code", "dest_code"]
DATA_SHEET, META_SHEET = "Data", "Meta Data"
KO_DATA_SHEET, KO_META_SHEET = "데이터", "메타정보"
KO_HEAD = ("전출지별", "전입지별")  # columns A, B of the Korean download
KO_MOVERS, KO_NET, KO_UNIT = "이동자수", "순이동자수", "(명)"
NATION = "전국"
TOTALS_FROM = 1986  # 메타정보 note 1: before 1986 전국 out-migration may include moves abroad (no code of its own)
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


def to_long(path: Path, data: pd.DataFrame, years: dict[int, int], code_of=None,
            column_of=None) -> pd.DataFrame:
    """year, origin_code, dest_code, persons ('-' → NaN), `_row`, `_col`; duplicated pairs raise; marks,
    years, regions and the order of origins and destinations checked against the declarations.
    `code_of(path, label, row, column)`: a label's 시도 code (default: '<code> <English name>');
    `column_of(position)`: the file's name of a year column (default: its year)."""
    code_of = code_of or _code
    column_of = column_of or (lambda pos: f"{years[pos]}")
    data = data.assign(origin_code=[code_of(path, v, r, "A") for v, r in zip(data[0], data["_row"])],
                       dest_code=[code_of(path, v, r, "B") for v, r in zip(data[1], data["_row"])])
    check_unique(path, data, ["origin_code", "dest_code"], row_col="_row", column="B")  # pair A → B
    table = table_of(SOURCE, path)
    parts = []
    for pos, year in years.items():
        col = column_of(pos)
        persons = to_number(path, data[pos], col, first_row=FIRST_DATA_ROW)
        refuse_negative(path, persons, data["_row"], col, "a number of migrants")
        parts.append(pd.DataFrame({"year": year, "origin_code": data["origin_code"], "dest_code": data["dest_code"],
                                   "persons": persons, "_row": data["_row"], "mark": marks_of(data[pos]),
                                   "_col": col}))
    long = pd.concat(parts, ignore_index=True)
    _check_regions(path, data.rename(columns={"origin_code": "o", "dest_code": "d"}), list(years.values()),
                   table, ("A", "B"), [column_of(pos) for pos in years])
    check_marks(path, long.assign(region_code=long["origin_code"] + "→" + long["dest_code"]), table)
    return long.drop(columns="mark")


def _check_regions(path: Path, pairs: pd.DataFrame, years: list[int], table, columns: tuple[str, str],
                   year_column: str | list[str] | None = None) -> None:
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


# --- the Korean download: 전국 + 17 시도 on both sides, 이동자수 and 순이동자수 per year -------------

def check_meta_ko(path: Path) -> None:
    """The 메타정보 sheet, when present, must name table DT_1B26003_A01 and the unit 명."""
    try:
        meta = read_xlsx_sheet(path, KO_META_SHEET)
    except SourceFileError:
        return  # the sheet is optional in KOSIS downloads
    if meta.shape[1] < 2:
        return
    said = {str(k).strip("○ ").strip(): str(v).strip() for k, v in zip(meta[0], meta[1]) if pd.notna(k)}
    for label, want in (("통계표ID", TABLE_ID), ("단위", "명")):
        if label in said and said[label] != want:
            raise SourceFileError(path, f"sheet {KO_META_SHEET!r}: {label} {said[label]!r}, expected {want!r}",
                                  column=label)


def read_ko(path: Path) -> tuple[pd.DataFrame, dict[int, int], dict[int, int]]:
    """Data rows (origin filled down, `_row` = sheet row), {column position: year} of the 이동자수
    columns and of the 순이동자수 columns. Row 1 holds the years (merged over a year's columns),
    row 2 the items; any other item, a year without 이동자수 or an item twice stops the load."""
    raw = read_xlsx_sheet(path, KO_DATA_SHEET)
    if raw.shape[0] < FIRST_DATA_ROW or raw.shape[1] < 3:
        raise SourceFileError(path, f"sheet {KO_DATA_SHEET!r} has no data rows")
    head, items = raw.iloc[0], raw.iloc[1]
    for pos, want in enumerate(KO_HEAD):
        if str(head[pos]).strip() != want:
            raise SourceFileError(path, f"expected {want!r} (origin A, destination B) in column "
                                  f"{get_column_letter(pos + 1)}, found {head[pos]!r}", row=1,
                                  column=get_column_letter(pos + 1))
    movers: dict[int, int] = {}
    nets: dict[int, int] = {}
    year = None
    for pos in range(2, raw.shape[1]):
        letter = get_column_letter(pos + 1)
        if pd.notna(head[pos]) and str(head[pos]).strip():
            m = re.fullmatch(r"\s*(\d{4})\s*", str(head[pos]))
            if not m:
                raise SourceFileError(path, f"column {letter}: {head[pos]!r} is not a year", row=1, column=letter)
            year = int(m.group(1))
        item = str(items[pos]).strip()
        kind = next((k for k in (KO_NET, KO_MOVERS) if item.startswith(k)), None)
        if year is None or kind is None or not item.endswith(KO_UNIT):
            raise SourceFileError(path, f"column {letter}: {item!r} under {head[pos]!r} is not "
                                  f"'{KO_MOVERS} {KO_UNIT}' or '{KO_NET} {KO_UNIT}' of a year", row=2, column=letter)
        into = movers if kind == KO_MOVERS else nets
        if year in into.values():
            raise SourceFileError(path, f"column {letter}: {kind} of {year} a second time", row=2, column=letter)
        into[pos] = year
    lacking = sorted(set(nets.values()) - set(movers.values()))
    if lacking or not movers:
        raise SourceFileError(path, f"no {KO_MOVERS} column for {lacking or 'any year'}", row=2)
    check_consecutive_years(path, {get_column_letter(p + 1): y for p, y in movers.items()})
    data = raw.iloc[FIRST_DATA_ROW - 1:].copy()
    data["_row"] = range(FIRST_DATA_ROW, FIRST_DATA_ROW + len(data))
    data[0] = data[0].where(data[0].astype(str).str.strip() != "").ffill()  # origin printed once per block
    return data, movers, nets


def _ko_code(path: Path, label: object, row: int, column: str) -> str:
    """'전국' → '00', a Korean (or any known) 시도 name → its current code."""
    if str(label).strip() == NATION:
        return "00"
    try:
        return sido_code_for_name(str(label).strip())
    except UnknownRegionError as err:
        raise SourceFileError(path, f"{err} (label {label!r})", row=row, column=column) from None


def _check_totals(path: Path, long: pd.DataFrame) -> None:
    """The 전국 row (origin 전국) and column (destination 전국) must be the sums of the 시도 flows,
    from 1986 on (`TOTALS_FROM`): SourceFileError naming the 전국 cell that differs."""
    long = long[long["year"] >= TOTALS_FROM]
    sido = long[(long["origin_code"] != "00") & (long["dest_code"] != "00")]
    for side, other in (("origin_code", "dest_code"), ("dest_code", "origin_code")):
        summed = sido.groupby(["year", side])["persons"].sum(min_count=1)
        total = long[long[other] == "00"].set_index(["year", side])
        total = total[total.index.get_level_values(side) != "00"]
        diff = total.join(summed.rename("summed"), how="left")
        bad = diff[~((diff["persons"] == diff["summed"]) | (diff["persons"].isna() & diff["summed"].isna()))]
        if len(bad):
            (year, code), r = bad.index[0], bad.iloc[0]
            what = "전국 → " + code if side == "dest_code" else code + " → 전국"
            raise SourceFileError(path, f"{what} {year}: {r['persons']:,.0f} printed, but the 시도 flows sum to "
                                  f"{r['summed']:,.0f} (a figure changed?)", row=int(r["_row"]), column=r["_col"])
    nation = long[(long["origin_code"] == "00") & (long["dest_code"] == "00")].set_index("year")
    grand = sido.groupby("year")["persons"].sum(min_count=1)
    for year, r in nation.iterrows():
        if r["persons"] != grand.get(year):
            raise SourceFileError(path, f"전국 → 전국 {year}: {r['persons']:,.0f} printed, but all 시도 flows sum to "
                                  f"{grand.get(year, float('nan')):,.0f}", row=int(r["_row"]), column=r["_col"])


def _check_net(path: Path, data: pd.DataFrame, long: pd.DataFrame, nets: dict[int, int]) -> None:
    """Each 순이동자수 cell (named by its column letter: row 1 prints its year over the 이동자수 column
    only) must be its pair's 이동자수 less the reverse pair's ('-' where the flow is): SourceFileError
    naming the 순이동자수 cell that differs."""
    table = table_of(SOURCE, path)
    flow = long.set_index(["year", "origin_code", "dest_code"])["persons"]
    parts = []
    for pos, year in nets.items():
        col = get_column_letter(pos + 1)
        net = to_number(path, data[pos], col, first_row=FIRST_DATA_ROW)
        parts.append(pd.DataFrame({"year": year, "origin_code": data["origin_code"].to_numpy(),
                                   "dest_code": data["dest_code"].to_numpy(), "net": net.to_numpy(),
                                   "mark": marks_of(data[pos]).to_numpy(), "_row": data["_row"].to_numpy(),
                                   "_col": col}))
    net = pd.concat(parts, ignore_index=True)
    check_marks(path, net.assign(region_code=net["origin_code"] + "→" + net["dest_code"]), table)
    there = flow.reindex(pd.MultiIndex.from_frame(net[["year", "origin_code", "dest_code"]])).to_numpy()
    back = flow.reindex(pd.MultiIndex.from_frame(net[["year", "dest_code", "origin_code"]])).to_numpy()
    want = there - back
    ok = (net["net"].to_numpy() == want) | (net["net"].isna().to_numpy() & pd.isna(want))
    if not ok.all():
        r = net[~ok].iloc[0]
        raise SourceFileError(path, f"{KO_NET} {r['origin_code']} → {r['dest_code']} {r['year']}: {r['net']:,.0f} "
                              f"printed, but {KO_MOVERS} there less back is {want[~ok][0]:,.0f}", row=int(r["_row"]),
                              column=r["_col"])


def ko_file_flows(path: Path) -> pd.DataFrame:
    """The Korean download → year, origin_code, dest_code, persons (시도 pairs only), `_row`, `_col`;
    its 전국 totals and 순이동자수 checked against the flows first."""
    check_meta_ko(path)
    data, movers, nets = read_ko(path)
    long = to_long(path, data, movers, _ko_code)  # a 이동자수 column is named by its year, as row 1 prints it
    pair = long.drop_duplicates("_row").set_index("_row")[["origin_code", "dest_code"]].reindex(data["_row"])
    data = data.assign(origin_code=pair["origin_code"].to_numpy(), dest_code=pair["dest_code"].to_numpy())
    _check_totals(path, long)
    _check_net(path, data, long, nets)
    return long[(long["origin_code"] != "00") & (long["dest_code"] != "00")].reset_index(drop=True)


def file_flows(path: Path) -> pd.DataFrame:
    """One download (either layout) → year, origin_code, dest_code, persons for every pair with a
    figure, `_row`, `_col`."""
    if fnmatchcase(path.name, KO_PATTERN):
        fl = ko_file_flows(path)
    else:
        check_meta(path)
        fl = to_long(path, *read(path))
    return blank_placeholders(fl).dropna(subset=["persons"])


def annual_files(raw_dir: Path) -> list[Path]:
    """The annual O–D workbooks under raw_dir (either layout); InputsMissing if none."""
    paths = sorted({p for pattern in ANNUAL_PATTERNS for p in find_optional(raw_dir, pattern)})
    if not paths:
        raise InputsMissing(f"no file matching {' or '.join(repr(p) for p in ANNUAL_PATTERNS)} under {raw_dir}")
    return paths


def flows(raw_dir: Path, within: bool = False) -> pd.DataFrame:
    """year, origin_code, dest_code, persons for every pair with a figure (charts).

    Within-시도 moves (origin == destination) only if `within`. Several downloads are combined
    pair by pair with the newest-vintage rule (`_files.combine_files`).
    """
    parts = [(p, file_flows(p).drop(columns="_col")) for p in annual_files(raw_dir)]
    fl = combine_files(parts, FLOW_KEY, row_col="_row", raw_dir=raw_dir, table=", ".join(ANNUAL_PATTERNS),
                       indicator="migration flow (persons)", value_col="persons").drop(columns=["source_file", "_row"])
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


def merged_sido() -> dict[str, tuple[str, ...]]:
    """Each 시도 a reform made of whole 시도 (`geo.regions.reform()`, kind 'merge') → its parts:
    {'12': ('29', '46')} (전남광주 = 광주 + 전남, 2026-07)."""
    ref = regions.reform()
    return {code: tuple(parts) for code, kind, parts in zip(ref["region_code"], ref["kind"], ref["from_codes"])
            if kind == "merge"}


def tally(fl: pd.DataFrame) -> pd.DataFrame:
    """In, out and net per 시도 (inter-시도 moves), for CR / NC (moves between the two groups), for the
    other 권역 (moves between 권역; CR's 권역 figures are its group figures) and for each merged 시도
    of a reform (`merged_sido`: moves between its parts are internal, so its figures are not the sums
    of its parts'; in a year only one part exists, that part is the territory)."""
    inter = fl[fl["origin_code"] != fl["dest_code"]]
    sido = sorted(set(inter["origin_code"]) | set(inter["dest_code"]))
    groups = _between(inter, {c: "CR" if c in CAPITAL_SIDO else "NC" for c in sido})
    macro = _between(inter, macro_of_sido())
    macro = macro[(macro["origin_code"] != "CR") | (macro["dest_code"] != "CR")]
    partitions = [(inter, None), (groups, None), (macro, set(macro_of_sido().values()) - {"CR"})]
    for code, members in merged_sido().items():
        partitions.append((_between(inter, {c: code if c in members else c for c in sido}), {code}))
    parts = []
    for df, keep in partitions:  # keep: the codes this partition gives (None: all of them)
        moved_in = df.groupby(["dest_code", "year"])["persons"].sum().rename_axis(["region_code", "year"])
        moved_out = df.groupby(["origin_code", "year"])["persons"].sum().rename_axis(["region_code", "year"])
        wide = pd.DataFrame({"migration_in_persons": moved_in, "migration_out_persons": moved_out})
        wide["migration_net_persons"] = wide["migration_in_persons"] - wide["migration_out_persons"]
        if keep is not None:  # CR from the group partition (the same moves); a merged 시도's other parts are 시도
            wide = wide[wide.index.get_level_values("region_code").isin(keep)]
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
    """Tidy in/out/net inter-시도 migration (persons) per 시도, CR and NC, the 권역 and each merged
    시도 of a reform, 1970–2024.

    Each annual download (either layout) is tallied on its own; several are combined by the
    newest-vintage rule (`_files.combine_files`: the newest vintage wins, every differing value is
    recorded as a conflict), so a region-year's figures come from one file, named in `source_file`.
    A quarterly CSV of the table, where present, is tallied into cells only (for the build's
    agreement check); it adds no rows."""
    parts = [(p, load_file(p)) for p in annual_files(raw_dir)]
    out = tidy_sourced(combine_files(parts, schema.KEY, raw_dir=raw_dir, table=", ".join(ANNUAL_PATTERNS)))
    for path in find_optional(raw_dir, QUARTERLY_PATTERN):
        note_files([path])
        load_file(path)
    return out


def load_file(path: Path) -> pd.DataFrame:
    """One download → tidy in/out/net per 시도, group and merged 시도, cells recorded: an annual
    workbook (either layout), or the quarterly CSV (its complete years; `load` keeps only its cells)."""
    if fnmatchcase(path.name, QUARTERLY_PATTERN):
        return _tallied(path, blank_placeholders(quarterly_flows(path)).dropna(subset=["persons"]), Q_PERSONS)
    return _tallied(path, file_flows(path), None)
