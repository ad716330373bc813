"""The tidy observation table every source returns and every build writes.

One row per (region_code, year, indicator). region_code: canonical administrative code
('00' nation, 2-digit 시도, 5-digit 시군구, 'CR' 수도권, 'NC' 비수도권, 'CC' … 'JJ' the other 권역;
see `geo.groups`); year: int;
value: float, NaN where the source has no figure (never 0 for missing).

Also what describes the rows: `Source` (where figures come from) and `Indicator` (what one series
measures), declared by the source modules and `indicators.derive` and gathered by `indicators.catalog`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from fnmatch import fnmatchcase

import pandas as pd
import pandera.pandas as pa

from geo.groups import CODE_PATTERN

KEY = ["region_code", "year", "indicator"]
COLUMNS = KEY + ["value"]

TIDY = pa.DataFrameSchema(
    {
        "region_code": pa.Column(str, pa.Check.str_matches(CODE_PATTERN)),
        "year": pa.Column("int64", pa.Check.in_range(1960, 2100)),
        "indicator": pa.Column(str, pa.Check.str_matches(r"^[a-z0-9_]+$")),
        "value": pa.Column(float, nullable=True),
    },
    unique=KEY,
    strict=True,
    ordered=True,
)


def tidy(df: pd.DataFrame) -> pd.DataFrame:
    """Coerce to the tidy column order and dtypes, sort, and validate (raises SchemaError)."""
    out = df[COLUMNS].astype({"region_code": str, "year": "int64", "indicator": str, "value": "float64"})
    out = out.sort_values(KEY, ignore_index=True)
    return TIDY.validate(out)


@dataclass(frozen=True)
class Citation:
    """How readers see a source under a figure: producer and table in Korean and English, and the
    table id where the producer names one (no file names, no internal ids)."""

    producer_ko: str
    producer_en: str
    table_ko: str = ""
    table_en: str = ""
    table_id: str = ""
    table_en_from: str = "balance"  # who wrote `table_en`: 'producer' (its published English title) or 'balance'

    def producer(self, lang: str) -> str:
        return self.producer_en if lang == "en" else self.producer_ko

    def table(self, lang: str) -> str:
        return self.table_en if lang == "en" else self.table_ko

    @property
    def table_en_translated(self) -> bool:
        """True when the English table title is our translation of the Korean one, not the producer's."""
        return bool(self.table_en) and self.table_en_from != "producer"


class Bilingual:
    """A record whose free-text fields may have an English version `<key>_en` (declared where the field
    is written with Korean; `indicators.registry.check_english`)."""

    def text(self, key: str, lang: str) -> str:
        """Field `key` as a reader of `lang` sees it: its English version where there is one."""
        return (getattr(self, f"{key}_en", "") if lang == "en" else "") or getattr(self, key)


MARK_MEANINGS = ("not_applicable", "suppressed")
REGION_ORDERS = ("code", "first_year", "none")
CHANGE_KINDS = ("relative", "points")


@dataclass(frozen=True)
class Mark:
    """A missing-value mark a table may print, what it means, and where it may occur.

    mark: the cell text as printed ('' = an empty cell); means: 'not_applicable' (the region did
    not exist, the item is not compiled) or 'suppressed' (withheld by the producer); regions,
    years, columns: where it may occur (region codes, first and last year inclusive, file columns);
    an empty tuple allows any. A mark anywhere else stops the build (`indicators.sources._io`)."""

    mark: str
    means: str
    note: str
    regions: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    columns: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()  # region labels as printed, globs (where two rows carry one region)

    def allows(self, region: str, year: int | None, column: str, label: str | None = None) -> bool:
        return ((not self.regions or region in self.regions)
                and (not self.years or year is None or self.years[0] <= year <= self.years[-1])
                and (not self.columns or column in self.columns)
                and (not self.labels or any(fnmatchcase(str(label), g) for g in self.labels)))


@dataclass(frozen=True)
class Table:
    """What one table of a source (its files, a glob on the file name) declares about its cells.

    region_order: how the producer lists regions within each block of rows (a year, a sheet, a
    block of one item): 'code' = by statistical code (서울, 부산, …, 경기, 강원, …, 제주, then 시군구
    by code within their 시도), 'first_year' = every year in the order of the file's first year,
    'none' = no order to check (said why in `note`); `unranked`: regions the producer lists out of
    that order (named, with the reason in `note`). marks: the missing-value marks it may print."""

    files: str
    region_order: str
    marks: tuple[Mark, ...] = ()
    note: str = ""
    unranked: tuple[str, ...] = ()  # region codes the producer lists out of that order (not ranked; say why in note)


@dataclass(frozen=True)
class Change:
    """The plausible year-on-year change of an indicator's value in one region: 'relative'
    (value ÷ previous value − 1) or 'points' (value − previous value, in the unit), in [low, high].
    A change outside it fails the build unless the year is a declared boundary change."""

    kind: str
    low: float
    high: float
    note: str = ""
    breaks: tuple[int, ...] = ()  # years of a declared series break (their change is not compared)


@dataclass(frozen=True)
class BoundaryChange:
    """A change of territory: from `year` on, the regions listed are on new boundaries (their
    year-on-year change into `year` is not compared; before it, a parent's own figure may differ
    from the sum of children coded to current boundaries)."""

    year: int
    regions: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class Term:
    """One side of a cross-source agreement: an indicator (optionally only the cells read from
    files matching `files`), optionally divided by another indicator and scaled."""

    indicator: str
    files: str = ""
    per: str = ""
    scale: float = 1.0


@dataclass(frozen=True)
class Agreement:
    """Two measures of one thing that must agree where both have a value: (a − b) ÷ b within
    [low, high] at the given levels (nation, sido, sigungu); the bounds are measured on the shipped
    files (`note`)."""

    id: str
    a: Term
    b: Term
    low: float
    high: float
    levels: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class Source(Bilingual):
    """Where figures come from: producer, table, address, licence, vintage, files read."""

    id: str
    producer: str
    title: str
    table_id: str
    url: str
    license: str
    vintage: str
    files: tuple[str, ...] = ()
    embedded: bool = False  # shipped inside a PyPI package (works with no raw files)
    note: str = ""
    cite: Citation | None = None  # what readers see (producer, table); the fields above are provenance
    license_en: str = ""  # the licence in English, where `license` is written in Korean
    tables: tuple[Table, ...] = ()  # per table (file glob): region order and missing-value marks

    def table(self, name: str) -> Table | None:
        """The declared table whose file glob matches the file name `name` (None if none does)."""
        return next((t for t in self.tables if fnmatchcase(name, t.files)), None)


@dataclass(frozen=True)
class Indicator(Bilingual):
    """One indicator. `unit` is the English unit key, `unit_ko` what Korean readers see.

    polarity: +1 higher is better, -1 higher is worse, 0 neutral (e.g. a level).
    additive: values of regions sum to their parent (counts, money); False for ratios.
    basis: how the source counts (free text shown to readers); population_basis: the token of the
    population basis the indicator is counted on (its id starts with it), or weighted_by: the token
    of the basis whose population weights and divides it (`indicators.registry.yaml`).
    kind: 'amount' or 'rate', declared per unit in the registry. roles: e.g. 'population_count'.
    scale: for a derived ratio, numerator ÷ denominator × scale. formerly: ids it had before.
    basis_en, formula_en, note_en: what English readers see where basis, formula or note has Hangul.
    """

    id: str
    name_ko: str
    name_en: str
    unit: str
    unit_ko: str
    source: str
    category: str
    polarity: int = 0
    additive: bool = False
    levels: tuple[str, ...] = ("sido", "sigungu")
    basis: str = ""
    formula: str = ""
    numerator: str = ""
    denominator: str = ""
    note: str = ""
    tags: tuple[str, ...] = field(default_factory=tuple)
    population_basis: str = ""
    weighted_by: str = ""
    kind: str = ""
    roles: tuple[str, ...] = ()
    scale: float | None = None
    formerly: tuple[str, ...] = ()
    basis_en: str = ""  # English versions of basis, formula and note, where those are written with Korean
    formula_en: str = ""
    note_en: str = ""
    change: Change | None = None  # plausible year-on-year change (continuity check)

    @property
    def is_amount(self) -> bool:
        """An extensive measure (a count or a sum of money or area), not a rate or level."""
        return self.kind == "amount"

    @property
    def is_population_count(self) -> bool:
        return "population_count" in self.roles

    @property
    def population_token(self) -> str:
        """The basis whose population goes with this indicator (its own basis, else the declared one)."""
        return self.population_basis or self.weighted_by


@dataclass(frozen=True)
class Basis:
    """A population basis: token (first token of its indicators' ids), names, the population count
    per level that weights and divides indicators on it, and its extinction-risk index and count."""

    token: str
    name_ko: str
    name_en: str
    population: dict[str, str]
    risk_index: str = ""
    at_risk_count: str = ""
    note: str = ""


@dataclass(frozen=True)
class Category:
    id: str
    name_ko: str
    name_en: str


@dataclass(frozen=True)
class Concept:
    """A thing the overview and quoted figures speak of, with the indicators measuring it, best first."""

    id: str
    candidates: tuple[str, ...]


@dataclass(frozen=True)
class Hint:
    """A quoted figure's `indicator_hint` → the concept and the group (CR / NC) it refers to."""

    id: str
    concept: str
    region: str


@dataclass(frozen=True)
class Domain:
    """A composite-index domain: names, inputs per level (indicator ids), default weight (percent)."""

    id: str
    name_ko: str
    name_en: str
    indicators: dict[str, tuple[str, ...]]  # level -> indicator ids
    default_weight: float
