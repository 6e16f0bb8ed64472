"""Tense from verb groups, without a part-of-speech tagger.

A verb group is a run of auxiliaries ending in a main verb ("will be held", "has agreed",
"arrived"). Its tense is that of its first auxiliary, or past for a lone past-tense verb.
The tense of a span (a time expression, an event) is the tense of the nearest verb group in
the same sentence; a group before the span wins a tie, as the governing verb usually precedes.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from typing import Sequence

from ..rules import load_toml
from ..model import Tense
from ..sources.segment import Token, tokens
from . import detached as _detached
from .participles import (CLAUSE_END as _CLAUSE_END, NO_SUBJECT_END as _NO_SUBJECT_END, NOT_PLURAL as _NOT_PLURAL,
                          SUBJECTS as _SUBJECTS, after_subject as _after_subject, dated_after_noun as _dated_after_noun,
                          generic_participle as _generic_participle, noun_and_finite as _noun_and_finite)

_QUOTE = re.compile("[\"“”]|''|``")
_DEGREE = frozenset("still yet very so more most less least also now not as too".split())
_DETERMINERS = frozenset("the a an its his her their this that these those our your my which whose "
                         "any some every each no".split())
# words that open the object of a verb: after them a participle is a verb, not an adjective
_OBJECT_START = (_DETERMINERS - {"which", "whose", "that"}) | frozenset("him them it us me".split())
# a participle before these modifies no noun: "continued until Sunday" is a verb
_NO_NOUN_AFTER = frozenset("until till through throughout into since during".split())


@dataclass(frozen=True, slots=True)
class VerbGroup:
    start: int
    end: int
    tense: Tense
    head: str  # the last verb of the group, lowercased
    firm: bool = True  # False for a lone regular -ed form, which may be an adjective
    aux: str = ""  # the auxiliary that opens the group ("will", "had", "is"), if any
    perfect: bool = False  # has/have/had + participle: completed before its reference time
    # a lone -ed form right after its subject, no finite verb after it in its clause ("The show
    # moved on Monday"): a past verb for the tense of a time near it (governing_group), however `firm`
    after_subject: bool = False
    # a lone -ed form right after its noun, a finite verb after it in its clause ("The man
    # arrested on Monday is due in court"): what was done, past for a time right after it
    # (governing_group), unless it arranges or expects (tense.toml arranging, expecting)
    after_noun: bool = False


@dataclass(frozen=True, slots=True)
class _Lexicon:
    future_aux: frozenset[str]
    past_aux: frozenset[str]
    present_aux: frozenset[str]
    perfect_aux: frozenset[str]
    modal_aux: frozenset[str]
    past_modal_perfect: frozenset[str]
    participles: frozenset[str]
    chain: frozenset[str]
    future_markers: frozenset[str]
    past_irregular: frozenset[str]
    not_past: frozenset[str]
    un_verbs: frozenset[str]
    present_verbs: frozenset[str]
    participle_adjectives: frozenset[str]
    reporting: frozenset[str]
    catenative: frozenset[str]
    present_or_past: frozenset[str]
    expecting: frozenset[str]
    arranging: frozenset[str]
    target_prepositions: frozenset[str]
    generic_subjects: frozenset[str]
    generic_determiners: frozenset[str]
    timetable_words: frozenset[str]


@cache
def _lexicon() -> _Lexicon:
    data = load_toml("tense.toml")
    return _Lexicon(**{k: frozenset(data[k]) for k in _Lexicon.__dataclass_fields__})


def tense_words() -> tuple[frozenset[str], ...]:
    """The auxiliaries that give a verb group its tense: future, past, present, perfect, modal."""
    lex = _lexicon()
    return lex.future_aux, lex.past_aux, lex.present_aux, lex.perfect_aux, lex.modal_aux


@cache
def _infinitives() -> frozenset[str]:
    """Base forms of verbs ("to acquire"): the event verbs plus the tense file's own list."""
    data = load_toml("events.toml")
    return frozenset(data["verbs"]) | frozenset(load_toml("tense.toml").get("infinitives", []))


@cache
def _ahead_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str]]:
    data = load_toml("tense.toml")
    return (re.compile(data["modal_perfect_deadline"]), re.compile(data["modal_perfect_clause_end"]),
            re.compile(data["modal_perfect_hoped"]), re.compile(data["modal_perfect_said"]),
            frozenset(data["modal_perfect_inferred"]))


def _modal_perfect_ahead(text: str, toks: list[Token], i: int, j: int) -> bool:
    """Is the modal perfect at token `i` (participle at `j`) a future perfect: a "by" deadline in
    its own clause ("may have completed the sale by Friday", "By Friday, the rebels could have
    taken the capital") or a present hope governing it; not after "must", nor under a past saying?
    (tense.toml modal_perfect_deadline, _clause_end, _hoped, _said, _inferred)"""
    deadline, clause_end, hoped, said, inferred = _ahead_res()
    if _base(toks[i].lower) in inferred:
        return False
    lo = max((text.rfind(c, 0, toks[i].start) for c in ".!?\n"), default=-1) + 1
    hi = min((k for k in (text.find(c, toks[i].end) for c in ".!?\n") if k >= 0), default=len(text))
    before = text[lo:toks[i].start]
    if said.search(before) is not None:
        return False
    if hoped.search(before) is not None:
        return True
    end = clause_end.search(text, toks[j].end, hi)
    if deadline.search(text, toks[j].end, end.start() if end is not None else hi) is not None:
        return True
    head = before.lstrip(" \t\"“‘'")
    rest = head[front.end():].lstrip() if (front := deadline.match(head)) is not None else ""
    return front is not None and clause_end.search(rest[1:] if rest.startswith(",") else rest) is None


def _base(word: str) -> str:
    return word[:-3] if word.endswith(("n't", "n’t")) else word


def is_past_form(tok: Token, prev: Token | None, before: Token | None = None) -> bool:
    lex = _lexicon()
    w = tok.lower
    if w in lex.past_irregular:
        return True
    if not (w.endswith("ed") and len(w) > 4 and w.isalpha()) or w in lex.not_past:
        return False
    if prev is not None and (prev.lower in _DETERMINERS or prev.text == "-"):
        return False  # "the alleged", "a U.S.-proposed": an adjective
    if prev is not None and (prev.lower.endswith("ly") or prev.lower in _DEGREE) and before is not None \
            and before.lower in _DETERMINERS:
        return False  # "the severely damaged plant", "a still unspecified date"
    if w.startswith("un") and w not in lex.past_irregular and w not in lex.un_verbs:
        return False  # "unspecified", "undisclosed": adjectives
    return not tok.text[0].isupper() or prev is None or prev.text in {'"', "“", "("}


@cache
def _openers() -> frozenset[str]:
    """The words a verb group may start at, but a past form in -ed and a contraction in n't:
    the auxiliaries, "going", "to", the future markers, the present verbs and the irregular
    past forms (what `verb_groups` tests a word against)."""
    lex = _lexicon()
    return (lex.future_aux | lex.past_aux | lex.perfect_aux | lex.present_aux | lex.modal_aux | lex.future_markers
            | lex.present_verbs | lex.past_irregular | {"going", "to"})


def verb_groups(text: str, start: int = 0, end: int | None = None,
                toks: list[Token] | None = None) -> list[VerbGroup]:
    """The verb groups of ``text[start:end]`` in text order."""
    lex = _lexicon()
    toks = tokens(text, start, end) if toks is None else toks
    groups: list[VerbGroup] = []
    openers = _openers()
    i, n = 0, len(toks)
    while i < n:
        tok = toks[i]
        if tok.lower not in openers and not tok.lower.endswith(("ed", "n't", "n’t")):
            i += 1  # (most words: no group starts at them, none of the tests below holds)
            continue
        w = _base(tok.lower)
        prev = toks[i - 1] if i else None
        tense: Tense | None = None
        if w in lex.future_aux:
            tense = Tense.FUTURE
        elif w in lex.past_aux:
            tense = Tense.PAST
        elif w in lex.perfect_aux:
            tense = Tense.PRESENT  # becomes PAST when a participle follows
        elif w in lex.present_aux:
            if w == "am" and prev is not None and prev.text[-1:].isdigit():
                i += 1  # "at 3.15am", "9 am": the clock's a.m., not the verb
                continue
            tense = Tense.PRESENT
        elif w in lex.modal_aux:
            if tok.text == "May" and prev is not None and prev.text not in {'"', "“", "(", ":"}:
                i += 1  # "was held on May 2": the month, not the modal (which opens no sentence capitalised mid-way)
                continue
            tense = Tense.UNKNOWN
        elif w == "going" and i + 1 < n and toks[i + 1].lower == "to":
            tense = Tense.FUTURE
        if tense is not None:
            j = i + 1
            head = w
            have = w in lex.perfect_aux or w == "had"  # (+ "would have": "has grown", "could have gone")
            while j < n:
                t = toks[j].lower
                if t in lex.chain or t in lex.future_markers:
                    have = have or t == "have"
                    if t in lex.future_markers and t != "going":
                        # "was scheduled to expire Friday": planned before, done since or not
                        # yet, so the nearer reading decides; "is scheduled to": future
                        tense = Tense.UNKNOWN if w in lex.past_aux else Tense.FUTURE
                    head = t
                    j += 1
                    continue
                if is_past_form(toks[j], toks[j - 1], toks[j - 2] if j > 1 else None) or t.endswith("ing") or t.endswith("en") \
                        or (have and t in lex.participles):  # ("could have gone", "would have done", "had begun")
                    if w in lex.perfect_aux and tense is Tense.PRESENT:
                        tense = Tense.PAST  # present perfect: completed before now
                    elif have and w in lex.past_modal_perfect and (not t.endswith("ing") or head == "been") \
                            and not _modal_perfect_ahead(text, toks, i, j):
                        # "would have left on Monday", "would have been playing on Saturday": the
                        # day before; not a deadline's future perfect ("could have taken the
                        # capital by Friday", "hope the company might have repaired it")
                        tense = Tense.PAST
                    head = t
                    j += 1
                    break
                break
            if w in lex.perfect_aux and head == w:
                tense = Tense.PRESENT  # "has" as a main verb
            if (w in lex.present_aux | lex.past_aux and head == "to" or (
                    j < n and toks[j - 1].lower == "to" and w in lex.present_aux)) and tense is not Tense.UNKNOWN:
                tense = Tense.FUTURE  # "is to resume": arranged for later
            perfect = (w in lex.perfect_aux or w == "had") and head != w and not head.endswith("ing")
            # a verb the auxiliary does not run into: "did not, in the end, resign", "Not since
            # 1990 has the party won": a group of its own, with the auxiliary's tense
            k = (_detached.after_insertion(text, toks, j, lambda k: _detached_verb(toks, k, lex)) if head != w
                 else _detached.after_inverted_subject(text, toks, i, lambda k: _detached_verb(toks, k, lex)))
            if head != w or k is None:  # (an inverted auxiliary makes no group of its own: "did the party win")
                groups.append(VerbGroup(tok.start, toks[j - 1].end, tense, head, aux=w, perfect=perfect))
            if k is not None:
                verb = toks[k].lower
                done = w in lex.perfect_aux | {"had"} and verb not in _infinitives()
                groups.append(VerbGroup(toks[k].start, toks[k].end, Tense.PAST if done and w in lex.perfect_aux else tense,
                                        verb, aux="" if w in _DO_SUPPORT else w, perfect=done))
                j = k + 1
            i = j
            continue
        if w == "to" and i + 1 < n and toks[i + 1].lower in _infinitives() and prev is not None \
                and prev.lower not in {"according", "due", "prior", "up", "close", "next", "compared"}:
            groups.append(VerbGroup(tok.start, toks[i + 1].end, Tense.FUTURE, toks[i + 1].lower, firm=False,
                                    aux="to"))
            i += 2
            continue
        if w in lex.future_markers and (w in {"scheduled", "slated", "upcoming", "planned", "due", "payable"} or (
                w == "set" and i + 1 < n and toks[i + 1].lower in ("for", "to"))):
            # "a summit set for April" lies ahead; "as previously planned Saturday night" need not
            earlier = prev is not None and prev.lower in ("previously", "originally", "initially", "once")
            groups.append(VerbGroup(tok.start, tok.end, Tense.UNKNOWN if earlier else Tense.FUTURE, w))
        elif is_past_form(tok, prev, toks[i - 2] if i > 1 else None):
            nxt = toks[i + 1].text if i + 1 < n else ""
            if w in lex.participle_adjectives and nxt[:1].islower() and nxt.isalpha() \
                    and nxt.lower() not in _OBJECT_START and nxt.lower() not in _NO_NOUN_AFTER and not _verb_to_infinitive(toks, i, lex) \
                    and (prev is None or prev.lower not in _SUBJECTS) \
                    and not _dated_after_noun(toks, i, lex):  # "he proposed on Friday", "the soldier killed on Saturday is": a verb
                i += 1
                continue  # "preferred shares": an adjective; "killed a guard": a verb
            plural = w in lex.present_or_past and prev is not None and prev.lower.endswith("s") \
                and (prev.text[:1].islower() or i == 1 or not toks[i - 2].text[:1].isalnum()) \
                and prev.lower not in _NOT_PLURAL
            shared = groups[-1] if groups and prev is not None and prev.lower in ("and", "or") else None
            if shared is not None and shared.aux and shared.head != shared.aux and shared.tense is not Tense.PAST \
                    and not shared.head.endswith("ing") and (i + 1 >= n or toks[i + 1].lower not in _OBJECT_START):
                # (a passive takes no object: "are worried and called a meeting" is a past verb)
                # "will be arraigned Wednesday and sentenced Friday": the participle shares the
                # auxiliary of the group it is coordinated with, and its tense
                groups.append(VerbGroup(tok.start, tok.end, shared.tense, w, aux=shared.aux))
                i += 1
                continue
            after_subject = not plural and _after_subject(toks, i, lex)
            found = None if plural or after_subject else _noun_and_finite(toks, i, lex)
            generic = found is not None and _generic_participle(toks, found, lex)
            # ("Anybody caught on Saturday will be fined": no firm past, the clause's future governs)
            groups.append(VerbGroup(tok.start, tok.end, Tense.UNKNOWN if plural else Tense.PAST, w,
                                    firm=w in lex.past_irregular and not plural and not generic, after_subject=after_subject,
                                    after_noun=found is not None and not generic))
        elif w in lex.present_verbs:
            groups.append(VerbGroup(tok.start, tok.end, Tense.PRESENT, w))
        elif w in lex.future_markers and w in {"plans", "intends", "aims", "expects", "hopes", "wants", "prepares", "vowed", "promised", "pledged"}:
            groups.append(VerbGroup(tok.start, tok.end, Tense.FUTURE, w))
        i += 1
    return groups


# ("did the party win": the tense is the group's, the verb stands as a lone past verb does)
_DO_SUPPORT = frozenset({"did", "does", "do"})


def _detached_verb(toks: list[Token], k: int, lex: _Lexicon) -> bool:
    """Is token `k` a verb an auxiliary before it may govern: a base form, a past form, a participle?"""
    w = toks[k].lower
    return w in _infinitives() or w in lex.participles or (w not in lex.chain and is_past_form(toks[k], toks[k - 1]))


def _verb_to_infinitive(toks: list[Token], i: int, lex: _Lexicon) -> bool:
    """"continued to call", "failed to pay": a verb that takes an infinitive, before "to", is a
    past verb, not an adjective ("the continued growth"; "related to", "limited to" take no
    infinitive and stay adjectives)."""
    return i + 1 < len(toks) and toks[i + 1].lower == "to" and toks[i].lower in lex.catenative


@cache
def _cues() -> tuple[frozenset[str], frozenset[str], bool]:
    data = load_toml("tense.toml")
    return frozenset(data["past_before"]), frozenset(data["future_before"]), bool(data["past_possessive"])


@cache
def past_spans() -> frozenset[str]:
    """Simple past verbs that tell a span run to its end: "lasted until Friday" (tense.toml)."""
    return frozenset(load_toml("tense.toml")["past_spans"])


@cache
def _event_day_words() -> frozenset[str]:
    return frozenset(load_toml("tense.toml")["event_day_before"])


def _word_before(text: str, start: int) -> str:
    i = start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    return text[j:i].lower()


# a verb, an optional particle and a capitalised destination, right before "on" and its day
_GOES_TO_RE = re.compile(r"\b([a-z]+s)\s+(?:(?:out|off|back|home)\s+)?(?:to|for)\s+(?:[A-Z][\w.'’-]*\s+){1,3}$")


def present_on_day(text: str, start: int) -> bool:
    """Is the time expression at `start` the day a verb in the present is "on" ("The talks are on
    Monday", "Talks resume on Monday")? Not a happening noun's ("after a crash on Sunday", "his
    arrest on Saturday", "a fatal crash on Sunday"): the word before "on" is "is"/"are", a verb's
    -s form with no determiner before it, or its bare form after a plural."""
    if _word_before(text, start) != "on":
        return False
    on_start = start
    while on_start > 0 and text[on_start - 1] in " \t":
        on_start -= 1
    on_start -= 2
    verb = _word_before(text, on_start)
    if verb in ("is", "are"):
        return True
    if verb not in ("is", "are") and (m := _GOES_TO_RE.search(text, max(0, on_start - 60), on_start)):
        # "The squad flies out to Austria on Thursday", "The president travels to Paris on
        # Monday": a trip's schedule; the verb before its particle and destination
        on_start = m.start(1) + len(m.group(1)) + 1
        verb = m.group(1).lower()
    base = verb[:-3] + "y" if verb.endswith("ies") else \
        verb[:-2] if verb.endswith("es") and verb[:-2] in _infinitives() else verb[:-1] if verb.endswith("s") else verb
    if not base or base not in _infinitives():
        return False
    verb_start = on_start
    while verb_start > 0 and text[verb_start - 1] in " \t":
        verb_start -= 1
    subject = _word_before(text, verb_start - len(verb))
    # a bare form needs a plural subject ("Talks resume"; "a fatal crash on Sunday" is a noun's day)
    return subject not in _DETERMINERS and (base != verb or (subject.endswith("s") and subject not in _NOT_PLURAL))


def names_event_day(text: str, start: int) -> bool:
    """Is the time expression at `start` introduced as the day a happening took place ("on",
    "over": tense.toml's event_day_before)?"""
    return _word_before(text, start) in _event_day_words()


_AT_LEAST_RE = re.compile(r"\b([A-Za-z]+)\s+at\s+(?:least|most)\s*$")


def local_tense(text: str, start: int, end: int) -> Tense | None:
    """The direction the words around a time expression give it, if any: "since March" (past),
    "until Friday" (future), "Wednesday's ruling" (past); None when they say nothing."""
    past_before, future_before, possessive = _cues()
    if possessive and text.startswith(("'s", "’s"), end) and not text[end + 2:end + 3].isalnum():
        return Tense.PAST
    word = _word_before(text, start)
    if word in {"least", "most"} and (m := _AT_LEAST_RE.search(text, max(0, start - 40), start)):
        word = m.group(1).lower()  # "until at least Thursday": until
    if word in past_before:
        return Tense.PAST
    if word in future_before:
        return Tense.FUTURE
    return None


_CONDITIONAL = frozenset({"would", "'d", "’d"})


def looks_ahead(g: VerbGroup) -> bool:
    """Does the group tell of what is still to come from the publication date, as a month alone
    needs ("will be held in November", "is due in November")? A conditional need not: "would
    be an initial number based on limited information in April" (turns.month_told)."""
    return g.tense is Tense.FUTURE and g.aux not in _CONDITIONAL


_MOST_ADDED = 8 + 10 + 40  # the most `governing_group` adds to a group's distance


def governing_group(groups: Sequence[VerbGroup], start: int, end: int,
                    text: str | None = None, subjects: bool = False) -> VerbGroup | None:
    """The verb group nearest to ``[start, end)`` among the groups of its sentence: a group
    before the span wins a tie, a lone -ed form counts for less than an auxiliary (with
    ``subjects``, for a time expression, not one right after its subject: "The show moved on
    Monday" is past, not the present of "show"), and a group
    across a quotation mark counts for little (a quotation keeps its own tense)."""
    best: tuple[int, int] | None = None
    won: VerbGroup | None = None
    if len(groups) > 16:  # a long sentence: only the groups near enough to win are weighed (the
        # penalties below add at most _MOST_ADDED), so that a time among thousands of verbs costs
        # no search of the text between it and each of them, and no look at each of them either:
        # the groups are apart and in text order, so the near ones are found by bisection
        groups = _near(groups, start, end)
    for g in groups:
        if g.end <= start:
            dist, side = start - g.end, 0
        elif g.start >= end:
            dist, side = g.start - end, 1
        else:
            dist, side = 0, 0
        if not g.firm and not (subjects and (g.after_subject or g.after_noun)):
            dist += 8  # a lone -ed form may be an adjective: trust auxiliaries a little more
        if side:
            dist += 10  # the governing verb usually comes first
        if text is not None and _quoted_between(text, *((g.end, start) if g.end <= start else (end, g.start))):
            dist += 40  # "... at 4 a.m. Thursday,'' Castro said.": not the tense of "said"
        if text is not None and text.find(";", *((g.end, start) if g.end <= start else (end, g.start))) >= 0:
            dist += 40  # "Construction began in 2009; the following year the line will open": a semicolon ends a clause
        if best is None or (dist, side) < best:
            best, won = (dist, side), g
    return won


_QUOTES: list = [None, []]  # the last text and where its quotation marks are


def _quoted_between(text: str, a: int, b: int) -> bool:
    """Is there a quotation mark in text[a:b]? Short stretches are searched; a long one is looked
    up among the text's quotation marks, found once per text (a run-on sentence of thousands of
    times would otherwise search to its far verb for each)."""
    if b - a < 200:
        return _QUOTE.search(text, a, b) is not None
    if _QUOTES[0] is not text:
        _QUOTES[:] = [text, [m.start() for m in _QUOTE.finditer(text)]]
    marks = _QUOTES[1]
    k = bisect_left(marks, a)
    return k < len(marks) and marks[k] < b - 1 or _QUOTE.search(text, max(a, b - 2), b) is not None


_STARTS: list = [None, []]  # the last sentence's groups and their starts (asked about time after time)


def _near(groups: Sequence[VerbGroup], start: int, end: int) -> list[VerbGroup]:
    """The groups whose distance to [start, end) is within _MOST_ADDED of the nearest's, in order."""
    if _STARTS[0] is not groups:
        _STARTS[:] = [groups, [g.start for g in groups]]
    starts = _STARTS[1]

    def raw(g: VerbGroup) -> int:
        return start - g.end if g.end <= start else g.start - end if g.start >= end else 0

    k = bisect_left(starts, start)
    lo, hi = max(k - 1, 0), min(k, len(groups) - 1)
    reach = min(raw(groups[lo]), raw(groups[hi])) + _MOST_ADDED
    while lo > 0 and raw(groups[lo - 1]) <= reach:
        lo -= 1
    while hi + 1 < len(groups) and raw(groups[hi + 1]) <= reach:
        hi += 1
    return [g for g in groups[lo:hi + 1] if raw(g) <= reach]


def tense_of_span(groups: Sequence[VerbGroup], start: int, end: int, reported_free: bool = False,
                  text: str | None = None, expected_free: bool = False, subjects: bool = False) -> Tense:
    """The tense of the verb group governing ``[start, end)`` (groups of one sentence).

    With ``reported_free`` (for a month named without its year), a past verb of saying does
    not bind the time: "told oil companies of a cutback in September" speaks of what comes.
    With ``expected_free`` (for a part of "the year"), nor does a past verb of expecting:
    "expected a loss in the fourth quarter of the year"."""
    won = governing_group(groups, start, end, text, subjects)
    if won is None:
        return Tense.UNKNOWN
    tense = won.tense
    if tense is Tense.FUTURE and won.aux == "to" and any(
            g.end <= won.start and g.tense is Tense.PAST for g in groups):
        # "extended their offers to acquire the company Friday": the time may belong to the
        # past verb as well as to the infinitive, so the nearer reading decides
        return Tense.UNKNOWN
    if reported_free and tense is Tense.PAST and won.head in _lexicon().reporting:
        return Tense.UNKNOWN
    if expected_free and tense is Tense.PAST and won.head in _lexicon().expecting:
        return Tense.UNKNOWN
    return tense
