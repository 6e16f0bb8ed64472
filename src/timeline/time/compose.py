"""Composed points: a day named inside a period another part of the expression names.

"the second Friday of March 2019", "the first Monday of this month", "Thursday of next week",
"the 15th of next month", "the last Sunday of October", "the first week of January", "the
last weekend of June": the combinators (combine.py) join the
parts into one symbolic time; here, at resolution, the outer period (a month, a week) is
resolved first, by the ordinary rules of normalize.py; the inner part (an nth weekday, a
weekday, a day of the month) picks a day in it, and a clock time refines that day.
Feasts of other calendars ("Ramadan 2020", "Diwali 2017") come from the table feasts.toml.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from functools import cache

from ..rules import load_toml
from ..model import Grain, Kind, Symbolic, Tense, Unit
from .periods import Period, day_period, month_period, nth_weekday, quarter_period, refine


def within(outer: Period, sym: Symbolic) -> Period | None:
    """The day `sym` names inside the period `outer` (refined by its clock time), or None when
    it names no day inside a period."""
    if sym.nth_unit is Unit.DAY and sym.nth is not None and outer.grain in (Grain.MONTH, Grain.YEAR):
        # "the last day of March", "the first day of next year"
        nth_day = outer.start + timedelta(days=sym.nth - 1) if sym.nth > 0 else outer.end + timedelta(days=sym.nth)
        if not outer.start <= nth_day < outer.end:
            raise ValueError("no such day")  # "the 40th day of February"
        return refine(day_period(nth_day), sym)
    if sym.nth_unit in (Unit.MONTH, Unit.QUARTER) and sym.nth is not None:
        # "the last month of 2012", "the final quarter of the year"
        count = 12 if sym.nth_unit is Unit.MONTH else 4
        if outer.grain is not Grain.YEAR or not 1 <= (k := sym.nth if sym.nth > 0 else count + 1 + sym.nth) <= count:
            raise ValueError("no such month or quarter")  # "the last month of March", "the fifth quarter"
        year = outer.start.year
        return month_period(year, k) if sym.nth_unit is Unit.MONTH else quarter_period(year, k)
    if sym.nth_unit is not None and sym.nth is not None and outer.grain in (Grain.MONTH, Grain.YEAR):
        return nth_week(outer, sym.nth, sym.nth_unit is Unit.WEEKEND)
    day: datetime | None = None
    if outer.grain is Grain.MONTH and sym.weekday is not None and sym.nth is not None:
        day = nth_weekday(outer.start.year, outer.start.month, sym.nth, sym.weekday)
        if day is None:
            raise ValueError("no such weekday in the month")  # "the fifth Monday of February"
    elif outer.grain is Grain.MONTH and sym.day is not None and sym.weekday is None:
        day = datetime(outer.start.year, outer.start.month, sym.day)  # ValueError: "the 31st of next month" in April
    elif outer.grain is Grain.YEAR and sym.weekday is not None and sym.nth is not None and sym.month is None:
        day = _nth_weekday_of_year(outer.start.year, sym.nth, sym.weekday)  # "the first Monday of 2019"
        if day is None:
            raise ValueError("no such weekday in the year")
    elif outer.grain is Grain.WEEK and sym.weekday is not None and outer.end - outer.start == timedelta(days=7):
        day = outer.start + timedelta(days=sym.weekday - 1)
    if day is None:
        return None
    return refine(day_period(day), sym)


def nth_week(outer: Period, nth: int, weekend: bool = False) -> Period:
    """The nth week (seven days) or weekend of a month or a year, as a reader counts them: "the
    first week of January" is January 1-7, "the second" 8-14, "the last week of December" its
    last seven days; "the first weekend of May" the first Saturday of May and the Sunday after,
    "the last weekend of June" the last Saturday of June and its Sunday. The value is the ISO
    week that holds most of those days (that of the middle day: "the first week of January
    2013", Tuesday 1 to Monday 7, is 2013-W01); ValueError when there is no such week ("the
    fifth week of February")."""
    if weekend:
        if outer.grain is Grain.MONTH:
            sat = nth_weekday(outer.start.year, outer.start.month, nth, 6)
        else:
            sat = _nth_weekday_of_year(outer.start.year, nth, 6)
        if sat is None:
            raise ValueError("no such weekend")
        iso_year, iso_week, _ = sat.isocalendar()
        return Period(Grain.WEEK, sat, sat + timedelta(days=2), f"{iso_year:04d}-W{iso_week:02d}-WE")
    if nth > 0:
        start = outer.start + timedelta(days=7 * (nth - 1))
    else:
        start = outer.end - timedelta(days=7 * -nth)
    end = start + timedelta(days=7)
    if start < outer.start or end > outer.end:
        raise ValueError("no such week")  # "the fifth week of February": days past the month
    iso_year, iso_week, _ = (start + timedelta(days=3)).isocalendar()
    return Period(Grain.WEEK, start, end, f"{iso_year:04d}-W{iso_week:02d}")


CALENDAR_CYCLE = range(2001, 2029)  # 28 years: every weekday a year can start on, leap or not


def undated_week_of(sym: Symbolic) -> tuple[str, str | None] | None:
    """`undated_week` for an nth week or weekend of a month; None for any other time."""
    if sym.kind is not Kind.POINT or sym.nth_unit not in (Unit.WEEK, Unit.WEEKEND) or sym.nth is None \
            or sym.month is None:
        return None
    return undated_week(sym.month, sym.nth, sym.nth_unit is Unit.WEEKEND)


@cache
def undated_week(month: int, nth: int, weekend: bool = False) -> tuple[str, str | None]:
    """The value (and mod) of the nth week or weekend of a month whose year is unknown ("the
    first week of January" in an undated article): the ISO week when every year agrees on it
    ("XXXX-W01": January 1-7 always holds most of the first ISO week), else the month with the
    edge the week is at ("the last week of December" XXXX-12 END, "the first weekend of May"
    XXXX-05 START, "the second week of March" XXXX-03)."""
    values = set()
    for year in CALENDAR_CYCLE:
        try:
            values.add(nth_week(month_period(year, month), nth, weekend).value[4:])
        except ValueError:
            values.add(None)  # "the fifth week of February": not in every year
    if len(values) == 1 and None not in values:
        return "XXXX" + values.pop(), None
    mod = "START" if nth == 1 else "END" if nth == -1 else None
    return f"XXXX-{month:02d}", mod


def nearest_weekday(day: datetime, weekday: int, tense: Tense) -> datetime:
    """The weekday a tense points to from `day` (`day` itself when it is that weekday): the
    last one in a past report, the next one in a future one, else the nearer (as normalize's
    choice among a weekday's instances: the next one when both are as near)."""
    back = (day.isoweekday() - weekday) % 7
    ahead = (weekday - day.isoweekday()) % 7
    if tense is Tense.PAST or (tense is not Tense.FUTURE and back < ahead):
        return day - timedelta(days=back)
    return day + timedelta(days=ahead)


def weekday_range(day: datetime, first: int, last: int, tense: Tense) -> tuple[datetime, datetime]:
    """ "between Monday and Wednesday": a past report tells of the days that ended with the last
    Wednesday (from the Monday before it); otherwise the days start with the Monday the tense
    points to and end with the Wednesday after it."""
    span = (last - first) % 7  # days from the first to the last
    if tense is Tense.PAST:
        start = nearest_weekday(day, last, tense) - timedelta(days=span)
    else:
        start = nearest_weekday(day, first, tense)
    return start, start + timedelta(days=span + 1)


def weeks_from_weekday(day: datetime, weekday: int, weeks: int) -> Period:
    """ "a week ago Tuesday": the Tuesday a week before the last Tuesday (before `day` itself,
    a Tuesday); "two weeks from Friday": the Friday two weeks after the coming one."""
    base = nearest_weekday(day, weekday, Tense.PAST if weeks < 0 else Tense.FUTURE)
    return day_period(base + timedelta(weeks=weeks))


def _nth_weekday_of_year(year: int, nth: int, weekday: int) -> datetime | None:
    """The nth ISO weekday of a year (nth -1: the last); None past the year's end."""
    if nth > 0:
        first = datetime(year, 1, 1)
        d = first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    else:
        last = datetime(year, 12, 31)
        d = last - timedelta(days=(last.isoweekday() - weekday) % 7 + 7 * (-nth - 1))
    return d if d.year == year else None


@cache
def _feasts() -> dict[str, dict[str, list[str]]]:
    return load_toml("feasts.toml").get("feast", {})


def is_feast(key: str) -> bool:
    return key in _feasts()


def feast_period(key: str, year: int) -> Period:
    """A feast of feasts.toml in a year: its first day as the value, the whole feast as the
    interval ("Ramadan 2020": 2020-04-24, [24 April, 24 May)). ValueError outside the table."""
    dates = _feasts()[key].get(str(year))
    if dates is None:
        raise ValueError(f"no date for {key} in {year}")
    start, end = (datetime.fromisoformat(d) for d in dates)
    return Period(Grain.DAY, start, end, f"{start.year:04d}-{start.month:02d}-{start.day:02d}")
