"""The 2025 download of KOSIS DT_1B26003_A01 (Korean labels, 전국 rows, 이동자수 and 순이동자수 per
year, 2000–2024), parsed here with openpyxl independently of the loader: the loader's flows and
tallies against its cells, net migration into 수도권 2021–2024 from the raw O–D flows, the file's own
순이동자수 against the nets, 전남광주 (12) from the flows (not the sum of 광주 and 전남: the moves between
them are internal), the newest-vintage rule between the 2021 and 2025 downloads (conflicts counted here
from both raw files, on the shipped files and on a copy with one flow changed), bad input."""
from __future__ import annotations

import csv
import hashlib
import shutil
from collections import defaultdict
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from helpers import source_error, value_of
from indicators.sources import _files, migration

NEW = Path("migration") / "전출지_전입지_시도_별_이동자수_20250626193401.xlsx"
OLD = Path("migration") / "Number_of_internal_migrants_by_origin_and_destination_for_province_20210719124216.xlsx"
pytestmark = pytest.mark.filterwarnings("ignore:Workbook contains no default style")

# the labels as the 2025 file prints them, and the 2021 file's codes of the time, written out here
KO = {"전국": "00", "서울특별시": "11", "부산광역시": "26", "대구광역시": "27", "인천광역시": "28", "광주광역시": "29",
      "대전광역시": "30", "울산광역시": "31", "세종특별자치시": "36", "경기도": "41", "강원특별자치도": "51",
      "충청북도": "43", "충청남도": "44", "전북특별자치도": "52", "전라남도": "46", "경상북도": "47", "경상남도": "48",
      "제주특별자치도": "50"}
OLD_CODES = {"42": "51", "45": "52"}
GROUP = {c: "CR" if c in ("11", "28", "41") else "NC" for c in KO.values() if c != "00"}
MACRO = {"30": "CC", "36": "CC", "43": "CC", "44": "CC", "29": "HN", "46": "HN", "52": "HN", "27": "DG", "47": "DG",
         "26": "DN", "31": "DN", "48": "DN", "51": "GW", "50": "JJ"}  # 수도권 is the group CR
MERGED = {"29": "12", "46": "12"}  # 전남광주통합특별시 (2026-07) = 광주 + 전남 (SOURCES.md)
IND = ("migration_in_persons", "migration_out_persons", "migration_net_persons")


def read_new(path: Path) -> tuple[dict, dict]:
    """(year, origin, destination) → 이동자수 and → 순이동자수 ('-' → None), origin filled down."""
    rows = list(openpyxl.load_workbook(path)["데이터"].iter_rows(values_only=True))
    movers, net, origin = {}, {}, None
    for r in rows[2:]:
        origin = r[0] or origin
        for i in range(2, len(r), 2):
            key = (int(rows[0][i]), KO[origin], KO[r[1]])
            movers[key] = None if r[i] == "-" else r[i]
            net[key] = None if r[i + 1] == "-" else r[i + 1]
    return movers, net


def read_old(path: Path) -> dict:
    """(year, origin, destination) → migrants of the 2021 workbook, codes mapped to today's."""
    rows = list(openpyxl.load_workbook(path)["Data"].iter_rows(values_only=True))
    years = [int(str(h).split()[-1]) for h in rows[0][2:]]
    out, origin = {}, None
    for r in rows[2:]:
        origin = r[0] or origin
        o, d = (OLD_CODES.get(str(x).split()[0], str(x).split()[0]) for x in (origin, r[1]))
        out.update({(y, o, d): (None if v == "-" else v) for y, v in zip(years, r[2:])})
    return out


def tallies(flows: dict, years) -> dict[tuple[str, str, int], float]:
    """(indicator, region, year) → in, out, net over moves between 시도, between CR and NC, between the
    권역 (CR's from the group) and between 전남광주 and the other 시도, written here from the flows."""
    moved_in, moved_out = defaultdict(float), defaultdict(float)
    for (y, o, d), v in flows.items():
        if y not in years or v is None or "00" in (o, d) or o == d:
            continue
        for part in (lambda c: c, GROUP.get, MACRO.get, MERGED.get):
            a, b = part(o), part(d)
            if a != b:
                for code, into in ((b, moved_in), (a, moved_out)):
                    if code is not None:
                        into[(code, y)] += v
    out = {}
    for key in moved_in.keys() | moved_out.keys():
        i, o = moved_in[key], moved_out[key]
        out.update({(IND[0], *key): i, (IND[1], *key): o, (IND[2], *key): i - o})
    return out


@pytest.fixture(scope="module")
def new(raw_dir) -> dict:
    """The 2025 download's 이동자수 cells."""
    return read_new(raw_dir / NEW)[0]


@pytest.fixture(scope="module")
def old(raw_dir) -> dict:
    return read_old(raw_dir / OLD)


@pytest.fixture(scope="module")
def recorded_load(raw_dir):
    with _files.recording(raw_dir, "migration") as rec:
        out = migration.load(raw_dir)
    return out, rec


@pytest.fixture(scope="module")
def loaded(recorded_load) -> pd.DataFrame:
    return recorded_load[0]


def test_flows_are_the_cells_of_the_2025_download(raw_dir, new):
    fl = migration.flows(raw_dir, within=True).set_index(["year", "origin_code", "dest_code"])["persons"]
    want = {k: v for k, v in new.items() if "00" not in k[1:] and v is not None}
    assert len(want) == 17 * 17 * 25 - 33 * 12  # 세종's 33 pairs are '-' in 2000–2011
    got = fl[fl.index.get_level_values("year") >= 2000]
    assert got.to_dict() == want


def test_tallies_2000_2024_come_from_the_2025_download(loaded, new):
    want = tallies(new, range(2000, 2025))
    have = loaded[loaded["year"] >= 2000]
    assert (have["source_file"] == NEW.as_posix()).all()
    got = dict(zip(zip(have["indicator"], have["region_code"], have["year"]), have["value"]))
    assert got == want
    assert loaded["year"].max() == 2024 and len({r for _, r, _ in want}) == 17 + 2 + 6 + 1


def test_net_migration_into_the_capital_region_2021_2024_from_the_raw_flows(loaded, new):
    """수도권's net gain: moves from the 14 other 시도 into 서울·인천·경기 less the moves out to them."""
    for year in (2021, 2022, 2023, 2024):
        gain = sum(v for (y, o, d), v in new.items() if y == year and GROUP.get(o) == "NC" and GROUP.get(d) == "CR")
        loss = sum(v for (y, o, d), v in new.items() if y == year and GROUP.get(o) == "CR" and GROUP.get(d) == "NC")
        assert value_of(loaded, "migration_net_persons", "CR", year) == gain - loss
        assert value_of(loaded, "migration_net_persons", "NC", year) == loss - gain
    assert value_of(loaded, "migration_net_persons", "CR", 2024) > 0  # still a net gain in 2024


def test_the_files_own_net_item_is_each_sido_net(loaded, raw_dir):
    """The file's 순이동자수 of 전국 → 시도 is that 시도's net gain: in − out for every 시도-year."""
    _, net = read_new(raw_dir / NEW)
    checked = 0
    for (y, o, d), v in net.items():
        if o == "00" and d != "00" and v is not None:
            assert value_of(loaded, "migration_net_persons", d, y) == v, (y, d)
            checked += 1
    assert checked == 17 * 25 - 12


def test_newest_vintage_between_the_two_downloads(recorded_load, new, old):
    """Conflicts counted here: every (indicator, region, year) both downloads give, with a different value."""
    loaded, rec = recorded_load
    a, b = tallies(old, range(1970, 2021)), tallies(new, range(2000, 2025))
    common = a.keys() & b.keys()
    differing = [k for k in common if a[k] != b[k]]
    assert len(differing) == len(rec.conflicts) == 0  # the two downloads print the same flows for 2000–2020
    assert rec.overlaps == len(common) == 3 * (26 * 21 - 12)  # 17 시도, CR, NC, 6 권역, 12 (세종 from 2012), 2000–2020
    flows_differing = [k for k in old if k in new and old[k] != new[k]]
    assert flows_differing == [] and sum(1 for k in old if k in new) == 17 * 17 * 21


def test_jeonnam_gwangju_is_its_parts_less_the_moves_between_them(loaded, new, old):
    """12's in-migration = 광주's + 전남's less the moves between them (likewise out); its net = their
    nets; before 광주 existed (1970–1985) 전남 alone is that territory."""
    flows = {**{k: v for k, v in old.items() if k[0] < 2000}, **new}
    checked = 0
    for year in range(1986, 2025):
        between = flows[(year, "29", "46")] + flows[(year, "46", "29")]
        into = sum(v for (y, o, d), v in flows.items()
                   if y == year and d in MERGED and o not in ("29", "46", "00") and v is not None)
        for ind, parts in (("migration_in_persons", -between), ("migration_out_persons", -between),
                           ("migration_net_persons", 0)):
            summed = value_of(loaded, ind, "29", year) + value_of(loaded, ind, "46", year)
            assert value_of(loaded, ind, "12", year) == summed + parts, (ind, year)
        assert value_of(loaded, "migration_in_persons", "12", year) == into
        checked += 1
    assert checked == 39 and between > 50_000  # 52,406 moves between 광주 and 전남 in 2024
    for year in range(1970, 1986):
        for ind in IND:
            assert value_of(loaded, ind, "12", year) == value_of(loaded, ind, "46", year), (ind, year)
        assert value_of(loaded, "migration_in_persons", "29", year) is None


def _with_manifest_of(raw_dir: Path, tmp: Path, changed: Path) -> None:
    """tmp/MANIFEST.csv: the shipped manifest with the changed file's bytes and sha256, so it keeps its
    vintage (2021-07-19) instead of counting as newest."""
    with open(raw_dir / "MANIFEST.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    data = changed.read_bytes()
    for r in rows:
        if r["path"] == changed.relative_to(tmp).as_posix():
            r["bytes"], r["sha256"] = str(len(data)), hashlib.sha256(data).hexdigest()
    with open(tmp / "MANIFEST.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)


def test_a_differing_older_value_is_listed_never_dropped_silently(raw_dir, tmp_path, new):
    """One flow of the 2021 download raised by 1,000 (서울 → 부산 2010): the 2025 download wins, and
    each tally that differs is listed with both files and values."""
    (tmp_path / "migration").mkdir()
    shutil.copyfile(raw_dir / NEW, tmp_path / NEW)
    wb = openpyxl.load_workbook(raw_dir / OLD)
    ws = wb["Data"]
    col = next(c for c in range(3, ws.max_column + 1) if str(ws.cell(1, c).value).endswith("2010"))
    row = next(r for r in range(3, ws.max_row + 1) if (ws.cell(r, 1).value, ws.cell(r, 2).value) == ("11 Seoul",
                                                                                                   "26 Busan"))
    ws.cell(row, col).value += 1000
    wb.save(tmp_path / OLD)
    _with_manifest_of(raw_dir, tmp_path, tmp_path / OLD)
    a, b = tallies(read_old(tmp_path / OLD), range(1970, 2021)), tallies(new, range(2000, 2025))
    want = {(i, r, y, b[(i, r, y)], a[(i, r, y)]) for (i, r, y) in a.keys() & b.keys() if a[(i, r, y)] != b[(i, r, y)]}
    assert len(want) == 10  # in, out and net of 부산/서울, NC/CR and 동남권 (in and net); not 전남광주
    with _files.recording(tmp_path, "migration") as rec:
        out = migration.load(tmp_path)
    got = {(c["indicator"], c["region_code"], c["year"], c["kept_value"], c["dropped_value"]) for c in rec.conflicts}
    assert got == want
    assert {(c["kept_file"], c["dropped_file"]) for c in rec.conflicts} == {(NEW.as_posix(), OLD.as_posix())}
    assert value_of(out, "migration_in_persons", "26", 2010) == b[("migration_in_persons", "26", 2010)]


# --- bad input: a copy of the 2025 download alone -----------------------------------------------------

def _variant(raw_dir: Path, tmp_path: Path, edit) -> Path:
    wb = openpyxl.load_workbook(raw_dir / NEW)
    edit(wb)
    (tmp_path / "migration").mkdir(exist_ok=True)
    path = tmp_path / NEW
    wb.save(path)
    return path


def _fails(path: Path, *parts: str) -> None:
    source_error(lambda: migration.load_file(path), path, *parts)


def _set(cell: str, value, sheet: str = "데이터"):
    def edit(wb):
        wb[sheet][cell] = value
    return edit


def _add(cell: str, delta: int):
    def edit(wb):
        wb["데이터"][cell] = wb["데이터"][cell].value + delta
    return edit


def test_a_changed_flow_breaks_the_national_totals(raw_dir, tmp_path):
    # AY23: 서울 → 부산 2024 (row 21 is 서울 → 전국, the first row of 서울's block)
    assert openpyxl.load_workbook(raw_dir / NEW)["데이터"]["AY1"].value == "2024"
    _fails(_variant(raw_dir, tmp_path, _add("AY23", 1)), "11 → 전국 2024", "row 21", "'2024'")
    _fails(_variant(raw_dir, tmp_path, _add("C3", 1)), "전국 → 전국 2000", "row 3", "'2000'")


def test_a_changed_net_cell_is_refused(raw_dir, tmp_path):
    _fails(_variant(raw_dir, tmp_path, _add("D5", 1)), "순이동자수 00 → 26 2000", "row 5", "'D'")


def test_unknown_region_undeclared_mark_and_wrong_items(raw_dir, tmp_path):
    _fails(_variant(raw_dir, tmp_path, _set("B6", "가상시")), "가상시", "row 6", "'B'")
    _fails(_variant(raw_dir, tmp_path, _set("C5", "-")), "mark '-'", "00→26", "row 5", "'2000'")
    _fails(_variant(raw_dir, tmp_path, _set("D2", "전입자수 (명)")), "row 2", "'D'", "전입자수")
    _fails(_variant(raw_dir, tmp_path, _set("B1", "전입지")), "전입지별", "row 1", "'B'")


def test_wrong_table_in_meta_and_missing_data_sheet(raw_dir, tmp_path):
    _fails(_variant(raw_dir, tmp_path, _set("B1", "DT_1B26001_A01", "메타정보")), "통계표ID", "DT_1B26001_A01")

    def rename(wb):
        wb["데이터"].title = "Sheet1"
    _fails(_variant(raw_dir, tmp_path, rename), "sheet '데이터' missing")


def test_sejong_is_carried_from_2012(loaded, new):
    printed = {y for (y, o, d), v in new.items() if "36" in (o, d) and v is not None}
    assert min(printed) == 2012
    assert loaded.query("region_code == '36'")["year"].min() == 2012
