"""Which clause of its sentence an event or a time belongs to, read off the words without a
parse: a "since" clause (what it tells lies before the sentence's own time), an "as" clause of
saying (its time is the saying's), an "if" or "whether" clause (what it tells is supposed, not
reported). The event finder (events.mentions) asks these of each event and time."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache
from typing import TYPE_CHECKING, Sequence

from ..model import TimexType
from ..rules import load_toml
from ..sources.segment import Token

if TYPE_CHECKING:
    from ..model import Timex
    from ..time.tense import VerbGroup


def in_since_clause(text: str, sent_start: int, at: int) -> bool:
    """Is the word at `at` inside a "since" clause that opens its sentence or a clause of it
    ("Since US forces invaded the country, Iraq has ...")?"""
    lo = max(sent_start, at - 200)
    return _SINCE_RE.search(text, lo, at) is not None and _SINCE_CLAUSE_RE.search(text[lo:at]) is not None


def has_since(text: str, start: int, end: int) -> bool:
    """Is "since" in text[start:end] at all? (What `in_since_clause` needs of the sentence: one
    without it holds no "since" clause, and its events need not be asked one by one.)"""
    return _SINCE_RE.search(text, start, end) is not None


_SINCE_RE = re.compile(r"since", re.IGNORECASE)  # (what a "since" clause needs: most windows lack it)
_SINCE_CLAUSE_RE = re.compile(r"(?:^|[,;:(—–]\s*|\s-\s)[\"“‘']?since\s+[^,;:()—–]*$", re.IGNORECASE)
_AS_CLAUSE_RE = re.compile(r"(?:^|[,;:(—–]\s*|\s-\s)[\"“‘']?as\s+(?:[\w'’.-]+\s+){1,5}$", re.IGNORECASE)


_AS_START_RE = re.compile(r"(?:^|[,;:(—–]\s*|\s-\s)[\"“‘']?as\s+", re.IGNORECASE)
_AS_WORD_RE = re.compile(r"[\w'’.-]+")
_STOP_RE = re.compile(r"[,;:()—–]")


def said_after(at: int, said: tuple[tuple[int, int], ...], timexes) -> "Timex | None":  # type: ignore[no-untyped-def]
    """The time of the first "as" clause of saying after `at` in its sentence, if it names one."""
    for a, b in said:
        if a >= at:
            return next((t for t in timexes if a <= t.start < b and t.type is not TimexType.DURATION), None)
    return None


def as_said_clauses(sentence: str, offset: int, saying: frozenset[str]) -> tuple[tuple[int, int], ...]:
    """The spans (in the text, `offset` being where the sentence starts) of the sentence's "as"
    clauses of saying ("As Mark Danner put it in the New York Times yesterday,", ", as the
    minister said on Monday"): from "as" to the clause's end. A time in one is the saying's,
    and governs nothing outside it. Not a temporal "as" ("As the storm hit on Monday,
    residents fled"): its verb, within its first seven words, must be one of saying (`saying`:
    the forms of events.toml's attribution verbs)."""
    if "as " not in sentence.lower():
        return ()
    stops = [m.start() for m in _STOP_RE.finditer(sentence)]  # (found once, as in if_clauses)
    out = []
    for m in _AS_START_RE.finditer(sentence):
        k = bisect_left(stops, m.end())
        stop = stops[k] if k < len(stops) else len(sentence)
        for k, w in enumerate(_AS_WORD_RE.finditer(sentence, m.end(), stop)):
            word = w.group().lower()
            if k >= 7:
                break
            if word in saying or (word in ("put", "puts") and sentence.startswith(" it", w.end())):
                out.append((offset + m.start(), offset + stop))
                break
    return tuple(out)


def as_said_verb(text: str, sent_start: int, tok: Token, group: "VerbGroup | None", lemma: str,
             attribution: frozenset[str]) -> bool:
    """Is the verb the saying of an "as" clause ("As Mark Danner put it in the New York Times,
    ...", "..., as the minister said on Monday")? It tells who said it, not a happening."""
    if not (lemma in attribution or tok.lower in ("put", "puts") and text.startswith(" it", tok.end)):
        return False
    start = group.start if group is not None else tok.start
    return _AS_CLAUSE_RE.search(text[max(sent_start, start - 80):start]) is not None



def supposed_clauses(sentence: str, offset: int) -> tuple[tuple[int, int], ...]:
    """The spans (in the text, `offset` being where the sentence starts) of the sentence's
    clauses that suppose or wonder rather than report, from their opening word to the clause's
    end: "if" and "unless" ("if they face the threat of being prosecuted", "If talks fail,"),
    "whether", "Assuming the vote passes", a "that" clause a hypothetical thought or proof
    opens ("would have to be evidence that Iraq was not complying"). What one tells is
    supposed, not reported, and takes no time from outside it. The patterns are rules
    (events.toml [supposition]); "if only", "if not", "if any" suppose nothing ("ended, if only
    briefly, on Tuesday")."""
    low = sentence.lower()
    stops = None
    out = []
    for needs, pattern in _supposition():
        if not any(w in low for w in needs):
            continue
        for m in pattern.finditer(sentence):
            if stops is None:  # (found once: a sentence may hold thousands of "if")
                stops = [s.start() for s in _STOP_RE.finditer(sentence)]
            start = m.start("open")
            if "close" in pattern.groupindex:  # (a clause that ends where the pattern says: a question's mark)
                out += ((offset + a, offset + b) for a, b in _asked_pieces(sentence, start, m.end("close")))
                continue
            k = bisect_left(stops, m.end())
            out.append((offset + start, offset + (stops[k] if k < len(stops) else len(sentence))))
    return tuple(sorted(set(out)))


@cache
def _supposition() -> tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]:
    """Each pattern with the words a sentence needs for it to match (`needs`)."""
    rules = load_toml("events.toml")["supposition"]
    if len(rules["needs"]) != len(rules["patterns"]):
        raise ValueError("events.toml [supposition]: one list of `needs` for each pattern")
    return tuple((tuple(n), re.compile(p)) for n, p in zip(rules["needs"], rules["patterns"]))


def question_at(text: str, sent: tuple[int, int], pos: int) -> tuple[tuple[int, int], ...] | None:
    """The yes-or-no question its auxiliary opens ("Has the bank cut rates this week?", "Will the
    talks resume on Friday?": events.toml [supposition], the pattern that closes at its mark)
    that holds `pos`, as the spans of the text it asks (a clause set off by commas inside it, a
    participle's or a relative's, left out: "Can the bank, rescued on Monday, survive?"),
    else None."""
    sentence = text[sent[0]:sent[1]]
    if "?" not in sentence:
        return None
    for _, pattern in _supposition():
        if "close" in pattern.groupindex and (m := pattern.search(sentence)) is not None:
            pieces = _asked_pieces(sentence, m.start("open"), m.end("close"))
            if any(sent[0] + a <= pos < sent[0] + b for a, b in pieces):
                return tuple((sent[0] + a, sent[0] + b) for a, b in pieces)
    return None


@cache
def _question_aside() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    tense = load_toml("tense.toml")
    participles = "|".join(sorted(tense["participles"], key=len, reverse=True))
    rules = load_toml("events.toml")["supposition"]
    return (re.compile(rules["question_aside"].replace("PARTICIPLE", participles)),
            re.compile(rules["question_aside_coordinated"].replace("PARTICIPLE", participles)),
            frozenset(tense["participle_adjectives"]))


def _asked_pieces(sentence: str, start: int, end: int) -> list[tuple[int, int]]:
    """The question's span [start, end) of the sentence less its asides set off by commas
    (events.toml [supposition] question_aside: "Will the talks, which collapsed on Monday, ever
    resume?" asks "Will the talks ever resume?"; the collapse is told)."""
    pieces = []
    at = start
    aside, coordinated, adjectives = _question_aside()
    for m in aside.finditer(sentence, start, end):
        if coordinated.match(sentence, m.end()) is not None \
                or sentence[m.start() + 1:m.end()].split()[0].lower() in adjectives:
            continue  # ("cut jobs, raised fees, or closed branches"; "the mayor, elected on Friday,")
        pieces.append((at, m.start() + 1))  # (the first comma kept with what precedes it)
        at = m.end()
    pieces.append((at, end))
    return pieces


def clause_at(clauses: tuple[tuple[int, int], ...], starts: list[int], pos: int) -> tuple[int, int] | None:
    """The innermost of `clauses` (spans in text order, `starts` their starts) that holds `pos`:
    the last to start before it, as one that starts earlier ends no later (each runs to the next
    stop)."""
    k = bisect_right(starts, pos) - 1
    return clauses[k] if k >= 0 and pos < clauses[k][1] else None


class NearSpans:
    """Spans of a long sentence (its times, its verb groups, ...) near a token's label (its
    words within reach of `cut.cut_label`: LABEL_REACH tokens each side), found by bisection:
    a run-on sentence of thousands of times and events stays linear."""

    def __init__(self, *lists: list[tuple[int, int]]) -> None:
        self.lists = lists
        self.starts = [[a for a, _ in spans] for spans in lists]
        self.longest = [max((b - a for a, b in spans), default=0) for spans in lists]

    def around(self, toks: list[Token], i: int) -> tuple[list[tuple[int, int]], ...]:
        lo, hi = toks[max(i - LABEL_REACH, 0)].start, toks[min(i + LABEL_REACH, len(toks) - 1)].end
        return tuple(spans[bisect_left(starts, lo - longest):bisect_right(starts, hi)]
                     for spans, starts, longest in zip(self.lists, self.starts, self.longest))


LABEL_REACH = 12  # tokens around a trigger that `cut.cut_label` may look at (6-7 back, 8 ahead, and one each side)


_NOT_A_NOUN = frozenset("who which that and or but then also it they he she we i you not never there this these "
                        "those has have had is are was were be been become became becomes got get gets "
                        "seemed seems remained remains felt looked appeared being having getting".split())
# after "by", what is no agent: a measure ("climbed by two points", "won by a landslide") or a
# way to travel ("traveled by bus", "escaped by boat")
_NO_AGENT = frozenset("a an about around nearly almost more less far much some over up just roughly one two three four "
                      "five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred hundreds half "
                      "bus buses car cars train trains boat boats plane planes air sea road rail foot ship ships "
                      "helicopter ferry taxi coach bike bicycle land phone email mail post telephone video "
                      "motorcycle motorbike minibus van vans truck lorry jet thirteen fourteen fifteen sixteen "
                      "seventeen eighteen nineteen sixty seventy eighty ninety dozen dozens scores thousands "
                      "night day default mistake accident chance".split())


def passive_after_noun(toks: list[Token], i: int, group: "VerbGroup | None",
                       groups: "Sequence[VerbGroup]" = ()) -> bool:
    """Is the verb at `i` a passive participle that tells of the noun before it, its agent after
    "by" ("the main grounds offered by the attorney general", "evidence presented by
    prosecutors")? Such a participle tells what happened to the noun before the sentence's
    time, and only a time after it, in its own words, dates it ("documents leaked by the ministry
    on Monday"). Not a verb with an auxiliary ("was offered by"), nor a measure after "by"
    ("prices increased by 5%", "won by a landslide"), nor the clause's own verb: a verb of the
    sentence's `groups` must come before the noun, or a preposition before its phrase ("one of
    the grounds offered by"; not "On Friday the team traveled by coach")."""
    if group is None or group.aux or i == 0 or i + 2 >= len(toks):
        return False
    if not any(g.end <= toks[i - 1].start and g is not group for g in groups) and not _object_before(toks, i - 1) \
            and not _verb_after_agent(toks, i, groups):
        return False
    tok, prev, nxt, agent = toks[i], toks[i - 1], toks[i + 1], toks[i + 2]
    return (tok.lower.endswith("ed") and nxt.lower == "by" and tok.lower not in _PAST_BY and prev.text.isalpha() and prev.text.islower()
            and prev.lower not in _NOT_A_NOUN and not prev.lower.endswith("ly")
            and agent.text[:1].isalpha() and agent.lower not in _NO_AGENT)


_CLAUSE_BREAK = frozenset(", ; : ( ) — – and or but where when while which who that as after before because so".split())


def _verb_after_agent(toks: list[Token], i: int, groups: "Sequence[VerbGroup]") -> bool:
    """Does the clause's own verb come after the participle's "by" phrase, with no comma or clause
    word between ("On Monday the documents leaked by the ministry | showed the plan")?"""
    at = i + 2
    for g in groups:
        if g.start <= toks[i].start:
            continue
        while at < len(toks) and toks[at].start < g.start:
            if toks[at].lower in _CLAUSE_BREAK:
                return False
            at += 1
        return True
    return False


# verbs that go or stay "by" a place, with no agent ("supporters of reform marched by the
# parliament", "the minister stopped by the hospital"): never this passive
_PAST_BY = frozenset("marched walked stopped strolled wandered drove cruised sailed flew raced rushed hurried swept "
                     "camped gathered lingered waited queued lined paraded travelled traveled ran stood sat lived "
                     "stayed dropped popped swung".split())

_DETERMINER = frozenset("the a an this that these those its his her their our my your some many several".split())
_PREPOSITION = frozenset("of in on at to for with from about against over under into onto by among".split())


def _object_before(toks: list[Token], j: int) -> bool:
    """Does a preposition open the noun phrase that ends at token `j` ("one of the main grounds")?"""
    while j > 0 and toks[j].text.isalpha() and toks[j].text.islower() and toks[j].lower not in _DETERMINER \
            and toks[j - 1].lower not in _PREPOSITION:
        j -= 1
    if toks[j].lower in _DETERMINER:
        j -= 1
        return j >= 0 and toks[j].lower in _PREPOSITION
    # (or the noun right after it: "critics of | policies adopted by the government")
    return toks[j].lower in _PREPOSITION or j > 0 and toks[j - 1].lower in _PREPOSITION and toks[j].text.isalpha()


# (not a "which" that refers to the whole clause before it: "Troops stormed the building, which
# happened on Monday")
_RELATIVE_START_RE = re.compile(r",\s*(?:which(?!\s+(?:\w+\s+)?(?:happened|occurred|took\s+place)\b)|who|whom|whose)\b",
                                re.IGNORECASE)


def relative_clauses(sentence: str, offset: int) -> tuple[tuple[int, int], ...]:
    """The spans (in the text) of the sentence's non-restrictive relative clauses, from "which"
    or "who" after a comma to the clause's end (", which killed him in 2009."): a time in one is
    its verb's, and dates nothing outside it ("found Murray guilty of giving him Propofol, which
    killed him in 2009": the verdict is not of 2009)."""
    if "which" not in sentence and "who" not in sentence:
        return ()
    out = []
    for m in _RELATIVE_START_RE.finditer(sentence):
        stop = _STOP_RE.search(sentence, m.end())
        out.append((offset + m.start() + 1, offset + (stop.start() if stop else len(sentence))))
    return tuple(out)
