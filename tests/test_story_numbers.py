"""Numbers written as words in story merging: "phase five" is phase 5, and not phase 4 or 6."""
from __future__ import annotations

from datetime import datetime

import pytest

from timeline.model import Document
from timeline.pipeline import build_timeline
from timeline.rules import load_toml
from timeline.story.features import LEVEL, _numbers, contradict, match_rules, number_rules

RULES = load_toml("story.toml")["numbers"]


@pytest.mark.parametrize("text,value", RULES["level_examples"])
def test_the_level_rule_examples(text, value):
    assert (value, LEVEL) in _numbers(text, match_rules().stopwords)


@pytest.mark.parametrize("text", RULES["level_negatives"])
def test_the_level_rule_negatives(text):
    assert not list(number_rules()[2].finditer(text))


def _counts(text: str) -> frozenset[tuple[str, str]]:
    return frozenset(_numbers(text, match_rules().stopwords))


def test_counts_in_words_compare_with_counts_in_digits():
    assert not contradict(_counts("Officials confirmed five new cases"), _counts("Officials confirmed 5 new cases"))
    assert contradict(_counts("Officials confirmed five new cases"), _counts("Officials confirmed 7 new cases"))
    # an ordinal is a level or nothing: "the first report said" is an aside, not a count
    assert not contradict(_counts("the first report said"), _counts("the second report said"))
    assert not contradict(_counts("moved to the fifth phase"), _counts("moved to phase 5"))
    assert contradict(_counts("moved to the fifth phase"), _counts("moved to phase 4"))
    # a level says no count: "phase 5" is no figure against a toll of 152
    assert not contradict(_counts("raised to phase 5"), _counts("the toll rose to 152"))
    assert _counts("one of them was treated") == frozenset()


def test_alert_phases_written_in_words_or_digits_are_one_happening_each():
    text = "The World Health Organization raised its pandemic alert {} on {}, signalling {}."
    docs = [Document("a", text.format("to phase four", "Monday", "sustained spread"), dct=datetime(2009, 4, 28),
                     source="A"),
            Document("b", text.format("to phase five", "Wednesday", "a pandemic is imminent"),
                     dct=datetime(2009, 4, 30), source="B"),
            Document("c", text.format("from four to five", "Wednesday", "a pandemic is imminent"),
                     dct=datetime(2009, 4, 30), source="C"),
            Document("e", "The World Health Organization has raised its pandemic alert to phase 5, signalling a "
                          "pandemic is imminent.", dct=datetime(2009, 4, 30), source="E"),
            Document("f", text.format("to phase 6", "Thursday", "a pandemic"), dct=datetime(2009, 6, 12),
                     source="F")]
    tl = build_timeline(docs)
    raised = sorted(sorted(m.doc for m in h.mentions) for h in tl.happenings if "raised" in h.label)
    assert raised == [["a"], ["b", "c", "e"], ["f"]]
