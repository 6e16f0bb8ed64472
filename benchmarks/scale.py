#!/usr/bin/env python3
"""Scale: timelines of 1,000 and 10,000 articles on one machine and on a Dask LocalCluster.

The corpora are the development articles (TempEval-3 TimeBank + AQUAINT, ../shared) re-dated:
copy k of an article is published k weeks after the original (text unchanged, a new id): a
feed of 256 articles a week, so that 10,000 articles are ten times the weeks of 1,000, not ten
times as many articles a day (which would be a different news load, not a longer archive). For each corpus size it builds one
timeline with `--jobs 1`, `--jobs 2` and `--engine dask` (a LocalCluster of 2 workers) and
reports articles/s, the time of the steps across articles (matching, ordering), the CPU time of
the run (its workers included) and the CPU time other work took from the machine meanwhile
("other s": the times are wall-clock times, comparable only when it stays near zero), peak
memory, and checks that the three timelines are byte-identical. Then how time grows from 1k to
10k. A run of 1,000 articles lasts 15-30 s, so a burst of other work on a shared machine moves
it by a third; each mode of the smallest size therefore runs `--repeat` times (3) and the growth
is taken against the median of those runs (the wall time, and the CPU time beside it).

    python benchmarks/scale.py [--sizes 1000,10000] [--no-dask] [--repeat 3]

Targets: 10,000 articles in under 10 minutes on 2 cores; time(10k) <= 11 x time(1k); peak
memory < 1.5 GB. Needs ../shared; says so and exits 2 when it is absent.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import resource
import statistics
import sys
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRAIN = ROOT.parent / "shared" / "data" / "tempeval3" / "train"
TARGET_MINUTES, TARGET_GROWTH, TARGET_MB = 10.0, 11.0, 1500.0


def corpus(size: int):  # type: ignore[no-untyped-def]
    from timeline.pipeline import read_documents

    base = list(read_documents(sorted(str(p) for p in TRAIN.rglob("*.tml"))))
    out = []
    for i in range(size):
        d = base[i % len(base)]
        k = i // len(base)
        out.append(replace(d, id=f"{d.id}~{k}", dct=d.dct + timedelta(weeks=k) if d.dct else None))
    return out


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def cpu_s() -> float:
    """CPU seconds of this process and of its finished children (the pool or cluster workers)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def machine_s() -> float | None:
    """CPU seconds the machine has been busy (every process) plus those the hypervisor took
    from it (steal), from /proc/stat; None where there is none."""
    try:
        with open("/proc/stat", encoding="ascii") as fh:
            ticks = [int(x) for x in fh.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = (ticks + [0] * 8)[:8]
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def run(docs, jobs: int, engine: str):  # type: ignore[no-untyped-def]
    from timeline.formats.codec import iter_json
    from timeline.pipeline import build_timeline

    timings: dict[str, float] = {}
    cpu0, machine0 = cpu_s(), machine_s()
    t0 = time.perf_counter()
    tl = build_timeline(docs, jobs=jobs, engine=engine, timings=timings)
    total = time.perf_counter() - t0
    cpu, machine1 = cpu_s() - cpu0, machine_s()
    # what else ran on the cores meanwhile (another user's work, the hypervisor): the times
    # are wall-clock times, so they are only comparable when this stays near zero
    timings["cpu"] = cpu
    timings["other"] = max(machine1 - machine0 - cpu, 0.0) if machine0 is not None and machine1 is not None else -1
    # the bytes `timeline build` writes to timeline.json, hashed as they are streamed out
    # (as the command streams them into its file), not held in memory at once
    sha = hashlib.sha256()
    for piece in iter_json(tl):
        sha.update(piece.encode("utf-8"))
    return total, timings, sha.hexdigest()[:16], len(tl.events), len(tl.matches)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--no-dask", action="store_true", help="skip the Dask LocalCluster runs")
    ap.add_argument("--repeat", type=int, default=3,
                    help="runs of each mode at the smallest size; growth is against their median")
    args = ap.parse_args()
    if not TRAIN.is_dir():
        print(f"scale: {TRAIN} is absent (../shared is not here); nothing to measure", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT / "src"))
    sizes = [int(s) for s in args.sizes.split(",")]
    modes = [("--jobs 1", 1, "local"), ("--jobs 2", 2, "local")] + ([] if args.no_dask else [("dask local x2", 2, "dask")])
    print(f"machine: {os.cpu_count()} cores")
    print(f"{'articles':>8} {'mode':14} {'total s':>8} {'art/s':>7} {'articles s':>10} {'match s':>8} "
          f"{'order s':>8} {'cpu s':>7} {'other s':>7} {'events':>8} {'matches':>8} digest")
    by_size: dict[int, dict[str, float]] = {}
    cpu_by_size: dict[int, dict[str, float]] = {}
    ok = True
    for size in sizes:
        docs = corpus(size)
        digests = set()
        for name, jobs, engine in modes:
            walls, cpus = [], []
            for _ in range(max(args.repeat, 1) if size == min(sizes) and len(sizes) > 1 else 1):
                total, t, digest, n_events, n_matches = run(docs, jobs, engine)
                digests.add(digest)
                walls.append(total)
                cpus.append(t["cpu"])
                print(f"{size:8d} {name:14} {total:8.1f} {size / total:7.1f} {t.get('articles', 0):10.1f} "
                      f"{t.get('match', 0):8.2f} {t.get('order', 0):8.2f} {t['cpu']:7.1f} {t['other']:7.1f} "
                      f"{n_events:8d} {n_matches:8d} {digest}")
            by_size.setdefault(size, {})[name] = statistics.median(walls)
            cpu_by_size.setdefault(size, {})[name] = statistics.median(cpus)
        same = len(digests) == 1
        ok &= same
        print(f"{'':8} timelines of every mode byte-identical: {'yes' if same else 'NO'}")
    mb = peak_mb()
    print(f"peak memory (largest process): {mb:.0f} MB (target < {TARGET_MB:.0f} MB): "
          f"{'met' if mb < TARGET_MB else 'NOT met'}")
    if len(sizes) >= 2:
        lo, hi = sizes[0], sizes[-1]
        for name, *_ in modes:
            growth = by_size[hi][name] / by_size[lo][name]
            cpu_growth = cpu_by_size[hi][name] / cpu_by_size[lo][name]
            target = TARGET_GROWTH * (hi / lo) / 10  # 11x for 10x the articles
            print(f"growth {lo} -> {hi} articles ({hi / lo:.0f}x), {name}: {growth:.1f}x "
                  f"(target <= {target:.3g}x): {'met' if growth <= target else 'NOT met'}; "
                  f"CPU time {cpu_growth:.1f}x")
        best = min(by_size[hi].values())
        print(f"{hi} articles, best of the 2-core modes: {best / 60:.1f} min (target < {TARGET_MINUTES:g} min): "
              f"{'met' if best / 60 < TARGET_MINUTES else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
