"""A happening noun a sentence denies ("no deaths") is no happening of the story."""
from __future__ import annotations

from datetime import datetime

import pytest

from timeline.events.polarity import absent
from timeline.model import Document
from timeline.pipeline import build_timeline
from timeline.rules import load_toml

RULES = load_toml("events.toml")["absence"]


def _at(text: str, noun: str) -> int:
    return text.rindex(noun)


@pytest.mark.parametrize("text, noun", RULES["examples"])
def test_a_denied_happening_is_absent(text, noun):
    assert absent(text, _at(text, noun))


@pytest.mark.parametrize("text, noun", RULES["negatives"])
def test_a_happening_told_is_not_absent(text, noun):
    assert not absent(text, _at(text, noun))


def test_the_deaths_a_report_denies_are_no_happening_of_the_story():
    text = ("Six people died of the virus in Mexico on Monday. Outside Mexico there have been no deaths, "
            "officials said on Monday.")
    tl = build_timeline([Document("d", text, dct=datetime(2009, 4, 28))])
    deaths = [e for e in tl.events if e.text == "deaths"]
    assert deaths and not any(e.salient for e in deaths)
    assert any(e.salient for e in tl.events if e.text == "died")


@pytest.mark.parametrize("text, verb", RULES["verb_examples"] + RULES["verb_more_examples"])
def test_a_verb_its_clause_negates_is_denied(text, verb):
    from timeline.events.polarity import denied

    at = text.index(verb)
    assert denied(text, at, at + len(verb), len(text))


@pytest.mark.parametrize("text, verb", RULES["verb_negatives"])
def test_a_verb_that_happened_is_not_denied(text, verb):
    from timeline.events.polarity import denied

    at = text.index(verb)
    assert not denied(text, at, at + len(verb), len(text))


def test_what_a_sentence_says_did_not_happen_is_no_happening_of_the_story():
    """IraqWar's key events showed "Not referring to George Galloway" (from "She was not referring
    to George Galloway"): a negated verb denies its happening; "did not leave until Monday" left."""
    tl = build_timeline([Document("d", "Police did not find the bomb on Monday. Troops did not leave the town "
                                       "until Tuesday.", dct=datetime(2009, 4, 28))], syntax="none")
    found = {e.text: e for e in tl.events}
    assert not found["find"].salient and found["leave"].salient
