"""Shortening a label's phrase to fit, a whole dependent at a time (pure).

`shed` takes the last dependent that may go from a phrase of the label: never one that makes
it a phrase (an article, an adjective, a name part, an auxiliary: STAYS), never part of a
quotation, and never the complement a verb the label keeps needs to say anything (its object,
the clause it takes, a noun the parse hung on it without a preposition: "did not draw up | the
written answer", the parse's obl; its particle): the complement sheds its own dependents
instead, then the words before its noun ("the | March 17 | written answer"); a phrase with
nothing else to shed gives None, and the label is not made (a verb left without its object,
"... he did not draw", is no headline).
"""
from __future__ import annotations

import re
from functools import cache
from typing import Callable

from . import Parse
from ..rules import load_toml
from .tree import OBJECTS, subtree

STAYS = frozenset({"case", "det", "amod", "compound", "flat", "nummod", "fixed", "mark", "aux", "aux:pass", "cop",
                   "nsubj", "nsubj:pass", "nmod:poss", "compound:prt"})  # what a phrase keeps while it sheds
# what may go from before a noun when nothing else can: its adjectives, numbers, nouns and dates
# (not the name parts of a name: "flat", nor an owner: "nmod:poss")
PREMODIFIERS = frozenset({"amod", "nummod", "compound", "nmod", "nmod:unmarked", "nmod:npmod", "nmod:tmod", "obl:unmarked"})
VERBS = frozenset({"VERB", "AUX"})


def complement(parse: Parse, k: int, kids: list[list[int]]) -> bool:
    """Whether token k is what the verb it depends on needs to say anything: its object or the
    clause it takes, a particle, or a noun the parse hung on it as an oblique without a
    preposition ("did not draw up | the written answer": a misparse of the object)."""
    t = parse.tokens[k]
    if t.head != k and t.dep == "ccomp" and parse.tokens[t.head].upos == "ADJ":
        return True  # the clause an adjective takes ("made clear | she did not draw up ...")
    if t.head == k or parse.tokens[t.head].upos not in VERBS:
        return False
    if t.dep in OBJECTS:
        return True
    return t.dep == "obl" and t.upos in {"NOUN", "PROPN"} and k > t.head \
        and not any(parse.tokens[c].dep == "case" for c in kids[k])


def shed(parse: Parse, kids: list[list[int]], phrase_: list[int], i: int,
         quotations: list[tuple[int, int]] = (), optional: bool = False) -> list[int] | None:  # type: ignore[assignment]
    """The phrase without its last dependent that may go (its head and the words that make it
    a phrase stay), or None when none is left to shed, or when shedding it would leave part of
    a quotation ('manufacturing "the mother | of all smokescreens"'). The event's verb is `i`.
    An `optional` phrase (an oblique, which may go whole) sheds a complement last ("with greatest
    hits | compilation Number Ones", a parse that made "hits" a verb) rather than go whole."""
    toks = parse.tokens
    members = set(phrase_)
    heads = [k for k in phrase_ if toks[k].head not in members or toks[k].head == k]
    top = heads[0] if heads else None

    def kept_complement(k: int) -> bool:  # (a complement of a verb that stays: the phrase's head, the event's)
        while complement(parse, k, kids):
            h = toks[k].head
            if h == top or h == i:
                return True
            k = h
        return False

    inner = [k for k in phrase_ if k != top and k != i and toks[k].head in members and toks[k].head != k
             and toks[k].dep not in STAYS and k > (top if top is not None else -1)]

    def splits(drop_: set[int]) -> bool:
        return any(a < min(drop_) <= b and any(a < j < b and j not in drop_ for j in phrase_) for a, b in quotations)

    def without(k: int) -> list[int] | None:
        drop = set(subtree(kids, parse, k, lambda c: True))
        while splits(drop) and toks[k].head in inner:  # (the quotation goes whole, with what holds it)
            k = toks[k].head
            drop = set(subtree(kids, parse, k, lambda c: True))
        if splits(drop):
            return None
        h = toks[k].head
        if toks[k].dep in OBJECTS and h in inner:  # (a verb goes with its object: not "of manufacturing")
            drop = set(subtree(kids, parse, h, lambda c: True))
        elif h in inner and toks[h].dep == "acl" and toks[h].tag == "VBG" \
                and not any(c in members and c not in drop for c in kids[h]):
            # (an -ing participle goes with its last words: "a Mexican man staying | in a Hong Kong
            # hotel", not "Mexican man staying was confirmed"; "people killed" reads alone)
            drop = set(subtree(kids, parse, h, lambda c: True))
        return [j for j in phrase_ if j not in drop]

    # the last dependent that is no complement of a verb that stays, nor a word before a noun
    # that a later word of its phrase depends on ("the | March | 17 written answer")
    loose = [k for k in inner if not kept_complement(k) and not paired(parse, kids, k) and not (k < toks[k].head and toks[toks[k].head].dep in PREMODIFIERS
                                                                 and toks[k].head > k)]
    if loose:
        return without(max(loose))
    # then the words before a kept complement's noun, first first ("the | March 17 | written answer")
    pre = [k for k in phrase_ if k > (top if top is not None else -1) and toks[k].dep in PREMODIFIERS
           and toks[k].upos != "PROPN" and toks[k].head in members and k < toks[k].head
           and toks[toks[k].head].upos in {"NOUN", "PROPN"} and kept_complement(toks[k].head)]
    if pre:
        return without(min(pre))
    return without(max(inner)) if optional and inner else None


@cache
def _rules() -> tuple[frozenset[str], frozenset[str]]:
    d = load_toml("labels.toml")["clause"]
    return frozenset(d["particles"]), frozenset(d["gerund_marks"])


def particles(parse: Parse, kids: list[list[int]], i: int) -> list[int]:
    """The adverbs right after the verb at i that are its particle ("scaled | back", rules/en/
    labels.toml [clause] particles): they belong to its verb group."""
    words, _ = _rules()
    toks = parse.tokens
    return [k for k in kids[i] if k == i + 1 and toks[k].dep == "advmod" and toks[k].text.lower() in words]


def gerund_complements(parse: Parse, kids: list[list[int]], i: int) -> list[int]:
    """The gerund clauses after the verb at i that a preposition opens ("working | on developing
    a vaccine", [clause] gerund_marks): what completes the verb, not a clause of time or manner."""
    _, marks = _rules()
    toks = parse.tokens
    return [k for k in kids[i] if k > i and toks[k].dep == "advcl" and toks[k].tag == "VBG"
            and any(toks[m].dep == "mark" and m < k and toks[m].text.lower() in marks for m in kids[k])]


def paired(parse: Parse, kids: list[list[int]], k: int) -> bool:
    """Whether token k is the second of a pair that "between" needs ("a link between Tony Blair's
    decision | and the London bombings"), or of a range of numbers ("between 100 | and 150
    people"), or its "and": it stays with the first."""
    toks = parse.tokens
    if toks[k].dep in {"cc", "punct"} and toks[k].head != k and toks[toks[k].head].dep == "conj":
        k = toks[k].head
    t = toks[k]
    if t.dep == "conj" and t.head != k and t.upos == "NUM" and toks[t.head].upos == "NUM":
        return True  # the second number of a range ("between 100 | and 150 people": not "100 people")
    return t.dep == "conj" and t.head != k and t.upos in {"NOUN", "PROPN", "PRON"} \
        and any(toks[c].dep == "case" and toks[c].text.lower() == "between" for c in kids[t.head])


WH_WORDS = frozenset({"what", "how", "whether", "why"})


def wh_on_time(parse: Parse, kids: list[list[int]], i: int, in_time: Callable[[int], bool]) -> list[int]:
    """The clauses a wh-word opens that the parse hung on a time phrase of the verb at i ("learned
    only on Thursday night | what kind of virus Mexico was facing", made a modifier of "night"),
    or on the verb as a clause of time or manner ("learned on Friday | what kind of chemical had
    leaked", an advcl; "discovered on Monday | what kind of infection ...", an oblique): what the verb learned, said, asked; not a relative clause of the time
    ("the day | which"). The time phrase goes to the date beside the label; these stay, as the
    verb's object."""
    toks = parse.tokens
    out = []
    for h in [i] + [h for h in kids[i] if h > i and in_time(h)]:
        for k in kids[h]:
            if k > h and toks[k].dep not in OBJECTS | {"punct", "cc", "conj", "nsubj", "nsubj:pass", "appos"} \
                    and (toks[k].upos in VERBS or toks[k].upos == "NOUN" and toks[k].dep.startswith("obl")):
                first = subtree(kids, parse, k, lambda c: True)[0]
                if first > h and toks[first].text.lower() in WH_WORDS:
                    out.append(k)
    return out


def second_subjects(parse: Parse, kids: list[list[int]], i: int) -> list[int]:
    """The nouns after the verb at i that the parse made a second subject of it, where it has one
    before it ("the immediate trend suggests | a 'frozen conflict' scenario"): its objects."""
    toks = parse.tokens
    subjects = [k for k in kids[i] if toks[k].dep in {"nsubj", "nsubj:pass"}]
    if not any(k < i for k in subjects):
        return []
    return [k for k in subjects if k > i and toks[k].upos in {"NOUN", "PROPN"}]


def marked_apposition(parse: Parse, kids: list[list[int]], k: int) -> bool:
    """An apposition the parse made of a prepositional phrase ("a new type | of swine flu", "flu" an
    appos with "of"): the noun's own modifier, which stays with it (an apposition goes)."""
    toks = parse.tokens
    if toks[k].dep != "appos" or k < toks[k].head:
        return False
    first = subtree(kids, parse, k, lambda c: True)[0]  # (the phrase opens with its preposition)
    return toks[first].dep == "case" and toks[first].upos == "ADP" and first == toks[k].head + 1


def unmarked_apposition(parse: Parse, kids: list[list[int]], k: int) -> bool:
    """An apposition the parse made a noun's modifier: a noun's phrase with no preposition, set
    off by commas after the noun ("The bodies of 69 people, | apparently victims of ... attacks, |
    were discovered", "victims" an nmod of "bodies"; "Mr Smith, | 45, | was arrested"): an aside,
    which goes like an apposition."""
    toks = parse.tokens
    h = toks[k].head
    if not toks[k].dep.startswith("nmod") or toks[k].dep == "nmod:poss" or k < h or toks[k].upos not in {"NOUN", "PROPN", "NUM"} \
            or any(toks[c].dep == "case" for c in kids[k]):
        return False
    span = subtree(kids, parse, k, lambda c: True)
    words_ = [j for j in span if toks[j].upos != "PUNCT"]
    before, after = words_[0] - 1, words_[-1] + 1
    if not (before > h and toks[before].text == "," and after < len(toks) and toks[after].text in {",", "-", "–", "—"}):
        return False
    nxt = toks[after + 1] if after + 1 < len(toks) else None  # (not an item of a list: "in California, | Kansas, | Texas")
    return nxt is None or (nxt.upos not in {"NOUN", "PROPN", "NUM", "ADJ", "CCONJ", "DET"} and nxt.text.lower() not in {"and", "or"})


@cache
def _change_verbs() -> frozenset[str]:
    return frozenset(load_toml("labels.toml")["clause"]["change_verbs"])


def change_target(parse: Parse, kids: list[list[int]], i: int, in_time: Callable[[int], bool]) -> list[int]:
    """The "to" and number that say what a verb of change took its object to, where the parse hung
    them on a noun inside the object ("takes the number of British service personnel who have
    died ... since the start of hostilities | to 87", "87" a modifier of "start"): they belong to
    the verb ([clause] change_verbs); else none."""
    toks = parse.tokens
    if toks[i].lemma.lower() not in _change_verbs():
        return []
    objects = [k for k in kids[i] if toks[k].dep == "obj" and k > i]
    # (the verb's own oblique, which is the first to go when the label is too long, or one inside the object)
    for j in [k for k in kids[i] if k > i and toks[k].dep == "obl"] + [j for o in objects for j in
                                                                       subtree(kids, parse, o, lambda c: True)]:
        case = [c for c in kids[j] if toks[c].dep == "case" and toks[c].text.lower() == "to" and c < j]
        if objects and toks[j].upos == "NUM" and case and toks[j].head not in objects and not in_time(j):
            return sorted(case + subtree(kids, parse, j, lambda c: True))
    return []


HYPHENS = frozenset({"-", "‐", "‑"})
JOINERS = frozenset({"and", "or", "&"})


_LISTED = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})  # (the words a comma between them lists)


def whole_words(parse: Parse, idxs: list[int]) -> list[int]:
    """The label's tokens with the rest of every word a hyphen joins that it has a piece of (the
    tokenizer cuts "co-ordinating", "search-and-rescue" at their hyphens, and the parse hangs the
    pieces apart: "Disasters Emergency Committee is co", "-operation minister"), and the "and"
    or "or" between two of its words that the parse hung elsewhere ("the search | and | rescue
    team": not "search rescue team"), the comma between two of its nouns the parse hung elsewhere
    ("from Mexico | , | Canada and the US": not "Mexico Canada"), and the quotation marks around words it keeps ('the US was
    "occupying" Haiti': not a quotation made the label's own claim)."""
    toks = parse.tokens
    have = set(idxs)
    n, k = len(toks), 0
    while k < n:  # (a run of tokens that touch, a hyphen between two of them)
        j = k
        while j + 1 < n and toks[j].end == toks[j + 1].start and (toks[j + 1].text in HYPHENS or toks[j].text in HYPHENS):
            j += 1
        if any(toks[m].text in HYPHENS for m in range(k + 1, j)) and not have.isdisjoint(range(k, j + 1)):
            have.update(range(k, j + 1))
        k = j + 1
    have.update(j for j in range(1, n - 1) if j not in have and j - 1 in have and j + 1 in have
                and toks[j].text.lower() in JOINERS)
    have.update(j for j in range(1, n - 1) if j not in have and j - 1 in have and j + 1 in have and toks[j].text == ","
                and toks[j - 1].upos in _LISTED and toks[j + 1].upos in _LISTED | {"DET"})  # ("from Mexico, Canada and")
    marks = [j for j, t in enumerate(toks) if t.text in {'"', "“", "”"}]
    for a, b in zip(marks[::2], marks[1::2]):  # (the quotation marks around words it keeps all of: 'was "occupying" Haiti')
        if b > a + 1 and all(j in have for j in range(a + 1, b)) and a - 1 in have and b + 1 in have:
            have.update((a, b))
    return sorted(have)


@cache
def _held() -> tuple[frozenset[str], frozenset[str]]:
    d = load_toml("labels.toml")["clause"]
    return frozenset(d["quantity_nouns"]), frozenset(d["superlatives"])


def held_opener(parse: Parse, idxs: list[int]) -> bool:
    """Whether the first of the label's tokens is a word the next one needs, which an article or a
    preposition at a label's start otherwise is not: the "a" of a noun of quantity ("A number
    have died", "A few people": not "Number have died", "Few people" is another claim), the "at"
    of "at least", "at most" (rules/en/labels.toml [clause] quantity_nouns, superlatives), the
    "between" of a range of numbers."""
    if len(idxs) < 2 or idxs[1] != idxs[0] + 1:
        return False
    quantities, superlatives = _held()
    first, nxt = parse.tokens[idxs[0]].text.lower(), parse.tokens[idxs[1]].text.lower()
    return (first in {"a", "an"} and nxt in quantities) or (first == "at" and nxt in superlatives) or (
        first == "between" and parse.tokens[idxs[1]].upos == "NUM")  # ("Between 100 and 150 people")


@cache
def _forecasting() -> frozenset[str]:
    return frozenset(load_toml("labels.toml")["clause"]["forecast_verbs"])


def reported_future(parse: Parse, kids: list[list[int]], i: int, reporting: frozenset[str]) -> int | None:
    """The "would" of the verb at i where a verb of saying reports its clause ("Mexico's assembly
    ... said it would defy the shutdown call"): the future the speaker announced, which a
    headline writes with "to" ("... to defy the shutdown call"); a label with "would" alone
    tells a condition, not news. None for any other verb, a negated one or "would have"."""
    toks = parse.tokens  # (and where one of [clause] forecast_verbs does: "predicted that ... experts would find")
    t = toks[i]
    if t.dep != "ccomp" or t.head == i or toks[t.head].lemma.lower() not in reporting | _forecasting():
        return None
    before = [k for k in kids[i] if k < i and toks[k].dep in {"aux", "aux:pass", "advmod"}]
    if not before or toks[before[0]].text.lower() != "would" or any(
            toks[k].text.lower() in {"have", "not", "n't", "never"} for k in before):
        return None
    return before[0]


PLACE_CASES = frozenset({"in", "at", "near", "outside"})


def adjacent_place(parse: Parse, kids: list[list[int]], i: int) -> list[int]:
    """The place a noun's phrase goes on with that the parse hung on the verb before it instead
    ("taking part in the failed terror attacks | in London", "in London" made an oblique of
    "taking"): the oblique of the noun's verb that opens right where the noun's phrase ends, a
    name after "in", "at", "near" or "outside". It belongs to the noun's label too."""
    toks = parse.tokens
    h = toks[i].head
    if h == i or not toks[i].dep.startswith(("obl", "obj", "nmod")):
        return []
    end = subtree(kids, parse, i, lambda c: True)[-1]
    out = []
    for k in kids[h]:
        span = subtree(kids, parse, k, lambda c: True)
        if k > i and span[0] == end + 1 and toks[k].upos == "PROPN" and toks[k].dep.startswith(("obl", "nmod")) \
                and any(toks[c].dep == "case" and toks[c].text.lower() in PLACE_CASES for c in kids[k]):
            out.append(k)
    return out


def that_clauses(parse: Parse, kids: list[list[int]], i: int, reporting: frozenset[str]) -> list[int]:
    """The clauses "that" opens after a verb of saying that the parse made a clause of time or
    manner ("had suggested on Monday | that the US was 'occupying' Haiti", an advcl): what the
    verb said, its object, which stays in its label."""
    toks = parse.tokens
    if toks[i].lemma.lower() not in reporting and toks[i].lemma.lower() not in _disclosing():
        return []  # (nor after one of coming out: "evidence emerged | that the council was warned")
    return [k for k in kids[i] if k > i and toks[k].dep == "advcl"
            and any(toks[m].dep == "mark" and toks[m].text.lower() == "that" and m < k for m in kids[k])]


@cache
def _disclosing() -> frozenset[str]:
    return frozenset(load_toml("labels.toml")["clause"]["disclosure_verbs"])


@cache
def _light() -> frozenset[str]:
    return frozenset(load_toml("labels.toml")["clause"]["light_verbs"])


def light_object(parse: Parse, i: int) -> bool:
    """Whether the noun at i is the object of a verb that says no more than that it took place
    ("will hold | talks", "staged | a protest", [clause] light_verbs): the verb's clause is the
    happening's label, not the bare noun."""
    t = parse.tokens[i]
    return t.dep == "obj" and t.head != i and parse.tokens[t.head].lemma.lower() in _light()


def split_object(parse: Parse, kids: list[list[int]], phrase_: list[int], keep: Callable[[int], bool]) -> list[int]:
    """A phrase that ends on an infinitive with no object, right before a noun the parse put in
    a sentence of its own ("a request to bar | Dr Jones from practising medicine", parsed as two
    sentences), with that sentence's words from the noun on: the infinitive's object; else the
    phrase."""
    toks = parse.tokens
    if not phrase_:
        return phrase_
    v = phrase_[-1]
    n = v + 1
    if n >= len(toks) or toks[v].upos != "VERB" or toks[v].tag != "VB" or toks[n].upos not in {"NOUN", "PROPN"} \
            or any(toks[c].dep in {"obj", "iobj", "ccomp", "xcomp"} for c in kids[v]) \
            or not any(toks[c].dep == "mark" and toks[c].text.lower() == "to" for c in kids[v]):
        return phrase_
    top = _top(toks, n)
    if top < n or top == _top(toks, v):  # (its own sentence's, which begins with the noun)
        return phrase_
    return sorted(set(phrase_) | set(subtree(kids, parse, top, lambda c: keep(c) or toks[c].dep == "advcl" and toks[c].head == top
                                             and any(toks[m].dep == "mark" for m in kids[c]))))


def _top(toks, k: int) -> int:  # type: ignore[no-untyped-def]
    """The head of the sentence token k is in (as the parse has it)."""
    seen = set()
    while toks[k].head != k and k not in seen:
        seen.add(k)
        k = toks[k].head
    return k


def short_phrase(parse: Parse, phrase_: list[int], head: int) -> list[int]:
    """A subject's whole phrase when it is short (45 characters), or without its last phrases a
    preposition opens until it is ("the advice given by the attorney general | to cabinet"), else
    its words up to its head."""
    toks = parse.tokens
    named = name_part(parse, phrase_, head)
    whole = [j for j in whole_words(parse, phrase_) if j >= named[0]]  # (not what the parse hung before it)
    while toks[whole[-1]].end - toks[whole[0]].start > 45:
        cut = next((k for k in reversed(whole) if k > head + 1 and toks[k].dep == "case"), None)
        if cut is None:
            return named
        whole = [j for j in whole if j < cut]
    return named if toks[whole[-1]].tag in {"VBN", "VBG"} else whole  # (no participle left hanging)


def name_part(parse: Parse, phrase_: list[int], head: int) -> list[int]:
    """The words of a subject phrase up to its head, and the name parts right after it ("Gordon
    | Brown"): what stands for it before a verb that is not its own (not "concerted global",
    an adjective the parse hung on it from further on)."""
    out = [j for j in phrase_ if j <= head]
    k = head + 1
    while k in phrase_ and parse.tokens[k].dep in {"compound", "flat"} and parse.tokens[k].head in out:
        out.append(k)
        k += 1
    start = head
    while start - 1 in out:
        start -= 1
    return [j for j in out if j >= start]  # (contiguous: no word from before a gap)


def dated_noun(parse: Parse, i: int, text: str, exclude) -> str | None:  # type: ignore[no-untyped-def]
    """The time phrase written right after the noun at i, "on" or "in" and a time expression of
    `exclude` ("the general election | on May 5"), where the parse hung it on another word: what
    a bare noun's label of a happening keeps to be a headline ("General election on May 5");
    else None."""
    end = parse.tokens[i].end
    m = _DATED.match(text, end)
    if m is None:
        return None
    at = m.end()
    return next((f"{m.group(1)} {text[a:b]}" for a, b in exclude if a == at), None)


_DATED = re.compile(r"\s+(on|in)\s+")
