"""Human-readable dates for envelopes ("Mon 2 Feb 2026, night", "4–5 Feb 2026")."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache

from typing import TYPE_CHECKING

from ..model import Event, Grain, Interval, RelInterval, Timex

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Timeline

_PARTS = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime", "MI": "midday"}
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
DAY = timedelta(days=1)


def _night_window() -> tuple[int, int]:
    from ..time.periods import part_windows

    return part_windows()["overnight"]


def day(dt: datetime) -> str:
    """ "Tue 3 Feb 2026" (pendulum's formatter, fixed to English whatever the machine's locale)."""
    return _day(dt.date())


@lru_cache(maxsize=4096)
def _day(d: date) -> str:  # (a story names the same few hundred days thousands of times)
    import pendulum

    return pendulum.date(d.year, d.month, d.day).format("ddd D MMM YYYY", locale="en")


def _midnight(dt: datetime) -> bool:
    return dt.hour == 0 and dt.minute == 0


def _span(lo: datetime, hi: datetime) -> str:
    """[lo, hi) in words."""
    if _midnight(lo) and _midnight(hi):
        last = hi - DAY
        if last == lo:
            return day(lo)
        if lo.day == 1 and hi.day == 1:
            months = (hi.year - lo.year) * 12 + hi.month - lo.month
            if months == 1:
                return f"{lo:%b %Y}"
            if months == 12 and lo.month == 1:
                return str(lo.year)
            if months % 12 == 0 and lo.month == 1:
                return f"{lo.year}–{last.year}"
            return f"{lo:%b %Y} – {last:%b %Y}" if lo.year != last.year else f"{lo:%b}–{last:%b %Y}"
        if lo.year == last.year and lo.month == last.month:
            return f"{lo.day}–{last.day} {last:%b %Y}"
        if lo.year == last.year:
            return f"{lo.day} {lo:%b} – {last.day} {last:%b %Y}"
        return f"{lo.day} {lo:%b %Y} – {last.day} {last:%b %Y}"
    windows = _night_window()
    if hi - lo == timedelta(hours=windows[1] - windows[0]) and lo.hour == 24 + windows[0]:
        return f"{day(lo)}, night"  # the overnight window: from the evening before to the morning
    if lo.date() == hi.date() or (hi - lo <= DAY and _midnight(hi) and hi - DAY == datetime(lo.year, lo.month, lo.day)):
        return f"{day(lo)}, {lo:%H:%M}–{hi:%H:%M}"
    return f"{day(lo)} {lo:%H:%M} – {day(hi)} {hi:%H:%M}"


def human_interval(iv: Interval | None, timex: Timex | None = None) -> str:
    """An envelope in words; a part-of-day or season timex names itself ("night", "winter")."""
    if iv is None or (iv.start is None and iv.end is None):
        return "undated"
    if timex is not None and timex.envelope == iv and timex.grain is Grain.PART_OF_DAY and "T" in timex.value:
        date_s, part = timex.value.split("T", 1)
        try:
            d = datetime.fromisoformat(date_s)
            return f"{day(d)}, {_PARTS.get(part, part.lower())}"
        except ValueError:
            pass
    if timex is not None and timex.envelope == iv and timex.grain is Grain.SEASON and timex.value[5:] in _SEASONS:
        y = int(timex.value[:4])
        name = _SEASONS[timex.value[5:]]
        return f"{name} {y}/{str(y + 1)[2:]}" if timex.value.endswith("WI") else f"{name} {y}"
    if iv.start is None:
        assert iv.end is not None
        if _midnight(iv.end):
            return f"on or before {day(iv.end - DAY)}"
        return f"before {day(iv.end)} {iv.end:%H:%M}"
    if iv.end is None:
        if _midnight(iv.start):
            return f"on or after {day(iv.start)}"
        return f"after {day(iv.start)} {iv.start:%H:%M}"
    return _span(iv.start, iv.end)


def _rel_point(td: timedelta) -> str:
    days = td.days
    rest = td - timedelta(days=days)
    hh, mm = divmod(int(rest.total_seconds()) // 60, 60)
    d = "D" if days == 0 else f"D{days:+d}"
    return d if (hh, mm) == (0, 0) else f"{d} {hh:02d}:{mm:02d}"


def human_relative(rel: RelInterval | None, timex: Timex | None = None) -> str:
    """An interval relative to the unknown publication day D ("D-1 18:00 – D 08:00")."""
    if rel is None or (rel.start is None and rel.end is None):
        return "undated"
    if timex is not None and timex.relative == rel and timex.grain is Grain.PART_OF_DAY and "T" in timex.value \
            and rel.start is not None and rel.end is not None:
        part = _PARTS.get(timex.value.split("T", 1)[1], "")
        night_of = rel.start.days
        return f"{_rel_point(timedelta(days=night_of))}, {part} ({_rel_point(rel.start)} – {_rel_point(rel.end)})"
    if rel.start is None:
        assert rel.end is not None
        if rel.end == DAY:
            return "on or before D (publication day)"
        return f"before {_rel_point(rel.end)}"
    if rel.end is None:
        return f"on or after {_rel_point(rel.start)}"
    if rel.end - rel.start == DAY and rel.start.seconds == 0:
        return _rel_point(rel.start) + (" (publication day)" if rel.start.days == 0 else "")
    return f"{_rel_point(rel.start)} – {_rel_point(rel.end)}"


SHORT = timedelta(days=3)


def event_date(e: Event, timex: Timex | None) -> str:
    """An event's envelope in words."""
    if e.envelope is not None:
        return human_interval(e.envelope, timex)
    return human_relative(e.relative, timex)


def day_group(e: Event, timex: Timex | None) -> tuple[tuple, str, str]:
    """(sort key, heading, detail) of the day an event is listed under (see `when_group`)."""
    return when_group(e.envelope, e.relative, timex)


def when_group(envelope: Interval | None, relative: RelInterval | None, timex: Timex | None) -> tuple[tuple, str, str]:
    """(sort key, heading, detail) of the day a time is listed under.

    A short envelope (up to three days) is listed under its first day, with the part of the
    day or the span as detail; a long one ("2026", "recently") and an open one ("on or before
    Tue 3 Feb") under a heading of its own. Headings sort by their earliest time."""
    if envelope is not None:
        whole = human_interval(envelope, timex)
        lo, hi = envelope.start, envelope.end
        start = lo if lo is not None else datetime.min
        if lo is not None and hi is not None and hi - lo <= SHORT:
            first = datetime(lo.year, lo.month, lo.day)
            heading = day(first)
            detail = "" if whole == heading else (whole[len(heading) + 2:] if whole.startswith(heading + ", ") else whole)
            return (0, first, datetime.min), heading, detail
        return (0, start, hi if hi is not None else datetime.max), whole, ""
    if relative is not None:
        whole = human_relative(relative, timex)
        rlo, rhi = relative.start, relative.end
        start_td = rlo if rlo is not None else timedelta.min
        if rlo is not None and rhi is not None and rhi - rlo <= SHORT:
            first_td = timedelta(days=rlo.days)
            point = _rel_point(first_td)
            heading = point + (" (publication day)" if first_td.days == 0 else "")
            detail = whole[len(point) + 2:] if whole.startswith(point + ", ") else ("" if whole.startswith(point) else whole)
            return (1, first_td, timedelta.min), heading, detail
        return (1, start_td, rhi if rhi is not None else timedelta.max), whole, ""
    return (2, 0, 0), "undated", ""


def display_groups(tl: "Timeline", all_events: bool = False) -> list[list[Event]]:
    """The rows of a chart or log: one per event, except that events several articles report
    (`Timeline.matches`) share a row, headed by the best-anchored, most precise of them."""
    from ..story.match import entries

    shown = tl.events if all_events else entries(tl.events)
    keys = {(e.doc, e.id) for e in shown}
    parent: dict[tuple[str, str], tuple[str, str]] = {k: k for k in keys}

    def root(k: tuple[str, str]) -> tuple[str, str]:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for m in tl.matches:
        a, b = (m.a_doc, m.a), (m.b_doc, m.b)
        if a in keys and b in keys:
            ra, rb = root(a), root(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[tuple[str, str], list[Event]] = {}
    for e in shown:
        groups.setdefault(root((e.doc, e.id)), []).append(e)
    strength = {"timex": 0, "reported": 1, "narrative": 2, "dct-tense": 3, "none": 4}

    def precision(e: Event) -> tuple:
        env = e.envelope
        width = (env.end - env.start) if env and env.start and env.end else timedelta.max
        return (strength.get(e.anchor.value, 5), width, e.doc, e.start)

    return [sorted(g, key=precision) for g in groups.values()]


def reading_order(tl: "Timeline", groups: list[list[Event]]) -> list[tuple[list[Event], str, str]]:
    """The rows in the order a reader goes through them, each with its day heading and detail:
    the calendar first (headings by their earliest time, then rank), then each undated
    article's relative days, then the events of unknown time."""
    from ..events.envelopes import frame

    timexes = {(t.doc, t.id): t for t in tl.timexes}
    keyed = []
    for group in groups:
        e = group[0]
        key, heading, detail = day_group(e, timexes.get((e.doc, e.timex)) if e.timex else None)
        keyed.append(((frame(e) == "undated", frame(e), key, e.rank, e.doc, e.start), heading, detail, group))
    keyed.sort(key=lambda k: k[0])
    return [(group, heading, detail) for _, heading, detail, group in keyed]
