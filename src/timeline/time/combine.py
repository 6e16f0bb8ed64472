"""Compose time expressions from parts, as Duckling and ctparse do.

The rules (rule files of ``rules/<lang>/``) find parts: an nth weekday, a weekday, a day of
the month, a month, a month with its year, a relative week or month, a clock time with its
zone, a date, a quarter, a holiday, a year. A combinator (``rules/<lang>/combinators.toml``)
joins two parts that stand next to each other in the text, with only its glue between them
("of", "in", "at", "on", ",", white space), into one symbolic time: the fields of both, none
of them stated twice with different values. What a part is, is read off its fields (a
*part type*: the fields it must have and those it may have); combinators name the part types
they join. Combining repeats, each round over the parts the last round made, until nothing
new is made ("the second Friday of March 2019" then "... at 9 a.m. ET"), so a composed
expression is built from any number of parts. Rules marked ``fragment`` make parts that only
count inside a combination ("the second Friday"). A combinator of kind ``shift`` moves its
second part by the days of its first ("the day after" + "Christmas"). A combinator of kind ``range`` makes a
range of its two parts instead ("March 3-5", "3 to 5 March"): the first takes from the
second the fields it lacks that are larger than its own (the month of "3 to 5 March"), and
a range joins a year like a day does ("March 3-5, 2019"). Nothing here knows the
publication date: the result is a Symbolic, anchored by the one resolver (normalize.py)
like any other.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from dataclasses import fields as dc_fields
from functools import cache
from typing import Any

from ..model import Kind, Mention, Symbolic, TimexType
from ..rules import GrammarError, load_toml
from ..rules import regex_cache
from .grammar import Example, read_examples

_FIELDS = {f.name: f.default for f in dc_fields(Symbolic) if f.name not in {"kind", "end_point"}}
_JOINABLE = (Kind.POINT, Kind.RELATIVE)
MAX_ROUNDS = 4  # parts joined in one expression: at most five
_AFTER_REACH = 24  # characters before the first part in which a combinator's `after` is looked for


@dataclass(frozen=True, slots=True)
class Shape:
    """One way a symbolic time is of a part type: its kind, the fields it must have (with a
    value, when one is stated) and the other fields it may have; every other field unset."""

    kind: Kind
    has: tuple[tuple[str, Any], ...]
    may: frozenset[str]
    # the fields that must stay unset, with their defaults (worked out once, not at each fit)
    unset: tuple[tuple[str, Any], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        named = {n for n, _ in self.has} | self.may
        object.__setattr__(self, "unset", tuple((n, d) for n, d in _FIELDS.items() if n not in named))

    def fits(self, sym: Symbolic) -> bool:
        if sym.kind is not self.kind:
            return False
        for name, want in self.has:
            got = getattr(sym, name)
            if got == _FIELDS[name] or (want is not None and got != want):
                return False
        for n, d in self.unset:
            if not getattr(sym, n) == d:
                return False
        return True


@dataclass(frozen=True, slots=True)
class Combinator:
    id: str
    left: frozenset[str]
    glue: re.Pattern[str]
    right: frozenset[str]
    type: TimexType | None
    examples: tuple[Example, ...]
    negatives: tuple[str, ...]
    range: bool = False  # the parts are the two ends of a range, not one time
    after: re.Pattern[str] | None = None  # what the text right before the first part must end with ("between ")
    shift: bool = False  # the first part moves the second by its days ("the day after" + "Christmas")
    left_ends: re.Pattern[str] | None = None  # what the first part's own text must end with ("after": not "the next day")


@dataclass(frozen=True, slots=True, eq=False)
class Combinators:
    types: Mapping[str, tuple[Shape, ...]]
    rules: tuple[Combinator, ...]
    max_glue: int  # the longest glue looked for between two parts, in characters
    barrier: re.Pattern[str] | None  # glue in which this is found never joins (a blank line)


def _value(name: str, raw: Any, where: str) -> Any:
    if name in ("unit", "nth_unit"):
        from ..model import Unit

        try:
            return Unit(raw)
        except ValueError:
            raise GrammarError(f"{where}: unknown unit {raw!r}") from None
    return raw


def _shape(spec: Mapping[str, Any], where: str) -> Shape:
    try:
        kind = Kind(spec.get("kind", "point"))
    except ValueError:
        raise GrammarError(f"{where}: unknown kind {spec.get('kind')!r}") from None
    has: list[tuple[str, Any]] = []
    for item in spec.get("has", []):
        name, _, raw = item.partition("=")
        if name not in _FIELDS:
            raise GrammarError(f"{where}: unknown field {name!r}")
        has.append((name, _value(name, raw, where) if raw else None))
    may = frozenset(spec.get("may", []))
    unknown = sorted(may - set(_FIELDS))
    if unknown:
        raise GrammarError(f"{where}: unknown field {unknown[0]!r}")
    return Shape(kind, tuple(has), may)


def compile_combinators(data: Mapping[str, Any], name: str) -> Combinators:
    """Validate and compile a combinator file; GrammarError names what is wrong."""
    types: dict[str, tuple[Shape, ...]] = {}
    for tname, spec in data.get("type", {}).items():
        shapes = spec.get("shapes", [])
        if not shapes:
            raise GrammarError(f"{name}: part type {tname}: no shapes")
        types[tname] = tuple(_shape(s, f"{name}: part type {tname}") for s in shapes)
    default_dct = data.get("dct")
    rules: list[Combinator] = []
    for i, spec in enumerate(data.get("combinator", [])):
        cid = spec.get("id") or f"#{i}"
        where = f"{name}: combinator {cid}"
        sides = []
        for side in ("left", "right"):
            names = spec.get(side) or []
            if not names:
                raise GrammarError(f"{where}: no {side} part types")
            for t in names:
                if t not in types:
                    raise GrammarError(f"{where}: unknown part type {t!r}")
            sides.append(frozenset(names))
        try:
            glue = regex_cache.compile(spec.get("glue", r"\s+"), re.IGNORECASE)
        except re.error as exc:
            raise GrammarError(f"{where}: glue does not compile: {exc}") from exc
        ttype = spec.get("type")
        if ttype is not None and ttype not in TimexType.__members__:
            raise GrammarError(f"{where}: unknown type {ttype!r}")
        kind = spec.get("kind", "join")
        if kind not in ("join", "range", "shift"):
            raise GrammarError(f"{where}: unknown kind {kind!r} (join, range or shift)")
        try:
            after = regex_cache.compile(r"(?:" + spec["after"] + r")\Z", re.IGNORECASE) if spec.get("after") else None
        except re.error as exc:
            raise GrammarError(f"{where}: after does not compile: {exc}") from exc
        try:
            left_ends = regex_cache.compile(r"(?:" + spec["left_ends"] + r")\Z", re.IGNORECASE) if spec.get("left_ends") else None
        except re.error as exc:
            raise GrammarError(f"{where}: left_ends does not compile: {exc}") from exc
        examples = read_examples(spec, where, default_dct, "a combinator")
        rules.append(Combinator(cid, sides[0], glue, sides[1], TimexType(ttype) if ttype else None,
                                tuple(examples), tuple(spec.get("negatives", [])), kind == "range", after, kind == "shift", left_ends))
    ids = [c.id for c in rules]
    if len(set(ids)) != len(ids):
        raise GrammarError(f"{name}: duplicate combinator ids")
    max_glue = int(data.get("max_glue", 16))
    try:
        barrier = regex_cache.compile(data["barrier"]) if data.get("barrier") else None
    except re.error as exc:
        raise GrammarError(f"{name}: barrier does not compile: {exc}") from exc
    return Combinators(types, tuple(rules), max_glue, barrier)


@cache
def load_combinators(lang: str = "en") -> Combinators:
    combinators = compile_combinators(load_toml("combinators.toml", lang), f"{lang}/combinators.toml")
    regex_cache.flush()
    return combinators


def merge(a: Symbolic, b: Symbolic) -> Symbolic | None:
    """The fields of both parts; None when one field is given two values, or neither part is a
    point or an offset (a duration, a range). An offset ("next month") stays one: the other
    part names what lies inside it. A range and a point join when the point states only what
    neither end of the range does ("March 3-5" and "2019"): both ends are in it."""
    if Kind.RANGE in (a.kind, b.kind):
        rng, point = (a, b) if a.kind is Kind.RANGE else (b, a)
        if point.kind is not Kind.POINT or rng.end_point is None:
            return None
        values = {}
        for name, default in _FIELDS.items():
            vp = getattr(point, name)
            if vp == default:
                continue
            if getattr(rng, name) != default or getattr(rng.end_point, name, default) != default:
                return None
            values[name] = vp
        return replace(rng, **values)
    if a.kind not in _JOINABLE or b.kind not in _JOINABLE or (a.kind is b.kind is Kind.RELATIVE):
        return None
    kind = Kind.RELATIVE if Kind.RELATIVE in (a.kind, b.kind) else Kind.POINT
    values: dict[str, Any] = {}
    for name, default in _FIELDS.items():
        va, vb = getattr(a, name), getattr(b, name)
        if va == default or va == vb:
            values[name] = vb
        elif vb == default:
            values[name] = va
        else:
            return None
    return Symbolic(kind, **values)


def shift(by: Symbolic, point: Symbolic) -> Symbolic | None:
    """The point moved by the days of the first part ("the day after" + "Christmas": +1); None
    unless the first is a count of days that moves (not "that day") and the second a plain point
    not already moved."""
    if by.kind is not Kind.RELATIVE or not by.offset or point.kind is not Kind.POINT or point.shift:
        return None
    return replace(point, shift=by.offset)


# the calendar fields from the largest to the smallest: the first end of a range takes from
# the second those larger than its own largest ("3 to 5 March": the month)
_SCALE = ("year", "month", "day", "hour", "minute")


def make_range(a: Symbolic, b: Symbolic) -> Symbolic | None:
    """The range from `a` to `b`, two points; None if either is not a plain calendar point or
    the second end does not come after the first on the fields both state ("March 5-4"). Two
    bare weekdays make a range of days ("between Monday and Wednesday"), anchored at resolution."""
    if a.kind is not Kind.POINT or b.kind is not Kind.POINT:
        return None
    if _bare_weekday(a) and _bare_weekday(b):  # "between Monday and Wednesday"
        return Symbolic(Kind.RANGE, weekday=a.weekday, end_point=b) if a.weekday != b.weekday else None
    for sym in (a, b):
        if any(getattr(sym, n) != d for n, d in _FIELDS.items() if n not in _SCALE):
            return None
    own = [n for n in _SCALE if getattr(a, n) is not None]
    if not own or getattr(b, own[-1]) is None:  # the second end names the first's smallest unit
        return None
    largest = _SCALE.index(own[0])
    start = {n: getattr(b, n) for n in _SCALE[:largest] if getattr(b, n) is not None}
    start.update({n: getattr(a, n) for n in own})
    pairs = [(start.get(n), getattr(b, n) if getattr(b, n) is not None else start.get(n)) for n in _SCALE]
    pairs = [(x, y) for x, y in pairs if x is not None and y is not None]
    if [y for _, y in pairs] <= [x for x, _ in pairs]:
        return None
    return Symbolic(Kind.RANGE, end_point=b, **start)


def _bare_weekday(sym: Symbolic) -> bool:
    return sym.weekday is not None and all(getattr(sym, n) == d for n, d in _FIELDS.items() if n != "weekday")


_TYPE_MEMOS: dict[int, tuple[Combinators, dict[Symbolic, frozenset[str]]]] = {}
_MEMO_MAX = 50_000  # symbolic times remembered per set of combinators (a long run stays bounded)


class _Typer:
    """The part types of a symbolic time, memoized across calls: the same parts ("Monday",
    "3 p.m.", "last year") recur from article to article, and typing one runs every shape."""

    def __init__(self, combinators: Combinators) -> None:
        self.types = combinators.types
        kept = _TYPE_MEMOS.get(id(combinators))
        if kept is None or kept[0] is not combinators or len(kept[1]) > _MEMO_MAX:
            kept = _TYPE_MEMOS[id(combinators)] = (combinators, {})
        self.memo: dict[Symbolic, frozenset[str]] = kept[1]

    def __call__(self, sym: Symbolic) -> frozenset[str]:
        found = self.memo.get(sym)
        if found is None:
            found = frozenset(t for t, shapes in self.types.items() if any(s.fits(sym) for s in shapes))
            self.memo[sym] = found
        return found


def _joined_type(c: Combinator, a: Mention, b: Mention) -> TimexType | None:
    if c.type is not None:
        return c.type
    if TimexType.TIME in (a.type, b.type):
        return TimexType.TIME
    return a.type or b.type


def combine(text: str, mentions: Iterable[Mention], fragments: frozenset[str] = frozenset(),
            combinators: Combinators | None = None) -> list[Mention]:
    """The mentions with those the combinators make of adjacent ones added, and the fragments
    (parts that count only inside a combination) left out. Deterministic: parts are taken in
    text order and the first combinator of the file that applies to a pair joins it. A span a
    rule already covers on its own is not made again. The mentions keep their order (the
    overlap policy breaks ties by it); those made follow them."""
    combinators = combinators or load_combinators()
    given = list(mentions)
    if len(given) < 2 or not combinators.rules:
        return [m for m in given if m.rule not in fragments]
    pool = sorted(given, key=lambda m: (m.start, m.end, m.rule))
    made_all: list[Mention] = []
    typer = _Typer(combinators)
    lefts = frozenset().union(*(c.left for c in combinators.rules))
    spans = {(m.start, m.end) for m in pool}
    by_start: dict[int, list[Mention]] = {}
    for m in pool:
        by_start.setdefault(m.start, []).append(m)
    frontier: set[int] = {id(m) for m in pool}
    for _ in range(MAX_ROUNDS):
        made: list[Mention] = []
        for a in pool:
            ta = typer(a.symbolic)
            if not ta & lefts:
                continue
            for p in range(a.end, min(a.end + combinators.max_glue, len(text)) + 1):
                for b in by_start.get(p, ()):
                    if id(a) not in frontier and id(b) not in frontier:
                        continue
                    joined = _join(text, a, b, ta, typer(b.symbolic), combinators)
                    if joined is not None and (joined.start, joined.end) not in spans:
                        spans.add((joined.start, joined.end))
                        made.append(joined)
        if not made:
            break
        made_all.extend(made)
        pool = sorted(pool + made, key=lambda m: (m.start, m.end, m.rule))
        for m in made:
            by_start.setdefault(m.start, []).append(m)
        frontier = {id(m) for m in made}
    return [m for m in given + made_all if m.rule not in fragments]


def _join(text: str, a: Mention, b: Mention, ta: frozenset[str], tb: frozenset[str],
          combinators: Combinators) -> Mention | None:
    glue = None
    for c in combinators.rules:
        if not (ta & c.left and tb & c.right):
            continue
        if glue is None:
            glue = text[a.end:b.start]
            if combinators.barrier is not None and combinators.barrier.search(glue):
                return None
        if not c.glue.fullmatch(glue):
            continue
        if c.after is not None and c.after.search(text, max(0, a.start - _AFTER_REACH), a.start) is None:
            continue
        if c.left_ends is not None and c.left_ends.search(a.text) is None:
            continue
        sym = make_range(a.symbolic, b.symbolic) if c.range else \
            shift(a.symbolic, b.symbolic) if c.shift else merge(a.symbolic, b.symbolic)
        if sym is None:
            continue
        return Mention(a.start, b.end, text[a.start:b.end], c.id, sym, _joined_type(c, a, b),
                       max(a.priority, b.priority))
    return None
