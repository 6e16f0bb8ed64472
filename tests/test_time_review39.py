"""Classes of time expressions fixed in task time29 (benchmarks/battery_round39.py): what a reader
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


MORNING = datetime(2013, 2, 12, 7, 45)


@pytest.mark.parametrize("text", [
    "The ferry will sail at 6 a.m. and will return at 5 p.m.",
    "The ferry will sail at 6 a.m. and it'll return at 5 p.m.",
    "The ferry will sail at 6 a.m. but won't return until 5 p.m.",
    "The ferry will sail at 6 a.m., as the will of the council requires, and return at 5 p.m.",
    "The ferry will sail at 6 a.m. and return at 5 p.m.",
])
def test_clocks_of_one_future_clause_move_together_however_the_second_verb_says_will(text):
    # told at 07:45, the sailing is tomorrow's 6 a.m.; the return after it is tomorrow's 5 p.m.,
    # not today's, before the ferry has left
    assert [(t, v) for t, v, _, _ in _found(text, MORNING)] == [
        ("6 a.m.", "2013-02-13T06:00"), ("5 p.m.", "2013-02-13T17:00")]


@pytest.mark.parametrize("text", [
    "Crews will work through 6 a.m. and the minister will speak at 5 p.m.",
    "The ferry will sail at 6 a.m. and the mayor will speak at 5 p.m.",
])
def test_a_new_subject_with_its_own_future_keeps_its_own_day(text):
    assert [(t, v) for t, v, _, _ in _found(text, MORNING)] == [
        ("6 a.m.", "2013-02-13T06:00"), ("5 p.m.", "2013-02-12T17:00")]


MAY = datetime(2013, 5, 14, 10, 0)


@pytest.mark.parametrize("text", [
    "Net interest year to date rose 4 percent.",
    "Rainfall in the Midwest year to date is 30 percent below normal.",
    "Arrests at the protest year to date number 212.",
])
def test_year_to_date_after_a_word_ending_in_est_is_the_year_so_far(text):
    assert _found(text, MAY) == [("year to date", "2013", "2013-01-01T00:00", "2013-05-15T00:00")]


@pytest.mark.parametrize("text", [
    "It was the most profitable quarter to date for the chain.",
    "Apple reported its largest-ever quarter to date.",
    "The studio had a record year to date.",
    "It was the least rainy month to date.",
    "It was his best year to date.",
])
def test_a_superlative_year_or_quarter_to_date_is_no_period(text):
    assert _found(text, MAY) == []


STORY = datetime(2013, 2, 12, 10, 0)


@pytest.mark.parametrize("text, want", [
    ("In the first quarter of 2003 sales fell. The following month they recovered.", "2003-04"),
    ("In the summer of 2003 the river ran dry. The following month it rained.", "2003-09"),
    ("In the first half of 2009 the firm lost money. The following month it was sold.", "2009-07"),
    ("In the fourth quarter of 2011 output fell. The previous month it had risen.", "2011-09"),
    ("In March 2003 sales fell. The following month they rose.", "2003-04"),
])
def test_a_month_after_a_quarter_half_or_season_is_beside_it_not_inside(text, want):
    found = [f for f in _found(text, STORY) if f[0].lower().startswith("the following month")
             or f[0].lower().startswith("the previous month")]
    y, m = int(want[:4]), int(want[5:])
    assert found == [(found[0][0], want, f"{want}-01T00:00", f"{y + m // 12:04d}-{m % 12 + 1:02d}-01T00:00")]


def test_the_month_after_a_span_to_a_month_end_is_the_next_month():
    text = "Profit rose 8 percent in the year to March 31, 2013. The following month, the bank cut jobs."
    assert _found(text, datetime(2013, 5, 30, 10, 0))[1] == (
        "The following month", "2013-04", "2013-04-01T00:00", "2013-05-01T00:00")


def test_a_month_counted_from_a_year_alone_stays_in_that_year():
    # its value is the year (which month is not said), so its range is in the year too
    assert _found("In 2003 sales fell. The previous month they had risen.", STORY)[1] == (
        "The previous month", "2003", "2003-01-01T00:00", "2003-12-01T00:00")


QUAKE = datetime(2010, 1, 13, 10, 0)


@pytest.mark.parametrize("text, match, value, start", [
    ("It was the worst earthquake to hit Haiti in 200 years.", "200 years", "P200Y", "1810-01-13T00:00"),
    ("The index suffered its biggest drop in 20 years.", "20 years", "P20Y", "1990-01-13T00:00"),
    ("Unemployment rose for the first time in a decade.", "a decade", "P10Y", "2000-01-13T00:00"),
    ("Oil prices hit their highest level in 30 years.", "30 years", "P30Y", "1980-01-13T00:00"),
])
def test_a_superlative_or_first_in_n_years_measures_back_from_publication(text, match, value, start):
    assert _found(text, QUAKE) == [(match, value, start, "2010-01-14T00:00")]


@pytest.mark.parametrize("text, match, end", [
    ("The team will play again in two years.", "two years", "2012-01-14T00:00"),
    ("In 10 years the city will double in size.", "10 years", "2020-01-14T00:00"),
    ("The largest plant will close in three years.", "three years", "2013-01-14T00:00"),
])
def test_in_n_years_after_a_future_verb_still_looks_ahead(text, match, end):
    assert [(t, s, e) for t, _, s, e in _found(text, QUAKE)] == [(match, "2010-01-13T00:00", end)]


SUNDAY = datetime(2005, 3, 20, 10, 0)


@pytest.mark.parametrize("text, match, want", [
    ("The show moved on Monday.", "Monday", "2005-03-14"),
    ("The show closed on Monday.", "Monday", "2005-03-14"),
    ("He went to London on Monday.", "Monday", "2005-03-14"),
    ("The show scheduled for Monday will go ahead.", "Monday", "2005-03-21"),
    ("Talks planned for Monday will go ahead.", "Monday", "2005-03-21"),
    ("A meeting called on Monday will decide the budget.", "Monday", "2005-03-21"),
    ("The show moves on Monday.", "Monday", "2005-03-21"),
])
def test_a_lone_past_verb_after_its_subject_makes_a_weekday_past(text, match, want):
    # told on Sunday 20 March 2005: a Monday gone by is the 14th, the coming one the 21st
    assert [(t, v) for t, v, _, _ in _found(text, SUNDAY)] == [(match, want)]


@pytest.mark.parametrize("text, value", [
    ("In 2012 he said the plant would open the following year.", "2013"),
    ("In 2012 the firm said it would hire 500 people the next year.", "2013"),
    ("In 2012 he said the plant would open in the U.S. the following year.", "2013"),  # (review41)
])
def test_the_following_year_of_a_future_told_from_the_past_counts_from_the_year_told(text, value):
    """Review39: "would" is a future told from the past: "the following year" is the year after
    2012's (the year after the publication year only for "will"/the present)."""
    found = [f for f in _found(text, datetime(2015, 5, 7)) if f[0].lower().startswith("the")]
    assert found and found[0][1] == value, found


def test_the_next_year_or_so_is_a_span():
    found = _found("The next year or so will be difficult.", datetime(2015, 5, 7))
    assert found and found[0][0] == "The next year or so" and found[0][1] == "P1Y", found


def test_a_would_of_another_sentence_does_not_make_the_following_year_a_future_told_from_the_past():
    """Review40: "... officials had said it would be. The following year it will host the final"
    (told in 2015): the "would" is the sentence before's; this one's future counts from 2015."""
    found = _found("The stadium was completed in 2010, later than officials had said it would be. "
                   "The following year it will host the World Cup final.", datetime(2015, 5, 7))
    assert [f[1] for f in found if f[0] == "The following year"] == ["2016"], found
