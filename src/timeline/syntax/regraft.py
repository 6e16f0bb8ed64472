"""Mend a parse's tree where the parser is wrong in a way the tree itself shows (pure).

One class so far, an adjective after a noun taken for the head of a clause: "... recommending
that people sick with flu symptoms seek treatment" parsed as "people sick" (the adjective the
complement's head, "people" its subject) and "seek" a conjunct of "recommending" with no "and"
before it; or "said patients sick with the virus were recovering", "recovering" a second
complement of "said". The adjective phrase is the noun's ("people sick with flu symptoms", as "children
younger than five", "those eligible for the vaccine"), and the verb after it is the clause's
head. The signs, all needed: the adjective is a complement or adverbial clause's head with no
copula, auxiliary or determiner (a noun taken for an adjective: "The Houston clinic"), its
subject the common noun or pronoun right before it; the verb comes right after the
adjective's own phrase (after its auxiliaries: "people sick with the virus were recovering"),
hangs on the same head or on the adjective (as a conjunct, an adverbial clause, a parataxis or a
complement),
is finite or has an auxiliary, and has neither a subject nor a conjunction ("and", "or") or comma of its own.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any, Sequence

_CLAUSES = frozenset({"ccomp", "advcl"})
_VERB_TAGS = frozenset({"VB", "VBP", "VBZ", "VBD"})  # (or any verb form with an auxiliary)
_WRONG = frozenset({"conj", "advcl", "parataxis", "ccomp"})  # what the parse made of the clause's real head
_BEFORE_VERB = frozenset({"aux", "aux:pass", "advmod", "neg"})  # words between the phrase and its verb


def regraft(tokens: Sequence[Any]) -> tuple[Any, ...]:
    """The tokens (`syntax.Token`s, which import this module) with each adjective-taken-for-a-clause mended (see the module); the others
    as they are."""
    toks = list(tokens)
    kids: list[list[int]] = [[] for _ in toks]
    for j, t in enumerate(toks):
        if t.head != j:
            kids[t.head].append(j)
    for x, t in enumerate(toks):
        if t.upos != "ADJ" or t.dep not in _CLAUSES or t.head == x:
            continue
        subj = [k for k in kids[x] if toks[k].dep.startswith("nsubj")]
        if len(subj) != 1 or subj[0] != x - 1 or toks[subj[0]].upos not in {"NOUN", "PRON"}:
            continue
        if any(toks[k].dep in {"cop", "aux", "aux:pass", "det"} for k in kids[x]):  # (a determiner: a noun)
            continue
        after = [k for k in kids[t.head] + kids[x] if k > x and toks[k].dep in _WRONG]
        if not after:
            continue
        v = min(after)
        own = set(_span(kids, v))
        phrase = set(_span(kids, x)) - own
        if any(k not in phrase and not (k in own and toks[k].dep in _BEFORE_VERB) for k in range(x + 1, v)):
            continue  # (between the adjective and the verb: only the adjective's phrase, the verb's auxiliaries)
        verb = toks[v]
        helped = any(toks[k].dep in {"aux", "aux:pass"} for k in kids[v])
        if (verb.upos != "VERB" or not (verb.tag in _VERB_TAGS or helped) or verb.dep not in _WRONG
                or verb.head not in (t.head, x)):
            continue
        if any(toks[k].dep.startswith("nsubj") or toks[k].dep == "cc" or (toks[k].dep == "punct" and k < v)
               for k in kids[v]):
            continue
        s = subj[0]
        toks[v] = replace(verb, head=t.head, dep=t.dep)
        toks[s] = replace(toks[s], head=v)
        for k in kids[x]:
            if toks[k].dep == "mark":
                toks[k] = replace(toks[k], head=v)
            elif k > v:  # the verb's own words the parse hung on the adjective: "delay | their trips"
                cased = any(toks[c].dep == "case" for c in kids[k])
                toks[k] = replace(toks[k], head=v, dep="obj" if toks[k].dep == "obl" and not cased else toks[k].dep)
        toks[x] = replace(t, head=s, dep="amod")
        kids = [[] for _ in toks]
        for j, u in enumerate(toks):
            if u.head != j:
                kids[u.head].append(j)
    return tuple(toks)


def _span(kids: list[list[int]], i: int) -> list[int]:
    """Token `i` and every token under it."""
    out, todo = [i], [i]
    while todo:
        for k in kids[todo.pop()]:
            out.append(k)
            todo.append(k)
    return out
