"""Review50 of task time31's merge: a correction needs its phrase to end the clause, and a
"not" with an adverb or a phrase of time before its verb still negates it."""
from __future__ import annotations

from datetime import datetime

import pytest

from timeline.events.labels import negated_label
from timeline.model import Document
from timeline.pipeline import build_timeline


def _label(text: str, word: str) -> str:
    tl = build_timeline([Document("d", text, dct=datetime(2009, 6, 30), source="X")])
    return next(e.label for e in tl.events if e.text == word)


def test_a_new_clause_after_but_is_no_correction_of_the_denied_verb():
    assert _label("The plant did not close, but in 2008 output fell.", "close") == "Plant did not close"
    assert _label("Smith did not resign in March, but in May.", "resign") == "Smith resigned in May"


@pytest.mark.parametrize("label, trigger", [
    ("He did not then resign", "resign"), ("He has not since returned", "returned"),
    ("Police did not at first arrest him", "arrest"), ("He did not in fact die", "die"),
    ("He did not himself attend", "attend"), ("He has not yet been formally charged", "charged")])
def test_not_with_an_adverb_before_its_verb_still_negates_it(label, trigger):
    assert negated_label(label, trigger)


@pytest.mark.parametrize("label, trigger", [
    ("Not guilty verdict", "verdict"), ("A blast, not the fire, killed him", "killed"),
    ("Storm has not only flooded the town", "flooded"), ("Murray will not testify", "testify")])
def test_a_not_of_another_word_or_a_modal_is_no_denial(label, trigger):
    assert not negated_label(label, trigger)


def test_the_past_of_verbs_that_keep_their_form_or_double_or_take_a_k():
    from timeline.events.labels import _past

    verbs = "bid reset beset input rerun overrun undercut outbid thrust broadcast rebel excel panic traffic visit open"
    assert [_past(v) for v in verbs.split()] == [
        "bid", "reset", "beset", "input", "reran", "overran", "undercut", "outbid", "thrust", "broadcast", "rebelled",
        "excelled", "panicked", "trafficked", "visited", "opened"]


def test_review51_a_clause_after_but_with_its_verb_inside_is_no_correction():
    assert _label("The plant did not close, but in 2008 output fell sharply.", "close") == "Plant did not close"
    assert _label("The plant did not close, but in 2008 it cut jobs.", "close") == "Plant did not close"
    assert _label("He did not die at home, but in a crowded hospital.", "die") == "Died in a crowded hospital"
