"""The year a retrospective account is told in (pure): "... until the war began in March 2003.
... On March 7, Mr Blix gave his final report": a bare calendar name in a past-tense account
takes the year the account last set, and a time counted from a date it moved ("The next day")
moves with it. Read by `anchoring.best_timex` for the time it chose; `retold` gives the times
moved, by id, for the article's timeline."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from functools import lru_cache

from ..model import Grain, Interval, Tense, Timex
from ..time.tense import VerbGroup


# (an aside's year alone, "which collapsed in 2008", tells what the subject is; with a month no
# later than the date's, "who left Iraq in March 2003, said on March 7", "who fled Baghdad in April
# 2003, was captured on December 13", it is the account, unless it says what the subject is:
# events.toml year_aside, year_aside_always)
_YEAR_ALONE = re.compile(r"(?i)(?!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)")  # (no month: a year, a season)


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _month(setting: str) -> int:
    """The month (1-12) a year's setting names ("March 2003", "in 2003": 0)."""
    word = setting.split()[0].lower()[:3] if setting.split() else ""
    return _MONTHS.index(word) + 1 if word in _MONTHS else 0


@lru_cache(maxsize=1)
def _narrative_rules() -> tuple[frozenset[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], int,
                                re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """events.toml [narrative_year]: the rules of bare calendar names, what sets a year, what
    unsets it ("since"), the words of the publication's own time, the reach in sentences, what
    unsets it for a date of its own sentence (an aside: "BP, which set up a fund in 2010, ...")."""
    from ..rules import load_toml

    data = load_toml("events.toml").get("narrative_year", {})
    return (frozenset(data.get("rules", ())), re.compile(data.get("year", "(?!)")),
            re.compile(data.get("year_since", "(?!)")), re.compile(data.get("present", "(?!)")),
            int(data.get("reach", 0)), re.compile(data.get("year_aside", "(?!)")),
            re.compile(data.get("year_aside_always", "(?!)")), re.compile(data.get("year_aside_career", "(?!)")))


_SENTENCE_END_RE = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“‘'(]?[A-Z0-9])")
_NARRATIVE = "narrative year"  # (memo key: the year the article's narrative last set, and where)
_MOVED = "narrative shift"  # (memo key with a time's id: how far the account moved it, a timedelta)
_NARRATIVE_WINDOW = 2000  # characters before a sentence searched for the year it is told in
_PRESENT_PERFECT = frozenset({"has", "have", "'s", "’s", "'ve", "’ve", "hasn't", "haven't"})
_PAST_FUTURE = frozenset({"to", "would", "wouldn't"})  # (groups a past account may hold: infinitives, its future)


def narrative_year(text: str, sent: tuple[int, int], t: Timex, groups: tuple[VerbGroup, ...],
                   memo: dict) -> Timex:  # type: ignore[type-arg]
    """`t` in the year of the account it is told in (`in_account`), or moved as the date it is
    counted from was (`counted`), or as it is."""
    if t.rule in _narrative_rules()[0]:
        return in_account(text, sent, t, groups, memo)
    if any(g.tense in (Tense.PRESENT, Tense.FUTURE) and not _past_future(text, g) for g in groups):
        return t  # "The following year it will open 50 stores": counted from the publication's time
    return counted(sent, t, memo)


def counted(sent: tuple[int, int], t: Timex, memo: dict) -> Timex:  # type: ignore[type-arg]
    """A time counted from a date the account moved, moved with it ("On March 12 [2003], Boyce
    asked ... The next day, Goldsmith saw ...": 13 March 2003), by the days the date moved (the
    next day after a 28 February moved into a leap year is the 29th); else `t`."""
    if not t.anchor.startswith("timex:") or t.envelope is None or t.envelope.start is None:
        return t
    delta = memo.get((_MOVED, t.anchor[6:]))
    if not delta:
        return t
    key = (_NARRATIVE, sent[0], t.start)
    if key not in memo:
        moved = _shifted(t, delta)
        memo[key] = moved
        memo[(_MOVED, t.id)] = delta
    return memo[key]  # type: ignore[no-any-return]


_DAY_OR_FINER = frozenset({Grain.DAY, Grain.PART_OF_DAY, Grain.HOUR, Grain.MINUTE, Grain.SECOND})


def _shifted(t: Timex, delta: timedelta) -> Timex:
    """`t` moved by `delta` (its envelope, interval and, for a day, its value); a month or a
    year by the years `delta` comes to ("The following year": a calendar year still)."""
    if t.grain not in _DAY_OR_FINER:
        years = round(delta.days / 365.25)
        return (_in_year(t, t.envelope.start.year + years) or t) if years and t.envelope and t.envelope.start else t

    def by(iv: Interval | None) -> Interval | None:
        return None if iv is None else Interval(None if iv.start is None else iv.start + delta,
                                                None if iv.end is None else iv.end + delta)

    envelope = by(t.envelope)
    value = envelope.start.strftime("%Y-%m-%d") if t.grain is Grain.DAY and envelope and envelope.start else \
        f"{envelope.start.year:04d}{t.value[4:]}" if envelope and envelope.start and t.value[:4].isdigit() else t.value
    return replace(t, envelope=envelope, interval=by(t.interval), value=value, anchor="narrative-year")


def in_account(text: str, sent: tuple[int, int], t: Timex, groups: tuple[VerbGroup, ...],
               memo: dict) -> Timex:  # type: ignore[type-arg]
    """A bare calendar name ("On March 7", "In March": events.toml [narrative_year] rules) in a
    past-tense sentence of a retrospective account, in the year the account last set ("...
    until the war began in March 2003. ... On March 7, Mr Blix gave his final report": 2003,
    not the publication year): when that year was set (named, or taken by such a date) within
    `reach` sentences before, in a sentence told in the past, and is earlier than the year the
    publication day gave the time expression. Else `t` as it is. `memo` keeps the account's year from sentence to sentence
    (one dict per article, in text order)."""
    key = (_NARRATIVE, sent[0], t.start)
    if key in memo:
        return memo[key]  # type: ignore[no-any-return]
    memo[key] = t
    _, pattern, since, present, reach, aside, always, career = _narrative_rules()
    quoted = _quoted(text, sent[0], sent[1])
    # (infinitives and quoted speech aside: "pleaded for time to complete", "stressed: 'We are ...'")
    # (and a "would" of the future in the past: "France made it clear it would veto ...")
    finite = [g for g in groups if not _past_future(text, g) and not any(a <= g.start < b for a, b in quoted)]
    if t.anchor != "dct" or t.envelope is None or t.envelope.start is None \
            or {g.tense for g in finite} - {Tense.UNKNOWN} != {Tense.PAST} and (finite or not any(
                g.aux not in {"to", ""} for g in groups)) \
            or any(g.aux in _PRESENT_PERFECT for g in finite):  # (only "would", "was to": the account's future)
        return t  # (a present, future or present perfect sentence tells of the publication's own time)
    if not finite and _NARRATIVE not in memo:
        return t  # (its future alone continues an account a dated sentence began, starts none:
        # "The treaty was signed in 2003. On May 20 the minister would fly to Paris if ...")
    lo = max(0, sent[0] - _NARRATIVE_WINDOW)
    settings = [(m.end(), int(m.group(1))) for m in pattern.finditer(text, lo, t.start)
                if not since.search(text, max(lo, m.start() - 80), m.start())
                and not (m.start() >= sent[0] and aside.search(text, max(sent[0], m.start() - 80), m.start())
                         and (_YEAR_ALONE.match(m.group(0)) or _month(m.group(0)) > t.envelope.start.month
                              or always.search(text, max(sent[0], m.start() - 80), m.start())
                              or _month(m.group(0)) != t.envelope.start.month
                              and career.search(text, max(sent[0], m.start() - 80), m.start())))]
    if _NARRATIVE in memo and memo[_NARRATIVE][0] < t.start:
        settings.append(memo[_NARRATIVE])
    if not settings:
        return t
    at, year = max(settings)  # (the one set last)
    if year >= t.envelope.start.year or _sentences(text, at, sent[0]) > reach \
            or present.search(text, at, t.start) or _told_in_present(text, at, sent[0]):
        return t
    if memo.get(_NARRATIVE) != (at, year) and _set_in_present(text, at, *_sentence_of(text, at, lo, sent[0])):
        return t  # "Asia is reacting ..., following the outbreak of SARS in 2003": a reference, no account
    moved = _in_year(t, year)
    if moved is not None:
        memo[_NARRATIVE] = (sent[0], year)
        memo[key] = moved
        memo[(_MOVED, t.id)] = moved.envelope.start - t.envelope.start  # (for the times counted from it)
    return memo[key]  # type: ignore[no-any-return]


def retold(memo: dict) -> dict[str, Timex]:  # type: ignore[type-arg]
    """The time expressions `narrative_year` moved into their account's year, by id, from the
    `memo` of one article's events: what the article's timeline shows them as ("On March 7" of
    an account of 2003 is 7 March 2003 in the timexes too, and in the dates the story counts)."""
    return {v.id: v for k, v in memo.items()
            if isinstance(k, tuple) and k and k[0] == _NARRATIVE and isinstance(v, Timex)}


def _told_in_present(text: str, start: int, end: int) -> bool:
    """Does a verb between the year and the sentence tell of the present or the future ("Soldiers
    who are set down in a country ... become fearful"), outside quoted speech: the account was left?"""
    from ..time.tense import verb_groups

    if start >= end:
        return False
    quoted = _quoted(text, start, end)
    return any(not _past_future(text, g) and (g.tense in (Tense.PRESENT, Tense.FUTURE) or g.aux in _PRESENT_PERFECT)
               and not any(a <= g.start < b for a, b in quoted) for g in verb_groups(text, start, end))


def _past_future(text: str, g: VerbGroup) -> bool:
    """A verb group a past account may hold: an infinitive ("enough to suggest"), its future
    ("it would veto", "if it was to avoid war")."""
    return g.aux in _PAST_FUTURE or (g.aux in {"was", "were"} and g.tense is Tense.FUTURE) \
        or text[max(0, g.start - 3):g.start].lower() == "to "


def _set_in_present(text: str, at: int, start: int, end: int) -> bool:
    """Is the sentence [start, end) that names a year (ending at `at`) told in the present: a
    verb with a present or future auxiliary, or a present perfect, outside quoted speech ("Asia
    is reacting ..., following the outbreak of SARS in 2003")? A year inside a quotation is the
    quoted account's ("'At 10.30 pm on August 4 1914,' Taylor continues"), and a bare present
    (a writer's "continues", "writes") tells who says it, not when."""
    from ..time.tense import verb_groups

    quoted = _quoted(text, start, end)
    if any(a <= at <= b for a, b in quoted):
        return False
    return any(g.aux and g.aux != "to" and (g.tense in (Tense.PRESENT, Tense.FUTURE) or g.aux in _PRESENT_PERFECT)
               and not any(a <= g.start < b for a, b in quoted) for g in verb_groups(text, start, end))


def _sentence_of(text: str, at: int, lo: int, hi: int) -> tuple[int, int]:
    """The bounds of the sentence around `at`, searched within [lo, hi) (hi: the sentence after)."""
    start = lo
    for m in _SENTENCE_END_RE.finditer(text, lo, at):
        start = m.end()
    m = _SENTENCE_END_RE.search(text, at, hi)
    return start, m.end() if m else hi


def _sentences(text: str, start: int, end: int) -> int:
    """The sentence ends between start and end, a quoted passage counting as one sentence."""
    quoted = _quoted(text, start, end)
    return sum(not any(a <= m.start() < b - 1 for a, b in quoted) for m in _SENTENCE_END_RE.finditer(text, start, end))


_QUOTE_RE = re.compile(r"[\"“][^\"“”]*[\"”]")


def _quoted(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of quoted speech between start and end (a speaker's time is not the account's)."""
    return [m.span() for m in _QUOTE_RE.finditer(text, start, end)]


def _in_year(t: Timex, year: int) -> Timex | None:
    """`t` moved back to `year` (its envelope, interval and value); None where that year has no
    such day (29 February)."""
    shift = t.envelope.start.year - year  # type: ignore[union-attr]

    def back(iv: Interval | None) -> Interval | None:
        if iv is None:
            return None
        return Interval(None if iv.start is None else iv.start.replace(year=iv.start.year - shift),
                        None if iv.end is None else iv.end.replace(year=iv.end.year - shift))

    try:
        envelope, interval = back(t.envelope), back(t.interval)
    except ValueError:
        return None
    value = f"{int(t.value[:4]) - shift:04d}{t.value[4:]}" if t.value[:4].isdigit() else t.value
    return replace(t, envelope=envelope, interval=interval, value=value, anchor="narrative-year")
