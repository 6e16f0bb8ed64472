#!/usr/bin/env python3
"""Events and their order on the development articles.

1. Event recognition against the gold TimeML EVENTs of TimeBank and AQUAINT: precision,
   recall and F1 (a found event matches a gold one when their spans overlap), per subset.
2. Order against MATRES (start-point relations between verb events, ../shared/data/matres):
   timelines are built for the development articles; for each gold BEFORE/AFTER pair whose
   two events fall into timeline events of different ranks, the order is compared. Prints
   accuracy on decided pairs, coverage (decided / all BEFORE/AFTER pairs) and the text-order
   floor (always BEFORE) on the same pairs.

    python benchmarks/matres.py [--subset TimeBank|AQUAINT] [--dump FILE]
    python benchmarks/matres.py --folds 3

The event model shipped in the package is trained on TimeBank only (scripts/train_events.py),
so AQUAINT is held out from it; TimeBank numbers are in-sample and shown for completeness.
With --folds N, the order on TimeBank is measured with the pairwise model cross-validated:
the articles are dealt into N folds (by their sorted names, in turn), and each fold is ordered
by a model trained (as scripts/train_events.py does) on the other folds only. That is the
figure to tune the ordering on without looking at AQUAINT (the event model stays the shipped
one, in-sample there).
Needs ../shared; says so and exits 2 when it is absent.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TRAIN = SHARED / "data" / "tempeval3" / "train"
MATRES = SHARED / "data" / "matres"
TARGET_ACCURACY, TARGET_COVERAGE = 78.0, 60.0


def _overlapping(spans: list[tuple[int, int, object]], s: int, e: int) -> object | None:
    for a, b, item in spans:
        if a < e and s < b:
            return item
    return None


def evaluate(subset: str, dump: list[str] | None = None, files: list[Path] | None = None) -> dict:
    sys.path.insert(0, str(ROOT / "src"))
    from timeline.sources.corpus import read_gold, read_matres
    from timeline.pipeline import read_documents
    from timeline.events.envelopes import frame
    from timeline.pipeline import build_timeline

    files = files if files is not None else sorted((TRAIN / subset).glob("*.tml"))
    pairs = read_matres(MATRES / ("timebank.txt" if subset == "TimeBank" else "aquaint.txt"))
    ev = Counter()
    order = Counter()
    for path in files:
        gold = read_gold(path)
        doc = next(read_documents([str(path)]))
        tl = build_timeline([doc])
        ours = [(e.start, e.end, e) for e in tl.events]
        gold_spans = [(g.start, g.end, g) for g in gold.events]
        ev["system"] += len(ours)
        ev["gold"] += len(gold_spans)
        ev["tp_sys"] += sum(1 for s, e, _ in ours if _overlapping(gold_spans, s, e) is not None)
        ev["tp_gold"] += sum(1 for s, e, _ in gold_spans if _overlapping(ours, s, e) is not None)
        by_eiid = {i: g for g in gold.events for i in g.eiids}
        for e1, e2, rel in pairs.get(gold.id, []):
            if rel not in ("BEFORE", "AFTER"):
                continue
            order["pairs"] += 1
            order["floor"] += rel == "BEFORE"
            g1, g2 = by_eiid.get(e1), by_eiid.get(e2)
            if g1 is None or g2 is None:
                order["unmapped"] += 1
                continue
            a = _overlapping(ours, g1.start, g1.end)
            b = _overlapping(ours, g2.start, g2.end)
            if a is None or b is None:
                order["missed"] += 1
                continue
            if frame(a) != frame(b) or a.rank == b.rank:  # type: ignore[attr-defined]
                order["tie"] += 1
                order["tie: " + ("one event of ours" if a is b else "calendar and undated" if frame(a) != frame(b)
                                 else "same sentence" if a.sentence == b.sentence  # type: ignore[attr-defined]
                                 else "different sentences")] += 1
                continue
            said = "BEFORE" if a.rank < b.rank else "AFTER"  # type: ignore[attr-defined]
            order["decided"] += 1
            order["correct"] += said == rel
            if dump is not None:
                dump.append(f"{gold.id}\t{g1.text}\t{g2.text}\t{rel}\t{said}\t"
                            f"{a.anchor.value}/{a.tense.value}\t{b.anchor.value}/{b.tense.value}")  # type: ignore[attr-defined]
    return {"events": ev, "order": order}


def cross_validated(folds: int, epochs: int | None = None) -> dict:
    """The order counts on TimeBank, each fold ordered by a pairwise model trained on the others."""
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_events
    from timeline.events import pairs as pairs_module
    from timeline.events.eventmodel import Perceptron

    files = sorted((TRAIN / "TimeBank").glob("*.tml"))
    data = {f: train_events.order_pairs([f]) for f in files}
    shipped = pairs_module.pair_model
    total = {"events": Counter(), "order": Counter()}
    try:
        for fold in range(folds):
            held = [f for n, f in enumerate(files) if n % folds == fold]
            rest = [x for n, f in enumerate(files) if n % folds != fold for x in data[f]]
            model = Perceptron(["BEFORE", "AFTER"], train_events.fit_pairs(rest, epochs or train_events.PAIR_EPOCHS, quiet=True))
            _use_pair_model(pairs_module, lambda model=model: model)
            r = evaluate("TimeBank", files=held)
            for key, counts in total.items():
                counts.update(r[key])
    finally:
        _use_pair_model(pairs_module, shipped)
    return total


def _use_pair_model(pairs_module, get) -> None:  # type: ignore[no-untyped-def]
    """Score pairs with the model `get()` gives (the caches of its rows start over)."""
    pairs_module.pair_model = get
    for cached in (pairs_module._own_slots, pairs_module._word_slots, pairs_module._connective_slots, pairs_module._fixed_slots,
                   pairs_module._KIND_PAIRS):
        cached.cache_clear()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--subset", choices=["TimeBank", "AQUAINT"], action="append")
    ap.add_argument("--dump", help="write every decided pair to this file (TSV)")
    ap.add_argument("--folds", type=int, metavar="N",
                    help="order on TimeBank only, the pairwise model cross-validated over N folds")
    args = ap.parse_args()
    if not TRAIN.is_dir() or not MATRES.is_dir():
        print(f"benchmarks/matres.py: the development data is absent ({TRAIN} or {MATRES} not found); "
              "this benchmark needs ../shared next to the project", file=sys.stderr)
        return 2
    if args.folds is not None:
        if args.folds < 2 or args.subset or args.dump:
            print("benchmarks/matres.py: --folds needs N >= 2 and goes with neither --subset nor --dump",
                  file=sys.stderr)
            return 2
        o = cross_validated(args.folds)["order"]
        print(f"TimeBank, pairwise model cross-validated over {args.folds} folds: accuracy "
              f"{100 * o['correct'] / max(o['decided'], 1):.1f}% on {o['decided']} decided pairs, coverage "
              f"{100 * o['decided'] / max(o['pairs'], 1):.1f}% of {o['pairs']} BEFORE/AFTER pairs "
              f"(ties {o['tie']}, events not found {o['missed']})")
        return 0
    subsets = args.subset or ["TimeBank", "AQUAINT"]
    dump: list[str] | None = [] if args.dump else None
    total = Counter()
    held_out: Counter | None = None
    print(f"{'subset':<10} {'events P':>8} {'R':>6} {'F1':>6} | {'pairs':>6} {'decided':>7} "
          f"{'accuracy':>8} {'coverage':>8} {'floor':>6}")
    for subset in subsets:
        r = evaluate(subset, dump)
        ev, o = r["events"], r["order"]
        p = 100 * ev["tp_sys"] / max(ev["system"], 1)
        rc = 100 * ev["tp_gold"] / max(ev["gold"], 1)
        f = 2 * p * rc / max(p + rc, 1e-9)
        acc = 100 * o["correct"] / max(o["decided"], 1)
        cov = 100 * o["decided"] / max(o["pairs"], 1)
        floor = 100 * o["floor"] / max(o["pairs"], 1)
        note = "  (events in-sample: the model was trained on TimeBank)" if subset == "TimeBank" else ""
        print(f"{subset:<10} {p:8.1f} {rc:6.1f} {f:6.1f} | {o['pairs']:6d} {o['decided']:7d} "
              f"{acc:8.1f} {cov:8.1f} {floor:6.1f}{note}")
        total.update(o)
        if subset == "AQUAINT":
            held_out = o
    acc = 100 * total["correct"] / max(total["decided"], 1)
    cov = 100 * total["decided"] / max(total["pairs"], 1)
    print(f"overall order: accuracy {acc:.1f}% on {total['decided']} decided pairs, coverage {cov:.1f}% "
          f"of {total['pairs']} BEFORE/AFTER pairs (ties {total['tie']}, events not found {total['missed']}); "
          f"text-order floor {100 * total['floor'] / max(total['pairs'], 1):.1f}%")
    print("undecided: " + ", ".join(f"{k} {v}" for k, v in sorted(total.items()) if k.startswith("tie: "))
          + f", events not found {total['missed']}, not in the gold events {total['unmapped']}")
    met = acc >= TARGET_ACCURACY and cov >= TARGET_COVERAGE
    print(f"target: accuracy >= {TARGET_ACCURACY:.0f}% at coverage >= {TARGET_COVERAGE:.0f}%: "
          f"{'met' if met else 'NOT met'} overall")
    if held_out is not None:
        h_acc = 100 * held_out["correct"] / max(held_out["decided"], 1)
        h_cov = 100 * held_out["decided"] / max(held_out["pairs"], 1)
        h_met = h_acc >= TARGET_ACCURACY and h_cov >= TARGET_COVERAGE
        print(f"        on AQUAINT alone, held out from training: {h_acc:.1f}% at {h_cov:.1f}%: "
              f"{'met' if h_met else 'NOT met'}")
    if dump is not None:
        Path(args.dump).write_text("\n".join(dump) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
