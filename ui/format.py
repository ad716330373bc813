"""Indicators as readers see them: names, labels, definitions and source lines, in the reader's language.

Every function takes the `Indicator` object (`indicators.schema`, got once per page from
`app_data.indicator(id)`). `source_line(ind, lang)` is the "출처: producer, table (table id), years" line
under every figure, from each source's `cite` block (registry YAML); a derived indicator adds its formula
in words. Provenance (files, vintages, ids) stays on 자료·방법. The figures themselves (`value`, `delta`,
decimals, axis scales) are `ui.numbers`, re-exported here so pages keep writing `fmt.value(...)`.

A caller holding only an id (from the URL, a page's constant) may pass it: it is looked up once per call
(`as_indicator`).
"""
from __future__ import annotations

import functools
from pathlib import Path

import app_data
from indicators import catalog
from indicators.schema import Indicator, Source
from ui.i18n import t
from ui.numbers import (  # noqa: F401  (re-exported: `fmt.value`, `fmt.number` …)
    COUNT_UNITS,
    MONEY_SCALE,
    USD_SCALE,
    IndicatorLike,
    as_indicator,
    axis_scale,
    column_format,
    csv_decimals,
    decimals_for,
    delta,
    dollars,
    fixed,
    is_missing,
    magnitude_decimals,
    number,
    people,
    scaled_ticks,
    unit_label,
    value,
    won,
)


def definition(ind: IndicatorLike, lang: str = "ko") -> str:
    """The catalogue's description of an indicator as a tooltip: name and unit, how it is counted,
    its formula (derived) and note, and its source (nothing typed here: all from the registry)."""
    obj = as_indicator(ind)
    return "" if obj is None else _definition(obj, lang, app_data.data_version())


@functools.lru_cache(maxsize=2048)
def _definition(obj: Indicator, lang: str, version: int) -> str:
    """`definition` of one indicator of build `version` (built once per build: a page shows dozens)."""
    bits = [indicator_label(obj, lang)]
    if obj.basis:
        bits.append(("기준: " if lang == "ko" else "Basis: ") + obj.text("basis", lang))
    if obj.formula:
        bits.append(("산식: " if lang == "ko" else "Formula: ") + obj.text("formula", lang))
    if obj.note:
        bits.append(obj.text("note", lang))
    bits.append(source_line(obj, lang))
    return "  \n".join(b.replace("\n", " ") for b in bits if b)


def name(ind: IndicatorLike, lang: str = "ko") -> str:
    """The indicator's name in `lang` ('' for None; an unknown id: the id)."""
    obj = as_indicator(ind)
    if obj is None:
        return ind if isinstance(ind, str) else ""
    return obj.name_en if lang == "en" else obj.name_ko


def indicator_label(ind: IndicatorLike, lang: str = "ko", with_unit: bool = True) -> str:
    """'지표 이름 (단위)' for selectors and axis titles."""
    ind = as_indicator(ind)
    u = unit_label(ind, lang)
    return f"{name(ind, lang)} ({u})" if with_unit and u else name(ind, lang)


def citation(src: Source | None, lang: str = "ko", short: bool = False) -> str:
    """How readers see one source: 'producer, table (table id)' in `lang` (`short`: the producer only),
    from the registry's `cite` block. An English title that is our translation (not the producer's
    published English title, `Citation.table_en_translated`) says so: 'table (title translated by
    Balance; id)'. No file names, internal ids or provenance notes (those stay on 자료·방법); a source
    without a `cite` block shows nothing rather than its raw fields."""
    cite = src.cite if src is not None else None
    if cite is None:
        return ""
    if short or not cite.table(lang):
        return cite.producer(lang)
    marks = [t("title_translated", lang)] if lang == "en" and cite.table_en_translated else []
    marks += [cite.table_id] if cite.table_id else []
    ref = f" ({'; '.join(marks)})" if marks else ""
    return f"{cite.producer(lang)}, {cite.table(lang)}{ref}"


def years_span(years) -> str:
    """'1985–2023' (one year: '2023'; none: '')."""
    ys = sorted({int(y) for y in years or () if not is_missing(y)})
    if not ys:
        return ""
    return str(ys[0]) if ys[0] == ys[-1] else f"{ys[0]}–{ys[-1]}"


def plain_formula(ind: Indicator, indicators: dict[str, Indicator], lang: str = "ko") -> str:
    """A derived indicator's formula in words: 'Women aged 20–39 ÷ Population aged 65+' (× scale when
    it is not 1); an at-risk count: 'districts with <index> < 0.5'. '' for a non-derived indicator."""
    num = indicators.get(ind.numerator) if ind.numerator else None
    den = indicators.get(ind.denominator) if ind.denominator else None
    if num is None:
        return ""
    if den is None:  # a count of 시군구 below the risk threshold (indicators/derive.py, AT_RISK_BELOW)
        return (f"{name(num, lang)} 0.5 미만 시군구 수" if lang == "ko"
                else f"number of districts with {name(num, lang)} < 0.5")
    text = f"{name(num, lang)} ÷ {name(den, lang)}"
    return text + (f" × {ind.scale:,g}" if ind.scale not in (None, 1) else "")


def _leaves(ind: Indicator | None, indicators: dict[str, Indicator], depth: int = 0) -> list[Indicator]:
    """The non-derived indicators `ind` is computed from (itself when it is not derived)."""
    if ind is None or depth > 4:
        return []
    if ind.source != "derived":
        return [ind]
    parts = (indicators.get(x) for x in (ind.numerator, ind.denominator) if x)
    return [leaf for p in parts for leaf in _leaves(p, indicators, depth + 1)]


def leaves(ind: IndicatorLike) -> list[Indicator]:
    """The non-derived indicators an indicator is computed from (itself when it is not derived)."""
    return _leaves(as_indicator(ind), app_data.catalogue().indicators)


def cite_indicator(ind: Indicator, sources: dict[str, Source], indicators: dict[str, Indicator],
                   years=(), lang: str = "ko", short: bool = False) -> str:
    """The source text of one indicator, pure: 'producer, table (id), years'; a derived indicator
    names the sources of its inputs, then 'computed by Balance: <formula in words>, years'.
    `short`: producers only, no years or formula."""
    span = "" if short else years_span(years)
    span = f"{span}년" if lang == "ko" and span else span
    names: list[str] = []
    for leaf in _leaves(ind, indicators):
        text = citation(sources.get(leaf.source), lang, short)
        if text and text not in names:
            names.append(text)
    if ind.source == "derived":
        calc = citation(sources.get("derived"), lang, True) or t("computed_note", lang)
        formula = "" if short else plain_formula(ind, indicators, lang)
        names.append(f"{calc}: {formula}" if formula else calc)
    return "; ".join(names) + (f", {span}" if span and names else span)


def source_text(ind: IndicatorLike, lang: str = "ko", short: bool = False) -> str:
    """`cite_indicator` of an indicator (or id) with the years the build holds for it."""
    obj = as_indicator(ind)
    if obj is None:
        return t("no_data", lang)
    cat = app_data.catalogue()
    years = () if short else app_data.years_for(obj.id)
    return cite_indicator(obj, cat.sources, cat.indicators, years, lang, short)


def source_line(ind: IndicatorLike, lang: str = "ko", short: bool = False) -> str:
    """'출처: ' + `source_text`."""
    return f"{t('source', lang)}: {source_text(ind, lang, short)}"


def sources_line(inds: list[Indicator], lang: str = "ko", short: bool = True) -> str:
    """One source line for several indicators: each producer/table once (derived: their inputs')."""
    cat = app_data.catalogue()
    seen: list[str] = []
    for ind in inds:
        for leaf in _leaves(ind, cat.indicators):
            text = citation(cat.sources.get(leaf.source), lang, short)
            if text and text not in seen:
                seen.append(text)
    calc = any(ind.source == "derived" for ind in inds)
    lead = (citation(cat.sources.get("derived"), lang, True) + "; ") if calc else ""
    return f"{t('source', lang)}: {lead}" + " | ".join(seen)


def without_paths(text: str, raw_dir: str = "") -> str:
    """`text` (a build message) with this machine's folders taken out: the raw folder `raw_dir` reads
    'data/raw', the project folder and the home folder go. Readers never see server paths."""
    out = str(text or "")
    root = str(Path(__file__).resolve().parents[1])
    for folder, shown in ((raw_dir, "data/raw"), (root + "/", ""), (root, "."), (str(Path.home()), "~")):
        if folder:
            out = out.replace(str(folder).rstrip("/") if shown == "data/raw" else str(folder), shown)
    return out


def basis_name(token: str, lang: str = "ko") -> str:
    """A population basis as readers see it ('주민등록인구 (KOSIS, 등록 기준)' / 'Registered population')."""
    b = catalog.basis(token)
    return b.name_en if lang == "en" else b.name_ko


def year_text(year: int | float | None, lang: str = "ko") -> str:
    if is_missing(year):
        return ""
    return t("year_suffix", lang, y=int(year))
