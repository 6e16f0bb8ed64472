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
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Iterable, Mapping, Sequence

from .model import AnchorKind, Event

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
    return _envelope_order(a, b)


def _envelope_order(a: Event, b: Event) -> int:
    """How the envelopes order a and b: -2/2 disjoint (a wholly before/after b); -1/1 they
    overlap but a starts and ends earlier/later than b (the overnight strike and the next
    day's visit); 0 one holds the other, or unknown."""
    ba, bb = a.bounds, b.bounds
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


def event_features(e: Event) -> list[str]:
    return [f"t={e.tense.value}", f"a={e.aspect}", f"c={e.cls}", f"m={e.modality}", f"anc={e.anchor.value}",
            f"rel={e.relation.value}", f"t,a={e.tense.value},{e.aspect}", f"c,t={e.cls},{e.tense.value}"]


def pair_features(a: Event, b: Event, text: str) -> list[str]:
    """Features of the ordered pair (a, b), a first in the text: the model says whether a
    starts before b."""
    between = text[a.end:b.start].lower() if a.end <= b.start else ""
    words = {w.strip('.,;:"“”()') for w in between.split()}
    same = a.sentence == b.sentence
    ta, tb = f"{a.tense.value}{a.aspect}", f"{b.tense.value}{b.aspect}"
    f = ["bias", "same" if same else "next", f"dist={min(len(between.split()) // 3, 6)}"]
    f += ["1:" + x for x in event_features(a)] + ["2:" + x for x in event_features(b)]
    f += [f"tt={ta},{tb}", f"cc={a.cls},{b.cls}", f"mm={a.modality},{b.modality}",
          f"anc={a.anchor.value},{b.anchor.value}", f"env={envelope_order(a, b)}"]
    for c in sorted(words & CONNECTIVES):
        f += [f"cw={c}", f"cw,tt={c},{ta},{tb}"]
    if same and a.cls == "REPORTING":
        f.append(f"rep1,t2={tb}")
    if same and b.cls == "REPORTING":
        f.append(f"rep2,t1={ta}")
    if '"' in between or "“" in between or "”" in between:
        f.append("quote-between")
    f += [f"w1={a.text.lower()}", f"w2={b.text.lower()}"]
    return f


def pair_margin(a: Event, b: Event, text: str) -> float:
    """> 0: a (first in the text) starts before b; < 0: after; the size is the confidence."""
    from .eventmodel import pair_model

    s = pair_model().scores(pair_features(a, b, text))
    return s[0] - s[1]


def _sentence_index(events: Sequence[Event]) -> dict[str, int]:
    index: dict[str, int] = {}
    last_sentence, n = None, -1
    for e in events:
        if e.sentence != last_sentence:
            n += 1
            last_sentence = e.sentence
        index[e.id] = n
    return index


PASSAGE = 400  # events placed together; a longer article is placed passage by passage


def _place(doc_events: Sequence[Event], text: str) -> dict[str, int]:
    """Rank groups (0-based) of one document's events of one frame. An article with more than
    PASSAGE events (a book, a 20 MB dump) is placed in passages of PASSAGE events that follow
    each other, so that the time stays linear in its length."""
    events = sorted(doc_events, key=lambda e: e.start)
    out: dict[str, int] = {}
    offset = 0
    for i in range(0, len(events), PASSAGE):
        groups = _place_passage(events[i:i + PASSAGE], text)
        out.update({k: g + offset for k, g in groups.items()})
        offset += max(groups.values(), default=-1) + 1
    return out


def _place_passage(events: Sequence[Event], text: str) -> dict[str, int]:
    sent = _sentence_index(events)
    groups: list[list[Event]] = []
    where: dict[str, int] = {}
    for k, e in enumerate(events):
        evidence: list[tuple[Event, float]] = []  # (earlier event, >0: e after it, <0: before it)
        for o in events[:k]:
            env = envelope_order(o, e)
            if env:
                evidence.append((o, (HARD if abs(env) == 2 else SOFT) * -env / abs(env)))
            elif sent[e.id] - sent[o.id] <= WINDOW:
                m = pair_margin(o, e, text)
                if abs(m) >= MARGIN:
                    evidence.append((o, m))
        best: tuple[float, int, int] | None = None  # (agreement, -distance from the default, slot)
        neighbours = [o for o in events[:k] if sent[e.id] - sent[o.id] <= WINDOW]
        default = where[neighbours[-1].id] * 2 + 1 if neighbours else 2 * len(groups)
        # slots: even = a new group before group slot/2, odd = join that group. Each piece of
        # evidence about an earlier event o counts -|m| at o's own slot (a tie says nothing where
        # the evidence says something) and on the side it contradicts, +|m| on the side it
        # supports; summed over all slots at once with a difference array (linear, not slots x
        # evidence), rounded so that the order of the sums cannot tip a tie.
        n_slots = 2 * len(groups) + 1
        steps = [0.0] * (n_slots + 1)
        running = 0.0
        for o, m in evidence:
            a, go = abs(m), where[o.id] * 2 + 1
            running -= a
            if m > 0:  # e after o: the slots after o's group agree
                steps[go + 1] += 2 * a
                steps[n_slots] -= 2 * a
            else:  # e before o: the slots before it agree
                steps[0] += 2 * a
                steps[go] -= 2 * a
        for slot in range(n_slots):
            running += steps[slot]
            cand = (round(running, 6), -abs(slot - default), slot)
            if best is None or cand > best:
                best = cand
        assert best is not None
        slot = best[2]
        if slot % 2:
            gi = slot // 2
            groups[gi].append(e)
        else:
            gi = slot // 2
            groups.insert(gi, [e])
            for o_id, g in where.items():
                if g >= gi:
                    where[o_id] = g + 1
        where[e.id] = gi
    return _merge_weak(groups, sent, text)


def _merge_weak(groups: list[list[Event]], sent: Mapping[str, int], text: str) -> dict[str, int]:
    """Merge neighbouring rank groups that no strong evidence keeps apart: a tie is better
    than an order nothing in the text or the dates decides."""
    merged: list[list[Event]] = []
    for g in groups:
        if merged and _support(merged[-1], g, sent, text) < SPLIT_MARGIN:
            merged[-1] = merged[-1] + g
        else:
            merged.append(list(g))
    return {e.id: gi for gi, g in enumerate(merged) for e in g}


def _support(before: list[Event], after: list[Event], sent: Mapping[str, int], text: str) -> float:
    """The strongest evidence that some event of `before` precedes some event of `after`."""
    best = 0.0
    for x in before:
        for y in after:
            env = envelope_order(x, y)
            if env:
                if env < 0:
                    return HARD if env == -2 else SOFT
                continue
            if abs(sent[x.id] - sent[y.id]) > WINDOW:
                continue
            first, second = (x, y) if x.start < y.start else (y, x)
            m = pair_margin(first, second, text)
            agree = m if first is x else -m
            best = max(best, agree)
    return best


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
