#!/usr/bin/env python3
"""Train the tagger + dependency parser shipped in src/timeline/models/syntax/ with spaCy.

Data: the English treebanks in ../shared/data/treebanks (see its README): all of GUM (news,
interviews, academic, court, biographies, travel) and UD EWT dev are the training data; a
fixed, seeded 8% of their 10-sentence chunks is held out as spaCy's dev set (early stopping,
best model); UD EWT test is never seen in training and is what the model is measured on.

Steps: CoNLL-U -> spaCy docs (spaCy's own CoNLL-U converter, the one `spacy convert` runs,
10 sentences a doc) -> train.spacy/dev.spacy -> `spacy train scripts/syntax.cfg` on the CPU
(fixed seed) -> the best model, with its metadata, licence and scores, is written to
src/timeline/models/syntax/ -> measured on en_ewt-ud-test.conllu (UPOS, XPOS, lemma, UAS,
LAS, words/s), the report printed and saved as report.json beside the model.

    python scripts/train_syntax.py [--treebanks ../shared/data/treebanks] [--max-steps N]
    python scripts/train_syntax.py --evaluate-only    # measure the model in the package

Deterministic: the same data, config and spaCy version give the same weights (spaCy's
[system] seed = 0, our split seed 7, CPU only).
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TREEBANKS = ROOT.parent / "shared" / "data" / "treebanks"
CONFIG = ROOT / "scripts" / "syntax.cfg"
MODEL = ROOT / "src" / "timeline" / "models" / "syntax"
WORK = ROOT / "build" / "syntax-train"
SPLIT_SEED = 7
DEV_SHARE = 0.08
sys.path.insert(0, str(ROOT / "src"))

LICENSE = "CC BY-SA 4.0"
SOURCES = [
    {"name": "UD English EWT (dev + test split files)", "license": "CC BY-SA 4.0",
     "url": "https://github.com/UniversalDependencies/UD_English-EWT",
     "commit": "15d613d8447b3478787d4c278730a1e48a945efb"},
    {"name": "GUM (news, interview, academic, court, bio, voyage)",
     "license": "annotations CC BY 4.0; texts CC BY 2.5 (Wikinews), CC BY 4.0 (academic, court), "
                "CC BY-SA 3.0 (Wikipedia, Wikivoyage)",
     "url": "https://github.com/amir-zeldes/gum", "commit": "72ce5ac14978a324c2fd18d49484e65292cbe316"},
]


def training_files(treebanks: Path) -> list[Path]:
    gum = sorted((treebanks / "gum").glob("GUM_*.conllu"))
    ewt_dev = treebanks / "ud-english-ewt" / "en_ewt-ud-dev.conllu"
    if not gum or not ewt_dev.is_file():
        raise FileNotFoundError(f"no GUM files or no {ewt_dev.name} under {treebanks}")
    return gum + [ewt_dev]


def convert(treebanks: Path, work: Path) -> dict[str, int]:
    """CoNLL-U -> spaCy DocBins: train.spacy and dev.spacy (seeded split of 10-sentence docs)."""
    from spacy.tokens import DocBin
    from spacy.training.converters import conllu_to_docs

    docs = []
    for path in training_files(treebanks):
        docs.extend(conllu_to_docs(path.read_text(encoding="utf-8"), n_sents=10, no_print=True))
    order = list(range(len(docs)))
    random.Random(SPLIT_SEED).shuffle(order)
    n_dev = round(DEV_SHARE * len(docs))
    dev_ids = set(order[:n_dev])
    train = DocBin(docs=[d for i, d in enumerate(docs) if i not in dev_ids], store_user_data=False)
    dev = DocBin(docs=[d for i, d in enumerate(docs) if i in dev_ids], store_user_data=False)
    work.mkdir(parents=True, exist_ok=True)
    train.to_disk(work / "train.spacy")
    dev.to_disk(work / "dev.spacy")
    words = {"train": sum(len(d) for i, d in enumerate(docs) if i not in dev_ids),
             "dev": sum(len(d) for i, d in enumerate(docs) if i in dev_ids)}
    print(f"converted: {len(docs) - n_dev} train docs ({words['train']} words), "
          f"{n_dev} dev docs ({words['dev']} words)", file=sys.stderr)
    return words


def train(config: Path, work: Path, max_steps: int | None) -> Path:
    from spacy.cli.train import train as spacy_train

    overrides: dict[str, object] = {"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy")}
    if max_steps:
        overrides["training.max_steps"] = max_steps
    out = work / "output"
    if out.exists():
        shutil.rmtree(out)
    spacy_train(config, out, use_gpu=-1, overrides=overrides)
    return out / "model-best"


def ship(best: Path, words: dict[str, int], model: Path) -> None:
    """Write the best model into the package: what loading needs, with a clean meta.json."""
    import spacy

    nlp = spacy.load(best)
    meta = nlp.meta
    meta.update({
        "name": "timeline_syntax", "version": "1.0.0",
        "description": "English tagger (Penn XPOS), morphologizer (UPOS + features), UD "
                       "dependency parser and edit-tree lemmatizer for timeline; CNN tok2vec, "
                       "no vectors. Trained by scripts/train_syntax.py.",
        "license": LICENSE, "sources": SOURCES, "author": "timeline",
        "training_words": words,
    })
    # the scores spaCy keeps are on our held-out dev chunks; its speed figure changes per run
    perf = meta.get("performance", {})
    perf.pop("speed", None)
    meta["performance"] = perf
    meta.pop("url", None)
    meta.pop("email", None)
    if model.exists():
        shutil.rmtree(model)
    nlp.to_disk(model)
    clean_config(model)
    (model / "meta.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def clean_config(model: Path) -> None:
    """Leave this machine's training paths out of the shipped config (loading never reads them)."""
    from thinc.api import Config

    cfg = Config().from_disk(model / "config.cfg", interpolate=False)
    cfg["paths"]["train"] = None
    cfg["paths"]["dev"] = None
    cfg.to_disk(model / "config.cfg")


def measure(treebanks: Path, model: Path) -> dict:
    import spacy

    from timeline.syntax.evaluate import evaluate

    test = treebanks / "ud-english-ewt" / "en_ewt-ud-test.conllu"
    nlp = spacy.load(model)
    report = evaluate(nlp, test)
    report["model"] = str(model.relative_to(ROOT)) if model.is_relative_to(ROOT) else str(model)
    report["model_bytes"] = sum(p.stat().st_size for p in model.rglob("*") if p.is_file())
    return report


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--treebanks", type=Path, default=TREEBANKS)
    ap.add_argument("--config", type=Path, default=CONFIG)
    ap.add_argument("--model-dir", type=Path, default=MODEL, help="where the model is written (default: the package)")
    ap.add_argument("--work", type=Path, default=WORK, help="for the converted data and spaCy's output")
    ap.add_argument("--max-steps", type=int, default=None, help="override the config's training.max_steps")
    ap.add_argument("--evaluate-only", action="store_true", help="measure the shipped model, train nothing")
    args = ap.parse_args()
    if not args.treebanks.is_dir():
        print(f"scripts/train_syntax.py: {args.treebanks} not found; training needs ../shared", file=sys.stderr)
        return 2
    train_seconds = None
    if not args.evaluate_only:
        t0 = time.perf_counter()
        words = convert(args.treebanks, args.work)
        best = train(args.config, args.work, args.max_steps)
        ship(best, words, args.model_dir)
        train_seconds = round(time.perf_counter() - t0)
    report = measure(args.treebanks, args.model_dir)
    if train_seconds is not None:
        report["training_wall_seconds"] = train_seconds
    else:
        old = args.model_dir / "report.json"
        if old.is_file():
            report["training_wall_seconds"] = json.loads(old.read_text()).get("training_wall_seconds")
    text = json.dumps(report, indent=2, sort_keys=True)
    (args.model_dir / "report.json").write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
