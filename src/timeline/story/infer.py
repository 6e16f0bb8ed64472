"""The publication day of an undated article, from events it shares with dated ones (pure).

A matched pair ties a time relative to the unknown day D ("overnight": D-1 18:00 to D 08:00)
to a calendar time ("the night of 2-3 February"): only the days D that make the two overlap
are possible. Each match votes, with its score, for its possible days (split among them);
matches whose relative time is open ("on or before D") say too little and do not vote. A
vote counts less when a side's time is a default (the publication day by tense) rather than
a time the text names. The day with the most votes wins; the confidence is its share.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Sequence

from ..model import AnchorKind, Event, Match

DAY = timedelta(days=1)
# how much a time counts as evidence, by how the event got it: a time the text names, fully;
# one carried from the passage or a reporting verb, half; the publication day by tense, little
ANCHOR_WEIGHT = {AnchorKind.TIMEX: 1.0, AnchorKind.REPORTED: 0.5, AnchorKind.NARRATIVE: 0.5,
                 AnchorKind.DCT_TENSE: 0.2, AnchorKind.NONE: 0.0}
MAX_DAYS = 7  # a match that allows more candidate days than this carries no information


@dataclass(frozen=True, slots=True)
class Inferred:
    day: datetime
    confidence: float
    evidence: tuple[str, ...]


def possible_days(undated: Event, dated: Event) -> list[datetime]:
    """The days D for which the undated event's time, relative to D, overlaps the dated one's."""
    rel, env = undated.relative, dated.envelope
    if rel is None or env is None or None in (rel.start, rel.end, env.start, env.end):
        return []
    assert rel.start is not None and rel.end is not None and env.start is not None and env.end is not None
    # D + rel.start < env.end and env.start < D + rel.end
    lo = env.start - rel.end
    hi = env.end - rel.start
    first = datetime(lo.year, lo.month, lo.day)
    days = []
    d = first
    while d < hi and len(days) <= MAX_DAYS:
        if lo < d:
            days.append(d)
        d += DAY
    return days if len(days) <= MAX_DAYS else []


def infer_day(matches: Sequence[Match], events: dict[tuple[str, str], Event], undated_doc: str) -> Inferred | None:
    votes: dict[datetime, float] = {}
    support: dict[datetime, list[str]] = {}
    for m in matches:
        if m.a_doc == undated_doc:
            u, d = events[(m.a_doc, m.a)], events[(m.b_doc, m.b)]
        elif m.b_doc == undated_doc:
            u, d = events[(m.b_doc, m.b)], events[(m.a_doc, m.a)]
        else:
            continue
        days = possible_days(u, d)
        weight = m.score * ANCHOR_WEIGHT[u.anchor] * ANCHOR_WEIGHT[d.anchor]
        for day in days:
            votes[day] = votes.get(day, 0.0) + weight / len(days)
            support.setdefault(day, []).append(
                f"'{u.label}' ({u.doc} @{u.start}) matches '{d.label}' ({d.doc} @{d.start}, "
                f"{d.envelope.start:%Y-%m-%d %H:%M} to {d.envelope.end:%Y-%m-%d %H:%M}, score {m.score:.2f})")  # type: ignore[union-attr]
    if not votes:
        return None
    best = max(sorted(votes), key=lambda k: votes[k])
    confidence = votes[best] / sum(votes.values())
    return Inferred(best, round(confidence, 2), tuple(support[best]))
