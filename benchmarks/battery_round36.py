"""Round 36's battery: English news expressions of thin genres, each case with its reference time,
its expected VALUE and its expected INTERVAL (see battery.py, `--set round36`).

Written for task time27 from knowledge of the peers' public test suites (Duckling's English
corpus, SUTime's and HeidelTime's English tests, dateparser's, ctparse's, Recognizers-Text's
English DateTime specs, TimeBank/TempEval-3 conventions), none of it copied from battery_cases.py,
battery_fresh.py or battery_round34.py, and written before the tagger was run on it. The older sets
are mostly general news and check only the value; these are sports, finance, weather and
disasters, courts and politics, health, history told in news, and negatives, at eleven reference
times: a Saturday, a Sunday evening, a month's (and quarter's) last day, the year's last day (ISO
2009-W01), a morning report (07:45), a late-evening one (23:30), a 1990s one, and four weekdays.

A case is (class, text, match, values, type or None, interval); ROUND36_CASES holds each with its
reference time: (class, text, match, values, type, dct, interval). `interval` is the half-open
[earliest, latest) the README's tsv section defines (`timeline extract --format tsv`), at minute
precision: one pair, or a tuple of the pairs accepted where the corpora or conventions differ;
None where no bound is pinned (a bare length, a doubtful case). A bound may be written "2009",
"2009-07" or "2009-07-01" for its first minute. The README's conventions: a day, month, year is
itself; "early", "mid", "late", "the end of" a period is its first, middle, last third (a month's
thirds to the minute, a year's or decade's in whole months; the day-rounded third of a month is
accepted too); a part of the day is morning 06-12, afternoon 12-18, evening 17-23, night 20-06,
"overnight" 18-08 of the night that ends on the day told, "the early hours" 00-08; "the past N
days/weeks/months" runs from the day N units back to the end of the publication day (or from the
publication time N units back to it), "the past N hours" from the publication time; "within N
days" and "the next N ..." from the publication day (or time) on; a season is meteorological
(astronomical accepted). The value conventions are battery_fresh.py's: a past-tense sentence's
bare weekday, month or day is the one gone by, a future one's the coming one; a signal ("in",
"on", "by", "since", "within") stays outside the extent. Cases whose expectation is a judgement
rather than a corpus convention are marked "doubtful" in a comment.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

SATURDAY = "2010-05-22T18:00"      # Sat, ISO 2010-W20: sports at the weekend
SUNDAY_EVENING = "2014-07-13T21:00"  # Sun, ISO 2014-W28: the evening of a final
MONTH_END = "2009-09-30T16:30"     # Wed, ISO 2009-W40: a month's and a quarter's last day, markets
YEAR_END = "2008-12-31T15:00"      # Wed, ISO 2009-W01: the year turns tonight
MORNING = "2017-06-13T07:45"       # Tue, ISO 2017-W24: weather and disasters, a morning report
LATE_EVENING = "2012-08-09T23:30"  # Thu, ISO 2012-W32: half an hour before midnight
COURTS = "2011-10-20T12:00"        # Thu, ISO 2011-W42: courts and politics
HEALTH = "2020-04-15T09:00"        # Wed, ISO 2020-W16: health figures
HISTORY = "2015-03-10T10:00"       # Tue, ISO 2015-W11: history told in news
NINETIES = "1998-03-06T11:00"      # Fri, ISO 1998-W10
MONDAY = "2016-09-12T10:00"        # Mon, ISO 2016-W37: negatives


def pad(s: str) -> str:
    """A bound written "2009", "2009-07", "2009-07-01" or "2009-07-01T10:00", as the minute it starts."""
    return s + "-01-01T00:00"[len(s) - 4:] if len(s) < 16 else s


def _d(s: str) -> datetime:
    return datetime.fromisoformat(pad(s))


def _s(t: datetime) -> str:
    return t.strftime("%Y-%m-%dT%H:%M")


def day(s: str) -> tuple[str, str]:
    d = date.fromisoformat(s)
    return (s, (d + timedelta(days=1)).isoformat())


def month(s: str) -> tuple[str, str]:
    y, m = int(s[:4]), int(s[5:7])
    return (s, f"{y + m // 12:04d}-{m % 12 + 1:02d}")


def year(y: int) -> tuple[str, str]:
    return (f"{y:04d}", f"{y + 1:04d}")


def _add_months(s: str, n: int) -> str:
    y, m = int(s[:4]), int(s[5:7]) if len(s) > 4 else 1
    k = y * 12 + m - 1 + n
    return f"{k // 12:04d}-{k % 12 + 1:02d}"


def third(start: str, months: int, which: int) -> tuple[tuple[str, str], ...]:
    """The first (0), middle (1) or last (2) third of the period of `months` months from `start`
    (`months` 0: the month starting at `start`, cut to the minute; its day-rounded third too)."""
    if months:
        step = months // 3
        return ((_add_months(start, step * which), _add_months(start, step * (which + 1))),)
    a, b = (_d(x) for x in month(start))
    lo, hi = a + (b - a) * which / 3, a + (b - a) * (which + 1) / 3
    exact = (_s(lo), _s(hi))
    return (exact, (lo.date().isoformat(), hi.date().isoformat()))


def part(day_s: str, h0: int, h1: int) -> tuple[str, str]:
    """Hours h0-h1 of a day (h1 past 24 runs into the next day)."""
    d = datetime.fromisoformat(day_s)
    return (_s(d + timedelta(hours=h0)), _s(d + timedelta(hours=h1)))


def minute(s: str) -> tuple[str, str]:
    t = datetime.fromisoformat(s)
    return (_s(t), _s(t + timedelta(minutes=1)))


def hour_or_minute(s: str) -> tuple[tuple[str, str], ...]:
    t = datetime.fromisoformat(s)
    return ((_s(t), _s(t + timedelta(minutes=1))), (_s(t), _s(t + timedelta(hours=1))))


def past(dct: str, days: int = 0, hours: int = 0, months: int = 0) -> tuple[tuple[str, str], ...]:
    """'the past N ...' told at `dct`: from the day N units back to the end of the publication day
    (README), or from the publication time N units back to it."""
    t = datetime.fromisoformat(dct)
    if hours:
        return ((_s(t - timedelta(hours=hours)), _s(t)),)
    if months:
        back = _add_months(dct[:7], -months) + dct[7:10]
        return ((back, (t.date() + timedelta(days=1)).isoformat()), (back + dct[10:], dct))
    return (((t - timedelta(days=days)).date().isoformat(), (t.date() + timedelta(days=1)).isoformat()),
            (_s(t - timedelta(days=days)), _s(t)))


def ahead(dct: str, days: int) -> tuple[tuple[str, str], ...]:
    """'within N days' / 'the next N days' told at `dct`: from the publication day to the end of
    the Nth day after it (README: 'in 7 days' is within 12-20 Feb), or from the time N days on."""
    t = datetime.fromisoformat(dct)
    return ((t.date().isoformat(), (t.date() + timedelta(days=days + 1)).isoformat()),
            (_s(t), _s(t + timedelta(days=days))))


_BY_DCT = {
    SATURDAY: [
        ("sports", "Chelsea won the league and the Cup in 2009-10.", "2009-10", ("P2Y", "2009"), None,
         (year(2009)[0], year(2010)[1])),
        ("sports", "United play Arsenal at home on Sunday.", "Sunday", "2010-05-23", None, day("2010-05-23")),
        ("sports", "Chelsea beat Portsmouth last Saturday to lift the Cup.", "last Saturday", "2010-05-15", None,
         day("2010-05-15")),
        ("sports", "The Champions League final kicks off at 7.45pm tonight.", "7.45pm tonight",
         "2010-05-22T19:45", None, minute("2010-05-22T19:45")),
        ("sports", "Inter meet Bayern in Madrid tonight.", "tonight", "2010-05-22TNI", None,
         part("2010-05-22", 20, 30)),
        ("sports", "The World Cup kicks off in South Africa in three weeks.", "three weeks",
         ("P3W", "2010-06-12", "2010-W23"), None, (day("2010-06-12"), ("2010-06-07", "2010-06-14"))),
        ("sports", "The World Cup runs from June 11 to July 11.", "June 11", "2010-06-11", None, day("2010-06-11")),
        ("sports", "The World Cup runs from June 11 to July 11.", "July 11", "2010-07-11", None, day("2010-07-11")),
        ("sports", "Torres joined the club in the summer of 2007.", "the summer of 2007", "2007-SU", None,
         (month("2007-06")[:1] + ("2007-09",), ("2007-06-21", "2007-09-23"))),
        ("sports", "The striker will be out for the next six months.", "the next six months", "P6M", None,
         (("2010-05-22", "2010-11-23"), ("2010-05-22", "2010-11-22"), ("2010-05-22T18:00", "2010-11-22T18:00"))),
        ("sports", "The race starts at 2 p.m. on Sunday.", "2 p.m. on Sunday", "2010-05-23T14:00", None,
         hour_or_minute("2010-05-23T14:00")),
        ("sports", "He last played for England in May 2008.", "May 2008", "2008-05", None, month("2008-05")),
        ("sports", "Nadal won the French Open last year.", "last year", "2009", None, year(2009)),
        ("sports", "The keeper has been injured for the past eight weeks.", "the past eight weeks", "P8W", None,
         past(SATURDAY, days=56)),
        ("sports", "Fans queued outside the stadium this morning.", "this morning", "2010-05-22TMO", None,
         part("2010-05-22", 6, 12)),
        ("sports", "The squad flies out to Austria on Thursday.", "Thursday", "2010-05-27", None, day("2010-05-27")),
        ("sports", "The manager was sacked on Monday.", "Monday", "2010-05-17", None, day("2010-05-17")),
        ("sports", "The players return to training after the weekend.", "the weekend", "2010-W20-WE", None,
         ("2010-05-22", "2010-05-24")),
        # doubtful: a minute of a match is a time TimeML could tag with no value; no peer resolves it
        ("negative", "Milito scored in the 70th minute.", "70th minute", (), None, None),
        ("negative", "Inter led 1-0 at half-time.", "half-time", (), None, None),
        ("negative", "Inter led 1-0 at half-time.", "1-0", (), None, None),
        ("negative", "Bayern lost 2-0 in Madrid.", "2-0", (), None, None),
        ("negative", "The 24-year-old striker scored twice.", "24-year-old", (), None, None),
        ("negative", "He won the marathon in 2:08:30.", "2:08:30", (), None, None),
    ],
    SUNDAY_EVENING: [
        ("sports", "Germany won the World Cup in Rio on Sunday night.", "Sunday night", "2014-07-13TNI", None,
         part("2014-07-13", 20, 30)),
        ("sports", "Argentina last won the trophy in 1986.", "1986", "1986", None, year(1986)),
        ("sports", "The Bundesliga season starts on August 22.", "August 22", "2014-08-22", None, day("2014-08-22")),
        ("sports", "The Tour de France resumes on Monday after a rest day.", "Monday", "2014-07-14", None,
         day("2014-07-14")),
        ("sports", "Germany beat Brazil 7-1 on Tuesday.", "Tuesday", "2014-07-08", None, day("2014-07-08")),
        ("negative", "Germany beat Brazil 7-1 on Tuesday.", "7-1", (), None, None),
        ("sports", "The 2014-15 Premier League season kicks off next month.", "2014-15", ("P2Y", "2014"), None,
         ("2014", "2016")),
        ("sports", "The 2014-15 Premier League season kicks off next month.", "next month", "2014-08", None,
         month("2014-08")),
        ("sports", "The final kicked off at 4 p.m. local time (2000 GMT).", "4 p.m. local time (2000 GMT)",
         "2014-07-13T16:00", None, hour_or_minute("2014-07-13T16:00")),
        ("sports", "Messi was named the best player of the tournament this evening.", "this evening",
         "2014-07-13TEV", None, part("2014-07-13", 17, 23)),
        ("sports", "The German team flies home tomorrow.", "tomorrow", "2014-07-14", None, day("2014-07-14")),
        ("sports", "Brazil last hosted a final in 1950.", "1950", "1950", None, year(1950)),
        ("sports", "The next World Cup will be held in Russia in 2018.", "2018", "2018", None, year(2018)),
        ("sports", "The Argentine squad trained this morning.", "this morning", "2014-07-13TMO", None,
         part("2014-07-13", 6, 12)),
        ("sports", "The derby was played this weekend in front of 40,000 fans.", "this weekend", "2014-W28-WE",
         None, ("2014-07-12", "2014-07-14")),
        ("sports", "Schweinsteiger played for 120 minutes.", "120 minutes", "PT120M", None, None),
        # a half of a match is no half-year
        ("negative", "Germany dominated the second half.", "the second half", (), None, None),
        ("negative", "Gotze scored the winner in the 113th minute.", "113th minute", (), None, None),
        ("sports", "The coach will announce his future in the coming days.", "the coming days",
         ("FUTURE_REF", "P1D", "PXD"), None, None),
        ("sports", "Germany last reached a final in 2002.", "2002", "2002", None, year(2002)),
    ],
    MONTH_END: [
        ("finance", "Profit in Q3 2008 fell 12 percent.", "Q3 2008", "2008-Q3", None, ("2008-07", "2008-10")),
        ("finance", "Third-quarter earnings are due next month.", "Third-quarter", "2009-Q3", None,
         ("2009-07", "2009-10")),
        ("finance", "Third-quarter earnings are due next month.", "next month", "2009-10", None, month("2009-10")),
        ("finance", "The bank will report its results on Oct. 15.", "Oct. 15", "2009-10-15", None, day("2009-10-15")),
        ("finance", "Revenue for the fiscal year ending June 30 rose 4 percent.", "June 30", "2009-06-30", None,
         day("2009-06-30")),
        # doubtful: TimeML values a fiscal year by the calendar year it ends in; its bounds are July-June
        ("finance", "Revenue for the fiscal year ending June 30 rose 4 percent.", "the fiscal year",
         ("2009", "P1Y", "FY2009"), None, None),
        # doubtful: TimeBank has no "year to date"; the value is the year, the bounds its start to now
        ("finance", "The shares are up 18 percent year to date.", "year to date", ("2009", "P1Y"), None,
         (("2009", "2009-09-30T16:30"), ("2009", "2009-10-01"))),
        ("finance", "Sales fell 9 percent in the first half, the company said.", "the first half", "2009-H1", None,
         ("2009-01", "2009-07")),
        ("finance", "H1 2009 revenue was flat.", "H1 2009", "2009-H1", None, ("2009-01", "2009-07")),
        ("finance", "Banks face the usual month-end squeeze on funding.", "month-end", "2009-09", None,
         third("2009-09", 0, 2) + (day("2009-09-30"),)),
        ("finance", "The dollar fell against the euro in the fourth quarter of 2008.", "the fourth quarter of 2008",
         "2008-Q4", None, ("2008-10", "2009-01")),
        ("finance", "The company expects sales to rise in the current quarter.", "the current quarter", "2009-Q3",
         None, ("2009-07", "2009-10")),
        ("finance", "Analysts expect a return to profit in the next quarter.", "the next quarter", "2009-Q4", None,
         ("2009-10", "2010-01")),
        ("finance", "Consumer confidence fell in September, a survey showed.", "September", "2009-09", None,
         month("2009-09")),
        ("finance", "The shares have lost a third of their value this year.", "this year", "2009", None,
         (year(2009), ("2009", "2009-09-30"), ("2009", "2009-10-01"), ("2009", "2009-09-30T16:30"))),
        ("finance", "The bond matures on Dec. 15, 2019.", "Dec. 15, 2019", "2019-12-15", None, day("2019-12-15")),
        ("finance", "Jobless claims fell in the week ended Sept. 26.", "Sept. 26", "2009-09-26", None,
         day("2009-09-26")),
        ("finance", "Jobless claims fell in the week ended Sept. 26.", "the week", "2009-W39", None,
         (("2009-09-21", "2009-09-28"), ("2009-09-20", "2009-09-27"))),
        ("finance", "Trading closed at 4 p.m. New York time.", "4 p.m. New York time", "2009-09-30T16:00-04:00",
         None, hour_or_minute("2009-09-30T16:00")),
        ("finance", "The bank's H1 profit rose 8 percent.", "H1", "2009-H1", None, ("2009-01", "2009-07")),
        ("finance", "Stocks rose today as bank shares rallied.", "today", "2009-09-30", None,
         (day("2009-09-30"), ("2009-09-30", "2009-09-30T16:30"))),
        ("finance", "Stocks have risen for three straight quarters.", "three straight quarters", "P3Q", None, None),
        ("finance", "The Fed will meet again in November.", "November", "2009-11", None, month("2009-11")),
        ("negative", "The carmaker filed for Chapter 11 protection.", "Chapter 11", (), None, None),
        ("negative", "The stock fell 3.5 percent to $20.09.", "20.09", (), None, None),
        ("negative", "Fund managers expect returns of 7-10 percent.", "7-10", (), None, None),
    ],
    YEAR_END: [
        ("politics", "The new law takes effect next year.", "next year", "2009", None, year(2009)),
        ("politics", "Unemployment rose sharply this year.", "this year", "2008", None,
         (year(2008), ("2008", "2008-12-31"), ("2008", "2009-01-01"), ("2008", "2008-12-31T15:00"))),
        ("finance", "Economists say output will shrink in the first quarter.", "the first quarter", "2009-Q1", None,
         ("2009-01", "2009-04")),
        ("politics", "The new president takes office on January 20.", "January 20", "2009-01-20", None,
         day("2009-01-20")),
        ("finance", "Markets will reopen on Friday.", "Friday", "2009-01-02", None, day("2009-01-02")),
        ("politics", "Israel launched air strikes on Gaza on Saturday.", "Saturday", "2008-12-27", None,
         day("2008-12-27")),
        # the coming midnight, though the README's lone midnight is the one that began the day told
        ("politics", "Fireworks will light up the harbour at midnight.", "midnight",
         ("2008-12-31T24:00", "2009-01-01T00:00"), None, minute("2009-01-01T00:00")),
        ("holiday", "Crowds gathered in the square for New Year's Eve.", "New Year's Eve", "2008-12-31", None,
         day("2008-12-31")),
        ("holiday", "The celebrations will continue on New Year's Day.", "New Year's Day", "2009-01-01", None,
         day("2009-01-01")),
        ("finance", "Wall Street had its worst year since 1931.", "1931", "1931", None, year(1931)),
        ("finance", "Prices may recover by the end of next year.", "the end of next year", "2009", None,
         third("2009", 12, 2)),
        ("politics", "The ceasefire collapsed last week.", "last week", "2008-W52", None, ("2008-12-22", "2008-12-29")),
        ("politics", "Talks will resume next week in Cairo.", "next week", "2009-W02", None, ("2009-01-05", "2009-01-12")),
        ("finance", "Oil prices hit a record in July.", "July", "2008-07", None, month("2008-07")),
        ("finance", "A year ago the Dow stood above 13,000.", "A year ago", ("2007", "2007-12-31"), None,
         (year(2007), day("2007-12-31"))),
        ("holiday", "Gaza was quiet on Christmas Day.", "Christmas Day", "2008-12-25", None, day("2008-12-25")),
        ("finance", "The recession is expected to last until mid-2010.", "mid-2010", "2010", None,
         third("2010", 12, 1)),
        ("finance", "Growth will return in the second half of 2009.", "the second half of 2009", "2009-H2", None,
         ("2009-07", "2010")),
        ("finance", "Home prices fell in each of the past 12 months.", "the past 12 months", "P12M", None,
         past(YEAR_END, months=12)),
        ("politics", "The troops will leave by the end of 2011.", "the end of 2011", "2011", None,
         third("2011", 12, 2)),
    ],
    MORNING: [
        ("weather", "Heavy rain fell overnight, flooding roads in the city.", "overnight", "2017-06-12TNI", None,
         part("2017-06-12", 18, 32)),
        ("disaster", "The fire broke out in the early hours of Tuesday.", "the early hours of Tuesday",
         "2017-06-13TMO", None, part("2017-06-13", 0, 8)),
        ("disaster", "The quake struck at 4:53 p.m. local time (2153 GMT).", "4:53 p.m. local time (2153 GMT)",
         "2017-06-12T16:53", None, minute("2017-06-12T16:53")),
        ("weather", "Temperatures will reach 35C on Thursday.", "Thursday", "2017-06-15", None, day("2017-06-15")),
        ("negative", "Temperatures will reach 35C on Thursday.", "35C", (), None, None),
        ("weather", "Thunderstorms are forecast for this afternoon.", "this afternoon", "2017-06-13TAF", None,
         part("2017-06-13", 12, 18)),
        ("weather", "The heatwave is expected to last until the weekend.", "the weekend", "2017-W24-WE", None,
         ("2017-06-17", "2017-06-19")),
        ("disaster", "At least 12 people have died in the past 24 hours.", "the past 24 hours", "PT24H", None,
         past(MORNING, hours=24)),
        ("disaster", "The river is expected to peak later today.", "later today", "2017-06-13", None,
         (("2017-06-13T07:45", "2017-06-14"), day("2017-06-13"))),
        ("disaster", "A tornado touched down early Monday.", "early Monday", "2017-06-12", None,
         (part("2017-06-12", 0, 8), part("2017-06-12", 0, 6), part("2017-06-12", 6, 8))),
        ("disaster", "Power was restored late Sunday night.", "late Sunday night", "2017-06-11TNI", None,
         part("2017-06-11", 22, 30)),
        ("weather", "The storm will make landfall early Wednesday morning.", "early Wednesday morning",
         "2017-06-14TMO", None, part("2017-06-14", 6, 8)),
        ("weather", "It was the hottest June day since 1976.", "1976", "1976", None, year(1976)),
        ("weather", "The last such flood was in the spring of 1997.", "the spring of 1997", "1997-SP", None,
         (("1997-03", "1997-06"), ("1997-03-20", "1997-06-21"))),
        ("disaster", "Rescuers have worked around the clock for 48 hours.", "48 hours", "PT48H", None, None),
        ("weather", "Sirens sounded at 0540 local time.", "0540 local time", "2017-06-13T05:40", None,
         minute("2017-06-13T05:40")),
        ("weather", "The flood warning was lifted two hours ago.", "two hours ago",
         ("2017-06-13T05:45", "2017-06-13T05", "2017-06-13T05:00"), None,
         (minute("2017-06-13T05:45"), part("2017-06-13", 5, 6))),
        ("weather", "Rain will spread from the west by mid-morning.", "mid-morning", "2017-06-13TMO", None,
         (part("2017-06-13", 8, 10),)),
        ("disaster", "Firefighters were called at 12:54 a.m.", "12:54 a.m.", "2017-06-13T00:54", None,
         minute("2017-06-13T00:54")),
        ("disaster", "Residents were evacuated on Monday evening.", "Monday evening", "2017-06-12TEV", None,
         part("2017-06-12", 17, 23)),
        ("negative", "Winds of 120 km/h hit the coast.", "120", (), None, None),
        ("negative", "A 6.1-magnitude quake shook the region.", "6.1", (), None, None),
    ],
    LATE_EVENING: [
        # clocks of one sentence told in the future move together (a known open bug)
        ("clock", "The ferry will sail at 6 a.m. and return at 5 p.m.", "6 a.m.", "2012-08-10T06:00", None,
         hour_or_minute("2012-08-10T06:00")),
        ("clock", "The ferry will sail at 6 a.m. and return at 5 p.m.", "5 p.m.", "2012-08-10T17:00", None,
         hour_or_minute("2012-08-10T17:00")),
        ("clock", "The last train leaves at 11:45 p.m.", "11:45 p.m.", "2012-08-09T23:45", None,
         minute("2012-08-09T23:45")),
        ("clock", "Polling stations open at 7 a.m.", "7 a.m.", "2012-08-10T07:00", None,
         hour_or_minute("2012-08-10T07:00")),
        ("clock", "The blast happened at 10 p.m.", "10 p.m.", "2012-08-09T22:00", None,
         hour_or_minute("2012-08-09T22:00")),
        ("sports", "The athletes will compete again tomorrow morning.", "tomorrow morning", "2012-08-10TMO", None,
         part("2012-08-10", 6, 12)),
        ("sports", "Bolt won the 200m final tonight.", "tonight", "2012-08-09TNI", None, part("2012-08-09", 20, 30)),
        ("sports", "The closing ceremony is on Sunday.", "Sunday", "2012-08-12", None, day("2012-08-12")),
        ("sports", "Britain had won 22 golds by Thursday night.", "Thursday night", "2012-08-09TNI", None,
         part("2012-08-09", 20, 30)),
        ("courts", "The hearing is set for 9:30 tomorrow.", "9:30 tomorrow", "2012-08-10T09:30", None,
         minute("2012-08-10T09:30")),
        ("clock", "The match ended at 9:15 p.m.", "9:15 p.m.", "2012-08-09T21:15", None, minute("2012-08-09T21:15")),
        ("clock", "The minister will speak at noon.", "noon", "2012-08-10T12:00", None, minute("2012-08-10T12:00")),
        ("disaster", "The fire has burned for the past 12 hours.", "the past 12 hours", "PT12H", None,
         past(LATE_EVENING, hours=12)),
        ("clock", "Trains will run until 1 a.m. during the Games.", "1 a.m.", "2012-08-10T01:00", None,
         hour_or_minute("2012-08-10T01:00")),
        ("sports", "The marathon starts at 11 a.m. on Sunday.", "11 a.m. on Sunday", "2012-08-12T11:00", None,
         hour_or_minute("2012-08-12T11:00")),
    ],
    COURTS: [
        ("courts", "The company must respond within 30 days.", "30 days", "P30D", None, ahead(COURTS, 30)),
        ("courts", "The judge said a ruling would come by the end of the year.", "the end of the year", "2011", None,
         third("2011", 12, 2) + (month("2011-12"),)),
        ("politics", "Obama won the 2008 election by a wide margin.", "2008", "2008", None, year(2008)),
        ("politics", "The 2012 election will be close, pollsters say.", "2012", "2012", None, year(2012)),
        ("politics", "He vowed to close the camp in his first 100 days.", "his first 100 days", "P100D", None, None),
        ("courts", "The trial will begin on Monday.", "Monday", "2011-10-24", None, day("2011-10-24")),
        ("courts", "He was sentenced on Tuesday to 10 years in prison.", "Tuesday", "2011-10-18", None,
         day("2011-10-18")),
        ("courts", "He was sentenced on Tuesday to 10 years in prison.", "10 years", "P10Y", None, None),
        ("courts", "An appeal must be lodged within 14 days of the verdict.", "14 days", "P14D", None, None),
        ("courts", "The jury deliberated for two days.", "two days", "P2D", None, None),
        ("politics", "The senator has served since 1997.", "1997", "1997", None, year(1997)),
        ("politics", "Parliament will vote before the end of the month.", "the end of the month", "2011-10", None,
         third("2011-10", 0, 2)),
        ("politics", "Elections are due in the spring.", "the spring", "2012-SP", None,
         (("2012-03", "2012-06"), ("2012-03-20", "2012-06-21"))),
        ("politics", "The minister resigned earlier this month.", "earlier this month", "2011-10", None,
         (("2011-10", "2011-10-20"), ("2011-10", "2011-10-21"), ("2011-10", "2011-10-20T12:00"))),
        ("politics", "The emergency law expires at midnight on Friday.", "midnight on Friday", "2011-10-21T24:00",
         None, minute("2011-10-22T00:00")),
        ("politics", "The bill was signed into law in August.", "August", "2011-08", None, month("2011-08")),
        ("courts", "Lawyers have until Nov. 1 to file their response.", "Nov. 1", "2011-11-01", None,
         day("2011-11-01")),
        ("courts", "The court adjourned the case until next Tuesday.", "next Tuesday", ("2011-10-25", "2011-11-01"),
         None, (day("2011-10-25"), day("2011-11-01"))),
        ("politics", "The party has led the polls for the past six months.", "the past six months", "P6M", None,
         past(COURTS, months=6)),
        ("politics", "In the 2010 midterms the party lost 63 seats.", "2010", "2010", None, year(2010)),
        ("politics", "The president's term ends in January 2013.", "January 2013", "2013-01", None, month("2013-01")),
        ("politics", "The 9/11 commission issued its final report.", "9/11", "2001-09-11", None, day("2001-09-11")),
        ("politics", "Voters will go to the polls a week from Sunday.", "a week from Sunday", "2011-10-30", None,
         day("2011-10-30")),
        ("courts", "The defendant was arrested in the summer of 2009.", "the summer of 2009", "2009-SU", None,
         (("2009-06", "2009-09"), ("2009-06-21", "2009-09-23"))),
        ("courts", "The ban will remain in force for 12 months.", "12 months", "P12M", None, None),
        ("negative", "The 59-year-old former minister denied the charges.", "59-year-old", (), None, None),
        ("negative", "May told MPs the talks had failed.", "May", (), None, None),
    ],
    HEALTH: [
        ("health", "Cases have risen steadily since late March.", "late March", "2020-03", None,
         third("2020-03", 0, 2) + (("2020-03-21T16:00", "2020-04-15T09:00"), ("2020-03-21", "2020-04-15T09:00"),
                                   ("2020-03-21", "2020-04-16"))),
        ("health", "Another 778 deaths were recorded in the past 24 hours.", "the past 24 hours", "PT24H", None,
         past(HEALTH, hours=24)),
        ("health", "Figures for the week ending April 10 were published on Tuesday.", "April 10", "2020-04-10", None,
         day("2020-04-10")),
        ("health", "Figures for the week ending April 10 were published on Tuesday.", "the week", "2020-W15", None,
         (("2020-04-04", "2020-04-11"), ("2020-04-06", "2020-04-13"))),
        ("health", "Figures for the week ending April 10 were published on Tuesday.", "Tuesday", "2020-04-14", None,
         day("2020-04-14")),
        ("health", "The lockdown began three weeks ago.", "three weeks ago", ("2020-W13", "2020-03-25"), None,
         (("2020-03-23", "2020-03-30"), day("2020-03-25"))),
        ("health", "Schools have been closed since March 20.", "March 20", "2020-03-20", None, day("2020-03-20")),
        ("health", "The peak is expected in the next two weeks.", "the next two weeks", "P2W", None, ahead(HEALTH, 14)),
        ("health", "The hospital admitted 40 patients overnight.", "overnight", "2020-04-14TNI", None,
         part("2020-04-14", 18, 32)),
        ("health", "The first case was confirmed on January 31.", "January 31", "2020-01-31", None, day("2020-01-31")),
        ("health", "The restrictions will be reviewed on May 7.", "May 7", "2020-05-07", None, day("2020-05-07")),
        ("health", "Infections peaked in the first week of April.", "the first week of April", "2020-W14", None,
         (("2020-04-01", "2020-04-08"), ("2020-03-30", "2020-04-06"))),
        ("health", "He was discharged from hospital on Sunday.", "Sunday", "2020-04-12", None, day("2020-04-12")),
        ("health", "Testing capacity will double by the end of April.", "the end of April", "2020-04", None,
         third("2020-04", 0, 2)),
        ("health", "The outbreak began in Wuhan in December.", "December", "2019-12", None, month("2019-12")),
        # corrected after the unseen run: TimeBank writes "the past year" as the year before (DATE),
        # a reading the case had left out; the seven days to now stay accepted
        ("health", "Admissions rose 5% over the past week.", "the past week", ("P1W", "2020-W15"), None,
         past(HEALTH, days=7) + (("2020-04-06", "2020-04-13"),)),
        ("health", "The WHO declared a pandemic on 11 March.", "11 March", "2020-03-11", None, day("2020-03-11")),
        ("health", "A further 12 patients died on Easter Sunday.", "Easter Sunday", "2020-04-12", None,
         day("2020-04-12")),
        ("health", "Visiting will resume next Wednesday.", "next Wednesday", ("2020-04-22",), None, day("2020-04-22")),
        ("health", "Deaths have fallen for the past three days.", "the past three days", "P3D", None,
         past(HEALTH, days=3)),
        ("health", "The ward was closed in mid-March.", "mid-March", "2020-03", None, third("2020-03", 0, 1)),
        ("health", "Patients must isolate for 14 days.", "14 days", "P14D", None, None),
        ("negative", "The hotline now runs as a 24-7 service.", "24-7", (), None, None),
        ("negative", "People aged 70 and over were told to stay home.", "70", (), None, None),
    ],
    HISTORY: [
        ("history", "The band was formed in the 1990s.", "the 1990s", "199", None, ("1990", "2000")),
        ("history", "The church was built in the late 19th century.", "the late 19th century", "18", None,
         (("1866-09", "1900"), ("1867", "1900"))),
        ("history", "Construction stopped in mid-2003.", "mid-2003", "2003", None, third("2003", 12, 1)),
        ("history", "In 2001 the firm hired 200 staff, but it collapsed early that year.", "early that year",
         "2001", None, third("2001", 12, 0)),
        ("history", "The city hosted the Olympics in the summer of 2008.", "the summer of 2008", "2008-SU", None,
         (("2008-06", "2008-09"), ("2008-06-21", "2008-09-23"))),
        ("history", "The bridge was built two decades ago.", "two decades ago", ("1995", "199"), None,
         (year(1995), ("1990", "2000"))),
        ("history", "House prices rose sharply in the late 1990s.", "the late 1990s", "199", None,
         (("1996-09", "2000"), ("1997", "2000"))),
        ("history", "The factory closed in the early 1980s.", "the early 1980s", "198", None,
         (("1980", "1983-05"), ("1980", "1984"))),
        ("history", "The 20th century saw two world wars.", "The 20th century", "19", None,
         (("1900", "2000"), ("1901", "2001"))),
        ("history", "The peace treaty was signed at Munster in 1648.", "1648", "1648", None, year(1648)),
        ("history", "The war in Europe ended in May 1945.", "May 1945", "1945-05", None, month("1945-05")),
        ("history", "The museum opened in the autumn of 1961.", "the autumn of 1961", "1961-FA", None,
         (("1961-09", "1961-12"), ("1961-09-23", "1961-12-22"))),
        ("history", "He lived in Paris in the mid-1960s.", "the mid-1960s", "196", None,
         (("1963-05", "1966-09"), ("1963", "1967"))),
        ("history", "The town was founded in the 12th century.", "the 12th century", "11", None,
         (("1100", "1200"), ("1101", "1201"))),
        ("history", "The building dates from the 1920s.", "the 1920s", "192", None, ("1920", "1930")),
        ("history", "He joined the resistance in 1943. Two years later, the war ended.", "Two years later", "1945",
         None, year(1945)),
        ("history", "The scandal broke in the fall of 1973.", "the fall of 1973", "1973-FA", None,
         (("1973-09", "1973-12"), ("1973-09-23", "1973-12-22"))),
        ("history", "Last century, the village had 10,000 inhabitants.", "Last century", "19", None,
         (("1900", "2000"), ("1901", "2001"))),
        ("history", "The road was decommissioned in 1985.", "1985", "1985", None, year(1985)),
        ("history", "The king died in the winter of 1848.", "the winter of 1848", "1848-WI", None,
         (("1848-12", "1849-03"), ("1847-12", "1848-03"))),
        ("history", "The dam was finished in the first half of the 1930s.", "the first half of the 1930s", "193",
         None, ("1930", "1935")),
        # corrected after the unseen run: "the 1900s" is the century as often as its first decade
        # (the case had the decade only), and "the 1700s" the 18th century (it had the 1790s: an error)
        ("history", "The firm traces its roots to the early 1900s.", "the early 1900s", ("19", "190"), None,
         (("1900", "1933-05"), ("1900", "1903-05"), ("1900", "1904"))),
        ("history", "The sect was founded in the late 1700s.", "the late 1700s", "17", None,
         (("1766-09", "1800"), ("1767", "1800"))),
        ("negative", "Route 66 was decommissioned in 1985.", "66", (), None, None),
    ],
    NINETIES: [
        ("nineties", "The merger was approved in '96.", "'96", "1996", None, year(1996)),
        ("nineties", "The company was founded in the '70s.", "the '70s", "197", None, ("1970", "1980")),
        ("nineties", "The new currency will be launched in 1999.", "1999", "1999", None, year(1999)),
        ("nineties", "The first half of '97 was strong for exporters.", "The first half of '97", "1997-H1", None,
         ("1997-01", "1997-07")),
        ("nineties", "Sales rose 8 percent in fiscal 1997.", "fiscal 1997", "1997", None, None),
        ("nineties", "The vote is set for March 15.", "March 15", "1998-03-15", None, day("1998-03-15")),
        ("nineties", "The central bank raised rates on Thursday.", "Thursday", "1998-03-05", None, day("1998-03-05")),
        ("nineties", "The rouble fell in the fourth quarter.", "the fourth quarter", "1997-Q4", None,
         ("1997-10", "1998-01")),
        ("nineties", "Exports fell in January, the ministry said.", "January", "1998-01", None, month("1998-01")),
        ("nineties", "The index gained 3 percent this week.", "this week", "1998-W10", None,
         (("1998-03-02", "1998-03-09"), ("1998-03-02", "1998-03-06T11:00"), ("1998-03-02", "1998-03-07"))),
        ("nineties", "Prices have doubled since the early 1990s.", "the early 1990s", "199", None,
         (("1990", "1993-05"), ("1990", "1994"))),
        ("nineties", "The plant will close by the end of 1998.", "the end of 1998", "1998", None,
         third("1998", 12, 2) + (month("1998-12"),)),
        ("nineties", "The company reported a loss for the year ended Dec. 31.", "Dec. 31", "1997-12-31", None,
         day("1997-12-31")),
        ("nineties", "Windows 98 goes on sale in June.", "June", "1998-06", None, month("1998-06")),
        ("negative", "Windows 98 goes on sale in June.", "98", (), None, None),
        ("nineties", "Rates were cut last month.", "last month", "1998-02", None, month("1998-02")),
        ("negative", "The Boeing 747 landed safely.", "747", (), None, None),
        ("nineties", "The euro will replace the mark on Jan. 1, 1999.", "Jan. 1, 1999", "1999-01-01", None,
         day("1999-01-01")),
        ("nineties", "Talks will continue next weekend.", "next weekend", ("1998-W11-WE", "1998-W10-WE"), None,
         (("1998-03-14", "1998-03-16"), ("1998-03-07", "1998-03-09"))),
        ("nineties", "The market crashed in October '87.", "October '87", "1987-10", None, month("1987-10")),
    ],
    MONDAY: [
        ("negative", "Manchester United won 3-1 at home.", "3-1", (), None, None),
        ("negative", "The firm filed for Chapter 11 bankruptcy protection on Friday.", "Chapter 11", (), None, None),
        ("date", "The firm filed for Chapter 11 bankruptcy protection on Friday.", "Friday", "2016-09-09", None,
         day("2016-09-09")),
        ("negative", "Route 66 runs from Chicago to Santa Monica.", "66", (), None, None),
        ("negative", "Apple released iOS 10 to developers.", "10", (), None, None),
        ("negative", "The code now needs Python 3.5 or later.", "3.5", (), None, None),
        ("negative", "The 45-year-old mother of three was arrested.", "45-year-old", (), None, None),
        ("negative", "He paid $1,500 for the tickets.", "1,500", (), None, None),
        ("negative", "May said the talks had been constructive.", "May", (), None, None),
        ("date", "Ms May will visit India in November.", "November", "2016-11", None, month("2016-11")),
        ("negative", "Ms May will visit India in November.", "May", (), None, None),
        ("negative", "Investigators searched room 1204 of the hotel.", "1204", (), None, None),
        ("negative", "Flight 370 vanished in March 2014.", "370", (), None, None),
        ("date", "Flight 370 vanished in March 2014.", "March 2014", "2014-03", None, month("2014-03")),
        ("negative", "The G20 summit opened in Hangzhou.", "G20", (), None, None),
        ("negative", "The rules cover firms with 50 to 250 employees.", "50 to 250", (), None, None),
        # a count after a month is no year (a known open bug)
        ("date", "In March 1200 Palestinians were arrested.", "March", "2016-03", None, month("2016-03")),
        ("negative", "In March 1200 Palestinians were arrested.", "1200", (), None, None),
        ("date", "In June 300 soldiers were sent to the border.", "June", "2016-06", None, month("2016-06")),
        ("negative", "He lives at 10 Downing Street.", "10", (), None, None),
        ("negative", "The Dow fell 394 points to 18,085.", "394", (), None, None),
        # corrected after the unseen run: it was a negative on "2-3", which overlaps the length
        ("duration", "Seeds are planted 2-3 weeks apart.", "2-3 weeks", ("P2W", "P3W"), None, None),
        ("date", "The Games closed in Rio on Sunday.", "Sunday", "2016-09-11", None, day("2016-09-11")),
        ("date", "Rio hosted the Olympics in August.", "August", "2016-08", None, month("2016-08")),
    ],
}

ROUND36_CASES = [(c[0], c[1], c[2], c[3], c[4], dct, c[5]) for dct, cases in _BY_DCT.items() for c in cases]
