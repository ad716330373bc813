"""Issue 20, items 8–10, under AppTest (Korean, no URL parameters first): the region tables (rank column
wide enough, no empty rows), the composite's weights in its map title and CSV, 자료·방법's column titles and
document titles, one CSV convention for every download, English units as a person writes them, and the
exports card. Expected values come from the built tables (indicators.store), the registry YAML read here,
the region registry and the shipped seed tables, never from the page code under test."""
from __future__ import annotations

import csv

import pandas as pd
import pytest
import streamlit as st
from streamlit.runtime.media_file_manager import MediaFileManager

from helpers import ROOT
from helpers.apptest import run
from indicators import store

ROW_PX = 35  # st.dataframe's row and header height (Streamlit's default row height)


@pytest.fixture
def tables(monkeypatch) -> list[dict]:
    """Every st.dataframe call of a run: its data, height and column settings."""
    seen: list[dict] = []
    original = st.delta_generator.DeltaGenerator.dataframe
    main = st.dataframe  # `st.dataframe` is the main area's bound method, taken at import

    def note(data, kwargs) -> None:
        seen.append({"data": data, "height": kwargs.get("height", "auto"),
                     "columns": kwargs.get("column_config") or {}})

    def spy(self, data=None, *args, **kwargs):
        note(data, kwargs)
        return original(self, data, *args, **kwargs)

    def spy_main(data=None, *args, **kwargs):
        note(data, kwargs)
        return main(data, *args, **kwargs)

    monkeypatch.setattr(st.delta_generator.DeltaGenerator, "dataframe", spy)
    monkeypatch.setattr(st, "dataframe", spy_main)
    return seen


@pytest.fixture
def downloads(monkeypatch) -> dict[str, bytes]:
    """File name → bytes of every deferred download a run registers (what a click would send)."""
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

        def names(self) -> list[str]:
            return list(got)

    return Files()


# ---------------------------------------------------------------- 8. 지역: the rank column and the tables' heights

def _text_px(text: str) -> float:
    """A generous width of `text` at the grid's 14 px type: 8 px a digit or slash, and 16 px of padding."""
    return len(text) * 8 + 16


def test_region_rank_column_shows_the_whole_rank_and_tables_end_at_their_last_row(tables):
    code = "47730"  # 경북 의성군: a 시군구 ranked among 229, with few years
    obs = store.observations()
    mine = obs[(obs["region_code"] == code) & obs["value"].notna()]
    n_sgg = sum(1 for r in csv.DictReader(open(ROOT / "geo" / "regions.csv", encoding="utf-8"))
                if r["level"] == "sigungu")
    run({"page": "region", "region": code}, "issue20_region")
    profile = next(t for t in tables if "rank" in t["columns"])
    series = next(t for t in tables if "year" in getattr(t["data"], "columns", []) and t is not profile)
    # the rank column holds the longest rank a 시군구 can have ('229/229') in full
    width = profile["columns"]["rank"]["width"]
    assert isinstance(width, int) and width >= _text_px(f"{n_sgg}/{n_sgg}"), width
    # each table is as tall as its header and rows (scrolling past a cap), never taller
    for t, rows in ((profile, mine["indicator"].nunique()), (series, mine["year"].nunique())):
        assert len(t["data"]) == rows
        assert isinstance(t["height"], int) and t["height"] <= ROW_PX * (rows + 1) + 4, (rows, t["height"])
        assert t["height"] >= min(ROW_PX * (rows + 1), 500), (rows, t["height"])


# ---------------------------------------------------------------- 10. the exports card: its figure, no "cannot" box

@pytest.mark.parametrize("lang", ["ko", "en"])
def test_exports_card_shows_its_figure_and_no_cannot_compute_box(lang):
    ref = pd.read_csv(ROOT / "indicators" / "reference_exports_2020.csv", dtype={"region_code": str})
    sido = ref[ref["region_code"] != "00"].set_index("region_code")["exports_usd_100m"]
    share = sido[["11", "28", "41"]].sum() / sido.sum() * 100
    at = run({"lang": lang} if lang == "en" else {}, f"issue20_overview_{lang}")
    assert [m.value for m in at.metric if m.value == f"{share:.1f}%"]  # the card's figure, shown
    boxes = [b.value for b in list(at.info) + list(at.warning) + list(at.error)]
    assert not [b for b in boxes if "17" in b], boxes  # no alert box beside the figure
    words = "계산할 수 없음" if lang == "ko" else "Cannot be computed"
    assert all(words not in m.value for m in list(at.markdown) + list(at.caption)), words
    # why there is no yearly share, said quietly under the figure (10 of the 17 시도 in the K-stat file)
    assert any("K-stat" in c.value and "10" in c.value and "17" in c.value for c in at.caption)
