"""The one place that composes the stages.

article -> io -> Document -> segment/tense -> tagger -> anchor+normalize -> Timex
        -> events -> order -> Timeline
"""
from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence

from .model import Document, Event, Grain, Timeline, TimelineDiff, Timex
from .sources import read
from .sources.segment import remembering
from .time.dates import DATES
from .time.analysis import analyse, extract  # (extract: the public API names it here)
from .time.anchor import Policy

if TYPE_CHECKING:
    from .scale import WarmPool


def read_documents(names: Iterable[str], date: tuple[datetime, Grain] | None = None,
                   on_error: str = "raise") -> Iterator[Document | read.InputError]:
    """Documents for every input (files, folders, "-"), their dates written in words read by
    the time stage; with on_error="yield", unreadable ones come back as errors."""
    return read.read_documents(names, date, on_error, DATES)


def parse_document(source: read.Source, date: tuple[datetime, Grain] | None = None) -> Document:
    """One input as a Document, with its publication date and where that came from."""
    return read.parse_document(source, date, DATES)


def article_stage(doc: Document, policy: Policy = Policy.NEWS,
                  syntax: bool = False) -> tuple[tuple[Timex, ...], list[Event]]:
    """Everything that needs one article only: its time expressions and its events, placed in
    order within the article, with `syntax` their labels and participants from the parse of
    their clauses, and the events themselves refined by that parse (pure; what `--jobs` and
    `--engine dask` run in other processes)."""
    from .events.mentions import find_events
    from .events.order import place_document

    a = analyse(doc, policy)
    retold: dict[str, Timex] = {}  # (times an account's year moved: they show that year)
    if not syntax:
        events = place_document(find_events(a, retold_out=retold), doc.text, own=True)
        return _retold(a.timexes, retold), events
    from .events.labels import label_events
    from .syntax import parse_spans

    # every sentence is parsed once: the parse refines the events (`find_events`) and
    # gives their labels
    parses = dict(enumerate(parse_spans(doc.text, a.sentences))) if doc.text else {}
    from .events.links import Parses

    events = place_document(find_events(a, parses, retold), doc.text, Parses(parses), own=True)
    return _retold(a.timexes, retold), label_events(doc, events, a.timexes, parses=parses)


def _retold(timexes: tuple[Timex, ...], retold: dict[str, Timex]) -> tuple[Timex, ...]:
    return tuple(retold.get(t.id, t) for t in timexes) if retold else timexes


def map_articles(docs: Sequence[Document], policy: Policy = Policy.NEWS, jobs: int = 1,
                 engine: str = "local", scheduler: str | None = None,
                 progress: Callable[[Document], object] | None = None,
                 syntax: bool = False, step: Callable[[], object] | None = None
                 ) -> list[tuple[tuple[Timex, ...], list[Event]]]:
    """`article_stage` over the documents, in their order: in this process (jobs=1), in a pool
    of `jobs` processes, or on a dask.distributed cluster (engine="dask": the scheduler at
    `scheduler`, else a LocalCluster of `jobs` workers). A book-length article is read in parts
    (`scale.split_article`), spread like articles and joined again. The results are the same in
    every case: each article (each part) is computed on its own. `progress` is told of each
    article once it is read; `step`, if given, is called after each part as well."""
    from .scale import join_parts, split_article

    docs = list(docs)
    parts: list[Document] = []
    offsets: list[int] = []
    spans: list[tuple[int, int]] = []  # each document's parts: (the first, how many)
    for d in docs:
        split = split_article(d)
        spans.append((len(parts), len(split)))
        offsets += [offset for offset, _ in split]
        parts += [part for _, part in split]
    last_of = {id(parts[i + n - 1]): d for d, (i, n) in zip(docs, spans)}

    def part_done(part: Document) -> None:
        if step is not None:
            step()
        if progress is not None and id(part) in last_of:
            progress(last_of[id(part)])

    if engine == "dask":
        from .scale import dask_map

        results = dask_map(article_stage, parts, policy, jobs, scheduler, part_done, syntax)
    elif engine != "local":
        raise ValueError(f"unknown engine {engine!r} (local or dask)")
    elif jobs <= 1 or len(parts) < 2:
        results = []
        for part in parts:
            results.append(article_stage(part, policy, syntax))
            part_done(part)
    else:
        from .scale import pool_map

        results = pool_map(article_stage, parts, policy, jobs, part_done, syntax)
    return [results[i] if n == 1 else join_parts(list(zip(offsets[i:i + n], results[i:i + n])))
            for i, n in spans]


@remembering()  # (each article's sentences split once for all the stages: furniture, times, labels)
def build_timeline(docs: Sequence[Document], policy: Policy = Policy.NEWS, infer: bool = True,
                   progress: Callable[[Document], object] | None = None, jobs: int = 1,
                   engine: str = "local", scheduler: str | None = None,
                   timings: dict[str, float] | None = None, furniture: bool = True,
                   syntax: str = "auto", shown: int = 60) -> Timeline:
    """Time expressions, ordered events and ranked happenings of all documents: the story.

    Before any article is read for times and events, texts read twice are marked duplicates
    (counted once) and sentences that recur across the input as page furniture
    (`sources.furniture`; `furniture=False` keeps every sentence). The per-article work runs where `jobs`/`engine` say (see
    `map_articles`); the steps across articles run here. With `infer`, an undated document
    whose events match those of dated ones gets the publication day they imply (dct_source
    "inferred", with evidence and confidence). The mentions of one happening, within and
    across articles, are merged into happenings (`story.happenings`; the joins are
    `Timeline.matches`) and ranked (`story.rank`). Both compare only indexed candidates, so
    the steps across articles grow with the number of events, not with its square.
    Labels and participants come from the parse of the events' clauses (`labels`): with
    `syntax="all"` every sentence that holds an event is parsed, with "shown" only those of the
    mentions of the `shown` best-ranked happenings, with "none" none; "auto" parses a small
    input whole and a larger one as "shown". `timings`, if given, receives the seconds each
    step took ("articles", "infer", "order", "story", "labels")."""
    from time import perf_counter

    from .events.order import order_events
    from .scale import split_article
    from .sources.furniture import mark_duplicates, mark_furniture
    from .story.compose import happenings_of

    clock = [perf_counter()]

    def lap(name: str) -> None:
        now = perf_counter()
        if timings is not None:
            timings[name] = timings.get(name, 0.0) + now - clock[0]
        clock[0] = now

    docs = mark_duplicates(docs)
    if furniture:
        docs = mark_furniture(docs)
    originals = [d for d in docs if d.duplicate_of is None]
    if syntax == "auto":
        from .events.labels import PARSE_ALL_WORDS, words_in

        syntax = "all" if words_in(originals, PARSE_ALL_WORDS) <= PARSE_ALL_WORDS else "shown"
    if syntax not in ("all", "shown", "none"):
        raise ValueError(f"unknown syntax mode {syntax!r} (auto, all, shown, none)")
    with _Settled() as settled:  # (see _Settled: the collector leaves the results alone meanwhile)
        if engine == "local" and (jobs <= 1 or sum(len(split_article(d)) for d in originals) < 2):
            settled.pause()  # (the articles are read here, one by one: see _Settled)
        results = map_articles(originals, policy, jobs, engine, scheduler, progress, syntax == "all", settled.settle)
        lap("articles")
        timexes = {d.id: r[0] for d, r in zip(originals, results)}
        events = {d.id: r[1] for d, r in zip(originals, results)}
        del results
        if infer and any(d.dct is None for d in originals) and any(d.dct is not None for d in originals):
            for i, doc in enumerate(originals):
                if doc.dct is not None:
                    continue
                dated = _infer_date(doc, events, originals)
                if dated is not None:
                    originals[i] = dated
                    timexes[dated.id], events[dated.id] = map_articles([dated], policy, syntax=syntax == "all")[0]
            inferred = {d.id: d for d in originals}
            docs = [inferred.get(d.id, d) for d in docs]
        lap("infer")
        settled.pause()  # ordering and the story make many objects, and no cycles
        all_events = [e for d in originals for e in events[d.id]]
        del events  # (`all_events` holds them until they are ordered)
        ordered = order_events(all_events, placed=True, own=True)  # (ranked in place: held nowhere else)
        del all_events
        lap("order")
        all_timexes = tuple(t for d in originals for t in timexes[d.id])
        warm = None
        if syntax == "shown" and engine == "local" and len(originals) > 1:
            # (processes that load the parser while this one merges and ranks the happenings,
            # on the cores it leaves idle; they parse the labels' clauses then)
            from .scale import WarmPool
            from .syntax import load

            warm = WarmPool.start(jobs, load, inherit=ordered) if jobs > 1 else None
        try:
            shares = []
            if warm is not None:  # (they also make the labels cut from the text presentable, meanwhile)
                from .story.compose import presented_labels

                shares = [warm.submit_inherited(presented_labels, k, jobs) for k in range(jobs)]
            ranked, joins = happenings_of(originals, ordered, all_timexes)
            lap("story")
            if syntax == "shown":
                from .story.compose import relabel

                ranked, ordered = relabel(originals, ordered, all_timexes, ranked, shown,
                                          _parse_mapper(jobs, settled, warm) if engine == "local" else None,
                                          _gathered(shares))
                lap("labels")
            else:
                from .story.compose import cut_labels, told_once

                ranked = told_once(ranked, ordered)
                if syntax == "none":
                    ranked, ordered = cut_labels(ranked, ordered)
        except BaseException:
            if warm is not None:  # (an error or Ctrl-C: the workers are stopped now, not waited for)
                warm.close(abort=True)
            raise
        if warm is not None:
            warm.close()
        return Timeline(
            documents=tuple(docs),
            timexes=all_timexes,
            events=tuple(ordered),
            matches=tuple(joins),
            happenings=tuple(ranked),
        )


PARSE_TASKS_PER_JOB = 2  # fewer parse tasks (story.compose.PARSE_CHUNK spans each) than this per process run here


def _gathered(shares: list) -> dict | None:  # type: ignore[type-arg]
    """The presented labels the warm pool's workers made (`presented_labels`), or None (made
    here then) when there are none, or a worker died."""
    from concurrent.futures.process import BrokenProcessPool

    if not shares:
        return None
    try:
        return {k: v for share in shares for k, v in share.result().items()}
    except BrokenProcessPool:
        return None


def _parse_mapper(jobs: int, settled: "_Settled | None" = None, warm: "WarmPool | None" = None) -> Callable:
    """How `relabel` runs its parses (`fn` over tasks of one list of spans each, one result per
    span): with several jobs, in a pool of processes forked once the parser is loaded here (they
    share it), when there are enough articles to spread, or in the `warm` pool given, whose
    processes loaded it meanwhile; else here, all in one call once the
    parser is loaded and the collector paused again (`settled`: loading the parser turns it back
    on, as spaCy's model reader does, and every collection from then on would walk the whole
    timeline again)."""

    state: dict[str, Any] = {"pool": warm, "jobs": jobs}

    def mapper(fn: Callable, tasks: list[tuple]) -> list:
        from .syntax import load

        if not tasks:
            return []
        if state["pool"] is not None:  # (their parser is loaded, or loading: this process never loads one)
            from concurrent.futures.process import BrokenProcessPool

            try:
                return state["pool"].apply(fn, tasks)  # type: ignore[no-any-return]
            except BrokenProcessPool:  # (a worker was killed: the parse is done here, as in one process)
                state["pool"], state["jobs"] = None, 1
        if state["jobs"] <= 1 or len(tasks) < PARSE_TASKS_PER_JOB * jobs:
            # here, all the tasks' spans in one call (each task is one list of spans, and `fn`
            # gives one result per span): the parser reads fewer, fuller batches, and each
            # span's parse is the same whatever batch it is read in
            load()
            if settled is not None:
                settled.pause()
            done = fn([item for task in tasks for item in task[0]])
            out, at = [], 0
            for (items,) in tasks:
                out.append(done[at:at + len(items)])
                at += len(items)
            return out
        from .scale import pool_apply

        load()
        return pool_apply(fn, tasks, jobs)  # (the workers fork with the collector on: see _Settled)

    return mapper


class _Settled:
    """Keeps Python's cyclic garbage collector off the results while a timeline is built.

    The per-article results (hundreds of thousands of events, times and intervals on a large
    corpus) live until the timeline is complete and hold no reference cycles, yet every full
    collection would walk all of them again: the time per article would grow with the corpus
    (and with a pool, while the parent holds the GIL for that, the workers wait for their next
    articles). `settle()`, after each article, moves what exists now into the collector's
    permanent generation (gc.freeze, constant time); what is made later is collected as usual.
    `pause()` stops collecting for the steps across articles, which make millions of objects
    and no cycles, and, when the articles are read in this process, while each is read: a
    book-length article makes millions of objects that live until its end, and each full
    collection meanwhile would walk all those made so far again (a 20 MB article: a dozen
    walks, the later ones of millions). Then `settle()` first collects what that article made
    (gc.collect(0): one walk of it; a cycle it left is freed there, not kept) before freezing.
    (Not while a pool forks workers: they would start with the collector off.) Leaving the block turns collection back on and returns the frozen objects to
    it (gc.unfreeze), so any cycle made meanwhile is freed afterwards. Nothing is done when the
    collector is off or something else in the process has frozen objects (its freeze stays)."""

    def __enter__(self) -> "_Settled":
        import gc

        self.active = gc.isenabled() and gc.get_freeze_count() == 0
        return self

    def settle(self) -> None:
        if self.active:
            import gc

            if not gc.isenabled():  # (paused: what the article made is all in the youngest generation)
                gc.collect(0)
            gc.freeze()

    def pause(self) -> None:
        if self.active:
            import gc

            gc.disable()

    def __exit__(self, *exc: object) -> None:
        if self.active:
            import gc

            gc.enable()
            gc.unfreeze()


def _infer_date(doc: Document, events: dict, docs: Sequence[Document]) -> Document | None:  # type: ignore[type-arg]
    """The undated `doc` with the publication day its matched events imply, if any."""
    from dataclasses import replace

    from .story.infer import infer_day
    from .story.match import match_all
    from .model import DctSource, Grain

    dated = {d.id: events[d.id] for d in docs if d.dct is not None}
    matches = match_all({doc.id: events[doc.id], **dated}, need_time=False, focus=doc.id)
    index = {(e.doc, e.id): e for d in docs for e in events[d.id]}
    found = infer_day(matches, index, doc.id)
    if found is None:
        return None
    return replace(doc, dct=found.day, dct_grain=Grain.DAY, dct_source=DctSource.INFERRED,
                   dct_evidence=" | ".join(found.evidence), dct_confidence=found.confidence)


def diff_articles(docs_a: Sequence[Document], docs_b: Sequence[Document],
                  names: tuple[str | None, str | None] | None = None, policy: Policy = Policy.NEWS,
                  infer: bool = True, jobs: int = 1) -> TimelineDiff:
    """How side B's articles tell the story differently from side A's: one timeline of both is
    built (so that happenings form across both sides, and an undated article is dated from
    the other side's), then each happening is split by side (`story.diff.diff_story`)."""
    from .story.diff import diff_story
    from .story.sides import split_sides

    docs, sides = split_sides(docs_a, docs_b)
    return diff_story(build_timeline(docs, policy, infer=infer, jobs=jobs), sides, names)

