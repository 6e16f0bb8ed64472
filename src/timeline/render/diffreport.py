"""TimelineDiff -> a report a person reads: text or Markdown.

It leads with what matters: who the two sides are, one line of counts, then the top
happenings only one side reports, the top happenings they date differently (both dates and
the gap), and the top happenings they agree on, each by rank in the story of both sides. A
diff of more than SHORT happenings lists the first `top` of each section and says how many
there are; `top=None` (`--all`) lists them all; a short diff (two articles) is listed whole.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Sequence

from ..model import DiffEntry, DiffSide, DiffStatus, Document, SideAccount, TimelineDiff
from .dates import day, human_interval, human_relative

TOP = 10  # happenings per section by default
SHORT = 40  # a diff of at most this many happenings is listed whole


def gap_words(gap: timedelta) -> str:
    """ "6 hours later", "1 day earlier" (pendulum's words, in English)."""
    import pendulum

    words = pendulum.duration(seconds=abs(int(gap.total_seconds()))).in_words(locale="en")
    return f"{words} {'later' if gap > timedelta(0) else 'earlier'}"


def when(acc: SideAccount) -> str:
    """A side's time of a happening in words."""
    if acc.envelope is not None:
        return human_interval(acc.envelope, acc.timex)
    if acc.relative is not None:
        return human_relative(acc.relative, acc.timex)
    return "undated"


def _n(x: int) -> str:
    return f"{x:,}"


def _articles(n: int) -> str:
    return f"{_n(n)} article{'s' * (n != 1)}"


def _dated(d: Document) -> str:
    if d.dct is None:
        return "undated"
    how = {"inferred": f"inferred, confidence {d.dct_confidence:.2f}" if d.dct_confidence is not None
           else "inferred", "none": ""}.get(d.dct_source.value, d.dct_source.value)
    return f"{day(d.dct)}" + (f" ({how})" if how else "")


def who(side: DiffSide) -> str:
    """A side in one line: one article by its outlet (or title), date and id; many by their
    outlets, how many articles and the span of their publication dates."""
    docs = side.documents
    if len(docs) == 1:
        d = docs[0]
        if d.source:
            named = f"{side.name}" + (f", “{d.title}”" if d.title else "")
        else:
            named = (f"“{d.title}”" if d.title else side.name) + " (outlet unknown)"
        return f"{named}, {_dated(d)}, {d.id}"
    dates: list[datetime] = sorted(d.dct for d in docs if d.dct is not None)
    span = ""
    if dates:
        first, last = dates[0], dates[-1]
        span = f", published {day(first)}" if first.date() == last.date() else \
            f", published {day(first)} – {day(last)}"
    undated = sum(1 for d in docs if d.dct is None)
    return f"{side.name}: {_articles(len(docs))}{span}" + (f" ({undated} undated)" if undated else "")


def counts(d: TimelineDiff) -> str:
    """The line of counts: each side's own, what both report and how, what only one does."""
    n = {s: d.count(s) for s in DiffStatus}
    both = n[DiffStatus.AGREE] + n[DiffStatus.MOVED] + n[DiffStatus.CONFLICT]
    told_a = both + n[DiffStatus.ONLY_A]
    told_b = both + n[DiffStatus.ONLY_B]
    return (f"{d.a.name} tells {_n(told_a)} happening{'s' * (told_a != 1)}, {d.b.name} {_n(told_b)}. "
            f"Both report {_n(both)} ({_n(n[DiffStatus.AGREE])} agree on the date, {_n(n[DiffStatus.MOVED])} moved, "
            f"{_n(n[DiffStatus.CONFLICT])} in conflict); only {d.a.name} {_n(n[DiffStatus.ONLY_A])}; "
            f"only {d.b.name} {_n(n[DiffStatus.ONLY_B])}.")


def _whole_days_apart(x: DiffEntry) -> int | None:
    """How many whole days lie between the two sides' times of a happening (None: they are not
    both on the calendar; 0: they touch or meet)."""
    assert x.a is not None and x.b is not None
    ba, bb = x.a.envelope, x.b.envelope
    if ba is None or bb is None:
        return None

    def days(lo: datetime | None, hi: datetime | None) -> int | None:  # whole days from hi on to lo
        if lo is None or hi is None:
            return None
        first = datetime(lo.year, lo.month, lo.day)
        last = datetime(hi.year, hi.month, hi.day) + (timedelta(days=1) if hi.time() != datetime.min.time() else
                                                      timedelta(0))
        return (first - last).days

    gaps = [g for g in (days(bb.start, ba.end), days(ba.start, bb.end)) if g is not None and g >= 0]
    return gaps[0] if gaps else 0


def _short(acc: SideAccount) -> bool:
    env = acc.envelope
    return (env is not None and env.start is not None and env.end is not None
            and env.end - env.start <= timedelta(days=1))


def difference(x: DiffEntry, b_name: str) -> str:
    """What the dates of a happening both report say about each other: the gap when both are
    a day or less ("1 day earlier in Reuters"), else how many whole days apart they are at the
    least."""
    if not x.status.dated_differently:
        return "dates that agree"
    apart = _whole_days_apart(x)
    if apart is None:
        return "times on different frames: cannot be compared"
    if x.status is DiffStatus.MOVED and x.gap is not None:
        assert x.a is not None and x.b is not None
        if (_short(x.a) and _short(x.b)) or not apart:
            return f"{gap_words(x.gap)} in {b_name}"
        return f"at least {apart} day{'s' * (apart != 1)} {'later' if x.gap > timedelta(0) else 'earlier'} in {b_name}"
    if apart:
        return f"at least {apart} day{'s' * (apart != 1)} apart"
    return "times that do not meet"


def _where(acc: SideAccount) -> str:
    if acc.articles == 1:
        e = acc.mentions[0]
        return f"[{e.doc} @{e.start}-{e.end}]"
    return f"({_articles(acc.articles)})"


def _limit(items: Sequence[DiffEntry], top: int | None) -> tuple[Sequence[DiffEntry], str]:
    if top is None or len(items) <= top:
        return items, f"{_n(len(items))}"
    return items[:top], f"top {top} of {_n(len(items))}"


def _rank(x: DiffEntry) -> str:
    return f"#{x.rank}"


def _sections(d: TimelineDiff) -> list[tuple[str, Sequence[DiffEntry]]]:
    return [
        (f"What only {d.a.name} reports", d.only_a),
        (f"What only {d.b.name} reports", d.only_b),
        ("Dated differently", d.dated_differently),
        ("Both report, agreeing on the date", [x for x in d.entries if x.status is DiffStatus.AGREE]),
    ]


def _top(d: TimelineDiff, top: int | None) -> int | None:
    return None if top is None or len(d.entries) <= SHORT else top


def render_text(d: TimelineDiff, top: int | None = TOP) -> str:
    """The report (see the module docstring)."""
    top = _top(d, top)
    width = max(len(d.a.name), len(d.b.name)) + 1
    lines = [f"A: {who(d.a)}", f"B: {who(d.b)}", counts(d)]
    if d.same:
        lines.append("No differences: every happening either side reports, the other reports too, "
                     "at a date that agrees.")
    cut = False
    for title, items in _sections(d):
        if not items:
            if title == "Dated differently" and d.matched:
                lines += ["", f"== Dated differently: none (the {_n(len(d.matched))} happenings both report "
                              f"agree on the date)"]
            continue
        shown, how_many = _limit(items, top)
        cut = cut or len(shown) < len(items)
        rank_w = max(len(_rank(x)) for x in shown)
        lines += ["", f"== {title} ({how_many}, by rank in the story)"]
        for x in shown:
            if not x.status.both:
                acc = x.a if x.a is not None else x.b
                assert acc is not None
                told = when(acc)
                if len(told) > 30:  # a long span on its own line, the label under the others
                    lines += [f"{_rank(x):>{rank_w}}  {told}", f"{'':>{rank_w}}  {'':<30} {acc.label}  {_where(acc)}"]
                else:
                    lines.append(f"{_rank(x):>{rank_w}}  {told:<30} {acc.label}  {_where(acc)}")
                continue
            assert x.a is not None and x.b is not None
            pad = " " * (rank_w + 2)
            lines.append(f"{_rank(x):>{rank_w}}  {x.label}")
            for name, acc in ((d.a.name, x.a), (d.b.name, x.b)):
                told = f": {acc.label}" if acc.label != x.label else ""
                lines.append(f"{pad}{name + ':':<{width}} {when(acc)}{told}  {_where(acc)}")
            detail = [difference(x, d.b.name)] if x.status.dated_differently else []
            if x.shared:
                detail.append(f"both say: {', '.join(x.shared)}")
            if detail:
                lines.append(f"{pad}{' · '.join(detail)}")
    if cut:
        lines += ["", f"(Each section lists its top {top} by rank in the story of both sides; "
                      f"--top N lists N, --all every happening.)"]
    return "\n".join(lines) + "\n"


def _cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def render_markdown(d: TimelineDiff, top: int | None = TOP) -> str:
    """The report as Markdown: the same sections, each a table."""
    top = _top(d, top)
    lines = ["# Timeline diff", "", f"- **A**: {_cell(who(d.a))}", f"- **B**: {_cell(who(d.b))}",
             f"- {_cell(counts(d))}"]
    cut = False
    for title, items in _sections(d):
        if not items:
            if title == "Dated differently" and d.matched:
                lines += ["", f"## Dated differently: none (the {_n(len(d.matched))} happenings both report "
                              f"agree on the date)"]
            continue
        shown, how_many = _limit(items, top)
        cut = cut or len(shown) < len(items)
        lines += ["", f"## {_cell(title)} ({how_many})", ""]
        if not items[0].status.both:
            lines += ["| rank | when | happening | articles |", "|---|---|---|---|"]
            for x in shown:
                acc = x.a if x.a is not None else x.b
                assert acc is not None
                lines.append(f"| {x.rank} | {_cell(when(acc))} | {_cell(acc.label)} | {_cell(_where(acc))} |")
            continue
        lines += [f"| rank | happening | {_cell(d.a.name)}: when | {_cell(d.b.name)}: when | difference | both say |",
                  "|---|---|---|---|---|---|"]
        for x in shown:
            assert x.a is not None and x.b is not None
            lines.append(f"| {x.rank} | {_cell(x.label)} | {_cell(when(x.a))} {_cell(_where(x.a))} | "
                         f"{_cell(when(x.b))} {_cell(_where(x.b))} | {_cell(difference(x, d.b.name))} | "
                         f"{_cell(', '.join(x.shared))} |")
    if cut:
        lines += ["", f"Each section lists its top {top} by rank in the story of both sides "
                      f"(`--all`: every happening)."]
    return "\n".join(lines) + "\n"
