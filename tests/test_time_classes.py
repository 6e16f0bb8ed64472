"""Classes of time expressions fixed in round 24 whose negatives are no rule's alone: what a
reader sees is the whole set of times found in a sentence (reference Tue 12 Feb 2013 04:30)."""
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
