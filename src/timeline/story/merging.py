"""Merging the mentions of one happening into groups (pure): the candidate pairs, found
through an index so that the work grows with the input, joined best first under the
constraints `merge` states; see `story.happenings` for what makes two mentions one happening."""
from __future__ import annotations

import math
import sys
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, combinations
from typing import Iterator, Mapping, Sequence

import numpy as np

from ..model import Event, Match
from .features import (Features, MatchRules, contradict, cosine, dot, overlap as _overlap,
                       word_vectors)
from .folding import attach_bare, fold_clauses, fold_restatements, fold_same_day, same_participants, too_late
from .groups import Merger

NEIGHBOURS = 12  # a mention with only common words meets this many next ones in time
# mentions compared pair by pair at most, for one word or one article's day (a story of
# hundreds of articles stays well below; a book-length article, or one text repeated, goes
# past it, and there each mention meets its NEIGHBOURS nearest instead: linear, not square)
PAIRWISE = 600


# ----------------------------------------------------------------------------- merging

@dataclass(frozen=True, slots=True)
class Merged:
    """The merged happenings before ranking: each a list of entry indices agreeing, and those
    disagreeing; the joins that made them (for `Timeline.matches`)."""

    groups: tuple[tuple[tuple[int, ...], tuple[int, ...]], ...]
    joins: tuple[Match, ...]


Pair = tuple[float, int, int]  # (similarity, entry, entry)


def candidates(items: Sequence[Event], feats: Sequence[Features], vectors: Sequence[Mapping[str, float]],
               rules: MatchRules) -> tuple[Pairs, Pairs]:
    """The scored pairs worth joining (their times meet), best first (those within an article
    before those across articles, then by similarity, then by entry), and those worded alike
    but dated apart, by similarity. Only entries of one kind and frame are compared, and only
    those that share a word (an index per kind, not every pair; for a word too common to pair
    all its mentions, each meets its nearest neighbours in time), or, within one article, that
    are dated to the same day (one article's "the earthquake" and "Tuesday's quake" are one
    happening whatever their words). The pairs are gathered as arrays (`_Candidates`) and
    scored together (`_score`): a book-length article has millions of them."""
    n = len(items)
    found = _Candidates(n, feats, items)
    by_kind: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        if f.frame != "undated":
            for k in f.kinds:
                by_kind[(k, f.frame)].append(i)
    for key in sorted(by_kind):
        members = by_kind[key]
        one_day: dict[tuple[str, int], list[int]] = defaultdict(list)
        for i in members:
            if feats[i].day_precise:
                one_day[(items[i].doc, math.floor(feats[i].lo))].append(i)  # type: ignore[arg-type]
        cap = min(PAIRWISE, max(rules.common_floor, int(rules.common_share * len(members))))
        for group in one_day.values():
            if len(group) <= cap:
                found.all_pairs(group)
            else:  # (in the entries' order, the timeline's: the nearest)
                found.neighbours(group)
        postings: dict[str, list[int]] = defaultdict(list)
        for i in members:
            for t in vectors[i]:
                postings[t].append(i)
        for plist in postings.values():
            if len(plist) <= cap:
                found.all_pairs(plist)
                continue
            # a word too common to pair every mention that has it ("Porto Verde" in a story of
            # Porto Verde): the mentions dated to one day meet each other (the reports of one
            # happening on its day), up to `cap` of them; beyond, and for the others, each meets
            # its nearest neighbours in time
            by_day: dict[float | None, list[int]] = defaultdict(list)
            for i in plist:
                by_day[feats[i].span[0] if feats[i].day_precise else None].append(i)
            for day, group in by_day.items():
                if day is not None and len(group) <= cap:
                    found.all_pairs(group)
                else:
                    found.neighbours(group, timed=True)
    return _score(found.pairs(), items, feats, vectors, rules)


@lru_cache(maxsize=64)
def _small_upper_pairs(k: int) -> tuple[np.ndarray, np.ndarray]:
    r, c = np.triu_indices(k, 1)
    r.flags.writeable = c.flags.writeable = False
    return r, c


SMALL_GROUP = 6  # a group this small has its pairs listed in Python, and added with others as one block


def _upper_pairs(k: int) -> tuple[np.ndarray, np.ndarray]:
    """`np.triu_indices(k, 1)`: every pair of k places once; those of a small k made once (most
    postings of a word are short, and making them is most of their cost)."""
    return _small_upper_pairs(k) if k <= 64 else np.triu_indices(k, 1)


class _Candidates:
    """The pairs of entries to score, as keys i * n + j (i < j), each once: gathered block by
    block and made unique now and then (`settle`), so that what is held stays near the number
    of distinct pairs."""

    def __init__(self, n: int, feats: Sequence[Features], items: Sequence[Event]) -> None:
        self.n, self.feats, self.items = n, feats, items
        self.blocks: list[np.ndarray] = []
        self.held = 0
        self.small: list[int] = []  # the pairs of small groups, flat (a, b, a, b, ...): made into a block at once
        self.unique = np.zeros(0, dtype=np.int64)
        self._rank: np.ndarray | None = None

    def rank(self) -> np.ndarray:
        """Each entry's place in time order (open start last, then by article and entry)."""
        if self._rank is None:
            feats, items = self.feats, self.items
            order = sorted(range(self.n), key=lambda i: (feats[i].span[0] is None, feats[i].span[0] or 0.0,
                                                         items[i].doc, i))
            self._rank = np.empty(self.n, dtype=np.int64)
            self._rank[order] = np.arange(self.n)
        return self._rank

    def add(self, a: np.ndarray, b: np.ndarray) -> None:
        self.blocks.append(np.minimum(a, b) * self.n + np.maximum(a, b))
        self.held += len(a)
        if self.held > max(1 << 22, 2 * len(self.unique)):
            self.settle()

    def all_pairs(self, group: list[int]) -> None:
        if len(group) <= SMALL_GROUP:  # (most groups: the pairs of a word two or three mentions have)
            if len(group) > 1:
                self.small.extend(chain.from_iterable(combinations(group, 2)))
                if len(self.small) > 1 << 20:
                    self._small_block()
        else:
            g = np.array(group, dtype=np.int64)
            r, c = _upper_pairs(len(g))
            self.add(g[r], g[c])

    def neighbours(self, group: list[int], timed: bool = False) -> None:
        """Each entry of the group with its NEIGHBOURS next ones: in the group's order, or in
        time order (`timed`)."""
        g = np.array(group, dtype=np.int64)
        if timed:
            g = g[np.argsort(self.rank()[g], kind="stable")]
        for d in range(1, min(NEIGHBOURS, len(g) - 1) + 1):
            self.add(g[:-d], g[d:])

    def _small_block(self) -> None:
        pairs = np.array(self.small, dtype=np.int64).reshape(-1, 2)
        self.small = []
        self.add(pairs[:, 0], pairs[:, 1])

    def settle(self) -> None:
        if self.small:
            self._small_block()
        if self.blocks:
            keys = np.concatenate([self.unique, *self.blocks])
            self.blocks, self.held = [], 0
            keys.sort()
            self.unique = keys[np.concatenate(([True], keys[1:] != keys[:-1]))] if len(keys) else keys

    def pairs(self) -> tuple[np.ndarray, np.ndarray]:
        self.settle()
        return self.unique // self.n, self.unique % self.n


def _score(pairs: tuple[np.ndarray, np.ndarray], items: Sequence[Event], feats: Sequence[Features],
           vectors: Sequence[Mapping[str, float]], rules: MatchRules) -> tuple["Pairs", "Pairs"]:
    """The pairs (i, j) sorted into those that agree and those that differ (see `candidates`).
    A pair of one article whose times do not meet, or of two articles whose numbers contradict
    ("injured 17" / "injured 180"), is neither; the others are scored by the cosine of their
    vectors (length 1: their dot product, `_dots`). Agreeing: their times meet and they are
    worded alike, or they are dated to one day and worded alike a little, or, within one
    article, dated to one day whatever their words (at least `same_day_similarity`). Differing:
    of two articles, dated apart and worded very alike."""
    i, j = pairs
    docs: dict[str, int] = {}
    doc = np.array([docs.setdefault(e.doc, len(docs)) for e in items], dtype=np.int64)
    lo = np.array([-math.inf if f.span[0] is None else f.span[0] for f in feats], dtype=float)
    hi = np.array([math.inf if f.span[1] is None else f.span[1] for f in feats], dtype=float)
    precise = np.array([f.day_precise for f in feats], dtype=bool)
    same_article = doc[i] == doc[j]
    meet = ~(np.minimum(hi[i], hi[j]) <= np.maximum(lo[i], lo[j]))  # (`_overlap`; ±inf: open)
    keep = meet | ~same_article
    i, j, same_article, meet = i[keep], j[keep], same_article[keep], meet[keep]
    s = _dots(vectors, i, j)
    same_day = meet & precise[i] & precise[j]
    inside = same_day & same_article
    agree = inside | (meet & ((s >= rules.min_similarity) | (same_day & (s >= rules.same_day_similarity))))
    differ = ~meet & ~same_article & (s >= rules.disagreement_similarity)
    sets: dict[frozenset[tuple[str, str]], int] = {frozenset(): 0}  # (each distinct set of numbers, numbered)
    numbers = np.array([sets.setdefault(f.numbers, len(sets)) for f in feats], dtype=np.int64)
    asked = np.flatnonzero((agree | differ) & ~same_article & (numbers[i] > 0) & (numbers[j] > 0))  # (pairs that count)
    if len(asked):
        of = list(sets)
        codes, inverse = np.unique(numbers[i[asked]] * len(sets) + numbers[j[asked]], return_inverse=True)
        said = np.array([contradict(of[c // len(sets)], of[c % len(sets)]) for c in codes.tolist()], dtype=bool)
        contradicted = asked[said[inverse.reshape(-1)]]  # (each pair of sets read once)
        agree[contradicted] = differ[contradicted] = False
    score = np.where(inside & (rules.same_day_similarity > s), rules.same_day_similarity, s)  # max(s, ...)
    a = np.flatnonzero(agree)
    a = a[np.lexsort((j[a], i[a], -score[a], ~same_article[a]))]
    d = np.flatnonzero(differ)
    d = d[np.lexsort((j[d], i[d], -s[d]))]
    return Pairs(score[a], i[a], j[a]), Pairs(s[d], i[d], j[d])


class Pairs:
    """Scored pairs (similarity, entry, entry) in order, held as arrays (a book-length article
    has millions) and read as tuples a chunk at a time."""

    CHUNK = 1 << 16

    def __init__(self, score: np.ndarray, i: np.ndarray, j: np.ndarray) -> None:
        self.score, self.i, self.j = score, i, j

    def __len__(self) -> int:
        return len(self.i)

    def __iter__(self) -> Iterator[Pair]:
        for c in range(0, len(self.i), self.CHUNK):
            yield from zip(self.score[c:c + self.CHUNK].tolist(), self.i[c:c + self.CHUNK].tolist(),
                           self.j[c:c + self.CHUNK].tolist())


DOT_CHUNK = 1 << 17  # pairs whose dot products are summed at once


def _dots(vectors: Sequence[Mapping[str, float]], i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """`features.dot(vectors[i], vectors[j])` for each pair, the same floats: the products of the
    shorter vector's weights (the first when both are as long) with the other's, in its order,
    summed from the left (one addition after the other, as `sum` does in Python 3.11; a word
    the other lacks adds 0.0, which changes no sum, so only the words both have are summed).
    From Python 3.12 on,
    `sum` compensates its rounding (Neumaier), which this does not: there each pair is
    `features.dot` itself."""
    if sys.version_info >= (3, 12):  # pragma: no cover (the project's machines run 3.11)
        return np.array([dot(vectors[a], vectors[b]) for a, b in zip(i.tolist(), j.tolist())], dtype=float)
    terms: dict[str, int] = {}
    lengths = np.array([len(v) for v in vectors], dtype=np.int64)
    starts = np.zeros(len(vectors) + 1, dtype=np.int64)
    np.cumsum(lengths, out=starts[1:])
    ids = np.array([terms.setdefault(t, len(terms)) for v in vectors for t in v], dtype=np.int64)
    weights = np.array([x for v in vectors for x in v.values()], dtype=float)
    owner = np.repeat(np.arange(len(vectors), dtype=np.int64), lengths)
    keys = owner * max(len(terms), 1) + ids
    order = np.argsort(keys, kind="stable")
    sorted_keys, sorted_weights = keys[order], weights[order]
    out = np.zeros(len(i), dtype=float)
    for c in range(0, len(i), DOT_CHUNK):
        a, b = i[c:c + DOT_CHUNK], j[c:c + DOT_CHUNK]
        swap = lengths[a] > lengths[b]
        short, other = np.where(swap, b, a), np.where(swap, a, b)
        width = int(lengths[short].max(initial=0))
        if not width:
            continue
        count = lengths[short]
        row = np.repeat(np.arange(len(short)), count)
        col = np.arange(len(row)) - np.repeat(np.cumsum(count) - count, count)
        at = starts[short][row] + col
        wanted = other[row] * max(len(terms), 1) + ids[at]
        k = np.minimum(np.searchsorted(sorted_keys, wanted), len(sorted_keys) - 1)
        hit = np.flatnonzero(sorted_keys[k] == wanted)
        if not len(hit):
            continue
        # the words both have, each pair's in its order: the k-th of a pair added k-th (the
        # words only one has add 0.0, which changes no sum of these positive products), all
        # the pairs' k-th words at once; a pair with no k-th word is not touched (no table of
        # every pair by the most words any pair shares: a few pairs share dozens, most one)
        rows = row[hit]
        products = weights[at[hit]] * sorted_weights[k[hit]]
        first = np.flatnonzero(np.concatenate(([True], rows[1:] != rows[:-1])))
        nth = np.arange(len(hit)) - np.repeat(first, np.diff(np.append(first, len(hit))))
        by_nth = np.argsort(nth, kind="stable")
        edges = np.searchsorted(nth[by_nth], np.arange(int(nth.max()) + 2))
        sums = out[c:c + len(a)]  # (a view: summed in place, from 0.0)
        for n in range(len(edges) - 1):
            kth = by_nth[edges[n]:edges[n + 1]]  # (one word of each pair at most: no pair twice)
            sums[rows[kth]] += products[kth]
    return out


def merge(items: Sequence[Event], feats: Sequence[Features], rules: MatchRules,
          published: Mapping[str, float] | None = None) -> Merged:
    """Group entries (salient mentions, one per happening per article) into happenings:
    1. the candidate pairs (`candidates`) are joined best first, those within an article
       before those across articles. Two groups join only when no article is in both (one
       article, one mention: so "killed 60" cannot chain to "killed 81" through a third
       report), their times still meet (and a present perfect of the last days, "has
       appeared in court", meets no day long before it: `folding.too_late`), and, unless both are dated to one day, the words of
       the two groups agree as a whole, nor when they name different levels ("phase 5", "phase 6");
    2. a lone mention worded like a group of several articles, but dated otherwise, joins it
       as a disagreement;
    3. a group of bare mentions ("the earthquake", "Tuesday's quake") dated to a day joins
       the happening of its kind on that day that most articles report (`folding.attach_bare`);
    4. so does another group of that kind dated to that day when it tells of the same
       participants, or when it only looks back to its day (`folding.fold_same_day`;
       `published`: each article's publication time, in days);
    5. a group dated only by its articles' publication days and tense ("has devastated") joins
       the latest happening of its kind and participants dated to a day before them that it
       restates (`folding.fold_restatements`);
    6. a group whose every mention is the noun of a support verb another group's mention is
       ("have carried out an extensive interview") joins it (`folding.fold_clauses`)."""
    vectors = word_vectors(items, feats)
    agree, differ = candidates(items, feats, vectors, rules)
    m = Merger(items, feats, vectors)
    groups, owner = m.groups, m.owner
    for s, i, j in agree:  # (best first)
        gi, gj = owner[i], owner[j]
        if gi == gj:
            continue
        a, b = groups[gi], groups[gj]
        if (a.docs & b.docs) - ({items[i].doc} if items[i].doc == items[j].doc else set()):
            continue
        span = _overlap(a.lo, a.hi, b.lo, b.hi)
        if span is None:
            continue
        if (len(a.members) > 1 or len(b.members) > 1) and not (a.precise and b.precise) \
                and cosine(a.centroid, b.centroid) < rules.min_group_similarity:
            continue
        if s < rules.min_similarity and items[i].doc != items[j].doc and not same_participants(m, gi, gj, rules):
            continue  # (worded alike a little, "an earthquake struck Tonga" is not Porto Verde's)
        if (a.lo is None or b.lo is None) and too_late(m, gi, gj, published or {}, rules):
            continue  # ("has appeared in court" weeks after a hearing: another hearing)
        if (la := m.levels(gi)) and (lb := m.levels(gj)) and not la & lb:
            continue  # ("raised the alert to phase 5" is not "... to phase 6", through "raised its alert")
        m.join(gi, gj, span, m.evidence(s, i, j, "compatible times"))
    for s, i, j in differ:  # (best first)
        gi, gj = owner[i], owner[j]
        if gi == gj:
            continue
        if len(groups[gi].members) == 1 and len(groups[gj].members) > 1:  # the lone one disagrees
            gi, gj, i, j = gj, gi, j, i
        a, b = groups[gi], groups[gj]
        if len(b.members) != 1 or b.disagree or len(a.docs) < 2 or a.docs & b.docs:
            continue
        a.disagree += b.members
        a.docs |= b.docs
        owner[j] = gi
        b.members, b.docs = [], set()
        m.joins.append(m.evidence(s, i, j, "times differ"))
    attach_bare(m)
    fold_same_day(m, published or {}, rules)
    fold_restatements(m, published or {}, rules)
    fold_clauses(m, rules)
    out = tuple((tuple(sorted(g.members)), tuple(sorted(g.disagree))) for g in groups if g.members)
    return Merged(out, tuple(m.joins))
