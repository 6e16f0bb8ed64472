"""Event misreadings a review of task time30 found, fixed in task time31: what a reader of the
timeline would notice.

- a corrected denial ("did not resign in March but in May") is dated by the affirmed time, not
  the denied one; a comma may stand before its "but" ("did not die at home, but in a hospital");
- a corrected denial's label puts its verb in a real past ("ran", "spoke", "stopped", "admitted";
  not "runed", "speaked", "stoped", "admited");
- "a week to date the fossil": "to date" with an object after it is the verb, an event;
- "Not guilty verdict", "A blast, not the fire, killed him": a "not" that qualifies another word
  negates no verb."""
from __future__ import annotations

from datetime import datetime

import pytest

from timeline.model import Document
from timeline.pipeline import build_timeline


def _timeline(text: str, dct: datetime, syntax: str = "all"):
    return build_timeline([Document("d", text, dct=dct, source="S")], syntax=syntax)


def _events(text: str, dct: datetime = datetime(2011, 6, 1)):
    return {e.text: e for e in _timeline(text, dct).events}


# a corrected denial takes the affirmed phrase's time


@pytest.mark.parametrize("text, verb, start", [
    ("He did not die in 2009 but in 2010.", "die", datetime(2010, 1, 1)),
    ("Smith did not resign in March but in May.", "resign", datetime(2011, 5, 1)),
    ("The plane did not land on Monday but on Tuesday.", "land", datetime(2011, 5, 31)),
    ("She was not arrested in April, but in May.", "arrested", datetime(2011, 5, 1)),
])
def test_a_corrected_denial_is_dated_by_what_it_affirms(text, verb, start):
    e = _events(text)[verb]
    assert e.envelope is not None and e.envelope.start == start, (e.envelope, e.label)


def test_a_plain_denial_keeps_its_own_time():
    # (no correction: nothing else to date it by)
    e = _events("He did not resign in March, officials said.").get("resign")
    assert e is None or e.envelope is None or e.envelope.start == datetime(2011, 3, 1)


# a comma before the correcting "but"


@pytest.mark.parametrize("text, verb, word", [
    ("He did not die at home, but in a hospital.", "die", "hospital"),
    ("She was not arrested in Paris, but in Lyon on Monday.", "arrested", "Lyon"),
])
def test_a_comma_before_the_correction_keeps_the_happening(text, verb, word):
    e = _events(text)[verb]
    assert word in e.label and "not" not in e.label.lower().split(), e.label


def test_a_comma_and_a_new_clause_still_deny():
    # ("but was badly hurt": a new clause, the death is denied, never told as "Died")
    labels = [e.label for e in _timeline("He did not die, but was badly hurt.", datetime(2011, 6, 1)).events]
    assert not any("died" in label.lower() for label in labels), labels


# a real past for the corrected label


@pytest.mark.parametrize("base, past", [
    ("run", "ran"), ("speak", "spoke"), ("stop", "stopped"), ("sit", "sat"), ("come", "came"), ("admit", "admitted"),
    ("go", "went"), ("visit", "visited"), ("open", "opened"), ("die", "died"), ("resign", "resigned"), ("meet", "met"),
    ("try", "tried"), ("play", "played"), ("plan", "planned"), ("ban", "banned"), ("commit", "committed"),
    ("refer", "referred"), ("offer", "offered"), ("happen", "happened"), ("limit", "limited"), ("quit", "quit"),
    ("hit", "hit"), ("leave", "left"), ("fly", "flew"), ("flee", "fled"), ("win", "won"), ("lose", "lost"),
    ("fall", "fell"), ("rise", "rose"), ("take", "took"), ("strike", "struck"), ("sell", "sold"), ("buy", "bought"),
    ("withdraw", "withdrew"), ("shoot", "shot"), ("fix", "fixed"), ("stay", "stayed"), ("occur", "occurred"),
    ("control", "controlled"), ("enter", "entered"), ("drop", "dropped"), ("arrive", "arrived"), ("attack", "attacked"),
    ("write", "wrote"), ("tell", "told"), ("think", "thought"), ("become", "became"),
])
def test_the_past_of_a_verb_is_a_real_one(base, past):
    from timeline.events.labels import _past

    assert _past(base) == past


@pytest.mark.parametrize("text, label", [
    ("He did not run in 2009 but in 2010.", "Ran in 2010"),
    ("She did not speak in Paris but in London on Monday.", "Spoke in London"),
    ("Talks did not stop in May but in June.", "stopped in June"),
])
def test_a_corrected_denial_label_has_a_real_past(text, label):
    labels = [e.label for e in _timeline(text, datetime(2011, 6, 1)).events]
    assert any(label in lab for lab in labels), labels


# "to date" with an object is the verb


@pytest.mark.parametrize("text", [
    "It took them a week to date the fossil.",
    "He spent the day to date the documents.",
    "They used the period to date the finds.",
])
def test_to_date_with_an_object_is_an_event(text):
    assert "date" in _events(text)


@pytest.mark.parametrize("text", ["It was his best year to date.", "It was the worst quarter to date for the bank."])
def test_to_date_with_no_object_is_still_no_event(text):
    assert "date" not in _events(text)


# a "not" that qualifies another word negates no verb


@pytest.mark.parametrize("label, trigger, negated", [
    ("Not guilty verdict", "verdict", False),
    ("A blast, not the fire, killed him", "killed", False),
    ("The jury returned a not guilty verdict", "verdict", False),
    ("Michael Jackson did not die of natural causes", "die", True),
    ("He has not been charged", "charged", True),
    ("He did not formally resign", "resign", True),
    ("Police have not yet arrested anyone", "arrested", True),
])
def test_a_not_that_qualifies_another_word_negates_no_verb(label, trigger, negated):
    from timeline.events.labels import negated_label

    assert negated_label(label, trigger) is negated
