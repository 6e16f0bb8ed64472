#!/usr/bin/env python3
"""Pathological inputs at full size: time grows linearly and memory stays bounded.

The test suite (tests/test_pathological.py) runs the same shapes at CI-sized inputs; this
script runs them at the sizes the issue names, every run in a fresh process so that its peak
memory is its own:

  article   one news article of 2, 5 and 20 million characters, made deterministically (the
            seed articles repeated, as one text): `timeline extract` (time expressions) at 5
            and 20, and `timeline build` at all three, run as the command runs it (reading
            the file, the story, the JSON, the log and the chart; a single article this large
            is parsed only for the happenings shown first)
  line      one line of 1 MB and of 4 MB without a space (letters, digits and dashes)
  dates     10,000 and 40,000 dates in one text ("On March 3, 2026, ...")
  clauses   one sentence with no stop of 5,000 and 20,000 clauses ("He said that if they ..."):
            its verb groups, sayings and "if" clauses are looked up, not scanned for each event
  times     one sentence with no stop of 1,500 and 6,000 clauses each with a time and an event
            ("The talks and on Monday 1 they met and on Monday 2 they met ..."): each label
            weighs the times and verbs near it, an event inside another's label is looked up
  html      an HTML page whose article sits 100,000 and 400,000 <div>s deep (read, or refused
            with a one-line error)

For each: wall seconds, CPU seconds and peak memory at each size, and the growth of time with
the input (linear: 4x the time for 4x the input; the target is below 8, where a quadratic
blow-up would give 16; for `build`, 20 MB against 2 MB and 5 MB). `build` of the 20 MB
article has a target of its own: at most 60 s (BUILD_TARGET), as the command runs it (an article
this long is read in parts spread over a process per core: `timeline.scale.split_article`; its
CPU seconds count the workers'; the peak memory is the main process's, as a forked worker
shares its pages). CPU seconds are the figure to
compare on a shared machine, where the wall clock also counts the other processes' turns.

    python benchmarks/pathological.py [--only article,line,dates,clauses,times,html] [--mb 20]

Needs nothing from ../shared. Exits 1 when a case is not linear, misses its target or raises.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

CHILD = r"""
import json, os, resource, sys, tempfile, time
from datetime import datetime
sys.path.insert(0, sys.argv[1])
case, size, stage = sys.argv[2], int(sys.argv[3]), sys.argv[4]
from pathlib import Path
from timeline.pipeline import parse_document
from timeline.sources.read import InputError, Source
from timeline.model import Document
from timeline.pipeline import extract
dct = datetime(2026, 2, 3)
seeds = sorted(Path(sys.argv[5]).glob("*.txt"))
if case == "article":
    unit = "\n\n".join(p.read_text(encoding="utf-8") for p in seeds) + "\n\n"
    text = (unit * (size // len(unit) + 1))[:size]
elif case == "line":
    unit = "abc123-2026-xyz"
    text = (unit * (size // len(unit) + 1))[:size]
elif case == "dates":
    text = " ".join(f"On March {1 + i % 28}, 2026, the council met." for i in range(size))
elif case == "clauses":
    text = "He said that if they " * size + "left on Monday."
elif case == "times":
    text = "The talks " + " ".join(f"and on Monday {i} they met" for i in range(size)) + "."
else:
    text = ("<!doctype html><html><head><title>x</title></head><body>" + "<div>" * size
            + "<p>Russia struck Kyiv overnight, officials said on Tuesday, February 3, 2026.</p>"
            + "</div>" * size + "</body></html>")
work = tempfile.mkdtemp(prefix="pathological-")
if stage == "build":  # the command itself, on a file: what a user runs
    path = Path(work) / "article.txt"
    path.write_text(text, encoding="utf-8")
    chars = len(text)
    del text
else:
    extract(Document("warm", "On Tuesday, February 3, 2026, talks began.", dct=dct))
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
def workers_cpu():  # (the process pool's workers, once they have ended)
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime
t0, c0, w0 = time.perf_counter(), time.process_time(), workers_cpu()
out = ""
if case == "html":
    try:
        doc = parse_document(Source("x.html", Path("x.html"), text))
        out = f"read, {len(extract(doc))} times"
    except InputError as exc:
        out = f"refused: {exc}"
elif stage == "build":
    from timeline.cli import main
    try:
        main(["build", str(path), "--date", "2026-02-03", "--out", str(Path(work) / "out"), "-q"])
    except SystemExit as exc:
        if exc.code:
            raise
else:
    out = f"{len(extract(Document('d', text, dct=dct)))} times"
took, cpu, wcpu = time.perf_counter() - t0, time.process_time() - c0, workers_cpu() - w0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
if stage == "build":  # (counted after the figures: reading the JSON back is no part of the build)
    counts = {"timexes": 0, "events": 0, "happenings": 0}
    section = None
    with open(Path(work) / "out" / "timeline.json", encoding="utf-8") as fh:  # (a record a line)
        for line in fh:
            if line.startswith(' "'):
                section = line.split('"')[1]
            elif line.startswith("  {") and section in counts:
                counts[section] += 1
    out = f"{counts['timexes']} times, {counts['events']} events, {counts['happenings']} happenings"
print(json.dumps({"seconds": took, "cpu": cpu + wcpu, "workers_cpu": wcpu, "peak_mb": peak / 1024,
                  "start_mb": base / 1024,
                  "chars": chars if stage == "build" else len(text), "out": out}))
"""
BUILD_TARGET = 60.0  # seconds for `build` of the largest article


def run(case: str, size: int, stage: str) -> dict:
    res = subprocess.run([sys.executable, "-c", CHILD, str(ROOT / "src"), case, str(size), stage, str(SEEDS)],
                         capture_output=True, text=True)
    if res.returncode != 0:
        return {"error": (res.stderr.strip().splitlines() or ["exit %d" % res.returncode])[-1]}
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", default="article,line,dates,clauses,times,html")
    ap.add_argument("--mb", type=float, default=20.0, help="the larger article, in millions of characters")
    args = ap.parse_args()
    big = int(args.mb * 1_000_000)
    plan = {
        "article": [("extract", (big // 4, big)), ("build", (big // 10, big // 4, big))],
        "line": [("extract", (1_000_000, 4_000_000))],
        "dates": [("build", (10_000, 40_000))],
        "clauses": [("build", (5_000, 20_000))],
        "times": [("build", (1_500, 6_000))],
        "html": [("read", (100_000, 400_000))],
    }
    ok = True
    print(f"{'case':8} {'stage':8} {'input':>12} {'seconds':>8} {'cpu s':>7} {'s/MB':>6} {'peak MB':>8}  result")
    for case in args.only.split(","):
        for stage, sizes in plan[case]:
            runs = []
            for size in sizes:
                r = run(case, size, stage)
                if "error" in r:
                    print(f"{case:8} {stage:8} {size:>12,} FAILED: {r['error']}")
                    ok = False
                    break
                runs.append(r)
                print(f"{case:8} {stage:8} {r['chars']:>12,} {r['seconds']:8.2f} {r['cpu']:7.2f} "
                      f"{r['cpu'] / (r['chars'] / 1e6):6.2f} {r['peak_mb']:8.0f}  {r['out'][:60]}", flush=True)
            if len(runs) != len(sizes):
                continue
            last = runs[-1]
            for r in runs[:-1]:  # the largest against each smaller size, in CPU time
                factor = last["chars"] / r["chars"]
                growth = last["cpu"] / max(r["cpu"], 1e-3)
                linear = growth < 2 * factor
                ok &= linear
                print(f"{'':8} {'':8} {factor:.0f}x the input: {growth:.1f}x the time, "
                      f"{last['peak_mb'] / max(r['peak_mb'], 1):.1f}x the memory "
                      f"(linear ~{factor:.0f}, target < {2 * factor:.0f}): {'met' if linear else 'NOT met'}")
            if case == "article" and stage == "build":
                met = last["seconds"] <= BUILD_TARGET
                ok &= met
                print(f"{'':8} {'':8} {last['chars']:,} characters built in {last['seconds']:.1f} s "
                      f"({last['cpu']:.1f} s CPU; target <= {BUILD_TARGET:.0f} s): {'met' if met else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
