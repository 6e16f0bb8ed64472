"""Atomic writes: a reader, or a failure, never sees half a file (the ground: imports nothing
of the package)."""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Iterable


def write_atomic(path: str | os.PathLike[str], data: bytes | str | Iterable[str]) -> None:
    """Write a file atomically: into a temporary file in the same folder, then a rename
    (readers see the old file or the new one, never half; on any failure, Ctrl-C included,
    the temporary file is removed and `path` is left as it was). `data` may be pieces of
    text, written as they come, so that a large output is never held in memory whole. The
    file gets the permissions `open(path, "w")` would give it: an existing file's own, a new
    one 0666 less the umask."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    pieces = [data] if isinstance(data, (str, bytes)) else data
    mode = _open_mode(target)
    fd, tmp = _temporary(target)
    try:
        os.fchmod(fd, mode)  # (mkstemp makes it 0600, whatever the umask)
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


_NEW = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def _temporary(target: Path) -> tuple[int, str]:
    """A new file beside `target`, open, that no other writer has: made as tempfile.mkstemp
    makes it (a random name, O_EXCL, mode 0600), without importing tempfile (and shutil and
    random with it: a twentieth of the start of `timeline extract`)."""
    for _ in range(100):
        tmp = os.path.join(target.parent, f".{target.name}.{os.urandom(6).hex()}.tmp")
        try:
            return os.open(tmp, _NEW, 0o600), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free name for a temporary file", str(target.parent))


def _open_mode(target: Path) -> int:
    """The permission bits `open(target, "w")` leaves: those of the file it would truncate,
    else 0666 less the process's umask."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process's umask, read from /proc (`os.umask` can only read it by setting it, which
    another thread might meanwhile see); where there is no /proc, set and restored at once."""
    try:
        with open("/proc/self/status", "rb") as fh:
            for line in fh:
                if line.startswith(b"Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
