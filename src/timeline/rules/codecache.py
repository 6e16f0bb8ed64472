"""The code of the methods `dataclasses` writes for each class, kept between runs (as Python
keeps a module's bytecode in a .pyc file).

A dataclass's __init__, __repr__, __eq__, __hash__ and __setattr__ are written as source text
and compiled at every start: compiling those 180 small functions was a third of the import
time of `timeline extract`. The command line (and only it: a library does not change how its
caller's classes are made) has `dataclasses` run its texts through `_exec`, which keeps each
text's code object, marshalled as a .pyc holds it, in the user's cache directory under the
text itself; what runs is the code the text compiles to, so the classes are the same. The file
is named after the exact Python version, holds a sha256 of its bytes and is replaced
atomically (`cache.write_checked`); like a .pyc, it is trusted as far as the directory it
lives in. Anything unexpected (no cache directory, a damaged file or entry) compiles as usual.
"""
from __future__ import annotations

import builtins
import marshal
import sys
from pathlib import Path
from typing import Any

from .cache import cache_dir, read_checked, write_checked

_store: dict[str, bytes] | None = None  # source text -> marshalled code (loaded at the first use)
_used: dict[str, bytes] = {}
_missed = False


def _path() -> Path | None:
    where = cache_dir()
    return None if where is None else where / f"dataclass-code-{sys.implementation.cache_tag}-{sys.hexversion:x}.bin"


def _load() -> dict[str, bytes]:
    path = _path()
    data = None if path is None else read_checked(path)
    return data if isinstance(data, dict) else {}


def _exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:  # noqa: A002 - as exec
    """`exec(source, globals, locals)`, a text compiled from the cache when it holds it."""
    global _store, _missed
    if globals is None:  # (exec in dataclasses' own frame would use its module's globals)
        import dataclasses

        globals = vars(dataclasses)  # noqa: A001
    if isinstance(source, str):
        if _store is None:
            _store = _load()
        blob = _store.get(source)
        code = None
        if isinstance(blob, bytes):
            try:
                code = marshal.loads(blob)
            except (ValueError, EOFError, TypeError):
                code = None
        if code is None or type(code).__name__ != "code":
            code = compile(source, "<string>", "exec")
            blob = marshal.dumps(code)
            _missed = True
        _used[source] = blob  # type: ignore[assignment]
        source = code
    builtins.exec(source, globals, locals)


def install() -> None:
    """Have `dataclasses` compile through the cache from now on, in this process, and store
    what was compiled anew when the process ends (nothing when caching is off)."""
    import dataclasses

    if _path() is None or "exec" in vars(dataclasses):
        return
    dataclasses.exec = _exec  # type: ignore[attr-defined]  # (a module global: found before the builtin)
    import atexit

    atexit.register(save)


def save() -> None:
    """Store the code used in this process, if any was compiled anew (never fails)."""
    global _missed
    path = _path()
    if _missed and path is not None:
        _missed = False
        kept = {**(_store or {}), **_used} if len(_store or ()) < 5000 else _used  # (other commands' classes too)
        write_checked(path, dict(sorted(kept.items())))
