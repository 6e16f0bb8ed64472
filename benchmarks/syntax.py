#!/usr/bin/env python3
"""The shipped tagger + parser: accuracy on UD EWT test, speed, and what parsing would cost.

1. Accuracy on ../shared/data/treebanks/ud-english-ewt/en_ewt-ud-test.conllu (never trained
   on): UPOS, XPOS (Penn), lemma, UAS, LAS with the gold words (punctuation included), and
   the same through the model's own tokenization (spaCy's scorer), as
   timeline.syntax.evaluate explains.
2. Speed in one process: words/s of the whole spaCy pipeline on the test sentences, and of
   `timeline.syntax.parse_spans` (what the project calls: tokenize, parse, typed tokens).
3. Cost against extraction on news: the 183 TimeBank articles of TempEval-3 (when present),
   in-process time of `extract` against parsing every sentence and parsing only the sentences
   that hold a time expression.

    python benchmarks/syntax.py [--repeat 2] [--no-cost]

Needs ../shared; says so and exits 2 when it is absent.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TREEBANKS = ROOT.parent / "shared" / "data" / "treebanks"
TEST = TREEBANKS / "ud-english-ewt" / "en_ewt-ud-test.conllu"
TIMEBANK = ROOT.parent / "shared" / "data" / "tempeval3" / "train" / "TimeBank"
sys.path.insert(0, str(ROOT / "src"))


def best_of(repeat: int, fn) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def api_speed(sentences: list, repeat: int) -> dict:  # type: ignore[type-arg]
    from timeline.syntax import parse_spans

    text, spans, pos = [], [], 0
    for s in sentences:
        t = s.text
        spans.append((pos, pos + len(t)))
        text.append(t)
        pos += len(t) + 1
    joined = " ".join(text)
    parses = parse_spans(joined, spans, max_tokens=None)
    words = sum(len(p.tokens) for p in parses if p is not None)
    secs = best_of(repeat, lambda: parse_spans(joined, spans, max_tokens=None))
    return {"words": words, "seconds": round(secs, 2), "words_per_second": round(words / secs)}


def cost(repeat: int) -> dict:
    from timeline.pipeline import read_documents
    from timeline.model import Document
    from timeline.pipeline import extract
    from timeline.sources.segment import sentences as split
    from timeline.syntax import parse_spans

    docs = [d for d in read_documents(sorted(str(p) for p in TIMEBANK.glob("*.tml"))) if isinstance(d, Document)]
    t_extract = best_of(repeat, lambda: [extract(d) for d in docs])
    per_doc = [(d, split(d.text), extract(d)) for d in docs]

    def with_time(sents, timexes):  # type: ignore[no-untyped-def]
        return [s for s in sents if any(s[0] <= x.start < s[1] for x in timexes)]

    n_all = sum(len(s) for _, s, _ in per_doc)
    n_time = sum(len(with_time(s, x)) for _, s, x in per_doc)
    t_all = best_of(repeat, lambda: [parse_spans(d.text, s) for d, s, _ in per_doc])
    t_time = best_of(repeat, lambda: [parse_spans(d.text, with_time(s, x)) for d, s, x in per_doc])
    words = sum(len(p.tokens) for d, s, _ in per_doc for p in parse_spans(d.text, s) if p is not None)
    n = len(docs)
    return {
        "articles": n, "sentences": n_all, "sentences_with_a_time": n_time, "words_parsed_all": words,
        "extract_ms_per_article": round(1000 * t_extract / n, 2),
        "parse_all_ms_per_article": round(1000 * t_all / n, 2),
        "parse_sentences_with_a_time_ms_per_article": round(1000 * t_time / n, 2),
        "parse_all_x_extract": round(t_all / t_extract, 1),
        "parse_sentences_with_a_time_x_extract": round(t_time / t_extract, 1),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--no-cost", action="store_true", help="skip the comparison with extract")
    args = ap.parse_args()
    if not TEST.is_file():
        print(f"benchmarks/syntax.py: {TEST} not found; the benchmark needs ../shared", file=sys.stderr)
        return 2
    from timeline import syntax
    from timeline.syntax.evaluate import evaluate, read_conllu

    t0 = time.perf_counter()
    nlp = syntax.load()
    load_s = time.perf_counter() - t0
    report = evaluate(nlp, TEST, repeats=args.repeat)
    report["load_seconds"] = round(load_s, 2)
    report["model_bytes"] = sum(p.stat().st_size for p in syntax.MODEL_DIR.rglob("*") if p.is_file())
    report["parse_spans_one_process"] = api_speed(read_conllu(TEST), args.repeat)
    if not args.no_cost and TIMEBANK.is_dir():
        report["cost_on_timebank"] = cost(args.repeat)
    print(json.dumps(report, indent=2, sort_keys=True))
    g = report["gold_tokens"]
    print(f"EWT test (gold words): UPOS {g['upos']}  XPOS {g['xpos']}  lemma {g['lemma']}  "
          f"UAS {g['uas']}  LAS {g['las']}; {report['words_per_second_one_process']} words/s "
          f"(pipeline), {report['parse_spans_one_process']['words_per_second']} words/s (parse_spans)",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
