"""권역 (the seven macro-regions) on the map: who belongs where, and why an indicator has no 권역 value."""
from __future__ import annotations

import re

import app_data
from geo import regions
from geo.groups import MACRO_REGIONS
from indicators import views
from ui.context import Ctx


def macro_members(lang: str) -> str:
    """'수도권 서울·인천·경기; 충청권 대전·세종·충북·충남; …' from `geo.groups.MACRO_REGIONS`."""
    sep = "·" if lang == "ko" else ", "
    return "; ".join(f"{regions.name(m.code, lang)} {sep.join(regions.name(s, lang) for s in m.members)}"
                     for m in MACRO_REGIONS)


def macro_note(ctx: Ctx, ind_id: str) -> str:
    """How the 권역 values of `ind_id` arise: published per 권역 (an indicator without 시도 values in
    the catalogue, e.g. 경인지방통계청's gi_*) or summed from the member 시도."""
    ind = app_data.indicator(ind_id)
    published = ind is not None and "sido" not in ind.levels and "macro" in ind.levels
    return ctx.t("macro_published_note" if published else "macro_sum_note")


def _topic(name: str) -> str:
    """The Korean topic particle after `name`: 은 after a final consonant, 는 after a vowel
    (a trailing parenthesis is skipped: '지역내총생산(실질)' → 은); '은(는)' if not Hangul."""
    core = re.sub(r"\s*\([^()]*\)\s*$", "", name).rstrip()
    last = core[-1:] if core else ""
    if not ("가" <= last <= "힣"):
        return "은(는)"
    return "은" if (ord(last) - 0xAC00) % 28 else "는"


def macro_gap_text(ctx: Ctx, ind_id: str) -> str:
    """Why `ind_id` has no 권역 values, in the page's language ('' if it has them): from
    `app_data.macro_gap` (catalogue: additive flag, ratio parts, unit; coverage: 시도 present)."""
    gap = app_data.macro_gap(ind_id)
    return "" if gap is None else _gap_text(ctx, gap)


def _gap_text(ctx: Ctx, gap: views.MacroGap) -> str:
    name = app_data.name(gap.ind_id, ctx.lang)
    fields = dict(name=name, nun=_topic(name))
    if gap.kind == "parts" and gap.inner is not None:
        ind = app_data.indicator(gap.ind_id)
        return ctx.t("macro_gap_parts", **fields, num=app_data.name(ind.numerator, ctx.lang),
                     den=app_data.name(ind.denominator, ctx.lang), part=app_data.name(gap.part, ctx.lang),
                     why=_gap_text(ctx, gap.inner))
    if gap.kind == "incomplete":
        sep = "·" if ctx.lang == "ko" else ", "
        missing = sep.join(regions.name(c, ctx.lang) for c in gap.missing_sido) or "-"
        text = ctx.t("macro_gap_incomplete", **fields, n=gap.n_sido, missing=missing,
                     total=len(regions.codes("sido", app_data.boundary_set())))
        if gap.macro_with_values:
            text += ctx.t("macro_gap_only", have=sep.join(regions.name(c, ctx.lang) for c in gap.macro_with_values))
        return text
    if gap.kind == "not_additive":
        return ctx.t(f"macro_gap_{gap.measure}", **fields)
    return ctx.t("macro_gap_unknown", **fields)
