"""Finding a pattern in a long text by a literal it must hold (pure): an article of 20 million
characters is searched by a plain substring search, the pattern tried only where it can start."""
from __future__ import annotations

import re


def occurs(pattern: re.Pattern[str], text: str, literal: str, starts) -> bool:  # type: ignore[no-untyped-def]
    """Whether `pattern` matches anywhere in `text` (re.search), where every match holds
    `literal` and `starts(i)` gives the only places a match can start when that literal is at
    offset i: the literal is found by a plain substring search, and the pattern tried there
    only. (A regular expression that opens with a look-behind or a class reads the whole
    article character by character; in an article of 20 million characters, a name asked
    about costs a second.)"""
    i = text.find(literal)
    while i >= 0:
        if any(pattern.match(text, s) for s in starts(i)):
            return True
        i = text.find(literal, i + 1)
    return False


def place_starts(text: str, i: int) -> list[int]:
    """Where "in", "from" or "near", whitespace and perhaps "the" and whitespace (what
    `coref.Coreference._place_in_text` looks for) must start to end at offset i."""
    out: list[int] = []
    k = i
    while k > 0 and text[k - 1].isspace():
        k -= 1
    if k == i:
        return out
    out += [k - 2, k - 4]
    if text[k - 3:k] == "the":
        j = k - 3
        while j > 0 and text[j - 1].isspace():
            j -= 1
        if j < k - 3:
            out += [j - 2, j - 4]
    return [s for s in out if s >= 0]
