"""What a parse of news text gets wrong that a label can mend (pure).

A page runs sentences together with no stop between them (a picture's caption, a headline, then
the news: "Michael Jackson died in June 2009 aged 50 Executors of Michael Jackson's estate have
asked ..."): `run_on_span` is the part of a parsed sentence an event's label may use, and
`run_on` a dependent that is a sentence of its own after a comma. `stranded` is the subject a
parse hung on the phrase before its verb ("In the UK Jackson scored ..."), `names_opening` the
one it took from a headline run into the sentence, `before_aside` a label's words up to an aside
set off by a comma or a dash. `quoted` is the
quotation a verb of saying follows ('"We will not surrender," the minister said'), which the
label of the saying itself needs: the saying is the news only with what was said.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Callable

from . import Parse
from ..rules import load_toml
from .lint import lint_words
from .tree import AUXILIARIES, NEGATIONS, SUBJECTS, subtree, words

QUOTES = frozenset({'"', "“", "”", "'", "‘", "’", "``", "''"})


FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
NAME_GLUE = frozenset({"and", "'", "‘", "’", '"'})


def stranded(parse: Parse, kids: list[list[int]], i: int) -> list[int] | None:
    """The subject a parse left inside the phrase before a finite verb that has none: a run of
    proper nouns right before its verb group (or before an apposition set off by commas), which
    the parse made part of a fronted phrase ("In the UK | Jackson scored ...": Jackson, not the
    UK; "..., with the hope of a resolution fading, | Admiral Sir Michael Boyce, chief of defense
    staff, asked ..."). Of a run that is a preposition's object, only the names after its head
    (the place is the preposition's). None for a verb that is not finite or not a main clause's."""
    toks = parse.tokens
    aux = [k for k in kids[i] if k < i and (toks[k].dep in AUXILIARIES or toks[k].text.lower() in NEGATIONS)]
    first = min([i] + aux)
    if toks[i].dep not in {"root", "ccomp", "parataxis"} or toks[first].tag not in FINITE:
        return None
    j = first - 1
    if j > 0 and toks[j].text == ",":  # an apposition: ", chief of defense staff,"
        c = next((c for c in range(j - 1, -1, -1) if toks[c].text == ","), None)
        if c is None or c == 0 or not any(toks[k].dep == "appos" and toks[k].head == c - 1 or
                                          toks[k].dep == "appos" and toks[toks[k].head].upos == "PROPN"
                                          for k in range(c + 1, j)):
            return None
        j = c - 1
    if j >= 0 and toks[j].upos == "NOUN" and toks[j].dep not in SUBJECTS:
        return _after_day(parse, kids, j)
    if j < 0 or toks[j].upos != "PROPN" or toks[j].dep in SUBJECTS:
        return None
    run = [j]  # (back over the names, the "and" between them and a nickname in quotes: "Herbert 'H' Jones and")
    while run[0] > 0 and (toks[run[0] - 1].upos == "PROPN" or toks[run[0] - 1].text in NAME_GLUE
                          or (len(toks[run[0] - 1].text) == 1 and toks[run[0] - 1].text.isupper())):
        run.insert(0, run[0] - 1)
    while toks[run[0]].upos != "PROPN":
        run = run[1:]
    heads = [k for k in run if toks[k].head not in run or toks[k].head == k]
    if len(heads) != 1:
        return None
    head = heads[0]
    if any(toks[c].dep == "case" for c in kids[head]):  # "in the UK Jackson": the names after the UK
        run = [k for k in run if k > head]
    if not run or any(toks[k].head in run and toks[k].dep in SUBJECTS for k in range(len(toks))):
        return None
    return run


def _after_day(parse: Parse, kids: list[list[int]], j: int) -> list[int] | None:
    """The noun right before the verb group that a parse joined to a fronted day ("On Saturday
    | police carried out ...", "On Monday | health officials said ..."): the words after the
    preposition and the day's name, when they are nouns or adjectives; else None."""
    toks = parse.tokens
    case = next((c for c in kids[j] if toks[c].dep == "case" and c < j), None)
    if case is None:
        return None
    k = case + 1
    time_words = lint_words().time_words
    while k < j and toks[k].text.lower() in time_words:
        k += 1
    if k == case + 1 or any(toks[m].upos not in {"NOUN", "ADJ"} for m in range(k, j)):
        return None
    return list(range(k, j + 1))


RUN_ON_OPENERS = frozenset({"when", "while", "after", "as", "the", "a", "an", "he", "she", "they", "his", "her",
                            "their", "its", "it"})


def starts_sentence(parse: Parse, j: int) -> bool:
    """Whether token j opens a sentence a page ran into the one before it, with no stop between:
    a capitalized common noun or opening word right after a lower-case noun or a number ("died
    in June 2009 aged 50 | Executors of Michael Jackson's estate have asked", "create a heroic
    act | The following correction was printed", "in 2006 | When Michael Jackson died")."""
    toks = parse.tokens
    if j == 0 or j >= len(toks):
        return False
    t, prev = toks[j], toks[j - 1]
    if not t.text[:1].isupper() or t.text.isupper() or prev.upos not in {"NOUN", "NUM"} \
            or not (prev.text[:1].islower() or prev.text[:1].isdigit()) or prev.end == t.start:
        return False
    low = t.text.lower()
    if t.upos == "NOUN":
        return True
    if low in {"when", "while", "after", "as"}:
        return True
    nxt = toks[j + 1] if j + 1 < len(toks) else None  # ("the newspaper The Guardian": a name)
    return (low in RUN_ON_OPENERS or t.text in lint_words().run_on_openers) and nxt is not None \
        and nxt.text[:1].islower()


def titled(parse: Parse, j: int) -> bool:
    """Whether token j is a title that opens a sentence a page ran into the one before it: a
    title ("Ms", "Dr") right after a name, where a title never stands within a sentence ("La
    Toya to perform in Cardiff | Ms Jackson attended the trial"; not "Labour MP Ms Smith",
    "the singer's Dr Murray")."""
    toks = parse.tokens
    if j == 0 or j + 1 >= len(toks):
        return False
    t, prev, nxt = toks[j], toks[j - 1], toks[j + 1]
    return (t.text.rstrip(".") in lint_words().titles and prev.upos == "PROPN" and not prev.text.isupper()
            and prev.text.rstrip(".") not in lint_words().titles and prev.end < t.start and nxt.upos == "PROPN")


def common_opener(parse: Parse, j: int, text: str) -> bool:
    """Whether token j is a common word capitalized because it opens a sentence (or a headline)
    a page ran into the one before it: a capitalized word the parse took for a name, right after
    a lower-case noun or a verb that is not finite and before a lower-case word, that the
    article `text` writes in lower case elsewhere ("court challenge | Weapons evidence was
    crucial", "Jackson doctor's home | Drug police are searching"; not "told Parliament
    yesterday", nor a name the article never writes in lower case)."""
    toks = parse.tokens
    if j == 0 or j + 1 >= len(toks):
        return False
    t, prev, nxt = toks[j], toks[j - 1], toks[j + 1]
    if t.upos != "PROPN" or not t.text[:1].isupper() or t.text.isupper() or not t.text.isalpha() \
            or prev.upos not in {"NOUN", "VERB"} or prev.tag in {"VBD", "VBZ", "VBP", "MD"} \
            or not prev.text[:1].islower() or prev.end == t.start or not nxt.text[:1].islower() \
            or nxt.upos not in {"NOUN", "VERB", "AUX"}:
        return False
    return t.text.lower() in _lower_words(text)


@lru_cache(maxsize=8)
def _lower_words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\b[a-z][a-z]+\b", text))


def run_on_span(parse: Parse, i: int, text: str | None = None) -> tuple[int, int]:
    """The tokens [lo, hi) of the sentence token i belongs to when a page ran several together
    (with the article's `text`, a common word capitalized also opens one: `common_opener`)."""
    starts = [j for j in range(1, len(parse.tokens)) if starts_sentence(parse, j) or titled(parse, j)
              or (text is not None and common_opener(parse, j, text))]
    lo = max((j for j in starts if j <= i), default=0)
    hi = min((j for j in starts if j > i), default=len(parse.tokens))
    return lo, hi


def run_on(parse: Parse, kids: list[list[int]], k: int) -> bool:
    """A clause the parse made an object or an oblique that is a sentence of its own: one with its
    own subject and no word opening it, after a comma ("When Jackson died on 25 June, | Dr Murray was at the
    hospital": not what died took)."""
    toks = parse.tokens
    if any(toks[c].dep == "mark" for c in kids[k]) \
            or not any(toks[c].dep in SUBJECTS for c in kids[k]):
        return False
    span = subtree(kids, parse, k, lambda c: True)
    first = next((j for j in span if toks[j].upos != "PUNCT"), k)
    return first > 0 and toks[first - 1].text in {",", ";"}


def quoted(parse: Parse, kids: list[list[int]], i: int, text: str) -> str | None:
    """The words of a quotation before the verb of saying at i, in quotation marks in the text
    ('"We will not surrender," the minister said': We will not surrender), else None."""
    toks = parse.tokens
    mine = set(subtree(kids, parse, i, lambda c: True))
    found = [(k, subtree(kids, parse, k, lambda c: True)) for k in kids[i] if k < i and toks[k].dep in {"ccomp", "parataxis"}]
    h = toks[i].head
    if toks[i].dep == "parataxis" and h < i:  # (the saying hung on what was said: '"We will ...," | the minister said')
        found.append((h, [j for j in subtree(kids, parse, h, lambda c: True) if j not in mine]))
    for k, span in found:
        inner = [j for j in span if toks[j].upos != "PUNCT" or toks[j].text not in QUOTES | {",", "."}]
        while inner and toks[inner[-1]].upos == "PUNCT":
            inner.pop()
        if not inner or inner[-1] > i or not any(toks[j].text in QUOTES for j in span + [span[0] - 1] if j >= 0):
            continue
        return words(parse, inner, text)
    return None


SEPARATORS = frozenset({",", ";", ":", "-", "–", "—", "--"})


def before_aside(parse: Parse, idxs: list[int], i: int) -> list[int]:
    """The label's tokens up to a comma or a spaced dash after the verb that the label leaves out
    alone: what follows it is an aside on the phrase before ("raised the alert level to phase 5
    | , the last step before a pandemic", "to four | - two steps short of ..."), which read
    without its comma runs into that phrase. Not a comma between two words of one phrase ("a
    protracted, armed peace": the word before it belongs to a head after it)."""
    toks = parse.tokens
    for a, b in zip(idxs, idxs[1:]):
        gap = range(a + 1, b)
        if a >= i and len(gap) and all(toks[j].text in SEPARATORS for j in gap) and not toks[a].head > b:
            return [j for j in idxs if j <= a]
    return idxs


def names_opening(parse: Parse, kids: list[list[int]], i: int, text: str | None = None) -> list[int] | None:
    """The proper nouns from where the sentence of the verb at i begins up to its verb group,
    when nothing else stands there, else None."""
    toks = parse.tokens
    first = min([i] + [k for k in kids[i] if k < i and (toks[k].dep in AUXILIARIES or toks[k].text.lower() in NEGATIONS)])
    run = list(range(run_on_span(parse, i, text)[0], first))
    return run if run and all(toks[k].upos == "PROPN" for k in run) else None


@cache
def _clause_rules() -> tuple[frozenset[str], frozenset[str]]:
    d = load_toml("labels.toml")["clause"]
    return frozenset(w.lower() for w in d["time_modifiers"]), frozenset(w.lower() for w in d["time_nouns"])


def time_residue(parse: Parse, kids: list[list[int]], k: int, in_time: Callable[[int], bool]) -> bool:
    """A word that places a time the label leaves to the date ("late | on Tuesday", "early |
    Monday"), or a time noun with the clause that says which time it is ("on the day | he
    died"): without its time, it tells the reader nothing. (Not one with an infinitive, which
    says what the time is for: "pleaded for more time | to complete his mission".)"""
    toks = parse.tokens
    modifiers, nouns = _clause_rules()
    t = toks[k]
    if t.dep in {"advmod", "xcomp", "obl:npmod"} and t.text.lower() in modifiers:  # (not "the next | 48 hours": its own)
        nxt = k + 1 if k + 1 < len(toks) and toks[k + 1].upos != "ADP" else k + 2
        return nxt < len(toks) and in_time(nxt)
    return t.upos == "NOUN" and t.lemma.lower() in nouns and any(
        toks[c].dep in {"acl:relcl", "acl"} and not any(toks[m].dep == "mark" and toks[m].tag == "TO" for m in kids[c])
        for c in kids[k])


def whole_phrase(parse: Parse, idxs: list[int], i: int, in_time: Callable[[int], bool] = lambda k: False) -> list[int]:
    """The label's tokens, a noun the parse left out of the phrase it ends ("a week-long energy
    infrastructure | truce") or of one inside it put back: a label never ends or skips words in
    the middle of a noun phrase. (Not
    a time word: "Ed Miliband's speech | yesterday" ends where the date beside it begins.)"""
    toks = parse.tokens
    if not idxs:
        return idxs
    out = list(idxs)
    for a, b in zip(idxs, idxs[1:]):  # (and inside it: "a posthumous number | one album | with ...")
        gap = range(a + 1, b)
        if a > i and len(gap) and toks[a].tag.startswith(("NN", "JJ")) and toks[b].upos == "ADP" and all(
                toks[j].tag.startswith("NN") or toks[j].tag == "CD" for j in gap) and not any(in_time(j) for j in gap):
            out += gap
    out.sort()
    k = out[-1] + 1
    while k < len(toks) and toks[k].tag.startswith("NN") and toks[k].start - toks[k - 1].end <= 1 \
            and toks[out[-1]].tag.startswith(("NN", "JJ")) and not in_time(k):
        out.append(k)
        k += 1
    # a name whose noun the label lost keeps it ("caused Michael Jackson's | death", "Police raid Jackson
    # doctor | 's home"), its common nouns only ("death | Los Angeles prosecutors": another sentence)
    pos = out[-1] if toks[out[-1]].tag == "POS" else k if k < len(toks) and toks[k].tag == "POS" \
        and toks[out[-1]].tag.startswith("NN") else None
    if pos is not None and pos + 1 < len(toks) and toks[pos + 1].tag in {"NN", "NNS"} and not in_time(pos + 1):
        out += [j for j in (pos,) if j not in out]
        k = pos + 1
        while k < len(toks) and toks[k].tag in {"NN", "NNS"} and not in_time(k):
            out.append(k)
            k += 1
    return out


def stray_object(parse: Parse, idxs: list[int], i: int, hi: int, in_time: Callable[[int], bool]) -> list[int]:
    """The words of a noun phrase right after the verb at i, up to `hi` where a sentence a page ran
    in begins, that the parse hung on that sentence ("unleashed an obscene nightmare | Five days
    after 9/11"): the verb's object, when the label ends on the verb; else none."""
    toks = parse.tokens
    stray = list(range(i + 1, hi))
    if idxs and idxs[-1] == i and stray and hi < len(toks) and toks[stray[-1]].head >= hi \
            and all(toks[j].upos in {"DET", "ADJ", "NOUN", "PROPN", "NUM"} and not in_time(j) for j in stray):
        return stray
    return []


def run_on_clause(parse: Parse, kids: list[list[int]], i: int, k: int, reporting: frozenset[str]) -> bool:
    """A clause the parse made the complement of a verb that reports nothing, with its own subject
    and no word opening it, after the verb's object: a sentence the page ran into this one
    ("attended the trial of her brother's doctor in Los Angeles on Thursday | Michael Jackson's
    sister La Toya is to step out of retirement"). (Not "told reporters he was ill".)"""
    toks = parse.tokens
    return toks[k].dep == "ccomp" and toks[i].lemma.lower() not in reporting \
        and any(toks[c].dep.split(":")[0] in {"nsubj", "csubj"} for c in kids[k]) \
        and not any(toks[c].dep == "mark" and toks[c].text.lower() != "to" for c in kids[k]) \
        and any(toks[o].dep in {"obj", "iobj"} and i < o < k for o in kids[i])


_NOMINAL = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})


def possessed(parse: Parse, phrase_: list[int], verb: int) -> list[int]:
    """A subject phrase that ends in a possessive ("Michael Jackson's | doctor Conrad Murray goes
    on trial", a parse that made the doctor's name a conjunct of the singer's) with the nouns
    after it, up to the verb group: a possessive is never a subject alone."""
    toks = parse.tokens
    if not phrase_ or toks[phrase_[-1]].text not in {"'s", "’s", "'", "’"}:
        return phrase_
    extra, j = [], phrase_[-1] + 1
    while j < verb and toks[j].upos in _NOMINAL and toks[j].dep not in AUXILIARIES:
        extra.append(j)
        j += 1
    if not extra or any(toks[k].dep not in AUXILIARIES and toks[k].text.lower() not in NEGATIONS
                        for k in range(j, verb)):
        return phrase_  # (the nouns after it must run up to the verb group: they are the rest of the subject)
    return phrase_ + extra


@cache
def plural_collectives() -> frozenset[str]:
    """Nouns singular in form that take a plural verb and "they" (coref.toml: "police")."""
    from .coref import lexicon

    return frozenset(lexicon()["plural_collectives"])


def antecedent(parse: Parse, kids: list[list[int]], relative: int, predicate: int) -> int | None:
    """The noun a relative pronoun follows, inside the phrase of the predicate noun the parse
    hung its clause on ("the driver was at the head of a convoy | that came under attack": the
    convoy, whatever its tag), else None."""
    toks = parse.tokens
    j = relative - 1
    while j >= 0 and toks[j].upos == "PUNCT":
        j -= 1
    if j < 0 or j == predicate or toks[j].dep not in {"nmod", "obl", "obj", "compound"} \
            or toks[j].upos in {"PRON", "ADP", "DET", "PUNCT"}:
        return None
    k, seen = j, set()
    while k != predicate and toks[k].head != k and k not in seen:  # (inside the predicate's phrase)
        seen.add(k)
        k = toks[k].head
    return j if k == predicate else None


def reduced_relative_subject(parse: Parse, kids: list[list[int]], i: int) -> int | None:
    """The subject of a past verb the parse hung on a participle before it, a reduced relative
    it took for the main verb ("Thermal cameras set up at the airport | detected the fever":
    "set" with the cameras for subject, "detected" its adverbial clause): the participle's
    subject, when no word opens the clause of the verb, no comma or conjunction comes between
    them and the participle has no auxiliary or object (then it is a verb of its own: "The
    plane was set on fire and | burned"). The tagger may call the participle a past ("Troops
    sent to the border | arrested two men"). Else None."""
    toks = parse.tokens
    h = toks[i].head
    if toks[i].dep != "advcl" or toks[i].tag != "VBD" or not h < i or toks[h].tag not in {"VBN", "VBD"}:
        return None
    if any(toks[k].dep == "mark" for k in kids[i]) or any(toks[k].dep in AUXILIARIES or toks[k].dep == "obj"
                                                         for k in kids[h]):
        return None  # (a verb with its object is a verb of its own: "Police raided the house, arrested ...")
    if any(toks[j].text in {",", ";", "-", "–", "—"} or toks[j].dep == "cc" for j in range(h + 1, i)):
        return None
    return next((k for k in kids[h] if toks[k].dep in SUBJECTS and k < h), None)


def subject_before_saying(parse: Parse, kids: list[list[int]], said: int) -> int | None:
    """The subject of a saying verb that has none of its own, where the parse gave it to the
    participle that describes it ("Los Angeles police investigating the death | say they ...",
    the police the subject of "investigating"): the subject of a participle before the verb,
    whose phrase ends right before it or that the parse hung it on; else None."""
    toks = parse.tokens
    for p in range(said - 1, -1, -1):
        if toks[p].tag not in {"VBG", "VBN"}:
            continue
        if toks[said].head != p and subtree(kids, parse, p, lambda c: True)[-1] != said - 1:
            continue
        return next((k for k in kids[p] if k < p and toks[k].dep in {"nsubj", "nsubj:pass"}), None)
    return None


def from_name(parse: Parse, idxs: list[int]) -> list[int]:
    """A noun phrase from the name in it that a common noun in lower case runs into, where a
    headline ran into the sentence ("by star's death | Los Angeles police investigating ...",
    the parse one phrase): the words from the name on; the phrase itself when there is none.
    (The common noun has an owner of its own: "star's death", not "the capital | Kyiv".)"""
    toks = parse.tokens
    for a, b in zip(idxs, idxs[1:]):
        if b == a + 1 and toks[a].upos == "NOUN" and toks[a].text[:1].islower() and toks[b].upos == "PROPN" \
                and toks[b].text[:1].isupper() and toks[a].end < toks[b].start \
                and any(toks[c].dep == "nmod:poss" and toks[c].head == a for c in idxs):
            return [j for j in idxs if j >= b]
    return idxs


_SINGULAR_AUX = frozenset({"is", "was", "has", "does"})
_PLURAL_AUX = frozenset({"are", "were", "have", "do"})


def _number(parse: Parse, k: int) -> str:
    t = parse.tokens[k]
    return "p" if t.tag in {"NNS", "NNPS"} else "s" if t.tag in {"NN", "NNP"} else ""


def agreeing_subject(parse: Parse, kids: list[list[int]], subject: int, i: int) -> int | None:
    """The noun right before the verb group of the verb at i, where the parse gave the verb a
    subject further back that its first finite word does not agree with and that noun does,
    inside the subject's own phrase: a heading run into the sentence ("The DEC appeal for victims
    of the earthquake in Haiti | Relief efforts have been hampered": the efforts have been, not
    the appeal; or that the parse made a second subject of the verb). Else None."""
    toks = parse.tokens
    group = sorted(k for k in kids[i] if k < i and (toks[k].dep in AUXILIARIES or toks[k].text.lower() in NEGATIONS))
    finite = next((k for k in group + [i] if toks[k].tag in FINITE), None)
    if finite is None or subject > min(group + [i]):
        return None
    word = toks[finite].text.lower()
    verb = "s" if word in _SINGULAR_AUX or toks[finite].tag == "VBZ" else "p" if word in _PLURAL_AUX or (
        toks[finite].tag == "VBP") else ""
    before = min(group + [i]) - 1
    if verb and before > subject and toks[before].head == i and toks[before].dep in SUBJECTS \
            and _number(parse, before) == verb:
        return before  # (two subjects: the one right before the verb that agrees with it)
    if not verb or before <= subject or toks[before].upos not in {"NOUN", "PROPN"} or _number(parse, subject) in {"", verb} \
            or any(toks[c].dep in {"conj", "cc"} for c in kids[subject]) or _number(parse, before) != verb:
        return None
    return before if before in subtree(kids, parse, subject, lambda c: True) else None


def participle_noun(parse: Parse, kids: list[list[int]], i: int) -> int:
    """The noun a participle at i qualifies: the one right before it where the parse hung it on a
    noun further back, whose phrase holds that one ("Searches at the clinic and another site |
    rented by Dr Murray": the site was rented, not the searches); else the noun it hangs on."""
    toks = parse.tokens
    h, j = toks[i].head, i - 1
    if j > h and toks[j].upos in {"NOUN", "PROPN"} and toks[j].dep.startswith("nmod") \
            and j in subtree(kids, parse, h, lambda c: True):
        return j
    return h
