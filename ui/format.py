"""Numbers for Korean readers (억/조/만 where natural, thousands separators) and source lines.

Every function takes the `Indicator` object (`indicators.schema`, got once per page from
`app_data.indicator(id)`): `value(v, ind, lang)` formats one figure with its unit,
`source_line(ind, lang)` is the "출처: producer, table (table_id), vintage" line under every
figure (the only lookup left: the catalogue's sources, and a derived indicator's inputs).

Compatibility: `ui/maps.py` (being replaced by the lead) still passes indicator ids; an id is
looked up once per call (`as_indicator`). New code passes objects.
"""
from __future__ import annotations

import math

import app_data
from indicators.schema import Indicator, Source
from ui.i18n import t

IndicatorLike = Indicator | str | None  # str: an id (compatibility for ui/maps.py only)

MONEY_SCALE = {"million KRW": 1e6, "thousand KRW": 1e3, "KRW": 1.0}
USD_SCALE = {"thousand USD": 1e3, "USD": 1.0, "million USD": 1e6}


def is_missing(v) -> bool:
    try:
        return v is None or math.isnan(float(v))
    except (TypeError, ValueError):
        return True


def number(v: float, decimals: int | None = None) -> str:
    """Thousands separators; decimals by magnitude unless given (0 ≥ 1000, 1 ≥ 10, else 2)."""
    if is_missing(v):
        return "–"
    if decimals is None:
        a = abs(v)
        decimals = 0 if a >= 1000 else 1 if a >= 10 else 2 if a >= 0.01 or a == 0 else 4
    return f"{v:,.{decimals}f}"


COUNT_UNITS = ("persons", "count")


def decimals_for(values, ind: Indicator | None) -> int:
    """One number of decimals for a whole column of `ind`'s values (in its own unit), so every cell of
    the column reads alike: 1 for percentages, 0 for head counts and counts, else by the largest
    magnitude in the column (0 from 1,000, 1 from 10, 2 from 0.01, else 4)."""
    unit = ind.unit if ind is not None else ""
    if unit == "%":
        return 1
    if unit in COUNT_UNITS:
        return 0
    mags = [abs(float(v)) for v in values if not is_missing(v)]
    top = max(mags, default=0.0)
    return 0 if top >= 1000 else 1 if top >= 10 else 2 if top >= 0.01 or top == 0 else 4


def fixed(v, decimals: int) -> str:
    """`v` with thousands separators and exactly `decimals` decimals; '–' when missing."""
    return "–" if is_missing(v) else f"{float(v):,.{decimals}f}"


def column_format(decimals: int) -> str:
    """st.column_config.NumberColumn format showing exactly `decimals` decimals: whole numbers with
    thousands separators ('localized' on whole values), else printf with fixed decimals."""
    return "localized" if decimals == 0 else f"%.{decimals}f"


def definition(ind: IndicatorLike, lang: str = "ko") -> str:
    """The catalogue's description of an indicator as a tooltip: name and unit, how it is counted,
    its formula (derived) and note, and its source (nothing typed here: all from the registry)."""
    obj = as_indicator(ind)
    if obj is None:
        return ""
    bits = [indicator_label(obj, lang)]
    if obj.basis:
        bits.append(("기준: " if lang == "ko" else "Basis: ") + obj.basis)
    if obj.formula:
        bits.append(("산식: " if lang == "ko" else "Formula: ") + obj.formula)
    if obj.note:
        bits.append(obj.note)
    bits.append(source_line(obj, lang))
    return "  \n".join(b.replace("\n", " ") for b in bits if b)


def won(amount: float, lang: str = "ko") -> str:
    """An amount in won: 조/억/만 원 in Korean, tn/bn/mn in English."""
    a = abs(amount)
    if lang == "en":
        for div, suf in ((1e12, " tn"), (1e9, " bn"), (1e6, " mn")):
            if a >= div:
                return f"KRW {amount / div:,.{1 if a / div < 100 else 0}f}{suf}"
        return f"KRW {amount:,.0f}"
    if a >= 1e12:
        return f"{amount / 1e12:,.{1 if a < 1e14 else 0}f}조 원"
    if a >= 1e8:
        return f"{amount / 1e8:,.{1 if a < 1e9 else 0}f}억 원"
    if a >= 1e4:
        return f"{amount / 1e4:,.0f}만 원"
    return f"{amount:,.0f}원"


def dollars(amount: float, lang: str = "ko") -> str:
    """An amount in US dollars: 억/만 달러 in Korean, bn/mn in English."""
    a = abs(amount)
    if lang == "en":
        for div, suf in ((1e9, " bn"), (1e6, " mn")):
            if a >= div:
                return f"USD {amount / div:,.1f}{suf}"
        return f"USD {amount:,.0f}"
    if a >= 1e8:
        return f"{amount / 1e8:,.{1 if a < 1e10 else 0}f}억 달러"
    if a >= 1e4:
        return f"{amount / 1e4:,.0f}만 달러"
    return f"{amount:,.0f}달러"


def people(n: float, lang: str = "ko", unit_ko: str = "명") -> str:
    """Head counts: 만 명 above 100,000 in Korean, mn/thousand in English."""
    a = abs(n)
    if lang == "en":
        if a >= 1e6:
            return f"{n / 1e6:,.2f} mn"
        return f"{n:,.0f}"
    if a >= 1e5:
        return f"{n / 1e4:,.0f}만 {unit_ko}"
    return f"{n:,.0f}{unit_ko}"


def as_indicator(ind: IndicatorLike) -> Indicator | None:
    """`ind` itself, or the catalogue's indicator of an id (the compatibility path for ui/maps.py:
    look it up once per call, then format every value with the object)."""
    return app_data.indicator(ind) if isinstance(ind, str) else ind


def name(ind: IndicatorLike, lang: str = "ko") -> str:
    """The indicator's name in `lang` ('' for None; an unknown id: the id)."""
    obj = as_indicator(ind)
    if obj is None:
        return ind if isinstance(ind, str) else ""
    return obj.name_en if lang == "en" else obj.name_ko


def value(v: float, ind: IndicatorLike, lang: str = "ko", compact: bool = True) -> str:
    """One figure with its unit, e.g. '50.1%', '2,162조 원', '5,174만 명', '0.43배'."""
    if is_missing(v):
        return t("no_data", lang)
    ind = as_indicator(ind)
    unit_en = ind.unit if ind else ""
    unit_ko = ind.unit_ko if ind else ""
    scale = MONEY_SCALE.get(unit_en)
    if compact and scale:
        return won(v * scale, lang)
    if compact and unit_en in USD_SCALE:
        return dollars(v * USD_SCALE[unit_en], lang)
    if compact and unit_en in ("persons", "count"):
        return people(v, "ko", unit_ko or "명") if lang == "ko" else f"{people(v, 'en')} {unit_en}"
    if unit_en == "%":
        return f"{number(v, 1)}%"
    u = unit_en if lang == "en" else unit_ko
    sep = "" if lang == "ko" and u in ("명", "개", "호", "배", "천원", "백만원") else " "
    return f"{number(v)}{sep}{u}".strip()


def delta(v: float, ind: IndicatorLike, lang: str = "ko") -> str:
    """A change with sign: '+1.2%p' for percentages, else the value format with a sign."""
    if is_missing(v):
        return ""
    ind = as_indicator(ind)
    if ind is not None and ind.unit == "%":
        return f"{v:+.1f}{t('pp', lang)}"
    text = value(abs(v), ind, lang)
    return ("+" if v >= 0 else "−") + text


def unit_label(ind: IndicatorLike, lang: str = "ko") -> str:
    ind = as_indicator(ind)
    return "" if ind is None else ind.unit if lang == "en" else ind.unit_ko


def indicator_label(ind: IndicatorLike, lang: str = "ko", with_unit: bool = True) -> str:
    """'지표 이름 (단위)' for selectors and axis titles."""
    ind = as_indicator(ind)
    u = unit_label(ind, lang)
    return f"{name(ind, lang)} ({u})" if with_unit and u else name(ind, lang)


def _source_text(src: Source | None, lang: str, short: bool = False) -> str:
    if src is None:
        return ""
    if short:
        return f"{src.producer}" + (f" ({src.table_id})" if src.table_id and src.table_id != "-" else "")
    parts = [src.producer, f"{src.title} ({src.table_id})" if src.table_id and src.table_id != "-" else src.title]
    if src.vintage:
        parts.append(src.vintage)
    return ", ".join(p for p in parts if p)


def _sources_of(ind: Indicator) -> list[Source | None]:
    """The catalogue's source of `ind`; of a derived indicator, the sources of its inputs."""
    cat = app_data.catalogue()
    if ind.source != "derived":
        return [cat.sources.get(ind.source)]
    inputs = (cat.indicators.get(x) for x in (ind.numerator, ind.denominator) if x)
    return [cat.sources.get(i.source) for i in inputs if i is not None]


def source_text(ind: IndicatorLike, lang: str = "ko", short: bool = False) -> str:
    """'producer, title (table id), vintage' of an indicator; for derived indicators '균형 계산' and the
    sources of the inputs too. `short`: producer and table id only."""
    obj = as_indicator(ind)
    if obj is None:
        return f"{ind if isinstance(ind, str) else '?'} ({t('no_data', lang)})"
    if obj.source != "derived":
        return _source_text(_sources_of(obj)[0], lang, short)
    names: list[str] = []
    for s in _sources_of(obj):
        text = _source_text(s, lang, short)
        if s is not None and text not in names:
            names.append(text)
    calc = "균형 계산" if lang == "ko" else "computed by 균형"
    formula = f" [{obj.formula}]" if obj.formula and not short else ""
    return f"{calc}{formula}" + (f"; {'; '.join(names)}" if names else "")


def source_line(ind: IndicatorLike, lang: str = "ko", short: bool = False) -> str:
    """'출처: ' + `source_text`."""
    return f"{t('source', lang)}: {source_text(ind, lang, short)}"


def sources_line(inds: list[Indicator], lang: str = "ko", short: bool = True) -> str:
    """One source line for several indicators: each producer/table once (derived: their inputs)."""
    seen: list[str] = []
    for ind in inds:
        for s in _sources_of(ind):
            text = _source_text(s, lang, short) if s is not None else ""
            if text and text not in seen:
                seen.append(text)
    calc = any(ind.source == "derived" for ind in inds)
    lead = ("균형 계산 포함; " if lang == "ko" else "incl. computed by 균형; ") if calc else ""
    return f"{t('source', lang)}: {lead}" + " | ".join(seen)


def year_text(year: int | float | None, lang: str = "ko") -> str:
    if is_missing(year):
        return ""
    return t("year_suffix", lang, y=int(year))
