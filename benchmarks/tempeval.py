#!/usr/bin/env python3
"""TempEval-3 timex accuracy of `timeline extract` on the development data.

Runs `timeline extract --format timeml --out DIR FILES…` over each subset of
../shared/data/tempeval3/train (TimeBank, AQUAINT) and the MEANTIME Apple articles, scores
each with ../shared/tools/te3_timex_score.py, and prints strict/relaxed span F1, type F1 and
value F1 per subset and overall (TimeBank + AQUAINT), next to the targets.

    python benchmarks/tempeval.py                 # the table
    python benchmarks/tempeval.py --errors        # plus the scorer's error listing
    python benchmarks/tempeval.py --errors --subset AQUAINT --kind VALUE

Needs ../shared (the development data and the scorer); says so and exits 2 when it is absent.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TRAIN = SHARED / "data" / "tempeval3" / "train"
MEANTIME = SHARED / "data" / "meantime-tml" / "apple"
SCORER = SHARED / "tools" / "te3_timex_score.py"
TARGETS = {"relaxed": 92.0, "value_f1": 85.0, "strict": 85.0}


def subsets() -> dict[str, Path]:
    return {"TimeBank": TRAIN / "TimeBank", "AQUAINT": TRAIN / "AQUAINT", "MEANTIME-apple": MEANTIME}


def extract(gold: Path, out: Path) -> None:
    cmd = [sys.executable, "-m", "timeline", "extract", "--format", "timeml", "--out", str(out), str(gold)]
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit(f"timeline extract failed on {gold}:\n{res.stderr}")


def score(gold: Path, system: Path, errors: bool = False) -> tuple[dict, list[str]]:
    cmd = [sys.executable, str(SCORER), str(gold), str(system)] + (["--errors"] if errors else [])
    res = subprocess.run(cmd, capture_output=True, text=True, check=True)
    lines = res.stdout.strip().splitlines()
    error_lines = [line for line in lines if "  " in line and line.split("  ")[1:2] and
                   line.split()[1] in {"MISSED", "SPURIOUS", "EXTENT", "VALUE", "TYPE"}]
    return json.loads(lines[-1]), error_lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--errors", action="store_true", help="list the scorer's errors")
    ap.add_argument("--subset", help="only this subset for --errors (TimeBank, AQUAINT, MEANTIME-apple)")
    ap.add_argument("--kind", help="only this kind of error (MISSED, SPURIOUS, EXTENT, VALUE, TYPE)")
    ap.add_argument("--keep", metavar="DIR", help="keep the system TimeML files in DIR")
    args = ap.parse_args()
    if not TRAIN.is_dir() or not SCORER.is_file():
        print(f"benchmarks/tempeval.py: the development data is absent ({TRAIN} or {SCORER} not found); "
              "this benchmark needs ../shared next to the project", file=sys.stderr)
        return 2
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="tempeval-"))
    rows = []
    all_errors: list[tuple[str, str]] = []
    try:
        for name, gold in subsets().items():
            if not gold.is_dir():
                print(f"({name}: {gold} not found, skipped)")
                continue
            out = work / name
            if out.exists():
                shutil.rmtree(out)
            extract(gold, out)
            result, errs = score(gold, out, args.errors)
            rows.append((name, result))
            all_errors += [(name, e) for e in errs]
        overall_dir = work / "overall"
        if overall_dir.exists():
            shutil.rmtree(overall_dir)
        overall_dir.mkdir(parents=True)
        for sub in ("TimeBank", "AQUAINT"):
            shutil.copytree(work / sub, overall_dir / sub)
        overall, _ = score(TRAIN, overall_dir)
        rows.append(("overall (TB+AQ)", overall))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    print(f"{'subset':<17} {'docs':>5} {'gold':>5} {'strict F1':>9} {'relaxed F1':>10} "
          f"{'P':>6} {'R':>6} {'type F1':>8} {'value F1':>8}")
    for name, r in rows:
        print(f"{name:<17} {r['documents']:>5} {r['counts']['gold']:>5} {r['strict']['f1']:>9.2f} "
              f"{r['relaxed']['f1']:>10.2f} {r['relaxed']['precision']:>6.2f} {r['relaxed']['recall']:>6.2f} "
              f"{r['type_f1']:>8.2f} {r['value_f1']:>8.2f}")
    o = rows[-1][1]
    met = {"strict": o["strict"]["f1"] >= TARGETS["strict"], "relaxed": o["relaxed"]["f1"] >= TARGETS["relaxed"],
           "value_f1": o["value_f1"] >= TARGETS["value_f1"]}
    print(f"targets (overall): strict F1 >= {TARGETS['strict']:.0f} {'met' if met['strict'] else 'NOT met'}; "
          f"relaxed F1 >= {TARGETS['relaxed']:.0f} {'met' if met['relaxed'] else 'NOT met'}; "
          f"value F1 >= {TARGETS['value_f1']:.0f} {'met' if met['value_f1'] else 'NOT met'}")
    if args.errors:
        shown = [(s, e) for s, e in all_errors if (not args.subset or s == args.subset)
                 and (not args.kind or e.split()[1] == args.kind)]
        print()
        print("errors by kind:", dict(Counter(e.split()[1] for _, e in shown)))
        for s, e in shown:
            print(f"{s:<15} {e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
