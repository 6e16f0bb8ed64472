"""The time axis of a story chart: the stretches where the story happens, side by side (pure).

A story's happenings cluster: the days around an earthquake, or a death in 2009 and a trial in
2011. One stray date ("1886", a page's copyright year) must not stretch the axis over
decades, and two years with nothing in them must not squeeze the story into two strips. So
the times that place the drawn rows are clustered: a gap longer than a few days and an eighth
of the spread of the middle 80% of them separates two clusters; a cluster of two rows or more
becomes a segment of the axis, and so does a lone row between two segments (it stretches
nothing: "Murray pleaded not guilty", 8 February 2010, between a death in 2009 and a trial in
2011), up to MAX_SEGMENTS; a lone row beyond the rest is an outlier, drawn at the edge (or in
the break it falls into, past MAX_SEGMENTS) with its date written out. Segments sit side by side, each at least `MIN_SHARE`
of the width, the gap between two a narrow break drawn as such.

Times are plain floats, days since 1 January of the year 1 (`datetime.toordinal`, with the
time of day as a fraction), mapped to display positions in [0, 1].
"""
from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Sequence

BREAK = 0.035  # width of a break between two segments, as a share of the axis
MAX_SEGMENTS = 5  # lone rows between two segments get segments of their own up to this many
LONE_DAYS = 15  # a lone row's segment spans at least this many days, so that its day reads as a day
MIN_SHARE = 0.12  # the least share of the axis a segment gets
PAD = 0.04  # room left at each end of a segment, as a share of its length (at least 6 hours)


@dataclass(frozen=True, slots=True)
class StoryAxis:
    """Segments of real time [(start, end)] in days, in order, mapped side by side into [0, 1)."""

    segments: tuple[tuple[float, float], ...]
    offsets: tuple[float, ...]  # where each segment starts on the display
    scales: tuple[float, ...]  # display units per day, per segment

    @property
    def lo(self) -> float:
        return self.segments[0][0]

    @property
    def hi(self) -> float:
        return self.segments[-1][1]

    def place(self, t: float) -> float:
        """Display position of time `t`: inside a segment, proportionally; in a break, at the
        break's middle; before the first or after the last segment, at the edge."""
        if t <= self.segments[0][0]:
            return 0.0
        for k, (a, b) in enumerate(self.segments):
            if t < a:  # in the break before segment k
                return self.offsets[k] - BREAK / 2
            if t <= b:
                return self.offsets[k] + (t - a) * self.scales[k]
        return 1.0

    def inside(self, t: float) -> bool:
        return any(a <= t <= b for a, b in self.segments)

    def breaks(self) -> list[float]:
        """Display positions of the breaks' middles."""
        return [self.offsets[k] - BREAK / 2 for k in range(1, len(self.segments))]


def story_axis(points: Sequence[float], spans: Sequence[tuple[float, float]] = (),
               min_days: float = 1.0, published: Sequence[float] = ()) -> tuple[StoryAxis, set[int]]:
    """The axis for rows placed at `points` (one per row; each row's whole short span, if
    any, in `spans`), and the indices of the rows that are outliers (left off the segments).

    Clusters: sorted points apart by more than max(4 days, an eighth of the spread of the
    middle 80% of them) are split (a stray date cannot widen the gap that splits), unless the
    story was being covered all along the gap: with `published` (the articles' publication
    days) of at least COVERED_MIN articles, a gap that holds at least COVERED of the share of
    them its length would hold if they were spread evenly over their span is no empty stretch
    (a year of coverage whose top rows are a month apart keeps its last months). A cluster is a segment when it holds two points or
    more, or half of them, and so is a lone point between two segments while there are fewer
    than MAX_SEGMENTS; the others are outliers, except that with no segment at all the largest
    cluster is one."""
    if not points:
        now = 0.0
        return _axis([(now, now + 1)]), set()
    order = sorted(range(len(points)), key=lambda i: points[i])
    xs = [points[i] for i in order]
    n = len(xs)
    gap = max(4.0, (xs[int(0.9 * (n - 1))] - xs[int(0.1 * (n - 1))]) / 8)
    clusters: list[list[int]] = [[order[0]]]
    covered = _coverage_test(published)
    for prev, i in zip(order, order[1:]):
        if points[i] - points[prev] > gap and not covered(points[prev], points[i]):
            clusters.append([])
        clusters[-1].append(i)
    kept = [c for c in clusters if len(c) >= 2 or len(c) >= n / 2]
    if not kept:
        kept = [max(clusters, key=len)]
    lone: list[list[int]] = []
    if len(kept) >= 2 and len(kept) < MAX_SEGMENTS:  # (a lone row between two segments stretches nothing)
        first, last = (next(k for k, c in enumerate(clusters) if c is kept[j]) for j in (0, -1))
        lone = [c for c in clusters[first + 1:last] if not any(c is k for k in kept)][:MAX_SEGMENTS - len(kept)]
        kept = [c for c in clusters if any(c is k for k in kept + lone)]
    outliers = {i for c in clusters if c not in kept for i in c}
    segments = []
    for c in kept:
        lo = min(points[i] for i in c)
        hi = max(points[i] for i in c)
        for i in c:
            if i < len(spans):
                lo, hi = min(lo, spans[i][0]), max(hi, spans[i][1])
        segments.append([lo, hi, LONE_DAYS if any(c is k for k in lone) else min_days])
    for s in segments:  # whole days, at least `min_days` (a lone row's, LONE_DAYS), with a little room
        s[0], s[1] = math.floor(s[0]), math.ceil(s[1])
        if s[1] - s[0] < s[2]:
            extra = s[2] - (s[1] - s[0])
            s[0] -= math.floor(extra / 2)
            s[1] += math.ceil(extra / 2)
        pad = max((s[1] - s[0]) * PAD, 0.25)
        s[0] -= pad
        s[1] += pad
    merged: list[list[float]] = []
    for s in segments:  # (padding may make two meet)
        if merged and s[0] <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], s[1])
        else:
            merged.append(s)
    return _axis([(a, b) for a, b, _ in merged]), outliers


COVERED = 0.5  # a gap with this share of the articles an even spread would put in it is covered
COVERED_MIN = 20  # fewer articles say nothing about when the story was covered


def _coverage_test(published: Sequence[float]):  # type: ignore[no-untyped-def]
    """A test of whether the articles were being published all along a stretch (a, b)."""
    days = sorted(published)
    if len(days) < COVERED_MIN:
        return lambda a, b: False
    span = days[-1] - days[0] + 1

    def covered(a: float, b: float) -> bool:
        inside = bisect_left(days, b) - bisect_right(days, a)
        return inside >= COVERED * len(days) * (b - a) / span

    return covered


def _axis(segments: list[tuple[float, float]]) -> StoryAxis:
    """Widths proportional to the segments' lengths, each at least MIN_SHARE, breaks between."""
    free = 1.0 - BREAK * (len(segments) - 1)
    lengths = [b - a for a, b in segments]
    shares = [length / sum(lengths) for length in lengths]
    small = [s < MIN_SHARE for s in shares]
    if any(small) and not all(small):
        fixed = MIN_SHARE * sum(small)
        rest = sum(s for s, sm in zip(shares, small) if not sm)
        shares = [MIN_SHARE if sm else s / rest * (1 - fixed) for s, sm in zip(shares, small)]
    offsets, scales = [], []
    pos = 0.0
    for (a, b), share in zip(segments, shares):
        width = share * free
        offsets.append(pos)
        scales.append(width / (b - a))
        pos += width + BREAK
    return StoryAxis(tuple(segments), tuple(offsets), tuple(scales))


def ticks(axis: StoryAxis, width_px: float) -> list[tuple[float, str, bool]]:
    """(display position, label, major) of the ticks: per segment, days, weeks, months or
    years, as many as fit (a label needs about 70 px); the first tick of a segment and every
    change of year say the year."""
    from .dates import day as day_name

    out: list[tuple[float, str, bool]] = []
    for k, (a, b) in enumerate(axis.segments):
        seg_px = (b - a) * axis.scales[k] * width_px
        fit = max(int(seg_px // 70), 1)
        span = b - a
        first = datetime.fromordinal(max(int(math.ceil(a)), 1))
        last = datetime.fromordinal(max(int(math.floor(b)), 1))
        steps = [(1, "day"), (2, "day"), (1, "week"), (2, "week"), (1, "month"), (2, "month"),
                 (3, "month"), (6, "month"), (1, "year"), (2, "year"), (5, "year"), (10, "year"), (50, "year")]
        step, unit = next(((s, u) for s, u in steps if _count(span, s, u) <= fit), (100, "year"))
        t = _start(first, unit, step)
        year = None
        while t <= last:
            if t >= first:
                x = axis.place(t.toordinal())
                if unit == "year":
                    text = str(t.year)
                elif unit == "month":
                    text = f"{t:%b}" + (f"\n{t.year}" if t.year != year else "")
                elif span <= 10:
                    text = f"{day_name(t)[:3]}\n{t.day} {t:%b}" + (f"\n{t.year}" if t.year != year else "")
                else:
                    text = f"{t.day} {t:%b}" + (f"\n{t.year}" if t.year != year else "")
                year = t.year
                out.append((x, text, True))
            nxt = _next(t, unit, step)
            if nxt <= t:  # (the end of the calendar)
                break
            t = nxt
    return out


def _count(span: float, step: int, unit: str) -> float:
    days = {"day": 1, "week": 7, "month": 30.4, "year": 365.25}[unit] * step
    return span / days


def _start(t: datetime, unit: str, step: int) -> datetime:
    if unit == "day":
        return t
    if unit == "week":
        return t - timedelta(days=t.weekday())  # Mondays
    if unit == "month":
        m = ((t.month - 1) // step) * step + 1
        return datetime(t.year, m, 1)
    return datetime((t.year // step) * step, 1, 1)


def _next(t: datetime, unit: str, step: int) -> datetime:
    if unit == "day":
        return t + timedelta(days=step)
    if unit == "week":
        return t + timedelta(weeks=step)
    if unit == "month":
        m = t.month - 1 + step
        return datetime(t.year + m // 12, m % 12 + 1, 1)
    return datetime(t.year + step, 1, 1) if t.year + step <= 9999 else t
