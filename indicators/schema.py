"""The tidy observation table every source returns and every build writes.

One row per (region_code, year, indicator). region_code: canonical administrative code
('00' nation, 2-digit 시도, 5-digit 시군구, 'CR' 수도권, 'NC' 비수도권, 'CC' … 'JJ' the other 권역;
see `geo.groups`); year: int;
value: float, NaN where the source has no figure (never 0 for missing).

Also what describes the rows: `Source` (where figures come from) and `Indicator` (what one series
measures), declared by the source modules and `indicators.derive` and gathered by `indicators.catalog`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import pandera.pandas as pa

from geo.groups import CODE_PATTERN

KEY = ["region_code", "year", "indicator"]
COLUMNS = KEY + ["value"]

TIDY = pa.DataFrameSchema(
    {
        "region_code": pa.Column(str, pa.Check.str_matches(CODE_PATTERN)),
        "year": pa.Column("int64", pa.Check.in_range(1960, 2100)),
        "indicator": pa.Column(str, pa.Check.str_matches(r"^[a-z0-9_]+$")),
        "value": pa.Column(float, nullable=True),
    },
    unique=KEY,
    strict=True,
    ordered=True,
)


def tidy(df: pd.DataFrame) -> pd.DataFrame:
    """Coerce to the tidy column order and dtypes, sort, and validate (raises SchemaError)."""
    out = df[COLUMNS].astype({"region_code": str, "year": "int64", "indicator": str, "value": "float64"})
    out = out.sort_values(KEY, ignore_index=True)
    return TIDY.validate(out)


@dataclass(frozen=True)
class Source:
    """Where figures come from: producer, table, address, licence, vintage, files read."""

    id: str
    producer: str
    title: str
    table_id: str
    url: str
    license: str
    vintage: str
    files: tuple[str, ...] = ()
    embedded: bool = False  # shipped inside a PyPI package (works with no raw files)
    note: str = ""


@dataclass(frozen=True)
class Indicator:
    """One indicator. `unit` is the English unit key, `unit_ko` what Korean readers see.

    polarity: +1 higher is better, -1 higher is worse, 0 neutral (e.g. a level).
    additive: values of regions sum to their parent (counts, money); False for ratios.
    """

    id: str
    name_ko: str
    name_en: str
    unit: str
    unit_ko: str
    source: str
    category: str
    polarity: int = 0
    additive: bool = False
    levels: tuple[str, ...] = ("sido", "sigungu")
    basis: str = ""
    formula: str = ""
    numerator: str = ""
    denominator: str = ""
    note: str = ""
    tags: tuple[str, ...] = field(default_factory=tuple)
