"""Names the tokenizer cuts into pieces, made one token again before the parse (pure).

Two kinds (rules/en/labels.toml [names], with examples and negatives that tests run):

  hyphened names  a capitalized word after a hyphen, joined to a capitalized word or a name's
                  particle before it ("al-Qaida", "Lloyd-Webber", "Jean-Paul"): the tokenizer
                  cuts it at the hyphen, and the parser hangs the pieces apart ("failure to focus
                  on al | - | Qaida has created": "Qaida" the subject of "created"). Not an
                  ordinary compound ("US-led", "well-known", "23-month-old", "Iraq-based"): the
                  word after its hyphen is in lower case; nor a title ("Secretary-General"), whose
                  words coref knows (rules/en/coref.toml titles and descriptions of persons).
  titles          a film's, album's or book's title in title case inside a sentence ("Michael
                  Jackson's This Is It tour", "the album “Off The Wall”"): a run of capitalized
                  words, not at the sentence's start, with a capitalized function word or verb
                  after its first word ("Is", "It", "With", "The"), or the whole of a quotation
                  in title case. Its verb is the title's, not the sentence's ("This | Is | It tour
                  can not be used": "Is" taken for the clause, its subject lost). Not a name in
                  capitals ("the Bank of England", "President George W. Bush", "to The Hague").

`whole_names(words)` gives the spans of token indexes to merge, from the tokens' text and
offsets alone (the parse has not run yet); none in a headline in title case, where every word
has its capital ("NATO Chief Raises Concerns Over ...", "High-Profile Visit to ...").
"""
from __future__ import annotations

from functools import cache
from typing import Sequence

from ..rules import load_toml

_DOUBLE = {'"': '"', "“": "”"}
HEADLINE_SHARE = 0.6  # a span more of whose words than this open with a capital is a headline: no name in it is merged


@cache
def _rules() -> tuple[frozenset[str], frozenset[str], frozenset[str], int]:
    d = load_toml("labels.toml")["names"]
    return (frozenset(w.lower() for w in d["particles"]), frozenset(d["title_words"]),
            frozenset(d["title_ends"]), int(d["title_words_max"]))


@cache
def _titles() -> frozenset[str]:
    """The words of people's titles and descriptions (rules/en/coref.toml): a hyphened word of
    them is a title ("Secretary-General", "Attorney-General"), which coref sets apart from the
    name after it, not a name."""
    d = load_toml("coref.toml")
    return frozenset(w.lower() for w in d["titles"]) | frozenset(w.lower() for w in d["descriptions"]["person"])


def _cap(word: str) -> bool:
    """A capitalized word with lower-case letters ("Qaida", "Is"; not "US", "-", "3")."""
    return word[:1].isupper() and any(c.islower() for c in word[1:]) and word.replace("'", "").replace(".", "").isalpha()


def whole_names(words: Sequence[tuple[str, int]]) -> list[tuple[int, int]]:
    """The spans [a, b) of the tokens (text, start offset) that are one name: hyphened names
    and titles (see the module). Spans do not overlap and are in order."""
    particles, title_words, title_ends, longest = _rules()
    n = len(words)
    alpha = [w for w, _ in words if w[:1].isalpha()]
    if len(alpha) >= 4 and sum(w[:1].isupper() for w in alpha) > HEADLINE_SHARE * len(alpha):
        return []  # (a headline in title case: "NATO Chief Raises Concerns Over ...", "High-Profile Visit")

    def touching(k: int) -> bool:  # token k ends where token k + 1 begins
        return words[k][1] + len(words[k][0]) == words[k + 1][1]

    def hyphened(k: int) -> bool:  # tokens k, k + 1, k + 2: a name, a hyphen, a name
        if k + 2 >= n or words[k + 1][0] != "-" or not (touching(k) and touching(k + 1)):
            return False
        a, b = words[k][0], words[k + 2][0]
        return _cap(b) and (_cap(a) or a.lower() in particles) and not {a.lower(), b.lower()} & _titles()

    spans: list[tuple[int, int]] = []
    k = 0
    while k < n:
        if hyphened(k):
            end = k + 3
            while hyphened(end - 1):  # ("Abu-Bakr-Ali")
                end += 2
            spans.append((k, end))
            k = end
            continue
        k += 1
    taken = {j for a, b in spans for j in range(a, b)}
    for a, b in _title_runs(words, title_words, title_ends, longest):
        if not any(j in taken for j in range(a, b)):
            spans.append((a, b))
    return sorted(spans)


def _title_runs(words: Sequence[tuple[str, int]], title_words: frozenset[str], title_ends: frozenset[str],
            longest: int) -> list[tuple[int, int]]:
    texts = [w for w, _ in words]
    n = len(texts)
    out: list[tuple[int, int]] = []
    # a quotation in title case: every word capitalized, or a function word in lower case inside it
    k = 0
    while k < n:
        close = _DOUBLE.get(texts[k])
        if close is not None:
            end = next((j for j in range(k + 1, min(n, k + longest + 2)) if texts[j] == close), None)
            if end is not None and end - k - 1 >= 2:
                inner = texts[k + 1:end]
                if _cap(inner[0]) and all(_cap(w) or (w.lower() in _LOWER_INSIDE and 0 < j < len(inner) - 1)
                                          for j, w in enumerate(inner)) and sum(_cap(w) for w in inner) >= 2:
                    out.append((k + 1, end))
                k = end + 1
                continue
        k += 1
    # a run of capitalized words inside the sentence with a function word or verb after its first
    k = 1
    while k < n:
        if not _cap(texts[k]) or _cap(texts[k - 1]) or texts[k - 1] in _DOUBLE or _opens(texts, k):
            k += 1  # (a run that opens the sentence is none: its first capital says nothing)
            continue
        end = k
        while end < n and _cap(texts[end]) and end - k < longest and not (end > k and texts[end - 1].endswith(".")):
            end += 1  # (not past an abbreviation's stop, where a sentence may end: "Globex Inc. | It has")
        run = texts[k:end]
        while len(run) > 1 and run[-1] in title_ends:
            run.pop()
        if len(run) >= 2 and any(w in title_words for w in run[1:]) and not any(a <= k < b for a, b in out) \
                and (end >= n or not _cap(texts[end])):  # (a longer run of capitals is a headline, no title)
            out.append((k, k + len(run)))
        k = end
    return out


_LOWER_INSIDE = frozenset({"of", "the", "a", "an", "and", "in", "on", "to", "with", "for", "at", "by", "from", "or"})
_ENDS = frozenset({".", "!", "?", ":", ";", "-", "–", "—", "--", "|", '"', "“", "”", "(", ")"})


def _opens(texts: Sequence[str], k: int) -> bool:
    """Whether token k opens a sentence, a quotation or a piece a dash or colon sets off (its
    capital says nothing)."""
    return k == 0 or texts[k - 1] in _ENDS
