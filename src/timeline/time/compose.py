"""Composed points: a day named inside a period another part of the expression names.

"the second Friday of March 2019", "the first Monday of this month", "Thursday of next week",
"the 15th of next month", "the last Sunday of October": the combinators (combine.py) join the
parts into one symbolic time; here, at resolution, the outer period (a month, a week) is
resolved first, by the ordinary rules of normalize.py; the inner part (an nth weekday, a
weekday, a day of the month) picks a day in it, and a clock time refines that day.
Feasts of other calendars ("Ramadan 2020", "Diwali 2017") come from the table feasts.toml.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from functools import cache

from ..rules import load_toml
from ..model import Grain, Symbolic
from .periods import Period, day_period, nth_weekday, refine


def within(outer: Period, sym: Symbolic) -> Period | None:
    """The day `sym` names inside the period `outer` (refined by its clock time), or None when
    it names no day inside a period."""
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
