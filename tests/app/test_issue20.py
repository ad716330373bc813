"""Issue 20, items 8–10, under AppTest (Korean, no URL parameters first): the region tables (rank column
wide enough, no empty rows), the composite's weights in its map title and CSV, 자료·방법's column titles and
document titles, one CSV convention for every download, English units as a person writes them, and the
exports card. Expected values come from the built tables (indicators.store), the registry YAML read here,
the region registry and the shipped seed tables, never from the page code under test."""
from __future__ import annotations

import csv
import io
import re

import pandas as pd
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from helpers import ROOT
from helpers.apptest import map_view, open_folded, run, static_tables, table, tables
from indicators import store

ROW_PX = 35  # the row and header height a table's height was set for (ui.panels.region)


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


def test_region_rank_column_shows_the_whole_rank_and_tables_end_at_their_last_row():
    code = "47730"  # 경북 의성군: a 시군구 ranked among 229, with few years
    obs = store.observations()
    mine = obs[(obs["region_code"] == code) & obs["value"].notna()]
    n_sgg = sum(1 for r in csv.DictReader(open(ROOT / "geo" / "regions.csv", encoding="utf-8"))
                if r["level"] == "sigungu")
    at = run({"page": "region", "region": code}, "issue20_region")
    profile, series = table(at, "region_profile").view, table(at, "region_series").view
    # the rank column holds the longest rank a 시군구 can have ('229/229') in full
    width = next(c for c in profile["columns"] if c["key"] == "rank")["width"]
    assert isinstance(width, int) and width >= _text_px(f"{n_sgg}/{n_sgg}"), width
    # each table's height (a cap: the body scrolls past it) holds its header and rows, and no more
    for t, rows in ((profile, mine["indicator"].nunique()), (series, mine["year"].nunique())):
        assert t["n"] == rows
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


# ---------------------------------------------------------------- 9. 종합 격차지수: the weights, in title, export, CSV

def _domains() -> list[dict]:
    """The composite's domains as the registry declares them (read here with yaml)."""
    import yaml
    return yaml.safe_load((ROOT / "indicators" / "registry.yaml").read_text(encoding="utf-8"))["domains"]


def _csv(files, name: str) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(files[name]), encoding="utf-8-sig", dtype=str)


@pytest.mark.parametrize("custom", [False, True], ids=["default", "changed"])
def test_composite_weights_are_in_the_map_title_subtitle_filename_and_csv(downloads, custom):
    domains = _domains()
    weights = {d["id"]: d["default_weight"] for d in domains}
    if custom:
        weights.update({domains[0]["id"]: 60, domains[-1]["id"]: 5})
    params = {"page": "composite", "level": "sido"}
    params.update({f"w_{k}": str(v) for k, v in weights.items()} if custom else {})
    at = run(params, f"issue20_composite_{'changed' if custom else 'default'}")
    total = sum(weights.values())
    shares = {d["id"]: weights[d["id"]] / total * 100 for d in domains}

    view = map_view(at, "comp_view")
    year = str(view["year"])
    # the map's title says when the weights are the reader's own; its subtitle (the exported image's too)
    # gives every domain's share
    assert ("사용자 가중치" in view["title"]) == custom, view["title"]
    for d in domains:
        assert f"{d['name_ko']} {shares[d['id']]:.0f}%" in view["subtitle"][year], (d["id"], view["subtitle"][year])
    tag = "_w" + "-".join(str(weights[d["id"]]) for d in domains)
    assert view["filename"].endswith(tag) == custom, view["filename"]

    # the table's CSV: every area with its year, unit, each domain's weight share and the sources
    name = next(n for n in downloads.names() if n.startswith("composite_sido_") and "sensitivity" not in n)
    assert name.endswith(f"{tag}.csv") == custom, name
    table = _csv(downloads, name)
    for d in domains:
        col = f"가중치 (%): {d['name_ko']}"
        assert col in table.columns, table.columns.tolist()
        assert {round(float(v), 2) for v in table[col]} == {round(shares[d["id"]], 2)}
    assert {"연도", "단위", "출처", "지역코드", "점수"} <= set(table.columns)
    assert table["출처"].str.len().min() > 20 and table["단위"].nunique() == 1
    assert set(table["연도"]) == {year}


# ---------------------------------------------------------------- 10. 자료·방법: titled columns, documents by title

HASHED_FILE = re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt\b")
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def test_data_page_titles_its_columns_and_names_documents_by_title():
    at = open_folded(run({"page": "data"}, "issue20_data"))
    statics = static_tables(at)
    assert len(statics) == 4  # catalogue, build report, exports reference, quoted figures
    for static in statics:
        cols = list(static.columns)
        assert all(HANGUL.search(str(c)) for c in cols), cols  # no raw field name (name, unit, module …)
    assert len(tables(at)) == 2
    for grid in tables(at):  # the file lists: titled through their column settings
        labels = list(grid.titles.values())
        assert labels and all(HANGUL.search(lb) for lb in labels), labels
    # the quoted figures name each document by its title (indicators/seed_docs.csv), never its file name
    docs = pd.read_csv(ROOT / "indicators" / "seed_docs.csv", dtype=str)
    facts = pd.read_csv(ROOT / "indicators" / "seed_facts.csv", dtype=str)
    used = set(facts["source_doc"].str.split(" — ").str[0].str.strip())
    seed = next(t for t in statics if "인용문" in t.columns)
    text = " ".join(seed.astype(str).to_numpy().ravel())
    assert not HASHED_FILE.search(text), HASHED_FILE.search(text).group(0)
    for title in docs.loc[docs["source_doc"].isin(used), "title_ko"]:
        assert title.replace("\\", "") in text.replace("\\", ""), title
    assert "indicator_hint" not in text and "population_capital_share" not in text


# ---------------------------------------------------------------- 10. one convention for every CSV

CSV_PAGES = [("overview", {}), ("trends", {}), ("risk", {}), ("region", {}), ("disparity", {}),
             ("composite", {"level": "sido"}), ("bivariate", {}), ("data", {})]


@pytest.mark.parametrize("page,params", CSV_PAGES, ids=[p for p, _ in CSV_PAGES])
def test_every_csv_titles_its_columns_in_korean_and_carries_unit_year_source(downloads, page, params):
    run({"page": page, **params}, f"issue20_csv_{page}")
    names = [n for n in downloads.names() if n.endswith(".csv")]
    assert names
    for name in names:
        frame = _csv(downloads, name)
        cols = list(frame.columns)
        assert all(HANGUL.search(c) for c in cols), (name, cols)  # titles in the reader's language
        if "값" in cols:  # figures: each row says its unit, its year and where it comes from
            # a month-end figure's date is its month ('2025-06'), never a year (DESIGN: a month end is not
            # a year end): its CSV carries the month instead of 연도
            dated = "연도" if "month_end" not in name else next((c for c in cols if c.startswith("기준 월")), "")
            assert {"단위", dated, "출처"} <= set(cols), (name, cols)
            assert frame["출처"].notna().all() and frame["단위"].notna().all(), name
        if "지역코드" in cols:  # the long form: the region first
            assert cols[0] == "지역코드", (name, cols)


def test_tidy_csv_carries_region_indicator_unit_and_source(downloads):
    import yaml
    run({"page": "data"}, "issue20_tidy")
    tidy = _csv(downloads, "observations_tidy.csv")
    assert list(tidy.columns[:7]) == ["지역코드", "지역", "지표 ID", "지표", "단위", "연도", "값"]
    assert tidy.columns[-1] == "출처"
    obs = store.observations()
    assert len(tidy) == len(obs)
    # units and names as the registry YAML declares them (read here), the source naming the producer
    declared = {}
    for path in (ROOT / "indicators" / "sources").glob("*.yaml"):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        defaults = doc.get("defaults") or {}
        for ind in doc.get("indicators") or []:
            declared[ind["id"]] = {**defaults, **ind}
    for ind_id in ("reg_population_persons", "grdp_nominal_krw_mn"):
        rows = tidy[tidy["지표 ID"] == ind_id]
        assert set(rows["지표"]) == {declared[ind_id]["name_ko"]}
        assert set(rows["단위"]) == {declared[ind_id]["unit_ko"]}
        assert rows["출처"].str.contains("통계청|행정안전부").all()
    seoul = tidy[(tidy["지역코드"] == "11") & (tidy["지표 ID"] == "reg_population_persons")]
    assert set(seoul["지역"]) == {"서울"}
    built = obs[(obs["region_code"] == "11") & (obs["indicator"] == "reg_population_persons")]
    assert dict(zip(seoul["연도"].astype(int), seoul["값"].astype(float))) == dict(zip(built["year"], built["value"]))


# ---------------------------------------------------------------- 10. English units as a person writes them

def test_english_units_read_as_written_by_hand():
    obs = store.observations()
    seoul = obs[(obs["region_code"] == "11") & obs["value"].notna()].sort_values("year")
    latest = seoul.groupby("indicator")["value"].last()
    at = run({"page": "region", "region": "11", "lang": "en"}, "issue20_units_en")
    profile = table(at, "region_profile")
    shown = pd.Series(list(profile.text["value_text"]), index=profile.ids)
    v = latest["reg_extinction_risk_index"]  # a ratio (registry unit 'ratio'): like 배, never '0.82 ratio'
    assert shown["reg_extinction_risk_index"] == f"{v:.2f}×"
    v = latest["reg_at_risk_sigungu_count"]  # a count: the number alone ('0', never '0 count')
    assert shown["reg_at_risk_sigungu_count"] == f"{v:,.0f}"
    v = latest["navis_index_total"]  # an index: '7.04 (index)'
    assert shown["navis_index_total"] == f"{v:.2f} (index)"
    for text in list(shown) + list(profile.text["nation_text"]):
        assert not re.search(r"\d (ratio|count|index)$", str(text)), text
