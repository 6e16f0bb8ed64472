"""TIMEX3 values that need no anchor: durations ("P3D", "PT90M"), values with unknown parts
("XXXX-XX-XXTNI", "XXXX-WXX-2"), sets ("P1W", "XXXX-WXX-1"), vague values ("PAST_REF" for a
span of weeks), a range's length, and times before year 1 ("BC0500") (pure)."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from ..model import Grain, Kind, Symbolic, Unit
from .periods import Period, clock_hour, holidays


_DURATION_LETTER = {
    Unit.CENTURY: ("", "CE"), Unit.DECADE: ("", "DE"), Unit.YEAR: ("", "Y"), Unit.HALF: ("", "H"),
    Unit.QUARTER: ("", "Q"), Unit.SEASON: ("", "S"), Unit.MONTH: ("", "M"), Unit.WEEK: ("", "W"),
    Unit.WEEKEND: ("", "WE"), Unit.DAY: ("", "D"), Unit.NIGHT: ("", "D"), Unit.HOUR: ("T", "H"),
    Unit.MINUTE: ("T", "M"), Unit.SECOND: ("T", "S"),
}


_FINER = {Unit.YEAR: (12, Unit.MONTH), Unit.MONTH: (30, Unit.DAY), Unit.WEEK: (7, Unit.DAY),
          Unit.DAY: (24, Unit.HOUR), Unit.HOUR: (60, Unit.MINUTE), Unit.DECADE: (10, Unit.YEAR),
          Unit.CENTURY: (100, Unit.YEAR), Unit.QUARTER: (3, Unit.MONTH), Unit.HALF: (6, Unit.MONTH),
          Unit.MINUTE: (60, Unit.SECOND)}


def duration_value(amount: float | None, unit: Unit) -> str:
    if unit is Unit.DECADE:  # TimeBank counts decades in years ("two decades" P20Y, "decades" PXY)
        amount, unit = (None if amount is None else amount * 10), Unit.YEAR
    if unit is Unit.CENTURY:
        if amount is None:
            return "PXC"  # "centuries", as TimeBank writes it
        amount, unit = amount * 100, Unit.YEAR
    if unit is Unit.WEEKEND:
        amount, unit = (None if amount is None else amount * 2), Unit.DAY
    prefix, letter = _DURATION_LETTER[unit]
    if amount is None:
        return f"P{prefix}X{letter}"
    if not float(amount).is_integer() and unit in _FINER:
        # "2 1/2 years" -> P2Y6M, "a minute and a half" -> PT1M30S, "half an hour" -> PT30M
        factor, finer = _FINER[unit]
        whole = int(amount)
        rest = duration_value(round((amount - whole) * factor, 6), finer)
        if whole == 0:
            return rest
        head = f"P{prefix}{whole}{letter}"
        tail = rest[1:]  # drop the "P"
        if prefix and tail.startswith("T"):
            tail = tail[1:]  # PT5H + T30M -> PT5H30M
        return head + tail
    num = int(amount) if float(amount).is_integer() else round(amount, 2)
    return f"P{prefix}{num}{letter}"



def masked_value(sym: Symbolic) -> str:
    """The symbolic TIMEX3 value of a time that cannot be anchored."""
    part = f"T{sym.part}" if sym.part else ""
    if sym.hour is not None:  # ("a quarter to 9" is 9 h less 15 min: 08:45; "3pm" 15:00)
        hour, minute = divmod((clock_hour(sym) or 0) * 60 + (sym.minute or 0), 60)
        part = f"T{hour % 24:02d}:{minute:02d}" + (f":{sym.second:02d}" if sym.second is not None else "")
    if sym.kind is Kind.RELATIVE and sym.at_end and sym.offset:  # "a year ago today": a day, which one unknown
        return "XXXX-XX-XX"
    if sym.kind is Kind.RELATIVE:
        unit = sym.unit or Unit.DAY
        base = {Unit.DAY: "XXXX-XX-XX", Unit.NIGHT: "XXXX-XX-XX", Unit.WEEK: "XXXX-WXX",
                Unit.WEEKEND: "XXXX-WXX-WE", Unit.MONTH: "XXXX-XX", Unit.QUARTER: "XXXX-QX",
                Unit.HALF: "XXXX-HX", Unit.YEAR: "XXXX", Unit.DECADE: "XXX", Unit.CENTURY: "XX",
                Unit.HOUR: "XXXX-XX-XXTXX:XX", Unit.MINUTE: "XXXX-XX-XXTXX:XX"}.get(unit, "XXXX-XX-XX")
        return base + (part if unit in (Unit.DAY, Unit.NIGHT) else "")
    if sym.holiday is not None and sym.month is None:  # "Christmas Day": a feast on a fixed day has it
        spec = holidays().get(sym.holiday, {})
        if "day" in spec and "month" in spec:
            sym = replace(sym, month=spec["month"], day=spec["day"])
    if sym.shift and sym.month is not None and sym.day is not None:  # "the day after Christmas": XXXX-12-26
        year = sym.year or (2000 if (sym.month, sym.day) == (2, 29) else 2001)  # (a leap year only for Feb. 29)
        moved = datetime(year, sym.month, sym.day) + timedelta(days=sym.shift)
        sym = replace(sym, month=moved.month, day=moved.day, year=moved.year if sym.year else None)
    elif sym.shift:
        return "XXXX-XX-XX"  # (a weekday moved: no day of its own)
    if sym.overnight and sym.mod == "END":  # "the early hours of Sunday": Sunday's early morning
        part = "TMO"
    elif sym.overnight and sym.weekday is not None:  # "the night to Sunday": Saturday's night
        sym = replace(sym, weekday=(sym.weekday - 2) % 7 + 1)
    elif sym.overnight and sym.day is not None:
        sym = replace(sym, day=sym.day - 1) if sym.day > 1 else replace(sym, month=None, day=None)
    year = f"{sym.year:04d}" if sym.year is not None else "XXXX"
    if sym.month is not None:
        day = f"-{sym.day:02d}" if sym.day is not None else ""
        return f"{year}-{sym.month:02d}{day}{part}"
    if sym.season:
        return f"{year}-{sym.season}"
    if sym.quarter:
        return f"{year}-Q{sym.quarter}"
    if sym.half:
        return f"{year}-H{sym.half}"
    if sym.weekday is not None:
        return f"{year}-WXX-{sym.weekday}{part}"
    if sym.day is not None:
        return f"{year}-XX-{sym.day:02d}{part}"
    return f"{year}-XX-XX{part}"



def set_value(sym: Symbolic) -> str:
    part = f"T{sym.part}" if sym.part else ""
    if sym.holiday is not None and sym.month is None:  # "every Christmas": the feast's fixed day
        spec = holidays().get(sym.holiday, {})
        if "day" in spec and "month" in spec:
            sym = replace(sym, month=spec["month"], day=spec["day"])
    if sym.weekday is not None:
        return f"XXXX-WXX-{sym.weekday}{part}"
    if sym.month is not None:
        return f"XXXX-{sym.month:02d}" + (f"-{sym.day:02d}" if sym.day else "")
    if sym.season:  # "every summer"
        return f"XXXX-{sym.season}"
    if sym.unit is Unit.WEEKEND and sym.amount in (None, 1):  # "every weekend", "on weekends"
        return "XXXX-WXX-WE"
    if sym.unit is not None:  # (no amount: one the rule left unstated, "every few weeks" PXW)
        return duration_value(sym.amount, sym.unit)
    if sym.part:
        return f"XXXX-XX-XX{part}"
    return "XXXX-XX-XX"



def vague_value(p: Period, unit: Unit) -> str:
    v = p.value
    if unit in (Unit.DAY, Unit.NIGHT):
        return v[:4] + "-XX-XX"
    if unit in (Unit.WEEK, Unit.WEEKEND):
        return v[:4] + "-WXX"
    if unit is Unit.MONTH:
        return v[:4] + "-XX"
    if unit in (Unit.QUARTER, Unit.HALF):
        return v[:4] + "-" + v[5] + "X"
    if unit is Unit.YEAR:
        return v[:3] + "X"
    if unit is Unit.DECADE:
        return v[:2] + "X"
    return v



def range_duration(sym: Symbolic, end_sym: Symbolic) -> str | None:
    if sym.weekday is not None and end_sym.weekday is not None:  # "between Monday and Wednesday"
        return f"P{(end_sym.weekday - sym.weekday) % 7 + 1}D"
    if sym.day is not None and end_sym.day is not None and (end_sym.month in (None, sym.month)):
        n = end_sym.day - sym.day + 1
        return f"P{n}D" if n > 0 else None
    return None


def before_christ(sym: Symbolic) -> bool:
    """A year or century before year 1 (the calendar here, Python's, starts there)."""
    return (sym.year is not None and sym.year < 1) or (sym.century is not None and sym.century < 0)


def bc_value(sym: Symbolic) -> tuple[str, Grain] | None:
    """The TIMEX3 value and grain of a time before year 1: "500 BC" (year -500) BC0500, "March
    15, 44 BC" BC0044-03-15, "the 3rd century BC" (century -3, the years 300-201 BC) BC02;
    None for what TIMEX3 cannot write so (a range, a clock, a day without its month)."""
    if sym.kind is Kind.RANGE or sym.hour is not None or (sym.day is not None and sym.month is None):
        return None
    if sym.year is None:
        return f"BC{-(sym.century or 0) - 1:02d}", Grain.CENTURY
    value, grain = f"BC{-sym.year:04d}", Grain.YEAR
    if sym.month is not None:
        value, grain = f"{value}-{sym.month:02d}", Grain.MONTH
        if sym.day is not None:
            value, grain = f"{value}-{sym.day:02d}", Grain.DAY
    return value, grain
