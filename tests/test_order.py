"""Ordering: the fast paths (the best slot of a new event, the margins of a passage's pairs)
give what the plain definitions give."""
from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from timeline.events.eventmodel import pair_model
from timeline.events.mentions import find_events
from timeline.pipeline import read_documents
from timeline.model import AnchorKind, Document, Event, Interval, Relation
from timeline.events.envelopes import Envelopes, frame
from timeline.events.envelopes import UNITS
from timeline.events.order import MARGIN, PASSAGE, SPLIT_MARGIN, _best_slot, _place
from timeline.events.pairs import (WHITESPACE, WINDOW, _CONNECTIVE_ORDER, Margins, _connectives, _distance, _Gaps,
                                   _quoted, pair_features, sentence_numbers)
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


def _seed_documents() -> list[Document]:
    docs = list(read_documents([str(p) for p in sorted(SEEDS.glob("*.txt"))]))
    docs.append(Document("t", 'Troops attacked,after talks. "Then" they left (and) returned; officials said so '
                              "on Tuesday, because talks failed.\u00a0When it ended, they went home and slept. "
                              "On Monday night the army had shelled the town; on Wednesday talks resumed, and "
                              "by Thursday the ceasefire held.", dct=datetime(2026, 2, 6)))
    return docs


def _frames(doc: Document) -> list[list]:
    events = sorted(find_events(analyse(doc)), key=lambda e: e.start)
    return [[e for e in events if frame(e) == name] for name in sorted({frame(e) for e in events} - {"undated"})]


def test_the_margins_of_a_passage_are_those_of_the_pair_features():
    """Scored several passages at once, each pair is the pair_features' margin, and the pairs
    are those of one passage, at most WINDOW sentences apart, that no envelopes order."""
    model = pair_model()
    checked = 0
    for doc in _seed_documents():
        for events in _frames(doc):
            sent = sentence_numbers(events)
            envelopes = Envelopes(events)
            for passage in (PASSAGE, 7):
                margins = Margins(events, doc.text, sent, envelopes.of, envelopes.weights, passage)
                expected = [(i, k) for k in range(len(events)) for i in range(k) if i // passage == k // passage
                            and sent[k] - sent[i] <= WINDOW and not envelopes.weights[envelopes.of[i], envelopes.of[k]]]
                assert list(zip(margins.earlier.tolist(), margins.later.tolist())) == expected
                for i, k, m in zip(margins.earlier.tolist(), margins.later.tolist(), margins.margin.tolist()):
                    s = model.scores(pair_features(events[i], events[k], doc.text))
                    assert m == s[0] - s[1]
                    checked += 1
    assert checked > 200


def plain_place(events: list, text: str) -> list[list[int]]:
    """The rank groups of a passage by the definition, slot by slot (`every_slot`): each event
    weighs the evidence about every event placed before it, that of their envelopes, else that
    of the text (a margin of MARGIN at least, for events at most WINDOW sentences apart); then
    neighbouring groups that no evidence of SPLIT_MARGIN keeps apart are merged."""
    sent = sentence_numbers(events)
    envelopes = Envelopes(events)
    margins = Margins(events, text, sent, envelopes.of, envelopes.weights)
    margin = dict(zip(zip(margins.earlier.tolist(), margins.later.tolist()), margins.margin.tolist()))
    weight = envelopes.weights
    groups: list[list[int]] = []
    for k in range(len(events)):
        pieces = []
        for g in groups:
            mine = []
            for o in g:
                w = weight[envelopes.of[o], envelopes.of[k]]
                m = margin.get((o, k), 0.0)
                if w:
                    mine.append(w)
                elif abs(m) >= MARGIN:
                    mine.append(round(m * UNITS))
            pieces.append(mine)
        default = next((g for g, members in enumerate(groups) if k - 1 in members), None)
        if default is not None and sent[k] - sent[k - 1] > WINDOW:
            default = None
        slot = every_slot(pieces, default)
        if slot % 2:
            groups[slot // 2].append(k)
        else:
            groups.insert(slot // 2, [k])
    merged: list[list[int]] = []
    for g in groups:
        apart = merged and any(weight[envelopes.of[x], envelopes.of[y]] >= SPLIT_MARGIN * UNITS
                               or (margin.get((x, y), 0.0) if x < y else -margin.get((y, x), 0.0)) >= SPLIT_MARGIN
                               for x in merged[-1] for y in g)
        if merged and not apart:
            merged[-1] += g
        else:
            merged.append(list(g))
    return merged


def test_placing_gives_the_groups_of_the_definition():
    checked = 0
    for doc in _seed_documents():
        for events in _frames(doc):
            events = events[:PASSAGE]
            placed = _place(events, doc.text)
            groups: dict[int, list[int]] = {}
            for k, e in enumerate(events):
                groups.setdefault(placed[e.id], []).append(k)
            assert [groups[g] for g in sorted(groups)] == [sorted(g) for g in plain_place(events, doc.text)]
            checked += len(events)
    assert checked > 100


def test_the_weights_of_a_passage_as_a_matrix_are_those_of_each_pair():
    """Disjoint, staggered, nested, equal and open-ended envelopes, and no envelope at all."""
    day = datetime(2026, 2, 3)
    spans = [(0, 24), (24, 48), (12, 36), (6, 18), (0, 48), (None, 24), (30, None), (0, 24), (48, 72), (47, 49)]
    events = []
    for n, (a, b) in enumerate(spans):
        iv = Interval(None if a is None else day + timedelta(hours=a), None if b is None else day + timedelta(hours=b))
        events.append(Event(f"e{n}", "d", n, n + 1, "x", "s", "x", Relation.ON, AnchorKind.TIMEX, envelope=iv))
    events.append(Event("none", "d", 99, 100, "x", "s", "x", Relation.ON, AnchorKind.TIMEX))
    envelopes = Envelopes(events)
    classes = sorted(set(envelopes.of))
    assert -1 in classes and len(classes) == len(spans)  # (two spans alike: one class)
    matrix = envelopes.matrix(classes)
    assert matrix.tolist() == [[envelopes.weights[a, b] for b in classes] for a in classes]
    assert {abs(w) for row in matrix.tolist() for w in row} == {0, round(100 * UNITS), round(30 * UNITS)}


def test_ordering_ones_own_events_ranks_them_in_place_as_copies_would_be():
    """`order_events(..., own=True)` (the pipeline's: the events are made for it) sets each
    event's rank on the event itself; the order and the ranks are those of the copies it makes
    otherwise, and the caller's other events are left alone."""
    from timeline.events.order import order_events, place_document

    events = [e for doc in _seed_documents() for e in place_document(find_events(analyse(doc)), doc.text, own=True)]
    before = [(e.doc, e.id, e.rank) for e in events]
    copies = order_events(events, placed=True)
    assert [(e.doc, e.id, e.rank) for e in events] == before  # (copied: the events untouched)
    assert {id(e) for e in copies} - {id(e) for e in events}  # (ranks that change: copies made)
    own = order_events(events, placed=True, own=True)
    assert [(e.doc, e.id, e.rank) for e in own] == [(e.doc, e.id, e.rank) for e in copies]
    assert {id(e) for e in own} == {id(e) for e in events}  # (the same objects, ranked)
    assert len({e.rank for e in own}) > 10
