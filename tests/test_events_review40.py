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


# class 6: a negated mention's label is no label for the happening


def _labels(*texts: str) -> list[str]:
    return [h.label for h in _timeline(*texts, syntax="all").happenings]


@pytest.mark.parametrize("text, word", [
    ("He did not die at home but in a hospital in Los Angeles on June 25.", "hospital"),
    ("She did not resign in March but in May.", "May"),
    ("He was not killed by the blast but by gunfire on Monday.", "gunfire"),
    ("Jackson did not die at home but in a crowded hospital in Los Angeles on June 25.", "hospital"),
])
def test_a_corrected_denial_is_labelled_by_what_did_happen(text, word):
    labels = _labels(text)
    assert labels, labels
    assert any(word in label for label in labels), labels
    assert not any(w in label.lower().split() for label in labels for w in ("not", "never", "didn't")), labels


def test_a_happening_is_never_labelled_by_its_negated_mention():
    labels = _labels("The singer died in a hospital in Los Angeles on Thursday.",
                     "He did not die at home but in a hospital in Los Angeles on June 25.")
    assert labels and not any(label.lower().startswith("not ") or " not " in label.lower() for label in labels), labels


def test_a_happening_told_by_a_negated_mention_too_is_labelled_by_one_that_is_not():
    # "did not die of natural causes": the death happened, but the label of the happening is
    # the mention that tells it as it happened
    labels = _labels("The singer died in Los Angeles on June 25.",
                     "Michael Jackson did not die of natural causes in Los Angeles on June 25, the coroner ruled.")
    died = [label for label in labels if "die" in label.lower()]
    assert died and not any(" not " in label.lower() for label in died), labels


@pytest.mark.parametrize("text", [
    "He did not die, but was badly hurt.",
    "Police did not find the bomb on Monday.",
])
def test_a_denied_happening_has_no_label_at_all(text):
    assert not any(w in label.lower() for label in _labels(text) for w in ("die", "find")), _labels(text)


def test_a_decision_told_with_a_modal_negation_keeps_its_label():
    labels = _labels("Dr Murray will not testify in his own defence, his lawyer said on Monday.")
    assert any("not testify" in label for label in labels), labels


@pytest.mark.parametrize("label, trigger, negated", [
    ("Michael Jackson did not die of natural causes", "die", True),
    ("Not die at home in a hospital in Los Angeles", "die", True),
    ("He didn't resign", "resign", True),
    ("Rehearsal footage can not be used", "used", False),  # a ruling
    ("Dr Murray will not testify", "testify", False),  # a decision
    ("The split has not only divided liberals", "divided", False),
    ("Michael Jackson died in Los Angeles", "died", False),
])
def test_which_labels_negate_their_verb(label, trigger, negated):
    from timeline.events.labels import negated_label

    assert negated_label(label, trigger) is negated


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
