"""One process of the concurrent-deck test (tests/decks/test_store.py), run as its own OS process:

    python -m helpers.deck_worker URL NAME SHARED_ID FOLDER DECKS SLIDES EXPECTED

It opens the store at URL, says it is ready (FOLDER/NAME.ready) and waits for FOLDER/go, so the
processes start together; then, in turns, creates DECKS decks titled 'NAME-i' and adds SLIDES slides
titled 'NAME-k' to the shared deck, each by read → append → save and, when another process saved first
(StaleDeck), reads again and retries; then waits until it sees EXPECTED decks (every process's) and
prints JSON: the ids it created, the titles it saw, the retries.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from decks.model import ViewSlide, new_deck, new_slide_id, with_slides
from decks.store import StaleDeck, open_store

PAGES = ("map",)
WAIT_S = 30.0


def _wait_for(path: Path) -> None:
    deadline = time.monotonic() + WAIT_S
    while not path.exists():
        if time.monotonic() > deadline:
            sys.exit(f"{path} did not appear within {WAIT_S:.0f} s")
        time.sleep(0.005)


def main(url: str, name: str, shared: str, folder: Path, decks: int, slides: int, expected: int) -> dict:
    store = open_store(url, pages=PAGES)
    (folder / f"{name}.ready").touch()
    _wait_for(folder / "go")
    created, retries = [], 0
    for k in range(max(decks, slides)):
        if k < decks:
            created.append(store.create(new_deck(f"{name}-{k}", "build-1")))
        while k < slides:
            deck = store.get(shared)
            slide = ViewSlide(new_slide_id(), f"{name}-{k}", "map", {"year": str(2000 + k)})
            try:
                store.save(with_slides(deck, deck.slides + (slide,)), deck.version)
                break
            except StaleDeck:
                retries += 1
    deadline = time.monotonic() + WAIT_S
    while len(seen := [d.title for d in store.list()]) < expected and time.monotonic() < deadline:
        time.sleep(0.02)
    return {"created": created, "seen": seen, "retries": retries}


if __name__ == "__main__":
    url, name, shared, folder, decks, slides, expected = sys.argv[1:8]
    print(json.dumps(main(url, name, shared, Path(folder), int(decks), int(slides), int(expected))))
