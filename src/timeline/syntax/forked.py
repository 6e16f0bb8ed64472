"""Work done in a forked copy of this process while this one does other work (wall clock only):
the parser loaded while the articles are read (`background`), the chart drawn while the
timeline's JSON is written (`formats.outputs`).

The copy shares what this process holds (no pickling of its input), sends its result back
through a pipe, ignores Ctrl-C (the caller stops it: `Forked.close`, also on an error or an
interrupt) and sets the objects it inherited aside from its collector. `can_fork` says when
forking is safe: on Linux, with no other thread running (a fork copies no thread, and a lock
another held would stay held in the copy)."""
from __future__ import annotations

import sys
from typing import Any, Callable


def can_fork() -> bool:
    import threading

    return sys.platform == "linux" and threading.active_count() == 1


def start(target: Callable[..., None], *args: Any) -> Any:
    """A forked process running `target(*args)` after `quiet()`, started with Ctrl-C held back
    until it has set Ctrl-C aside."""
    import signal
    from multiprocessing import get_context

    proc = get_context("fork").Process(target=_quietly, args=(target, *args), daemon=True)
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        proc.start()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
    return proc


def _quietly(target: Callable[..., None], *args: Any) -> None:
    import gc
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # (the caller stops it)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    gc.freeze()  # (what it inherited stays as it is: no collection walks it, nor copies its pages)
    target(*args)


def stop(proc: Any, wait: float = 0.0) -> None:
    """Reap the process once it has ended by itself, within `wait` seconds (its work done and
    its pipe closed), else end it now (after an error or an interrupt: it may be busy)."""
    if wait:
        proc.join(wait)
    if proc.is_alive():
        proc.kill()
    proc.join()


class Forked:
    """`fn(*args)` computed in a forked process; `result()` waits for it (its error is raised
    here), `close()` ends it."""

    def __init__(self, fn: Callable[..., Any], *args: Any) -> None:
        from multiprocessing import Pipe

        self._conn, child = Pipe(duplex=False)
        self._proc = start(_call, child, self._conn, fn, args)
        child.close()

    def result(self) -> Any:
        try:
            ok, value = self._conn.recv()
        except EOFError:
            raise RuntimeError("the forked process ended without its result") from None
        if not ok:
            raise value
        return value

    def close(self, wait: float = 0.0) -> None:
        self._conn.close()
        stop(self._proc, wait)

    def __enter__(self) -> "Forked":
        return self

    def __exit__(self, kind: object, *exc: object) -> None:
        self.close(WAIT if kind is None else 0.0)


WAIT = 5.0  # seconds a process whose work is done is given to end by itself (then it is ended)


def _call(conn: Any, parent_end: Any, fn: Callable[..., Any], args: tuple) -> None:  # type: ignore[type-arg]
    parent_end.close()
    try:
        value = fn(*args)
    except Exception as exc:
        conn.send((False, exc))
    else:
        conn.send((True, value))
