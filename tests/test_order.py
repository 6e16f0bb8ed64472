"""Ordering: the search for the best slot of a new event agrees with scoring every slot."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from timeline.order import _best_slot

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
