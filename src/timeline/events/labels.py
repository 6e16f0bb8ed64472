"""Event labels and participants from the parse of their sentences.

The parser (`syntax`) is costly next to everything else a build does (about ten times the
extraction of time expressions, per sentence), so it reads what needs it: every sentence that
holds an event in a small input (up to PARSE_ALL_WORDS words), and in a larger one only the
sentences of the mentions of the happenings a reader is shown first (the top of the ranking).
A label the parse cannot give (a sentence too long or not in English, a parse that makes the
event a modifier) stays the one cut from the text around the trigger, tidied: no clock stamp
or dateline at its start, no function word at its end.

A sentence is parsed from where its news begins: the datelines, wire and page stamps and
headlines in capitals a page runs into it are set apart (`pieces`, rules/en/labels.toml).

A pronoun subject ("he", "it") or possessive ("his songs") stands for the last fitting name of
the article (`syntax.coref`: "he" a person's, "it" an organization's...; "the company" an
organization's), among the parsed sentences (those of the events, and the COREF_CONTEXT
sentences before each that has a word that may refer back); with none, the label goes without a
subject, and the label lint (syntax.lint) says so: a happening then wears another mention's
label. Participants take the resolved names too.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache, lru_cache
from typing import Iterable, Mapping, Sequence

from .anchoring import level_noun_end, names_a_level
from .clauses import question_at
from ..model import Document, Event, Timex
from .evolve import evolve
from .negation import NOUN_PREPOSITIONS as _NOUN_PREPOSITIONS, affirmed as _affirmed, negated_label, past as _past  # noqa: F401 (re-exported)
from ..rules import load_toml, regex_cache
from ..sources.segment import sentence_spans
from ..syntax import Parse, parse_spans
from ..syntax.clauses import END_WORDS, STAMP_RE, clause, token_at
from ..syntax.coref import Coreference, anaphor_pattern
from ..syntax.lint import lint, lint_words, run_on_at
from ..syntax.tree import SUBJECTS, Resolver

DAY_MODIFIERS = frozenset({"last", "next", "this", "early", "late", "every", "on", "since", "until", "by"})
PARSE_ALL_WORDS = 30_000  # an input of up to this many words is parsed whole
COREF_CONTEXT = 2  # sentences before one with an event that are parsed for the names it refers to


# a page's stamp the length limit cut short at the label's end: "... from Basra Monday 15",
# "... Tuesday 19 July 2005 00.53"
_STAMP_TAIL = re.compile(r"\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+\d{1,2}(?:\s+[A-Z][a-z]+\.?(?:\s+\d{4}"
                         r"(?:\s+\d{1,2}[.:]\d{2})?)?)?\W*$")


def tidy(label: str) -> str:
    """A label cut from the text made presentable: no clock stamp or dateline at its start, no
    function word, day's name, dangling punctuation or half word cut off by the length limit at
    its end."""
    unstamped = STAMP_RE.sub("", label)
    if "day" in unstamped:  # (what every day's name in _STAMP_TAIL holds: most labels are not read for it)
        unstamped = _STAMP_TAIL.sub("", unstamped)
    words = unstamped.strip(" ,;:-–—").split()
    if label.endswith("…") and len(words) > 2:  # cut off at the length limit: its last word may be half
        words.pop()
    time_words = lint_words().time_words
    while len(words) > 1 and (words[-1].lower().strip(",;:") in END_WORDS
                              or words[-1].lower().strip(",;:.") in time_words):
        # (a day's name ends no headline: "... was crucial Thursday" runs into the page's stamp;
        # its date phrase goes whole: "collapsed last Thursday")
        if words.pop().lower().strip(",;:.") in time_words:
            while len(words) > 1 and words[-1].lower() in DAY_MODIFIERS:
                words.pop()
    out = " ".join(words).rstrip(",;:-–—")
    return out[:1].upper() + out[1:] if out else label


@cache
def _subordinators() -> frozenset[str]:
    return frozenset(load_toml("labels.toml")["cut"]["subordinators"])


def own_clause(label: str, trigger: str) -> str:
    """A label cut from the text without the words before the clause its trigger is in: it
    starts after the last subordinating word before the trigger ("ambulance with Jackson after
    | he collapsed"), rules/en/labels.toml [cut]; and without a sentence a page ran into it
    (`syntax.lint.run_on_at`: "an obscene nightmare | Five days after")."""
    words = label.split()
    wanted, subordinators = trigger.lower(), _subordinators()
    at = cut = None
    for k, w in enumerate(words):  # (up to the trigger: the words after it do not count)
        w = w.lower().strip(".,;:!?\"'“”‘’()-–—")
        if w == wanted:
            at = k
            break
        if w in subordinators:
            cut = k
    if at is None:
        return label
    start = 0 if cut is None else cut + 1
    end = len(words)
    openers = lint_words().run_on_openers
    if openers.isdisjoint(w.strip("\"'“”‘’") for w in words[start + 1:]):
        return label if start == 0 else " ".join(words[start:])  # (no sentence can start in it)
    while (run_on := run_on_at(words[start:end], openers)) is not None:
        # a sentence the page ran into it, before or after the trigger's: "9/11 unleashed an
        # obscene nightmare | Five days after 9"
        if start + run_on <= at:
            start += run_on
        else:
            end = start + run_on
    return label if (start, end) == (0, len(words)) else " ".join(words[start:end])


def presentable(label: str, trigger: str) -> str:
    """A label cut from the text around the trigger, as a reader is shown it when no parse
    gives one: only the piece of it that holds the trigger where a page's stamp or a dateline
    divides it ("Katrina ... policies and actions | Friday 2 September 2005 10.29 BST", "Monday
    22 August 2005 00.09 BST | The executions are carried out"), its own clause (`own_clause`),
    tidied (`tidy`: no time phrase at its end, the date beside it says when)."""
    return _presentable(label, trigger)


@lru_cache(maxsize=65536)
def _presentable(label: str, trigger: str) -> str:
    return tidy(own_clause(own_piece(label, trigger), trigger))


def own_piece(label: str, trigger: str) -> str:
    """The piece of `label` its trigger word is in, between the datelines and stamps
    (rules/en/labels.toml [dateline]) that divide it; the label itself when none does."""
    if not _dateline_cue().search(label):
        return label
    cuts = sorted((m.start(), m.end()) for pattern in _datelines() for m in pattern.finditer(label))
    if not cuts:
        return label
    at = re.search(rf"(?<!\w){re.escape(trigger)}(?!\w)", label, re.IGNORECASE)
    if at is None:
        return label
    start = 0
    for a, b in cuts:
        if b <= at.start():
            start = max(start, b)
        elif a > at.start():
            return label[start:a].strip()
    return label[start:].strip()


@cache
def _dateline_cue() -> re.Pattern[str]:
    found = _searched(load_toml("labels.toml")["dateline"]["cue"])
    regex_cache.flush()
    return found


@cache
def _datelines() -> tuple[re.Pattern[str], ...]:
    found = tuple(_searched(p) for p in load_toml("labels.toml")["dateline"]["patterns"])
    regex_cache.flush()
    return found


_ANCHORED = re.compile(r"(?:\(\?:)*(?:\^|\\A)")  # (a pattern that opens where the text does: "^", "(?:^")


def _searched(pattern: str) -> re.Pattern[str]:
    """A pattern searched for in every label and sentence, compiled with the regex engine's
    search shortcut (`rules.regex_cache`: the same matches, found in a half to a seventh of
    the time), unless it opens at the start of the text, where the engine tries it once
    anyway (and the shortcut would make it try every position)."""
    return re.compile(pattern) if _ANCHORED.match(pattern) else regex_cache.compile(pattern)


def body_start(text: str, start: int, end: int) -> int:
    """Where the news of the sentence text[start:end] begins: after the last dateline, clock
    stamp or headline in capitals that wire copy puts before it ("NEW YORK (Reuters) - ",
    "14.37 BST ", "PASSENGERS URGED TO COME FORWARD "), so the parse reads the sentence alone."""
    return pieces(text, start, end)[-1][0]


def pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentence text[start:end] in the parts its datelines and stamps divide it into (the
    headline and stamp a page runs into its first sentence, then the news), each without them."""
    piece = text[start:end]
    cuts: list[tuple[int, int]] = []
    for pattern in _datelines() if _dateline_cue().search(piece) else ():
        for m in pattern.finditer(piece):
            if m.end() < len(piece) and _capitals_ok(m.group()):
                cuts.append((m.start(), m.end()))
    out, at = [], 0
    for a, b in sorted(cuts):
        if b <= at:
            continue
        if a > at and piece[at:a].strip():
            out.append((start + at, start + a))
        at = max(at, b)
    out.append((start + at, end))
    return out


def _capitals_ok(found: str) -> bool:
    """A run of words in capitals is a headline or dateline, not a pair of acronyms ("US CDC"),
    when it has seven letters or more."""
    if not found.lstrip()[:1].isupper() or any(c.islower() for c in found) or "(" in found:
        return True
    return sum(c.isalpha() for c in found) >= 7


def document_sentences(doc: Document) -> tuple[tuple[int, int], ...]:
    """The document's sentences as the analysis sees them (its own, or ours; no furniture)."""
    spans = sentence_spans(doc.text, doc.sentences)
    if doc.furniture:
        furniture = set(doc.furniture)
        spans = tuple(s for s in spans if s not in furniture)
    return spans


class _Plan:
    """What labelling the chosen events of an article parses: the parts of their sentences
    (`flat`: sentence index and span, those `given` lacks), and the sentences just before one
    with an anaphor (`context`, parsed from where their news begins; `whole`: those `given`
    has)."""

    def __init__(self, doc: Document, chosen: Sequence[Event], given: Mapping[int, Parse | None]) -> None:
        self.spans = spans = document_sentences(doc)
        self.starts = [s for s, _ in spans]
        self.needed = needed = sorted({self.sentence_of(e.start) for e in chosen})
        self.parts = parts = {k: pieces(doc.text, *spans[k]) for k in needed}
        self.kept = {(k, spans[k]): given[k] for k in needed if k in given and parts[k] == [spans[k]]}
        self.flat = [(k, p) for k in needed for p in parts[k] if (k, p) not in self.kept]
        anaphor = anaphor_pattern()
        context = sorted({j for k in needed if anaphor.search(doc.text, *spans[k])
                          for j in range(max(k - COREF_CONTEXT, 0), k)} - set(needed))
        self.whole = [j for j in context if j in given and body_start(doc.text, *spans[j]) == spans[j][0]]
        self.context = [(j, (body_start(doc.text, *spans[j]), spans[j][1])) for j in context if j not in self.whole]

    def sentence_of(self, pos: int) -> int:
        return max(bisect_right(self.starts, pos) - 1, 0)

    def to_parse(self) -> list[tuple[int, int]]:
        return [p for _, p in self.flat] + [p for _, p in self.context]


def _chosen(events: Sequence[Event], only: Iterable[str] | None) -> tuple[set[str] | None, list[Event]]:
    wanted = set(only) if only is not None else None
    return wanted, [e for e in events if wanted is None or e.id in wanted]


def spans_to_parse(doc: Document, events: Sequence[Event], only: Iterable[str] | None = None,
                   parses: Mapping[int, Parse | None] | None = None) -> list[tuple[int, int]]:
    """The spans of `doc.text` that `label_events` with these arguments parses: parse them
    beforehand (with other articles', in one batch) and give it the result as `ready`."""
    _, chosen = _chosen(events, only)
    if not chosen or not doc.text:
        return []
    return _Plan(doc, chosen, parses or {}).to_parse()


def label_events(doc: Document, events: Sequence[Event], timexes: Sequence[Timex],
                 only: Iterable[str] | None = None, parses: Mapping[int, Parse | None] | None = None,
                 ready: Mapping[tuple[int, int], Parse | None] | None = None) -> list[Event]:
    """The events with labels and participants from their clauses (those in `only`, by id,
    else all): their sentences are parsed once, in one batch (a whole sentence `parses` has, by
    sentence index, is not parsed again; nor a span `ready` has: see `spans_to_parse`)."""
    wanted, chosen = _chosen(events, only)
    if not chosen or not doc.text:
        return list(events)
    given = parses or {}
    plan = _Plan(doc, chosen, given)
    spans, parts, needed = plan.spans, plan.parts, plan.needed
    sentence_of = plan.sentence_of
    todo = [p for p in plan.to_parse() if ready is None or p not in ready]
    fresh = dict(zip(todo, parse_spans(doc.text, todo))) if todo else {}
    have = {**(ready or {}), **fresh}
    parsed = dict(plan.kept)
    parsed.update((kp, have[kp[1]]) for kp in plan.flat)
    parses = {k: parsed[(k, parts[k][-1])] for k in needed}  # (the names of a sentence: its news part's)
    # and, for one with a pronoun or a description ("the company"), the sentences just before:
    # the names these stand for
    parses.update((j, given[j]) for j in plan.whole)
    parses.update((j, have[p]) for j, p in plan.context)

    def parse_of(k: int, pos: int) -> Parse | None:
        return next((parsed[(k, p)] for p in parts[k] if p[0] <= pos < p[1]), None)

    # (a level's year is kept in the label: "Sales will return to 2007 levels", anchoring.names_a_level)
    times = sorted((t.start, t.end) for t in timexes if t.doc == doc.id and not names_a_level(doc.text, t))
    time_starts = [a for a, _ in times]
    levels = [t for t in timexes if t.doc == doc.id and names_a_level(doc.text, t)]
    coref = Coreference(doc.text, parses)
    out = []
    for e in events:
        if wanted is not None and e.id not in wanted:
            out.append(e)
            continue
        k = sentence_of(e.start)
        line = obituary(doc.text, e.start, *spans[k])
        if line is not None:  # "Jane Doe, nurse, born 1931; died March 2 2004": "Jane Doe died"
            out.append(evolve(e, label=line[0], participants=(line[1],)))
            continue
        p = parse_of(k, e.start)
        found = None
        if p is not None and (i := token_at(p, e.start, e.end)) is not None:
            s, end = spans[k]
            exclude = times[bisect_left(time_starts, s):bisect_left(time_starts, end)]
            # (the resolver knows the tokens of the sentence's news part: a headline piece has none)
            found = clause(p, i, doc.text, exclude, _guarded(coref, k) if p is parses.get(k) else None)
        cut = None if found is not None and " " in found.label.strip() else presentable(e.label, e.text)
        # (one word, "Visit", from a parse that shed the rest, is not kept over the noun's own phrase
        # in the text, "Visit to the Strategic Health Operations Centre": `_noun_phrase`)
        if found is not None and (cut is None or len(cut.split()) < 3
                                  or (not _noun_phrase(cut, e.text) if not _verb_in(cut, e.text) else bool(lint(cut)))):
            done = evolve(e, label=found.label, participants=found.participants)
        else:  # (no parse, or one that leaves the word alone where the text reads whole: a verb the
            # parse took for part of a name, "Marie Fatayi-Williams | stood | near ...": "Stood")
            done = evolve(e, label=cut or presentable(e.label, e.text))
        done = _level_kept(doc.text, done, levels, times)
        asked = question_at(doc.text, spans[k], e.start)
        out.append(_asked(doc.text, done, asked, times) if asked is not None
                   else _affirmed(doc.text, done, spans[k][1], times))
    return out


_LEVEL_GAP = re.compile(r"[^,;:.!?()\"“”]{0,40}")


def _level_kept(text: str, e: Event, levels: Sequence[Timex], cut: Sequence[tuple[int, int]]) -> Event:
    """A label that reaches into a level its verb names keeps the level whole ("Stocks fell back
    to 2007 levels on Monday": "Stocks fell back to 2007 levels", neither "... back to 2001" nor
    "... back to levels"; "Unemployment rose to 1990s levels": not "Unemployment rose"). The
    level is a year's time that dates nothing (anchoring.names_a_level); its words run from the
    trigger, with no stop between, to the level's noun. The label's words after the trigger must
    all be words of that stretch, in order (the label ends there), else it is left alone. The
    times `cut` from labels stay cut, with their prepositions (task time36)."""
    for t in levels:
        if t.start < e.end or not _LEVEL_GAP.fullmatch(text, e.end, t.start):
            continue
        noun = level_noun_end(text, t)
        stretch = []
        at = e.end
        for t0, t1 in cut:
            if t0 >= at and t1 <= t.start:  # (a time between the verb and its level stays cut, with
                stretch += text[at:t0].split()  # its preposition: "closed on Friday at 1997 levels")
                while stretch and stretch[-1].lower() in _TIME_PREPOSITIONS:
                    stretch.pop()
                at = t1
        stretch += text[at:noun].split()
        words = e.label.split()
        at = next((k for k, w in enumerate(words) if w.lower().strip(",.") == e.text.lower()), None)
        if at is None or len(stretch) > 6 or " ".join(stretch).lower() in " ".join(words[at + 1:]).lower():
            continue
        rest = iter(w.lower() for w in stretch)
        if all(w.lower().strip(",.") in rest for w in words[at + 1:]):
            return evolve(e, label=" ".join([*words[:at + 1], *stretch]))
    return e


_QUESTION_WORDS = 12  # words of a question a label keeps


_TIME_PREPOSITIONS = frozenset("on in at since until till by during before after from this last next through for".split())


def _asked(text: str, e: Event, pieces: Sequence[tuple[int, int]], times: Sequence[tuple[int, int]]) -> Event:
    """An event of a yes-or-no question ("Has the bank cut rates this week?") is labelled by the
    question, its times left out with their prepositions ("Will the talks resume on Friday in
    Geneva?": "Will the talks resume in Geneva?"), and its asides ("Can the bank, rescued on
    Monday, survive?": "Can the bank survive?"), never as news that it happened ("Bank cut"):
    the question reports nothing (clauses.question_at)."""
    words: list[str] = []
    for a, b in pieces:
        at = a
        for t0, t1 in times:
            if t1 <= a or t0 >= b:
                continue
            words += text[at:t0].split()
            while words and words[-1].lower() in _TIME_PREPOSITIONS:
                words.pop()  # ("resume on | Friday", "since | March 2008")
            at = max(at, t1)
        words += text[at:b].rstrip("?").split()
        if words and words[-1].endswith(","):
            words[-1] = words[-1][:-1]  # ("Can the bank, | rescued ..., | survive?")
    while words and words[-1].lower() in _NOUN_PREPOSITIONS | _TIME_PREPOSITIONS:
        words.pop()  # ("... cut rates | this week")
    if len(words) > _QUESTION_WORDS:
        words = words[:_QUESTION_WORDS]
    words = [w for w in words if w]
    for k in range(len(words) - 1, 0, -1):
        if words[k] in {",", ";", ":"}:  # (a time cut before a comma: "speaking on Friday, back": "speaking, back")
            words[k - 1] += words.pop(k)
    label = " ".join(words).rstrip(",;:") + "?"
    return evolve(e, label=label[:1].upper() + label[1:])


def _noun_phrase(cut: str, trigger: str) -> bool:
    """Is a label cut from the text the trigger's own noun phrase, the noun and a phrase a
    preposition opens ("Visit to the Strategic Health Operations Centre", "Tensions within the
    alliance"), that the lint finds nothing against but that it has no verb? (Not another
    clause's words around it: "Categorically labeled the assault as a war crime".)"""
    words = cut.split()
    return (len(words) >= 3 and words[0].lower() == trigger.lower() and words[1].lower() in _NOUN_PREPOSITIONS
            and (not trigger.lower().endswith("ing") or words[1].lower() == "of")  # ("Killing of"; not "Accounting for")
            and all(p.startswith("nominal") for p in lint(cut)))


def _verb_in(cut: str, trigger: str) -> bool:
    """Whether a label cut from the text reads its trigger as the verb of its clause: a word
    before it that is no article, preposition or the like ("Rutte | echoed this sentiment"; not
    "... labeled the | assault as a war crime", nor "Escalation | follows ...")."""
    from .eventmodel import lexicons

    words = cut.split()
    at = next((k for k, w in enumerate(words) if w.strip(",.;:\"'").lower() == trigger.lower()), None)
    return at is not None and at > 0 and words[at - 1].lower() not in lexicons().closed


@cache
def _obituary() -> tuple[re.Pattern[str], dict[str, str]]:
    d = load_toml("labels.toml")["obituary"]
    return re.compile(d["pattern"]), dict(d["labels"])


def obituary(text: str, at: int, start: int = 0, end: int | None = None) -> tuple[str, str] | None:
    """(label, name) of the "born" or "died" at offset `at` of text, in a sentence text[start:end]
    that is the line closing an obituary ("Jane Doe, nurse, born 1931; died March 2 2004": "Jane
    Doe died", rules/en/labels.toml [obituary]), else None. (Matched in place: a sentence of a
    page with no stops may be megabytes long; the pattern reads a few hundred characters.)"""
    pattern, labels = _obituary()
    m = pattern.match(text, start, len(text) if end is None else end)
    if m is None:
        return None
    which = next((g for g in labels if m.start(g) <= at < m.end(g)), None)
    return None if which is None else (f"{m.group('name')} {labels[which]}", m.group("name"))


def _guarded(coref: Coreference, k: int) -> Resolver:
    """A pronoun with another subject before it in its own sentence ("Dr Murray had traveled in
    the ambulance with Jackson after he collapsed") stands for the last fitting name before it
    (`Coreference.recent`: Jackson), not for the subject the search back takes first; one
    with none before it, for what `coref` found."""
    resolve = coref.resolver(k)

    def guarded(parse: Parse, i: int) -> str | None:
        if any(t.dep in SUBJECTS for t in parse.tokens[:i]):
            # (not in a reported clause: "Jackson's brother, Jermaine, said he was believed to
            # have suffered ..." may be either; who reports it is `subjects.speaker`'s to say)
            clause_head = parse.tokens[parse.tokens[i].head]
            if clause_head.dep == "ccomp" or parse.tokens[clause_head.head].dep == "ccomp" and clause_head.dep == "xcomp":
                # ("it" is no one who reports: the thing `coref` found, "The organisers of 'Hope
                # for Chile Now' said it raised ...")
                return resolve(parse, i) if parse.tokens[i].text.lower() in {"it", "its"} else None
            return coref.recent(k, i, parse)
        return resolve(parse, i)

    return guarded


_WORD_RE = re.compile(r"\w+")


def words_in(docs: Sequence[Document], limit: int | None = None) -> int:
    """How many words the input has (what decides whether it is parsed whole), counted up to
    `limit` + 1 when a limit is given (a 20 MB article is not split into 3.5 million words to
    learn that it holds more than 30,000)."""
    n = 0
    for d in docs:
        if d.duplicate_of is not None:
            continue
        for _ in _WORD_RE.finditer(d.text):
            n += 1
            if limit is not None and n > limit:
                return n
    return n
