#!/usr/bin/env python3
"""Train the models shipped in src/timeline/models/ from the TempEval-3 TimeBank annotations.

- events.json.gz: which tokens are EVENTs and their TimeML class (averaged perceptron over
  the features of timeline.eventmodel.token_features), from the gold EVENTs of TimeBank;
- pairs.json.gz: whether, of two nearby events, the first in the text starts before the
  other, from the MATRES start-point relations (BEFORE/AFTER) of TimeBank, over
  timeline.events.pairs.pair_features.

AQUAINT is left out of training on purpose: benchmarks/matres.py measures on it as held-out
data. Each model is the mean of several averaged perceptrons, one per fixed shuffling seed
(EVENT_SEEDS, PAIR_SEEDS): one shuffle alone makes the weights swing with small changes of
the training data (a time rule that moves a token into a time expression), the mean of five
much less. Seeds and epochs are chosen on TimeBank by document folds (--cv), never on
AQUAINT. The training is deterministic (fixed seeds, fixed iteration and summing order): the
same data gives byte-identical model files.

    python scripts/train_events.py [--epochs N] [--only events|pairs] [--check | --cv 5]

--check trains as usual, compares the files with those shipped, puts the shipped ones back and
exits 1 when they differ: the shipped models must be what this script makes from the code as
it is (the event model reads the time tagger's output, and the pair model the events found).
--cv N trains on N-1 of N document folds of TimeBank and scores the one left, in turn, and
prints the figures (writes no model).
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
TIMEBANK = SHARED / "data" / "tempeval3" / "train" / "TimeBank"
MATRES = SHARED / "data" / "matres" / "timebank.txt"
MODELS = ROOT / "src" / "timeline" / "models"
sys.path.insert(0, str(ROOT / "src"))

# Chosen by 5-fold document cross-validation on TimeBank only (--cv 5), never on AQUAINT.
# Events, token F1 (event or not) at 10 epochs: one seed 79.46-79.84 by seed (13: 79.57), the
# mean of five 79.79; the mean of five is flat from 4 to 10 epochs (79.78-79.91): 10 kept. With
# the sure and unsure verb-group heads apart and lex:verb on every verb form: 79.91 at 10 (P 84.50,
# R 75.79; the epochs not chosen again).
# Pairs, share right: one seed 80.26-80.62 at 10 epochs (17: 80.62); the mean of five
# 80.53 at 10, 80.66-80.82 from 12 to 16 epochs: 15, the middle of its best 3-epoch window.
EVENT_SEEDS, EVENT_EPOCHS = (13, 1, 2, 3, 4), 10
PAIR_SEEDS, PAIR_EPOCHS = (17, 1, 2, 3, 4), 15


class AveragedPerceptron:
    def __init__(self, labels: list[str]):
        self.labels = labels
        self.n = len(labels)
        self.w: dict[str, list[float]] = {}
        self.total: dict[str, list[float]] = {}
        self.stamp: dict[str, list[int]] = {}
        self.t = 0

    def scores(self, feats: list[str]) -> list[float]:
        s = [0.0] * self.n
        for f in feats:
            w = self.w.get(f)
            if w:
                for k in range(self.n):
                    s[k] += w[k]
        return s

    def _bump(self, f: str, k: int, delta: float) -> None:
        w = self.w.setdefault(f, [0.0] * self.n)
        tot = self.total.setdefault(f, [0.0] * self.n)
        st = self.stamp.setdefault(f, [0] * self.n)
        tot[k] += (self.t - st[k]) * w[k]
        st[k] = self.t
        w[k] += delta

    def update(self, feats: list[str], gold: int, guess: int) -> None:
        self.t += 1
        if gold == guess:
            return
        for f in feats:
            self._bump(f, gold, 1.0)
            self._bump(f, guess, -1.0)

    def update_pair(self, earlier: list[str], later: list[str], margin: float = 1.0) -> None:
        """Ranking: the later event must score higher than the earlier one (label 0 = score)."""
        self.t += 1
        if self.scores(later)[0] - self.scores(earlier)[0] >= margin:
            return
        for f in later:
            self._bump(f, 0, 1.0)
        for f in earlier:
            self._bump(f, 0, -1.0)

    def averaged(self) -> dict[str, list[float]]:
        """The weights averaged over every update step (not rounded)."""
        t = max(self.t, 1)
        return {f: [(self.total[f][k] + (self.t - self.stamp[f][k]) * w[k]) / t for k in range(self.n)]
                for f, w in self.w.items()}


def bagged(labels: list[str], data: list[tuple[list[str], int]], epochs: int, seeds: tuple[int, ...],
           decide, name: str = "", quiet: bool = False, digits: int = 3) -> dict[str, list[float]]:  # type: ignore[no-untyped-def]
    """The mean of the averaged weights of one perceptron per seed, each trained `epochs` times
    over `data` in the order its seed shuffles: one shuffle makes the weights swing with small
    changes of the data, the mean of several moves much less. Rounded to `digits`; a feature
    whose weights all round to 0 is left out. Deterministic: fixed seeds, fixed order of sums."""
    total: dict[str, list[float]] = {}
    for seed in seeds:
        model = AveragedPerceptron(labels)
        rng = random.Random(seed)
        order = list(range(len(data)))
        for epoch in range(epochs):
            rng.shuffle(order)
            wrong = 0
            for idx in order:
                feats, gold = data[idx]
                guess = decide(model.scores(feats))
                wrong += guess != gold
                model.update(feats, gold, guess)
            if not quiet:
                print(f"{name} seed {seed} epoch {epoch + 1}: {wrong} of {len(data)} wrong", file=sys.stderr)
        for f, w in model.averaged().items():
            acc = total.setdefault(f, [0.0] * len(labels))
            for k in range(len(labels)):
                acc[k] += w[k]
    out: dict[str, list[float]] = {}
    for f in sorted(total):
        avg = [round(v / len(seeds), digits) for v in total[f]]
        if any(abs(v) >= 10 ** -digits for v in avg):
            out[f] = avg
    return out


def _save(name: str, labels: list[str], weights: dict[str, list[float]]) -> Path:
    MODELS.mkdir(parents=True, exist_ok=True)
    data = json.dumps({"labels": labels, "weights": weights}, sort_keys=True, separators=(",", ":"))
    path = MODELS / f"{name}.json.gz"
    path.write_bytes(gzip.compress(data.encode("utf-8"), mtime=0))
    return path


def event_instances(files: list[Path]) -> list[tuple[list[str], int]]:
    from timeline.sources.corpus import read_gold
    from timeline.events.eventmodel import CLASSES
    from timeline.pipeline import read_documents
    from timeline.events.mentions import sentence_tokens
    from timeline.time.analysis import analyse

    out = []
    for path in files:
        gold = read_gold(path)
        doc = next(read_documents([str(path)]))
        analysis = analyse(doc)
        labels = {}
        for g in gold.events:
            labels[g.start] = g.cls if g.cls in CLASSES else "OCCURRENCE"
        for si in range(len(analysis.sentences)):
            for tok, feats in sentence_tokens(analysis, si):
                cls = next((c for s, c in labels.items() if tok.start <= s < tok.end), "O")
                out.append((feats, CLASSES.index(cls)))
    return out


def _best_class(s: list[float]) -> int:
    return max(range(len(s)), key=lambda k: (s[k], -k))


def _before_or_after(s: list[float]) -> int:
    return 0 if s[0] >= s[1] else 1


def fit_events(data: list[tuple[list[str], int]], epochs: int = EVENT_EPOCHS, quiet: bool = False) -> dict[str, list[float]]:
    from timeline.events.eventmodel import CLASSES

    return bagged(list(CLASSES), data, epochs, EVENT_SEEDS, _best_class, "events", quiet)


def train_events(files: list[Path], epochs: int) -> Path:
    from timeline.events.eventmodel import CLASSES

    return _save("events", list(CLASSES), fit_events(event_instances(files), epochs))


def order_pairs(files: list[Path]) -> list[tuple[list[str], int]]:
    """(features, 0 if the first event in the text starts before the second else 1) for every
    MATRES BEFORE/AFTER pair of TimeBank whose two events the pipeline found."""
    from timeline.sources.corpus import read_gold, read_matres
    from timeline.pipeline import read_documents
    from timeline.pipeline import build_timeline

    pairs = read_matres(MATRES)
    out = []
    for path in files:
        gold = read_gold(path)
        doc = next(read_documents([str(path)]))
        # events as a build finds them without a parse (what a large input gets); the model
        # serves the parsed ones too, whose tense and aspect come from the parse
        out += _pairs_of(build_timeline([doc], syntax="none"), gold, pairs, doc.text)
    return out


def _pairs_of(tl, gold, pairs, text: str) -> list[tuple[list[str], int]]:  # type: ignore[no-untyped-def]
    from timeline.events.pairs import pair_features

    out = []
    by_eiid = {i: g for g in gold.events for i in g.eiids}
    events = sorted(tl.events, key=lambda e: e.start)

    def ours(g):  # type: ignore[no-untyped-def]
        return next((e for e in events if e.start < g.end and g.start < e.end), None)

    for e1, e2, rel in pairs.get(gold.id, []):
        if rel not in ("BEFORE", "AFTER") or e1 not in by_eiid or e2 not in by_eiid:
            continue
        a, b = ours(by_eiid[e1]), ours(by_eiid[e2])
        if a is None or b is None or a.id == b.id:
            continue
        if a.start > b.start:
            a, b, rel = b, a, ("AFTER" if rel == "BEFORE" else "BEFORE")
        out.append((pair_features(a, b, text), 0 if rel == "BEFORE" else 1))
    return out


def train_pairs(files: list[Path], epochs: int) -> Path:
    return _save("pairs", ["BEFORE", "AFTER"], fit_pairs(order_pairs(files), epochs))


def fit_pairs(data: list[tuple[list[str], int]], epochs: int = PAIR_EPOCHS, quiet: bool = False) -> dict[str, list[float]]:
    """The weights of the pairwise order model learned from `data` (see `order_pairs`);
    benchmarks/matres.py --folds fits it on part of TimeBank to score the rest."""
    return bagged(["BEFORE", "AFTER"], data, epochs, PAIR_SEEDS, _before_or_after, "pairs", quiet)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--epochs", type=int, help=f"passes over the data (default: events {EVENT_EPOCHS}, pairs {PAIR_EPOCHS})")
    ap.add_argument("--only", choices=["events", "pairs"])
    ap.add_argument("--check", action="store_true", help="train, compare with the shipped models, restore them")
    ap.add_argument("--cv", type=int, metavar="N", help="cross-validate over N document folds of TimeBank, write nothing")
    args = ap.parse_args()
    if not TIMEBANK.is_dir():
        print(f"scripts/train_events.py: {TIMEBANK} not found; training needs ../shared", file=sys.stderr)
        return 2
    files = sorted(TIMEBANK.glob("*.tml"))
    if args.cv is not None:
        if args.cv < 2 or args.check:
            print("scripts/train_events.py: --cv needs N >= 2 and does not go with --check", file=sys.stderr)
            return 2
        cross_validate(files, args)
        return 0
    if args.check:
        names = [n for n in ("events", "pairs") if args.only in (None, n)]
        shipped = {n: (MODELS / f"{n}.json.gz").read_bytes() for n in names}
        try:
            train(files, args)
            differ = [n for n in names if (MODELS / f"{n}.json.gz").read_bytes() != shipped[n]]
        finally:
            for n, data in shipped.items():
                (MODELS / f"{n}.json.gz").write_bytes(data)
        for n in names:
            print(f"{n}.json.gz: {'DIFFERS from what the script makes now' if n in differ else 'reproduced byte for byte'}")
        return 1 if differ else 0
    train(files, args)
    return 0


def train(files: list[Path], args: argparse.Namespace) -> None:
    if args.only != "pairs":
        p = train_events(files, args.epochs or EVENT_EPOCHS)
        print(f"wrote {p} ({p.stat().st_size / 1024:.0f} KB)")
    if args.only != "events":
        from timeline.events import eventmodel

        eventmodel.event_model.cache_clear()
        p = train_pairs(files, args.epochs or PAIR_EPOCHS)
        print(f"wrote {p} ({p.stat().st_size / 1024:.0f} KB)")


def cross_validate(files: list[Path], args: argparse.Namespace) -> None:
    """The figures the seeds and epochs are chosen on: the TimeBank articles dealt into N folds
    (by sorted name, in turn), each scored by models trained on the others. Events: per token,
    event or not (precision, recall, F1) and the class of those rightly found; pairs: the share
    of MATRES BEFORE/AFTER pairs, between the events the shipped event model finds, put right."""
    from timeline.events.eventmodel import CLASSES, Perceptron

    folds = args.cv

    def split(data: dict[Path, list], fold: int) -> tuple[list, list]:  # type: ignore[type-arg]
        return ([x for n, f in enumerate(files) if n % folds != fold for x in data[f]],
                [x for n, f in enumerate(files) if n % folds == fold for x in data[f]])

    if args.only != "pairs":
        data = {f: event_instances([f]) for f in files}
        tp = fp = fn = same = 0
        for fold in range(folds):
            rest, held = split(data, fold)
            model = Perceptron(CLASSES, fit_events(rest, args.epochs or EVENT_EPOCHS, quiet=True))
            for feats, gold in held:
                guess = _best_class(model.scores(feats))
                tp, fp, fn = tp + (guess > 0 and gold > 0), fp + (guess > 0 and gold == 0), fn + (guess == 0 and gold > 0)
                same += guess > 0 and guess == gold
        p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        print(f"events, {folds} folds: P {100 * p:.2f} R {100 * r:.2f} F1 {200 * p * r / max(p + r, 1e-9):.2f}, "
              f"class right {100 * same / max(tp, 1):.2f}% of the {tp} found")
    if args.only != "events":
        data = {f: order_pairs([f]) for f in files}
        right = total = 0
        for fold in range(folds):
            rest, held = split(data, fold)
            model = Perceptron(["BEFORE", "AFTER"], fit_pairs(rest, args.epochs or PAIR_EPOCHS, quiet=True))
            right += sum(_before_or_after(model.scores(feats)) == gold for feats, gold in held)
            total += len(held)
        print(f"pairs, {folds} folds: {100 * right / max(total, 1):.2f}% of {total} pairs right")


if __name__ == "__main__":
    sys.exit(main())
