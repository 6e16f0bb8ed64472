"""The labels of mentions that negate their verb: whether a label denies its own verb
(`negated_label`), and the label of a mention whose negation affirms something else, a
correction ("Jackson did not die at home but in a hospital": "Jackson died in a hospital",
`affirmed`), with the simple past of a verb's base form (`past`). Split from labels.py."""
from __future__ import annotations

import re
from functools import cache
from typing import Sequence

from ..model import Event
from ..rules import load_toml
from .evolve import evolve
from .polarity import INVERTED_REACH, compared, corrected, denied, in_inverting_opener, inverted, inverted_subject

NOUN_PREPOSITIONS = frozenset("to of on in into by with for from at against over between among within after".split())


_NEGATION_WORDS = frozenset({"not", "never", "n't", "didn't", "wasn't", "weren't", "hasn't", "haven't", "hadn't",
                             "doesn't", "don't", "isn't", "aren't"})
_LABEL_AUX = frozenset("did does do was were is are has have had".split())


def affirmed(text: str, e: Event, stop: int, times: Sequence[tuple[int, int]]) -> Event:
    """A mention that negates its verb only to correct where, when or how ("Jackson did not die at
    home but in a hospital in Los Angeles", "was not killed by the blast but by gunfire") is
    labelled by what did happen ("Jackson died in a hospital in Los Angeles", "Killed by
    gunfire"), never "Not die at home ...": the subject before the negation, the verb (its past
    where "did" carried the tense) and what the "but" affirms, without a time at its end when
    words come before it (the date beside the label says when)."""
    words = e.label.split()
    neg = next((k for k, w in enumerate(words) if w.lower() in _NEGATION_WORDS), None)
    if neg is None or (span := corrected(text, e.start, e.end, stop)) is None:
        return _uninverted(text, e, stop, words) or _not_until(text, e, stop, words, neg) \
            or _negation_cut_off(text, e, stop, words, neg) or _inside_opener(text, e, words, neg) or e
    a, b = span
    for t0, _ in times:  # ("in a hospital in Los Angeles | on June 25"; not "in | May")
        if a < t0 < b and text[a:t0].split()[1:]:
            b = t0
            break
    kept = text[a:b].split()
    while len(kept) > 1 and kept[-1].lower() in NOUN_PREPOSITIONS | {"since", "until", "during", "before"}:
        kept.pop()  # ("in a hospital in Los Angeles on | June 25")
    told = " ".join(kept)
    subject = words[:neg - 1] if neg and words[neg - 1].lower() in _LABEL_AUX else words[:neg]
    aux = words[neg - 1].lower() if neg and words[neg - 1].lower() in _LABEL_AUX else ""
    before = text[max(0, e.start - 16):e.start].lower().split()
    did = aux == "did" or (before[-2:-1] == ["did"] and before[-1:] == ["not"]) or before[-1:] == ["didn't"]
    verb = past(e.text) if did else e.text
    kept_aux = [words[neg - 1]] if aux and aux not in {"did", "does", "do"} and subject else []
    label = " ".join([*subject, *kept_aux, verb, told])
    return evolve(e, label=label[:1].upper() + label[1:])


# "until" in the verb's own clause: no other verb's clause between ("did not say whether he would
# stay until 2012", "was not allowed to stay until 2005", "did not expect losses to last until
# 2010": the "until" is the other verb's)
_OTHER_CLAUSE = r"\b(?:whether|if|to|that|and|but|or|who|which|while|as|because|would|will|could|should|can|may|might|must)\b"
_UNTIL_AFTER = re.compile(r"(?i)(?:(?!" + _OTHER_CLAUSE + r")[^,;:.!?]){0,40}?\b(?:until|till)\b")
_DETERMINER = frozenset("the a an".split())
# the negation right before the verb: "did not win", "had not been seen", "wasn't seen", "never left"
_NEGATION_BEFORE = re.compile(r"(?i)(?:\b(?P<aux>did|does|do|had|has|have|was|were|is|are)(?:\s+(?:not|never)|n['’]t)"
                              r"|\bnever)\s+(?:(?P<been>been)\s+)?$")
_SUBJECT_PRONOUNS = frozenset("he she it we they i you".split())


def _not_until(text: str, e: Event, stop: int, words: list[str], neg: int | None) -> Event | None:
    """"The party did not win until 2010", "He had not been seen until Tuesday", "He never left
    the city until 2005": it happened then (events.anchoring dates it so), labelled "Party won",
    "He was seen", "He left the city" (a pronoun subject from the text where the label has none)."""
    if _UNTIL_AFTER.match(text, e.end, stop) is None:
        return None
    m = _NEGATION_BEFORE.search(text, max(0, e.start - 24), e.start)
    if m is None:
        return None
    aux = (m.group("aux") or "").lower()
    if aux in {"did", "does", "do"}:
        verb = [past(e.text)]
    elif m.group("been") or aux in {"was", "were", "is", "are"}:
        verb = ["was" if aux in {"was", "is", "had", "has"} else "were", e.text]
    else:
        verb = [e.text]  # ("had not left until", "never left until": the verb is told in its past)
    at = next((k for k, w in enumerate(words) if w.lower() == e.text.lower()), None)
    if at is None:
        return None
    subject = [w for w in words[:at] if w.lower() not in _NEGATION_WORDS | _LABEL_AUX | {"been"}]
    if not subject:
        before = re.findall(r"[\w'’]+", text[max(0, m.start() - 12):m.start()])
        if before and before[-1].lower() in _SUBJECT_PRONOUNS:
            subject = [before[-1]]
    rest = words[at + 1:]
    cut = next((k for k, w in enumerate(rest) if w.lower() in {"until", "till"}), len(rest))
    label = " ".join([*subject, *verb, *rest[:cut]])
    return evolve(e, label=label[:1].upper() + label[1:])


def _negation_cut_off(text: str, e: Event, stop: int, words: list[str], neg: int | None) -> Event | None:
    """A denied verb whose label the cut left without its negation, at the comma of an inserted
    adverbial ("He did not, in the end, resign": "Resign") or an inversion's auxiliary ("Not
    once did he visit the town": "Not did visit the town"), labelled as a plain denial is: "Not
    resign", "Not visit the town"."""
    if neg is None and words and words[0].lower() == e.text.lower() and denied(text, e.start, e.end, stop):
        return evolve(e, label="Not " + e.label[:1].lower() + e.label[1:])
    if neg == 0 and len(words) > 2 and words[1].lower() in _LABEL_AUX and words[2].lower() == e.text.lower():
        return evolve(e, label=" ".join([words[0], *words[2:]]))
    return None


_OPENER_WORDS = frozenset("not since once even ever never before again rarely seldom hardly at no".split())


def _inside_opener(text: str, e: Event, words: list[str], neg: int | None) -> Event | None:
    """A happening named inside a denying opener ("Not since the flood of 1993 has the river
    risen": labelled "Not since flood") is no denial: its label drops the opener's words ("Flood")."""
    if neg != 0 or in_inverting_opener(text, e.start) is None:
        return None
    k = 0
    while k < len(words) - 1 and words[k].lower() in _OPENER_WORDS:
        k += 1
    label = " ".join(words[k:])
    return evolve(e, label=label[:1].upper() + label[1:]) if k else None


_INVERTED_AUX = re.compile(r"(?i)\b(has|have|had|did|does|do|was|were|is|are|will|would|could|can)\s+((?:[\w'’-]+\s+){1,3})$")
_PRONOUNS = frozenset("he she it we they i you".split())


def _uninverted(text: str, e: Event, stop: int, words: list[str]) -> Event | None:
    """A verb a fronted adverbial inverted with its auxiliary ("Only in 2010 did the party win",
    "Not since 1990 has the party won a majority", "Rarely has a storm caused such damage":
    labelled "Did the party win", "Has the party won ...", "Storm caused such damage", "Not did
    resign") is labelled in the order of a statement, its subject from the text, what the label
    holds after the verb kept: "Party won", "Party has not won a majority", "Storm has not
    caused such damage" (a negative opener denies it: polarity.inverted); a pronoun subject is
    kept where the verb is affirmed ("Only then did he speak": "He spoke"), left out of a denial
    as a plain denial's label leaves it ("Not once did he visit the town": "Not visit the town")."""
    affirming = inverted(text, e.start, affirming=True)
    if not affirming and not inverted(text, e.start):
        return None
    if e.text.lower() in _LABEL_AUX and (subject := inverted_subject(text, e.start)):
        # (the inverted auxiliary itself: "Never before has the town seen such floods": "Town has not seen such floods")
        at = next((k for k, w in enumerate(words) if w.lower() == e.text.lower()), None)
        rest = words[at + 1 + len(subject):] if at is not None else []
        subject = subject[1:] if subject[0].lower() in _DETERMINER and len(subject) > 1 else subject
        if compared(text, e.start, stop):  # ("Not since 1993 has the river risen so fast": it has)
            head = [*subject, e.text.lower()]
        else:
            head = ["Not"] if len(subject) == 1 and subject[0].lower() in _PRONOUNS else [*subject, e.text.lower(), "not"]
        joined = " ".join([*head, *rest])
        return evolve(e, label=joined[:1].upper() + joined[1:])
    sentence = max(text.rfind(c, 0, e.start) for c in ".!?\n") + 1
    m = _INVERTED_AUX.search(text, max(sentence, e.start - INVERTED_REACH), e.start)
    if m is None:
        return None
    aux, subject = m.group(1).lower(), m.group(2).split()
    if subject[0].lower() in _DETERMINER and len(subject) > 1:
        subject = subject[1:]
    at = next((k for k, w in enumerate(words) if w.lower() == e.text.lower()), None)
    rest = words[at + 1:] if at is not None else []
    pronoun = len(subject) == 1 and subject[0].lower() in _PRONOUNS
    if not affirming and denied(text, e.start, e.end, stop):
        label = ["Not", e.text, *rest] if pronoun else [*subject, aux, "not", e.text, *rest]
    elif aux in {"did", "does", "do"}:
        label = [*subject, past(e.text), *rest]
    else:
        label = [*subject, aux, e.text, *rest]
    joined = " ".join(label)
    return evolve(e, label=joined[:1].upper() + joined[1:])


def negated_label(label: str, trigger: str) -> bool:
    """Does the label negate its own verb ("Michael Jackson did not die of natural causes", "Not
    die at home"; not a modal's "can not be used", "will not testify", nor "not only")? A happening that other mentions tell as it happened is not labelled by it
    (story.happenings.best_label)."""
    words = [w.lower().strip(",;:") for w in label.split()]
    t = trigger.lower()
    at = next((k for k, w in enumerate(words) if w == t), None)
    if at is None:
        return False
    before = words[max(0, at - 5):at]
    neg = next((k for k, w in enumerate(before) if w in _NEGATION_WORDS or w.endswith("n't")), None)
    if neg is not None and neg + 1 < len(before) and before[neg + 1] == "only":
        return False  # ("has not only divided liberals": no denial)
    if neg is not None and any(w not in _BETWEEN_NOT_AND_VERB and not w.endswith("ly") for w in before[neg + 1:]):
        return False  # ("Not guilty verdict", "A blast, not the fire, killed him": the "not" qualifies another word)
    # (not a modal's: "can not be used", "will not testify", "won't": a ruling or a decision, news of its own)
    return neg is not None and not (before[neg] in _MODAL_NOT or (neg and before[neg - 1] in _MODALS_BEFORE_NOT))


_MODALS_BEFORE_NOT = frozenset("will would can could should may might must shall".split())
# words that may stand between a "not" and the verb it negates ("was not even arrested", "has not
# been charged", "did not ever return", "did not then resign", "has not since returned", "did not
# at first arrest him", "did not in fact die", "did not himself attend"; an -ly adverb too: "did
# not formally resign")
_BETWEEN_NOT_AND_VERB = frozenset("be been being have had ever yet even so much as get got also then since once still "
                                  "at first in fact himself herself itself themselves always".split())
_MODAL_NOT = frozenset({"won't", "wouldn't", "can't", "cannot", "couldn't", "shouldn't", "mustn't", "shan't"})


@cache
def _irregular_pasts() -> dict[str, str]:
    rows = load_toml("labels.toml")["lint"].get("irregular_verbs", ())
    found = {row[0].lower(): row[1].lower() for row in rows if len(row) > 1}
    for form, lemma in load_toml("events.toml")["forms"].items():
        if not form.endswith(("s", "ing")) and form != lemma:
            found.setdefault(lemma, form)  # (the first listed: "began" before "begun")
    return found


@cache
def _doubled_final() -> frozenset[str]:
    return frozenset(w.lower() for w in load_toml("labels.toml")["lint"].get("doubled_final", ()))


_ONE_SYLLABLE_CVC = re.compile(r"[^aeiou]*[aeiou][^aeiouwxy]")


def past(verb: str) -> str:
    """The simple past of a verb's base form ("die": "died", "resign": "resigned", "meet": "met",
    "run": "ran", "stop": "stopped", "admit": "admitted", "visit": "visited"): irregular forms from
    labels.toml's irregular_verbs (and events.toml's forms), a doubled last consonant after one
    vowel in one syllable or in a verb stressed on its last (labels.toml doubled_final)."""
    w = verb.lower()
    if (irregular := _irregular_pasts().get(w)) is not None:
        return irregular
    if w.endswith("e"):
        return w + "d"
    if w.endswith("y") and w[-2:-1] not in "aeiou":
        return w[:-1] + "ied"
    if w.endswith("ic"):  # ("panicked", "trafficked", "mimicked")
        return w + "ked"
    if w in _doubled_final() or _ONE_SYLLABLE_CVC.fullmatch(w):
        return w + w[-1] + "ed"
    return w + "ed"
