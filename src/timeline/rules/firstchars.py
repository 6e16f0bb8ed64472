"""The characters a match can start with, handed to the regex engine as its search shortcut.

`re` skips, in C, every position whose character cannot start a match when a compiled
pattern's info block carries that set (SRE_INFO_CHARSET); it finds the set only for a pattern
that opens with a plain character or class. Every rule pattern opens with a look-behind
(`(?<![\\w'’])`) and most are case-insensitive, so the engine tried the whole pattern at every
position of every window scanned: the largest single cost of `timeline extract`. This module
works the set out from the parsed pattern and puts it into the info block; what a match is
does not change (the engine still runs the whole pattern at each position it tries, and the
set is a superset of the characters that can start a match), only the positions skipped.

The set is exact below U+0800 (Latin, Greek, Cyrillic and the other alphabets, the digits
and punctuation of English text), found by running the engine itself over those characters,
so that case folding is the engine's own ("k" matches the Kelvin sign, "s" the long s), and
holds every character from U+0800 on, untested: a superset is always safe, and testing each
of the 1.1 million characters for every pattern would cost more at a start without the cache
than the set saves.
A pattern that can match the empty string, or opens with something this module does not
follow (a back-reference, a negated class, "."), is left as the compiler made it.
"""
from __future__ import annotations

from typing import Any

try:  # the engine's internals (CPython 3.11+): without them nothing is changed
    import _sre
    from re import _compiler, _parser
    from re import _constants as _c
except ImportError:  # pragma: no cover - another implementation
    _sre = None  # type: ignore[assignment]

_BELOW = 0x800  # characters below this are tested one by one; those from it on are all kept
_universe: str | None = None
_item_chars: dict[tuple[int, str], frozenset[int]] = {}  # (flags, item) -> the characters it matches


def _first(data: Any, flags: int, out: list[tuple[int, Any]]) -> bool | None:
    """Add to `out` the (flags, item) pairs one of which matches a match's first character;
    True if the sequence can match without consuming anything, None if it cannot be told."""
    for op, av in data:
        if op is _c.LITERAL:
            out.append((flags, (op, av)))
            return False
        if op is _c.IN:
            if any(o is _c.NEGATE for o, _ in av):
                return None
            out.append((flags, (op, av)))
            return False
        if op is _c.SUBPATTERN:
            _group, add, remove, sub = av
            empty = _first(sub.data, (flags | add) & ~remove, out)
        elif op is _c.ATOMIC_GROUP:
            empty = _first(av.data, flags, out)
        elif op is _c.BRANCH:
            empty = False
            for alt in av[1]:
                e = _first(alt.data, flags, out)
                if e is None:
                    return None
                empty = empty or e
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            low, _high, sub = av
            e = _first(sub.data, flags, out)
            if e is None:
                return None
            empty = e or low == 0
        elif op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):  # zero-width: they only narrow the set
            continue
        else:  # ANY, NOT_LITERAL, a back-reference, a conditional: not followed
            return None
        if empty is None:
            return None
        if not empty:
            return False
    return True


def _chars_of(flags: int, item: tuple[Any, Any]) -> frozenset[int]:
    """The characters below _BELOW that `item` matches under `flags`, as the engine decides."""
    global _universe
    key = (flags, repr(item))
    found = _item_chars.get(key)
    if found is None:
        if _universe is None:
            _universe = "".join(map(chr, range(_BELOW)))  # (surrogates included: a str may hold them)
        sub = _parser.SubPattern(_parser.State(), [item])
        sub.state.flags = flags
        code = _compiler._code(sub, flags)
        matcher = _sre.compile("", flags, code, 0, {}, (None,))
        found = _item_chars[key] = frozenset(map(ord, matcher.findall(_universe)))
    return found


def _big_charset(chars: set[int]) -> list[int]:
    """The engine's two-level bitmap (BIGCHARSET) of `chars` and of every character from
    _BELOW to U+FFFF: one look-up for any character, where a list of ranges was read to its
    end for every character not in the set (as re._compiler._optimize_charset builds it)."""
    charmap = bytearray(65536)
    for ch in chars:
        charmap[ch] = 1
    charmap[_BELOW:] = b"\x01" * (65536 - _BELOW)
    blocks: dict[bytes, int] = {}
    mapping = bytearray(256)
    data = bytearray()
    for i in range(0, 65536, 256):
        chunk = bytes(charmap[i:i + 256])
        if chunk not in blocks:
            blocks[chunk] = len(blocks)
            data += chunk
        mapping[i // 256] = blocks[chunk]
    return [len(blocks), *_compiler._bytes_to_codes(mapping), *_compiler._mk_bitmap(data)]


def with_start_set(code: list[int], parsed: Any, flags: int) -> list[int]:
    """`code` (what the compiler made of `parsed`) with the characters a match can start with
    in its info block, when the compiler found no shortcut of its own and the set can be
    worked out; else `code` itself."""
    if _sre is None or not code or code[0] != _c.INFO or code[2] != 0 or code[3] == 0:
        return code  # (a prefix or set found already, or a pattern that can match "")
    items: list[tuple[int, Any]] = []
    if _first(parsed.data, flags | parsed.state.flags, items) is not False:
        return code
    if any(f & _c.SRE_FLAG_LOCALE for f, _ in items):
        return code
    chars = set().union(*(_chars_of(f, item) for f, item in items))
    charset = [(_c.BIGCHARSET, _big_charset(chars)), (_c.RANGE, (0x10000, 0x10FFFF))]
    info = [_c.INFO, 0, _c.SRE_INFO_CHARSET, code[3], code[4]]
    _compiler._compile_charset(charset, flags, info)
    info[1] = len(info) - 1
    return info + code[1 + code[1]:]
