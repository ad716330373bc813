"""종합 격차지수 on a build without some domains (the package-only build: census and land area only):
the weight sliders show what is used — a domain with no input shows 0 and is disabled, never its
default — and the shares the page reports add up over the domains actually used."""
from __future__ import annotations

import re

import pytest

from helpers.apptest import run
from indicators import composite as cx
from indicators import store


@pytest.mark.parametrize("level", ["sigungu", "sido"])
def test_sliders_show_the_weights_used(package_only_build, monkeypatch, level):
    monkeypatch.setenv("BALANCE_DATA_DIR", str(package_only_build))
    cov = store.coverage()
    built = set(cov.loc[(cov["level"] == level) & (cov["regions"] > 0), "indicator"])
    used = [d for d in cx.DOMAINS if set(d.indicators.get(level, ())) & built]
    dropped = [d for d in cx.DOMAINS if d not in used]
    assert used and dropped  # this build is partial at both levels

    at = run({"page": "composite", "level": level}, f"composite_partial_{level}")
    sliders = {s.key: s for s in at.slider}
    for d in dropped:
        assert f"w_{d.id}" not in sliders  # no URL-bound slider at its default
        s = sliders[f"w_{d.id}_dropped"]
        assert s.value == 0 and s.proto.disabled, d.id
    for d in used:
        s = sliders[f"w_{d.id}"]
        assert s.value == d.default_weight and not s.proto.disabled, d.id

    # the vintage lines give each domain's share of the weights used: 0% for the dropped ones
    total = sum(d.default_weight for d in used)
    lines = next(m.value for m in at.markdown if m.value.startswith("**입력 자료와 사용한 연도"))
    for d in cx.DOMAINS:
        share = re.search(rf"\*\*{re.escape(d.name_ko)}\*\* \((\d+)%\)", lines)
        expected = round(d.default_weight / total * 100) if d in used else 0
        assert share and int(share.group(1)) == expected, (d.id, lines)
