#!/usr/bin/env python3
"""Pathological inputs at full size: time grows linearly and memory stays bounded.

The test suite (tests/test_pathological.py) runs the same shapes at CI-sized inputs; this
script runs them at the sizes the issue names, each at two sizes a factor 4 apart, every run
in a fresh process so that its peak memory is its own:

  article   one news article of 5 MB and of 20 MB (the seed articles repeated, as one text):
            `timeline extract` (time expressions) and `timeline build` (events and order too)
  line      one line of 1 MB and of 4 MB without a space (letters, digits and dashes)
  dates     10,000 and 40,000 dates in one text ("On March 3, 2026, ...")
  html      an HTML page whose article sits 100,000 and 400,000 <div>s deep (read, or refused
            with a one-line error)

For each: seconds and peak memory at both sizes, and the growth of time for 4x the input
(linear: about 4; the target is below 8, where a quadratic blow-up would give 16).

    python benchmarks/pathological.py [--only article,line,dates,html] [--mb 20]

Needs nothing from ../shared. Exits 1 when a case is not linear or raises.
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
import json, resource, sys, time
from datetime import datetime
sys.path.insert(0, sys.argv[1])
case, size, stage = sys.argv[2], int(sys.argv[3]), sys.argv[4]
from pathlib import Path
from timeline.pipeline import parse_document
from timeline.sources.read import InputError, Source
from timeline.model import Document
from timeline.pipeline import build_timeline, extract
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
else:
    text = ("<!doctype html><html><head><title>x</title></head><body>" + "<div>" * size
            + "<p>Russia struck Kyiv overnight, officials said on Tuesday, February 3, 2026.</p>"
            + "</div>" * size + "</body></html>")
extract(Document("warm", "On Tuesday, February 3, 2026, talks began.", dct=dct))
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
out = ""
if case == "html":
    try:
        doc = parse_document(Source("x.html", Path("x.html"), text))
        out = f"read, {len(extract(doc))} times"
    except InputError as exc:
        out = f"refused: {exc}"
elif stage == "build":
    tl = build_timeline([Document("d", text, dct=dct)])
    out = f"{len(tl.timexes)} times, {len(tl.events)} events"
else:
    out = f"{len(extract(Document('d', text, dct=dct)))} times"
took = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": took, "peak_mb": peak / 1024, "start_mb": base / 1024, "chars": len(text), "out": out}))
"""


def run(case: str, size: int, stage: str) -> dict:
    res = subprocess.run([sys.executable, "-c", CHILD, str(ROOT / "src"), case, str(size), stage, str(SEEDS)],
                         capture_output=True, text=True)
    if res.returncode != 0:
        return {"error": (res.stderr.strip().splitlines() or ["exit %d" % res.returncode])[-1]}
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", default="article,line,dates,html")
    ap.add_argument("--mb", type=float, default=20.0, help="the larger article, in millions of characters")
    args = ap.parse_args()
    big = int(args.mb * 1_000_000)
    plan = {
        "article": [("extract", big // 4, big), ("build", big // 4, big)],
        "line": [("extract", 1_000_000, 4_000_000)],
        "dates": [("build", 10_000, 40_000)],
        "html": [("read", 100_000, 400_000)],
    }
    ok = True
    print(f"{'case':8} {'stage':8} {'input':>12} {'seconds':>8} {'s/MB':>6} {'peak MB':>8}  result")
    for case in args.only.split(","):
        for stage, small, large in plan[case]:
            times = []
            for size in (small, large):
                r = run(case, size, stage)
                if "error" in r:
                    print(f"{case:8} {stage:8} {size:>12,} FAILED: {r['error']}")
                    ok = False
                    break
                times.append(r["seconds"])
                print(f"{case:8} {stage:8} {r['chars']:>12,} {r['seconds']:8.2f} "
                      f"{r['seconds'] / (r['chars'] / 1e6):6.2f} {r['peak_mb']:8.0f}  {r['out'][:60]}", flush=True)
            if len(times) == 2:
                growth = times[1] / max(times[0], 1e-3)
                linear = growth < 8
                ok &= linear
                print(f"{'':8} {'':8} 4x the input: {growth:.1f}x the time "
                      f"(linear ~4, target < 8): {'met' if linear else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
