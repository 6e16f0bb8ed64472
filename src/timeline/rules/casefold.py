"""Case-insensitive letters of a pattern spelled out as classes, so the regex engine's quick
checks apply to them.

Where an alternation's branch opens with a plain character or class, `re` looks at the next
character before it enters the branch; a case-insensitive letter is compiled to an operation
that check does not know, so in a case-insensitive pattern (the rules, the tagger's finder
of needed words) every branch of every word list was entered at every position tried. Here
each cased letter under IGNORECASE that opens a branch becomes the class of exactly the characters the engine
would match it with ("k": k, K and the Kelvin sign), compiled case-sensitively: the same
matches, found with fewer steps. The classes are found by the engine itself, over every
code point, once per process that compiles patterns (about 0.1 s; the compiled patterns are
kept between runs by regex_cache).
"""
from __future__ import annotations

from typing import Any

try:  # the engine's internals (CPython 3.11+): without them nothing is changed
    import _sre
    from re import _parser
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


def _openers(sub: Any, flags: int, out: list[tuple[Any, int, int]]) -> None:
    """The case-insensitive letters that open a branch of an alternation in `sub`, anywhere
    in it, as (subpattern, index, flags) (only there does a class pay: elsewhere it would only
    make the compiled pattern three times as long, and slower to load from the cache)."""
    for op, av in sub.data:
        if op is _c.SUBPATTERN:
            _openers(av[3], (flags | av[1]) & ~av[2], out)
        elif op is _c.BRANCH:
            for alt in av[1]:
                if alt.data and alt.data[0][0] is _c.LITERAL:
                    if flags & _c.SRE_FLAG_IGNORECASE and _sre.unicode_iscased(alt.data[0][1]):
                        out.append((alt, 0, flags))
                _openers(alt, flags, out)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            _openers(av[2], flags, out)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            _openers(av[1], flags, out)
        elif op is _c.ATOMIC_GROUP:
            _openers(av, flags, out)
        elif op is _c.GROUPREF_EXISTS:
            _openers(av[1], flags, out)
            if av[2] is not None:
                _openers(av[2], flags, out)


def spelled_out(parsed: Any, flags: int) -> Any:
    """`parsed` (a parsed pattern, changed in place) with its case-insensitive letters
    spelled out as classes, when it is a Unicode pattern (not ASCII, not LOCALE)."""
    flags |= parsed.state.flags
    if _sre is None or flags & (_c.SRE_FLAG_LOCALE | _c.SRE_FLAG_ASCII) or not flags & _c.SRE_FLAG_UNICODE:
        return parsed
    found: list[tuple[Any, int, int]] = []
    _openers(parsed, flags, found)
    if found:
        _fill({sub.data[i][1] for sub, i, _ in found})
        for sub, i, _ in found:
            chars = _classes[sub.data[i][1]]
            inner = _parser.SubPattern(sub.state, [(_c.IN, [(_c.LITERAL, ch) for ch in chars])])
            sub.data[i] = (_c.SUBPATTERN, (None, 0, _c.SRE_FLAG_IGNORECASE, inner))
    return parsed
