"""The battery of peer-style expressions (benchmarks/battery.py) stays at least as good as it
was when this round ended: a class fixed there must not quietly break again."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import battery  # noqa: E402
from battery_cases import CASES, NEW_CASES  # noqa: E402

# of 809 (788 since round 30's "a few hours ago", 790 since stop 31's "every few weeks" and adverbial "quarterly") passed at the end of issue 15's fifth round (735 of 784 before it): spans to a month
# ("the three months to June"), a day's year kept to its verb ("He died on 2 March"), "since
# September 11", and 24 new cases of those classes and of the peers' everyday ones
FLOOR = 790
# the fresh set (benchmarks/battery_fresh.py, written in round 23 from the peers' suites: 408 of
# 452 when written; the classes fixed since: "until" a day after a simple past span, a
# coordinated participle's tense, "the last month of 2012", names of happenings, city zones)
# round 24: 447 (seconds in clock times, "the coming Saturday/weeks", sets of feasts and half
# hours, "next fall", "the first six months of 2012", "two Fridays ago", "Super Bowl Sunday",
# bare plurals after "take"/"for"); still failing on purpose: ages (the held-out corpora leave
# them untagged), "from Monday to Wednesday" (one range, not two dates) and "was held until
# Monday morning" (looks ahead again: a detention that may run on)
FRESH_FLOOR = 447
# round 34's set (benchmarks/battery_round34.py: 271 cases, each at its own reference time, ten
# in all: a Sunday, a Saturday, a Monday, 31 December, 1 January, 29 February, 28 February, a
# quarter's end, 23:30, 1996): 259 on the code before the round (the unseen figure), 268 after
# ("this coming weekend" on a weekend, parts of "the year" told in the past, a future month just
# ended, a future clock time gone by, newspapers and shows with a weekday, "March" the walk,
# "12.04.95", "'85 to '91"); still failing: "from Tuesday to Friday" (one range, as the fresh
# set's "from Monday to Wednesday") and "into the next century" (P100Y; doubtful, see the case).
# Task time26 added 18 cases after seeing the Timeline17 texts (not unseen: 7 passed on the code
# before it): a year completing a day and month before a capitalised or counted word, a 24-hour
# clock with its bracketed second zone and its day, a month alone told by a future verb months
# after it went by; 286 of 289 after it
ROUND34_FLOOR = 286
# round 36's set (benchmarks/battery_round36.py, task time27: 246 cases in thin genres, sports,
# finance, weather, courts, health, history, negatives, at eleven reference times, each with its
# expected interval too): unseen, the code before the task passed 228 values and 180 of 195
# intervals (232 and 183 once four of the cases' own errors were corrected); 240 and 189 after it
# (month-end, year to date, H1 before results, "early that year", a count after a month, a trip's
# weekday, "his first 100 days"); still failing: "in three weeks" (the span, README; the case
# wants the day), a clock with its bracketed GMT time and no day (two expressions), "the second
# half" of a match, "the next quarter" (P1Q), "later today" (extent "today"), "Polling stations
# open at 7 a.m." at 23:30 (no tense), and a past clock after the publication time ("The quake
# struck at 4:53 p.m.", at 07:45: the older sets keep "The plane landed at 3pm" at 04:30 today's)
ROUND36_FLOOR = 240
ROUND36_INTERVAL_FLOOR = 189
# round 38's set (benchmarks/battery_round38.py, task time28: 69 cases in five classes a fresh-eyes
# review found, with near-misses, 57 with an interval; some built with no dct_grain): unseen, the
# code before the task passed 37 values and 26 intervals (39 and 28 once two February H1 cases
# accepted the project's convention); 68 and 57 after it (clocks beside clocks, "the next year"
# of a story, "the following year" told in the future, H1/H2 in science, an API datetime's
# clock); still failing: "the next year or two" (extent "the next year")
ROUND38_FLOOR = 68
ROUND38_INTERVAL_FLOOR = 57
# round 39's set (benchmarks/battery_round39.py, task time29: 67 cases in five classes a review
# found, with near-misses, 58 with an interval): unseen, the code before the task passed 42
# values and 28 intervals (the same with the three cases corrected after that run); 67 and 58
# after it ("will" between two clocks of one clause, "year to date" after -est words and
# superlatives, a month after a quarter, half, season or span, a superlative's "in N years"
# measured back, a lone past -ed verb after its subject before a weekday)
ROUND39_FLOOR = 67
ROUND39_INTERVAL_FLOOR = 58
# round 40's set (benchmarks/battery_round40.py, task time30: 48 cases in three classes a review
# found, with near-misses, 37 with an interval): unseen, the code before the task passed 23 values
# and 22 intervals; 48 and 37 after it (a past participle after its noun dates its weekday in the
# past, a pronoun as a new subject of a second future clause keeps its own clock, a four-digit
# number after a market verb is a value while a schedule verb's is a clock)
ROUND40_FLOOR = 48
ROUND40_INTERVAL_FLOOR = 37
# round 41's set (benchmarks/battery_round41.py, task time31: 44 cases in five classes a review of
# task time30 found, 38 with an interval): before the task 19 values and 14 intervals (the two
# participle classes, unseen: 8 of 14 and 8 of 14); 44 and 38 after it. After review50 a bare
# plural before "will" is read as known ("Hostages freed on Thursday will be flown home"): two
# generic cases now name their determiner, two near-misses added: 46 and 40
ROUND41_FLOOR = 46
ROUND41_INTERVAL_FLOOR = 40
# round 42's set (benchmarks/battery_round42.py, task time32: 59 cases in nine classes none of
# rounds 34-41 holds, 54 with an interval, written before any fix): unseen, 55 values and 51
# intervals; 59 and 54 after it ("this day last year", a clock in words with "last night" or a
# day after it, a score after "won by" no clock)
ROUND42_FLOOR = 59
ROUND42_INTERVAL_FLOOR = 54
# round 43's set (benchmarks/battery_round43.py, task time34: 33 cases in four classes, all with an
# interval): 26 and 26 before the task, 32 and 32 after it (a modal + "have" + participle is past)
ROUND43_FLOOR = 32
ROUND43_INTERVAL_FLOOR = 32


def test_battery_does_not_fall_below_its_floor():
    passed, total = battery.run(CASES, show_fails=False)
    assert sum(total.values()) == len(CASES)
    assert sum(passed.values()) >= FLOOR, {c: f"{passed[c]}/{total[c]}" for c in total}


def test_the_fresh_battery_does_not_fall_below_its_floor():
    from battery_fresh import FRESH_CASES

    passed, total = battery.run(FRESH_CASES, show_fails=False)
    assert sum(passed.values()) >= FRESH_FLOOR, {c: f"{passed[c]}/{total[c]}" for c in total}


def test_round34_battery_at_its_own_reference_times_does_not_fall_below_its_floor():
    from battery_round34 import ROUND34_CASES

    assert len({c[5] for c in ROUND34_CASES}) >= 8
    passed, total = battery.run(ROUND34_CASES, show_fails=False)
    assert sum(total.values()) == len(ROUND34_CASES)
    assert sum(passed.values()) >= ROUND34_FLOOR, {c: f"{passed[c]}/{total[c]}" for c in total}


def test_every_false_positive_case_of_the_round_stays_clean():
    # the money, count, address and measure numbers fixed in this round are no times
    fixed = ["The firm sold 1,999 units.", "The plane had 2,000 hours of flight time.",
             "He lived at 2011 Main Street.", "The temperature was 1998 degrees.",
             "UN Security Council Resolution 1973 was passed."]
    cases = [c for c in CASES if c[1] in fixed]
    assert len(cases) == len(fixed)
    passed, total = battery.run(cases, show_fails=False)
    assert passed["negative"] == total["negative"] == len(fixed)


def test_scores_names_and_race_times_are_no_times():
    # the fourth round's false-positive classes: sports scores and race times ("2-1", "3:1",
    # "a 2:05 marathon"), names that hold a month, a weekday or a season ("June Carter",
    # "Tuesday Weld", "Actress Summer Glau"), a birthday or an anniversary
    cases = [c for c in NEW_CASES if c[3] is None]
    assert len(cases) >= 25
    passed, total = battery.run(cases, show_fails=False)
    assert passed == total, {c: f"{passed[c]}/{total[c]}" for c in total}


def _reference_times(cases) -> set:  # type: ignore[no-untyped-def]
    return {c[5] for c in cases}


@pytest.mark.parametrize("module, name, floor, interval_floor, check", [
    ("battery_round36", "ROUND36_CASES", ROUND36_FLOOR, ROUND36_INTERVAL_FLOOR, lambda cs: len(_reference_times(cs)) >= 8),
    ("battery_round38", "ROUND38_CASES", ROUND38_FLOOR, ROUND38_INTERVAL_FLOOR,
     lambda cs: {c[7] for c in cs} == {"minute", "none"}),
    ("battery_round39", "ROUND39_CASES", ROUND39_FLOOR, ROUND39_INTERVAL_FLOOR, lambda cs: len(_reference_times(cs)) >= 6),
    ("battery_round40", "ROUND40_CASES", ROUND40_FLOOR, ROUND40_INTERVAL_FLOOR, lambda cs: len(_reference_times(cs)) == 2),
    ("battery_round41", "ROUND41_CASES", ROUND41_FLOOR, ROUND41_INTERVAL_FLOOR, lambda cs: len(_reference_times(cs)) == 2),
    ("battery_round42", "ROUND42_CASES", ROUND42_FLOOR, ROUND42_INTERVAL_FLOOR, lambda cs: len(_reference_times(cs)) == 2),
    ("battery_round43", "ROUND43_CASES", ROUND43_FLOOR, ROUND43_INTERVAL_FLOOR, lambda cs: len(_reference_times(cs)) == 2),
])
def test_a_round_s_battery_values_and_intervals_do_not_fall_below_their_floors(module, name, floor, interval_floor, check):
    cases = getattr(__import__(module), name)
    assert check(cases)  # (the round's own reference times, or its intervals' grains)
    passed, total, ipassed, itotal = battery.run_with_intervals(cases, show_fails=False)
    assert sum(total.values()) == len(cases)
    assert sum(passed.values()) >= floor, {c: f"{passed[c]}/{total[c]}" for c in total}
    assert sum(ipassed.values()) >= interval_floor, {c: f"{ipassed[c]}/{itotal[c]}" for c in itotal}
