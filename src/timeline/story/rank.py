"""How much each happening matters to the story (pure): its rank, 1 = most important.

What the timeline-summarisation literature and newsroom practice weigh, each a signal of the
happening (the weights are data, `rules/en/story.toml` [rank]; the signals are kept in the
JSON so that a reader can see why one happening outranks another):
- articles: how many distinct articles report it, and outlets: by how many outlets;
- lead: how many report it in their headline or first two sentences (the inverted pyramid);
- date salience, as date-wise TLS has it: how many articles name its day by a time
  expression, how many of them were published after that day (the coverage keeps coming back
  to it), how many articles were published on it, and whether articles of other days name it
  in full, day, month and year ("27 April 2009", "April 27, 2009": a time expression that needs
  no anchor), as retrospectives and chronologies name the days that mattered (date features
  of date-wise TLS: Kessler et al. 2012, Tran et al. 2013), while "on Monday" or "yesterday"
  mostly points at the days next to the publication day, and a page's stamp of its own
  publication day says nothing about that day (only days in the story's span count: "11
  September 2001", named in full by every retrospective of the Iraq war, is its background);
- precision: a happening dated to a day or finer can stand on a timeline; "in 2009" cannot,
  nor can one whose day no time expression states (only the publication day assumed from
  the tense of its reports);
- stated: the share of its mentions whose time a time expression states (not the
  publication day assumed from the tense);
- the date salience of a day is mostly that of its main happening (the one most articles
  report): another happening of that day takes a share of it, (its articles / the main
  one's) ** main_share, so that a day the coverage keeps naming ("7 July", "11 September
  2001") does not lift every aside told of it ("Four tragic explosions", "America's response
  unleashed an obscene nightmare") into the top;
- in span: it happened while the story was covered (from a week before the first article to
  the last): what came long before ("the September 11 attacks" in Iraq war coverage) is
  background, however often the coverage recalls it (nor do the articles that name its day
  count for it: date_refs, later_refs and full_refs are the span's days' alone);
- central: how much its reports name whom and where the story is about, the mean share of
  the story's articles that name each name of its first reports' sentences (a word with a
  capital inside a sentence: "Iraq", "Blair", "Baghdad"; the story's centroid of names, as
  centroid summarisers and TLS systems weigh sentences by the story's words): a year's
  coverage of a war holds comment pieces, obituaries and sidebars ("Colonel H Jones was
  awarded the VC", "Silvio Berlusconi is facing a crucial vote") whose names few of its
  articles share. (Common words would favour vague sentences, "Fresh evidence emerged".)
  From three articles on (with fewer every name is the story's);
- off topic: how few of the words of its first reports' sentences are the story's (the words
  a tenth of its articles use: "flu", "virus", "mexico"): an aside of another story, a
  news-in-brief column's "Silvio Berlusconi is facing a critical vote" in the coverage of a
  doctor's trial, shares few of them (`off_topic`: a penalty);
- off story: the share of its articles that say little of the story as a whole (a blog on the
  music industry, a live page of the day's other news, in a flu story's folder: `topic`), a
  penalty; the log lists what only such articles report apart, after the chronology.
Reporting verbs and page furniture never become happenings (see `events` and
`sources.furniture`).
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from itertools import chain, repeat
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from typing import Callable, Mapping, Sequence

from ..rules import load_toml, regex_cache
from ..values import maker
from ..model import AnchorKind, Document, Event, Happening, Precision, Timex, TimexType
from ..sources.segment import sentence_spans
from .features import match_rules
from .topic import off_story

SIGNALS = ("articles", "outlets", "lead", "date_refs", "later_refs", "published", "full_refs", "precision",
           "stated", "in_span", "central", "off_topic", "off_story")
SPAN_SLACK = 7  # days before the first article that still belong to the story's span
CENTRAL_MENTIONS = 5  # the reports (the one whose label it wears first) whose words say what it is about
CENTRAL_MIN_ARTICLES = 3
_NAME = r"(?<=[a-z,;] )[A-Z][a-z]+"  # a capitalised word inside a sentence


@cache
def _name_re() -> re.Pattern[str]:
    """`_NAME` with the regex engine's search shortcut (`rules.regex_cache`: the same matches, in
    half the time: every article and every reported sentence is read for them)."""
    found = regex_cache.compile(_NAME)
    regex_cache.flush()
    return found


@cache
def rank_weights() -> dict[str, float]:
    data = load_toml("story.toml")["rank"]
    return {k: float(data.get(k, 0.0)) for k in (*SIGNALS, "same_day", "main_share", "redundant", "story_word_share",
                                                 "topical_floor")}


@dataclass(frozen=True, slots=True)
class DateSalience:
    """Per calendar day: the articles that name it, those of them published later, the
    articles published on it, and the articles published on another day that name it in full."""

    named: Mapping[date, int]
    named_later: Mapping[date, int]
    published: Mapping[date, int]
    span: tuple[date, date] | None  # the first and the last publication day
    named_in_full: Mapping[date, int] = field(default_factory=dict)


def date_salience(documents: Sequence[Document], timexes: Sequence[Timex]) -> DateSalience:
    """How much the coverage refers to each day (time expressions of a day or finer)."""
    pub = {d.id: d.dct.date() for d in documents if d.dct is not None and d.duplicate_of is None}
    named: dict[date, set[str]] = defaultdict(set)
    later: dict[date, set[str]] = defaultdict(set)
    full: dict[date, set[str]] = defaultdict(set)
    ours = {d.id for d in documents if d.duplicate_of is None}
    for t in timexes:
        if t.type not in (TimexType.DATE, TimexType.TIME) or t.envelope is None:
            continue
        lo, hi = t.envelope.start, t.envelope.end
        if lo is None or hi is None or hi - lo > timedelta(days=1):
            continue
        day = lo.date()
        named[day].add(t.doc)
        if t.doc in pub and pub[t.doc] > day:
            later[day].add(t.doc)
        if t.anchor == "none" and t.doc in ours and pub.get(t.doc) != day:
            full[day].add(t.doc)
    published: dict[date, int] = defaultdict(int)
    for day in pub.values():
        published[day] += 1
    span = (min(pub.values()), max(pub.values())) if pub else None
    return DateSalience({d: len(s) for d, s in named.items()}, {d: len(s) for d, s in later.items()},
                        dict(published), span, {d: len(s) for d, s in full.items()})


def name_shares(documents: Sequence[Document]) -> dict[str, float]:
    """Per name, the share of the story's articles (duplicates once, page furniture aside)
    that name it; empty for a story of fewer than CENTRAL_MIN_ARTICLES articles."""
    originals = [d for d in documents if d.duplicate_of is None]
    if len(originals) < CENTRAL_MIN_ARTICLES:
        return {}
    used: dict[str, int] = defaultdict(int)
    for d in originals:
        for name in set(_name_re().findall(_without_furniture(d))):
            used[name] += 1
    return {name: n / len(originals) for name, n in used.items()}


def _without_furniture(d: Document) -> str:
    text, pos, kept = d.text, 0, []
    for s, e in d.furniture:
        kept.append(text[pos:s])
        pos = max(pos, e)
    kept.append(text[pos:])
    return "\n".join(kept)


_WORD_RE = re.compile(r"[a-z][a-z'’-]{2,}")  # (a word of three letters at least: no shorter one is found at all)


def _content_words(text: str, stopwords: frozenset[str]) -> set[str]:
    return set(_WORD_RE.findall(text.lower())) - stopwords  # (each word read once)


@lru_cache(maxsize=1 << 14)
def _sentence_words(sentence: str, stopwords: frozenset[str]) -> frozenset[str]:
    """`_content_words` of a sentence, remembered: the sentence of several happenings' reports."""
    return frozenset(_content_words(sentence, stopwords))


@lru_cache(maxsize=1 << 14)
def _sentence_names(sentence: str) -> tuple[str, ...]:
    return tuple(_name_re().findall(sentence))


def article_words(documents: Sequence[Document]) -> dict[str, frozenset[str]]:
    """Each distinct article's content words (lower case, stopwords and page furniture aside)."""
    stopwords = match_rules().stopwords
    return {d.id: frozenset(_content_words(_without_furniture(d), stopwords))
            for d in documents if d.duplicate_of is None}


def story_words(words: Mapping[str, frozenset[str]], share: float) -> frozenset[str]:
    """The story's own vocabulary: the content words that at least `share` of its articles use
    (`words`: `article_words`), and two at least ("flu", "virus", "mexico" in a flu story);
    empty for a story of fewer than CENTRAL_MIN_ARTICLES articles."""
    if len(words) < CENTRAL_MIN_ARTICLES or share <= 0:
        return frozenset()
    used = Counter(chain.from_iterable(words.values()))  # (counted in C)
    least = max(2.0, share * len(words))  # (a word of one article is that article's, not the story's)
    return frozenset(w for w, n in used.items() if n >= least)


def off_topic(reports: Sequence[Event], vocabulary: frozenset[str], floor: float) -> float:
    """How far the sentences of a happening's first reports are from the story's vocabulary
    (`story_words`): 1 - (the mean share of their content words that are the story's) / floor,
    at least 0. An aside of another story ("Prime Minister Silvio Berlusconi is facing a
    critical vote" in the coverage of a doctor's trial, a boxing result in a flu story) shares
    few of its words; 0 without a vocabulary."""
    if not vocabulary or floor <= 0:
        return 0.0
    stopwords = match_rules().stopwords
    shares = []
    for sentence in dict.fromkeys(e.sentence for e in reports[:CENTRAL_MENTIONS]):
        words = _sentence_words(sentence, stopwords)
        if words:
            shares.append(len(words & vocabulary) / len(words))
    return max(0.0, 1.0 - (sum(shares) / len(shares)) / floor) if shares else 0.0


def centrality(reports: Sequence[Event], shares: Mapping[str, float]) -> float:
    """The mean share of the story's articles that name each name of the reports' sentences
    (`name_shares`); 0 without shares or names."""
    names: set[str] = set()
    for e in reports[:CENTRAL_MENTIONS] if shares else ():
        names.update(_sentence_names(e.sentence))
    return sum(shares.get(n, 0.0) for n in names) / len(names) if names else 0.0


def _log2p(x: float) -> float:
    return math.log2(1 + x)


def signals(h: Happening, mentions: Mapping[tuple[str, str], Event], lead_end: Mapping[str, int],
            titles: Mapping[str, frozenset[str]], salience: DateSalience,
            day_main: Mapping[date, int] | None = None, main_share: float = 0.0,
            shares: Mapping[str, float] | None = None, vocabulary: frozenset[str] = frozenset(),
            topical_floor: float = 0.0, aside: frozenset[str] = frozenset()) -> dict[str, float]:
    """The signals of one happening (see the module docstring), each on a log scale but
    full_refs, which is 1 when its day is named in full by an article of another day: what
    sets a day apart is that the coverage names it so at all; a busy day that twenty articles
    date in full is not twenty times a key date, and its every report should not crowd the
    other days' news out of the top."""
    get, other = mentions.get, h.disagreements
    agreeing = [e for r in h.mentions if (e := get((r.doc, r.event))) is not None and not (other and r in other)]
    lead_docs = {e.doc for e in agreeing if e.start < lead_end.get(e.doc, 0)
                 or (e.text.lower() in titles.get(e.doc, frozenset()))}
    stated = sum(e.anchor is not AnchorKind.DCT_TENSE and e.anchor is not AnchorKind.NONE for e in agreeing)
    day_precise = h.precision in (Precision.DAY, Precision.TIME)
    named = later = published = full = 0.0
    in_span = 0.0
    share = 1.0
    if h.envelope is not None and (h.envelope.start or h.envelope.end) is not None:
        day = (h.envelope.start or h.envelope.end).date()  # type: ignore[union-attr]
        span = salience.span
        in_span = float(span is None or span[0] - timedelta(days=SPAN_SLACK) <= day <= span[1])
        if day_precise:
            # (the day's salience is mostly its main happening's: another of that day takes a
            # share of it, by how many articles report it next to the main one)
            share = min(h.articles / max(day_main.get(day, 1), 1), 1.0) ** main_share if day_main else 1.0
            published = salience.published.get(day, 0)
            if in_span:  # (what came before is background, however often the coverage names its day)
                named = salience.named.get(day, 0)
                later = salience.named_later.get(day, 0)
                full = salience.named_in_full.get(day, 0)
    named, later, published = named * share, later * share, published * share
    docs = {r.doc for r in h.mentions}  # (off_story: the share of them that say little of the story)
    return {
        "articles": _log2p(h.articles),
        "outlets": math.log2(max(len(h.outlets), 1)),
        "lead": _log2p(len(lead_docs)),
        "date_refs": _log2p(named),
        "later_refs": _log2p(later),
        "published": _log2p(published),
        "full_refs": float(full > 0) * share,
        # (the precision the text states: a day only assumed from the publication day and the
        # tense, "the media are minimising it", is no day of its own)
        "precision": (1.0 if day_precise else 0.5 if h.precision is Precision.DAYS else 0.0) if stated else 0.0,
        "stated": stated / max(len(agreeing), 1),
        "in_span": in_span,
        "central": centrality(agreeing, shares or {}),
        "off_topic": off_topic(agreeing, vocabulary, topical_floor),
        "off_story": sum(d in aside for d in docs) / len(docs) if aside and docs else 0.0,
    }


def rank_happenings(happenings: Sequence[Happening], events: Sequence[Event], documents: Sequence[Document],
                    timexes: Sequence[Timex], lead_end: Mapping[str, int],
                    weights: Mapping[str, float] | None = None) -> list[Happening]:
    """The happenings with their score, signals and rank, most important first (ties: the
    more articles, then the earlier)."""
    weights = weights or rank_weights()
    mentions = {(e.doc, e.id): e for e in events}
    salience = date_salience(documents, timexes)
    shares = name_shares(documents) if weights.get("central") else {}
    words = article_words(documents) if weights.get("off_topic") or weights.get("off_story") else {}
    vocabulary = story_words(words, weights.get("story_word_share", 0.0)) if weights.get("off_topic") else frozenset()
    aside = off_story(words) if weights.get("off_story") else frozenset()
    titles = {d.id: frozenset(w.lower().strip(".,;:'\"“”‘’") for w in d.title.split()) for d in documents if d.title}
    day_main: dict[date, int] = defaultdict(int)  # per day, the most articles a happening of it has
    for h in happenings:
        if h.precision in (Precision.DAY, Precision.TIME) and h.envelope is not None and h.envelope.start is not None:
            day = h.envelope.start.date()
            day_main[day] = max(day_main[day], h.articles)
    scored = []
    for h in happenings:
        sig = signals(h, mentions, lead_end, titles, salience, day_main, weights.get("main_share", 0.0), shares,
                      vocabulary, weights.get("topical_floor", 0.0), aside)
        score = sum(weights.get(k, 0.0) * sig[k] for k in SIGNALS)
        start = h.envelope.start if h.envelope is not None and h.envelope.start is not None else datetime.max
        scored.append((-round(score, 6), -h.articles, start, h.id, h, sig, score))
    scored.sort(key=lambda t: t[:4])

    def told(h: Happening) -> tuple[frozenset[tuple[str, str]], frozenset[str]]:
        """The sentences its reports are in (those dated otherwise too), and their event words."""
        reports = [mentions[(r.doc, r.event)] for r in h.mentions if (r.doc, r.event) in mentions]
        return frozenset((e.doc, e.sentence) for e in reports), frozenset(e.text.lower() for e in reports)

    order = _diversified(scored, weights.get("same_day", 0.0), weights.get("redundant", 0.0), told)
    return [_ranked(h.id, h.label, h.mentions, h.articles, h.outlets, h.first_report, h.envelope, h.relative,
                    h.precision, h.disagreements, k + 1, round(score, 4),
                    tuple(zip(SIGNALS, map(round, sig.values(), repeat(4)))))
            for k, (*_, h, sig, score) in enumerate(order)]


_ranked = maker(Happening, "id label mentions articles outlets first_report envelope relative precision disagreements "
                           "rank score signals")  # (a happening from all its values, its rank among them: thousands)


def _diversified(scored: list[tuple], discount: float, redundant: float = 0.0,  # type: ignore[type-arg]
                 told: Callable[[Happening], tuple[frozenset[tuple[str, str]], frozenset[str]]] | None = None
                 ) -> list[tuple]:  # type: ignore[type-arg]
    """Best first, each happening's score less `discount` * log2(1 + the happenings already
    ranked on its day): a day's third report of its main news gives way to another day's
    first (as maximal-marginal-relevance summarisers do); and less `redundant` once when it is
    told only in sentences of one happening ranked before it whose label already shows one of
    its event words (`told`: the sentences of a happening's reports, and their event words),
    among the first REDUNDANT_TOP (what a reader is shown): two words of one clause ("Police carried out an extensive interview": the carrying
    out, and the interview, dated otherwise) are one line of news, not two; a second clause of
    the sentence ("... and cut power to 60% of consumers") is news of its own. Each day keeps its happenings in score order and
    offers the next one to a heap of days, so the work is n log n (a happening found redundant
    goes back to the heap once)."""
    import heapq

    days: dict[object, list[tuple]] = defaultdict(list)  # type: ignore[type-arg]
    undated_days = 0
    for t in scored:  # (already in order: best first)
        h = t[4]
        if h.precision in (Precision.DAY, Precision.TIME):
            days[h.envelope.start.date()].append(t)
        else:
            days[("no day", undated_days)].append(t)  # (no discount: each is a day of its own)
            undated_days += 1
    heap: list[tuple] = [((-round(q[0][6], 6), *q[0][1:4]), key, False, q[0])  # type: ignore[type-arg]
                         for key, q in days.items()]
    heapq.heapify(heap)
    taken: dict[object, int] = defaultdict(int)
    tellers: dict[tuple[str, str], set[int]] = defaultdict(set)  # sentence -> the ranked happenings told in it
    out = []
    while heap:
        order, key, penalised, item = heapq.heappop(heap)
        sentences, words = told(item[4]) if told and redundant and len(out) < REDUNDANT_TOP else NOTHING
        if not penalised and sentences and any(
                words & _words(out[k][4].label) for k in set.intersection(*(tellers.get(x, set()) for x in sentences))):
            heapq.heappush(heap, ((round(order[0] + redundant, 6), *order[1:]), key, True, item))
            continue
        for x in sentences:
            tellers[x].add(len(out))
        out.append(item)
        taken[key] += 1
        if taken[key] < len(days[key]):
            nxt = days[key][taken[key]]
            score = nxt[6] - discount * math.log2(1 + taken[key])
            heapq.heappush(heap, ((-round(score, 6), *nxt[1:4]), key, False, nxt))
    return out


NOTHING: tuple[frozenset[tuple[str, str]], frozenset[str]] = (frozenset(), frozenset())
REDUNDANT_TOP = 200  # the happenings ranked first that are asked whether another told them already


def _words(label: str) -> set[str]:
    return {w.strip(".,;:!?\"'“”‘’()").lower() for w in label.split()}


def lead_end(doc: Document) -> int:
    """Where an article's lead ends: after its first two sentences of prose (headings, lines
    without a final stop, and page furniture do not count). Only the head of the text is
    split into sentences, more of it while the lead is not found."""
    furniture = set(doc.furniture)
    size = LEAD_CHARS
    while True:
        spans = sentence_spans(doc.text[:size], tuple(s for s in doc.sentences if s[2] <= size))
        whole = size >= len(doc.text)
        count = 0
        for s, e in spans[:-1] if not whole else spans:  # (the last may be cut short)
            if (s, e) in furniture or not doc.text[s:e].rstrip().endswith((".", "!", "?", '"', "”", "’", "'", ")")):
                continue
            count += 1
            if count == 2:
                return e
        if whole:
            return spans[-1][1] if spans else 0
        size *= 4


LEAD_CHARS = 2000
