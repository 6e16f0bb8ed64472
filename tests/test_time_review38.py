"""Classes of time expressions fixed in task time28 (benchmarks/battery_round38.py): what a reader
sees is the set of times found in a sentence and their bounds."""
from __future__ import annotations

from datetime import datetime

import pytest

from timeline.model import DctSource, Document, Grain
from timeline.pipeline import extract


def _found(text: str, dct: datetime, grain: Grain | None = Grain.MINUTE) -> list[tuple[str, str, str]]:
    doc = Document("t", text, dct=dct, dct_grain=grain, dct_source=DctSource.OPTION)
    return [(t.text, t.value, t.type.value) for t in extract(doc)]


def _bounds(text: str, dct: datetime, grain: Grain | None) -> list[tuple[str, str, str]]:
    doc = Document("t", text, dct=dct, dct_grain=grain)
    return [(t.text, f"{t.envelope.start:%Y-%m-%dT%H:%M}", f"{t.envelope.end:%Y-%m-%dT%H:%M}") for t in extract(doc)]


@pytest.mark.parametrize("text", [
    "He arrived two hours ago.",
    "The results came out earlier today.",
    "The storm will hit later today.",
    "Markets are open now.",
    "The polls close in two hours.",
])
def test_an_api_datetime_with_a_time_of_day_is_a_clock(text):
    # Document(..., dct=datetime(2013, 2, 12, 4, 30)) with no dct_grain reads as --date
    # 2013-02-12T04:30 does: "two hours ago" is 02:30 that day, not 22:00 the day before
    when = datetime(2013, 2, 12, 4, 30)
    assert _bounds(text, when, None) == _bounds(text, when, Grain.MINUTE)


def test_an_api_datetime_at_midnight_stays_a_day():
    when = datetime(2016, 11, 8)
    assert _bounds("Markets are open now.", when, None) == [("now", "2016-11-08T00:00", "2016-11-09T00:00")]
    assert _bounds("He conceded 30 minutes ago.", datetime(2016, 11, 8, 21, 45), None) == [
        ("30 minutes ago", "2016-11-08T21:15", "2016-11-08T21:16")]


LAB = datetime(2018, 9, 5, 10, 0)


@pytest.mark.parametrize("text", [
    "Platinum catalysts cut H2 loss in the membrane.",
    "The H2 turnover frequency doubled on the new catalyst.",
    "H2 figures prominently in Japan's energy plan.",
    "Engineers measured H2 losses of 3 percent in the pipeline.",
    "The H1 receptor antagonist blocks histamine.",
    "Mixing H2 and O2 releases energy.",
])
def test_h1_h2_in_science_are_no_half_years(text):
    assert [f for f in _found(text, LAB) if f[0].startswith("H")] == []


@pytest.mark.parametrize("text,half", [
    ("The miner swung to an H1 loss of $200 million.", "H1"),
    ("H1 turnover rose 4 percent.", "H1"),
    ("The group's H2 income was flat.", "H2"),
    ("H1 net loss narrowed to 3 million euros.", "H1"),
    ("H2 sales will be weaker.", "H2"),
])
def test_h1_h2_before_results_are_half_years(text, half):
    assert (half, f"2018-{half}", "DATE") in _found(text, LAB)


STORY = datetime(2013, 2, 12, 4, 30)


@pytest.mark.parametrize("text,match,want", [
    # "the next year / month / week" alone is the calendar unit after the one last told
    ("In 2005 he moved to Paris. The next year he married.", "The next year", ("2006", "DATE")),
    ("Sales peaked in 2007; the next year they fell by half.", "the next year", ("2008", "DATE")),
    ("In May 2005 he moved. The next month he married.", "The next month", ("2005-06", "DATE")),
    # after a word that takes a span it is still the span to come
    ("Prices are expected to rise over the next year.", "the next year", ("P1Y", "DURATION")),
    ("The company plans to hire 500 people within the next year.", "the next year", ("P1Y", "DURATION")),
    ("Rates will stay low for the next month.", "the next month", ("P1M", "DURATION")),
    ("The next 48 hours will decide it.", "The next 48 hours", ("PT48H", "DURATION")),
])
def test_the_next_year_of_a_story_is_a_date(text, match, want):
    assert [f[1:] for f in _found(text, STORY) if f[0] == match] == [want]


@pytest.mark.parametrize("text,match,want", [
    # told in the future or the present after a past year: the year after the publication year's
    ("The stadium was completed in 2010. The following year it will host the final.", "The following year", "2014"),
    ("Construction began in 2009; the following year the line will open to passengers.", "the following year", "2014"),
    ("The reactor was shut down in 2011. The following year it is due to restart.", "The following year", "2014"),
    # told in the past, or after a future year: counted from the year told
    ("The stadium was completed in 2010. The following year it hosted the final.", "The following year", "2011"),
    ("The stadium will be completed in 2015. The following year it will host the final.", "The following year", "2016"),
    ("The plan was approved in 2012. The following year it will open.", "The following year", "2013"),  # still to come
    ("The law passed in 2004 and was repealed the following year.", "the following year", "2005"),
    ("The plant closed in 2009; the previous year it had cut 500 jobs.", "the previous year", "2008"),
])
def test_the_following_year_follows_the_tense_of_its_sentence(text, match, want):
    assert [f[1] for f in _found(text, STORY) if f[0] == match] == [want]


POLLING = datetime(2015, 5, 7, 6, 15)


@pytest.mark.parametrize("text,want", [
    ("Polls open at 0700 and close at 2200.", [("0700", "2015-05-07T07:00", "TIME"), ("2200", "2015-05-07T22:00", "TIME")]),
    ("Voting begins at 0800 and runs until 2100.",
     [("0800", "2015-05-07T08:00", "TIME"), ("2100", "2015-05-07T21:00", "TIME")]),
    ("The bridge will close at 1000 and reopen at 1600.",
     [("1000", "2015-05-07T10:00", "TIME"), ("1600", "2015-05-07T16:00", "TIME")]),
    ("Trains run until 2330 and restart at 0530.", [("2330", "2015-05-07T23:30", "TIME"), ("0530", "2015-05-07T05:30", "TIME")]),
])
def test_four_digit_clocks_beside_another_clock_are_clocks(text, want):
    assert _found(text, POLLING) == want


@pytest.mark.parametrize("text,want", [
    # years, counts and levels stay what they were
    ("The first census was taken in 1800 and the second in 1810.", [("1800", "1800", "DATE"), ("1810", "1810", "DATE")]),
    ("Emissions must fall by 2030 and reach zero by 2045.", [("2030", "2030", "DATE"), ("2045", "2045", "DATE")]),
    ("He lived at 0800 Main Street until 1850.", [("1850", "1850", "DATE")]),
    ("The index closed at 1800 points.", []),
])
def test_four_digit_years_and_levels_stay_what_they_were(text, want):
    assert _found(text, POLLING) == want
