"""Walking a dependency parse: the token at a span, a token's dependents, a phrase's words (pure).

Shared by `clauses` (labels) and `participants` (who takes part).
"""
from __future__ import annotations

import re
from typing import Callable, Sequence

from . import Parse

SUBJECTS = frozenset({"nsubj", "nsubj:pass", "csubj", "csubj:pass"})
OBJECTS = frozenset({"obj", "iobj", "xcomp", "ccomp", "compound:prt"})
OBLIQUES = frozenset({"obl", "obl:npmod", "obl:agent", "obl:tmod", "advmod"})
AUXILIARIES = frozenset({"aux", "aux:pass", "cop"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})

Resolver = Callable[[Parse, int], "str | None"]  # a pronoun's token -> the name it stands for, if known


def token_at(parse: Parse, start: int, end: int) -> int | None:
    """The token of the parse that holds the characters [start, end) (an event's trigger)."""
    for i, t in enumerate(parse.tokens):
        if t.start <= start < t.end or start <= t.start < end:
            return i
    return None


def children(parse: Parse) -> list[list[int]]:
    kids: list[list[int]] = [[] for _ in parse.tokens]
    for j, t in enumerate(parse.tokens):
        if t.head != j:
            kids[t.head].append(j)
    return kids


def subtree(kids: list[list[int]], parse: Parse, i: int, keep: Callable[[int], bool]) -> list[int]:
    """Token i and what depends on it, not going into a dependent that `keep` refuses."""
    out = [i]
    stack = [k for k in kids[i] if keep(k)]
    while stack:
        k = stack.pop()
        out.append(k)
        stack.extend(c for c in kids[k] if keep(c))
    return sorted(out)


def words(parse: Parse, idxs: Sequence[int], text: str) -> str:
    """The tokens' text as the article writes it; a gap (what was left out) is one space."""
    pieces: list[str] = []
    first = last = None
    for i in sorted(idxs):
        if last is not None and i == last + 1:
            last = i
            continue
        if first is not None and last is not None:
            pieces.append(text[parse.tokens[first].start:parse.tokens[last].end])
        first = last = i
    if first is not None and last is not None:
        pieces.append(text[parse.tokens[first].start:parse.tokens[last].end])
    return re.sub(r"\s+", " ", " ".join(pieces)).strip()


ATTRIBUTIONS = frozenset({"according", "citing", "quoting"})


def attribution(parse: Parse, kids: list[list[int]], k: int) -> bool:
    """Is the oblique at k who says so ("according to AP", "citing officials")? The source
    is not part of what happened, and the chart names the outlets beside the label."""
    return any(parse.tokens[c].dep in {"case", "mark"} and parse.tokens[c].text.lower() in ATTRIBUTIONS
               for c in kids[k]) or parse.tokens[k].text.lower() in ATTRIBUTIONS
