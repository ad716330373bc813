"""What the deck page does to a deck, as pure functions: each takes a deck and returns the edited deck (or
raises `DeckError` when the slide it names is not there any more), and `decks.store.save` then writes it with
the version the editor read. Slides are named by their id, never by their position: an edit made on a page
that shows an older order still touches the slide the editor meant.
"""
from __future__ import annotations

from dataclasses import replace

from decks.model import (
    MAX_SLIDES,
    Callout,
    Deck,
    DeckError,
    HeadlineSlide,
    PairSlide,
    Pane,
    Slide,
    ViewSlide,
    new_slide_id,
    with_slides,
)


def position(deck: Deck, slide_id: str) -> int:
    """The 0-based position of the slide `slide_id` (DeckError when the deck has no such slide)."""
    for i, slide in enumerate(deck.slides):
        if slide.id == slide_id:
            return i
    raise DeckError(f"deck: no slide has the id {slide_id!r} (deleted meanwhile?)")


def fresh_id(deck: Deck) -> str:
    """A slide id the deck does not use yet."""
    used = {s.id for s in deck.slides}
    while True:
        sid = new_slide_id()
        if sid not in used and len(sid) >= 4:
            return sid


def append(deck: Deck, slide: Slide) -> Deck:
    """`slide` added at the end (given a fresh id if its id is taken or empty)."""
    if len(deck.slides) >= MAX_SLIDES:
        raise DeckError(f"deck: a deck holds at most {MAX_SLIDES} slides")
    if not slide.id or any(s.id == slide.id for s in deck.slides):
        slide = replace(slide, id=fresh_id(deck))
    return with_slides(deck, (*deck.slides, slide))


def move(deck: Deck, slide_id: str, step: int) -> Deck:
    """The slide moved `step` places (-1 up, +1 down), stopping at either end."""
    slides = list(deck.slides)
    i = position(deck, slide_id)
    j = min(max(i + step, 0), len(slides) - 1)
    slides.insert(j, slides.pop(i))
    return with_slides(deck, slides)


def delete(deck: Deck, slide_id: str) -> Deck:
    """The deck without the slide."""
    i = position(deck, slide_id)
    return with_slides(deck, deck.slides[:i] + deck.slides[i + 1:])


def replace_slide(deck: Deck, slide: Slide) -> Deck:
    """The slide of the same id replaced by `slide`."""
    i = position(deck, slide.id)
    return with_slides(deck, deck.slides[:i] + (slide,) + deck.slides[i + 1:])


def callout(region: str | None, label: str | None) -> Callout | None:
    """A callout from what the editor typed or picked ('' and None: nothing); None when both are empty."""
    region = (region or "").strip() or None
    label = (label or "").strip() or None
    return Callout(region, label) if region or label else None


def retitle(deck: Deck, title: str) -> Deck:
    return replace(deck, title=title.strip())


def view_slides(deck: Deck) -> list[ViewSlide]:
    """The deck's view slides, in order (what a pair slide is made of)."""
    return [s for s in deck.slides if isinstance(s, ViewSlide)]


def pair_of(deck: Deck, left_id: str, right_id: str, title: str, build: str) -> PairSlide:
    """A pair slide of two of the deck's view slides (their pages, settings and callouts), each captioned
    with its slide's title; the figures both saved."""
    left, right = (deck.slides[position(deck, i)] for i in (left_id, right_id))
    for side in (left, right):
        if not isinstance(side, ViewSlide):
            raise DeckError(f"deck: slide {side.id!r} is not a view slide (a pair is two views)")
    figures = {f"{side} {label}"[:80]: text for side, s in (("◀", left), ("▶", right))
               for label, text in s.figures.items()}
    return PairSlide("", title.strip() or f"{left.title} · {right.title}"[:200],
                     Pane(left.page, left.query, left.callout), Pane(right.page, right.query, right.callout),
                     left.title, right.title, dict(list(figures.items())[:40]), build)


def refreshed(slide: HeadlineSlide, value: str, year: int, build: str) -> HeadlineSlide:
    """A headline slide holding the figure the current build shows (after the reader saw what changed)."""
    return replace(slide, value=value, year=year, build=build)
