"""Classes of time expressions fixed in task time31 after a review of task time30
(benchmarks/battery_round41.py): what a reader sees is the set of times found in a sentence and
their values."""
from __future__ import annotations

from datetime import datetime

import pytest

from timeline.model import DctSource, Document, Grain
from timeline.pipeline import extract


def _found(text: str, dct: datetime) -> list[tuple[str, str]]:
    doc = Document("t", text, dct=dct, dct_grain=Grain.MINUTE, dct_source=DctSource.OPTION)
    return [(t.text, t.value) for t in extract(doc)]


MORNING = datetime(2009, 4, 26, 7, 45)  # after 6 a.m.
NINE = datetime(2009, 4, 26, 9, 0)


# a "he", "she" or "we" that stands for the first clause's subject moves with its clock


@pytest.mark.parametrize("text, second", [
    ("The minister will leave at 6 a.m. and he will return at 5 p.m.", "5 p.m."),
    ("Smith will fly out at 6 a.m. and she will land at 5 p.m.", "5 p.m."),
    ("The President will arrive at 6 a.m. and we will meet him at 5 p.m.", "5 p.m."),
    ("Smith and I will leave at 6 a.m. and we will return at 5 p.m.", "5 p.m."),
    ("The chairwoman will fly in at 6 a.m. and she'll speak at 5 p.m.", "5 p.m."),
])
def test_a_pronoun_for_the_first_subject_moves_with_its_clock(text, second):
    assert _found(text, MORNING) == [("6 a.m.", "2009-04-27T06:00"), (second, "2009-04-27T17:00")]


@pytest.mark.parametrize("text", [
    "Crews will work through 6 a.m. and she will speak at 5 p.m.",
    "The trains will stop at 6 a.m. and he will speak at 5 p.m.",
    "The vote will close at 6 a.m., and we'll announce the result at 5 p.m.",
    "He will leave at 6 a.m. and she will speak at 5 p.m.",
    "Smith and Jones will leave at 6 a.m. and she will speak at 5 p.m.",
])
def test_a_pronoun_for_another_person_keeps_its_own_clock(text):
    assert _found(text, MORNING) == [("6 a.m.", "2009-04-27T06:00"), ("5 p.m.", "2009-04-26T17:00")]


# a year after a market verb is a year unless a bare number follows "at", "to", "near", ...


@pytest.mark.parametrize("text, year", [
    ("The Dow ended 2008 down 34 percent.", "2008"),
    ("Stocks finished 2008 with the worst loss since 1931.", "2008"),
    ("The company closed 2009 with a profit.", "2009"),
    ("The euro ended 2009 higher against the dollar.", "2009"),
    ("The team ended 2010 on a high.", "2010"),
    ("Oil topped 2008's record high.", "2008"),
    ("Sales rose above 2007's level.", "2007"),
])
def test_a_year_after_a_market_verb_is_a_year(text, year):
    assert (year, year) in _found(text, NINE)


def test_a_year_and_a_value_after_one_market_verb():
    assert _found("The index closed 2007 at 1468.", NINE) == [("2007", "2007")]


@pytest.mark.parametrize("text", ["Gold hit 1200.", "Gold hit 1200 and settled at 1185.", "Copper slipped to 2130.",
                                  "The Nikkei finished at 1450, up 2 percent."])
def test_a_value_after_a_market_verb_stays_a_value(text):
    assert _found(text, NINE) == []


# the clock-pair veto reads the verb's subject: a market or an exchange keeps a schedule


@pytest.mark.parametrize("text, clocks", [
    ("The stock market opened at 0930 and closed at 1600.", [("0930", "2009-04-26T09:30"), ("1600", "2009-04-26T16:00")]),
    ("The New York Stock Exchange will close at 1600.", [("1600", "2009-04-26T16:00")]),
    ("The oil terminal will reopen at 1400.", [("1400", "2009-04-26T14:00")]),
    ("Gold shops will open at 1000.", [("1000", "2009-04-26T10:00")]),
])
def test_a_market_word_that_is_not_the_subject_keeps_the_clocks(text, clocks):
    assert _found(text, NINE) == clocks


@pytest.mark.parametrize("text", ["The index opened at 1800 and closed at 1815.", "The stock opened at 1230 and ended at 1245."])
def test_an_index_or_a_price_subject_keeps_values(text):
    assert _found(text, NINE) == []


# a participle after a generic subject whose clause is a future or a timetable is no past; one
# joined by "and" to a participle after its noun is read as that one (told on Sunday 26 April 2009)

SUNDAY = datetime(2009, 4, 26, 10, 0)


@pytest.mark.parametrize("text, want", [
    ("Anyone arrested on Monday will be held overnight.", [("Monday", "2009-04-27")]),
    ("Every letter posted on Monday will arrive on Wednesday.", [("Monday", "2009-04-27"), ("Wednesday", "2009-04-29")]),
    ("Parcels collected on Monday are delivered on Tuesday.", [("Monday", "2009-04-27"), ("Tuesday", "2009-04-28")]),
    ("Anybody caught on Saturday will be fined.", [("Saturday", "2009-05-02")]),
    ("The man arrested on Monday is due in court today.", [("Monday", "2009-04-20"), ("today", "2009-04-26")]),
    ("The letters posted on Monday will be read in court.", [("Monday", "2009-04-20")]),
    ("Hostages freed on Thursday are expected home soon.", [("Thursday", "2009-04-23")]),
])
def test_a_participle_of_anyone_in_a_future_or_a_timetable_is_no_past(text, want):
    assert [(t, v) for t, v in _found(text, SUNDAY) if t not in ("soon", "overnight")] == want


@pytest.mark.parametrize("text, want", [
    ("The man arrested on Monday and charged on Tuesday is due in court.", [("Monday", "2009-04-20"), ("Tuesday", "2009-04-21")]),
    ("A woman detained on Friday and released on Saturday says she was beaten.",
     [("Friday", "2009-04-24"), ("Saturday", "2009-04-25")]),
    ("The man arrested on Monday is in custody and will appear in court on Tuesday.",
     [("Monday", "2009-04-20"), ("Tuesday", "2009-04-28")]),
])
def test_a_participle_joined_to_one_after_a_noun_is_read_the_same_way(text, want):
    assert _found(text, SUNDAY) == want
