"""The rows every output shows: one per happening of the story (pure).

A row is a happening as a reader sees it: its label, its consensus time in words, the
mentions behind it (the one whose label it wears first), the outlets that report it and how
many articles, its rank in the story. The log, the chart, CSV, Markdown, iCalendar and
TimelineJS all list these rows, in the same order. A timeline JSON written before happenings
existed gets them now, from its events (`story.compose.with_happenings`). With
`all_events`, every event mention that no happening holds is a row of its own as well.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Sequence

from ..model import Document, Event, Interval, Precision, RelInterval, Timeline, Timex
from ..story.compose import with_happenings
from ..story.match import entries
from ..values import maker
from .dates import human_interval, human_relative, when_group


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    events: tuple[Event, ...]  # the mentions shown, the one whose label the row wears first
    envelope: Interval | None  # the consensus time on the calendar
    relative: RelInterval | None  # for an undated article: relative to its publication day
    precision: Precision
    outlets: tuple[str, ...]  # most mentions first
    articles: int
    rank: int  # in the story (1 = most important); 0 for a mention no happening holds
    disagreements: tuple[Event, ...] = ()  # mentions that date it otherwise
    first_report: Event | None = None
    timex: Timex | None = None  # the head mention's time expression, when it states the row's time
    happening: str | None = None  # the happening's id
    aside: bool = False  # only articles that say little of the story report it (story.topic)

    @property
    def head(self) -> Event:
        return self.events[0]

    @property
    def frame(self) -> str:
        """"" for the calendar; the document id for an undated article's relative days; "undated"."""
        if self.envelope is not None:
            return ""
        if self.relative is not None:
            return self.head.doc
        return "undated"

    @property
    def when(self) -> str:
        """The time in words ("Mon 2 Feb 2026, night", "on or before Tue 3 Feb 2026")."""
        if self.envelope is not None:
            return human_interval(self.envelope, self.timex)
        if self.relative is not None:
            return human_relative(self.relative, self.timex)
        return "undated"

    def group(self) -> tuple[tuple, str, str]:
        """(sort key, heading, detail) of the day it is listed under."""
        return when_group(self.envelope, self.relative, self.timex)


_new_row = maker(Row, "label events envelope relative precision outlets articles rank disagreements first_report timex "
                      "happening aside")  # (a Row from all its values in this order: one per happening, thousands)


def _timex(e: Event, envelope: Interval | None, relative: RelInterval | None,
           timexes: dict[tuple[str, str], Timex]) -> Timex | None:
    t = timexes.get((e.doc, e.timex)) if e.timex else None
    if t is None:
        return None
    return t if (e.envelope, e.relative) == (envelope, relative) else None


def story_rows(tl: Timeline, all_events: bool = False) -> list[Row]:
    """The rows of a timeline, most important first (`rank`); with `all_events`, the mentions
    no happening holds follow, each a row of its own."""
    tl = with_happenings(tl)
    docs: dict[str, Document] = {d.id: d for d in tl.documents}
    index = {(e.doc, e.id): e for e in tl.events}
    timexes = {(t.doc, t.id): t for t in tl.timexes}
    shown = set(map(id, tl.events if all_events else entries(tl.events)))
    out: list[Row] = []
    held: set[tuple[str, str]] = set()
    for h in sorted(tl.happenings, key=lambda h: (h.rank, h.id)):
        keys = [(r.doc, r.event) for r in h.mentions]
        if all_events:
            held.update(keys)
        mentions = [index[k] for k in keys if k in index]
        disagree = {(r.doc, r.event) for r in h.disagreements}
        if disagree:
            events = [e for e in mentions if id(e) in shown and (e.doc, e.id) not in disagree]
            against = tuple(e for e in mentions if (e.doc, e.id) in disagree)
        else:  # (most happenings: no mention dates it otherwise)
            events, against = [e for e in mentions if id(e) in shown], ()
        if not events:
            continue
        first = index.get((h.first_report.doc, h.first_report.event))
        out.append(_new_row(h.label, tuple(events), h.envelope, h.relative, h.precision, h.outlets, h.articles,
                            h.rank, against, first,
                            _timex(events[0], h.envelope, h.relative, timexes), h.id,
                            dict(h.signals).get("off_story", 0.0) >= 1.0))
    if all_events:
        for e in tl.events:
            if (e.doc, e.id) in held:
                continue
            outlet = docs[e.doc].outlet if e.doc in docs else e.doc
            out.append(Row(e.label, (e,), e.envelope, e.relative, _precision(e), (outlet,), 1, 0,
                           first_report=e, timex=_timex(e, e.envelope, e.relative, timexes)))
    return out


def _precision(e: Event) -> Precision:
    from ..story.happenings import precision_of

    return precision_of(e.envelope, e.relative)


def reading_order(rows: Sequence[Row]) -> list[tuple[Row, str, str]]:
    """The rows in the order a reader goes through them, each with its day heading and detail:
    the calendar first (headings by their earliest time, then the order of the events in
    their articles), then each undated article's relative days, then the rows of unknown time."""
    keyed = []
    for r in rows:
        key, heading, detail = r.group()
        keyed.append(((r.frame == "undated", r.frame, key, r.head.rank, r.head.doc, r.head.start), heading, detail, r))
    keyed.sort(key=lambda k: k[0])
    return [(r, heading, detail) for _, heading, detail, r in keyed]


CHRONOLOGY = "Chronology"
NO_TIME = "No time found"
ASIDES = "Off the story: what only articles that say little of it report"
DAY_PRECISE = (Precision.TIME, Precision.DAY, Precision.DAYS)


BACKGROUND = "Background: days before the coverage began"
BACKGROUND_SLACK = timedelta(days=7)  # a happening this long before the first article is background


def section(r: Row, docs: dict[str, Document], began: datetime | None = None) -> tuple[int, str]:
    """Where a row is listed: (place, title). The story's days first (from a week before its
    first article on); then earlier days (background the coverage recalls); then what is dated
    only to a month or more, then what is open-ended, then each undated article's relative
    days, and what has no time last; but what only articles that say little of the story
    report (a blog on another subject in the story's folder) comes after all of the story's
    own, whatever its time."""
    if r.aside:
        return 8, ASIDES
    if r.frame == "undated":
        return 9, NO_TIME
    if r.frame:
        d = docs.get(r.frame)
        name = d.outlet if d is not None else r.frame
        return 4, (f"Undated article: {name}: days relative to its publication day D "
                   f"(pass --date to place them on the calendar)")
    if r.precision in DAY_PRECISE:
        start = r.envelope.start if r.envelope is not None else None
        if began is not None and start is not None and start < began - BACKGROUND_SLACK:
            return 1, BACKGROUND
        return 0, CHRONOLOGY
    if r.precision is Precision.OPEN:
        return 3, "Open-ended: before or after a day"
    return 2, "Dated to a month or more"


def sections(rows: Sequence[Row], docs: dict[str, Document]) -> list[tuple[str, list[tuple[Row, str, str]]]]:
    """The rows in the sections of the log, each in reading order with its heading and detail."""
    dcts = [d.dct for d in docs.values() if d.dct is not None and d.duplicate_of is None]
    began = min(dcts) if dcts else None
    found: dict[tuple[int, str], list[tuple[Row, str, str]]] = {}
    for item in reading_order(rows):
        found.setdefault(section(item[0], docs, began), []).append(item)
    return [(title, found[(place, title)]) for place, title in sorted(found)]
