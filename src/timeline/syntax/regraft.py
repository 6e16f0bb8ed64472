"""Mend a parse's tree where the parser is wrong in a way the tree itself shows (pure).

A subject set beside the day before it ("said that on Monday a man was shot": "a man" an
apposition or an unmarked modifier of Monday) is its verb's (`_subject_after_time`), also where the
day is the saying's and the clause after it hangs on the saying ("Police said on Monday a man was
stabbed").
A "who" clause hung on a place after a common noun ("people in the United States who have been
infected") is the noun's (`_who_of_place`). An adjective after a noun taken for the head of a
clause: "... recommending
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
    """The tokens (`syntax.Token`s, which import this module) with each class of the module
    mended; the others as they are."""
    return _who_of_place(_subject_after_time(_adjective_clauses(list(tokens))))


_TIME_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march april may "
                        "june july august september october november december morning afternoon evening night".split())
_COMPLEMENTS = frozenset({"ccomp", "parataxis", "advcl", "conj"})  # a clause the parse hung on the saying verb


def _subject_after_time(toks: list[Any]) -> list[Any]:
    """A subject the parse made an apposition of the day before it ("said that on Monday | a man
    was shot": "a man" set beside Monday, "shot" left with no subject): the verb's subject,
    where the phrase follows the day with no comma, the verb the day hangs on has none, and only
    the verb's auxiliaries come between."""
    kids: list[list[int]] = [[] for _ in toks]
    for j, t in enumerate(toks):
        if t.head != j:
            kids[t.head].append(j)
    for a, t in enumerate(toks):
        h = t.head
        if t.dep not in {"appos", "nmod:unmarked", "nmod:npmod"} or t.upos not in {"NOUN", "PROPN"} or h >= a \
                or toks[h].text.lower() not in _TIME_WORDS or not toks[h].dep.startswith("obl"):
            continue
        v = toks[h].head
        phrase = _span(kids, a)
        if v < h and max(phrase) + 1 < len(toks):
            # "Police said on Monday | a man was stabbed": the day is the saying's, the phrase the
            # subject of the clause right after it, which the parse hung on the saying
            v = next((k for k in range(max(phrase) + 1, len(toks)) if toks[k].head == v
                      and toks[k].dep in _COMPLEMENTS and toks[k].head != k), v)
        verb = toks[v].upos in {"VERB", "AUX"} or any(toks[k].dep.startswith("aux") for k in kids[v])  # ("was | stabbed" tagged a noun)
        if v <= a or not verb or any(toks[k].dep.startswith("nsubj") for k in kids[v]):
            continue
        if min(phrase) != h + 1 or any(k not in phrase and not (toks[k].head == v and toks[k].dep in _BEFORE_VERB)
                                       for k in range(a, v)):
            continue
        passive = any(toks[k].dep == "aux:pass" for k in kids[v])
        toks[a] = replace(t, head=v, dep="nsubj:pass" if passive else "nsubj")
    return toks


_PLACE_CASES = frozenset({"in", "at", "from", "across", "throughout", "inside", "near"})
_PERSONS = frozenset({"who", "whom"})


def _who_of_place(toks: list[Any]) -> tuple[Any, ...]:
    """A "who" clause the parse hung on the place after a common noun ("200,000 or more people
    in the United States | who have been infected": the people, not the United States), hung on
    that noun: a place a preposition of place ("in", "at", "from", ...) opens is no "who"; a name
    after "of" may be ("the wife of John Smith who ...") and stays, and so does a clause after a
    comma, which adds to the name before it ("contributions from Sir Peter Maxwell Davies, who
    met ...")."""
    for r, t in enumerate(toks):
        if t.dep != "acl:relcl" or not any(u.head == r and u.text.lower() in _PERSONS for u in toks[max(0, t.head):r]):
            continue
        place = toks[t.head]
        if place.upos != "PROPN" or not place.dep.startswith("nmod") or place.head >= t.head:
            continue
        if not any(u.head == t.head and u.dep == "case" and u.text.lower() in _PLACE_CASES for u in toks[:t.head]):
            continue
        who = next(k for k in range(t.head + 1, r) if toks[k].head == r and toks[k].text.lower() in _PERSONS)
        if toks[place.head].upos == "NOUN" and toks[who - 1].upos != "PUNCT":  # (not after a comma: "..., who")
            toks[r] = replace(t, head=place.head)
    return tuple(toks)


def _adjective_clauses(toks: list[Any]) -> list[Any]:
    """An adjective after a noun taken for a clause's head (see the module)."""
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
    return toks


def _span(kids: list[list[int]], i: int) -> list[int]:
    """Token `i` and every token under it."""
    out, todo = [i], [i]
    while todo:
        for k in kids[todo.pop()]:
            out.append(k)
            todo.append(k)
    return out
