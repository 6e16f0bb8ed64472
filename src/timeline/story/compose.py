"""The story of a timeline in one call: happenings merged and ranked (pure)."""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ..model import Document, Event, Happening, Match, Timeline, Timex
from .happenings import build_happenings
from .rank import lead_end, rank_happenings


def happenings_of(documents: Sequence[Document], events: Sequence[Event],
                  timexes: Sequence[Timex]) -> tuple[list[Happening], list[Match]]:
    """The ranked happenings of these events (most important first) and the joins that made
    them. Duplicates of other documents report nothing of their own."""
    docs = [d for d in documents if d.duplicate_of is None]
    found, joins = build_happenings(docs, events)
    return rank_story(docs, events, timexes, found), joins


def rank_story(documents: Sequence[Document], events: Sequence[Event], timexes: Sequence[Timex],
               happenings: Sequence[Happening]) -> list[Happening]:
    """These happenings ranked as the story of these documents ranks them (most important
    first); `happenings_of` ranks those it merged, `story.diff` those it parted."""
    docs = [d for d in documents if d.duplicate_of is None]
    leads = {d.id: lead_end(d) for d in docs if d.text}
    return rank_happenings(happenings, events, docs, timexes, leads)


def with_happenings(tl: Timeline) -> Timeline:
    """The timeline with its happenings: as built, or, for a timeline JSON written before
    happenings existed (or edited by hand), merged and ranked now from its events (without
    the articles' text, their leads are unknown and count for nothing)."""
    if tl.happenings or not tl.events:
        return tl
    found, _ = happenings_of(tl.documents, tl.events, tl.timexes)
    return replace(tl, happenings=tuple(found))
