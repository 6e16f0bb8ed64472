"""Dates written in words where an article states its own publication date: a metadata or
header value ("Tue, 3 Feb 2026 09:14 GMT") and a dateline opening the text ("On Tuesday,
February 3, 2026, ..."). The pipeline hands these to the sources stage (`DATES`)."""
from __future__ import annotations

from datetime import datetime

from ..model import Grain, Kind
from ..sources.read import DateReader
from ..sources.segment import sentences
from .dateparse import parse_absolute
from .normalize import resolve
from .tagger import tag


def full_date(text: str) -> tuple[datetime, Grain] | None:
    """A complete date (day, month and year) that is the whole text: by the project's own rules,
    else by dateparser (absolute dates only). A date missing a part is refused, not completed."""
    own = _full_date_by_rules(text)
    if own is not None:
        return own, Grain.DAY
    return parse_absolute(text)


def _full_date_by_rules(text: str) -> datetime | None:
    for m in tag(text):
        sym = m.symbolic
        rest = (text[:m.start] + text[m.end:]).strip(" \t,.;-")
        if rest:  # more than a date (a time of day, a zone): leave it to the fallback
            return None
        if sym.kind is Kind.POINT and None not in (sym.year, sym.month, sym.day):
            res = resolve(sym, None)
            if res is not None and res.interval is not None and res.interval.start is not None:
                return res.interval.start
    return None


def lead_date(text: str) -> tuple[datetime, str] | None:
    """A full date that opens the article ("On Tuesday, February 3, 2026, ..."), and its words."""
    sents = sentences(text)
    if not sents:
        return None
    start, end = sents[0] if sents[0][1] - sents[0][0] > 40 or len(sents) == 1 else (sents[0][0], sents[1][1])
    lead = text[start:min(end, start + 400)]
    for m in tag(lead):
        if m.start > 120:
            break
        sym = m.symbolic
        if sym.kind is Kind.POINT and sym.month is not None and sym.day is not None and sym.year is not None:
            res = resolve(sym, None)
            if res is not None and res.interval is not None and res.interval.start is not None:
                return res.interval.start, lead[m.start:m.end]
        break
    return None


DATES = DateReader(full_date, lead_date)
