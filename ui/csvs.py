"""One convention for every CSV the app offers (and the column titles of its tables); DESIGN.md, 'CSV files'.

- Column titles are in the reader's language, one title per column id wherever it appears
  (`ui.i18n.COLUMNS`: '지역코드', '지표 ID', '단위', '연도', '출처' …), as a KOSIS download titles its
  columns; the values that identify (region codes, indicator ids) stay stable, so files join across
  languages and builds.
- A table of figures is long: the region (code, name), the indicator (id, name), the unit, the year, the
  value, then anything else, and the source last. Every row carries its unit, year and source
  (producer and table, from the registry's `cite` blocks): `enriched` adds what a page's frame lacks.
- Numbers are written as computed (rounded as displayed where the page says so), UTF-8 with a BOM so
  spreadsheet programs read the Hangul.
"""
from __future__ import annotations

import pandas as pd

import app_data
from geo import regions
from indicators import composite as cx
from ui import format as fmt
from ui.i18n import column

LEAD = ("region_code", "region", "indicator", "indicator_name", "name", "unit", "year", "value")
# columns whose numbers are in the indicator's own unit (a 'unit' column is added beside them)
VALUE_COLUMNS = ("value", "capital_value", "noncapital_value", "national_value", "nation", "capital", "noncapital")
WEIGHT_PREFIX, WEIGHT_SUFFIX = "weight_", "_pct"  # a composite domain's weight: weight_<domain>_pct


def _known_ids(values: pd.Series) -> list[str] | None:
    """The distinct indicator ids of `values`, when every one is catalogued (else None: not ids)."""
    ids = [str(v) for v in pd.unique(values.dropna())]
    return ids if ids and all(app_data.indicator(i) is not None for i in ids) else None


def _known_codes(values: pd.Series) -> list[str] | None:
    reg = regions.table().index
    codes = [str(v) for v in pd.unique(values.dropna())]
    return codes if codes and all(c in reg for c in codes) else None


def enriched(frame: pd.DataFrame, lang: str, source: str | None = None) -> pd.DataFrame:
    """`frame` with what every CSV row carries: the indicator's name, unit (beside values in its unit)
    and source for an `indicator` column of catalogued ids; the region's name for a `region_code`
    column of registry codes; `source` (a page's own source text) where there is still none. Columns
    in the order of `LEAD`, the others as given, the source last."""
    out = frame.copy()
    ids = _known_ids(out["indicator"]) if "indicator" in out.columns and len(out) else None
    if ids is not None:
        key = out["indicator"].astype(str)
        if "indicator_name" not in out.columns and "name" not in out.columns:
            out["indicator_name"] = key.map({i: fmt.name(i, lang) for i in ids})
        if "unit" not in out.columns and any(c in out.columns for c in VALUE_COLUMNS):
            out["unit"] = key.map({i: fmt.unit_label(i, lang) for i in ids})
        if "source" not in out.columns:
            out["source"] = key.map({i: fmt.source_text(i, lang) for i in ids})
    if "region_code" in out.columns and "region" not in out.columns and len(out):
        codes = _known_codes(out["region_code"])
        if codes is not None:
            out.insert(0, "region", out["region_code"].astype(str).map({c: regions.name(c, lang) for c in codes}))
    if source and "source" not in out.columns:
        out["source"] = source
    lead = [c for c in LEAD if c in out.columns]
    rest = [c for c in out.columns if c not in lead and c != "source"]
    return out[lead + rest + (["source"] if "source" in out.columns else [])]


def title(col: str, lang: str) -> str:
    """The title of column `col` in `lang`: its `ui.i18n.COLUMNS` entry, a composite domain's name (its
    score; 'weight_<domain>_pct': its weight), else the column id as it is."""
    known = column(col, lang)
    if known is not None:
        return known
    domains = {d.id: d.name_en if lang == "en" else d.name_ko for d in cx.DOMAINS}
    if col in domains:
        return domains[col]
    if col.startswith(WEIGHT_PREFIX) and col.endswith(WEIGHT_SUFFIX):
        d = col[len(WEIGHT_PREFIX):-len(WEIGHT_SUFFIX)]
        if d in domains:
            return f"{column('weight_pct', lang)}: {domains[d]}"
    return str(col)


def titled(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """`frame` with its columns titled in `lang` (`title`)."""
    return frame.rename(columns={c: title(c, lang) for c in frame.columns})


def for_download(frame: pd.DataFrame, lang: str, source: str | None = None) -> pd.DataFrame:
    """What a CSV download holds: `enriched`, then `titled`."""
    return titled(enriched(frame, lang, source), lang)


def encoded(frame: pd.DataFrame, lang: str, source: str | None = None) -> bytes:
    """The CSV file's bytes (UTF-8 with a BOM)."""
    return for_download(frame, lang, source).to_csv(index=False).encode("utf-8-sig")
