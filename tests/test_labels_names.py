"""Names the tokenizer cuts into pieces are one token to the parse (timeline.syntax.names):
hyphened names and titles in title case, from rules/en/labels.toml [names]; and the labels
the parse then gives keep the name whole and the title's verb out of the clause."""
from __future__ import annotations

import pytest

from timeline.rules import load_toml
from timeline.syntax.lint import lint

RULES = load_toml("labels.toml")["names"]


def _tokens(sentence: str) -> list[str]:
    from timeline.syntax import parse_spans

    parse = parse_spans(sentence, [(0, len(sentence))])[0]
    return [t.text for t in parse.tokens]


@pytest.mark.parametrize("sentence,name", RULES["examples"])
def test_a_name_the_tokenizer_cuts_is_one_token(sentence, name):
    assert name in _tokens(sentence)


@pytest.mark.parametrize("sentence,piece", RULES["negatives"])
def test_a_compound_or_a_name_in_capitals_keeps_its_tokens(sentence, piece):
    assert piece in _tokens(sentence)


def _label(text: str, trigger: str) -> str | None:
    from timeline.syntax import parse_spans
    from timeline.syntax.clauses import clause, token_at

    parse = parse_spans(text, [(0, len(text))])[0]
    at = text.index(trigger)
    found = clause(parse, token_at(parse, at, at + len(trigger)), text)
    return found.label if found else None


def test_a_title_with_a_verb_in_it_is_a_noun_of_the_sentence():
    label = _label("Video from the singer's This Is Me tour cannot be used as evidence, a judge ruled.", "used")
    assert label == "Video from the singer's This Is Me tour cannot be used as evidence", label
    assert not lint(label)


def test_a_hyphened_name_stays_whole_in_its_label():
    label = _label("The minister's decision to negotiate with al-Shabaab has divided the cabinet.", "divided")
    assert label == "Minister's decision to negotiate with al-Shabaab has divided the cabinet", label
    label = _label("Fighters loyal to al-Shabaab have seized the port.", "seized")
    assert label == "Fighters loyal to al-Shabaab have seized the port", label
