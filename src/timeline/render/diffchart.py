"""TimelineDiff -> a matplotlib Figure: A's and B's account of each happening, on one date axis.

One row per happening, in time order. Each row has two lanes: A's time above, B's below, in
the two sources' colours, joined by a line when both report it. A row where B moved the
happening is shaded amber with an arrow from A's time to B's; a conflict is shaded red; a
happening only one source reports has a single bar and says so.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Sequence

from ..model import DiffStatus, Event, Relation, Timex, TimelineDiff
from .dates import event_date, human_interval, human_relative, source_name
from .gantt import figure_bytes  # noqa: F401  (for the CLI)

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

FOCUS_MAX = timedelta(days=4)  # longer envelopes ("2026", "recently") are clipped, not zoomed out to
INSTANT_MAX = timedelta(hours=2)


@dataclass(frozen=True, slots=True)
class _Row:
    event: Event | None  # None: a heading row (the day the following events are on)
    lo: float | None  # envelope, in axis units (days)
    hi: float | None
    core: tuple[float, float] | None  # the stated time, solid
    text: str  # the date in words (a heading row: the heading)
    tie: bool = False  # shares its rank with the row above: nothing orders the two
    others: tuple["_Row", ...] = ()  # the same happening as other sources tell it


def _num(dt: datetime) -> float:
    from matplotlib.dates import date2num

    return float(date2num(dt))


def _rel_num(td: timedelta) -> float:
    return td.total_seconds() / 86400


def _rows(events: Sequence[Event], timexes: dict[tuple[str, str], Timex], relative: bool) -> list[_Row]:
    rows = []
    for e in events:
        timex = timexes.get((e.doc, e.timex)) if e.timex else None
        if relative:
            rel = e.relative
            assert rel is not None
            lo = None if rel.start is None else _rel_num(rel.start)
            hi = None if rel.end is None else _rel_num(rel.end)
            core = None
            if timex is not None and timex.relative is not None and e.relation in (Relation.ON, Relation.DURING) \
                    and timex.relative.start is not None and timex.relative.end is not None and lo is not None:
                core = (_rel_num(timex.relative.start), _rel_num(timex.relative.end))
            text = human_relative(rel, timex)
        else:
            env = e.envelope
            assert env is not None
            lo = None if env.start is None else _num(env.start)
            hi = None if env.end is None else _num(env.end)
            core = None
            crisp = timex is not None and timex.interval is not None and not timex.value.endswith("_REF")
            if crisp and e.relation in (Relation.ON, Relation.DURING) and timex.interval.start and timex.interval.end:
                core = (_num(timex.interval.start), _num(timex.interval.end))
            text = human_interval(env, timex)
        rows.append(_Row(e, lo, hi, core, text))
    return rows


def _window(rows: list[_Row], marks: list[float]) -> tuple[float, float]:
    """The x range: every short envelope and publication day in full; long ones are clipped."""
    focus: list[float] = list(marks)
    for r in rows:
        if r.event is not None and r.lo is not None and r.hi is not None and r.hi - r.lo <= FOCUS_MAX.days:
            focus += [r.lo, r.hi]
    if not focus:
        focus = [v for r in rows for v in (r.lo, r.hi) if v is not None] or [0.0, 1.0]
    lo, hi = min(focus), max(focus)
    if hi - lo < 1:
        mid = (lo + hi) / 2
        lo, hi = mid - 0.5, mid + 0.5
    pad = max((hi - lo) * 0.06, 0.25)
    lo, hi = lo - pad, hi + pad
    if hi - lo <= 10:  # a short window starts and ends at midnight, so every day is named
        import math

        lo, hi = float(math.floor(lo)), float(math.ceil(hi))
    # matplotlib's calendar runs from year 1 to 9999: "the 1st century" is drawn from its edge
    first, last = _num(datetime(2, 1, 1)), _num(datetime(9998, 12, 31))
    return max(lo, first), min(hi, last)


def _day_ticks(ax, lo: float, hi: float, relative: bool) -> None:  # type: ignore[no-untyped-def]
    import math

    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, num2date
    from matplotlib.ticker import FixedLocator

    span = hi - lo
    if span > 40 and not relative:
        loc = AutoDateLocator()
        ax.xaxis.set_major_locator(loc)
        ax.xaxis.set_major_formatter(ConciseDateFormatter(loc))
        return
    step = 1 if span <= 20 else 7
    first = math.ceil(lo)
    majors = [float(d) for d in range(first, math.floor(hi) + 1, step)]
    ax.xaxis.set_major_locator(FixedLocator(majors))
    if relative:
        labels = ["D" if d == 0 else f"D{int(d):+d}" for d in majors]
    else:
        labels = [f"{num2date(d):%a\n%-d %b}" for d in majors]
    ax.set_xticklabels(labels)
    if span <= 6:
        minors = [first - 1 + k / 4 for k in range(int(span * 4) + 12) if lo <= first - 1 + k / 4 <= hi]
        ax.xaxis.set_minor_locator(FixedLocator(minors))
    ax.grid(axis="x", which="major", color="#bbbbbb", linewidth=0.8)
    ax.grid(axis="x", which="minor", color="#e5e5e5", linewidth=0.5)


def _bar(ax, r: _Row, y: float, height: float, color: str, lo: float, hi: float, width: float) -> None:  # type: ignore[no-untyped-def]
    """One source's time for an event: envelope light, stated time solid, instant a diamond."""
    a = lo if r.lo is None else max(r.lo, lo)
    b = hi if r.hi is None else min(r.hi, hi)
    instant = r.lo is not None and r.hi is not None and (r.hi - r.lo) <= INSTANT_MAX.total_seconds() / 86400
    if instant:
        ax.plot([(r.lo + r.hi) / 2], [y], marker="D", color=color, markersize=max(4, 8 * height / 0.62), zorder=4)
    else:
        ax.barh(y, max(b - a, width * 0.002), left=a, height=height, color=color, alpha=0.22,
                edgecolor=color, linewidth=0.8, zorder=2)
        if r.core is not None:
            ca, cb = max(r.core[0], lo), min(r.core[1], hi)
            if cb > ca:
                ax.barh(y, cb - ca, left=ca, height=height, color=color, alpha=0.9, zorder=3)
    if r.lo is None or r.lo < lo:
        ax.plot([a], [y], marker="<", color=color, markersize=7, zorder=4, clip_on=False)
    if r.hi is None or r.hi > hi:
        ax.plot([b], [y], marker=">", color=color, markersize=7, zorder=4, clip_on=False)


COLOR_A, COLOR_B = "#1f77b4", "#d62728"
SHADE = {DiffStatus.MOVED: "#ffb000", DiffStatus.CONFLICT: "#8c2dbf"}
MAX_ROWS = 60  # rows of one chart; the text report lists everything


def _names(docs) -> str:  # type: ignore[no-untyped-def]
    """The sources of a side: all of them up to three, else how many articles."""
    names = [source_name(x) for x in docs]
    return ", ".join(names) if len(names) <= 3 else f"{len(names)} articles"


def _start(e: Event) -> float:
    env = e.envelope
    if env is not None and (env.start or env.end):
        t = env.start or env.end
        return t.timestamp()  # type: ignore[union-attr]
    rel = e.relative
    if rel is not None and (rel.start is not None or rel.end is not None):
        return (rel.start if rel.start is not None else rel.end).total_seconds()  # type: ignore[union-attr]
    return float("inf")


def _solid(row):  # type: ignore[no-untyped-def]
    """A short, bounded time is drawn solid: it is what the source says, not an envelope."""
    from dataclasses import replace

    if row.lo is not None and row.hi is not None and row.hi - row.lo <= 3:
        return replace(row, core=(row.lo, row.hi))
    return row


def render_diff(d: TimelineDiff, title: str | None = None) -> "Figure":
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    items: list[tuple[float, str, Event | None, Event | None, DiffStatus | None]] = []
    for p in d.matched:
        items.append((min(_start(p.a), _start(p.b)), p.a.label, p.a, p.b, p.status))
    items += [(_start(e), e.label, e, None, None) for e in d.only_a]
    items += [(_start(e), e.label, None, e, None) for e in d.only_b]
    items.sort(key=lambda t: (t[0], t[1]))
    dated = [it for it in items if (it[2] or it[3]).envelope is not None]  # type: ignore[union-attr]
    total = len(dated)
    if total > MAX_ROWS:  # the differences first (moved, conflicting, one-sided), then agreement
        weight = {DiffStatus.MOVED: 0, DiffStatus.CONFLICT: 0, None: 1, DiffStatus.AGREE: 2}
        keep = sorted(range(total), key=lambda i: (weight[dated[i][4]], i))[:MAX_ROWS]
        dated = [dated[i] for i in sorted(keep)]
    height = max(9.0, 2.8 + 0.55 * len(dated))
    fig = Figure(figsize=(16, height), dpi=100, layout="constrained")
    ax = fig.add_subplot()
    if not dated:
        ax.axis("off")
        ax.text(0.5, 0.5, "No dated events to compare", ha="center", va="center", fontsize=16)
        return fig
    rows_a = {id(e): _solid(_rows([e], {}, False)[0]) for _, _, e, _, _ in dated if e is not None and e.envelope is not None}
    rows_b = {id(e): _solid(_rows([e], {}, False)[0]) for _, _, _, e, _ in dated if e is not None and e.envelope is not None}
    lo, hi = _window(list(rows_a.values()) + list(rows_b.values()), [])
    width = hi - lo
    labels = []
    for y, (_, label, a, b, status) in enumerate(dated):
        if status in SHADE:
            ax.axhspan(y - 0.45, y + 0.45, color=SHADE[status], alpha=0.15, zorder=0)
        ra = rows_a.get(id(a)) if a is not None else None
        rb = rows_b.get(id(b)) if b is not None else None
        if ra is not None:
            _bar(ax, ra, y - 0.17, 0.3, COLOR_A, lo, hi, width)
        if rb is not None:
            _bar(ax, rb, y + 0.17, 0.3, COLOR_B, lo, hi, width)
        if ra is not None and rb is not None:
            xa = ra.lo if ra.lo is not None else ra.hi
            xb = rb.lo if rb.lo is not None else rb.hi
            if xa is not None and xb is not None:
                xa, xb = min(max(xa, lo), hi), min(max(xb, lo), hi)
                ax.annotate("", xy=(xb, y + 0.05), xytext=(xa, y - 0.05), zorder=5,
                            arrowprops={"arrowstyle": "->" if status is DiffStatus.MOVED else "-",
                                        "color": "#555555" if status is DiffStatus.AGREE else SHADE.get(status, "#555555"),
                                        "linewidth": 1.2 if status is DiffStatus.AGREE else 2.0})
        tag = {DiffStatus.AGREE: "agree", DiffStatus.MOVED: "moved", DiffStatus.CONFLICT: "conflict",
               None: "only A" if b is None else "only B"}[status]
        when = event_date(a if a is not None else b, None)  # type: ignore[arg-type]
        ax.text(hi - width * 0.005, y, f"{tag} · {when}", ha="right", va="center", fontsize=8, color="#333333",
                zorder=6, bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "alpha": 0.8, "linewidth": 0})
        labels.append(label)
    ax.set_xlim(lo, hi)
    ax.set_ylim(len(dated) - 0.5, -0.7)
    ax.set_yticks(range(len(dated)))
    ax.set_yticklabels(labels, fontsize=9)
    ax.tick_params(axis="y", length=0)
    _day_ticks(ax, lo, hi, False)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    names_a, names_b = _names(d.a), _names(d.b)
    fig.suptitle(title or f"How {names_b} (B) differs from {names_a} (A)", fontsize=14, fontweight="bold",
                 x=0.01, ha="left")
    n = {s: sum(1 for p in d.matched if p.status is s) for s in DiffStatus}
    handles = [
        Patch(color=COLOR_A, label=f"A: {names_a}"), Patch(color=COLOR_B, label=f"B: {names_b}"),
        Patch(color=SHADE[DiffStatus.MOVED], alpha=0.3, label=f"moved ({n[DiffStatus.MOVED]})"),
        Patch(color=SHADE[DiffStatus.CONFLICT], alpha=0.3, label=f"conflict ({n[DiffStatus.CONFLICT]})"),
        Line2D([], [], color="#555555", label=f"same happening, agreeing ({n[DiffStatus.AGREE]})"),
    ]
    fig.legend(handles=handles, loc="outside lower center", ncol=5, fontsize=9, frameon=False,
               title=f"{len(d.only_a)} only in A, {len(d.only_b)} only in B; lane above: A, below: B"
               + (f"; {len(dated)} of {total} dated rows drawn, the differences first (the report "
                  f"lists them all)" if len(dated) < total else ""),
               title_fontsize=9)
    return fig
