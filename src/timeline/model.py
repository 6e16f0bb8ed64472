"""The data model: frozen dataclasses and enums only (no I/O, no parsing).

Every stage reads and returns these values; none is mutated once made. Times are naive ``datetime``
values in the article's own local time; every interval is half-open ``[start, end)``."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum

from .values import frozen_by_values


class TimexType(str, Enum):
    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class Grain(str, Enum):
    """The precision of a resolved time, coarsest first."""

    CENTURY = "century"
    DECADE = "decade"
    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    SEASON = "season"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"
    PART_OF_DAY = "part_of_day"
    HOUR = "hour"
    MINUTE = "minute"
    SECOND = "second"


class Unit(str, Enum):
    """Calendar units used by offsets and durations."""

    CENTURY = "century"
    DECADE = "decade"
    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    SEASON = "season"
    MONTH = "month"
    WEEK = "week"
    WEEKEND = "weekend"
    DAY = "day"
    NIGHT = "night"
    HOUR = "hour"
    MINUTE = "minute"
    SECOND = "second"


class Kind(str, Enum):
    """What a rule says an expression is, before it is anchored."""

    POINT = "point"  # a calendar point, possibly partial: "February 3", "Tuesday", "winter", "2026"
    RELATIVE = "relative"  # an offset from the anchor: "yesterday", "last week", "two days ago"
    DURATION = "duration"  # an amount of time: "week-long", "several months"
    SPAN = "span"  # a duration anchored at the anchor: "the next 48 hours", "the past two weeks"
    RANGE = "range"  # two points as one span: "February 4-5"
    REF = "ref"  # vague reference: "recent", "now", "upcoming"
    SET = "set"  # recurrence: "every Monday", "annually"


class Tense(str, Enum):
    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"
    UNKNOWN = "unknown"


class DctSource(str, Enum):
    """Where a document's creation time (publication date) came from."""

    OPTION = "option"  # --date on the command line
    METADATA = "metadata"  # sidecar, YAML front matter, TimeML CREATION_TIME
    HEADER = "header"  # a "Date:" / "Published:" header line
    DATELINE = "dateline"  # a date in the lead ("On Tuesday, February 3, 2026, ...")
    INFERRED = "inferred"  # inferred from other sources
    NONE = "none"


class Relation(str, Enum):
    """How an event hangs on its time."""

    ON = "on"
    BEFORE = "before"
    AFTER = "after"
    DURING = "during"


class AnchorKind(str, Enum):
    """How an event got its time."""

    TIMEX = "timex"  # a time expression in the same clause governs it
    REPORTED = "reported"  # reported speech: relative to the time of the reporting ("said Tuesday that ...")
    NARRATIVE = "narrative"  # the time of the last anchored event of the passage
    DCT_TENSE = "dct-tense"  # no time in reach: the publication date, by tense
    NONE = "none"  # nothing to anchor on (no time and no publication date)


@frozen_by_values  # (millions of them cross process boundaries)
class Interval:
    """A half-open interval ``[start, end)``; either bound may be open (``None``)."""

    start: datetime | None
    end: datetime | None

    def __post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(f"interval ends before it starts: {self.start} > {self.end}")


@frozen_by_values  # (millions of them cross process boundaries)
class RelInterval:
    """An interval relative to the start of the unknown publication day D of an undated
    article: "overnight" is [D-1 18:00, D 08:00)."""

    start: timedelta | None
    end: timedelta | None


@dataclass(frozen=True, slots=True)
class Symbolic:
    """A time as a rule states it, before anchoring (HeidelTime's first phase). Calendar
    fields left ``None`` are unspecified and filled by the resolver from the anchor."""

    kind: Kind
    # calendar fields (POINT); also the refinements of RELATIVE ("yesterday *morning*")
    century: int | None = None
    decade: int | None = None
    year: int | None = None
    half: int | None = None
    quarter: int | None = None
    season: str | None = None  # SP, SU, FA, WI
    month: int | None = None
    week: int | None = None
    day: int | None = None
    weekday: int | None = None  # ISO: Monday=1 .. Sunday=7
    part: str | None = None  # MO, AF, EV, NI, DT, MI (midday), overnight: NI with overnight=True
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    overnight: bool = False
    pm: bool | None = None  # clock times: True p.m., False a.m., None a 24-hour clock
    # RELATIVE / SPAN / DURATION
    unit: Unit | None = None
    offset: int | None = None  # RELATIVE: signed number of units from the anchor
    amount: float | None = None  # DURATION/SPAN: None means unspecified ("several months" -> PXM)
    direction: int = 0  # -1 past, +1 future, 0 by tense (POINT: "last Tuesday" / "next March")
    # REF
    ref: str | None = None  # PAST_REF, PRESENT_REF, FUTURE_REF
    # SET
    freq: str | None = None
    # qualifiers
    mod: str | None = None  # START, MID, END, APPROX, LESS_THAN, MORE_THAN, ...
    anaphoric: bool = False  # anchor on the last mentioned time, not the DCT ("the next day")
    this: bool = False  # "this September", "this Friday": the instance in the anchor's own year/week
    completed: bool = False  # "the quarter" in a past report: the last unit completed before the anchor
    keep_grain: bool = False  # "a year earlier" after "the third quarter": shift the last time, keep its grain
    holiday: str | None = None  # a key of holidays.toml ("thanksgiving") or of feasts.toml ("diwali")
    zone: str | None = None  # the zone a clock time is written in: a key of zones.toml ("utc") or "+05:30"
    nth: int | None = None  # the nth weekday of a month ("the second Friday of March"); -1 the last
    nth_unit: Unit | None = None  # what the nth counts when not a weekday: "the first week of January" (week), "the last weekend of June" (weekend)
    at_end: bool = False  # SPAN: the time at its far end ("in 7 days": the day a week on), not the span
    generic: bool = False  # non-specific use, left unresolved ("a day")
    end_point: Symbolic | None = None  # RANGE: the second point
    shift: int | None = None  # days from the time the other fields name: "the day after Christmas" (+1)


def bounds_of(envelope: Interval | None, relative: RelInterval | None) -> tuple[object, object] | None:
    """[start, end) of a time on the calendar, else relative to an article's publication day."""
    iv = envelope if envelope is not None else relative
    return None if iv is None else (iv.start, iv.end)


@dataclass(frozen=True, slots=True)
class Mention:
    """A time expression found in the text, still symbolic."""

    start: int
    end: int
    text: str
    rule: str
    symbolic: Symbolic
    type: TimexType | None = None  # a rule may fix the TIMEX3 type
    priority: int = 0


# Publication dates the tool accepts: room around news for "a century ago" or "the next 48 hours"
DCT_MIN, DCT_MAX = datetime(1000, 1, 1), datetime(9999, 1, 1)


class DateRangeError(ValueError):
    """A publication date outside the range the tool handles."""


def check_dct(dct: datetime | None) -> None:
    """Refuse a publication date outside DCT_MIN..DCT_MAX, or with a zone (it goes in `dct_offset`)."""
    if dct is not None and dct.tzinfo is not None:
        raise DateRangeError(f"publication date {dct.isoformat()} carries a time zone: give its local time, the zone as dct_offset")
    if dct is not None and not DCT_MIN <= dct < DCT_MAX:
        raise DateRangeError(f"publication date {dct.date().isoformat()} is outside the years {DCT_MIN.year}-{DCT_MAX.year - 1} that this tool handles")


@frozen_by_values  # (sent to a pool's workers)
class Document:
    id: str
    text: str
    path: str | None = None
    source: str | None = None  # the outlet
    title: str | None = None
    dct: datetime | None = None
    dct_grain: Grain | None = None
    dct_source: DctSource = DctSource.NONE
    dct_evidence: str | None = None  # the text or field the DCT was read from
    dct_confidence: float | None = None  # for an inferred DCT: how sure (0..1)
    # its zone, if given (minutes east of UTC; "--date ...T04:30-05:00": -300): the article's clock
    dct_offset: int | None = None
    docid: str | None = None  # the corpus's own id for it (TimeML <DOCID>), if any
    # the source's own sentence division (TimeML <s id>): (id, start, end) offsets into `text`
    sentences: tuple[tuple[str, int, int], ...] = ()
    # page furniture, sentences that recur verbatim ("Follow us on ..."): no events or times come from these spans
    furniture: tuple[tuple[int, int], ...] = ()
    duplicate_of: str | None = None  # the same text was read before as this document (counted once)

    @property
    def outlet(self) -> str:
        """What a reader calls this source: its outlet, else its title (shortened), else its id."""
        if self.source:
            return self.source
        if self.title:
            return short_title(self.title)
        return self.id


def fmt_dct(doc: Document) -> str | None:
    """The publication date as ISO 8601: a day, or a minute when the time of day is known
    (with its zone when one was given: "2013-02-12T04:30-05:00")."""
    if doc.dct is None:
        return None
    if doc.dct_grain in (Grain.MINUTE, Grain.HOUR, Grain.SECOND):
        zone = "" if doc.dct_offset is None else format_offset(doc.dct_offset)
        return doc.dct.isoformat(timespec="minutes") + zone
    return doc.dct.date().isoformat()


def format_offset(minutes: int) -> str:
    """The ISO 8601 zone designator: "Z" for UTC, else "+05:30" / "-04:00"."""
    h, m = divmod(abs(minutes), 60)
    return "Z" if minutes == 0 else f"{'-' if minutes < 0 else '+'}{h:02d}:{m:02d}"


def split_offset(dt: datetime) -> tuple[datetime, int | None]:
    """A datetime as wall time and zone offset in minutes (None for a naive one)."""
    off = dt.utcoffset()
    return (dt, None) if off is None else (dt.replace(tzinfo=None), int(off.total_seconds() // 60))


def short_title(title: str, limit: int = 48) -> str:
    """A title cut at a word boundary to at most `limit` characters ("NATO Chief Questions…")."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    cut = title[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:-–—")
    return (cut or title[: limit - 1]) + "…"


@frozen_by_values  # (millions of them cross process boundaries)
class Timex:
    id: str
    doc: str
    start: int
    end: int
    text: str
    type: TimexType
    value: str
    grain: Grain | None
    rule: str
    interval: Interval | None = None  # what the value denotes, at its grain
    envelope: Interval | None = None  # earliest/latest: wider than `interval` for vague ones
    relative: RelInterval | None = None  # for undated documents: relative to the publication day
    anchor: str = "none"  # "dct", "timex:<id>", "none"
    tense: Tense = Tense.UNKNOWN
    mod: str | None = None
    alternative: str | None = None  # the other reading when the tense was unclear


@frozen_by_values  # (millions of them cross process boundaries)
class Event:
    id: str
    doc: str
    start: int
    end: int
    text: str  # the trigger word(s)
    sentence: str
    label: str
    relation: Relation
    anchor: AnchorKind
    timex: str | None = None  # the Timex id it hangs on
    envelope: Interval | None = None
    relative: RelInterval | None = None
    tense: Tense = Tense.UNKNOWN
    salient: bool = True
    rank: int = 0
    cls: str = "OCCURRENCE"  # TimeML event class: OCCURRENCE, REPORTING, STATE, I_ACTION, ...
    aspect: str = "NONE"  # TimeML aspect: PERFECTIVE ("had agreed"), PROGRESSIVE, NONE
    modality: str = ""  # the auxiliary that qualifies it ("will", "would", "may", "to"), if any
    same_as: str | None = None  # the entry this mention was merged into (the same happening)
    participants: tuple[str, ...] = ()  # who or what takes part (its subject, object, names in its arguments)

    @property
    def bounds(self) -> tuple[object, object] | None:
        """[start, end) of its envelope on the calendar, else on its article's relative days."""
        return bounds_of(self.envelope, self.relative)


@dataclass(frozen=True, slots=True)
class Match:
    """Two event entries of different articles that report the same happening."""

    a_doc: str
    a: str  # event id in a_doc
    b_doc: str
    b: str
    score: float  # 0..1
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EventRef:
    """An event mention of one article (event ids are unique within their article only)."""

    doc: str
    event: str


class Precision(str, Enum):
    """How precisely a happening is dated (its consensus interval)."""

    TIME = "time"  # within a day: a clock time, a part of the day, overnight
    DAY = "day"
    DAYS = "days"  # up to a week
    MONTH = "month"  # up to a month
    YEAR = "year"  # up to a year
    VAGUE = "vague"  # longer
    OPEN = "open"  # one end only: "on or before Tue 3 Feb"
    RELATIVE = "relative"  # days relative to an undated article's publication day
    UNDATED = "undated"


@dataclass(frozen=True, slots=True)
class Happening:
    """What one or several articles report: the mentions of one happening merged, dated by
    the consensus of the mentions that agree, ranked in the story (1 = most important)."""

    id: str
    label: str
    mentions: tuple[EventRef, ...]  # every mention, the one whose label is used first
    articles: int  # distinct articles that report it
    outlets: tuple[str, ...]  # the outlets that report it, most mentions first
    first_report: EventRef  # the mention of the earliest published article
    envelope: Interval | None = None  # the consensus: what the agreeing mentions all allow
    relative: RelInterval | None = None  # for an undated article: relative to its publication day
    precision: Precision = Precision.UNDATED
    disagreements: tuple[EventRef, ...] = ()  # mentions of it whose time contradicts the consensus
    rank: int = 0
    score: float = 0.0
    signals: tuple[tuple[str, float], ...] = ()  # what the rank rests on (articles, outlets, lead, ...)

    @property
    def bounds(self) -> tuple[object, object] | None:
        return bounds_of(self.envelope, self.relative)


@dataclass(frozen=True, slots=True)
class Timeline:
    documents: tuple[Document, ...]
    timexes: tuple[Timex, ...] = ()
    events: tuple[Event, ...] = ()
    matches: tuple[Match, ...] = ()  # the same happening told by several articles
    warnings: tuple[str, ...] = field(default=())
    happenings: tuple[Happening, ...] = ()  # the story: mentions merged across articles, by rank

    def document(self, doc_id: str) -> Document:
        for doc in (d for d in self.documents if d.id == doc_id):
            return doc
        raise KeyError(doc_id)


class DiffStatus(str, Enum):
    """How two accounts of a story tell one of its happenings."""

    AGREE = "agree"  # both report it, at times that meet (at the grain of days)
    MOVED = "moved"  # both report it, at times apart: `gap` is B's time minus A's
    CONFLICT = "conflict"  # both report it, at times apart that cannot be measured (open the other way)
    ONLY_A = "only_a"  # only side A reports it
    ONLY_B = "only_b"  # only side B reports it

    @property
    def both(self) -> bool:
        return self in (DiffStatus.AGREE, DiffStatus.MOVED, DiffStatus.CONFLICT)

    @property
    def dated_differently(self) -> bool:
        return self in (DiffStatus.MOVED, DiffStatus.CONFLICT)


@dataclass(frozen=True, slots=True)
class SideAccount:
    """One side's account of a happening: its mentions (the one whose label it wears first)
    and the time they support (the consensus of that side's mentions alone)."""

    mentions: tuple[Event, ...]
    articles: int
    outlets: tuple[str, ...]  # most mentions first
    envelope: Interval | None
    relative: RelInterval | None
    precision: Precision
    timex: Timex | None = None  # the first mention's time expression, when it states the side's time

    @property
    def label(self) -> str:
        return self.mentions[0].label

    @property
    def bounds(self) -> tuple[object, object] | None:
        return bounds_of(self.envelope, self.relative)


@dataclass(frozen=True, slots=True)
class DiffEntry:
    """A happening of the story both sides tell together, as each side reports it."""

    happening: Happening  # in the story of both sides (its rank orders the diff)
    status: DiffStatus
    a: SideAccount | None
    b: SideAccount | None
    gap: timedelta | None = None  # MOVED: B's time minus A's
    # two happenings of the story, one told only by A and one only by B, worded alike but
    # dated apart, are one happening dated differently: `happening` is the better ranked,
    # `joined` the other, `similarity` the cosine of their wording
    joined: Happening | None = None
    similarity: float | None = None
    shared: tuple[str, ...] = ()  # the words and names both sides use for it, rarest first (up to 5)

    @property
    def rank(self) -> int:
        return self.happening.rank

    @property
    def label(self) -> str:
        return self.happening.label


@dataclass(frozen=True, slots=True)
class DiffSide:
    """One side of a diff: what it is called (its outlets) and its articles."""

    name: str
    documents: tuple[Document, ...]


@dataclass(frozen=True, slots=True)
class TimelineDiff:
    """How side B's account of a story differs from side A's: every happening of the story
    both tell together, most important first."""

    a: DiffSide
    b: DiffSide
    entries: tuple[DiffEntry, ...]  # by rank in the story of both sides

    @property
    def matched(self) -> tuple[DiffEntry, ...]:
        """The happenings both report."""
        return tuple(x for x in self.entries if x.status.both)

    @property
    def only_a(self) -> tuple[DiffEntry, ...]:
        return tuple(x for x in self.entries if x.status is DiffStatus.ONLY_A)

    @property
    def only_b(self) -> tuple[DiffEntry, ...]:
        return tuple(x for x in self.entries if x.status is DiffStatus.ONLY_B)

    @property
    def dated_differently(self) -> tuple[DiffEntry, ...]:
        return tuple(x for x in self.entries if x.status.dated_differently)

    def count(self, status: DiffStatus) -> int:
        return sum(1 for x in self.entries if x.status is status)

    @property
    def same(self) -> bool:
        return all(x.status is DiffStatus.AGREE for x in self.entries)
