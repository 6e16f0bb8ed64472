"""A timeline in the formats people already use: CSV, Markdown, iCalendar, TimelineJS, pandas.

Every format lists the same rows as the log, in the same order: one per happening (events
several articles report share a row and name every source), salient events only unless
`all_events`. A row carries the half-open envelope [start, end) and the time in words, the
label, the sources, the quote (the sentence) and the character offsets that let a reader
check it against the article. All output is deterministic: no clock, stable order.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from .codec import fmt_time
from ..model import Event, Timeline
from ..render.rows import sections, story_rows

if TYPE_CHECKING:  # pragma: no cover
    import pandas

CSV_COLUMNS = ("rank", "start", "end", "when", "precision", "label", "sources", "quote", "offsets",
               "anchor", "relation")


@dataclass(frozen=True, slots=True)
class Row:
    """One happening as a report lists it."""

    rank: int  # in the story: 1 = most important (0: a mention no happening holds, --all-events)
    start: datetime | None  # the consensus time on the calendar, half-open; None when open or unknown
    end: datetime | None
    when: str  # the time in words ("Mon 2 Feb 2026, night", "on or before Tue 3 Feb 2026")
    precision: str  # year, month, day, hour, minute, approximate, relative, undated
    label: str
    sources: tuple[str, ...]
    quote: str
    offsets: tuple[str, ...]  # "doc@start-end", one per source
    anchor: str
    relation: str
    events: tuple[Event, ...]


def precision(start: datetime | None, end: datetime | None) -> str:
    """How precisely [start, end) is known: the calendar unit it is exactly, else "approximate"."""
    if start is None or end is None:
        return "approximate"
    if start.time() == datetime.min.time():
        if end - start == timedelta(days=1):
            return "day"
        if start.day == 1 and end == (start.replace(day=28) + timedelta(days=4)).replace(day=1):
            return "month"
        if (start.month, start.day) == (1, 1) and end == start.replace(year=start.year + 1):
            return "year"
    if end - start <= timedelta(minutes=1):
        return "minute"
    if end - start <= timedelta(hours=1) and start.minute == 0:
        return "hour"
    return "approximate"


def rows(tl: Timeline, all_events: bool = False) -> list[Row]:
    """The rows of a report, in reading order (as the log): one per happening, at the time
    its agreeing mentions support, with every outlet that reports it."""
    out = []
    docs = {d.id: d for d in tl.documents}
    for r, _heading, _detail in (item for _, items in sections(story_rows(tl, all_events), docs) for item in items):
        e = r.head
        start, end = (r.envelope.start, r.envelope.end) if r.envelope is not None else (None, None)
        prec = (precision(start, end) if r.envelope is not None
                else "relative" if r.relative is not None else "undated")
        out.append(Row(
            rank=r.rank, start=start, end=end, when=r.when, precision=prec, label=r.label,
            sources=r.outlets, quote=e.sentence, offsets=tuple(f"{g.doc}@{g.start}-{g.end}" for g in r.events),
            anchor=e.anchor.value, relation=e.relation.value, events=r.events))
    return out


# ----------------------------------------------------------------------------- CSV, Markdown

def _safe_cell(s: str) -> str:
    """A cell a spreadsheet will not run as a formula ("=HYPERLINK(...)", "+1", "@cmd")."""
    return "'" + s if s[:1] in ("=", "+", "@", "\t", "\r") else s


def to_csv(tl: Timeline, all_events: bool = False) -> str:
    """One row per happening: rank, start, end (ISO 8601, end exclusive), the time in words,
    its precision, label, sources, quote, offsets, anchor and relation. UTF-8 with a byte-order
    mark so that spreadsheets read the accents right; several sources are joined by " | "."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for r in rows(tl, all_events):
        w.writerow([r.rank, fmt_time(r.start) or "", fmt_time(r.end) or "", r.when, r.precision,
                    _safe_cell(r.label), _safe_cell(" | ".join(r.sources)), _safe_cell(r.quote),
                    " ".join(r.offsets), r.anchor, r.relation])
    return "\ufeff" + buf.getvalue()


def _md(s: str) -> str:
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("*", "\\*").replace("_", "\\_")


def to_markdown(tl: Timeline, all_events: bool = False) -> str:
    """A Markdown table for a report: when, what, who reports it, and where in the article."""
    from ..render.log import summary

    lines = [f"**{_md(summary(tl)[0])}**",
             "", "| When | Event | Sources | Quote (offsets) |", "|---|---|---|---|"]
    for r in rows(tl, all_events):
        lines.append(f"| {_md(r.when)} | {_md(r.label)} | {_md(', '.join(r.sources))} | "
                     f"{_md(r.quote)} ({_md(' '.join(r.offsets))}) |")
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------- iCalendar

def _stamp(tl: Timeline) -> datetime:
    """DTSTAMP must be set; a clock would break determinism: the latest publication date."""
    dcts = [d.dct for d in tl.documents if d.dct is not None]
    return max(dcts) if dcts else datetime(1970, 1, 1)


def _uid(r: Row) -> str:
    key = ";".join(f"{e.doc}/{e.id}" for e in r.events)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20] + "@timeline"


CALENDAR_SPAN = timedelta(days=7)


def to_ics(tl: Timeline, all_events: bool = False) -> bytes:
    """An iCalendar file: one VEVENT per dated event, i.e. with both ends known and at most a
    week long; all-day when it is whole days, timed otherwise. Open envelopes ("on or before
    Tue 3 Feb"), long ones ("winter", "2026") and relative or unknown times would only block
    out a calendar and are left out (the CSV lists them)."""
    from icalendar import Calendar
    from icalendar import Event as VEvent

    cal = Calendar()
    cal.add("prodid", "-//timeline//news timelines//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    stamp = _stamp(tl)
    for r in rows(tl, all_events):
        if r.start is None or r.end is None or r.end - r.start > CALENDAR_SPAN:
            continue
        ev = VEvent()
        ev.add("uid", _uid(r))
        ev.add("dtstamp", stamp)
        whole_days = r.start.time() == datetime.min.time() and r.end.time() == datetime.min.time()
        if whole_days:
            ev.add("dtstart", r.start.date())
            ev.add("dtend", r.end.date())
        else:
            ev.add("dtstart", r.start)
            ev.add("dtend", r.end)
        ev.add("summary", r.label)
        ev.add("description", f"{r.when} ({r.precision}). {r.quote}\nSources: {', '.join(r.sources)}"
                              f"\nOffsets: {' '.join(r.offsets)}")
        ev.add("categories", list(r.sources))
        ev.add("transp", "TRANSPARENT")
        cal.add_component(ev)
    return cal.to_ical()


# ----------------------------------------------------------------------------- TimelineJS

def _tl_date(dt: datetime, prec: str) -> dict[str, Any]:
    """A TimelineJS date object at its real precision: a year is {"year": 2026}."""
    d: dict[str, Any] = {"year": dt.year}
    if prec != "year":
        d["month"] = dt.month
        if prec != "month":
            d["day"] = dt.day
            if prec in ("hour", "minute") or dt.hour or dt.minute:
                d["hour"] = dt.hour
                d["minute"] = dt.minute
    return d


def to_timelinejs(tl: Timeline, all_events: bool = False, title: str | None = None) -> str:
    """The JSON that Knight Lab's TimelineJS3 loads: a title slide and one slide per event with
    a calendar time, start/end dates at their real precision (end inclusive, as TimelineJS
    reads it), grouped by source, with a display_date for approximate ones ("on or before
    Tue 3 Feb 2026"). Events of undated articles and of unknown time are left out."""
    events = []
    for r in rows(tl, all_events):
        if r.start is None and r.end is None:
            continue
        exact = r.precision in ("year", "month", "day", "hour", "minute")
        if r.start is not None:
            start = _tl_date(r.start, r.precision if exact else "day")
        else:  # open start ("on or before"): shown at its latest possible day
            last = r.end - (timedelta(days=1) if r.end.time() == datetime.min.time() else timedelta(0))  # type: ignore[operator]
            start = _tl_date(last, "day" if last.time() == datetime.min.time() else "minute")
        slide: dict[str, Any] = {
            "unique_id": _uid(r).split("@")[0],
            "start_date": start,
            "text": {"headline": r.label,
                     "text": f"<p>{_html(r.quote)}</p><p><small>{_html(', '.join(r.sources))} · "
                             f"{_html(' '.join(r.offsets))}</small></p>"},
            "group": r.sources[0] if len(r.sources) == 1 else "several sources",
        }
        if not exact:
            slide["display_date"] = r.when
        if r.start is not None and r.end is not None and r.precision not in ("year", "month", "day"):
            if r.end.time() == datetime.min.time():  # whole days: the last day, inclusive
                last = r.end - timedelta(days=1)
                if last.date() != r.start.date():
                    slide["end_date"] = _tl_date(last, "day")
            else:  # ends within a day: that time (TimelineJS reads an end as inclusive)
                slide["end_date"] = _tl_date(r.end, "minute")
        events.append(slide)
    head = title or next((d.title for d in tl.documents if d.title), None) or "Timeline"
    sources = ", ".join(dict.fromkeys(d.outlet for d in tl.documents))
    data = {"title": {"text": {"headline": head, "text": f"<p>{_html(sources)}</p>"}}, "events": events}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _html(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ----------------------------------------------------------------------------- pandas

def to_dataframe(tl: Timeline, all_events: bool = False) -> "pandas.DataFrame":
    """The rows as a pandas DataFrame (needs the optional extra: pip install 'timeline[pandas]')."""
    try:
        import pandas as pd
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("to_dataframe needs pandas: pip install 'timeline[pandas]'") from exc
    data = [{"rank": r.rank, "start": r.start, "end": r.end, "when": r.when, "precision": r.precision,
             "label": r.label, "sources": list(r.sources), "quote": r.quote, "offsets": list(r.offsets),
             "anchor": r.anchor, "relation": r.relation} for r in rows(tl, all_events)]
    frame = pd.DataFrame(data, columns=list(CSV_COLUMNS))
    frame["start"] = pd.to_datetime(frame["start"])
    frame["end"] = pd.to_datetime(frame["end"])
    return frame
