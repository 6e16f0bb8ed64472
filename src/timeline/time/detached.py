"""A verb its auxiliary does not run into, for verb groups (tense.verb_groups): after a negation
and an inserted adverbial ("He did not, in the end, resign", "has not yet, as of Monday,
resigned") or after the subject an inverting fronted adverbial puts between them ("Not since
1990 has the party won", "Only in 2010 did the party win"). The verb then makes a group of its
own with the auxiliary's tense. Patterns: rules/en/tense.toml [detached]."""
from __future__ import annotations

import re
from functools import cache
from typing import Callable, Sequence

from ..rules import load_toml
from ..sources.segment import Token

_NEGATIONS = frozenset({"not", "n't", "n’t", "never"})
SUBJECT_MAX = 3  # words between an inverted auxiliary and its verb ("the ruling party")
OPENER_REACH = 8  # tokens before an inverted auxiliary, from the sentence's start
# the first words of the openers (a quick test before the pattern)
_FIRST = frozenset({"not", "only", "never", "rarely", "seldom", "hardly", "at", "nowhere", "no"})


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = load_toml("tense.toml")["detached"]
    return re.compile(data["insertion"]), re.compile(data["opener"])


def _token_at(toks: Sequence[Token], start: int, offset: int) -> int | None:
    for k in range(start, len(toks)):
        if toks[k].start >= offset:
            return k if toks[k].start == offset else None
    return None


def after_insertion(text: str, toks: Sequence[Token], j: int, is_verb: Callable[[int], bool]) -> int | None:
    """The index of the verb after an adverbial inserted at token `j`, right after a negation
    (toks[j - 1]): "did not, in the end, resign" (None when no verb follows it)."""
    if j <= 0 or j >= len(toks) or toks[j - 1].lower not in _NEGATIONS:
        return None
    m = _patterns()[0].match(text, toks[j - 1].end)
    if m is None:
        return None
    k = _token_at(toks, j, m.end())
    return k if k is not None and is_verb(k) else None


def after_inverted_subject(text: str, toks: Sequence[Token], i: int, is_verb: Callable[[int], bool]) -> int | None:
    """The index of the verb after the subject of the auxiliary at token `i`, when a fronted
    adverbial opens the sentence and inverts them ("Not since 1990 has the party won": "won")."""
    first = 1 if toks and not toks[0].text[:1].isalnum() else 0  # (a quote before it)
    if i <= first or i > OPENER_REACH + first or toks[first].lower not in _FIRST \
            or _patterns()[1].match(text[toks[0].start:toks[i].start]) is None:
        return None
    for k in range(i + 1, min(i + 2 + SUBJECT_MAX, len(toks))):
        if not toks[k].text[:1].isalnum():
            return None  # ("Not since 1990 has the party." : no verb)
        if k > i + 1 and is_verb(k):
            return k
    return None
