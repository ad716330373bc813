"""A deck as typed, frozen records, and its JSON form (export, import and storage alike).

A deck is a title and up to MAX_SLIDES slides of four kinds:
- `CoverSlide`: title, subtitle, date, speaker;
- `HeadlineSlide`: one figure pulled live from the data (indicator, year, level, region, boundary set),
  with the value's text as it was saved;
- `ViewSlide`: one view of the app (its page and its URL query: the view's settings), a title and an
  optional `Callout` (a region to highlight, a value label such as '2019 = 50.0%');
- `PairSlide`: two views (`Pane`) side by side.
Every slide with figures keeps a snapshot of what it showed (label → text, the value of a headline) and
the build it showed them from, so a later build can say which figures changed (`changed_figures`).

`from_json(obj, pages)` is strict: an unknown kind, a missing, extra or mistyped field, too many slides,
a text too long, a URL-query key or value outside its small character set, a page not in `pages` (the
app's page table, passed in: it lives beside Streamlit code) raise `DeckError` naming the slide and
the field. `to_json()` writes what `from_json` reads back equal; `dumps`/`loads` are the same as text.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import secrets
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any, ClassVar

from decks.fields import DeckError, Fields, plain_text_problem, shown
from geo.groups import CODE_PATTERN

FORMAT = "balance-deck/1"  # the JSON's "format": a later format reads this one or says it cannot
MAX_SLIDES = 60
MAX_JSON_BYTES = 1_000_000  # a deck's JSON text; 60 full slides are about 100 KB
TITLE_MAX, TEXT_MAX, SPEAKER_MAX = 200, 300, 120  # characters
LABEL_MAX, FIGURE_MAX, MAX_FIGURES = 80, 160, 40  # a figure's label and text; figures per slide
MAX_QUERY, QUERY_KEY, QUERY_VALUE = 30, r"[a-z][a-z0-9_]{0,31}", r"[A-Za-z0-9_.,:+\-]{0,100}"
DECK_ID = r"[A-Za-z0-9_-]{8,32}"  # what `new_id` makes (8 characters) and a stored deck has
SLIDE_ID = r"[A-Za-z0-9_-]{4,32}"
BUILD_ID = r"[A-Za-z0-9._-]{1,64}"
INDICATOR_ID = r"[a-z][a-z0-9_]{0,79}"
REGION_CODE = CODE_PATTERN.strip("^$")  # 시도, 시군구, a union stand-in, 수도권/비수도권, a 권역 (geo.groups)
LEVELS = ("nation", "group", "macro", "sido", "sigungu")  # geo.regions.level_of's levels
BOUNDARY_SET = r"\d{4}(-\d{2})?"  # '2024', '2026-07' (geo.regions.SETS)
YEARS = (1900, 2100)


def utc_now() -> dt.datetime:
    """Now, in UTC, to the second (what a deck's JSON keeps)."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def new_id() -> str:
    """A fresh deck id: 8 URL-safe characters (48 random bits)."""
    return secrets.token_urlsafe(6)


def new_slide_id() -> str:
    """A fresh slide id, unique within its deck in practice (48 random bits)."""
    return secrets.token_urlsafe(6)


def stamp(moment: dt.datetime) -> str:
    """A time as a deck's JSON (and the store's columns) write it: UTC, to the second, 'Z'."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _frozen_map(obj: Any, name: str, items: Mapping[str, str]) -> None:
    object.__setattr__(obj, name, MappingProxyType(dict(items)))


def _query_key_problem(key: str) -> str | None:
    return None if re.fullmatch(QUERY_KEY, key) else f"must be a lower-case name of letters, digits and _ ({QUERY_KEY})"


def _query_value_problem(value: str) -> str | None:
    if re.fullmatch(QUERY_VALUE, value):
        return None
    return f"must be at most 100 of the characters A-Z a-z 0-9 _ . , : + - (got {shown(value)})"


def _label_problem(label: str) -> str | None:
    return plain_text_problem(label, LABEL_MAX, empty=False)


def _figure_problem(text: str) -> str | None:
    return plain_text_problem(text, FIGURE_MAX)


@dataclass(frozen=True)
class Callout:
    """What a view slide points at: a region to highlight, a value label ('2019 = 50.0%'), or both."""

    region: str | None = None
    label: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"region": self.region, "label": self.label}

    @classmethod
    def read(cls, f: Fields) -> Callout:
        region = f.matching("region", REGION_CODE, "a region code (11, 47730, CR …)", optional=True)
        label = f.optional_text("label", LABEL_MAX)
        f.done()
        if region is None and label is None:
            raise DeckError(f"{f.where}: '{f.prefix[:-1]}' must give a 'region', a 'label' or both (or be null)")
        return cls(region, label)


@dataclass(frozen=True)
class Pane:
    """One view of the app: its page and its URL query (the view's settings), and an optional callout."""

    page: str
    query: Mapping[str, str] = field(default_factory=dict)
    callout: Callout | None = None

    def __post_init__(self) -> None:
        _frozen_map(self, "query", self.query)

    def to_json(self) -> dict[str, Any]:
        return {"page": self.page, "query": dict(self.query),
                "callout": self.callout.to_json() if self.callout else None}

    @classmethod
    def read(cls, f: Fields, pages: Collection[str]) -> Pane:
        page = f.choice("page", pages)
        query = f.string_map("query", MAX_QUERY, _query_key_problem, _query_value_problem)
        callout = f.nested("callout", "a callout", optional=True)
        return cls(page, query, Callout.read(callout) if callout else None)


def _build(f: Fields) -> str:
    """The build a slide's figures (or a deck's last save) came from; '' for none."""
    return f.matching("build", f"({BUILD_ID})?", "a build id or ''")


def _figures(f: Fields) -> dict[str, str]:
    return f.string_map("figures", MAX_FIGURES, _label_problem, _figure_problem)


@dataclass(frozen=True)
class CoverSlide:
    id: str
    title: str
    subtitle: str = ""
    date: dt.date | None = None
    speaker: str = ""
    kind: ClassVar[str] = "cover"

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "title": self.title, "subtitle": self.subtitle,
                "date": self.date.isoformat() if self.date else None, "speaker": self.speaker}

    @classmethod
    def read(cls, f: Fields, pages: Collection[str]) -> CoverSlide:
        del pages
        return cls(f.matching("id", SLIDE_ID, "a slide id"), f.text("title", TITLE_MAX),
                   f.text("subtitle", TEXT_MAX), f.optional_date("date"), f.text("speaker", SPEAKER_MAX))


@dataclass(frozen=True)
class HeadlineSlide:
    """A figure pulled live from the data; `value` is its text as saved, `build` the build it came from.
    An empty title: the page names the figure from the indicator."""

    id: str
    title: str
    indicator: str
    year: int
    level: str
    region: str
    boundary_set: str
    value: str
    build: str
    kind: ClassVar[str] = "headline"

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "title": self.title, "indicator": self.indicator,
                "year": self.year, "level": self.level, "region": self.region, "boundary_set": self.boundary_set,
                "value": self.value, "build": self.build}

    @classmethod
    def read(cls, f: Fields, pages: Collection[str]) -> HeadlineSlide:
        del pages
        return cls(f.matching("id", SLIDE_ID, "a slide id"), f.text("title", TITLE_MAX),
                   f.matching("indicator", INDICATOR_ID, "an indicator id (lower case, digits, _)"),
                   f.integer("year", *YEARS), f.choice("level", LEVELS),
                   f.matching("region", REGION_CODE, "a region code (00, 11, 47730, CR …)"),
                   f.matching("boundary_set", BOUNDARY_SET, "a boundary set (2024, 2026-07)"),
                   f.text("value", FIGURE_MAX), _build(f))


@dataclass(frozen=True)
class ViewSlide:
    """One view's main figure, full screen: page, URL query, callout; the figures it showed and their build."""

    id: str
    title: str
    page: str
    query: Mapping[str, str] = field(default_factory=dict)
    callout: Callout | None = None
    figures: Mapping[str, str] = field(default_factory=dict)
    build: str = ""
    kind: ClassVar[str] = "view"

    def __post_init__(self) -> None:
        _frozen_map(self, "query", self.query)
        _frozen_map(self, "figures", self.figures)

    @property
    def pane(self) -> Pane:
        return Pane(self.page, self.query, self.callout)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "title": self.title, **self.pane.to_json(),
                "figures": dict(self.figures), "build": self.build}

    @classmethod
    def read(cls, f: Fields, pages: Collection[str]) -> ViewSlide:
        slide_id, title = f.matching("id", SLIDE_ID, "a slide id"), f.text("title", TITLE_MAX)
        pane = Pane.read(f, pages)
        return cls(slide_id, title, pane.page, pane.query, pane.callout, _figures(f),
                   _build(f))


@dataclass(frozen=True)
class PairSlide:
    """Two views side by side, each with its caption; the figures both showed and their build."""

    id: str
    title: str
    left: Pane
    right: Pane
    left_caption: str = ""
    right_caption: str = ""
    figures: Mapping[str, str] = field(default_factory=dict)
    build: str = ""
    kind: ClassVar[str] = "pair"

    def __post_init__(self) -> None:
        _frozen_map(self, "figures", self.figures)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "title": self.title,
                "left": {**self.left.to_json(), "caption": self.left_caption},
                "right": {**self.right.to_json(), "caption": self.right_caption},
                "figures": dict(self.figures), "build": self.build}

    @classmethod
    def read(cls, f: Fields, pages: Collection[str]) -> PairSlide:
        slide_id, title = f.matching("id", SLIDE_ID, "a slide id"), f.text("title", TITLE_MAX)
        sides = []
        for name in ("left", "right"):
            side = f.nested(name, f"the {name} view")
            pane, caption = Pane.read(side, pages), side.text("caption", TITLE_MAX)
            side.done()
            sides.append((pane, caption))
        (left, left_caption), (right, right_caption) = sides
        return cls(slide_id, title, left, right, left_caption, right_caption, _figures(f),
                   _build(f))


Slide = CoverSlide | HeadlineSlide | ViewSlide | PairSlide
KINDS: dict[str, type[Slide]] = {k.kind: k for k in (CoverSlide, HeadlineSlide, ViewSlide, PairSlide)}


@dataclass(frozen=True)
class Deck:
    """A deck: `id` is '' until the store gives it one; `version` counts its saves (0: never saved);
    `build` is the data build it was last saved on."""

    id: str
    title: str
    created: dt.datetime
    updated: dt.datetime
    version: int
    build: str
    slides: tuple[Slide, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "slides", tuple(self.slides))

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "id": self.id, "title": self.title, "created": stamp(self.created),
                "updated": stamp(self.updated), "version": self.version, "build": self.build,
                "slides": [s.to_json() for s in self.slides]}


def _read_slide(obj: Any, number: int, pages: Collection[str]) -> Slide:
    where = f"slide {number}"
    f = Fields(obj, where, "a slide")
    kind = f.choice("kind", tuple(KINDS))
    f.what = f"a {kind} slide"
    slide = KINDS[kind].read(f, pages)
    f.done()
    return slide


def from_json(obj: Any, pages: Collection[str]) -> Deck:
    """The deck `obj` (parsed JSON) describes; `pages` are the app's page names. DeckError if it breaks the
    format anywhere (the message names 'deck' or 'slide N' and the field)."""
    f = Fields(obj, "deck", "a deck")
    fmt = f.take("format")
    if fmt != FORMAT:
        raise f.fail("format", f"must be {FORMAT!r} (got {shown(fmt)}): not a deck file of this app, or a newer one")
    deck_id = f.matching("id", f"({DECK_ID})?", "a deck id (8–32 of A-Z a-z 0-9 _ -) or ''")
    title = f.text("title", TITLE_MAX)
    created, updated = f.timestamp("created"), f.timestamp("updated")
    version = f.integer("version", 0, 2**31 - 1)
    build = _build(f)
    raw_slides = f.array("slides", MAX_SLIDES)
    f.done()
    slides, first_use = [], {}
    for number, obj_slide in enumerate(raw_slides, 1):
        slide = _read_slide(obj_slide, number, pages)
        if slide.id in first_use:
            raise DeckError(f"slide {number}: 'id' {shown(slide.id)} is slide {first_use[slide.id]}'s id too")
        first_use[slide.id] = number
        slides.append(slide)
    return Deck(deck_id, title, created, updated, version, build, tuple(slides))


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"the key {shown(key)} appears twice in one object")
        out[key] = value
    return out


def loads(text: str | bytes, pages: Collection[str]) -> Deck:
    """The deck in a JSON text (an exported file): DeckError if it is not JSON, too large or not a deck."""
    size = len(text) if isinstance(text, bytes) else len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_JSON_BYTES:
        raise DeckError(f"deck: the file is {size:,} bytes; a deck file is at most {MAX_JSON_BYTES:,}")
    try:
        if isinstance(text, bytes):
            text = text.decode("utf-8-sig")
        obj = json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_no_constant)
    except UnicodeDecodeError as err:
        raise DeckError(f"deck: the file is not UTF-8 text (byte {err.start})") from None
    except json.JSONDecodeError as err:
        raise DeckError(f"deck: not JSON (line {err.lineno}, column {err.colno}: {err.msg})") from None
    except ValueError as err:  # a duplicated key, NaN or Infinity
        raise DeckError(f"deck: not valid JSON ({err})") from None
    return from_json(obj, pages)


def dumps(deck: Deck, *, indent: int | None = None) -> str:
    """The deck's JSON text (compact, or indented for a file people read); `loads` reads it back equal."""
    separators = (",", ":") if indent is None else (",", ": ")
    return json.dumps(deck.to_json(), ensure_ascii=False, indent=indent, separators=separators)


def check(deck: Deck, pages: Collection[str]) -> Deck:
    """`deck` if it holds to the format (as its JSON would be read back), else DeckError."""
    return from_json(json.loads(dumps(deck)), pages)


def new_deck(title: str, build: str = "", slides: tuple[Slide, ...] = (), now: dt.datetime | None = None) -> Deck:
    """A deck not stored yet (id '', version 0)."""
    moment = now or utc_now()
    return Deck("", title, moment, moment, 0, build, tuple(slides))


def with_slides(deck: Deck, slides: tuple[Slide, ...] | list[Slide]) -> Deck:
    """The deck with other slides (what an edit makes before `store.save`)."""
    return replace(deck, slides=tuple(slides))


@dataclass(frozen=True)
class FigureChange:
    """A figure a slide saved that the current build shows otherwise (`now` None: no longer shown)."""

    slide: int  # 1-based position in the deck
    slide_id: str
    label: str
    saved: str
    now: str | None
    saved_build: str


HEADLINE_LABEL = "value"  # a headline's one figure, in `snapshot_of` and `changed_figures`


def snapshot_of(slide: Slide) -> Mapping[str, str]:
    """The figures a slide saved, label → text (a headline's value under HEADLINE_LABEL; a cover has none)."""
    if isinstance(slide, HeadlineSlide):
        return {HEADLINE_LABEL: slide.value}
    if isinstance(slide, (ViewSlide, PairSlide)):
        return slide.figures
    return {}


def changed_figures(deck: Deck, current: Mapping[str, Mapping[str, str]]) -> tuple[FigureChange, ...]:
    """Every saved figure that differs from what the current build shows. `current` maps a slide id to the
    figures that slide shows now (label → text); a slide not in `current` was not compared and is left out."""
    changes = []
    for number, slide in enumerate(deck.slides, 1):
        now = current.get(slide.id)
        if now is None:
            continue
        for label, saved in snapshot_of(slide).items():
            if now.get(label) != saved:
                changes.append(FigureChange(number, slide.id, label, saved, now.get(label),
                                            getattr(slide, "build", "")))
    return tuple(changes)
