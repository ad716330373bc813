"""Figures as readers see them, decided per unit kind (the registry's units, indicators/registry.yaml):
amounts in 조/억/만 (Korean) or tn/bn/mn (English), head counts in 만 명 or mn, shares with one decimal,
and the English units a person writes ('0.82×' for a ratio, '0' for a count, '7.04 (index)'), never the
registry's unit word glued to the number ('0.82 ratio'). Column decimals, axis scales and ticks too.
`ui.format` re-exports all of it (`fmt.value` …), beside the names and sources it formats.
"""
from __future__ import annotations

import math

import app_data
from indicators.schema import Indicator
from ui.i18n import t

IndicatorLike = Indicator | str | None  # str: an id (compatibility for ui/maps/ only)

MONEY_SCALE = {"million KRW": 1e6, "thousand KRW": 1e3, "thousand KRW total": 1e3, "10 thousand KRW": 1e4,
               "KRW": 1.0}
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
    """`ind` itself, or the catalogue's indicator of an id (for a caller holding only the id: looked up
    once per call, then every value is formatted with the object)."""
    return app_data.indicator(ind) if isinstance(ind, str) else ind


# How an English figure carries its unit, per unit kind: a person writes '0.82×' (a ratio, like 배),
# '0' (a count: what is counted is the indicator's name), '7.04 (index)'; any other unit follows the number
# ('2.61 per 1,000 persons', '605.2 km²'). Korean figures take the unit as the registry writes it ('0.82배').
EN_UNIT = {"ratio": "{n}×", "count": "{n}", "index": "{n} (index)", "index (2001=100)": "{n} (index, 2001=100)"}
WHOLE_UNITS = ("persons", "count")  # head counts and counts: whole numbers
KO_CLOSE = ("명", "개", "호", "배", "천원", "백만원")  # Korean units written without a space


def value(v: float, ind: IndicatorLike, lang: str = "ko", compact: bool = True) -> str:
    """One figure with its unit, e.g. '50.1%', '2,162조 원', '5,174만 명', '0.43배'; in English 'KRW 2,162.0
    tn', '51.75 mn persons', '0.82×', '3', '7.04 (index)' (`EN_UNIT`). `compact`: amounts and head counts
    in their larger units; else the whole number."""
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
    if unit_en == "%":
        return f"{number(v, 1)}%"  # as `rounded`
    if unit_en in WHOLE_UNITS:
        if lang == "ko":
            return people(v, "ko", unit_ko or "명") if compact else f"{v:,.0f}{unit_ko}"
        text = people(v, "en") if compact else f"{v:,.0f}"
        return EN_UNIT[unit_en].format(n=text) if unit_en in EN_UNIT else f"{text} {unit_en}"
    if lang == "en":
        return EN_UNIT.get(unit_en, "{n} " + unit_en).format(n=number(v)).strip()
    sep = "" if unit_ko in KO_CLOSE else " "
    return f"{number(v)}{sep}{unit_ko}".strip()


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
