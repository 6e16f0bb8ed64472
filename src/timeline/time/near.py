"""Which year a date named without one means, when the nearest reading and the one a tense
points to differ: "He died on 2 March" written on 20 February, "Saudi Arabia told oil
companies of a cutback in September" written in August (normalize._resolve_point)."""
from __future__ import annotations

from datetime import timedelta

from ..model import Tense
from .periods import Period
from .resolved import Anchor


def distance(p: Period, anchor: Anchor) -> timedelta:
    if p.start < anchor.end and anchor.start < p.end:
        return timedelta(0)
    return p.start - anchor.end if p.start >= anchor.end else anchor.start - p.end


REPORTING_LAG = timedelta(days=7)  # a day named in the future tense may have gone by this much: the report ran late


def plausible_date(chosen: Period, cands: list[Period], anchor: Anchor,
                    tense: Tense = Tense.UNKNOWN, lag: timedelta = timedelta(0)) -> tuple[Period, Period | None]:
    """A month (with or without its day) and no year lies near the publication date: a reading
    more than half a year away loses to one within two months (tense cues are noisy: "Saudi
    Arabia told oil companies of a cutback in September", in August). The caller passes a
    tense only where it is to be kept: for a day its happening takes place on, "He died on 2
    March", written on 20 February, is the March gone by, and "He will take office on Jan.
    20", on 12 February, the coming one, unless the day is no more than `lag` gone ("Hudson
    said it will redeem the shares on Jan. 31", on Feb. 3: the report ran a few days late; with
    a lag below nothing, turns.GONE_AT_ALL, gone at all: "will be held in December", on 1
    January, is the coming December);
    for a holiday, a future tense: "the shops will open on Christmas", in February."""
    near = min(cands, key=lambda c: distance(c, anchor))
    if tense is Tense.PAST and near.start >= anchor.end:
        return chosen, None
    if tense is Tense.FUTURE and near.end <= anchor.start and anchor.start - near.end > lag:
        return chosen, None
    if near is not chosen and distance(chosen, anchor) > timedelta(days=180) \
            and distance(near, anchor) < timedelta(days=60):
        return near, chosen
    return chosen, None


def long_gone(cands: list[Period], anchor: Anchor) -> bool:
    """The last instance before the anchor ended more than two months before it."""
    past = [c for c in cands if c.end <= anchor.start]
    return bool(past) and anchor.start - past[-1].end > timedelta(days=60)
