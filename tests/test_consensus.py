"""The day a happening's reports agree on (story.happenings.consensus)."""
from __future__ import annotations

from datetime import datetime

from timeline.story.features import Features
from timeline.story.happenings import consensus


def _days(d: datetime) -> float:
    return float(d.toordinal() - 1) + (d.hour * 60 + d.minute) / 1440.0


def _f(lo: datetime, hi: datetime) -> Features:
    return Features(kinds=("death",), terms=(), numbers=frozenset(), frame="", lo=_days(lo), hi=_days(hi), bare=False)


def test_a_day_a_time_expression_states_outweighs_publication_days():
    """H1N1: "He died on Monday night" (27 April) against two reports dated only by their
    publication day and the present tense ("the only death outside Mexico is ..." on 28 April):
    the happening was shown on 28 April; the day the text states wins."""
    night = _f(datetime(2009, 4, 27, 20), datetime(2009, 4, 28, 6))
    told_28 = [_f(datetime(2009, 4, 28), datetime(2009, 4, 29)) for _ in range(2)]
    assert consensus([night, *told_28]) == (_days(datetime(2009, 4, 28)), _days(datetime(2009, 4, 29)))
    lo, hi = consensus([night, *told_28], [2, 0, 0])
    assert (lo, hi) == (night.lo, night.hi)


def test_a_lone_clock_of_the_stated_day_does_not_make_the_happening_s_time():
    """One stated report at 06:03 and others on its day dated by tense: the day, not the minute."""
    minute = _f(datetime(2010, 1, 20, 6, 3), datetime(2010, 1, 20, 6, 4))
    day = [_f(datetime(2010, 1, 20), datetime(2010, 1, 21)) for _ in range(3)]
    assert consensus([minute, *day], [2, 0, 0, 0]) == (_days(datetime(2010, 1, 20)),
                                                                      _days(datetime(2010, 1, 21)))


def test_a_day_a_passage_carries_does_not_outvote_one_a_report_states():
    """Review37: "The storm hit the coast on Friday. A fisherman drowned off Galveston" (the
    drowning carried to Friday by the passage) against "drowned off Galveston on Tuesday": the
    report that states the day wins the tie."""
    friday = _f(datetime(2009, 4, 24), datetime(2009, 4, 25))
    tuesday = _f(datetime(2009, 4, 28), datetime(2009, 4, 29))
    assert consensus([friday, tuesday]) == (friday.lo, friday.hi)
    assert consensus([friday, tuesday], [1, 2]) == (tuesday.lo, tuesday.hi)
