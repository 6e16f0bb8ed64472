"""Split text into sentences and word tokens, keeping character offsets."""
from __future__ import annotations

import os
import re
from contextlib import contextmanager
from functools import cache
from typing import Iterator, NamedTuple

from ..rules import load_toml, regex_cache

TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)+|\w+(?:[-'’.]\w+)*|n't|[^\w\s]")
# (starts only where a run of end marks starts, and never gives back what it took: a run of
# 300,000 dots is read once, not once per dot; the first mark is taken before the look-behind,
# so that the engine skips in C to the next mark: five times as fast as trying every position)
_END_RE = re.compile(r"[.!?](?<![.!?][.!?])[.!?]*+[\"'”’)\]]*+(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_LINE_RE = re.compile(r"\n")


class Token(NamedTuple):  # a tuple: millions are made, and tuples are made fastest
    start: int
    end: int
    text: str
    lower: str


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(load_toml("text.toml")["abbreviations"])


@cache
def page_stamp_re() -> re.Pattern[str]:
    """A web page's stamp of its own publication between its heading and its body
    ("Tuesday 4 January 2005 08.43 GMT"; rules/en/text.toml [page_stamp])."""
    found = regex_cache.compile(load_toml("text.toml")["page_stamp"]["pattern"])  # (with its search shortcut)
    regex_cache.flush()
    return found


@cache
def _run_in() -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    """Where a heading or caption runs into the next sentence with no stop, the words that open
    such a sentence, and the words after which a capital does not start one (rules/en/text.toml
    [run_in])."""
    data = load_toml("text.toml")["run_in"]
    openers = "|".join(map(re.escape, data["openers"]))
    return (re.compile(rf"(?<=[a-z]) (?=(?:{openers}) [a-z][\w'’-]* [^\sA-Z])"),
            frozenset(data["openers"]), frozenset(data["after_not"]))


def runs_in(before: str, word: str) -> bool:
    """Does a sentence start, run in with no stop, at `word` (with its capital) after the word
    `before` ("cases" "The")? The test of `_run_in_cuts` without what follows `word` (for a
    label's subject, which is one: "confirmed cases The Mexican boy had arrived")."""
    _, openers, after_not = _run_in()
    return word in openers and before.islower() and before not in after_not


def _run_in_cuts(text: str) -> list[int]:
    """The starts of the sentences a page runs in after a heading or a caption with no stop
    ("... 91 confirmed cases The boy had arrived", "if convicted The judge also barred")."""
    found, _, after_not = _run_in()
    out = []
    for m in found.finditer(text):
        i = m.start()
        j = i
        while j > 0 and (text[j - 1].isalnum() or text[j - 1] in "'’-"):
            j -= 1
        word = text[j:i]
        if word.islower() and word not in after_not:
            out.append(m.end())
    return out


@cache
def _lowercase_abbreviations() -> frozenset[str]:
    return frozenset(load_toml("text.toml").get("lowercase_abbreviations", ()))


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The word tokens of text[start:end] (TOKEN_RE), with their offsets. (Read as strings,
    which is three times as quick as making match objects; each is found again from the end of
    the one before it: only white space lies between two, since every other character is or
    starts a token.)"""
    end = len(text) if end is None else end
    new = tuple.__new__  # (a NamedTuple's own __new__ is Python code: a third of the time)
    find = text.find
    out = []
    add = out.append
    at = start
    for g in TOKEN_RE.findall(text, start, end):
        at = find(g, at)
        add(new(Token, (at, at := at + len(g), g, g.lower())))
    return out


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the period at `dot` the end of an abbreviation ("Mr.", "U.S.", "J.")?"""
    i = dot
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] == "."):
        i -= 1
    written = text[i:dot]
    word = written.lower()
    if not word:
        return False
    if word in _abbreviations():
        # "Ill." is Illinois, "fell ill." ends a sentence
        return word in _lowercase_abbreviations() or not written.islower()
    # an initial ("J. Smith"), but not a unit glued to a number or sign ("-20°C. During")
    return len(word) == 1 and word.isalpha() and (i == 0 or text[i - 1] in " \t\n(\"“'‘")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)``, leading and trailing whitespace excluded."""
    spans: list[tuple[int, int]] = []
    cuts: list[int] = []
    for m in _END_RE.finditer(text):
        if m.group(0).startswith(".") and len(m.group(0).rstrip("\"'”’)]")) == 1 and _is_abbreviation(text, m.start()):
            continue
        cuts.append(m.end())
    for m in _LINE_RE.finditer(text):
        i = m.start()
        while i > 0 and text[i - 1] in " \t":
            i -= 1
        last = text[i - 1] if i > 0 else ""
        after = text[m.end():m.end() + 2]
        blank = after.startswith("\n") or not last or last == "\n"
        continues = last.islower() or last == ","
        if blank or not continues or not after[:1].islower():
            cuts.append(m.start())
    cuts += _run_in_cuts(text)
    for m in page_stamp_re().finditer(text):  # (a sentence of its own: see page_stamp_re)
        cuts += (m.start(), m.end())
    pos = 0
    for cut in sorted(set(cuts)) + [len(text)]:
        if cut <= pos:
            continue
        seg = text[pos:cut]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg.rstrip())
        if trail > lead:
            spans.append((pos + lead, pos + trail))
        pos = cut
    return spans


def sentence_spans(text: str, own: tuple[tuple[str, int, int], ...] = ()) -> tuple[tuple[int, int], ...]:
    """A document's sentences: the source's own division when it has one (TimeML <s>), else ours.
    (The stages ask for one article's several times: within `remembering` every text's are
    remembered, else the last long text's.)"""
    if own:
        return tuple((s, e) for _, s, e in own)
    known = _KNOWN[0][1] if _KNOWN and _KNOWN[0][0] == os.getpid() else None
    if known is not None:
        spans = known.get(text)
        if spans is None:
            spans = known[text] = tuple(sentences(text))
        return spans
    if len(text) < _REMEMBER:
        return tuple(sentences(text))
    last = _LAST_SPANS
    if last and last[0] is text:
        return last[1]
    spans = tuple(sentences(text))
    _LAST_SPANS[:] = [text, spans]
    return spans


_REMEMBER = 100_000  # characters: a text this long has its sentences remembered (one text at a time)
_LAST_SPANS: list = []  # type: ignore[type-arg]  # [text, its spans]
_KNOWN: list[tuple[int, dict[str, tuple[tuple[int, int], ...]]]] = []  # while `remembering`: (the process, text -> its sentences)


@contextmanager
def remembering() -> Iterator[None]:
    """Within this block every text's sentences are remembered once split, whatever its length
    (`sentence_spans`): a build splits each article for its page furniture, again for its times
    and events, and again for the labels of its happenings. Leaving the block forgets them
    (the outermost block, where blocks nest). Only the process that entered the block remembers:
    a worker it forks meanwhile splits its articles as usual (and keeps none of them)."""
    if _KNOWN:
        yield
        return
    _KNOWN.append((os.getpid(), {}))
    try:
        yield
    finally:
        _KNOWN.clear()
