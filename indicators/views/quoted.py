"""The shipped table of quoted figures and events (`indicators/seed_facts.csv`), parsed for the charts."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from indicators.hangul import has_hangul

SEED_FACTS = Path(__file__).resolve().parents[1] / "seed_facts.csv"
SEED_DOCS = Path(__file__).resolve().parents[1] / "seed_docs.csv"  # source_doc → title_ko, title_en
SEED_COLUMNS = ["kind", "date", "year", "indicator_hint", "value", "unit", "label_ko", "label_en",
                "source_doc", "quote_ko"]
# The quoted units written in Korean, in English ('%', 'count', 'index', 'ratio' … are already English).
UNIT_EN = {"조원": "KRW trillion", "점 (5점 만점)": "points (out of 5)"}


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


def unit_en(units: pd.Series, where: str = "seed_facts.csv") -> pd.Series:
    """`units` in English through `UNIT_EN`; a Korean unit the table lacks is an error naming the row."""
    def one(i, unit: str) -> str:
        if unit in UNIT_EN:
            return UNIT_EN[unit]
        if has_hangul(unit):
            raise ValueError(f"{where}, row {i + 2}, column 'unit': {unit!r} has no English unit "
                             "(add it to indicators/views/quoted.py UNIT_EN)")
        return unit
    return pd.Series([one(i, str(u)) for i, u in enumerate(units)], index=units.index, dtype=str)


def seed_facts(raw: pd.DataFrame, where: str = "seed_facts.csv") -> pd.DataFrame:
    """The seed facts table (all columns text) with numeric year/value, x (fractional year), the unit in
    English ('unit_en') and the document ('doc') and attribution parts of `source_doc`
    ('<doc> — <attribution>')."""
    absent = [c for c in SEED_COLUMNS if c not in raw.columns]
    if absent:
        raise ValueError(f"{where} lacks columns {absent}")
    df = raw.copy()
    df["year"] = pd.to_numeric(df["year"], errors="coerce")
    df["value"] = pd.to_numeric(df["value"], errors="coerce")
    df["x"] = [date_to_x(d, y) for d, y in zip(df["date"], df["year"])]
    df["unit_en"] = unit_en(df["unit"], where)
    parts = df["source_doc"].str.split(" — ")
    df["doc"] = parts.str[0].str.strip()
    df["attribution"] = [p[1].strip() if len(p) > 1 else "" for p in parts]
    return df


def with_doc_titles(facts: pd.DataFrame, docs: pd.DataFrame) -> pd.DataFrame:
    """`facts` plus the title of each fact's document in Korean and English ('doc_title_ko',
    'doc_title_en'; '' where `docs`, the seed_docs.csv table, has none): readers see a title, not
    the document's file name."""
    titles = docs.drop_duplicates("source_doc").set_index("source_doc") if len(docs) else None
    out = facts.copy()
    for lang in ("ko", "en"):
        col = f"title_{lang}"
        found = titles[col] if titles is not None and col in titles else pd.Series(dtype=str)
        out[f"doc_title_{lang}"] = out["doc"].map(found).fillna("").astype(str)
    return out


def quoted_source(row, lang: str) -> str:
    """Where a quoted figure or event comes from, as readers see it: in Korean the attribution (else
    the document's title), in English the document's English title ('' if it has none)."""
    if lang == "en":
        return str(getattr(row, "doc_title_en", "") or "")
    return str(getattr(row, "attribution", "") or getattr(row, "doc_title_ko", "") or "")


def read_seed_facts(path: Path = SEED_FACTS, docs: Path = SEED_DOCS) -> pd.DataFrame:
    """`seed_facts` of the shipped CSV with its documents' titles; an empty table with the same
    columns if the file is absent."""
    if not path.exists():
        return pd.DataFrame(columns=SEED_COLUMNS + ["x", "unit_en", "doc", "attribution", "doc_title_ko",
                                                    "doc_title_en"])
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    titles = (pd.read_csv(docs, dtype=str, keep_default_na=False, encoding="utf-8") if docs.exists()
              else pd.DataFrame(columns=["source_doc", "title_ko", "title_en"]))
    return with_doc_titles(seed_facts(raw, str(path)), titles)
