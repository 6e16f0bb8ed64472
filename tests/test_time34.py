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
