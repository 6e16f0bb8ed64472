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


def test_prefilter_reads_the_letters_case_blind_patterns_fold(monkeypatch):
    """A case-blind pattern takes "İ" and "ı" for "i" and "ſ" for "s", which str.lower() does
    not give: the prefilter folds them too ("MİDNİGHT LAST NİGHT" had been missed)."""
    text = "BREAKİNG: POLİCE SAY THE BLAST CAME AT MİDNİGHT LAST NİGHT. He left laſt night, on Sunday laſt."
    fast = _key(candidates(text, GRAMMAR))
    monkeypatch.setenv("TIMELINE_PREFILTER", "0")
    assert fast == _key(candidates(text, GRAMMAR)) and len(fast) >= 2


@pytest.mark.parametrize("case", [str, str.upper])
def test_prefilter_of_a_text_of_ascii_only_finds_what_a_full_scan_finds(monkeypatch, case):
    # (such a text is scanned for the rules' words lowered, without folding case)
    text = case("\n\n".join(t for t in TEXTS if t.isascii()))
    assert text.isascii() and len(text) > 10_000
    fast = _key(candidates(text, GRAMMAR))
    monkeypatch.setenv("TIMELINE_PREFILTER", "0")
    assert fast == _key(candidates(text, GRAMMAR))


@pytest.mark.parametrize("pattern,expected", [
    (r"yesterday", {"yesterday"}),
    (r"(?:each|every)\s+\d+", {"each", "every"}),  # the parser factors these into "e" + branch
    (r"(?:1[0-9]|2[01])[0-9]{2}", {"#d4"}),
    (r"(?:the\s+)?quarters?", {"quarter"}),
    (r"(?:the\s+)?(?:mid-?)?", None),  # could match nothing of its own
    (r"\d{1,2}/\d{1,2}", {"#d1/"}),  # digits, then the sign after them: rarer than any number
    (r"[1-4]Q\d\d", {"#d2"}),  # a letter right after a digit starts no word ("1Q12")
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


def test_tagger_and_prefilter_agree_on_the_digit_key():
    from timeline.time import prefilter, tagger

    assert tagger.DIGIT == prefilter.DIGIT


@pytest.mark.parametrize("gap", [" ", "  ", " " * 9, "\n\n\t  ", " -- ", " \u2014\u2014 "])
def test_windows_widen_with_the_longest_white_space(monkeypatch, gap):
    """A rule is scanned only as far from its words as a match can reach; a match may hold runs
    of white space of any length, so the reach grows with the longest run in the text."""
    text = (f"The vote was held on Tuesday,{gap}Feb.{gap}12,{gap}2013 at{gap}3:30{gap}p.m.{gap}EST in 2/12/2013, "
            f"in the early{gap}1990s, for 1234567890123 days, mid{gap}-{gap}2012.")
    fast = _key(candidates(text, GRAMMAR))
    monkeypatch.setenv("TIMELINE_PREFILTER", "0")
    assert fast == _key(candidates(text, GRAMMAR))
    assert any(rule == "date.numeric" for _, _, rule in fast)


def test_reach_bounds_what_a_match_reads():
    from timeline.time.prefilter import reach

    assert reach(r"ab(?=cd)") == (4, 0, 0)  # the look-ahead reads two characters past the match
    assert reach(r"a\s+b") == (3, 1, 0)  # one run of white space
    assert reach(r"a[-\s]+\d+") == (3, 1, 1)  # a run of white space or dashes, and one of digits
    assert reach(r"a[a-z]+") is None  # no bound


def test_conditions_spell_out_alternatives():
    from timeline.time.prefilter import conditions

    got = conditions(r"(?:alpha\s+beta|gamma)\s+\d{4}")
    assert sorted(sorted(sorted(s) for s in alt) for alt in got) == [
        [["#d4"], ["alpha"], ["beta"]], [["#d4"], ["gamma"]]]
    assert conditions(r"(?:alpha|\s)") is None  # one alternative needs no word


def test_reach_of_a_back_reference_is_its_group_s():
    from timeline.time.prefilter import reach

    assert reach(r"(?P<sep>[/.])\d(?P=sep)") == (3, 0, 0)  # "/5/"
    assert reach(r"(?P<gap>\s+)x(?P=gap)") is None  # a run of white space, repeated: no bound known
