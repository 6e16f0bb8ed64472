"""Atomic writes: a reader, or a failure, never sees half a file (the ground: imports nothing
of the package)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable


def write_atomic(path: str | os.PathLike[str], data: bytes | str | Iterable[str]) -> None:
    """Write a file atomically: into a temporary file in the same folder, then a rename
    (readers see the old file or the new one, never half; on any failure, Ctrl-C included,
    the temporary file is removed and `path` is left as it was). `data` may be pieces of
    text, written as they come, so that a large output is never held in memory whole."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    import tempfile

    pieces = [data] if isinstance(data, (str, bytes)) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            for piece in pieces:
                fh.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
        os.replace(tmp, target)  # atomic: readers see the old file or the new one, never half
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise

