"""Two timelines -> how they differ (pure): the happenings both report, and whether they agree
on when; the ones only one reports.

Entries are matched by what they say (``match.py``: event words, names, wording), not by
time, so that a happening told at different times still pairs up. A matched pair then
- agrees when its two envelopes are equal or one holds the other (one source is just more
  precise: "Tuesday" and "Tuesday night");
- moved when they are apart but comparable: both bounded, or open on the same side ("on or
  before Monday" and "on or before Tuesday"); the gap is B's time minus A's;
- conflicts otherwise (one bounded, the other open the other way; or only one has a time).
Neither side dating a happening is no disagreement: it agrees.
"""
from __future__ import annotations

from datetime import timedelta
from typing import Sequence

from .match import entries, match_events
from ..model import DiffPair, DiffStatus, Document, Event, Timeline, TimelineDiff

DIFF_THRESHOLD = 0.55


def compare_times(a: Event, b: Event) -> tuple[DiffStatus, timedelta | None]:
    ba, bb = a.bounds, b.bounds
    if ba is None and bb is None:
        return DiffStatus.AGREE, None  # neither side dates it: nothing to disagree about
    if ba is None or bb is None or (a.envelope is None) != (b.envelope is None):
        return DiffStatus.CONFLICT, None
    (a0, a1), (b0, b1) = ba, bb
    if (a0, a1) == (b0, b1):
        return DiffStatus.AGREE, None

    def holds(x0: object, x1: object, y0: object, y1: object) -> bool:  # [x0, x1) holds [y0, y1)
        return (x0 is None or (y0 is not None and x0 <= y0)) and (x1 is None or (y1 is not None and y1 <= x1))  # type: ignore[operator]

    if holds(a0, a1, b0, b1) or holds(b0, b1, a0, a1):
        return DiffStatus.AGREE, None
    if a0 is not None and b0 is not None:
        return DiffStatus.MOVED, b0 - a0  # type: ignore[operator,return-value]
    if a0 is None and b0 is None and a1 is not None and b1 is not None:
        return DiffStatus.MOVED, b1 - a1  # type: ignore[operator,return-value]
    return DiffStatus.CONFLICT, None


def diff_events(a_events: Sequence[Event], b_events: Sequence[Event], a_docs: Sequence[Document],
                b_docs: Sequence[Document]) -> TimelineDiff:
    ea, eb = entries(a_events), entries(b_events)
    index_a = {(e.doc, e.id): e for e in ea}
    index_b = {(e.doc, e.id): e for e in eb}
    pairs = []
    for m in match_events(ea, eb, threshold=DIFF_THRESHOLD):
        x, y = index_a[(m.a_doc, m.a)], index_b[(m.b_doc, m.b)]
        status, gap = compare_times(x, y)
        pairs.append(DiffPair(x, y, status, m.score, gap, m.evidence))
    pairs.sort(key=lambda p: (p.a.doc, p.a.start))
    seen_a = {(p.a.doc, p.a.id) for p in pairs}
    seen_b = {(p.b.doc, p.b.id) for p in pairs}
    return TimelineDiff(
        a=tuple(a_docs), b=tuple(b_docs), matched=tuple(pairs),
        only_a=tuple(e for e in ea if (e.doc, e.id) not in seen_a),
        only_b=tuple(e for e in eb if (e.doc, e.id) not in seen_b),
    )


def diff(a: Timeline, b: Timeline) -> TimelineDiff:
    """How timeline `b` differs from timeline `a`."""
    return diff_events(a.events, b.events, a.documents, b.documents)


def diff_within(tl: Timeline, a_docs: Sequence[str], b_docs: Sequence[str]) -> TimelineDiff:
    """The diff between two groups of the documents of one timeline (built together, so that an
    undated article could be dated from the other)."""
    docs = {d.id: d for d in tl.documents}
    return diff_events([e for e in tl.events if e.doc in a_docs], [e for e in tl.events if e.doc in b_docs],
                       [docs[d] for d in a_docs], [docs[d] for d in b_docs])
