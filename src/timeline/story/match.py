"""Which event entries of two articles report the same happening (pure).

Four cues, each with its share of the score: the event words (the same kind of happening,
"assault"/"strikes"/"bombardment", or the same word), the names and places both sentences
mention ("Kyiv", "Rutte"), the wording of the two labels and sentences (rapidfuzz's token-set
similarity), and whether the times are compatible. Pairs are matched one to one, best score
first; every match carries its score and the cues that made it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Sequence

from rapidfuzz import fuzz

from ..rules import load_toml, regex_cache
from ..model import Event, Match

THRESHOLD = 0.55  # a pair below this score is not the same happening
W_KIND, W_NAMES, W_TEXT, W_TIME = 0.4, 0.25, 0.2, 0.15
_NAME = r"\b[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*"
_NOT_NAMES = frozenset("The A An This That These Those It He She They We I In On At For By With From As But And Or "
                       "If When While After Before During Since Until Meanwhile However Conversely Looking "
                       "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
                       "May June July August September October November December President Secretary General "
                       "Prime Minister Chief".split())


@cache
def _kinds() -> dict[str, str]:
    kinds = load_toml("events.toml").get("happenings", {})
    return {word: kind for kind, words in kinds.items() for word in words}


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    """A word's crude stem, lower case (remembered: the story stems each mention's words)."""
    w = word.lower()
    for suffix in ("ings", "ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


@lru_cache(maxsize=1 << 16)
def names(sentence: str) -> frozenset[str]:
    """Names and places a sentence mentions ("Kyiv", "Mark Rutte" -> "rutte", "mark rutte")."""
    out: set[str] = set()
    for m in _name_re().finditer(sentence):
        words = [w.rstrip("’'s").rstrip("’'") for w in m.group(0).split()]
        words = [w for w in words if w and w not in _NOT_NAMES]
        if not words:
            continue
        out.update(w.lower() for w in words if len(w) > 2)
    return frozenset(out)


@cache
def _name_re() -> re.Pattern[str]:
    """The pattern of a name, with the regex engine's search shortcut (`rules.regex_cache`: the
    same matches, in half the time: the story reads every sentence with a mention for names)."""
    found = regex_cache.compile(_NAME)
    regex_cache.flush()
    return found


def time_compatible(a: Event, b: Event) -> bool | None:
    """Do the two envelopes overlap? None when they are in different frames (undated)."""
    if a.envelope is not None and b.envelope is not None:
        lo = max(x for x in (a.envelope.start, b.envelope.start) if x is not None) \
            if (a.envelope.start or b.envelope.start) else None
        hi = min(x for x in (a.envelope.end, b.envelope.end) if x is not None) \
            if (a.envelope.end or b.envelope.end) else None
        return lo is None or hi is None or lo < hi
    if a.relative is not None and b.relative is not None:
        rs = [x for x in (a.relative.start, b.relative.start) if x is not None]
        re_ = [x for x in (a.relative.end, b.relative.end) if x is not None]
        return not rs or not re_ or max(rs) < min(re_)
    return None


@dataclass(frozen=True, slots=True)
class Similarity:
    score: float
    content: float  # the score without the time cue
    evidence: tuple[str, ...]


def similarity(a: Event, b: Event, floor: float = 0.0) -> Similarity | None:
    """How alike two entries are, with the cues; None when the score cannot reach `floor`
    (decided before the costlier wording comparison)."""
    kinds = _kinds()
    ka, kb = kinds.get(a.text.lower()), kinds.get(b.text.lower())
    evidence: list[str] = []
    if ka is not None and ka == kb:
        kind = 1.0
        evidence.append(f"both a {ka}: '{a.text}' / '{b.text}'")
    elif _stem(a.text) == _stem(b.text):
        kind = 1.0
        evidence.append(f"same event word '{a.text.lower()}'")
    else:
        kind = 0.6 if fuzz.ratio(a.text.lower(), b.text.lower()) >= 80 else 0.0
    na, nb = names(a.sentence), names(b.sentence)
    shared = sorted(na & nb)
    name_score = len(shared) / max(min(len(na), len(nb)), 1) if shared else 0.0
    if shared:
        evidence.append("shared names: " + ", ".join(shared[:5]))
    compatible = time_compatible(a, b)
    time_part = 1.0 if compatible else 0.5 if compatible is None else 0.0
    if floor > 0:
        best = (W_KIND * kind + W_NAMES * min(name_score, 1.0) + W_TEXT) / (W_KIND + W_NAMES + W_TEXT)
        if (1 - W_TIME) * best + W_TIME * time_part < floor:
            return None
    text = max(fuzz.token_set_ratio(a.label, b.label), fuzz.token_sort_ratio(a.sentence, b.sentence)) / 100
    if text >= 0.6:
        evidence.append(f"similar wording ({text:.2f})")
    content = (W_KIND * kind + W_NAMES * min(name_score, 1.0) + W_TEXT * text) / (W_KIND + W_NAMES + W_TEXT)
    if not shared and text < 0.6:
        content *= 0.7  # the same verb about other people ("Zelensky intensified" / "Trump intensified")
    if compatible:
        evidence.append("compatible times")
    score = (1 - W_TIME) * content + W_TIME * time_part
    return Similarity(round(score, 3), round(content, 3), tuple(evidence))


def entries(events: Sequence[Event]) -> list[Event]:
    """The events a timeline lists: salient, not merged into another mention."""
    return [e for e in events if e.salient and e.same_as is None]


def match_events(a: Sequence[Event], b: Sequence[Event], threshold: float = THRESHOLD,
                 need_time: bool = False) -> list[Match]:
    """One-to-one matches between the entries of two sides (two articles, or the articles of
    two timelines), best first. Only pairs that share a name or a kind of happening are scored
    (`side_pairs`): the others cannot reach the threshold."""
    scored = []
    for x, y in side_pairs(entries(a), entries(b)):
        if need_time and time_compatible(x, y) is not True:
            continue
        s = similarity(x, y, threshold)
        if s is None or s.score < threshold:
            continue
        scored.append((s.score, x.start, y.start, x, y, s))
    return _one_to_one(scored)


def _one_to_one(scored: list[tuple[float, int, int, Event, Event, Similarity]]) -> list[Match]:
    """Best score first, each entry in at most one match."""
    scored = sorted(scored, key=lambda t: (-t[0], t[3].doc, t[1], t[4].doc, t[2]))
    used_a: set[tuple[str, str]] = set()
    used_b: set[tuple[str, str]] = set()
    out = []
    for score, _, _, x, y, s in scored:  # (an id is unique within its article only)
        if (x.doc, x.id) in used_a or (y.doc, y.id) in used_b:
            continue
        used_a.add((x.doc, x.id))
        used_b.add((y.doc, y.id))
        out.append(Match(x.doc, x.id, y.doc, y.id, score, s.evidence))
    return out


# ----------------------------------------------------------------------------- many articles

BLOCK_LIMIT = 24  # up to this many entries sharing a key and a week, every pair is compared
NEIGHBOURS = 4  # in a bigger block, each entry meets the next few of other articles in time order
SIDE_BLOCK_PAIRS = 4096  # two sides (a diff): up to this many pairs in a block, every pair is compared


def _keys(e: Event) -> set[str]:
    """What two entries must share to be compared at all: a name, or the kind of happening (or
    the event word). Pairs that share none of these cannot reach the threshold."""
    kind = _kinds().get(e.text.lower())
    return {"n:" + n for n in names(e.sentence)} | {"k:" + (kind or _stem(e.text))}


def _point(e: Event) -> tuple[int, object]:
    """Where an entry sits in time, for sorting a block: its envelope's start, else its end."""
    if e.envelope is not None:
        p = e.envelope.start or e.envelope.end
        return (0, p) if p is not None else (2, 0)
    if e.relative is not None:
        p = e.relative.start if e.relative.start is not None else e.relative.end
        return (1, (e.doc, p)) if p is not None else (2, 0)
    return (2, 0)


def _windows(e: Event) -> list[tuple[object, ...]]:
    """The weeks an entry's envelope touches (a bounded one: up to five; an open one: the week
    of its known end), or its article for days relative to an unknown publication day."""
    from datetime import timedelta

    if e.envelope is not None:
        lo, hi = e.envelope.start, e.envelope.end
        if lo is not None and hi is not None:
            first = lo.toordinal() // 7
            last = (hi - timedelta(microseconds=1)).toordinal() // 7
            return [("cal", k) for k in range(first, min(last, first + 4) + 1)]
        p = lo or hi
        return [] if p is None else [("cal", p.toordinal() // 7)]
    if e.relative is not None:
        return [("rel", e.doc)]
    return []


def side_pairs(a: Sequence[Event], b: Sequence[Event]) -> list[tuple[Event, Event]]:
    """The pairs (x of `a`, y of `b`) worth scoring, in a stable order: those that share a key
    (a name or a kind of happening), whatever their times (a side may date a happening
    differently). In a block of more than SIDE_BLOCK_PAIRS pairs ("Kyiv" across two archives) the entries of both sides are sorted by time and each meets the NEIGHBOURS
    nearest entries of the other side before and after it: so the work grows with the number
    of entries, not with the product of the two sides."""
    from collections import defaultdict

    blocks_a: dict[str, list[Event]] = defaultdict(list)
    blocks_b: dict[str, list[Event]] = defaultdict(list)
    for e in a:
        for k in _keys(e):
            blocks_a[k].append(e)
    for e in b:
        for k in _keys(e):
            blocks_b[k].append(e)
    seen: set[tuple[str, str, str, str]] = set()
    out: list[tuple[Event, Event]] = []

    def add(x: Event, y: Event) -> None:
        ident = (x.doc, x.id, y.doc, y.id)
        if ident not in seen:
            seen.add(ident)
            out.append((x, y))

    for key in sorted(blocks_a.keys() & blocks_b.keys()):
        xs, ys = blocks_a[key], blocks_b[key]
        if len(xs) * len(ys) <= SIDE_BLOCK_PAIRS:
            for x in xs:
                for y in ys:
                    add(x, y)
            continue
        row = sorted([(_point(e), e.doc, e.start, 0, e) for e in xs] + [(_point(e), e.doc, e.start, 1, e) for e in ys],
                     key=lambda t: t[:4])
        for i, (_, _, _, side, e) in enumerate(row):
            met = 0
            for j in range(i + 1, min(i + 1 + 8 * NEIGHBOURS, len(row))):  # the next few of the other side
                if row[j][3] != side:
                    if side == 0:
                        add(e, row[j][4])
                    else:
                        add(row[j][4], e)
                    met += 1
                    if met == NEIGHBOURS:
                        break
    return out


def candidate_pairs(events_by_doc: dict[str, Sequence[Event]], need_time: bool = True,
                    focus: str | None = None) -> list[tuple[Event, Event]]:
    """The pairs of entries of different articles worth scoring, found by blocking instead of
    comparing every pair. A block holds the entries that share a key (a name or a kind of
    happening) and a week. In a small block (up to BLOCK_LIMIT) every pair of articles is
    compared; in a bigger one ("Kyiv" in a week of war reporting) the entries are sorted by
    time and each meets the next NEIGHBOURS entries of other articles (sorted neighbourhood):
    reports of one happening sit side by side there, and chains of matches join them into one
    row. So the work grows with the number of entries, never with the square of the number of
    articles. With `focus`, only the pairs that involve that article (all of them: few)."""
    from collections import defaultdict

    entries_all = [e for doc in sorted(events_by_doc) for e in entries(events_by_doc[doc])]
    blocks: dict[tuple[object, ...], list[Event]] = defaultdict(list)
    for e in entries_all:
        for w in (_windows(e) if need_time else [("any",)]):
            for k in sorted(_keys(e)):
                blocks[(k, w)].append(e)
    seen: set[tuple[str, str, str, str]] = set()
    out: list[tuple[Event, Event]] = []
    for key in sorted(blocks, key=repr):
        members = blocks[key]
        if focus is not None:
            mine = [e for e in members if e.doc == focus]
            pairs = [(x, y) for x in mine for y in members if y.doc != focus]
        elif len(members) < 2:
            continue
        elif len(members) <= BLOCK_LIMIT:
            pairs = [(x, y) for i, x in enumerate(members) for y in members[i + 1:] if x.doc != y.doc]
        else:
            ordered = sorted(members, key=lambda e: (_point(e), e.doc, e.start))
            pairs = []
            for i, x in enumerate(ordered):
                met = 0
                for y in ordered[i + 1:i + 1 + 8 * NEIGHBOURS]:  # (past one article's own run)
                    if met == NEIGHBOURS:
                        break
                    if y.doc != x.doc:
                        pairs.append((x, y))
                        met += 1
        for x, y in pairs:
            a, b = (x, y) if x.doc < y.doc else (y, x)
            ident = (a.doc, a.id, b.doc, b.id)
            if ident not in seen:
                seen.add(ident)
                out.append((a, b))
    return out


def match_all(events_by_doc: dict[str, Sequence[Event]], threshold: float = THRESHOLD,
              need_time: bool = True, focus: str | None = None) -> list[Match]:
    """One-to-one matches for every pair of articles, over the blocked candidate pairs only;
    the same matches as `match_events` on each pair of articles wherever blocking keeps the
    pair (it keeps every pair that shares a name or a kind in a common time window)."""
    by_pair: dict[tuple[str, str], list[tuple[float, int, int, Event, Event, Similarity]]] = {}
    for x, y in candidate_pairs(events_by_doc, need_time, focus):
        if need_time and time_compatible(x, y) is not True:
            continue
        s = similarity(x, y, threshold)
        if s is None or s.score < threshold:
            continue
        by_pair.setdefault((x.doc, y.doc), []).append((s.score, x.start, y.start, x, y, s))
    return [m for pair in sorted(by_pair) for m in _one_to_one(by_pair[pair])]
