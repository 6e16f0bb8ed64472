"""An event's clause from a parse, made headline-like; who takes part in it (pure).

A verb's label is its subject, its verb group (auxiliaries, negation, particle) and its object
or complement, each a whole phrase of the parse: "NATO chief Mark Rutte arrived in Kyiv",
"Russia launched 32 ballistic missiles". What would make it a sentence rather than a headline
is left out: relative and adverbial clauses, coordinated clauses, appositions, and the time
expressions (the chart and the log say the time beside the label). A subject that is a
pronoun takes the name it stands for (`resolve`), or the label goes without a subject. A
noun's label is its noun phrase ("Trilateral peace negotiations in Abu Dhabi"), without a
leading article. A label longer than `max_chars` sheds its last phrases, whole, until it fits;
it never ends on a preposition, an article, a conjunction or an auxiliary, and never starts
with a clock stamp or a dateline.

Participants: the subject (resolved), the object, and the names (proper nouns) in the event's
arguments, as the text writes them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from . import Parse
from .participants import names, participants
from .trim import (short_phrase as _short, name_part as _name_part, dated_noun, change_target, gerund_complements,
                   marked_apposition, paired, particles, second_subjects, shed as shed_phrase,
                   held_opener, reported_future, wh_on_time, whole_words,
                   adjacent_place, that_clauses, light_object, split_object, unmarked_apposition)
from .misparse import (QUOTES, SEPARATORS, before_aside, names_opening, possessed, quoted, run_on, run_on_span, time_residue,
                       run_on_clause, stray_object, whole_phrase, from_name, stranded as stranded_subject)
from .tree import (AUXILIARIES, NEGATIONS, OBJECTS, OBLIQUES, SUBJECTS, Resolver, attribution, children, subtree,  # noqa: F401
                   token_at, words)  # (token_at: what callers find the trigger's token with)
from .lint import STAMP_RE, lint  # noqa: F401  (lint: what the labels are checked with)
from .subjects import PRONOUNS, clause_subject, conjoined_thing, prepositional_conjunct, reporting as _reporting, speaker, subject_of
from .fronted import fronted_participle, present, qualifying_participle
from .owners import named, owners, spelled

MAX_CHARS = 80
_PREMODIFIERS = frozenset({"compound", "amod", "nummod"})
# dependents that make a phrase a sentence: never inside a label
CLAUSAL = frozenset({"acl:relcl", "advcl", "parataxis", "conj", "cc", "punct", "appos", "dep", "discourse",
                     "vocative", "reparandum", "list", "orphan", "mark", "dislocated", "cc:preconj"})
# the dependents that can be a time phrase the label leaves to the date beside it ("on Tuesday")
TIME_PHRASES = frozenset({"obl", "obl:tmod", "obl:npmod", "obl:unmarked", "advmod", "nmod", "nmod:tmod",
                          "nmod:npmod", "nmod:unmarked", "advcl"})
END_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PART", "AUX", "PUNCT", "PRON"})
END_WORDS = frozenset("a an the of in on at to for by with from into as than and or but that which who whom "
                      "is was were are be been being has have had will would could should may might must can "
                      "its their his her our your my".split())


@dataclass(frozen=True, slots=True)
class Clause:
    label: str
    participants: tuple[str, ...]


def _ends(parse: Parse, idxs: list[int]) -> list[int]:
    """Without a function word or punctuation at either end."""
    def weak_end(i: int) -> bool:
        t = parse.tokens[i]
        return (t.upos in END_POS and t.text.lower() not in NEGATIONS) or t.text.lower() in END_WORDS

    while idxs and (weak_end(idxs[-1]) or len(idxs) > 1 and parse.tokens[idxs[-1]].text.lower() in {"least", "most"}
                    and parse.tokens[idxs[-2]].text.lower() == "at"):  # ("closed until at least | Thursday")
        idxs = idxs[:-1]
    while idxs and (parse.tokens[idxs[0]].upos in {"PUNCT", "CCONJ", "SCONJ", "ADP"} or parse.tokens[idxs[0]].tag == "WRB"
                    or parse.tokens[idxs[0]].dep == "case"  # ("such as | the recent India oil deal")
                    or parse.tokens[idxs[0]].text.lower() in {"a", "an", "the", "which", "who", "whom", "that"}) \
            and not held_opener(parse, idxs):  # ("At | least 122 people", "A | number have died")
        idxs = idxs[1:]
    return idxs


def clause(parse: Parse, i: int, text: str, exclude: Sequence[tuple[int, int]] = (),
           resolve: Resolver | None = None, max_chars: int = MAX_CHARS, widen: bool = True) -> Clause | None:
    """The label and participants of the event at token `i` (None when the parse gives no
    phrase a reader could use: a label of one word that is not a noun phrase)."""
    kids = children(parse)
    toks = parse.tokens

    def in_time(k: int) -> bool:  # a token inside a time expression ("on Tuesday")
        t = toks[k]
        return any(a <= t.start < b for a, b in exclude)

    def glued(k: int) -> bool:  # a hyphen inside a word ("Secretary-General", "high-rise")
        return (toks[k].upos == "PUNCT" and 0 < k < len(toks) - 1 and toks[k - 1].end == toks[k].start
                and toks[k].end == toks[k + 1].start)

    def timed(k: int) -> bool:
        """A dependent that is a time phrase and nothing more ("on Tuesday", "overnight"): the
        label leaves it to the date beside it. ("the winter months" is not: it stays whole.) So
        is one whose head word is in a time expression, with what the parse hung on it after
        the time ("on 25 | June aged 50"; not "an obscene nightmare | five days after 9/11", nor
        a prepositional phrase: "on Monday | of a possible pandemic"), a word that places the time ("late | on Tuesday"), and a time noun that
        a clause the label leaves out says which ("on the day | he died"): rules/en/labels.toml [clause]."""
        if time_residue(parse, kids, k, in_time):
            return True
        if toks[k].dep not in TIME_PHRASES:  # ("the overnight bombardment": part of the noun's phrase)
            return False
        h = toks[k].head  # a date the parse hung on a number that premodifies a noun ("the March | 7
        if k < h and in_time(h) and toks[h].dep in _PREMODIFIERS and h < toks[h].head \
                and toks[toks[h].head].upos == "NOUN":  # document"): part of the noun's phrase, whole
            return False
        span = subtree(kids, parse, k, lambda c: True)
        if in_time(k) and all(in_time(j) or toks[j].dep in {"case", "det", "punct"} for j in span if j < k) \
                and not any(toks[j].upos == "ADP" and not in_time(j) for j in span if j > k):
            return True  # (not a phrase the parse hung on it: "on Monday | of a possible pandemic")
        words_ = [j for j in span if toks[j].dep not in {"case", "det", "punct", "advmod"} or j == k]
        return bool(words_) and all(in_time(j) for j in words_)

    def named(k: int) -> bool:  # a short apposition that is a name ("the capital Kyiv")
        span = subtree(kids, parse, k, lambda c: True)
        return toks[k].dep == "appos" and len(span) <= 3 and all(toks[j].upos == "PROPN" for j in span)

    def marks(k: int) -> bool:  # "determine if ...", "the cost of refusing": the word that opens a phrase kept
        return toks[k].dep == "mark" and toks[k].head != i

    def keep(k: int) -> bool:
        return (toks[k].dep not in CLAUSAL or glued(k) or named(k) or marks(k) or paired(parse, kids, k)
                 or marked_apposition(parse, kids, k)) and not timed(k) and not unmarked_apposition(parse, kids, k)

    def phrase(k: int) -> list[int]:
        return subtree(kids, parse, k, keep)

    def listed(k: int) -> bool:  # a noun coordinated with a noun, its "and" and commas ("Jones and McKay")
        def nominal_(j: int) -> bool:
            return toks[j].upos in {"NOUN", "PROPN"}

        t = toks[k]
        if t.dep == "conj":  # (with "and" or "or" on it or a later one: not an apposition the parse coordinated)
            return nominal_(k) and nominal_(t.head) and any(
                toks[c].dep == "cc" for j in kids[t.head] if j >= k and toks[j].dep == "conj" for c in kids[j])
        return t.dep in {"cc", "punct"} and toks[t.head].dep == "conj" and t.head > k and nominal_(t.head) \
            and nominal_(toks[t.head].head) and (t.dep == "cc" or t.text == ",")

    def subject_phrase(k: int) -> list[int]:  # (its coordinated nouns stay: "Jones and McKay were awarded")
        return subtree(kids, parse, k, lambda c: keep(c) or (listed(c) and not timed(c)))

    if widen and (fronted := fronted_participle(parse, kids, i)) is not None:
        # "Citing his objections, he said ...": "Mr Solomou cites his objections"
        found = _fronted(parse, kids, fronted, text, exclude, resolve, max_chars, keep)
        if found is not None:
            return found
    if widen and (noun := qualifying_participle(parse, kids, i)) is not None:
        # "Kidnapped Guardian journalist Rory Carroll is freed": "Guardian journalist Rory Carroll kidnapped"
        said = [j for j in _ends(parse, [j for j in subtree(kids, parse, noun, keep) if j != i]) if j > i]
        label = f"{words(parse, said, text)} {toks[i].text.lower()}"
        label = label[:1].upper() + label[1:]
        if said and len(label) <= max_chars and not lint(label):
            return Clause(label, tuple(names(parse, said, text)) or (words(parse, said, text),))
    head = toks[i]
    # a word with a subject of its own is a verb, whatever its tag ("the earthquake struck", struck
    # tagged a noun); else the tagger and the morphologizer may disagree ("visit" NN but VERB):
    # a noun's tag and place decide
    has_subject = any(toks[k].dep in SUBJECTS for k in kids[i])
    nominal = not has_subject and (head.upos in {"NOUN", "PROPN"}
                                   or (head.tag.startswith("NN") and head.dep not in PREDICATES))
    if not nominal and (head.dep not in PREDICATES or not (has_subject or head.upos in {"VERB", "AUX", "ADJ"})):
        # a verb the parse has made a modifier ("the assault utilized ..." as amod): not to be trusted,
        # unless it qualifies the noun a copula predicates of a subject: that clause is its label
        pred = _copular_predicate(parse, kids, i) if widen else None
        return None if pred is None else clause(parse, pred, text, exclude, resolve, max_chars, widen=False)
    # The label's phrases: `fixed` never goes; when it is too long, `optional` phrases go first,
    # last first, each shedding its own last dependents before it goes whole; then `trimmed`
    # phrases shed their dependents, last first, but stay.
    fixed: list[int]
    trimmed: list[list[int]] = []
    optional: list[list[int]] = []
    late_starts: set[int] = set()  # (the first words of the clauses among `optional`)
    subject: str | None = None
    who: str | None = None  # the subject as a participant, where the label's says more ("New kind | of flu")
    prefix: str | None = None  # a possessive pronoun's name ("Jackson's"), before the subject it stood in
    subj = None
    stranded: list[int] | None = None  # (a subject the parse hung on the phrase before the verb)
    if nominal:
        # before the noun what qualifies it (no article); after it, its own name parts and
        # adjectives, then its prepositional phrases ("of the capital", "in Abu Dhabi"); not a
        # verb a parse made its modifier ("the assault utilized ...")
        fixed = [i]
        for k in kids[i]:
            if not keep(k) or (toks[k].dep == "det" and toks[k].text.lower() in {"a", "an", "the"}):
                continue
            if (k < i and toks[k].dep in NOUN_PHRASE) or toks[k].dep in {"compound", "flat", "fixed", "nummod"} or (
                    toks[k].dep == "amod" and toks[k].upos == "ADJ"):
                fixed += phrase(k)
        # (a word before the noun with a comma between them is another item of a list, not the noun's:
        # "an arrogant West, shabby dictators, | naive protests"; not the phrase of one right before
        # it: "The facility, vital for ..., | sustained significant structural damage")

        def _premodifier(j: int) -> int:  # the noun's own dependent whose phrase j is in
            while toks[j].head != i and toks[j].head != j:
                j = toks[j].head
            return j

        fixed = [j for j in fixed if j >= i or not any(toks[m].text in SEPARATORS and m not in fixed
                                                      for m in range(_premodifier(j), i))]
        optional = [phrase(k) for k in kids[i] if k > i and keep(k) and k not in fixed and (toks[k].dep.startswith("nmod") or (
            toks[k].dep == "acl" and any(toks[c].dep == "mark" and (toks[c].tag == "IN" or toks[c].text.lower() == "to")
                                         and c < k for c in kids[k])))]  # ("failure | to focus on al-Qaida")
        # (and the gerund a preposition opens, which says what the noun is of: "threat | of being prosecuted")
        optional += [phrase(k) for k in adjacent_place(parse, kids, i) if keep(k)]  # ("attacks | in London")
    else:
        subj = subject_of(parse, kids, i)
        # (a second noun of a phrase a preposition opens is no subject: "Passengers arriving from
        # Mexico and | the US | are being scanned": the passengers, with the whole phrase)
        conjunct = prepositional_conjunct(parse, kids, i, subj)
        if conjunct is not None:
            subj = conjunct[0]
        fixed = [k for k in kids[i] if (toks[k].dep in AUXILIARIES or toks[k].text.lower() in NEGATIONS)
                 and not in_time(k)] + [i] + particles(parse, kids, i) + change_target(parse, kids, i, in_time)
        copular = head.upos in {"NOUN", "PROPN", "NUM"} and any(toks[k].dep == "cop" for k in kids[i])
        if copular:  # a noun a copula predicates keeps its phrase: "was | a major | blow", "were one | of the ... events"
            fixed += [j for k in kids[i] if k < i and toks[k].dep in NOUN_PHRASE - {"punct"} and keep(k)
                      and not in_time(k) for j in phrase(k)]
        if head.dep == "xcomp" and head.head != i:  # "began to withdraw": the verb it completes, and "to"
            h = head.head
            fixed += [h] + [k for k in kids[h] if toks[k].dep in AUXILIARIES or toks[k].text.lower() in NEGATIONS]
            fixed += [k for k in kids[i] if toks[k].dep == "mark" and toks[k].text.lower() == "to"]
        elif head.dep.startswith("csubj") and subj is not None and subj < head.head < i:
            # "Jackson is due to be inducted" (the infinitive parsed as the subject of "due"):
            # headline-like with its "to", "Jackson to be inducted"
            fixed += [k for k in kids[i] if toks[k].dep == "mark" and toks[k].text.lower() == "to"]
        stranded = stranded_subject(parse, kids, i) if subj is None else None
        if subj is not None and subj < run_on_span(parse, i, text)[0]:
            # the parse took its subject from the headline a page ran into the sentence ("Michael
            # Jackson concert: La Toya to perform in Cardiff | Ms Jackson attended"): the names
            # that open its own sentence, right before its verb group, are
            subj, stranded = None, names_opening(parse, kids, i, text)
        if stranded:  # "In the UK Jackson scored ...": the name the parse hung on the phrase before
            subject = words(parse, stranded, text)
        if subj is not None:
            if toks[subj].upos == "PRON" or toks[subj].text.lower() in PRONOUNS:
                said_by = speaker(parse, kids, i, subj)  # "Police said they had carried out ...": police
                if said_by is not None:  # (its noun phrase, no clause: "Mexico's assembly for export factories")
                    noun = subtree(kids, parse, said_by, lambda c: keep(c) and not toks[c].dep.startswith("acl"))
                    subject = words(parse, _ends(parse, from_name(parse, noun)), text)
                    if len(subject) > MAX_CHARS // 2:
                        subject = words(parse, _ends(parse, _name_part(parse, phrase(said_by), said_by)), text)
                    if toks[subj].text.lower() in {"we", "i"}:  # the saying is the news: "Duarte says we will rebuild ..."
                        subject = f"{subject} says {'I' if toks[subj].text.lower() == 'i' else 'we'}"
                else:
                    subject = resolve(parse, subj) if resolve is not None else None
                    if subject is None and (thing := conjoined_thing(parse, subj)) is not None:  # ("... and it hadn't")
                        subject = words(parse, _ends(parse, _short(parse, phrase(thing), thing)), text)
                if subject is None and copular and not any(  # "It | 's the worst earthquake": the noun phrase alone
                        toks[k].dep.startswith("aux") or toks[k].text.lower() in NEGATIONS for k in kids[i]):
                    # (not "It is not a crisis", "It will be a long war": the copula says more)
                    fixed = [k for k in fixed if k > i or not (toks[k].dep in AUXILIARIES
                                                               or toks[k].dep == "det" and toks[k].text.lower() in {"a", "an", "the"})]
            elif subj > i or toks[i].dep in {"acl", "acl:relcl"}:  # (a subject shared with the verb it depends on)
                of_ = _of_phrase(parse, kids, subj, i, phrase)
                # (not a fronted phrase the parse hung on the noun: "In March | the company filed")
                fronted = {j for c in kids[subj] if c < subj and toks[c].dep == "obl" for j in subtree(kids, parse, c, lambda x: True)}
                own = [j for j in phrase(subj) if j not in fronted]
                for with_of in ((False, True) if of_ else (False,)):  # (who takes part: the noun; the label: with its of-phrase)
                    part = _ends(parse, whole_words(parse, _name_part(parse, own, subj) + (of_ if with_of else [])))
                    owner = _owner(parse, part, resolve)  # "his doctor called for help": Jackson's doctor
                    subject = " ".join(x for x in (owner, words(parse, part[1:] if owner else part, text)) if x) or None
                    who = subject if not with_of else who
            elif conjunct is not None:
                trimmed.append(conjunct[1])
            else:
                trimmed.append(possessed(parse, subject_phrase(subj), i))
                owner = _owner(parse, trimmed[-1], resolve)  # "his songs topped ...": Jackson's songs
                if owner:
                    trimmed[-1] = trimmed[-1][1:]
                    prefix = owner
        obliques = [k for k in kids[i] if k > i and (toks[k].dep in OBLIQUES or copular and toks[k].dep == "nmod") and keep(k)
                    and not attribution(parse, kids, k) and not _aside(parse, kids, k) and not run_on(parse, kids, k)
                    and not clause_subject(parse, kids, k)][:2]  # (not "as his verdict | was confirmed")
        obliques += gerund_complements(parse, kids, i)[:2 - len(obliques)]
        # a clause the verb takes after an oblique ("came to the doorstep of King's College |
        # ... that its department has been researching") goes before the oblique does
        late = [k for k in kids[i] if k > i and toks[k].dep == "ccomp" and keep(k)
                and any(o < k for o in obliques) and head.lemma.lower() not in _reporting()]
        trimmed += [phrase(k) for k in kids[i] if k > i and toks[k].dep in OBJECTS and keep(k) and k not in late
                    and not _later_that(parse, kids, i, k)
                    and not run_on(parse, kids, k) and not run_on_clause(parse, kids, i, k, _reporting())]
        trimmed = [split_object(parse, kids, p, keep) for p in trimmed]  # ("a request to bar | Dr Jones ...")
        trimmed += [phrase(k) for k in that_clauses(parse, kids, i, _reporting())]  # ("suggested | that ...")
        trimmed += [subtree(kids, parse, k, lambda c, k=k: keep(c) or toks[c].dep == "acl:relcl" and toks[c].head == k)
                    for k in wh_on_time(parse, kids, i, in_time) + second_subjects(parse, kids, i)]
        optional = [phrase(k) for k in sorted(obliques + late)]
        late_starts = {phrase(k)[0] for k in late}

    lo, hi = run_on_span(parse, i, text)
    future = reported_future(parse, kids, i, _reporting())

    def label_of() -> str:
        idxs = whole_phrase(parse, sorted(j for j in set(fixed) | {j for p in trimmed + optional for j in p} if lo <= j < hi),
                      i, in_time)
        idxs = before_aside(parse, idxs, i)
        idxs = whole_words(parse, idxs + stray_object(parse, idxs, i, hi, in_time))
        # (a phrase made whole stays in its sentence: "Swine flu found on China mainland | People in
        # China are taking ...", where the parse made the run-on sentence's subject the head)
        idxs = [j for j in idxs if lo <= j < hi] or idxs
        while len(idxs) > 1 and idxs[-1] != i and in_time(idxs[-1]) and toks[idxs[-1]].dep not in {"obj", "iobj"} \
                and toks[toks[idxs[-1]].head].dep not in {"obj", "iobj"}:
            # a date phrase the parse made part of another ends no label ("collapsed last |
            # Thursday"); an object stays ("Fans marked one year")
            idxs = idxs[:-1]
        # (a name for "his": "interviewed Jackson's physician"; not where the subject is a name, whose
        # own it may be: "Ms Jackson attended the trial of her late brother's doctor")
        owned = {} if prefix or stranded or subj is not None and (toks[subj].upos == "PROPN" or toks[subj].text.lower()
                                                                  in {"he", "she"}) else owners(parse, idxs, resolve)
        said = _compose(parse, idxs, text, subject or prefix, owned)  # (with "to" for a reported "would": "X to defy ...")
        if future not in idxs or said.count("would") != 1:
            return said
        # (not after a phrase "for" opens, where "to" makes a clause of purpose: "Mexico's assembly
        # for export factories | to defy": "will defy")
        return re.sub(r"\bwould\b", "will" if _FOR_BEFORE.search(said) else "to", said, count=1)

    def shed(phrase_: list[int], optional_: bool = False) -> list[int] | None:  # (trim.shed: its last dependent that may go)
        return shed_phrase(parse, kids, phrase_, i, quotations, optional_)

    marks_ = [k for k, t in enumerate(toks) if t.text in QUOTES and t.text not in {"'", "‘", "’"}]
    quotations = list(zip(marks_[::2], marks_[1::2]))  # (the spans between quotation marks)

    label = label_of()
    while len(label) > max_chars:
        if optional:
            smaller = None if optional[-1][0] in late_starts else shed(optional[-1], True)  # (a clause goes whole)
            if smaller is None:
                optional.pop()
            else:
                optional[-1] = smaller
        else:
            # the last phrase that can shed, unless that leaves it a bare noun while another can
            # ("takes | the number": the subject's "from 12 Mechanised Brigade" goes first)
            sheds = [(k, smaller) for k in range(len(trimmed) - 1, -1, -1) if (smaller := shed(trimmed[k])) is not None]
            if not sheds:
                return None
            k, smaller = next(((k, x) for k, x in sheds if sum(toks[j].upos != "DET" for j in x) > 1), sheds[0])
            trimmed[k] = smaller
        label = label_of()
    if not nominal and head.lemma.lower() in _reporting():
        said = quoted(parse, kids, i, text)  # the saying is the event: what was said goes with it
        if said and len(label) + len(said) + 4 <= max_chars:
            label = f'{label}: "{said}"'
    if exclude and len(label.split()) < 3:  # "Bombings", "Popstar died": with its time phrase, a headline
        timed_label = clause(parse, i, text, (), resolve, max_chars, widen=False)
        if timed_label is not None and len(timed_label.label.split()) >= 3 \
                and not any(p.startswith("subjectless") for p in lint(timed_label.label)):
            return timed_label  # (not a verb that lost its subject: "Watched on Monday")
        if nominal and (when := dated_noun(parse, i, text, exclude)):  # ("General election | on May 5")
            label = f"{label} {when}"
    light = nominal and light_object(parse, i)  # ("hold | talks", "earn | praise from residents")
    if widen and nominal and head.head != i and (
            len(label.split()) < 3 and (head.dep.startswith(("nmod", "obl")) or light)
            or light and any(p.startswith("nominal") for p in lint(label))):
        # a bare noun ("Attack", "Foul play") is no headline: the phrase it is part of is ("No
        # evidence of foul play after an autopsy", "Convoy came under attack ..."); nor is the
        # object of a verb that only says it took place when it names no happening ("Praise from
        # residents": "Insurgents earn praise from residents"); not a verb that has it for subject
        # or object, a claim of its own ("police presume the bombings", "negotiations remain stalled ...")
        wider = clause(parse, head.head, text, exclude, resolve, max_chars)
        if wider is not None and label.lower() in wider.label.lower() and len(wider.label.split()) >= 3 \
                and not any(p.startswith(("subjectless", "pronoun")) for p in lint(wider.label)):
            label = wider.label
    if not label or (" " not in label and not nominal):
        return None
    if stranded:  # (its names one by one: "Herbert 'H' Jones", "Ian McKay")
        found = participants(parse, kids, i, text, None, keep, subj, in_time, resolve)
        return Clause(label, tuple(dict.fromkeys(names(parse, stranded, text) + list(found))))
    return Clause(label, participants(parse, kids, i, text, who or subject, keep, subj, in_time, resolve))


PREDICATES = frozenset({"root", "ccomp", "xcomp", "advcl", "advcl:relcl", "conj", "parataxis", "acl", "acl:relcl",
                        "csubj", "csubj:pass"})


DASHES = frozenset({"-", "–", "—", "--"})


def _fronted(parse: Parse, kids: list[list[int]], fronted: tuple[int, int], text: str,
             exclude: Sequence[tuple[int, int]], resolve: Resolver | None, max_chars: int, keep) -> Clause | None:  # type: ignore[no-untyped-def]
    """The label of a participle's clause that opens its sentence (`fronted.fronted_participle`):
    the sentence's subject (a pronoun's name), the verb in the present, what the participle's
    own label says after it; None when any of these is missing or the label is no headline."""
    v, s = fronted
    toks = parse.tokens
    inner = clause(parse, v, text, exclude, resolve, max_chars - 25, widen=False)
    verb = present(parse, v, s)
    if inner is None or verb is None or inner.label.split()[0].lower() != toks[v].text.lower():
        return None
    if toks[s].upos == "PRON" or toks[s].text.lower() in PRONOUNS:
        subject = resolve(parse, s) if resolve is not None else None
    else:
        subject = words(parse, _ends(parse, whole_words(parse, _name_part(parse, subtree(kids, parse, s, keep), s))), text)
    if not subject:
        return None
    if f" {subject.split()[-1]}'s " in f" {inner.label} ":  # (his own: "Karimov cites his objections")
        inner = clause(parse, v, text, exclude, None, max_chars - 25, widen=False) or inner
    label = " ".join([subject, verb] + inner.label.split()[1:])
    label = label[:1].upper() + label[1:]
    if len(label) > max_chars or lint(label):
        return None
    return Clause(label, tuple(dict.fromkeys((subject,) + inner.participants)))


def _copular_predicate(parse: Parse, kids: list[list[int]], i: int) -> int | None:
    """The head of the copular clause whose predicate noun the participle at i qualifies, itself
    or the noun it is one of ("the bombings were one of the most heavily trailed events": one;
    "the vote was a hotly disputed affair": affair), when that clause has a subject: the
    participle says what the subject was; else None (not a noun of its own: "the trapped miners")."""
    toks = parse.tokens
    if toks[i].dep != "amod" or not (toks[i].tag in {"VBN", "VBG"} or toks[i].upos == "VERB"):
        return None
    n = toks[i].head
    for _ in range(2):
        if any(toks[k].dep == "cop" for k in kids[n]) and any(toks[k].dep in SUBJECTS for k in kids[n]):
            return n
        if toks[n].dep != "nmod" or toks[n].head == n:
            return None
        n = toks[n].head
    return None


def _aside(parse: Parse, kids: list[list[int]], k: int) -> bool:
    """A phrase set off by a dash, or with one before its head ("... last week - one variant of
    modern warfare"): an aside, whatever the parse attached it to."""
    toks = parse.tokens
    span = subtree(kids, parse, k, lambda c: True)

    def spaced(j: int) -> bool:  # (not the hyphen of "five-vehicle")
        return toks[j].text in DASHES and not (0 < j < len(toks) - 1 and toks[j - 1].end == toks[j].start
                                              and toks[j].end == toks[j + 1].start)

    return any(spaced(j) for j in range(max(span[0] - 1, 0), k))  # (before its head: "the city - the capital -" is not)


_FOR_BEFORE = re.compile(r"\bfor(?:\s+[\w'’-]+){1,4}\s+would\b", re.IGNORECASE)


def _later_that(parse: Parse, kids: list[list[int]], i: int, k: int) -> bool:
    """Whether the clause at k is a second one "that" opens after another of the verb at i: the
    first clause's, which the parse hung on the verb ("emerged | that the government was warned
    | that the conflict could provoke ..."); it goes with that clause's end."""
    toks = parse.tokens

    def that(j: int) -> bool:
        return toks[j].dep == "ccomp" and any(toks[m].dep == "mark" and toks[m].text.lower() == "that" for m in kids[j])

    return that(k) and any(i < j < k and that(j) for j in kids[i])


def _of_phrase(parse: Parse, kids: list[list[int]], noun: int, i: int, phrase) -> list[int]:  # type: ignore[no-untyped-def]
    """The "of" phrase between the noun a relative clause qualifies and the clause's verb at i,
    which says what the noun is ("a new kind | of flu | that has killed": "New kind of flu has
    killed", not "New kind has killed"); empty when the verb is no relative clause's whose
    subject is "that" or "which"."""
    toks = parse.tokens
    if toks[i].dep != "acl:relcl" or toks[i].head != noun or not any(
            toks[k].text.lower() in {"that", "which"} and toks[k].dep in SUBJECTS for k in kids[i]):
        return []  # (a "who" is a person's: "The timing of the visit ..., including Macron — who announced": not the timing's)
    return [j for k in kids[noun] if noun < k < i and toks[k].dep == "nmod"
            and any(toks[c].dep == "case" and toks[c].text.lower() == "of" for c in kids[k]) for j in phrase(k)]


def _owner(parse: Parse, phrase_: list[int], resolve: Resolver | None) -> str | None:
    """The name a possessive pronoun that opens a phrase stands for, as a possessive ("his songs":
    "Jackson's"), else None."""
    if not phrase_ or resolve is None:
        return None
    poss = parse.tokens[phrase_[0]]
    if poss.dep != "nmod:poss" or poss.upos != "PRON":
        return None
    name = resolve(parse, phrase_[0])
    return f"{name}'s" if name else None


# what stands before a noun inside its phrase (not a clause's subject or an adverbial the parse hung on it)
NOUN_PHRASE = frozenset({"amod", "compound", "nummod", "nmod:poss", "flat", "fixed", "det", "advmod", "nmod:desc",
                         "case", "punct"})

def _compose(parse: Parse, idxs: list[int], text: str, subject: str | None, owned: dict[int, str] | None = None) -> str:
    idxs = _ends(parse, idxs)
    if not subject:  # no subject ("We are still counting the damage"): the label opens with its verb
        while len(idxs) > 1 and parse.tokens[idxs[0]].upos == "AUX" and parse.tokens[idxs[0]].dep.startswith("aux") \
                and parse.tokens[idxs[1]].text.lower() not in {"n't", "n’t"}:  # ("hadn't changed": not "N't changed")
            idxs = idxs[1:]

    def body_of(owned_: dict[int, str]) -> str:
        body = STAMP_RE.sub("", spelled(parse, idxs, text, owned_) if owned_ else words(parse, idxs, text)).strip(" ,;:-–—")
        return f"{subject} {body}" if subject else body

    body = body_of({})
    if owned and (owned := named(body, {j: n for j, n in owned.items() if j in idxs[1:]})):
        body = body_of(owned)
    return body[:1].upper() + body[1:]
