"""events.entries: merging the salient mentions of one kind of happening into entries keeps
the verdicts of its clusters up to date as they grow; the result is that of testing each
mention's time against the times of each recent cluster's last members anew."""
from __future__ import annotations

import random
from datetime import datetime, timedelta

from timeline.events.entries import MERGE_REACH, _ANCHOR_STRENGTH, _compatible, _width, merge_mentions
from timeline.events.evolve import evolve
from timeline.model import AnchorKind, Event, Interval, Relation


def _merged_anew(events: list[Event]) -> list[Event]:
    """The merging as first written: every test against the whole window, every time."""
    from timeline.events.entries import _happening_kinds

    kinds = _happening_kinds()
    entries: dict[str, list[Event]] = {}
    for e in events:
        kind = kinds.get(e.text.lower())
        if e.salient and kind is not None:
            entries.setdefault(kind, []).append(e)
    merged: dict[str, str] = {}
    for group in entries.values():
        clusters: list[list[Event]] = []
        for e in group:
            for c in clusters[-MERGE_REACH:]:
                if all(_compatible(e, u) for u in c[-MERGE_REACH:]):
                    c.append(e)
                    break
            else:
                clusters.append([e])
        for c in clusters:
            head = min(c, key=lambda e: (_ANCHOR_STRENGTH[e.anchor], _width(e), e.start))
            merged.update((e.id, head.id) for e in c if e is not head)
    return [evolve(e, salient=False, same_as=merged[e.id]) if e.id in merged else e for e in events]


def test_merging_by_kind_is_testing_every_time_anew_over_long_runs_of_mentions():
    rng = random.Random(7)
    day = datetime(2026, 2, 3)
    spans = [(0, 1), (0, 2), (1, 2), (3, 4), (0, 10), (5, 6), (2, 9)]  # disjoint, nested, overlapping days
    words = ["strike", "attack", "talks", "visit", "said"]
    events = []
    for k in range(700):  # runs of one time longer than MERGE_REACH, then others
        a, b = spans[(k // 90 + (k % 7 == 0) * rng.randrange(len(spans))) % len(spans)]
        events.append(Event(f"e{k + 1}", "d", 10 * k, 10 * k + 6, rng.choice(words), "", "", Relation.ON,
                            rng.choice([AnchorKind.TIMEX, AnchorKind.DCT_TENSE]),
                            envelope=Interval(day + timedelta(days=a), day + timedelta(days=b)),
                            salient=rng.random() < 0.9))
    merged = merge_mentions(events)
    assert merged == _merged_anew(events)
    heads = {e.same_as for e in merged if e.same_as}
    assert len(heads) > 10 and sum(e.same_as is not None for e in merged) > 300  # (it merged, and not into one)


def _strike(k: int, a: int, b: int) -> Event:
    day = datetime(2026, 2, 3)
    return Event(f"e{k}", "d", 10 * k, 10 * k + 6, "strike", "", "", Relation.ON, AnchorKind.TIMEX,
                 envelope=Interval(day + timedelta(days=a), day + timedelta(days=b)))


def test_a_time_that_left_a_cluster_no_longer_keeps_out_nor_lets_in():
    x, y, z = (0, 1), (0, 10), (5, 6)  # y holds x and z, which are disjoint
    times = [x] * 3 + [z] + [y] * (MERGE_REACH + 6) + [z, x]
    events = [_strike(k + 1, *t) for k, t in enumerate(times)]
    merged = merge_mentions(events)
    assert merged == _merged_anew(events)
    first, late_z, late_x = merged[0], merged[-2], merged[-1]
    # the last z joins the first entry, whose last members are all y now; the last x no longer fits it
    assert late_z.same_as == first.id and late_x.same_as != first.id and first.same_as is None
