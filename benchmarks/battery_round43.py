"""Round 43's battery: the time expressions of task time34's four classes, each case with its
reference time, its expected VALUE and its expected INTERVAL (see battery.py, `--set round43`).

Written for task time34 while fixing them (not unseen: the cases were written after the probes
that found the classes, and the modal-perfect class fails on the code before the task). The
event-side halves of the classes (which time dates an event, its label, its salience) are
tested in tests/test_time34.py; here, what the tagger itself must say:

  modal_perfect  a modal + "have" + participle tells of a past: its weekday is the one before
                 ("would have left on Monday", "could have been signed on Friday"); "will have
                 finished by Friday", "would leave on Monday", "would have to leave on Monday"
                 stay ahead
  level_year     a level's year stays a tagged year ("return to 2007 levels", "pre-2008 levels",
                 "1990s levels"), though it dates no event
  inverted       the time of a negative inversion's opener stays tagged as it reads ("Not since
                 2001 have markets fallen this far", "Not since the flood of 1993"), and the
                 "as it did on Monday" of an inverted comparison is the Monday gone by
  question       a question's time is read as a statement's ("Has the bank cut rates this
                 week?", "Will the talks resume on Friday?")

Score on the code before task time34 (`python benchmarks/battery.py --set round43 --fails`, main
at dc3b89d): 26 of 33 values, 26 of 33 intervals (six modal-perfect weekdays read ahead, and
"The talks could end on Thursday", told on a Sunday, the Thursday gone by); after it 32 and 32:
that last case, a bare modal with no "have", is still read by the nearer Thursday (left open).

A case is (class, text, match, values, type or None, interval); ROUND43_CASES holds each with its
reference time: (class, text, match, values, type, dct, interval, "minute").
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from battery_round36 import day, year  # noqa: E402

WEDNESDAY = "2009-04-29T10:00"  # Wed, ISO 2009-W18
SUNDAY = "2009-04-26T09:00"     # Sun, ISO 2009-W17

_BY_DCT = {
    WEDNESDAY: [
        # modal_perfect
        ("modal_perfect", "Without the strike he would have left on Monday.", "Monday", "2009-04-27", "DATE",
         day("2009-04-27")),
        ("modal_perfect", "The deal could have been signed on Friday.", "Friday", "2009-04-24", "DATE",
         day("2009-04-24")),
        ("modal_perfect", "She would have turned 50 on Saturday.", "Saturday", "2009-04-25", "DATE",
         day("2009-04-25")),
        ("modal_perfect", "He would not have resigned on Friday without the vote.", "Friday", "2009-04-24", "DATE",
         day("2009-04-24")),
        ("modal_perfect", "The victim may have died on Sunday, police said.", "Sunday", "2009-04-26", "DATE",
         day("2009-04-26")),
        ("modal_perfect", "Officials must have known on Monday.", "Monday", "2009-04-27", "DATE", day("2009-04-27")),
        ("modal_perfect", "The parcel should have arrived on Tuesday.", "Tuesday", "2009-04-28", "DATE",
         day("2009-04-28")),
        ("modal_perfect", "The parcel should have arrived last Tuesday.", "last Tuesday", "2009-04-28", "DATE",
         day("2009-04-28")),
        ("modal_perfect", "He might have won on Sunday.", "Sunday", "2009-04-26", "DATE", day("2009-04-26")),
        ("modal_perfect", "Talks will have finished by Friday.", "Friday", "2009-05-01", "DATE", day("2009-05-01")),
        ("modal_perfect", "He would leave on Monday, he said.", "Monday", "2009-05-04", "DATE", day("2009-05-04")),
        ("modal_perfect", "The deal could be signed on Friday.", "Friday", "2009-05-01", "DATE", day("2009-05-01")),
        ("modal_perfect", "They would have to leave on Monday.", "Monday", "2009-05-04", "DATE", day("2009-05-04")),
        # level_year
        ("level_year", "Sales will return to 2007 levels by 2010, the company said.", "2007", "2007", "DATE",
         year(2007)),
        ("level_year", "Sales will return to 2007 levels by 2010, the company said.", "2010", "2010", "DATE",
         year(2010)),
        ("level_year", "Prices are expected to fall back to 2005 levels within two years.", "2005", "2005", "DATE",
         year(2005)),
        ("level_year", "Output recovered to pre-2008 levels in March.", "March", "2009-03", "DATE",
         ("2009-03", "2009-04")),
        ("level_year", "Exports climbed back to 2007 levels on Monday.", "Monday", "2009-04-27", "DATE",
         day("2009-04-27")),
        # inverted
        ("inverted", "Never before has the bank cut rates so sharply as it did on Monday.", "Monday", "2009-04-27",
         "DATE", day("2009-04-27")),
        ("inverted", "Rarely has a team scored so many goals as it did on Sunday.", "Sunday", "2009-04-26", "DATE",
         day("2009-04-26")),
        ("inverted", "Not since 2001 have markets fallen this far.", "2001", "2001", "DATE", year(2001)),
        ("inverted", "Not since the flood of 1993 has the river risen so fast.", "1993", "1993", "DATE", year(1993)),
        # question
        ("question", "Will the talks resume on Friday?", "Friday", "2009-05-01", "DATE", day("2009-05-01")),
        ("question", "Was the president told of the attack on Monday?", "Monday", "2009-04-27", "DATE",
         day("2009-04-27")),
        ("question", "Has the bank cut rates this week?", "this week", "2009-W18", "DATE",
         ("2009-04-27", "2009-05-04")),
    ],
    SUNDAY: [
        ("modal_perfect", "Without the vote he would have resigned on Friday.", "Friday", "2009-04-24", "DATE",
         day("2009-04-24")),
        ("modal_perfect", "The talks could have ended on Thursday.", "Thursday", "2009-04-23", "DATE",
         day("2009-04-23")),
        ("modal_perfect", "The match would have been played on Saturday.", "Saturday", "2009-04-25", "DATE",
         day("2009-04-25")),
        ("modal_perfect", "The talks could end on Thursday.", "Thursday", "2009-04-30", "DATE", day("2009-04-30")),
        ("level_year", "Unemployment rose to 1990s levels last year.", "last year", "2008", "DATE", year(2008)),
        ("level_year", "Shares fell below their 2008 lows on Friday.", "Friday", "2009-04-24", "DATE",
         day("2009-04-24")),
        ("question", "Could the strike end on Monday?", "Monday", "2009-04-27", "DATE", day("2009-04-27")),
        ("level_year", "The company said profits would match 2007 levels.", "2007", "2007", "DATE", year(2007)),
    ],
}

ROUND43_CASES = [(c[0], c[1], c[2], c[3], c[4], dct, c[5], "minute") for dct, cases in _BY_DCT.items() for c in cases]
