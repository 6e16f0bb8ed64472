"""Symbolic time + anchor + tense -> TIMEX3 value, grain, interval and envelope.

This is HeidelTime's second phase and Duckling's final step: the only place where a
reference time turns a symbolic time into dates. Every interval is half-open. A vague
expression keeps its TIMEX3 value and gets a bounded envelope; an undated document keeps
symbolic values ("XXXX-XX-XXTNI") and, where the expression only counts days and hours
from the publication day, an interval relative to that day (D-1 18:00 .. D 08:00)."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from ..model import Grain, Interval, Kind, RelInterval, Symbolic, Tense, TimexType, Unit
from .periods import (Period, add_months, century_period, clock_hour, day_period, decade_period, half_period, holiday_date,
                      month_period, part_edge, part_period, quarter_period, refine, season_index, season_period, shift_period,
                      shift_time, time_period, week_period, year_period)
from . import clock, compose, turns
from .resolved import _GRAIN_UNIT, VIRTUAL_DAY, Anchor, Resolved
from .near import distance, long_gone, plausible_date
from .spans import resolve_span, unstated
from .values import bc_value, before_christ, duration_value, masked_value, range_duration, set_value

# ----------------------------------------------------------------------------- resolution

def _mod_envelope(p: Period, mod: str | None) -> Interval:
    if mod in ("START", "MID", "END"):
        k = {"START": 0, "MID": 1, "END": 2}[mod]
        months = (p.end.year - p.start.year) * 12 + p.end.month - p.start.month
        if p.start.day == 1 == p.end.day and months >= 3 and months % 3 == 0 and p.start.hour == 0:
            step = months // 3  # whole months: "mid-1996" is May to August
            return Interval(add_months(p.start, step * k), add_months(p.start, step * (k + 1)))
        third = (p.end - p.start) / 3
        k = {"START": 0, "MID": 1, "END": 2}[mod]
        return Interval(p.start + third * k, p.start + third * (k + 1))
    return Interval(p.start, p.end)


def _holiday_period(key: str, year: int) -> Period:
    """A holiday of holidays.toml, or a feast of another calendar (feasts.toml), in a year."""
    if compose.is_feast(key):
        return compose.feast_period(key, year)
    return day_period(holiday_date(key, year))


def _absolute(sym: Symbolic) -> Period | None:
    """A point that names its own year (or decade, century): no anchor needed."""
    if sym.holiday is not None:
        try:  # (no fixed day that year, "Super Bowl Sunday 2002": the year it names)
            return _holiday_period(sym.holiday, sym.year) if sym.year is not None else None
        except ValueError:
            return year_period(sym.year)  # type: ignore[arg-type]
    if sym.century is not None and sym.year is None:
        return century_period(sym.century)
    if sym.decade is not None and sym.year is None:
        return decade_period(sym.decade)
    if sym.year is None:
        return None
    return _within_year(sym.year, sym) or year_period(sym.year)


def _within_year(y: int, sym: Symbolic) -> Period | None:
    """The part of year `y` the fields name (a day, month, season, quarter, half or week), if any."""
    if sym.nth is not None and sym.nth_unit is not None:  # "the first week of January 2013", "the last week of 2012"
        return compose.within(month_period(y, sym.month) if sym.month is not None else year_period(y), sym)
    if sym.nth is not None and sym.month is not None and sym.weekday is not None:
        return compose.within(month_period(y, sym.month), sym)  # "the second Friday of March 2019"
    if sym.nth is not None and sym.weekday is not None and sym.day is None:
        return compose.within(year_period(y), sym)  # "the first Monday of 2019"
    if sym.month is not None:
        if sym.day is not None:
            return refine(day_period(datetime(y, sym.month, sym.day)), sym)
        return month_period(y, sym.month)
    if sym.season:
        return season_period(y, sym.season)
    if sym.quarter:
        return quarter_period(y, sym.quarter)
    if sym.half:
        return half_period(y, sym.half)
    if sym.week is not None:
        return week_period(datetime.fromisocalendar(y, sym.week, 1))
    return None


def _candidates(sym: Symbolic, anchor: Anchor) -> tuple[list[Period], bool]:
    """Instances of a partial point around the anchor; the flag says it repeats weekly."""
    a = anchor.start
    out: list[Period] = []
    if sym.holiday is not None:
        out = []
        for y in (a.year - 1, a.year, a.year + 1):
            try:
                out.append(_holiday_period(sym.holiday, y))
            except ValueError:  # a feast outside its table's years
                continue
        return out, False
    if sym.month is not None:
        for y in (a.year - 1, a.year, a.year + 1):
            try:
                if sym.day is not None:
                    d = datetime(y, sym.month, sym.day)
                    if sym.weekday is None or d.isoweekday() == sym.weekday:
                        out.append(day_period(d))  # "Saturday, April 25": the year it was a Saturday
                else:
                    out.append(month_period(y, sym.month))
            except ValueError:
                continue
        if not out and sym.day is not None and sym.weekday is not None:  # a slip of the writer's:
            return _candidates(replace(sym, weekday=None), anchor)  # the date counts, not its weekday
        return out, False
    if sym.season:
        return [season_period(y, sym.season) for y in range(a.year - 2, a.year + 2)], False
    if sym.quarter:
        return [quarter_period(y, sym.quarter) for y in (a.year - 1, a.year, a.year + 1)], False
    if sym.half:
        return [half_period(y, sym.half) for y in (a.year - 1, a.year, a.year + 1)], False
    if sym.weekday is not None and sym.day is not None:
        # "Thursday, the 14th": the months near the anchor whose 14th is a Thursday (within eleven months)
        for n in range(-11, 12):
            m = add_months(datetime(a.year, a.month, 1), n)
            try:
                d = datetime(m.year, m.month, sym.day)
            except ValueError:
                continue
            if d.isoweekday() == sym.weekday:
                out.append(day_period(d))
        if not out:  # a slip of the writer's: the day counts, not its weekday
            return _candidates(replace(sym, weekday=None), anchor)
        return out, False
    if sym.weekday is not None:
        for k in range(-7, 8):
            d = a + timedelta(days=k)
            if d.isoweekday() == sym.weekday:
                out.append(day_period(d))
        return out, True
    if sym.day is not None:
        for n in (-1, 0, 1):
            m = add_months(datetime(a.year, a.month, 1), n)
            try:
                out.append(day_period(datetime(m.year, m.month, sym.day)))
            except ValueError:
                continue
        return out, False
    return out, False


def _choose(cands: list[Period], weekly: bool, anchor: Anchor, tense: Tense,
            direction: int, this: bool = False) -> tuple[Period | None, Period | None]:
    """Pick the instance a tense or a "last"/"next" points to; also the runner-up if unclear."""
    if not cands:
        return None, None
    day_start = anchor.start
    day_end = anchor.end
    if this:
        if weekly:
            week = week_period(day_start)
            same = [c for c in cands if week.start <= c.start < week.end]
        else:
            same = [c for c in cands if c.start <= day_start < c.end] or \
                   [c for c in cands if c.start.year == day_start.year]
        if same:
            return same[0], None
    if direction < 0:
        before = [c for c in cands if c.end <= day_start]
        if len(before) > 1 and before[-1].grain is Grain.MONTH and add_months(before[-1].end, 1) > day_start:
            # "last February" written on 1 March: not the month that just ended (that is "last
            # month"), but the February a year before
            return before[-2], None
        return (before[-1] if before else None), None
    if direction > 0:
        after = [c for c in cands if c.start >= day_end]
        return (after[0] if after else None), None
    containing = [c for c in cands if c.start <= day_start < c.end]
    if containing:  # the publication day itself, for a weekday, whatever the tense
        return containing[0], None
    past = [c for c in cands if c.start <= day_start]
    future = [c for c in cands if c.start >= day_end]
    if tense is Tense.PAST:
        return (past[-1] if past else None), None
    if tense is Tense.FUTURE:
        return (future[0] if future else None), None
    p = past[-1] if past else None
    f = future[0] if future else None
    if p is None or f is None:
        return p or f, None
    if distance(p, anchor) < distance(f, anchor):
        return p, f
    return f, p


def _envelope_of(p: Period, mod: str | None) -> Interval:
    return _mod_envelope(p, mod)


def _point_type(sym: Symbolic) -> TimexType:
    return TimexType.TIME if (sym.part or sym.hour is not None) else TimexType.DATE


def resolve(sym: Symbolic, anchor: Anchor | None, tense: Tense = Tense.UNKNOWN,
            forced_type: TimexType | None = None, event_day: bool = False, ahead: bool = False) -> Resolved | None:
    """Resolve one symbolic time; None when the fields name no real date (February 30).
    `event_day`: the text names its happening's day ("died on 2 March", "will take office on Jan. 20"),
    so the verb's tense fixes its year (tense.names_event_day); `ahead`: a future proper tells it (turns.month_told)."""
    try:
        named = replace(sym, shift=None) if sym.shift else sym
        res = _resolve(named, anchor, tense, event_day, ahead)
        if sym.shift and res is not None:  # "the day after Christmas" (after Ramadan: its last day); never from a year
            res = _period_result(day_period((res.interval.start if sym.shift < 0 else res.interval.end - timedelta(days=1))
                                            + timedelta(days=sym.shift)), named) \
                if res.grain is Grain.DAY and res.interval is not None and res.interval.start else \
                resolve_relative(sym, tense) if anchor is None else None  # (undated: "XXXX-12-26")
    except (ValueError, OverflowError):
        return None
    if res is not None and forced_type is not None and res.type is not forced_type:
        res = Resolved(forced_type, res.value, res.grain, res.interval, res.envelope, res.relative,
                       res.mod, res.alternative)
    return res


def resolve_relative(sym: Symbolic, tense: Tense) -> Resolved | None:
    """For an undated document: the symbolic value plus, where the expression counts only days
    and hours from the publication day, an interval relative to that day."""
    counts_days = (
        (sym.kind is Kind.RELATIVE and sym.unit in (Unit.DAY, Unit.NIGHT, Unit.HOUR, Unit.MINUTE)
         and sym.offset is not None)
        or (sym.kind is Kind.POINT and sym.year is None and sym.month is None and sym.weekday is None
            and sym.season is None and sym.day is None and sym.decade is None and sym.century is None
            and (sym.part is not None or sym.hour is not None))
        or (sym.kind in (Kind.SPAN, Kind.REF) and (sym.unit in (Unit.DAY, Unit.WEEK, Unit.HOUR, Unit.MINUTE)))
    )
    if sym.kind in (Kind.DURATION, Kind.SET):
        return resolve(sym, None, tense)
    if sym.kind is Kind.POINT and _absolute(sym) is not None:
        return resolve(sym, None, tense)
    base = resolve(sym, Anchor.day(VIRTUAL_DAY, virtual=True), tense) if counts_days else None
    value = base.value if base and sym.kind in (Kind.SPAN, Kind.REF) else (
        sym.ref if sym.kind is Kind.REF else masked_value(sym))
    ttype = base.type if base else (TimexType.DURATION if sym.kind in (Kind.SPAN, Kind.RANGE) else _point_type(sym))
    grain, mod, week = base.grain if base else None, sym.mod, compose.undated_week_of(sym)
    if week is not None:  # "the first week of January": a week (XXXX-W01), not the month
        value, grain, mod = week[0], Grain.WEEK, mod or week[1]
    env = base.envelope if base else None
    rel = None if env is None else RelInterval(None if env.start is None else env.start - VIRTUAL_DAY,
                                               None if env.end is None else env.end - VIRTUAL_DAY)
    return Resolved(ttype, value, grain, None, None, rel, mod)


def _resolve(sym: Symbolic, anchor: Anchor | None, tense: Tense, event_day: bool = False, ahead: bool = False) -> Resolved | None:
    kind = sym.kind
    if kind is Kind.DURATION:
        if sym.unit is None:
            return None
        return Resolved(TimexType.DURATION, duration_value(sym.amount, sym.unit), mod=sym.mod)
    if kind is Kind.SET:
        return Resolved(TimexType.SET, set_value(sym))
    if kind is Kind.REF:
        return _resolve_ref(sym, anchor)
    if kind is Kind.SPAN:
        return resolve_span(sym, anchor)
    if kind is Kind.RANGE:
        return _resolve_range(sym, anchor, tense)
    if kind in (Kind.POINT, Kind.RANGE) and before_christ(sym):
        # the calendar here starts at year 1: a TIMEX3 value ("BC0500") and no interval, never AD 500
        found = bc_value(sym)
        return None if found is None else Resolved(TimexType.DATE, found[0], found[1], mod=sym.mod)
    if anchor is None and not (kind is Kind.POINT and _absolute(sym) is not None):
        return resolve_relative(sym, tense)
    if kind is Kind.RELATIVE:
        return _resolve_relative(sym, anchor, tense)  # type: ignore[arg-type]
    return _resolve_point(sym, anchor, tense, event_day, ahead)


def _period_result(p: Period, sym: Symbolic, alt: Period | None = None) -> Resolved:
    mod = sym.mod
    if sym.half and p.grain in (Grain.DECADE, Grain.CENTURY):  # "the last half of the '80s": 198, mod END
        mod = mod or ("START" if sym.half == 1 else "END")
        middle = datetime(p.end.year - (10 if p.grain is Grain.DECADE else 100) // 2, 1, 1)
        env = Interval(p.start, middle) if sym.half == 1 else Interval(middle, p.end)
    else:
        env = (part_edge(p, sym.part, sym.overnight, mod) if p.grain is Grain.PART_OF_DAY and sym.part and mod
               else None) or _mod_envelope(p, mod)
    # a point at an hour or a minute is a TIME whatever named it ("two hours ago", "30 minutes ago")
    ttype = TimexType.TIME if p.grain in (Grain.HOUR, Grain.MINUTE) else \
        _point_type(sym) if p.grain is Grain.PART_OF_DAY else TimexType.DATE
    if sym.overnight and mod == "END" and p.grain is Grain.PART_OF_DAY:  # "the early hours of Sunday": its early morning
        p, mod = Period(p.grain, env.start or p.start, p.end, p.end.strftime("%Y-%m-%d") + "TMO"), "START"
    return Resolved(ttype, p.value, p.grain, Interval(p.start, p.end), env, mod=mod,
                    alternative=alt.value if alt else None)


def _resolve_point(sym: Symbolic, anchor: Anchor | None, tense: Tense, event_day: bool = False, ahead: bool = False) -> Resolved | None:
    if sym.keep_grain and sym.year is not None and anchor is not None and anchor.grain in (Grain.QUARTER, Grain.HALF):
        # "the 1988 quarter" after "the third quarter": the same quarter of that year
        same = shift_period(anchor.start.replace(year=sym.year), _GRAIN_UNIT[anchor.grain], 0)
        return _period_result(same, sym)
    absolute = _absolute(sym)
    if absolute is not None:
        return _period_result(_widen(absolute, sym), sym)
    assert anchor is not None
    if (sym.overnight or sym.part) and sym.weekday is None and sym.month is None and sym.day is None \
            and sym.holiday is None:
        day = anchor.start
        if anchor.grain is Grain.PART_OF_DAY and anchor.end.date() > anchor.start.date() \
                and sym.part in ("MO", "MI", "AF", "DT"):
            day = anchor.end  # "the morning" after "overnight": the morning that night ends in
        if sym.overnight:
            # a past (or unmarked) report: the night that ended this morning; future: tonight
            morning = day + timedelta(days=1) if tense is Tense.FUTURE else day
            return _period_result(part_period(morning, "NI", overnight=True), sym)
        return _period_result(part_period(datetime(day.year, day.month, day.day), sym.part), sym)  # type: ignore[arg-type]
    if sym.hour is not None and sym.weekday is None and sym.month is None and sym.day is None:
        d = anchor.start
        hour = (clock_hour(sym) or 0) % 24  # a bare "midnight" began the day told: 00:00,
        if sym.hour == 24 and not sym.minute and not sym.second and tense is not Tense.PAST:
            hour = 24  # but "the curfew begins at midnight" is the one that ends it: T24:00
        return _period_result(time_period(turns.clock_day(d, hour, sym.minute, anchor, tense), hour, sym.minute, sym.second), sym)
    if sym.anaphoric and sym.day is not None and sym.month is None and sym.weekday is None:
        # "April 24 and 25": the day of the month just named, whatever the tense
        try:
            return _period_result(day_period(datetime(anchor.start.year, anchor.start.month, sym.day)), sym)
        except ValueError:
            return None  # "February 28 and 31"
    if sym.weekday is not None and sym.unit is Unit.WEEK and sym.offset:  # "a week ago Tuesday"; "two Tuesdays ago" (a direction: from the day before, on a Tuesday too)
        return _period_result(refine(compose.weeks_from_weekday(anchor.start + timedelta(days=sym.direction), sym.weekday, sym.offset), sym), sym)
    cands, weekly = _candidates(sym, anchor)
    if (sym.quarter or sym.half) and sym.month is None and tense is not Tense.PAST:
        # "will report third-quarter results": the quarter just ended; outside a past report the nearest
        tense = Tense.UNKNOWN
    if sym.weekday is not None and sym.month is None and ((sym.hour is not None and tense in (
            Tense.PRESENT, Tense.UNKNOWN)) or (event_day and tense is Tense.PRESENT and not sym.direction)):
        # "the meeting is at 9 a.m. on Saturday", "the game starts at 8 p.m. ET Saturday" (no verb
        # group the tense reads), "The talks are on Monday": a weekday, told in no past, is a schedule
        tense = Tense.FUTURE
    if sym.holiday and (tense is Tense.PRESENT or (tense is Tense.UNKNOWN and long_gone(cands, anchor))):
        # a holiday in the present tense is a schedule ("the sale begins on Black Friday"): the coming
        # one; so is one with no past verb ("families gather on Thanksgiving") unless the last is weeks gone
        tense = Tense.FUTURE
    if sym.direction and sym.season and not sym.holiday and (sym.this or sym.direction > 0):
        # "this past summer": the latest gone; "this coming winter", "next fall": the first to begin after it
        gone = [c for c in cands if c.end <= anchor.start]
        coming = [c for c in cands if c.start >= anchor.start]
        chosen = (gone[-1] if gone else None) if sym.direction < 0 else (coming[0] if coming else None)
        alt = None
    elif sym.direction and sym.season and not sym.holiday:
        # "last spring": that of the previous year, as TimeBank reads it (in October 1989, 1988-SP)
        base = season_index(anchor.start)[0] if sym.season == "WI" else anchor.start.year
        chosen = next((c for c in cands if c.start.year == base + sym.direction), None)
        alt = None
    elif sym.weekday is not None and sym.month is not None and sym.day is not None and len(cands) == 1:
        chosen, alt = cands[0], None  # "Saturday, April 25": the one year near it was a Saturday
    else:
        chosen, alt = _choose(cands, weekly, anchor, tense, sym.direction, sym.this)
        if chosen is not None and (sym.holiday or sym.month is not None) and alt is None \
                and not sym.direction and not sym.this \
                and (sym.holiday or sym.day is not None or tense is not Tense.PAST):
            if sym.holiday:  # "the shops will open on Christmas", in February: the coming one;
                # "He proposed on Valentine's Day", on 12 February: the one gone by, as a day its
                # happening took place keeps to its verb ("on", "over": tense.names_event_day)
                told = tense if tense is not Tense.PAST or event_day else Tense.UNKNOWN
                lag = timedelta(0)
            else:  # "died on 2 March" keeps to its verb; "extended the offer to Nov. 20" may look ahead
                told, lag = turns.month_told(sym, tense, event_day, cands, anchor, ahead)
            chosen, alt = plausible_date(chosen, cands, anchor, told, lag)
    if chosen is None:
        return None
    inner = lambda p: compose.within(p, sym) or refine(p, sym)  # noqa: E731 ("the first Tuesday in March")
    return _period_result(_widen(inner(chosen), sym), sym, alt and inner(alt))


def _widen(p: Period, sym: Symbolic) -> Period:
    """ "the week of March 6", "the weekend of March 7": the calendar unit that holds the point."""
    if sym.unit in (Unit.WEEK, Unit.WEEKEND, Unit.MONTH, Unit.QUARTER, Unit.YEAR) and p.grain in (Grain.DAY, Grain.PART_OF_DAY):
        return shift_period(p.start, sym.unit, 0)
    return p


_FINER = {Unit.YEAR: (Unit.MONTH, 12), Unit.DECADE: (Unit.YEAR, 10), Unit.MONTH: (Unit.WEEK, 52 / 12),
          Unit.WEEK: (Unit.DAY, 7), Unit.DAY: (Unit.HOUR, 24), Unit.HOUR: (Unit.MINUTE, 60)}


def _resolve_relative(sym: Symbolic, anchor: Anchor, tense: Tense) -> Resolved | None:
    unit = sym.unit or Unit.DAY
    if sym.offset is None and sym.anaphoric and sym.unit is Unit.DAY and not sym.direction:
        return None
    if sym.offset is None and sym.amount is not None and sym.direction and unit in _FINER:
        # "a year and a half ago": 18 months back, at the grain of the finer unit
        finer, k = _FINER[unit]
        if finer is Unit.HOUR and anchor.grain is Grain.DAY and getattr(anchor, "now", None) is None:
            # "two and a half days later" after a day: that long after some time of it (no hour)
            d = timedelta(days=sym.amount * sym.direction)
            env = Interval(anchor.start + d, anchor.end + d)
            return Resolved(TimexType.DATE, env.start.strftime("%Y-%m-%d"), Grain.DAY, env, env, mod=sym.mod)
        sym = replace(sym, unit=finer, offset=round(sym.amount * k) * sym.direction, amount=None)
        unit = finer
    if sym.offset is None:  # "a few days ago": the unit is known, the count is not
        return unstated(sym, anchor, unit)
    offset = sym.offset
    if sym.completed and offset == 0 and tense is not Tense.FUTURE:
        offset = -1  # "the quarter" in a report: the last one completed
    if unit is Unit.WEEKEND and offset == 0:  # "over the weekend" in a weekday report, "this coming weekend" on one
        offset = turns.weekend_offset(sym, anchor, tense)
    if sym.keep_grain and anchor.grain in (Grain.QUARTER, Grain.HALF, Grain.MONTH):
        moved = shift_time(anchor.start, unit, offset)
        return _period_result(shift_period(moved, _GRAIN_UNIT[anchor.grain], 0), sym)
    if sym.at_end and offset and unit in (Unit.WEEK, Unit.MONTH, Unit.YEAR, Unit.DECADE, Unit.CENTURY):
        # "a week from today", "a year ago today": that day, not the week or year that holds it
        return _period_result(day_period(shift_time(anchor.start, unit, offset)), sym)
    if unit in (Unit.DECADE, Unit.CENTURY) and offset and sym.direction:
        # "a decade ago": ten years back, at year grain (TimeML), not the previous decade
        p = year_period(anchor.start.year + offset * (10 if unit is Unit.DECADE else 100))
        return _period_result(p, sym)
    p = clock.hours_from_now(anchor, unit, offset) or shift_period(clock.base_time(anchor, unit), unit, offset)
    composed = compose.within(p, sym)  # "the 15th of next month", "Thursday of next week"
    if composed is not None:  # "The last month of the year saw snow", in February: last year's December
        return _period_result(turns.year_part_gone(composed, sym, anchor, tense, lambda y: compose.within(y, sym)), sym)
    # "Sales rose in the second half of the year", in February: last year's
    p = turns.year_part_gone(_refine_year(p, sym), sym, anchor, tense, lambda y: _refine_year(y, sym)) \
        if p.grain is Grain.YEAR else refine(p, sym)
    res = _period_result(p, sym)
    if unit is Unit.DAY and offset == 0 and sym.direction and res.envelope is not None:
        res = replace(res, envelope=clock.clip_today(res.envelope, sym, anchor))  # "earlier today"
    elif offset == 0 and sym.direction and res.envelope is not None and res.envelope.start is not None \
            and res.envelope.end is not None and res.envelope.start <= anchor.start < res.envelope.end:
        # "earlier this year": up to the publication day (its end); "later this month": from it on
        env = res.envelope
        res = replace(res, envelope=Interval(env.start, min(env.end, anchor.end)) if sym.direction < 0
                      else Interval(max(env.start, anchor.start), env.end))
    return res


def _refine_year(p: Period, sym: Symbolic) -> Period:
    """A part of a year named beside a relative year ("June last year", "this year's third quarter")."""
    return _within_year(p.start.year, sym) or p


def _resolve_ref(sym: Symbolic, anchor: Anchor | None) -> Resolved:
    ref = sym.ref or "PRESENT_REF"
    if anchor is None:
        return Resolved(TimexType.DATE, ref)
    start, end = anchor.start, anchor.end
    env: Interval
    if ref == "PAST_REF":
        lo = shift_time(start, sym.unit, -sym.amount) if sym.unit and sym.amount is not None else None
        env = Interval(lo, end)
    elif ref == "FUTURE_REF":
        hi = shift_time(end, sym.unit, sym.amount) if sym.unit and sym.amount is not None else None
        env = Interval(start, hi)
    else:
        env = (clock.present(anchor) if sym.unit is Unit.MINUTE else None) or Interval(start, end)
    return Resolved(TimexType.DATE, ref, None, None, env, mod=sym.mod)


def _only_year(sym: Symbolic) -> bool:
    return sym.year is not None and replace(sym, kind=Kind.POINT, end_point=None) == Symbolic(Kind.POINT, year=sym.year)


def _resolve_range(sym: Symbolic, anchor: Anchor | None, tense: Tense) -> Resolved | None:
    end_sym = sym.end_point
    if end_sym is None:
        return None
    first_sym = Symbolic(Kind.POINT, year=sym.year, month=sym.month, day=sym.day, weekday=sym.weekday,
                         season=sym.season, quarter=sym.quarter, half=sym.half, hour=sym.hour,
                         minute=sym.minute, second=sym.second, part=sym.part)
    if _only_year(sym) and _only_year(end_sym):  # "2012-13", "1998-99": both years, whole
        env = Interval(year_period(sym.year).start, year_period(end_sym.year).end)  # type: ignore[arg-type]
        return Resolved(TimexType.DURATION, f"P{end_sym.year - sym.year + 1}Y", Grain.YEAR, env, env)  # type: ignore[operator]
    if anchor is None and sym.year is None:
        return Resolved(TimexType.DURATION, range_duration(sym, end_sym) or "PXD")
    if sym.weekday is not None and end_sym.weekday is not None:  # "between Monday and Wednesday"
        assert anchor is not None
        env = Interval(*compose.weekday_range(anchor.start, sym.weekday, end_sym.weekday, tense))
        return Resolved(TimexType.DURATION, duration_value((env.end - env.start).days, Unit.DAY), Grain.DAY, env, env)
    first = _absolute(first_sym) if sym.year is not None else None
    if first is None:
        assert anchor is not None
        cands, weekly = _candidates(first_sym, anchor)
        first, alt = _choose(cands, weekly, anchor, tense, 0)
        if first is not None and alt is None and first_sym.day is not None and first_sym.month is not None:
            first, _ = plausible_date(first, cands, anchor)  # "announced for February 4-5": near
    if first is None:
        return None
    fill = {f: getattr(first_sym, f) for f in ("month", "day", "hour", "minute")}
    fill.update({f: v for f in ("month", "day", "hour", "minute") if (v := getattr(end_sym, f)) is not None})
    year = first.start.year
    last = _absolute(Symbolic(Kind.POINT, year=year, **fill))
    if last is None:
        return None
    if last.end <= first.start:
        last = _absolute(Symbolic(Kind.POINT, year=year + 1, **fill))
        if last is None or last.end <= first.start or fill.get("month") == first_sym.month:
            return None
    if last.grain is not first.grain:
        return None
    days = (last.end - first.start).days
    value = duration_value(days, Unit.DAY) if first.grain is Grain.DAY else range_duration(sym, end_sym) or "PXD"
    env = Interval(first.start, last.end)
    return Resolved(TimexType.DURATION, value, first.grain, env, env)



