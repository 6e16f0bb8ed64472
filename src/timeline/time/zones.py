"""Time zones of clock times: "14:30 GMT", "9 a.m. EDT", "11:42 UTC+5:30".

A rule records the zone a time is written in (a key of rules/en/zones.toml, or an offset such
as "+05:30"); this module, after resolution, writes the zone into the TIMEX3 value
("2013-02-12T11:42Z", "2013-02-12T14:30+05:30") and puts the interval on the article's clock.

One clock per article: intervals are naive wall times, all on the same clock, so that times
written in different zones order correctly. That clock is the zone of the first zoned time the
article writes; a time written in another zone has its interval converted to it (its value
keeps the zone it was written in). Times with no zone are taken to be on that clock.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta
from functools import cache

from ..rules import load_toml
from ..model import Grain, Interval, format_offset
from .periods import nth_weekday

_OFFSET = re.compile(r"^(?:utc|gmt)?\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)
_ZONED_GRAINS = (Grain.HOUR, Grain.MINUTE, Grain.SECOND)
_CLOCK_VALUE = re.compile(r"T\d\d:\d\d(?::\d\d)?$")


def _minutes(text: str) -> int | None:
    m = _OFFSET.match(text.strip())
    if not m:
        return None
    sign = -1 if m.group(1) in "-−" else 1
    hours, mins = int(m.group(2)), int(m.group(3) or 0)
    if hours > 14 or mins > 59:
        return None
    return sign * (hours * 60 + mins)


def normalize_offset(text: str) -> str:
    """ "UTC+5:30" -> "+05:30", "GMT-3" -> "-03:00", "+0530" -> "+05:30" (ValueError if none)."""
    minutes = _minutes(text)
    if minutes is None:
        raise ValueError(f"not a zone offset: {text!r}")
    return format_offset(minutes)


@cache
def _table() -> tuple[dict, dict]:
    data = load_toml("zones.toml")
    return data.get("zone", {}), data.get("dst", {})


def _daylight(rules: str, at: datetime) -> bool:
    for period in _table()[1].get(rules, []):
        if period["from"] <= at.year <= period["to"]:
            start, end = (nth_weekday(at.year, *period[k]) for k in ("start", "end"))
            if start is None or end is None:  # (a rule naming a day the month lacks)
                return False
            return start + timedelta(hours=2) <= at < end + timedelta(hours=2)
    return False


def offset_minutes(zone: str, at: datetime) -> int | None:
    """The offset from UTC, in minutes, of a zone at a local wall time; None if unknown."""
    spec = _table()[0].get(zone)
    if spec is None:
        return _minutes(zone)
    if "offset" in spec:
        return _minutes(spec["offset"])
    return _minutes(spec["daylight"] if _daylight(spec["dst"], at) else spec["standard"])


def apply_zone(res, zone: str | None, clock: int | None):  # (Resolved, ...) -> (Resolved, int | None)
    """Write the zone into a resolved clock time's value and put its interval on the article's
    clock (`clock`: that clock's offset, None if not yet set). Returns the new resolution and
    the offset the time was written in (None when the zone is unknown or the time is no clock time)."""
    if zone is None:
        return res, None
    if res.interval is None and _CLOCK_VALUE.search(res.value):  # undated: "XXXX-XX-XXT11:42Z"
        spec = _table()[0].get(zone)
        fixed = _minutes(zone) if spec is None else (_minutes(spec["offset"]) if "offset" in spec else None)
        return (res, None) if fixed is None else (replace(res, value=res.value + format_offset(fixed)), None)
    if res.grain not in _ZONED_GRAINS or res.interval is None or res.interval.start is None:
        return res, None
    offset = offset_minutes(zone, res.interval.start)
    if offset is None:
        return res, None
    value = res.value + format_offset(offset)
    if clock is None or clock == offset:
        return replace(res, value=value), offset
    shift = timedelta(minutes=clock - offset)

    def moved(iv: Interval | None) -> Interval | None:
        if iv is None:
            return None
        return Interval(None if iv.start is None else iv.start + shift, None if iv.end is None else iv.end + shift)

    return replace(res, value=value, interval=moved(res.interval), envelope=moved(res.envelope)), offset
