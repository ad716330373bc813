"""Fixtures of the deck tests: a deck of every kind, and the store on both backends (a SQLite file in the
test's temp folder; a database of its own in one throwaway PostgreSQL cluster per session)."""
from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator

import pytest

from decks.model import Callout, CoverSlide, Deck, HeadlineSlide, PairSlide, Pane, ViewSlide
from decks.store import DeckStore, open_store
from helpers.postgres import Cluster, start_cluster
from ui.state import PAGES

BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def pages() -> tuple[str, ...]:
    """The app's own page table (ui.state.PAGES)."""
    return PAGES


@pytest.fixture
def deck() -> Deck:
    """The issue's deck of 8 slides: a cover, a headline, five views (two with a callout), a pair."""
    at = dt.datetime(2026, 5, 20, 9, 30, tzinfo=dt.UTC)
    build = "20261207013636169452"
    return Deck("", "지역 격차 포럼 — 인구와 산업", at, at, 0, build, (
        CoverSlide("cover001", "지역 격차, 어디까지 왔나", "2026 균형발전 포럼", dt.date(2026, 6, 3),
                   "홍길동 (균형연구소)"),
        HeadlineSlide("head0001", "수도권 인구 비중", "reg_population_share_pct", 2024, "group", "CR", "2026-07",
                      "50.8%", build),
        ViewSlide("view0001", "시군구 지방소멸위험지수", "map",
                  {"indicator": "reg_extinction_risk_index", "level": "sigungu", "year": "2024"},
                  Callout(region="47730"), {"의성군": "0.09", "전국": "0.61"}, build),
        ViewSlide("view0002", "수도권 인구 비중 추이", "trends",
                  {"indicator": "reg_population_persons", "events": "true"},
                  Callout(label="2019 = 50.0%"), {"2019": "50.0%", "2024": "50.8%"}, build),
        ViewSlide("view0003", "소멸위험 등급", "risk", {"level": "sigungu", "year": "2024"}, None,
                  {"고위험": "57곳"}, build),
        ViewSlide("view0004", "의성군", "region", {"region": "47730"}, None, {}, build),
        ViewSlide("view0005", "지니계수", "disparity", {"indicator": "grdp_per_capita_2020base_krw_th",
                                                     "level": "sido", "measures": "gini,theil"}, None,
                  {"2022 지니": "0.123"}, build),
        PairSlide("pair0001", "2000년과 2024년", Pane("map", {"year": "2000", "set": "2024"}),
                  Pane("map", {"year": "2024"}, Callout("CR", "수도권")), "2000", "2024",
                  {"왼쪽 2000 수도권": "46.3%", "오른쪽 2024 수도권": "50.8%"}, build),
    ))


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    """One throwaway PostgreSQL cluster for the session (never skipped: .ci/run installs the server)."""
    cluster = start_cluster()
    yield cluster
    cluster.stop()


@pytest.fixture(params=BACKENDS)
def deck_url(request, tmp_path) -> str:
    """A new, empty database of each backend: a SQLite file whose folder does not exist yet, a PostgreSQL
    database of its own."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'not-yet' / 'decks.sqlite'}"
    return request.getfixturevalue("postgres_cluster").new_database()


@pytest.fixture
def store(deck_url, pages) -> DeckStore:
    return open_store(deck_url, pages=pages)


@pytest.fixture
def table_rows(deck_url) -> Callable[[], list[tuple]]:
    """Every row of the decks table, read with the database's own driver (not through the store)."""
    query = "SELECT id, title, slides, version, created, updated, body FROM decks ORDER BY id"

    def rows() -> list[tuple]:
        if deck_url.startswith("sqlite:///"):
            conn = sqlite3.connect(deck_url.removeprefix("sqlite:///"))
            try:
                return conn.execute(query).fetchall()
            finally:
                conn.close()
        import psycopg

        with psycopg.connect(deck_url) as conn:
            return conn.execute(query).fetchall()

    return rows
