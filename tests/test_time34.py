"""Task time34: events dated by the wrong time.

A modal perfect ("would have left on Monday") tells of a past; an index level's year ("return to
2007 levels") names no time of the event; an inverted comparison ("Never before has the bank cut
rates so sharply as it did on Monday") tells of a happening; a question opened by its auxiliary
reports nothing. Each case failed on the code before the task unless marked as a negative."""
from __future__ import annotations

from datetime import datetime

import pytest

from timeline.model import DctSource, Document, Grain
from timeline.pipeline import extract
from timeline.rules import load_toml
from conftest import events_of, one_event

WEDNESDAY = datetime(2009, 4, 29, 10, 0)  # Monday gone by is the 27th, the coming one 4 May


def _found(text: str, dct: datetime = WEDNESDAY) -> list[tuple[str, str]]:
    doc = Document("t", text, dct=dct, dct_grain=Grain.MINUTE, dct_source=DctSource.OPTION)
    return [(t.text, t.value) for t in extract(doc)]


def _one(text: str, trigger: str, dct: datetime = WEDNESDAY):
    return one_event(text, trigger, dct)


def _day(event) -> str:  # type: ignore[no-untyped-def]
    return f"{event.envelope.start:%Y-%m-%d}" if event.envelope and event.envelope.start else ""


# 1. a modal perfect is past: its weekday is the one before (tense.toml past_modal_perfect and
# its examples); "will have", "would" alone, "would have to" are not

_TENSE = load_toml("tense.toml")


@pytest.mark.parametrize("text, match, want", _TENSE["modal_perfect_examples"] + _TENSE["modal_perfect_negatives"])
def test_a_modal_perfect_dates_its_weekday_in_the_past(text, match, want):
    assert [(t, v) for t, v in _found(text) if t == match] == [(match, want)]


@pytest.mark.parametrize("text, trigger, day", [
    ("Without the strike he would have left on Monday.", "left", "2009-04-27"),
    ("The deal could have been signed on Friday.", "signed", "2009-04-24"),
    ("She would have turned 50 on Saturday.", "turned", "2009-04-25"),
])
def test_a_counterfactual_is_dated_in_the_past_and_is_no_happening(text, trigger, day):
    event = _one(text, trigger)
    assert _day(event) == day
    assert not event.salient  # it did not happen: as a supposition, off the timeline's headline


# 2. a level's year ("return to 2007 levels") dates no event; the time expression stays tagged
# (events.toml [referent] examples and negatives)

_REFERENT = load_toml("events.toml")["referent"]


@pytest.mark.parametrize("text, trigger, day", _REFERENT["examples"] + _REFERENT["negatives"])
def test_a_levels_year_dates_no_event(text, trigger, day):
    assert _day(_one(text, trigger)) == day


def test_a_levels_year_stays_tagged_and_the_event_takes_the_target_time():
    text = "Sales will return to 2007 levels by 2010, the company said."
    assert ("2007", "2007") in _found(text)
    event = _one(text, "return")
    assert event.envelope is not None and event.envelope.end is not None and event.envelope.end.year == 2010
    assert "2007 levels" in event.label  # the level is what the event reaches, kept in its label


# 3. a negative inversion that compares by degree tells of this happening: affirmed, labelled
# without "not", dated by its own clause ("as it did on Monday"), never by the opener's time
# (events.toml [absence] inverted_comparison, inverted_compared)

_ABSENCE = load_toml("events.toml")["absence"]


@pytest.mark.parametrize("text, verb", _ABSENCE["inverted_compared"])
def test_an_inverted_comparison_denies_no_verb(text, verb):
    from timeline.events.polarity import compared, denied

    at = text.rindex(verb)
    assert compared(text, at, len(text))
    assert not denied(text, at, at + len(verb), len(text))


@pytest.mark.parametrize("text, trigger, label, day", [
    ("Never before has the bank cut rates so sharply as it did on Monday.", "cut", "Bank has cut rates", "2009-04-27"),
    ("Rarely has a team scored so many goals as it did on Sunday.", "scored", "Team has scored so many goals",
     "2009-04-26"),
    ("Seldom has the court ruled so quickly.", "ruled", "Court has ruled so quickly", ""),
    ("Never before has the city suffered such damage as it did on Friday.", "suffered", "City has suffered such damage",
     "2009-04-24"),
])
def test_an_inverted_comparison_is_a_happening(text, trigger, label, day):
    event = _one(text, trigger)
    assert event.salient and event.label == label and _day(event) == day
    assert not any(e.label.startswith("Not") or " not " in e.label for e in events_of(text, WEDNESDAY))


@pytest.mark.parametrize("text, trigger, label", [
    ("Not since the flood of 1993 has the river risen so fast.", "risen", "River has risen so fast"),
    ("Not since 2001 have markets fallen this far.", "fallen", "Markets have fallen this far"),
    ("Not since the war of 1967 have so many people fled the city.", "fled", "So many people have fled the city"),
])
def test_the_openers_time_is_the_last_time_not_this_one(text, trigger, label):
    event = _one(text, trigger)
    assert event.label == label
    assert event.envelope is None or event.envelope.start is None or event.envelope.start.year == 2009


def test_a_happening_inside_the_opener_is_labelled_without_it():
    flood = _one("Not since the flood of 1993 has the river risen so fast.", "flood")
    assert flood.label == "Flood" and flood.salient and _day(flood) == "1993-01-01"


@pytest.mark.parametrize("text, trigger", [
    ("Not since 1990 has the party won a majority.", "won"),
    ("Never has the party won more than ten seats.", "won"),
    ("Not once did he visit the town.", "visit"),
])
def test_a_plain_negative_inversion_still_denies(text, trigger):
    event = _one(text, trigger)
    assert not event.salient and event.label.startswith(("Not", "Party has not"))


# 4. a question its auxiliary or modal opens reports nothing: no salient event, a label that
# asks (events.toml [supposition] examples and negatives hold the clauses)


@pytest.mark.parametrize("text, label", [
    ("Has the bank cut rates this week?", "Has the bank cut rates?"),
    ("Was the president told of the attack on Monday?", "Was the president told of the attack?"),
    ("Will the talks resume on Friday?", "Will the talks resume?"),
    ("Could the strike end on Monday?", "Could the strike end?"),
    ("Didn't the bank collapse on Monday?", "Didn't the bank collapse?"),
])
def test_a_question_is_labelled_as_asked_and_is_no_happening(text, label):
    events = events_of(text, WEDNESDAY)
    assert events and all(not e.salient and e.label == label for e in events)


def test_the_asking_of_a_quoted_question_is_reported():
    events = events_of('"Will the talks resume?" he asked on Friday.', WEDNESDAY)
    asked = [e for e in events if e.text == "asked"]
    assert asked and asked[0].salient and _day(asked[0]) == "2009-04-24"
    assert all(not e.salient for e in events if e.text != "asked")
