"""Happenings: the mentions of one happening, within and across articles, merged (pure).

Within an article the events stage already joins the mentions of one happening (`same_as`).
Across articles two entries report the same happening when
- their event words are of one kind ("assault"/"strike"/"bombardment", or the same word):
  only mentions of one kind are compared at all;
- the words around them agree: the cosine of their content words and names, each weighted
  by how rare it is in the input (idf), so that the story's own name ("Mexico" in a flu
  story) says little and "phase 5" says much;
- their numbers do not contradict each other: "injured 17" is not "injured 180";
- their times overlap.
Candidates are found through an index of the words of each kind: mentions that share a word
are compared; for a word in more than `common_share` of a kind's mentions (or more than
PAIRWISE), those dated to one day meet each other, and the others only their nearest
neighbours in time. So the work grows with the input, not with its square. Pairs are joined best first, and two groups join only when no article is in
both (an article reports a happening once), their times still share a moment (the group's
consensus), and their word centroids agree as well (no chains from "killed 60" to "killed
81"). A mention whose wording is very close to a group's but whose time contradicts it is
the same happening dated differently: it joins the group as a disagreement, kept apart from
the consensus, not averaged into it. And a happening whose every report looks back to its
day ("the July 7 bombings", a week on) joins the happening of its kind that most articles
report on that day, and so does a group of that kind on that day that tells of the same
participants (`story.folding`). The merging itself is `story.merging`.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Callable, Iterable, Mapping, Sequence

from ..model import (AnchorKind, Document, Event, EventRef, Happening, Interval, Match, Precision, RelInterval)
from ..events.labels import negated_label
from ..syntax.epithet import epithet
from ..values import maker
from ..syntax.lint import lint, lint_words
from .features import Features, MatchRules, days, features, match_rules, story_kinds
from .match import _stem, entries
from .merging import _overlap, merge
from .rank import lead_end


# ----------------------------------------------------------------------------- happenings

def _interval(f: Features, lo: float | None, hi: float | None) -> tuple[Interval | None, RelInterval | None]:
    if f.frame == "undated":
        return None, None
    if f.frame == "":
        return Interval(None if lo is None else _from_days(lo), None if hi is None else _from_days(hi)), None
    return None, RelInterval(None if lo is None else timedelta(days=lo), None if hi is None else timedelta(days=hi))


def _from_days(x: float) -> datetime:
    day = math.floor(x)
    minutes = round((x - day) * 1440)
    return datetime.fromordinal(int(day)) + timedelta(minutes=minutes)


_STRENGTH = {AnchorKind.TIMEX: 2, AnchorKind.REPORTED: 1, AnchorKind.NARRATIVE: 1}  # (else 0: by tense)


def strength(e: Event) -> int:
    """How firmly a mention's time is told: by a time expression of its own clause (2), carried
    from the passage or its saying (1), or assumed from its publication day and tense (0)."""
    return _STRENGTH.get(e.anchor, 0)


NEWS_DAYS = 30  # a day carried to a report this long before the articles that lead with it as news is no day of it


def news_over_recap(members: Sequence[Event], feats: Sequence[Features], strengths: Sequence[int],
                    published: Mapping[str, float], leads: Mapping[str, int]) -> list[int]:
    """The strengths with a day that only a passage carries set aside (-1) when articles
    published NEWS_DAYS or more after it tell the happening in their lead, dated by their own
    day and tense, as many articles as carry the day or more (a lead tells the news of its
    day, as the inverted pyramid has it; a carried day is a guess from the sentence before): the news of
    their day, not what the sentence before a recap dated ("Michael Jackson died on 25 June 2009
    and Dr Murray was with him on the night. A jury in Los Angeles found him guilty": MJ's
    verdict was on 25 June 2009). A day a time expression states stays."""
    # (carried in a recap: by an article itself published NEWS_DAYS or more after the day; a day
    # carried in the day's own report stands, whatever anniversaries say)
    carried = [k for k, (f, s) in enumerate(zip(feats, strengths)) if s == 1 and f.day_precise
               and published.get(members[k].doc, math.inf) - f.lo >= NEWS_DAYS]  # type: ignore[operator]
    if not carried or any(s == 2 and f.day_precise for f, s in zip(feats, strengths)) \
            or any(s == 1 and f.day_precise and k not in carried and members[k].doc in published
                   for k, (f, s) in enumerate(zip(feats, strengths))):  # (an undated carrier neither blocks nor stays)
        return list(strengths)
    day = min(feats[k].lo for k in carried)  # type: ignore[type-var]
    news = {m.doc for m, s in zip(members, strengths) if s == 0 and m.start < leads.get(m.doc, 0)
            and m.doc in published and published[m.doc] - day >= NEWS_DAYS}  # type: ignore[operator]
    if not news or len(news) < len({members[k].doc for k in carried}):
        return list(strengths)
    return [-1 if k in carried else s for k, s in enumerate(strengths)]


def consensus(fs: Sequence[Features], strengths: Sequence[int] | None = None) -> tuple[float | None, float | None]:
    """The time the agreeing mentions of a happening support. Where some date it to a day (or
    finer), the day most of them name, of those whose time is told most firmly (`strength`: a
    report dated only by its publication day and tense, "Only 7 deaths are confirmed", does not
    outvote "He died on Monday night", nor a day a passage carries one a time expression of the
    mention's own states); within it, a time of day only when it is the one most of that day's
    mentions state and more than one does (a single page's clock stamp does not make the
    happening's time). Otherwise what all of them allow (their intersection)."""
    if strengths is not None and min(strengths, default=0) < 0:  # (a day set aside: `news_over_recap`)
        fs, strengths = [f for f, s in zip(fs, strengths) if s >= 0], [s for s in strengths if s >= 0]
    if len(fs) == 1:
        return fs[0].lo, fs[0].hi
    precise = [f for f in fs if f.day_precise]
    if precise:
        voters = precise
        if strengths is not None:
            firm = max(s for f, s in zip(fs, strengths) if f.day_precise)
            voters = [f for f, s in zip(fs, strengths) if f.day_precise and s == firm]
        days = Counter(math.floor(f.lo + 1e-9) for f in voters)  # type: ignore[operator]
        day = min(days, key=lambda d: (-days[d], d))
        on_day = [f for f in precise if math.floor(f.lo + 1e-9) == day]  # type: ignore[operator]
        if len(on_day) == 1:
            return on_day[0].lo, on_day[0].hi
        times = Counter((f.lo, f.hi) for f in on_day if f.hi - f.lo < 1 - 1e-9)  # type: ignore[operator]
        if times:
            (lo, hi), n = min(times.items(), key=lambda kv: (-kv[1], kv[0]))
            if n >= 2 and 2 * n >= len(on_day):
                return lo, hi
        return float(day), float(day + 1)
    lo, hi = fs[0].lo, fs[0].hi
    for f in fs[1:]:
        span = _overlap(lo, hi, f.lo, f.hi)
        if span is not None:  # (merging keeps them meeting, at the grain of days)
            lo, hi = span
    return lo, hi


def precision(lo: float | None, hi: float | None, frame: str) -> Precision:
    if frame == "undated":
        return Precision.UNDATED
    if frame != "":
        return Precision.RELATIVE
    if lo is None and hi is None:
        return Precision.UNDATED
    if lo is None or hi is None:
        return Precision.OPEN
    width = hi - lo
    if width <= 1 + 1e-9:
        whole = abs(lo - round(lo)) < 1e-6 and abs(width - 1) < 1e-6
        return Precision.DAY if whole else Precision.TIME
    if width <= 7 + 1e-9:
        return Precision.DAYS
    if width <= 31 + 1e-9:
        return Precision.MONTH
    if width <= 366 + 1e-9:
        return Precision.YEAR
    return Precision.VAGUE


def precision_of(envelope: Interval | None, relative: RelInterval | None) -> Precision:
    """The precision of one mention's own time."""
    if envelope is not None:
        lo, hi = envelope.start, envelope.end
        return precision(None if lo is None else days(lo), None if hi is None else days(hi), "")
    return Precision.RELATIVE if relative is not None else Precision.UNDATED


def label_quality(label: str) -> float:
    """How well a label reads as a line of a timeline (0..1): a few words, none of the faults
    the label lint finds (cut off, a function word at its end, a clock stamp at its start...)."""
    words = label.rstrip("…").split()
    q = 1.0
    if len(words) < 3:
        q -= 0.5
    elif len(words) == 3:
        q -= 0.2
    elif len(words) > 14:
        q -= 0.2
    q -= 0.3 * len([p for p in lint(label) if not p.startswith("short")])
    return max(q, 0.0)


def is_question(sentence: str) -> bool:
    """A question ("Are you taking precautions against swine flu?") asks; it reports nothing."""
    return sentence.rstrip(" \"'”’)").endswith("?")


def commemorated(e: Event, rules: MatchRules) -> bool:
    """Is the mention what a commemoration recalls ("the first anniversary of the singer's
    death", "a memorial to the victims of the bombing": `commemorated` in story.toml)? Its
    time is the commemoration's, not its own: it reports nothing on that day (the anniversary,
    the memorial, are mentions of their own)."""
    at = e.sentence.find(e.text)
    return at > 0 and rules.commemorated.search(e.sentence[:at]) is not None


def _also_named(f: Features, children: Sequence[Event]) -> Features:
    """An entry's features with the kinds its joined mentions name ("launched an aid appeal":
    the launch, and the appeal), so that a report naming the happening by one of them ("the UN
    appeal for $300 million") is compared with it."""
    if not children:
        return f
    kinds_of = story_kinds()
    more = [k for c in children if (k := kinds_of.get(c.text.lower()) or _stem(c.text)) not in f.kinds]
    return replace(f, kinds=f.kinds + tuple(dict.fromkeys(more))) if more else f


def build_happenings(documents: Sequence[Document], events: Sequence[Event],
                     rules: MatchRules | None = None,
                     leads: Mapping[str, int] | None = None) -> tuple[list[Happening], list[Match]]:
    """The happenings of a timeline's events (unranked: rank 0, ids in time order), and the
    joins that made them. Every salient entry is in exactly one happening, except those of
    questions, what commemorations recall (`commemorated`) and plurals at large
    (`Features.generic`)."""
    rules = rules or match_rules()
    docs = {d.id: d for d in documents}
    items = [e for e in entries(events) if not is_question(e.sentence) and not commemorated(e, rules)]
    texts = {d.id: d.text for d in documents}
    children: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for e in events:
        if e.same_as is not None:
            children[(e.doc, e.same_as)].append(e)
    feats = [_also_named(features(e, rules, texts.get(e.doc, "")), children.get((e.doc, e.id), ()))
             for e in items]
    # (deaths at large, "1 million deaths", "Deaths in Mexico", are no happening: together they
    # had made one of their own, ranked among H1N1's key events)
    kept = [k for k, f in enumerate(feats) if not f.generic]
    items, feats = [items[k] for k in kept], [feats[k] for k in kept]
    published = {d.id: days(d.dct) for d in documents if d.dct is not None}
    merged = merge(items, feats, rules, published)
    if leads is None:  # (where each article's lead ends: `news_over_recap`)
        leads = {d.id: lead_end(d) for d in documents if d.text}
    out: list[tuple[tuple, tuple]] = []  # (its place in time order, its fields: made once its id is known)
    for agree_ids, differ_ids in merged.groups:
        members = [items[i] for i in agree_ids]
        fs = [feats[i] for i in agree_ids]
        lo, hi = consensus(fs, news_over_recap(members, fs, [strength(m) for m in members], published, leads))
        frame = feats[agree_ids[0]].frame
        env, rel = _interval(feats[agree_ids[0]], lo, hi)
        head = best_label(members, [feats[i] for i in agree_ids])
        ordered = [head] + [m for m in members if m is not head]
        disagreeing = [items[i] for i in differ_ids]
        refs = [EventRef(m.doc, m.id) for m in ordered]
        refs += [EventRef(c.doc, c.id) for m in ordered for c in children.get((m.doc, m.id), [])]
        refs += [EventRef(m.doc, m.id) for m in disagreeing]
        refs += [EventRef(c.doc, c.id) for m in disagreeing for c in children.get((m.doc, m.id), [])]
        reporting = ordered + disagreeing
        outlets: dict[str, int] = {}
        for m in reporting:
            o = docs[m.doc].outlet if m.doc in docs else m.doc
            outlets[o] = outlets.get(o, 0) + 1
        first = min(reporting, key=lambda m: (docs[m.doc].dct is None if m.doc in docs else True,
                                              docs[m.doc].dct if m.doc in docs and docs[m.doc].dct else datetime.min,
                                              m.doc, m.start))
        fields = (head.label, tuple(refs), len({m.doc for m in reporting}),
                  tuple(sorted(outlets, key=lambda o: (-outlets[o], o))), EventRef(first.doc, first.id), env, rel,
                  precision(lo, hi, frame), tuple(EventRef(m.doc, m.id) for m in disagreeing))
        when = (frame == "undated", frame, -math.inf if lo is None else lo, math.inf if hi is None else hi)
        out.append(((*when, head.doc, head.start), fields))
    out.sort(key=lambda t: t[0])
    return [_unranked(f"h{k + 1}", *fields, 0, 0.0, ()) for k, (_, fields) in enumerate(out)], list(merged.joins)


_unranked = maker(Happening, "id label mentions articles outlets first_report envelope relative precision disagreements "
                             "rank score signals")  # (a happening from all its values: thousands)


def best_label(members: Sequence[Event], feats: Sequence[Features]) -> Event:
    """The mention whose label reads best and says most of what the others say: one that does not
    negate its verb ("Michael Jackson did not die of natural causes": `negated_label`) before
    one that does, then one the label
    lint passes (a headline with its subject) before any it finds fault with, one that tells
    the happening before one that names it in passing (`in_passing`) or by an epithet or a
    comparison ("America's so-called trial of the century", "like the Simpson trial":
    `syntax.epithet`), and, where most mentions
    name one kind of happening ("died", "killed": death), by their event word or their label's
    subject or agent ("Haiti was hit by a massive earthquake"), one whose event word names a
    kind, or whose label names that one, before one that does neither ("Sony has sold 31
    million albums since his death", "The Caribbean reacted to news of the earthquake": a
    mention the happening took in with its article)."""
    if len(members) == 1:
        return members[0]
    counts = Counter(t for f in feats for t in f.terms)
    loose = match_rules().loose_kind_words  # ("hard hit by bird flu" names no attack)
    kinds_of = story_kinds()
    named_kinds = set(kinds_of.values())

    def kind(e: Event, f: Features) -> str:
        return "" if not f.kinds or e.text.lower() in loose else f.kinds[0]

    labelled = [_label_kinds(e, kinds_of, loose) for e in members]  # (as subject or agent)
    kinds = Counter(k for e, f, more in zip(members, feats, labelled) for k in {kind(e, f)} | more)
    main = max(kinds, key=lambda k: (kinds[k], k)) if kinds else ""
    if main not in named_kinds or 2 * kinds[main] < len(members):
        main = ""  # (no kind of happening that most mentions name: no mention is off it)

    def quality(k: int) -> float:
        e, f = members[k], feats[k]
        shared = sum(1 for t in f.terms if counts[t] > 1)  # its words that other mentions use too
        named = 0.5 * _named(e)  # its subject a name ("World Health Organization", not "the organization")
        return -(label_quality(e.label) + min(shared, 4) / 4 + named)

    keys: tuple[Callable[[int], object], ...] = (  # (the first of the best by each in turn: each read only of those left)
        lambda k: negated_label(members[k].label, members[k].text),  # ("... did not die of natural causes")
        lambda k: bool(lint(members[k].label)) or lost_subject(members[k]),
        lambda k: in_passing(members[k]) or epithet(members[k].sentence, members[k].text) or qualifying(members[k]),
        lambda k: bool(main) and kind(members[k], feats[k]) not in named_kinds and main not in labelled[k],  # off
        quality, lambda k: (members[k].doc, members[k].start))
    left = list(range(len(members)))
    for key in keys:
        if len(left) > 1:
            values = [key(k) for k in left]
            best = min(values)  # type: ignore[type-var]
            left = [k for k, v in zip(left, values) if v == best]
    return members[left[0]]


def label_passes(e: Event) -> bool:
    """Whether a mention's label reads as a headline: the label lint finds no fault with it, it
    has not lost its verb's subject (`lost_subject`), and it tells the happening, not another's
    news or an epithet of it (`in_passing`, `syntax.epithet`). The signal `best_label` ranks a
    happening's mentions by, exposed for the ranking: a happening whose best label fails it
    has no headline to show."""
    return not (lint(e.label) or lost_subject(e) or in_passing(e) or epithet(e.sentence, e.text) or qualifying(e))


def qualifying(e: Event) -> bool:
    """Whether the label is a noun and the participle that qualifies it with its agent, and no
    finite verb: the thing named by what caused it ("Deadly pneumonia caused by superbugs"), not
    what happened to it ("Pneumonia caused by superbugs is spreading")."""
    words = [w.strip(".,;:!?\"“”‘’()").lower() for w in e.label.split()]
    trigger = e.text.lower()
    if trigger not in words[1:-1] or not trigger.endswith("ed"):
        return False
    k = words.index(trigger, 1)
    w = lint_words()
    finite = w.finite_auxiliaries | w.verb_openers | {"says", "said"}
    return words[k + 1] == "by" and words[k - 1] not in finite and e.label.split()[k - 1][:1].islower() \
        and not any(x in finite or (x.endswith("ed") and j != k and x not in w.naming) for j, x in enumerate(words) if j)


_NOUN_BEFORE = frozenset("the a an its his her their our my your this that these those of in on at for by with from "
                         "into after before over during".split())


def lost_subject(e: Event) -> bool:
    """Whether the label opens with its own trigger where the sentence has a word before it that
    makes it a verb ("... in Mexico and spread to the United States": "Spread to the United
    States"), not a noun ("the spread of the virus"): a clause whose subject the label lost."""
    first = e.label.split()[0].lower().strip(".,;:'\"") if e.label.split() else ""
    if not e.sentence or first != e.text.lower():
        return False
    found = [m.start() for m in _word_pattern(e.text).finditer(e.sentence)]
    if len(found) != 1:
        return False
    before = re.findall(r"[\w'’-]+", e.sentence[:found[0]])
    return bool(before) and before[-1].lower() not in _NOUN_BEFORE


_PREPOSITIONS = frozenset("of in on at for by with from into after before over during since until following amid "
                          "despite about".split())
_DETERMINERS = frozenset("the a an its his her their our my your this that these those".split())


def in_passing(e: Event) -> bool:
    """Whether the label tells another clause's news and names the mention's happening only in a
    phrase after a preposition ("Sony has sold 31 million albums since his death", "Police
    interviewed the doctor after Jackson's death"): a label of that other news."""
    words = [w.strip(".,;:!?\"“”‘’()") for w in e.label.split()]
    lower = [w.lower() for w in words]
    if e.text.lower() not in lower[1:]:
        return False
    j = lower.index(e.text.lower(), 1) - 1
    steps = 0
    while j > 0 and steps < 3 and (lower[j] in _DETERMINERS or lower[j].endswith(("'s", "’s"))
                                   or words[j][:1].isupper()):
        j, steps = j - 1, steps + 1
    return lower[j] in _PREPOSITIONS


def _label_kinds(e: Event, kinds_of: Mapping[str, str], loose: Iterable[str]) -> set[str]:
    """The kinds of happening a label's words name as its subject or its agent, not in passing:
    a word of a kind heads the subject when an auxiliary follows ("Tuesday's earthquake has
    left"), the agent after "by" when the phrase ends with it ("Haiti was hit by a massive
    earthquake"); a modifier ("a wrongful death lawsuit", "earthquake efforts", "a meeting
    chaired by") and a phrase after another preposition ("reacted to news of the earthquake")
    name none, nor do words of many senses."""
    words = [w.strip(".,;:!?\"“”‘’()") for w in e.label.split()]
    lower = [w.lower() for w in words]
    out = set()
    for i, w in enumerate(lower):
        if w in loose or (k := kinds_of.get(w)) is None:
            continue
        after = lower[i + 1] if i + 1 < len(lower) else ""
        if after in _AUXILIARIES:
            out.add(k)
        elif (not after or after in _PREPOSITIONS) and "by" in lower[max(i - 4, 0):i] \
                and not set(lower[lower.index("by", max(i - 4, 0)) + 1:i]) & _PREPOSITIONS:
            out.add(k)
    return out


_AUXILIARIES = frozenset("has have had is are was were will would could may might can did does".split())


def _named(e: Event) -> bool:
    """Whether the label opens with a name: its first word is capitalized where its sentence
    says it too (not only because a label opens with a capital)."""
    first = e.label.split()[0] if e.label.split() else ""
    return first[:1].isupper() and _opens_a_word(first, e.sentence or "")


@lru_cache(maxsize=1 << 12)
def _word_pattern(word: str) -> re.Pattern[str]:
    """The pattern of `word` standing alone (no letter, digit or hyphen either side), compiled once."""
    return re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")


def _opens_a_word(word: str, text: str) -> bool:
    """Whether `word` stands in `text` at the start of a word (no letter, digit, "_" or "-" just
    before it): what the pattern (?<![\\w-])WORD finds, without a pattern compiled for each word."""
    i = text.find(word)
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] in "_-"):  # (\w: str.isalnum() and "_")
        i = text.find(word, i + 1)
    return i >= 0


def mention_index(events: Iterable[Event]) -> dict[tuple[str, str], Event]:
    return {(e.doc, e.id): e for e in events}
