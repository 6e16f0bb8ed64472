"""Writing the command line's outputs: one file, or a build's set of files as one, and the
check of an output folder before a long build. Errors become one line (UserError)."""
from __future__ import annotations

from pathlib import Path

from .console import UserError


def write_file(path: Path, data: bytes | str) -> None:
    """`data` written to `path` atomically; an error is one line."""
    from ..atomic import write_atomic

    try:
        write_atomic(path, data)
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None


def writable_folder(out: Path) -> None:
    """A clear error now, not after a long build, for an output folder that cannot be: one
    under a plain file ("--out notes.txt/run1")."""
    at = out
    while not at.exists() and at != at.parent:
        at = at.parent
    if at.exists() and not at.is_dir():
        raise UserError(f"cannot write {out}: {at} is a file, not a folder")


def write_set(out: Path, tl, outputs: dict) -> None:  # type: ignore[no-untyped-def]
    """timeline.json and the other outputs written as one: all or none (a full disk leaves the
    previous set whole, not a new JSON beside an old log)."""
    from ..atomic import write_set_atomic
    from ..formats.codec import json_pieces
    from ..formats.outputs import FORMAT_FILES

    try:
        write_set_atomic([(out / FORMAT_FILES["json"], json_pieces(tl)),
                          *((out / name, data) for name, data in outputs.items())])
    except OSError as exc:
        raise UserError(f"cannot write {exc.filename or out}: {exc.strerror or exc}") from None
