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
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from operator import itemgetter
from importlib import resources
from itertools import chain, repeat
from typing import Iterable, Sequence

import numpy as np

from ..rules import load_toml
from ..sources.segment import Token
from ..time.tense import VerbGroup

CLASSES = ("O", "OCCURRENCE", "REPORTING", "STATE", "I_ACTION", "I_STATE", "ASPECTUAL", "PERCEPTION")
_DETERMINERS = frozenset("the a an this that these those its his her their our my your some any no each every".split())


@dataclass(frozen=True, slots=True)
class Lexicons:
    nouns: frozenset[str]
    verbs: frozenset[str]
    reporting: frozenset[str]
    closed: frozenset[str] = frozenset()  # closed-class words: never an event ("on", "the")


@cache
def lexicons() -> Lexicons:
    """The lexicons of events.toml; `verbs` holds every form of its verbs ("raises", "raised"
    as well as "raise"; the irregular ones from `forms`), as the mention finder reads them."""
    data = load_toml("events.toml")
    verbs = {form for lemma in data["verbs"] for form in inflect(lemma)} | set(data.get("forms", {}))
    return Lexicons(frozenset(data["nouns"]), frozenset(verbs), frozenset(data["reporting"]), frozenset(data["closed"]))


def inflect(lemma: str) -> set[str]:
    """A verb lemma and its regular forms: -s, -ed, -ing ("raise": raises, raised, raising)."""
    forms = {lemma}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
        if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnpt]", lemma):  # stop -> stopped
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


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
            f.append(head_feature(group))
        if group.perfect:
            f.append("gperf")
    if w in lex.nouns:
        f.append("lex:noun")
    if w in lex.verbs:
        f.append("lex:verb")
    if w in lex.reporting:
        f.append("lex:rep")
    return f


def head_feature(group: VerbGroup) -> str:
    """The feature of the head of a verb group: "ghead" when the tense module is sure the group
    is a verb (one with an auxiliary, a lone irregular past such as "spoke" from its lexicon, a
    present form), "ghead~" when it is not (`VerbGroup.firm` False: a lone regular -ed form,
    which may be an adjective, or "to" + a word). The two are learned apart: of the lone heads
    in TimeBank, 86% of the sure ones are events and 80% of the others, and a sure past verb
    that the training data hardly has ("spoke") is then less often outvoted by its spelling,
    which it may share with nouns ("spokesman")."""
    return "ghead" if group.firm else "ghead~"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence's tokens as the event model sees them: its verb groups, the spans of its time
    expressions (a token that starts inside one is "timex"), and which tokens to score."""

    tokens: Sequence[Token]
    groups: Sequence[VerbGroup]
    timexes: Sequence[tuple[int, int]]
    which: Sequence[int]


def token_scores(sentences: Sequence[Sentence]) -> np.ndarray:
    """The event model's scores of the chosen tokens of the sentences, one line per token in
    order: the floats ``event_model().scores(token_features(...))`` gives, for many tokens at
    once. Each token fills the slots of `token_features` in order with rows of the model's
    weights (a feature it lacks, or that the model does not know, is the zero row): what one
    word says, as the token or as a neighbour, is looked up once per word (`_word_rows`), a
    verb group's features once per group; `Perceptron.sum_rows` adds them up."""
    batch = _Batch(sentences)
    return batch.scores(batch.chosen(sentences))


_BOS, _EOS = "<s>", "</s>"  # the words before and after a sentence


def may_be_events(sentences: Sequence[Sentence], slack: float) -> np.ndarray:
    """For each chosen token of the sentences (in order, as `token_scores`): False where the
    event model's scores leave every event class more than `slack` below "no event", for sure.

    A quick upper bound, not the scores: what the token's word, its four neighbours, the
    determiner before it and its verb group say is summed exactly (up to the order of the
    additions, which moves a sum by far less than BOUND_MARGIN); what its bigrams, its shape
    and a time expression could add is bounded by the most each could add to an event class
    against "no event" (for the bigrams, the most of those of that word). Most tokens are
    ruled out this way without their features ever being looked up one by one."""
    batch = _Batch(sentences)
    return batch.may_be(batch.chosen(sentences), slack)


def event_classes(sentences: Sequence[Sentence], slack: float) -> list[list[tuple[int, int]]]:
    """For each sentence, its tokens that the event model takes for events, with their class
    (its index in the model's labels): those that may be events (`candidates`) whose best
    class but "no event" loses to "no event" by `slack` at most (ties: the first class);
    `Sentence.which` is not read. What `may_be_events` and `token_scores` give on the
    candidates, from one reading of the words."""
    batch = _Batch(sentences)
    places = batch.candidates()
    places = places[batch.may_be(places, slack)]
    scores = batch.scores(places)
    best = np.argmax(scores[:, 1:], axis=1) + 1  # (the first of equal scores)
    kept = scores[np.arange(len(best)), best] >= scores[:, 0] - slack
    places, best = places[kept], best[kept]
    out: list[list[tuple[int, int]]] = [[] for _ in sentences]
    which = np.searchsorted(batch.bases, places, side="right") - 1
    for k, place, cls in zip(which.tolist(), places.tolist(), best.tolist()):
        out[k].append((place - batch.bases[k], cls))
    return out


class _Batch:
    """Sentences as the event model reads them at once: their words in a row, each sentence
    after two _BOS and before two _EOS (token i of a sentence at place base + i), numbered
    (`_Bounds.number`); the verb group of each place in one (the first, where two hold it) and
    its head feature if the place is the group's head (`_Bounds.kind`); the places in a time
    expression."""

    def __init__(self, sentences: Sequence[Sentence]) -> None:
        self.bounds = _bounds()
        self.sentences = sentences
        words: list[str] = []
        bases: list[int] = []
        grouped: dict[int, int] = {}  # place -> its kind of verb group (`_Bounds.kind`)
        timex: list[int] = []
        start, end, lower = itemgetter(0), itemgetter(1), itemgetter(3)  # (of a Token)
        for sentence in sentences:
            toks, base = sentence.tokens, len(words) + 2
            bases.append(base)
            words += (_BOS, _BOS)
            words += map(lower, toks)
            words += (_EOS, _EOS)
            for g in reversed(sentence.groups):  # (a token in two groups takes the first)
                key = (g.tense.value, g.aux, g.perfect)
                plain, head = self.bounds.kind(key, None), self.bounds.kind(key, head_feature(g))
                for i in range(bisect_left(toks, g.start, key=start), bisect_right(toks, g.end, key=end)):
                    grouped[base + i] = head if g.head == toks[i].lower else plain
            for a, b in sentence.timexes:
                timex += range(base + bisect_left(toks, a, key=start), base + bisect_left(toks, b, key=start))
        self.words, self.bases, self.timex = words, bases, timex
        self.ids = self.bounds.number(words)
        self.kinds = np.zeros(len(words), dtype=np.intp)  # each place's kind of verb group (0: none)
        self.kinds[list(grouped)] = list(grouped.values())

    def chosen(self, sentences: Sequence[Sentence]) -> np.ndarray:
        """The places of the sentences' chosen tokens (`Sentence.which`)."""
        return np.array([base + i for base, sentence in zip(self.bases, sentences) for i in sentence.which],
                        dtype=np.intp)

    def candidates(self) -> np.ndarray:
        """The places of the tokens that may be events: those that start with a letter, are no
        closed-class word (events.toml) and lie outside the time expressions."""
        ok = self.bounds.open[self.ids]
        ok[self.timex] = False
        return np.flatnonzero(ok)

    def may_be(self, c: np.ndarray, slack: float) -> np.ndarray:
        """`may_be_events` of the tokens at places `c`."""
        bounds, ids = self.bounds, self.ids
        table = bounds.table
        partial = (table[ids[c], 0] + table[ids[c - 1], 1] + table[ids[c - 2], 2] + table[ids[c + 1], 3]
                   + table[ids[c + 2], 4] + table[ids[c - 1], 5])
        partial += bounds.kind_vectors()[self.kinds[c]]
        margin = partial[:, 1:] - partial[:, :1] + table[ids[c], 6, 1:] + bounds.gain[1:]
        return margin.max(axis=1, initial=-np.inf) >= -slack - BOUND_MARGIN

    def scores(self, c: np.ndarray) -> np.ndarray:
        """`token_scores` of the tokens at places `c`: the model's rows of each token's features
        gathered in the slots of `token_features` (`_word_rows` of the token and its
        neighbours, its bigrams, shape, time expression and verb group), then summed."""
        model = event_model()
        row = model.row_of.get
        ids, words, rows = self.ids, self.words, self.bounds.rows
        own, before = rows[ids[c]], rows[ids[c - 1]]
        index = np.zeros((len(c), 24), dtype=np.intp)
        index[:, 0] = row("bias", 0)
        index[:, 1:6] = own[:, :5]
        index[:, 6] = before[:, 5]
        index[:, 7] = rows[ids[c - 2], 6]
        index[:, 8] = rows[ids[c + 1], 7]
        index[:, 9] = rows[ids[c + 2], 8]
        index[:, 14] = before[:, 9]
        index[:, 21:24] = own[:, 10:13]
        bases, sentences = self.bases, self.sentences
        places = c.tolist()
        which = (np.searchsorted(bases, c, side="right") - 1).tolist()
        before_bigrams, after_bigrams, shapes, capitals = [], [], [], []
        for place, s in zip(places, which):
            w = words[place]
            i = place - bases[s]
            shape = _shape_rows(sentences[s].tokens[i].text)
            before_bigrams.append(row(f"w-1,w={words[place - 1]},{w}", 0))
            after_bigrams.append(row(f"w,w+1={w},{words[place + 1]}", 0))
            shapes.append(shape[1] if i else shape[0])
            capitals.append(shape[2])
        index[:, 10] = before_bigrams
        index[:, 11] = after_bigrams
        index[:, 12] = shapes
        index[:, 13] = capitals
        in_timex = np.zeros(len(words), dtype=bool)
        in_timex[self.timex] = True
        index[:, 15] = np.where(in_timex[c], row("timex", 0), 0)
        index[:, 16:21] = self.bounds.kind_rows()[self.kinds[c]]
        return model.sum_rows(index)


BOUND_MARGIN = 1e-6  # far above what the order of the additions moves a sum of a few dozen weights


class _Bounds:
    """What `may_be_events` reads: for each word met so far (numbered), the event model's
    weights of what it says as the token (w, s2, s3, s4, p3 and its lexicons, with the bias),
    as each neighbour (w-1, w-2, w+1, w+2), as a determiner before the token, and the most its
    bigrams could add to each class against "no event"; the vectors of verb groups; the most
    a token's shape and a time expression could add."""

    LIMIT = 1 << 17  # words kept; past that the numbering starts over

    def __init__(self) -> None:
        model = event_model()
        self.weights = model.weights
        zero = [0.0] * len(model.labels)
        self.zero = np.array(zero)
        # the most a w-1,w bigram of each word could add (before), and a w,w+1 bigram (after):
        rows: list[list[float]] = []  # (all the gains at once, then each word's greatest)
        readings: tuple[list[tuple[str, int]], ...] = ([], [])  # each reading's word, its row (a comma in a word: several)
        for feat, w in model.weights.items():
            template, _, value = feat.partition("=")
            if template in ("w-1,w", "w,w+1"):
                side, k = template == "w,w+1", value.find(",")
                while k >= 0:
                    readings[side].append((value[:k] if side else value[k + 1:], len(rows)))
                    k = value.find(",", k + 1)
                rows.append(w)
        weights = np.array(rows, dtype=float).reshape(len(rows), len(zero))
        gain, before, after = np.maximum(weights - weights[:, :1], 0.0), {}, {}  # type: ignore[var-annotated]
        for side, gains in enumerate((before, after)):
            number = np.array([gains.setdefault(w, len(gains)) for w, _ in readings[side]], dtype=np.intp)
            greatest = np.zeros((len(gains), len(zero)))
            np.maximum.at(greatest, number, gain[np.array([r for _, r in readings[side]], dtype=np.intp)])
            gains.update(zip(list(gains), greatest))
        gained = sorted(before.keys() | after.keys())  # (by word: numbered from 1, row 0 the zeros of any other)
        self.bigram_of = {w: n for n, w in enumerate(gained, start=1)}
        self.bigram_gain = np.array([self.zero] + [before.get(w, self.zero) + after.get(w, self.zero) for w in gained])

        def most(*names: str) -> np.ndarray:
            return np.max([self.zero] + [np.array(model.weights[n]) - model.weights[n][0]
                                         for n in names if n in model.weights], axis=0)
        self.gain = most("cap", "cap0", "punct", "digit") + most("allcap") + most("timex")
        self.head = {f: np.array(model.weights.get(f, zero)) for f in ("ghead", "ghead~")}
        self.bias = np.array(model.weights.get("bias", zero))
        self.groups: list[np.ndarray] = []
        self._group_ids: dict[tuple[str, str, bool], int] = {}
        self._kinds: dict[tuple[tuple[str, str, bool], str | None], int] = {}
        self._kind_lists: tuple[list[np.ndarray], list[tuple[int, ...]]] = ([], [])
        self._kind_arrays: tuple[np.ndarray, np.ndarray] | None = None
        self._start()

    def _start(self) -> None:
        self.ids: dict[str, int] = {}
        self.table = np.zeros((1 << 12, 7, len(self.zero)))
        self.rows = np.zeros((1 << 12, 13), dtype=np.intp)  # each word's `_word_rows`
        self.open = np.zeros(1 << 12, dtype=bool)  # may the word be an event (`_Batch.candidates`)?

    def _vector(self, features: list[str]) -> np.ndarray:
        return np.sum([self.zero] + [self.weights[f] for f in features if f in self.weights], axis=0)

    def _add(self, words: list[str]) -> None:
        first = len(self.ids)
        self.ids.update((w, first + n) for n, w in enumerate(words))
        while len(self.ids) > len(self.table):  # (grown uncleared: a word's lines are all written before they are read)
            self.table, self.rows, self.open = (np.concatenate([a, np.empty_like(a)]) for a in (self.table, self.rows, self.open))
        matrix, closed = event_model().matrix, lexicons().closed
        rows = np.fromiter(chain.from_iterable(map(_word_rows, words)), dtype=np.intp, count=13 * len(words))
        self.rows[first:first + len(words)] = rows = rows.reshape(len(words), 13)  # see _word_rows
        self.open[first:first + len(words)] = [w[0].isalpha() and w not in closed for w in words]
        new = self.table[first:first + len(words)]
        new[:, 0] = self.bias + matrix[rows[:, [0, 1, 2, 3, 4, 10, 11, 12]]].sum(axis=1)
        new[:, 1:6] = matrix[rows[:, 5:10]]
        new[:, 6] = self.bigram_gain[np.fromiter(map(self.bigram_of.get, words, repeat(0)), dtype=np.intp, count=len(words))]

    def number(self, words: list[str]) -> np.ndarray:
        if len(self.ids) > self.LIMIT:
            self._start()
        ids = self.ids
        seen = dict.fromkeys(words)
        if not seen.keys() <= ids.keys():
            self._add([w for w in seen if w not in ids])
        return np.fromiter(map(ids.__getitem__, words), dtype=np.intp, count=len(words))

    def kind(self, group: tuple[str, str, bool], head: str | None) -> int:
        """The number of a kind of place in a verb group: the group's tense, auxiliary and
        perfect, and the head feature if the place is the head (numbered from 1; 0: in none)."""
        key = (group, head)
        found = self._kinds.get(key)
        if found is None:
            found = self._kinds[key] = len(self._kinds) + 1
            vector = self.groups[self.group(*group)] + (self.head[head] if head is not None else 0)
            row = event_model().row_of.get
            grp, gt, gaux, gperf = _group_rows(*group)
            self._kind_lists[0].append(vector)
            self._kind_lists[1].append((grp, gt, gaux, row(head, 0) if head is not None else 0, gperf))
            self._kind_arrays = None
        return found

    def kind_vectors(self) -> np.ndarray:
        """By kind (`kind`), what its verb group features add to a token's bound: the vectors of
        the group and of the head feature, added as `may_be_events` adds them (row 0: zeros)."""
        return self._kind_tables()[0]

    def kind_rows(self) -> np.ndarray:
        """By kind, the model's rows of its features as `token_scores` lays them out: grp, gt,
        gaux, the head feature (or 0), gperf (row 0: zeros)."""
        return self._kind_tables()[1]

    def _kind_tables(self) -> tuple[np.ndarray, np.ndarray]:
        if self._kind_arrays is None:
            vectors, rows = self._kind_lists
            self._kind_arrays = (np.array([self.zero * 0.0, *vectors]),
                                 np.array([(0, 0, 0, 0, 0), *rows], dtype=np.intp).reshape(len(rows) + 1, 5))
        return self._kind_arrays

    def group(self, tense: str, aux: str, perfect: bool) -> int:
        key = (tense, aux, perfect)
        found = self._group_ids.get(key)
        if found is None:
            found = self._group_ids[key] = len(self.groups)
            self.groups.append(self._vector(["grp", "gt=" + tense, "gaux=" + aux] + (["gperf"] if perfect else [])))
        return found


@cache
def _bounds() -> _Bounds:
    return _Bounds()


@lru_cache(maxsize=1 << 17)
def _word_rows(w: str) -> tuple[int, ...]:
    """The event model's rows of what one word says: as the token (w, s2, s3, s4, p3), as its
    neighbours (w-1, w-2, w+1, w+2), as a determiner before it, and its lexicons."""
    row = event_model().row_of.get
    lex = lexicons()
    return (row("w=" + w, 0), row("s2=" + w[-2:], 0), row("s3=" + w[-3:], 0), row("s4=" + w[-4:], 0),
            row("p3=" + w[:3], 0), row("w-1=" + w, 0), row("w-2=" + w, 0), row("w+1=" + w, 0), row("w+2=" + w, 0),
            row("det-1", 0) if w in _DETERMINERS else 0, row("lex:noun", 0) if w in lex.nouns else 0,
            row("lex:verb", 0) if w in lex.verbs else 0, row("lex:rep", 0) if w in lex.reporting else 0)


@lru_cache(maxsize=1 << 16)
def _shape_rows(text: str) -> tuple[int, int, int]:
    """The rows of a token's shape: first in its sentence, not first, and all capitals."""
    row = event_model().row_of.get
    if not text[0].isalnum():
        return row("punct", 0), row("punct", 0), 0
    if text[0].isdigit():
        return row("digit", 0), row("digit", 0), 0
    if text[0].isupper():
        return row("cap0", 0), row("cap", 0), row("allcap", 0) if text.isupper() and len(text) > 1 else 0
    return 0, 0, 0


@cache
def _group_rows(tense: str, aux: str, perfect: bool) -> tuple[int, int, int, int]:
    """The rows of a verb group's features: grp, gt, gaux, gperf."""
    row = event_model().row_of.get
    return row("grp", 0), row("gt=" + tense, 0), row("gaux=" + aux, 0), row("gperf", 0) if perfect else 0


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

    def sum_rows(self, index: np.ndarray) -> np.ndarray:
        """Per line of `index` (rows of `matrix`), the sum of those rows, added one by one from
        the left: the floats `scores` gives. (A column of zero rows adds nothing and is skipped.)"""
        totals, rows = np.zeros((index.shape[0], len(self.labels))), np.empty((index.shape[0], len(self.labels)))
        for column in np.ascontiguousarray(index[:, index.any(axis=0)].T):  # (rows taken into one buffer)
            totals += self.matrix.take(column, axis=0, out=rows, mode="clip")
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
