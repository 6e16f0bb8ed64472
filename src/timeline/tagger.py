"""Find time expressions: text -> mentions (span, symbolic time, rule), overlaps resolved.

Every rule runs over the text; among overlapping matches the longest wins, then the rule
with the higher priority, then the earlier one (a swappable policy, as spaCy's
``filter_spans``). Nothing here knows the publication date.
"""
from __future__ import annotations

from typing import Callable, Iterable

from .grammar import Grammar, load_grammar, symbolic_from_match
from .model import Mention

OverlapPolicy = Callable[[Iterable[Mention]], list[Mention]]


def longest_first(mentions: Iterable[Mention]) -> list[Mention]:
    """Keep non-overlapping mentions, preferring longer spans, then priority, then position."""
    chosen: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), -m.priority, m.start)):
        if any(m.start < e and s < m.end for s, e in taken):
            continue
        chosen.append(m)
        taken.append((m.start, m.end))
    return sorted(chosen, key=lambda m: m.start)


def candidates(text: str, grammar: Grammar) -> list[Mention]:
    """All rule matches, before overlap resolution."""
    found: list[Mention] = []
    for rule in grammar.rules:
        for match in rule.regex.finditer(text):
            if match.end() == match.start():
                continue
            sym = symbolic_from_match(rule, match, grammar.macros)
            if sym is None:
                continue
            found.append(Mention(match.start(), match.end(), match.group(0), rule.id, sym,
                                 rule.type, rule.priority))
    return found


def tag(text: str, grammar: Grammar | None = None, overlap: OverlapPolicy = longest_first) -> list[Mention]:
    """The time expressions of `text`, in text order."""
    grammar = grammar or load_grammar()
    return overlap(candidates(text, grammar))
