"""브리핑 under AppTest, on the session's full build in today's boundaries (2026-07): the brief of 의성군 and
the 수도권 brief show the figures computed here from the built parquet tables (read with pandas: values,
ranks among the units with a value, the extinction-risk index from its two parts, 수도권 shares and ratios from
the 시도 sums the build writes as CR and NC), the region's name, the sources with the vintage the raw files'
manifest gives; an unknown `?region=` gets the app's note (the value as plain text) and no exception; the region
and overview pages link to the briefs.
"""
from __future__ import annotations

import csv
import re
from html.parser import HTMLParser

import pandas as pd
import pytest

from helpers import RAW
from helpers.apptest import run
from indicators import store

UISEONG = "47730"  # 경상북도 의성군 (geo/regions.csv)
SET = "2026-07"
KEIS = ((0.2, "고위험"), (0.5, "위험진입"), (1.0, "주의"), (1.5, "보통"), (float("inf"), "소멸 저위험"))


class Sheet(HTMLParser):
    """The brief's text as a reader sees it, found by the sheet's own marks: table rows (`data-id`) → cell
    class → text; boxed figures (`data-fact`) → their label, value and note; the head's title; the sources."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: dict[str, dict[str, str]] = {}
        self.facts: dict[str, dict[str, str]] = {}
        self.title, self.sources, self.text = "", [], []
        self._stack: list[tuple[str, dict]] = []
        self._row = self._fact = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self._stack.append((tag, a))
        if tag == "tr" and a.get("data-id"):
            self._row = self.rows.setdefault(a["data-id"], {})
        if a.get("data-fact"):
            self._fact = self.facts.setdefault(a["data-fact"], {})

    def handle_endtag(self, tag):
        while self._stack:
            t, a = self._stack.pop()
            if t == "tr" and a.get("data-id"):
                self._row = None
            if a.get("data-fact"):
                self._fact = None
            if t == tag:
                break

    def handle_data(self, data):
        self.text.append(data)
        classes = [c for _, a in self._stack for c in (a.get("class") or "").split()]
        if self._stack and self._stack[-1][0] == "title":
            return  # an SVG's accessible name
        if self._row is not None:
            cell = next((a.get("class", "").split()[0] for t, a in reversed(self._stack) if t == "td"), None)
            if cell:
                self._row[cell] = self._row.get(cell, "") + data
        part = next((c for c in reversed(classes) if c in ("k", "v", "n")), None)
        if self._fact is not None and part:
            self._fact[part] = self._fact.get(part, "") + data
        if "t" in classes and "bal-brief-head" in classes:
            self.title += data
        if any(t == "li" for t, _ in self._stack):
            self.sources.append(data)


def sheet(at) -> Sheet:
    parsed = Sheet()
    for md in at.markdown:
        if "bal-brief" in str(md.value) and "<style>" not in str(md.value):
            parsed.feed(str(md.value))
    return parsed


def number(text: str) -> float:
    """'47,902명' → 47902; '0.09배' → 0.09; '+45,169명' → 45169; '51.0%' → 51.0."""
    found = re.search(r"[+\-−]?[\d,]+(\.\d+)?", text)
    assert found, text
    return float(found.group(0).replace(",", "").replace("−", "-"))


@pytest.fixture(scope="module")
def built() -> dict[str, pd.DataFrame]:
    folder = store.build_dir()
    obs = pd.read_parquet(folder / "observations.parquet")
    return {"obs": obs[obs["boundary_set"] == SET], "designations": pd.read_parquet(folder / "designations.parquet"),
            "build": folder.name}


def peers(obs: pd.DataFrame, ind: str, year: int) -> pd.Series:
    """Every 시군구 unit's value of `ind` in `year` (5-digit codes and the union stand-ins, e.g. 28U01)."""
    units = obs["region_code"].str.fullmatch(r"\d{5}|\d{2}U\d{2}")
    rows = obs[(obs["indicator"] == ind) & (obs["year"] == year) & units]
    return rows.dropna(subset=["value"]).set_index("region_code")["value"]


def latest(obs: pd.DataFrame, ind: str, code: str) -> tuple[int, float]:
    rows = obs[(obs["indicator"] == ind) & (obs["region_code"] == code)].dropna(subset=["value"])
    last = rows.sort_values("year").iloc[-1]
    return int(last["year"]), float(last["value"])


def manifest_vintage(name_part: str) -> str:
    with open(RAW / "MANIFEST.csv", encoding="utf-8") as fh:
        return next(r["vintage"] for r in csv.DictReader(fh) if name_part in r["path"])


@pytest.fixture(scope="module")
def uiseong():
    return sheet(run({"page": "brief", "region": UISEONG}, "brief_uiseong", boundary_set=None))


def test_uiseong_brief_names_the_region_and_its_figures_equal_the_built_tables(uiseong, built):
    obs = built["obs"]
    assert uiseong.title == "경북 의성군"
    year, value = latest(obs, "reg_population_persons", UISEONG)
    row = uiseong.rows["reg_population_persons"]
    assert (int(row["year"]), number(row["value"])) == (year, value)
    all_ = peers(obs, "reg_population_persons", year)
    assert row["rank"] == f"{int((all_ > value).sum()) + 1} / {len(all_)}"
    assert len(all_) == 230  # every 시군구 of today's set has its 2025 figure
    nation = obs[(obs["indicator"] == "reg_population_persons") & (obs["region_code"] == "00")
                 & (obs["year"] == year)]
    assert number(row["nation"]) == round(float(nation["value"].iloc[0]) / 1e4)  # '5,112만 명'
    assert row["against"] == f"{value / float(nation['value'].iloc[0]) * 100:.2f}%"


def test_uiseong_extinction_risk_and_designation(uiseong, built):
    obs = built["obs"]
    year, women = latest(obs, "res_female_20_39_persons", UISEONG)
    _, old = latest(obs, "res_age65plus_persons", UISEONG)
    index = women / old
    fact = uiseong.facts["res_extinction_risk_index"]
    assert f"{year}년" in fact["k"] and number(fact["v"]) == round(index, 2)
    label = next(name for bound, name in KEIS if index < bound)
    assert fact["n"].startswith(label)
    parts = pd.DataFrame({"w": peers(obs, "res_female_20_39_persons", year), "o": peers(obs, "res_age65plus_persons",
                                                                                          year)}).dropna()
    all_ = parts["w"] / parts["o"]
    assert f"{int((all_ > index + 1e-12).sum()) + 1}위 / {len(all_)}" in fact["n"]
    desig = built["designations"].set_index("region_code")["designation"]
    assert desig[UISEONG] == "decline"
    assert uiseong.facts["designation"]["v"] == "인구감소지역"


def test_uiseong_brief_lists_sources_vintages_and_the_build_date(uiseong, built):
    sources = " ".join(uiseong.sources)
    for name in ("주민등록인구 (2025년", "지방소멸위험지수", "1인당 지역내총생산(시군구) (2020년",
                 "면적(경계 측정) (2023년"):
        assert name in sources, name
    assert "행정안전부" in sources and "통계청" in sources
    # the 2025 population came from the December 2025 MOIS export: its vintage as the manifest gives it
    assert f"주민등록인구 (2025년, 자료 시점 {manifest_vintage('202512_202512_연령별인구현황')})" in sources
    build = built["build"]
    assert f"{build[:4]}-{build[4:6]}-{build[6:8]}" in "".join(uiseong.text)


@pytest.fixture(scope="module")
def capital():
    return sheet(run({"page": "brief", "region": "capital"}, "brief_capital", boundary_set=None))


def group(obs: pd.DataFrame, ind: str) -> pd.DataFrame:
    """Years × CR, NC of `ind` (rows with both)."""
    rows = obs[(obs["indicator"] == ind) & obs["region_code"].isin(["CR", "NC"])]
    return rows.pivot_table(index="year", columns="region_code", values="value").dropna()


def test_capital_brief_shares_and_ratios_equal_the_built_tables(capital, built):
    obs = built["obs"]
    assert capital.title == "수도권 vs 비수도권"
    for ind, card in (("reg_population_persons", "pop"), ("grdp_nominal_krw_mn", "grdp")):
        wide = group(obs, ind)
        year = int(wide.index.max())
        share = wide.loc[year, "CR"] / (wide.loc[year, "CR"] + wide.loc[year, "NC"]) * 100
        assert capital.facts[card]["v"] == f"{share:.1f}%", ind
        assert capital.facts[card]["n"].startswith(f"{year}년")
        assert capital.rows[ind]["share"] == f"{share:.1f}%" and capital.rows[ind]["year"] == str(year)
    wide = group(obs, "grdp_per_capita_krw_th")
    year = int(wide.index.max())
    row = capital.rows["grdp_per_capita_krw_th"]
    assert row["year"] == str(year)
    assert number(row["ratio"]) == round(wide.loc[year, "CR"] / wide.loc[year, "NC"], 2)
    net = group(obs, "migration_net_persons")
    year = int(net.index.max())
    fact = capital.facts["migration"]
    assert number(fact["v"]) == net.loc[year, "CR"] and f"{year}년" in fact["k"]
    sources = " ".join(capital.sources)
    assert "주민등록인구 (2025년" in sources and "지역내총생산(명목) (2023년" in sources


def test_unknown_region_gets_a_plain_note_and_no_exception():
    at = run({"page": "brief", "region": "99999"}, "brief_unknown", boundary_set=None)
    assert any("`region=" in w.value for w in at.warning)
    assert "region = 99999" in [t.value for t in at.text]
    assert at.query_params.get("region") in (None, [], "")


def test_english_brief_in_english():
    parsed = sheet(run({"page": "brief", "region": UISEONG, "lang": "en"}, "brief_en", boundary_set=None))
    assert parsed.title == "Gyeongsangbuk-do Uiseong-gun"
    assert parsed.facts["designation"]["v"] == "Decline area"


def test_region_and_overview_link_to_the_briefs():
    at = run({"page": "region", "region": UISEONG}, boundary_set=None)
    assert [(e.proto.page, e.proto.query_string) for e in at.get("page_link")] == [("brief", f"region={UISEONG}")]
    at = run({"page": "overview"}, boundary_set=None)
    assert [(e.proto.page, e.proto.query_string) for e in at.get("page_link")] == [("brief", "region=capital")]
