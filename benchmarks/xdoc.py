#!/usr/bin/env python3
"""Cross-document entity timelines: SemEval-2015 Task 4 (Track A, raw text), trial topic Apple.

Builds one timeline over the 30 trial articles (the TimeML text with its <s id> sentences,
every tag stripped: no gold events or times are used), then for every gold entity timeline
(`TimeLines_trial_data_task4_v1.2/*.txt`, its first line names the entity) writes the entity's
timeline exactly as `timeline export TIMELINE.json --format semeval2015 --about ENTITY` does,
and scores the folder with ../shared/tools/timeline_f1.py: temporal-awareness micro F1 with
anchors (the task's main score) and with `--ord` (order only).

    python benchmarks/xdoc.py [--keep DIR]

The best system of the 2015 evaluation reached F1 7.85 on raw text; the target here is >= 20.
Needs ../shared; says so and exits 2 when it is absent.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TASK = SHARED / "data" / "timeline-xdoc" / "SemEval2015-Task4-TimeLine"
ARTICLES = TASK / "Corpus-trial-data_task4_TimeML"
GOLD = TASK / "TimeLines_trial_data_task4_v1.2"
SCORER = SHARED / "tools" / "timeline_f1.py"
TARGET = 20.0
BEST_2015 = 7.85


def score(system: Path, ord_only: bool) -> tuple[dict, list[str]]:
    cmd = [sys.executable, str(SCORER), str(GOLD), str(system)] + (["--ord"] if ord_only else [])
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip().splitlines()
    return json.loads(out[-1]), out[:-1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--keep", metavar="DIR", help="write the system timelines here and keep them")
    args = ap.parse_args()
    if not (ARTICLES.is_dir() and GOLD.is_dir() and SCORER.is_file()):
        print(f"xdoc: {SHARED} is absent (or lacks data/timeline-xdoc and tools/timeline_f1.py); "
              "nothing to measure", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT / "src"))
    from timeline.events.about import about
    from timeline.formats.export import semeval2015
    from timeline.pipeline import read_documents
    from timeline.pipeline import build_timeline

    t0 = time.perf_counter()
    docs = list(read_documents(sorted(str(p) for p in ARTICLES.glob("*.tml"))))
    tl = build_timeline(docs)
    built = time.perf_counter() - t0
    out_dir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="xdoc-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    entities = []
    for gold in sorted(GOLD.glob("*.txt")):
        entity = gold.read_text(encoding="utf-8").splitlines()[0].strip()
        entities.append(entity)
        (out_dir / gold.name).write_text(semeval2015(about(tl, entity), entity), encoding="utf-8")
    anchored, lines = score(out_dir, ord_only=False)
    ordered, _ = score(out_dir, ord_only=True)
    print(f"{len(docs)} articles, {len(tl.events)} event mentions, built in {built:.1f} s; "
          f"{len(entities)} entity timelines -> {out_dir}")
    for line in lines:
        print("  " + line)
    print(f"{'mode':10} {'P':>6} {'R':>6} {'F1':>6}")
    for name, s in (("anchored", anchored), ("--ord", ordered)):
        print(f"{name:10} {s['micro_precision']:6.2f} {s['micro_recall']:6.2f} {s['micro_f1']:6.2f}")
    met = anchored["micro_f1"] >= TARGET
    print(f"target: F1 >= {TARGET:g} on the trial topic (best 2015 system on raw text: {BEST_2015}): "
          f"{'met' if met else 'NOT met'} ({anchored['micro_f1']:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
