"""TimelineDiff -> a matplotlib Figure: the top differences of two accounts on one date axis.

The rows are happenings of the story of both sides, in blocks: those the two sides date
differently, those only A reports, those only B reports, then (while there is room) those
they agree on. The blocks share MAX_ROWS rows, the highest-ranked first, in turns, so that
no kind of difference crowds out the others; within a block the rows run in time order.
Each row has two lanes, A's time above in A's colour and B's below in B's: a moved
happening is shaded amber with an arrow from A's time to B's, a conflict purple. Solid bars
are times of at most a few days; light bars are open-ended ("on or before ...") or long
ones, and an arrow head marks an end that is open or runs off the chart. The happening's
rank and label are on the left, each side's time in words on the right; nothing overlaps the
bars. Happenings dated only relative to an undated article's publication day, or not at
all, are not drawn (the note under the chart counts them).
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Sequence

from ..model import DiffEntry, DiffStatus, SideAccount, TimelineDiff
from .diffreport import difference, when
from .gantt import figure_bytes  # noqa: F401  (for the CLI)

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

COLOR_A, COLOR_B = "#1f77b4", "#d62728"
SHADE = {DiffStatus.MOVED: "#ffb000", DiffStatus.CONFLICT: "#8c2dbf"}
MAX_ROWS = 40  # happenings drawn (with the block headings: at most ~2,200 px tall)
ROW_INCHES = 0.42
LABEL_CHARS = 64  # a label longer than this is cut at a word
SOLID_DAYS = 3  # a bounded time of at most this many days is drawn solid
FOCUS_DAYS = 7  # a time longer than this does not widen the window of the chart
MIN_WINDOW_DAYS = 5


def _cut(text: str, limit: int = LABEL_CHARS) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return (text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]) + "…"


def _drawable(acc: SideAccount | None) -> bool:
    return acc is not None and acc.envelope is not None and (acc.envelope.start is not None
                                                             or acc.envelope.end is not None)


def _start(x: DiffEntry) -> datetime:
    points = [p for acc in (x.a, x.b) if _drawable(acc)
              for p in (acc.envelope.start, acc.envelope.end) if p is not None]  # type: ignore[union-attr]
    return min(points) if points else datetime.max


def blocks(d: TimelineDiff, limit: int | None = None) -> list[tuple[str, list[DiffEntry], int]]:
    """The blocks of rows drawn: (title, rows in time order, how many the block has in all);
    at most `limit` rows (MAX_ROWS)."""
    def dated(items: Sequence[DiffEntry]) -> list[DiffEntry]:
        return [x for x in items if _drawable(x.a) or _drawable(x.b)]

    kinds = [("Dated differently", dated(d.dated_differently)),
             (f"Only {d.a.name}", dated(d.only_a)),
             (f"Only {d.b.name}", dated(d.only_b))]
    taken = [0, 0, 0]
    room = MAX_ROWS if limit is None else limit
    while room > 0 and any(taken[i] < len(kinds[i][1]) for i in range(3)):
        for i in range(3):  # in turns, each block its next best-ranked happening
            if room > 0 and taken[i] < len(kinds[i][1]):
                taken[i] += 1
                room -= 1
    agree = dated([x for x in d.entries if x.status is DiffStatus.AGREE])
    out = [(title, items[:n], len(items)) for (title, items), n in zip(kinds, taken)]
    out.append(("Both report, agreeing on the date", agree[:room], len(agree)))
    return [(title, sorted(rows, key=lambda x: (_start(x), x.rank)), total) for title, rows, total in out if rows]


def _window(rows: Sequence[DiffEntry]) -> tuple[datetime, datetime]:
    """The dates the chart spans: every time of at most a week whole, and the known end of
    open ones; longer times ("winter", "2026") run off it rather than squeeze the rest (they
    set the span only when nothing shorter is drawn). At least MIN_WINDOW_DAYS."""
    points: list[datetime] = []
    wide: list[datetime] = []
    for x in rows:
        for acc in (x.a, x.b):
            if not _drawable(acc):
                continue
            lo, hi = acc.envelope.start, acc.envelope.end  # type: ignore[union-attr]
            if lo is not None and hi is not None and hi - lo > timedelta(days=FOCUS_DAYS):
                wide += [lo, hi]
            else:
                points += [p for p in (lo, hi) if p is not None]
    points = points or wide
    lo, hi = min(points), max(points)
    if hi - lo < timedelta(days=MIN_WINDOW_DAYS):
        middle = lo + (hi - lo) / 2
        lo, hi = middle - timedelta(days=MIN_WINDOW_DAYS / 2), middle + timedelta(days=MIN_WINDOW_DAYS / 2)
    pad = max((hi - lo) * 0.03, timedelta(hours=6))
    return lo - pad, hi + pad


def _bar(ax: "Axes", acc: SideAccount, y: float, color: str, lo: datetime, hi: datetime) -> tuple[float, float]:
    """One side's time as a bar in its lane; returns the x of its two drawn ends."""
    from matplotlib.dates import date2num

    start, end = acc.envelope.start, acc.envelope.end  # type: ignore[union-attr]
    x0 = date2num(max(start, lo) if start is not None else lo)
    x1 = date2num(min(end, hi) if end is not None else hi)
    x0, x1 = min(x0, date2num(hi)), max(x1, date2num(lo))
    span = date2num(hi) - date2num(lo)
    solid = start is not None and end is not None and end - start <= timedelta(days=SOLID_DAYS)
    h = 0.3
    ax.barh(y, max(x1 - x0, span * 0.003), left=x0, height=h, color=color, alpha=1.0 if solid else 0.3,
            edgecolor=color, linewidth=0.8, zorder=3)
    if x1 - x0 < span * 0.006:  # a short time on a long axis: a mark that stays visible
        ax.plot([(x0 + x1) / 2], [y], marker="D", markersize=5, color=color, zorder=4)
    for open_end, x, direction in ((start is None or start < lo, x0, "<"), (end is None or end > hi, x1, ">")):
        if open_end:
            ax.plot([x], [y], marker=direction, markersize=6, color=color, zorder=4, clip_on=False)
    return x0, x1


def _right(x: DiffEntry, d: TimelineDiff) -> str:
    """Each side's time in words, for the right of a row."""
    if not x.status.both:
        acc = x.a if x.a is not None else x.b
        return when(acc)  # type: ignore[arg-type]
    assert x.a is not None and x.b is not None
    if x.status is DiffStatus.AGREE:
        wa, wb = when(x.a), when(x.b)
        return wa if wa == wb else f"{wa} | {wb}"
    return f"{when(x.a)} → {when(x.b)}: {difference(x, d.b.name)}"


def render_diff(d: TimelineDiff, title: str | None = None) -> "Figure":
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.dates import (AutoDateLocator, ConciseDateFormatter, DateFormatter, DayLocator, HourLocator,
                                  date2num)
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    drawn = blocks(d)
    n_rows = sum(len(rows) for _, rows, _ in drawn)
    lines = n_rows + len(drawn)
    fig = Figure(figsize=(16, 2.4 + ROW_INCHES * max(lines, 8)), dpi=100, layout="constrained")
    ax = fig.add_subplot()
    fig.suptitle(title or f"How {d.b.name} (B) differs from {d.a.name} (A)", fontsize=14, fontweight="bold",
                 x=0.01, ha="left")
    if not drawn:
        ax.axis("off")
        ax.text(0.5, 0.5, "No dated happenings to compare", ha="center", va="center", fontsize=16)
        return fig
    lo, hi = _window([x for _, rows, _ in drawn for x in rows])
    left: list[tuple[str, bool]] = []
    right: list[str] = []
    y = 0
    for heading, rows, total in drawn:
        shown = f"{len(rows)} of {total:,}" if len(rows) < total else f"{total:,}"
        left.append((f"{heading} ({shown})", True))
        right.append("")
        ax.axhline(y - 0.5, color="#bbbbbb", linewidth=0.8, zorder=1)
        y += 1
        for x in rows:
            if x.status in SHADE:
                ax.axhspan(y - 0.48, y + 0.48, color=SHADE[x.status], alpha=0.14, zorder=0)
            ends = {}
            for side, acc, dy, color in (("a", x.a, -0.17, COLOR_A), ("b", x.b, 0.17, COLOR_B)):
                if _drawable(acc):
                    ends[side] = _bar(ax, acc, y + dy, color, lo, hi)  # type: ignore[arg-type]
            if x.status is DiffStatus.MOVED and len(ends) == 2:
                xa, xb = ends["a"][0], ends["b"][0]
                ax.annotate("", xy=(xb, y + 0.1), xytext=(xa, y - 0.1), zorder=5,
                            arrowprops={"arrowstyle": "-|>", "color": "#b07800", "linewidth": 1.6})
            left.append((f"#{x.rank}  {_cut(x.label)}", False))
            right.append(_cut(_right(x, d), 72))
            y += 1
    ax.set_xlim(date2num(lo), date2num(hi))
    ax.set_ylim(y - 0.5, -0.5)
    ax.set_yticks(range(y))
    ax.set_yticklabels([t for t, _ in left], fontsize=9)
    for tick, (_, is_heading) in zip(ax.get_yticklabels(), left):
        if is_heading:
            tick.set_fontweight("bold")
            tick.set_fontsize(10)
    ax.tick_params(axis="y", length=0, pad=9)
    twin = ax.twinx()
    twin.set_ylim(ax.get_ylim())
    twin.set_yticks(range(y))
    twin.set_yticklabels(right, fontsize=8, color="#333333")
    twin.tick_params(axis="y", length=0, pad=9)
    if hi - lo <= timedelta(days=21):  # days, each named ("Tue 3 Feb")
        ax.xaxis.set_major_locator(DayLocator(interval=max(1, (hi - lo).days // 10 + 1)))
        ax.xaxis.set_major_formatter(DateFormatter("%a\n%-d %b"))
        ax.xaxis.set_minor_locator(HourLocator(byhour=(6, 12, 18)))
    else:
        locator = AutoDateLocator(minticks=4, maxticks=12)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    ax.grid(axis="x", color="#dddddd", linewidth=0.6, zorder=0)
    for a in (ax, twin):
        for side in ("top", "right", "left"):
            a.spines[side].set_visible(False)
    undrawn = sum(1 for x in d.entries if not (_drawable(x.a) or _drawable(x.b)))
    note = (f"{n_rows} of {len(d.entries):,} happenings drawn: the top differences by rank in the story of both "
            f"sides, then agreement" if n_rows < len(d.entries) else f"all {n_rows} happenings drawn")
    if undrawn:
        note += f"; {undrawn:,} without a calendar date are not"
    handles = [
        Patch(color=COLOR_A, label=f"A: {d.a.name} (upper lane)"),
        Patch(color=COLOR_B, label=f"B: {d.b.name} (lower lane)"),
        Patch(color=SHADE[DiffStatus.MOVED], alpha=0.3, label=f"moved ({d.count(DiffStatus.MOVED):,})"),
        Patch(color=SHADE[DiffStatus.CONFLICT], alpha=0.3, label=f"conflict ({d.count(DiffStatus.CONFLICT):,})"),
        Patch(color="#888888", alpha=0.3, label="light: open-ended or long; ◂ ▸ runs on"),
        Line2D([], [], color="#b07800", marker=">", label="A's date → B's date"),
    ]
    fig.legend(handles=handles, loc="outside lower center", ncol=6, fontsize=9, frameon=False,
               title=f"{note}. {_summary(d)}", title_fontsize=9)
    return fig


def _summary(d: TimelineDiff) -> str:
    return (f"Both report {len(d.matched):,} ({d.count(DiffStatus.AGREE):,} agree on the date); "
            f"only {d.a.name} {d.count(DiffStatus.ONLY_A):,}; only {d.b.name} {d.count(DiffStatus.ONLY_B):,}")
