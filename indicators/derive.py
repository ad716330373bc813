"""Derived indicators: aggregates, ratios (per-capita, extinction-risk index) and risk classes.

Pure functions from tidy frame to tidy frame. Aggregates (시도 from 시군구, 수도권 'CR',
비수도권 'NC', nation '00') are sums of counts and need every member region: one missing
member makes the aggregate missing, never a partial sum. Ratios of aggregates are
recomputed from summed numerators and denominators, never averaged.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from geo import regions
from geo.groups import macro_of_sido
from indicators.registry import declared, registry
from indicators.schema import Basis

SOURCE, INDICATORS = declared("derived")  # metadata: indicators/derived.yaml

# KEIS 지방소멸위험지수 classes (upper bounds exclusive), lowest first
RISK_BOUNDS: tuple[float, ...] = (0.2, 0.5, 1.0, 1.5)
RISK_CLASSES_KO: tuple[str, ...] = ("고위험", "위험진입", "주의", "보통", "소멸 저위험")
RISK_CLASSES_EN: tuple[str, ...] = ("High risk", "Entering risk", "Caution", "Normal", "Low risk")
AT_RISK_BELOW = 0.5
# 시도 created by splitting off a province: 광주(1986, 전남), 대전(1989, 충남), 울산(1997, 경남),
# 세종(2012, 충남·충북). Before a source reports them, their figures are inside the parent.
LATE_SIDO_FROM: dict[str, int] = {"29": 1986, "30": 1989, "31": 1997, "36": 2012}
LATE_SIDO: frozenset[str] = frozenset(LATE_SIDO_FROM)  # 소멸위험지역 = index < 0.5 (고위험 + 위험진입)


@dataclass(frozen=True)
class Ratio:
    """indicator = numerator / denominator × scale, computed per region and year."""

    id: str
    numerator: str
    denominator: str
    scale: float


# every derived indicator that declares a scale is a ratio (derived.yaml)
RATIOS: tuple[Ratio, ...] = tuple(Ratio(i.id, i.numerator, i.denominator, i.scale)
                                  for i in INDICATORS if i.scale is not None)
# the population bases with an extinction-risk index (registry.yaml): token → basis
RISK_BASES: dict[str, Basis] = {b.token: b for b in registry().bases.values() if b.risk_index}
BASES: dict[str, str] = {t: b.name_ko for t, b in RISK_BASES.items()}  # token → Korean name
RISK_INDEX: dict[str, str] = {t: b.risk_index for t, b in RISK_BASES.items()}  # token → index id
AT_RISK_COUNTS: dict[str, str] = {t: b.at_risk_count for t, b in RISK_BASES.items()}  # token → count id


# 시도 that a late-created 시도 was split from (세종 took parts of 충남 and 충북)
SPLIT_FROM: dict[str, tuple[str, ...]] = {"29": ("46",), "30": ("44",), "31": ("48",), "36": ("44", "43")}


def _members(boundary_set: str) -> dict[str, list[str]]:
    """Aggregate code → member 시도 of `boundary_set`: 수도권/비수도권, the 권역 and the nation '00'."""
    return {code: list(members) for code, members in regions.group_members(boundary_set).items()}


def _coarse_units(boundary_set: str) -> tuple[dict[str, str], pd.Series]:
    """For summing 시군구 to 시도 in `boundary_set`: the code a 시군구 counts under (a part of a union —
    제물포구, 영종구 — counts under its union, so a year of parts and a year of the union are complete
    alike) and the number of such units per 시도."""
    reg = regions.table()
    to_union = {part: union for union, parts in regions.stand_ins(boundary_set).items() for part in parts}
    units = pd.Series(sorted({to_union.get(c, c) for c in regions.codes("sigungu", boundary_set)}))
    return to_union, units.groupby(units.map(reg["parent_code"])).size()


def _sum_complete(df: pd.DataFrame, group: pd.Series, members: pd.Series,
                  excused: pd.DataFrame | None = None) -> pd.DataFrame:
    """Sum value by (group, year, indicator), NaN unless every expected member has a value.

    `excused` (parent, year, indicator, n): members not expected in that year (a 시도 split
    off later, before the first year the source reports it separately)."""
    g = df.assign(parent=group.values).dropna(subset=["parent"])
    if g.empty:
        return pd.DataFrame(columns=["region_code", "year", "indicator", "value"])
    agg = g.groupby(["parent", "year", "indicator"]).agg(value=("value", "sum"), n=("value", "count"))
    agg = agg.reset_index()
    expected = agg["parent"].map(members)
    if excused is not None and len(excused):
        agg = agg.merge(excused, on=["parent", "year", "indicator"], how="left")
        expected = expected - agg["n_excused"].fillna(0).to_numpy()
    agg.loc[agg["n"] < expected, "value"] = np.nan
    return agg.rename(columns={"parent": "region_code"})[["region_code", "year", "indicator", "value"]]


def late_sido_excused(sido: pd.DataFrame, code: str, members: list[str]) -> pd.DataFrame:
    """For aggregate `code`: per indicator and year, how many of its members had not yet been
    split off (광주 1986, 대전 1989, 울산 1997, 세종 2012). A member is excused before the first
    year the source reports it separately, or — if the source never reports it — before the
    year it was created; after that a missing member is missing."""
    late = [r for r in members if r in LATE_SIDO]
    years = sido[["indicator", "year"]].drop_duplicates()
    have = sido[sido["region_code"].isin(late)].dropna(subset=["value"])
    first = have.groupby(["indicator", "region_code"])["year"].min()
    parts = []
    for r in late:
        start = years["indicator"].map(first.xs(r, level="region_code") if r in first.index.get_level_values(1)
                                       else {}).fillna(LATE_SIDO_FROM[r])
        parts.append(years[years["year"] < start])
    if not parts:
        return pd.DataFrame(columns=["indicator", "year", "n_excused", "parent"])
    out = pd.concat(parts).groupby(["indicator", "year"]).size().rename("n_excused").reset_index()
    return out.assign(parent=code)


def aggregate(obs: pd.DataFrame, additive: set[str], boundary_set: str = regions.REFERENCE_SET) -> pd.DataFrame:
    """Add missing 시도 (from 시군구), CR, NC and '00' rows for additive indicators; `obs` holds the units of
    `boundary_set` (`restate.express`)."""
    reg = regions.table()
    add = obs[obs["indicator"].isin(additive)]
    lv = regions.level_of(add["region_code"])
    to_union, n_children = _coarse_units(boundary_set)
    sgg = add[lv == "sigungu"]
    if to_union:  # the parts of a union summed under it, where every part has a value
        n_parts = pd.Series({u: len(p) for u, p in regions.stand_ins(boundary_set).items()})
        sgg = sgg.assign(part=sgg["region_code"].isin(to_union),
                         region_code=sgg["region_code"].map(lambda c: to_union.get(c, c)))
        g = sgg.groupby(["region_code", "year", "indicator"], as_index=False).agg(
            value=("value", "sum"), n=("value", "count"), part=("part", "sum"))
        expected = g["region_code"].map(n_parts).where(g["part"] > 0, 1)
        sgg = g.assign(value=g["value"].where(g["n"] >= expected))[["region_code", "year", "indicator", "value"]]
    parents = sgg["region_code"].map(reg["parent_code"])
    sido_from_sgg = _sum_complete(sgg, parents, n_children)
    key = ["region_code", "year", "indicator"]
    have = obs.set_index(key).index
    # a source that gives its own 시도 rows for an indicator-year uses that year's boundaries:
    # derive no 시도 from 시군구 there (2010 census: 세종 = 연기군 is inside 충남's own row)
    own = add[lv == "sido"]
    own_iy = own.set_index(["indicator", "year"]).index.unique()
    sido_from_sgg = sido_from_sgg[~sido_from_sgg.set_index(["indicator", "year"]).index.isin(own_iy)]
    sido = pd.concat([own, sido_from_sgg])
    parts = [obs, sido_from_sgg]
    for code, members in _members(boundary_set).items():
        m = sido[sido["region_code"].isin(members)]
        s = _sum_complete(m, pd.Series(code, index=m.index), pd.Series({code: len(members)}),
                          late_sido_excused(sido, code, members))
        if code == "00":  # keep a source's own national figure
            s = s[~s.set_index(key).index.isin(have)]
        parts.append(s)
    return pd.concat(parts, ignore_index=True)


def ratios(obs: pd.DataFrame, specs: tuple[Ratio, ...] = RATIOS) -> pd.DataFrame:
    """Each Ratio for every region-year where numerator and denominator exist (den > 0)."""
    wide = obs.pivot_table(index=["region_code", "year"], columns="indicator", values="value", aggfunc="first")
    parts = []
    for r in specs:
        if r.numerator not in wide or r.denominator not in wide:
            continue
        den = wide[r.denominator].where(wide[r.denominator] > 0)
        val = (wide[r.numerator] / den * r.scale).dropna()
        val = val[~val.index.isin(mixed_territory(wide, r.numerator, r.denominator))]
        parts.append(val.rename("value").reset_index().assign(indicator=r.id))
    return pd.concat(parts, ignore_index=True) if parts else obs.iloc[0:0]


def mixed_territory(wide: pd.DataFrame, numerator: str, denominator: str) -> list[tuple[str, int]]:
    """(parent 시도, year) pairs where the two parts of a ratio cover different territories.

    In a split year one source may already report a late-created 시도 while the other still
    counts it inside its parent (GRDP has 울산 inside 경남 in 1997, population does not): the
    parent's ratio there would mix territories, so it is left missing, never computed."""
    codes = wide.index.get_level_values("region_code")
    out = []
    for late, parents in SPLIT_FROM.items():
        if late not in codes:
            continue
        part = wide.xs(late, level="region_code")
        num = part[numerator].notna() if numerator in part else pd.Series(False, index=part.index)
        den = part[denominator].notna() if denominator in part else pd.Series(False, index=part.index)
        # a part's absence is a different territory only before that part starts reporting the
        # 시도, and only if it starts within SPLIT_REPORTING_LAG years of the split (2010 census
        # GRDP lacks 대전, created 1989: that is missing data, and the parent is left alone)
        not_yet = _not_yet(num, LATE_SIDO_FROM[late]) | _not_yet(den, LATE_SIDO_FROM[late])
        out += [(p, int(y)) for y in part.index[(num != den) & not_yet] for p in parents]
    return out


SPLIT_REPORTING_LAG = 2  # years a source may take to report a newly created 시도 separately


def _not_yet(present: pd.Series, created: int) -> pd.Series:
    """Years (index) before a part first reports a 시도 created in `created`, if it starts
    reporting it within SPLIT_REPORTING_LAG years; all False otherwise."""
    years = present.index[present.to_numpy()]
    first = years.min() if len(years) else None
    if first is None or first > created + SPLIT_REPORTING_LAG:
        return pd.Series(False, index=present.index)
    return pd.Series(present.index < first, index=present.index)


def risk_class(index: pd.Series) -> pd.Series:
    """KEIS class number 0..4 (0 = 고위험) for extinction-risk index values; NaN stays NaN."""
    cls = pd.Series(np.digitize(index.to_numpy(), RISK_BOUNDS), index=index.index, dtype="float64")
    return cls.where(index.notna())


def at_risk_counts(obs: pd.DataFrame) -> pd.DataFrame:
    """Number of 시군구 with index < 0.5 per 시도, CR, NC and nation, per basis and year."""
    parts = []
    for basis in RISK_BASES.values():
        sigungu = regions.level_of(obs["region_code"]) == "sigungu"
        idx = obs[(obs["indicator"] == basis.risk_index) & sigungu]
        ind = basis.at_risk_count
        if idx.empty:
            continue
        flag = idx.assign(value=(idx["value"] < AT_RISK_BELOW).astype(float), indicator=ind)
        parent = flag["region_code"].str[:2]
        by_sido = flag.groupby([parent, "year", "indicator"])["value"].sum().reset_index()
        groups = by_sido.assign(region_code=np.where(by_sido["region_code"].map(regions.is_capital), "CR", "NC"))
        macro = by_sido.assign(region_code=by_sido["region_code"].map(macro_of_sido()))
        macro = macro[macro["region_code"] != "CR"]  # 수도권 is already counted as a group
        nation = by_sido.assign(region_code="00")
        for part in (by_sido, groups, macro, nation):
            parts.append(part.groupby(["region_code", "year", "indicator"], as_index=False)["value"].sum())
    return pd.concat(parts, ignore_index=True) if parts else obs.iloc[0:0]


def risk_class_counts(obs: pd.DataFrame, basis: str) -> pd.DataFrame:
    """Counts of 시군구 per KEIS class and year, split capital / non-capital (for charts); `basis` is a
    basis token with a risk index (`RISK_INDEX`)."""
    sigungu = regions.level_of(obs["region_code"]) == "sigungu"
    idx = obs[(obs["indicator"] == RISK_INDEX[basis]) & sigungu]
    idx = idx.dropna(subset=["value"])
    out = idx.assign(risk_class=risk_class(idx["value"]).astype(int),
                     is_capital_region=idx["region_code"].map(regions.is_capital))
    out = out.groupby(["year", "risk_class", "is_capital_region"]).size().rename("sigungu_count").reset_index()
    out["class_ko"] = out["risk_class"].map(dict(enumerate(RISK_CLASSES_KO)))
    out["class_en"] = out["risk_class"].map(dict(enumerate(RISK_CLASSES_EN)))
    return out


def derive_all(obs: pd.DataFrame, additive: set[str], boundary_set: str = regions.REFERENCE_SET) -> pd.DataFrame:
    """Source observations expressed on `boundary_set` (`restate.express`) → observations + aggregates +
    ratios + at-risk counts."""
    full = aggregate(obs, additive, boundary_set)
    numer_denoms = {x for r in RATIOS for x in (r.numerator, r.denominator)}
    full = pd.concat([full, ratios(full[full["indicator"].isin(numer_denoms)])], ignore_index=True)
    return pd.concat([full, at_risk_counts(full)], ignore_index=True)
