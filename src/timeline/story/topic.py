"""Which articles of a story say little of it (pure).

A folder of a story's coverage holds pages that are not about it: a columnist's blog on the
music industry, a live page of the day's other news, a supplier's results, a page in another
language. Their happenings are no part of the story's chronology. An article is off the story
when, of the words most of the story's articles use (its keywords: "flu", "virus", "mexico",
"cases" in a flu story), it uses far fewer than the median article does, and those words are a
far smaller part of its own words than they are of the median article's: the first test alone
would take a short dispatch for an aside, the second alone a long one. A story of few articles
has no such measure: every article of it is the story's. The thresholds are `[off_story]` in
story.toml.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from statistics import median
from typing import AbstractSet, Mapping


@lru_cache(maxsize=1)
def off_story_rules() -> tuple[int, int, float]:
    """story.toml [off_story]: the fewest articles a story needs for the measure, its number of
    keywords, and the share of the median article's figures below which an article is off it."""
    from ..rules import load_toml

    data = load_toml("story.toml")["off_story"]
    return int(data["min_articles"]), int(data["keywords"]), float(data["share"])


def off_story(words: Mapping[str, AbstractSet[str]]) -> frozenset[str]:
    """The ids of the articles that say little of the story, from each article's content words
    (lower case, stopwords and page furniture aside; one entry per distinct article)."""
    least, k, share = off_story_rules()
    if len(words) < least:
        return frozenset()
    used = Counter(w for ws in words.values() for w in ws)
    keywords = {w for w, _ in sorted(used.items(), key=lambda kv: (-kv[1], kv[0]))[:k]}
    coverage = {d: len(ws & keywords) for d, ws in words.items()}
    density = {d: coverage[d] / len(ws) if ws else 0.0 for d, ws in words.items()}
    c, p = median(coverage.values()), median(density.values())
    return frozenset(d for d in words if coverage[d] < share * c and density[d] < share * p)
