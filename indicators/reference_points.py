"""Published figures shown as labelled reference points, never joined to a series.

Exports 2020 by 시도 (억 USD = 100 million USD): 한국무역협회 figures for all 17 시도 as reported
by 부산일보 (January 2021), in `reference_exports_2020.csv`. The exports series built from the
K-stat download (`indicators/sources/exports.py`) has only 10 시도, so the capital-region share of
exports can be formed for 2020 only, from these published figures, and is labelled with their source.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from geo import regions
from geo.groups import CAPITAL_SIDO

EXPORTS_2020_FILE = Path(__file__).with_name("reference_exports_2020.csv")


@dataclass(frozen=True)
class Reference:
    """Who published a reference figure and where it was reported."""

    producer: str
    reported_by: str
    published: str
    unit_ko: str
    unit_en: str
    note: str
    producer_en: str = ""
    reported_by_en: str = ""

    def who(self, lang: str) -> tuple[str, str]:
        """(producer, reported by) in `lang` (English falls back to the Korean names if not given)."""
        if lang == "en":
            return self.producer_en or self.producer, self.reported_by_en or self.reported_by
        return self.producer, self.reported_by


EXPORTS_2020 = Reference(
    producer="한국무역협회 (KITA)",
    reported_by="부산일보",
    published="2021-01",
    unit_ko="억 달러",
    unit_en="100 million USD",
    note="17개 시도 공표치, 2020년 한 해 (시계열 아님). The K-stat series in this project covers 10 시도.",
    producer_en="Korea International Trade Association (KITA)",
    reported_by_en="the Busan Ilbo",
)

_SCHEMA = pa.DataFrameSchema(
    {
        "region_code": pa.Column(str, pa.Check.isin(["00", *regions.codes("sido")])),
        "year": pa.Column("int64", pa.Check.eq(2020)),
        "exports_usd_100m": pa.Column(float, pa.Check.gt(0)),
    },
    unique=["region_code"], strict=True,
)


def exports_2020(path: Path = EXPORTS_2020_FILE) -> pd.DataFrame:
    """region_code ('00' 전국 and the 17 시도), year (2020), exports_usd_100m; every 시도 present once."""
    df = pd.read_csv(path, dtype={"region_code": str})
    df = _SCHEMA.validate(df)
    missing = sorted(set(regions.codes("sido")) - set(df["region_code"]))
    if missing:
        raise ValueError(f"{path.name}: 시도 missing {missing}")
    return df.reset_index(drop=True)


def capital_share_pct(df: pd.DataFrame) -> float:
    """수도권 (서울·인천·경기) exports ÷ the sum of the 17 시도 × 100 (parts on the same territory:
    the published 전국 total is not used as the denominator)."""
    sido = df[df["region_code"] != "00"].set_index("region_code")["exports_usd_100m"]
    capital = sido[list(CAPITAL_SIDO)].sum()
    return float(capital / sido.sum() * 100)
