"""Observations expressed on a boundary set, exactly or not at all (`express`).

Files are coded in the codes in force when they were published: most in the end-2024 codes (older ones
mapped forward by `geo.crosswalk`), the newest in the 2026-07 codes. Each boundary set of `geo.regions`
gets every series it can hold exactly, by the reform's declared changes (`geo/reform_2026.csv`):

- rename (46110 목포시 → 12110): the same territory, so every indicator carries over, both ways;
- merge (29 광주 + 46 전남 → 12): an additive indicator is the sum of its parts where every part has a
  value (before 광주 was split off in 1986, 전남 alone is that territory); a ratio is formed from summed
  parts later (`derive.ratios`); anything else has no value there;
- split (old 중구 + 동구 → 제물포구 + 영종구): a new unit comes only from finer rows a file has (the
  loaders rebuild it from 행정동); back in the 2024 set, an old unit that is the exact union of new ones
  (서구 = 서해구 + 검단구) is their sum;
- union (28U01 제물포구+영종구): in a year no file has the new units apart, the 2026-07 set shows their
  union as one unit — the sum of the old units that cover it (additive), or the one old unit that is it
  (서구, any indicator) — never apportioned by area or population.

Pure functions on tidy frames (region_code, year, indicator, value).
"""
from __future__ import annotations

import pandas as pd

from geo import regions

KEY = ["region_code", "year", "indicator"]
LATE_SIDO_FROM: dict[str, int] = {"29": 1986, "30": 1989, "31": 1997, "36": 2012}  # split off a province


def _present(obs: pd.DataFrame) -> pd.MultiIndex:
    return pd.MultiIndex.from_frame(obs[KEY])


def _renamed(obs: pd.DataFrame, mapping: dict[str, str]) -> pd.DataFrame:
    """Rows of the codes in `mapping` under their new code (any indicator: the same territory)."""
    rows = obs[obs["region_code"].isin(mapping)]
    return rows.assign(region_code=rows["region_code"].map(mapping))


def _summed(obs: pd.DataFrame, new: str, parts: tuple[str, ...], additive: set[str]) -> pd.DataFrame:
    """`new` as the sum of `parts` for additive indicators, where every part has a value; a part split off
    later (광주 1986, …) is excused before that year — its territory is still inside its parent's row, so
    in a year where the parent alone is the whole territory, any indicator carries over."""
    rows = obs[obs["region_code"].isin(parts)].dropna(subset=["value"])
    if rows.empty:
        return pd.DataFrame(columns=KEY + ["value"])
    g = rows.groupby(["year", "indicator"]).agg(value=("value", "sum"), have=("region_code", frozenset))
    out = []
    for (year, ind), value, have in zip(g.index, g["value"], g["have"]):
        due = [p for p in parts if year >= LATE_SIDO_FROM.get(p, 0)]
        if not all(p in have for p in due):
            continue
        if ind in additive or len(due) == 1:
            out.append((new, year, ind, value))
    return pd.DataFrame(out, columns=KEY + ["value"])


def _new(rows: pd.DataFrame, have: pd.MultiIndex) -> pd.DataFrame:
    """`rows` for the region-year-indicators not in `have`."""
    if rows.empty:
        return rows
    return rows[~_present(rows).isin(have)]


def express(obs: pd.DataFrame, boundary_set: str, additive: set[str]) -> pd.DataFrame:
    """`obs` (codes of either set) as the units of `boundary_set`: rows of the set's own codes, plus
    what the reform's changes give exactly (module docstring); rows of codes outside the set (the other
    set's, or a union where the set has its parts) are dropped. Rows a file gives itself win."""
    ref = regions.reform()
    sido = set(regions.codes("sido", boundary_set))
    sigungu = set(regions.codes("sigungu", boundary_set))
    stand_ins = regions.stand_ins(boundary_set)
    parts = [obs]
    have = _present(obs)

    def add(rows: pd.DataFrame) -> None:
        nonlocal have
        rows = _new(rows[KEY + [c for c in rows.columns if c not in KEY]], have)
        if len(rows):
            parts.append(rows)
            have = have.append(_present(rows))

    renames = ref[ref["kind"] == "rename"]
    if boundary_set == regions.REFERENCE_SET:
        add(_renamed(obs, {new: olds[0] for new, olds in zip(renames["region_code"], renames["from_codes"])}))
        for olds, kind in zip(ref["from_codes"], ref["kind"]):
            if kind == "split":  # an old unit that is the exact union of new ones is their sum
                siblings = tuple(ref.loc[(ref["kind"] == "split") & (ref["from_codes"] == olds), "region_code"])
                if len(olds) == 1:
                    add(_summed(obs, olds[0], siblings, additive))
    else:
        add(_renamed(obs, {olds[0]: new for new, olds in zip(renames["region_code"], renames["from_codes"])}))
        for new, olds, kind in zip(ref["region_code"], ref["from_codes"], ref["kind"]):
            if kind == "merge":
                add(_summed(obs, new, olds, additive))
        for union, members in stand_ins.items():
            olds = tuple(dict.fromkeys(o for m in members for o in ref.set_index("region_code").loc[m, "from_codes"]))
            rows = _renamed(obs, {olds[0]: union}) if len(olds) == 1 else _summed(obs, union, olds, additive)
            apart = pd.MultiIndex.from_frame(obs.loc[obs["region_code"].isin(members), ["year", "indicator"]])
            add(rows[~pd.MultiIndex.from_frame(rows[["year", "indicator"]]).isin(apart)])
    out = pd.concat(parts, ignore_index=True)
    codes = out["region_code"]
    keep = ~regions.level_of(codes).isin(["sido", "sigungu"]) | codes.isin(sido | sigungu | set(stand_ins))
    return out[keep].reset_index(drop=True)
