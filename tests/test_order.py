"""Ordering: the fast paths (the best slot of a new event, the margins of a passage's pairs)
give what the plain definitions give."""
from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from timeline.events.eventmodel import pair_model
from timeline.events.mentions import find_events
from timeline.pipeline import read_documents
from timeline.model import Document
from timeline.events.envelopes import Envelopes, frame
from timeline.events.order import PASSAGE, _best_slot
from timeline.events.pairs import (WHITESPACE, _CONNECTIVE_ORDER, Margins, _connectives, _distance, _Gaps, _quoted,
                                   pair_features, sentence_numbers)
from timeline.time.analysis import analyse

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# per rank group, the evidence about its events: > 0 the new event comes after one of them
evidence = st.lists(st.lists(st.integers(-5, 5).filter(bool), max_size=3), max_size=8)


def every_slot(groups: list[list[int]], default: int | None) -> int:
    """Score each slot (2g: a new group before group g, 2g+1: into group g) one by one: each
    piece of evidence a counts -|a| at its group and on the side it contradicts, +|a| on the
    side it supports; the best score wins, then the slot nearest the default, then the later."""
    default_slot = 2 * len(groups) if default is None else 2 * default + 1
    best: tuple[int, int, int] | None = None
    for slot in range(2 * len(groups) + 1):
        score = 0
        for g, pieces in enumerate(groups):
            for a in pieces:
                if slot == 2 * g + 1:
                    agrees = False
                else:
                    agrees = slot > 2 * g + 1 if a > 0 else slot < 2 * g + 1
                score += abs(a) if agrees else -abs(a)
        cand = (score, -abs(slot - default_slot), slot)
        if best is None or cand > best:
            best = cand
    assert best is not None
    return best[2]


@given(evidence, st.data())
def test_the_best_slot_is_the_best_of_every_slot(groups, data):
    default = data.draw(st.none() | st.integers(0, len(groups) - 1)) if groups else None
    net = [sum(pieces) for pieces in groups]
    quiet = default is not None and not groups[default]
    assert _best_slot(net, default, quiet) == every_slot(groups, default)


def test_whitespace_is_what_str_split_splits_at():
    assert set(WHITESPACE) == {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}


words = st.sampled_from(["after", "After", "(then", "and,", "so.", '"when"', "x", "said", "ſo", "İf", "talks", "—", ",", "2026"])
spaces = st.sampled_from([" ", "  ", "\n", "\u00a0", "\u2009"])


@given(st.lists(st.tuples(words, spaces), min_size=2, max_size=30), st.data())
def test_gaps_read_the_text_between_as_the_pair_features_do(parts, data):
    text = "".join(w + s for w, s in parts)
    # events start and end at non-space characters
    starts = [i for i in range(len(text)) if not text[i].isspace()]
    ends = [i + 1 for i in starts]
    pairs = data.draw(st.lists(st.tuples(st.sampled_from(ends), st.sampled_from(starts)), min_size=1, max_size=10))
    pairs = [(a, b) for a, b in pairs if a <= b] or [(ends[0], max(starts))]
    gaps = _Gaps(text, np.array([a for a, _ in pairs]), np.array([b for _, b in pairs]))
    for n, (a, b) in enumerate(pairs):
        between = text[a:b].lower()
        assert gaps.distance[n] == _distance(between)
        assert bool(gaps.quoted[n]) == _quoted(between)
        assert [c for c, on in zip(_CONNECTIVE_ORDER, gaps.connectives[n]) if on] == _connectives(between)


def test_the_margins_of_a_passage_are_those_of_the_pair_features():
    docs = list(read_documents([str(p) for p in sorted(SEEDS.glob("*.txt"))]))
    docs.append(Document("t", 'Troops attacked,after talks. "Then" they left (and) returned; officials said so '
                              "on Tuesday, because talks failed.\u00a0When it ended, they went home and slept.",
                         dct=datetime(2026, 2, 6)))
    model = pair_model()
    checked = 0
    for doc in docs:
        events = sorted(find_events(analyse(doc)), key=lambda e: e.start)
        for frame_name in {frame(e) for e in events} - {"undated"}:
            passage = [e for e in events if frame(e) == frame_name][:PASSAGE]
            margins = Margins(passage, doc.text, sentence_numbers(passage), Envelopes(passage))
            for k, earlier in enumerate(margins.pairs):
                for i in earlier:
                    s = model.scores(pair_features(passage[i], passage[k], doc.text))
                    assert margins(i, k) == s[0] - s[1]
                    checked += 1
    assert checked > 100
