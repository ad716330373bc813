"""Strict readers of a deck's JSON fields: every error names where it is (the deck or 'slide N') and the
field ('left.query'), says what was expected and what came, and is one error class, `DeckError`.

Values read from a file are only compared and copied here, never interpreted; what is echoed back in a
message is cut to a few characters with control characters replaced (it is shown as plain text).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection
from typing import Any

SHOWN = 40  # characters of a received value repeated in a message
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class DeckError(ValueError):
    """A deck, or a deck's JSON, that breaks the format; the message names the slide and the field."""


def shown(value: Any) -> str:
    """A received value as a message repeats it: its JSON-ish text, cut to SHOWN characters."""
    text = repr(value) if isinstance(value, str) else str(value)
    text = _CONTROL.sub("\ufffd", text)
    return text if len(text) <= SHOWN else text[:SHOWN] + "…"


def type_name(value: Any) -> str:
    """What a JSON value is, in a message's words."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def plain_text_problem(value: Any, max_len: int, *, empty: bool = True) -> str | None:
    """Why `value` is not one line of text of at most `max_len` characters (None: it is)."""
    if not isinstance(value, str):
        return f"must be a string of at most {max_len} characters (got {type_name(value)})"
    if len(value) > max_len:
        return f"must be at most {max_len} characters (got {len(value):,})"
    if not empty and not value.strip():
        return "must not be empty"
    if _CONTROL.search(value):
        return "must be one line of text without control characters"
    return None


class Fields:
    """The fields of one JSON object, taken one by one; `done()` refuses any field not taken.

    `where` names the place in the deck ('deck', 'slide 3'), `prefix` the object's path inside it
    ('left.'), `what` the object in words ('a view slide'), for messages.
    """

    def __init__(self, obj: Any, where: str, what: str, prefix: str = "", name: str = "") -> None:
        if not isinstance(obj, dict):
            label = f"'{prefix}{name}'" if name else what
            raise DeckError(f"{where}: {label} must be an object (got {type_name(obj)})")
        self.obj, self.where, self.what, self.prefix = obj, where, what, prefix + (f"{name}." if name else "")
        self.taken: set[str] = set()

    def fail(self, name: str, problem: str) -> DeckError:
        return DeckError(f"{self.where}: '{self.prefix}{name}' {problem}")

    def take(self, name: str) -> Any:
        if name not in self.obj:
            raise self.fail(name, "is missing")
        self.taken.add(name)
        return self.obj[name]

    def done(self, allowed: Collection[str] | None = None) -> None:
        """Refuse every field not taken (`allowed` lists the fields for the message, else the taken ones)."""
        extra = [k for k in self.obj if k not in self.taken]
        if extra:
            names = ", ".join(sorted(allowed if allowed is not None else self.taken))
            raise DeckError(f"{self.where}: {shown(f'{self.prefix}{extra[0]}')} is not a field of {self.what} "
                            f"(its fields: {names})")

    def text(self, name: str, max_len: int, *, empty: bool = True) -> str:
        value = self.take(name)
        problem = plain_text_problem(value, max_len, empty=empty)
        if problem:
            raise self.fail(name, problem)
        return value

    def optional_text(self, name: str, max_len: int) -> str | None:
        value = self.take(name)
        return None if value is None else self.text(name, max_len, empty=False)

    def matching(self, name: str, pattern: str, what: str, *, optional: bool = False) -> str | None:
        """A string that fully matches `pattern` (`what` says it in words); null allowed when optional."""
        value = self.take(name)
        if value is None and optional:
            return None
        if not isinstance(value, str) or not re.fullmatch(pattern, value):
            got = type_name(value) if not isinstance(value, str) else shown(value)
            raise self.fail(name, f"must be {what}{' or null' if optional else ''} (got {got})")
        return value

    def choice(self, name: str, options: Collection[str]) -> str:
        value = self.take(name)
        if not isinstance(value, str) or value not in options:
            got = type_name(value) if not isinstance(value, str) else shown(value)
            raise self.fail(name, f"must be one of {', '.join(options)} (got {got})")
        return value

    def integer(self, name: str, low: int, high: int) -> int:
        value = self.take(name)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            got = shown(value) if isinstance(value, int) and not isinstance(value, bool) else type_name(value)
            raise self.fail(name, f"must be a whole number from {low} to {high} (got {got})")
        return value

    def timestamp(self, name: str) -> dt.datetime:
        """A UTC time written 'YYYY-MM-DDTHH:MM:SSZ'."""
        value = self.take(name)
        try:
            if not isinstance(value, str) or not _TIMESTAMP.fullmatch(value):
                raise ValueError
            return dt.datetime.fromisoformat(value[:-1]).replace(tzinfo=dt.UTC)
        except ValueError:
            got = shown(value) if isinstance(value, str) else type_name(value)
            raise self.fail(name, f"must be a UTC time like 2026-05-20T09:30:00Z (got {got})") from None

    def optional_date(self, name: str) -> dt.date | None:
        """A calendar date 'YYYY-MM-DD', or null."""
        value = self.take(name)
        if value is None:
            return None
        try:
            if not isinstance(value, str) or not _DATE.fullmatch(value):
                raise ValueError
            return dt.date.fromisoformat(value)
        except ValueError:
            got = shown(value) if isinstance(value, str) else type_name(value)
            raise self.fail(name, f"must be a date like 2026-05-20 or null (got {got})") from None

    def nested(self, name: str, what: str, *, optional: bool = False) -> Fields | None:
        """The fields of the object in `name` (null allowed when optional)."""
        value = self.take(name)
        if value is None and optional:
            return None
        if not isinstance(value, dict):
            raise self.fail(name, f"must be an object{' or null' if optional else ''} (got {type_name(value)})")
        return Fields(value, self.where, what, self.prefix, name)

    def array(self, name: str, max_items: int) -> list:
        value = self.take(name)
        if not isinstance(value, list):
            raise self.fail(name, f"must be a list (got {type_name(value)})")
        if len(value) > max_items:
            raise self.fail(name, f"must have at most {max_items} entries (got {len(value):,})")
        return value

    def string_map(self, name: str, max_items: int, key_problem: Callable[[str], str | None],
                   value_problem: Callable[[str], str | None]) -> dict[str, str]:
        """An object of strings to strings; `key_problem`/`value_problem` say what is wrong with one (or None)."""
        value = self.take(name)
        if not isinstance(value, dict):
            raise self.fail(name, f"must be an object of texts (got {type_name(value)})")
        if len(value) > max_items:
            raise self.fail(name, f"must have at most {max_items} entries (got {len(value):,})")
        for key, item in value.items():
            problem = key_problem(key)
            if problem:
                raise self.fail(name, f"key {shown(key)} {problem}")
            problem = value_problem(item) if isinstance(item, str) else f"must be a string (got {type_name(item)})"
            if problem:
                raise self.fail(name, f"value of {shown(key)} {problem}")
        return dict(value)
