"""The parser made ready in another process while this one does other work (wall clock only).

Importing spaCy and loading the model take about half a second of one core. A build that
will parse (`pipeline.build_timeline` with the "shown" syntax, one job) starts `Background`
before its per-article stage: a forked process imports and loads the parser meanwhile, on the
other core, and then parses what `parse_many` sends it. The parses are the same (the same
model, the same spans; a pool's workers parse the same way), and the CPU is the same, spent
in another process. The process ignores Ctrl-C (`syntax.forked`: the caller stops it,
`close`, also on an error or an interrupt) and ends when the caller's end of its pipe closes.
"""
from __future__ import annotations

from typing import Any, Callable, Sequence

from . import Parse


class Background:
    """A forked process that loads the parser at once and parses on request."""

    def __init__(self) -> None:
        from multiprocessing import Pipe

        from .forked import start

        self._conn, child = Pipe()
        self._proc = start(_serve, child, self._conn)
        child.close()
        self._used = False

    def parse_many(self, items: Sequence[tuple[str, tuple[int, int]]],
                   meanwhile: Callable[[], object] | None = None) -> list[Parse | None]:
        """`syntax.parse_many(items)`, run in the process (`meanwhile()` is called here while
        it runs); its error is raised here."""
        self._used = True
        self._conn.send(list(items))
        if meanwhile is not None:
            meanwhile()
        try:
            ok, result = self._conn.recv()
        except EOFError:
            raise RuntimeError("the parser's process ended without its parses") from None
        if not ok:
            raise result
        return result  # type: ignore[no-any-return]

    def close(self, wait: float = 0.0) -> None:
        """Close its pipe and reap it: it ends by itself when idle (within `wait` seconds), else
        it is ended (at once when it is still loading or parsing)."""
        from .forked import stop

        self._conn.close()
        stop(self._proc, wait)

    def __enter__(self) -> "Background":
        return self

    def __exit__(self, kind: object, *exc: object) -> None:
        from .forked import WAIT

        self.close(WAIT if kind is None and self._used else 0.0)  # (one never asked may still be loading)


def _serve(conn: Any, parent_end: Any) -> None:
    parent_end.close()
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
