"""Mentions into entries: what `mentions.find_events` does with the mentions it found in one
article. Reported speech and narrative continuity anchor what no time expression anchors
(`propagate`); within a sentence, a mention inside the label of another with the same time
is that entry (`one_entry_per_happening`); salient mentions of one kind of happening at
compatible times are one entry (`merge_mentions`). Pure."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache

from ..model import AnchorKind, Event, Interval, RelInterval, Relation, Tense
from ..rules import load_toml
from .evolve import evolve


def one_entry_per_happening(events: list[Event], sentence_of: list[int],
                             spans: list[tuple[int, int]]) -> list[Event]:
    """Within a sentence, a salient event whose trigger lies inside the label of another salient
    event with the same time is the same entry ("The overnight Russian assault utilized ..."):
    one of them stays, with the wider label; a word that names a kind of happening
    ("assault") is preferred, so that later mentions of it can join the entry. (`sentence_of`
    and `spans`: each event's sentence and label span, in the order of `events`.)"""
    kinds = _happening_kinds()
    out = list(events)
    by_sentence: dict[int, list[int]] = {}
    for k, e in enumerate(events):
        if e.salient:  # (one that is not never becomes one)
            by_sentence.setdefault(sentence_of[k], []).append(k)
    for members in by_sentence.values():
        if len(members) < 2:
            continue
        # (only events whose trigger lies in ka's label can pair with it: found by bisection, in
        # the members' order, so that a run-on sentence of thousands of events stays linear)
        order = sorted(members, key=lambda k: (events[k].start, k))
        starts = [events[k].start for k in order]
        rank = {k: r for r, k in enumerate(members)}
        for ka in members:
            inside = order[bisect_left(starts, spans[ka][0]):bisect_right(starts, spans[ka][1])]
            for kb in sorted(inside, key=rank.__getitem__):
                ea, eb = out[ka], out[kb]
                if ka == kb or not (ea.salient and eb.salient):
                    continue
                (sa, xa), (sb, xb) = spans[ka], spans[kb]
                if not (sa <= eb.start and eb.end <= xa and (xa - sa, eb.start) > (xb - sb, ea.start)
                        and (ea.envelope, ea.relative) == (eb.envelope, eb.relative)):
                    continue
                (keep, k_keep), (drop, k_drop) = ((eb, kb), (ea, ka)) \
                    if eb.text.lower() in kinds and ea.text.lower() not in kinds else ((ea, ka), (eb, kb))
                out[k_keep] = evolve(keep, label=ea.label)  # the wider label
                out[k_drop] = evolve(drop, salient=False, same_as=keep.id)
    return out



@cache
def _happening_kinds() -> dict[str, str]:
    kinds = load_toml("events.toml").get("happenings", {})
    return {word: kind for kind, words in kinds.items() for word in words}


def _compatible(a: Event, b: Event) -> bool:
    """Can two mentions be one happening, by their times?"""
    from .envelopes import envelope_order

    return abs(envelope_order(a, b)) != 2 and (a.envelope is None) == (b.envelope is None)


def _width(e: Event) -> float:
    """How wide the event's envelope is, in days (open: infinite): the narrowest is the most precise."""
    for lo, hi in ((e.envelope.start, e.envelope.end) if e.envelope else (None, None),
                   (e.relative.start, e.relative.end) if e.relative else (None, None)):
        if lo is not None and hi is not None:
            return (hi - lo).total_seconds() / 86400
    return float("inf")


_ANCHOR_STRENGTH = {AnchorKind.TIMEX: 0, AnchorKind.REPORTED: 1, AnchorKind.NARRATIVE: 2,
                    AnchorKind.DCT_TENSE: 3, AnchorKind.NONE: 4}


MERGE_REACH = 64  # entries of one kind a new mention is compared with (far more than an article has)


def merge_mentions(events: list[Event]) -> list[Event]:
    """One entry per happening in an article: salient mentions of the same kind ("assault",
    "strikes", "bombardment") at compatible times become one entry, shown once, under the
    mention whose time is the best anchored and the most precise; the others point to it
    (`same_as`). A mention joins the first of the last MERGE_REACH clusters of its kind whose
    last MERGE_REACH members' times all fit its time (`_Cluster`), else starts one."""
    kinds = _happening_kinds()
    entries: dict[str, list[Event]] = {}
    for e in events:
        if e.salient:
            kind = kinds.get(e.text.lower())
            if kind is not None:
                entries.setdefault(kind, []).append(e)
    merged: dict[str, str] = {}  # event id -> the entry's id
    # compatibility depends on the times alone, and an article names few: each pair once
    times: dict[tuple[object, ...], Event] = {}  # a mention of each time
    memo: dict[tuple[int, int], bool] = {}

    def compatible(a: Event, b: Event) -> bool:
        key = (id(a), id(b))
        found = memo.get(key)
        if found is None:
            found = memo[key] = _compatible(a, b)
        return found

    widths: dict[int, float] = {}  # (by the mention of a time: the same for every mention of it)
    for group in entries.values():
        clusters: list[_Cluster] = []
        for e in group:
            t = times.setdefault((e.doc, e.anchor is AnchorKind.NARRATIVE, e.envelope, e.relative), e)
            for c in clusters[-MERGE_REACH:]:  # (a book-length text: only the recent ones)
                if c.fits(t, compatible):
                    c.add(e, t, compatible)
                    break
            else:
                clusters.append(_Cluster(e, t))
        for c in clusters:
            for t in c.times:
                if id(t) not in widths:
                    widths[id(t)] = _width(t)
            head = min(zip(c.members, c.times), key=lambda m: (_ANCHOR_STRENGTH[m[0].anchor], widths[id(m[1])],
                                                               m[0].start))[0]
            for e in c.members:
                if e is not head:
                    merged[e.id] = head.id
    return [evolve(e, salient=False, same_as=merged[e.id]) if e.id in merged else e for e in events]


class _Cluster:
    """Mentions of one kind that are one entry so far: each member with the first mention of
    its time (`times`); the times among the last MERGE_REACH members (`window`: each with how
    often it is there), and for times tested against it, whether each fits all of those
    (`verdicts`), kept up to date as the window changes rather than tested anew."""

    __slots__ = ("members", "times", "window", "verdicts")

    def __init__(self, e: Event, t: Event) -> None:
        self.members, self.times = [e], [t]
        self.window: dict[int, list] = {id(t): [t, 1]}  # type: ignore[type-arg]
        self.verdicts: dict[int, tuple[Event, bool]] = {}

    def fits(self, t: Event, compatible) -> bool:  # type: ignore[no-untyped-def]
        known = self.verdicts.get(id(t))
        if known is None:
            known = self.verdicts[id(t)] = (t, all(compatible(t, u) for u, _ in self.window.values()))
        return known[1]

    def add(self, e: Event, t: Event, compatible) -> None:  # type: ignore[no-untyped-def]
        self.members.append(e)
        self.times.append(t)
        present = self.window.get(id(t))
        if present is None:  # a time new to the window: what fitted must fit it as well
            self.window[id(t)] = [t, 1]
            self.verdicts = {k: (u, ok and compatible(u, t)) for k, (u, ok) in self.verdicts.items()}
        else:
            present[1] += 1
        if len(self.times) > MERGE_REACH:  # the oldest member leaves the window
            old = self.times[-MERGE_REACH - 1]
            present = self.window[id(old)]
            present[1] -= 1
            if not present[1]:  # its time with it: what did not fit may fit now
                del self.window[id(old)]
                self.verdicts = {k: v for k, v in self.verdicts.items() if v[1]}


_STATES = frozenset({"STATE", "I_STATE"})  # TimeML classes of what holds rather than happens
NARRATIVE_REACH = 1  # sentences: how far the time of an anchored event carries to the next ones


def shifted(env: Interval | None, rel: RelInterval | None, relation: Relation
             ) -> tuple[Interval | None, RelInterval | None]:
    """The envelope of an event that is `relation` to an event with envelope env/rel."""
    if relation is Relation.BEFORE:
        return (Interval(None, env.end) if env else None), (RelInterval(None, rel.end) if rel else None)
    if relation is Relation.AFTER:
        return (Interval(env.start, None) if env else None), (RelInterval(rel.start, None) if rel else None)
    return env, rel


def _later_than(src: Event, ev: Event) -> bool:
    """Does `src`'s time begin after the end of what `ev`'s tense allows (for a past event, its
    article's day)? Then it does not carry on to `ev` ("convened talks for Thursday. The
    talks stalled": not on Thursday)."""
    return (src.envelope is not None and src.envelope.start is not None and ev.envelope is not None
            and ev.envelope.end is not None and src.envelope.start >= ev.envelope.end)


def propagate(items: list[tuple[Event, int]], owned: set[str] = frozenset(),
              background: set[str] = frozenset()) -> list[Event]:
    """Anchor what no time expression anchors: reported speech on the time of its reporting
    ("said Tuesday that the plant had been hit": before Tuesday ends), else the passage's
    last anchored event (narrative continuity) unless that event's time was only a modifier of it
    ("the overnight bombardment") or the event is `background` (a "since" clause: "Since US forces
    invaded the country, Iraq has become ..."), else the publication date by tense (kept)."""
    out: list[tuple[Event, int]] = []
    last: tuple[Event, int] | None = None
    widths: dict[tuple[int, int], bool] = {}  # (by the envelopes' identity: the events hold them meanwhile)

    def narrow(ev: Event) -> bool:
        key = (id(ev.envelope), id(ev.relative))
        found = widths.get(key)
        if found is None:
            found = widths[key] = _width(ev) <= 3
        return found

    reported: tuple[int, Event] | None = None  # the last saying of a sentence with a time of its own
    for ev, si in items:
        if ev.anchor is AnchorKind.DCT_TENSE:
            # the last such saying before it in its sentence (events come in text order)
            reporting = reported[1] if reported is not None and reported[0] == si and reported[1].start < ev.start else None
            if reporting is not None:
                later = ev.tense is Tense.FUTURE or ev.modality in ("will", "'ll", "would", "'d", "to", "going")
                # (a state told in the simple past holds when it is said: "said yesterday he hoped to ...")
                # (but not one its own "when" clause times: "said he feared for his life when the man attacked him")
                held = ev.cls in _STATES and ev.aspect == "NONE" and not ev.modality and not _timed_by_clause(ev)
                relation = Relation.AFTER if later else Relation.ON if held else Relation.BEFORE
                env, rel = shifted(reporting.envelope, reporting.relative, relation)
                ev = evolve(ev, anchor=AnchorKind.REPORTED, relation=relation, timex=reporting.timex,
                             envelope=env, relative=rel)
            elif (last is not None and si - last[1] <= NARRATIVE_REACH and ev.tense in (Tense.PAST, Tense.UNKNOWN)
                  and ev.modality == "" and last[0].relation in (Relation.ON, Relation.DURING)
                  and last[0].tense is Tense.PAST and not _later_than(last[0], ev) and ev.id not in background):
                src = last[0]
                relation = Relation.BEFORE if ev.aspect == "PERFECTIVE" else Relation.ON
                env, rel = shifted(src.envelope, src.relative, relation)
                ev = evolve(ev, anchor=AnchorKind.NARRATIVE, relation=relation, timex=src.timex,
                             envelope=env, relative=rel)
        if ev.anchor is AnchorKind.TIMEX and ev.relation is Relation.ON and narrow(ev) and ev.id not in owned:
            last = (ev, si)  # a time the text names for an event carries on; "winter", "2026" do not
        if ev.cls == "REPORTING" and ev.anchor is AnchorKind.TIMEX:
            reported = (si, ev)
        out.append((ev, si))
    return [ev for ev, _ in out]


_OWN_CLAUSE_RE = re.compile(r"\b(?:when|while|as soon as|after|before|until)\b", re.IGNORECASE)


def _timed_by_clause(ev: Event) -> bool:
    """Does a clause of its own that a time conjunction opens follow the event in its sentence
    ("he feared for his life when the man attacked him")? Then that clause times it."""
    at = ev.sentence.find(ev.text)
    return at >= 0 and _OWN_CLAUSE_RE.search(ev.sentence, at + len(ev.text)) is not None
