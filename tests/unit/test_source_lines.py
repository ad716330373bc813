"""What readers see as a figure's source (ui/format.py `cite_indicator`, from each source's `cite`
block in the registry YAML): producer, table and years in the reader's language and a formula in
words, never internals (indicator ids, file names, 'None', provenance caveats, server paths).

Expectations are read from the YAML files here (yaml.safe_load), not from the function under test."""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
import yaml

from indicators import catalog, registry
from indicators.registry import RegistryError
from indicators.views import quoted
from ui import format as fmt
from ui.panels import risk

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "indicators"
YAMLS = sorted((HERE / "sources").glob("*.yaml")) + [HERE / "derived.yaml"]
HANGUL = re.compile(r"[\uac00-\ud7a3]")
FILE_NAME = re.compile(r"\.(csv|txt|json|parquet|xlsx?|py|ya?ml)\b", re.I)
INTERNALS = ("None", "most likely", "does not name", "KOSIS 표 아님", "jumin.mois.go.kr", "censuskor", "[", "_DT_")


def _declared() -> dict[str, dict]:
    """source id → its YAML `source` block, read straight from the files."""
    out = {}
    for path in YAMLS:
        block = yaml.safe_load(path.read_text(encoding="utf-8"))["source"]
        out[block["id"]] = block
    return out


def _texts(lang: str, short: bool) -> dict[str, str]:
    inds, srcs = dict(catalog.indicators()), dict(catalog.sources())
    return {i: fmt.cite_indicator(ind, srcs, inds, (2001, 2010), lang, short) for i, ind in inds.items()}


def test_every_source_declares_what_readers_see_in_both_languages():
    for sid, block in _declared().items():
        cite = block.get("cite")
        assert cite, f"{sid}: no cite block"
        assert cite["producer_ko"] and cite["producer_en"], sid
        assert not HANGUL.search(cite["producer_en"] + cite.get("table_en", "")), sid
        if sid != "derived":
            assert cite["table_ko"] and cite["table_en"], sid


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("short", [False, True])
def test_source_text_of_every_indicator_shows_no_internals(lang, short):
    ids = set(catalog.indicators())
    for ind_id, text in _texts(lang, short).items():
        assert text, ind_id
        words = set(re.findall(r"[a-z0-9_]+", text))
        assert not (words & ids), (ind_id, text)  # no indicator id
        assert not FILE_NAME.search(text), (ind_id, text)
        assert not any(x in text for x in INTERNALS), (ind_id, text)
        assert "/" + "work" not in text and "data/raw" not in text, (ind_id, text)
        if lang == "en":
            assert not HANGUL.search(text), (ind_id, text)


def test_a_source_line_names_producer_table_id_and_years():
    block = _declared()["kosis_migration"]["cite"]
    ind = catalog.get("migration_net_persons")
    text = fmt.cite_indicator(ind, dict(catalog.sources()), dict(catalog.indicators()), [1970, 1995, 2020], "en")
    # the English title is our translation (no `table_en_from: producer` in the YAML): it says so
    assert block.get("table_en_from", "balance") != "producer"
    marked = f"(title translated by Balance; {block['table_id']})"
    assert text == f"{block['producer_en']}, {block['table_en']} {marked}, 1970–2020"
    ko = fmt.cite_indicator(ind, dict(catalog.sources()), dict(catalog.indicators()), [1970, 2020], "ko")
    assert ko.startswith(block["producer_ko"]) and ko.endswith("1970–2020년")


def test_a_derived_ratio_reads_as_its_inputs_names_and_their_sources():
    derived = {e["id"]: e for e in yaml.safe_load((HERE / "derived.yaml").read_text(encoding="utf-8"))["indicators"]}
    entry = derived["reg_extinction_risk_index"]
    names = {}
    for path in YAMLS:
        for e in yaml.safe_load(path.read_text(encoding="utf-8"))["indicators"]:
            names[e["id"]] = e["name_en"]
    ind = catalog.get("reg_extinction_risk_index")
    text = fmt.cite_indicator(ind, dict(catalog.sources()), dict(catalog.indicators()), [2015, 2023], "en")
    assert f"{names[entry['numerator']]} ÷ {names[entry['denominator']]}" in text
    source_of_inputs = _declared()["kosis_population_age"]["cite"]
    assert source_of_inputs["producer_en"] in text and source_of_inputs["table_id"] in text
    assert "computed by Balance" in text and text.endswith("2015–2023")
    per_1000 = fmt.cite_indicator(catalog.get("census_doctors_per_1000"), dict(catalog.sources()),
                                  dict(catalog.indicators()), [], "en")
    assert "× 1,000" in per_1000


def test_an_indicator_without_a_known_source_says_nothing_rather_than_none():
    ind = catalog.get("migration_net_persons")
    assert fmt.citation(None, "en") == ""
    assert fmt.cite_indicator(ind, {}, dict(catalog.indicators()), [], "en") == ""


@pytest.mark.parametrize(("years", "expected"), [([2020, 1985, 2023], "1985–2023"), ([2010], "2010"),
                                                 ([], ""), ([float("nan"), 2001], "2001")])
def test_years_span(years, expected):
    assert fmt.years_span(years) == expected


def test_server_paths_are_taken_out_of_build_messages():
    raw_dir = str(ROOT / "data" / "raw")
    text = f"no files matching grdp/*.csv in {raw_dir} (see {ROOT}/SOURCES.md)"
    out = fmt.without_paths(text, raw_dir)
    assert str(ROOT) not in out
    assert out == "no files matching grdp/*.csv in data/raw (see SOURCES.md)"


@pytest.mark.parametrize(("notice", "ko", "en"), [
    ("행정안전부 고시 제2024-15호", "제2024-15호", "No. 2024-15"),
    ("행정안전부 고시 제 2025-78 호", "제2025-78호", "No. 2025-78"),
    ("행정안전부 고시", "행정안전부 고시", "notice"),
])
def test_notice_numbers_in_both_languages(notice, ko, en):
    assert risk.notice_number(notice, "ko") == ko
    assert risk.notice_number(notice, "en") == en


def test_quoted_documents_are_named_by_title_not_file_name():
    facts = quoted.read_seed_facts()
    docs = pd.read_csv(quoted.SEED_DOCS, dtype=str, keep_default_na=False)
    titles = dict(zip(docs["source_doc"], docs["title_en"]))
    for r in facts.itertuples():
        en = quoted.quoted_source(r, "en")
        assert en == titles.get(r.doc, ""), r.doc
        assert not FILE_NAME.search(en) and not HANGUL.search(en), en
        assert not FILE_NAME.search(quoted.quoted_source(r, "ko")), r.doc
    assert facts["doc_title_en"].ne("").all()  # every quoted document has an English title


def test_a_cite_block_names_its_table_in_both_languages_or_neither(tmp_path):
    import shutil

    shutil.copy(HERE / "registry.yaml", tmp_path / "registry.yaml")
    shutil.copy(HERE / "derived.yaml", tmp_path / "derived.yaml")
    (tmp_path / "sources").mkdir()
    for p in (HERE / "sources").glob("*.yaml"):
        shutil.copy(p, tmp_path / "sources" / p.name)
    path = tmp_path / "sources" / "grdp.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    del data["source"]["cite"]["table_en"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(RegistryError) as err:
        registry.load(tmp_path)
    assert "grdp.yaml" in str(err.value) and "table_en" in str(err.value)


def test_english_titles_that_are_our_translations_say_so():
    """A cite block's English table title is our translation unless the YAML says the producer published
    it (`table_en_from: producer`): the English source line then marks it, the Korean one never does."""
    srcs = dict(catalog.sources())
    checked = 0
    for sid, block in _declared().items():
        cite = block.get("cite") or {}
        if not cite.get("table_en"):
            continue
        en, ko = fmt.citation(srcs[sid], "en"), fmt.citation(srcs[sid], "ko")
        translated = cite.get("table_en_from", "balance") != "producer"
        assert cite["table_en"] in en and cite["table_ko"] in ko, sid
        assert ("translated by Balance" in en) == translated, (sid, en)
        assert "translated" not in ko and "번역" not in ko, (sid, ko)
        checked += 1
    assert checked >= 10
    # a producer's own English title carries no mark
    from dataclasses import replace

    own = replace(srcs["kosis_migration"], cite=replace(srcs["kosis_migration"].cite, table_en_from="producer"))
    assert fmt.citation(own, "en") == (f"{own.cite.producer_en}, {own.cite.table_en} ({own.cite.table_id})")


def test_a_cite_block_says_who_wrote_its_english_title_with_a_known_word(tmp_path):
    import shutil

    shutil.copy(HERE / "registry.yaml", tmp_path / "registry.yaml")
    shutil.copy(HERE / "derived.yaml", tmp_path / "derived.yaml")
    (tmp_path / "sources").mkdir()
    for p in (HERE / "sources").glob("*.yaml"):
        shutil.copy(p, tmp_path / "sources" / p.name)
    path = tmp_path / "sources" / "grdp.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["source"]["cite"]["table_en_from"] = "official-ish"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(RegistryError) as err:
        registry.load(tmp_path)
    assert "grdp.yaml" in str(err.value) and "table_en_from" in str(err.value)
