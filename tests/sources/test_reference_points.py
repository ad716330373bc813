"""Exports 2020, published figures for the 17 시도 (reference points): checked against the shipped
K-stat download for the 10 시도 it covers and against their own published total; the 2020
capital-region share is recomputed here from the CSV cells."""
from __future__ import annotations

import csv

import pandas as pd
import pytest

from geo import regions
from helpers import RAW
from indicators import reference_points as rp

KSTAT = RAW / "exports" / "kita_regional_yearly.csv"


@pytest.fixture(scope="module")
def published() -> pd.DataFrame:
    return rp.exports_2020()


def _kstat_2020_usd_100m() -> dict[str, float]:
    """2020 exports per region name in the K-stat file, in 억 USD (the file is in thousand USD)."""
    text = KSTAT.read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(text.splitlines()))
    year_col = next(c for c in rows[0] if "기간" in c or "년" in c or c.lower().startswith("year"))
    region_col = next(c for c in rows[0] if "지역" in c or "시도" in c)
    value_col = "수출_금액"
    out = {}
    for r in rows:
        if str(r[year_col]).startswith("2020"):
            out[r[region_col].strip()] = float(r[value_col].replace(",", "")) / 1e5
    return out


def test_all_17_sido_and_the_total(published):
    assert sorted(published["region_code"]) == sorted(["00", *regions.codes("sido")])
    sido = published[published["region_code"] != "00"]["exports_usd_100m"]
    total = published.loc[published["region_code"] == "00", "exports_usd_100m"].item()
    assert sido.sum() == pytest.approx(total, abs=0.05)  # the published parts add up to the published total


def test_the_ten_sido_of_the_kstat_file_agree_within_revisions(published):
    kstat = _kstat_2020_usd_100m()
    pub = published.set_index("region_code")["exports_usd_100m"]
    matched = 0
    for name, value in kstat.items():
        code = next((c for c in ["00", *regions.codes("sido")] if regions.name(c) in name or name in regions.name(c)),
                    None)
        if code is None or code == "00" and "전국" not in name and "합계" not in name:
            continue
        assert pub[code] == pytest.approx(value, rel=0.01), name
        matched += 1
    assert matched >= 10


def test_capital_share_2020_from_the_cells():
    cells = {}
    with rp.EXPORTS_2020_FILE.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            cells[row["region_code"]] = float(row["exports_usd_100m"])
    capital = cells["11"] + cells["28"] + cells["41"]
    parts = sum(v for k, v in cells.items() if k != "00")
    assert rp.capital_share_pct(rp.exports_2020()) == pytest.approx(capital / parts * 100)
    assert 40.2 < capital / parts * 100 < 40.3


def test_a_missing_sido_is_refused(tmp_path):
    lines = rp.EXPORTS_2020_FILE.read_text(encoding="utf-8").splitlines()
    bad = tmp_path / "ref.csv"
    bad.write_text("\n".join(line for line in lines if not line.startswith("50,")) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="50"):
        rp.exports_2020(bad)
