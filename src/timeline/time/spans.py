"""Spans counted from an anchor: "the past two weeks", "the next 48 hours", "in 7 days", and
"the previous two days", "the following three weeks" counted from the time the text last told.

The value is the duration (TIMEX3 DURATION, "P2D"); the interval is the span itself (for a range
of amounts, "the past two to three years", the longer: a reader wants its earliest bound). A span
from the publication day holds that day ("the past two days": yesterday and today, as a
reader of the day's news counts); a span before or after a time the text told lies next to
it ("The vote was on March 3. In the previous two days ...": 1-3 March, not the 3rd).
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from ..model import Grain, Interval, Symbolic, TimexType, Unit
from . import clock
from .periods import add_months, shift_period, shift_time
from .resolved import _UNIT_GRAIN, VAGUE_MAX, Anchor, Resolved
from .values import duration_value, vague_value


def resolve_span(sym: Symbolic, anchor: Anchor | None) -> Resolved | None:
    if sym.unit is None:
        return None
    value = duration_value(sym.amount, sym.unit)
    if anchor is None:
        return Resolved(TimexType.DURATION, value, mod=sym.mod)
    if sym.end_point is not None and sym.end_point.month is not None:  # "the three months to June"
        end = _end_of(sym.end_point, anchor.start)
        if end is None:
            return None
        span = Interval(shift_time(end, sym.unit, -(sym.amount or 1)), end)
        return Resolved(TimexType.DURATION, value, _UNIT_GRAIN.get(sym.unit), span, span, mod=sym.mod)
    reach = sym.amount if sym.amount is not None else VAGUE_MAX
    longest = sym.end_point.amount if sym.end_point is not None and sym.amount is not None else None
    if longest is not None:
        reach = max(reach, longest)  # "the next 12 to 18 months": the value the first, the span the longer
    if sym.anaphoric and sym.direction:  # "the previous two days": next to the time told, not holding it
        edge = anchor.start if sym.direction < 0 else anchor.end
        far = shift_time(edge, sym.unit, reach * sym.direction)
        env = Interval(*sorted((edge, far)))
        return Resolved(TimexType.DURATION, value, _UNIT_GRAIN.get(sym.unit), env if sym.amount is not None else None,
                        env, mod=sym.mod)
    ahead = clock.span_end(sym, anchor, shift_time)
    if ahead is not None:  # "in 7 days": the day a week on, within the span up to it
        iv, grain = ahead
        last = (clock.span_end(replace(sym, amount=longest), anchor, shift_time)
                if longest is not None and longest > sym.amount else None)  # type: ignore[operator]
        if last is not None:  # "in two to three weeks": from the day two weeks on to the day three weeks on
            iv = Interval(iv.start, last[0].end)
        start = clock.base_time(anchor, sym.unit)
        return Resolved(TimexType.DURATION, value, grain, iv, Interval(start, iv.end), mod=sym.mod)
    now = clock.base_time(anchor, sym.unit)  # "the next 48 hours": from the publication time, when known
    if now != anchor.start:  # ("in a few hours" too: up to VAGUE_MAX hours from then, no core)
        core = Interval(*sorted((now, shift_time(now, sym.unit, reach if sym.direction >= 0 else -reach))))
        return Resolved(TimexType.DURATION, value, _UNIT_GRAIN.get(sym.unit), core if sym.amount is not None else None,
                        core, mod=sym.mod)
    if sym.direction < 0:
        env = Interval(shift_time(anchor.start, sym.unit, -reach), anchor.end)
        core = Interval(shift_time(anchor.end, sym.unit, -reach), anchor.end) if sym.amount is not None else None
    else:
        env = Interval(anchor.start, shift_time(anchor.end, sym.unit, reach))
        core = Interval(anchor.start, shift_time(anchor.start, sym.unit, reach)) if sym.amount is not None else None
    return Resolved(TimexType.DURATION, value, _UNIT_GRAIN.get(sym.unit), core, env, mod=sym.mod)


def _end_of(point: Symbolic, reference: datetime) -> datetime | None:
    """Where the month (or the day of it) a span runs to ends: of the year written, else the
    latest one begun by the reference ("the three months to June", written in February: last
    June; the most recent such month not after the reference)."""
    years = [point.year] if point.year is not None else [reference.year, reference.year - 1]
    for year in years:
        try:
            first = datetime(year, point.month, point.day or 1)  # type: ignore[arg-type]
        except ValueError:  # "the year to February 29" in a year without one
            return None
        if point.year is not None or first <= reference:
            return first + timedelta(days=1) if point.day is not None else add_months(first, 1)
    return None


def unstated(sym: Symbolic, anchor: Anchor, unit: Unit) -> Resolved:
    """ "a few days ago", "Days later": the unit is known, the count is not; up to VAGUE_MAX
    units from the anchor ("a few hours ago" from the publication time when it is known, not
    from its day's start)."""
    sign = sym.direction or -1
    base = clock.base_time(anchor, unit)
    near = shift_period(base, unit, sign)
    far = shift_period(base, unit, sign * VAGUE_MAX)
    if base != anchor.start:
        env = Interval(far.start, base) if sign < 0 else Interval(base, far.end)
    elif near.start < anchor.end and shift_period(anchor.start, unit, 1).start < anchor.end:
        # a unit finer than the time told ("Hours later" after "on Monday"): from within it, and
        # valued as that day, not as an hour it cannot say
        env = Interval(far.start, anchor.end) if sign < 0 \
            else Interval(anchor.start, shift_period(anchor.end, unit, VAGUE_MAX - 1).end)
        if anchor.grain is Grain.DAY:
            return Resolved(TimexType.DATE, anchor.start.strftime("%Y-%m-%d"), Grain.DAY, None, env, mod=sym.mod)
    else:
        env = Interval(far.start, anchor.start) if sign < 0 else Interval(anchor.end, far.end)
    return Resolved(TimexType.DATE, vague_value(near, unit), _UNIT_GRAIN.get(unit), None, env, mod=sym.mod)
