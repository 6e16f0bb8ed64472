"""Timeline -> the story as a chronological text log.

First a short summary (articles, outlets, the span of publication, what was set aside), then,
for a story of more happenings than fit on a screen, "Key events": the top ones by rank, in
time order, each with its outlets and first report. Then the chronology: a heading per day,
a line per happening (its label, who reports it, and where in the articles: character
offsets a reader can check). Happenings dated only to a month or a year, open-ended ones
("on or before Tue 3 Feb"), those of undated articles and those of unknown time come after
the days, in sections of their own, so that the first real day is never buried under them.
"""
from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Sequence

from ..model import DctSource, Document, Timeline, fmt_dct
from .dates import day
from .rows import CHRONOLOGY, DAY_PRECISE, NO_TIME, Row, reading_order, sections, story_rows

KEY_EVENTS = 30  # happenings in "Key events" (and on the chart) by default
FEW_ARTICLES = 4  # up to this many articles, the summary names each one
REFS = 3  # article references listed on a line; beyond, "+N more"


def summary(tl: Timeline) -> list[str]:
    """The lines that say what the log is made of."""
    docs = [d for d in tl.documents if d.duplicate_of is None]
    n = len(docs)
    lines = []
    if n <= FEW_ARTICLES:
        names = ", ".join(f"{d.outlet} ({_dated(d)})" for d in docs)
        lines.append(f"Timeline of {n} article{'s' * (n != 1)}: {names}")
    else:
        outlets = Counter(d.outlet for d in docs)
        named = sorted(outlets, key=lambda o: (-outlets[o], o))
        shown = ", ".join(f"{o} {outlets[o]}" for o in named[:6])
        rest = f", {len(named) - 6} more" if len(named) > 6 else ""
        dcts = sorted(d.dct for d in docs if d.dct is not None)
        span = f", published {_span(dcts[0], dcts[-1])}" if dcts else ""
        undated = n - len(dcts)
        lines.append(f"Timeline of {n} articles from {len(outlets)} outlet{'s' * (len(outlets) != 1)} "
                     f"({shown}{rest}){span}" + (f"; {undated} undated" if undated else ""))
    set_aside = []
    furniture = sum(len(d.furniture) for d in docs)
    duplicates = len(tl.documents) - n
    if furniture:
        set_aside.append(f"{furniture} sentences of page furniture dropped")
    if duplicates:
        set_aside.append(f"{duplicates} duplicate article{'s' * (duplicates != 1)} counted once")
    mentions = sum(1 for e in tl.events if e.salient and e.same_as is None)
    counted = f"{len(tl.happenings)} happenings from {mentions} event mentions" if tl.happenings else ""
    if counted or set_aside:
        lines.append("; ".join(([counted] if counted else []) + set_aside))
    return lines


def _dated(d: Document) -> str:
    if d.dct is None:
        return "undated"
    return (fmt_dct(d) or "") + (", inferred" if d.dct_source is DctSource.INFERRED else "")


def _span(a: datetime, b: datetime) -> str:
    if a.date() == b.date():
        return day(a)
    return f"{day(a)} – {day(b)}"


def _refs(r: Row) -> str:
    refs = [f"{e.doc} @{e.start}-{e.end}" for e in r.events]
    more = f"; +{len(refs) - REFS} more" if len(refs) > REFS else ""
    return "; ".join(refs[:REFS]) + more


def _who(r: Row) -> str:
    """The outlets that report a row, and how many articles when more than one."""
    outlets = list(r.outlets)
    named = ", ".join(outlets[:4]) + (f" and {len(outlets) - 4} more" if len(outlets) > 4 else "")
    return f"{r.articles} articles: {named}" if r.articles > 1 else named


def _first(r: Row, docs: dict[str, Document]) -> str:
    """"; first reported by OUTLET, DAY" for a row's first report."""
    first = r.first_report
    if first is None or first.doc not in docs:
        return ""
    d = docs[first.doc]
    return f"; first reported by {d.outlet}" + (f", {day(d.dct)}" if d.dct is not None else "")


def _line(detail: str, r: Row) -> str:
    differ = f"; dated otherwise by {len(r.disagreements)}" if r.disagreements else ""
    return _columns(detail, 26, f"{r.label}  [{_who(r)}{differ}; {_refs(r)}]")


def _columns(when: str, width: int, rest: str) -> str:
    """The time in its column and the label after it; a time wider than the column ("Mon 4 May
    2009 20:00 – Tue 5 May 2009 06:00") has a line of its own, so that every label starts in
    the same column."""
    if len(when) <= width:
        return f"  {when:<{width}} {rest}".rstrip()
    return f"  {when}\n  {'':<{width}} {rest}".rstrip()


def key_events(rows: list[Row], top: int) -> list[Row]:
    """The `top` rows by rank that a reader can place: dated to a day or a few, or at least
    on the calendar; in time order."""
    ranked = [r for r in rows if r.rank] or rows
    placed = [r for r in ranked if r.precision in DAY_PRECISE] or [r for r in ranked if r.envelope is not None]
    return [r for r, _, _ in reading_order(sorted(placed, key=lambda r: r.rank)[:top])]


def render_log(tl: Timeline, all_events: bool = False, top: int = KEY_EVENTS,
               rows: Sequence[Row] | None = None) -> str:
    """The log of a timeline (its happenings; with `all_events`, every event mention).
    `rows`: its `story_rows(tl, all_events)`, when the caller has them."""
    rows = story_rows(tl, all_events) if rows is None else rows
    docs = {d.id: d for d in tl.documents}
    lines = summary(tl)
    asides = {e.doc for r in rows if r.aside for e in r.events}
    if asides:
        lines.append(f"{len(asides)} article{'s' * (len(asides) != 1)} say{'s' * (len(asides) == 1)} little of "
                     f"the story: what only they report is listed apart, after the story's own")
    happenings = [r for r in rows if r.rank]
    if len(happenings) > top:
        lines += ["", f"Key events: the {top} happenings that matter most to the story, in time order "
                      f"(of {len(happenings)}; ranked by how many articles and outlets report them, in "
                      f"their leads, and how much the coverage refers to their day)"]
        for r in key_events(rows, top):
            lines.append(_columns(r.when, 28, f"{r.label}  [{_who(r)}{_first(r, docs)}]"))
    for title, items in sections(rows, docs):
        lines += ["", f"== {title}" if title != CHRONOLOGY else
                  f"== {title} ({len(items)} happening{'s' * (len(items) != 1)} dated to a day or a few)"]
        heading = None
        for r, head, detail in items:
            if head != heading and title != NO_TIME:
                heading = head
                lines += ["", head]
            lines.append(_line(detail if title != NO_TIME else r.when, r))
    hidden = len(tl.events) - sum(len(r.events) for r in rows)
    if hidden > 0:
        lines += ["", f"({hidden} further event mentions (reporting verbs, background, repeated mentions "
                      f"of one happening) are not listed; --all-events lists them)"]
    return "\n".join(lines) + "\n"
