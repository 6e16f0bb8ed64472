"""What resolution works with: the anchor a time is resolved against and the result
(value, grain, interval, envelope), shared by normalize.py and spans.py."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from ..model import Grain, Interval, RelInterval, TimexType, Unit

_UNIT_GRAIN = {
    Unit.CENTURY: Grain.CENTURY, Unit.DECADE: Grain.DECADE, Unit.YEAR: Grain.YEAR,
    Unit.HALF: Grain.HALF, Unit.QUARTER: Grain.QUARTER, Unit.SEASON: Grain.SEASON,
    Unit.MONTH: Grain.MONTH, Unit.WEEK: Grain.WEEK, Unit.WEEKEND: Grain.WEEK, Unit.DAY: Grain.DAY,
    Unit.NIGHT: Grain.PART_OF_DAY, Unit.HOUR: Grain.HOUR, Unit.MINUTE: Grain.MINUTE,
    Unit.SECOND: Grain.SECOND,
}
_GRAIN_UNIT = {Grain.YEAR: Unit.YEAR, Grain.HALF: Unit.HALF, Grain.QUARTER: Unit.QUARTER,
               Grain.MONTH: Unit.MONTH, Grain.WEEK: Unit.WEEK, Grain.DAY: Unit.DAY}
VAGUE_MAX = 10  # "a few" / "several" units reach at most this many units from the anchor
VIRTUAL_DAY = datetime(2001, 1, 1)  # stand-in publication day for undated documents


@dataclass(frozen=True, slots=True)
class Anchor:
    """The time an expression is resolved against: [start, end) at a grain."""

    start: datetime
    end: datetime
    grain: Grain
    virtual: bool = False
    now: datetime | None = None  # the publication time of day, when known

    @classmethod
    def day(cls, dt: datetime, virtual: bool = False, now: datetime | None = None) -> Anchor:
        d = datetime(dt.year, dt.month, dt.day)
        return cls(d, d + timedelta(days=1), Grain.DAY, virtual, now)


@dataclass(frozen=True, slots=True)
class Resolved:
    type: TimexType
    value: str
    grain: Grain | None = None
    interval: Interval | None = None
    envelope: Interval | None = None
    relative: RelInterval | None = None
    mod: str | None = None
    alternative: str | None = None
