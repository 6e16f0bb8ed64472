#!/usr/bin/env python3
"""Speed of `timeline build` against `timeline extract` on the same articles, in the same run.

For each TLS topic (news stories of Timeline17: haiti 286 articles, H1N1 401, ...):

1. In one process: `pipeline.analyse` alone (what extract does per article) and
   `pipeline.article_stage` (analyse, then events and their order within the article), over
   all articles of the topic; the ratio. Target: the per-article stage about 2x analyse.
2. Whole process, as a user runs it: `timeline extract --format tsv --out DIR` and
   `timeline build --format json --out DIR` on the topic's folder (start-up included, no chart);
   the ratio. Target: build within 4x extract.

Each time is the best of --repeat runs, the two sides of a ratio taken in turn, so that the
load of a shared machine moves both; the targets are judged on CPU seconds (user + system),
which the other work of a shared machine moves much less than wall-clock seconds (shown too).

    python benchmarks/build_speed.py [--topics haiti,H1N1] [--repeat 3]

Needs ../shared (the development data); says so and exits 2 when it is absent. Exits 1 when a
target is missed.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TLS = ROOT.parent / "shared" / "data" / "tls"
STAGE_TARGET, BUILD_TARGET = 2.0, 4.0


def _clock() -> tuple[float, float]:
    """(wall, CPU) seconds so far, CPU counting this process and the children it waited for."""
    own = time.process_time()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.perf_counter(), own + children.ru_utime + children.ru_stime


def _since(start: tuple[float, float]) -> tuple[float, float]:
    now = _clock()
    return now[0] - start[0], now[1] - start[1]


def _best(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    return min(a[0], b[0]), min(a[1], b[1])


def in_process(folder: Path, repeat: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """(wall, CPU) seconds of analyse alone and of article_stage over the articles of `folder`
    (best of `repeat`)."""
    sys.path.insert(0, str(ROOT / "src"))
    from timeline.pipeline import read_documents
    from timeline.pipeline import article_stage
    from timeline.time.analysis import analyse

    docs = list(read_documents([str(folder)]))
    article_stage(docs[0])  # the rules and models are loaded once
    best_analyse = best_stage = (float("inf"), float("inf"))
    for _ in range(repeat):
        start = _clock()
        for d in docs:
            analyse(d)
        best_analyse = _best(best_analyse, _since(start))
        start = _clock()
        for d in docs:
            article_stage(d)
        best_stage = _best(best_stage, _since(start))
    return best_analyse, best_stage


def whole_process(folder: Path, repeat: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """(wall, CPU) seconds of `timeline extract` and of `timeline build --format json` (best of
    `repeat`)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as after `pip install .`: bytecode is cached
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    with tempfile.TemporaryDirectory() as tmp:
        commands = [[sys.executable, "-m", "timeline", "extract", str(folder), "--format", "tsv", "--out", f"{tmp}/x"],
                    [sys.executable, "-m", "timeline", "build", str(folder), "--format", "json", "--out", f"{tmp}/b", "-q"]]
        for cmd in commands:  # warm-up: bytecode, disk cache
            subprocess.run(cmd, check=True, capture_output=True, env=env)
        best = [(float("inf"), float("inf"))] * 2
        for _ in range(repeat):
            for n, cmd in enumerate(commands):
                start = _clock()
                subprocess.run(cmd, check=True, capture_output=True, env=env)
                best[n] = _best(best[n], _since(start))
    return best[0], best[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--topics", default="haiti,H1N1")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    if not TLS.is_dir():
        print(f"benchmarks/build_speed.py: {TLS} not found; this benchmark needs ../shared", file=sys.stderr)
        return 2
    ok = True
    for topic in args.topics.split(","):
        folder = TLS / topic / "articles"
        n = len(list(folder.glob("*.txt")))
        analyse_s, stage_s = in_process(folder, args.repeat)
        extract_s, build_s = whole_process(folder, args.repeat)
        stage_ok, build_ok = stage_s[1] / analyse_s[1] <= STAGE_TARGET, build_s[1] / extract_s[1] <= BUILD_TARGET
        ok &= stage_ok and build_ok
        print(f"{topic} ({n} articles), seconds CPU (wall)")
        print(f"  in process:    analyse {analyse_s[1]:6.2f} ({analyse_s[0]:6.2f})   article_stage {stage_s[1]:6.2f} "
              f"({stage_s[0]:6.2f})   {stage_s[1] / analyse_s[1]:4.1f}x (target <= {STAGE_TARGET:g}x: "
              f"{'met' if stage_ok else 'NOT met'})")
        print(f"  whole process: extract {extract_s[1]:6.2f} ({extract_s[0]:6.2f})   build --format json "
              f"{build_s[1]:6.2f} ({build_s[0]:6.2f})   {build_s[1] / extract_s[1]:4.1f}x (target <= {BUILD_TARGET:g}x: "
              f"{'met' if build_ok else 'NOT met'})", flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
