"""The one adapter to dateparser: a fallback for absolute dates written in unusual ways.

dateparser is only ever asked for a complete date (day, month and year all present), with
an explicit base date, so its answer never depends on today's clock. It is imported lazily:
most runs never need it.
"""
from __future__ import annotations

from datetime import datetime

from ..model import Grain

# With every part required the base never fills anything in; it is fixed so that nothing
# depends on the clock.
_FIXED_BASE = datetime(2000, 1, 1)


def parse_absolute(text: str, base: datetime | None = None) -> tuple[datetime, Grain] | None:
    """A full calendar date (and time, if written) in `text`, or None."""
    import dateparser

    settings = {
        "RELATIVE_BASE": base or _FIXED_BASE,
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DATES_FROM": "past",
        "STRICT_PARSING": True,
    }
    try:
        found = dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    if found is None:
        return None
    has_time = bool(found.hour or found.minute or found.second) or ":" in text
    dt = found.replace(tzinfo=None, microsecond=0)
    return dt, (Grain.MINUTE if has_time else Grain.DAY)
