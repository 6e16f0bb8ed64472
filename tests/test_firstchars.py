"""The search shortcut put into the rule patterns (the characters a match can start with):
every pattern finds exactly what re.compile's finds, on news text and on text full of the
characters that case folding and Unicode digits make tricky; and the rule patterns get it."""
from __future__ import annotations

import re

import pytest

from timeline.rules import regex_cache
from timeline.time.combine import load_combinators
from timeline.rules.firstchars import with_start_set
from timeline.time.grammar import load_grammar

from conftest import SEED_DATED, SEED_UNDATED, SEEDS

NEWS = "\n\n".join((SEEDS / f"{s}.txt").read_text(encoding="utf-8") for s in (SEED_DATED, SEED_UNDATED))
# case folding ("K" the Kelvin sign is "k"; the long s is "s"; dotted and dotless i),
# other scripts' digits, fullwidth forms, curly quotes, and the start of a line after them
TRICKY = ("\u212a-day \u017fummer \u0130n 1990 \u0131n \u0660\u0661 days, \uff11\uff19\uff19\uff10, "
          "the \u201990s, MARCH 3, 5 P.M. \u0141ast WEEK, 3\u00a0weeks ago, \U00020000 Friday "
          "Ẁednesday ſeptember 4 \u212aST, the 2\u2013day visit, NoVeMbEr 1998, tw\u0130ce a year")


def _patterns() -> list[re.Pattern[str]]:
    grammar = load_grammar()
    found = [r.regex for r in grammar.rules] + [r.veto for r in grammar.rules if r.veto is not None]
    combinators = load_combinators(grammar.lang)
    found += [c.glue for c in combinators.rules] + [c.after for c in combinators.rules if c.after is not None]
    return found + ([combinators.barrier] if combinators.barrier is not None else [])


@pytest.mark.parametrize("text", [NEWS, TRICKY, TRICKY.upper(), TRICKY.lower(), NEWS.upper()[:4000]],
                         ids=["news", "tricky", "upper", "lower", "news-upper"])
def test_every_pattern_finds_what_re_compile_finds(text: str):
    patterns = _patterns()
    assert len(patterns) > 100
    for p in patterns:
        ref = re.compile(p.pattern, p.flags)
        assert [(m.span(), m.groups()) for m in p.finditer(text)] == \
               [(m.span(), m.groups()) for m in ref.finditer(text)], p.pattern[:80]
        # within windows, as the tagger scans them
        for a in range(0, min(len(text), 3000), 131):
            assert [m.span() for m in p.finditer(text, a, a + 150)] == \
                   [m.span() for m in ref.finditer(text, a, a + 150)], p.pattern[:80]


@pytest.mark.parametrize("src,flags,text", [
    (r"(?<!\w)(?:k(?:m|ilo))", re.IGNORECASE, "5 \u212am, 3 KILO, 4 kilo"),
    (r"(?<!\w)(?:s|t)ummer", re.IGNORECASE, "\u017fummer, Summer, tummer"),
    (r"(?:\d+)\s*days?", 0, "\u0663 days, \uff13 day, 3 days"),
    (r"(?i:i)n|(?-i:X)y", re.IGNORECASE, "\u0130n \u0131n In xy Xy"),
    (r"(?:a|b)?c", 0, "abc bc c ac"),
])
def test_start_sets_keep_what_case_folding_and_unicode_digits_match(src: str, flags: int, text: str):
    fast = regex_cache.compile(src, flags)
    ref = re.compile(src, flags)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in ref.finditer(text)]


def test_a_pattern_that_can_match_nothing_or_starts_with_anything_is_left_alone():
    from re import _compiler, _parser  # type: ignore[attr-defined]

    for src in (r"a*", r"(?:x|)", r".b", r"[^a]b", r"(a)\1"):
        parsed = _parser.parse(src, 0)
        code = _compiler._code(parsed, 0)
        assert with_start_set(list(code), parsed, 0) == code, src


def test_the_rule_patterns_get_the_shortcut():
    from re import _constants  # type: ignore[attr-defined]
    from re import _compiler, _parser  # type: ignore[attr-defined]

    rules = load_grammar().rules
    withset = 0
    for r in rules:
        parsed = _parser.parse(r.regex.pattern, r.regex.flags)
        code = with_start_set(_compiler._code(parsed, r.regex.flags), parsed, r.regex.flags)
        withset += code[2] == _constants.SRE_INFO_CHARSET
    assert withset >= 0.9 * len(rules)
