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

DIGIT = "#d"  # "#dN": a run of at least N digits (N <= 4); "#dN/": such a run, then "/"
_COMMON = frozenset("the a an of in on at to by for and or this that these last next early late mid "
                    "over about some just more less than at".split())


def _cost(words: frozenset[str]) -> int:
    cost = 0
    for w in words:
        if w.startswith(DIGIT):
            # news is full of numbers, short ones most: a list of words is usually rarer; a
            # number with the sign after it ("#d1/": "3/15", "#d1:": "9:30") much rarer
            plain = {1: 60, 2: 45, 3: 30}.get(int(w[2]), 12)
            cost += plain if len(w) == 3 else (plain // 2 if w[3] in ".,-" else 3)
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


def _seq(items: Any, at_start: bool, opaque: dict[int, frozenset[str]] | None = None,
         digit_ops: dict[int, int] | None = None) -> tuple[frozenset[str] | None, bool]:
    """(witnesses of the sequence or None, whether it surely ends at a token boundary).

    `opaque` maps group numbers that stand for a macro to the macro's own witnesses."""
    candidates, state = _seq_all(items, at_start, opaque, digit_ops)
    return (min(candidates, key=_cost) if candidates else None), state


def _seq_all(items: Any, at_start: bool, opaque: dict[int, frozenset[str]] | None = None,
             digit_ops: dict[int, int] | None = None) -> tuple[list[frozenset[str]], bool]:
    """(every word set of which each match of the sequence holds one, whether it surely ends at
    a token boundary): `_seq` keeps the rarest of them. `digit_ops`: the macro groups that
    match digits only, and how many at least."""
    opaque = opaque or {}
    digit_ops = digit_ops or {}
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
        digits = digit_ops.get(av[0]) if op is C.SUBPATTERN and av[0] in digit_ops else _digits_min(op, av)
        if digits is not None and op not in (C.ASSERT, C.ASSERT_NOT, C.AT):
            close_run()
            streak += digits
            if digits:
                state = False  # a letter right after a digit starts no token ("1Q12": no word "q" there)
            continue
        if op in (C.ASSERT, C.ASSERT_NOT, C.AT):
            continue
        if op is C.LITERAL and streak > 0 and not chr(av).isalnum() and not chr(av).isspace():
            # the digits end where this sign follows them: "#d1/" ("3/15"), a rarer word than "#d1"
            candidates.append(frozenset([f"{DIGIT}{min(streak, 4)}{chr(av)}"]))
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
            w, end = _seq(av[-1], state, opaque, digit_ops)
            if w is not None:
                candidates.append(w)
            state = end
            continue
        if op is C.BRANCH:
            union: set[str] = set()
            ok = True
            ends = True
            for alt in av[1]:
                w, end = _seq(alt, state, opaque, digit_ops)
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
            w, end = _seq(body, state, opaque, digit_ops)
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
    return candidates, state


def witnesses(pattern: str, flags: int = re.IGNORECASE,
              macros: dict[str, frozenset[str] | int | None] | None = None) -> frozenset[str] | None:
    """Words (token starts, lowercased) of which every match contains one; None if unknown.

    With `macros`, the pattern may hold groups named after macros ((?P<name>\ue000)) whose
    witnesses are known already, which spares parsing the expanded lexicons again."""
    parsed = P.parse(pattern, flags)
    opaque, digit_ops = _opaque(parsed, macros)
    w, _ = _seq(parsed, True, opaque, digit_ops)
    return w


def _opaque(parsed: Any, macros: dict[str, frozenset[str] | int | None] | None
            ) -> tuple[dict[int, frozenset[str]], dict[int, int]]:
    """The groups that stand for a macro: their witnesses, and for those that match digits
    only (given as a number: at least that many digits), that number."""
    opaque: dict[int, frozenset[str]] = {}
    digit_ops: dict[int, int] = {}
    for name, gid in parsed.state.groupdict.items():
        w = (macros or {}).get(name)
        if isinstance(w, int) and not isinstance(w, bool) and w > 0:
            digit_ops[gid] = w
            opaque[gid] = frozenset([f"{DIGIT}{min(w, 4)}"])
        elif isinstance(w, frozenset):
            opaque[gid] = w
    return opaque, digit_ops


def digits_only(pattern: str) -> int | None:
    """How many digits every match of a pattern is made of at least, if it is made of digits
    only ("0?[1-9]|1[0-2]": 1); else None."""
    n = _seq_digits(P.parse(pattern))
    return n if n else None


MAX_BRANCHES = 24  # a pattern's alternatives are spelled out up to this many


def _spell_out(items: list[Any], opaque: dict[int, frozenset[str]]) -> list[list[Any]] | None:
    """The sequence once per alternative of its first alternation (looking into groups, whose
    items are spliced in: a group of a pattern adds no word), or None if it has none:
    "(?:A|B)C" -> "AC", "BC"."""
    for i, (op, av) in enumerate(items):
        if op is C.BRANCH and all(all(o in (C.ASSERT, C.ASSERT_NOT, C.AT) for o, _ in alt) for alt in av[1]):
            continue  # alternative look-arounds ("(?:(?<=on )|(?<=by ))"): nothing to spell out
        if op is C.BRANCH:
            return [items[:i] + list(alt) + items[i + 1:] for alt in av[1]]
        if op is C.SUBPATTERN and av[0] not in opaque:
            inner = _spell_out(list(av[-1]), opaque)
            if inner is not None:
                return [items[:i] + alt + items[i + 1:] for alt in inner]
    return None


def conditions(pattern: str, flags: int = re.IGNORECASE,
               macros: dict[str, frozenset[str] | int | None] | None = None) -> list[list[frozenset[str]]] | None:
    """What a text must hold where a match is: one of the alternatives (the pattern's
    alternations spelled out, up to MAX_BRANCHES), each a list of word sets of which the
    match holds one word each; None if some alternative needs no word at all."""
    parsed = P.parse(pattern, flags)
    opaque, digit_ops = _opaque(parsed, macros)
    done: list[list[Any]] = []
    todo = [list(parsed)]
    while todo:
        seq = todo.pop()
        alts = _spell_out(seq, opaque)
        if alts is None or len(done) + len(todo) + len(alts) > MAX_BRANCHES:
            done.append(seq)
        else:
            todo.extend(reversed(alts))
    out = []
    for seq in done:
        sets, _ = _seq_all(seq, True, opaque, digit_ops)
        if not sets:
            return None
        out.append(sorted(set(sets), key=lambda s: (_cost(s), sorted(s))))
    return out


_UNBOUNDED = 10**6
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None))


SPACEISH = " \t\n\r\f\v-\u2013\u2014"  # what a "run of white space" may hold: white space and dashes ("[-\s]+")


def _run_kind(items: Any) -> int | None:
    """Is a repeated body one character of a run the text's longest run of it bounds: 0 white
    space or dashes ("\\s", "[-\\s]"), 1 digits ("\\d", "[0-9]"); None if neither."""
    items = list(items)
    if len(items) != 1:
        return None
    op, av = items[0]
    if op is C.CATEGORY:
        return 0 if av is C.CATEGORY_SPACE else 1 if av is C.CATEGORY_DIGIT else None
    if op is not C.IN or not av:
        return None
    if all((o is C.CATEGORY and v is C.CATEGORY_SPACE) or (o is C.LITERAL and (chr(v).isspace() or chr(v) in SPACEISH))
           for o, v in av):
        return 0
    return 1 if _is_digit_class(av) else None


def _extent(items: Any, weights: tuple[int, int, int], widths: Any = ()) -> tuple[int, int]:
    """(the most a sequence consumes, the furthest it looks ahead of its start), counting a
    character, a run of white space and a run of digits by `weights`; _UNBOUNDED when there
    is no bound."""
    char = weights[0]
    width = reach = 0
    for op, av in items:
        if op in (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN, C.CATEGORY):
            width += char
        elif op is C.AT:
            continue
        elif op in (C.ASSERT, C.ASSERT_NOT):
            if av[0] == 1:  # a look-ahead reads on from here; a look-behind reads what is before the match
                reach = max(reach, width + _extent(av[1], weights, widths)[1])
            continue
        elif op is C.SUBPATTERN:
            w, r = _extent(av[-1], weights, widths)
            reach = max(reach, width + r)
            width += w
        elif op is C.BRANCH:
            ext = [_extent(alt, weights, widths) for alt in av[1]]
            reach = max(reach, width + max(r for _, r in ext))
            width += max(w for w, _ in ext)
        elif op in _REPEATS:
            lo, hi, body = av
            w, r = _extent(body, weights, widths)
            if hi == C.MAXREPEAT:
                kind = _run_kind(body)
                if kind is None:
                    return _UNBOUNDED, _UNBOUNDED
                w = r = weights[1 + kind]  # a run, as long as the text's longest of its kind
                hi = 1
            reach = max(reach, width + (hi - 1) * w + r)
            width += hi * w
        elif op is C.GROUPREF and av < len(widths) and widths[av] is not None and widths[av][1] < C.MAXREPEAT - 1:
            width += widths[av][1] * char  # "(?P=sep)": what the group took, at most its width (no run)
        else:  # the like of GROUPREF_EXISTS: no bound known
            return _UNBOUNDED, _UNBOUNDED
        if width >= _UNBOUNDED or reach >= _UNBOUNDED:
            return _UNBOUNDED, _UNBOUNDED
        reach = max(reach, width)
    return width, reach


def reach(pattern: str, flags: int = re.IGNORECASE) -> tuple[int, int, int] | None:
    """How far from any character of a match the regex reads, look-aheads included, as
    (characters, runs of white space, runs of digits): in a text whose longest run of white
    space (and dashes: SPACEISH) is s and longest run of digits d, every match and what it
    looks at lies within characters + spaces * (s - 1) + digits * (d - 1) of each of its
    characters. None when no bound is known ("[a-z]+")."""
    parsed = P.parse(pattern, flags)
    widths = parsed.state.groupwidths
    chars = _extent(parsed, (1, 1, 1), widths)[1]
    if chars >= _UNBOUNDED:
        return None
    return chars, _extent(parsed, (0, 1, 0), widths)[1], _extent(parsed, (0, 0, 1), widths)[1]


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
