"""Case-insensitive letters of a pattern spelled out as classes, so the regex engine's quick
checks apply to them.

Where an alternation's branch opens with a plain character or class, `re` looks at the next
character before it enters the branch; a case-insensitive letter is compiled to an operation
that check does not know, so in a case-insensitive pattern (the rules, the tagger's finder
of needed words) every branch of every word list was entered at every position tried. Here
each cased letter under IGNORECASE becomes the class of exactly the characters the engine
would match it with ("k": k, K and the Kelvin sign), compiled case-sensitively: the same
matches, found with fewer steps. The classes are found by the engine itself, over every
code point, once per process that compiles patterns (about 0.1 s; the compiled patterns are
kept between runs by regex_cache).
"""
from __future__ import annotations

from typing import Any

try:  # the engine's internals (CPython 3.11+): without them nothing is changed
    import _sre
    from re import _compiler, _parser
    from re import _constants as _c
except ImportError:  # pragma: no cover - another implementation
    _sre = None  # type: ignore[assignment]

_classes: dict[int, tuple[int, ...]] = {}  # a letter -> the characters (?i) matches it with
_everything: str | None = None


def _universe() -> str:
    global _everything
    if _everything is None:
        from array import array

        _everything = array("I", range(0x110000)).tobytes().decode("utf-32-le", "surrogatepass")
    return _everything


def _fill(letters: set[int]) -> None:
    """Work out the classes of `letters`: which characters each matches case-insensitively,
    as the engine decides (one scan of every code point for all of them, then each alone)."""
    import re

    todo = sorted(letters - _classes.keys())
    if not todo:
        return
    union = re.compile("[" + "".join(re.escape(chr(c)) for c in todo) + "]", re.IGNORECASE)
    found = "".join(sorted(set(union.findall(_universe()))))
    for c in todo:
        one = re.compile(re.escape(chr(c)), re.IGNORECASE)
        _classes[c] = tuple(sorted(ord(ch) for ch in one.findall(found)))


def _letters(data: Any, flags: int, out: set[int]) -> None:
    for op, av in data:
        if op is _c.LITERAL:
            if flags & _c.SRE_FLAG_IGNORECASE and _sre.unicode_iscased(av):
                out.add(av)
        elif op is _c.SUBPATTERN:
            _letters(av[3].data, (flags | av[1]) & ~av[2], out)
        elif op is _c.BRANCH:
            for alt in av[1]:
                _letters(alt.data, flags, out)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            _letters(av[2].data, flags, out)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            _letters(av[1].data, flags, out)
        elif op is _c.ATOMIC_GROUP:
            _letters(av.data, flags, out)
        elif op is _c.GROUPREF_EXISTS:
            _letters(av[1].data, flags, out)
            if av[2] is not None:
                _letters(av[2].data, flags, out)


def _spell(sub: Any, flags: int) -> None:
    data = sub.data
    for i, (op, av) in enumerate(data):
        if op is _c.LITERAL:
            if flags & _c.SRE_FLAG_IGNORECASE and _sre.unicode_iscased(av):
                chars = _classes[av]
                inner = _parser.SubPattern(sub.state, [(_c.IN, [(_c.LITERAL, ch) for ch in chars])])
                data[i] = (_c.SUBPATTERN, (None, 0, _c.SRE_FLAG_IGNORECASE, inner))
        elif op is _c.SUBPATTERN:
            _spell(av[3], (flags | av[1]) & ~av[2])
        elif op is _c.BRANCH:
            for alt in av[1]:
                _spell(alt, flags)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            _spell(av[2], flags)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            _spell(av[1], flags)
        elif op is _c.ATOMIC_GROUP:
            _spell(av, flags)
        elif op is _c.GROUPREF_EXISTS:
            _spell(av[1], flags)
            if av[2] is not None:
                _spell(av[2], flags)


def spelled_out(parsed: Any, flags: int) -> Any:
    """`parsed` (a parsed pattern, changed in place) with its case-insensitive letters
    spelled out as classes, when it is a Unicode pattern (not ASCII, not LOCALE)."""
    flags |= parsed.state.flags
    if _sre is None or flags & (_c.SRE_FLAG_LOCALE | _c.SRE_FLAG_ASCII) or not flags & _c.SRE_FLAG_UNICODE:
        return parsed
    letters: set[int] = set()
    _letters(parsed.data, flags, letters)
    if letters:
        _fill(letters)
        _spell(parsed, flags)
    return parsed
