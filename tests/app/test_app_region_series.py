"""지역: a region's whole series (every indicator, every year) and its one CSV, against the raw file.

The expected values are read here from the shipped KOSIS GRDP file (tests/helpers/raw.py, csv module,
never the project's loaders); the CSV is the bytes the page's download button would send.
"""
from __future__ import annotations

import io

import pandas as pd
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from helpers.apptest import Table, run, tables
from helpers.raw import raw_grdp_nominal

GRDP = "grdp_nominal_krw_mn"
HEADERS = {"ko": ["지역코드", "지역", "지표 ID", "지표", "단위", "연도", "값", "출처"],
           "en": ["Region code", "Region", "Indicator ID", "Indicator", "Unit", "Year", "Value", "Source"]}


@pytest.fixture
def downloads(monkeypatch) -> dict[str, bytes]:
    """File name → bytes of every deferred download the page registers (what a click would send)."""
    got: dict[str, object] = {}
    original = MediaFileManager.add_deferred

    def record(self, data_callable, mimetype, coordinates, file_name=None, **kw):
        got[file_name] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name, **kw)

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)

    class Files(dict):
        def __missing__(self, name):
            data = got[name]()
            return data.encode() if isinstance(data, str) else data

    return Files()


def _series(at) -> Table:
    return next(t for t in tables(at) if t.key == "region_series")


def _series_frame(at) -> pd.DataFrame:
    """The every-year table as the reader sees it (each cell's text), by year."""
    series = _series(at)
    return series.text.assign(year=series.value["year"])


def _column_labels(at) -> dict[str, dict]:
    """Column id → its title and tooltip as sent to the browser."""
    series = _series(at)
    return {c: {"label": series.titles[c], "help": series.helps[c]} for c in series.titles}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_region_series_and_csv_match_the_raw_file(raw_dir, downloads, lang):
    at = run({"page": "region", "region": "11", "lang": lang}, f"region_series_{lang}")
    raw = {y: v for (name, y), v in raw_grdp_nominal(raw_dir).items() if name == "서울특별시"}
    assert len(raw) >= 30

    # the table: one row per year (newest first), GRDP in 백만원, whole numbers with separators
    table = _series_frame(at)
    assert list(table["year"]) == sorted(table["year"], reverse=True)
    shown = dict(zip(table["year"], table[GRDP]))
    for year, value in raw.items():
        assert shown[year] == f"{value:,.0f}", year
    for year in set(table["year"]) - set(raw):  # years the raw file has no GRDP for stay missing
        assert shown[year] == "–", year

    labels = _column_labels(at)
    header = labels[GRDP]["label"]
    assert header == ("지역내총생산(명목) (백만원)" if lang == "ko" else "GRDP (nominal, current prices) (million KRW)")
    assert "KOSIS" in labels[GRDP]["help"] or "통계청" in labels[GRDP]["help"]  # the glossary tooltip

    # the one CSV: headers in the page's language, values rounded as displayed, gaps empty
    csv = pd.read_csv(io.BytesIO(downloads["region_11_all_years.csv"]), encoding="utf-8-sig",
                      dtype={HEADERS[lang][0]: str})
    assert list(csv.columns) == HEADERS[lang]
    code, ind_col, year_col, val_col = HEADERS[lang][0], HEADERS[lang][2], HEADERS[lang][5], HEADERS[lang][6]
    assert set(csv[code]) == {"11"}
    grdp = csv[csv[ind_col] == GRDP].set_index(year_col)[val_col]
    assert {int(y): float(v) for y, v in grdp.items()} == {y: round(v) for y, v in raw.items()}
    # every indicator of the table is in the CSV, and nothing the table lacks
    assert set(csv[ind_col]) == set(table.columns) - {"year"}
    # a census series (2010, 2015, 2020): the years between stay empty, never filled
    census = csv[csv[ind_col] == "census_population_persons"].set_index(year_col)[val_col]
    assert census.loc[[2010, 2015, 2020]].notna().all()
    assert census.drop([2010, 2015, 2020]).isna().all() and len(census) > 3
