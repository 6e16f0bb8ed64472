"""A label cut from the text around an event's trigger (`cut_label`): a few words either side,
no further back than the trigger's subject and no further ahead than its clause, never starting
or ending inside a time expression. What `mentions.find_events` shows for an event when no
parse gives a better one (events.labels)."""
from __future__ import annotations

from typing import Sequence

from ..sources.segment import Token, runs_in

LABEL_MAX = 80
_CLAUSE_STOP = {",", ";", ":", "—", "–", "(", ")", '"', "“", "”", "that", "which", "who", "while",
                "when", "as", "but", "and", "where", "because", "although", "whereas"}
NP_STOP = {"of", "in", "on", "at", "for", "with", "by", "from", "to", "into", "as", "than", "after",
           "before", "since", "during", "about", "against", "over", "under", "amid", "between",
           "following", "despite", "including", "like", "such", "regarding", "toward", "towards"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our"}


def span_text(text: str, start: int, end: int) -> str:
    """text[start:end] with each run of white space one space, none at the ends (what
    ``re.sub(r"\\s+", " ", ...).strip()`` gives: both read white space as str.isspace does)."""
    return " ".join(text[start:end].split())


_LABEL_END = frozenset({",", ";", ":", ".", "—", "–", "(", ")", "!", "?", '"', "“", "”"})
_LABEL_BREAK = frozenset({"that", "which", "who", "while", "when", "where", "because", "and", "but", "if"})
_LABEL_TRIM = NP_STOP | DETERMINERS | {"."}
_VERB_ADVERBS = frozenset({"not", "n't", "never", "also", "still", "now", "already", "just", "then", "since"})


def _verbish(pos: int, verb_spans: list[tuple[int, int]], timex_spans: list[tuple[int, int]]) -> bool:
    """Does a token starting at `pos` lie in a verb group and outside the time expressions?"""
    for s, e in verb_spans:
        if s <= pos < e:
            break
    else:
        return False
    for s, e in timex_spans:
        if s <= pos < e:
            return False
    return True


def _glued_slash(toks: list[Token], lo: int) -> bool:
    """Is the token before `lo` a slash glued between two numbers ("the 7/7 attacks")?"""
    return (lo > 1 and toks[lo - 1].text == "/" and toks[lo - 2].text[:1].isdigit() and toks[lo].text[:1].isdigit()
            and toks[lo - 2].end == toks[lo - 1].start and toks[lo - 1].end == toks[lo].start)


def cut_label(text: str, toks: list[Token], i: int, is_verb: bool, verb_spans: list[tuple[int, int]],
           timex_spans: list[tuple[int, int]], firm_spans: Sequence[tuple[int, int]] = ()) -> tuple[str, int, int]:
    """A short readable label taken from the text around the trigger, and its character span: a
    verb's starts no further back than its subject, after another clause's verb group ("the WHO
    has said | swine flu is not spread": `firm_spans`, the groups no lone -ed form; "remain
    stalled", "will determine" are one clause's)."""
    lo = i
    back_limit = 6 if is_verb else 4
    subject = False  # (a word passed that is in no verb group: the trigger's subject, if any)
    finite = is_verb and any(s <= toks[i].start < e for s, e in verb_spans)  # (not "escalating tensions")
    while lo > 0 and i - lo < back_limit:
        prev = toks[lo - 1]
        if finite:
            if not any(s <= prev.start < e for s, e in verb_spans):
                subject = subject or prev.lower not in _VERB_ADVERBS
            elif subject and any(s <= prev.start < e for s, e in firm_spans):
                break  # another clause's verb, before the trigger's subject
        if prev.lower in _CLAUSE_STOP or not (prev.text[0].isalnum() or prev.text in {"-", "'s", "’s"}):
            if not (prev.text == "." and lo > 1 and "." in toks[lo - 2].text) \
                    and not _glued_slash(toks, lo):  # "U.S.", "7/7", "9/11"
                break
        if not is_verb and (prev.lower in NP_STOP or _verbish(prev.start, verb_spans, timex_spans)):
            break
        lo -= 1
        if lo > 0 and runs_in(toks[lo - 1].text, toks[lo].text) \
                and not _verbish(toks[lo - 1].start, verb_spans, timex_spans):
            break  # a heading run into the sentence ("91 confirmed cases | The Mexican boy had arrived")
    for s, e in timex_spans:  # never start inside a time expression
        if s < toks[lo].start < e:
            while lo > 0 and toks[lo - 1].start >= s:
                lo -= 1
    while lo < i and (toks[lo].lower in DETERMINERS or not toks[lo].text[0].isalnum()):
        lo += 1
    hi = i + 1
    fwd_limit = 7 if is_verb else 6
    n = len(toks)
    while hi < n and hi - i <= fwd_limit:
        nxt = toks[hi]
        if nxt.text == "." and "." in toks[hi - 1].text and hi + 1 < n:
            hi += 1  # the dot of "U.S."
            continue
        if nxt.text in _LABEL_END or nxt.lower in _LABEL_BREAK:
            break
        if runs_in(toks[hi - 1].text, nxt.text) and not _verbish(toks[hi - 1].start, verb_spans, timex_spans):
            break  # a sentence run in after a heading ("91 confirmed cases | The Mexican boy"; not "told The Guardian")
        if not is_verb and hi == i + 1 and nxt.lower not in NP_STOP and _verbish(nxt.start, verb_spans, timex_spans):
            break
        hi += 1
    for s, e in timex_spans:  # never end inside a time expression ("... on New | Year's Day"): before it
        if s < toks[hi - 1].end < e or (s <= toks[hi - 1].start < e and toks[hi - 1].end < e):
            while hi - 1 > i and toks[hi - 1].start >= s:
                hi -= 1
    while hi - 1 > i and toks[hi - 1].lower in _LABEL_TRIM:
        hi -= 1
    start, end = toks[lo].start, toks[hi - 1].end
    label = " ".join(text[start:end].split())  # (`span_text`)
    if len(label) > LABEL_MAX:
        cut = label[: LABEL_MAX - 1].rsplit(" ", 1)[0]
        label = cut.rstrip(",;:") + "…"
    first = label[:1]
    upper = first.upper()
    return (label if upper == first else upper + label[1:]), start, end
