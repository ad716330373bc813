"""Definitions wherever an indicator is named (issue 9): on 개요, 추이, 지역 and 격차 분석, in Korean and
English, every metric card carries its indicator's definition as help, and every chart that names an
indicator has a caption (one indicator) or a glossary (several) whose help is that definition.

Expected text is read here from the registry's YAML files (yaml.safe_load, defaults applied as the
registry documents them): each help opens with the indicator's name and unit in the reader's language
and holds its basis and note as declared (English readers: their declared English versions, and no Hangul);
nothing is taken from the code under test."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from helpers.apptest import open_folded, run
from ui.i18n import t

HERE = Path(__file__).resolve().parents[2] / "indicators"
YAMLS = sorted((HERE / "sources").glob("*.yaml")) + [HERE / "derived.yaml"]


def _declared() -> dict[str, dict]:
    """'name (unit)' in each language → the YAML entry (defaults of its file applied)."""
    out: dict[str, dict] = {}
    for path in YAMLS:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in data.get("indicators") or []:
            e = {**(data.get("defaults") or {}), **entry}
            out[f"{e['name_ko']} ({e['unit_ko']})"] = e
            out[f"{e['name_en']} ({e['unit']})"] = e
    return out


DECLARED = _declared()
BASIS = {"ko": "기준: ", "en": "Basis: "}
HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")


def _check(help_text: str, lang: str, where: str) -> dict:
    """`help_text` is a definition from the registry: its first line names a declared indicator in `lang`,
    and it holds that indicator's declared basis and note. Returns the YAML entry."""
    assert help_text, where
    head = help_text.split("\n", 1)[0].strip()
    entry = DECLARED.get(head)
    assert entry is not None, (where, head)
    assert head == (f"{entry['name_en']} ({entry['unit']})" if lang == "en"
                    else f"{entry['name_ko']} ({entry['unit_ko']})"), (where, head)
    flat = " ".join(help_text.split())
    if entry.get("basis"):
        basis = entry.get("basis_en") if lang == "en" and entry.get("basis_en") else entry["basis"]
        assert BASIS[lang] + " ".join(str(basis).split()) in flat, (where, entry["id"])
    if entry.get("note"):
        note = entry.get("note_en") if lang == "en" and entry.get("note_en") else entry["note"]
        assert " ".join(str(note).split()) in flat, (where, entry["id"])
    if lang == "en":
        assert not HANGUL.search(help_text), (where, entry["id"], HANGUL.findall(help_text)[:10])
    return entry


def _named(at) -> list[tuple[str, str]]:
    """(text, help) of every caption and markdown line that carries a help."""
    return [(e.value, e.proto.help) for kind in ("caption", "markdown") for e in getattr(at, kind)
            if getattr(e.proto, "help", "")]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_overview_cards_and_chart_carry_definitions(lang):
    at = run({"lang": lang}, f"glossary overview {lang}")
    reference = t("reference_point", lang, y=2020)  # the published 2020 exports: a reference, not a series
    metrics = [m for m in at.metric if m.label != reference]
    assert len(metrics) >= 4, [m.label for m in at.metric]  # population, GRDP, fiscal, at-risk count
    ids = {_check(m.proto.help, lang, f"metric {m.label}")["id"] for m in metrics}
    assert len(ids) == len(metrics)  # each card its own indicator
    assert len(_named(at)) <= 2  # the share chart's glossary is folded: its lines are drawn once opened
    open_folded(at, ("overview_glossary",))
    helped = _named(at)
    assert len(helped) >= 5  # the share chart's glossary (and the title of a card without a figure)
    for text, h in helped:
        entry = _check(h, lang, text)
        if not text.startswith("**"):  # a glossary line: the name it shows is the one defined
            assert entry["name_en" if lang == "en" else "name_ko"] in text.replace("\\", ""), (text, h[:60])


@pytest.mark.parametrize(("page", "params", "expected"), [
    ("trends", {"indicator": "grdp_nominal_krw_mn"}, {"grdp_nominal_krw_mn", "migration_net_persons"}),
    ("disparity", {"indicator": "reg_population_persons"}, {"reg_population_persons"}),
    ("region", {"region": "47170"}, None),
])
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_charts_that_name_an_indicator_define_it(page, params, expected, lang):
    at = run({"page": page, "lang": lang, **params}, f"glossary {page} {lang}")
    helped = _named(at)
    found = set()
    for text, h in helped:
        entry = _check(h, lang, f"{page}: {text}")
        assert entry["name_en" if lang == "en" else "name_ko"] in text.replace("\\", ""), (text, h[:60])
        found.add(entry["id"])
    if expected is not None:
        assert expected <= found, (expected, found)
    else:  # the region's chart of every rate and ratio: a glossary of several
        assert len(found) >= 5, found
