"""Chronological order of events; what nothing orders stays a tie.

Events are compared within a frame: the real calendar, or, for an undated article, the days
relative to its publication day (which cannot be compared with real dates). Within a frame
they are sorted by envelope start, then end (an open start sorts first, an open end last);
events with the same envelope share a rank. Events with no time at all come last, tied.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Iterable

from .model import Event

_MIN_DT, _MAX_DT = datetime.min, datetime.max
_MIN_TD, _MAX_TD = timedelta.min, timedelta.max


def frame(e: Event) -> str:
    """"" for the calendar; the document id for an undated article's relative days; "undated"."""
    if e.envelope is not None:
        return ""
    if e.relative is not None:
        return e.doc
    return "undated"


def sort_key(e: Event) -> tuple:
    if e.envelope is not None:
        return (e.envelope.start or _MIN_DT, e.envelope.end or _MAX_DT)
    if e.relative is not None:
        return (e.relative.start if e.relative.start is not None else _MIN_TD,
                e.relative.end if e.relative.end is not None else _MAX_TD)
    return ()


def order_events(events: Iterable[Event]) -> list[Event]:
    """Events sorted by frame and time, each with its rank (1-based) within its frame."""
    evs = list(events)
    frames: dict[str, list[Event]] = {}
    for e in evs:
        frames.setdefault(frame(e), []).append(e)
    out: list[Event] = []
    for name in sorted(frames, key=lambda f: (f == "undated", f)):
        members = sorted(frames[name], key=lambda e: (sort_key(e), e.doc, e.start))
        rank, prev = 0, None
        for e in members:
            key = sort_key(e)
            if key != prev:
                rank += 1
                prev = key
            out.append(replace(e, rank=rank))
    return out
