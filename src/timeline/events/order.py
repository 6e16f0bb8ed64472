"""Chronological order of events; what nothing orders stays a tie.

Events are compared within a frame: the real calendar, or, for an undated article, the days
relative to its publication day (which cannot be compared with real dates); events with no
time at all come last, tied.

Two kinds of evidence order two events of a frame:
1. their envelopes. Disjoint envelopes decide (the overnight strike before the talks of
   4-5 February); staggered ones (one starts and ends before the other) weigh strongly; when
   one holds the other ("on or before Tuesday" and "Monday night") they say nothing.
2. the text, for events close to each other (same or next sentence): tense and aspect ("had
   agreed" before "said"), event classes (a report after what it reports), modality ("will",
   "to"), connectives between them ("after", "because", "then"), text order. A pairwise model
   learned from the MATRES start-point relations of TimeBank (``eventmodel.pair_model``)
   weighs them; a decision counts only when its margin reaches MARGIN. Where the sentence
   is parsed, a link between the two events that ``rules/en/order.toml`` names ("rose after
   the company unveiled", "said the plant had been hit") adds its weight (`links`).
   MARGIN and SPLIT_MARGIN are set on TimeBank with the pairwise model cross-validated
   (``benchmarks/matres.py --folds 3``), not on the held-out AQUAINT.

The events of a document are placed one by one, in text order, into a sequence of rank
groups: each goes where it agrees best with the evidence about the events already placed,
and joins the group of its nearest neighbour when nothing tells them apart (a tie).

Placing an event costs no pass over the earlier events: what two envelopes say depends on
the envelopes alone, and an article names a few dozen times, so the events are classed by
envelope (`Envelopes.matrix`: what two classes say), and for each class the net envelope
evidence of every rank group is kept up to date as events are placed (`_place_passage`). A new
event reads that of its class, adds what the text says about its neighbours (the only pairs
the model scores, each once, several passages at a time: `Margins`) and finds its slot with
one running sum over the groups (`_slot`), in numpy: a few array operations per event.
"""
from __future__ import annotations

from operator import itemgetter
from typing import Callable, Iterable, Mapping, Sequence

import numpy as np

from ..model import Event
from .evolve import evolve
from .envelopes import NO_ENVELOPE, UNITS, Envelopes, frame
from .links import Parses, links
from .pairs import WINDOW, Margins, sentence_numbers

MARGIN = 3.0  # the pairwise model's margin below which the text does not decide an order
SPLIT_MARGIN = 20.0  # neighbouring rank groups with weaker evidence between them are merged
PASSAGE = 400  # events placed together; a longer article is placed passage by passage
BLOCK = 8  # passages whose pairs are scored together (a bound on the memory that takes)


def _place(doc_events: Sequence[Event], text: str, parses: Parses | None = None) -> dict[str, int]:
    """Rank groups (0-based) of one document's events of one frame. An article with more than
    PASSAGE events (a book, a 20 MB dump) is placed in passages of PASSAGE events that follow
    each other, so that the time stays linear in its length; the pairs of BLOCK passages are
    scored together (`Margins`), which spares the fixed cost of a scoring per passage."""
    events = sorted(doc_events, key=lambda e: e.start)
    sent = sentence_numbers(events)
    envelopes = Envelopes(events)
    out: dict[str, int] = {}
    offset = 0
    for b in range(0, len(events), PASSAGE * BLOCK):
        block = events[b:b + PASSAGE * BLOCK]
        margins = Margins(block, text, sent[b:b + len(block)], envelopes.of[b:b + len(block)], envelopes.weights,
                          PASSAGE)
        starts = list(range(0, len(block), PASSAGE))
        cuts = np.searchsorted(margins.later, starts + [len(block)]).tolist()
        for n, i in enumerate(starts):
            passage = block[i:i + PASSAGE]
            lo, hi = cuts[n], cuts[n + 1]
            pairs = _Pairs(len(passage), margins.earlier[lo:hi] - i, margins.later[lo:hi] - i, margins.margin[lo:hi],
                           links(passage, parses))
            of = envelopes.of[b + i:b + i + len(passage)]
            local: dict[int, int] = {}  # the passage's classes, numbered from 0, no envelope last
            for c in of:
                if c != NO_ENVELOPE:
                    local.setdefault(c, len(local))
            local[NO_ENVELOPE] = len(local)
            groups = _place_passage(sent[b + i:b + i + len(passage)], [local[c] for c in of],
                                    envelopes.matrix(list(local)), pairs)
            out.update({passage[k].id: gi + offset for gi, members in enumerate(groups) for k in members})
            offset += len(groups)
    return out


class _Pairs:
    """The pairs of a passage's events that the text is asked about (`Margins`, with the evidence
    of the parse added where it links two events: `links`), read the two ways placing reads them:
    the earlier events that the text orders each event against with a margin of MARGIN at least
    (`earlier[cuts[k]:cuts[k + 1]]` for event k) and how strongly, in UNITS (`units`); for each
    event, the events that the text says precede it by SPLIT_MARGIN at least (`strongly_after`)."""

    def __init__(self, n: int, earlier: np.ndarray, later: np.ndarray, margin: np.ndarray,
                 evidence: Mapping[tuple[int, int], float]) -> None:
        if evidence:
            margin = margin.copy()
            at = {pair: n for n, pair in enumerate(zip(earlier.tolist(), later.tolist()))}
            for pair, value in evidence.items():
                if pair in at:
                    margin[at[pair]] += value
        strong = np.abs(margin) >= MARGIN
        self.earlier = earlier[strong]
        self.units = np.rint(margin[strong] * UNITS).astype(np.int64)  # round(m * UNITS), as exactly
        self.cuts: list[int] = np.searchsorted(later[strong], np.arange(n + 1)).tolist()
        self.strongly_after: list[list[int]] = [[] for _ in range(n)]
        for before, after in ((margin >= SPLIT_MARGIN, False), (margin <= -SPLIT_MARGIN, True)):
            xs, ys = (later[before], earlier[before]) if after else (earlier[before], later[before])
            for x, y in zip(xs.tolist(), ys.tolist()):
                self.strongly_after[y].append(x)


def _place_passage(sent: Sequence[int], of: Sequence[int], weights: np.ndarray, pairs: _Pairs) -> list[list[int]]:
    """The rank groups of a passage's events (indices into the passage, in text order; `sent`
    their sentence numbers, `of` their envelope classes, numbered from 0, `weights[a, b]` what
    the envelopes of classes a and b say about an event of class b placed after one of a, its
    last class that of the events without envelope, which say nothing).

    Each event in turn goes into the slot (a new group before any group, or into one)
    where it agrees best with the evidence about the events already placed. Each piece of
    evidence about an earlier event o, of weight a, counts -a at o's own group (a tie says
    nothing where the evidence says something) and on the side it contradicts, +a on the side
    it supports. Evidence: the envelopes of all earlier events and, where envelopes do not say,
    the text about the events of the same and the previous sentence when its margin reaches
    MARGIN. Among the best slots, the one nearest the default wins (into the group of the
    previous event when it is that close in the text, else a new last group), then the later
    one.

    For each class, the net envelope evidence that each group gives an event of that class
    (> 0: it comes after the group) is kept by group (`net[class, group]`) and updated as events
    are placed (one column per event); `order` holds the groups in rank order. An event reads
    the row of its class, adds what the text says about the groups of its pairs, and finds its
    slot with one running sum over the groups in rank order (`_slot`): no earlier event is
    looked at again, and no group renumbered."""
    n = len(of)
    net = np.zeros((weights.shape[0], n + 1), dtype=np.int64)  # column n: 0, before the first group
    order = np.empty(n + 1, dtype=np.intp)  # order[0] = n, then the group ids in rank order
    order[0] = n
    group_of = np.empty(n, dtype=np.intp)  # by event: its group id
    members: list[list[int]] = []  # by group id: its events
    classes: list[set[int]] = []  # by group id: its envelope classes
    says = weights.tolist()
    earlier, units, cuts = pairs.earlier, pairs.units, pairs.cuts
    groups = 0
    position = 0  # of the group of the last event placed
    for k, cls in enumerate(of):
        row = net[cls]
        a, b = cuts[k], cuts[k + 1]
        if a < b:  # the text's evidence about the groups of the events it orders this one against
            row = row.copy()
            told = group_of[earlier[a:b]]
            np.add.at(row, told, units[a:b])
        before = np.add.accumulate(row[order[:groups + 1]])  # before[g]: the net evidence of the groups before g
        if k and sent[k] - sent[k - 1] <= WINDOW:
            gid = group_of[k - 1]
            slot = _slot(before, position, lambda: not (a < b and gid in told)  # noqa: B023
                         and not any(says[c][cls] for c in classes[gid]))  # noqa: B023
        else:
            slot = _slot(before, None, bool)
        position = slot >> 1
        if slot & 1:
            gid = int(order[position + 1])
            members[gid].append(k)
            net[:, gid] += weights[cls]
        else:
            gid = groups
            groups += 1
            members.append([k])
            classes.append(set())
            order[position + 2:groups + 1] = order[position + 1:groups]
            order[position + 1] = gid
            net[:, gid] = weights[cls]
        classes[gid].add(cls)
        group_of[k] = gid
    return _merge_weak([members[g] for g in order[1:groups + 1].tolist()], of, says, pairs)


def _slot(before: np.ndarray, default: int | None, quiet: Callable[[], bool]) -> int:
    """The slot (2g: a new group before group g; 2g+1: into group g) where a new event agrees
    best with the evidence, given the running sum of the net evidence of the groups (> 0: the
    event comes after the group; `before[g]`: the sum over the groups before g), the position
    of the group it joins by default (None: a new last group by default) and whether that
    group says nothing (`quiet()`, asked only when it matters).

    A new group before group g scores, up to a constant, before[g]; joining group g scores less
    unless g says nothing, when it scores as much as the new groups on either side of it. So
    the best slots are the new groups where the running sum peaks and the quiet groups between
    them; of these the nearest the default slot wins, then the later one."""
    if default is None:  # the last peak
        return 2 * (len(before) - 1 - int(before[::-1].argmax()))
    left = default - int(before[default::-1].argmax())  # the last peak up to the default group
    right = default + 1 + int(before[default + 1:].argmax()) if default + 1 < len(before) else None
    at_left = before.item(left)  # (Python numbers: numpy's scalars are slower to compare)
    at_right = before.item(right) if right is not None else None
    peak = at_left if at_right is None else max(at_left, at_right)
    if left == default and at_left == peak and quiet():
        return 2 * default + 1
    if at_left < peak or (right is not None and at_right == peak and right + left <= 2 * default + 1):
        assert right is not None  # (the peak is on the right, or as near on the right as on the left)
        return 2 * right
    return 2 * left


def _best_slot(net: list[int], default: int | None, quiet: bool) -> int:
    """`_slot` given the net evidence of each group, in rank order."""
    return _slot(np.cumsum([0, *net]), default, lambda: quiet)


def _merge_weak(groups: list[list[int]], of: Sequence[int], says: list[list[int]], pairs: _Pairs) -> list[list[int]]:
    """Merge neighbouring rank groups that no strong evidence keeps apart: a tie is better
    than an order nothing in the text or the dates decides. Evidence of SPLIT_MARGIN at least
    that an event of the group so far precedes one of the next keeps them apart: their
    envelopes (`says`, the weights of two classes), else the text for events at most WINDOW
    sentences apart (`pairs`)."""
    strong = SPLIT_MARGIN * UNITS
    after = pairs.strongly_after
    # by class d, the classes c (bits) whose envelopes say strongly that they precede it: the
    # test of every class of the merged group against every class of the next is then one AND
    blockers = [sum(1 << c for c in range(len(says)) if says[c][d] >= strong) for d in range(len(says))]
    merged: list[list[int]] = []
    seen: set[int] = set()  # the events of the last merged group
    seen_classes = 0  # and their envelope classes (bits)
    for g in groups:
        later = {of[k] for k in g}
        blocked = 0
        for d in later:
            blocked |= blockers[d]
        if merged and not (blocked & seen_classes or any(x in seen for y in g for x in after[y])):
            merged[-1] += g
            seen.update(g)
            for d in later:
                seen_classes |= 1 << d
        else:
            merged.append(list(g))
            seen, seen_classes = set(g), 0
            for d in later:
                seen_classes |= 1 << d
    return merged


def place_document(events: Sequence[Event], text: str, parses: Parses | None = None,
                   own: bool = False) -> list[Event]:
    """One article's events with their order within the article: `rank` is the 1-based rank
    group within the article and frame (the per-article half of ordering, pure). With the
    `parses` of its sentences, two events of a sentence that the parse links are ordered by
    what the link says (`links`). With `own`, the events are the caller's own, made for this
    call and held nowhere else (`find_events`'s): each gets its rank set on itself, not on a
    copy (a copy per event is a tenth of the placing of a book-length article)."""
    by_frame: dict[str, list[Event]] = {}
    for e in events:
        by_frame.setdefault(frame(e), []).append(e)
    placed: dict[str, Event] = {}
    for name, members in by_frame.items():
        groups = {e.id: 0 for e in members} if name == "undated" else _place(members, text, parses)
        if own:
            for e in members:
                _set_rank(e, groups[e.id] + 1)
        else:
            placed.update({e.id: evolve(e, rank=groups[e.id] + 1) for e in members})
    return list(events) if own else [placed[e.id] for e in events]


_set_rank = Event.__dict__["rank"].__set__  # (an Event is frozen: its own slot's setter, as `evolve.maker` sets them)


_BY_POINT = itemgetter(0, 1, 2)


def order_events(events: Iterable[Event], texts: Mapping[str, str] | None = None,
                 placed: bool = False, own: bool = False) -> list[Event]:
    """Events sorted by frame and order, each with its rank (1-based) within its frame.

    With `placed`, each event's rank already says its order within its article
    (`place_document`); else the articles are placed here. With `own`, the events are the
    caller's own, held nowhere else: each gets its rank set on itself, not on a copy (as
    `place_document` does; a copy of every event was most of the ordering of a story). Across
    documents of one frame, rank groups are merged by the earliest time their envelopes allow,
    so that dated events from several articles interleave by date; what no document orders (the
    first groups of two documents at the same time) is a tie."""
    evs = list(events)
    texts = texts or {}
    frames: dict[str, list[Event]] = {}
    for e in evs:
        frames.setdefault(frame(e), []).append(e)
    out: list[Event] = []
    for name in sorted(frames, key=lambda f: (f == "undated", f)):
        members = frames[name]
        if name == "undated":
            out += [_ranked(e, 1, own) for e in sorted(members, key=lambda e: (e.doc, e.start))]
            continue
        by_doc: dict[str, list[Event]] = {}
        for e in members:
            by_doc.setdefault(e.doc, []).append(e)
        keyed: list[tuple[tuple, str, int, Event]] = []  # (the group's point, doc, start, event)
        for doc, doc_events in sorted(by_doc.items()):
            groups = ({e.id: e.rank - 1 for e in doc_events} if placed
                      else _place(doc_events, texts.get(doc, "")))
            # a document's groups become points on the frame's time line: the latest time point
            # of the group and of every group before it (so the order within it stays). A
            # group's point is where its envelopes start, or, open at the start ("on or before
            # Tuesday"), where they end. Groups of several documents at one point are tied,
            # the first group of each document at that point with the first of the others...
            floor: object = None
            at_floor = 0
            members_by_group: dict[int, list[Event]] = {}
            for e in doc_events:
                members_by_group.setdefault(groups[e.id], []).append(e)
            for gi in sorted(members_by_group):
                points = [b[0] if b[0] is not None else b[1] for e in members_by_group[gi]
                          if (b := e.bounds) is not None and (b[0] is not None or b[1] is not None)]
                low = max(points) if points else None  # type: ignore[type-var]
                if low is not None and (floor is None or low > floor):  # type: ignore[operator]
                    floor, at_floor = low, 0
                else:
                    at_floor += 1
                point = (floor is not None, 0 if floor is None else floor, at_floor)
                for e in members_by_group[gi]:
                    keyed.append((point, e.doc, e.start, e))
        keyed.sort(key=_BY_POINT)  # (stable)
        rank, prev = 0, None
        for k, _, _, e in keyed:
            if k != prev:
                rank += 1
                prev = k
            out.append(e if e.rank == rank else _ranked(e, rank, own))  # (the same value: no copy)
    return out


def _ranked(e: Event, rank: int, own: bool) -> Event:
    """The event with this rank: itself, its rank set, when it is the caller's `own`; else a copy."""
    if not own:
        return evolve(e, rank=rank)
    _set_rank(e, rank)
    return e
