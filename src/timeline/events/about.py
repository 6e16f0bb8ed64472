"""Timelines about one subject: keep the events it takes part in (pure).

A subject is named by its full name or a distinctive part of it: "Steve Jobs" also by "Jobs",
"Beatles Apple Corps" by "Apple Corps" and "Beatles", "iTunes store" by "iTunes". Parts that
would name something else are left out: bare numbers ("4" of "iPhone 4"), lower-case common
words ("store"), and a first name alone. Matching is on whole words, with plural and
possessive endings ("iPods", "Jobs'", "Apple's").

An event is the subject's when one of its participants (`Event.participants`, from the parse of
its clause: subject, objects, the names in its arguments, a pronoun or a definite description
as the name it stands for) names it: "He unveiled the phone" after "Steve Jobs ..." is his, "Jobs
met the press" beside "Apple's shares fell" gives "fell" nothing of Jobs. Only an event whose
clause was not parsed falls back to the subject's nearness in its sentence (`participants`).
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Event, Tense, Timeline

_GENERIC = frozenset("the a an of and inc inc. corp corp. co co. ltd ltd. company group".split())


def name_variants(subject: str) -> tuple[str, ...]:
    """The ways an article may name the subject, longest first."""
    words = subject.split()
    if not words:
        raise ValueError("the subject is empty")
    found = {" ".join(words)}

    def distinctive(part: list[str]) -> bool:
        head = part[0]
        return (any(c.isupper() for c in head) and not head[0].isdigit()
                and not all(w.lower() in _GENERIC for w in part) and len("".join(part)) >= 3)

    for i in range(1, len(words)):  # suffixes: "Jobs", "Apple Corps"
        part = words[i:]
        if distinctive(part):
            found.add(" ".join(part))
    # the leading word when the rest only qualifies it: "iTunes" of "iTunes store", "Beatles" of
    # "Beatles Apple Corps"; not a first name ("Steve" of "Steve Jobs": the rest is a surname)
    lead = words[0]
    rest_generic = all(w.islower() or w.lower() in _GENERIC for w in words[1:])
    if len(words) > 1 and distinctive([lead]) and (rest_generic or len(words) > 2):
        found.add(lead)
    return tuple(sorted(found, key=lambda v: (-len(v), v)))


def subject_pattern(subject: str) -> re.Pattern[str]:
    """One pattern for every variant: whole words, case as written except for the full name."""
    variants = name_variants(subject)
    alts = []
    for v in variants:
        body = r"\s+".join(re.escape(w) for w in v.split())
        alts.append(f"(?i:{body})" if v == " ".join(subject.split()) else body)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?:s|es|'s|’s|'|’)?(?![\w-])")


# a clause ends here: what lies beyond is not the subject's ("Jobs said that the phones ...")
_CLAUSE_STOP = re.compile(r"[;:,\"“”]|\b(?:that|while|but|which|who|when)\b")
# "Steve Jobs, the Apple CEO, announced": the verb after the appositive is the subject's
_APPOSITIVE = re.compile(r"\s*,[^,;:\"“”]{1,60}?,")
LEFT_REACH = 30  # characters before the name: the verb the subject is the object of ("founded by X")
RIGHT_REACH = 60  # characters after the name (and its appositive): the subject's own verbs
RIGHT_EVENTS = 2  # "Jobs welcomed everyone and announced ...": the first two


def _positions(sentence: str, events: list[Event]) -> list[int]:
    """Where each event word of one sentence is, in the sentence's text (events in text order)."""
    out, pos = [], 0
    for e in events:
        m = re.compile(r"(?<!\w)" + re.escape(e.text) + r"(?!\w)").search(sentence, pos)
        if m is None:
            out.append(-1)
            continue
        out.append(m.start())
        pos = m.end()
    return out


def participants(events: tuple[Event, ...], pattern: re.Pattern[str]) -> set[tuple[str, str]]:
    """The events the subject takes part in: for every naming of it, the nearest event before it
    in its clause (it is that event's object: "founded by Steve Jobs") and the first events after
    it in its clause (it is their subject: "Jobs welcomed everyone and announced ...")."""
    by_sentence: dict[tuple[str, str], list[Event]] = {}
    for e in events:
        by_sentence.setdefault((e.doc, e.sentence), []).append(e)
    kept: set[tuple[str, str]] = set()
    for (doc, sentence), evs in by_sentence.items():
        names = list(pattern.finditer(sentence))
        if not names:
            continue
        evs.sort(key=lambda e: e.start)
        placed = [(p, e) for p, e in zip(_positions(sentence, evs), evs) if p >= 0]
        for name in names:
            left = [e for p, e in placed if name.start() - LEFT_REACH <= p and p + len(e.text) <= name.start()
                    and not _CLAUSE_STOP.search(sentence, p + len(e.text), name.start())]
            r0 = name.end()
            appositive = _APPOSITIVE.match(sentence, r0)
            if appositive is not None and not any(
                    r0 <= p < appositive.end() and e.tense is not Tense.UNKNOWN for p, e in placed):
                r0 = appositive.end()  # a title, not a clause with a verb of its own
            right = [e for p, e in placed if r0 <= p < r0 + RIGHT_REACH and p >= name.end()
                     and not _CLAUSE_STOP.search(sentence, r0, p)]
            kept.update((e.doc, e.id) for e in left[-1:] + right[:RIGHT_EVENTS])
    return kept


def takes_part(events: tuple[Event, ...], pattern: re.Pattern[str]) -> set[tuple[str, str]]:
    """The events the subject takes part in: an event whose clause was parsed, when one of its
    participants names the subject (a pronoun or "the company" among them is already the name it
    stands for); an event without participants (its sentence was not parsed, or the parse gave
    no clause), when the subject is named next to it in its sentence (`participants`)."""
    kept = {(e.doc, e.id) for e in events if any(pattern.search(p) for p in e.participants)}
    near = participants(tuple(e for e in events if not e.participants), pattern)
    return kept | near


def about(timeline: Timeline, subject: str) -> Timeline:
    """The timeline restricted to the events the subject takes part in (see `takes_part`);
    matches between two kept events stay, the documents and time expressions stay as they were.
    The happenings are left out: those of the subject are merged again from the kept events
    (`story.compose.with_happenings`)."""
    pattern = subject_pattern(subject)
    ids = takes_part(timeline.events, pattern)
    kept = tuple(e for e in timeline.events if (e.doc, e.id) in ids)
    # a mention merged into an entry that is not kept stands on its own
    kept = tuple(replace(e, same_as=None) if e.same_as is not None and (e.doc, e.same_as) not in ids else e
                 for e in kept)
    matches = tuple(m for m in timeline.matches if (m.a_doc, m.a) in ids and (m.b_doc, m.b) in ids)
    return replace(timeline, events=kept, matches=matches, happenings=())
