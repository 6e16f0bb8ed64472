#!/usr/bin/env python3
"""What a story costs: `timeline build` against `timeline extract` on the same articles.

The extraction of time expressions is the floor of a build; the story issue's target is a
whole `build` (events, their order, happenings across articles, ranking, timeline.json, the
log and the chart: the default outputs) within 4x the time of `extract` on the same
articles, in the same run, and linear in the number of articles. Both run as a user runs them:
whole processes, start-up included, each the best of `--repeat` runs (this machine is shared,
and its load moves single runs by a third); the CPU seconds of each (user + system, the best of
the runs) are printed beside, steadier under that load. The target is read on the wall clock,
for each `--jobs` asked: by default the build in one process, as extract runs (-j 1), and the
build as a user runs it by default, with one process per core (-j 0; extract has no such
option). On a machine of few cores the two differ by what the build's serial steps let the
other cores do (loading the parser and the plotting library while the story is made, the
per-article work spread).

Corpora: each Timeline17 topic in ../shared/data/tls (when present), and a synthetic story of
2,000 articles from twelve outlets over a month (tests/storygen.py), with 500 of them for the
growth: 4x the articles should take about 4x the time.

    python benchmarks/story_cost.py [--repeat 3] [--synthetic 2000] [--no-tls] [--jobs 1,0]
"""
from __future__ import annotations

import argparse
import atexit
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TLS = ROOT.parent / "shared" / "data" / "tls"
TARGET = 4.0
sys.path.insert(0, str(ROOT / "tests"))
from userenv import user_env  # noqa: E402 (benchmarks/ is the script's own directory)

_CACHE = Path(tempfile.mkdtemp(prefix="story-cost-cache-"))  # the rules' caches of these runs (userenv.py)
atexit.register(shutil.rmtree, _CACHE, True)



def timed(args: list[str], repeat: int) -> tuple[float, float]:
    """The best wall-clock seconds of `repeat` runs, and the best CPU seconds (user + system,
    of the process and any it starts): on a shared machine the CPU time moves far less with the
    load than the wall clock does."""
    best, best_cpu = float("inf"), float("inf")
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "timeline", *args], check=True, cwd=ROOT, env=user_env(_CACHE),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        best_cpu = min(best_cpu, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return best, best_cpu


def measure(name: str, folder: Path, n: int, repeat: int, jobs: list[str]) -> tuple[str, int, float, float, list[float]]:
    """The corpus's extract (wall, CPU), and its build's wall clock with each of `jobs`."""
    with tempfile.TemporaryDirectory() as out:
        extract, extract_cpu = timed(["extract", str(folder), "--format", "tsv"], repeat)
        builds = [timed(["build", str(folder), "--out", out, "-q", "-j", j], repeat) for j in jobs]
    return name, n, extract, extract_cpu, [b for b, _ in builds] + [c for _, c in builds[:1]]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--synthetic", type=int, default=2000, help="articles of the synthetic story (0: none)")
    ap.add_argument("--no-tls", action="store_true", help="skip the Timeline17 topics")
    ap.add_argument("--jobs", default="1,0", help="build's -j, one or several (default 1,0: one process, as "
                                                   "extract runs, and the default of one per core)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as warm:  # bytecode and the rules' caches written once, as after an install
        timed(["build", str(ROOT / "seeds"), "--out", warm, "-q"], 1)
    rows = []
    jobs = args.jobs.split(",")
    if not args.no_tls:
        if TLS.is_dir():
            for topic in sorted(p.name for p in TLS.iterdir() if (p / "articles").is_dir()):
                folder = TLS / topic / "articles"
                rows.append(measure(f"tls/{topic}", folder, sum(1 for _ in folder.glob("*.txt")), args.repeat, jobs))
        else:
            print(f"benchmarks/story_cost.py: {TLS} is absent; the Timeline17 topics are skipped", file=sys.stderr)
    if args.synthetic:
        from storygen import write_story

        with tempfile.TemporaryDirectory() as tmp:
            for n in sorted({max(args.synthetic // 4, 1), args.synthetic}):
                folder = Path(tmp) / f"story{n}"
                write_story(folder, n)
                rows.append(measure(f"synthetic {n}", folder, n, args.repeat, jobs))
    cores = os.cpu_count() or 1
    print(f"extract runs in one process; build with -j {' and -j '.join(jobs)} (-j 0: one process per core, "
          f"{cores} here); best of {args.repeat}; CPU: user + system seconds of the first build")
    head = "".join(f"{'build -j ' + j + ' s':>14} {'ratio':>7}" for j in jobs)
    print(f"{'corpus':<18} {'articles':>8} {'extract s':>10}{head}   {'CPU: extract':>12} {'build':>7} {'ratio':>7}")
    worst = [0.0] * len(jobs)
    for name, n, extract, extract_cpu, times in rows:
        cols = ""
        for k, _ in enumerate(jobs):
            worst[k] = max(worst[k], times[k] / extract)
            cols += f"{times[k]:>14.2f} {times[k] / extract:>6.2f}x"
        cpu = times[len(jobs)]
        print(f"{name:<18} {n:>8} {extract:>10.2f}{cols}   {extract_cpu:>12.2f} {cpu:>7.2f} {cpu / extract_cpu:>6.2f}x")
    synth = [r for r in rows if r[0].startswith("synthetic")]
    if len(synth) == 2:
        (_, n1, _, _, t1), (_, n2, _, _, t2) = synth
        print(f"growth: {n2 / n1:.0f}x the articles took {t2[0] / t1[0]:.2f}x the build time (-j {jobs[0]})")
    for k, j in enumerate(jobs):
        print(f"target: build -j {j} within {TARGET:.0f}x extract on every corpus: "
              f"{'met' if worst[k] <= TARGET else 'not met'} (worst {worst[k]:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
