#!/usr/bin/env python3
"""CPU seconds of the per-article event finding (`events.mentions.find_events`) alone.

The articles are read and analysed (time expressions, sentences) outside the timing, and with
--syntax parsed too, as `build` parses a small input whole; then find_events runs on each
article, the best CPU time of --repeat runs is reported. Without inputs: the seed articles,
and one article of --mb million characters made of the seeds repeated (as
benchmarks/pathological.py makes its large article). It measures the checkout it sits in
(its own `src`); to compare two, run a copy in each, in turn (a shared machine's load moves
single runs by a third).

    python benchmarks/events_cost.py [INPUT ...] [--date YYYY-MM-DD] [--syntax] [--repeat 3] [--mb 1]

Needs nothing from ../shared.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def cost(inputs: list[str], date: str | None, syntax: bool, repeat: int) -> tuple[int, int, float]:
    from timeline.events.mentions import find_events
    from timeline.model import Grain
    from timeline.pipeline import analyse, read_documents
    from timeline.sources.furniture import mark_duplicates, mark_furniture

    when = (datetime.fromisoformat(date), Grain.DAY) if date else None
    docs = [d for d in mark_furniture(mark_duplicates(list(read_documents(inputs, when)))) if d.duplicate_of is None]
    parses: dict = {}  # type: ignore[type-arg]
    if syntax:
        from timeline.syntax import parse_spans

        for d in docs:
            parses[d.id] = dict(enumerate(parse_spans(d.text, analyse(d).sentences))) if d.text else {}
    find_events(analyse(docs[0]), parses.get(docs[0].id))  # (the models load)
    best, events = float("inf"), 0
    for _ in range(repeat):
        analyses = [analyse(d) for d in docs]
        started = time.process_time()
        events = sum(len(find_events(a, parses.get(d.id))) for d, a in zip(docs, analyses))
        best = min(best, time.process_time() - started)
    return len(docs), events, best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="*")
    ap.add_argument("--date", help="publication date of every input (YYYY-MM-DD)")
    ap.add_argument("--syntax", action="store_true", help="parse the articles first, as build does a small input")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--mb", type=float, default=1.0, help="the made article, in millions of characters")
    args = ap.parse_args()
    runs: list[tuple[str, list[str], str | None, bool]] = []
    if args.inputs:
        runs.append((" ".join(args.inputs), args.inputs, args.date, args.syntax))
    else:
        seeds = sorted((ROOT / "seeds").glob("*.txt"))
        unit = "\n\n".join(p.read_text(encoding="utf-8") for p in seeds) + "\n\n"
        size = int(args.mb * 1_000_000)
        made = Path(tempfile.mkdtemp(prefix="events-cost-")) / "article.txt"
        made.write_text((unit * (size // len(unit) + 1))[:size], encoding="utf-8")
        runs += [("seeds (parsed)", [str(ROOT / "seeds")], None, True),
                 (f"{size:,} characters", [str(made)], "2026-02-03", False)]
    print(f"{'input':40} {'articles':>8} {'events':>8} {'cpu s':>8}")
    for name, inputs, date, syntax in runs:
        docs, events, best = cost(inputs, date, syntax, args.repeat)
        print(f"{name[:40]:40} {docs:>8} {events:>8} {best:8.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
