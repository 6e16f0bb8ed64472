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
   weighs them; a decision counts only when its margin reaches MARGIN.

The events of a document are placed one by one, in text order, into a sequence of rank
groups: each goes where it agrees best with the evidence about the events already placed,
and joins the group of its nearest neighbour when nothing tells them apart (a tie).

Placing an event costs no pass over the earlier events: what two envelopes say depends on
the envelopes alone, and an article names a few dozen times, so the events are classed by
envelope, and for each class the net envelope evidence of every rank group is kept up to date
as events are placed (`_Ranks`). A new event reads that of its class, adds what the text
says about its neighbours (the only pairs the model scores, each once: `_Margins`) and finds
its slot with one running sum over the groups (`_best_slot`).
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta
from functools import cache, lru_cache
from itertools import accumulate
from typing import Callable, Iterable, Mapping, NamedTuple, Sequence

import numpy as np

from .eventmodel import pair_model
from ..model import AnchorKind, Event

MARGIN = 1.0  # the pairwise model's margin below which the text does not decide an order
WINDOW = 1  # sentences apart at most, for the text to be asked about two events
HARD = 100.0  # weight of an order that disjoint envelopes decide
SOFT = 30.0  # weight of an order that overlapping, staggered envelopes suggest
SPLIT_MARGIN = 22.0  # neighbouring rank groups with weaker evidence between them are merged
CONNECTIVES = frozenset("after before because when while then and but that to since until as so if "
                        "although once following ahead later earlier".split())
_FAR = datetime.max


def frame(e: Event) -> str:
    """"" for the calendar; the document id for an undated article's relative days; "undated"."""
    if e.envelope is not None:
        return ""
    if e.relative is not None:
        return e.doc
    return "undated"


def envelope_order(a: Event, b: Event) -> int:
    if AnchorKind.NARRATIVE in (a.anchor, b.anchor):
        return 0  # a time carried over from the passage is a default, not evidence
    if frame(a) != frame(b):
        return 0  # calendar dates and days relative to an unknown publication day do not compare
    return _bounds_order(a.bounds, b.bounds)


def _bounds_order(ba: tuple[object, object] | None, bb: tuple[object, object] | None) -> int:
    """How the envelopes [a0, a1) and [b0, b1) order a and b: -2/2 disjoint (a wholly
    before/after b); -1/1 they overlap but a starts and ends earlier/later than b (the overnight
    strike and the next day's visit); 0 one holds the other, or unknown."""
    if ba is None or bb is None:
        return 0
    (a0, a1), (b0, b1) = ba, bb
    if a1 is not None and b0 is not None and a1 <= b0:  # type: ignore[operator]
        return -2
    if b1 is not None and a0 is not None and b1 <= a0:  # type: ignore[operator]
        return 2
    if None in (a0, a1, b0, b1):
        return 0  # an open end holds the other's bound: containment, not order
    if a0 < b0 and a1 < b1:  # type: ignore[operator]
        return -1
    if b0 < a0 and b1 < a1:  # type: ignore[operator]
        return 1
    return 0


class Kind(NamedTuple):
    """What the pairwise model reads of an event, besides its word and its place in the text."""

    tense: str
    aspect: str
    cls: str
    modality: str
    anchor: str
    relation: str

    @property
    def tense_aspect(self) -> str:
        return f"{self.tense}{self.aspect}"


def kind(e: Event) -> Kind:
    return Kind(e.tense.value, e.aspect, e.cls, e.modality, e.anchor.value, e.relation.value)


def event_features(k: Kind) -> list[str]:
    return [f"t={k.tense}", f"a={k.aspect}", f"c={k.cls}", f"m={k.modality}", f"anc={k.anchor}",
            f"rel={k.relation}", f"t,a={k.tense},{k.aspect}", f"c,t={k.cls},{k.tense}"]


def pair_features(a: Event, b: Event, text: str) -> list[str]:
    """Features of the ordered pair (a, b), a first in the text: the model says whether a
    starts before b."""
    between = _between(a, b, text)
    same = a.sentence == b.sentence
    ka, kb = kind(a), kind(b)
    return (_context_features(same, _distance(between)) + _role_features(ka, 1) + _role_features(kb, 2)
            + _kind_features(ka, kb, envelope_order(a, b))
            + [f for c in _connectives(between) for f in _connective_features(c, ka.tense_aspect, kb.tense_aspect)]
            + _report_features(ka, kb, same) + _quote_features(_quoted(between))
            + _word_features(a.text, 1) + _word_features(b.text, 2))


def _between(a: Event, b: Event, text: str) -> str:
    return text[a.end:b.start].lower() if a.end <= b.start else ""


def _distance(between: str) -> int:
    return min(len(between.split()) // 3, 6)


def _context_features(same: bool, distance: int) -> list[str]:
    return ["bias", "same" if same else "next", f"dist={distance}"]


def _role_features(k: Kind, role: int) -> list[str]:
    """The event's own features as the first (1) or second (2) event of a pair."""
    return [f"{role}:{x}" for x in event_features(k)]


def _kind_features(a: Kind, b: Kind, env: int) -> list[str]:
    return [f"tt={a.tense_aspect},{b.tense_aspect}", f"cc={a.cls},{b.cls}", f"mm={a.modality},{b.modality}",
            f"anc={a.anchor},{b.anchor}", f"env={env}"]


def _connectives(between: str) -> list[str]:
    """The connectives among the words between two events, in alphabetical order."""
    return sorted({w.strip(_STRIPPED) for w in between.split()} & CONNECTIVES)


def _connective_features(connective: str, ta: str, tb: str) -> list[str]:
    return [f"cw={connective}", f"cw,tt={connective},{ta},{tb}"]


def _report_features(a: Kind, b: Kind, same: bool) -> list[str]:
    f = []
    if same and a.cls == "REPORTING":
        f.append(f"rep1,t2={b.tense_aspect}")
    if same and b.cls == "REPORTING":
        f.append(f"rep2,t1={a.tense_aspect}")
    return f


def _quoted(between: str) -> bool:
    return '"' in between or "“" in between or "”" in between


def _quote_features(quoted: bool) -> list[str]:
    return ["quote-between"] if quoted else []


def _word_features(word: str, role: int) -> list[str]:
    return [f"w{role}={word.lower()}"]


WHITESPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
              "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")  # what str.split() splits at
_SPACE_CODES = np.array([ord(c) for c in WHITESPACE], dtype=np.uint32)
_QUOTE_CODES = np.array([ord(c) for c in '"“”'], dtype=np.uint32)
_STRIPPED = '.,;:"“”()'
# a word that may be a connective (more: `_connective_of` decides)
_CONNECTIVE_WORD = re.compile(r'(?<!\S)[.,;:"“”()]*(?:' + "|".join(sorted(CONNECTIVES)) + r')[.,;:"“”()]*(?!\S)',
                              re.IGNORECASE)
_CONNECTIVE_ORDER = sorted(CONNECTIVES)  # the order of `_connectives`
_CONNECTIVE_INDEX = {c: n for n, c in enumerate(_CONNECTIVE_ORDER)}


def _connective_of(word: str) -> int | None:
    """The index in _CONNECTIVE_ORDER of the connective that a word of the text is, if any."""
    return _CONNECTIVE_INDEX.get(word.lower().strip(_STRIPPED))


class _Gaps:
    """`_distance`, `_connectives` and `_quoted` of the text between the two events of many
    pairs at once (given by the end of the first event and the start of the second), from
    character positions: the passage's text is read once, not once per pair.

    The words of text[a:b] are the whitespace-separated words of the text inside it, plus the
    pieces of the words that a or b cut (the comma after the first event, the quote before the
    second): an event's first and last characters are never spaces."""

    def __init__(self, text: str, a: np.ndarray, b: np.ndarray) -> None:
        b = np.maximum(a, b)
        lo, hi = int(a.min()), int(b.max())
        codes = np.frombuffer(text[lo:hi].encode("utf-32-le"), dtype=np.uint32)
        space = np.isin(codes, _SPACE_CODES)
        word_starts = np.zeros(len(codes) + 1, dtype=np.intp)  # [r]: words that start before lo + r
        np.cumsum(~space[1:] & space[:-1], out=word_starts[2:])
        quotes = np.zeros(len(codes) + 1, dtype=np.intp)
        np.cumsum(np.isin(codes, _QUOTE_CODES), out=quotes[1:])
        ra, rb = a - lo, b - lo
        gap = ra < rb
        cut_a = np.zeros(len(a), dtype=bool)  # a cuts a word: its piece after a is a word between
        cut_a[gap] = ~space[ra[gap]]
        cut_b = np.zeros(len(a), dtype=bool)
        cut_b[gap] = ~space[rb[gap] - 1]
        self.distance = np.minimum((word_starts[rb] - word_starts[ra] + cut_a) // 3, 6)
        self.quoted = quotes[rb] > quotes[ra]
        # the whole words that are connectives (one that ends at hi is cut by the event there)
        found = [(m.start(), m.end(), c) for m in _CONNECTIVE_WORD.finditer(text, lo, hi)
                 if m.end() < hi and (c := _connective_of(m.group())) is not None]
        counts = np.zeros((len(found) + 1, len(_CONNECTIVE_ORDER)), dtype=np.intp)
        counts[np.arange(1, len(found) + 1), [c for _, _, c in found]] = 1
        np.cumsum(counts, axis=0, out=counts)
        first = np.searchsorted(np.array([s for s, _, _ in found], dtype=np.intp), a)
        last = np.maximum(np.searchsorted(np.array([e for _, e, _ in found], dtype=np.intp), b, side="right"), first)
        self.connectives = counts[last] > counts[first]  # pair x connective
        for n in np.flatnonzero(cut_a | cut_b).tolist():
            for piece in _cut_pieces(text, int(a[n]), int(b[n]), bool(cut_a[n]), bool(cut_b[n])):
                c = _connective_of(piece)
                if c is not None:
                    self.connectives[n, c] = True


def _cut_pieces(text: str, a: int, b: int, cut_a: bool, cut_b: bool) -> list[str]:
    """The pieces of the words cut at a and at b that lie in text[a:b] (one if no space is between)."""
    pieces = []
    if cut_a:
        stop = a
        while stop < b and not text[stop].isspace():
            stop += 1
        pieces.append(text[a:stop])
        if stop == b:
            return pieces
    if cut_b:
        start = b
        while not text[start - 1].isspace():
            start -= 1
        pieces.append(text[start:b])
    return pieces


class _Margins:
    """The pairwise model's margins for the pairs of a passage's events that the text is asked
    about: at most WINDOW sentences apart, with envelopes that do not order them (> 0: the first
    in the text starts before the other; < 0, after; the size is the confidence).

    All are scored at once, when the passage is read. Each pair's features fill a fixed row of
    slots, in the order of `pair_features` (a feature the pair lacks, or that the model does
    not know, is the zero row, which adds nothing): what each event is, what kinds of event the
    two are, what is between them (`_Gaps`). `Perceptron.sum_rows` adds the rows up for all pairs
    together, one slot after the other, giving the floats of
    ``pair_model().scores(pair_features(a, b, text))``."""

    def __init__(self, events: Sequence[Event], text: str, sent: Sequence[int], envelopes: _Envelopes) -> None:
        n = len(events)
        numbers = np.array(sent, dtype=np.intp)
        near = np.searchsorted(numbers, numbers - WINDOW)  # the first event within WINDOW sentences
        counts = np.arange(n) - near
        later = np.repeat(np.arange(n), counts)
        earlier = np.arange(len(later)) - np.repeat(np.cumsum(counts) - counts, counts) + np.repeat(near, counts)
        classes = np.array(envelopes.of, dtype=np.intp) + 1
        silent = _lookup(classes[earlier] * (n + 1) + classes[later],
                         lambda code: not envelopes.weights[code // (n + 1) - 1, code % (n + 1) - 1])
        earlier, later = earlier[silent], later[silent]
        self.pairs: list[list[int]] = [[] for _ in events]  # for each event, the earlier ones of its pairs
        for i, k in zip(earlier.tolist(), later.tolist()):
            self.pairs[k].append(i)
        self._margin: dict[tuple[int, int], float] = {}
        if len(later):
            self._margin = dict(zip(zip(earlier.tolist(), later.tolist()),
                                    _margins(events, text, earlier, later).tolist()))

    def __call__(self, i: int, k: int) -> float:
        """The margin of the pair (events[i], events[k]), i < k."""
        return self._margin[(i, k)]


def _margins(events: Sequence[Event], text: str, earlier: np.ndarray, later: np.ndarray) -> np.ndarray:
    """The margins of the pairs (events[earlier[n]], events[later[n]])."""
    gaps = _Gaps(text, np.array([e.end for e in events])[earlier], np.array([e.start for e in events])[later])
    sentences: dict[str, int] = {}
    sentence = np.array([sentences.setdefault(e.sentence, len(sentences)) for e in events])
    same = (sentence[earlier] == sentence[later]).astype(np.intp)
    kinds: dict[Kind, int] = {}
    of_kind = np.array([kinds.setdefault(kind(e), len(kinds)) for e in events], dtype=np.intp)
    kind_list = list(kinds)
    own = np.array([_own_slots(k) for k in kind_list], dtype=np.intp)[of_kind]  # as first, as second
    words = np.array([_word_slots(e.text.lower()) for e in events], dtype=np.intp)
    distinct, inverse = np.unique((of_kind[earlier] * len(kinds) + of_kind[later]) * 2 + same, return_inverse=True)
    by_kinds = np.array([_kind_slots(kind_list[code // 2 // len(kinds)], kind_list[code // 2 % len(kinds)], bool(code % 2))
                         for code in distinct.tolist()], dtype=np.intp)[inverse.reshape(-1)]
    context = np.array([[_slots(_context_features(s, d), 3) for d in range(7)] for s in (False, True)], dtype=np.intp)
    quote = np.array([_slots(_quote_features(q), 1) for q in (False, True)], dtype=np.intp)
    slots = [context[same, gaps.distance], own[earlier, :8], own[later, 8:], by_kinds[:, :5]]
    tenses: dict[str, int] = {}
    of_tense = np.array([tenses.setdefault(k.tense_aspect, len(tenses)) for k in kind_list], dtype=np.intp)[of_kind]
    tense_list = list(tenses)
    distinct, inverse = np.unique(of_tense[earlier] * len(tenses) + of_tense[later], return_inverse=True)
    connectives = np.array([_connective_slots(tense_list[code // len(tenses)], tense_list[code % len(tenses)])
                            for code in distinct.tolist()], dtype=np.intp)[inverse.reshape(-1)]
    slots.append(np.where(np.repeat(gaps.connectives, 2, axis=1), connectives, 0))
    slots += [by_kinds[:, 5:], quote[gaps.quoted.astype(np.intp)], words[earlier, :1], words[later, 1:]]
    scores = pair_model().sum_rows(np.hstack(slots))
    return scores[:, 0] - scores[:, 1]


def _slots(features: list[str], width: int) -> list[int]:
    """The pair model's rows of the features it knows, in order, then zero rows up to `width`."""
    rows = pair_model().rows(features)
    return rows + [0] * (width - len(rows))


@cache
def _own_slots(k: Kind) -> list[int]:
    return _slots(_role_features(k, 1), 8) + _slots(_role_features(k, 2), 8)


@lru_cache(maxsize=1 << 16)
def _word_slots(word: str) -> list[int]:
    return _slots(_word_features(word, 1), 1) + _slots(_word_features(word, 2), 1)


@cache
def _connective_slots(ta: str, tb: str) -> list[int]:
    """Two slots for each connective, in order, for events of tense and aspect ta and tb."""
    return [row for c in _CONNECTIVE_ORDER for row in _slots(_connective_features(c, ta, tb), 2)]


@cache
def _kind_slots(a: Kind, b: Kind, same: bool) -> list[int]:
    """What the kinds of two events that no envelope orders say: five slots, then two of
    reported speech."""
    return _slots(_kind_features(a, b, 0), 5) + _slots(_report_features(a, b, same), 2)


def _lookup(codes: np.ndarray, value: Callable[[int], bool]) -> np.ndarray:
    """value(code) for each code, worked out once for each distinct code."""
    distinct, inverse = np.unique(codes, return_inverse=True)
    return np.array([value(code) for code in distinct.tolist()], dtype=bool)[inverse.reshape(-1)]


def _sentence_numbers(events: Sequence[Event]) -> list[int]:
    """For each event (in text order), the number of its sentence among the events' sentences."""
    numbers: list[int] = []
    last_sentence, n = None, -1
    for e in events:
        if e.sentence != last_sentence:
            n += 1
            last_sentence = e.sentence
        numbers.append(n)
    return numbers


PASSAGE = 400  # events placed together; a longer article is placed passage by passage
UNITS = 1_000_000  # evidence is summed in millionths, exactly: the order of the sums cannot tip a tie
NO_ENVELOPE = -1  # the envelope class of an event that no envelope orders


def _place(doc_events: Sequence[Event], text: str) -> dict[str, int]:
    """Rank groups (0-based) of one document's events of one frame. An article with more than
    PASSAGE events (a book, a 20 MB dump) is placed in passages of PASSAGE events that follow
    each other, so that the time stays linear in its length."""
    events = sorted(doc_events, key=lambda e: e.start)
    out: dict[str, int] = {}
    offset = 0
    for i in range(0, len(events), PASSAGE):
        passage = events[i:i + PASSAGE]
        groups = _place_passage(passage, text)
        out.update({passage[k].id: gi + offset for gi, members in enumerate(groups) for k in members})
        offset += len(groups)
    return out


class _Envelopes:
    """The events of a passage classed by envelope: what the envelopes of two events say about
    their order depends on their classes alone, so it is worked out once per pair of classes
    (an article names a few dozen times, not hundreds)."""

    def __init__(self, events: Sequence[Event]) -> None:
        index: dict[tuple[object, object], int] = {}
        self.of: list[int] = []  # the class of each event
        for e in events:
            b = e.bounds
            self.of.append(NO_ENVELOPE if b is None or e.anchor is AnchorKind.NARRATIVE else index.setdefault(b, len(index)))
        self.weights = _Weights(list(index))


class _Weights(dict[tuple[int, int], int]):
    """weights[placed, new]: the evidence (in UNITS) that an event of class `new` comes after
    one of class `placed`: HARD for disjoint envelopes, SOFT for staggered ones, negative for
    before, 0 when they do not say. Worked out when first asked for."""

    def __init__(self, bounds: list[tuple[object, object]]) -> None:
        super().__init__()
        self.bounds = bounds

    def __missing__(self, key: tuple[int, int]) -> int:
        placed, new = key
        env = 0 if NO_ENVELOPE in key else _bounds_order(self.bounds[placed], self.bounds[new])
        w = self[key] = 0 if not env else round((HARD if abs(env) == 2 else SOFT) * UNITS) * (-env // abs(env))
        return w


class _Ranks:
    """The rank groups of a passage while its events are placed: their order, their members,
    and, for each envelope class that is still to come, the net envelope evidence that each
    group gives an event of that class (> 0: it comes after the group). Placing an event
    updates these lists in place (one entry, or one insertion, per class): nothing is
    renumbered and no earlier event is looked at again."""

    def __init__(self, envelopes: _Envelopes) -> None:
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


def _place_passage(events: Sequence[Event], text: str) -> list[list[int]]:
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
    sent = _sentence_numbers(events)
    envelopes = _Envelopes(events)
    margins = _Margins(events, text, sent, envelopes)
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


def _merge_weak(groups: list[list[int]], sent: Sequence[int], envelopes: _Envelopes,
                margins: _Margins) -> list[list[int]]:
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

    def __init__(self, members: list[int], sent: Sequence[int], envelopes: _Envelopes) -> None:
        self.members: list[int] = []
        self.classes: set[int] = set()
        self.by_sentence: dict[int, list[int]] = {}
        self.extend(members, sent, envelopes)

    def extend(self, members: list[int], sent: Sequence[int], envelopes: _Envelopes) -> None:
        self.members += members
        for k in members:
            self.classes.add(envelopes.of[k])
            self.by_sentence.setdefault(sent[k], []).append(k)

    def kept_apart(self, after: list[int], sent: Sequence[int], envelopes: _Envelopes, margins: _Margins) -> bool:
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


def place_document(events: Sequence[Event], text: str) -> list[Event]:
    """One article's events with their order within the article: `rank` is the 1-based rank
    group within the article and frame (the per-article half of ordering, pure)."""
    by_frame: dict[str, list[Event]] = {}
    for e in events:
        by_frame.setdefault(frame(e), []).append(e)
    placed: dict[str, Event] = {}
    for name, members in by_frame.items():
        groups = {e.id: 0 for e in members} if name == "undated" else _place(members, text)
        placed.update({e.id: replace(e, rank=groups[e.id] + 1) for e in members})
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
            out += [replace(e, rank=1) for e in sorted(members, key=lambda e: (e.doc, e.start))]
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
            out.append(replace(e, rank=rank))
    return out
