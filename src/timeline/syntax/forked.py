"""Work done in a forked copy of this process while this one does other work (wall clock only):
the parser loaded while the articles are read (`background`).

The copy shares what this process held when it forked (nothing of it is pickled), ignores
Ctrl-C (the caller stops it: `stop`, also on an error or an interrupt) and sets the objects it
inherited aside from its collector. (Only a fork from a small process is cheap: the pages
both then write are copied, so a fork once the timeline is built, to draw the chart while the
JSON is written, cost 0.2 s more CPU on IraqWar for 0.3 s less wall clock, and is not done.) `can_fork` says when
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


WAIT = 5.0  # seconds a process whose work is done is given to end by itself (then it is ended)
