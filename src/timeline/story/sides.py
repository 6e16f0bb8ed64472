"""The two sides of a diff: what each is called, and their articles or timelines told as one
story with the side(s) of each document (pure)."""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import replace
from typing import Sequence

from ..model import Document, Event, Timeline, Timex, short_title
from .compose import happenings_of, told_once


def side_name(docs: Sequence[Document], fallback: str) -> str:
    """What a side is called: one article by its outlet (else its title); several by their
    outlets (up to three named, most articles first), else by `fallback` (the input's name)."""
    if len(docs) == 1:
        d = docs[0]
        return d.source or (f"“{short_title(d.title, 32)}”" if d.title else d.id)
    outlets = Counter(d.source for d in docs if d.source)
    unknown = sum(1 for d in docs if not d.source)
    if not outlets:
        return fallback
    names = sorted(outlets, key=lambda o: (-outlets[o], o))
    name = ", ".join(names) if len(names) <= 3 else f"{', '.join(names[:2])} and {len(names) - 2} other outlets"
    if unknown:
        name += f" and {unknown} article{'s' * (unknown != 1)} of unknown outlet"
    return name


def _names(docs_a: Sequence[Document], docs_b: Sequence[Document],
           names: tuple[str | None, str | None] | None) -> tuple[str, str]:
    given = names or (None, None)
    a = given[0] or side_name(docs_a, "A")
    b = given[1] or side_name(docs_b, "B")
    if a == b:  # (two folders of one outlet)
        a, b = f"{a} (A)", f"{b} (B)"
    return a, b


def _digest(content: object) -> str:
    return hashlib.sha1(repr(content).encode("utf-8")).hexdigest()[:8]


def split_sides(docs_a: Sequence[Document], docs_b: Sequence[Document]
                ) -> tuple[list[Document], dict[str, frozenset[str]]]:
    """The articles of two sides as one input (in order of id, whichever side is A) and the
    side(s) of each. An article both sides hold (the same id and text) is one article of both
    sides; two different articles with one id (a file name in two folders) are told apart by
    a digest of their content."""
    ids_a = {d.id: d for d in docs_a}
    ids_b = {d.id: d for d in docs_b}
    docs: dict[str, Document] = {}
    sides: dict[str, frozenset[str]] = {}
    for side, mine, other in (("a", docs_a, ids_b), ("b", docs_b, ids_a)):
        for d in mine:
            twin = other.get(d.id)
            if twin is not None and twin != d:
                d = replace(d, id=f"{d.id}~{_digest((d.text, d.dct, d.source, d.title, d.path))}")
            sides[d.id] = sides.get(d.id, frozenset()) | {side}
            docs.setdefault(d.id, d)
    return [docs[k] for k in sorted(docs)], sides


def combine(a: Timeline, b: Timeline) -> tuple[Timeline, dict[str, frozenset[str]]]:
    """One timeline of the documents, events and time expressions of both (their happenings
    merged and ranked anew, across both) and the side(s) of each document. A document both
    hold with the same events is one article of both sides; two different documents with
    one id (ids repeat from one timeline to another) are told apart by a digest of their
    content, so that the result does not depend on which side is A."""
    def grouped(tl: Timeline) -> dict[str, tuple[Document, tuple[Event, ...], tuple[Timex, ...]]]:
        events: dict[str, list[Event]] = defaultdict(list)
        timexes: dict[str, list[Timex]] = defaultdict(list)
        for e in tl.events:
            events[e.doc].append(e)
        for t in tl.timexes:
            timexes[t.doc].append(t)
        return {d.id: (d, tuple(events[d.id]), tuple(timexes[d.id])) for d in tl.documents}

    ga, gb = grouped(a), grouped(b)
    out: dict[str, tuple[Document, tuple[Event, ...], tuple[Timex, ...]]] = {}
    sides: dict[str, frozenset[str]] = {}
    for side, mine, other in (("a", ga, gb), ("b", gb, ga)):
        rename = {doc_id: doc_id if doc_id not in other or other[doc_id] == content
                  else f"{doc_id}~{_digest(content)}" for doc_id, content in mine.items()}
        for doc_id, (d, evs, txs) in mine.items():
            new = rename[doc_id]
            sides[new] = sides.get(new, frozenset()) | {side}
            if new in out:
                continue  # (the same article on both sides)
            dup = rename.get(d.duplicate_of, d.duplicate_of) if d.duplicate_of is not None else None
            if new != doc_id or dup != d.duplicate_of:
                d = replace(d, id=new, duplicate_of=dup)
                evs = tuple(replace(e, doc=new) for e in evs)
                txs = tuple(replace(t, doc=new) for t in txs)
            out[new] = (d, evs, txs)
    order = sorted(out)
    documents = tuple(out[k][0] for k in order)
    events = tuple(e for k in order for e in out[k][1])
    timexes = tuple(t for k in order for t in out[k][2])
    ranked, joins = happenings_of(documents, events, timexes)
    return Timeline(documents, timexes, events, tuple(joins), happenings=tuple(told_once(ranked, events))), sides
