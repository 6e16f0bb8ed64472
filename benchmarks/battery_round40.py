"""Round 40's battery: three classes of misreading a review found, each with variants and
near-misses that must keep today's reading; each case with its reference time, its expected
VALUE and its expected INTERVAL (see battery.py, `--set round40`).

Written for task time30 from knowledge of the peers' public test suites (Duckling's English
corpus, SUTime's and HeidelTime's English tests, dateparser's, Recognizers-Text's English
DateTime specs, TimeBank/TempEval-3 conventions), none of it copied from the older battery files,
and written before the tagger was changed; the figure on the unchanged code is recorded in the
commit that added it and in the README. The classes:

  participle  a past participle that modifies a noun dates its weekday in the past ("The man
              arrested on Monday is due in court today", told on a Sunday: six days back; "the
              company, founded on Monday, ..."); a participle of a plan or a target ("the meeting
              scheduled for Monday", "talks planned on Monday will go ahead", "a vote expected on
              Monday", "a match postponed to Monday") keeps the coming day, and so does a weekday
              that belongs to the clause's own future verb
  pronoun     a personal pronoun as the new subject of a second future clause keeps its own
              clock ("Crews will work through 6 a.m. and she will speak at 5 p.m.": 5 p.m. today);
              the same subject again, a pronoun that may stand for it ("it", "they"), or no
              subject at all moves with the first clause's clock (tomorrow)
  market      a four-digit number after a market or index verb is a value, no clock ("The index
              opened at 1800 and closed at 1815", "Gold hit 1200"); a schedule verb still reads a
              clock ("The shop will close at 1800", "Gates open at 1830")

A case is (class, text, match, values, type or None, interval); ROUND40_CASES holds each with its
reference time: (class, text, match, values, type, dct, interval, "minute"). Intervals as in
battery_round36.py (one pair, or a tuple of accepted pairs; None: not checked).
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from battery_round36 import day, hour_or_minute  # noqa: E402

SUNDAY = "2009-04-26T10:00"    # Sun: Monday gone by is the 20th, the coming Monday the 27th
MORNING = "2013-02-12T07:45"   # Tue: told after 6 a.m., before the day's business

_TODAY = "2013-02-12"
_TOMORROW = "2013-02-13"


_BY_DCT = {
    SUNDAY: [
        ("participle", "The man arrested on Monday is due in court today.", "Monday", "2009-04-20", "DATE",
         day("2009-04-20")),
        ("participle", "The suspect detained on Friday remains in custody.", "Friday", "2009-04-24", "DATE",
         day("2009-04-24")),
        ("participle", "A letter posted on Tuesday was read out in parliament.", "Tuesday", "2009-04-21", "DATE",
         day("2009-04-21")),
        ("participle", "The company, founded on Monday, has already hired ten people.", "Monday", "2009-04-20", "DATE",
         day("2009-04-20")),
        ("participle", "The two men charged on Wednesday will appear before a judge next week.", "Wednesday",
         "2009-04-22", "DATE", day("2009-04-22")),
        ("participle", "The woman injured on Thursday is still in hospital.", "Thursday", "2009-04-23", "DATE",
         day("2009-04-23")),
        ("participle", "Documents seized on Friday show the scale of the fraud.", "Friday", "2009-04-24", "DATE",
         day("2009-04-24")),
        ("participle", "The soldier killed on Saturday will be buried next week.", "Saturday", "2009-04-25", "DATE",
         day("2009-04-25")),
        ("participle", "Hostages freed on Thursday are expected home soon.", "Thursday", "2009-04-23", "DATE",
         day("2009-04-23")),
        ("participle", "A statement released on Tuesday says the plant is safe.", "Tuesday", "2009-04-21", "DATE",
         day("2009-04-21")),
        ("participle", "The girl, rescued on Friday, is recovering well.", "Friday", "2009-04-24", "DATE",
         day("2009-04-24")),
        ("participle", "Shares bought on Wednesday are worth less today.", "Wednesday", "2009-04-22", "DATE",
         day("2009-04-22")),
        # near-misses: a plan or target participle keeps the coming day; so does a weekday of the
        # clause's own future verb; a finite past verb was already past
        ("participle", "The meeting scheduled for Monday is expected to be brief.", "Monday", "2009-04-27", "DATE",
         day("2009-04-27")),
        ("participle", "Talks planned on Monday will go ahead.", "Monday", "2009-04-27", "DATE", day("2009-04-27")),
        ("participle", "A vote expected on Monday could decide the matter.", "Monday", "2009-04-27", "DATE",
         day("2009-04-27")),
        ("participle", "The match postponed to Monday will be played at noon.", "Monday", "2009-04-27", "DATE",
         day("2009-04-27")),
        ("participle", "The hearing set for Thursday is open to the public.", "Thursday", "2009-04-30", "DATE",
         day("2009-04-30")),
        ("participle", "The concert slated for Saturday is sold out.", "Saturday", "2009-05-02", "DATE",
         day("2009-05-02")),
        ("participle", "The man arrested last night will appear in court on Monday.", "Monday", "2009-04-27", "DATE",
         day("2009-04-27")),
        ("participle", "The man was arrested on Monday.", "Monday", "2009-04-20", "DATE", day("2009-04-20")),
    ],
    MORNING: [
        ("pronoun", "Crews will work through 6 a.m. and she will speak at 5 p.m.", "5 p.m.", f"{_TODAY}T17:00", "TIME",
         hour_or_minute(f"{_TODAY}T17:00")),
        ("pronoun", "Crews will work through 6 a.m. and she will speak at 5 p.m.", "6 a.m.", f"{_TOMORROW}T06:00",
         "TIME", hour_or_minute(f"{_TOMORROW}T06:00")),
        ("pronoun", "The road will close at 6 a.m. and he will speak at 5 p.m.", "5 p.m.", f"{_TODAY}T17:00", "TIME",
         hour_or_minute(f"{_TODAY}T17:00")),
        ("pronoun", "The polls will open at 6 a.m. and I will vote at 9 a.m.", "9 a.m.", f"{_TODAY}T09:00", "TIME",
         hour_or_minute(f"{_TODAY}T09:00")),
        ("pronoun", "The market will open at 6 a.m. and we will report at 4 p.m.", "4 p.m.", f"{_TODAY}T16:00",
         "TIME", hour_or_minute(f"{_TODAY}T16:00")),
        ("pronoun", "Troops will leave at 5 a.m. and he will address the nation at 8 p.m.", "8 p.m.",
         f"{_TODAY}T20:00", "TIME", hour_or_minute(f"{_TODAY}T20:00")),
        ("pronoun", "The bridge will shut at 6 a.m., and she'll give a speech at 3 p.m.", "3 p.m.", f"{_TODAY}T15:00",
         "TIME", hour_or_minute(f"{_TODAY}T15:00")),
        # near-misses: no new subject, the same pronoun again, or a pronoun that may stand for
        # the first subject: the second clock moves with the first
        ("pronoun", "The bus will leave at 6 a.m. and will return at 5 p.m.", "5 p.m.", f"{_TOMORROW}T17:00", "TIME",
         hour_or_minute(f"{_TOMORROW}T17:00")),
        ("pronoun", "She will leave at 6 a.m. and she will land at 2 p.m.", "2 p.m.", f"{_TOMORROW}T14:00", "TIME",
         hour_or_minute(f"{_TOMORROW}T14:00")),
        ("pronoun", "He will fly out at 5 a.m. and he'll arrive at 3 p.m.", "3 p.m.", f"{_TOMORROW}T15:00", "TIME",
         hour_or_minute(f"{_TOMORROW}T15:00")),
        ("pronoun", "The plant will shut at 6 a.m. and it will reopen at 9 p.m.", "9 p.m.", f"{_TOMORROW}T21:00",
         "TIME", hour_or_minute(f"{_TOMORROW}T21:00")),
        ("pronoun", "The divers will go down at 6 a.m. and they will come up at 10 a.m.", "10 a.m.",
         f"{_TOMORROW}T10:00", "TIME", hour_or_minute(f"{_TOMORROW}T10:00")),
        # market and index values are no clocks
        ("market", "The index opened at 1800 and closed at 1815.", "1800", (), None, None),
        ("market", "The index opened at 1800 and closed at 1815.", "1815", (), None, None),
        ("market", "The Dow fell to 9800 before closing at 9850.", "9850", (), None, None),
        ("market", "Gold hit 1200 and settled at 1185.", "1200", (), None, None),
        ("market", "Gold hit 1200 and settled at 1185.", "1185", (), None, None),
        ("market", "The stock opened at 1230 and ended at 1245.", "1230", (), None, None),
        ("market", "The stock opened at 1230 and ended at 1245.", "1245", (), None, None),
        ("market", "The Nikkei finished at 1450, up 2 percent.", "1450", (), None, None),
        ("market", "The benchmark peaked at 1650 before slipping back.", "1650", (), None, None),
        ("market", "Copper slipped to 2130 and recovered to 2150.", "2150", (), None, None),
        ("market", "The index rose to 1130 by midday.", "1130", (), None, None),
        # near-misses: a schedule verb still reads a clock
        ("market", "The shop will close at 1800.", "1800", f"{_TODAY}T18:00", "TIME", hour_or_minute(f"{_TODAY}T18:00")),
        ("market", "The museum opens at 0900 and closes at 1700.", "1700", f"{_TODAY}T17:00", "TIME",
         hour_or_minute(f"{_TODAY}T17:00")),
        ("market", "The train departs at 0930.", "0930", f"{_TODAY}T09:30", "TIME", hour_or_minute(f"{_TODAY}T09:30")),
        ("market", "Gates will open at 1830.", "1830", f"{_TODAY}T18:30", "TIME", hour_or_minute(f"{_TODAY}T18:30")),
        ("market", "Voting will end at 2100.", "2100", f"{_TODAY}T21:00", "TIME", hour_or_minute(f"{_TODAY}T21:00")),
    ],
}

ROUND40_CASES = [(c[0], c[1], c[2], c[3], c[4], dct, c[5], "minute") for dct, cases in _BY_DCT.items() for c in cases]
