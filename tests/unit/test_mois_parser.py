"""The MOIS 연령별 인구현황 header grammar (indicators/sources/_mois.py) on headers written here in each
form the portal exports: what each measure sums, and what the bands do not allow."""
from __future__ import annotations

from indicators.sources import _mois


def _header(period: str, sexes: tuple[str, ...], bands: list[str], kind: str = "") -> list[str]:
    out = ["행정구역"]
    for sex in sexes:
        head = f"{period}_" + (f"{sex}_" if sex else "") + (f"{kind}_" if kind else "")
        out += [head + "총인구수", head + "연령구간인구수"] + [head + b for b in bands]
    return out


SINGLE = [f"{a}세" for a in range(100)] + ["100세 이상"]
FIVE = [f"{a}~{a + 4}세" for a in range(0, 100, 5)] + ["100세 이상"]
TEN = [f"{a}~{a + 9}세" for a in range(0, 100, 10)] + ["100세 이상"]


def test_monthly_single_years_total_only():
    cols = _mois.recognise(_header("2025년12월", ("계",), SINGLE))
    m = _mois.measures(cols)[(2025, 12, _mois.WHOLE)]
    assert m["population"] == ["2025년12월_계_총인구수"]
    assert m["age65plus"] == [f"2025년12월_계_{a}세" for a in range(65, 100)] + ["2025년12월_계_100세 이상"]
    assert "female_20_39" not in m  # no 여 columns: not derivable


def test_ten_year_bands_by_sex_give_women_20_39_but_not_65_plus():
    cols = _mois.recognise(_header("2025년06월", ("남", "여"), TEN))
    m = _mois.measures(cols)[(2025, 6, _mois.WHOLE)]
    assert m["female_20_39"] == ["2025년06월_여_20~29세", "2025년06월_여_30~39세"]
    assert m["population"] == ["2025년06월_남_총인구수", "2025년06월_여_총인구수"]  # 남 + 여 where no 계
    assert "age65plus" not in m  # 60~69 straddles 65


def test_annual_residents_five_year_bands_with_no_sex_token_for_the_total():
    cols = _mois.recognise(_header("2024년", ("", "남", "여"), FIVE, kind="거주자"))
    assert {c.kind for c in cols} == {"거주자"} and {c.month for c in cols} == {None}
    m = _mois.measures(cols)[(2024, None, "거주자")]
    assert m["population"] == ["2024년_거주자_총인구수"]
    assert m["female_20_39"] == [f"2024년_여_거주자_{a}~{a + 4}세" for a in (20, 25, 30, 35)]
    assert len(m["age65plus"]) == 8


def test_another_table_is_not_recognised():
    assert _mois.recognise(["행정구역", "2024년_거주자_총인구수", "인구밀도"]) is None
    assert _mois.recognise(["지역", "2024년_계_총인구수"]) is None
