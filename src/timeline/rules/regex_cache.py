"""Compiled rule patterns kept between runs, as Python keeps compiled bytecode in .pyc files.

The rule patterns are macro-expanded alternations (about 47,000 characters in all); parsing
and compiling them took 0.09 s at every start, and finding the words each rule needs
(`prefilter`, which parses them once more) another 0.04 s: a third of the fixed cost of
`timeline extract`. Both are stored in the user's cache directory: the compiled form of
each pattern (the regex engine's code, the bytes of an array of its words, with the group names) under the
pattern's own text, and derived data under a digest of everything it was derived from, so
that an edited rule or module is simply computed again. The file is named after the exact
Python version and the engine's magic number, holds plain data written with marshal (the
format of .pyc files; nothing in it runs on load) after a sha256 of its bytes (which finds
damage, not forgery: like a .pyc file, the cache is trusted as far as the directory it lives
in), and is replaced atomically; derived data is checked for its shape before use. Anything unexpected (another Python, a missing, unreadable or damaged
file, a directory that cannot be written) falls back to computing: the results are the same
either way, only the start is slower.

TIMELINE_CACHE_DIR names the directory (default: $XDG_CACHE_HOME/timeline or
~/.cache/timeline); set it to an empty string to keep nothing between runs.
"""
from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path
from typing import Any, Callable, TypeVar

from .cache import cache_dir, read_checked, write_checked
from .casefold import spelled_out
from .firstchars import with_start_set

T = TypeVar("T")

try:  # the engine under `re` (CPython 3.11+); without it every pattern is compiled as usual
    import _sre
    from array import array
    from functools import partial
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _MAGIC: int | None = int(_sre.MAGIC) if array("I").itemsize == _sre.CODESIZE else None
    # the engine's code kept as the bytes of an array of its words: loaded 20x faster than a
    # list of integers (the patterns are about a million bytes)
    _CODE = partial(array, "I")
except (ImportError, AttributeError):  # pragma: no cover - another implementation
    _MAGIC = None

# ("re", pattern, flags) -> what re.compile hands to the engine: (flags, code, groups,
# groupindex, indexgroup); ("derived", kind, "") -> (sha256 of the material, value)
# the kind of the entries of compiled patterns: a new one whenever casefold.py or firstchars.py
# changes the code they make (an entry of another kind is only slower, never wrong: those
# changes keep every match as it was)
_KIND = "re+fast2"
_store: dict[tuple[str, str, Any], Any] | None = None  # loaded at the first use
_used: dict[tuple[str, str, Any], Any] = {}
_missed = False


def cache_path() -> Path | None:
    """The cache file, or None when caching is off or has no place (no absolute directory)."""
    if _MAGIC is None:
        return None
    where = cache_dir()
    if where is None:
        return None
    tag = f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{_MAGIC}"
    return where / f"patterns-{tag}.bin"


def _load() -> dict[tuple[str, str, Any], Any]:
    path = cache_path()
    data = None if path is None else read_checked(path)
    return data if isinstance(data, dict) else {}


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - as re.compile
    """`re.compile(pattern, flags)`, from the cache when it holds this pattern."""
    global _store, _missed
    if _MAGIC is None:
        return re.compile(pattern, flags)
    if _store is None:
        _store = _load()
    key = (_KIND, pattern, int(flags))
    entry = _store.get(key)
    if entry is not None:
        try:
            all_flags, code, groups, groupindex, indexgroup = entry
            compiled = _sre.compile(pattern, all_flags, _CODE(code).tolist(), groups, groupindex, indexgroup)
            _used[key] = entry
            return compiled
        except Exception:  # a damaged entry: the engine checks the code it is given
            pass
    try:  # as re._compiler.compile does, keeping what it hands to the engine
        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        try:  # the same matches in fewer steps: casefold.py, firstchars.py
            faster = _compiler._code(spelled_out(parsed, flags), flags)
            code = with_start_set(faster, parsed, flags)
        except Exception:  # (not worked out: compiled as re.compile compiles it)
            pass
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        entry = (int(flags | parsed.state.flags), _CODE(code).tobytes(), parsed.state.groups - 1,
                 groupindex, tuple(indexgroup))
        compiled = _sre.compile(pattern, entry[0], _CODE(code).tolist(), *entry[2:])
    except re.error:
        raise
    except Exception:  # the internals differ from what this module knows: compile as usual
        return re.compile(pattern, flags)
    _used[key] = entry
    _missed = True
    return compiled


def derived(kind: str, material: str | None, compute: Callable[[], T],
            valid: Callable[[Any], bool] = lambda value: True) -> T:
    """`compute()`, or what it returned in an earlier run for the same `material`: a text that
    holds everything the result depends on (the code that computes it included; None when
    that cannot be known: then nothing is kept). The result must be plain data (lists,
    tuples, sets, dicts, strings, numbers, None); a stored one is used only if `valid`."""
    global _store, _missed
    if material is None or cache_path() is None:
        return compute()
    if _store is None:
        _store = _load()
    key = ("derived", kind, "")
    digest = hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()
    entry = _store.get(key)
    if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == digest:
        try:
            ok = valid(entry[1])
        except Exception:
            ok = False
        if ok:
            _used[key] = entry
            return entry[1]  # type: ignore[no-any-return]
    value = compute()
    _used[key] = (digest, value)
    _missed = True
    return value


def flush() -> None:
    """Store the patterns compiled in this process, if any was missing from the cache. Never
    fails: a cache that cannot be written only means a slower start next time."""
    global _missed
    if not _missed:
        return
    _missed = False
    path = cache_path()
    if path is None:
        return
    write_checked(path, dict(sorted(_used.items())))


def _reset() -> None:
    """Forget what was loaded (for tests)."""
    global _store, _missed
    _store, _missed = None, False
    _used.clear()

