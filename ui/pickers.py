"""Selection widgets bound to the URL (`ui.state.bind`): indicator, level, year, region(s), and any
labelled choice. Each returns the chosen value (an id, code, level name or year)."""
from __future__ import annotations

import functools
from collections.abc import Callable

import streamlit as st

import app_data
from geo import regions
from indicators import catalog
from indicators.schema import Indicator
from ui import format as fmt
from ui import state
from ui.context import Ctx
from ui.i18n import t


def indicator_label(ind: Indicator, lang: str) -> str:
    """'[category] name (unit)' as the indicator pickers show it (category names: the registry's)."""
    cat = catalog.category_name(ind.category, lang)
    label = fmt.indicator_label(ind, lang)
    return f"[{cat}] {label}" if cat else label


@st.cache_resource(show_spinner=False, max_entries=4)
def _indicator_labels(lang: str) -> dict[str, str]:
    """`indicator_label` of every catalogued indicator (a selectbox formats all its options on every
    rerun). Shared: read only."""
    return {i: indicator_label(ind, lang) for i, ind in app_data.catalogue().indicators.items()}


def pick_indicator(ctx: Ctx, options: list[str], preferred: tuple[str, ...] = (), *, name: str = "indicator",
                   label: str | None = None, default: str | None = None, container=st) -> str:
    """An indicator id from `options`, bound to `?name=` (default: `default`, else the first of
    `preferred` offered, else the first option). A former id in the URL (an old shared link) opens
    the indicator it was renamed to, and the URL then shows the current id."""
    if default not in options:
        default = next((p for p in preferred if p in options), options[0])
    labels = _indicator_labels(ctx.lang)
    return state.bind(name, lambda k: container.selectbox(
        label or ctx.t("indicator"), options, key=k, format_func=lambda i: labels.get(i, i),
        help=fmt.definition(st.session_state.get(k), ctx.lang) or None),  # the chosen one's definition
        options=options, default=default, scope=ctx.page, parse=current_indicator_id)


def current_indicator_id(raw: str) -> str:
    """The current id of a URL's indicator value (a former id resolved; anything else unchanged,
    to be refused by the option list)."""
    return catalog.canonical_id(raw) or raw


def pick_level(ctx: Ctx, levels: list[str], default: str = "sido", *, container=st, help: str | None = None,
               short: bool = False) -> str:
    """Level picker bound to `?level=`: 'macro' (권역), 'sido', 'sigungu' as offered; `default` if offered,
    else the first (an indicator published only per 권역 opens at 권역). `short`: brief labels
    (English 'Macro' / 'Province' / 'District') for a narrow column."""
    default = default if default in levels else levels[0]
    label = (lambda lv: ctx.t(f"level_short_{lv}")) if short else (lambda lv: ctx.t(lv))
    return state.bind("level", lambda k: container.segmented_control(
        ctx.t("level"), levels, key=k, required=True, format_func=label, help=help),
        options=levels, default=default, scope=ctx.page)


def pick_year(ctx: Ctx, years: list[int], *, default: int | None = None, container=st) -> int:
    """A year of `years` (those with data), bound to `?year=`: a slider, or the one year as text.
    Default: `default` if offered, else the latest."""
    default = default if default in years else years[-1]

    def render(key: str) -> int:
        if len(years) == 1:
            container.markdown(f"**{ctx.t('year')}**: {fmt.year_text(years[0], ctx.lang)}")
            return years[0]
        return container.select_slider(ctx.t("year"), years, key=key)

    return state.bind("year", render, options=years, default=default, scope=ctx.page, parse=int)


def pick_number(ctx: Ctx, name: str, label: str, lo: int, hi: int, default: int, *, step: int = 1,
                container=st) -> int:
    """An integer slider bound natively to `?name=` (Streamlit keeps it in the URL; a bad value is
    noted by `state.native_key`)."""
    key = state.native_key(name, default, state.number_in(lo, hi))
    return container.slider(label, lo, hi, default, step=step, key=key, bind="query-params")


TEXT_MAX = 40  # characters of a search box (and of its ?name= value)


def plain_text(value) -> bool:
    """A search text as the URL may carry it: at most TEXT_MAX characters, no control characters.
    It is only ever shown in its text box and matched as a plain substring."""
    return isinstance(value, str) and len(value) <= TEXT_MAX and value.isprintable()


def pick_text(ctx: Ctx, name: str, label: str, *, placeholder: str = "", container=st) -> str:
    """A search box bound to `?name=` (empty by default, so left out of the URL)."""
    return state.bind(name, lambda k: container.text_input(label, key=k, max_chars=TEXT_MAX, placeholder=placeholder),
                      valid=plain_text, default="", scope=ctx.page)


def region_label(code: str, lang: str) -> str:
    """A region as its pickers list it: the official full name in Korean ('서울특별시', '경상북도 의성군':
    the 시도's full name before the 시군구), the registry's English name otherwise. Streamlit's search
    matches what is typed as an in-order subsequence of this label, so '경상북도 의성', '경북 의성' (every
    short 시도 name is a subsequence of its full name) and '의성군' alone all find 의성군."""
    label = _region_labels(lang).get(code)
    return label if label is not None else regions.name(code, lang, full=regions.level(code) == "sido")


@functools.lru_cache(maxsize=2)
def _region_labels(lang: str) -> dict[str, str]:
    """`region_label` of every 시도 and 시군구 (a picker formats all its options on every rerun)."""
    reg = regions.table()
    out = {}
    for code, level, name_ko, parent in zip(reg["region_code"], reg["level"], reg["name_ko"], reg["parent_code"]):
        if level == "sigungu" and lang == "ko":
            sido = regions.name(parent, "ko", full=True)
            # 세종 is a 시도 and its own only 시군구: the name once, the level said
            out[code] = f"{name_ko} ({t('sigungu', 'ko')})" if name_ko == sido else f"{sido} {name_ko}"
        elif level in ("sido", "sigungu"):
            out[code] = regions.name(code, lang, full=level == "sido")
    return out


def pick_region(ctx: Ctx, codes: list[str], default: str, *, container=st) -> str:
    return state.bind("region", lambda k: container.selectbox(
        ctx.t("region"), codes, key=k, format_func=lambda c: region_label(c, ctx.lang), filter_mode="fuzzy"),
        options=codes, default=default, scope=ctx.page)


def pick_choice(ctx: Ctx, name: str, options: list[str], default: str, label: str, labels: dict[str, str],
                *, container=st, parse: Callable[[str], str] = str, **widget) -> str:
    """One of `options` (shown as `labels`) as a segmented control bound to `?name=`; `parse` maps the
    URL text to a candidate option (e.g. a former value to the current one)."""
    return state.bind(name, lambda k: container.segmented_control(
        label, options, key=k, required=True, format_func=lambda o: labels.get(o, o), **widget),
        options=options, default=default, scope=ctx.page, parse=parse)


def pick_select(ctx: Ctx, name: str, options: list, default, label: str, labels: dict,
                *, container=st, parse: Callable[[str], object] = str):
    """One of `options` (shown as `labels`) as a selectbox bound to `?name=`; `parse` turns the URL
    text into a candidate option (e.g. `int` for years)."""
    return state.bind(name, lambda k: container.selectbox(
        label, options, key=k, format_func=lambda o: str(labels.get(o, o))),
        options=options, default=default, scope=ctx.page, parse=parse)


def pick_many(ctx: Ctx, name: str, options: list[str], label: str, labels: dict[str, str], *,
              default: list[str] | None = None, container=st, max_n: int | None = None,
              min_n: int = 0, pills: bool = False) -> list[str]:
    """Several of `options` as a multiselect bound to `?name=a,b` (between `min_n` and `max_n`); `pills`:
    as pills instead (a few short options, all in view; the segmented controls' code, no menu of its own)."""
    allowed = set(options)
    top = max_n or len(options)

    def ok(v) -> bool:
        return isinstance(v, list) and min_n <= len(v) <= top and all(c in allowed for c in v)

    def parse(raw: str) -> list[str]:
        vals = [v for v in raw.split(",") if v]
        if not vals or not ok(vals):
            raise ValueError(raw)
        return vals

    def widget(k: str):
        if pills:
            return container.pills(label, options, key=k, selection_mode="multi",
                                   format_func=lambda o: labels.get(o, o))
        return container.multiselect(label, options, key=k, max_selections=max_n,
                                     format_func=lambda o: labels.get(o, o), placeholder=ctx.t("choose_many"))

    return state.bind(name, widget, valid=ok, default=default or [], scope=ctx.page, parse=parse,
                      serialize=",".join)


def pick_regions(ctx: Ctx, name: str, codes: list[str], label: str, *, container=st, max_n: int = 8) -> list[str]:
    """Up to `max_n` region codes bound to `?name=11,26`."""
    return pick_many(ctx, name, codes, label, {c: region_label(c, ctx.lang) for c in codes},
                     container=container, max_n=max_n)


def all_region_codes() -> list[str]:
    """시도 then 시군구 of the run's boundary set in registry order, then its unions (제물포구+영종구: the
    area as one in years no file has it apart)."""
    set_id = app_data.boundary_set()
    return regions.codes("sido", set_id) + regions.codes("sigungu", set_id) + list(regions.stand_ins(set_id))
