"""Page furniture and duplicates across the articles of one input (pure).

A story's coverage, scraped from the web, repeats the same sentences on many pages: terms of
service, "Views expressed in the comments do not represent those of Reuters", a blogger's
sign-off, a related-links headline. They are not news, yet counted per article they outrank
the story's turning points. A sentence is furniture when it recurs verbatim (case and white
space aside) in several articles and either over several publication days, or mostly at the
foot of its page (`rules/en/story.toml`, [furniture]). Wire copy that several articles repeat
for a day or two stays news (undated pages that carry it in one text, opening alike, count as
one day, or as the days of the dated pages that carry it so too; other undated pages each as a
day of its own), and so does a sentence that names a calendar day ("On March 2,
an earthquake struck ..."): recalling a day is how coverage marks what mattered. Some forms
are furniture on any page, however rarely they recur: a page's own stamp ("Page last updated
at 08:49 GMT, Friday, 26 June 2009", "Tuesday 4 January 2005 08.43 GMT" between a heading and
the body), a web or e-mail address and a link's call ("Read the
full story", "Click here") ([furniture] forms). A blog's reader comments (from the first of
several "At 5:49 pm on 05 May 2009, X wrote:" to the foot of the page, or from the first of
comments signed "Posted by X on April 5, 2005 05:40 PM.") are not the outlet's news.

An article whose whole text was read before (the same file twice, or one saved under two
names) is a duplicate: it is kept in the timeline's documents, marked, and counted once.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import cache
from typing import Sequence

from ..rules import load_toml, regex_cache
from ..model import Document
from .segment import page_stamp_re, sentence_spans

# a page's last sentence that signs it ("Reporting by Ann Lee; editing by Tom Ray", "(AP)"): the foot reaches past it
_BYLINE = re.compile(r"(?i)\b(?:reporting|editing|writing|compiled|additional\s+reporting)\s+by\b|^\W*(?:AP|AFP|Reuters|PA|BBC|CNN)\W*$")
LEAD_SENTENCES = 2  # a page's first sentences, its lead: pages that open with one lead are one text carried whole
FIRST_SENTENCES = 1  # never its foot, nor counted against it: a brief's news, a caption before a footer
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


@dataclass(frozen=True, slots=True)
class FurnitureRules:
    min_articles: int
    min_days: int
    edge_share: float
    edge_sentences: int
    min_words: int
    dated: tuple[re.Pattern[str], ...]  # a sentence that names a calendar day is never furniture
    forms: tuple[re.Pattern[str], ...] = ()  # ... but one of these forms always is (a page stamp, an address)
    comment_header: re.Pattern[str] | None = None  # a reader comment's header ("At 5:49 pm on ..., X wrote:")
    comment_headers: int = 2  # this many make the rest of the page a comments thread
    comment_call: re.Pattern[str] | None = None  # a call for readers' views: what follows it is theirs
    comment_signature: re.Pattern[str] | None = None  # a comment's signature at its foot ("Posted by X on ...")
    signed_lookback: int = 12  # how far before the first signature the first comment may begin


@cache
def furniture_rules() -> FurnitureRules:
    data = load_toml("story.toml")["furniture"]
    # (the comments' patterns, searched for in every page's whole text, with the regex
    # engine's search shortcut: `rules.regex_cache`, the same matches)
    found = FurnitureRules(int(data["min_articles"]), int(data["min_days"]), float(data["edge_share"]),
                           int(data["edge_sentences"]), int(data["min_words"]),
                           tuple(re.compile(p, re.IGNORECASE) for p in data["dated"]),
                           tuple(re.compile(p, re.IGNORECASE) for p in data.get("forms", [])),
                           regex_cache.compile(data["comment_header"]) if data.get("comment_header") else None,
                           int(data.get("comment_headers", 2)),
                           regex_cache.compile(data["comment_call"], re.I) if data.get("comment_call") else None,
                           regex_cache.compile(data["comment_signature"]) if data.get("comment_signature") else None,
                           int(data.get("signed_lookback", 12)))
    regex_cache.flush()
    return found


def names_a_day(sentence: str, rules: FurnitureRules | None = None) -> bool:
    """Does the sentence name a calendar day ("On March 2, ...", "on 12 January")?"""
    return any(p.search(sentence) for p in (rules or furniture_rules()).dated)


def normal_form(sentence: str) -> str:
    """What two copies of one sentence share: case, white space and quote marks aside."""
    return " ".join(sentence.translate(_QUOTES).split()).lower()  # (each run of white space one space, none
    # at the ends: as re.sub(r"\s+", " ", ...).strip() gives, both reading white space as str.isspace does, at
    # half the cost)


def mark_duplicates(docs: Sequence[Document]) -> list[Document]:
    """The documents, each whose text (white space aside) was read before marked
    `duplicate_of` the first one."""
    docs = list(docs)
    if len(docs) < 2:
        return docs  # (nothing to be a copy of: a book-length article is not read for it)
    first: dict[str, str] = {}
    out = []
    for d in docs:
        key = " ".join(d.text.split())  # (white space as `normal_form` reads it)
        seen = first.setdefault(key, d.id)
        out.append(d if seen == d.id else replace(d, duplicate_of=seen))
    return out


def mark_furniture(docs: Sequence[Document], rules: FurnitureRules | None = None) -> list[Document]:
    """The documents with their furniture sentences' spans (`Document.furniture`). Duplicates
    count once; with fewer than `min_articles` articles nothing can recur often enough, and
    a page is split into sentences only where it holds a form, a stamp or a comment to find
    (`_on_the_page`)."""
    rules = rules or furniture_rules()
    originals = [d for d in docs if d.duplicate_of is None]
    spans_of: dict[int, list[tuple[int, int]]] = defaultdict(list)
    recur = len(originals) >= rules.min_articles
    # (each article's sentences, split once, when they are needed)
    sentences = [sentence_spans(d.text, d.sentences) if recur else None for d in originals]
    for i, d in enumerate(originals):  # by form, on any page: a page stamp, an address
        spans_of[i] += _on_the_page(d, sentences[i], rules)
    if not recur:
        return _marked(docs, originals, spans_of)
    # sentence -> the articles it is in, their publication days, how often at the foot of the page
    where: dict[str, list[tuple[int, tuple[int, int]]]] = defaultdict(list)
    days: dict[str, set[object]] = defaultdict(set)
    at_foot: dict[str, int] = defaultdict(int)
    in_lead: dict[str, int] = defaultdict(int)  # (occurrences as a page's first sentence: neither foot nor not)
    leads: dict[str, list[set[tuple[str, int]]]] = defaultdict(list)  # the openings of its pages, and its place from them
    undated: dict[str, list[set[tuple[str, int]]]] = defaultdict(list)  # ... of its undated pages
    pages: list[list[str | None]] = []  # each page's sentences, by key (None: too short to count)
    for i, d in enumerate(originals):
        spans = sentences[i] or ()
        keys = [normal_form(d.text[s:e]) for s, e in spans]
        pages.append([k if len(k.split()) >= rules.min_words else None for k in keys])
        for k, (key, span) in enumerate(zip(pages[-1], spans)):
            if key is not None:
                where[key].append((i, span))
    recurring = {key for key, places in where.items() if len({i for i, _ in places}) >= rules.min_articles}
    for i, d in enumerate(originals):
        keys = pages[i]
        n, seen = len(keys), set()
        # (one text carried whole, wire copy under its own headline or not: its opening sentences,
        # the words of the page's first or second sentence on, and where each sentence is from there)
        words = [(k, key) for k, key in enumerate(keys) if key is not None]
        openings = [(" | ".join(key for _, key in words[a:a + LEAD_SENTENCES]), words[a][0])
                    for a in range(min(2, len(words) - LEAD_SENTENCES + 1))]
        # the foot: the last sentences after which the page says nothing of its own (but a byline)
        foot = n - 1 if n > FIRST_SENTENCES + 1 and keys[-1] not in recurring and _BYLINE.search(
            d.text[slice(*(sentences[i] or ((0, 0),))[-1])]) else n
        while foot > FIRST_SENTENCES and n - foot < rules.edge_sentences and keys[foot - 1] in recurring:
            foot -= 1
        # (a text carried after the page's own lede runs on to its end: the sentences that go on
        # from one on the very same pages are that text, not a foot below it)
        while foot < n and (before := keys[foot - 1]) is not None and before in recurring \
                and keys[foot] is not None and _pages(where[before]) == _pages(where[keys[foot]]):  # type: ignore[index]
            foot += 1
        for k, key in enumerate(keys):
            if key is None or key in seen:
                continue
            seen.add(key)
            lead = {(o, k - at) for o, at in openings}
            if d.dct is not None:
                days[key].add(d.dct.date())
            else:
                undated[key].append(lead)
            leads[key].append(lead)
            in_lead[key] += k < FIRST_SENTENCES  # (a brief's lede; a caption before a footer)
            at_foot[key] += k >= foot
    for key, places in where.items():
        articles = len({i for i, _ in places})
        if articles < rules.min_articles:
            continue
        # (an undated article counts as a day of its own, but undated pages that carry it in one
        # text, opening alike, as one day; a sentence in every page's lead is news; pages that
        # open with one lead are one text carried whole, wire copy of one day, whatever sits at its foot)
        below = articles - in_lead[key]  # (its occurrences out of the pages' first sentences)
        unknown = undated.get(key, [])
        if not unknown:
            n_days = len(days[key])
        elif _carried_whole(leads[key]):  # (undated copies of the text dated pages carry: their days)
            n_days = max(len(days[key]), 1)
        else:
            n_days = len(days[key]) + (1 if _carried_whole(unknown) else len(unknown))
        if n_days < rules.min_days and (not below or at_foot[key] < rules.edge_share * below
                                                 or _carried_whole(leads[key])):
            continue
        i0, (s0, e0) = places[0]
        if not names_a_day(originals[i0].text[s0:e0], rules):
            for i, span in places:
                spans_of[i].append(span)
    return _marked(docs, originals, spans_of)


def _pages(places: list[tuple[int, tuple[int, int]]]) -> frozenset[int]:
    return frozenset(i for i, _ in places)


def _carried_whole(openings: list[set[tuple[str, int]]]) -> bool:
    """Do the pages a sentence is on open alike, with their first two sentences or with the two
    after a headline of their own (one page with a headline, another without: the one's two after
    it are the other's first two), the sentence as far from that opening on each: one text carried
    whole, wire copy of a day, not furniture? (Not a site's banner above pages of their own.)"""
    return bool(set.intersection(*openings))  # (one opening all share, and the sentence at one place from it)


def _on_the_page(doc: Document, spans: Sequence[tuple[int, int]] | None,
                 rules: FurnitureRules) -> list[tuple[int, int]]:
    """The sentences of one page that are furniture whatever the other pages say: a form, a
    page stamp, a comments thread. `spans`, the page's sentences, are split here if not given,
    and only if the page holds something to find: the sentences a form can be in are those
    where its pattern, not bound to a sentence's start (`_anywhere`), matches in the text, and
    each is then checked as a sentence of its own."""
    text = doc.text
    hits = [m.end() - 1 for m in _anywhere(rules).finditer(text) if m.end() > m.start()]
    hits += [m.end() - 1 for m in page_stamp_re().finditer(text)]
    threaded = any(p is not None and p.search(text) for p in
                   (rules.comment_header, rules.comment_signature, rules.comment_call))
    if not hits and not threaded:
        return []
    if spans is None:
        spans = sentence_spans(text, doc.sentences)
    found = []
    starts = [s for s, _ in spans]
    for k in sorted({bisect_right(starts, at) - 1 for at in hits} - {-1}):
        s, e = spans[k]
        if any(p.search(text[s:e]) for p in rules.forms) or _is_stamp(text, s, e):
            found.append((s, e))  # (forms: "^" where the sentence begins)
    return found + (comments_thread(text, spans, rules) if threaded else [])


@cache
def _anywhere(rules: FurnitureRules) -> re.Pattern[str]:
    """The forms as one pattern that finds each wherever it is, not only where a sentence
    begins ("^" dropped): what a sentence must hold to be one of them."""
    alternatives = []
    for p in rules.forms:
        form = p.pattern
        if form.startswith("^"):  # (what may open a sentence before the form's words goes too)
            form = form[1:].removeprefix(r"\W*")
            if _OPENS_WITH_A_LETTER.match(form):
                form = rf"\b{form}"  # (a word begins there: and one scan of the text is quick)
        alternatives.append(f"(?:{form})")
    # (with the regex engine's search shortcut, `rules.regex_cache`: the same matches, a third
    # less time for a scan of every page)
    found = regex_cache.compile("|".join(alternatives) or "(?!)", re.IGNORECASE)
    regex_cache.flush()
    return found


_OPENS_WITH_A_LETTER = re.compile(r"(?:\(\?:)*[A-Za-z]")


def _is_stamp(text: str, start: int, end: int) -> bool:
    """Is the sentence a page's stamp of its own publication, alone ("Tuesday 4 January 2005
    08.43 GMT" between a heading and the body: sources.segment cuts it out)?"""
    m = page_stamp_re().match(text, start, end)
    return m is not None and m.end() == end


def comments_thread(text: str, spans: Sequence[tuple[int, int]], rules: FurnitureRules | None = None) -> list[tuple[int, int]]:
    """The sentences of a page's reader comments: from the sentence of the first comment
    header on, when the page holds at least `comment_headers` of them, from the first of
    comments signed at their foot (as many signatures), or from the sentence of a call for
    readers' views on ("Send us your comments using the form below:"); else none."""
    rules = rules or furniture_rules()
    starts = []
    if rules.comment_header is not None:
        headers = rules.comment_header.finditer(text)
        first = next(headers, None)
        if first is not None and sum(1 for _ in zip(range(rules.comment_headers - 1), headers)) >= rules.comment_headers - 1:
            starts.append(first.start())
    signed = _signed_thread(text, spans, rules)
    if signed is not None:
        starts.append(signed)
    call = rules.comment_call.search(text) if rules.comment_call is not None else None
    if call is not None:  # (the call's own sentence too: it is the page's, and may run into a view)
        starts.append(call.start())
    if not starts:
        return []
    begin = min(starts)
    return [(s, e) for s, e in spans if e > begin]


def _signed_thread(text: str, spans: Sequence[tuple[int, int]], rules: FurnitureRules) -> int | None:
    """Where a thread of comments signed at their foot begins: after the post's own last line
    (a furniture form) shortly before the first signature, else at that signature; None when
    the page has fewer than `comment_headers` signatures."""
    if rules.comment_signature is None:
        return None
    found = rules.comment_signature.finditer(text)
    first = next(found, None)
    if first is None or sum(1 for _ in zip(range(rules.comment_headers - 1), found)) < rules.comment_headers - 1:
        return None
    at = next((k for k, (s, e) in enumerate(spans) if e > first.start()), len(spans))
    for k in range(at - 1, max(at - 1 - rules.signed_lookback, -1), -1):
        s, e = spans[k]
        if any(p.search(text[s:e]) for p in rules.forms):
            return e
    return first.start()


def _marked(docs: Sequence[Document], originals: list[Document],
            spans_of: dict[int, list[tuple[int, int]]]) -> list[Document]:
    """The documents, each original with its furniture spans (by index in `originals`)."""
    out = []
    index = {d.id: i for i, d in enumerate(originals)}
    for d in docs:
        at = index.get(d.id) if d.duplicate_of is None else None
        found = sorted(set(spans_of.get(at, []))) if at is not None else []
        out.append(replace(d, furniture=tuple(found)) if found else d)
    return out
