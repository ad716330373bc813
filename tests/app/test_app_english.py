"""English everywhere (`?lang=en`), under AppTest on the session's full build: every text element,
widget label and option, table (values and headers), chart (titles, axes, legends, hover texts,
annotations) and map component (names, hover texts, legend, subtitles, source) of every page has no
Hangul beyond the allow-list of labels shown in both scripts on purpose; and the source lines carry no
internals. The browser tier (tests/browser/test_english.py) checks the rendered text the same way."""
from __future__ import annotations

import json
import re

import pytest

import app_data
from helpers.apptest import STATIC_TABLE, TITLE_KEYS, chart_view, run, static_tables, tables
from indicators import store
from ui import format as fmt

HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
# Shown in both scripts on purpose: the language picker's own name for Korean, and the three level
# labels that teach the Korean term (ui/i18n.py 'sido', 'sigungu', 'macro').
ALLOWED = ("Province (시도)", "District (시군구)", "Macro-region (권역)", "한국어")
# The data page keeps the producers' own file names, table titles and notes in its provenance tables
# (its static tables and grids: that is what they are for); its text, widgets and charts are still checked.
PROVENANCE_PAGES = {"data"}


def leftover(text: str) -> str:
    """`text` without the allowed bilingual labels; '' if no Hangul remains."""
    for ok in ALLOWED:
        text = text.replace(ok, "")
    return text if HANGUL.search(text) else ""


def strings(obj) -> list[str]:
    """Every string inside a JSON-like value (keys excluded)."""
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for v in obj.values() for s in strings(v)]
    if isinstance(obj, list | tuple):
        return [s for v in obj for s in strings(v)]
    return []


def page_texts(at, page: str) -> list[str]:
    out: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "success", "text"):
        out += [str(e.value) for e in getattr(at, kind)
                if not (page in PROVENANCE_PAGES and STATIC_TABLE in str(e.value))]  # its tables: as grids
    out += [f"{m.label} {m.value}" for m in at.metric]
    out += [e.label for e in at.expander]
    for kind in ("selectbox", "multiselect", "radio"):
        for w in getattr(at, kind):
            out += [w.label, *map(str, w.options)]
    out += [w.label for w in at.toggle] + [w.label for w in at.slider] + [w.label for w in at.text_input]
    for el in at.get("button_group"):
        out += strings(json.loads(el.proto.json)) if hasattr(el.proto, "json") and el.proto.json else []
    for el in at.get("plotly_chart"):
        out += strings(json.loads(el.proto.spec))
    for el in at.get("bidi_component"):
        view = json.loads(el.proto.json)
        out += strings({k: v for k, v in view.items() if k not in ("key", "indicator", "geo_url", "filename")})
    if page not in PROVENANCE_PAGES:
        for shown in tables(at):  # titles and every cell as shown
            out += list(shown.titles.values())
            for c in shown.text.columns:
                out += sorted({str(v) for v in shown.text[c].tolist()})
    return out


@pytest.mark.parametrize("page", list(TITLE_KEYS))
def test_every_string_of_the_page_is_english(page):
    at = run({"page": page, "lang": "en"}, f"{page} (en)")
    texts = page_texts(at, page)
    assert len(texts) > 10  # the page drew (title, widgets, figures)
    bad = sorted({t[:160] for t in texts if leftover(t)})
    assert not bad, bad


def test_korean_pages_are_still_korean():
    """The check above is not vacuous: the same collection in Korean finds Hangul on every page."""
    for page in ("overview", "risk"):
        at = run({"page": page}, f"{page} (ko)")
        assert sum(bool(leftover(t)) for t in page_texts(at, page)) > 5


def test_source_lines_of_every_built_indicator_name_producer_and_years(_data_dir):
    """Each built indicator's source line in both languages: the producer's name, the first–last
    year the built coverage table holds, no indicator id, no file name, no 'None'."""
    cov = store.coverage()
    cov = cov[cov["regions"] > 0]
    ids = set(app_data.catalogue().indicators)
    for ind_id, years in cov.groupby("indicator")["year"]:
        ind = app_data.indicator(ind_id)
        for lang in ("ko", "en"):
            line = fmt.source_line(ind, lang)
            assert line.startswith("Source: " if lang == "en" else "출처: "), line
            first, last = int(years.min()), int(years.max())
            assert (f"{first}–{last}" if first != last else f"{first}") in line, (ind_id, line)
            assert not set(re.findall(r"[a-z0-9_]+", line)) & ids, line
            assert not re.search(r"\.(csv|txt|xlsx?|parquet|json)\b", line) and "None" not in line, line
            if lang == "en":
                assert not HANGUL.search(line), line


@pytest.mark.parametrize(("lang", "unit"), [("ko", "조 원"), ("en", "KRW trillion")])
def test_trend_axis_of_an_amount_reads_in_the_readers_unit(_data_dir, lang, unit):
    """GRDP (million KRW) at the level view: ticks in 조 원 / KRW trillion (1 = 10^6 million KRW), each
    tick text the tick value ÷ 10^6 with separators, the ticks spanning the nation's values as built."""
    at = run({"page": "trends", "indicator": "grdp_nominal_krw_mn", "measure": "level", "lang": lang})
    view = chart_view(at)
    values, texts = [v for v, _ in view["axis"]["ticks"]], [t for _, t in view["axis"]["ticks"]]
    assert [f"{v / 1e6:,.0f}" for v in values] == texts
    assert view["unit"] == unit
    obs = store.observations()
    nation = obs[(obs["indicator"] == "grdp_nominal_krw_mn") & (obs["region_code"] == "00")]["value"]
    assert min(values) <= nation.min() and max(values) >= 0.8 * nation.max()
    assert not any("e+" in t for t in texts)


def test_english_catalogue_marks_translated_titles_beside_the_official_one():
    """자료·방법 in English: a source's English table title that is our translation says so and gives the
    producer's official Korean title beside it (cite blocks read here from the YAML)."""
    import yaml

    from helpers import ROOT

    at = run({"page": "data", "lang": "en"}, "data catalogue (en)")
    # the catalogue, its columns titled in English (ui/csvs.py)
    catalogue = next(tb for tb in static_tables(at) if "Table" in tb.columns and "Indicator" in tb.columns)
    shown = set(catalogue["Table"])
    checked = 0
    for path in sorted((ROOT / "indicators" / "sources").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        cite = data["source"].get("cite") or {}
        if not data.get("indicators") or not cite.get("table_en"):
            continue
        if cite.get("table_en_from", "balance") != "producer":
            want = f"{cite['table_en']} (title translated by Balance; official title: {cite['table_ko']})"
            assert want in shown, (path.name, want)
            checked += 1
    assert checked >= 8
