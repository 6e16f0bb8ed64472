"""The processes a build on several cores forks ahead of need (scale.WarmPool for the labels'
parse, scale.WarmProcess for the chart): what they give back, and that none outlives an error,
a Ctrl-C, or its parent."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from timeline.scale import WarmPool, WarmProcess

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
pytestmark = pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(),
                                reason="the warm processes are forked")


def _identity(x):
    return x


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def test_each_pool_hands_its_own_workers_what_it_was_made_with_even_from_two_threads():
    wrong = []

    def run(name: str) -> None:
        for _ in range(6):
            pool = WarmPool(1, int, inherit=name)
            try:
                got = pool.submit_inherited(_identity).result()
            finally:
                pool.close()
            if got != name:
                wrong.append((name, got))

    threads = [threading.Thread(target=run, args=(n,)) for n in "AB"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert wrong == []


def test_a_pool_has_no_more_workers_than_cores():
    pool = WarmPool.start(64, int)
    try:
        assert pool is not None and len(pool._pool._processes) <= (os.cpu_count() or 1)
    finally:
        pool.close()


def test_a_fork_that_fails_gives_no_pool_and_leaves_no_worker_behind():
    code = textwrap.dedent("""
        import os
        from timeline.scale import WarmPool
        real, calls = os.fork, [0]
        def fork():
            calls[0] += 1
            if calls[0] == 2:
                raise BlockingIOError(11, "Resource temporarily unavailable")
            return real()
        os.fork = fork
        print(WarmPool.start(2, int))
    """)
    if (os.cpu_count() or 1) < 2:
        pytest.skip("one core: the pool forks once")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "None", done.stderr


def test_an_aborted_process_is_stopped_now_not_waited_for():
    drawer = WarmProcess(lambda: time.sleep(60))
    started = time.monotonic()
    drawer.close(abort=True)
    assert time.monotonic() - started < 5 and not _alive(drawer._process.pid)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the parent's death signal is Linux's")
def test_the_workers_end_when_their_parent_is_killed():
    code = textwrap.dedent("""
        import time
        from timeline.scale import WarmPool, WarmProcess
        pool = WarmPool(1, lambda: time.sleep(60))
        drawer = WarmProcess(lambda: time.sleep(60))
        print(*pool._pool._processes, drawer._process.pid, flush=True)
        time.sleep(60)
    """)
    parent = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    pids = [int(p) for p in parent.stdout.readline().split()]
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 10
    while any(_alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(pids) == 2 and not any(_alive(p) for p in pids)


def test_a_chart_whose_drawer_was_killed_is_drawn_here():
    from timeline.formats.outputs import load_plotting, render_outputs
    from timeline.pipeline import build_timeline, read_documents

    tl = build_timeline(list(read_documents([str(SEEDS)])))
    here = render_outputs(tl, ["txt", "png"], False)
    drawer = WarmProcess(load_plotting)
    os.kill(drawer._process.pid, signal.SIGKILL)
    drawer._process.join()
    try:
        there = render_outputs(tl, ["txt", "png"], False, drawer=drawer)
        assert b"".join(there["timeline.png"]) == here["timeline.png"]
    finally:
        drawer.close()


def test_forking_gives_a_caller_back_the_signal_mask_it_had():
    from timeline.scale import pool_apply

    seen = []

    def run() -> None:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        pool_apply(divmod, [(7, 2), (9, 4)], 2)
        seen.append(signal.pthread_sigmask(signal.SIG_BLOCK, set()))

    t = threading.Thread(target=run)
    t.start()
    t.join()
    assert signal.SIGINT in seen[0]


def test_sigterm_stops_a_build_without_leaving_temporary_files(tmp_path):
    """A polite kill (SIGTERM) is a Ctrl-C of its own: the files being written are removed, the
    workers stop, one line is printed, and the process ends by SIGTERM (143 in a shell)."""
    out = tmp_path / "out"
    articles = tmp_path / "many"
    articles.mkdir()
    seed = (SEEDS / "001_4fbe5cb1b068faab.txt").read_text(encoding="utf-8")
    for i in range(1000):
        (articles / f"a{i:04d}.txt").write_text(f"{seed}\nCopy {i}.\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "timeline", "build", str(articles), "--out", str(out), "-q", "-j", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(3)
    assert proc.poll() is None, "the build finished before it could be stopped"
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGTERM
    assert err.strip().splitlines()[-1] == "timeline: terminated" and "Traceback" not in err
    assert not out.exists() or not any(out.iterdir())
