"""What a measured session changes: the sequence of values to switch to, and the URL query that asks for one."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import parse_qsl, urlencode

LEVELS = ("sido", "sigungu")  # the map levels a session switches between


def change_sequence(options: Sequence[Any], current: Any, n: int) -> list[Any]:
    """n values to switch to in turn, each different from the one before (starting from
    `current`), cycling through the options; [] when there is nothing to change to."""
    opts = list(dict.fromkeys(options))
    if n <= 0 or len(opts) < 2 and (not opts or opts[0] == current):
        return []
    order = [o for o in opts if o != current] + ([current] if current in opts else [])
    seq: list[Any] = []
    prev = current
    i = 0
    while len(seq) < n and i < 10 * n + len(order):
        cand = order[i % len(order)]
        i += 1
        if cand != prev:
            seq.append(cand)
            prev = cand
    return seq


def query_with(query_string: str, **values: Any) -> str:
    """`query_string` with the given parameters set (None removes one); order kept."""
    pairs = [(k, v) for k, v in parse_qsl(query_string, keep_blank_values=True) if k not in values]
    pairs += [(k, str(v)) for k, v in values.items() if v is not None]
    return urlencode(pairs)


def interactions(ids: Sequence[str], start: tuple[str, str], n: int) -> list[tuple[str, str]]:
    """n map views (indicator, level) to switch to in turn from `start`, each differing from the one
    before in one thing: the level (시도 ↔ 시군구) and the indicator (cycling through `ids`) by turns."""
    ind, level = start
    k = ids.index(ind) if ind in ids else -1
    seq: list[tuple[str, str]] = []
    for i in range(n):
        if i % 2 == 0 or len(ids) < 2 and ind in ids:
            level = LEVELS[1] if level == LEVELS[0] else LEVELS[0]
        else:
            k = (k + 1) % len(ids)
            if ids[k] == ind:
                k = (k + 1) % len(ids)
            ind = ids[k]
        seq.append((ind, level))
    return seq
