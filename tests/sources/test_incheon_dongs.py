"""The 행정동 table that rebuilds 인천's new 구 (geo/incheon_2026_dongs.csv) against the shipped files:
MOIS's July 2026 listing of the new 구's 행정동 (every listed name is declared under the same new 구, but
for the declared splits of a 행정동) and the December 2025 export (the 행정동 of old 중구, 동구 and 서구 are
exactly the declared ones, and add up to their 구's own row)."""
from __future__ import annotations

import pandas as pd

from geo import regions

DONG_LIST = "reference/incheon_2026_new_gu_haengjeongdong.csv"
DEC_2025 = "population/mois_monthly/202512_202512_연령별인구현황_월간_계.csv"
SPLIT_LATER = {"운서1동": "운서동", "운서2동": "운서동"}  # one 2025 행정동, two in July 2026 (both 영종구)


def test_every_listed_dong_is_declared_under_its_new_gu(raw_dir):
    listed = pd.read_csv(raw_dir / DONG_LIST, dtype=str)
    declared = regions.dong_units()
    def same(name: str) -> str:  # the lists write '송림3.5동' and '송림3·5동' for one 행정동
        return name.replace(".", "·")

    by_name = {(same(d), g) for d, g in zip(declared["dong"], declared["new_gu"])}
    for name, gu in zip(listed["dong_name"], listed["new_gu_code10"].str[:5]):
        assert (same(SPLIT_LATER.get(name, name)), gu) in by_name, (name, gu)
    assert set(declared["new_gu"]) == {"28125", "28155", "28275", "28290"}


def test_december_2025_dongs_are_the_declared_ones_and_add_up(raw_dir):
    df = pd.read_csv(raw_dir / DEC_2025, encoding="cp949", thousands=",", dtype={"행정구역": str})
    parsed = df["행정구역"].str.extract(r"^(?P<name>.*?)\s*\((?P<code>\d{10})\)\s*$")
    total = df["2025년12월_계_총인구수"]
    declared = regions.dong_units()
    for old in ("28110", "28140", "28260"):
        mine = (parsed["code"].str[:5] == old) & (parsed["code"].str[5:] != "00000") \
            & ~parsed["name"].str.contains("출장소")
        names = set(parsed.loc[mine, "name"].str.split().str[-1])
        assert names == set(declared.loc[declared["old_gu"] == old, "dong"]), old
        own = total[parsed["code"] == old + "00000"].iloc[0]
        assert total[mine].sum() == own, old
