"""Which time expression an event hangs on, and how (on, before, after): the preposition before
the time, the noun a time premodifies or owns, a cleft ("it was on Tuesday that ..."), the
nearest plausible time of the clause (pure). The year a retrospective account is told in:
`narrative`; the envelope the relation gives the event: `dating`."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Sequence

from ..model import Grain, Relation, Timex, TimexType
from ..sources.segment import Token
from ..time.tense import VerbGroup
from .narrative import narrative_year
from .polarity import compared, corrected
from .sayings import CLAUSE_END_RE as _CLAUSE_END_RE, reports as _reports, said_on as _said_on

_COARSE = {Grain.CENTURY, Grain.DECADE, Grain.YEAR, Grain.HALF, Grain.QUARTER, Grain.SEASON}
_DAY_OR_FINER = {Grain.DAY, Grain.PART_OF_DAY, Grain.HOUR, Grain.MINUTE, Grain.SECOND}
BEFORE_WORDS = {"before", "until", "till", "by", "ahead", "prior", "pending"}
AFTER_WORDS = {"after", "since", "following", "from"}


def _preposition(text: str, sent_start: int, timex: Timex) -> str:
    before = text[max(sent_start, timex.start - 32):timex.start].lower().split()
    if len(before) >= 3 and before[-2] == "at" and before[-1] in {"least", "most"}:
        before = before[:-2]  # "until at least Thursday": until
    if not before:
        return ""
    if len(before) >= 2 and (before[-2], before[-1]) in {("ahead", "of"), ("prior", "to"), ("up", "to")}:
        return before[-2]
    if before[-1] in {"until", "till"} and _NOT_UNTIL.search(text, max(sent_start, timex.start - 60), timex.start):
        return "at"  # "Not until 2010 did the party win", "did not win until 2010": it won then
    return before[-1].strip(",;:")


# a negation in the clause before "until" (no comma, no conjunction or other clause between: "would
# not resign and would stay until 2012" stays until then; task time33: nor "whether", "if", "to",
# a modal: "did not say whether he would stay until 2012", "was not allowed to stay until 2005")
_NOT_UNTIL = re.compile(r"(?i)(?:\bnot|n['’]t|\bnever)\b(?:(?!\b(?:and|but|or|who|which|that|while|as|because|whether|if|to|would|will|could|should|can|may|might|must)\b)"
                        r"[^,;:.!?]){0,40}?\b(?:until|till)\s+$")



# a time that is a range itself: "1 to 5 March", "Monday–Friday", "1-5 March", "Monday - Friday";
# not a hyphen within one time ("mid-2008", "mid-March", "2009-04-27", "late-night")
_RANGE_RE = re.compile(r"\b(?:to|until|till|through)\b|–|\s-\s|(?<![\d-])\d{1,2}\s*-\s*\d{1,2}(?![\d-])|"
                       r"(?<!\bmid)(?<!\bMid)(?<!\bearly)(?<!\bEarly)(?<!\blate)(?<!\bLate)(?<=[a-z])-(?=[A-Z])")


def relation_for(prep: str, timex: Timex) -> Relation:
    if prep == "from" and _RANGE_RE.search(timex.text):
        return Relation.DURING  # "lasted from 1 to 5 March", "ran from Monday to Friday": one time, both ends
    if prep in BEFORE_WORDS:
        return Relation.BEFORE
    if prep in AFTER_WORDS:
        return Relation.AFTER
    if timex.type is TimexType.DURATION or (timex.grain is not None and timex.grain in _COARSE) \
            or timex.value.endswith("_REF"):
        return Relation.DURING
    return Relation.ON



def _has_time(t: Timex) -> bool:
    return t.type is not TimexType.SET and (t.envelope is not None or t.relative is not None)


@lru_cache(maxsize=1)
def _referent_re() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    from ..rules import load_toml

    rule = load_toml("events.toml")["referent"]
    return re.compile(rule["after"]), re.compile(rule["year"]), re.compile(rule["before"])


def names_a_level(text: str, t: Timex) -> bool:
    """Is the time a level's ("return to 2007 levels", "pre-2008 levels", "2008 highs"), a
    referent that dates no event (events.toml [referent])? Only a bare year or decade that
    modifies the level's noun: not one that opens its clause or follows a preposition of time
    ("In 2007 prices rose", "On Monday prices fell": those date the event)."""
    after, year, before = _referent_re()
    return after.match(text, t.end, min(len(text), t.end + 20)) is not None \
        and year.fullmatch(text, t.start, t.end) is not None \
        and before.search(text[max(0, t.start - 40):t.start].removesuffix("pre-").removesuffix("post-")
                          .removesuffix("mid-")) is None


def level_noun_end(text: str, t: Timex) -> int:
    """Where the level's noun after the time `t` ends ("2007 | levels"), `t` being a level's
    (names_a_level), else the time's end."""
    m = _referent_re()[0].match(text, t.end, min(len(text), t.end + 20))
    return m.end() if m is not None else t.end


_GAP_RE = re.compile(r"[\s\w'’-]*")
_SUBJECT_RE = re.compile(r"[\w'’-]+(?:\s+[\w'’-]+)?\s+")  # one or two words before the verb
_BREAK_RE = re.compile(r"[;:—]|\b(?:while|but|as|which|who|because|whereas|although)\b")
_THAT_RE = re.compile(r"\bthat\b")
_THAT_NEXT_RE = re.compile(r"\s*,?\s*that\b")  # a "that" clause right after the verb (not "an inquiry that ...")
_STOP_RE = re.compile(r"[.;:!?]|,\s*(?:but|and|adding|saying|as)\b")


def _verb_before_stop(text: str, at: int, groups: Sequence[VerbGroup]) -> bool:
    """Does a verb come after `at` before its clause stops? A reported clause has one ("revealed
    that on Friday troops had left"); a "that" the verb takes as its object has none ("confirmed
    that on Monday in a statement to parliament.", "revealed that on Friday, adding ...")."""
    stop = _STOP_RE.search(text, at)
    end = stop.start() if stop else len(text)
    return any(at <= g.start < end for g in groups)
_WORD_AFTER_RE = re.compile(r"\s+([\w'’-]+)")


def premodifies(text: str, t: Timex, tok: Token) -> bool:
    """Is the time a modifier of the event noun phrase ("overnight assault", "recent deal")?"""
    if t.end > tok.start:
        return False
    gap = text[t.end:tok.start]
    words = gap.lower().split()
    return len(gap) <= 40 and _GAP_RE.fullmatch(gap) is not None and len(words) <= 3 \
        and not any(w in _FUNCTION_WORDS for w in words)



_FUNCTION_WORDS = frozenset("""that the a an and or but to of in on at for with by as from when while which
who whom is was were are be been had has have will would could should may might can did does""".split())


def _owner(text: str, t: Timex, nouns: frozenset[str]) -> tuple[int, str] | None:
    """The happening noun a time premodifies ("overnight bombardment", "Tuesday's strike") and the
    preposition that links that noun phrase to the rest of the clause ("following", "after", ...)."""
    tail = text[t.end:t.end + 40]
    if tail.startswith("'s") or tail.startswith("’s"):
        tail = tail[2:]
    off = t.end + (len(text[t.end:t.end + 40]) - len(tail))
    pos = 0
    for _ in range(3):
        m = _WORD_AFTER_RE.match(tail[pos:])
        if m is None:
            return None
        if m.group(1).lower() in _FUNCTION_WORDS:
            return None
        if m.group(1).lower() in nouns:
            head = text[max(0, t.start - 40):t.start].lower().split()
            lead = next((w for w in reversed(head[-4:]) if w in BEFORE_WORDS or w in AFTER_WORDS), "")
            return off + pos + m.start(1), lead
        pos += m.end()
    return None



# a happening noun right before a time's preposition: "the star's death in June 2009"
_NOUN_BEFORE_TIME_RE = re.compile(r"([\w'’-]+)\s+(?:in|on|at|during)\s*$")
_TIME_PREPOSITIONS = ("in", "on", "at", "during")  # (the words the pattern ends with, white space aside)


def _noun_owner(text: str, tok_end: int, t: Timex, nouns: frozenset[str]) -> tuple[int, str] | None:
    """The happening noun a time after the event post-modifies ("charged over the star's death
    in June 2009": the time is the death's, not the charge's), with the word before or after
    that links that noun to the event ("died after the attack on Monday": after it), else None."""
    end = t.start
    while end > tok_end and text[end - 1].isspace():
        end -= 1
    if not text.endswith(_TIME_PREPOSITIONS, tok_end, end):
        return None  # (the pattern's last word is one of them: most gaps are ruled out without a search)
    between = text[tok_end:t.start]
    m = _NOUN_BEFORE_TIME_RE.search(between)
    if m is None or m.group(1).lower() not in nouns:
        return None
    words = between[:m.start(1)].lower().split()
    if words and words[0] == "by":
        return None  # "was hit by a strong earthquake on March 2": the noun is the agent, its time the verb's
    lead = next((w for w in reversed(words[-4:]) if w in BEFORE_WORDS or w in AFTER_WORDS), "")
    return tok_end + m.start(1), lead


_OF_NOUN_RE = re.compile(r"([\w'’-]+)\s+of\s+$")
# words before "of" that name no thing a day could be the time of ("as of", "the night of")
_OF_NOT_NOUNS = frozenset("as because instead out ahead ahead inside outside top most all some none one each any "
                          "night morning evening afternoon day days week weekend end beginning start middle eve "
                          "dawn hours time".split())


def _of_noun_not(text: str, t: Timex, tok: Token) -> bool:
    """Does a day after "of" post-modify a noun other than the event ("urging them not to forget
    the lessons of September 11": the lessons', not the rallying's)? Not after a word that is
    no such noun ("as of March 3", "the night of Feb. 3")."""
    m = _OF_NOUN_RE.search(text, max(0, t.start - 40), t.start)
    if m is None or m.group(1).lower() in _OF_NOT_NOUNS:
        return False
    return m.end(1) != tok.end


@lru_cache(maxsize=1)
def _since_measure_re() -> re.Pattern[str]:
    from ..rules import load_toml

    words = "|".join(sorted(load_toml("events.toml")["since_measures"], key=len, reverse=True))
    return re.compile(rf"\b(?:{words})\b[^.;:,()]{{0,60}}?\s(since|in|for)\s+$", re.IGNORECASE)


def _since_measured(text: str, t: Timex, tok: Token, groups: tuple[VerbGroup, ...] = ()) -> bool:
    """Is a "since" time, or an "in"/"for" stretch, the measure of a superlative or "first"
    before it, of which the event is no part ("..., indicating the first influenza pandemic since
    1968": not "raised"; "Haiti's worst quake in two centuries hit ... on Tuesday": not two
    centuries from now, nor is the quake)? ("the biggest rally in 2009": a date after "in" is the
rally's time.)"""
    m = _since_measure_re().search(text, max(0, t.start - 80), t.start)
    if m is None or m.group(1).lower() != "since" and (t.type is not TimexType.DURATION or _between(groups, m.start(), t.start)):
        return False  # (a stretch after a verb is the verb's: "The first trains will run in two weeks")
    # (a stretch is not even the measured noun's time: "the worst quake" is no quake for two
    # centuries to come; "the first pandemic since 1968" is one after 1968)
    return m.group(1).lower() != "since" or not (m.start() <= tok.start < t.start)


_CLEFT_RE = re.compile(r"\b(?:it|this)\s+(?:was|is|will\s+be|had\s+been|has\s+been)\s+(?:only\s+|not\s+until\s+|"
                       r"on\s+|in\s+|at\s+|during\s+|until\s+)?$", re.IGNORECASE)


def _between(groups: tuple[VerbGroup, ...], lo: int, hi: int) -> list[VerbGroup]:
    """The verb groups that lie within [lo, hi). (In a sentence of many groups, found from where
    they start: every event of it asks this of every time near it.)"""
    if len(groups) <= 16:
        return [g for g in groups if lo <= g.start and g.end <= hi]
    if _STARTS[0] is not groups:
        starts = [g.start for g in groups]
        _STARTS[:] = [groups, starts if starts == sorted(starts) else None]
    starts = _STARTS[1]
    if starts is None:
        return [g for g in groups if lo <= g.start and g.end <= hi]
    out = []
    for k in range(bisect_left(starts, lo), len(groups)):
        g = groups[k]
        if g.start >= hi:
            break
        if g.end <= hi:
            out.append(g)
    return out


_TAKEN_REACH = 60  # characters from a verb to a time after it that still read as its adjunct
_CLAUSE_EDGE_RE = re.compile(r"[,;:—()\"“”]")


def _taken_before(text: str, sent_start: int, t: Timex, groups: tuple[VerbGroup, ...]) -> bool:
    """Whether time `t` follows another verb of its clause closely, with no clause edge between
    ("had arrived home with a fever last Wednesday", "after the storm hit on Monday"): then it is
    that verb's adjunct, the usual place of a time in English, rather than a later verb's."""
    before = _between(groups, max(sent_start, t.start - _TAKEN_REACH), t.start)
    return bool(before) and not _CLAUSE_EDGE_RE.search(text, before[-1].end, t.start)


_PREPOSITIONS = frozenset("on in at by from to until till since before after of for during between through than "
                          "and or but as about around".split())
_FULL_DATE_RE = re.compile(r"\d{1,2}\D+\d{4}|\d{4}\D+\d{1,2}")  # a day and a year, in words or figures
_NEXT_WORD_RE = re.compile(r"[ \t]+[A-Z]")


def _fronted_clause(text: str, sent: tuple[int, int], groups: tuple[VerbGroup, ...],
                    memo: dict | None) -> tuple[int, str] | None:  # type: ignore[type-arg]
    """Where the clause of time that opens the sentence ends (its comma), and the preposition a
    time after it has for the clause's events ("before": "After the quake struck, on Wednesday
    rescuers ..."), or None (events.toml [fronted_clause]). A clause: one verb before the comma
    ("After talks with France, Germany ..." is a phrase, "After the quake struck rescuers pulled
    ..., officials said" two clauses before one), and no participle's phrase going on after it
    ("After the quake struck, killing 200 people on Tuesday, ...")."""
    key = ("fronted", sent[0], sent[1])
    if memo is not None and key in memo:
        return memo[key]  # type: ignore[no-any-return]
    found = None
    m = _fronted_re().match(text, sent[0], sent[1])
    if m is not None:
        comma = text.find(",", m.end(), sent[1])
        if comma >= 0 and not _CLAUSE_EDGE_RE.search(text, m.end(), comma) \
                and sum(1 for g in groups if m.end() <= g.start < comma) == 1 \
                and not _GOES_ON_RE.match(text, comma + 1):
            found = (comma, "before" if m.group(1).lower() in _fronted_words()[0] else "after")
    if memo is not None:
        memo[key] = found
    return found


_GOES_ON_RE = re.compile(r"\s*[a-z]+ing\b")  # ", killing 200 people": the clause goes on
_ATTRIBUTED_RE = re.compile(r"[,;:—()]|\b(?:said|says|told|tells|reported|reports|announced|added|confirmed|"
                            r"according)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _fronted_words() -> tuple[frozenset[str], frozenset[str]]:
    from ..rules import load_toml

    rules = load_toml("events.toml")["fronted_clause"]
    return frozenset(rules["before_main"]), frozenset(rules["after_main"])


@lru_cache(maxsize=1)
def _fronted_re() -> re.Pattern[str]:
    words = sorted(_fronted_words()[0] | _fronted_words()[1], key=len, reverse=True)
    return re.compile(r"""[\s"“‘'(]*(""" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\s",
                      re.IGNORECASE)


def _entry_heads(text: str, sent: tuple[int, int], timexes: list[Timex], groups: tuple[VerbGroup, ...],
                 memo: dict | None) -> tuple[int, ...]:  # type: ignore[type-arg]
    """Where the dates that head a chronology's entries start in this sentence (`_heads_entry`):
    each parts the sentence, for the times that govern its events, as a full stop would."""
    key = ("entry heads", sent[0], sent[1])
    known = memo.get(key) if memo is not None else None
    if known is None:
        known = tuple(t.start for t in timexes if sent[0] <= t.start < sent[1]
                      and _heads_entry(text, sent[0], t, _preposition(text, sent[0], t), groups))
        if memo is not None:
            memo[key] = known
    return known  # type: ignore[no-any-return]


def _heads_entry(text: str, sent_start: int, t: Timex, prep: str, groups: tuple[VerbGroup, ...]) -> bool:
    """Whether a full date heads what follows it, as the entries of a chronology a page ran
    together do ("Footage of the raid on Dr Murray's clinic | 21 November 2009 Court documents
    reveal ..."): a day with its year, no preposition, verb or punctuation before it (a caption
    or the last entry ends there) and a capital right after it. Then it dates nothing before it, and nothing after it is dated by
a time before it.
    Not a date a verb takes bare ("he died 25 June 2009 ..."), nor one that opens its sentence."""
    if t.grain is not Grain.DAY or not _FULL_DATE_RE.search(t.text) or not _NEXT_WORD_RE.match(text, t.end):
        return False
    if not prep or not prep.isalpha() or prep in _PREPOSITIONS:
        return False
    if not text[sent_start:t.start].rstrip() or text[t.start - 1] != " ":
        return False
    word_start = text.rfind(" ", sent_start, t.start - 1) + 1
    # ("died | 25 June 2009", "was released | 4 March 2012": the verb's own date)
    return not any(word_start <= g.end <= t.start for g in _between(groups, max(sent_start, t.start - 80), t.start))


_STARTS: list = [None, None]  # type: ignore[type-arg]  # the last long sentence's groups and where they start
OUT_OF_REACH = 220 + 100 + 40  # characters between a time and an event beyond which the time cannot govern it


def best_timex(text: str, sent: tuple[int, int], tok: Token, timexes: list[Timex],
                groups: tuple[VerbGroup, ...], is_verb: bool,
                nouns: frozenset[str] = frozenset(),
                memo: dict[tuple[int, int, int], tuple[str, tuple[int, str] | None]] | None = None,
                ) -> tuple[Timex, str, float, bool] | None:
    """The time expression that governs the event at `tok`, its preposition, a score (lower is
    stronger) and whether it premodifies the event (`premodifies`, asked of nouns only); None
    when no time of the sentence plausibly governs it. What a time
    says whatever the event (its preposition, the noun it premodifies) is kept in `memo`, if
    given, for the other events of its sentence (one dict per text and nouns)."""
    best: tuple[float, Timex, str, bool, float] | None = None
    first_verb = groups[0].start if groups else sent[1]
    headers = _entry_heads(text, sent, timexes, groups, memo)
    fix: tuple[int, int] | None | bool = False  # (what a corrected denial affirms, read when needed)
    for t in timexes:
        if not _has_time(t) or names_a_level(text, t):
            continue
        if t.end <= tok.start and t.start >= sent[0] and compared(text, tok.start, sent[1]):
            continue  # "Not since 2001 have markets fallen this far": 2001 was the last time, not this one
        if t.start >= tok.end and t.end <= sent[1]:
            if fix is False:
                fix = corrected(text, tok.start, tok.end, sent[1])
            if fix and t.end <= fix[0]:  # type: ignore[index]
                continue  # "did not die in 2009 but in 2010": the denied time is not the happening's
        lo, hi = (t.end, tok.start) if t.end <= tok.start else (tok.end, t.start)
        if hi - lo > OUT_OF_REACH:
            continue  # (its score, the distance less at most 140 below, cannot come within 220)
        between = text[lo:hi]
        score = float(hi - lo)
        key = (sent[0], t.start, t.end)
        known = memo.get(key) if memo is not None else None
        if known is None:
            known = (_preposition(text, sent[0], t), _owner(text, t, nouns))
            if memo is not None:
                memo[key] = known
        prep = known[0]
        if any(tok.end <= h <= t.start or t.end <= h < tok.start for h in headers):
            continue  # "... read out in court | 1 November 2011 Dr Murray tells ...": another entry's
        premod = not is_verb and premodifies(text, t, tok)
        owner = None if premod or t.start in headers else known[1]  # (an entry's date owns no noun after it)
        if owner is not None and owner[0] != tok.start and not (
                is_verb and owner[0] < tok.start and _SUBJECT_RE.fullmatch(text, owner[0], tok.start)):
            # (unless the noun is the verb's subject: "the overnight assault utilized 32 missiles")
            if not owner[1]:
                continue  # "the overnight bombardment": the time is that noun's, not the clause's
            prep = owner[1]  # "... following the overnight bombardment": after it
        if not premod and t.start >= tok.end and (later := _noun_owner(text, tok.end, t, nouns)) is not None:
            if not later[1]:
                continue  # "charged over the star's death in June 2009": the time is the death's
            prep = later[1]  # "died after the attack on Monday": after it
        if premod:
            score -= 100
        elif t.value.endswith("_REF") and t.type is TimexType.DATE and prep not in {"in", "until", "since"}:
            continue  # "recent", "upcoming": they qualify the noun they precede, nothing else
        if prep == "of" and not premod and t.grain not in _DAY_OR_FINER:
            score += 150  # "the bombardment of the year": a scope, not a time
            # (a day is the happening's: "the bombings of July 7", "the attacks of September 11")
        elif prep == "of" and not premod and _of_noun_not(text, t, tok):
            continue  # "the lessons of September 11": the day is that noun's, not the clause's
        elif prep in {"since", "in", "for"} and _since_measured(text, t, tok, groups):
            continue  # "the first pandemic since 1968", "the worst in two centuries": the measure's
        if t.grain in _COARSE:
            score += 30
        if t.end <= first_verb and t.start - sent[0] < 40:
            score -= 40  # a sentence-initial time frames the whole main clause
        score += 25 * len(_BREAK_RE.findall(between))
        if t.end <= tok.start and _THAT_RE.search(between) and not _CLEFT_RE.search(text, max(sent[0], t.start - 300), t.start):
            score += 250  # "said on Tuesday that ...": the time is the saying's, not the reported event's
            # (but "It was on March 3 that rescuers pulled ...": a cleft, the time is the clause's)
        elif is_verb and tok.end <= t.start and _THAT_NEXT_RE.match(between) and _reports(text, tok) \
                and not _CLAUSE_END_RE.match(text, t.end) and _verb_before_stop(text, t.end, groups):
            # "revealed that, from 1 November ...": the time is the reported clause's (not a "that"
            # the verb takes as its object: "confirmed that in a statement on Friday.", "saw that film")
            score += 250
        elif is_verb and t.end <= tok.start and _said_on(text, t, groups):
            score += 250  # "said on Saturday a herd of swine was infected": the saying's, "that" unsaid
        own = _between(groups, lo, hi)
        if own and not (not is_verb and len(own) == 1 and " " not in text[own[0].start:own[0].end]
                        and own[0].head.endswith("ed")):
            score += 60 * len(own)  # another verb stands between: the time is that verb's
        # "arrived ... last Wednesday, and was isolated ... on Saturday": Wednesday closes the
        # clause of the verb before it, and a time of the event's own clause wins; with no such
        # rival it still dates the event, as strongly as before
        choice = score + 60 if is_verb and t.end <= tok.start and _taken_before(text, sent[0], t, groups) else score
        if best is None or choice < best[0]:
            best = (choice, t, prep, premod, score)
    if best is None or best[4] > 220:
        return None
    t = best[1]
    if (fronted := _fronted_clause(text, sent, groups, memo)) is not None and tok.end <= fronted[0] <= t.start \
            and not _ATTRIBUTED_RE.search(text, fronted[0] + 1, t.start):
        # "After the WHO raised its alert level, on Thursday the UK started ...": the main
        # clause's time; the clause's happening came before it (or, "Before ...", after it).
        # (Not the time of an attribution or a clause after the main one: "..., turnout was
        # 60 percent, officials said on Sunday")
        best = (best[0], t, fronted[1], best[3], best[4])
    if memo is not None:
        t = narrative_year(text, sent, t, groups, memo)  # (a date an account's year moves, or one counted from it)
    return t, best[2], best[4], best[3]
