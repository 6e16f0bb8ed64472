"""Parsed rule files kept between runs (part of the ground: imports nothing of the package).

Reading the TOML rule files took about 33 ms at every start of `timeline extract` (5-6 ms
from here; more under load), a tenth of its fixed cost; the parsed data of each file is stored in the user's cache
directory under the sha256 of the file's text, so an edited rule file is simply read again.
The file is named after the exact Python version (whose `tomllib` parsed it and whose
`marshal` wrote it), holds plain data written with marshal (nothing in it runs on load) after
a sha256 of its bytes (which finds damage, not forgery: the cache is trusted as far as the
directory it lives in, as Python's .pyc files are), and is replaced atomically. Anything
unexpected (a missing, unreadable or damaged file, a directory that cannot be written, a
read-only install) falls back to parsing: the data are the same either way, only the start
is slower. Each call returns data of its own (unmarshalled afresh), as parsing would.

TIMELINE_CACHE_DIR names the directory (default: $XDG_CACHE_HOME/timeline or
~/.cache/timeline); set it to an empty string to keep nothing between runs.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

_store: dict[str, tuple[str, bytes]] | None = None  # "lang/name" -> (sha256 of the text, marshalled data)


def cache_dir() -> Path | None:
    """The directory of the caches, or None when caching is off or has no place (no absolute
    directory)."""
    where = os.environ.get("TIMELINE_CACHE_DIR")
    if where is None:
        base = os.environ.get("XDG_CACHE_HOME") or ""
        if not os.path.isabs(base):  # unset, or relative (which the XDG rules say to ignore)
            base = os.path.join(os.path.expanduser("~"), ".cache")
        where = os.path.join(base, "timeline")
    if not where or not os.path.isabs(where):
        return None
    return Path(where)


def cache_path() -> Path | None:
    where = cache_dir()
    return None if where is None else where / f"rules-{sys.implementation.cache_tag}-{sys.hexversion:x}.bin"


def read_checked(path: Path) -> Any:
    """What `write_checked` stored at `path` (plain data), or None when the file is missing,
    not a regular file, damaged or unreadable."""
    try:  # (non-blocking, and only a regular file: a FIFO put there must not hang the start)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                return None
            blob = fh.read()
        digest, payload = blob[:32], blob[32:]
        if hashlib.sha256(payload).digest() != digest:
            return None
        return marshal.loads(payload)
    except (OSError, ValueError, EOFError, TypeError):
        return None


def write_checked(path: Path, data: Any) -> None:
    """Store plain data at `path` (marshal, after its sha256), atomically; never fails (a cache
    not written only slows the next start)."""
    try:
        payload = marshal.dumps(data)
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # (only when the cache is written)

        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(hashlib.sha256(payload).digest() + payload)
            os.replace(tmp, path)  # readers see the old file or the new one, never half
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
    except Exception:  # read-only home, full disk, ...
        pass


def _load(path: Path) -> dict[str, tuple[str, bytes]]:
    data = read_checked(path)
    return data if isinstance(data, dict) else {}


def _save(path: Path, store: dict[str, tuple[str, bytes]]) -> None:
    write_checked(path, dict(sorted(store.items())))


def parsed(key: str, text: str, parse: Callable[[str], dict[str, Any]]) -> dict[str, Any]:
    """`parse(text)`, or what it gave in an earlier run for the same key and the same text."""
    global _store
    path = cache_path()
    if path is None:
        return parse(text)
    if _store is None:
        _store = _load(path)
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    entry = _store.get(key)
    if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == digest and isinstance(entry[1], bytes):
        try:
            data = marshal.loads(entry[1])
            if isinstance(data, dict):
                return data
        except (ValueError, EOFError, TypeError):
            pass
    data = parse(text)
    try:
        blob = marshal.dumps(data)
    except ValueError:  # a value marshal cannot keep (a TOML date): parsed at every start
        return data
    _store[key] = (digest, blob)
    _save(path, _store)
    return data


def _reset() -> None:
    """Forget what was loaded (for tests)."""
    global _store
    _store = None
