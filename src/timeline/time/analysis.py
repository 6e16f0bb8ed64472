"""What the time stage knows about one document: its sentences, verb groups and resolved time
expressions (`analyse`), read by the event stage."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from operator import attrgetter, itemgetter
from dataclasses import dataclass, field

from ..model import Document, Kind, Symbolic, Tense, Timex, Unit, check_dct
from ..sources.segment import Token, sentence_spans, tokens
from .anchor import Policy, resolve_mentions, year_after_told
from .tagger import tag
from .tense import VerbGroup, governing_group, local_tense, looks_ahead, past_spans, tense_of_span, verb_groups


_FIRST = itemgetter(0)
_START = attrgetter("start")


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the sentence-level stages know about one document."""

    doc: Document
    sentences: tuple[tuple[int, int], ...]
    timexes: tuple[Timex, ...]
    _groups: dict[int, tuple[VerbGroup, ...]] = field(default_factory=dict, repr=False, compare=False)
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _by_start: tuple[Timex, ...] = field(init=False, repr=False, compare=False)
    _timex_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(map(_FIRST, self.sentences)))
        by_start = tuple(sorted(self.timexes, key=_START))  # (stable: text order stays)
        object.__setattr__(self, "_by_start", by_start)
        object.__setattr__(self, "_timex_starts", tuple(map(_START, by_start)))

    def timexes_in(self, start: int, end: int) -> tuple[Timex, ...]:
        """The time expressions that start in [start, end), in text order (a search, not a
        scan: a text of 40,000 sentences asks this for each of them)."""
        return self._by_start[bisect_left(self._timex_starts, start):bisect_left(self._timex_starts, end)]

    def groups(self, i: int, toks: list[Token] | None = None) -> tuple[VerbGroup, ...]:
        """The verb groups of sentence `i` (whose tokens are `toks`, when the caller has them),
        found the first time they are asked for."""
        found = self._groups.get(i)
        if found is None:
            s, e = self.sentences[i]
            found = self._groups[i] = tuple(verb_groups(self.doc.text, s, e, tokens(self.doc.text, s, e) if toks is None else toks))
        return found

    def sentence_index(self, pos: int) -> int:
        return max(bisect_right(self._starts, pos) - 1, 0)

    def tense_at(self, start: int, end: int, reported_free: bool = False, expected_free: bool = False) -> Tense:
        cue = local_tense(self.doc.text, start, end)
        if cue is Tense.PAST or not self.sentences:
            return cue or Tense.UNKNOWN
        groups = self.groups(self.sentence_index(start))
        if cue is Tense.FUTURE:
            # "until Thursday" looks ahead, except from a past perfect: "Until Thursday, they had
            # not called him a suspect", or a span a simple past tells as run to its end: "The
            # talks lasted until Friday" (tense.past_spans)
            g = governing_group(groups, start, end, self.doc.text, subjects=True)
            if g is not None and ((g.perfect and g.aux == "had")
                                  or (g.tense is Tense.PAST and not g.perfect and g.head in past_spans()
                                      and g.aux not in _PASSIVE_AUX)):
                return Tense.PAST
            return cue
        return tense_of_span(groups, start, end, reported_free, self.doc.text, expected_free, subjects=True)

    def looks_ahead_at(self, start: int, end: int) -> bool:
        """Is the verb that governs [start, end) a future proper (tense.looks_ahead)? A month
        alone told in the future goes ahead only then (turns.month_told): "through August",
        "until March" say where a span ends, not where the month lies ("sales through August
        are up"), and "would" is a conditional."""
        if not self.sentences:
            return False
        g = governing_group(self.groups(self.sentence_index(start)), start, end, self.doc.text, subjects=True)
        return g is not None and looks_ahead(g)


# a month alone a future verb sends ahead is the verb's time: after "in", "by", "until" ... or
# a "for" that a verb of planning takes ("is scheduled for October"); not what names a thing
# ("will release December sales data", "will publish the figures for December")
_AHEAD_PREP_RE = re.compile(r"(?i)(?:\b(?:in|by|until|till|before|after|from|during|early|late|mid)|"
                            r"\b(?:scheduled|set|planned|slated|due|expected|booked|postponed|delayed|moved|"
                            r"pushed\s+back|put\s+off)\s+(?:for|to|until))[\s-]+$")

_PASSIVE_AUX = frozenset({"was", "were", "been", "being", "be", "is", "are"})  # ("was continued until Friday")


def needs_tense(sym: Symbolic) -> bool:
    """Does the verb's tense decide what this time is? ("Tuesday", "March", "overnight": yes;
    "yesterday", "2026", "two weeks": no, so their sentences need no verb analysis.)"""
    if sym.kind in (Kind.POINT, Kind.RANGE):
        return sym.year is None and sym.decade is None and sym.century is None
    return sym.kind is Kind.RELATIVE and (sym.completed or (sym.unit is Unit.WEEKEND and sym.offset == 0)
                                          or _part_of_the_year(sym) or year_after_told(sym))
    # ("the last month of the year", "the second half of the year": a past verb takes last year's, turns.py)


def _part_of_the_year(sym: Symbolic) -> bool:
    """ "the last month of the year", "the fourth quarter of the year", "the second half of the year"."""
    return sym.kind is Kind.RELATIVE and sym.unit is Unit.YEAR and sym.offset == 0 and (
        sym.nth is not None or sym.quarter is not None or sym.half is not None)


def _month_alone(sym: Symbolic) -> bool:
    return sym.month is not None and sym.day is None and not sym.direction and not sym.this


def analyse(doc: Document, policy: Policy = Policy.NEWS) -> Analysis:
    """Sentences, verb groups and resolved time expressions of one document."""
    check_dct(doc.dct)  # a clear ValueError for a publication date the calendar cannot hold
    text = doc.text
    # the source's own sentence division when it has one (TimeML <s>), else ours; page
    # furniture (sentences that recur across the input, `sources.furniture`) is not news
    spans = sentence_spans(text, doc.sentences)
    if doc.furniture:
        furniture = set(doc.furniture)
        spans = tuple(s for s in spans if s not in furniture)
    partial = Analysis(doc, spans, ())
    mentions = tag(text)
    if doc.furniture:
        mentions = [m for m in mentions if not _inside(m.start, doc.furniture)]
    tenses = [partial.tense_at(m.start, m.end, _month_alone(m.symbolic), _part_of_the_year(m.symbolic))
              if needs_tense(m.symbolic)
              else Tense.UNKNOWN for m in mentions]
    ahead = frozenset(i for i, (m, t) in enumerate(zip(mentions, tenses)) if t is Tense.FUTURE
                      and _month_alone(m.symbolic) and _AHEAD_PREP_RE.search(text, max(0, m.start - 30), m.start)
                      and partial.looks_ahead_at(m.start, m.end))
    timexes = tuple(resolve_mentions(doc, mentions, tenses, policy, ahead))
    return Analysis(doc, partial.sentences, timexes, partial._groups)


def _inside(pos: int, spans: tuple[tuple[int, int], ...]) -> bool:
    """Is `pos` inside one of the sorted, disjoint spans?"""
    i = bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def extract(doc: Document, policy: Policy = Policy.NEWS) -> tuple[Timex, ...]:
    """The resolved time expressions of one document."""
    return analyse(doc, policy).timexes
