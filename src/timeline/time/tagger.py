"""Find time expressions: text -> mentions (span, symbolic time, rule), overlaps resolved.

Each rule's regex runs only in windows around the words every one of its matches must
contain (``prefilter.py``); among overlapping matches the longest wins, then the rule with
the higher priority, then the earlier one (a swappable policy, as spaCy's ``filter_spans``).
Parts that stand next to each other are then joined by the combinators (``combine.py``).
Nothing here knows the publication date.
"""
from __future__ import annotations

import os
import re
import sys
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from typing import Callable, Iterable

from . import regex_cache
from .combine import combine, load_combinators
from .grammar import Grammar, _trie_regex, load_grammar, symbolic_from_match
from ..model import Mention
from .prefilter import DIGIT, lexicon_witnesses, witnesses

OverlapPolicy = Callable[[Iterable[Mention]], list[Mention]]

WINDOW = 40  # characters scanned on each side of a word a rule needs
_EDGE = 30  # a match this close to a window's end is checked again on the whole text
VETO_REACH = 40  # characters around a match in which its rule's `veto` is looked for


def longest_first(mentions: Iterable[Mention]) -> list[Mention]:
    """Keep non-overlapping mentions, preferring longer spans, then priority, then position."""
    chosen: list[Mention] = []
    starts: list[int] = []  # the kept spans, sorted and disjoint: a new one need only be
    ends: list[int] = []  # checked against its neighbours (no quadratic blow-up)
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), -m.priority, m.start)):
        i = bisect_right(starts, m.start)
        if (i > 0 and ends[i - 1] > m.start) or (i < len(starts) and starts[i] < m.end):
            continue
        starts.insert(i, m.start)
        ends.insert(i, m.end)
        chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


@dataclass(frozen=True, slots=True, eq=False)
class _Index:
    words: dict[str, tuple[int, ...]]  # token start (or "#dN", N digits) -> rules that need it
    always: tuple[int, ...]  # rules with no word they surely need: scanned in full
    longest: int
    finder: re.Pattern[str]  # the tokens that start with a needed word, and digit runs
    memo: dict[str, tuple[int, ...]] = field(default_factory=dict)  # token -> rules, as met


@cache
def _index(grammar: Grammar) -> _Index:
    needs = regex_cache.derived("rule-words", _index_material(grammar), lambda: _rule_words(grammar),
                                lambda v: _valid_rule_words(v, len(grammar.rules)))
    words: dict[str, list[int]] = {}
    always: list[int] = []
    for i, need in enumerate(needs):
        if need is None:
            always.append(i)
            continue
        for w in need:
            words.setdefault(w, []).append(i)
    starts = sorted(w for w in words if not w.startswith(DIGIT))
    finder = regex_cache.compile(r"(?<![^\W_])(?:" + _trie_regex(starts) + r")[^\W\d_]*|\d+", re.IGNORECASE)
    regex_cache.flush()
    return _Index({w: tuple(r) for w, r in words.items()}, tuple(always),
                  max((len(w) for w in starts), default=0), finder)


def _rule_words(grammar: Grammar) -> list[frozenset[str] | None]:
    """For each rule, the words one of which every match contains (None: scan in full)."""
    macro_words = {name: (lexicon_witnesses(list(m.words)) if m.words else witnesses(m.regex))
                   for name, m in grammar.macros.items()}
    return [witnesses(rule.skeleton, rule.regex.flags,
                      {alias: macro_words[name] for alias, name in rule.group_macro.items()})
            for rule in grammar.rules]


def _valid_rule_words(value: object, n_rules: int) -> bool:
    return (isinstance(value, list) and len(value) == n_rules
            and all(v is None or (isinstance(v, frozenset) and all(isinstance(w, str) and w for w in v))
                    for v in value))


def _index_material(grammar: Grammar) -> str | None:
    """Everything `_rule_words` depends on: the macros, the rules and the code of prefilter
    and of this module; None if that code cannot be read (then nothing is kept)."""
    from pathlib import Path

    from . import prefilter

    try:
        code = [Path(m.__file__).read_text(encoding="utf-8") for m in (prefilter, sys.modules[__name__])]  # type: ignore[arg-type]
    except (OSError, TypeError, ValueError, KeyError):
        return None
    macros = [(n, m.regex, sorted(m.words or ())) for n, m in sorted(grammar.macros.items())]
    rules = [(r.skeleton, r.regex.flags, sorted(r.group_macro.items())) for r in grammar.rules]
    return repr((code, macros, rules))


def _windows(text: str, positions: list[int]) -> list[tuple[int, int]]:
    n = len(text)
    out: list[tuple[int, int]] = []
    for p in sorted(positions):
        a, b = max(p - WINDOW, 0), min(p + WINDOW, n)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    snapped = []
    for a, b in out:  # never cut a word: start and end at white space
        if a > 0:
            ws = text.rfind(" ", 0, a)
            a = ws + 1 if ws >= 0 else 0
        if b < n:
            ws = text.find(" ", b)
            b = ws if ws >= 0 else n
        snapped.append((a, b))
    return snapped


def _rules_of(token: str, index: _Index, memo: dict[str, tuple[int, ...]]) -> tuple[int, ...]:
    """The rules whose needed words start `token` (memoized: the vocabulary of news is small)."""
    found = memo.get(token)
    if found is None:
        if token[0].isdigit():
            rules = []
            for k in range(1, min(len(token), 4) + 1):
                rules.extend(index.words.get(f"{DIGIT}{k}", ()))
            found = tuple(sorted(set(rules)))
        else:
            low = token.lower()
            rules: list[int] = []
            for k in range(1, min(len(low), index.longest) + 1):
                rules.extend(index.words.get(low[:k], ()))
            found = tuple(sorted(set(rules)))
        if len(memo) < 200_000:
            memo[token] = found
    return found


def _rule_hits(text: str, index: _Index) -> dict[int, list[int]]:
    hits: dict[int, list[int]] = {}
    memo = index.memo
    for m in index.finder.finditer(text):
        rules = _rules_of(m.group(), index, memo)
        if rules:
            pos = m.start()
            for ri in rules:
                hits.setdefault(ri, []).append(pos)
    return hits



def candidates(text: str, grammar: Grammar) -> list[Mention]:
    """All rule matches, before overlap resolution."""
    found: list[Mention] = []
    n = len(text)
    if os.environ.get("TIMELINE_PREFILTER", "1") == "0":  # a debugging switch: scan everything
        plan = [(i, [(0, n)]) for i in range(len(grammar.rules))]
    else:
        index = _index(grammar)
        hits = _rule_hits(text, index)
        plan = [(i, [(0, n)]) for i in index.always]
        plan += [(i, _windows(text, pos)) for i, pos in sorted(hits.items())]
    for ri, windows in plan:
        rule = grammar.rules[ri]
        seen: set[int] = set()
        for a, b in windows:
            for match in rule.regex.finditer(text, a, b):
                if b < n and match.end() > b - _EDGE:  # the window's end may have cut it short
                    match = rule.regex.match(text, match.start())
                    if match is None:
                        continue
                if match.end() == match.start() or match.start() in seen:
                    continue
                seen.add(match.start())
                if rule.veto is not None and _vetoed(rule.veto, text, match):
                    continue
                sym = symbolic_from_match(rule, match, grammar.macros)
                if sym is None:
                    continue
                found.append(Mention(match.start(), match.end(), match.group(0), rule.id, sym,
                                     rule.type, rule.priority))
    return found


def _vetoed(veto: re.Pattern[str], text: str, match: re.Match[str]) -> bool:
    """Does the rule's veto match, within VETO_REACH characters around the match, ending where
    the match ends ("Theresa May": a name, not the month)?"""
    pos, end, stop = max(match.start() - VETO_REACH, 0), match.end(), min(match.end() + VETO_REACH, len(text))
    while pos <= match.start():
        found = veto.search(text, pos, stop)
        if found is None or found.start() > match.start():
            return False
        if found.end() == end:
            return True
        pos = found.start() + 1
    return False


@cache
def _fragments(grammar: Grammar) -> frozenset[str]:
    return frozenset(r.id for r in grammar.rules if r.fragment)


def tag(text: str, grammar: Grammar | None = None, overlap: OverlapPolicy = longest_first) -> list[Mention]:
    """The time expressions of `text`, in text order: the rules' matches, joined by the
    combinators where parts stand next to each other (combine.py), then overlaps resolved."""
    grammar = grammar or load_grammar()
    return overlap(combine(text, candidates(text, grammar), _fragments(grammar), load_combinators(grammar.lang)))
