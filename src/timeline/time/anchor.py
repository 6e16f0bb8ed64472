"""Anchoring policies: what each time expression is resolved against.

- ``news``: deictic expressions ("yesterday", "Tuesday", "overnight") anchor on the
  publication date (DCT) and the tense of their verb; anaphoric ones ("the next day",
  "a year earlier") on the last time the text mentioned.
- ``narrative``: everything relative anchors on the last mentioned time, the DCT only
  until the text names a time.
Without a DCT, deictic expressions keep symbolic values and, where they only count days and
hours, an interval relative to the publication day.
"""
from __future__ import annotations

import re

from dataclasses import replace
from datetime import datetime, time, timedelta
from enum import Enum
from typing import Sequence

from ..model import Document, Grain, Interval, Kind, Mention, Symbolic, Tense, Timex, TimexType, Unit
from .normalize import Anchor, Resolved, resolve
from .futures import SENTENCE_BREAK, own_future, sentence_before, told_from_past
from .tense import names_event_day, present_on_day
from .zones import apply_zone


PERIOD_REACH = 400  # characters: how far back "a year earlier" looks for the period it shifts
CONJUNCT_REACH = 5  # characters between "April 24" and the "25" of "April 24 and 25"


class Policy(str, Enum):
    NEWS = "news"
    NARRATIVE = "narrative"


_CLOCK_GRAINS = (Grain.HOUR, Grain.MINUTE, Grain.SECOND)


def year_after_told(sym: Symbolic) -> bool:
    """ "the following year", "the next year": the year after the one last told, unless the
    sentence is told in the future or the present after a past year (anchor.resolve_mentions)."""
    return sym.kind is Kind.RELATIVE and sym.anaphoric and sym.unit is Unit.YEAR and (sym.offset or 0) > 0 \
        and sym.amount is None and sym.nth is None and sym.quarter is None and sym.half is None


def dct_has_clock(doc: Document) -> bool:
    """Is the publication time of day known? Its grain says so (a clock grain); with no grain
    given (a caller of the API with a datetime alone: Document(..., dct=datetime(2013, 2, 12, 4,
    30))), a time other than midnight exactly is a clock told; midnight is what a date alone
    becomes, so it stays a day."""
    if doc.dct is None:
        return False
    if doc.dct_grain is None:
        return doc.dct.time() != time(0)
    return doc.dct_grain in _CLOCK_GRAINS


def dct_anchor(doc: Document) -> Anchor | None:
    """The publication day; with the time of day when it is known ("--date 2013-02-12T04:30",
    a metadata or dateline time), which "now", "two hours ago", "in 2 minutes", "earlier
    today" count from."""
    if doc.dct is None:
        return None
    return Anchor.day(doc.dct, now=doc.dct if dct_has_clock(doc) else None)


def _as_anchor(t: Timex) -> Anchor | None:
    iv = t.interval
    if iv is None or iv.start is None or iv.end is None or t.grain is None:
        return None
    return Anchor(iv.start, iv.end, t.grain)


def _is_anchorable(t: Timex) -> bool:
    return t.type in (TimexType.DATE, TimexType.TIME) and _as_anchor(t) is not None


_RANGE_GLUE = re.compile(r"\s*(?:-|–|—|to|until|till|through|and|or)\s+(?:(?:early|mid|late)[-\s]+)?", re.IGNORECASE)


def borrow_years(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """A month or a day of a month without its year, right before another with its year and
    joined to it as a range's first end ("from March to May 2019", "between January 3 and
    February 5, 2020"), takes that year, or the year before when its month comes later
    ("from November to February 2020")."""
    out = list(mentions)
    for i in range(len(out) - 1):
        a, b = out[i].symbolic, out[i + 1].symbolic
        if not _yearless_date(a) or b.month is None or b.anaphoric:
            continue
        if _RANGE_GLUE.fullmatch(text, out[i].end, out[i + 1].start) is None:
            continue
        back = 1 if a.month > b.month else 0  # type: ignore[operator]
        if b.kind is Kind.POINT and b.year is not None and b.year >= 1:
            out[i] = replace(out[i], symbolic=replace(a, year=b.year - back, direction=0, this=False))
        elif b.kind is Kind.RELATIVE and b.unit is Unit.YEAR and b.offset is not None and b.year is None:
            # "between March 3 and April 5 last year": the first end is in last year too
            out[i] = replace(out[i], symbolic=replace(a, kind=Kind.RELATIVE, unit=Unit.YEAR,
                                                      offset=b.offset - back, direction=0, this=False))
    return out


def _yearless_date(sym: Symbolic) -> bool:
    """A month or a day of a month without its year, weekday or clock ("March 3", "May")."""
    return (sym.kind is Kind.POINT and sym.month is not None and sym.year is None and sym.weekday is None
            and sym.hour is None and not sym.anaphoric and sym.holiday is None)


def order_range_ends(doc: Document, mentions: Sequence[Mention], tenses: Sequence[Tense],
                     timexes: list[Timex]) -> list[Timex]:
    """The two ends of a range of dates without their years ("from July 1 to May 1", "between
    December 1 and August 3") come in order, less than a year apart: when each end, resolved
    alone, falls before the other, a future report moves the second end a year on (an exhibit
    that "will run from December 1 to August 3" ends the August after), any other the first
    end a year back (a strike that "lasted from July 1 to May 1" began the July before)."""
    out = list(timexes)
    told = {(m.start, m.end): (m.symbolic, t) for m, t in zip(mentions, tenses)}
    clocks = {(m.start, m.end): m for m in mentions if _clock_only(m) or _names_day(m)}
    for i in range(len(out) - 1):
        ta, tb = out[i], out[i + 1]
        ma, mb = clocks.get((ta.start, ta.end)), clocks.get((tb.start, tb.end))
        if ma is not None and mb is not None and _clock_only(ma) and not _clock_only(mb) \
                and _range_joined(doc.text, ta.start, ta.end, tb.start):
            out[i] = _on_day_of(ta, tb)  # "from 0800 to 1800 on Monday": both clocks Monday's
            continue
        a, b = told.get((ta.start, ta.end)), told.get((tb.start, tb.end))
        if a is None or b is None or not (_yearless_date(a[0]) and _yearless_date(b[0])):
            continue
        if ta.interval is None or tb.interval is None or ta.interval.start is None or tb.interval.start is None \
                or ta.interval.start < tb.interval.start or (a[0].month, a[0].day) == (b[0].month, b[0].day):
            continue
        if not _range_joined(doc.text, ta.start, ta.end, tb.start):
            continue
        back = 1 if a[0].month > b[0].month else 0  # type: ignore[operator]
        if b[1] is Tense.FUTURE:
            out[i + 1] = _with_year(tb, b[0], b[1], ta.interval.start.year + back, ta.id)
        else:
            out[i] = _with_year(ta, a[0], a[1], tb.interval.start.year - back, tb.id)
    return out


def _on_day_of(ta: Timex, tb: Timex) -> Timex:
    """A bare clock that opens a range on the day the range's other clock names: that day, or
    the day before when it is no earlier there ("from 2200 to 0600 on Sunday": Saturday 22:00)."""
    a, b = ta.interval, tb.interval
    if a is None or b is None or a.start is None or b.start is None or a.start.date() == b.start.date() \
            and a.start < b.start:
        return ta
    day = datetime.combine(b.start.date(), a.start.time())
    if day >= b.start:
        day -= timedelta(days=1)
    d = day - a.start

    def by(iv: Interval | None) -> Interval | None:
        return None if iv is None else Interval(None if iv.start is None else iv.start + d,
                                                None if iv.end is None else iv.end + d)

    value = (a.start + d).strftime("%Y-%m-%d") + ta.value[10:] if ta.value[:4].isdigit() and len(ta.value) > 10 else ta.value
    return replace(ta, value=value, interval=by(a), envelope=by(ta.envelope), anchor=f"timex:{tb.id}")


def _range_joined(text: str, start: int, end: int, next_start: int) -> bool:
    """Are two times the ends of one range: "from July 1 to May 1", "March 3-5", "between
    March 3 and April 5" ("and" only after "between": "on July 3 and May 2" are two days)?"""
    glue = _RANGE_GLUE.fullmatch(text, end, next_start)
    if glue is None:
        return False
    word = glue.group().split()[0].lower() if glue.group().split() else ""
    return word not in ("and", "or") or (word == "and" and text[:start].rstrip().lower().endswith("between"))


def share_range_tense(text: str, mentions: Sequence[Mention], tenses: Sequence[Tense]) -> list[Tense]:
    """The second end of a range whose verb the tense finder did not reach takes the first
    end's tense: a strike that "ran from July 1 to May 1" ended on a past May 1."""
    out = list(tenses)
    for i in range(len(mentions) - 1):
        if out[i + 1] is Tense.UNKNOWN and out[i] is not Tense.UNKNOWN \
                and _range_joined(text, mentions[i].start, mentions[i].end, mentions[i + 1].start):
            out[i + 1] = out[i]
    return out


def _with_year(t: Timex, sym: Symbolic, tense: Tense, year: int, other: str) -> Timex:
    res = resolve(replace(sym, year=year, direction=0, this=False), None, tense, t.type)
    if res is None:
        return t
    return replace(t, value=res.value, grain=res.grain, interval=res.interval, envelope=res.envelope,
                   anchor=f"timex:{other}", alternative=None)


_ENDED = re.compile(r"\s+(?:ended|ending|that\s+ended|which\s+ended|to)\s+", re.IGNORECASE)


def quarters_ended(text: str, mentions: Sequence[Mention], tenses: Sequence[Tense],
                   dct: Anchor | None) -> list[Mention]:
    """ "the quarter ended July 31", "the quarter to March": the three months that end on that
    day (or with that month), named by the calendar quarter that holds most of them (May-July:
    the second), not the last quarter completed before the publication date; "the week ended
    Feb. 8" (weekly figures) likewise the ISO week holding most of its seven days; the date is
    resolved as it would be alone (two expressions, as TimeBank writes "the six months ended")."""
    out = list(mentions)
    for i in range(len(out) - 1):
        q, d = out[i].symbolic, out[i + 1].symbolic
        week = q.kind is Kind.RELATIVE and q.unit is Unit.WEEK and q.offset == 0 and d.day is not None
        if not (week or (q.kind is Kind.RELATIVE and q.unit is Unit.QUARTER and q.offset == 0 and q.completed)) \
                or d.month is None or not _ENDED.fullmatch(text, out[i].end, out[i + 1].start):
            continue
        res = resolve(d, dct, tenses[i + 1])
        if res is None or res.interval is None or res.interval.start is None:
            continue
        if week:  # "the week ended Feb. 8": the seven days to that day, named by the ISO week that holds most of them
            iso = (res.interval.end - timedelta(days=4)).isocalendar()
            out[i] = replace(out[i], symbolic=Symbolic(Kind.POINT, year=iso[0], week=iso[1]))
            continue
        mid = res.interval.end - timedelta(days=46)  # the middle month of the three
        out[i] = replace(out[i], symbolic=Symbolic(Kind.POINT, year=mid.year, quarter=(mid.month - 1) // 3 + 1))
    return out


_TENSED = (Tense.PAST, Tense.FUTURE)
NAMED_DAY = "named_day."  # the rules (named_days.toml) of days news names as happenings: "9/11"


def resolve_mentions(doc: Document, mentions: Sequence[Mention], tenses: Sequence[Tense],
                     policy: Policy = Policy.NEWS, ahead: frozenset[int] = frozenset()) -> list[Timex]:
    """Anchor and normalize every mention in text order; unresolvable ones are dropped. The
    mentions numbered in `ahead` are months alone told by a future proper (analysis.analyse)."""
    dct = dct_anchor(doc)
    out: list[Timex] = []
    last: Timex | None = None  # the last mentioned time that can anchor others
    last_period: Timex | None = None  # the last mentioned quarter, half or month ("a year earlier")
    last_day: Timex | None = None  # the last mentioned day ("at 10 a.m." is on it)
    day_anchor: Anchor | None = None  # that day (of a time with its day: "Tuesday, 18:32 GMT")
    # the article's clock (zones.py): the zone of its publication time, else of its first zoned time
    clock: int | None = doc.dct_offset if dct_has_clock(doc) else None
    before_christ = False  # the last time told is before year 1 ("500 BC"), which has no interval
    moved: tuple[Timex, Anchor] | None = None  # the last bare clock moved off the publication day, and its day
    # the last quarter, half, season or span ending on a month's end ("the year to March 31")
    # told: "the following month" is the month after it, not one inside it
    stretch: Timex | None = None
    mentions = borrow_years(doc.text, mentions)
    tenses = share_range_tense(doc.text, mentions, tenses)
    mentions = quarters_ended(doc.text, mentions, tenses, dct)
    for i, (mention, tense) in enumerate(zip(mentions, tenses)):
        sym = mention.symbolic
        if _conjoined_day(mention) and (last_day is None or mention.start - last_day.end > CONJUNCT_REACH):
            continue  # "24 and 25 votes": a bare day number is a date only right after a date
        use_last = sym.anaphoric or (policy is Policy.NARRATIVE and sym.kind is not Kind.DURATION)
        if use_last and before_christ:
            continue  # "In 500 BC ... A year later": not a year after an earlier AD date, nor after the DCT
        anchor, anchor_name = dct, "dct" if dct else "none"
        within: Resolved | None = None  # "In June 2009 ... That night": some night of June 2009
        if sym.keep_grain and last_period is not None and mention.start - last_period.end < PERIOD_REACH:
            anchor, anchor_name = _as_anchor(last_period), f"timex:{last_period.id}"
        elif use_last and last is not None:
            told: Timex | None = last
            if sym.anaphoric and _finer_than(_unit_of(sym), last.grain):
                # "That year ... The same month": the month of the day last told, not January;
                # "this month ... during the night": a night of the day last told, not the
                # month's first (with no day told, the publication day's)
                told = last_day if last_day is not None or sym.unit is None else last
            if sym.anaphoric and sym.weekday is not None:
                told = last_day  # "the previous Friday": from the last day told, not a month or a night
            if sym.overnight and told is not None and dct is not None and told.interval is not None \
                    and told.interval.start is not None and told.interval.start > dct.start:
                told = None  # "The summit opens Friday. Overnight, rockets hit": last night, not Thursday's
            if told is not None and dct is not None and year_after_told(sym) \
                    and tense in (Tense.FUTURE, Tense.PRESENT) and told.interval is not None \
                    and told.interval.end is not None and told.interval.end.year < dct.start.year \
                    and not told_from_past(doc.text, told.end, mention.start):
                # "The stadium was completed in 2010. The following year it will host the final":
                # told in the future or the present, the year after is after the publication
                # year, not a year gone by (after last year's it is this year's, still to come)
                told = None
            if told is not None:
                anchor, anchor_name = _as_anchor(told), f"timex:{told.id}"
                within = _somewhere_in(told, sym)
        elif _clock_only(mention) and last_day is not None and mention.start - last_day.end < PERIOD_REACH:
            # "at 10:35 a.m." after "On Friday, ...": a time of the day the text is telling about
            anchor, anchor_name = day_anchor, f"timex:{last_day.id}"
        scheduled = tense in (Tense.PRESENT, Tense.UNKNOWN) and present_on_day(doc.text, mention.start)
        res: Resolved | None = resolve(sym, anchor, Tense.PRESENT if scheduled else tense, mention.type, event_day=scheduled or (
            tense in _TENSED and (sym.shift is not None or names_event_day(doc.text, mention.start))), ahead=i in ahead)
        if res is not None and within is not None:
            res = within
        if res is not None and stretch is not None and (last is None or last is stretch or last.end <= stretch.start):
            res = _month_beside(stretch, sym) or res
        if res is None:
            continue
        if moved is not None and anchor is dct and _clock_only(mention) and tense is moved[0].tense \
                and _later_same_day(res, moved[0], dct) and _same_sentence(doc.text, moved[0].end, mention.start):
            # "The ferry will sail at 6 a.m. and return at 5 p.m.", told at 07:45: the clocks of
            # one sentence move together (the return is tomorrow's too, after the sailing)
            anchor, anchor_name = moved[1], f"timex:{moved[0].id}"
            res = resolve(sym, anchor, tense, mention.type) or res
        if mention.rule.startswith(NAMED_DAY) and dct is not None and res.interval is not None \
                and res.interval.start is not None and res.interval.start > dct.start:
            continue  # "since Sept. 11" in 1998 is no name of the 2001 attacks: a happening is named after it
        written = res.interval  # before a zone puts it on the article's clock
        if sym.zone is not None:
            res, offset = apply_zone(res, sym.zone, clock)
            clock = offset if clock is None else clock
        if _self_contained(mention):
            anchor_name = "none"
        elif anchor is None:
            anchor_name = "publication-day" if res.relative is not None else "none"
        timex = Timex(
            id=f"t{len(out) + 1}", doc=doc.id, start=mention.start, end=mention.end,
            text=mention.text, type=res.type, value=res.value, grain=res.grain, rule=mention.rule,
            interval=res.interval, envelope=res.envelope, relative=res.relative,
            anchor=anchor_name, tense=tense, mod=res.mod, alternative=res.alternative,
        )
        out.append(timex)
        if anchor is dct and dct is not None and dct.now is not None and _clock_only(mention) \
                and written is not None and written.start is not None and written.start.date() != dct.start.date():
            moved = (timex, Anchor.day(written.start))  # a bare clock gone to another day (turns.clock_day)
        if _is_stretch(timex, sym):
            stretch = timex
        elif _is_anchorable(timex) and timex.grain not in (Grain.CENTURY, Grain.DECADE):
            stretch = None
        if timex.value.startswith("BC") and timex.interval is None:
            before_christ = True
        if _is_anchorable(timex) and timex.grain not in (Grain.CENTURY, Grain.DECADE):
            before_christ = False
            last = timex
            if timex.grain is Grain.DAY:
                last_day, day_anchor = timex, _as_anchor(timex)
            elif timex.grain in _CLOCK_GRAINS and _names_day(mention) and written is not None \
                    and written.start is not None:
                # "Added: Tuesday, 19 January, 2010, 18:32 GMT 18:32 UK": the bare clock after
                # a time with its day is on that day
                d = written.start
                day = datetime(d.year, d.month, d.day)
                last_day, day_anchor = timex, Anchor(day, day + timedelta(days=1), Grain.DAY)
            if timex.grain in (Grain.QUARTER, Grain.HALF, Grain.MONTH) and not sym.keep_grain \
                    and (dct is None or timex.interval is None or timex.interval.start is None
                         or timex.interval.start <= dct.start):
                # a period the text names, not one derived from another, and not a forecast:
                # "a year earlier" compares with results reported, not with "the third quarter
                # of 1990" an outlook spoke of
                last_period = timex
    return order_range_ends(doc, mentions, tenses, out)


_GRAINS = list(Grain)  # coarsest first


def _unit_of(sym: Symbolic) -> Unit | None:
    """The span an anaphoric time names: its unit, or a day for a part of one ("the night")."""
    if sym.unit is None and sym.part is not None and sym.day is None and sym.weekday is None:
        return Unit.DAY
    return sym.unit


def _somewhere_in(told: Timex, sym: Symbolic) -> Resolved | None:
    """ "In June 2009 he moved. That night he died", "In 2005 ... the same month": the time
    told is coarser than the unit the anaphor names and no day was told, so which night or
    month is not said: the anaphor is somewhere in the time told (its value and bounds), not
    the first night or month of it. None when the anaphor fits the time told or moves off it
    ("the next day" after a month)."""
    if not _finer_than(_unit_of(sym), told.grain):
        return None
    if sym.offset in (0, None) and sym.amount is None:
        if sym.offset is None and sym.direction:
            return None  # "Hours later" after "on Monday": from within it on (spans.unstated)
        return Resolved(told.type, told.value, told.grain, told.interval, told.envelope, None, None, None)
    if (sym.unit not in _SHIFTS and not (sym.unit is Unit.MONTH and told.grain is Grain.YEAR)) \
            or told.grain in _CLOCK_GRAINS or told.interval is None \
            or told.interval.start is None or told.interval.end is None:
        return None
    # "Two hours later" after "on Monday": two hours after some time of that Monday (Monday
    # 02:00 to Tuesday 02:00), not Monday 02:00; "24 hours later": Tuesday; "The next day" after
    # "In 2003" (no day told): a day of 2 January 2003 to 1 January 2004, not 2 January
    n = sym.offset if sym.offset is not None else (sym.amount or 0) * (sym.direction or 1)
    if sym.unit is Unit.MONTH:  # "The following month" after "In 2003": February 2003 to January 2004
        moved = Interval(_months_on(told.interval.start, n), _months_on(told.interval.end, n))
    else:
        d = _SHIFTS[sym.unit] * n
        moved = Interval(told.interval.start + d, told.interval.end + d)
    if told.grain is Grain.DAY:
        value = (told.interval.start + d).strftime("%Y-%m-%d")
    else:
        # the value is the time told, so the range stays in it: "The previous month" after "In
        # 2003" is a month of 2003 before another (January to December 2003), not December
        # 2002 to November 2003; "The next day" a day of 2003 after another
        value = told.value
        inside = Interval(max(moved.start, told.interval.start), min(moved.end, told.interval.end))
        moved = inside if inside.start < inside.end else moved
    return Resolved(told.type, value, told.grain, moved, moved, None, None, None)


_STRETCH_GRAINS = (Grain.HALF, Grain.QUARTER, Grain.SEASON)


def _is_stretch(t: Timex, sym: Symbolic) -> bool:
    """A quarter, half or season told, or a span ending where a month ends ("the year to March
    31, 2013", "the three months to June"): a stretch of whole months a month may follow."""
    iv = t.interval
    if iv is None or iv.start is None or iv.end is None:
        return False
    if t.type in (TimexType.DATE, TimexType.TIME) and t.grain in _STRETCH_GRAINS:
        return iv.start.day == 1 and iv.end.day == 1
    return sym.kind is Kind.SPAN and t.type is TimexType.DURATION and iv.end.day == 1 and iv.end.time() == time(0) \
        and sym.end_point is not None


def _month_beside(told: Timex, sym: Symbolic) -> Resolved | None:
    """ "In the first quarter of 2003 sales fell. The following month ...": April, the month
    after the quarter, not February (a month on from its first); "The previous month" after
    the fourth quarter: September; after "the year to March 31, 2013": April. None for any
    other anaphor; before a span ("the previous month" after "the year to March") None too:
    which month is not said."""
    if not (sym.kind is Kind.RELATIVE and sym.anaphoric and sym.unit is Unit.MONTH and sym.amount is None
            and sym.offset not in (0, None)):
        return None
    iv = told.interval
    assert iv is not None and iv.start is not None and iv.end is not None
    if sym.offset > 0:
        start = _months_on(iv.end, sym.offset - 1)
    elif told.type is TimexType.DURATION:
        return None
    else:
        start = _months_on(iv.start, sym.offset)
    moved = Interval(start, _months_on(start, 1))
    return Resolved(TimexType.DATE, start.strftime("%Y-%m"), Grain.MONTH, moved, moved, None, None, None)


def _months_on(t: datetime, n: int) -> datetime:
    """`t` (a month's first day) `n` months on."""
    k = t.year * 12 + t.month - 1 + n
    return t.replace(year=k // 12, month=k % 12 + 1)


_SHIFTS = {Unit.MINUTE: timedelta(minutes=1), Unit.HOUR: timedelta(hours=1), Unit.DAY: timedelta(days=1),
           Unit.WEEK: timedelta(days=7)}


def _finer_than(unit: Unit | None, grain: Grain | None) -> bool:
    """Does a unit name a span finer than the grain (a month, of a year)? Then the grain cannot say which."""
    if unit is None or grain is None or unit.name not in Grain.__members__:
        return False
    return _GRAINS.index(Grain[unit.name]) > _GRAINS.index(grain)


def _conjoined_day(mention: Mention) -> bool:
    """ "25" of "April 24 and 25": a bare day number; "the 5th" stands alone (date.ordinal_day)."""
    sym = mention.symbolic
    return (sym.kind is Kind.POINT and sym.day is not None and sym.month is None and sym.year is None
            and sym.weekday is None and not mention.text[:4].lower() == "the ")


def _same_sentence(text: str, end: int, start: int) -> bool:
    """Is nothing but one clause's words between two times ("at 6 a.m. and return at 5 p.m.";
    not "at 6 a.m. The return is at 5 p.m.": a clock's "a.m." may end its sentence; nor "work
    through 6 a.m. and the minister will speak at 5 p.m.": a clause with a future of its own)?"""
    between = text[end - 1:start]
    if start - end >= PERIOD_REACH or SENTENCE_BREAK.search(between) is not None:
        return False
    return not own_future(between, sentence_before(text, end, PERIOD_REACH))


def _later_same_day(res: Resolved, moved: Timex, dct: Anchor) -> bool:
    """Is a clock, resolved on the publication day, later in the day than a clock moved off it?"""
    a, b = res.interval, moved.interval
    if a is None or b is None or a.start is None or b.start is None:
        return False
    return a.start.date() == dct.start.date() and a.start.time() >= b.start.time()


def _clock_only(mention: Mention) -> bool:
    sym = mention.symbolic
    return (sym.kind is Kind.POINT and sym.hour is not None and sym.day is None and sym.month is None
            and sym.weekday is None and sym.year is None)


def _names_day(mention: Mention) -> bool:
    """Does a time of day name its day too ("Tuesday at 3 p.m.", "9:15 on 3/4/2019")?"""
    sym = mention.symbolic
    return (sym.day is not None or sym.weekday is not None
            or (sym.kind is Kind.RELATIVE and sym.unit is Unit.DAY and sym.offset is not None))


def _self_contained(mention: Mention) -> bool:
    """Does the expression name its own time ("February 3, 2026", "week-long")?"""
    sym = mention.symbolic
    if sym.kind in (Kind.DURATION, Kind.SET):
        return True
    if sym.keep_grain:
        return False
    return sym.kind in (Kind.POINT, Kind.RANGE) and any(
        v is not None for v in (sym.year, sym.decade, sym.century))


