"""Two accounts of one story -> how they differ, happening by happening (pure).

The two sides are told together as one story: their mentions are merged into happenings
across all the articles of both (`story.happenings`: one kind of happening, idf-weighted
wording, numbers that do not contradict, one mention per article, times that meet) and
ranked (`story.rank`). A happening both sides report is thus one happening of that story,
however each side words it, and a shared verb alone never makes one ("injured 17 others" is
not "injured 180"). Each happening's mentions are then split by side, and each side's time
is the consensus of its own mentions (`happenings.consensus`, as for the story). A happening
- agrees when the two sides' times meet at the grain of days ("overnight" and "Tuesday"; a
  side may be more precise than the other: "in April" and "on 28 April"; "on or before
  Monday" and "on or before Tuesday" meet too);
- moved when they are apart and both bounded; the gap is B's start minus A's;
- conflicts when they are apart and one is open the other way ("after 1 May" / "20 April");
- is only A's or only B's when the other side has no mention of it.
The story keeps apart the mentions whose times do not meet (unless several articles outvote a
lone one); between two sides that is the very difference to find. So a happening only A
reports and one only B reports are paired as one happening dated differently when they are
of one kind and `_judge` finds them one happening dated differently.
The story's joins are not taken on trust across the sides (`_judge`): the two sides'
numbers must not contradict; times that meet need a word or name in common besides the
event word; to date it differently, the mentions that date it on each side must be worded
as alike as the story asks of "the same happening dated differently"
(`disagreement_similarity`) with two words or names in common, be at most MAX_GAP_DAYS
apart (beyond, alike wording is more often a happening that recurs: another death, another
phase of alert). A happening that fails is parted into each side's own. A happening only one
side reports pairs so with the other side's part of a happening both report, too: the other
side tells it, with the first side's other account of it (one BBC article's "raised its
pandemic alert level to phase four late on Tuesday" beside the raise BBC and Reuters date
Monday). Wording less alike a day apart is as often another death or another raid. Two dates that
neither side states (both assumed from the publication day by tense) say only that the
articles came out on different days: they agree.
Everything is ordered by the happening's rank in the story of both sides.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Mapping, Sequence

from ..model import (AnchorKind, DiffEntry, DiffSide, DiffStatus, Event, Happening, SideAccount, Timeline,
                     TimelineDiff)
from .compose import rank_story, told_once, with_happenings
from .features import LEVEL, Features, MatchRules, as_written, contradict, cosine, features, match_rules, word_vectors
from .happenings import _interval, consensus, precision, strength
from .merging import _overlap
from .match import entries
from .sides import _names, combine

MAX_GAP_DAYS = 14  # two sides dating a happening further apart than this are telling two happenings
SIDES = ("a", "b")

Span = tuple[float | None, float | None]  # days since year 1 (or relative days), None: open


# ----------------------------------------------------------------------------- times

def _whole_days(lo: float | None, hi: float | None) -> Span:
    return (None if lo is None else math.floor(lo + 1e-9), None if hi is None else math.ceil(hi - 1e-9))


def compare(a: Span, b: Span) -> tuple[DiffStatus, float | None]:
    """How side B's time of a happening stands to side A's (see the module docstring): AGREE
    when they meet at the grain of days, else MOVED with the gap in days (B's start minus
    A's) when both are bounded, else CONFLICT."""
    if _overlap(*_whole_days(*a), *_whole_days(*b)) is not None:
        return DiffStatus.AGREE, None
    (alo, ahi), (blo, bhi) = a, b
    if None not in (alo, ahi, blo, bhi):
        return DiffStatus.MOVED, blo - alo  # type: ignore[operator]
    return DiffStatus.CONFLICT, None  # (apart, one open the other way: "after 1 May" / "20 April")


def _gap(days: float | None) -> timedelta | None:
    return None if days is None else timedelta(minutes=round(days * 1440))


# ----------------------------------------------------------------------------- the diff

@dataclass(slots=True)
class _Side:
    """One side's part of a happening while the diff is made."""

    side: str
    happening: Happening
    ks: list[int]  # entry indices
    span: Span
    frame: str
    part: str = ""  # "" all its mentions, "@" those that meet its time

    @property
    def key(self) -> tuple[str, str]:
        return self.side, self.happening.id + self.part


class _Story:
    """The story of both sides with each entry's features, word vector and side."""

    def __init__(self, tl: Timeline, sides: Mapping[str, frozenset[str]], rules: MatchRules):
        self.tl = tl
        self.rules = rules
        self.docs = {d.id: d for d in tl.documents}
        # a text read twice is analysed once, as its first reading: that reading's mentions
        # count for the side of each reading (and name that side's article)
        self.reach: dict[str, set[str]] = {d.id: set(sides.get(d.id, ())) for d in tl.documents}
        self.stands_for: dict[tuple[str, str], str] = {}
        for d in tl.documents:
            if d.duplicate_of is not None and d.duplicate_of in self.reach:
                for s in sorted(sides.get(d.id, ())):
                    if s not in self.reach[d.duplicate_of]:
                        self.reach[d.duplicate_of].add(s)
                        self.stands_for[(s, d.duplicate_of)] = d.id
        self.items = entries(tl.events)
        self.index = {(e.doc, e.id): k for k, e in enumerate(self.items)}
        texts = {d.id: d.text for d in tl.documents}
        self.feats: list[Features] = [features(e, rules, texts.get(e.doc, "")) for e in self.items]
        self.vectors = word_vectors(self.items, self.feats)  # (idf over both sides, as the story weighs words)
        self.timexes = {(t.doc, t.id): t for t in tl.timexes}
        self._centroids: dict[tuple[str, str], dict[str, float]] = {}

    def split(self, h: Happening) -> dict[str, list[int]]:
        ks = [self.index[(r.doc, r.event)] for r in h.mentions if (r.doc, r.event) in self.index]
        return {s: [k for k in ks if s in self.reach.get(self.items[k].doc, ())] for s in SIDES}

    def part(self, side: str, h: Happening, ks: list[int]) -> _Side:
        fs = [self.feats[k] for k in ks]
        return _Side(side, h, ks, consensus(fs, [strength(self.items[k]) for k in ks]), fs[0].frame)

    def centroid(self, p: _Side) -> dict[str, float]:
        """The words of a side's part: its mentions' vectors summed."""
        found = self._centroids.get(p.key)
        if found is None:
            c: dict[str, float] = defaultdict(float)
            for k in p.ks:
                for t, x in self.vectors[k].items():
                    c[t] += x
            found = self._centroids[p.key] = dict(c)
        return found

    def account(self, p: _Side) -> SideAccount:
        mentions = tuple(self.items[k] for k in p.ks)  # (the one that labels the happening first: it reads best)
        mentions = tuple(sorted(mentions, key=lambda e: e.label != p.happening.label))
        lo, hi = p.span
        env, rel = _interval(self.feats[p.ks[0]], lo, hi)
        docs = [self.docs[self.stands_for.get((p.side, e.doc), e.doc)] for e in mentions]
        outlets = Counter(d.outlet for d in docs)
        head = mentions[0]
        t = self.timexes.get((head.doc, head.timex)) if head.timex else None
        return SideAccount(
            mentions=mentions, articles=len({d.id for d in docs}),
            outlets=tuple(sorted(outlets, key=lambda o: (-outlets[o], o))), envelope=env, relative=rel,
            precision=precision(lo, hi, p.frame),
            timex=t if t is not None and (head.envelope, head.relative) == (env, rel) else None)


def _shared(ca: Mapping[str, float], cb: Mapping[str, float], limit: int | None = 5) -> tuple[str, ...]:
    """The words and names both centroids hold, those that weigh most in both first."""
    both = sorted(set(ca) & set(cb), key=lambda t: (-ca[t] * cb[t], t))
    out: list[str] = []
    for t in both:
        word = t[2:] if t.startswith("n:") else t
        if word not in out:
            out.append(word)
    return tuple(out if limit is None else out[:limit])


@dataclass(frozen=True, slots=True)
class _Verdict:
    credible: bool
    status: DiffStatus
    gap: float | None
    similarity: float
    shared: tuple[str, ...]


def _numbers_contradict(story: _Story, pa: _Side, pb: _Side) -> bool:
    """Do the two sides' numbers say different things: most mentions of each side count
    something, and no pair of such mentions agrees ("injured 17 others" / "injured 180")?
    (A few numbered mentions among many are not the side's claim: "five UK schools" drawn
    into "schools across Mexico have closed".)"""
    fa = [story.feats[k].numbers for k in pa.ks if story.feats[k].numbers]
    fb = [story.feats[k].numbers for k in pb.ks if story.feats[k].numbers]
    return (2 * len(fa) > len(pa.ks) and 2 * len(fb) > len(pb.ks)
            and all(contradict(x, y) for x in fa for y in fb))


def _any_numbers_contradict(story: _Story, pa: _Side, pb: _Side) -> bool:
    """Does any numbered mention of one side contradict one of the other's?"""
    fa = [story.feats[k].numbers for k in pa.ks if story.feats[k].numbers]
    fb = [story.feats[k].numbers for k in pb.ks if story.feats[k].numbers]
    return any(contradict(x, y) for x in fa for y in fb)


def _said(story: _Story, v: _Verdict, pa: _Side, pb: _Side) -> tuple[str, ...]:
    """The words both sides use, as their mentions write them ("Texas", not the stem "texa"),
    and the numbers both give, as a reader says them ("level 5", not the
    features "#5 @level", "#40 survivor": "40 survivors")."""
    texts = [t for k in pa.ks + pb.ks for t in (story.items[k].label, story.items[k].sentence)]
    said = as_written(v.shared, texts)
    return tuple(_number_words(t, texts) if t.startswith("#") else t for t in said)


def _number_words(term: str, texts: Sequence[str]) -> str:
    value, _, unit = term[1:].partition(" ")
    if unit == LEVEL:
        return f"level {value}"
    return f"{value} {as_written((unit,), texts)[0] if unit else ''}".rstrip()


def _judge(story: _Story, pa: _Side, pb: _Side) -> _Verdict:
    """Are A's part and B's part one happening, and how do their times stand? Their numbers
    must not contradict (`_numbers_contradict`); times that meet need a word or name in
    common besides the event word (two when a side only assumes its time by tense); times apart need the wording the story asks of the same
    happening dated differently (`disagreement_similarity`) and two words or names in common
    (one rare word is not a happening: "one thing we have learned" / "I learned many things")."""
    status, gap = compare(pa.span, pb.span)
    if status is not DiffStatus.AGREE:  # the mentions that date it so, on each side
        pa, pb = _dating(story, pa), _dating(story, pb)
        if not any(_stated(story.items[k]) for k in pa.ks + pb.ks):
            status, gap = DiffStatus.AGREE, None  # two publication days, not two dates
    ca, cb = story.centroid(pa), story.centroid(pb)
    shared = _shared(ca, cb, None)
    sim = cosine(ca, cb)
    if set(pa.ks) & set(pb.ks):
        credible = True  # an article both sides hold: its mentions are the same happening on both
    elif _numbers_contradict(story, pa, pb):
        credible = False
    elif status is DiffStatus.AGREE:  # (a side that only assumes its time by tense: the times
        # meeting says little, "on or before 22 May" meets any earlier day; the words must say more)
        stated = all(any(_stated(story.items[k]) for k in p.ks) for p in (pa, pb))
        credible = len(shared) >= (1 if stated else 2)
    else:
        credible = (len(shared) >= 2 and sim >= story.rules.disagreement_similarity
                    and _distance(pa.span, pb.span) <= MAX_GAP_DAYS)
    return _Verdict(credible, status, gap, sim, shared[:5])


def _stated(e: Event) -> bool:
    """Does the text state the mention's time (a time expression, a reporting verb's time, the
    passage's), rather than the publication day assumed by tense?"""
    return e.anchor not in (AnchorKind.DCT_TENSE, AnchorKind.NONE)


def _distance(a: Span, b: Span) -> float:
    """How many days apart two times that do not meet are, at the least."""
    (alo, ahi), (blo, bhi) = _whole_days(*a), _whole_days(*b)
    gaps = [y - x for x, y in ((ahi, blo), (bhi, alo)) if x is not None and y is not None and y >= x]
    return min(gaps) if gaps else math.inf


def _dating(story: _Story, p: _Side) -> _Side:
    """A side's part narrowed to the mentions that say "it happened then": those whose time
    lies within the side's consensus (at the grain of days), else those that meet it. (A
    story's happening may have drawn in a like happening elsewhere, "on or before" either:
    New York's schools closed a week after Mexico City's.)"""
    lo, hi = _whole_days(*p.span)
    within = [k for k in p.ks if _holds(lo, hi, *story.feats[k].span)]
    ks = within or [k for k in p.ks if _overlap(*story.feats[k].span, lo, hi) is not None]
    if not ks or len(ks) == len(p.ks):
        return p
    return _Side(p.side, p.happening, ks, p.span, p.frame, p.part + "@")


def _holds(lo: float | None, hi: float | None, x0: float | None, x1: float | None) -> bool:
    """Does [lo, hi) hold [x0, x1)?"""
    return (lo is None or (x0 is not None and lo <= x0)) and (hi is None or (x1 is not None and x1 <= hi))


def _part(story: _Story, p: _Side) -> Happening:
    """One side's part of a happening of the story, as a happening of its own."""
    refs = [r for r in p.happening.mentions if p.side in story.reach.get(r.doc, ())]
    acc = story.account(p)
    docs = story.docs
    first = min(refs, key=lambda r: (docs[r.doc].dct is None, docs[r.doc].dct or datetime.min, r.doc))
    return replace(p.happening, id=f"{p.happening.id}{p.side}", label=acc.label, mentions=tuple(refs),
                   articles=acc.articles, outlets=acc.outlets, first_report=first, envelope=acc.envelope,
                   relative=acc.relative, precision=acc.precision, disagreements=(), rank=0, score=0.0, signals=())


def diff_story(tl: Timeline, sides: Mapping[str, frozenset[str]],
               names: tuple[str | None, str | None] | None = None) -> TimelineDiff:
    """The diff of the two sides of one story: `sides` gives the side(s) of each document
    ("a", "b", or both for an article both sides hold).

    A happening of the story both sides report is one happening of the two accounts only when
    their words bear it out (`_judge`): the story may join a bare "it came" to "Hayden Henshaw
    came down with flu" that day, or a lone "one thing we have learned" to "I learned many
    things" dated weeks later; a shared verb or one word does not make the two accounts tell
    one happening. Such a happening is parted into each side's part, and the story with the
    parts is ranked anew (`compose.rank_story`)."""
    tl = with_happenings(tl)
    story = _Story(tl, sides, match_rules())
    docs_a = tuple(d for d in tl.documents if "a" in sides.get(d.id, ()))
    docs_b = tuple(d for d in tl.documents if "b" in sides.get(d.id, ()))
    name_a, name_b = _names(docs_a, docs_b, names)
    happenings: list[Happening] = []
    side_of: dict[str, str] = {}  # a parted happening's part -> its side
    for h in tl.happenings:
        split = story.split(h)
        if split["a"] and split["b"]:
            pa, pb = story.part("a", h, split["a"]), story.part("b", h, split["b"])
            if not _judge(story, pa, pb).credible:
                for p in (pa, pb):
                    happenings.append(_part(story, p))
                    side_of[happenings[-1].id] = p.side
                continue
        happenings.append(h)
    if side_of:  # (ranked again as a build ranks its own: no row a row above already tells)
        happenings = told_once(rank_story(tl.documents, tl.events, tl.timexes, happenings), tl.events)
    out: list[DiffEntry] = []
    alone: dict[str, list[_Side]] = {"a": [], "b": []}
    told: dict[str, list[_Side]] = {"a": [], "b": []}  # each side's part of a happening both report
    for h in happenings:
        split = story.split(h)
        if h.id in side_of:
            split = {s: (ks if s == side_of[h.id] else []) for s, ks in split.items()}
        if split["a"] and split["b"]:
            pa, pb = story.part("a", h, split["a"]), story.part("b", h, split["b"])
            v = _judge(story, pa, pb)
            out.append(DiffEntry(h, v.status, story.account(pa), story.account(pb), _gap(v.gap), shared=_said(story, v, pa, pb)))
            told["a"].append(pa)
            told["b"].append(pb)
        elif split["a"] or split["b"]:
            s = "a" if split["a"] else "b"
            alone[s].append(story.part(s, h, split[s]))
    paired: set[tuple[str, str]] = set()
    # (a happening one side reports alone may be one the other side reports with the first
    # side's other account of it, dated otherwise: the BBC's "raised its alert level late on
    # Tuesday" beside the WHO's raise both report on Monday; its row is the one-sided happening)
    both = {p.key for ps in told.values() for p in ps}
    for v, pa, pb in _pairs(story, alone["a"] + told["a"], alone["b"] + told["b"], both):
        if pa.key in both or pb.key in both:
            first, other = (pb.happening, pa.happening) if pa.key in both else (pa.happening, pb.happening)
            out.append(DiffEntry(first, v.status, story.account(pa), story.account(pb), _gap(v.gap), joined=other,
                                 similarity=round(v.similarity, 3), shared=_said(story, v, pa, pb)))
            paired |= {pa.key, pb.key}
            continue
        first, other = sorted((pa.happening, pb.happening), key=lambda h: (h.rank, h.id))
        out.append(DiffEntry(first, v.status, story.account(pa), story.account(pb), _gap(v.gap), joined=other,
                             similarity=round(v.similarity, 3), shared=_said(story, v, pa, pb)))
        paired |= {pa.key, pb.key}
    for s, status in (("a", DiffStatus.ONLY_A), ("b", DiffStatus.ONLY_B)):
        for p in alone[s]:
            if p.key not in paired:
                acc = story.account(p)
                out.append(DiffEntry(p.happening, status, acc if s == "a" else None, acc if s == "b" else None))
    out.sort(key=lambda x: (x.rank, x.happening.id))
    return TimelineDiff(DiffSide(name_a, docs_a), DiffSide(name_b, docs_b), tuple(out))


def _pairs(story: _Story, side_a: Sequence[_Side], side_b: Sequence[_Side],
           both: frozenset[tuple[str, str]] | set[tuple[str, str]] = frozenset()) -> list[tuple[_Verdict, _Side, _Side]]:
    """One-sided happenings of A and of B that are one happening dated differently (see the
    module docstring), one to one, best first; parts of happenings both report (`both`) may
    pair with a one-sided happening, never with each other. Candidates share a kind and a word that is not
    too common among the other side's happenings of that kind (an index, not every pair)."""
    if not side_a or not side_b:
        return []
    rules, feats = story.rules, story.feats

    def kinds(p: _Side) -> set[str]:
        return {feats[k].kinds[0] for k in p.ks}

    def usable(p: _Side) -> bool:
        return p.frame != "undated" and (p.span[0] is not None or p.span[1] is not None)

    cents_b = {p.key: story.centroid(p) for p in side_b if usable(p)}  # (found by its words)
    by_kind: dict[tuple[str, str], list[_Side]] = defaultdict(list)
    for p in side_b:
        if p.key in cents_b:
            for kind in sorted(kinds(p)):
                by_kind[(p.frame, kind)].append(p)
    postings: dict[tuple[str, str], dict[str, list[_Side]]] = {}
    for key, members in by_kind.items():
        index: dict[str, list[_Side]] = defaultdict(list)
        for p in members:
            for t in cents_b[p.key]:
                index[t].append(p)
        cap = max(rules.common_floor, int(rules.common_share * len(members)))
        postings[key] = {t: ps for t, ps in index.items() if len(ps) <= cap}
    found: list[tuple[float, tuple[str, str], _Verdict, _Side, _Side]] = []
    for pa in side_a:
        if not usable(pa):
            continue
        ca = story.centroid(pa)
        seen: set[tuple[str, str]] = set()
        for kind in sorted(kinds(pa)):
            found_in = postings.get((pa.frame, kind))
            if not found_in:
                continue
            for t in sorted(ca):
                for pb in found_in.get(t, ()):
                    if pb.key in seen or (pa.key in both and pb.key in both):
                        continue
                    seen.add(pb.key)
                    v = _judge(story, pa, pb)
                    if v.status is not DiffStatus.MOVED or not v.credible:
                        continue
                    if (pa.key in both or pb.key in both) and _any_numbers_contradict(story, pa, pb):
                        continue  # (the story kept it apart: "arrested three men" is not "two men")
                    ids = sorted((pa.happening.id, pb.happening.id))
                    found.append((v.similarity, (ids[0], ids[1]), v, pa, pb))
    # best first; ties in an order that does not depend on which side is A
    found.sort(key=lambda t: (-round(t[0], 9), t[1]))
    used: set[tuple[str, str]] = set()
    out = []
    for _, _, v, pa, pb in found:
        if pa.key in used or pb.key in used:
            continue
        used |= {pa.key, pb.key}
        out.append((v, pa, pb))
    return out


# ----------------------------------------------------------------------------- entry points

def diff_within(tl: Timeline, a_docs: Sequence[str], b_docs: Sequence[str],
                names: tuple[str | None, str | None] | None = None) -> TimelineDiff:
    """The diff between two groups of the documents of one timeline, built together (so that
    its happenings formed across both, and an undated article could be dated from the other
    side). A document in both groups counts for both."""
    sides: dict[str, frozenset[str]] = defaultdict(frozenset)
    for s, ids in (("a", a_docs), ("b", b_docs)):
        for d in ids:
            sides[d] = sides[d] | {s}
    return diff_story(tl, dict(sides), names)


def diff(a: Timeline, b: Timeline, names: tuple[str | None, str | None] | None = None) -> TimelineDiff:
    """How timeline `b`'s account of the story differs from timeline `a`'s."""
    tl, sides = combine(a, b)
    return diff_story(tl, sides, names)
