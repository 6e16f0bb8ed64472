"""The publication time of day, and the times that count from it.

When the publication time is known to the minute (``--date 2013-02-12T04:30``, a metadata or
dateline time), "now", "two hours ago", "in 2 minutes", "earlier today", "later today" count
from it rather than from the start of the publication day; "in 7 days" is the day a week on.
Called by normalize.py; nothing here reads the clock of the machine.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from ..model import Grain, Interval, Symbolic, Unit

_CLOCK_UNITS = (Unit.HOUR, Unit.MINUTE, Unit.SECOND)
_COARSER_THAN_WEEK = (Unit.MONTH, Unit.QUARTER, Unit.HALF, Unit.SEASON, Unit.YEAR)


def base_time(anchor, unit: Unit | None) -> datetime:
    """What an offset in `unit` counts from: the publication time for hours and minutes when
    it is known, else the start of the anchor; for a month, quarter or year counted from a
    week, the week's Thursday (ISO 8601: a week that straddles two months or years belongs to
    the one that holds its Thursday: "That week ... later that month")."""
    if unit in _CLOCK_UNITS and getattr(anchor, "now", None) is not None:
        return anchor.now
    if unit in _COARSER_THAN_WEEK and getattr(anchor, "grain", None) is Grain.WEEK \
            and anchor.end - anchor.start == timedelta(days=7):
        return anchor.start + timedelta(days=3)
    return anchor.start


def present(anchor) -> Interval | None:
    """ "now" when the publication time is known: that minute."""
    now = getattr(anchor, "now", None)
    return None if now is None else Interval(now, now + timedelta(minutes=1))


def clip_today(env: Interval, sym: Symbolic, anchor) -> Interval:
    """ "earlier today" ends, "later today" starts, at the publication time when it is known."""
    now = getattr(anchor, "now", None)
    if now is None or not sym.direction or env.start is None or env.end is None or not env.start <= now < env.end:
        return env
    return Interval(env.start, now) if sym.direction < 0 else Interval(now, env.end)


def span_end(sym: Symbolic, anchor, shift) -> tuple[Interval, Grain] | None:
    """ "in 7 days", "7 days hence", "in half an hour": the time that far from the anchor, at the
    grain of the unit (the day 7 days on; the minute half an hour after the publication time)."""
    if not sym.at_end or sym.amount is None or sym.unit is None or sym.direction < 0:
        return None
    if sym.unit in _CLOCK_UNITS:
        base = base_time(anchor, sym.unit)
        t = shift(base, sym.unit, sym.amount)
        t = t.replace(second=0, microsecond=0)
        return Interval(t, t + timedelta(minutes=1)), Grain.MINUTE
    t = shift(anchor.start, sym.unit, sym.amount)
    if sym.unit in (Unit.DAY, Unit.WEEK, Unit.NIGHT):
        d = datetime(t.year, t.month, t.day)
        return Interval(d, d + timedelta(days=1)), Grain.DAY
    return None


def hours_from_now(anchor, unit: Unit | None, offset: int):
    """ "two hours ago" at 04:30: 02:30, the minute, when the publication time has minutes
    (not the hour 02:00-03:00, which would put it up to 90 minutes off); None otherwise."""
    from .periods import time_period

    now = getattr(anchor, "now", None)
    if unit is not Unit.HOUR or now is None or now.minute == 0:
        return None
    t = now + timedelta(hours=offset)
    return time_period(datetime(t.year, t.month, t.day), t.hour, t.minute)
