"""What two events' envelopes say about their order: the frame an event is dated in (the
calendar, or days relative to an undated article's publication day), and -1/0/1 for two
envelopes: disjoint ones decide, staggered ones suggest, one holding the other says nothing.
Events of a passage are classed by envelope, and classes compared once (`Envelopes`)."""
from __future__ import annotations

from datetime import datetime

from typing import Sequence

import numpy as np

from ..model import AnchorKind, Event

HARD = 100.0  # weight of an order that disjoint envelopes decide
SOFT = 30.0  # weight of an order that overlapping, staggered envelopes suggest
UNITS = 1_000_000  # evidence is summed in millionths, exactly: the order of the sums cannot tip a tie


_FAR = datetime.max


def frame(e: Event) -> str:
    """"" for the calendar; the document id for an undated article's relative days; "undated"."""
    if e.envelope is not None:
        return ""
    if e.relative is not None:
        return e.doc
    return "undated"


def envelope_order(a: Event, b: Event) -> int:
    if AnchorKind.NARRATIVE in (a.anchor, b.anchor):
        return 0  # a time carried over from the passage is a default, not evidence
    if frame(a) != frame(b):
        return 0  # calendar dates and days relative to an unknown publication day do not compare
    return bounds_order(a.bounds, b.bounds)


def bounds_order(ba: tuple[object, object] | None, bb: tuple[object, object] | None) -> int:
    """How the envelopes [a0, a1) and [b0, b1) order a and b: -2/2 disjoint (a wholly
    before/after b); -1/1 they overlap but a starts and ends earlier/later than b (the overnight
    strike and the next day's visit); 0 one holds the other, or unknown."""
    if ba is None or bb is None:
        return 0
    (a0, a1), (b0, b1) = ba, bb
    if a1 is not None and b0 is not None and a1 <= b0:  # type: ignore[operator]
        return -2
    if b1 is not None and a0 is not None and b1 <= a0:  # type: ignore[operator]
        return 2
    if None in (a0, a1, b0, b1):
        return 0  # an open end holds the other's bound: containment, not order
    if a0 < b0 and a1 < b1:  # type: ignore[operator]
        return -1
    if b0 < a0 and b1 < a1:  # type: ignore[operator]
        return 1
    return 0


NO_ENVELOPE = -1  # the envelope class of an event that no envelope orders


class _Weights(dict[tuple[int, int], int]):
    """weights[placed, new]: the evidence (in UNITS) that an event of class `new` comes after
    one of class `placed`: HARD for disjoint envelopes, SOFT for staggered ones, negative for
    before, 0 when they do not say. Worked out when first asked for."""

    def __init__(self, bounds: list[tuple[object, object]]) -> None:
        super().__init__()
        self.bounds = bounds

    def __missing__(self, key: tuple[int, int]) -> int:
        placed, new = key
        env = 0 if NO_ENVELOPE in key else bounds_order(self.bounds[placed], self.bounds[new])
        w = self[key] = 0 if not env else round((HARD if abs(env) == 2 else SOFT) * UNITS) * (-env // abs(env))
        return w


class Envelopes:
    """The events of a passage classed by envelope: what the envelopes of two events say about
    their order depends on their classes alone, so it is worked out once per pair of classes
    (an article names a few dozen times, not hundreds)."""

    def __init__(self, events: Sequence[Event]) -> None:
        index: dict[tuple[object, object], int] = {}
        self.of: list[int] = []  # the class of each event
        for e in events:
            b = e.bounds
            self.of.append(NO_ENVELOPE if b is None or e.anchor is AnchorKind.NARRATIVE else index.setdefault(b, len(index)))
        self.weights = _Weights(list(index))

    def matrix(self, classes: Sequence[int]) -> np.ndarray:
        """The weights between the given classes (NO_ENVELOPE allowed), as a matrix:
        [a, b] = weights[classes[a], classes[b]], worked out for all pairs at once from the ranks
        of the envelopes' bounds (what `bounds_order` compares, compared once each)."""
        bounds = [self.weights.bounds[c] if c != NO_ENVELOPE else None for c in classes]
        values = {v for b in bounds if b is not None for v in b if v is not None}
        rank = {v: r for r, v in enumerate(sorted(values))}  # type: ignore[type-var]
        lo = np.array([-1 if b is None or b[0] is None else rank[b[0]] for b in bounds], dtype=np.int64)
        hi = np.array([-1 if b is None or b[1] is None else rank[b[1]] for b in bounds], dtype=np.int64)
        known = np.array([b is not None for b in bounds], dtype=bool)
        a0, a1, b0, b1 = lo[:, None], hi[:, None], lo[None, :], hi[None, :]
        both = known[:, None] & known[None, :]
        before = both & (a1 >= 0) & (b0 >= 0) & (a1 <= b0)  # -2: a wholly before b
        after = both & ~before & (b1 >= 0) & (a0 >= 0) & (b1 <= a0)  # 2
        closed = both & ~before & ~after & (a0 >= 0) & (a1 >= 0) & (b0 >= 0) & (b1 >= 0)
        earlier = closed & (a0 < b0) & (a1 < b1)  # -1: staggered, a first
        later = closed & ~earlier & (b0 < a0) & (b1 < a1)  # 1
        hard, soft = round(HARD * UNITS), round(SOFT * UNITS)
        return np.select([before, after, earlier, later], [hard, -hard, soft, -soft], 0).astype(np.int64)

