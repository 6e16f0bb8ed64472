"""Timeline -> Gantt-style matplotlib Figure.

One row per event, in chronological order. The uncertainty envelope is a light bar, the
time the text states a solid bar on top of it, a short instant a diamond; an open end (an
event "on or before" a date) fades out in an arrow. Each source has its colour, and its
publication day is shaded and named. Dated sources share a real date axis; an undated source
gets its own panel on an axis relative to its publication day (D-1, D, D+1), never on
guessed dates.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Sequence

from ..model import DctSource, Document, Event, Relation, Timeline, Timex
from ..order import frame
from .dates import day_group, display_groups, human_interval, human_relative, source_name

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2")
FOCUS_MAX = timedelta(days=4)  # longer envelopes ("2026", "recently") are clipped, not zoomed out to
INSTANT_MAX = timedelta(hours=2)
MAX_ROWS = 60  # happenings on one chart by default: what a reader takes in (the log lists all)
MAX_DRAWABLE = 1500  # rows with --all-events: a taller image passes the 65,536 px the renderer draws
MAX_LEGEND = 10  # sources named in the legend; beyond, "and K more"
MAX_MARKS = 6  # publication days labelled one by one in a panel; beyond, one label for them all
HOUR = 1 / 24


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


def _grouped(groups: Sequence[list[Event]], timexes: dict[tuple[str, str], Timex], relative: bool) -> list[_Row]:
    """Rows under day headings: events listed by the day their envelope puts them on, then
    rank; a happening several sources report is one row, with a bar per source."""
    keyed = []
    for group in groups:
        e = group[0]
        timex = timexes.get((e.doc, e.timex)) if e.timex else None
        key, heading, _detail = day_group(e, timex)
        keyed.append((key, e.rank, e.doc, e.start, heading, group))
    keyed.sort(key=lambda k: k[:4])
    rows: list[_Row] = []
    current = None
    prev: Event | None = None
    for _key, _rank, _doc, _start, heading, group in keyed:
        e = group[0]
        if heading != current:
            current = heading
            rows.append(_Row(None, None, None, None, heading))
            prev = None
        row, *others = _rows(group, timexes, relative)
        tie = prev is not None and prev.rank == e.rank and prev.doc == e.doc
        rows.append(_Row(row.event, row.lo, row.hi, row.core, row.text, tie, tuple(others)))
        prev = e
    return rows


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


def _draw_panel(ax, rows: list[_Row], colors: dict[str, str], docs: dict[str, Document],  # type: ignore[no-untyped-def]
                marks: list[tuple[float, float, str, str]], relative: bool) -> None:
    lo, hi = _window(rows, [m for a, b, _, _ in marks for m in (a, b)])
    if relative:  # always show the day before and the day of publication
        lo, hi = min(lo, -1.15), max(hi, 1.15)
    width = hi - lo
    for y, r in enumerate(rows):
        if r.event is None:  # a day heading: a rule across the panel
            ax.axhline(y + 0.45, color="#999999", linewidth=0.6, zorder=1)
            continue
        if r.tie:  # a bracket in the margin: these two share a rank
            ax.plot([lo + width * 0.003] * 2, [y - 1.05, y + 0.05], color="#888888", linewidth=1.6,
                    zorder=4, clip_on=False, solid_capstyle="butt")
        parts = (r,) + r.others
        h = 0.62 / len(parts)
        for k, part in enumerate(parts):  # one bar per source that reports it, stacked in the row
            yk = y - 0.31 + h * (k + 0.5)
            color = colors[part.event.doc]  # type: ignore[union-attr]
            _bar(ax, part, yk, h, color, lo, hi, width)
        # (clamped into the window: a time wholly outside it, "2022", is labelled at its edge)
        a = lo if r.lo is None else min(max(r.lo, lo), hi)
        b = hi if r.hi is None else max(min(r.hi, hi), lo)
        # the date in words, beside the bar where there is room, else inside it
        if b < lo + width * 0.78:
            ax.text(b + width * 0.006, y, r.text, va="center", ha="left", fontsize=8, color="#333333", zorder=5)
        elif a > lo + width * 0.3:
            ax.text(a - width * 0.006, y, r.text, va="center", ha="right", fontsize=8, color="#333333", zorder=5)
        else:
            ax.text(a + width * 0.012, y, r.text, va="center", ha="left", fontsize=8, color="#222222", zorder=5,
                    bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "alpha": 0.8, "linewidth": 0})
    if len(marks) > MAX_MARKS:  # many publication days: shaded, and named together in one line
        for a, b, color, _ in marks:
            ax.axvspan(a, b, color=color, alpha=0.07, zorder=0)
        from matplotlib.dates import num2date

        first, last = min(m[0] for m in marks), max(m[0] for m in marks)
        span = (f"{num2date(first):%-d %b %Y} to {num2date(last):%-d %b %Y}" if not relative else "")
        marks = [(first, first, "#555555", f"{len(marks)} articles published {span} (shaded days)")]
        ax.text(first + width * 0.004, -1.05, marks[0][3], color="#555555", fontsize=8.5, ha="left",
                va="center", fontweight="bold", zorder=6)
    else:
        for k, (a, b, color, label) in enumerate(marks):  # one line each, stacked above the rows
            ax.axvspan(a, b, color=color, alpha=0.07, zorder=0)
            ax.axvline(a, color=color, linestyle="--", linewidth=1, zorder=1)
            ax.text(a + width * 0.004, -1.05 - 0.6 * k, label, color=color, fontsize=8.5, ha="left", va="center",
                    fontweight="bold", zorder=6)
    ax.set_xlim(lo, hi)
    ax.set_ylim(len(rows) - 0.4, -1.6 - 0.6 * max(len(marks) - 1, 0))
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([r.event.label if r.event is not None else r.text for r in rows], fontsize=9)
    for tick, r in zip(ax.get_yticklabels(), rows):
        if r.event is None:
            tick.set_fontweight("bold")
            tick.set_fontsize(10)
            tick.set_color("#222222")
        else:
            tick.set_color(colors[r.event.doc])
    _day_ticks(ax, lo, hi, relative)
    ax.tick_params(axis="y", length=0)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def chosen(groups: list[list[Event]], limit: int) -> list[list[Event]]:
    """At most `limit` rows, in their order: those most sources report, then the dated before
    the relative and the undated, the precise before the vague, the first before the later."""
    if len(groups) <= limit:
        return groups

    def rank(item: tuple[int, list[Event]]) -> tuple[int, int, float, int]:
        i, g = item
        env = g[0].envelope
        bounded = env is not None and env.start is not None and env.end is not None
        dated = 0 if bounded else 1 if env is not None else 2 if g[0].relative is not None else 3
        width = (env.end - env.start).total_seconds() if bounded else float("inf")  # type: ignore[union-attr,operator]
        return (-len({e.doc for e in g}), dated, width, i)

    keep = sorted(enumerate(groups), key=rank)[:limit]
    return [g for _, g in sorted(keep, key=lambda t: t[0])]


def render_gantt(tl: Timeline, all_events: bool = False, title: str | None = None) -> "Figure":
    """The timeline as a matplotlib Figure (at least 1600×900 px at its default 100 dpi).

    A large timeline is drawn in part: by default the MAX_ROWS happenings most sources report
    (with --all-events, up to MAX_DRAWABLE rows), and the note under the chart says so."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    docs = {d.id: d for d in tl.documents}
    colors = {d.id: PALETTE[i % len(PALETTE)] for i, d in enumerate(tl.documents)}
    timexes = {(t.doc, t.id): t for t in tl.timexes}
    every = display_groups(tl, all_events)
    groups = chosen(every, MAX_DRAWABLE if all_events else MAX_ROWS)
    events = [g[0] for g in groups]
    frames: dict[str, list[list[Event]]] = {}
    for g in groups:
        frames.setdefault(frame(g[0]), []).append(g)
    undated = frames.pop("undated", [])
    panels: list[tuple[str, list[list[Event]]]] = sorted(frames.items(), key=lambda kv: kv[0] != "")

    n_rows = sum(len(evs) + len({day_group(g[0], timexes.get((g[0].doc, g[0].timex)) if g[0].timex else None)[1]
                                 for g in evs}) for _, evs in panels)
    height = max(9.0, 2.6 + 0.36 * n_rows + 1.1 * len(panels))
    fig = Figure(figsize=(16, height), dpi=100, layout="constrained")
    if not panels:
        ax = fig.add_subplot()
        ax.axis("off")
        ax.text(0.5, 0.5, "No dated events to draw", ha="center", va="center", fontsize=16)
    else:
        axes = fig.subplots(len(panels), 1, squeeze=False,
                            gridspec_kw={"height_ratios": [len(evs) * 1.3 + 2.5 for _, evs in panels]})[:, 0]
        for ax, (name, evs) in zip(axes, panels):
            relative = name != ""
            rows = _grouped(evs, timexes, relative)
            marks: list[tuple[float, float, str, str]] = []
            if relative:
                d = docs[name]
                marks.append((0.0, 1.0, colors[name], f"D: {source_name(d)} published (date unknown)"))
                ax.set_title(f"{source_name(d)} — undated article: times relative to its publication day D",
                             loc="left", fontsize=11, color=colors[name])
            else:
                for d in tl.documents:
                    if d.dct is not None and any(e.doc == d.id for g in evs for e in g):
                        day0 = d.dct.replace(hour=0, minute=0, second=0, microsecond=0)
                        marks.append((_num(day0), _num(day0 + timedelta(days=1)), colors[d.id],
                                      f"{source_name(d)} published {day0:%a %-d %b %Y}"
                                      + (" (inferred)" if d.dct_source is DctSource.INFERRED else "")))
                ax.set_title("Dated articles — calendar dates", loc="left", fontsize=11)
            _draw_panel(ax, rows, colors, docs, marks, relative)
    story = title or next((d.title for d in tl.documents if d.title), None)
    head = f"Timeline: {story}" if story else "Timeline"
    fig.suptitle(head, fontsize=15, fontweight="bold", x=0.01, ha="left")
    n_docs = len(tl.documents)
    shown = (f"{len(events)} events" if len(groups) == len(every) else
             f"the {len(groups)} happenings most sources report, of {len(every)} "
             f"(`timeline log` lists them all)")
    note = (f"{shown} from {n_docs} article{'s' * (n_docs != 1)}; "
            f"times resolved against each article's publication date"
            + (f"; {len(undated)} events with no time are not drawn" if undated else ""))
    drawn = {}  # the sources in the order of their share of the rows drawn, most first
    for g in groups:
        for e in g:
            drawn[e.doc] = drawn.get(e.doc, 0) + 1
    legend_docs = [d for d in tl.documents if d.id in drawn] or list(tl.documents)
    if len(legend_docs) > MAX_LEGEND:
        legend_docs = sorted(legend_docs, key=lambda d: -drawn.get(d.id, 0))[:MAX_LEGEND]
    handles = [Patch(color=colors[d.id], label=f"{source_name(d)}"
                     + (f" ({d.dct:%-d %b %Y}, {d.dct_source.value})" if d.dct else " (undated)"))
               for d in legend_docs]
    if len(drawn) > len(legend_docs):
        more = len(drawn) - len(legend_docs)
        handles.append(Patch(facecolor="white", edgecolor="#999999",
                             label=f"and {more} more source{'s' * (more != 1)}"
                             + (" (colours repeat)" if len(drawn) > len(PALETTE) else "")))
    handles += [
        Patch(facecolor="#777777", alpha=0.9, label="time stated in the text"),
        Patch(facecolor="#777777", alpha=0.22, edgecolor="#777777", label="uncertainty envelope"),
        Line2D([], [], marker="D", color="#777777", linestyle="none", label="instant (≤ 2 h)"),
        Line2D([], [], marker="<", color="#777777", linestyle="none", label="open or clipped end"),
        Line2D([], [], color="#888888", linewidth=1.6, label="tie: nothing orders them"),
        Patch(facecolor="#777777", alpha=0.1, label="publication day"),
    ]
    # six columns while a couple of sources are named; their long names need wider columns
    ncol = min(len(handles), 6 if len(legend_docs) <= 2 else 3)
    fig.legend(handles=handles, loc="outside lower center", ncol=ncol, fontsize=9,
               frameon=False, title=note, title_fontsize=9)
    return fig


def figure_bytes(fig: "Figure", fmt: str) -> bytes:
    """Render a figure to PNG/SVG/PDF bytes, deterministically (no dates or versions embedded)."""
    import matplotlib

    matplotlib.rcParams["svg.hashsalt"] = "timeline"
    metadata = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None},
                "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None}}[fmt]
    buf = io.BytesIO()
    import warnings

    with warnings.catch_warnings():  # "Glyph ... missing from font" for emoji or CJK titles:
        warnings.simplefilter("ignore", UserWarning)  # the chart still draws; stderr stays clean
        fig.savefig(buf, format=fmt, metadata=metadata)
    return buf.getvalue()
