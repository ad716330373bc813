"""What a deck's view slide showed, as figures a later build can be compared on (issue 23: "a deck saved on one
build and presented after a data refresh says which figures changed").

A view shows values of the observations table: one indicator's regions of one level in one year (a map), its
whole series (a trend), one region's every indicator (a profile). Each such set is named by a `FigureKey`
(indicator, boundary set, level, year, region; '*' for all, year 'last' for the latest year the selection has)
whose `label` is the figure's label in the deck (`decks.model`: label → text). `figure_text` gives its text on a
build: one value where the key names one region, level and year (`'0.101711'`, with ' · <year>' for 'last'), else
how many values and a hash of them (`'n=230 #1f0c…'`, prefixed by the year for 'last'); None when the build has
none. The same text on two builds means the same figures; the text holds no language, so a deck made in Korean
and opened in English compares equal. Read back with `parse_label`, `single_value`.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import pandas as pd

from geo import regions

ALL = "*"
LAST = "last"
SEP = "|"
PAIR_SIDES = ("◀ ", "▶ ")  # a pair slide's figures carry the side they came from (`decks.edits.pair_of`)
_LABEL = re.compile(r"(?P<indicator>[a-z][a-z0-9_]*|\*)\|(?P<set>\d{4}(-\d{2})?)\|(?P<level>[a-z]+|\*)\|"
                    r"(?P<year>\d{4}|last|\*)\|(?P<region>[A-Za-z0-9+_-]+|\*)")


@dataclass(frozen=True)
class FigureKey:
    """A set of observations a view shows: `year` an int as text, LAST or ALL; the others a value or ALL."""

    indicator: str
    boundary_set: str
    level: str = ALL
    year: str = ALL
    region: str = ALL

    @property
    def label(self) -> str:
        return SEP.join((self.indicator, self.boundary_set, self.level, self.year, self.region))

    @property
    def one_value(self) -> bool:
        """Whether the key names one value (one region, at its level, in one year)."""
        return ALL not in (self.indicator, self.level, self.region, self.year)


def parse_label(label: str) -> FigureKey | None:
    """The key a figure's label names (a pair's side mark dropped); None for a label of another kind."""
    for side in PAIR_SIDES:
        if label.startswith(side):
            label = label[len(side):]
    m = _LABEL.fullmatch(label)
    if m is None:
        return None
    return FigureKey(m["indicator"], m["set"], m["level"], m["year"], m["region"])


def select(obs: pd.DataFrame, key: FigureKey) -> tuple[pd.DataFrame, int | None]:
    """The observations `key` names (region_code, year, indicator, value; missing values dropped), and the year
    LAST stood for (None otherwise)."""
    rows = obs[(obs["boundary_set"] == key.boundary_set) & obs["value"].notna()] if "boundary_set" in obs else obs
    if key.indicator != ALL:
        rows = rows[rows["indicator"] == key.indicator]
    if key.region != ALL:
        rows = rows[rows["region_code"] == key.region]
    if key.level != ALL:  # the regions a view of that level shows (`regions.in_level`, as the views select them)
        rows = rows[regions.in_level(rows["region_code"], key.level).to_numpy()]
    last = None
    if key.year == LAST and not rows.empty:
        last = int(rows["year"].max())
        rows = rows[rows["year"] == last]
    elif key.year not in (ALL, LAST):
        rows = rows[rows["year"] == int(key.year)]
    return rows[["region_code", "year", "indicator", "value"]], last


def _number(value: float) -> str:
    return f"{float(value):.6g}"


def figure_text(obs: pd.DataFrame, key: FigureKey) -> str | None:
    """The figure's text on the build `obs` (the observations table, any boundary sets): one value, or a count and
    hash of the values; None when the build has no value there."""
    rows, last = select(obs, key)
    if rows.empty:
        return None
    year = f"{last} · " if last is not None else ""
    if key.one_value and len(rows) == 1:
        return _number(rows["value"].iloc[0]) + (f" · {last}" if last is not None else "")
    lines = sorted(f"{r.indicator},{r.region_code},{int(r.year)},{float(r.value)!r}" for r in rows.itertuples())
    digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()[:12]
    return f"{year}n={len(lines)} #{digest}"


def single_value(text: str | None) -> tuple[float, int | None] | None:
    """(value, the year when the key was LAST) of a one-value text; None for a count-and-hash text or none."""
    if not text:
        return None
    m = re.fullmatch(r"(-?[0-9.e+-]+)(?: · (\d{4}))?", text)
    if m is None:
        return None
    try:
        return float(m[1]), int(m[2]) if m[2] else None
    except ValueError:
        return None
