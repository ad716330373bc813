"""The deck store (decks.store), the same tests on SQLite and on PostgreSQL: a stored deck reads back
equal and its JSON round-trips; a broken import or a stale write changes no byte of what is stored;
a stale save is refused with the other writer's deck, whose slide stays; two OS processes creating
and editing decks in one database see each other's decks and lose no slide. SQLite runs in WAL mode,
in data/decks/ by default; $BALANCE_DECKS_URL picks the database."""
from __future__ import annotations

import dataclasses
import json
import os
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from decks.model import DECK_ID, DeckError, ViewSlide, dumps, loads, with_slides
from decks.store import DECKS_URL_ENV, DEFAULT_SQLITE, DeckNotFound, StaleDeck, dialect_for, open_store
from helpers import ROOT, TESTS

pytestmark = pytest.mark.pipeline


def _same_content(a, b) -> bool:
    """Equal decks but for what the store owns (id, version, times)."""
    owned = {"id": "", "version": 0, "created": a.created, "updated": a.updated}
    return dataclasses.replace(a, **owned) == dataclasses.replace(b, **owned)


def test_a_created_deck_reads_back_equal(store, deck):
    deck_id = store.create(deck)
    assert re.fullmatch(DECK_ID, deck_id) and len(deck_id) >= 8
    got = store.get(deck_id)
    assert got.id == deck_id and got.version == 1 and got.created == got.updated
    assert _same_content(got, deck) and got.slides == deck.slides
    assert got.to_json()["slides"] == deck.to_json()["slides"]


def test_export_and_import_round_trip(store, deck):
    first = store.get(store.create(deck))
    text = store.export_json(first.id)
    assert loads(text, store.pages) == first  # the file is the stored deck
    copy_id = store.import_json(text)
    assert copy_id != first.id
    copy = store.get(copy_id)
    assert _same_content(copy, first) and copy.created == first.created and copy.version == 1
    assert store.export_json(copy_id) == text.replace(first.id, copy_id).replace(
        f'"updated": "{first.to_json()["updated"]}"', f'"updated": "{copy.to_json()["updated"]}"')
    assert store.get(first.id) == first


def test_list_shows_every_deck(store, deck):
    ids = [store.create(with_slides(dataclasses.replace(deck, title=f"덱 {i}"), deck.slides[:i])) for i in range(3)]
    store.save(store.get(ids[0]), 1)
    listed = {d.id: d for d in store.list()}
    assert set(listed) == set(ids)
    assert [(listed[i].title, listed[i].slides, listed[i].version) for i in ids] == [
        ("덱 0", 0, 2), ("덱 1", 1, 1), ("덱 2", 2, 1)]
    assert [d.updated for d in store.list()] == sorted((d.updated for d in store.list()), reverse=True)


def test_save_counts_versions_and_keeps_created(store, deck):
    deck_id = store.create(deck)
    first = store.get(deck_id)
    edited = dataclasses.replace(first, title="바뀐 제목", created=first.created.replace(year=2000),
                                 slides=first.slides[::-1])
    saved = store.save(edited, 1)
    assert saved.version == 2 and saved.created == first.created and saved.title == "바뀐 제목"
    assert store.get(deck_id) == saved and store.get(deck_id).slides == deck.slides[::-1]
    assert store.save(saved, 2).version == 3


def test_a_stale_save_is_refused_and_the_other_writers_slide_stays(store, deck, table_rows):
    deck_id = store.create(deck)
    mine, theirs = store.get(deck_id), store.get(deck_id)  # two editors open version 1
    their_slide = ViewSlide("theirs01", "그들의 슬라이드", "map", {"year": "2010"})
    store.save(with_slides(theirs, theirs.slides + (their_slide,)), theirs.version)
    before = table_rows()
    my_slide = ViewSlide("mine0001", "나의 슬라이드", "trends")
    with pytest.raises(StaleDeck) as err:
        store.save(with_slides(mine, mine.slides + (my_slide,)), mine.version)
    assert err.value.stored_version == 2 and err.value.expected == 1 and err.value.deck_id == deck_id
    assert err.value.stored.slides[-1] == their_slide  # the caller can tell (and show) what the other wrote
    assert "version 2" in str(err.value)
    assert table_rows() == before
    assert store.get(deck_id).slides[-1] == their_slide and my_slide not in store.get(deck_id).slides
    stored = err.value.stored  # merging onto the stored deck keeps both
    merged = store.save(with_slides(stored, stored.slides + (my_slide,)), stored.version)
    assert merged.slides[-2:] == (their_slide, my_slide) and merged.version == 3


def test_delete(store, deck, table_rows):
    keep, gone = store.create(deck), store.create(deck)
    store.save(store.get(gone), 1)
    with pytest.raises(StaleDeck):
        store.delete(gone, expected_version=1)
    assert store.delete(gone, expected_version=2) is True
    assert store.delete(gone) is False
    with pytest.raises(DeckNotFound):
        store.get(gone)
    with pytest.raises(DeckNotFound):
        store.save(dataclasses.replace(store.get(keep), id=gone), 2)
    assert [r[0] for r in table_rows()] == [keep]


def test_unknown_ids(store, deck):
    for bad in ("zzzzzzzz", "short", "../../etc/passwd", "' OR 1=1 --", ""):
        with pytest.raises(DeckNotFound):
            store.get(bad)
        assert store.delete(bad) is False
    with pytest.raises(DeckNotFound):  # a deck never created
        store.save(deck, 0)


def _broken_files(text: str) -> dict[str, tuple[str, str]]:
    """Broken versions of a deck file: what is broken → (file text, the message's start)."""
    obj = json.loads(text)
    bad_page = json.loads(text)
    bad_page["slides"][2]["page"] = "admin"
    bad_last = json.loads(text)  # every slide good but the last
    bad_last["slides"][-1]["right"]["query"]["year"] = "2024<"
    extra = json.loads(text)
    extra["slides"][0]["notes"] = "…"
    many = json.loads(text)
    many["slides"] = [dict(obj["slides"][5], id=f"s{i:07d}") for i in range(61)]
    return {
        "cut": (text[: len(text) // 2], "deck: not JSON"),
        "not a deck": ('{"slides": []}', "deck: 'format' is missing"),
        "unknown page": (json.dumps(bad_page), "slide 3: 'page' must be one of"),
        "last slide": (json.dumps(bad_last), "slide 8: 'right.query' value of 'year'"),
        "extra field": (json.dumps(extra), "slide 1: 'notes' is not a field of a cover slide"),
        "61 slides": (json.dumps(many), "deck: 'slides' must have at most 60 entries"),
        "binary": ("\x00\x01 not json", "deck: not JSON"),
    }


def test_a_broken_import_changes_nothing(store, deck, table_rows):
    deck_id = store.create(deck)
    saved = store.save(store.get(deck_id), 1)
    before = table_rows()
    assert len(before) == 1
    for name, (text, message) in _broken_files(store.export_json(deck_id)).items():
        for into in (None, deck_id):
            with pytest.raises(DeckError) as err:
                store.import_json(text, into=into, expected_version=saved.version if into else None)
            assert str(err.value).startswith(message), (name, str(err.value))
            assert table_rows() == before, name  # byte for byte: body, version, times
    assert store.get(deck_id) == saved


def test_an_import_into_a_deck_replaces_its_slides(store, deck, table_rows):
    target = store.get(store.create(with_slides(deck, deck.slides[:2])))
    source = store.get(store.create(dataclasses.replace(deck, title="가져온 덱")))
    text = store.export_json(source.id)
    store.save(target, 1)  # someone saved the target since: importing over version 1 is stale
    before = table_rows()
    with pytest.raises(StaleDeck):
        store.import_json(text, into=target.id, expected_version=1)
    assert table_rows() == before
    assert store.import_json(text, into=target.id, expected_version=2) == target.id
    now = store.get(target.id)
    assert now.title == "가져온 덱" and now.slides == deck.slides and now.version == 3
    assert now.created == target.created and now.id == target.id
    with pytest.raises(ValueError, match="expected_version"):
        store.import_json(text, into=target.id)


def test_an_invalid_deck_is_not_written(store, deck, table_rows):
    bad = with_slides(deck, deck.slides + (ViewSlide("bad00001", "x", "admin"),))
    with pytest.raises(DeckError, match=r"^slide 9: 'page'"):
        store.create(bad)
    assert table_rows() == []
    deck_id = store.create(deck)
    before = table_rows()
    with pytest.raises(DeckError, match=r"^slide 9: 'page'"):
        store.save(dataclasses.replace(bad, id=deck_id), 1)
    assert table_rows() == before


def test_the_stored_row_is_the_validated_json(store, deck, table_rows):
    deck_id = store.create(deck)
    (row,) = table_rows()
    stored = store.get(deck_id)
    assert row == (deck_id, deck.title, len(deck.slides), 1, stored.to_json()["created"],
                   stored.to_json()["updated"], dumps(stored))


def _run_workers(url: str, shared: str, folder: Path, names: tuple[str, ...], decks: int, slides: int) -> list[dict]:
    """Start one OS process per name (helpers/deck_worker.py), let them go at once, and read what each says."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(TESTS)])}
    expected = 1 + len(names) * decks
    procs = [subprocess.Popen([sys.executable, "-m", "helpers.deck_worker", url, name, shared, str(folder),
                               str(decks), str(slides), str(expected)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for name in names]
    try:
        deadline = time.monotonic() + 60
        while not all((folder / f"{n}.ready").exists() for n in names):
            assert all(p.poll() is None for p in procs), [p.communicate() for p in procs]
            assert time.monotonic() < deadline, "the workers did not start within 60 s"
            time.sleep(0.01)
        (folder / "go").touch()
        outs = [p.communicate(timeout=120) for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    assert [p.returncode for p in procs] == [0] * len(procs), [err for _, err in outs]
    return [json.loads(out) for out, _ in outs]


def test_two_processes_share_the_decks_and_lose_no_slide(deck_url, store, deck, tmp_path):
    shared = store.create(with_slides(deck, ()))
    names, decks, slides = ("a", "b"), 4, 12
    results = dict(zip(names, _run_workers(deck_url, shared, tmp_path, names, decks, slides)))
    final = store.get(shared)
    titles = [s.title for s in final.slides]
    expected = {f"{n}-{k}" for n in names for k in range(slides)}
    assert sorted(titles) == sorted(expected)  # every slide of both, none twice
    assert final.version == 1 + len(names) * slides
    for n in names:
        assert [t for t in titles if t.startswith(f"{n}-")] == [f"{n}-{k}" for k in range(slides)]  # in order
    created = {i for r in results.values() for i in r["created"]}
    assert {d.id for d in store.list()} == created | {shared}
    for n, r in results.items():  # each process saw the other's decks
        assert set(r["seen"]) >= {f"{m}-{i}" for m in names for i in range(decks)}, n
    print(f"{store.backend}: {sum(r['retries'] for r in results.values())} stale saves retried")


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path, pages):
    path = tmp_path / "a" / "b" / "decks.sqlite"
    store = open_store(f"sqlite:///{path}", pages=pages)
    assert path.is_file()  # the folder made on demand
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # a property of the file, as others see it
    finally:
        conn.close()
    with store._connection() as own:
        assert own.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_one_setting_picks_the_database(monkeypatch, tmp_path, pages, postgres_cluster):
    monkeypatch.delenv(DECKS_URL_ENV, raising=False)
    assert DEFAULT_SQLITE == ROOT / "data" / "decks" / "decks.sqlite"
    assert dialect_for(None).where == f"SQLite file {DEFAULT_SQLITE}"
    ignored = subprocess.run(["git", "check-ignore", "-q", str(DEFAULT_SQLITE.relative_to(ROOT))], cwd=ROOT)
    assert ignored.returncode == 0, "data/decks/ must be git-ignored"
    monkeypatch.setenv(DECKS_URL_ENV, f"sqlite:///{tmp_path / 'env.sqlite'}")
    assert open_store(pages=pages).backend == "sqlite" and (tmp_path / "env.sqlite").is_file()
    monkeypatch.setenv(DECKS_URL_ENV, postgres_cluster.new_database())
    assert open_store(pages=pages).backend == "postgresql"
    monkeypatch.setenv(DECKS_URL_ENV, "mysql://user:secret@host/db")
    with pytest.raises(ValueError, match=DECKS_URL_ENV) as err:
        open_store(pages=pages)
    assert "secret" not in str(err.value)
