"""Value axes in the reader's units (ui/format.py `axis_scale`, `scaled_ticks`): amounts read in
조 원 / 억 달러 / 만 명 in Korean and trillion / billion / thousand in English, never in the base
unit's long digits or in scientific notation. Expected values are worked out by hand from the unit
definitions (1조 = 10^12, 1억 = 10^8, 1만 = 10^4; million KRW = 10^6 KRW; thousand USD = 10^3 USD)."""
from __future__ import annotations

import pytest

from indicators import catalog
from ui import format as fmt

GRDP = catalog.get("grdp_nominal_krw_mn")  # million KRW
EXPORTS = catalog.get("exports_usd_th")  # thousand USD
POP = catalog.get("reg_population_persons")  # persons


@pytest.mark.parametrize(("ind", "top", "lang", "divisor", "unit"), [
    (GRDP, 2.5e9, "ko", 1e6, "조 원"),          # 2.5e9 million KRW = 2.5e15 KRW = 2,500조
    (GRDP, 2.5e9, "en", 1e6, "KRW trillion"),
    (GRDP, 5e4, "ko", 1e2, "억 원"),            # 5e4 million KRW = 5e10 KRW = 500억
    (GRDP, 5e4, "en", 1e3, "KRW billion"),
    (EXPORTS, 7e8, "ko", 1e5, "억 달러"),       # 7e8 thousand USD = 7e11 USD = 7,000억 달러
    (EXPORTS, 7e8, "en", 1e6, "USD billion"),
    (POP, 2.6e7, "ko", 1e4, "만 명"),
    (POP, 2.6e7, "en", 1e6, "million persons"),
    (POP, 5e4, "ko", 1.0, "명"),                # under 100,000: plain 명 (as the value format)
    (POP, 5e4, "en", 1e3, "thousand persons"),
])
def test_axis_scale(ind, top, lang, divisor, unit):
    assert fmt.axis_scale(ind, top, lang) == (divisor, unit)


def test_units_without_a_larger_name_keep_their_own():
    pct = catalog.get("fiscal_self_reliance_pct")
    assert fmt.axis_scale(pct, 75.0, "ko") == (1.0, "%")


def test_scaled_ticks_are_round_and_cover_the_range():
    vals, texts = fmt.scaled_ticks(4.0e7, 2.5e9, 1e6)  # 40 … 2,500 조
    assert texts == ["0", "500", "1,000", "1,500", "2,000", "2,500"]
    assert vals == [0.0, 5e8, 1e9, 1.5e9, 2e9, 2.5e9]
    vals, texts = fmt.scaled_ticks(2.41e7, 2.6e7, 1e4)  # 2,410 … 2,600 만 명
    assert texts[0] == "2,400" and texts[-1] == "2,600" and len(texts) >= 4
    _, texts = fmt.scaled_ticks(-5e4, 6.3e5, 1e4)
    assert texts[0] == "−20" and "0" in texts
    _, texts = fmt.scaled_ticks(0, 12, 1)  # a step of 2.5 keeps its decimal
    assert texts[:2] == ["0.0", "2.5"]
    assert not any("e" in t for t in fmt.scaled_ticks(1e-3, 9e12, 1)[1])
    assert fmt.scaled_ticks(float("nan"), 1.0, 1.0) == ([], [])
