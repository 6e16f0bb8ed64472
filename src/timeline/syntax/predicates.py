"""What the parse of a sentence says about its events (pure; no spaCy here, only `Parse`).

- `eventive`: whether a word the event model proposes can be an event at all. Auxiliaries
  ("has" of "has agreed", "was" of "was killed") cannot, nor adjectives ("willing", "clear"),
  numbers, pronouns, conjunctions or determiners; an adjective or proper noun that is a known
  verb form ("the trapped miners", a headline's "Calling") stays.
- `verb_tense`: tense, aspect and modality of a verb from its own auxiliaries as the parse
  attaches them (not the nearest words): "will be held" future, "had agreed" past perfective,
  "was rising" past progressive, "could fall" a modal. The auxiliary words are those of
  ``rules/en/tense.toml``.
- `clause_of` / `same_clause`: the clause a word belongs to (the nearest head that opens a
  clause: the root, a complement, a relative clause, a parenthetical). A time
  expression governs the events of its own clause: "said on Tuesday that the plant had been
  hit" puts Tuesday in the clause of "said", not of "hit".
"""
from __future__ import annotations

from typing import Callable, Sequence, TypeVar

from ..model import Tense
from . import Parse

T = TypeVar("T")

# relations that open a clause with a time of its own below their head: a reported or complement
# clause ("said on Tuesday that ..."), a relative clause ("who met on Monday"), a parenthetical
# (an adverbial clause, an infinitive or a coordinated verb shares its head's time often enough,
# and the parser misattaches them often enough, that they are left to the proximity rules)
CLAUSE_DEPS = frozenset({"root", "ccomp", "acl:relcl", "csubj", "csubj:pass", "parataxis"})
_VERBAL = frozenset({"VERB", "AUX"})
NEVER_EVENTS = frozenset({"NUM", "PRON", "CCONJ", "SCONJ", "DET", "PART", "PUNCT", "SYM", "INTJ"})
_AUX_DEPS = frozenset({"aux", "aux:pass"})


def eventive(parse: Parse, i: int, known_verb: Callable[[str], bool]) -> bool:
    """Can token `i` be an event mention? `known_verb(word)`: is the lowercased word a form of
    a verb the event lexicon knows (a participle the tagger calls an adjective)?"""
    t = parse.tokens[i]
    if t.dep in _AUX_DEPS and t.upos == "AUX":
        return False  # "has" of "has agreed", "will" of "will meet" (tagger and parser agree)
    if t.upos in NEVER_EVENTS:
        return False
    if t.upos in ("ADJ", "PROPN"):
        # a participle the tagger calls an adjective ("trapped miners", "were pleased") or a
        # verb a headline capitalizes ("Calling") stays; "willing", "clear", "Mr." go
        w = t.text.lower()
        return t.tag.startswith("VB") or known_verb(w) or (t.upos == "ADJ" and w.endswith("ed") and len(w) > 4)
    return True


def clause_of(parse: Parse, i: int, linkers: frozenset[str] = frozenset()) -> int:
    """The token that heads the clause of token `i` (i itself when it opens one). A word of
    `linkers` ("following", "pending") that the parser makes a verb opens no clause: it links
    a noun phrase ("expressed doubts following the overnight bombardment")."""
    toks = parse.tokens
    j, seen = i, 0
    while seen <= len(toks):
        t = toks[j]
        if t.head == j or (t.dep in CLAUSE_DEPS and t.text.lower() not in linkers):
            return j
        j, seen = t.head, seen + 1
    return j  # (a cycle: not from a real parse)


def span_head(parse: Parse, start: int, end: int) -> int | None:
    """The token of the characters [start, end) (a time expression) that the rest hangs on:
    the first whose head lies outside the span; None when no token is inside it."""
    inside = [k for k, t in enumerate(parse.tokens) if start <= t.start and t.end <= end]
    if not inside:
        return None
    own = set(inside)
    for k in inside:
        if parse.tokens[k].head not in own or parse.tokens[k].head == k:
            return k
    return inside[0]


def same_clause(parse: Parse, event: int, start: int, end: int, linkers: frozenset[str] = frozenset(),
                attribution: frozenset[str] = frozenset()) -> bool | None:
    """Is the time expression at [start, end) in the clause of the event at token `event`?
    None when the parse does not hold the time expression, makes it a clause of its own, or
    hangs it on a trailing attribution (a verb of `attribution` after it: see
    `trailing_attribution`)."""
    h = span_head(parse, start, end)
    if h is None:
        return None
    toks = parse.tokens
    c = clause_of(parse, h, linkers)
    if start <= toks[c].start < end:
        return None  # the parse makes the time a clause of its own ("Yesterday" as the root): a misparse
    if trailing_attribution(parse, c, end, attribution):
        return None
    own = set(_subtree(parse, h))  # the time phrase ("on Tuesday")
    if toks[c].head != c and all(toks[k].start >= end for k in _subtree(parse, c) if k not in own):
        # a time before all the words of the embedded clause it hangs on belongs to the clause
        # around it: "said on Tuesday that talks would resume", whatever the parser attached
        c = clause_of(parse, toks[c].head, linkers)
    return c == clause_of(parse, event, linkers)


ATTRIBUTION_WORDS = 6  # at most this many words between the comma and the verb ("a spokesman for the ministry")
ATTRIBUTION_TAIL = 2  # ... and after it ("told reporters", "said the minister")


def trailing_attribution(parse: Parse, verb: int, end: int, verbs: frozenset[str]) -> bool:
    """Is token `verb` (a lemma of `verbs`) the verb of an attribution that closes the sentence
    after a comma, right after the time expression ending at `end`: "... struck the city on
    March 2, officials recalled.", "... arrived on Monday, said the minister."? A time there
    tells when the reported happening took place, not when it was told, whatever clause the
    parser hung it on."""
    toks = parse.tokens
    t = toks[verb]
    if t.start < end or (t.lemma.lower() not in verbs and t.text.lower() not in verbs):
        return False
    between = [k for k, x in enumerate(toks) if end <= x.start < t.start]
    if not between or toks[between[0]].text != "," or len(between) - 1 > ATTRIBUTION_WORDS:
        return False
    tail = [x for x in toks if x.start > t.start and x.upos != "PUNCT"]
    return len(tail) <= ATTRIBUTION_TAIL


def _subtree(parse: Parse, i: int) -> list[int]:
    """Token `i` and everything below it, depth first (the last child first): each token's
    children are found in one pass over the parse, not one pass per token."""
    children: dict[int, list[int]] = {}
    for j, t in enumerate(parse.tokens):
        if t.head != j:
            children.setdefault(t.head, []).append(j)
    out, stack = [], [i]
    while stack:
        k = stack.pop()
        out.append(k)
        stack.extend(children.get(k, ()))
    return out


def verb_tense(parse: Parse, i: int, future: frozenset[str], past: frozenset[str], present: frozenset[str],
               perfect: frozenset[str], modal: frozenset[str]) -> tuple[Tense, str, str] | None:
    """(tense, aspect, modality) of the verb at token `i` from its auxiliaries and its own
    form, or None when the parse says nothing (not a verb, or an untensed form alone: an
    infinitive, a bare participle). Aspect is PERFECTIVE, PROGRESSIVE or NONE; modality the
    first modal or future auxiliary ("will", "would", "may") or "to" for an infinitive."""
    toks = parse.tokens
    t = toks[i]
    if t.upos not in _VERBAL and not any(toks[k].dep == "cop" for k in _children(parse, i)):
        return None
    auxes = [k for k in _children(parse, i) if toks[k].dep in _AUX_DEPS or toks[k].dep == "cop"]
    words = [toks[k].text.lower().replace("’", "'") for k in auxes]
    to = any(toks[k].dep == "mark" and toks[k].tag == "TO" for k in _children(parse, i)) or (
        bool(words) and words[0] == "to")
    words = [w for w in words if w != "to"]
    modality = next((w for w in words if w in future or w in modal), "to" if to else "")
    aspect = "NONE"
    has_perfect = any(toks[k].lemma == "have" or toks[k].text.lower() in perfect or toks[k].text.lower() == "had"
                      for k in auxes)
    if has_perfect and t.tag != "VBG":  # (the tagger may call the participle VBD: "had expanded")
        aspect = "PERFECTIVE"
    elif t.tag == "VBG" and any(toks[k].lemma == "be" for k in auxes):
        aspect = "PROGRESSIVE"
    first = words[0] if words else None
    if first is None:
        if t.tag == "VBD":
            return Tense.PAST, aspect, modality
        if t.tag in ("VBZ", "VBP"):
            return Tense.PRESENT, aspect, modality
        return None  # "to meet", "meeting", "held": the form alone says no tense
    if first in future:
        return Tense.FUTURE, aspect, modality
    if first in modal:
        return Tense.UNKNOWN, aspect, modality
    if first in past:
        return Tense.PAST, aspect, modality
    if first in perfect:
        return (Tense.PAST if aspect == "PERFECTIVE" else Tense.PRESENT), aspect, modality
    if first in present:
        return Tense.PRESENT, aspect, modality
    return None


def _children(parse: Parse, i: int) -> Sequence[int]:
    return parse.children(i)


class ParsedSentence:
    """One parsed sentence as the event finder asks it about its candidates."""

    def __init__(self, parse: Parse, known_verb: Callable[[str], bool], tense_words: Sequence[frozenset[str]],
                 linkers: frozenset[str] = frozenset(), attribution: frozenset[str] = frozenset()):
        self.parse = parse
        self.linkers = linkers  # words that link a time relation, never a clause ("following")
        self.attribution = attribution  # verbs of a trailing attribution ("..., officials said")
        self.known_verb = known_verb
        self.tense_words = tense_words  # future, past, present, perfect, modal auxiliaries
        self._starts = [t.start for t in parse.tokens]

    def token(self, start: int, end: int) -> int | None:
        """The parse's token holding the word at [start, end), if its tokenization agrees."""
        from bisect import bisect_right

        k = bisect_right(self._starts, start) - 1
        if k < 0:
            return None
        t = self.parse.tokens[k]
        return k if t.start <= start < t.end or (start <= t.start < end) else None

    def eventive(self, i: int) -> bool:
        return eventive(self.parse, i, self.known_verb)

    def verb(self, i: int) -> tuple[Tense, str, str] | None:
        return verb_tense(self.parse, i, *self.tense_words)

    def governing(self, i: int, timexes: Sequence[T]) -> list[T]:
        """The time expressions (anything with .start and .end) of the clause of token `i`;
        one the parse does not hold is kept (the proximity rules decide about it)."""
        return [t for t in timexes if same_clause(self.parse, i, t.start, t.end, self.linkers,
                                                       self.attribution) is not False]  # type: ignore[attr-defined]
