"""Futures in the text, for the resolver (anchor.resolve_mentions): between two clock times, does
a clause with a subject and a future of its own stand between them (the clocks of one future
clause move together: "The ferry will sail at 6 a.m. and will return at 5 p.m.", told at 07:45,
both tomorrow)? Before "the following year", is a future told from the past ("would")?"""
from __future__ import annotations

import re
from functools import cache

SENTENCE_BREAK = re.compile(r"[.!?][\"'\u201d)]*\s+[A-Z]|\n\s*\n")


def sentence_before(text: str, end: int, reach: int) -> str:
    """The words of the sentence before `end` (at most `reach` characters back): where the
    subject of a clock's clause is."""
    before = text[max(0, end - reach):end]
    last = None
    for last in SENTENCE_BREAK.finditer(before):
        pass
    return before[last.end() - 1:] if last is not None else before


_FUTURE = re.compile(r"(?i)\b(?:will|shall|won't)\b|'ll\b")
# before a future auxiliary, words that keep the subject of the clause before it ("and will
# return", "but won't", "and it'll", "and they will"), and words that make "will" the noun ("as
# the will of the council requires", "the people's will")
_SAME_SUBJECT = re.compile(r"(?i)(?:^|[\s,;(])(?:and|but|or|then|yet|so|also|still|probably|likely|it|they)\s*$")
# a personal pronoun before it ("and she will speak"): the subject of the clause before it only
# if that clause has the same person ("She will leave at 6 a.m. and she will land"); "it" and
# "they" above may stand for any subject before them ("The plant will shut ... and it will reopen")
_PERSON = re.compile(r"(?i)(?:^|[\s,;(])(he|she|we|you|i)\s*$")
_SAME_PERSON = {"he": r"he|him|his", "she": r"she|her", "we": r"we|us|our", "you": r"you|your", "i": r"i|me|my"}
_WILL_NOUN = re.compile(r"(?i)(?:\b(?:the|a|his|her|its|their|our|your|my|free|good|ill|political)|'s|s')\s+$")


def own_future(between: str, first: str = "") -> bool:
    """Does a clause with a subject and a future of its own stand between two clocks ("and the
    minister will speak", "and she will speak"), not a second verb of the same subject ("and will
    return", "and it'll return", "but won't return", "She will leave ... and she will land") nor
    "will" the noun ("as the will of the council requires")? `first`: the words of the sentence
    before the first clock, where the first clause's subject is."""
    for m in _FUTURE.finditer(between):
        before = between[:m.start()] if m.group().lower() != "'ll" else between[:m.start()] + " "
        if m.group().lower() == "will" and (_WILL_NOUN.search(before) or re.match(r"\s+of\b", between[m.end():])):
            continue
        if _SAME_SUBJECT.search(before):
            continue
        if (p := _PERSON.search(before)) is not None and (re.search(
                rf"(?i)\b(?:{_SAME_PERSON[p.group(1).lower()]})\b", first + between[:p.start(1)])
                or _stands_for(p.group(1).lower(), first)):
            continue  # (the same person again: "He will fly out at 5 a.m. and he'll arrive at 3 p.m.")
        return True
    return False


_OTHER_PRONOUNS = {"i", "we", "you", "he", "she", "it", "they"}


@cache
def _person_nouns() -> frozenset[str]:
    """Head nouns that name a person ("the minister", "the President": coref.toml's person
    descriptions)."""
    from ..rules import load_toml

    return frozenset(w.lower() for w in load_toml("coref.toml")["descriptions"]["person"])


_PERSON_ENDINGS = ("man", "woman", "person", "ist", "ian")


@cache
def _first_names_and_titles() -> frozenset[str]:
    """The titles and first names (coref.toml [titles], male_names, female_names) that, before a
    capitalised word in -s, make it a surname: "Mrs Peters", "Tom Evans"."""
    from ..rules import load_toml

    coref = load_toml("coref.toml")
    words = set(coref["titles"]) | set(coref["words"]["male_names"]) | set(coref["words"]["female_names"])
    return frozenset(w.lower().rstrip(".") for w in words)


def _surname(words: list[str]) -> bool:
    """Is the capitalised subject in -s that ends `words` a surname, on positive evidence only: a
    title or a first name right before it ("Mrs Peters", "Tom Evans")? A bare one ("Jones",
    "Guests", "Kurds", "Athens"), one after a determiner ("The Philippines", "The Rolling
    Stones") or after another capitalised word ("New York Times") is taken for a plural, as a
    reader cannot tell a surname from a plural there (tense.toml [plural_subjects])."""
    if len(words) < 2 or not words[-1][:1].isupper():
        return False
    return words[-2].lower().rstrip(".") in _first_names_and_titles()


def _stands_for(pronoun: str, first: str) -> bool:
    """Does a "he"/"she"/"we" as the subject of a second future clause stand for the first
    clause's subject, so that its clock moves with the first one? "The minister will leave at 6
    a.m. and he will return" (a singular person before "he"/"she"), "Smith and I will leave ...
    and we will return" (a subject that holds "I" or "we"), "The President will arrive ... and
    we will meet him" (a person before "we": the writer's party joins him); not "Crews will work
    through 6 a.m. and she will speak" (a plural), "The vote will close ... and we'll announce"
    (no person), "He will leave ... and she will speak" (another pronoun). A first clause whose
    subject cannot be read (no future before the first clock) is taken as the same subject."""
    if pronoun not in ("he", "she", "we"):
        return False
    fut = _FUTURE.search(first)
    if fut is None:
        return True
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", first[:fut.start()])
    if not words:
        return True
    lower = [w.lower() for w in words]
    if pronoun == "we" and ("i" in lower or "we" in lower):
        return True
    head, plural = lower[-1], "and" in lower or "or" in lower
    if head in _OTHER_PRONOUNS:
        return False  # (the same pronoun was matched before)
    plural = plural or (head.endswith("s") and not head.endswith(("ss", "us", "is")) and not _surname(words))
    person = head in _person_nouns() or head.endswith(_PERSON_ENDINGS) or (
        words[-1][0].isupper() and (len(words) > 1 or head not in ("the", "a")))
    if pronoun == "we":
        return person
    return person and not plural


# a future told from the past ("In 2012 he said the plant would open the following year")
_FUTURE_IN_PAST = re.compile(r"(?i)\b(?:would|was\s+to|were\s+to|was\s+going\s+to|were\s+going\s+to)\b")


def told_from_past(text: str, start: int, end: int) -> bool:
    """Is a future told from the past ("would", "was to") in text[start:end], within the sentence
    that ends at `end` ("In 2012 he said the plant would open | the following year": the year
    after 2012, not after the publication year)?"""
    from bisect import bisect_right

    from ..sources.segment import sentence_spans

    spans = sentence_spans(text)
    k = bisect_right([a for a, _ in spans], end) - 1
    sentence = spans[k][0] if k >= 0 else 0
    return _FUTURE_IN_PAST.search(text, max(start, sentence), end) is not None
