"""Task time32: the misreadings left open after task time31 and its reviews, each as a class.

A correction whose affirmed phrase runs into a clause of time; negative inversion ("Not since 1990
has the party won") against the inversions that affirm ("Not until 2010 did the party win"); a
negation with an inserted adverbial ("did not, in the end, resign"); an index level after a base
form of a market verb ("The index will open at 1800, traders expect"); a surname in -s before a
pronoun's clock ("Jones will fly out at 6 a.m. and she will land at 3 p.m."). Each failed on the
code before the task."""
from __future__ import annotations

from datetime import datetime

import pytest

from timeline.model import DctSource, Document, Grain
from timeline.pipeline import extract
from timeline.rules import load_toml
from timeline.time.tense import verb_groups

from conftest import events_of, one_event

DETACHED = load_toml("tense.toml")["detached"]
PLURALS = load_toml("tense.toml")["plural_subjects"]
ABSENCE = load_toml("events.toml")["absence"]


SUNDAY = datetime(2009, 4, 26)  # Monday gone by is the 20th, Tuesday the 21st


def _events(text: str, dct: datetime = SUNDAY):
    return events_of(text, dct)


def _one(text: str, trigger: str, dct: datetime = SUNDAY):
    return one_event(text, trigger, dct)


# 1. a correction whose affirmed phrase runs into a clause of time
@pytest.mark.parametrize("text, trigger, label, day", [
    ("He did not arrive on Monday, but on Tuesday after the talks ended.", "arrive", "Arrived on Tuesday", 21),
    ("He did not leave on Monday, but on Tuesday when the talks ended.", "leave", "Left on Tuesday", 21),
])
def test_a_correction_running_into_a_clause_of_time_is_dated_by_what_it_affirms(text, trigger, label, day):
    e = _one(text, trigger)
    assert e.salient and e.label == label
    assert e.envelope.start == datetime(2009, 4, day)


def test_a_new_clause_after_but_keeps_the_denial():
    events = _events("He did not arrive on Monday, but she arrived on Tuesday.")
    denied = [e for e in events if e.text == "arrive"]
    told = [e for e in events if e.text == "arrived"]
    assert denied and not denied[0].salient and denied[0].envelope.start == datetime(2009, 4, 20)
    assert told and told[0].salient and told[0].envelope.start == datetime(2009, 4, 21)


# 2. negative inversion denies the verb; "Not until", "Only in" affirm it, at that time
@pytest.mark.parametrize("text, verb", ABSENCE["inverted_examples"])
def test_a_verb_a_fronted_negation_inverts_is_denied(text, verb):
    from timeline.events.polarity import denied

    at = text.index(verb)
    assert denied(text, at, at + len(verb), len(text))


@pytest.mark.parametrize("text, verb", ABSENCE["inverted_negatives"])
def test_a_verb_an_affirming_inversion_or_no_inversion_holds_is_not_denied(text, verb):
    from timeline.events.polarity import denied

    at = text.rindex(verb)
    assert not denied(text, at, at + len(verb), len(text))


@pytest.mark.parametrize("text, trigger", [
    ("Not since 1990 has the party won a majority.", "won"),
    ("Never before has the bank lost money.", "lost"),  # (task time34: "lost so much" compares: it did)
    ("Rarely has a storm caused damage here.", "caused"),
    ("Not once did he visit.", "visit"),
])
def test_a_negative_inversion_tells_no_happening(text, trigger):
    assert not _one(text, trigger).salient


@pytest.mark.parametrize("text", [
    "Not until 2010 did the party win.",
    "Only in 2010 did the party win.",
    "The party did not win until 2010.",
])
def test_not_until_and_only_in_affirm_the_happening_at_that_time(text):
    e = _one(text, "win", datetime(2011, 4, 26))
    assert e.salient and e.label == "Party won"
    assert e.envelope.start == datetime(2010, 1, 1) and e.envelope.end == datetime(2011, 1, 1)


def test_until_after_a_conjunction_keeps_its_before():
    e = _one("He said he would not resign and would stay until 2012.", "stay", datetime(2011, 4, 26))
    assert e.envelope.start is None and e.envelope.end == datetime(2012, 1, 1)


# 3. a negation with an inserted adverbial
@pytest.mark.parametrize("text, verb, tense", DETACHED["examples"])
def test_a_verb_its_auxiliary_does_not_run_into_makes_a_group(text, verb, tense):
    groups = [g for g in verb_groups(text) if text[g.start:g.end] == verb]
    assert len(groups) == 1 and groups[0].tense.value == tense


@pytest.mark.parametrize("text, word", DETACHED["negatives"])
def test_no_group_for_a_word_that_is_no_detached_verb(text, word):
    assert not any(text[g.start:g.end] == word for g in verb_groups(text))


@pytest.mark.parametrize("text, trigger", [
    ("He did not, in the end, resign.", "resign"),
    ("He did not in the end attend.", "attend"),
    ("He has not yet, as of Monday, resigned.", "resigned"),
])
def test_a_negation_with_an_inserted_adverbial_is_still_a_denial(text, trigger):
    assert not _one(text, trigger).salient


@pytest.mark.parametrize("text, trigger, label", [
    ("The minister did not, in the end, resign.", "resign", "Not resign"),
    ("He has not yet, as of Monday, resigned.", "resigned", "Not resigned"),
    ("Not once did he visit the town.", "visit", "Not visit the town"),
])
def test_a_denial_cut_at_its_comma_or_inverted_is_labelled_as_one(text, trigger, label):
    assert _one(text, trigger).label == label


# 4. a market's level after a base form stays a value, whatever follows
@pytest.mark.parametrize("text", [
    "The index will open at 1800, traders expect.",
    "The index will open at 1800.",
    "The FTSE is expected to open at 1800, analysts said.",
    "The Nikkei is tipped to end at 1850.",
])
def test_an_index_level_after_a_base_form_is_no_time(text):
    found = extract(Document("d", text, dct=datetime(2009, 4, 26, 9), dct_grain=Grain.MINUTE,
                             dct_source=DctSource.OPTION))
    assert not found, [(t.text, t.value) for t in found]


def test_a_schedule_of_no_market_keeps_its_clock():
    found = extract(Document("d", "The shop will open at 1800.", dct=datetime(2009, 4, 26, 9),
                             dct_grain=Grain.MINUTE, dct_source=DctSource.OPTION))
    assert [t.value for t in found] == ["2009-04-26T18:00"]


# 5. a surname in -s is a singular person for the pronoun after it
@pytest.mark.parametrize("text, same", PLURALS["examples"] + PLURALS["negatives"])
def test_a_surname_in_s_moves_the_pronouns_clock_a_plural_does_not(text, same):
    found = extract(Document("d", text, dct=datetime(2009, 4, 26, 7, 45), dct_grain=Grain.MINUTE,
                             dct_source=DctSource.OPTION))
    assert found[-1].value[:10] == ("2009-04-27" if same else "2009-04-26"), [(t.text, t.value) for t in found]
