"""A participle's clause set before the subject of its sentence ("Citing his objections, he said
...", "Speaking in Geneva, the minister said ..."): it has no subject of its own, the sentence's
subject is its subject, and its headline says the verb in the present a headline uses ("Mr
Solomou cites his objections", "Minister speaks in Geneva") (pure)."""
from __future__ import annotations

from functools import cache

from . import Parse
from ..rules import load_toml
from .lint import _regular, lint_words
from .tree import SUBJECTS, subtree

_OWN = frozenset({"mark", "aux", "aux:pass", "cop", "expl"}) | SUBJECTS  # (what a clause of its own has)
_PLURAL_PRONOUNS = frozenset({"they", "we", "you", "i"})


def fronted_participle(parse: Parse, kids: list[list[int]], i: int) -> tuple[int, int] | None:
    """(participle, subject) for the word at i when it is a participle that opens its sentence
    with a clause of its own set off by a comma ("Citing ..., he said"), or the object of one
    ("Citing | his objections"), and the verb the clause hangs on has a subject after it; else
    None (not a participle with a word that opens it: "After meeting ..."; not one after the
    subject: "The minister, citing ...")."""
    toks = parse.tokens
    v = i if toks[i].tag == "VBG" else toks[i].head if toks[i].dep == "obj" else None
    if v is None or toks[v].tag != "VBG" or toks[v].dep != "advcl" or toks[v].head <= v:
        return None
    if any(toks[k].dep in _OWN for k in kids[v]):
        return None
    span = [k for k in subtree(kids, parse, v, lambda c: True) if toks[k].upos != "PUNCT"]
    first = next((k for k in range(len(toks)) if toks[k].upos != "PUNCT"), 0)
    after = span[-1] + 1  # (the comma that sets it off, whatever the parse hung it on)
    if span[0] != first or after >= len(toks) or toks[after].text != ",":
        return None
    main = toks[v].head
    subject = next((k for k in kids[main] if toks[k].dep in {"nsubj", "nsubj:pass"} and k > after), None)
    return None if subject is None else (v, subject)


@cache
def _known() -> frozenset[str]:
    """The verbs whose present a label may make from the parse's lemma (a lemma the model got
    wrong, "pressur" for "pressuring", makes none): those the lint and the event lexicon know."""
    events = load_toml("events.toml")
    words = lint_words()
    base = words.verbs.base if words.verbs is not None else frozenset()
    return base | words.verb_openers | frozenset(w.lower() for w in events["verbs"]) \
        | frozenset(w.lower() for w in events["reporting"])


def present(parse: Parse, v: int, subject: int) -> str | None:
    """The participle at v in the present that agrees with the subject ("citing": "cites" after
    a name, "cite" after "they" or a plural), or None for a verb whose forms are not known."""
    toks = parse.tokens
    word = toks[v].text.lower()
    stem = word[:-3]
    # (the verb from the word's own letters, "denying": deny, "citing": cite, "stopping": stop;
    # the parse's lemma of a capitalized first word may be the word itself)
    lemma = next((b for b in (toks[v].lemma.lower(), stem, stem + "e", stem[:-1]) if b in _known()), None) \
        if word.endswith("ing") and len(stem) > 1 else None
    if lemma is None or lemma in {"be", "have", "do", "go"}:
        return None
    s = toks[subject]
    plural = s.text.lower() in _PLURAL_PRONOUNS or s.tag in {"NNS", "NNPS"} or "Number=Plur" in s.morph \
        or any(toks[k].dep == "conj" for k in range(len(toks)) if toks[k].head == subject)
    return lemma if plural else _regular(lemma)[0]


def qualifying_participle(parse: Parse, kids: list[list[int]], i: int) -> int | None:
    """The noun the past participle at i opens the phrase of ("Kidnapped Guardian journalist Rory
    Carroll is freed", "the injured soldiers"): what happened to it, which a headline says after
    it ("Guardian journalist Rory Carroll kidnapped"); else None (not a word after the noun, nor
    one inside its phrase or with words of its own: "the newly elected president"). (Called for
    an event's word: the event finder took it for a verb.)"""
    toks = parse.tokens
    word, n = toks[i].text.lower(), toks[i].head
    if toks[i].dep not in {"amod", "compound"} or n <= i or toks[n].upos not in {"NOUN", "PROPN"} or kids[i]:
        return None
    if not (word.endswith("ed") and len(word) > 4) or toks[i].tag in {"JJR", "JJS"}:
        return None
    before = [k for k in subtree(kids, parse, n, lambda c: True) if k < i]
    return n if all(toks[k].dep == "det" for k in before) else None
