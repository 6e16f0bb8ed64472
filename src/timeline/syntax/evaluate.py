"""Measure a spaCy tagger + parser on a CoNLL-U treebank (used by scripts/train_syntax.py and
benchmarks/syntax.py; imports spaCy, so nothing on the extract path imports this module).

Two settings, both reported:

- gold tokens (the usual way to compare taggers and parsers): each sentence's gold words
  (syntactic words, multi-word tokens split as the treebank splits them) are given to the
  pipeline as they are; UPOS, XPOS, lemma accuracy and UAS/LAS over every word, punctuation
  included, as the CoNLL 2018 shared task counts them. ``las`` compares whole relations
  (``nsubj:pass`` must be ``nsubj:pass``); ``las_universal`` only their universal part
  (``nsubj``), which is the shared task's LAS.
- raw text: each sentence's text is tokenized by the pipeline itself (as `timeline` uses it)
  and spaCy's own scorer aligns the tokens with the gold ones (``spacy evaluate``'s numbers;
  spaCy leaves punctuation out of UAS/LAS).
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class GoldSentence:
    words: tuple[str, ...]
    spaces: tuple[bool, ...]
    upos: tuple[str, ...]
    xpos: tuple[str, ...]
    lemmas: tuple[str, ...]
    heads: tuple[int, ...]  # index of the head word; a root points to itself
    deps: tuple[str, ...]   # UD relation, "root" for the root

    @property
    def text(self) -> str:
        return "".join(w + (" " if s else "") for w, s in zip(self.words, self.spaces)).rstrip()


def read_conllu(path: Path) -> list[GoldSentence]:
    """The sentences of a CoNLL-U file as syntactic words (empty nodes skipped; the words of a
    multi-word token carry its SpaceAfter on the last of them)."""
    out: list[GoldSentence] = []
    rows: list[list[str]] = []
    spaces: list[bool] = []
    mwt_end, mwt_space = -1, True

    def flush() -> None:
        if rows:
            out.append(GoldSentence(
                words=tuple(r[1] for r in rows), spaces=tuple(spaces),
                upos=tuple(r[3] for r in rows), xpos=tuple(r[4] for r in rows),
                lemmas=tuple(r[2] for r in rows),
                heads=tuple(int(r[0]) - 1 if r[6] == "0" else int(r[6]) - 1 for r in rows),
                deps=tuple(r[7] for r in rows)))
        rows.clear()
        spaces.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            flush()
            mwt_end = -1
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        wid = cols[0]
        if "." in wid:
            continue
        if "-" in wid:
            mwt_end = int(wid.split("-")[1])
            mwt_space = "SpaceAfter=No" not in cols[9]
            continue
        n = int(wid)
        if n < mwt_end:
            spaces.append(False)
        elif n == mwt_end:
            spaces.append(mwt_space)
        else:
            spaces.append("SpaceAfter=No" not in cols[9])
        rows.append(cols)
    flush()
    return out


def score_gold_tokens(nlp: Any, sentences: list[GoldSentence]) -> dict[str, float]:
    """Accuracy of the pipeline on the gold words of `sentences` (one Doc per sentence)."""
    from spacy.tokens import Doc

    docs = (Doc(nlp.vocab, words=list(s.words), spaces=list(s.spaces)) for s in sentences)
    n = upos = xpos = lemma = uas = las = las_u = 0
    for gold, doc in zip(sentences, nlp.pipe(docs, batch_size=256)):
        for i, tok in enumerate(doc):
            n += 1
            upos += tok.pos_ == gold.upos[i]
            xpos += tok.tag_ == gold.xpos[i]
            lemma += tok.lemma_ == gold.lemmas[i]
            if tok.head.i == gold.heads[i]:
                uas += 1
                dep = "root" if tok.dep_ == "ROOT" else tok.dep_
                las += dep == gold.deps[i]
                las_u += dep.split(":")[0] == gold.deps[i].split(":")[0]
    pct = (lambda k: round(100.0 * k / max(n, 1), 2))
    return {"words": n, "upos": pct(upos), "xpos": pct(xpos), "lemma": pct(lemma),
            "uas": pct(uas), "las": pct(las), "las_universal": pct(las_u)}


def score_raw_text(nlp: Any, path: Path) -> dict[str, float]:
    """spaCy's scorer on the pipeline's own tokenization of each sentence's text."""
    from spacy.tokens import DocBin
    from spacy.training import Example
    from spacy.training.converters import conllu_to_docs

    # through a DocBin into the pipeline's vocab (as `spacy evaluate` reads its corpus)
    converted = conllu_to_docs(path.read_text(encoding="utf-8"), n_sents=1, no_print=True)
    gold_docs = list(DocBin(docs=converted).get_docs(nlp.vocab))
    examples = [Example(nlp.make_doc(d.text), d) for d in gold_docs]
    s = nlp.evaluate(examples, batch_size=256)
    keys = {"token_acc": "tokens", "pos_acc": "upos", "tag_acc": "xpos", "lemma_acc": "lemma",
            "dep_uas": "uas", "dep_las": "las"}
    return {name: round(100.0 * float(s[k]), 2) for k, name in keys.items() if s.get(k) is not None}


def words_per_second(nlp: Any, texts: list[str], repeats: int = 2) -> float:
    """Whole-pipeline speed (tokenizer included) on `texts` in this process, best of `repeats`."""
    words = sum(len(d) for d in nlp.tokenizer.pipe(texts))
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=256):
            pass
        best = min(best, time.perf_counter() - t0)
    return round(words / best)


def evaluate(nlp: Any, path: Path, repeats: int = 2) -> dict[str, Any]:
    sentences = read_conllu(path)
    return {
        "test_file": path.name,
        "sentences": len(sentences),
        "gold_tokens": score_gold_tokens(nlp, sentences),
        "raw_text": score_raw_text(nlp, path),
        "words_per_second_one_process": words_per_second(nlp, [s.text for s in sentences], repeats),
    }
