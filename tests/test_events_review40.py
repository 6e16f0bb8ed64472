"""Classes of event misreadings fixed in task time30: what a reader of the timeline would notice.

- "his best year to date": "to date" after a period noun is an adverb, no event "date";
  "hope to date the bones" still is one.
- "did not die at home but in a crowded hospital": a denial of where, not of the death (an -ed
  adjective after an article is no verb of a new clause); "did not die, but was badly hurt"
  still denies the death.
- a mention that negates its verb to correct where, when or how ("did not resign in March but in
  May") is no label "Not resign in March": its happening is told as what did happen."""
from __future__ import annotations

from datetime import datetime

import pytest

from timeline.model import Document
from timeline.pipeline import build_timeline


def _timeline(*texts: str, syntax: str = "none"):
    docs = [Document(f"d{i}", t, dct=datetime(2009, 6, 26 + i), source=f"S{i}") for i, t in enumerate(texts)]
    return build_timeline(docs, syntax=syntax)


def _events(text: str) -> dict[str, object]:
    return {e.text: e for e in _timeline(text).events}


# class 4: "to date" after a period noun


@pytest.mark.parametrize("text", [
    "It was his best year to date.",
    "Sales had their worst quarter to date.",
    "It was its biggest month to date, the company said.",
    "The film had its strongest week to date at the box office.",
    "Profits for the half to date rose 4 percent.",
])
def test_to_date_after_a_period_noun_is_no_event(text):
    assert "date" not in _events(text)


@pytest.mark.parametrize("text", [
    "Scientists hope to date the bones.",
    "He wanted to date her.",
])
def test_the_verb_date_is_still_an_event(text):
    assert "date" in _events(text)


# class 5: a denial of where, how or by whom, not of the happening


@pytest.mark.parametrize("text, verb", [
    ("He did not die at home but in a crowded hospital.", "die"),
    ("He did not die at home but in a heavily guarded clinic.", "die"),
    ("The plane did not land at the airport but on a crowded beach.", "land"),
    ("He was not killed by the blast but by gunfire.", "killed"),
    ("She did not resign in March but in May.", "resign"),
])
def test_a_verb_denied_only_of_where_or_how_is_a_happening(text, verb):
    assert _events(text)[verb].salient


@pytest.mark.parametrize("text, verb", [
    ("He did not die, but was badly hurt.", "die"),
    ("He did not attend the meeting but sent a deputy.", "attend"),
    ("Police did not arrest anyone but on Tuesday charged two men.", "arrest"),
    ("The minister did not attend the funeral, but in a statement he praised the victims.", "attend"),
])
def test_a_verb_denied_outright_is_no_happening(text, verb):
    assert not _events(text)[verb].salient


# the rule table of class 4 (events.toml [idiom]): its examples and negatives


def _idiom_rules():
    from timeline.rules import load_toml

    return load_toml("events.toml")["idiom"]


@pytest.mark.parametrize("text, word", _idiom_rules()["examples"])
def test_an_idiom_example_is_no_event(text, word):
    from timeline.events.mentions import idiom

    at = text.rindex(word)
    assert idiom(text, at, at + len(word))
    assert word not in _events(text)


@pytest.mark.parametrize("text, word", _idiom_rules()["negatives"])
def test_an_idiom_negative_is_read_as_before(text, word):
    from timeline.events.mentions import idiom

    at = text.index(word)
    assert not idiom(text, at, at + len(word))
