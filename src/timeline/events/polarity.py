"""Whether a mention says a happening did not happen (pure): "there have been no deaths
outside Mexico", "it has not caused any deaths", "police did not find the bomb". Such a mention
names the happening only to deny it; it is no happening of the story (not salient). Rules: rules/en/events.toml [absence]."""
from __future__ import annotations

import re
from functools import cache

from ..rules import load_toml

REACH = 60  # characters before a noun that the patterns read


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in load_toml("events.toml")["absence"]["patterns"])


@cache
def _verb_patterns() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str], re.Pattern[str]]:
    data = load_toml("events.toml")["absence"]
    return (re.compile(data["verb"]), re.compile(data["verb_except"]), frozenset(data["cause_verbs"]),
            re.compile(data["cause_except"]))


VERB_REACH = 40  # characters before a verb that `denied` reads


@cache
def _inverted() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The verb after a denying opener, its auxiliary and its subject; the auxiliary after the
    opener (with its subject and a word after it); the verb after an affirming opener."""
    data = load_toml("events.toml")["absence"]
    opener, aux, subject = data["inverted_opener"], data["inverted_auxiliary"], data["inverted_subject"]
    return (re.compile(opener + aux.removeprefix("(?i)") + subject.removeprefix("(?i)") + "$"),
            re.compile(opener + "$"), re.compile(aux + subject.removeprefix("(?i)") + r"[\w'’-]"),
            re.compile(data["inverted_affirming"] + aux.removeprefix("(?i)") + subject.removeprefix("(?i)") + "$"))


INVERTED_REACH = 80  # characters from a sentence's start to a verb a fronted negation inverts


def inverted(text: str, start: int, affirming: bool = False) -> bool:
    """Is the verb (or auxiliary) at `start` one a fronted negative adverbial inverts, at the
    start of its sentence, its auxiliary and subject between ("Not since 1990 has the party won",
    "Never before has the bank lost")? Not a word inside the opener, nor one after an opener
    with no inversion. With `affirming`, one an adverbial inverts that affirms it at a time ("Not
    until 2010 did the party win", "Only in 2010 did the party win")."""
    lo = max(0, start - INVERTED_REACH)
    cut = max(text.rfind(c, lo, start) for c in ".!?\n")
    if cut < 0 and lo > 0:
        return False  # (no sentence start within reach)
    head = text[max(cut + 1, lo):start].lstrip()
    verb, opener, aux, affirm = _inverted()
    if affirming:
        return affirm.match(head) is not None
    return verb.match(head) is not None or (opener.match(head) is not None and aux.match(text, start) is not None)


@cache
def _comparison() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The denying opener alone; a comparison by degree after it; the end of its clause."""
    data = load_toml("events.toml")["absence"]
    return re.compile(data["inverted_opener"]), re.compile(data["inverted_comparison"]), \
        re.compile(data["comparison_clause_end"])


def compared(text: str, start: int, stop: int) -> bool:
    """Is the verb (or auxiliary) at `start`, one a denying opener inverts, compared by degree
    ("Never before has the bank cut rates so sharply as it did on Monday", "Rarely has a storm
    caused such damage", "Not since the war have so many people fled")? Then the opener denies
    only earlier happenings as great: this one happened (events.toml [absence]
    `inverted_comparison`, read from the opener's end to `stop` or the clause's end before it,
    `comparison_clause_end`)."""
    if not inverted(text, start):
        return False
    lo = max(0, start - INVERTED_REACH)
    cut = max(text.rfind(c, lo, start) for c in ".!?\n")
    head = text[max(cut + 1, lo):start]
    at = start - len(head.lstrip())
    opener, comparison, clause_end = _comparison()
    m = opener.match(text[at:start])
    if m is None:
        return False
    if (end := clause_end.search(text, start, stop)) is not None:
        stop = end.start()  # ("Never has the party won a majority, so its leader quit": no comparison)
    return comparison.search(text, at + m.end(), stop) is not None


@cache
def _opener_with_inversion() -> re.Pattern[str]:
    data = load_toml("events.toml")["absence"]
    return re.compile(data["inverted_opener"] + "(?=" + data["inverted_auxiliary"].removeprefix("(?i)")
                      + data["inverted_subject"].removeprefix("(?i)") + r"[\w'’-])")


def in_inverting_opener(text: str, start: int) -> int | None:
    """Where the denying opener that holds the word at `start` ends, when the opener inverts an
    auxiliary after it ("Not since the flood of 1993 has the river risen": "flood" is inside it,
    a happening that is no denial), else None."""
    lo = max(0, start - INVERTED_REACH)
    cut = max(text.rfind(c, lo, start) for c in ".!?\n")
    if cut < 0 and lo > 0:
        return None
    at = max(cut + 1, lo)
    at += len(text[at:start]) - len(text[at:start].lstrip())
    m = _opener_with_inversion().match(text[at:at + INVERTED_REACH + 40])
    return at + m.end() if m is not None and start < at + m.end() else None


def inverted_subject(text: str, start: int) -> list[str] | None:
    """The subject after the auxiliary at `start` that a denying opener inverted ("the town" in
    "Never before has the town seen such floods"), if it is one."""
    if not inverted(text, start):
        return None
    m = _inverted()[2].match(text, start)
    return text[start:m.end() - 1].split()[1:] if m is not None else None


def denied(text: str, start: int, end: int, stop: int) -> bool:
    """Does the verb at [start, end) say its happening did not happen ("was not referring to",
    "did not find", "has never visited", "Not since 1990 has the party won"), with nothing after
    it in its clause (up to `stop`) that says when it did ("did not leave until Monday")?"""
    verb, unless, dying, cause = _verb_patterns()
    if (verb.search(text[max(0, start - VERB_REACH):start]) is None and not inverted(text, start)) \
            or unless.search(text[end:stop]) is not None:
        return False
    if compared(text, start, stop):
        return False  # "Never before has the bank cut rates so sharply as it did on Monday": it did
    return not (text[start:end].lower() in dying and cause.search(text[end:stop]))  # ("did not die of natural causes")


def absent(text: str, start: int) -> bool:
    """Do the words right before the happening noun at `start` deny it ("no deaths")?"""
    before = text[max(0, start - REACH):start]
    return any(p.search(before) for p in _patterns())


# "did not die at home but in a hospital", "was not killed by the blast but by gunfire": the
# happening is told by what the "but" affirms (the rest of the clause, to a comma or its end); a
# comma may stand before the "but" ("did not die at home, but in a hospital")
# (after a comma, the phrase must end its clause: "did not close, but in 2008 output fell" is a
# new clause, not a correction)
# what makes the phrase after ", but in 2008" a clause: an auxiliary, or a verb as its last word
# what makes the phrase after ", but in 2008" a clause: an auxiliary, or a verb (an -ed word
# not after an article or a possessive: "in a crowded hospital" is a place); it ends at a
# subordinator ("but on Tuesday after the talks ended")
_NEW_CLAUSE = re.compile(r"\b(?:was|were|is|are|had|has|have|did|does|will|would|could|can|may|might)\b"
                         r"|(?<!\ba )(?<!\ban )(?<!\bthe )(?<!\bhis )(?<!\bher )(?<!\bits )(?<!\btheir )"
                         r"\b(?:\w+ed|fell|rose|went|came|took|made|began|grew|won|lost|left|ran|saw|met|led|fled|held|"
                         r"kept|sold|paid|spent|said|told|got|shut|cut|hit|quit|set|put)\b")
_SUBORDINATE = re.compile(r"\s(?:after|before|when|while|as|because|since|until|following|once)\b")
_CORRECTION = re.compile(r"(?i)[^.;:!?,]*?(?:\s*\bbut\s+((?:in|on|at|by|from|of|with|after)\b[^.;:!?,]*)"
                         r"|,\s*but\s+((?:in|on|at|by|from|of|with|after)\b[^.;:!?,]*?)(?=\s*(?:[.;:!?,]|$)))")


def corrected(text: str, start: int, end: int, stop: int) -> tuple[int, int] | None:
    """Where a verb its clause negates is not denied but corrected ("did not resign in March but
    in May", "was not killed by the blast but by gunfire"): the span of what the "but" affirms
    ("in May", "by gunfire"), the verb's own words with the denied ones left out. None for a verb
    that is not negated, or denied outright (`denied`)."""
    verb, _, _, _ = _verb_patterns()
    if verb.search(text[max(0, start - VERB_REACH):start]) is None or denied(text, start, end, stop):
        return None
    m = _CORRECTION.match(text, end, stop)
    if m is None:
        return None
    a, b = m.span(1) if m.group(1) is not None else m.span(2)
    if m.group(1) is None:
        if (sub := _SUBORDINATE.search(text, a, b)) is not None:
            b = sub.start()  # ("but on Tuesday after the talks ended": on Tuesday)
        if _NEW_CLAUSE.search(text, a, b):
            return None  # ("did not close, but in 2008 output fell sharply": a clause of its own, no correction)
    while b > a and text[b - 1].isspace():
        b -= 1
    return (a, b) if b > a else None
