"""Is a text written with Korean? (What English readers must not be shown untranslated.)"""
from __future__ import annotations

import re

HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")  # syllables and compatibility jamo


def has_hangul(text: str) -> bool:
    return bool(HANGUL.search(text))
