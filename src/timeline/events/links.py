"""What the parse of a sentence says about the order of two of its events (pure).

Two events of one sentence whose words the parse links directly, one the head of the other,
are ordered by the kind of that link, when ``rules/en/order.toml`` has a rule for it: a clause
introduced by "after" starts before the event it hangs on ("shares rose after the company
unveiled its computer"), one introduced by "before" or "until" after it, a purpose clause or
an infinitive complement after the intention ("agreed to pay", "flew to London to sign"), a
past event reported by a reporting verb before the report ("said the plant had been hit").
A rule may ask for the TimeML class, tense, aspect or modality of either event (a past
perfect before the simple past it hangs on). Nothing else is read: two events the parse does
not link, or links in a way no rule names, get nothing from here (the pairwise model and
their envelopes may still order them; otherwise they stay tied).

`links` gives, for the pairs of a passage's events that some rule orders, the evidence in the
units of the pairwise model's margins (> 0: the first in the text starts before the other),
which `pairs.Margins` adds to the model's margin.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from typing import Mapping, Sequence

from ..model import Event, Tense
from ..rules import GrammarError, load_toml
from ..syntax import Parse
from ..syntax.tree import token_at
from .eventmodel import CLASSES

_FIELDS = ("cls", "tense", "aspect", "modality")
_VALUES = {"cls": frozenset(CLASSES[1:]), "tense": frozenset(t.value for t in Tense),
           "aspect": frozenset({"PERFECTIVE", "PROGRESSIVE", "NONE"})}  # (modality: any word)
_ORDERS = {"before": -1, "after": 1}  # the head starts before / after its dependent


@dataclass(frozen=True, slots=True)
class LinkRule:
    """One kind of link: the dependent's relation to its head, the words that introduce it
    (a mark or case dependent of the dependent; empty: any or none), what each event must be
    (`head`, `dep`: field -> allowed values) or must not be (`head_not`, `dep_not`), and
    whether the head starts before (-1) or after (1) the dependent."""

    name: str
    deps: frozenset[str]
    marks: frozenset[str]
    head: tuple[tuple[str, frozenset[str]], ...]
    dep: tuple[tuple[str, frozenset[str]], ...]
    head_not: tuple[tuple[str, frozenset[str]], ...]
    dep_not: tuple[tuple[str, frozenset[str]], ...]
    order: int

    def matches(self, parse: Parse, head: int, dep: int, a: Event, b: Event) -> bool:
        """Does the rule hold for head event `a` at token `head` and dependent `b` at `dep`?"""
        if parse.tokens[dep].dep not in self.deps:
            return False
        if self.marks and not any(parse.tokens[c].dep.split(":")[0] in ("mark", "case")
                                  and parse.tokens[c].text.lower() in self.marks for c in parse.children(dep)):
            return False
        return (_fits(a, self.head, True) and _fits(b, self.dep, True)
                and _fits(a, self.head_not, False) and _fits(b, self.dep_not, False))


def _value(e: Event, name: str) -> str:
    v = getattr(e, name)
    return str(getattr(v, "value", v))


def _fits(e: Event, wanted: tuple[tuple[str, frozenset[str]], ...], allowed: bool) -> bool:
    return all((_value(e, name) in values) == allowed for name, values in wanted)


def _conditions(spec: dict, key: str, where: str) -> tuple[tuple[str, frozenset[str]], ...]:
    table = spec.get(key, {})
    unknown = set(table) - set(_FIELDS)
    if unknown:
        raise GrammarError(f"order.toml: rule {where}: unknown field(s) {sorted(unknown)} in {key}")
    for name, values in table.items():
        wrong = set(values) - _VALUES.get(name, set(values))
        if wrong:
            raise GrammarError(f"order.toml: rule {where}: {key}.{name} cannot be {sorted(wrong)}")
    return tuple((name, frozenset(table[name])) for name in _FIELDS if name in table)


@dataclass(frozen=True, slots=True)
class LinkRules:
    rules: tuple[LinkRule, ...]
    weight: float  # the evidence of one rule, in the units of the pairwise model's margins

    def order(self, parse: Parse, head: int, dep: int, a: Event, b: Event) -> LinkRule | None:
        """The first rule that orders head event `a` and its dependent `b`, if any."""
        return next((r for r in self.rules if r.matches(parse, head, dep, a, b)), None)


@cache
def link_rules() -> LinkRules:
    data = load_toml("order.toml")
    rules = []
    for spec in data.get("link", []):
        name = spec.get("name", "?")
        if spec.get("order") not in _ORDERS or not spec.get("deps"):
            raise GrammarError(f"order.toml: rule {name}: needs deps and order (before or after)")
        rules.append(LinkRule(name, frozenset(spec["deps"]), frozenset(w.lower() for w in spec.get("marks", [])),
                              _conditions(spec, "head", name), _conditions(spec, "dep", name),
                              _conditions(spec, "head_not", name), _conditions(spec, "dep_not", name),
                              _ORDERS[spec["order"]]))
    return LinkRules(tuple(rules), float(data["weight"]))


class Parses:
    """The parses of an article's sentences, found by character position. A sentence the
    parser breaks into several (more than one root) is one it misread: it links nothing."""

    def __init__(self, parses: Mapping[int, Parse | None] | Sequence[Parse | None]) -> None:
        values = parses.values() if isinstance(parses, Mapping) else parses
        self.parses = sorted((p for p in values if p is not None and len(p.roots()) == 1), key=lambda p: p.start)
        self._starts = [p.start for p in self.parses]

    def at(self, pos: int) -> Parse | None:
        k = bisect_right(self._starts, pos) - 1
        return self.parses[k] if k >= 0 and pos < self.parses[k].end else None


def links(events: Sequence[Event], parses: Parses | None) -> dict[tuple[int, int], float]:
    """For the pairs (i, k), i < k, of `events` (in text order) that a rule orders, its
    evidence: +weight when events[i] starts before events[k], -weight when after."""
    if parses is None or not parses.parses:
        return {}
    rules = link_rules()
    # the events of each parsed sentence, by token
    by_parse: dict[int, dict[int, int]] = {}
    for n, e in enumerate(events):
        p = parses.at(e.start)
        if p is None:
            continue
        t = token_at(p, e.start, e.end)
        if t is not None:
            by_parse.setdefault(id(p), {}).setdefault(t, n)
    out: dict[tuple[int, int], float] = {}
    for n, e in enumerate(events):
        p = parses.at(e.start)
        tokens = by_parse.get(id(p)) if p is not None else None
        if p is None or tokens is None:
            continue
        t = token_at(p, e.start, e.end)
        if t is None or tokens.get(t) != n:
            continue
        head = p.tokens[t].head
        m = tokens.get(head) if head != t else None
        if m is None or m == n:
            continue
        rule = rules.order(p, head, t, events[m], e)
        if rule is None:
            continue
        # rule.order: the head (events[m]) starts before (-1) or after (1) the dependent (e)
        first_before = -rule.order if m < n else rule.order
        out[(min(m, n), max(m, n))] = first_before * rules.weight
    return out
