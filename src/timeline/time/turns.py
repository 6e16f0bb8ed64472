"""Anchoring at a turn of the calendar: which weekend, year or month a reference time on a
weekend, early in a year or at a month's end points to, where the nearest reading is wrong.

"this coming weekend" told on a Sunday is the next weekend, not the one ending that day; "the
second half of the year", "the last quarter of the year" told in the past in February are last
year's (a reported expectation, "expected a loss in the fourth quarter of the year", is not a
past: analysis.tense_at leaves its tense unknown); "The summit will be held in December" (or
"in November") told on 1 January is the coming one, not the one gone by; "The ship will
sail at 6 a.m." told at 23:30 sails tomorrow. Called by
normalize.py, which keeps every other decision.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Callable

from ..model import Symbolic, Tense, Unit
from .near import REPORTING_LAG
from .periods import Period, shift_period
from .resolved import Anchor


def weekend_offset(sym: Symbolic, anchor: Anchor, tense: Tense) -> int:
    """Which weekend "the weekend" (offset 0) is: the one just past when a weekday report tells
    it in the past ("over the weekend"); the next when "this coming weekend" is told on a
    Saturday or Sunday (the weekend under way is no longer coming); else this week's."""
    weekday = anchor.start.isoweekday()
    if tense is Tense.PAST and weekday <= 5 and not sym.this:
        return -1
    if sym.direction > 0 and weekday >= 6:
        return 1
    return 0


def year_part_gone(p: Period, sym: Symbolic, anchor: Anchor, tense: Tense,
                   part_in: Callable[[Period], Period | None]) -> Period:
    """A part of "the year" (a quarter, a half, its last month: analysis._part_of_the_year) told
    in the past that has not begun yet is last year's: "Sales rose in the second half of the
    year", in February. `part_in(year)` names the same part in another year."""
    if sym.unit is Unit.YEAR and sym.offset == 0 and tense is Tense.PAST and p.start >= anchor.end:
        return part_in(shift_period(anchor.start, Unit.YEAR, -1)) or p
    return p


# how long ago a month alone told by a future verb may have ended and still be taken for the
# coming one: the month just ended, or the one before it told in the first half of a month
FUTURE_MONTH_GONE = timedelta(days=45)


def month_told(sym: Symbolic, tense: Tense, event_day: bool, cands: list[Period],
               anchor: Anchor, ahead: bool = False) -> tuple[Tense, timedelta]:
    """The tense a month named without its year keeps against the nearest reading, and how
    late a report may run: a day its happening took place on keeps its verb ("died on 2
    March"); a month alone told by a future proper (`ahead`: "will", "is due", "is scheduled",
    analysis.looks_ahead_at) is the coming one when the nearest reading is the month just
    ended or ended at most FUTURE_MONTH_GONE before ("will be held in December", "will be held
    in November", on 1 January), with no lag. A "through August" or "until March" is no future
    proper ("sales through August are up", on 2 September), nor a conditional ("would be an
    initial number based on limited information in April", on 12 June). Further back the
    nearest reading stays (as plausible_date has it within two months): a review of the year,
    told on 28 December, says what was to come at the time ("a referendum due in October":
    2005's, in IraqWar's Guardian review). Any other month alone goes to the nearest (tense
    cues are noisy: "told oil companies of a cutback in September", in August; "sales this
    year through August", in October)."""
    if sym.day is not None:
        return (tense if event_day else Tense.UNKNOWN), REPORTING_LAG
    gone = [c for c in cands if c.end <= anchor.start]
    month_start = anchor.start.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    if tense is Tense.FUTURE and ahead and gone and (gone[-1].end == month_start
                                                     or anchor.start - gone[-1].end <= FUTURE_MONTH_GONE):
        return tense, GONE_AT_ALL
    return Tense.UNKNOWN, REPORTING_LAG


# a lag below nothing: a day gone by at all is not the one a future verb tells of (near.plausible_date;
# a holiday's lag of nothing keeps the holiday of the day before: "the Queen's speech on Christmas
# Day will be repeated tonight", on 26 December)
GONE_AT_ALL = timedelta(days=-1)


CLOCK_GRACE = timedelta(hours=1)  # a clock time told in the future may have gone by this much: the report ran late


def clock_day(d: datetime, hour: int, minute: int | None, anchor: Anchor, tense: Tense) -> datetime:
    """The day a bare clock time falls on: the anchor's, unless it is told in the future and
    had gone by more than an hour before the publication time (known to the minute): "The
    ship will sail at 6 a.m.", told at 23:30, sails the next morning."""
    day = datetime(d.year, d.month, d.day)
    now = getattr(anchor, "now", None)
    if tense is Tense.FUTURE and now is not None and day + timedelta(hours=hour, minutes=minute or 0) < now - CLOCK_GRACE:
        return day + timedelta(days=1)
    return day
