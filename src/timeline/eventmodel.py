"""Learned models: which words report an event (and its TimeML class), and whether of two
nearby events the first in the text starts before the other.

Both are averaged perceptrons over sparse string features, trained by
``scripts/train_events.py`` from the TempEval-3 TimeBank annotations (EVENT, and MATRES
start-point order) and shipped as small gzipped JSON files in ``timeline/models/``. The
feature functions live here, so that training and use see exactly the same features.
"""
from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from itertools import chain
from typing import Iterable, Sequence

import numpy as np

from .grammar import load_toml
from .segment import Token
from .tense import VerbGroup

CLASSES = ("O", "OCCURRENCE", "REPORTING", "STATE", "I_ACTION", "I_STATE", "ASPECTUAL", "PERCEPTION")
_DETERMINERS = frozenset("the a an this that these those its his her their our my your some any no each every".split())


@dataclass(frozen=True, slots=True)
class Lexicons:
    nouns: frozenset[str]
    verbs: frozenset[str]
    reporting: frozenset[str]


@cache
def lexicons() -> Lexicons:
    data = load_toml("events.toml")
    verbs = set(data["verbs"]) | set(data.get("forms", {}))
    return Lexicons(frozenset(data["nouns"]), frozenset(verbs), frozenset(data["reporting"]))


def token_features(toks: Sequence[Token], i: int, group: VerbGroup | None, in_timex: bool) -> list[str]:
    """The features of token `i` of a sentence for the event model."""
    lex = lexicons()
    tok = toks[i]
    w = tok.lower
    prev = toks[i - 1].lower if i else "<s>"
    prev2 = toks[i - 2].lower if i > 1 else "<s>"
    nxt = toks[i + 1].lower if i + 1 < len(toks) else "</s>"
    nxt2 = toks[i + 2].lower if i + 2 < len(toks) else "</s>"
    f = ["bias", "w=" + w, "s2=" + w[-2:], "s3=" + w[-3:], "s4=" + w[-4:], "p3=" + w[:3],
         "w-1=" + prev, "w-2=" + prev2, "w+1=" + nxt, "w+2=" + nxt2, "w-1,w=" + prev + "," + w,
         "w,w+1=" + w + "," + nxt]
    text = tok.text
    if not text[0].isalnum():
        f.append("punct")
    elif text[0].isdigit():
        f.append("digit")
    elif text[0].isupper():
        f.append("cap" if i else "cap0")
        if text.isupper() and len(text) > 1:
            f.append("allcap")
    if prev in _DETERMINERS:
        f.append("det-1")
    if in_timex:
        f.append("timex")
    if group is not None:
        f += ["grp", "gt=" + group.tense.value, "gaux=" + group.aux]
        if group.head == w:
            f.append("ghead")
        if group.perfect:
            f.append("gperf")
    if w in lex.nouns:
        f.append("lex:noun")
    if w in lex.verbs:
        f.append("lex:verb")
    if w in lex.reporting:
        f.append("lex:rep")
    return f


class Perceptron:
    """Sparse linear scores: feature -> one weight per label."""

    def __init__(self, labels: Sequence[str], weights: dict[str, list[float]]):
        self.labels = tuple(labels)
        self.weights = weights

    def scores(self, features: Iterable[str]) -> list[float]:
        totals = [0.0] * len(self.labels)
        get = self.weights.get
        for feat in features:
            w = get(feat)
            if w is not None:
                for k, v in enumerate(w):
                    totals[k] += v
        return totals

    @cached_property
    def row_of(self) -> dict[str, int]:
        """Each feature's row in `matrix`."""
        return {feat: row for row, feat in enumerate(self.weights, start=1)}

    @cached_property
    def matrix(self) -> np.ndarray:
        """The weights, one row per feature after row 0, which is all zeros."""
        out = np.zeros((len(self.weights) + 1, len(self.labels)))
        out[1:] = list(self.weights.values())
        return out

    def rows(self, features: Iterable[str]) -> list[int]:
        """The rows of the features the model knows, in the features' order."""
        return [r for r in map(self.row_of.get, features) if r is not None]

    def batch_scores(self, rows: Sequence[Sequence[int]]) -> np.ndarray:
        """`scores` of many feature lists at once, each given by its `rows`: one line of scores
        per list, the very same floats (the weights are added one by one, in the same order;
        the shorter lists are padded with the zero row)."""
        lengths = np.fromiter(map(len, rows), dtype=np.intp, count=len(rows))
        width = int(lengths.max(initial=0))
        index = np.zeros((len(rows), width), dtype=np.intp)
        line = np.repeat(np.arange(len(rows)), lengths)
        column = np.arange(len(line)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        index[line, column] = np.fromiter(chain.from_iterable(rows), dtype=np.intp, count=len(line))
        return self.sum_rows(index)

    def sum_rows(self, index: np.ndarray) -> np.ndarray:
        """Per line of `index` (rows of `matrix`), the sum of those rows, added one by one from
        the left: the floats `scores` gives. (A column of zero rows adds nothing and is skipped.)"""
        totals = np.zeros((index.shape[0], len(self.labels)))
        for column in index[:, index.any(axis=0)].T:
            totals += self.matrix[column]
        return totals

    def predict(self, features: Iterable[str]) -> tuple[str, float]:
        """The best label and its margin over the runner-up."""
        s = self.scores(features)
        order = sorted(range(len(s)), key=lambda k: (-s[k], k))
        return self.labels[order[0]], s[order[0]] - s[order[1]] if len(order) > 1 else s[order[0]]

    def to_json(self) -> dict:
        return {"labels": list(self.labels), "weights": self.weights}

    @classmethod
    def from_json(cls, data: dict) -> "Perceptron":
        return cls(data["labels"], data["weights"])


def load_model(name: str) -> Perceptron:
    """A model shipped in timeline/models/NAME.json.gz."""
    path = resources.files("timeline") / "models" / f"{name}.json.gz"
    return Perceptron.from_json(json.loads(gzip.decompress(path.read_bytes()).decode("utf-8")))


@cache
def event_model() -> Perceptron:
    return load_model("events")


@cache
def pair_model() -> Perceptron:
    return load_model("pairs")
