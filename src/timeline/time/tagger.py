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
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from typing import Callable, Iterable

from ..rules import regex_cache
from .combine import combine, load_combinators
from .grammar import Grammar, load_grammar, symbolic_from_match
from .lexicons import trie_regex
from ..model import Kind, Mention, Symbolic

OverlapPolicy = Callable[[Iterable[Mention]], list[Mention]]

DIGIT = "#d"  # as prefilter.DIGIT ("#dN": a run of at least N digits), without importing it
WINDOW = 40  # characters scanned on each side of a word a rule needs
_EDGE = 30  # a match this close to a window's end is checked again on the whole text
_MISSING = object()
_SPACE_RUN = re.compile(r"[\s\-\u2013\u2014]{2,}")  # (prefilter.SPACEISH)
_DIGIT_RUN = re.compile(r"\d{2,}")
# the same in a text of ASCII only, as bitmaps (there \s is \t-\r, \x1c-\x1f and the space)
_ASCII_RUNS = (re.compile(r"[\t-\r\x1c- \-]{2,}"), re.compile(r"[0-9]{2,}"))
VETO_REACH = 40  # characters around a match in which its rule's `veto` is looked for
REQUIRES_REACH = 80  # characters before a match's end in which its rule's `requires` is looked for


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
    words: dict[str, tuple[int, ...]]  # token start (or "#dN", N digits) -> groups of rules that need it
    always: tuple[int, ...]  # rules with no word they surely need: scanned in full
    longest: int
    finder: re.Pattern[str]  # the tokens that start with a needed word, and digit runs
    lower_finder: re.Pattern[str] | None  # the same, case-sensitive, for a text of ASCII only, lowered
    starts: frozenset[str]  # the needed words and those of the checks (not digits)
    # rule -> its alternatives, each the word sets (ids) it needs all of; None: no such check
    checks: tuple[tuple[tuple[int, ...], ...] | None, ...] = ()
    reaches: tuple[tuple[int, int, int] | None, ...] = ()  # rule -> how far a match reads (prefilter.reach)
    groups: tuple[tuple[int, ...], ...] = ()  # the rules that need the same words
    check_words: dict[str, tuple[int, ...]] = field(default_factory=dict)  # word -> word sets holding it
    memo: dict[str, tuple[int, ...]] = field(default_factory=dict)  # token -> groups and word sets (see _rules_of)
    # a needed word (or digits' key) -> the groups and word sets of it and of every needed word it starts with
    closure: dict[str, tuple[int, ...]] = field(default_factory=dict)


@cache
def _index(grammar: Grammar) -> _Index:
    needs, conds, reaches = regex_cache.derived("rule-words-4", _index_material(grammar), lambda: _rule_words(grammar),
                                                lambda v: _valid_rule_words(v, len(grammar.rules)))
    words: dict[str, list[int]] = {}
    always: list[int] = []
    group_of: dict[frozenset[str], int] = {}  # rules that need the same words share their positions
    groups: list[list[int]] = []
    for i, need in enumerate(needs):
        if need is None:
            always.append(i)
            continue
        if need not in group_of:
            group_of[need] = len(groups)
            groups.append([])
            for w in need:
                words.setdefault(w, []).append(group_of[need])
        groups[group_of[need]].append(i)
    set_ids: dict[frozenset[str], int] = {}
    checks: list[tuple[tuple[int, ...], ...] | None] = []
    same: dict[tuple[tuple[int, ...], ...], tuple[tuple[int, ...], ...]] = {}
    for alternatives in conds:
        if alternatives is None:
            checks.append(None)
            continue
        alternatives = _absorbed(alternatives)
        if all(len(alt) == 1 for alt in alternatives):  # one word set each: a word of any of them will do
            alternatives = [[frozenset().union(*(alt[0] for alt in alternatives))]]
        check = tuple(tuple(set_ids.setdefault(s, len(set_ids)) + len(groups) for s in alt) for alt in alternatives)
        checks.append(same.setdefault(check, check))  # (equal checks one object: candidates keys them by id)
    check_words: dict[str, list[int]] = {}
    for s, k in set_ids.items():
        for w in s:
            check_words.setdefault(w, []).append(k)
    starts = sorted(w for w in set(words) | set(check_words) if not w.startswith(DIGIT))
    trie = trie_regex(starts)
    finder = regex_cache.compile(r"(?<![^\W_])(?:" + trie + r")[^\W\d_]*|\d+[^\w\s]?", re.IGNORECASE)
    # for a text of ASCII only, lowered: the same tokens, lowered, at the same places, found
    # without folding case at every step and with its classes spelled out in ASCII (\s holds
    # \x1c-\x1f too), which the engine reads as bitmaps (needs words in lower-case ASCII)
    lower_finder = (regex_cache.compile(r"(?<![a-z0-9])(?:" + trie + r")[a-z]*|[0-9]+[^a-z0-9_\t-\r\x1c- ]?")
                    if all(w.isascii() and w == w.lower() for w in starts) else None)
    regex_cache.flush()
    return _Index({w: tuple(r) for w, r in words.items()}, tuple(always),
                  max((len(w) for w in starts), default=0), finder, lower_finder, frozenset(starts),
                  checks=tuple(checks), reaches=tuple(reaches), groups=tuple(tuple(g) for g in groups),
                  check_words={w: tuple(k) for w, k in check_words.items()})


def _absorbed(alternatives: list[list[frozenset[str]]]) -> list[list[frozenset[str]]]:
    """The alternatives less those that need every word set another needs, and more (A, or A
    and B, is A), and less repeats: the same windows pass, with fewer look-ups (a feast's
    rule had 24 alternatives, one pair of word sets four times among them; 18 are left)."""
    needs = [frozenset(alt) for alt in alternatives]
    return [alt for i, (alt, need) in enumerate(zip(alternatives, needs))
            if not any(other < need or (other == need and j < i) for j, other in enumerate(needs))]


def _checkable(word_set: frozenset[str]) -> bool:
    """Is a word set rare enough to look for? (A token start of one or two letters, "a" or
    "b", is in every stretch of text: looking for it would cost more than it saves.)"""
    return all(w.startswith(DIGIT) or len(w) > 2 for w in word_set)


def _rule_words(grammar: Grammar) -> tuple[list[frozenset[str] | None], list[list[list[frozenset[str]]] | None],
                                           list[tuple[int, int, int] | None]]:
    """For each rule, the words one of which every match contains (None: scan in full), its
    alternatives, each the word sets a match of it holds one word of each (None: no check),
    and how far from its words a match reads (None: no bound)."""
    from .prefilter import conditions, digits_only, lexicon_witnesses, reach, witnesses  # (only when the cache misses)

    macro_words: dict[str, frozenset[str] | int | None] = {
        name: (lexicon_witnesses(list(m.words)) if m.words else (digits_only(m.regex) or witnesses(m.regex)))
        for name, m in grammar.macros.items()}
    needs, conds, reaches = [], [], []
    for rule in grammar.rules:
        reaches.append(reach(rule.regex.pattern, rule.regex.flags))
        macros = {alias: macro_words[name] for alias, name in rule.group_macro.items()}
        needs.append(witnesses(rule.skeleton, rule.regex.flags, macros))
        alternatives = conditions(rule.skeleton, rule.regex.flags, macros)
        need = needs[-1]
        if alternatives is not None:
            # a set that holds every needed word is found wherever the rule is scanned: no check
            alternatives = [[s for s in alt if _checkable(s) and not (need is not None and need <= s)]
                            for alt in alternatives]
            if any(not alt for alt in alternatives):
                alternatives = None
        conds.append(alternatives)
    return needs, conds, reaches


def _valid_rule_words(value: object, n_rules: int) -> bool:
    def word_set(v: object) -> bool:
        return isinstance(v, frozenset) and all(isinstance(w, str) and w for w in v)

    if not (isinstance(value, tuple) and len(value) == 3):
        return False
    needs, conds, reaches = value
    return (isinstance(reaches, list) and len(reaches) == n_rules
            and all(r is None or (isinstance(r, tuple) and len(r) == 3 and all(isinstance(x, int) and x >= 0 for x in r))
                    for r in reaches) and isinstance(needs, list) and len(needs) == n_rules and all(v is None or word_set(v) for v in needs)
            and isinstance(conds, list) and len(conds) == n_rules
            and all(c is None or (isinstance(c, list) and all(isinstance(alt, list) and alt and all(word_set(s) for s in alt)
                                                               for alt in c)) for c in conds))


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


def _windows(text: str, positions: list[int], radius: int = WINDOW) -> list[tuple[int, int]]:
    """The stretches of text to scan around the positions of a rule's words: `radius`
    characters on each side, joined where they touch; a window of the default radius (the
    rule's reach is not bounded) is widened to white space, never to cut a word."""
    n = len(text)
    if not positions:
        return []
    a = prev = positions[0]
    if len(positions) == 1:  # (the most common case)
        out = [(a - radius, a + radius)]
    else:
        out = []
        two = radius + radius
        for p in positions:  # (in text order: as the finder found them)
            if p - prev > two:  # (the windows of `prev` and `p` do not touch)
                out.append((a - radius, prev + radius))
                a = p
            prev = p
        out.append((a - radius, prev + radius))
    if radius < WINDOW:  # (only the first can start before the text, the last end after it)
        if out[0][0] < 0:
            out[0] = (0, out[0][1])
        if out[-1][1] > n:
            out[-1] = (out[-1][0], n)
        return out
    snapped = []
    for a, b in out:  # never cut a word: start and end at white space
        if a > 0:
            ws = text.rfind(" ", 0, a)
            a = ws + 1 if ws >= 0 else 0
        else:
            a = 0
        if b < n:
            ws = text.find(" ", b)
            b = ws if ws >= 0 else n
        else:
            b = n
        snapped.append((a, b))
    return snapped


def _prefix_lookup(token: str, table: dict[str, tuple[int, ...]], longest: int) -> tuple[int, ...]:
    if token[0].isdigit():  # a run of digits, perhaps with the sign after it ("3/")
        sign = "" if token[-1].isdigit() else token[-1]
        n = min(len(token) - len(sign), 4)
        keys = [f"{DIGIT}{k}" for k in range(1, n + 1)] + [f"{DIGIT}{k}{sign}" for k in range(1, n + 1) if sign]
    else:
        low = token.lower()
        keys = [low[:k] for k in range(1, min(len(low), longest) + 1)]
    found: set[int] = set()
    for key in keys:
        found.update(table.get(key, ()))
    return tuple(sorted(found))


# the letters a case-blind pattern takes for a, ..., z that str.lower() does not give: "İ" (whose
# lower case is "i" and a dot), "ı", the long "ſ" ("MİDNİGHT LAST NİGHT" is found by the rules)
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def _rules_of(token: str, index: _Index, memo: dict[str, tuple[int, ...]]) -> tuple[int, ...]:
    """The groups of rules whose needed words start `token`, then the word sets it is in (their
    ids after the groups'), memoized: the vocabulary of news is small. Those of the longest
    needed word that starts it say it all (every shorter one starts that word too), and
    many tokens share it ("mon": "money", "monitor", ...); digits by their count (up to 4) and sign."""
    found = memo.get(token)
    if found is None:
        if token[0].isdigit():  # ("#dN" and "#dN/" keys: the count of digits up to 4, and the sign)
            sign = "" if token[-1].isdigit() else token[-1]
            key = "0" * min(len(token) - len(sign), 4) + sign
        else:
            low = token.lower() if token.isascii() else token.translate(_FOLD).lower()
            key = ""
            for k in range(min(len(low), index.longest), 0, -1):
                if low[:k] in index.starts:
                    key = low[:k]
                    break
        found = index.closure.get(key)
        if found is None:
            shift = len(index.groups)
            found = index.closure[key] = () if not key else (
                _prefix_lookup(key, index.words, index.longest)
                + tuple(k + shift for k in _prefix_lookup(key, index.check_words, index.longest)))
        if len(memo) < 200_000:
            memo[token] = found
    return found


def _rule_hits(text: str, index: _Index) -> dict[int, list[int]]:
    """Where each group's needed words are (group -> positions), and each checked word set
    (the set's id + the number of groups -> positions)."""
    hits: defaultdict[int, list[int]] = defaultdict(list)
    memo = index.memo
    if index.lower_finder is not None and text.isascii():  # (the token's case changes no rule it starts)
        found = index.lower_finder.finditer(text.lower())
    else:
        found = index.finder.finditer(text)
    for m in found:
        token = m.group()
        targets = memo.get(token)
        if targets is None:
            targets = _rules_of(token, index, memo)
        if targets:
            pos = m.start()
            for t in targets:
                hits[t].append(pos)
    return hits


def _possible_in(alternatives: tuple[tuple[int, ...], ...], a: int, b: int, sets: dict[int, list[int]]) -> bool:
    """Could a match lie in text[a:b]: does one alternative find each word set it needs there?"""
    for alt in alternatives:
        for k in alt:
            pos = sets.get(k)
            if not pos:
                break
            i = bisect_left(pos, a)
            if i == len(pos) or pos[i] >= b:
                break
        else:
            return True
    return False


def candidates(text: str, grammar: Grammar) -> list[Mention]:
    """All rule matches, before overlap resolution."""
    found: list[Mention] = []
    n = len(text)
    if os.environ.get("TIMELINE_PREFILTER", "1") == "0":  # a debugging switch: scan everything
        plan = [(i, [(0, n)]) for i in range(len(grammar.rules))]
    else:
        index = _index(grammar)
        hits = _rule_hits(text, index)
        n_groups = len(index.groups)
        plan = [(i, [(0, n)]) for i in index.always]
        checks, reaches = index.checks, index.reaches
        space_run, digit_run = _ASCII_RUNS if text.isascii() else (_SPACE_RUN, _DIGIT_RUN)
        spaces = max(map(len, space_run.findall(text)), default=1) - 1
        digits = max(map(len, digit_run.findall(text)), default=1) - 1
        for g, pos in hits.items():
            if g >= n_groups:
                continue  # a word set's positions: read by the checks
            by_radius: dict[int, list[tuple[int, int]]] = {}
            checked: dict[tuple[int, int], list[tuple[int, int]]] = {}
            for i in index.groups[g]:
                bound = reaches[i]  # no match holding one of the rule's words reads further than this from it
                radius = WINDOW if bound is None else min(WINDOW, bound[0] + bound[1] * spaces + bound[2] * digits)
                windows = by_radius.get(radius)
                if windows is None:
                    windows = by_radius[radius] = _windows(text, pos, radius)
                alternatives = checks[i]
                if alternatives is not None:
                    key = (radius, id(alternatives))
                    kept = checked.get(key)
                    if kept is None:
                        if len(alternatives) == 1 and len(alternatives[0]) == 1:  # (most checks: one word set)
                            need = hits.get(alternatives[0][0], ())
                            kept = [(a, b) for a, b in windows if (j := bisect_left(need, a)) < len(need) and need[j] < b]
                        else:
                            kept = [(a, b) for a, b in windows if _possible_in(alternatives, a, b, hits)]
                        checked[key] = kept
                    windows = kept
                if windows:
                    plan.append((i, windows))
        plan.sort(key=lambda item: item[0])  # in rule order, as the overlap policy breaks ties by it
    made = _made(grammar)
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
                if rule.requires is not None and rule.requires.search(
                        text, max(match.start() - REQUIRES_REACH, 0), match.end()) is None:
                    continue  # (`requires` ends in \Z: it must end where the match ends)
                key = (ri, match.groups())  # what the rule makes of a match depends on its groups' text only
                sym = made.get(key, _MISSING)
                if sym is _MISSING:
                    if len(made) >= 50_000:
                        made.clear()
                    sym = made[key] = symbolic_from_match(rule, match, grammar.macros)
                if sym is None:
                    continue
                found.append(Mention(match.start(), match.end(), match.group(0), rule.id, sym,
                                     rule.type, rule.priority))
    return found


@cache
def _made(grammar: Grammar) -> dict[tuple[int, tuple[str | None, ...]], Symbolic | None]:
    """The symbolic times made from matches so far, by rule and groups' text (news repeats
    "Friday" and "1989"; a Symbolic is immutable, so one serves every match alike), up to
    50,000 of them."""
    return {}


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


@cache
def _name_heads(lang: str) -> re.Pattern[str] | None:
    """What follows a time that is part of the name of a happening ("the Easter Rising",
    "the Seven Years' War"): negatives.toml's name_heads, capitalised."""
    from ..rules import load_toml

    heads = load_toml("negatives.toml", lang).get("name_heads", [])
    return re.compile(r"[’']?[ \t]+(?:" + "|".join(map(re.escape, heads)) + r")\b") if heads else None


def tag(text: str, grammar: Grammar | None = None, overlap: OverlapPolicy = longest_first) -> list[Mention]:
    """The time expressions of `text`, in text order: the rules' matches, joined by the
    combinators where parts stand next to each other (combine.py), then overlaps resolved;
    none that is part of the name of a happening ("the October Revolution")."""
    grammar = grammar or load_grammar()
    found = overlap(combine(text, candidates(text, grammar), _fragments(grammar), load_combinators(grammar.lang)))
    names = _name_heads(grammar.lang)
    return found if names is None else [m for m in found if not _in_a_name(m, text, names)]


_TIME_PREPOSITION = re.compile(r"(?:\b(?:on|in|at|by|since|until|till|from|during|before|after|of)\s+)$", re.IGNORECASE)


def _in_a_name(m: Mention, text: str, names: re.Pattern[str]) -> bool:
    """Is `m` part of the name of a happening ("the October Revolution")? Not a time after a
    preposition ("On Monday Campaign officials said"), a year ("the 1973 War", which TimeML
    tags), nor a day counted from now ("Troops Withdraw Today War Ends")."""
    if names.match(text, m.end) is None:
        return False
    sym = m.symbolic
    return not (sym.kind is Kind.RELATIVE or sym.year is not None or sym.decade is not None
                or _TIME_PREPOSITION.search(text, max(0, m.start - 12), m.start) is not None)
