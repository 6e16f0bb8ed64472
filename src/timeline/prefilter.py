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

DIGIT = "#digit"
_COMMON = frozenset("the a an of in on at to by for and or this that these last next early late mid "
                    "over about some just more less than at".split())


def _cost(words: frozenset[str]) -> int:
    cost = 0
    for w in words:
        if w == DIGIT:
            cost += 15
        elif len(w) <= 2 or w in _COMMON:
            cost += 20
        else:
            cost += 1
    return cost


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


def _is_space_class(av: Any) -> bool:
    items = list(av)
    return bool(items) and all((op is C.CATEGORY and val is C.CATEGORY_SPACE) or
                               (op is C.LITERAL and chr(val).isspace()) for op, val in items)


def _seq(items: Any, at_start: bool) -> tuple[frozenset[str] | None, bool]:
    """(witnesses of the sequence or None, whether it surely ends at a token boundary)."""
    candidates: list[frozenset[str]] = []
    state = at_start  # are we at the start of a token?
    run = ""
    run_ok = False

    def close_run() -> None:
        nonlocal run
        if run and run_ok:
            candidates.append(frozenset([run.lower()]))
        run = ""

    for op, av in items:
        if op is C.LITERAL:
            ch = chr(av)
            if ch.isalpha():
                if not run:
                    run_ok = state
                run += ch
                state = False
                continue
            close_run()
            if ch.isdigit():
                candidates.append(frozenset([DIGIT]))
            state = True
            continue
        close_run()
        if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
            continue
        if op is C.IN:
            if _is_digit_class(av):
                candidates.append(frozenset([DIGIT]))
                state = True
            else:
                state = _is_space_class(av)
            continue
        if op is C.SUBPATTERN:
            w, end = _seq(av[-1], state)
            if w is not None:
                candidates.append(w)
            state = end
            continue
        if op is C.BRANCH:
            union: set[str] = set()
            ok = True
            ends = True
            for alt in av[1]:
                w, end = _seq(alt, state)
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
            w, end = _seq(body, state)
            if lo >= 1 and w is not None:
                candidates.append(w)
            if lo >= 1:
                state = end
            else:
                state = state and end  # matched zero times: unchanged; else: as the body ends
            continue
        if op is C.CATEGORY and av is C.CATEGORY_DIGIT:
            candidates.append(frozenset([DIGIT]))
            state = True
            continue
        state = False  # ANY, NOT_LITERAL, GROUPREF, ...: unknown
    close_run()
    if not candidates:
        return None, state
    return min(candidates, key=_cost), state


def witnesses(pattern: str, flags: int = re.IGNORECASE) -> frozenset[str] | None:
    """Words (token starts, lowercased) of which every match contains one; None if unknown."""
    parsed = P.parse(pattern, flags)
    w, _ = _seq(parsed, True)
    return w
