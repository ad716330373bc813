"""Where decks are kept: one interface, `DeckStore`, over SQLite (the default) and PostgreSQL.

One setting picks the backend, $BALANCE_DECKS_URL:
- unset or empty: the SQLite file `data/decks/decks.sqlite` (its folder made on demand), in WAL mode with
  a busy timeout, so the several Streamlit processes of `python -m deploy` read and write it together;
- `sqlite:///PATH`: another SQLite file (a relative PATH from the repository root);
- `postgresql://user:password@host:port/db`: a PostgreSQL database (psycopg 3), for a deployment over
  several machines whose app servers keep nothing of their own.

Both run the same SQL through a tiny shim (`Dialect`: how to connect, the parameter mark, how a write
transaction begins, the duplicate-key error): one table `decks`, a row per deck holding its validated
JSON (`decks.model.dumps`) beside the columns a listing or a write needs (title, slide count, version,
created, updated). A save is a compare-and-set on `version`: a deck saved by someone else since the
caller read it raises `StaleDeck` carrying the stored deck, so no slide is ever silently lost. Every
write is one transaction and everything is validated before it begins: a bad deck or file changes
nothing. A connection is opened per call (safe from Streamlit's session threads).
"""
from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from decks.model import DECK_ID, Deck, check, dumps, loads, new_id, stamp, utc_now

ROOT = Path(__file__).resolve().parents[1]
DECKS_URL_ENV = "BALANCE_DECKS_URL"
DEFAULT_SQLITE = ROOT / "data" / "decks" / "decks.sqlite"
BUSY_MS = 10_000  # how long a SQLite writer waits for another process's write to end
NEW_ID_TRIES = 8  # fresh ids tried before create gives up (a clash is a 1 in 2^48 event per existing deck)
SCHEMA_LOCK = 7_436_712  # PostgreSQL advisory lock key: one process creates the table at a time

SCHEMA = """CREATE TABLE IF NOT EXISTS decks (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    slides INTEGER NOT NULL,
    version INTEGER NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    body TEXT NOT NULL
)"""
COLUMNS = "id, title, slides, version, created, updated, body"


class DeckNotFound(LookupError):
    """No deck has this id (or the id is not one a deck can have)."""


class StaleDeck(Exception):
    """The deck was saved by someone else since the caller read version `expected`; `stored` is the deck as
    it is now (its version, its time, its slides), so the caller can tell the writer or merge."""

    def __init__(self, deck_id: str, expected: int, stored: Deck) -> None:
        self.deck_id, self.expected, self.stored = deck_id, expected, stored
        super().__init__(f"deck {deck_id} was saved again since version {expected} was read: it is now version "
                         f"{stored.version}, saved {stored.updated:%Y-%m-%d %H:%M:%S} UTC")

    @property
    def stored_version(self) -> int:
        return self.stored.version


@dataclass(frozen=True)
class DeckSummary:
    """One deck as a listing shows it."""

    id: str
    title: str
    slides: int
    version: int
    created: dt.datetime
    updated: dt.datetime


@dataclass(frozen=True)
class Dialect:
    """What differs between the two databases; the SQL itself is written once, with `?` marks."""

    name: str
    connect: Callable[[], Any]  # a DB-API connection in autocommit mode (transactions begun explicitly)
    begin: str  # how a write transaction begins
    mark: str  # the parameter mark the driver takes for `?`
    duplicate: type[Exception]  # raised by an INSERT of an id that exists
    schema_lock: str | None  # run before creating the table (PostgreSQL: two processes may start together)
    where: str  # the database, for messages (no password)

    def sql(self, text: str) -> str:
        return text.replace("?", self.mark)


def _time(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.removesuffix("Z")).replace(tzinfo=dt.UTC)


def sqlite_dialect(path: Path) -> Dialect:
    def connect() -> sqlite3.Connection:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, timeout=BUSY_MS / 1000, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
        return conn

    # BEGIN IMMEDIATE takes the write lock at once: two writers queue on the busy timeout instead of one
    # failing when its read lock cannot be upgraded
    return Dialect("sqlite", connect, "BEGIN IMMEDIATE", "?", sqlite3.IntegrityError, None, f"SQLite file {path}")


def postgresql_dialect(url: str) -> Dialect:
    import psycopg  # only a PostgreSQL deployment needs the driver loaded

    def connect() -> Any:
        return psycopg.connect(url, autocommit=True, connect_timeout=10)

    parts = urlsplit(url)
    where = f"PostgreSQL database {parts.path.lstrip('/') or '(default)'} on {parts.hostname or 'localhost'}" + (
        f":{parts.port}" if parts.port else "")
    return Dialect("postgresql", connect, "BEGIN", "%s", psycopg.errors.UniqueViolation,
                   f"SELECT pg_advisory_xact_lock({SCHEMA_LOCK})", where)


def dialect_for(url: str | None) -> Dialect:
    """The backend a URL names (None: $BALANCE_DECKS_URL; empty: the default SQLite file)."""
    url = os.environ.get(DECKS_URL_ENV, "") if url is None else url
    if not url:
        return sqlite_dialect(DEFAULT_SQLITE)
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        return sqlite_dialect(path if path.is_absolute() else ROOT / path)
    if url.startswith(("postgresql://", "postgres://")):
        return postgresql_dialect(url)
    scheme = url.split(":", 1)[0][:20]
    raise ValueError(f"{DECKS_URL_ENV} must be empty (SQLite in {DEFAULT_SQLITE.relative_to(ROOT)}), "
                     f"sqlite:///PATH or postgresql://…; it starts with {scheme!r}")


class DeckStore:
    """The decks of one database. `pages` are the app's page names (a view slide's page must be one)."""

    def __init__(self, dialect: Dialect, pages: Collection[str]) -> None:
        self.dialect, self.pages = dialect, frozenset(pages)
        self._create_schema()

    @property
    def backend(self) -> str:
        return self.dialect.name

    def __repr__(self) -> str:
        return f"DeckStore({self.dialect.where})"

    # -- connections and transactions -------------------------------------------------------------
    @contextmanager
    def _connection(self) -> Iterator[Any]:
        conn = self.dialect.connect()
        try:
            yield conn
        finally:
            conn.close()

    @contextmanager
    def _transaction(self) -> Iterator[Callable[..., Any]]:
        """A write transaction; yields `run(sql, *params)` → cursor. Committed at the end, rolled back on error."""
        with self._connection() as conn:
            conn.execute(self.dialect.begin)
            try:
                yield lambda text, *params: conn.execute(self.dialect.sql(text), params)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def _query(self, text: str, *params: Any) -> list[tuple]:
        with self._connection() as conn:
            return list(conn.execute(self.dialect.sql(text), params).fetchall())

    def _create_schema(self) -> None:
        if self.dialect.name == "sqlite":
            with self._connection() as conn:  # WAL is a property of the file: set once, outside a transaction
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise RuntimeError(f"{self.dialect.where}: WAL mode refused (journal mode {mode!r}); "
                                   "is the folder on a network file system?")
        with self._transaction() as run:
            if self.dialect.schema_lock:
                run(self.dialect.schema_lock)
            run(SCHEMA)

    # -- reading ----------------------------------------------------------------------------------
    def get(self, deck_id: str) -> Deck:
        """The deck `deck_id` (DeckNotFound if there is none)."""
        rows = self._query("SELECT body FROM decks WHERE id = ?", deck_id) if _is_id(deck_id) else []
        if not rows:
            raise DeckNotFound(f"no deck has the id {str(deck_id)[:40]!r}")
        return loads(rows[0][0], self.pages)

    def list(self) -> list[DeckSummary]:
        """Every deck, the last saved first."""
        rows = self._query("SELECT id, title, slides, version, created, updated FROM decks "
                           "ORDER BY updated DESC, id")
        return [DeckSummary(i, title, n, v, _time(c), _time(u)) for i, title, n, v, c, u in rows]

    def export_json(self, deck_id: str) -> str:
        """The deck as a JSON file for people and for `import_json` (indented)."""
        return dumps(self.get(deck_id), indent=2)

    # -- writing ----------------------------------------------------------------------------------
    def create(self, deck: Deck) -> str:
        """Store `deck` as a new deck (version 1, created now) under a fresh id; the id."""
        return self._insert(replace(check(deck, self.pages), created=utc_now()))

    def import_json(self, text: str | bytes, *, into: str | None = None, expected_version: int | None = None) -> str:
        """Store the deck of a JSON file (an export): as a new deck under a fresh id, or `into` an existing
        deck replacing its title, build and slides (compare-and-set on `expected_version`, as `save`).
        The file is validated whole first: a bad one raises DeckError and nothing is written. The id."""
        deck = loads(text, self.pages)
        if into is None:
            return self._insert(deck)
        if expected_version is None:
            raise ValueError("import into an existing deck needs the version the caller read (expected_version)")
        return self.save(replace(deck, id=into), expected_version).id

    def save(self, deck: Deck, expected_version: int) -> Deck:
        """Write `deck` over the stored deck of its id if that is still version `expected_version`; the deck
        as stored (version + 1, updated now, created kept). StaleDeck if another save came first."""
        checked = check(deck, self.pages)
        if not _is_id(checked.id):
            raise DeckNotFound(f"no deck has the id {checked.id!r} (create it first)")
        with self._transaction() as run:
            row = run("SELECT version, created, body FROM decks WHERE id = ?", checked.id).fetchone()
            if row is None:
                raise DeckNotFound(f"no deck has the id {checked.id!r} (deleted?)")
            if row[0] != expected_version:
                raise StaleDeck(checked.id, expected_version, loads(row[2], self.pages))
            stored = replace(checked, version=expected_version + 1, created=_time(row[1]), updated=utc_now())
            cur = run("UPDATE decks SET title = ?, slides = ?, version = ?, updated = ?, body = ? "
                      "WHERE id = ? AND version = ?", stored.title, len(stored.slides), stored.version,
                      stamp(stored.updated), dumps(stored), stored.id, expected_version)
            if cur.rowcount != 1:  # PostgreSQL: another transaction committed between our read and write
                now = run("SELECT body FROM decks WHERE id = ?", checked.id).fetchone()
                if now is None:
                    raise DeckNotFound(f"no deck has the id {checked.id!r} (deleted?)")
                raise StaleDeck(checked.id, expected_version, loads(now[0], self.pages))
        return stored

    def delete(self, deck_id: str, expected_version: int | None = None) -> bool:
        """Remove the deck (only if still `expected_version`, when given: StaleDeck otherwise); False if
        there was none."""
        if not _is_id(deck_id):
            return False
        with self._transaction() as run:
            if expected_version is None:
                return run("DELETE FROM decks WHERE id = ?", deck_id).rowcount == 1
            if run("DELETE FROM decks WHERE id = ? AND version = ?", deck_id, expected_version).rowcount == 1:
                return True
            row = run("SELECT body FROM decks WHERE id = ?", deck_id).fetchone()
            if row is None:
                return False
            raise StaleDeck(deck_id, expected_version, loads(row[0], self.pages))

    def _insert(self, deck: Deck) -> str:
        """`deck` stored as version 1 under a fresh id (its created time kept, updated now)."""
        for _ in range(NEW_ID_TRIES):
            stored = replace(deck, id=new_id(), version=1, updated=utc_now())
            try:
                with self._transaction() as run:
                    run(f"INSERT INTO decks ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)", stored.id, stored.title,
                        len(stored.slides), stored.version, stamp(stored.created), stamp(stored.updated),
                        dumps(stored))
                return stored.id
            except self.dialect.duplicate:
                continue
        raise RuntimeError(f"{self.dialect.where}: no free deck id after {NEW_ID_TRIES} tries")


def _is_id(deck_id: Any) -> bool:
    return isinstance(deck_id, str) and re.fullmatch(DECK_ID, deck_id) is not None


def open_store(url: str | None = None, *, pages: Collection[str]) -> DeckStore:
    """The deck store `url` names (None: $BALANCE_DECKS_URL, else data/decks/decks.sqlite), its table made
    if needed. `pages`: the app's page names (ui.state.PAGES)."""
    return DeckStore(dialect_for(url), pages)

