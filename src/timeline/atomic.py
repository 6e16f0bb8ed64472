"""Atomic writes: a reader, or a failure, never sees half a file (the ground: imports nothing
of the package)."""
from __future__ import annotations

import errno
import os
import stat
import threading
from pathlib import Path
from queue import SimpleQueue
from typing import Iterable, Sequence


def write_atomic(path: str | os.PathLike[str], data: bytes | str | Iterable[str]) -> None:
    """Write a file atomically: into a temporary file in the same folder, then a rename
    (readers see the old file or the new one, never half; on any failure, Ctrl-C included,
    the temporary file is removed and `path` is left as it was). `data` may be pieces of
    text, written as they come, so that a large output is never held in memory whole. The
    file gets the permissions `open(path, "w")` would give it: an existing file's own, a new
    one 0666 less the umask."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    _write_file(target, data)


def write_set_atomic(files: Sequence[tuple[str | os.PathLike[str], bytes | str | Iterable[str]]]) -> None:
    """Write several files as one output: each into a temporary file beside it, and only once
    all are written, the renames, in order. A failure while writing (a full disk, Ctrl-C)
    renames nothing and removes every temporary file: the previous set stays whole, never a
    new timeline.json beside an old timeline.txt."""
    made: list[list[str]] = []  # (each file's temporary name, known before it exists)
    ready: list[tuple[str, Path]] = []
    try:
        for path, data in files:
            target = Path(path)
            target.parent.mkdir(parents=True, exist_ok=True)
            made.append([])
            ready.append((_write_temporary(target, data, made[-1]), target))
        for k, (tmp, target) in enumerate(ready):
            os.replace(tmp, target)
            made[k].clear()
    except BaseException:
        for name in (name for names in made for name in names):
            try:
                os.unlink(name)
            except FileNotFoundError:
                pass
        raise


def _write_file(target: Path, data: bytes | str | Iterable[str]) -> None:
    """`write_atomic` into a folder that exists."""
    made: list[str] = []  # (the temporary file's name, known before it exists: Ctrl-C may come at any point)
    try:
        os.replace(_write_temporary(target, data, made), target)  # atomic: the old file or the new, never half
    except BaseException:
        for name in made:
            try:
                os.unlink(name)
            except FileNotFoundError:
                pass
        raise


def _write_temporary(target: Path, data: bytes | str | Iterable[str], made: list[str]) -> str:
    """`data` written into a new temporary file beside `target` (its name added to `made` before
    it exists), closed; its name."""
    mode = _open_mode(target)
    fd, tmp = _temporary(target, made)
    os.fchmod(fd, mode)  # (mkstemp makes it 0600, whatever the umask)
    if isinstance(data, (str, bytes)):  # one piece: written as it is, without a file object's
        try:  # buffer (nor its checks: fewer calls to the system, a writer thread waits less)
            view = memoryview(data.encode("utf-8") if isinstance(data, str) else data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
    else:
        with os.fdopen(fd, "wb") as fh:
            for piece in data:
                fh.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
    return tmp


class WriteError(Exception):
    """A write of `AtomicWriter` that failed: the file's path and the exception it raised."""

    def __init__(self, path: Path, cause: BaseException) -> None:
        super().__init__(f"{path}: {cause}")
        self.path, self.cause = path, cause


class AtomicWriter:
    """`write_atomic` for many files, done in order by one thread beside the caller: making a
    file and renaming it wait on the file system longer than the writing takes (a tenth of
    `timeline extract --out` over TimeBank), and the caller goes on meanwhile. Each file is written as
    `write_atomic` writes it. The first failure stops the writes after it (the files written
    are those before it, as with one `write_atomic` after another) and is raised as a
    `WriteError` by the next `write` or by `close`. Leaving a `with` block by an error writes
    what was asked for first; by Ctrl-C, drops the writes not yet begun and waits for the one
    under way, which ends whole or leaves nothing."""

    def __init__(self) -> None:
        self._queue: SimpleQueue[tuple[Path, bytes | str] | None] = SimpleQueue()
        self._failed: WriteError | None = None
        self._abandon = False
        self._thread: threading.Thread | None = None
        self._done = threading.Event()  # set by the thread when it ends

    def write(self, path: str | os.PathLike[str], data: bytes | str) -> None:
        if self._failed is not None:
            raise self._failed
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="timeline-writer")
            self._thread.start()
        self._queue.put((Path(path), data))

    def close(self) -> None:
        """Wait for every write; raise the first failure."""
        if self._thread is not None:
            thread, self._thread = self._thread, None
            self._queue.put(None)
            try:
                while not self._done.wait(0.05):
                    pass
            except BaseException:  # Ctrl-C while waiting: no more files; the one under way ends whole
                self._abandon = True
                self._wait_out()
                raise
            thread.join()
        if self._failed is not None:
            raise self._failed

    def _wait_out(self) -> None:
        """Wait for the thread to end, a second Ctrl-C or not: it must not be left writing (an
        interrupted Thread.join marks the thread stopped on Python 3.11 while it still runs, so
        its end is read from an event)."""
        while True:
            try:
                if self._done.wait(0.05):
                    return
            except KeyboardInterrupt:
                continue

    def __enter__(self) -> "AtomicWriter":
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: object, tb: object) -> None:
        if kind is None or issubclass(kind, Exception):
            # (the files asked for before an error are written, as they were before it; a write
            # that failed first is what is reported)
            self.close()
            return
        self._abandon = True  # Ctrl-C: no more files (read by the thread before each write)
        try:
            self.close()
        except WriteError:
            pass  # the interruption is what is reported

    def _run(self) -> None:
        made: set[Path] = set()  # the folders known to exist
        try:
            while (item := self._queue.get()) is not None:
                if self._failed is not None or self._abandon:
                    continue
                path, data = item
                try:
                    if path.parent not in made:
                        path.parent.mkdir(parents=True, exist_ok=True)
                        made.add(path.parent)
                    _write_file(path, data)
                except BaseException as exc:  # (reported to the caller by write or close)
                    self._failed = WriteError(path, exc)
        finally:
            self._done.set()


_NEW = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def _temporary(target: Path, made: list[str]) -> tuple[int, str]:
    """A new file beside `target`, open, that no other writer has: made as tempfile.mkstemp
    makes it (a random name, O_EXCL, mode 0600), without importing tempfile (and shutil and
    random with it: a twentieth of the start of `timeline extract`). Its name goes into `made`
    before it is made, so that an interruption at any point leaves it to be removed."""
    for _ in range(100):
        tmp = os.path.join(target.parent, f".{target.name}.{os.urandom(6).hex()}.tmp")
        made[:] = [tmp]
        try:
            return os.open(tmp, _NEW, 0o600), tmp
        except FileExistsError:
            made.clear()  # (another writer's: not ours to remove)
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
