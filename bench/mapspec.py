"""Reading a plotly map figure spec (the chart's JSON): the years it says it shows, the regions it draws."""
from __future__ import annotations

import re

YEAR_RE = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")


def years_in(text: str) -> set[int]:
    """Four-digit years (1900–2099) written in a text."""
    return {int(y) for y in YEAR_RE.findall(text or "")}


def figure_titles(spec: dict) -> str:
    """Title and subtitle text of a plotly figure spec (dict from the chart's JSON)."""
    title = (spec.get("layout") or {}).get("title") or {}
    if isinstance(title, str):
        return title
    sub = title.get("subtitle") or {}
    sub_text = sub.get("text", "") if isinstance(sub, dict) else str(sub)
    return f"{title.get('text', '')} {sub_text}"


def shown_years(spec: dict) -> set[int]:
    """Years the figure says it shows: from its title/subtitle, else from the hover text."""
    years = years_in(figure_titles(spec))
    if years:
        return years
    found: set[int] = set()
    for trace in spec.get("data") or []:
        text = trace.get("text")
        if isinstance(text, list):
            for t in text[:5]:
                found |= years_in(str(t))
    return found


def shows_year(spec: dict, year: int) -> bool:
    return int(year) in shown_years(spec)


def latest_shown_year(spec: dict | None) -> int | None:
    """The latest year the figure shows (None without a figure or a year)."""
    shown = shown_years(spec) if spec else set()
    return max(shown) if shown else None


def choropleth_locations(spec: dict) -> int:
    """Regions drawn by the choropleth traces of a figure spec."""
    return sum(len(t.get("locations") or []) for t in spec.get("data") or [] if t.get("type") == "choropleth")
