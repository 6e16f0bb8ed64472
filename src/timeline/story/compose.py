"""The story of a timeline in one call: happenings merged and ranked (pure)."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Mapping, Sequence

from ..model import Document, Event, Happening, Match, Timeline, Timex
from .happenings import build_happenings
from .rank import lead_end, rank_happenings


def happenings_of(documents: Sequence[Document], events: Sequence[Event],
                  timexes: Sequence[Timex]) -> tuple[list[Happening], list[Match]]:
    """The ranked happenings of these events (most important first) and the joins that made
    them. Duplicates of other documents report nothing of their own."""
    docs = [d for d in documents if d.duplicate_of is None]
    leads = {d.id: lead_end(d) for d in docs if d.text}  # (where each lead ends: read once, for both)
    found, joins = build_happenings(docs, events, leads=leads)
    return rank_story(docs, events, timexes, found, leads), joins


def rank_story(documents: Sequence[Document], events: Sequence[Event], timexes: Sequence[Timex],
               happenings: Sequence[Happening], leads: dict[str, int] | None = None) -> list[Happening]:
    """These happenings ranked as the story of these documents ranks them (most important
    first); `happenings_of` ranks those it merged, `story.diff` those it parted."""
    docs = [d for d in documents if d.duplicate_of is None]
    if leads is None:
        leads = {d.id: lead_end(d) for d in docs if d.text}
    return rank_happenings(happenings, events, docs, timexes, leads)


MENTIONS = 6  # mentions of a shown happening whose sentences are parsed for its label
MORE_MENTIONS = 6  # more, for a happening none of whose first mentions gives a clean label (and as many
# of the mentions that refer back to those, `Event.same_as`)


PARSE_CHUNK = 48  # spans a parse task holds: enough for the parser's batches, several tasks per process
Mapper = Callable[[Callable[..., list], list[tuple]], list[list]]


def relabel(documents: Sequence[Document], events: Sequence[Event], timexes: Sequence[Timex],
            happenings: Sequence[Happening], shown: int, mapper: Mapper | None = None,
            presented: Mapping[tuple[str, str], str] | None = None) -> tuple[list[Happening], list[Event]]:
    """The `shown` best-ranked happenings labelled from the parse of their mentions' clauses
    (up to MENTIONS of each, from as many articles; when none of those gives a label the lint
    passes, up to MORE_MENTIONS more, and as many of the mentions that refer back to them in
    their articles, `same_as`), each wearing the clearest of them; the events those
    mentions are, relabelled too. The others keep the labels cut from the text. The spans to
    parse, of all the articles, are parsed together in tasks of PARSE_CHUNK: `mapper(fn, tasks)`
    runs them (in a process pool: see pipeline), by default one after the other here.
    `presented`: the labels cut from the text, made presentable (`cut_labels`)."""
    from ..events.labels import label_events, spans_to_parse
    from ..syntax import parse_many
    from ..syntax.clauses import lint
    from .features import features, match_rules
    from .happenings import best_label

    top = sorted(happenings, key=lambda h: h.rank)[:shown]
    index = {(e.doc, e.id): e for e in events}
    candidates: dict[str, list[tuple[str, str]]] = {}  # happening id -> its mentions, those of new articles first
    echoes: dict[str, list[tuple[str, str]]] = {}  # happening id -> the mentions that refer back to those (same_as)
    for h in top:
        first: list[tuple[str, str]] = []
        rest: list[tuple[str, str]] = []
        seen_docs: set[str] = set()
        for r in h.mentions:
            e = index.get((r.doc, r.event))
            if e is None or r in h.disagreements:
                continue
            if e.same_as is not None:
                echoes.setdefault(h.id, []).append((r.doc, r.event))
                continue
            if not e.salient:
                continue
            (rest if r.doc in seen_docs else first).append((r.doc, r.event))
            seen_docs.add(r.doc)
        candidates[h.id] = (first + rest)[:MENTIONS + MORE_MENTIONS]
        echoes[h.id] = echoes.get(h.id, [])[:MORE_MENTIONS]
    docs = {d.id: d for d in documents}
    doc_events: dict[str, list[Event]] = {}
    doc_timexes: dict[str, list[Timex]] = {}
    wanted_docs = {doc for found in (candidates, echoes) for picked in found.values() for doc, _ in picked}
    for e in events:
        if e.doc in wanted_docs:
            doc_events.setdefault(e.doc, []).append(e)
    for t in timexes:
        if t.doc in wanted_docs:
            doc_timexes.setdefault(t.doc, []).append(t)
    relabelled: dict[tuple[str, str], Event] = {}
    rules = match_rules()

    def label(pairs: set[tuple[str, str]]) -> None:
        by_doc: dict[str, set[str]] = {}
        for doc, event in pairs:
            by_doc.setdefault(doc, set()).add(event)
        tasks = [(docs[d], [e for e in doc_events.get(d, []) if e.id in by_doc[d]], doc_timexes.get(d, []))
                 for d in sorted(by_doc)]
        spans = [(doc.id, span) for doc, evs, _ in tasks for span in spans_to_parse(doc, evs)]
        chunks = [([(docs[d].text, span) for d, span in spans[i:i + PARSE_CHUNK]],)
                  for i in range(0, len(spans), PARSE_CHUNK)]
        ready: dict[str, dict[tuple[int, int], object]] = {}
        parsed = (p for chunk in (mapper or _in_turn)(parse_many, chunks) for p in chunk)
        for (d, span), p in zip(spans, parsed):
            ready.setdefault(d, {})[span] = p
        for doc, evs, times in tasks:
            for e in label_events(doc, evs, times, ready=ready.get(doc.id, {})):  # type: ignore[arg-type]
                relabelled[(e.doc, e.id)] = e

    def best_of(h_id: str, mentions: dict[str, list[tuple[str, str]]]) -> Event | None:
        picked = [relabelled[m] for m in mentions.get(h_id, []) if m in relabelled]
        return best_label(picked, [features(e, rules, docs[e.doc].text) for e in picked]) if picked else None

    def best(h_id: str) -> Event | None:
        # (a mention that refers back to another, "the 7/7 attacks in London" after "Thursday's
        # attacks", labels the happening only when none of the others gives a headline)
        head = best_of(h_id, candidates)
        if (head is None or lint(head.label)) and echoes.get(h_id):
            other = best_of(h_id, {h_id: candidates.get(h_id, []) + echoes[h_id]})
            head = other if other is not None and not lint(other.label) else head
        return head

    label({m for picked in candidates.values() for m in picked[:MENTIONS]})
    again = set()
    for h in top:
        head = best(h.id)
        if head is None or lint(head.label):
            again |= set(candidates[h.id][MENTIONS:]) | set(echoes[h.id])
    if again:
        label(again)
    out = []
    parsed: set[str] = set()
    unreadable: set[str] = set()
    for h in happenings:
        head = best(h.id) if h.id in candidates else None
        if head is not None:
            h = replace(h, label=head.label)
            parsed.add(h.id)
        if h.id in candidates and lint(h.label):
            unreadable.add(h.id)
        out.append(h)
    events = [relabelled.get((e.doc, e.id), e) for e in events]
    return cut_labels(_readable_first(out, KEY_ROWS, unreadable, events), events, parsed, set(relabelled), presented)


KEY_ROWS = 30  # the happenings a chart and the log's key events show by default (render: --top)


def told_once(happenings: list[Happening], events: Sequence[Event], rows: int = KEY_ROWS) -> list[Happening]:
    """The happenings re-ranked so that none of the first `rows` tells again what a row above
    it tells (see `_readable_first`), for a timeline whose labels all come from the parse."""
    return _readable_first(happenings, rows, set(), events)


def _readable_first(happenings: list[Happening], rows: int, unreadable: set[str],
                    events: Sequence[Event] = ()) -> list[Happening]:
    """The happenings re-ranked so that the first `rows` hold none that a single article
    reports and whose label is `unreadable` ("Stood", "Attacks Blair as a dangerous neocon")
    while others follow close enough to have been labelled from the parse, and none that a
    row above already tells (`_told_above`: "What kind was facing after tests" under
    "Calderon's government learned what kind of virus Mexico was facing after tests"): what is
    shown first is what a reader can read, once. Those passed over come right after the
    `rows`; several articles' happenings keep their place whatever their label, unless they
    all repeat one sentence word for word (`_one_wording`: one report)."""
    ranked = sorted((h for h in happenings if h.rank), key=lambda h: h.rank)
    index = {(e.doc, e.id): e for e in events}
    told: dict[tuple[str, str], list[tuple[set[str], object, str]]] = {}  # (doc, sentence) of a chosen row's
    # mention -> its label's words, that mention's time and its trigger, for each such mention
    first: list[Happening] = []
    passed: list[Happening] = []
    k = 0
    while k < len(ranked) and len(first) < rows:
        h = ranked[k]
        k += 1
        if (h.id in unreadable and (h.articles == 1 or _one_wording(h, index))) or _told_above(h, index, told):
            passed.append(h)
            continue
        first.append(h)
        words = set(_WORD.findall(h.label.lower()))
        for r in h.mentions:
            e = index.get((r.doc, r.event))
            if e is not None:
                told.setdefault((e.doc, e.sentence), []).append((words, (e.envelope, e.relative), e.text.lower()))
    if not passed:
        return happenings
    order = first + passed + ranked[k:]
    new_rank = {h.id: n + 1 for n, h in enumerate(order)}
    return [h if new_rank.get(h.id, h.rank) == h.rank else replace(h, rank=new_rank[h.id]) for h in happenings]


_WORD = re.compile(r"\w+")


def _one_wording(h: Happening, index: dict[tuple[str, str], Event]) -> bool:
    """Whether every mention of `h` is in one sentence, word for word: one report that several
    articles repeat (a picture's caption: "... during a visit to the Strategic Health Operations
    Centre"), not several reports."""
    sentences = {index[k].sentence if (k := (r.doc, r.event)) in index else None for r in h.mentions}
    return len(sentences) == 1 and None not in sentences


def _told_above(h: Happening, index: dict[tuple[str, str], Event],
                told: dict[tuple[str, str], list[tuple[set[str], object, str]]]) -> bool:
    """Whether every mention of `h` is in a sentence that a row above was taken from, and its
    trigger is a word of that row's label: the row above already tells it (the complement of
    its verb, "learned what kind of virus Mexico was facing", whatever time each has), and `h`
    would show the same sentence twice. A mention's own sentence told with another verb
    ("Police raided the doctor's home in a manslaughter investigation": the raid is not in
    "Manslaughter investigation into the singer's death"), or the same verb at another time
    ("attacked the town on Monday, and attacked the port on Friday"), is not told above."""
    mentions = [index.get((r.doc, r.event)) for r in h.mentions if r not in h.disagreements]
    if not mentions or any(e is None for e in mentions):
        return False
    for e in mentions:
        trigger = _WORD.findall(e.text.lower())  # type: ignore[union-attr]
        when = (e.envelope, e.relative)  # type: ignore[union-attr]
        if not trigger or not any(trigger[-1] in words and (at == when or verb != e.text.lower())  # type: ignore[union-attr]
                                  for words, at, verb in told.get((e.doc, e.sentence), ())):  # type: ignore[union-attr]
            return False
    return True


def cut_labels(happenings: Sequence[Happening], events: Sequence[Event], parsed: set[str] = frozenset(),
               relabelled: set[tuple[str, str]] = frozenset(),
               presented: Mapping[tuple[str, str], str] | None = None) -> tuple[list[Happening], list[Event]]:
    """The happenings and events no parse labelled (all but `parsed` and `relabelled`) with
    their labels cut from the text made presentable (`events.labels.presentable`: no page
    stamp run into them, no time phrase at their end), as a reader of the chronology sees them.
    A happening wears the label of the mention it took it from. `presented`, if given, holds
    those of all the events as cut (`presented_labels`), where they differ."""
    from ..events.evolve import evolve
    from ..events.labels import presentable

    def present(e: Event) -> str:
        if presented is not None and (e.doc, e.id) not in relabelled:
            return presented.get((e.doc, e.id), e.label)
        return presentable(e.label, e.text)

    index = {(e.doc, e.id): e for e in events}
    out_events = []
    for e in events:
        label = e.label if (e.doc, e.id) in relabelled else present(e)
        out_events.append(e if label == e.label else evolve(e, label=label))
    out = []
    for h in happenings:
        if h.id not in parsed:
            source = next((index[k] for r in h.mentions if (k := (r.doc, r.event)) in index
                           and index[k].label == h.label), None)
            if source is not None and (label := present(source)) != h.label:
                h = evolve(h, label=label)
        out.append(h)
    return out, out_events


def presented_labels(events: Sequence[Event], share: int = 0, shares: int = 1) -> dict[tuple[str, str], str]:
    """The labels of the events as cut from the text, made presentable (`cut_labels`), where
    they differ: of every `shares`-th event from the `share`-th (a share of the work)."""
    from ..events.labels import presentable

    out = {}
    for e in events[share::shares]:
        label = presentable(e.label, e.text)
        if label != e.label:
            out[(e.doc, e.id)] = label
    return out


def _in_turn(fn: Callable[..., list], tasks: list[tuple]) -> list[list]:
    return [fn(*task) for task in tasks]


def with_happenings(tl: Timeline) -> Timeline:
    """The timeline with its happenings: as built, or, for a timeline JSON written before
    happenings existed (or edited by hand), merged and ranked now from its events (without
    the articles' text, their leads are unknown and count for nothing)."""
    if tl.happenings or not tl.events:
        return tl
    found, _ = happenings_of(tl.documents, tl.events, tl.timexes)
    return replace(tl, happenings=tuple(found))
