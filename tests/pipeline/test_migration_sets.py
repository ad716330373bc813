"""Migration in the session's full build, against the 2025 download's O–D flows parsed here with
openpyxl: net migration into 수도권 2021–2024 in both boundary sets, and 전남광주 (12) in the 2026-07 set
from the flows (moves between 광주 and 전남 internal), never in the 2024 set."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from helpers import value_of
from indicators import store

NEW = Path("migration") / "전출지_전입지_시도_별_이동자수_20250626193401.xlsx"
CAPITAL = {"서울특별시", "인천광역시", "경기도"}
PARTS = {"광주광역시", "전라남도"}  # 전남광주통합특별시 (12) since 2026-07-01
pytestmark = pytest.mark.filterwarnings("ignore:Workbook contains no default style")


@pytest.fixture(scope="module")
def flows(raw_dir) -> dict[tuple[int, str, str], float]:
    """(year, origin name, destination name) → movers, 2021–2024, the 시도 pairs only."""
    rows = list(openpyxl.load_workbook(raw_dir / NEW)["데이터"].iter_rows(values_only=True))
    out, origin = {}, None
    for r in rows[2:]:
        origin = r[0] or origin
        for i in range(2, len(r), 2):
            if int(rows[0][i]) >= 2021 and "전국" not in (origin, r[1]):
                out[(int(rows[0][i]), origin, r[1])] = r[i]
    return out


@pytest.fixture(scope="module")
def by_set(full_build):
    return {s: store.observations(full_build, boundary_set=s) for s in ("2024", "2026-07")}


def test_net_migration_into_the_capital_region_2021_2024(by_set, flows):
    for year in range(2021, 2025):
        gain = sum(v for (y, o, d), v in flows.items() if y == year and o not in CAPITAL and d in CAPITAL)
        loss = sum(v for (y, o, d), v in flows.items() if y == year and o in CAPITAL and d not in CAPITAL)
        for obs in by_set.values():
            assert value_of(obs, "migration_net_persons", "CR", year) == gain - loss, year


def test_jeonnam_gwangju_from_the_flows_in_the_2026_07_set_only(by_set, flows):
    cur, old = by_set["2026-07"], by_set["2024"]
    for year in range(2021, 2025):
        into = sum(v for (y, o, d), v in flows.items() if y == year and o not in PARTS and d in PARTS)
        out = sum(v for (y, o, d), v in flows.items() if y == year and o in PARTS and d not in PARTS)
        assert value_of(cur, "migration_in_persons", "12", year) == into
        assert value_of(cur, "migration_out_persons", "12", year) == out
        assert value_of(cur, "migration_net_persons", "12", year) == into - out
        between = flows[(year, "광주광역시", "전라남도")] + flows[(year, "전라남도", "광주광역시")]
        assert into == (value_of(old, "migration_in_persons", "29", year)
                        + value_of(old, "migration_in_persons", "46", year) - between)
    mig = cur[cur["indicator"].str.startswith("migration_") & (cur["region_code"] == "12")]
    assert sorted(mig["year"].unique()) == list(range(1970, 2025)) and len(mig) == 3 * 55
    assert not cur["region_code"].isin(["29", "46"]).any()
    assert not old["region_code"].eq("12").any()
