"""Happenings while they are being merged (private to `story.merging` and `story.folding`):
each group of entries, and the union of entries into groups, with the joins that made them."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from ..model import Event, Match
from .features import LEVEL, Features, day_or_finer
from .match import names

_LOWER_RE = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*")


@dataclass(slots=True)
class Group:
    """A happening while it is being merged (mutable, private to `merge`)."""

    members: list[int]
    docs: set[str]
    lo: float | None
    hi: float | None
    centroid: Mapping[str, float]
    precise: bool  # every member is dated to a day or finer, or what their times share is one day
    disagree: list[int] = field(default_factory=list)


class Merger:
    """Union of entries into groups under the constraints of `merge`."""

    def __init__(self, items: Sequence[Event], feats: Sequence[Features], vectors: Sequence[Mapping[str, float]]):
        self.items, self.feats, self.vectors = items, feats, vectors
        self.groups = [Group([i], {items[i].doc}, *feats[i].span, vectors[i], feats[i].day_precise)
                       for i in range(len(items))]
        self.owner = list(range(len(items)))  # entry -> its group's index (kept current for every member)
        self.joins: list[Match] = []
        self._names: dict[int, Counter[str]] = {}  # group -> how many of its mentions give each name (as asked)
        self._named: dict[int, set[str]] = {}  # group -> the names its mentions' sentences give (as asked)
        self._common: frozenset[str] | None = None  # the words the mentions' sentences write in lower case
        self._levels: dict[int, frozenset[str]] = {}  # group -> the levels its mentions name ("phase 5": "5")

    def levels(self, gi: int) -> frozenset[str]:
        """The levels a group's mentions raise or lower something to ("to phase 5", "alert level
        four"): two groups that name different ones are different happenings, however a mention
        with no level words both ("raised its alert" joins "phase 5" or "phase 6", not both)."""
        if gi not in self._levels:
            self._levels[gi] = frozenset(v for k in self.groups[gi].members for v, u in self.feats[k].numbers
                                         if u == LEVEL)
        return self._levels[gi]

    def names(self, gi: int) -> Counter[str]:
        """How many of a group's mentions give each name in the words around them
        (`match.names` of `Features.context`), but for a capitalised common word ("Scientists",
        "Authorities", "Health": a word the input's mentions also use in lower case)."""
        if self._common is None:
            words = {w for x in {e.sentence for e in self.items} for w in _LOWER_RE.findall(x)}
            self._common = frozenset(w.rstrip("’'s").rstrip("’'") for w in words)  # (cut as `match.names` cuts)
        if gi not in self._names:
            common = self._common
            self._names[gi] = Counter(x for k in self.groups[gi].members for x in names(self.feats[k].context)
                                      if x not in common)
        return self._names[gi]

    def named(self, gi: int) -> set[str]:
        """The names a group's mentions' sentences give, anywhere in them."""
        if gi not in self._named:
            self._named[gi] = {x[2:] for k in self.groups[gi].members for x in self.feats[k].terms if x.startswith("n:")}
        return self._named[gi]

    def forget(self, gi: int) -> None:
        """Drop what is known of a group's names (before its members change otherwise than by `join`)."""
        self._names.pop(gi, None)
        self._named.pop(gi, None)
        self._levels.pop(gi, None)

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
        if gi in self._names and gj in self._names:
            self._names[gi] += self._names.pop(gj)
        else:
            self._names.pop(gi, None)
            self._names.pop(gj, None)
        if gi in self._named and gj in self._named:
            self._named[gi] |= self._named.pop(gj)
        else:
            self._named.pop(gi, None)
            self._named.pop(gj, None)
        if gi in self._levels and gj in self._levels:
            self._levels[gi] |= self._levels.pop(gj)
        else:
            self._levels.pop(gi, None)
            self._levels.pop(gj, None)
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


def _ordered_ids(x: Event, y: Event) -> tuple[str, str, str, str]:
    a, b = (x, y) if (x.doc, x.start) <= (y.doc, y.start) else (y, x)
    return a.doc, a.id, b.doc, b.id
