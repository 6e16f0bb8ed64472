"""The envelope a time gives an event (pure): under a relation (on, before or after it); the
publication day's, by tense; and two times that bound one stretch, "from 1 November 2004 to 12
March 2005", "between 1 and 5 March": an event either dates is dated by both, during the stretch
they bound. TimeBank tags the two ends as two times, so each alone would date the event to one
end: "from 1 November 2004 to 12 March 2005 there were 3,306 attacks" is no attack count of 12
March."""
from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Sequence

from ..model import Grain, Interval, RelInterval, Relation, Timex
from ..time.analysis import Analysis

_OPENS = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
_JOINS = {"from": re.compile(r"\s+(?:to|until|till|through|thru)\s+$", re.IGNORECASE),
          "between": re.compile(r"\s+and\s+$", re.IGNORECASE)}


# a verb that moves a date: what follows "from" is the date left, not a stretch's start (its object
# between, or none: "moved the vote from", "was moved from"; not "moved across the region from")
_MOVED_FROM = re.compile(r"(?i)\b(?:moved|postponed|delayed|extended|brought\s+forward|rescheduled|changed|"
                         r"shifted|switched|pushed\s+back|put\s+back|put\s+off|raised)"
                         r"\s+(?:(?!(?:across|through|throughout|around|over|along|in|into|at|on|between|within|to|"
                         r"north|south|east|west|north-east|north-west|south-east|south-west|northward|southward|eastward|"
                         r"westward|inland|ashore|ahead|away|forward|onward|off|out|up|down|again|"
                         r"(?!(?:rally|assembly|family|supply|ally|italy|reply|anomaly|monopoly|tally|jelly|belly)\s)[a-z]+ly)\s)"
                         r"[\w'’-]+\s+){0,4}from\s$")  # (its object, not a way it went: "moved across the region", "moved slowly")
_CLOCKS = {Grain.HOUR, Grain.MINUTE, Grain.SECOND, Grain.PART_OF_DAY}


def stretch(text: str, timexes: Sequence[Timex], t: Timex) -> tuple[Timex, Timex] | None:
    """The two ends of the stretch time `t` is one end of, in text order, or None."""
    for k, u in enumerate(timexes):
        if u is not t:
            continue
        pairs = ([(timexes[k - 1], t)] if k else []) + ([(t, timexes[k + 1])] if k + 1 < len(timexes) else [])
        for first, last in pairs:
            if first.end > last.start or first.envelope is None or last.envelope is None:
                continue
            opened = _OPENS.search(text, max(0, first.start - 12), first.start)
            if opened is None or not _JOINS[opened.group(0).split()[0].lower()].fullmatch(
                    " " + text[first.end:last.start] + " "):
                continue
            if moved_from(text, first.start):
                continue  # "moved from 2 March to 9 March": two days, the one left and the one taken
            start = _start(first, last)
            if start is None or last.envelope.end is None or start >= last.envelope.end:
                continue
            if last.envelope.end - start > timedelta(days=1) and any(
                    u.grain in _CLOCKS and _BARE_CLOCK.fullmatch(u.text) for u in (first, last)):
                continue  # (a clock of no day of its own and a date days apart: no one stretch)
            return first, last
    return None


# a clock that names no day of its own ("9am", "0800", "10.30 p.m. GMT", "noon"), unlike "9am on 11 February"
_BARE_CLOCK = re.compile(r"(?i)[\d:.\s]*(?:a\.?m\.?|p\.?m\.?|h|hrs|hours|noon|midnight|o'clock)?(?:\s+[a-z]{2,4})?")


def moved_from(text: str, at: int) -> bool:
    """Is the time at `at` the date a verb moved something from ("moved the vote from Monday to
    Friday", "postponed from 2 March")? Then it is the day left, neither the move's nor a
    stretch's start."""
    opened = _OPENS.search(text, max(0, at - 12), at)
    return opened is not None and opened.group(0).split()[0].lower() == "from" \
        and _MOVED_FROM.search(text, max(0, opened.start() - 60), opened.end()) is not None


def _start(first: Timex, last: Timex) -> datetime | None:
    """Where the stretch starts: the first end's start; a first clock that names no day of its
    own, read on another day than the last clock, is on the last one's day ("from 9am to 5pm on
    Saturday"), or on the day before when it is no earlier there ("from 2200 to 0600 on
    Sunday": Saturday 22:00); "from 9am on 11 February to 5pm on 15 February" keeps its day."""
    start = first.envelope.start if first.envelope is not None else None
    if start is not None and first.grain in _CLOCKS and last.grain in _CLOCKS and last.envelope is not None \
            and last.envelope.start is not None and _BARE_CLOCK.fullmatch(first.text) \
            and (start.date() != last.envelope.start.date() or start >= last.envelope.start):
        moved = datetime.combine(last.envelope.start.date(), start.time())
        return moved if moved < last.envelope.start else moved - timedelta(days=1)
    return start


def stretch_envelope(first: Timex, last: Timex) -> tuple[Interval | None, RelInterval | None]:
    """The envelope from the start of the first end to the end of the last; two clocks on the
    day of the last ("from 9am to 5pm on Saturday": the day named is both clocks')."""
    env = Interval(_start(first, last), last.envelope.end) if first.envelope and last.envelope else None
    rel = RelInterval(first.relative.start, last.relative.end) \
        if first.relative is not None and last.relative is not None else None
    return env, rel


def dct_envelope(analysis: Analysis, relation: Relation) -> tuple[Interval | None, RelInterval | None]:
    return _dct_envelope(analysis.doc.dct, relation)


@lru_cache(maxsize=256)
def _dct_envelope(dct: datetime | None, relation: Relation) -> tuple[Interval | None, RelInterval | None]:
    """(One value, shared by the events of an article that hang on its date by tense.)"""
    day = timedelta(days=1)
    rel_map = {Relation.BEFORE: (None, day), Relation.AFTER: (timedelta(0), None), Relation.ON: (timedelta(0), day)}
    lo, hi = rel_map[relation]
    if dct is None:
        return None, RelInterval(lo, hi)
    start = dct.replace(hour=0, minute=0, second=0, microsecond=0)
    return Interval(None if lo is None else start + lo, None if hi is None else start + hi), None



def timex_envelope(t: Timex, relation: Relation) -> tuple[Interval | None, RelInterval | None]:
    env, rel = t.envelope, t.relative
    if relation is Relation.BEFORE:
        env = Interval(None, env.start) if env is not None else None
        rel = RelInterval(None, rel.start) if rel is not None else None
    elif relation is Relation.AFTER:
        env = Interval(env.end if env.end is not None else env.start, None) if env is not None else None
        rel = RelInterval(rel.end if rel.end is not None else rel.start, None) if rel is not None else None
    return env, rel
