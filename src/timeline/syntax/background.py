"""The parser made ready in another process while this one does other work (wall clock only).

Importing spaCy and loading the model take about half a second of one core. A build that
will parse (`pipeline.build_timeline` with the "shown" syntax, one job) starts `Background`
before its per-article stage: a forked process imports and loads the parser meanwhile, on the
other core, and then parses what `parse_many` sends it. The parses are the same (the same
model, the same spans; a pool's workers parse the same way), and the CPU is the same, spent
in another process. The process ignores Ctrl-C (the caller stops it: `close`, also on an
error or an interrupt) and ends when the caller's end of its pipe closes.
"""
from __future__ import annotations

from typing import Any, Sequence

from . import Parse


class Background:
    """A forked process that loads the parser at once and parses on request."""

    def __init__(self) -> None:
        import signal
        from multiprocessing import get_context

        ctx = get_context("fork")
        self._conn, child = ctx.Pipe()
        self._proc = ctx.Process(target=_serve, args=(child, self._conn), daemon=True)
        # (Ctrl-C held back while it forks: the process sets it aside before it can arrive)
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            self._proc.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        child.close()

    def parse_many(self, items: Sequence[tuple[str, tuple[int, int]]]) -> list[Parse | None]:
        """`syntax.parse_many(items)`, run in the process; its error is raised here."""
        self._conn.send(list(items))
        ok, result = self._conn.recv()
        if not ok:
            raise result
        return result  # type: ignore[no-any-return]

    def close(self) -> None:
        """Stop the process (at once when it is still loading or parsing)."""
        if self._proc.is_alive():
            self._proc.kill()
        self._proc.join()
        self._conn.close()

    def __enter__(self) -> "Background":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _serve(conn: Any, parent_end: Any) -> None:
    import gc
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # (the caller stops it)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    parent_end.close()
    gc.freeze()  # (what it inherited stays as it is: no collection walks it, nor copies its pages)
    from . import load, parse_many

    failed: BaseException | None = None
    try:
        load()
    except Exception as exc:  # (told on the first request, as a load here would have raised it)
        failed = exc
    while True:
        try:
            items = conn.recv()
        except EOFError:
            return
        if failed is not None:
            conn.send((False, failed))
            continue
        try:
            conn.send((True, parse_many(items)))
        except Exception as exc:
            conn.send((False, exc))
