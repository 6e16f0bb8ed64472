"""Event mentions: the reported happenings, each anchored to a time with a relation.

A trigger lexicon (``rules/en/events.toml``) finds verbs and event nouns. Each event hangs on
the time expression of its sentence that governs it best (nearest, same clause, not a mere
scope such as "of the year"), with the relation its preposition states ("before", "since",
"until", "on"); with no time in reach, on the publication date by tense (past: at or
before it; future: after it).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from datetime import timedelta
from operator import itemgetter
from typing import TYPE_CHECKING, Iterator, Mapping, Sequence

from ..rules import load_toml, regex_cache
from ..model import AnchorKind, Event, Relation, Tense, Timex
from .entries import merge_mentions, one_entry_per_happening, propagate, shifted
from .polarity import absent, denied
from .dating import dct_envelope, moved_from, stretch, stretch_envelope, timex_envelope
from .evolve import maker
from .anchoring import AFTER_WORDS, BEFORE_WORDS, OUT_OF_REACH, best_timex, relation_for
from .narrative import counted, retold
from .eventmodel import Sentence, event_classes, event_model, inflect, token_features
from ..time.analysis import Analysis
from ..sources.segment import Token, tokens
from .labels import body_start
from .cut import DETERMINERS as _DETERMINERS, cut_label as _label, span_text as _span_text
from .clauses import (NearSpans, as_said_clauses, as_said_verb, clause_at, has_since, in_since_clause,
                      passive_after_noun, relative_clauses, said_after, supposed_clauses)
from ..time.tense import VerbGroup, tense_of_span

if TYPE_CHECKING:
    from datetime import datetime

    from ..model import Timex  # pragma: no cover
    from ..syntax import Parse
    from ..syntax.predicates import ParsedSentence

@dataclass(frozen=True, slots=True)
class _Lexicon:
    nouns: frozenset[str]
    verb_forms: dict[str, str]  # surface form -> lemma
    reporting: frozenset[str]
    weak: frozenset[str]
    modifiees: frozenset[str]
    closed: frozenset[str]  # closed-class words: never an event
    attribution: frozenset[str] = frozenset()  # verbs of a trailing attribution ("..., officials said")
    scheduling: frozenset[str] = frozenset()  # forms of verbs that set a time for something else
    habitual: re.Pattern[str] | None = None  # what happens as a rule ("on average", "every year")
    landmark: re.Pattern[str] | None = None  # what names a happening as another time's landmark
    attribution_forms: frozenset[str] = frozenset()  # the forms of the attribution verbs ("said", "wrote")
    landmark_head: re.Pattern[str] | None = None  # a noun naming a stretch by a landmark ("the run-up to")


@cache
def _lexicon() -> _Lexicon:
    found = _read_lexicon(load_toml("events.toml"))
    regex_cache.flush()  # (its patterns, read around every event, with the regex engine's search shortcut)
    return found


def _read_lexicon(data: dict) -> _Lexicon:  # type: ignore[type-arg]
    verb_forms: dict[str, str] = {}
    for lemma in data["verbs"]:
        for form in inflect(lemma):
            verb_forms.setdefault(form, lemma)
    for form, lemma in data["forms"].items():
        verb_forms[form] = lemma
    return _Lexicon(frozenset(data["nouns"]), verb_forms, frozenset(data["reporting"]),
                    frozenset(data["weak"]), frozenset(data["modifiees"]), frozenset(data["closed"]),
                    frozenset(data.get("attribution", ())),
                    frozenset(f for lemma in data.get("scheduling", ()) for f in inflect(lemma)),
                    regex_cache.compile("|".join(data["habitual"]), re.IGNORECASE) if data.get("habitual") else None,
                    regex_cache.compile(data["landmark"]["pattern"]) if data.get("landmark") else None,
                    frozenset(f for lemma in data.get("attribution", ()) for f in inflect(lemma))
                    | frozenset(data.get("attribution_irregular", ())),
                    regex_cache.compile(data["landmark"]["head"]) if data.get("landmark", {}).get("head") else None)


def _in_group(tok: Token, groups: tuple[VerbGroup, ...], starts: list[int] | None = None) -> VerbGroup | None:
    """The verb group holding the token. With `starts` (the groups' starts: they are in text order
    and apart), found by bisection: a sentence of thousands of groups costs no square."""
    if starts is not None and len(groups) > 8:
        k = bisect_right(starts, tok.start) - 1
        return groups[k] if k >= 0 and tok.end <= groups[k].end else None
    for g in groups:
        if g.start <= tok.start and tok.end <= g.end:
            return g
    return None


SENTENCE_MAX = 2000  # characters: a "sentence" longer than this (a page with no stops) is no sentence


def _around(text: str, sent: tuple[int, int], tok: Token) -> str:
    """The words within SENTENCE_MAX / 2 characters of the event in a run-on "sentence": each of
    its events keeps the context a sentence would give it, and the timeline stays linear in the
    input (thousands of events each carrying a sentence of 400,000 characters made 8 GB of JSON)."""
    lo, hi = max(sent[0], tok.start - SENTENCE_MAX // 2), min(sent[1], tok.end + SENTENCE_MAX // 2)
    while sent[0] < lo < tok.start and not text[lo - 1].isspace():
        lo += 1  # (no word cut at either end)
    while tok.end < hi < sent[1] and not text[hi].isspace():
        hi -= 1
    return _span_text(text, lo, hi)


def _first_person(toks: list[Token], verb_start: int, starts: list[int] | None = None, at: int | None = None) -> bool:
    """Is the subject of the verb (group) starting at offset `verb_start` "I" or "we", written
    right before it (an adverb or two between: "we are still", "I also")? (events.toml;
    `starts`: the tokens' offsets, when the caller has them; `at`: the index of the token
    starting at `verb_start`, when the caller knows it)"""
    first, between = _voice()
    if at is None:
        at = bisect_left(toks, verb_start, key=_START) if starts is None else bisect_left(starts, verb_start)
    k = at - 1
    steps = 0
    while k >= 0 and toks[k].lower in between and steps < 2:
        k, steps = k - 1, steps + 1
    return k >= 0 and toks[k].lower in first


_START = itemgetter(0)  # (a Token's start)


@cache
def _voice() -> tuple[frozenset[str], frozenset[str]]:
    data = load_toml("events.toml")
    return frozenset(data["first_person"]), frozenset(data["first_person_between"])


_SENTENCE_ENDS = (".", "!", "?", '"', "”", "’", "'", ")")  # what a sentence, not a heading, ends with


RECALL_SLACK = 4.0  # an event class may lose to "no event" by this much and still count

_HYPOTHETICAL = frozenset("may might must can could should would 'd".split())
_MODALS = frozenset("will 'll would 'd shall should may might must can could to going".split())


def _aspect(group: VerbGroup | None, tok: Token) -> str:
    if group is None:
        return "NONE"
    if group.perfect:
        return "PERFECTIVE"
    if group.aux and tok.lower.endswith("ing"):
        return "PROGRESSIVE"
    return "NONE"


def sentence_tokens(analysis: Analysis, si: int) -> list[tuple[Token, list[str]]]:
    """The tokens of sentence `si` with the event model's features (what the model learns from,
    scripts/train_events.py; `find_events` scores with `eventmodel.token_scores`, the same
    scores without the strings)."""
    text = analysis.doc.text
    s, e = analysis.sentences[si]
    toks = tokens(text, s, e)
    groups = analysis.groups(si)
    spans = [(t.start, t.end) for t in analysis.timexes_in(s, e)]
    out = []
    for i, tok in enumerate(toks):
        in_timex = any(a <= tok.start < b for a, b in spans)
        out.append((tok, token_features(toks, i, _in_group(tok, groups), in_timex)))
    return out


BATCH = 4096  # tokens scored together: enough to spread numpy's cost per call, few enough to keep memory flat


def _scored_sentences(analysis: Analysis) -> Iterator[tuple[int, Sentence, list[tuple[int, str]]]]:
    """Each sentence (its index, its tokens as the event model sees them) with the tokens the
    model takes for events and their classes. A token can be one when it starts with a letter
    outside the time expressions and is no closed-class word ("on", "the": events.toml); its
    class is the best one but "no event", if that loses to "no event" by RECALL_SLACK at most
    (ties: the first). The sentences are scored in batches (`eventmodel.event_classes`); the
    tokens that a quick bound rules out (`may_be_events`: most of them) are not scored."""
    text = analysis.doc.text
    labels = event_model().labels
    batch: list[tuple[int, Sentence]] = []
    size = 0
    last = len(analysis.sentences) - 1
    for si, (s, e) in enumerate(analysis.sentences):
        toks = tokens(text, s, e)
        taken = [(t.start, t.end) for t in analysis.timexes_in(s, e)]
        batch.append((si, Sentence(toks, analysis.groups(si, toks), taken, ())))
        size += len(toks)
        if size >= BATCH or si == last:
            found = event_classes([sentence for _, sentence in batch], RECALL_SLACK)
            for (si_, sentence), classes in zip(batch, found):
                yield si_, sentence, [(i, labels[k]) for i, k in classes]
            batch, size = [], 0


_FIELDS = ("id doc start end text sentence label relation anchor timex envelope relative tense salient rank cls "
           "aspect modality same_as participants")
_new_event = maker(Event, _FIELDS)  # (an Event from values in the order of _FIELDS: one per mention, millions)
_TO_WILL_WOULD = frozenset({"to", "will", "would"})


@cache
def _past_modal_perfect() -> frozenset[str]:
    """The modals whose perfect tells of a past (tense.toml past_modal_perfect; time.tense reads
    the group, the parse's own tense is the modal's)."""
    return frozenset(load_toml("tense.toml")["past_modal_perfect"])
IDIOM_REACH = 30  # characters before a trigger that `idiom` reads


@cache
def _idiom() -> tuple[frozenset[str], re.Pattern[str], re.Pattern[str]]:
    data = load_toml("events.toml")["idiom"]
    return frozenset(data["words"]), re.compile(data["pattern"]), re.compile(data["object"])


def idiom(text: str, start: int, end: int) -> bool:
    """Is the trigger at [start, end) a word an idiom holds, no event ("his best year to date":
    events.toml [idiom]), not a verb with its object after it ("a week to date the fossil")?"""
    words, pattern, obj = _idiom()
    return text[start:end].lower() in words and pattern.search(text[max(0, start - IDIOM_REACH):end]) is not None \
        and obj.match(text[end:end + IDIOM_REACH]) is None
_NEGATIONS = frozenset({"not", "never", "n't"})
_DO = frozenset({"did", "does", "do"})
_BY_TENSE = {Tense.FUTURE: Relation.AFTER, Tense.PRESENT: Relation.ON}
_NOT_SALIENT_CLASSES = frozenset({"REPORTING", "PERCEPTION"})
_WEAK_CLASSES = frozenset({"STATE", "I_STATE", "I_ACTION", "ASPECTUAL"})


def find_events(analysis: Analysis, parses: Mapping[int, "Parse | None"] | None = None,
                retold_out: dict[str, Timex] | None = None) -> list[Event]:
    """The event mentions of one analysed document, in text order. Where `parses` holds the
    parse of a sentence (by its index in `analysis.sentences`), the parse refines them
    (`syntax.predicates`): what cannot be an event goes, tense and aspect come from the verb's own
    auxiliaries, and a time expression governs only the events of its own clause. `retold_out`,
    if given, receives the time expressions an account's year moved (`narrative.retold`): the
    events anchored on them carry that year, and so should they."""
    lex = _lexicon()
    verb_forms, nouns, weak_words, modifiees, closed = lex.verb_forms, lex.nouns, lex.weak, lex.modifiees, lex.closed
    doc = analysis.doc
    text, doc_id = doc.text, doc.id
    found_events: list[tuple[Event, int]] = []
    spans: list[tuple[int, int]] = []
    owned: list[bool] = []
    background: set[str] = set()  # events of a "since" clause: before what the sentence tells, no time of the passage's
    timex_memo: dict = {}  # type: ignore[type-arg]  # (see best_timex)
    by_tense = {relation: dct_envelope(analysis, relation) for relation in (Relation.AFTER, Relation.ON, Relation.BEFORE)}
    published = by_tense[Relation.BEFORE][0].end if by_tense[Relation.BEFORE][0] is not None else None  # (its day's end)
    for si, sentence, found_tokens in _scored_sentences(analysis):
        if not found_tokens:
            continue
        sent = analysis.sentences[si]
        toks, groups = list(sentence.tokens), tuple(sentence.groups)
        group_starts = [g.start for g in groups]
        n = len(toks)
        sent_timexes = list(analysis.timexes_in(sent[0], sent[1]))
        # where the news begins, after the stamp or dateline a page runs into its first sentence
        # (found when an event after a time of the sentence asks it)
        news: list[int] = []
        # (a sentence of many times: each event weighs only those within reach of it)
        starts = [t.start for t in sent_timexes] if len(sent_timexes) > 16 else None
        longest = max((t.end - t.start for t in sent_timexes), default=0)
        taken = list(sentence.timexes)
        verb_spans = [(g.start, g.end) for g in groups]
        firm_spans = [(g.start, g.end) for g in groups if g.firm]  # (not a lone -ed form: "accused")
        # (a run-on sentence of many times or verbs: each label weighs only those near its words)
        near = NearSpans(verb_spans, taken, firm_spans) if len(taken) > 16 or len(verb_spans) > 16 else None
        sentence_text = _span_text(text, sent[0], sent[1])  # one string shared by the sentence's events
        heading = not sentence_text.endswith(_SENTENCE_ENDS)  # (its last character: the text's, white space aside)
        habitual: list[bool] = []  # (whether the sentence tells what happens as a rule: read once, when asked)
        since: list[bool] = []  # (whether "since" is in the sentence at all: read once, when asked)
        parsed = _parsed(parses, si)
        # "As Mark Danner put it in the New York Times yesterday, ...": that time is the saying's
        said = as_said_clauses(sentence_text, sent[0], lex.attribution_forms) if sent_timexes else ()
        # ", which killed him in 2009": that time is the relative clause's verb's
        asides = relative_clauses(sentence_text, sent[0]) if sent_timexes else ()
        # (its time dates the noun it is about, and when that is a happening, what follows the
        # clause too: "The earthquake, which struck on Monday, killed 300"; not "He condemned the
        # bombing, which killed 12 people on Monday")
        about_happening = {a for a, _ in asides if a - 1 in {toks[j].end for j, _ in found_tokens}}
        supposed = supposed_clauses(sentence_text, sent[0])  # "... if they face the threat of being prosecuted"
        supposed_starts = [a for a, _ in supposed]
        for i, cls in found_tokens:
            tok = toks[i]
            w = tok.lower
            pi = parsed.token(tok.start, tok.end) if parsed is not None else None
            if pi is not None and not parsed.eventive(pi):  # type: ignore[union-attr]
                continue
            if w in _idiom()[0] and idiom(text, tok.start, tok.end):  # "his best year to date"
                continue
            nxt = toks[i + 1] if i + 1 < n else None
            before = toks[i - 1].lower if i > 0 else None
            group = _in_group(tok, groups, group_starts)
            is_verb = group is not None or before in _TO_WILL_WOULD or (w.endswith("ing") and w in verb_forms)
            tense = group.tense if (is_verb and group is not None) else tense_of_span(groups, tok.start, tok.end)
            aspect = _aspect(group, tok) if is_verb else "NONE"
            modality = (group.aux if group is not None and group.aux in _MODALS else
                        ("to" if is_verb and before == "to" else ""))
            governing = sent_timexes if starts is None else sent_timexes[
                bisect_left(starts, tok.start - OUT_OF_REACH - longest):bisect_right(starts, tok.end + OUT_OF_REACH)]
            if pi is not None:
                verbal = parsed.verb(pi)  # type: ignore[union-attr]
                if verbal is not None:
                    tense, aspect, modality = verbal
                    if group is not None and group.tense is Tense.PAST and group.aux in _past_modal_perfect() \
                            and tense is not Tense.PAST:
                        tense = Tense.PAST  # "He would have liked to stay": a past (tense.toml past_modal_perfect)
                governing = parsed.governing(pi, sent_timexes)  # type: ignore[union-attr]
            if governing and published is not None and tense is Tense.PAST and not modality \
                    and w not in lex.scheduling:
                # (a time counted from a date an account moved is judged where it moved: "The
                # following year" of an account of 2003 is 2004, not after the publication)
                governing = [t for t in governing if not _after(counted(sent, t, timex_memo), published)]
            if said:
                governing = [t for t in governing if not any(a <= t.start < b and not a <= tok.start < b for a, b in said)]
            for a, b in asides:
                if a <= tok.start < b:  # (its own time, not the sentence's: "On Friday, Smith, who resigned on Monday")
                    if any(a <= t.start < b for t in governing):
                        governing = [t for t in governing if a <= t.start < b]
                elif tok.end != a - 1 and not (a in about_happening and tok.start >= b):
                    governing = [t for t in governing if not a <= t.start < b]
            passive = is_verb and passive_after_noun(toks, i, group, groups)
            if governing and passive:
                # "the grounds offered by the attorney general": only a time of its own words dates it
                # (before the clause's own verb: "... were undercut on Friday" is not the offering's)
                own_end = next((g.start for g in groups if g.start > tok.end), sent[1])
                governing = [t for t in governing if tok.end <= t.start < own_end]
            clause = clause_at(supposed, supposed_starts, tok.start) if supposed else None
            if supposed:  # what an "if" clause supposes takes no time from outside it, nor gives one
                governing = [t for t in governing if (clause[0] <= t.start < clause[1] if clause is not None
                                                          else clause_at(supposed, supposed_starts, t.start) is None)]
            # a happening noun ("the bombing" too) named as a landmark or a topic: "since the invasion",
            # "a document relating to a dispute": only a time of its own dates it
            landmark = (not is_verb or before in _DETERMINERS) and lex.landmark is not None \
                and lex.landmark.search(text[max(sent[0], tok.start - 80):tok.start])
            if landmark and governing:
                governing = [t for t in governing if landmark.start() + max(sent[0], tok.start - 80) <= t.start < tok.start
                             or 0 <= t.start - tok.end <= 12]
            found = best_timex(text, sent, tok, governing, groups, is_verb, nouns, timex_memo) if governing else None
            if found is not None and found[1] == "from" and moved_from(text, found[0].start):
                found = None  # "moved the vote from Monday to Friday": the day left dates no move
            strength = 999.0
            stamped = False
            if found is not None:
                timex, prep, strength, _ = found
                relation = relation_for(prep, timex)
                envelope, relative = timex_envelope(timex, relation)
                if (ends := stretch(text, sent_timexes, timex)) is not None:  # "from 1 November to 12 March"
                    relation, (envelope, relative), timex = Relation.DURING, stretch_envelope(*ends), ends[0]
                body = _body_start(text, sent, sent_timexes, news)
                if timex.end <= body and text[body:body + 1].isupper() and (body <= tok.start or tok.end <= timex.start):
                    # the stamp says when the page was filed, not the hour of its news (nor of the
                    # headline run in before it), and its time carries no further into the news
                    envelope, relative = _whole_day(envelope), _whole_day(relative)
                    stamped = True
                anchor, timex_id = AnchorKind.TIMEX, timex.id
            elif said and (saying := said_after(tok.end, said, sent_timexes)) is not None:
                # "The army withdrew, as the minister said on Monday": told before that saying
                # (after it, when told as to come), as reported speech is
                later = tense is Tense.FUTURE or modality in ("will", "'ll", "would", "'d", "to", "going")
                relation = Relation.AFTER if later else Relation.BEFORE
                envelope, relative = shifted(*timex_envelope(saying, Relation.ON), relation)  # (its day: by its end, from its start)
                anchor, timex_id = AnchorKind.REPORTED, saying.id
            else:
                relation = _BY_TENSE.get(tense, Relation.BEFORE)
                envelope, relative = by_tense[relation]
                anchor, timex_id = AnchorKind.DCT_TENSE, None
            weak = cls in _WEAK_CLASSES or w in weak_words or verb_forms.get(w, w) in weak_words
            infinitive = is_verb and before == "to"
            participle = w.endswith("ing") and (group is None or not group.aux)  # "revealing that ..."
            label, lab_start, lab_end = _label(text, toks, i, is_verb, *((verb_spans, taken, firm_spans) if near is None
                                                                        else near.around(toks, i)))
            hypothetical = (group is not None and group.aux in _HYPOTHETICAL) or clause is not None
            # a noun with no time of its own is background, unless it names a happening outright
            bare_noun = not is_verb and found is None and w not in nouns \
                and not (before in _NEGATIONS and i > 1 and toks[i - 2].lower in _DO)  # ("did not die": a verb)
            modifier = (not is_verb and nxt is not None and nxt.lower in modifiees) \
                or _attributive(toks, i, groups, closed, group_starts)  # "attack drones", "a requested $15 billion"
            # what the writer or a speaker lived or felt ("I watched in horror", "we are still
            # infected by Cold War ills", "'I ought to be sitting ...,' she says") is no happening
            # of the story: nobody it names did it
            own_voice = _first_person(toks, tok.start if group is None else group.start, at=i if group is None else None)
            as_said = is_verb and as_said_verb(text, sent[0], tok, group, verb_forms.get(w, w), lex.attribution)
            # "in the run-up to the war": a stretch named by another happening, no happening itself
            stretch_head = not is_verb and lex.landmark_head is not None and lex.landmark_head.match(text, tok.start)
            salient = not (heading or modifier or stretch_head or cls in _NOT_SALIENT_CLASSES or infinitive or participle
                           or (weak and strength > 60) or " " not in label
                           or hypothetical or bare_noun or own_voice or as_said
                           or (tense is Tense.PRESENT and aspect != "PERFECTIVE" and not modality
                               and _habitual(lex.habitual, sentence_text, habitual))
                           or (not is_verb and absent(text, tok.start))  # "there have been no deaths"
                           or denied(text, tok.start, tok.end, sent[1]))  # "did not find the bomb"
            spans.append((lab_start, lab_end))
            # "the overnight bombardment": that time is the noun's own and carries no further
            # (and the time of an "as" clause's saying is the saying's: "As Danner put it yesterday, ...")
            owned.append(found is not None and found[3] or as_said or stamped)  # (premodifies: `best_timex` asks it of nouns only)
            if found is None and (clause is not None or landmark or passive or (
                    _memo(since, has_since, text, sent) and in_since_clause(text, sent[0], tok.start))):
                # "Since US forces invaded the country, Iraq has ...", "in the aftermath of the invasion",
                # "if they revealed the document", "evidence presented by prosecutors": no time of the passage
                background.add(f"e{len(found_events) + 1}")
            found_events.append((_new_event(
                f"e{len(found_events) + 1}", doc_id, tok.start, tok.end, tok.text,
                sentence_text if len(sentence_text) <= SENTENCE_MAX else _around(text, sent, tok), label,
                relation, anchor, timex_id, envelope, relative, tense, salient, 0, cls, aspect, modality, None, (),
            ), si))
    anchored = propagate(found_events, {ev.id for (ev, _), o in zip(found_events, owned) if o}, background)
    if retold_out is not None:
        retold_out.update(retold(timex_memo))
    return merge_mentions(one_entry_per_happening(anchored, [si for _, si in found_events], spans))


def _whole_day(interval):  # type: ignore[no-untyped-def]
    """An interval of less than a day within one day, widened to that day ("Tue May 19, 2009
    7:24 pm EDT LONDON (Reuters) - Deadly pneumonia is spreading": on 19 May, not at 19:24)."""
    if interval is None or interval.start is None or interval.end is None:
        return interval
    day = interval.start - (interval.start - _MIDNIGHT) % _DAY if isinstance(interval.start, timedelta) \
        else interval.start.replace(hour=0, minute=0, second=0, microsecond=0)
    if interval.end > day + _DAY:
        return interval
    return type(interval)(day, day + _DAY)


_DAY, _MIDNIGHT = timedelta(days=1), timedelta(0)


def _body_start(text: str, sent: tuple[int, int], timexes: Sequence[Timex], memo: list[int]) -> int:
    """`labels.body_start` of a sentence that holds time expressions (else its start), found
    once per sentence (`memo`)."""
    if not memo:
        memo.append(body_start(text, sent[0], sent[1]) if timexes else sent[0])
    return memo[0]


def _habitual(pattern: re.Pattern[str] | None, sentence: str, memo: list[bool]) -> bool:
    """Does the sentence tell what happens as a rule (events.toml habitual)? Read once per
    sentence (`memo`), and only for the events whose tense asks it."""
    if not memo:
        memo.append(pattern is not None and pattern.search(sentence) is not None)
    return memo[0]


def _memo(memo: list[bool], ask, text: str, sent: tuple[int, int]) -> bool:  # type: ignore[no-untyped-def]
    """ask(text, *sent), asked once per sentence (`memo`)."""
    if not memo:
        memo.append(ask(text, *sent))
    return memo[0]


def _after(t: "Timex", published: "datetime") -> bool:
    """Does time `t` begin after its article's publication day ends? What the article tells in
    the past did not happen then: "He was denied bail and will be sentenced on 29 November",
    "... fly to the US tomorrow if Coleman brings these charges"."""
    return t.envelope is not None and t.envelope.start is not None and t.envelope.start >= published


def _attributive(toks: list[Token], i: int, groups: tuple[VerbGroup, ...], closed: frozenset[str],
                 starts: list[int] | None = None) -> bool:
    """Is token `i` a participle between a determiner and what it describes ("a requested $15
    billion", "the planned attack", "the injured man")? It tells what the noun is, not a
    happening of its own ("the wounded were taken": no noun follows, "wounded" is one)."""
    if i == 0 or i + 1 >= len(toks) or not toks[i].lower.endswith("ed") or toks[i - 1].lower not in _DETERMINERS:
        return False
    nxt = toks[i + 1]
    return (nxt.text[0].isalnum() or nxt.text[0] in "$€£") and nxt.lower not in closed and _in_group(nxt, groups, starts) is None


def _parsed(parses: Mapping[int, "Parse | None"] | None, si: int) -> "ParsedSentence | None":
    """The parse of sentence `si` as the event finder reads it, if there is one."""
    p = parses.get(si) if parses else None
    if p is None or len(p.roots()) != 1:
        return None  # (a sentence the parser breaks into several is a sentence it misread)
    from ..syntax.predicates import ParsedSentence
    from ..time.tense import tense_words

    return ParsedSentence(p, _lexicon().verb_forms.__contains__, tense_words(), frozenset(BEFORE_WORDS | AFTER_WORDS),
                          _lexicon().attribution)
