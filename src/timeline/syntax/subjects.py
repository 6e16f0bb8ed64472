"""Whose a verb's clause is: the subject a label names for a verb, its own or the one it shares
or the parse misplaced (`subject_of`), and who a pronoun subject of a reported clause stands for
(`speaker`) (pure; split from `clauses`, which builds the label around them)."""
from __future__ import annotations

from functools import cache

from . import Parse
from ..rules import load_toml
from .misparse import agreeing_subject, antecedent, participle_noun, plural_collectives, reduced_relative_subject, \
    subject_before_saying
from .coref import opening_plural
from .tree import AUXILIARIES, NEGATIONS, SUBJECTS, subtree

RELATIVES = frozenset({"who", "which", "that"})
PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "who", "which"})


@cache
def _subordinators() -> frozenset[str]:
    return frozenset(load_toml("labels.toml")["cut"]["subordinators"])


@cache
def _clause_prepositions() -> frozenset[str]:
    return frozenset(load_toml("labels.toml")["clause"]["clause_prepositions"])


@cache
def reporting() -> frozenset[str]:
    """Verbs whose clause is what they report ("said in a statement that ..."): it stays."""
    return frozenset(w.lower() for w in load_toml("events.toml")["reporting"])


def subject_of(parse: Parse, kids: list[list[int]], i: int) -> int | None:
    """The subject of the verb at i: its own, else, for a verb that shares one ("The strikes
    left ... and cut power", "began to withdraw"), that of the verb it is coordinated with or
    completes; for a reduced relative ("the company requested"), the noun it modifies."""
    toks = parse.tokens
    seen = set()
    while i not in seen:
        seen.add(i)
        # (not a phrase a preposition opens, which a parse may take for a subject: "..., on
        # Thursday the UK started": of two subjects the other; of one, the name it set beside it;
        # of two unopened, the one next to the verb: "In January, the month of the vote, turnout
        # fell": turnout, the month an apposition the parse took for a second subject)
        owns = [k for k in kids[i] if toks[k].dep in SUBJECTS]
        fit = [k for k in owns if not _opened(parse, kids, k)]
        own = (max((k for k in fit if k < i), default=fit[0]) if fit else owns[0]) if len(owns) > 1 \
            else (owns[0] if owns else None)
        if own is not None and _opened(parse, kids, own):
            own = next((c for c in kids[own] if c > own and toks[c].dep == "appos" and c < i), own)
        if own is not None and toks[i].dep == "acl:relcl" and toks[own].text.lower() in RELATIVES \
                and toks[toks[i].head].upos in {"NOUN", "PROPN"}:
            # "a Mexican man who had traveled": the man (not a noun with a subject of its own, a
            # predicate the parse hung the clause on: "the driver was at the head ... that came")
            if any(toks[k].dep in SUBJECTS for k in kids[toks[i].head]):
                return antecedent(parse, kids, own, toks[i].head)
            if toks[own].text.lower() == "which" and person_noun(toks[toks[i].head]):
                return None  # "a show to his brother Michael, which had been scheduled": not the brother
            return toks[i].head
        if own is not None and toks[own].dep.startswith("nsubj") and toks[own].upos in {"NOUN", "PROPN", "PRON"} \
                and any(toks[k].dep in SUBJECTS or toks[k].dep == "cop" for k in kids[own]):
            return None  # a clause of its own the parse took for the subject ("They were actions ... | were awarded")
        if own is not None:  # (unless a heading run into the sentence gave it: "... in Haiti | Relief efforts have")
            return agreeing_subject(parse, kids, own, i) or own
        stolen = _participle_subject(parse, kids, i)
        if stolen is not None:
            return stolen
        if (before := _noun_before(parse, kids, i)) is not None and any(
                toks[c].dep == "case" and toks[c].text.lower() in _subordinators() for c in kids[before]):
            return before  # a word that opens a clause read as a preposition ("since | the virus was found")
        if toks[i].dep == "conj" and (before := _noun_before(parse, kids, i)) is not None \
                and not any(toks[c].dep == "case" for c in kids[before]):  # (not "victims | of Haiti's earthquake")
            return before  # (a misparse: "... after a swine flu virus was implicated", not the WHO)
        if (reduced := reduced_relative_subject(parse, kids, i)) is not None:
            return reduced  # "Thermal cameras set up at the airport | detected ...": the cameras
        if toks[i].dep in {"conj", "xcomp"} and toks[i].head != i:
            i = toks[i].head
            continue
        if toks[i].dep.startswith("csubj") and toks[i].head < i and any(
                toks[k].dep == "mark" and toks[k].tag == "TO" for k in kids[i]):
            i = toks[i].head  # "Jackson is due | to be inducted" (parsed as the subject of "due"):
            continue  # an infinitive after its predicate completes it, and takes its subject
        if toks[i].dep in {"acl", "acl:relcl"} and toks[toks[i].head].upos in {"NOUN", "PROPN"} \
                and not any(toks[k].dep == "mark" and (toks[k].text.lower() == "to" or toks[k].tag == "IN")
                            for k in kids[i]):
            # (not "efforts to resolve", "a plan to withdraw"; nor a gerund a preposition opens: "the
            # threat of | being prosecuted" is no threat's being prosecuted)
            return participle_noun(parse, kids, i)
        return None
    return None


def _participle_subject(parse: Parse, kids: list[list[int]], i: int) -> int | None:
    """The subject a participle before the verb took from it: "The death of a soldier, announced
    today, takes the number ... to 87" (the parse made the death the subject of "announced",
    a clause of "takes" with no word opening it): the death takes. Not a clause that a word
    opens ("When the police arrived, ..."), whose subject is its own, nor a clause with its own
    auxiliaries ("More than 100 people, including many Mexicans, have been quarantined since
    the virus was found": not a participle)."""
    toks = parse.tokens
    for k in kids[i]:
        if k < i and toks[k].dep == "advcl" and not any(toks[m].dep in {"mark", "aux", "aux:pass"} for m in kids[k]):
            subj = next((m for m in kids[k] if m < k and toks[m].dep in SUBJECTS), None)
            # (set off by a comma: "The death ..., announced today," not "Prices rose sharply")
            if subj is not None and any(toks[j].text == "," for j in range(subj + 1, k)):
                return subj
    return None


QUOTE_MARKS = frozenset({'"', "”", "“", "''", "``", "’", "'"})


def speaker(parse: Parse, kids: list[list[int]], i: int, pronoun: int) -> int | None:
    """Who the pronoun subject of a reported clause stands for: the subject of the verb that
    reports it ("Police said they had carried out ...", "The agency said it would ..."), a noun
    that agrees with it ("they" a plural, "it" a singular, "he" or "she" a name). Not a clause
    of time or reason ("... with Jackson after he collapsed": either may have). A "we" or "I"
    stands for no one else: the caller says the speaker says it."""
    toks = parse.tokens
    word = toks[pronoun].text.lower()
    if word in {"we", "i"} and toks[i].head == i:  # a quotation and its attribution, parsed as two roots
        said = next((k for k in range(i + 1, len(toks)) if toks[k].head == k and toks[k].lemma.lower() in reporting()), None)
        if said is not None and any(toks[k].text in QUOTE_MARKS for k in range(i, said)):
            g = next((k for k in kids[said] if toks[k].dep in SUBJECTS), None)
            return g if g is not None and toks[g].upos in {"NOUN", "PROPN"} else None
    if toks[i].head == i or word not in {"they", "it", "he", "she", "we", "i"} or not (toks[i].dep == "ccomp" or (
            toks[i].dep == "acl:relcl" and toks[toks[i].head].lemma.lower() in reporting())):
        return None  # (a clause the parse hung on the saying as a relative: "say | they have carried out")
    said = toks[i].head
    g = next((k for k in kids[said] if toks[k].dep in SUBJECTS and k < said), None)
    if g is None:  # ("police investigating the death | say": the participle's subject)
        g = subject_before_saying(parse, kids, said)
    if g is None and toks[said].dep in {"parataxis", "conj"} and toks[said].head < said:
        # "Police investigating the death | say they have ...": a parse that made the
        # participle the root and the saying hang on it; the subject is the participle's
        said = toks[said].head
        g = next((k for k in kids[said] if toks[k].dep in SUBJECTS and k < said), None)
    if g is not None and toks[g].dep.startswith("csubj") and toks[g].tag == "VBG":
        # "Police investigating the death said ...", parsed with the gerund as the subject
        g = next((k for k in kids[g] if toks[k].dep in SUBJECTS and k < g), None)
    if g is None or toks[g].upos not in {"NOUN", "PROPN"}:
        return None
    plural = toks[g].tag in {"NNS", "NNPS"} or "Number=Plur" in toks[g].morph \
        or toks[g].text.lower() in plural_collectives() or (g == 0 and opening_plural(toks[g].text))
    if word in {"we", "i"}:  # ("'We will rebuild every house,' President Duarte said": the speaker's own word)
        return g if word == "we" or not plural else None
    if word == "they":
        return g if plural else None
    if word == "it":
        return g if (not plural and toks[g].upos == "NOUN" and not person_noun(toks[g])  # (not "the minister ... it")
                     or toks[g].tag == "NNP" and toks[g].text.isupper()) else None
    return g if toks[g].upos == "PROPN" and not plural else None


def person_noun(t) -> bool:  # type: ignore[no-untyped-def]
    """A noun for a person ("brother", "singer"), which "which" never stands for."""
    from .coref import lexicon

    lex = lexicon()
    return t.upos == "NOUN" and lex["description_kind"].get(t.lemma.lower()) == "person"


def _noun_before(parse: Parse, kids: list[list[int]], i: int) -> int | None:
    """A noun right before the verb group of the coordinated verb at i: its own subject, which
    the parse took for part of the clause before ("... outbreaks after a swine flu virus | was
    implicated", "symptoms and their current condition | is not causing concern"); a verb that
    shares its subject follows a conjunction or a comma instead ("left ... and cut power")."""
    toks = parse.tokens
    first = min([i] + [k for k in kids[i] if k < i and (toks[k].dep in AUXILIARIES or toks[k].text.lower() in NEGATIONS)])
    j = first - 1
    return j if j >= 0 and toks[j].upos in {"NOUN", "PROPN"} else None


_COORDINATORS = frozenset({"and", "or"})


def prepositional_conjunct(parse: Parse, kids: list[list[int]], i: int, subj: int | None) -> tuple[int, list[int]] | None:
    """When the subject the parse gave the verb at i is the second noun of a phrase a
    preposition opens, coordinated with the first ("Passengers arriving from Mexico | and the
    US | are being scanned": the parse made "the US" the subject of a verb coordinated with
    the participle; or with the first noun: "Passengers from Chile, Peru and | the US | were
    screened"), the true subject (the noun the participle or the phrase qualifies, or the
    participle's own subject: "Goods shipped from Spain and Italy were seized") and the words
    of its phrase,
    from its first word to the end of that second noun's; else None."""
    toks = parse.tokens
    h = toks[i].head
    if subj is None or toks[i].dep != "conj" or not h < subj < i or any(toks[k].dep in AUXILIARIES for k in kids[h]) \
            or toks[h].tag not in {"VBN", "VBG"} and toks[h].upos not in {"NOUN", "PROPN"}:
        return None
    first = min(subtree(kids, parse, subj, lambda c: toks[c].dep in {"det", "amod", "compound", "nummod", "flat"}))
    c = first - 1
    if c <= h or toks[c].text.lower() not in _COORDINATORS:
        return None
    j = c - 1
    while toks[j].upos in {"NOUN", "PROPN"} and not any(toks[m].dep == "case" for m in kids[j]) \
            and toks[j].dep in {"compound", "flat", "conj", "nmod:unmarked", "appos"} and toks[j].head < j:
        j = toks[j].head  # (up from "Canada" in "from Mexico, Canada": to the noun the preposition opens)
    if toks[c - 1].upos not in {"NOUN", "PROPN"} or not any(toks[m].dep == "case" and toks[m].upos == "ADP" for m in kids[j]) \
            or not _descends(toks, j, h):
        return None
    if (toks[h].dep == "acl" or h == j) and toks[toks[h].head].upos in {"NOUN", "PROPN"} and toks[h].head < h:
        real = toks[h].head  # (the noun the participle qualifies, or the one the phrase is of: "Passengers from")
    else:
        real = next((k for k in kids[h] if k < h and toks[k].dep in SUBJECTS and toks[k].upos in {"NOUN", "PROPN"}), None)
    if real is None:
        return None
    start = min(subtree(kids, parse, real, lambda c: c < real))
    end = max(subtree(kids, parse, subj, lambda c: c < i and toks[c].dep not in SUBJECTS | AUXILIARIES))
    return real, list(range(start, end + 1))


def _descends(toks, j: int, h: int) -> bool:  # type: ignore[no-untyped-def]
    """Whether token j is in the phrase of token h."""
    seen = set()
    while j != h and j not in seen:
        seen.add(j)
        j = toks[j].head
    return j == h


def clause_subject(parse: Parse, kids: list[list[int]], k: int) -> bool:
    """Whether the oblique at k is the subject of a clause a subordinating word opens, that the
    parse read as a preposition's object ("handcuffed in court | as his guilty verdict | was
    confirmed": the verdict was confirmed, a clause of its own): a noun right before a verb
    group whose verb has no subject of its own."""
    toks = parse.tokens
    if not any(toks[c].dep == "case" and toks[c].text.lower() in _clause_prepositions() for c in kids[k]):
        return False
    end = max(subtree(kids, parse, k, lambda c: True))
    nxt = end + 1
    if nxt >= len(toks) or toks[nxt].upos not in {"AUX", "VERB"}:
        return False
    verb = toks[nxt].head if toks[nxt].dep in AUXILIARIES else nxt
    return verb > end and toks[verb].upos == "VERB" and not any(toks[c].dep in SUBJECTS for c in kids[verb])


def conjoined_thing(parse: Parse, pronoun: int) -> int | None:
    """The thing an "it" right after "and" or "but" stands for: the subject of the clause that
    conjunction joins it to, the last subject before it in the sentence, when that is a noun for
    a thing in the singular ("The plan was sound and | it | worked": the plan); else None (a
    person, a plural, a name: `coref`'s to say)."""
    toks = parse.tokens
    if toks[pronoun].text.lower() != "it" or pronoun < 2 or toks[pronoun - 1].text.lower() not in {"and", "but"}:
        return None
    g = next((k for k in range(pronoun - 2, -1, -1) if toks[k].dep in SUBJECTS), None)
    if g is None or toks[g].upos != "NOUN" or person_noun(toks[g]) or toks[g].tag == "NNS" \
            or "Number=Plur" in toks[g].morph:
        return None
    return g


def _opened(parse: Parse, kids: list[list[int]], k: int) -> bool:
    """Whether a preposition opens the phrase of token k ("on Thursday")."""
    return any(parse.tokens[c].dep == "case" and parse.tokens[c].upos == "ADP" for c in kids[k])
