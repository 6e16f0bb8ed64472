"""The tagger's prefilter never changes what is found, and overlaps resolve as documented."""
from __future__ import annotations

import pytest

from timeline.time.grammar import load_grammar
from timeline.model import Kind, Mention, Symbolic
from timeline.time.prefilter import witnesses
from timeline.time.tagger import candidates, longest_first

from conftest import SEEDS

GRAMMAR = load_grammar()
TEXTS = [ex.text for r in GRAMMAR.rules for ex in r.examples] + list(GRAMMAR.negatives) + [
    p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def _key(ms):
    return sorted((m.start, m.end, m.rule) for m in ms)


def test_prefilter_finds_exactly_what_a_full_scan_finds(monkeypatch):
    text = "\n\n".join(TEXTS)
    fast = _key(candidates(text, GRAMMAR))
    monkeypatch.setenv("TIMELINE_PREFILTER", "0")
    full = _key(candidates(text, GRAMMAR))
    assert fast == full


@pytest.mark.parametrize("pattern,expected", [
    (r"yesterday", {"yesterday"}),
    (r"(?:each|every)\s+\d+", {"each", "every"}),  # the parser factors these into "e" + branch
    (r"(?:1[0-9]|2[01])[0-9]{2}", {"#d4"}),
    (r"(?:the\s+)?quarters?", {"quarter"}),
    (r"(?:the\s+)?(?:mid-?)?", None),  # could match nothing of its own
])
def test_witnesses(pattern, expected):
    got = witnesses(pattern)
    assert (set(got) if got is not None else None) == expected


def test_longest_match_wins_then_priority():
    sym = Symbolic(Kind.POINT)
    ms = [Mention(0, 5, "a", "short", sym), Mention(0, 9, "b", "long", sym),
          Mention(10, 14, "c", "low", sym, priority=0), Mention(10, 14, "d", "high", sym, priority=1)]
    assert [m.rule for m in longest_first(ms)] == ["long", "high"]


def test_every_rule_names_the_words_it_needs():
    """A rule whose pattern needs no word of its own is scanned over whole articles: slow."""
    from timeline.time.tagger import _index

    index = _index(GRAMMAR)
    assert [GRAMMAR.rules[i].id for i in index.always] == []
