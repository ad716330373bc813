"""The shipped table of quoted figures and events (`indicators/seed_facts.csv`), parsed for the charts."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

SEED_FACTS = Path(__file__).resolve().parents[1] / "seed_facts.csv"
SEED_COLUMNS = ["kind", "date", "year", "indicator_hint", "value", "unit", "label_ko", "label_en",
                "source_doc", "quote_ko"]


# ------------------------------------------------------------------ seed facts

def date_to_x(date: str, year: float) -> float:
    """'2005-06' → 2005.42 (month start as a fraction of the year); '' → year (NaN if none)."""
    parts = str(date).split("-")
    try:
        y = int(parts[0])
    except ValueError:
        return float(year) if pd.notna(year) else np.nan
    month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 1
    return y + (month - 1) / 12


def seed_facts(raw: pd.DataFrame, where: str = "seed_facts.csv") -> pd.DataFrame:
    """The seed facts table (all columns text) with numeric year/value, x (fractional year) and the
    document ('doc') and attribution parts of `source_doc` ('<doc> — <attribution>')."""
    absent = [c for c in SEED_COLUMNS if c not in raw.columns]
    if absent:
        raise ValueError(f"{where} lacks columns {absent}")
    df = raw.copy()
    df["year"] = pd.to_numeric(df["year"], errors="coerce")
    df["value"] = pd.to_numeric(df["value"], errors="coerce")
    df["x"] = [date_to_x(d, y) for d, y in zip(df["date"], df["year"])]
    parts = df["source_doc"].str.split(" — ")
    df["doc"] = parts.str[0].str.strip()
    df["attribution"] = parts.str[1].fillna("").str.strip()
    return df


def read_seed_facts(path: Path = SEED_FACTS) -> pd.DataFrame:
    """`seed_facts` of the shipped CSV; an empty table with the same columns if the file is absent."""
    if not path.exists():
        return pd.DataFrame(columns=SEED_COLUMNS + ["x", "doc", "attribution"])
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    return seed_facts(raw, str(path))
