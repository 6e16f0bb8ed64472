"""Classes of time expressions fixed in task time30 (benchmarks/battery_round40.py): what a reader
sees is the set of times found in a sentence, their values and their bounds."""
from __future__ import annotations

from datetime import datetime

import pytest

from timeline.model import DctSource, Document, Grain
from timeline.pipeline import extract


def _found(text: str, dct: datetime) -> list[tuple[str, str, str, str]]:
    doc = Document("t", text, dct=dct, dct_grain=Grain.MINUTE, dct_source=DctSource.OPTION)
    return [(t.text, t.value, f"{t.envelope.start:%Y-%m-%dT%H:%M}" if t.envelope and t.envelope.start else "",
             f"{t.envelope.end:%Y-%m-%dT%H:%M}" if t.envelope and t.envelope.end else "") for t in extract(doc)]


MORNING = datetime(2013, 2, 12, 7, 45)  # Tue, after 6 a.m.


# a personal pronoun as the new subject of a second future clause keeps its own clock


@pytest.mark.parametrize("text", [
    "Crews will work through 6 a.m. and she will speak at 5 p.m.",
    "The trains will stop at 6 a.m. and he will speak at 5 p.m.",
    "The vote will close at 6 a.m., and we'll announce the result at 5 p.m.",
    "The doors will shut at 6 a.m. and I will be back at 5 p.m.",
])
def test_a_pronoun_with_a_future_of_its_own_keeps_its_own_day(text):
    assert [(t, v) for t, v, _, _ in _found(text, MORNING)] == [
        ("6 a.m.", "2013-02-13T06:00"), ("5 p.m.", "2013-02-12T17:00")]


@pytest.mark.parametrize("text", [
    "He will leave at 6 a.m. and he will be back at 5 p.m.",
    "She will take off at 6 a.m. and she'll land at 5 p.m.",
    "The ferry will sail at 6 a.m. and it will return at 5 p.m.",
    "The crews will start at 6 a.m. and they will stop at 5 p.m.",
    "The ferry will sail at 6 a.m. and will return at 5 p.m.",
])
def test_the_same_subject_again_moves_with_the_first_clock(text):
    assert [(t, v) for t, v, _, _ in _found(text, MORNING)] == [
        ("6 a.m.", "2013-02-13T06:00"), ("5 p.m.", "2013-02-13T17:00")]


# a past participle after its noun dates its weekday in the past (tense.toml after_noun_examples
# and after_noun_negatives: told on Sunday 26 April 2009)

SUNDAY = datetime(2009, 4, 26, 10, 0)


def _tense_rules():
    from timeline.rules import load_toml

    return load_toml("tense.toml")


@pytest.mark.parametrize("text, match, want", _tense_rules()["after_noun_examples"] + _tense_rules()["after_noun_negatives"])
def test_a_participle_after_its_noun_dates_its_weekday_in_the_past(text, match, want):
    found = [(t, v) for t, v, _, _ in _found(text, SUNDAY) if t == match]
    assert found == [(match, want)]


def test_a_participle_after_its_noun_does_not_change_its_events_tense():
    # weighed so for time expressions only: the events' own tenses are read as before
    from timeline.time.tense import Tense, tense_of_span, verb_groups

    text = "The man arrested on Monday is due in court today."
    at = text.index("Monday")
    groups = verb_groups(text)
    assert tense_of_span(groups, at, at + 6, text=text, subjects=True) is Tense.PAST
    assert tense_of_span(groups, at, at + 6, text=text) is Tense.FUTURE  # ("is due", as before)


# a four-digit number after a market or index verb is a value, no clock and no year; a verb of a
# schedule still reads a clock


@pytest.mark.parametrize("text", [
    "The index opened at 1800 and closed at 1815.",
    "Shares opened at 1100 and ended at 1130.",
    "Gold rose to 1300 before settling at 1285.",
    "The Nikkei climbed to 1600 in early trade.",
    "Brent crude hit 1100 yuan.",
])
def test_a_number_after_a_market_verb_is_no_time(text):
    assert _found(text, MORNING) == []


@pytest.mark.parametrize("text, match, value", [
    ("The store will close at 2100, a spokesman said.", "2100", "2013-02-12T21:00"),
    ("The ferry departs at 0945.", "0945", "2013-02-12T09:45"),
    ("The shop opened at 0800 and closed at 1800.", "1800", "2013-02-12T18:00"),
])
def test_a_schedule_verb_still_reads_a_clock(text, match, value):
    assert [(t, v) for t, v, _, _ in _found(text, MORNING) if t == match] == [(match, value)]
