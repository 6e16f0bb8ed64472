"""Where in a text a rule can match: the words every match of a rule must contain.

A rule's regex is scanned only in windows around the words it needs, not over the whole
article. The words are derived from the compiled pattern itself (``re._parser``): for a
sequence, any one part that every match must pass through will do, and the rarest is
chosen; for an alternation, the union over its branches. A word stands for the start of a
token ("quarter" also finds "quarters"); "#digit" stands for a run of digits. A rule with
no such part (it could match without any letter or digit of its own) is scanned in full.
"""
from __future__ import annotations

import re
import re._constants as C  # type: ignore[import-not-found]
import re._parser as P  # type: ignore[import-not-found]
from typing import Any

DIGIT = "#d"  # "#dN": a run of at least N digits (N <= 4)
_COMMON = frozenset("the a an of in on at to by for and or this that these last next early late mid "
                    "over about some just more less than at".split())


def _cost(words: frozenset[str]) -> int:
    cost = 0
    for w in words:
        if w.startswith(DIGIT):
            # news is full of numbers, short ones most: a list of words is usually rarer
            cost += {1: 60, 2: 45, 3: 30}.get(int(w[2:]), 12)
        elif len(w) <= 2:
            cost += 50
        elif w in _COMMON:
            cost += 25
        else:
            cost += 1
    return cost


def _lead(items: Any) -> str:
    """The letters every match of a sequence starts with (parsing factors "each|every" into
    "e" + a branch, so a run of letters may continue into the branch that follows it)."""
    out = ""
    for op, av in items:
        if op is C.LITERAL and chr(av).isalpha():
            out += chr(av)
            continue
        if op is C.SUBPATTERN:
            inner = _lead(av[-1])
            out += inner
            if inner and len(inner) == _len_letters(av[-1]):
                continue
        break
    return out


def _len_letters(items: Any) -> int:
    n = 0
    for op, av in items:
        if not (op is C.LITERAL and chr(av).isalpha()):
            return -1
        n += 1
    return n


def _is_digit_class(av: Any) -> bool:
    items = list(av)
    if not items:
        return False
    for op, val in items:
        if op is C.RANGE and 48 <= val[0] <= val[1] <= 57:
            continue
        if op is C.CATEGORY and val is C.CATEGORY_DIGIT:
            continue
        if op is C.LITERAL and 48 <= val <= 57:
            continue
        return False
    return True


def _is_boundary_class(av: Any) -> bool:
    """Does a character class hold only spaces and punctuation (a token boundary)?"""
    items = list(av)
    return bool(items) and all((op is C.CATEGORY and val is C.CATEGORY_SPACE) or
                               (op is C.LITERAL and not chr(val).isalnum()) for op, val in items)


def _digits_min(op: Any, av: Any) -> int | None:
    """How many digits an item surely consumes, if it consumes nothing but digits; else None."""
    if op is C.LITERAL:
        return 1 if chr(av).isdigit() else None
    if op is C.IN:
        return 1 if _is_digit_class(av) else None
    if op is C.CATEGORY:
        return 1 if av is C.CATEGORY_DIGIT else None
    if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
        return 0
    if op is C.SUBPATTERN:
        return _seq_digits(av[-1])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
        lo, _hi, body = av
        inner = _seq_digits(body)
        return None if inner is None else lo * inner
    if op is C.BRANCH:
        counts = [_seq_digits(alt) for alt in av[1]]
        return None if any(c is None for c in counts) else min(counts)  # type: ignore[type-var]
    return None


def _seq_digits(items: Any) -> int | None:
    total = 0
    for op, av in items:
        d = _digits_min(op, av)
        if d is None:
            return None
        total += d
    return total


def _seq(items: Any, at_start: bool, opaque: dict[int, frozenset[str]] | None = None
         ) -> tuple[frozenset[str] | None, bool]:
    """(witnesses of the sequence or None, whether it surely ends at a token boundary).

    `opaque` maps group numbers that stand for a macro to the macro's own witnesses."""
    opaque = opaque or {}
    candidates: list[frozenset[str]] = []
    state = at_start  # are we at the start of a token?
    run = ""
    run_ok = False
    streak = 0  # digits surely consumed in a row

    def close_run() -> None:
        nonlocal run
        if run and run_ok:
            candidates.append(frozenset([run.lower()]))
        run = ""

    def close_streak() -> None:
        nonlocal streak
        if streak > 0:
            candidates.append(frozenset([f"{DIGIT}{min(streak, 4)}"]))
        streak = 0

    items = list(items)
    for op, av in items:
        if op is C.BRANCH and run and run_ok:
            # a run of letters that goes on in every branch: "e" + (ach|very) -> each, every
            leads = [_lead(alt) for alt in av[1]]
            candidates.append(frozenset((run + lead).lower() for lead in leads))
        digits = _digits_min(op, av)
        if digits is not None and op not in (C.ASSERT, C.ASSERT_NOT, C.AT):
            close_run()
            streak += digits
            if digits:
                state = True
            continue
        if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
            continue
        close_streak()
        if op is C.LITERAL:
            ch = chr(av)
            if ch.isalpha():
                if not run:
                    run_ok = state
                run += ch
                state = False
                continue
            close_run()
            state = True
            continue
        close_run()
        if op is C.IN:
            state = _is_boundary_class(av)
            continue
        if op is C.SUBPATTERN and av[0] in opaque:
            w = opaque[av[0]]
            if state or all(x.startswith(DIGIT) for x in w):
                candidates.append(w)  # a lexicon's words are token starts only at a token start
            state = False
            continue
        if op is C.SUBPATTERN:
            w, end = _seq(av[-1], state, opaque)
            if w is not None:
                candidates.append(w)
            state = end
            continue
        if op is C.BRANCH:
            union: set[str] = set()
            ok = True
            ends = True
            for alt in av[1]:
                w, end = _seq(alt, state, opaque)
                ends = ends and end
                if w is None:
                    ok = False
                else:
                    union |= w
            if ok:
                candidates.append(frozenset(union))
            state = ends
            continue
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
            lo, _hi, body = av
            w, end = _seq(body, state, opaque)
            if lo >= 1 and w is not None:
                candidates.append(w)
            if lo >= 1:
                state = end
            else:
                state = state and end  # matched zero times: unchanged; else: as the body ends
            continue
        state = False  # ANY, NOT_LITERAL, GROUPREF, ...: unknown
    close_run()
    close_streak()
    if not candidates:
        return None, state
    return min(candidates, key=_cost), state


def witnesses(pattern: str, flags: int = re.IGNORECASE,
              macros: dict[str, frozenset[str] | None] | None = None) -> frozenset[str] | None:
    """Words (token starts, lowercased) of which every match contains one; None if unknown.

    With `macros`, the pattern may hold groups named after macros ((?P<name>\ue000)) whose
    witnesses are known already, which spares parsing the expanded lexicons again."""
    parsed = P.parse(pattern, flags)
    opaque = {}
    for name, gid in parsed.state.groupdict.items():
        w = (macros or {}).get(name, False)
        if w is not False and w is not None:
            opaque[gid] = w
    w, _ = _seq(parsed, True, opaque)
    return w


def lexicon_witnesses(words: list[str]) -> frozenset[str]:
    """Witnesses of a word list: each word's longest run of letters (or its digits)."""
    out = set()
    for word in words:
        runs = re.findall(r"[^\W\d_]+|\d+", word.lower())
        if not runs:
            continue
        best = min(runs, key=lambda r: (r in _COMMON or len(r) <= 2, -len(r)))  # the rarest run
        out.add(f"{DIGIT}{min(len(best), 4)}" if best[0].isdigit() else best)
    return frozenset(out)
