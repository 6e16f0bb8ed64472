"""Classes of time expressions fixed in rounds 24 and 34 whose negatives are no rule's alone: what a
reader sees is the whole set of times found in a sentence (reference Tue 12 Feb 2013 04:30, unless
a test names its own)."""
from __future__ import annotations

from datetime import datetime

import pytest

from timeline.model import DctSource, Document, Grain
from timeline.pipeline import extract


def _times(text: str) -> list[tuple[str, str, str]]:
    doc = Document("t", text, dct=datetime(2013, 2, 12, 4, 30), dct_grain=Grain.MINUTE, dct_source=DctSource.OPTION)
    return [(t.text, t.value, t.type.value) for t in extract(doc)]


@pytest.mark.parametrize("text,want", [
    # a span of months that is a half or a quarter of a year named after it is that half or quarter
    ("Output rose in the first six months of 2012.", [("the first six months of 2012", "2012-H1", "DATE")]),
    ("Sales rose in the first three months of the year.", [("the first three months of the year", "2013-Q1", "DATE")]),
    # one that is not, or with no year after it, stays a duration (TimeBank: "the first nine
    # months" P9M, then "1997"), and "of the war" names no year
    ("He averaged 242,000 for the first nine months of 1997.",
     [("the first nine months", "P9M", "DURATION"), ("1997", "1997", "DATE")]),
    ("Sales rose in the first six months.", [("the first six months", "P6M", "DURATION")]),
    ("Thousands fled in the first six months of the war.", [("the first six months", "P6M", "DURATION")]),
])
def test_months_of_a_year(text, want):
    assert _times(text) == want


def _times_on(text: str, dct: datetime) -> list[tuple[str, str]]:
    doc = Document("t", text, dct=dct, dct_grain=Grain.DAY, dct_source=DctSource.OPTION)
    return [(t.text, t.value) for t in extract(doc)]


def test_super_bowl_sunday_moved_in_2022_and_had_no_fixed_day_before_2004():
    text = "Ad prices soared on Super Bowl Sunday."
    assert _times_on(text, datetime(2021, 2, 20)) == [("Super Bowl Sunday", "2021-02-07")]  # the first Sunday
    assert _times_on(text, datetime(2022, 2, 20)) == [("Super Bowl Sunday", "2022-02-13")]  # the second
    assert _times_on("Ads ran on Super Bowl Sunday 2016.", datetime(2022, 2, 20)) == [("Super Bowl Sunday 2016", "2016-02-07")]
    # before 2004 it fell on no fixed Sunday (January 31, 1999): no date is made up
    assert _times_on(text, datetime(1999, 2, 10)) == []


def _times_at(text: str, dct: str) -> list[tuple[str, str]]:
    when = datetime.fromisoformat(dct)
    doc = Document("t", text, dct=when, dct_grain=Grain.MINUTE, dct_source=DctSource.OPTION)
    return [(t.text, t.value) for t in extract(doc)]


@pytest.mark.parametrize("text,want", [
    # round 34: told in the past in February, every part of "the year" still to come is last
    # year's, whichever rule made it; a reported expectation is not a past
    ("Sales rose in the second half of the year.", "2015-H2"),
    ("Sales rose in the fourth quarter of the year.", "2015-Q4"),
    ("Sales rose in the last quarter of the year.", "2015-Q4"),
    ("Sales rose in the first half of the year.", "2016-H1"),  # begun already: this year's
    ("The firm expected a loss in the fourth quarter of the year.", "2016-Q4"),
    ("The firm expected a loss in the last quarter of the year.", "2016-Q4"),
    ("The firm expects a loss in the second half of the year.", "2016-H2"),
])
def test_parts_of_the_year_told_in_february_agree(text, want):
    [(_, value)] = _times_at(text, "2016-02-29T10:00")
    assert value == want


def test_a_far_year_joins_only_a_holiday():
    # "Diwali 2300": the feast's table ends long before, the year stays; after a month such a
    # number is a count, not a year
    assert _times_at("Astronomers have dated Diwali 2300 already.", "2013-02-12T04:30") == [("Diwali 2300", "2300")]
    assert _times_at("In May 2300 people marched.", "2013-02-12T04:30") == [("May", "2012-05")]


@pytest.mark.parametrize("dct,want", [
    ("2014-06-15T09:00", "2014-W25-WE"),  # a Sunday: the weekend under way is no longer coming
    ("2016-11-05T14:00", "2016-W45-WE"),  # a Saturday
    ("2014-06-13T09:00", "2014-W24-WE"),  # the Friday before: this week's
])
def test_this_coming_weekend_on_a_weekend_is_the_next(dct, want):
    assert _times_at("The festival will be held this coming weekend.", dct) == [("this coming weekend", want)]


@pytest.mark.parametrize("text,dct,want", [
    # a month a future verb sends ahead is the verb's time ("in", "by", "scheduled for"), not a
    # thing's name ("December sales data", "the figures for December": the December gone by)
    ("Retailers will release December sales data on Thursday.", datetime(2016, 1, 5),
     [("December", "2015-12"), ("Thursday", "2016-01-07")]),
    ("The government will publish the trade figures for December on Friday.", datetime(2016, 1, 5),
     [("December", "2015-12"), ("Friday", "2016-01-08")]),
    ("The summit will be held in December.", datetime(2016, 1, 5), [("December", "2016-12")]),
    ("The vote is scheduled for December.", datetime(2016, 1, 5), [("December", "2016-12")]),
    # a holiday told in the future the day after it keeps that holiday
    ("The Queen's speech on Christmas Day will be repeated tonight.", datetime(2016, 12, 26),
     [("Christmas Day", "2016-12-25"), ("tonight", "2016-12-26TNI")]),
    # "March" before organisers after "In" is the month; a count after a holiday is no year
    ("In March organisers said the route would change.", datetime(2016, 5, 1), [("March", "2016-03")]),
    ("At Easter 3000 pilgrims gathered in Jerusalem.", datetime(2016, 5, 1), [("Easter", "2016-03-27")]),
    ("During Ramadan 4000 prisoners were freed.", datetime(2016, 8, 1), [("Ramadan", "2016-06-06")]),
    ("In June 1500 Marines were sent to the city.", datetime(2013, 2, 12), [("June", "2012-06")]),
])
def test_review34_classes(text, dct, want):
    assert _times_on(text, dct) == want


@pytest.mark.parametrize("text,want", [
    # "at least" between a time and the word that gives its direction leaves that word's say
    ("The school has been closed until at least Thursday.", [("Thursday", "2009-05-07")]),
    ("Prices have risen since at least March.", [("March", "2009-03")]),
    ("The school was shut on Thursday.", [("Thursday", "2009-04-30")]),  # (the control)
])
def test_at_least_keeps_the_word_before_it(text, want):
    assert _times_on(text, datetime(2009, 5, 4)) == want


@pytest.mark.parametrize("text,want", [
    # two 24-hour clocks that bound a span, one with a leading zero: clocks, not years
    # (review36: the first clock on the day the second names, the day before over midnight)
    ("Polls were open from 0800 to 1800 on Monday.", [("0800", "2013-02-11T08:00"), ("1800 on Monday", "2013-02-11T18:00")]),
    ("A curfew was imposed from 2200 to 0600 on Sunday.", [("2200", "2013-02-09T22:00"), ("0600 on Sunday", "2013-02-10T06:00")]),
    ("He lived there from 1800 to 1850.", [("1800", "1800"), ("1850", "1850")]),  # (years)
])
def test_clocks_that_bound_a_span(text, want):
    assert _times_on(text, datetime(2013, 2, 12)) == want


def _clock_times(text: str, dct: datetime, grain: Grain = Grain.MINUTE) -> list[tuple[str, str]]:
    doc = Document("t", text, dct=dct, dct_grain=grain, dct_source=DctSource.OPTION)
    return [(t.text, t.value) for t in extract(doc)]


MORNING = datetime(2017, 6, 13, 7, 45)  # Tue


@pytest.mark.parametrize("text,want", [
    # task time27: clocks of one sentence told in the future move together: the return after a
    # sailing moved to tomorrow is tomorrow's too
    ("The ferry will sail at 6 a.m. and return at 5 p.m.",
     [("6 a.m.", "2017-06-14T06:00"), ("5 p.m.", "2017-06-14T17:00")]),
    # not across sentences, nor to a clock earlier in the day than the moved one
    ("The ferry will sail at 6 a.m. It will return at 5 p.m.",
     [("6 a.m.", "2017-06-14T06:00"), ("5 p.m.", "2017-06-13T17:00")]),
])
def test_clocks_against_the_publication_time(text, want):
    assert _clock_times(text, MORNING) == want


@pytest.mark.parametrize("text,want", [
    # a count that is no year of the last two centuries after a month is a count
    ("In March 1200 Palestinians were arrested.", [("March", "2016-03")]),
    ("In May 1800 Napoleon crossed the Alps.", [("May 1800", "1800-05")]),
    ("In 1998 Americans voted.", [("1998", "1998")]),
    # a trip told in the present with its destination is a schedule: the coming day
    ("The squad flies out to Austria on Thursday.", [("Thursday", "2016-09-15")]),
    ("The squad flew out to Austria on Thursday.", [("Thursday", "2016-09-08")]),
])
def test_counts_after_months_and_trips_on_a_weekday(text, want):
    assert _clock_times(text, datetime(2016, 9, 12, 10, 0)) == want


def test_a_day_counted_from_a_year_alone_is_somewhere_in_that_year():
    """Review36: "In 2003 the war began. The next day, troops crossed the border." gave 2
    January 2003, a day the text never told; the next day is some day of 2003 (its interval one
    day on), as "That night" after "In June 2009" is some night of June. From a day it counts."""
    doc = Document("t", "In 2003 the war began. The next day, troops crossed the border.", dct=datetime(2005, 2, 20),
                   dct_grain=Grain.DAY, dct_source=DctSource.OPTION)
    nxt = [t for t in extract(doc) if t.text == "The next day"][0]
    # (task time29: the range stays in the value, 2003: 2 January to 31 December 2003)
    assert nxt.value == "2003" and nxt.interval.start == datetime(2003, 1, 2) and nxt.interval.end == datetime(2004, 1, 1)
    assert _times_on("On March 12, 2003 Boyce asked. The next day, Goldsmith saw him.", datetime(2005, 2, 20))[1] == (
        "The next day", "2003-03-13")
    # review37: a month counted from a year alone likewise ("The following month" gave February 2003)
    doc = Document("t", "In 2003 the war began. The following month, troops crossed the border.", dct=datetime(2012, 6, 1),
                   dct_grain=Grain.DAY, dct_source=DctSource.OPTION)
    nxt = [t for t in extract(doc) if t.text == "The following month"][0]
    assert nxt.value == "2003" and nxt.interval.start == datetime(2003, 2, 1) and nxt.interval.end == datetime(2004, 1, 1)


def test_clocks_of_two_clauses_with_their_own_futures_do_not_move_together():
    """Review37: told at 07:45, "Crews will work through 6 a.m. and the minister will speak at 5
    p.m.": the work runs to tomorrow's 6 a.m., the speech is today's 5 p.m.; "will sail at 6 a.m.
    and return at 5 p.m." (one clause's verbs) both tomorrow."""
    assert _times_at("Crews will work through 6 a.m. and the minister will speak at 5 p.m.", "2013-02-12T07:45") == [
        ("6 a.m.", "2013-02-13T06:00"), ("5 p.m.", "2013-02-12T17:00")]
    assert _times_at("The ferry will sail at 6 a.m. and return at 5 p.m.", "2013-02-12T07:45") == [
        ("6 a.m.", "2013-02-13T06:00"), ("5 p.m.", "2013-02-13T17:00")]
