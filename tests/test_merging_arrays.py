"""story.merging scores its candidate pairs as arrays: the same pairs, the same floats and the
same order as scoring them one by one, which is what keeps a story's happenings and their
joins byte-identical whatever the size of the input."""
from __future__ import annotations

import math
import random
from collections import defaultdict
from types import SimpleNamespace

from timeline.story.features import Features, contradict, dot, match_rules
from timeline.story.merging import NEIGHBOURS, PAIRWISE, Pairs, _dots, _overlap, candidates


def _reference(items, feats, vectors, rules):
    """The candidates as first written: every pair checked against a set, scored one by one,
    then sorted as `merge` used to sort them."""
    agree, differ = [], []
    by_kind = defaultdict(list)
    for i, f in enumerate(feats):
        if f.frame != "undated":
            for k in f.kinds:
                by_kind[(k, f.frame)].append(i)
    seen = set()

    def pair(i, j):
        if (i, j) in seen:
            return
        seen.add((i, j))
        fi, fj = feats[i], feats[j]
        same_article = items[i].doc == items[j].doc
        if not same_article and contradict(fi.numbers, fj.numbers):
            return
        s = dot(vectors[i], vectors[j])
        meet = _overlap(*fi.span, *fj.span) is not None
        same_day = meet and fi.day_precise and fj.day_precise
        if same_day and same_article:
            agree.append((max(s, rules.same_day_similarity), i, j))
        elif meet and (s >= rules.min_similarity or (same_day and s >= rules.same_day_similarity)):
            agree.append((s, i, j))
        elif not meet and not same_article and s >= rules.disagreement_similarity:
            differ.append((s, i, j))

    def pairs_of(group, near=None):
        for x, i in enumerate(group):
            for j in (group[x + 1:] if near is None else group[x + 1:x + 1 + near]):
                pair(min(i, j), max(i, j))

    for key in sorted(by_kind):
        members = by_kind[key]
        one_day = defaultdict(list)
        for i in members:
            if feats[i].day_precise:
                one_day[(items[i].doc, math.floor(feats[i].lo))].append(i)
        cap = min(PAIRWISE, max(rules.common_floor, int(rules.common_share * len(members))))
        for group in one_day.values():
            pairs_of(group, None if len(group) <= cap else NEIGHBOURS)
        postings = defaultdict(list)
        for i in members:
            for t in vectors[i]:
                postings[t].append(i)
        for plist in postings.values():
            if len(plist) <= cap:
                pairs_of(plist)
                continue
            by_day = defaultdict(list)
            for i in plist:
                by_day[feats[i].span[0] if feats[i].day_precise else None].append(i)
            for day, group in by_day.items():
                if day is not None and len(group) <= cap:
                    pairs_of(group)
                else:
                    timed = sorted(group, key=lambda i: (feats[i].span[0] is None, feats[i].span[0] or 0.0,
                                                         items[i].doc, i))
                    pairs_of(timed, NEIGHBOURS)
    agree.sort(key=lambda t: (items[t[1]].doc != items[t[2]].doc, -t[0], t[1], t[2]))
    differ.sort(key=lambda t: (-t[0], t[1], t[2]))
    return agree, differ


def _story(n: int, seed: int, docs: int, days: int):
    """`n` mentions of a few kinds in `docs` articles, dated to one of `days` days, to spans or
    to nothing, worded from a small vocabulary (one word in most of them, too common to pair
    them all), some counting things."""
    rng = random.Random(seed)
    words = [f"w{k}" for k in range(40)]
    items, feats, vectors = [], [], []
    for _ in range(n):
        doc = f"d{rng.randrange(docs)}"
        day = 738000 + rng.randrange(days)
        lo, hi = rng.choice([(day, day + 1), (day, day + 1), (day - 3, day + 4), (None, day), (None, None)])
        numbers = frozenset(rng.sample([("17", "injured"), ("180", "injured"), ("3", "")], rng.randrange(3)))
        kinds = tuple(rng.sample(["attack", "death", "talks"], rng.randrange(1, 3)))
        frame = rng.choice(["", "", "", "undated"])
        feats.append(Features(kinds, (), numbers, frame, lo, hi, False))
        chosen = ["w0"] * (rng.random() < 0.8) + rng.sample(words, rng.randrange(0, 6))
        weights = {w: rng.random() for w in dict.fromkeys(chosen)}
        norm = math.sqrt(sum(x * x for x in weights.values())) or 1.0
        vectors.append({w: x / norm for w, x in weights.items()})
        items.append(SimpleNamespace(doc=doc))
    return items, feats, vectors


def test_array_dot_products_are_the_floats_of_the_dict_dot_product():
    rng = random.Random(7)
    vectors = [{f"t{rng.randrange(30)}": rng.random() for _ in range(rng.randrange(0, 12))} for _ in range(300)]
    i = [rng.randrange(300) for _ in range(5000)]
    j = [rng.randrange(300) for _ in range(5000)]
    import numpy as np

    got = _dots(vectors, np.array(i), np.array(j)).tolist()
    assert got == [float(dot(vectors[a], vectors[b])) for a, b in zip(i, j)]


def test_candidates_are_those_scored_pair_by_pair_in_the_same_order(monkeypatch):
    monkeypatch.setattr(Pairs, "CHUNK", 1000)  # (read a chunk at a time)
    rules = match_rules()
    # (one article of one day: its day and its common word too large to pair all their
    # mentions, which meet their neighbours)
    for seed, n, docs, days in ((1, 300, 4, 6), (2, 1500, 1, 1)):
        items, feats, vectors = _story(n, seed, docs, days)
        agree, differ = candidates(items, feats, vectors, rules)
        want_agree, want_differ = _reference(items, feats, vectors, rules)
        assert list(agree) == want_agree
        assert list(differ) == want_differ
        assert agree and (differ or docs == 1)
