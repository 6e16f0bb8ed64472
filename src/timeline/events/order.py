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
envelope, and for each class the net envelope evidence of every rank group is kept up to date
as events are placed (`_Ranks`). A new event reads that of its class, adds what the text
says about its neighbours (the only pairs the model scores, each once: `Margins`) and finds
its slot with one running sum over the groups (`_best_slot`).
"""
from __future__ import annotations

from itertools import accumulate
from typing import Iterable, Mapping, Sequence

from ..model import Event
from .evolve import evolve
from .envelopes import NO_ENVELOPE, UNITS, Envelopes, frame
from .links import Parses, links
from .pairs import WINDOW, Margins, sentence_numbers

MARGIN = 3.0  # the pairwise model's margin below which the text does not decide an order
SPLIT_MARGIN = 20.0  # neighbouring rank groups with weaker evidence between them are merged
PASSAGE = 400  # events placed together; a longer article is placed passage by passage
def _place(doc_events: Sequence[Event], text: str, parses: Parses | None = None) -> dict[str, int]:
    """Rank groups (0-based) of one document's events of one frame. An article with more than
    PASSAGE events (a book, a 20 MB dump) is placed in passages of PASSAGE events that follow
    each other, so that the time stays linear in its length."""
    events = sorted(doc_events, key=lambda e: e.start)
    out: dict[str, int] = {}
    offset = 0
    for i in range(0, len(events), PASSAGE):
        passage = events[i:i + PASSAGE]
        groups = _place_passage(passage, text, parses)
        out.update({passage[k].id: gi + offset for gi, members in enumerate(groups) for k in members})
        offset += len(groups)
    return out


class _Ranks:
    """The rank groups of a passage while its events are placed: their order, their members,
    and, for each envelope class that is still to come, the net envelope evidence that each
    group gives an event of that class (> 0: it comes after the group). Placing an event
    updates these lists in place (one entry, or one insertion, per class): nothing is
    renumbered and no earlier event is looked at again."""

    def __init__(self, envelopes: Envelopes) -> None:
        self.envelopes = envelopes
        self.order: list[int] = []  # group ids, in rank order
        self.members: list[list[int]] = []  # by group id: its events (indices in the passage)
        self.classes: list[dict[int, int]] = []  # by group id: its envelope classes and how many of each
        self.group_of: list[int] = []  # by event: its group id
        self._net: dict[int, list[int]] = {}  # by class still to come: net evidence of each group, in rank order
        self._last = {c: k for k, c in enumerate(envelopes.of)}  # the last event of each class

    def position(self, k: int) -> int:
        """The rank position of the group of event `k`."""
        return self.order.index(self.group_of[k])

    def net(self, cls: int) -> list[int]:
        """The net envelope evidence that each group gives an event of class `cls`."""
        if cls == NO_ENVELOPE:
            return [0] * len(self.order)
        found = self._net.get(cls)
        if found is None:
            weight = self.envelopes.weights
            found = self._net[cls] = [sum([weight[c, cls] * n for c, n in self.classes[g].items()]) for g in self.order]
        return found

    def quiet(self, position: int, cls: int) -> bool:
        """Do the envelopes of the group at `position` say nothing about an event of class `cls`?"""
        weight = self.envelopes.weights
        return not any(weight[c, cls] for c in self.classes[self.order[position]])

    def add(self, k: int, slot: int) -> None:
        """Put event `k` into `slot`: even, a new group before the group at slot/2; odd, into
        the group at slot//2."""
        cls = self.envelopes.of[k]
        position = slot // 2
        weight = self.envelopes.weights
        if slot % 2:
            gid = self.order[position]
            self.members[gid].append(k)
            for later, net in self._net.items():
                net[position] += weight[cls, later]
        else:
            gid = len(self.members)
            self.members.append([k])
            self.classes.append({})
            self.order.insert(position, gid)
            for later, net in self._net.items():
                net.insert(position, weight[cls, later])
        self.classes[gid][cls] = self.classes[gid].get(cls, 0) + 1
        self.group_of.append(gid)
        if self._last[cls] == k:
            self._net.pop(cls, None)  # no event of this class is still to come

    def groups(self) -> list[list[int]]:
        return [self.members[g] for g in self.order]


def _place_passage(events: Sequence[Event], text: str, parses: Parses | None = None) -> list[list[int]]:
    """The rank groups of a passage's events (indices into `events`, which are in text order).

    Each event in turn goes into the slot (a new group before any group, or into one)
    where it agrees best with the evidence about the events already placed. Each piece of
    evidence about an earlier event o, of weight a, counts -a at o's own group (a tie says
    nothing where the evidence says something) and on the side it contradicts, +a on the side
    it supports. Evidence: the envelopes of all earlier events (`_Ranks` keeps their sum per
    group and class) and, where envelopes do not say, the text about the events of the same
    and the previous sentence when its margin reaches MARGIN. Among the best slots, the one
    nearest the default wins (into the group of the previous event when it is that close in
    the text, else a new last group), then the later one."""
    sent = sentence_numbers(events)
    envelopes = Envelopes(events)
    margins = Margins(events, text, sent, envelopes, links(events, parses))
    ranks = _Ranks(envelopes)
    for k in range(len(events)):
        cls = envelopes.of[k]
        net = ranks.net(cls)
        told: set[int] = set()  # positions of the groups the text says something about
        for i in margins.pairs[k]:
            m = margins(i, k)
            if abs(m) >= MARGIN:
                if not told:
                    net = list(net)
                position = ranks.position(i)
                net[position] += round(m * UNITS)
                told.add(position)
        default = ranks.position(k - 1) if k and sent[k] - sent[k - 1] <= WINDOW else None
        quiet = default is not None and default not in told and ranks.quiet(default, cls)
        ranks.add(k, _best_slot(net, default, quiet))
    return _merge_weak(ranks.groups(), sent, envelopes, margins)


def _best_slot(net: list[int], default: int | None, quiet: bool) -> int:
    """The slot (2g: a new group before group g; 2g+1: into group g) where a new event agrees
    best with the evidence, given the net evidence of each group (> 0: the event comes after
    it), the position of the group it joins by default (None: a new last group by default) and
    whether that group says nothing (`quiet`).

    A new group before group g scores, up to a constant, before[g] = the net evidence of the
    groups before it (one running sum); joining group g scores less unless g says nothing, when
    it scores as much as the new groups on either side of it. So the best slots are the new
    groups where the running sum peaks and the quiet groups between them; of these the nearest
    the default slot wins, then the later one."""
    before = list(accumulate(net, initial=0))
    peak = max(before)
    if default is None:  # the last peak
        return 2 * (len(before) - 1 - before[::-1].index(peak))
    if before[default] == peak and quiet:
        return 2 * default + 1
    left = default - before[default::-1].index(peak) if peak in before[:default + 1] else None
    right = before.index(peak, default + 1) if peak in before[default + 1:] else None
    if left is None or (right is not None and 2 * right - (2 * default + 1) <= (2 * default + 1) - 2 * left):
        assert right is not None
        return 2 * right
    return 2 * left


def _merge_weak(groups: list[list[int]], sent: Sequence[int], envelopes: Envelopes,
                margins: Margins) -> list[list[int]]:
    """Merge neighbouring rank groups that no strong evidence keeps apart: a tie is better
    than an order nothing in the text or the dates decides."""
    merged: list[_Merged] = []
    for g in groups:
        if merged and not merged[-1].kept_apart(g, sent, envelopes, margins):
            merged[-1].extend(g, sent, envelopes)
        else:
            merged.append(_Merged(g, sent, envelopes))
    return [m.members for m in merged]


class _Merged:
    """A rank group being merged, with its envelope classes and its events by sentence."""

    def __init__(self, members: list[int], sent: Sequence[int], envelopes: Envelopes) -> None:
        self.members: list[int] = []
        self.classes: set[int] = set()
        self.by_sentence: dict[int, list[int]] = {}
        self.extend(members, sent, envelopes)

    def extend(self, members: list[int], sent: Sequence[int], envelopes: Envelopes) -> None:
        self.members += members
        for k in members:
            self.classes.add(envelopes.of[k])
            self.by_sentence.setdefault(sent[k], []).append(k)

    def kept_apart(self, after: list[int], sent: Sequence[int], envelopes: Envelopes, margins: Margins) -> bool:
        """Does some evidence of SPLIT_MARGIN at least say that an event of this group precedes
        one of `after`: their envelopes, else the text for events at most WINDOW sentences apart?"""
        weight = envelopes.weights
        strong = SPLIT_MARGIN * UNITS
        later = {envelopes.of[k] for k in after}
        if any(weight[c, d] >= strong for c in self.classes for d in later):
            return True
        for y in after:
            cy = envelopes.of[y]
            for s in range(sent[y] - WINDOW, sent[y] + WINDOW + 1):
                for x in self.by_sentence.get(s, ()):
                    if not weight[envelopes.of[x], cy] and (margins(x, y) if x < y else -margins(y, x)) >= SPLIT_MARGIN:
                        return True
        return False


def place_document(events: Sequence[Event], text: str, parses: Parses | None = None) -> list[Event]:
    """One article's events with their order within the article: `rank` is the 1-based rank
    group within the article and frame (the per-article half of ordering, pure). With the
    `parses` of its sentences, two events of a sentence that the parse links are ordered by
    what the link says (`links`)."""
    by_frame: dict[str, list[Event]] = {}
    for e in events:
        by_frame.setdefault(frame(e), []).append(e)
    placed: dict[str, Event] = {}
    for name, members in by_frame.items():
        groups = {e.id: 0 for e in members} if name == "undated" else _place(members, text, parses)
        placed.update({e.id: evolve(e, rank=groups[e.id] + 1) for e in members})
    return [placed[e.id] for e in events]


def order_events(events: Iterable[Event], texts: Mapping[str, str] | None = None,
                 placed: bool = False) -> list[Event]:
    """Events sorted by frame and order, each with its rank (1-based) within its frame.

    With `placed`, each event's rank already says its order within its article
    (`place_document`); else the articles are placed here. Across documents of one frame, rank groups are merged
    by the earliest time their envelopes allow, so that dated events from several articles
    interleave by date; what no document orders (the first groups of two documents at the same
    time) is a tie."""
    evs = list(events)
    texts = texts or {}
    frames: dict[str, list[Event]] = {}
    for e in evs:
        frames.setdefault(frame(e), []).append(e)
    out: list[Event] = []
    for name in sorted(frames, key=lambda f: (f == "undated", f)):
        members = frames[name]
        if name == "undated":
            out += [evolve(e, rank=1) for e in sorted(members, key=lambda e: (e.doc, e.start))]
            continue
        by_doc: dict[str, list[Event]] = {}
        for e in members:
            by_doc.setdefault(e.doc, []).append(e)
        keyed: list[tuple[tuple, Event]] = []
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
                for e in members_by_group[gi]:
                    keyed.append(((floor is not None, floor, at_floor), e))
        keyed.sort(key=lambda ke: (ke[0][0], ke[0][1] if ke[0][0] else 0, ke[0][2], ke[1].doc, ke[1].start))
        rank, prev = 0, None
        for k, e in keyed:
            if k != prev:
                rank += 1
                prev = k
            out.append(e if e.rank == rank else evolve(e, rank=rank))  # (the same value: no copy)
    return out
