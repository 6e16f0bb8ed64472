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
load of a shared machine moves both.

    python benchmarks/build_speed.py [--topics haiti,H1N1] [--repeat 3]

Needs ../shared (the development data); says so and exits 2 when it is absent. Exits 1 when a
target is missed.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TLS = ROOT.parent / "shared" / "data" / "tls"
STAGE_TARGET, BUILD_TARGET = 2.0, 4.0


def in_process(folder: Path, repeat: int) -> tuple[float, float]:
    """Seconds of analyse alone and of article_stage over the articles of `folder` (best of `repeat`)."""
    sys.path.insert(0, str(ROOT / "src"))
    from timeline.io import read_documents
    from timeline.pipeline import analyse, article_stage

    docs = list(read_documents([str(folder)]))
    article_stage(docs[0])  # the rules and models are loaded once
    best_analyse = best_stage = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for d in docs:
            analyse(d)
        best_analyse = min(best_analyse, time.perf_counter() - t0)
        t0 = time.perf_counter()
        for d in docs:
            article_stage(d)
        best_stage = min(best_stage, time.perf_counter() - t0)
    return best_analyse, best_stage


def whole_process(folder: Path, repeat: int) -> tuple[float, float]:
    """Wall seconds of `timeline extract` and of `timeline build --format json` (best of `repeat`)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as after `pip install .`: bytecode is cached
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    with tempfile.TemporaryDirectory() as tmp:
        commands = [[sys.executable, "-m", "timeline", "extract", str(folder), "--format", "tsv", "--out", f"{tmp}/x"],
                    [sys.executable, "-m", "timeline", "build", str(folder), "--format", "json", "--out", f"{tmp}/b", "-q"]]
        for cmd in commands:  # warm-up: bytecode, disk cache
            subprocess.run(cmd, check=True, capture_output=True, env=env)
        best = [float("inf"), float("inf")]
        for _ in range(repeat):
            for n, cmd in enumerate(commands):
                t0 = time.perf_counter()
                subprocess.run(cmd, check=True, capture_output=True, env=env)
                best[n] = min(best[n], time.perf_counter() - t0)
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
        stage_ok, build_ok = stage_s / analyse_s <= STAGE_TARGET, build_s / extract_s <= BUILD_TARGET
        ok &= stage_ok and build_ok
        print(f"{topic} ({n} articles)")
        print(f"  in process:    analyse {analyse_s:6.2f} s   article_stage {stage_s:6.2f} s   "
              f"{stage_s / analyse_s:4.1f}x (target <= {STAGE_TARGET:g}x: {'met' if stage_ok else 'NOT met'})")
        print(f"  whole process: extract {extract_s:6.2f} s   build --format json {build_s:6.2f} s   "
              f"{build_s / extract_s:4.1f}x (target <= {BUILD_TARGET:g}x: {'met' if build_ok else 'NOT met'})",
              flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
