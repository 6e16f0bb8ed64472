"""A sentence that opens with a clause of time: a time after its comma is the main clause's, and
the clause's happening lies before it ("After ...") or after it ("Before ..."), not on it
(events.toml [fronted_clause])."""
from __future__ import annotations

from datetime import datetime

import pytest

from timeline.model import Document
from timeline.pipeline import build_timeline
from timeline.rules import load_toml

RULES = load_toml("events.toml")["fronted_clause"]


def _relation(sentence: str, word: str) -> str:
    for syntax in ("none", "all"):  # (a large input's events are found without the parse; a small one's with it)
        tl = build_timeline([Document("d", sentence, dct=datetime(2009, 5, 1), source="X")], syntax=syntax)
        found = {e.relation.value for e in tl.events if e.text == word}
        assert len(found) == 1, (syntax, found)
        yield found.pop()


@pytest.mark.parametrize("sentence, word, relation", RULES["examples"])
def test_the_clause_of_time_lies_before_or_after_the_main_clause_s_time(sentence, word, relation):
    assert set(_relation(sentence, word)) == {relation}


@pytest.mark.parametrize("sentence, word, relation", RULES["negatives"])
def test_a_time_of_the_clause_s_own_or_of_the_same_time_keeps_its_relation(sentence, word, relation):
    assert set(_relation(sentence, word)) == {relation}


def test_the_story_no_longer_dates_the_clause_on_the_main_clause_s_day():
    """H1N1: "After the World Health Organization raised its pandemic risk level, on Thursday
    the UK started a public information campaign" (1 May) dated the raise Thursday 30 April,
    a day after it, and pulled a happening of it to that day."""
    tl = build_timeline([Document("d", "After the World Health Organization raised its pandemic risk level, on "
                                       "Thursday the UK started a public information campaign.",
                                  dct=datetime(2009, 5, 1), source="BBC")], syntax="none")
    raised = next(e for e in tl.events if e.text == "raised")
    assert raised.envelope is not None and raised.envelope.end == datetime(2009, 4, 30) and raised.envelope.start is None
