"""Running the per-article stage on many cores or a cluster, with existing engines only.

`pool_map` uses a process pool of the standard library (concurrent.futures); `dask_map` maps
the articles over a dask.distributed cluster (the optional extra `timeline[dask]`): the
scheduler at an address, or a LocalCluster started for the run. Both return the results in
the order of the documents, so the timeline is byte-identical to a run in one process.

A book-length article (more than PART_CHARS characters: a transcript, a 20 MB dump) is read in
parts of about PART_CHARS, cut at blank lines (`split_article`), which the engines spread like
articles; `join_parts` puts their results back together as the article's. The parts are the
same whatever runs them, so the timeline still is the same in one process and in many.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Callable, Generic, Sequence, TypeVar

from .time.anchor import Policy
from .model import Document, Event, Timex

Result = tuple[tuple[Timex, ...], list[Event]]
Stage = Callable[[Document, Policy, bool], Result]  # the per-article stage (pipeline.article_stage)
T = TypeVar("T")

if TYPE_CHECKING:
    from concurrent.futures import Future
CHUNK = 8  # articles sent to a worker at a time: fewer round trips, still an even spread
PART_CHARS = 1_000_000  # a longer article is read in parts of about this many characters


def _stage_chunk(stage: Stage, docs: Sequence[Document], policy: Policy, syntax: bool = False) -> list[Result]:
    return [stage(d, policy, syntax) for d in docs]


def _chunks(docs: Sequence[Document], size: int) -> list[Sequence[Document]]:
    """The documents in runs of `size` at most, a run closed early once it holds PART_CHARS
    characters (the parts of a long article go one by one: an even spread)."""
    out: list[Sequence[Document]] = []
    start, chars = 0, 0
    for i, d in enumerate(docs):
        chars += len(d.text)
        if i + 1 - start >= size or chars >= PART_CHARS:
            out.append(docs[start:i + 1])
            start, chars = i + 1, 0
    if start < len(docs):
        out.append(docs[start:])
    return out


def split_article(doc: Document) -> list[tuple[int, Document]]:
    """The document as (offset, part) pairs: itself alone, or, when it is longer than 1.5 x
    PART_CHARS, parts of at least PART_CHARS characters each cut where a blank line begins
    (a paragraph's end: no sentence runs across it), with its furniture spans, the
    publication date and all else of the document. A text with no blank line to cut at, or
    with sentences of its own (TimeML), stays whole."""
    text = doc.text
    if len(text) <= PART_CHARS * 3 // 2 or doc.sentences:
        return [(0, doc)]
    cuts = [0]
    while len(text) - cuts[-1] > PART_CHARS * 3 // 2:
        at = text.find("\n\n", cuts[-1] + PART_CHARS)
        if at < 0:
            break
        cuts.append(at)
    if len(cuts) == 1:
        return [(0, doc)]
    from dataclasses import replace

    out = []
    for a, b in zip(cuts, cuts[1:] + [len(text)]):
        furniture = tuple((s - a, e - a) for s, e in doc.furniture if a <= s and e <= b)
        out.append((a, replace(doc, text=text[a:b], furniture=furniture)))
    return out


def join_parts(parts: Sequence[tuple[int, Result]]) -> Result:
    """The results of an article's parts (`split_article`: offset, result) as the article's:
    offsets from the article's start, the ids of times and events numbered on across the
    parts (and what refers to them), and within each frame the order of a part after that of
    the parts before it (undated events stay tied). The results are the caller's own, made for
    this (by `article_stage`, here or in a worker): their fields are set on them, not on
    copies (a copy each is seconds for the 450,000 events of a 20 MB article)."""
    from .events.envelopes import frame

    timexes: list[Timex] = []
    events: list[Event] = []
    t_base = e_base = 0
    ranks: dict[str, int] = {}  # frame -> the last rank of the parts so far
    for offset, (part_timexes, part_events) in parts:
        t_top = max((int(t.id[1:]) for t in part_timexes), default=0)  # (the part's own ids)
        e_top = max((int(e.id[1:]) for e in part_events), default=0)
        for t in part_timexes:
            _SET_TIMEX["id"](t, f"t{int(t.id[1:]) + t_base}")
            _SET_TIMEX["start"](t, t.start + offset)
            _SET_TIMEX["end"](t, t.end + offset)
            if t.anchor.startswith("timex:t"):
                _SET_TIMEX["anchor"](t, f"timex:t{int(t.anchor[7:]) + t_base}")
        top: dict[str, int] = {}
        for e in part_events:
            f = frame(e)
            if f != "undated":
                _SET_EVENT["rank"](e, e.rank + ranks.get(f, 0))
            top[f] = max(top.get(f, 0), e.rank)
            _SET_EVENT["id"](e, f"e{int(e.id[1:]) + e_base}")
            _SET_EVENT["start"](e, e.start + offset)
            _SET_EVENT["end"](e, e.end + offset)
            if e.timex is not None:
                _SET_EVENT["timex"](e, f"t{int(e.timex[1:]) + t_base}")
            if e.same_as is not None:
                _SET_EVENT["same_as"](e, f"e{int(e.same_as[1:]) + e_base}")
        ranks.update(top)
        t_base += t_top
        e_base += e_top
        timexes += part_timexes
        events += part_events
    return tuple(timexes), events


_SET_TIMEX = {n: Timex.__dict__[n].__set__ for n in ("id", "start", "end", "anchor")}  # (frozen: the slots' own setters)
_SET_EVENT = {n: Event.__dict__[n].__set__ for n in ("id", "start", "end", "timex", "same_as", "rank")}


AUTO_MIN_ARTICLES = 16  # fewer articles are done before a pool of processes has started
AUTO_MAX_JOBS = 8


def auto_jobs(articles: int, chars: int = 0) -> int:
    """Processes for `articles` of `chars` characters in all when the user names no number: one
    per CPU core this process may use (up to AUTO_MAX_JOBS), for AUTO_MIN_ARTICLES articles or
    more, or as much text as two parts of a long article (`split_article`); else one."""
    many = articles >= AUTO_MIN_ARTICLES or chars > PART_CHARS * 3 // 2
    return max(1, min(cores(), AUTO_MAX_JOBS)) if many else 1


def cores() -> int:
    """The CPU cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def pool_map(stage: Stage, docs: Sequence[Document], policy: Policy, jobs: int,
             progress: Callable[[Document], object] | None = None, syntax: bool = False) -> list[Result]:
    """`stage` (a module-level function: workers receive it by name) over the documents in
    `jobs` processes."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    chunks = _chunks(docs, CHUNK)
    out: list[Result] = []
    # "spawn" would re-import everything per worker; "fork" shares the loaded rules and model
    method = "fork" if "fork" in _start_methods() else None
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=get_context(method), initializer=_quiet_worker)
    try:
        with _no_interrupt():  # (the workers fork as the first task is sent: see _quiet_worker)
            done = pool.map(_stage_chunk, [stage] * len(chunks), chunks, [policy] * len(chunks), [syntax] * len(chunks))
        for chunk, results in zip(chunks, done):
            out.extend(results)
            if progress is not None:
                for d in chunk:
                    progress(d)
    except BaseException:  # Ctrl-C: stop the workers now, not after the queue drains (nor their chunk)
        _abort(pool)
        raise
    pool.shutdown()
    return out


def pool_apply(fn: Callable[..., T], tasks: Sequence[tuple], jobs: int) -> list[T]:
    """`fn(*task)` for each task in `jobs` processes (forked where the system can: they share
    what this process has loaded, such as the parser), the results in the tasks' order."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    method = "fork" if "fork" in _start_methods() else None
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=get_context(method), initializer=_quiet_worker)
    try:
        with _no_interrupt():
            done = pool.map(_apply, [fn] * len(tasks), tasks)
        out = list(done)
    except BaseException:
        _abort(pool)
        raise
    pool.shutdown()
    return out


def _abort(pool: Any) -> None:
    """The pool's queue dropped and its workers stopped now (an error or Ctrl-C): a worker
    ignores Ctrl-C, and Python would wait at exit for the chunk it is on."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    _end(processes)


def _apply(fn: Callable[..., T], task: tuple) -> T:
    return fn(*task)


class WarmPool:
    """`workers` processes forked now, each running `warm()` as it starts: they load what their
    tasks will need (the parser) while this process goes on with other work, on the cores it
    leaves idle. `apply` runs tasks on them like `pool_apply`, `submit_inherited` one task on
    what they were forked holding (`inherit`: it is not sent); `close` ends them, and with
    `abort` (an error, Ctrl-C) stops them now. `start` makes one where the system can fork."""

    def __init__(self, workers: int, warm: Callable[[], object], inherit: object = None) -> None:
        from concurrent.futures import ProcessPoolExecutor
        from multiprocessing import get_context

        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=get_context("fork"),
                                         initializer=_warm_worker, initargs=(warm, inherit))
        try:
            with _no_interrupt():  # (Ctrl-C waits until the workers are forked: see _quiet_worker)
                self._pool.submit(int)  # (forked workers are started with the first task: all of them, now)
        except BaseException:
            self.close(abort=True)
            raise

    @classmethod
    def start(cls, workers: int, warm: Callable[[], object], inherit: object = None) -> "WarmPool | None":
        """A pool of `workers` (at most one per core: each loads its own copy of what `warm`
        loads), or None where the system cannot fork, or a fork fails (the caller then works
        as without one)."""
        if workers < 1 or "fork" not in _start_methods():
            return None
        try:
            return cls(min(workers, cores()), warm, inherit)
        except OSError:
            return None

    def apply(self, fn: Callable[..., T], tasks: Sequence[tuple]) -> list[T]:
        try:
            return list(self._pool.map(_apply, [fn] * len(tasks), tasks))
        except BaseException:
            self.close(abort=True)
            raise

    def submit_inherited(self, fn: Callable[..., T], *args: object) -> "Future[T]":
        """`fn(inherit, *args)` in a worker."""
        return self._pool.submit(_on_inherited, fn, *args)

    def close(self, abort: bool = False) -> None:
        if not abort:
            self._pool.shutdown()
            return
        _abort(self._pool)


class WarmProcess:
    """One process forked now, running `warm()` as it starts (the plotting library), then
    `submit(fn, *args)` tasks one at a time: each answer is read when asked (`Answer.result`).
    No thread is left in this process meanwhile (a process that forks again later, for its
    article pool, forks only itself). `close` ends it, and with `abort` stops it now."""

    def __init__(self, warm: Callable[[], object]) -> None:
        from multiprocessing import get_context

        context = get_context("fork")
        self._conn, theirs = context.Pipe()
        self._process = context.Process(target=_warm_process, args=(warm, theirs, self._conn), daemon=True)
        with _no_interrupt():
            self._process.start()
        theirs.close()

    @classmethod
    def start(cls, warm: Callable[[], object]) -> "WarmProcess | None":
        if "fork" not in _start_methods():
            return None
        try:
            return cls(warm)
        except OSError:
            return None

    def submit(self, fn: Callable[..., T], *args: object) -> "Answer[T]":
        try:
            self._conn.send((fn, args))
        except (OSError, ValueError):  # (it died: the answer says so)
            pass
        return Answer(self._conn)

    def close(self, abort: bool = False) -> None:
        try:
            self._conn.close()  # (it reads the end of its input and ends)
        finally:
            if abort:
                _end([self._process])
            else:
                self._process.join(5)
                if self._process.is_alive():
                    _end([self._process])


class Answer(Generic[T]):
    """What a `WarmProcess` answers to a task: its result, or its exception raised here; if the
    process died, `ProcessDied`."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    def result(self) -> T:
        try:
            ok, value = self._conn.recv()
        except (EOFError, OSError) as exc:
            raise ProcessDied("the process ended before it answered") from exc
        if not ok:
            raise value
        return value  # type: ignore[no-any-return]


class ProcessDied(RuntimeError):
    pass


def _warm_process(warm: Callable[[], object], conn: Any, parents: Any) -> None:
    parents.close()
    _warm_worker(warm)
    while True:
        try:
            fn, args = conn.recv()
        except (EOFError, OSError):
            return
        try:
            answer = (True, fn(*args))
        except Exception as exc:  # (raised where it was asked)
            answer = (False, exc)
        try:
            conn.send(answer)
        except Exception as exc:  # (an answer that cannot be sent)
            conn.send((False, RuntimeError(f"{type(exc).__name__}: {exc}")))


def _end(processes: Sequence[Any]) -> None:
    """The processes stopped now (an error or Ctrl-C: what they do is not wanted)."""
    for p in processes:
        try:
            if p.is_alive():
                p.terminate()
        except (OSError, ValueError, AttributeError):
            pass
    for p in processes:
        try:
            p.join(1)
        except (OSError, ValueError, AssertionError):
            pass


_INHERITED: list[object] = []  # in a WarmPool's worker: what it was forked holding (`submit_inherited`)


def _on_inherited(fn: Callable[..., T], *args: object) -> T:
    return fn(_INHERITED[0], *args)


def _warm_worker(warm: Callable[[], object], inherit: object = None) -> None:
    """A `WarmPool` or `WarmProcess` worker: quiet (`_quiet_worker`), its collector on (it may
    fork from a process that has paused it), yielding the cores to the main process, and warmed."""
    import gc

    _quiet_worker()
    _INHERITED[:] = [inherit]
    gc.enable()
    try:
        os.nice(10)  # (this process's work comes first while both run: it is what the workers wait for)
    except OSError:
        pass
    warm()


class _no_interrupt:
    """Ctrl-C and SIGTERM held back while processes are forked (delivered as the block ends): a
    worker forked as they come would take them before it could set them aside (`_quiet_worker`),
    and print its own traceback. The workers start with them held back, and let them through
    once they ignore Ctrl-C and end on SIGTERM."""

    def __enter__(self) -> None:
        import signal

        self.before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM}) \
            if hasattr(signal, "pthread_sigmask") else None

    def __exit__(self, *exc: object) -> None:
        import signal

        if self.before is not None:  # (the mask as it was: a caller may hold Ctrl-C back itself)
            signal.pthread_sigmask(signal.SIG_SETMASK, self.before)


def _quiet_worker() -> None:
    """Workers leave Ctrl-C to the main process, which stops them (no traceback per worker),
    end when it dies (on Linux, by the parent's death signal), and set aside what they
    inherited from it: a forked worker's garbage collector would otherwise walk (and, touching
    reference counts, copy) the parent's whole heap - every article and result the parent
    holds - again and again."""
    import gc
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # (the command's own handler is its main process's)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    _die_with_parent()
    gc.freeze()


def _die_with_parent() -> None:
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    import multiprocessing

    parent = multiprocessing.parent_process()
    if parent is not None and os.getppid() != parent.pid:  # (it died before the signal was asked for)
        os._exit(1)


def _start_methods() -> list[str]:
    from multiprocessing import get_all_start_methods

    return get_all_start_methods() if os.name == "posix" else []


def dask_map(stage: Stage, docs: Sequence[Document], policy: Policy, jobs: int = 1, scheduler: str | None = None,
             progress: Callable[[Document], object] | None = None, syntax: bool = False) -> list[Result]:
    """`stage` over the documents on a dask.distributed cluster: the scheduler at `scheduler`, or a
    LocalCluster of `jobs` single-threaded worker processes for this run."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError as exc:
        raise RuntimeError("--engine dask needs dask.distributed: pip install 'timeline[dask]'") from exc
    cluster = None
    if scheduler:
        client = Client(scheduler, timeout="20s")
    else:
        cluster = LocalCluster(n_workers=max(jobs, 1), threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=50)
        # (CRITICAL only: a worker's "failed to communicate with scheduler" while the cluster
        # shuts down is logged as an error with a traceback, yet loses nothing; a failed task
        # still raises from its future)
        client = Client(cluster)
    try:
        chunks = _chunks(docs, CHUNK)
        futures = client.map(_stage_chunk, [stage] * len(chunks), chunks, policy=policy, syntax=syntax, pure=False)
        index = {f.key: i for i, f in enumerate(futures)}
        results: list[list[Result] | None] = [None] * len(chunks)
        done = as_completed(futures)
        del futures  # (each result is released on the cluster once it is here: workers do not keep them all)
        for fut in done:
            i = index[fut.key]
            results[i] = fut.result()
            fut.release()
            if progress is not None:
                for d in chunks[i]:
                    progress(d)
        return [r for chunk in results for r in (chunk or [])]
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
