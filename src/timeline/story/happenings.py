"""Happenings: the mentions of one happening, within and across articles, merged (pure).

Within an article the events stage already joins the mentions of one happening (`same_as`).
Across articles two entries report the same happening when
- their event words are of one kind ("assault"/"strike"/"bombardment", or the same word):
  only mentions of one kind are compared at all;
- the words around them agree: the cosine of their content words and names, each weighted
  by how rare it is in the input (idf), so that the story's own name ("Mexico" in a flu
  story) says little and "phase 5" says much;
- their numbers do not contradict each other: "injured 17" is not "injured 180";
- their times overlap.
Candidates are found through an index of the words of each kind: mentions that share a word
are compared; for a word in more than `common_share` of a kind's mentions (or more than
PAIRWISE), those dated to one day meet each other, and the others only their nearest
neighbours in time. So the work grows with the input, not with its square. Pairs are joined best first, and two groups join only when no article is in
both (an article reports a happening once), their times still share a moment (the group's
consensus), and their word centroids agree as well (no chains from "killed 60" to "killed
81"). A mention whose wording is very close to a group's but whose time contradicts it is
the same happening dated differently: it joins the group as a disagreement, kept apart from
the consensus, not averaged into it.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Iterable, Mapping, Sequence

from ..model import (Document, Event, EventRef, Happening, Interval, Match, Precision, RelInterval)
from .features import (Features, MatchRules, contradict, cosine, day_or_finer, days, dot, features, match_rules,
                       word_vectors)
from .match import entries

NEIGHBOURS = 12  # a mention with only common words meets this many next ones in time
# mentions compared pair by pair at most, for one word or one article's day (a story of
# hundreds of articles stays well below; a book-length article, or one text repeated, goes
# past it, and there each mention meets its NEIGHBOURS nearest instead: linear, not square)
PAIRWISE = 600


# ----------------------------------------------------------------------------- one mention

def _overlap(lo1: float | None, hi1: float | None, lo2: float | None, hi2: float | None) -> tuple[float | None, float | None] | None:
    """The intersection of two half-open spans (None: open), or None when they do not meet."""
    lo = lo2 if lo1 is None else lo1 if lo2 is None else max(lo1, lo2)
    hi = hi2 if hi1 is None else hi1 if hi2 is None else min(hi1, hi2)
    if lo is not None and hi is not None and hi <= lo:
        return None
    return lo, hi


# ----------------------------------------------------------------------------- merging

@dataclass(slots=True)
class _Group:
    """A happening while it is being merged (mutable, private to `merge`)."""

    members: list[int]
    docs: set[str]
    lo: float | None
    hi: float | None
    centroid: Mapping[str, float]
    precise: bool  # every member is dated to a day or finer, or what their times share is one day
    disagree: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Merged:
    """The merged happenings before ranking: each a list of entry indices agreeing, and those
    disagreeing; the joins that made them (for `Timeline.matches`)."""

    groups: tuple[tuple[tuple[int, ...], tuple[int, ...]], ...]
    joins: tuple[Match, ...]


Pair = tuple[float, int, int]  # (similarity, entry, entry)


def candidates(items: Sequence[Event], feats: Sequence[Features], vectors: Sequence[Mapping[str, float]],
               rules: MatchRules) -> tuple[list[Pair], list[Pair]]:
    """The scored pairs worth joining (their times meet) and those worded alike but dated
    apart. Only entries of one kind and frame are compared, and only those that share a word
    (an index per kind, not every pair; for a word too common to pair all its mentions, each
    meets its nearest neighbours in time), or, within one article, that are dated to the same
    day (one article's "the earthquake" and "Tuesday's quake" are one happening whatever
    their words)."""
    agree: list[Pair] = []
    differ: list[Pair] = []
    by_kind: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        if f.frame != "undated":
            for k in f.kinds:
                by_kind[(k, f.frame)].append(i)
    seen: set[int] = set()  # the pairs scored, i * n + j
    n = len(items)

    def score(i: int, js: Iterable[int]) -> None:  # the pairs (i, j) not scored yet
        base = i * n
        for j in js:
            if base + j not in seen:
                seen.add(base + j)
                pair(i, j)

    def pair(i: int, j: int) -> None:
        fi, fj = feats[i], feats[j]
        same_article = items[i].doc == items[j].doc
        if not same_article and contradict(fi.numbers, fj.numbers):
            return  # "injured 17" / "injured 180"
        s = dot(vectors[i], vectors[j])  # (the vectors have length 1: their cosine)
        meet = _overlap(*fi.span, *fj.span) is not None
        same_day = meet and fi.day_precise and fj.day_precise
        if same_day and same_article:
            agree.append((max(s, rules.same_day_similarity), i, j))
        elif meet and (s >= rules.min_similarity or (same_day and s >= rules.same_day_similarity)):
            agree.append((s, i, j))
        elif not meet and not same_article and s >= rules.disagreement_similarity:
            differ.append((s, i, j))

    for key in sorted(by_kind):
        members = by_kind[key]
        one_day: dict[tuple[str, int], list[int]] = defaultdict(list)
        for i in members:
            if feats[i].day_precise:
                one_day[(items[i].doc, math.floor(feats[i].lo))].append(i)  # type: ignore[arg-type]
        cap = min(PAIRWISE, max(rules.common_floor, int(rules.common_share * len(members))))
        for group in one_day.values():
            if len(group) <= cap:
                for x, i in enumerate(group):
                    score(i, group[x + 1:])
                continue
            for x, i in enumerate(group):  # (in the entries' order, the timeline's: the nearest)
                score(i, group[x + 1:x + 1 + NEIGHBOURS])
        postings: dict[str, list[int]] = defaultdict(list)
        for i in members:
            for t in vectors[i]:
                postings[t].append(i)
        for t in sorted(postings):
            plist = postings[t]
            if len(plist) <= cap:
                for x, i in enumerate(plist):
                    score(i, plist[x + 1:])
                continue
            # a word too common to pair every mention that has it ("Porto Verde" in a story of
            # Porto Verde): the mentions dated to one day meet each other (the reports of one
            # happening on its day), up to `cap` of them; beyond, and for the others, each meets
            # its nearest neighbours in time
            by_day: dict[float | None, list[int]] = defaultdict(list)
            for i in plist:
                by_day[feats[i].span[0] if feats[i].day_precise else None].append(i)
            for day, group in sorted(by_day.items(), key=lambda kv: (kv[0] is None, kv[0] or 0.0)):
                if day is not None and len(group) <= cap:
                    for x, i in enumerate(group):
                        score(i, group[x + 1:])
                    continue
                timed = sorted(group, key=lambda i: (feats[i].span[0] is None, feats[i].span[0] or 0.0, items[i].doc, i))
                for x, i in enumerate(timed):
                    for j in timed[x + 1:x + 1 + NEIGHBOURS]:
                        a, b = (i, j) if i < j else (j, i)
                        if a * n + b not in seen:
                            seen.add(a * n + b)
                            pair(a, b)
    return agree, differ


class _Merger:
    """Union of entries into groups under the constraints of `merge`."""

    def __init__(self, items: Sequence[Event], feats: Sequence[Features], vectors: Sequence[Mapping[str, float]]):
        self.items, self.feats, self.vectors = items, feats, vectors
        self.groups = [_Group([i], {items[i].doc}, *feats[i].span, vectors[i], feats[i].day_precise)
                       for i in range(len(items))]
        self.owner = list(range(len(items)))  # entry -> its group's index (kept current for every member)
        self.joins: list[Match] = []

    def join(self, gi: int, gj: int, span: tuple[float | None, float | None], evidence: Match) -> None:
        a, b = self.groups[gi], self.groups[gj]
        if len(a.members) < len(b.members):
            gi, gj, a, b = gj, gi, b, a
        a.members += b.members
        a.disagree += b.disagree
        a.docs |= b.docs
        a.lo, a.hi = span
        # (a mention open on one side, "after 2001", that joins a day leaves its consensus that day)
        a.precise = (a.precise and b.precise) or day_or_finer(*span)
        if a.centroid is self.vectors[a.members[0]]:
            a.centroid = dict(a.centroid)  # (a lone entry's centroid is its vector until it grows)
        centroid = a.centroid
        assert isinstance(centroid, dict)
        for t, x in b.centroid.items():
            centroid[t] = centroid.get(t, 0.0) + x
        for k in b.members + b.disagree:
            self.owner[k] = gi
        b.members, b.disagree, b.docs, b.centroid = [], [], set(), {}
        self.joins.append(evidence)

    def evidence(self, s: float, i: int, j: int, time: str) -> Match:
        vx, vy = self.vectors[i], self.vectors[j]
        shared = sorted(set(vx) & set(vy), key=lambda t: (-vx[t] * vy[t], t))[:5]
        words = ", ".join(t[2:] if t.startswith("n:") else t for t in shared)
        x, y = self.items[i], self.items[j]
        cues = (f"one kind of happening: '{x.text}' / '{y.text}'",
                f"shared words: {words}" if words else "no distinguishing words (a bare mention)", time)
        return Match(*_ordered_ids(x, y), round(s, 3), cues)


def merge(items: Sequence[Event], feats: Sequence[Features], rules: MatchRules) -> Merged:
    """Group entries (salient mentions, one per happening per article) into happenings:
    1. the candidate pairs (`candidates`) are joined best first, those within an article
       before those across articles. Two groups join only when no article is in both (one
       article, one mention: so "killed 60" cannot chain to "killed 81" through a third
       report), their times still meet, and, unless both are dated to one day, the words of
       the two groups agree as a whole;
    2. a lone mention worded like a group of several articles, but dated otherwise, joins it
       as a disagreement;
    3. a group of bare mentions ("the earthquake", "Tuesday's quake") dated to a day joins
       the happening of its kind on that day that most articles report."""
    vectors = word_vectors(items, feats)
    agree, differ = candidates(items, feats, vectors, rules)
    m = _Merger(items, feats, vectors)
    groups, owner = m.groups, m.owner
    order = sorted(agree, key=lambda t: (items[t[1]].doc != items[t[2]].doc, -t[0], t[1], t[2]))
    for s, i, j in order:
        gi, gj = owner[i], owner[j]
        if gi == gj:
            continue
        a, b = groups[gi], groups[gj]
        if (a.docs & b.docs) - ({items[i].doc} if items[i].doc == items[j].doc else set()):
            continue
        span = _overlap(a.lo, a.hi, b.lo, b.hi)
        if span is None:
            continue
        if (len(a.members) > 1 or len(b.members) > 1) and not (a.precise and b.precise) \
                and cosine(a.centroid, b.centroid) < rules.min_group_similarity:
            continue
        m.join(gi, gj, span, m.evidence(s, i, j, "compatible times"))
    for s, i, j in sorted(differ, key=lambda t: (-t[0], t[1], t[2])):
        gi, gj = owner[i], owner[j]
        if gi == gj:
            continue
        if len(groups[gi].members) == 1 and len(groups[gj].members) > 1:  # the lone one disagrees
            gi, gj, i, j = gj, gi, j, i
        a, b = groups[gi], groups[gj]
        if len(b.members) != 1 or b.disagree or len(a.docs) < 2 or a.docs & b.docs:
            continue
        a.disagree += b.members
        a.docs |= b.docs
        owner[j] = gi
        b.members, b.docs = [], set()
        m.joins.append(m.evidence(s, i, j, "times differ"))
    _attach_bare(m)
    out = tuple((tuple(sorted(g.members)), tuple(sorted(g.disagree))) for g in groups if g.members)
    return Merged(out, tuple(m.joins))


def _attach_bare(m: _Merger) -> None:
    """Groups of bare mentions dated to a day join the happening of their kind on that day
    that most articles report (when that one is dated to the day too, and no numbers of two
    articles contradict)."""
    feats = m.feats
    best: dict[tuple[str, int], int] = {}
    for gi, g in enumerate(m.groups):
        if not g.members or not g.precise or all(feats[k].bare for k in g.members):
            continue
        for kind in feats[g.members[0]].kinds[:1]:
            key = (kind, math.floor(g.lo))  # type: ignore[arg-type]
            if key not in best or (len(m.groups[best[key]].docs), -best[key]) < (len(g.docs), -gi):
                best[key] = gi
    for gi, g in enumerate(m.groups):
        if not g.members or not g.precise or not all(feats[k].bare for k in g.members):
            continue
        first = g.members[0]
        target = next((best[key] for kind in feats[first].kinds
                       if (key := (kind, math.floor(g.lo))) in best), None)  # type: ignore[arg-type]
        if target is None:
            continue
        span = _overlap(m.groups[target].lo, m.groups[target].hi, g.lo, g.hi)
        if span is None:
            continue
        if any(contradict(feats[i].numbers, feats[j].numbers) for i in g.members
               for j in m.groups[target].members if m.items[i].doc != m.items[j].doc):
            continue  # "injured 180" is not "injured 17 others", bare as it is
        head = m.groups[target].members[0]
        m.join(target, gi, span, m.evidence(0.0, head, first, "compatible times"))


def _ordered_ids(x: Event, y: Event) -> tuple[str, str, str, str]:
    a, b = (x, y) if (x.doc, x.start) <= (y.doc, y.start) else (y, x)
    return a.doc, a.id, b.doc, b.id


# ----------------------------------------------------------------------------- happenings

def _interval(f: Features, lo: float | None, hi: float | None) -> tuple[Interval | None, RelInterval | None]:
    if f.frame == "undated":
        return None, None
    if f.frame == "":
        return Interval(None if lo is None else _from_days(lo), None if hi is None else _from_days(hi)), None
    return None, RelInterval(None if lo is None else timedelta(days=lo), None if hi is None else timedelta(days=hi))


def _from_days(x: float) -> datetime:
    day = math.floor(x)
    minutes = round((x - day) * 1440)
    return datetime.fromordinal(int(day)) + timedelta(minutes=minutes)


def consensus(fs: Sequence[Features]) -> tuple[float | None, float | None]:
    """The time the agreeing mentions of a happening support. Where some date it to a day (or
    finer), the day most of them name; within it, a time of day only when it is the one most of
    that day's mentions state and more than one does (a single page's clock stamp does not
    make the happening's time). Otherwise what all of them allow (their intersection)."""
    if len(fs) == 1:
        return fs[0].lo, fs[0].hi
    precise = [f for f in fs if f.day_precise]
    if precise:
        days = Counter(math.floor(f.lo + 1e-9) for f in precise)  # type: ignore[operator]
        day = min(days, key=lambda d: (-days[d], d))
        on_day = [f for f in precise if math.floor(f.lo + 1e-9) == day]  # type: ignore[operator]
        if len(on_day) == 1:
            return on_day[0].lo, on_day[0].hi
        times = Counter((f.lo, f.hi) for f in on_day if f.hi - f.lo < 1 - 1e-9)  # type: ignore[operator]
        if times:
            (lo, hi), n = min(times.items(), key=lambda kv: (-kv[1], kv[0]))
            if n >= 2 and 2 * n >= len(on_day):
                return lo, hi
        return float(day), float(day + 1)
    lo, hi = fs[0].lo, fs[0].hi
    for f in fs[1:]:
        span = _overlap(lo, hi, f.lo, f.hi)
        if span is not None:  # (merging keeps them meeting, at the grain of days)
            lo, hi = span
    return lo, hi


def precision(lo: float | None, hi: float | None, frame: str) -> Precision:
    if frame == "undated":
        return Precision.UNDATED
    if frame != "":
        return Precision.RELATIVE
    if lo is None and hi is None:
        return Precision.UNDATED
    if lo is None or hi is None:
        return Precision.OPEN
    width = hi - lo
    if width <= 1 + 1e-9:
        whole = abs(lo - round(lo)) < 1e-6 and abs(width - 1) < 1e-6
        return Precision.DAY if whole else Precision.TIME
    if width <= 7 + 1e-9:
        return Precision.DAYS
    if width <= 31 + 1e-9:
        return Precision.MONTH
    if width <= 366 + 1e-9:
        return Precision.YEAR
    return Precision.VAGUE


def precision_of(envelope: Interval | None, relative: RelInterval | None) -> Precision:
    """The precision of one mention's own time."""
    if envelope is not None:
        lo, hi = envelope.start, envelope.end
        return precision(None if lo is None else days(lo), None if hi is None else days(hi), "")
    return Precision.RELATIVE if relative is not None else Precision.UNDATED


def label_quality(label: str) -> float:
    """How well a label reads as a line of a timeline (0..1): a few words, none of the faults
    the label lint finds (cut off, a function word at its end, a clock stamp at its start...)."""
    from ..syntax.clauses import lint

    words = label.rstrip("…").split()
    q = 1.0
    if len(words) < 3:
        q -= 0.5
    elif len(words) == 3:
        q -= 0.2
    elif len(words) > 14:
        q -= 0.2
    q -= 0.3 * len([p for p in lint(label) if not p.startswith("short")])
    return max(q, 0.0)


def is_question(sentence: str) -> bool:
    """A question ("Are you taking precautions against swine flu?") asks; it reports nothing."""
    return sentence.rstrip(" \"'”’)").endswith("?")


def build_happenings(documents: Sequence[Document], events: Sequence[Event],
                     rules: MatchRules | None = None) -> tuple[list[Happening], list[Match]]:
    """The happenings of a timeline's events (unranked: rank 0, ids in time order), and the
    joins that made them. Every salient entry is in exactly one happening, except those of
    questions."""
    rules = rules or match_rules()
    docs = {d.id: d for d in documents}
    items = [e for e in entries(events) if not is_question(e.sentence)]
    texts = {d.id: d.text for d in documents}
    feats = [features(e, rules, texts.get(e.doc, "")) for e in items]
    merged = merge(items, feats, rules)
    children: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for e in events:
        if e.same_as is not None:
            children[(e.doc, e.same_as)].append(e)
    out: list[tuple[tuple, Happening]] = []
    for agree_ids, differ_ids in merged.groups:
        members = [items[i] for i in agree_ids]
        lo, hi = consensus([feats[i] for i in agree_ids])
        frame = feats[agree_ids[0]].frame
        env, rel = _interval(feats[agree_ids[0]], lo, hi)
        head = best_label(members, [feats[i] for i in agree_ids])
        ordered = [head] + [m for m in members if m is not head]
        disagreeing = [items[i] for i in differ_ids]
        refs = [EventRef(m.doc, m.id) for m in ordered]
        refs += [EventRef(c.doc, c.id) for m in ordered for c in children.get((m.doc, m.id), [])]
        refs += [EventRef(m.doc, m.id) for m in disagreeing]
        refs += [EventRef(c.doc, c.id) for m in disagreeing for c in children.get((m.doc, m.id), [])]
        reporting = ordered + disagreeing
        outlets: dict[str, int] = {}
        for m in reporting:
            o = docs[m.doc].outlet if m.doc in docs else m.doc
            outlets[o] = outlets.get(o, 0) + 1
        first = min(reporting, key=lambda m: (docs[m.doc].dct is None if m.doc in docs else True,
                                              docs[m.doc].dct if m.doc in docs and docs[m.doc].dct else datetime.min,
                                              m.doc, m.start))
        h = Happening(
            id="", label=head.label, mentions=tuple(refs), articles=len({m.doc for m in reporting}),
            outlets=tuple(sorted(outlets, key=lambda o: (-outlets[o], o))),
            first_report=EventRef(first.doc, first.id), envelope=env, relative=rel,
            precision=precision(lo, hi, frame),
            disagreements=tuple(EventRef(m.doc, m.id) for m in disagreeing))
        when = (frame == "undated", frame, -math.inf if lo is None else lo, math.inf if hi is None else hi)
        out.append(((*when, head.doc, head.start), h))
    out.sort(key=lambda t: t[0])
    return [replace(h, id=f"h{k + 1}") for k, (_, h) in enumerate(out)], list(merged.joins)


def best_label(members: Sequence[Event], feats: Sequence[Features]) -> Event:
    """The mention whose label reads best and says most of what the others say: one the label
    lint passes (a headline with its subject) before any it finds fault with."""
    from ..syntax.clauses import lint

    if len(members) == 1:
        return members[0]
    counts = Counter(t for f in feats for t in f.terms)

    def key(k: int) -> tuple[bool, float, str, int]:
        e, f = members[k], feats[k]
        shared = sum(1 for t in f.terms if counts[t] > 1)  # its words that other mentions use too
        named = 0.5 * _named(e)  # its subject a name ("World Health Organization", not "the organization")
        return (bool(lint(e.label)) or lost_subject(e), -(label_quality(e.label) + min(shared, 4) / 4 + named), e.doc,
                e.start)

    return members[min(range(len(members)), key=key)]


_NOUN_BEFORE = frozenset("the a an its his her their our my your this that these those of in on at for by with from "
                         "into after before over during".split())


def lost_subject(e: Event) -> bool:
    """Whether the label opens with its own trigger where the sentence has a word before it that
    makes it a verb ("... in Mexico and spread to the United States": "Spread to the United
    States"), not a noun ("the spread of the virus"): a clause whose subject the label lost."""
    first = e.label.split()[0].lower().strip(".,;:'\"") if e.label.split() else ""
    if not e.sentence or first != e.text.lower():
        return False
    found = [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(e.text)}(?![\w-])", e.sentence)]
    if len(found) != 1:
        return False
    before = re.findall(r"[\w'’-]+", e.sentence[:found[0]])
    return bool(before) and before[-1].lower() not in _NOUN_BEFORE


def _named(e: Event) -> bool:
    """Whether the label opens with a name: its first word is capitalized where its sentence
    says it too (not only because a label opens with a capital)."""
    first = e.label.split()[0] if e.label.split() else ""
    return bool(first[:1].isupper() and re.search(rf"(?<![\w-]){re.escape(first)}", e.sentence or ""))


def mention_index(events: Iterable[Event]) -> dict[tuple[str, str], Event]:
    return {(e.doc, e.id): e for e in events}
