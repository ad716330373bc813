"""The tidy observation table every source returns and every build writes.

One row per (region_code, year, indicator). region_code: canonical administrative code
('00' nation, 2-digit 시도, 5-digit 시군구, 'CR' 수도권, 'NC' 비수도권, 'CC' … 'JJ' the other 권역; see `geo.groups`); year: int;
value: float, NaN where the source has no figure (never 0 for missing).
"""
from __future__ import annotations

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
