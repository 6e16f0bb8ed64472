"""Running the per-article stage on many cores or a cluster, with existing engines only.

`pool_map` uses a process pool of the standard library (concurrent.futures); `dask_map` maps
the articles over a dask.distributed cluster (the optional extra `timeline[dask]`): the
scheduler at an address, or a LocalCluster started for the run. Both return the results in
the order of the documents, so the timeline is byte-identical to a run in one process.
"""
from __future__ import annotations

import os
from typing import Callable, Sequence, TypeVar

from .time.anchor import Policy
from .model import Document, Event, Timex

Result = tuple[tuple[Timex, ...], list[Event]]
Stage = Callable[[Document, Policy, bool], Result]  # the per-article stage (pipeline.article_stage)
T = TypeVar("T")
CHUNK = 8  # articles sent to a worker at a time: fewer round trips, still an even spread


def _stage_chunk(stage: Stage, docs: Sequence[Document], policy: Policy, syntax: bool = False) -> list[Result]:
    return [stage(d, policy, syntax) for d in docs]


def _chunks(docs: Sequence[Document], size: int) -> list[Sequence[Document]]:
    return [docs[i:i + size] for i in range(0, len(docs), size)]


AUTO_MIN_ARTICLES = 16  # fewer articles are done before a pool of processes has started
AUTO_MAX_JOBS = 8


def auto_jobs(articles: int) -> int:
    """Processes for `articles` when the user names no number: one per CPU core this process
    may use (up to AUTO_MAX_JOBS), for AUTO_MIN_ARTICLES articles or more; else one."""
    import os

    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, AUTO_MAX_JOBS)) if articles >= AUTO_MIN_ARTICLES else 1


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
        for chunk, results in zip(chunks, pool.map(_stage_chunk, [stage] * len(chunks), chunks, [policy] * len(chunks),
                                                    [syntax] * len(chunks))):
            out.extend(results)
            if progress is not None:
                for d in chunk:
                    progress(d)
    except BaseException:  # Ctrl-C: stop the workers now, not after the queue drains
        pool.shutdown(wait=False, cancel_futures=True)
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
        out = list(pool.map(_apply, [fn] * len(tasks), tasks))
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return out


def _apply(fn: Callable[..., T], task: tuple) -> T:
    return fn(*task)


def _quiet_worker() -> None:
    """Workers leave Ctrl-C to the main process, which stops them (no traceback per worker),
    and set aside what they inherited from it: a forked worker's garbage collector would
    otherwise walk (and, touching reference counts, copy) the parent's whole heap - every
    article and result the parent holds - again and again."""
    import gc
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.freeze()


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
