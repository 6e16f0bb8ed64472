"""Event labels and participants from the parse of their sentences.

The parser (`syntax`) is costly next to everything else a build does (about ten times the
extraction of time expressions, per sentence), so it reads what needs it: every sentence that
holds an event in a small input (up to PARSE_ALL_WORDS words), and in a larger one only the
sentences of the mentions of the happenings a reader is shown first (the top of the ranking).
A label the parse cannot give (a sentence too long or not in English, a parse that makes the
event a modifier) stays the one cut from the text around the trigger, tidied: no clock stamp
or dateline at its start, no function word at its end.

A pronoun subject ("he", "it") stands for the last fitting name of the article (`syntax.coref`:
"he" a person's, "it" an organization's...; "the company" an organization's), among the parsed
sentences (those of the events, and the COREF_CONTEXT sentences before each that has a word that
may refer back); with none, the label goes without a subject. Participants take the resolved
names too.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from typing import Iterable, Sequence

from ..model import Document, Event, Timex
from ..sources.segment import sentence_spans
from ..syntax import parse_spans
from ..syntax.clauses import END_WORDS, STAMP_RE, clause, token_at
from ..syntax.coref import Coreference, anaphor_pattern

PARSE_ALL_WORDS = 30_000  # an input of up to this many words is parsed whole
COREF_CONTEXT = 2  # sentences before one with an event that are parsed for the names it refers to


def tidy(label: str) -> str:
    """A label cut from the text made presentable: no clock stamp or dateline at its start, no
    function word, dangling punctuation or half word cut off by the length limit at its end."""
    words = STAMP_RE.sub("", label).strip(" ,;:-–—").split()
    if label.endswith("…") and len(words) > 2:  # cut off at the length limit: its last word may be half
        words.pop()
    while len(words) > 1 and words[-1].lower().strip(",;:") in END_WORDS:
        words.pop()
    out = " ".join(words).rstrip(",;:-–—")
    return out[:1].upper() + out[1:] if out else label


def document_sentences(doc: Document) -> tuple[tuple[int, int], ...]:
    """The document's sentences as the analysis sees them (its own, or ours; no furniture)."""
    spans = sentence_spans(doc.text, doc.sentences)
    if doc.furniture:
        furniture = set(doc.furniture)
        spans = tuple(s for s in spans if s not in furniture)
    return spans


def label_events(doc: Document, events: Sequence[Event], timexes: Sequence[Timex],
                 only: Iterable[str] | None = None) -> list[Event]:
    """The events with labels and participants from their clauses (those in `only`, by id,
    else all): their sentences are parsed once, in one batch."""
    wanted = set(only) if only is not None else None
    chosen = [e for e in events if wanted is None or e.id in wanted]
    if not chosen or not doc.text:
        return list(events)
    spans = document_sentences(doc)
    starts = [s for s, _ in spans]

    def sentence_of(pos: int) -> int:
        return max(bisect_right(starts, pos) - 1, 0)

    needed = sorted({sentence_of(e.start) for e in chosen})
    # and, for one with a pronoun or a description ("the company"), the sentences just before:
    # the names these stand for
    anaphor = anaphor_pattern()
    context = sorted({j for k in needed for j in range(max(k - COREF_CONTEXT, 0) if anaphor.search(
        doc.text, *spans[k]) else k, k + 1)})
    parses = dict(zip(context, parse_spans(doc.text, [spans[k] for k in context])))
    times = sorted((t.start, t.end) for t in timexes if t.doc == doc.id)
    coref = Coreference(doc.text, parses)
    out = []
    for e in events:
        if wanted is not None and e.id not in wanted:
            out.append(e)
            continue
        k = sentence_of(e.start)
        p = parses.get(k)
        found = None
        if p is not None and (i := token_at(p, e.start, e.end)) is not None:
            s, end = spans[k]
            exclude = [(a, b) for a, b in times if s <= a < end]
            found = clause(p, i, doc.text, exclude, coref.resolver(k))
        if found is not None:
            out.append(replace(e, label=found.label, participants=found.participants))
        else:
            out.append(replace(e, label=tidy(e.label)))
    return out


_WORD_RE = re.compile(r"\w+")


def words_in(docs: Sequence[Document]) -> int:
    """How many words the input has (what decides whether it is parsed whole)."""
    return sum(len(_WORD_RE.findall(d.text)) for d in docs if d.duplicate_of is None)
