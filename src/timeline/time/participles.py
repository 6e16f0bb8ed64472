"""Lone -ed forms and the nouns before them, for the tense of a time near them (tense.verb_groups):
the past verb of a subject ("The show moved on Monday"), a participle after its noun ("The man
arrested on Monday is due in court"), one joined to it by "and" ("... and charged on Tuesday"),
and one after a generic subject in a future or a timetable ("Letters posted on Monday will arrive
on Wednesday": no past). Split from tense.py; the word lists are tense.toml's."""
from __future__ import annotations

from typing import Protocol

from ..sources.segment import Token


class ParticipleLexicon(Protocol):
    """The lists of tense.toml these readings use (tense._Lexicon)."""

    @property
    def future_aux(self) -> frozenset[str]: ...
    @property
    def past_aux(self) -> frozenset[str]: ...
    @property
    def present_aux(self) -> frozenset[str]: ...
    @property
    def perfect_aux(self) -> frozenset[str]: ...
    @property
    def modal_aux(self) -> frozenset[str]: ...
    @property
    def chain(self) -> frozenset[str]: ...
    @property
    def future_markers(self) -> frozenset[str]: ...
    @property
    def past_irregular(self) -> frozenset[str]: ...
    @property
    def not_past(self) -> frozenset[str]: ...
    @property
    def present_verbs(self) -> frozenset[str]: ...
    @property
    def expecting(self) -> frozenset[str]: ...
    @property
    def arranging(self) -> frozenset[str]: ...
    @property
    def target_prepositions(self) -> frozenset[str]: ...
    @property
    def generic_subjects(self) -> frozenset[str]: ...
    @property
    def generic_determiners(self) -> frozenset[str]: ...
    @property
    def timetable_words(self) -> frozenset[str]: ...


NOT_PLURAL = frozenset("was has is its his this us as thus always perhaps".split())
SUBJECTS = frozenset("he she they we i you who".split())  # after them a participle is a verb
# words a subject noun phrase does not end in: before a lone -ed form they make it no past verb
# of a subject ("and moved", "to be moved", "in finished goods")
NO_SUBJECT_END = frozenset("and or but nor so yet to of in on at by for from with into onto over under about "
                            "as than that if when while because after before since until not never also "
                            "just only even still already then".split())
CLAUSE_END = frozenset('.;:!?,()"“”')  # a token that ends the clause a lone -ed form is in


def after_subject(toks: list[Token], i: int, lex: ParticipleLexicon) -> bool:
    """Is the lone -ed form toks[i] the past verb of the subject just before it ("The show moved
    on Monday", "Prices jumped on Thursday", "Police arrested two men on Friday")? Not when the
    word before ends no subject ("and moved", "in finished goods"), nor when a finite verb
    follows in its clause: then it is a participle after its noun ("a meeting called on Monday
    will decide", "the man arrested on Friday is due in court")."""
    prev = toks[i - 1] if i else None
    if prev is None or not prev.text.isalpha() or prev.lower in NO_SUBJECT_END or prev.lower.endswith("ly") \
            or prev.lower in lex.past_aux or prev.lower in lex.present_aux or prev.lower in lex.perfect_aux \
            or prev.lower in lex.modal_aux or prev.lower in lex.future_aux or prev.lower in lex.chain:
        return False
    finite = lex.future_aux | lex.past_aux | lex.present_aux | lex.perfect_aux | lex.modal_aux
    for tok in toks[i + 1:]:
        if tok.text in CLAUSE_END or tok.lower in ("and", "but"):
            break
        if tok.lower in finite or tok.lower in lex.past_irregular:
            return False
    return True


def after_noun(toks: list[Token], i: int, lex: ParticipleLexicon) -> bool:
    """Is the lone -ed form toks[i] a participle right after its noun, with the clause's finite
    verb after it ("The man arrested on Monday is due in court", "the two men charged on
    Wednesday will appear")? Not one of arranging or expecting ("the meeting scheduled for
    Monday", "a vote expected on Monday"), nor one before a preposition of a target ("a match
    postponed to Monday"): what those set lies ahead. One joined by "and" to such a participle is
    read as that one ("The man arrested on Monday and charged on Tuesday is due"). Not one after a
    generic subject whose clause is a future or a present timetable ("Letters posted on Monday
    will arrive on Wednesday", "Parcels collected on Monday are delivered on Tuesday": what is done
    to any of them, the coming Monday)."""
    found = noun_and_finite(toks, i, lex)
    return found is not None and not generic_participle(toks, found, lex)


def generic_participle(toks: list[Token], found: tuple[int, int], lex: ParticipleLexicon) -> bool:
    """Does the participle whose own participle (or first conjunct) is at found[0], with the
    clause's finite verb at found[1], tell what is done to anyone at all, any day ("Anyone
    arrested on Monday will be held", "Parcels collected on Monday are delivered on Tuesday")?"""
    if _generic_subject(toks, found[0], lex):
        return _future_or_timetable(toks, found[1], lex)
    # a bare plural at the head of its clause, in a present told as a timetable ("Parcels
    # collected on Monday are delivered on Tuesday"); before a future it is read as known
    # ("Hostages freed on Thursday will be flown home tomorrow", "Victims killed on Saturday will
    # be buried on Tuesday": far more of news than a timetable's "Letters posted on Monday will ...")
    k = found[1]
    told_as_to_come = k + 1 < len(toks) and toks[k + 1].lower in _TO_COME  # ("are due in court", "are to appear")
    return _bare_plural(toks, found[0]) and toks[k].lower not in lex.future_aux and not told_as_to_come \
        and _future_or_timetable(toks, k, lex)


_TO_COME = frozenset("due expected scheduled set to likely going about".split())


def noun_and_finite(toks: list[Token], i: int, lex: ParticipleLexicon, coordinated: bool = True) -> tuple[int, int] | None:
    """For a participle right after its noun (or joined by "and" to one), the index of that
    first participle and of the clause's finite verb after it; None for any other -ed form."""
    prev = toks[i - 1] if i else None
    w = toks[i].lower
    if w in lex.arranging or w in lex.expecting or w in lex.future_markers \
            or (i + 1 < len(toks) and toks[i + 1].lower in lex.target_prepositions):
        return None
    if coordinated and prev is not None and prev.lower in ("and", "or"):
        j = _first_conjunct(toks, i, lex)
        return None if j is None else noun_and_finite(toks, j, lex, coordinated=False)
    if prev is None or not prev.text.isalpha() or prev.lower in NO_SUBJECT_END or prev.lower.endswith("ly") \
            or prev.lower in SUBJECTS or prev.lower in lex.past_aux or prev.lower in lex.present_aux \
            or prev.lower in lex.perfect_aux or prev.lower in lex.modal_aux or prev.lower in lex.future_aux \
            or prev.lower in lex.chain or prev.lower in ("be", "been", "being"):
        return None
    finite = lex.future_aux | lex.past_aux | lex.present_aux | lex.perfect_aux | lex.modal_aux | lex.present_verbs
    k, n = i + 1, len(toks)
    while k < n:
        tok = toks[k]
        if tok.lower in ("and", "or") and k + 2 < n and _joined_participle(toks, k + 1, lex):
            k += 2  # "arrested on Monday and charged on Tuesday is due"
            continue
        if tok.text in CLAUSE_END or tok.lower in ("and", "but"):
            return None
        if tok.lower in finite:
            return i, k
        k += 1
    return None


_JOIN_PREPOSITIONS = frozenset("on in at during last this early late".split())


def _joined_participle(toks: list[Token], k: int, lex: ParticipleLexicon) -> bool:
    """"charged on Tuesday" after "and": a second participle with a time of its own."""
    w = toks[k].lower
    return (w in lex.past_irregular or (w.endswith("ed") and w.isalpha() and w not in lex.not_past)) \
        and k + 1 < len(toks) and toks[k + 1].lower in _JOIN_PREPOSITIONS


def _first_conjunct(toks: list[Token], i: int, lex: ParticipleLexicon) -> int | None:
    """The participle that the one at toks[i], after "and", is joined to ("arrested" of "The man
    arrested on Monday and charged on Tuesday"): the nearest one before it in its clause, a few
    words back, with a time of its own."""
    if not _joined_participle(toks, i, lex):
        return None
    for j in range(i - 2, max(i - 9, 0), -1):
        if toks[j].text in CLAUSE_END:
            return None
        if _joined_participle(toks, j, lex):
            return j
    return None


def _generic_subject(toks: list[Token], i: int, lex: ParticipleLexicon) -> bool:
    """Is the noun before the participle toks[i] anyone at all ("Anyone arrested", "any man
    caught", "every parcel collected"), not someone known ("The man arrested")?"""
    prev, before = toks[i - 1], toks[i - 2] if i >= 2 else None
    return prev.lower in lex.generic_subjects or (before is not None and before.lower in lex.generic_determiners)


def _bare_plural(toks: list[Token], i: int) -> bool:
    prev, before = toks[i - 1], toks[i - 2] if i >= 2 else None
    plural = prev.lower.endswith("s") and not prev.lower.endswith(("ss", "us", "is")) and prev.lower not in NOT_PLURAL
    return plural and (before is None or before.text in CLAUSE_END
                       or before.lower in ("and", "but", "that", "if", "when", "while", "because", "so"))


def _future_or_timetable(toks: list[Token], k: int, lex: ParticipleLexicon) -> bool:
    """Is the finite verb toks[k] a future ("will arrive") or a present told as a timetable, with
    a day of its own after it in its clause ("are delivered on Tuesday")?"""
    w = toks[k].lower
    if w in lex.future_aux and w not in ("would", "'d", "’d"):
        return True
    if w not in lex.present_aux and w not in lex.present_verbs:
        return False
    for tok in toks[k + 1:k + 12]:
        if tok.text in CLAUSE_END:
            return False
        if tok.lower in lex.timetable_words:
            return True
    return False


def dated_after_noun(toks: list[Token], i: int, lex: ParticipleLexicon) -> bool:
    """"The soldier killed on Saturday will be buried": a participle after its noun dated by "on"
    and a capitalised day or a number is a verb, however often the word is an adjective."""
    return i + 2 < len(toks) and toks[i + 1].lower == "on" and (toks[i + 2].text[:1].isupper() or toks[i + 2].text[:1].isdigit()) \
        and after_noun(toks, i, lex)
