"""The calendar's periods: a year, a quarter, a month, a week, a day, a part of a day, a clock
time, a decade, a century, a holiday, each as [start, end) with its grain and TIMEX3 value;
shifting a period by n units; a clock time or a part of day refining a day (pure)."""
from __future__ import annotations

from dataclasses import dataclass
import calendar
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from ..model import Grain, Interval, Symbolic, Unit
from ..rules import load_toml


SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _ymd(d: datetime) -> str:
    """YYYY-MM-DD with a four-digit year ("0800-01-01"; strftime would write "800")."""
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"



@dataclass(frozen=True, slots=True)
class Period:
    grain: Grain
    start: datetime
    end: datetime
    value: str



@cache
def part_windows() -> dict[str, tuple[int, int]]:
    return {k: (int(v[0]), int(v[1])) for k, v in load_toml("parts_of_day.toml")["window"].items()}


@cache
def part_edges() -> dict[str, tuple[int, int]]:
    return {k: (int(v[0]), int(v[1])) for k, v in load_toml("parts_of_day.toml").get("edge", {}).items()}



def year_period(y: int) -> Period:
    return Period(Grain.YEAR, datetime(y, 1, 1), datetime(y + 1, 1, 1), f"{y:04d}")



def add_months(dt: datetime, n: int) -> datetime:
    y, m = divmod(dt.year * 12 + dt.month - 1 + n, 12)
    return datetime(y, m + 1, 1)



def month_period(y: int, m: int) -> Period:
    s = datetime(y, m, 1)
    return Period(Grain.MONTH, s, add_months(s, 1), f"{y:04d}-{m:02d}")



def quarter_period(y: int, q: int) -> Period:
    s = datetime(y, 3 * q - 2, 1)
    return Period(Grain.QUARTER, s, add_months(s, 3), f"{y:04d}-Q{q}")



def half_period(y: int, h: int) -> Period:
    s = datetime(y, 6 * h - 5, 1)
    return Period(Grain.HALF, s, add_months(s, 6), f"{y:04d}-H{h}")



def season_period(y: int, code: str) -> Period:
    s = datetime(y, SEASON_MONTH[code], 1)
    return Period(Grain.SEASON, s, add_months(s, 3), f"{y:04d}-{code}")



def week_period(dt: datetime, weekend: bool = False) -> Period:
    s = datetime(dt.year, dt.month, dt.day) - timedelta(days=dt.weekday())  # the ISO week's Monday
    iso_year, iso_week, _ = s.isocalendar()
    if weekend:
        sat = s + timedelta(days=5)
        return Period(Grain.WEEK, sat, sat + timedelta(days=2), f"{iso_year:04d}-W{iso_week:02d}-WE")
    return Period(Grain.WEEK, s, s + timedelta(days=7), f"{iso_year:04d}-W{iso_week:02d}")



def day_period(dt: datetime) -> Period:
    s = datetime(dt.year, dt.month, dt.day)
    return Period(Grain.DAY, s, s + timedelta(days=1), _ymd(s))



def part_period(day: datetime, part: str, overnight: bool = False) -> Period:
    """A part of a day. With `overnight`, `day` is the morning the night ends on."""
    if overnight:
        lo, hi = part_windows()["overnight"]
        night_of = day - timedelta(days=1)
        return Period(Grain.PART_OF_DAY, day + timedelta(hours=lo), day + timedelta(hours=hi),
                      _ymd(night_of) + "TNI")
    lo, hi = part_windows()[part]
    return Period(Grain.PART_OF_DAY, day + timedelta(hours=lo), day + timedelta(hours=hi),
                  _ymd(day) + "T" + part)



def part_edge(p: Period, part: str, overnight: bool, mod: str | None) -> Interval | None:
    """The start or end of a part of the day that crosses midnight, as the [edge] table of
    parts_of_day.toml gives it ("late on Friday night": 22:00 on); None where a third will do."""
    key = "overnight" if overnight else part
    hours = part_edges().get(f"{key}_{mod}")
    if hours is None:
        return None
    base = p.start - timedelta(hours=part_windows()[key][0])  # midnight of the day it is counted from
    return Interval(base + timedelta(hours=hours[0]), base + timedelta(hours=hours[1]))



def time_period(day: datetime, hour: int, minute: int | None, second: int | None = None) -> Period:
    """A clock time on `day`: the hour or the minute it names; a second ("03:32:15") is written
    in the value, and its interval is the minute that holds it (the timeline's times, in its
    JSON as on its chart, go to the minute)."""
    if hour == 24 and not minute and not second:  # midnight at the end of `day`: TIMEX3 writes it T24:00
        s = day + timedelta(hours=24)
        return Period(Grain.MINUTE, s, s + timedelta(minutes=1), _ymd(day) + "T24:00")
    s = day + timedelta(hours=hour, minutes=minute or 0)
    if minute is None:
        return Period(Grain.HOUR, s, s + timedelta(hours=1), _ymd(s) + f"T{s.hour:02d}:00")
    if second is not None:
        return Period(Grain.MINUTE, s, s + timedelta(minutes=1), _ymd(s) + f"T{s.hour:02d}:{s.minute:02d}:{second:02d}")
    return Period(Grain.MINUTE, s, s + timedelta(minutes=1), _ymd(s) + f"T{s.hour:02d}:{s.minute:02d}")



def decade_period(decade: int) -> Period:
    return Period(Grain.DECADE, datetime(decade * 10, 1, 1), datetime(decade * 10 + 10, 1, 1), f"{decade:03d}")



def century_period(century: int) -> Period:
    start = datetime(max(century * 100, 1), 1, 1)
    return Period(Grain.CENTURY, start, datetime(century * 100 + 100, 1, 1), f"{century:02d}")



def shift_period(anchor: datetime, unit: Unit, n: int) -> Period:
    """The calendar period of `unit` that lies `n` units from the one holding `anchor`."""
    if unit in (Unit.DAY, Unit.NIGHT):
        return day_period(anchor + timedelta(days=n))
    if unit in (Unit.WEEK, Unit.WEEKEND):
        return week_period(anchor + timedelta(days=7 * n), weekend=unit is Unit.WEEKEND)
    if unit is Unit.MONTH:
        s = add_months(datetime(anchor.year, anchor.month, 1), n)
        return month_period(s.year, s.month)
    if unit is Unit.QUARTER:
        q = (anchor.month - 1) // 3 + n
        return quarter_period(anchor.year + q // 4, q % 4 + 1)
    if unit is Unit.HALF:
        h = (anchor.month - 1) // 6 + n
        return half_period(anchor.year + h // 2, h % 2 + 1)
    if unit is Unit.SEASON:
        y, idx = season_index(anchor)
        idx += n
        return season_period(y + idx // 4, "SP SU FA WI".split()[idx % 4])
    if unit is Unit.YEAR:
        return year_period(anchor.year + n)
    if unit is Unit.DECADE:
        return decade_period(anchor.year // 10 + n)
    if unit is Unit.CENTURY:
        return century_period(anchor.year // 100 + n)
    if unit is Unit.HOUR:
        s = anchor.replace(minute=0, second=0) + timedelta(hours=n)
        return Period(Grain.HOUR, s, s + timedelta(hours=1), _ymd(s) + f"T{s.hour:02d}:00")
    if unit in (Unit.MINUTE, Unit.SECOND):
        s = anchor.replace(second=0) + timedelta(minutes=n if unit is Unit.MINUTE else 0)
        return Period(Grain.MINUTE, s, s + timedelta(minutes=1), _ymd(s) + f"T{s.hour:02d}:{s.minute:02d}")
    raise ValueError(f"cannot shift by {unit}")



def season_index(dt: datetime) -> tuple[int, int]:
    """(year, index) of the season holding dt; index 0..3 = SP SU FA WI; Jan/Feb are WI of year-1."""
    if dt.month <= 2:
        return dt.year - 1, 3
    return dt.year, (dt.month - 3) // 3



def shift_time(dt: datetime, unit: Unit, amount: float) -> datetime:
    """dt moved by a signed amount of units (calendar-aware for months and years)."""
    if unit in (Unit.YEAR, Unit.DECADE, Unit.CENTURY, Unit.MONTH, Unit.QUARTER, Unit.HALF, Unit.SEASON):
        months = {Unit.YEAR: 12, Unit.DECADE: 120, Unit.CENTURY: 1200, Unit.MONTH: 1,
                  Unit.QUARTER: 3, Unit.HALF: 6, Unit.SEASON: 3}[unit] * amount
        whole = int(months)
        first = add_months(dt, whole)  # the same day, or the month's last day ("Jan 31 + 1 month")
        day = min(dt.day, calendar.monthrange(first.year, first.month)[1])
        out = first.replace(day=day, hour=dt.hour, minute=dt.minute)
        return out + timedelta(days=30 * (months - whole))
    days = {Unit.WEEK: 7, Unit.WEEKEND: 7, Unit.DAY: 1, Unit.NIGHT: 1}.get(unit)
    if days is not None:
        return dt + timedelta(days=days * amount)
    secs = {Unit.HOUR: 3600, Unit.MINUTE: 60, Unit.SECOND: 1}[unit]
    return dt + timedelta(seconds=secs * amount)



SMALL_HOURS_END = 6  # a clock before this hour, told of a night, is in the morning that ends it


def clock_hour(sym: Symbolic) -> int | None:
    """The hour on a 24-hour clock ("10 p.m." -> 22, "12 a.m." -> 0)."""
    if sym.hour is None:
        return None
    if sym.pm is True and sym.hour < 12:
        return sym.hour + 12
    if sym.pm is None and 1 <= sym.hour < 12 and (sym.part in ("AF", "EV") or (sym.part == "NI" and sym.hour >= 6)):
        return sym.hour + 12  # "7:30 on Tuesday evening", "at 11 tomorrow night"
    if sym.pm is False and sym.hour == 12:
        return 0
    if sym.pm is None and sym.hour == 12 and sym.part == "NI":
        return 0  # ("a quarter past twelve last night": 00:15, not noon)
    return sym.hour



def refine(day: Period, sym: Symbolic) -> Period:
    """Apply a part of day or a clock time to a day."""
    if day.grain is not Grain.DAY:
        return day
    if sym.hour is not None:
        hour = clock_hour(sym) or 0
        start = day.start
        if sym.part == "NI" and hour < SMALL_HOURS_END:
            start += timedelta(days=1)  # the small hours of a night are the next day's ("1:50 last night": today)
        return time_period(start, hour, sym.minute, sym.second)
    if sym.part:
        return part_period(day.start, sym.part, sym.overnight)
    return day



def easter(year: int) -> datetime:
    """Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return datetime(year, month, day + 1)



@cache
def holidays() -> dict[str, dict[str, Any]]:  # (ints, and "nth_since" a table of them)
    return load_toml("holidays.toml")["holiday"]



def holiday_date(key: str, year: int) -> datetime:
    """The day a holiday of holidays.toml falls on in a year."""
    spec = holidays()[key]
    if "easter" in spec:
        return easter(year) + timedelta(days=spec["easter"])
    if "day" in spec:
        return datetime(year, spec["month"], spec["day"])
    nth = spec.get("nth")
    if "nth_since" in spec:  # a rule that changed: {first year: nth} ("Super Bowl Sunday")
        nth = next((n for y, n in sorted(spec["nth_since"].items(), reverse=True) if int(y) <= year), None)
        if nth is None:
            raise ValueError(f"no {key} in {year}")
    d = nth_weekday(year, spec["month"], nth, spec["weekday"])
    if d is None:
        raise ValueError(f"no {key} in {year}")
    return d + timedelta(days=spec.get("offset", 0))


def nth_weekday(year: int, month: int, nth: int, weekday: int) -> datetime | None:
    """The nth ISO weekday of a month (nth -1: the last); None if the month has no such day."""
    if nth > 0:
        first = datetime(year, month, 1)
        d = first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    else:
        nxt = datetime(year + month // 12, month % 12 + 1, 1)
        last = nxt - timedelta(days=1)
        d = last - timedelta(days=(last.isoweekday() - weekday) % 7 + 7 * (-nth - 1))
    return d if d.month == month else None
