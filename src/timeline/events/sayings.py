"""What a verb of saying does to the times around it (pure): a time right after it is the
saying's ("authorities said on Saturday | a herd ... was infected"), and a "that" clause after it
holds its own times ("revealed that, from 1 November ..."). The verbs: `reporting` in
rules/en/events.toml."""
from __future__ import annotations

import re

from typing import TYPE_CHECKING, Sequence

from ..model import Timex
from ..sources.segment import Token
from .eventmodel import lexicons

if TYPE_CHECKING:
    from ..time.tense import VerbGroup

SAID_ON_RE = re.compile(r"\b([a-z]+)\s+(?:(?:late|early)\s+)?(?:on\s+|in\s+|at\s+)?$")
CLAUSE_END_RE = re.compile(r"\s*(?:[.;:!?)\"”]|,\s*(?:but|and)\b|$)")


def reports(text: str, tok: Token) -> bool:
    """Is the event word a verb of saying or revealing ("said", "revealed", events.toml)?"""
    return text[tok.start:tok.end].lower() in lexicons().reporting


def said_on(text: str, t: Timex, groups: "Sequence[VerbGroup]") -> bool:
    """Is the time the adjunct of a verb of saying right before it ("authorities said on
    Saturday | a herd ...")? The word must be a verb there (of `groups`, the sentence's verb
    groups): not a noun ("in a research note on Monday", "under stress in 2008")."""
    m = SAID_ON_RE.search(text, max(0, t.start - 30), t.start)
    return m is not None and m.group(1) in lexicons().reporting \
        and any(g.start <= m.start(1) < g.end for g in groups)
