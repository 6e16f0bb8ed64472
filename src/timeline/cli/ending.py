"""How an interrupted run ends: Ctrl-C (SIGINT) or a polite kill (SIGTERM) stops the work as an
exception (the atomic writers then remove their temporary files, the worker pools are stopped),
prints one line, and ends the process by that same signal, as an interrupted program should."""
from __future__ import annotations

import os
import signal
import sys


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the work is, like Ctrl-C's KeyboardInterrupt (every path that stops
    cleanly on Ctrl-C does on it)."""


def on_sigterm() -> None:
    """SIGTERM raises `Terminated` in the main thread from now on (by default it ends the process
    at once, leaving the temporary files of the outputs being written)."""

    def raise_terminated(signum: int, frame: object) -> None:
        raise Terminated()

    try:
        signal.signal(signal.SIGTERM, raise_terminated)
    except (ValueError, OSError):  # (not the main thread: as it was)
        pass


def interrupted(exc: BaseException) -> None:  # pragma: no cover - runs as the process ends
    """The one line an interrupted run prints; the process then ends by its signal at once
    (`_end_by`). The work has stopped by then (the temporary files are removed, the workers
    stopped, and they die with this process in any case: `scale._quiet_worker`); Python's own
    end would first wait for the pools' threads, and one whose worker was stopped while it
    sent a result waits for the rest of it for ever (a build hung so, one run in a few dozen
    under load, after Ctrl-C or SIGTERM)."""
    # (click hands a KeyboardInterrupt on as its Abort, the interrupt its cause)
    term = any(isinstance(e, Terminated) for e in (exc, exc.__cause__, exc.__context__))
    print("timeline: terminated" if term else "timeline: interrupted", file=sys.stderr)
    sys.excepthook = _no_traceback
    _end_by(signal.SIGTERM if term else signal.SIGINT)


def _no_traceback(kind, value, tb) -> None:  # type: ignore[no-untyped-def]  # pragma: no cover
    """Ctrl-C ends the process as an interrupted program should: Python, finding the
    KeyboardInterrupt unhandled, first stops the worker processes and then ends itself by the
    signal, so that the shell sees 130 (143) and a script looping over builds stops too (an
    exit(130) would let the loop go on). What the user sees is the one line `run` printed, not a
    traceback."""
    if not issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)


def _end_by(signum: int) -> None:  # pragma: no cover - runs as the process ends
    """The last step of an interrupted run: the process ends by the signal itself. Python would,
    for SIGINT, finding the KeyboardInterrupt unhandled, but not when it came while a pool was
    handing out work (it ended with status 1 then, one run in a few under load)."""
    sys.stdout.flush()
    sys.stderr.flush()
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)
