"""Numbers for Korean readers (억/조/만 where natural, thousands separators) and source lines.

Every function takes the `Indicator` object (`indicators.schema`, got once per page from
`app_data.indicator(id)`): `value(v, ind, lang)` formats one figure with its unit,
`source_line(ind, lang)` is the "출처: producer, table (table id), years" line under every
figure, from each source's `cite` block (registry YAML) in the reader's language; a derived
indicator adds its formula in words. Provenance (files, vintages, ids) stays on 자료·방법.

Compatibility: `ui/maps.py` (being replaced by the lead) still passes indicator ids; an id is
looked up once per call (`as_indicator`). New code passes objects.
"""
from __future__ import annotations

import functools
import math
from pathlib import Path

import app_data
from indicators import catalog
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


def magnitude_decimals(v: float) -> int:
    """Decimals shown by magnitude: 0 at ≥ 1000, 1 at ≥ 10, 2 at ≥ 0.01 (and 0), else 4."""
    a = abs(v)
    return 0 if a >= 1000 else 1 if a >= 10 else 2 if a >= 0.01 or a == 0 else 4


def number(v: float, decimals: int | None = None) -> str:
    """Thousands separators; decimals by magnitude unless given (`magnitude_decimals`)."""
    if is_missing(v):
        return "–"
    return f"{v:,.{magnitude_decimals(v) if decimals is None else decimals}f}"


def csv_decimals(ind: IndicatorLike) -> int | None:
    """Decimals of `ind`'s figures as `value(v, ind, compact=False)` shows them: fixed (1 for %), or
    None = by magnitude (`magnitude_decimals`); what a CSV rounds to (the map's CSV in ui/assets/mapview.js)."""
    ind = as_indicator(ind)
    return 1 if ind is not None and ind.unit == "%" else None


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
    return magnitude_decimals(max((abs(float(v)) for v in values if not is_missing(v)), default=0.0))


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


_AXIS_SCALES = {  # (indicator unit kind, lang) → (amount in base units, axis unit), largest first
    ("KRW", "ko"): ((1e12, "조 원"), (1e8, "억 원"), (1e4, "만 원"), (1.0, "원")),
    ("KRW", "en"): ((1e12, "KRW trillion"), (1e9, "KRW billion"), (1e6, "KRW million"), (1.0, "KRW")),
    ("USD", "ko"): ((1e8, "억 달러"), (1e4, "만 달러"), (1.0, "달러")),
    ("USD", "en"): ((1e9, "USD billion"), (1e6, "USD million"), (1e3, "USD thousand"), (1.0, "USD")),
    ("persons", "ko"): ((1e4, "만 명"), (1.0, "명")),
    ("persons", "en"): ((1e6, "million persons"), (1e3, "thousand persons"), (1.0, "persons")),
}


def axis_scale(ind: IndicatorLike, top: float, lang: str = "ko") -> tuple[float, str]:
    """How a value axis reaching `top` (in the indicator's unit) reads: (divisor in that unit, axis
    unit), e.g. GRDP in 백만원 up to 2.5e9 → (1e6, '조 원'), i.e. ticks in 조 원; in English
    (1e6, 'KRW trillion'). Units without a larger name keep divisor 1 and their own label. The
    largest name the axis reaches at least 1 of, and 만 명 only from 100,000 (as `people`)."""
    ind = as_indicator(ind)
    unit = ind.unit if ind else ""
    if unit in MONEY_SCALE:
        kind, base = "KRW", MONEY_SCALE[unit]
    elif unit in USD_SCALE:
        kind, base = "USD", USD_SCALE[unit]
    elif unit == "persons":
        kind, base = "persons", 1.0
    else:
        return 1.0, unit_label(ind, lang)
    amount = abs(top) * base if not is_missing(top) else 0.0
    floor = {("persons", "ko"): 1e5}.get((kind, lang))
    for size, name in _AXIS_SCALES[(kind, "en" if lang == "en" else "ko")]:
        if amount >= (floor if floor and size == 1e4 else size):
            return size / base, name
    size, name = _AXIS_SCALES[(kind, "en" if lang == "en" else "ko")][-1]
    return size / base, name


def scaled_ticks(lo: float, hi: float, divisor: float, n: int = 6) -> tuple[list[float], list[str]]:
    """About `n` round ticks over [lo, hi] (indicator units) labelled in units of `divisor`, with
    thousands separators and as many decimals as the step needs: (tick values, tick texts)."""
    if is_missing(lo) or is_missing(hi) or divisor <= 0:
        return [], []
    a, b = min(lo, hi) / divisor, max(lo, hi) / divisor
    raw = (b - a) / max(n - 1, 1) or abs(b) or 1.0
    mag = 10 ** math.floor(math.log10(raw))
    m = next(m for m in (1, 2, 2.5, 5, 10) if m * mag >= raw * (1 - 1e-9))
    step = m * mag
    decimals = max(0, -math.floor(math.log10(step) + 1e-9) + (1 if m == 2.5 else 0))
    first = math.floor(a / step + 1e-9) * step
    ticks = [first + k * step for k in range(int(math.ceil((b - first) / step - 1e-9)) + 1)]
    return [round(v * divisor, 6) for v in ticks], [f"{v:,.{decimals}f}".replace("-", "−") for v in ticks]


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
        return f"{number(v, 1)}%"  # as `rounded`
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
