"""Timeline -> the story as a Gantt-style matplotlib Figure.

One row per happening: by default the `top` that matter most to the story (their rank), drawn
in time order. Its consensus time is a bar: the time the articles state solid, the
uncertainty envelope light, an instant a diamond, an open or clipped end an arrow. The bar is
striped by the outlets that report it (up to four; the text beside it counts the articles),
and a mention that dates it otherwise is a cross at its own time. A happening several outlets
report has its label in bold; one that a single outlet reports, in that outlet's colour.

The axis covers the story (`axis.story_axis`): the stretches where the drawn happenings are,
side by side, a long empty stretch between two cut out with a visible break, and a stray date
far from the rest marked at the edge with its date written out. Above the rows, a slim strip
shows the coverage: articles per day, by outlet (when the story peaked); with a few articles
only, each one's publication day is marked instead. An undated article's happenings get a
panel of their own, on days relative to its publication day (D-1, D, D+1), never on guessed
dates. The figure is at most MAX_HEIGHT pixels tall by default; rows then get narrower.
"""
from __future__ import annotations

import io
import math
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Sequence

from ..model import AnchorKind, DctSource, Document, Precision, Timeline
from .axis import StoryAxis, story_axis, ticks
from .layout import MAX_LEGEND, OTHER
from .legend import draw_legend, legend_height
from .rows import Row, reading_order, story_rows

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
from matplotlib.collections import PolyCollection
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Rectangle
from matplotlib.textpath import TextToPath

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2",
           "#bcbd22", "#393b79")  # (no grey: grey is for "other" outlets and the legend's symbols)
TOP = 30  # happenings drawn by default (`--top`)
MAX_DRAWABLE = 1500  # rows with --all-events: a taller image passes the 65,536 px the renderer draws
MAX_HEIGHT = 2600  # pixels, by default: more rows get narrower, down to MIN_ROW
FEW_ARTICLES = 6  # up to this many articles, each one's publication day is marked
STRIPES = 4  # outlets striped in a bar
LONG = 4.0  # days: a longer envelope ("2026", "winter") does not decide the axis; it is clipped
INSTANT = 2 / 24  # days: an instant is drawn as a diamond
ROW = 0.36  # inches per row
LEFT, RIGHT = 0.36, 0.975  # the plots' left and right edges, as shares of the width (labels on the left)
MIN_ROW = 0.2
DPI = 100
WIDTH = 16.0  # inches
STATED = (AnchorKind.TIMEX, AnchorKind.REPORTED)


def _days(t: datetime) -> float:
    return t.toordinal() + (t.hour * 60 + t.minute) / 1440


def _rel(td: timedelta) -> float:
    return td.total_seconds() / 86400


@dataclass(frozen=True, slots=True)
class _Line:
    row: Row | None  # None: a heading line
    text: str  # a heading's text; a row's date detail
    tie: bool = False  # shares its order with the line above: nothing tells them apart


@dataclass(frozen=True, slots=True)
class _Panel:
    frame: str  # "" the calendar; an undated article's id
    lines: tuple[_Line, ...]


def chosen(rows: Sequence[Row], limit: int) -> list[Row]:
    """The `limit` rows that matter most: the story's ranks first (a mention no happening
    holds, listed with --all-events, after them), among those that have a time."""
    timed = [r for r in rows if r.frame != "undated"]
    return sorted(timed, key=lambda r: (r.rank == 0, r.rank, r.head.doc, r.head.start))[:limit]


def _bounds(r: Row) -> tuple[float | None, float | None]:
    if r.envelope is not None:
        lo, hi = r.envelope.start, r.envelope.end
        return (None if lo is None else _days(lo)), (None if hi is None else _days(hi))
    if r.relative is not None:
        rlo, rhi = r.relative.start, r.relative.end
        return (None if rlo is None else _rel(rlo)), (None if rhi is None else _rel(rhi))
    return None, None


def _lines(rows: Sequence[Row], headings: bool) -> list[_Line]:
    """Rows in time order, under day headings if `headings` (a story of a few articles: the
    days group its many rows), else each row says its date beside its bar."""
    ordered = reading_order(rows)
    use_headings = headings and len({h for _, h, _ in ordered}) * 2 <= len(rows) + 4
    out: list[_Line] = []
    current = None
    prev: Row | None = None
    for r, heading, detail in ordered:
        if use_headings and heading != current:
            current = heading
            out.append(_Line(None, heading))
            prev = None
        tie = (prev is not None and prev.head.doc == r.head.doc and prev.head.rank == r.head.rank
               and _bounds(prev) == _bounds(r))
        out.append(_Line(r, r.when, tie))
        prev = r
    return out


def outlet_colours(tl: Timeline) -> dict[str, str]:
    """Outlet -> colour: the MAX_LEGEND outlets with most articles get one each, the rest grey."""
    counts = Counter(d.outlet for d in tl.documents if d.duplicate_of is None)
    named = sorted(counts, key=lambda o: (-counts[o], o))
    return {o: (PALETTE[i] if i < MAX_LEGEND else OTHER) for i, o in enumerate(named)}


def render_gantt(tl: Timeline, all_events: bool = False, title: str | None = None, top: int = TOP, rows: Sequence[Row] | None = None) -> "Figure":
    """The story as a matplotlib Figure, 1600 px wide, at most MAX_HEIGHT px tall by default
    (with --all-events, up to MAX_DRAWABLE rows); `rows`, if given, are its `story_rows`."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    rows = story_rows(tl, all_events) if rows is None else rows
    limit = MAX_DRAWABLE if all_events else max(top, 1)
    drawn = chosen(rows, limit)
    colours = outlet_colours(tl)
    docs = {d.id: d for d in tl.documents}
    originals = [d for d in tl.documents if d.duplicate_of is None]
    by_frame: dict[str, list[Row]] = {}
    for r in drawn:
        by_frame.setdefault(r.frame, []).append(r)
    few = len(originals) <= FEW_ARTICLES
    panels = [_Panel(f, tuple(_lines(by_frame[f], few))) for f in sorted(by_frame, key=lambda f: (f != "", f))]
    strip = bool(panels) and panels[0].frame == "" and not few
    legend_h = legend_height(colours)
    # the figure's parts from the top, in inches: titles, the coverage strip, the panels (a
    # title each, their rows, their tick labels), the legend and the note under it
    head, strip_h, panel_head, panel_foot = 1.15, 1.3, 0.45, 0.65
    marks_h = [0.55 * (len(originals) + 0.6) if few and p.frame == "" else 0.3 for p in panels]
    fixed = head + (strip_h if strip else 0.0) + sum(panel_head + panel_foot + m for m in marks_h) + legend_h
    n_lines = sum(len(p.lines) for p in panels)
    row_h = ROW
    if not all_events and fixed + row_h * n_lines > MAX_HEIGHT / DPI:
        row_h = max(MIN_ROW, (MAX_HEIGHT / DPI - fixed) / max(n_lines, 1))
    height = max(9.0, fixed + row_h * n_lines)
    fig = Figure(figsize=(WIDTH, height), dpi=DPI)
    font = 9 if row_h >= 0.3 else 8 if row_h >= 0.24 else 7
    left, right = LEFT, RIGHT

    def box(top_in: float, h_in: float) -> tuple[float, float, float, float]:
        return (left, 1 - (top_in + h_in) / height, right - left, h_in / height)

    if not panels:
        ax = fig.add_subplot()
        ax.axis("off")
        ax.text(0.5, 0.5, "No dated happenings to draw", ha="center", va="center", fontsize=16)
    else:
        y = head
        strip_ax = None
        if strip:
            strip_ax = fig.add_axes(box(y + 0.3, strip_h - 0.6))
            y += strip_h
        for panel, mh in zip(panels, marks_h):
            body = len(panel.lines) * row_h + mh
            ax = fig.add_axes(box(y + panel_head, body))
            y += panel_head + body + panel_foot
            axis, outliers = _axis_for(panel, docs, few)
            _draw_rows(ax, panel, axis, outliers, colours, docs, font, mh / row_h)
            if panel.frame == "":
                ax.set_title("Dated happenings — calendar dates" + (" (// the axis skips stretches with nothing drawn)"
                                                                   if len(axis.segments) > 1 else ""),
                             loc="left", fontsize=10.5, color="#333333")
                if few:
                    _publication_marks(ax, axis, tl, colours)
                if strip_ax is not None:
                    _coverage(strip_ax, axis, originals, colours)
            else:
                d = docs.get(panel.frame)
                name = d.outlet if d is not None else panel.frame
                ax.set_title(f"{name} — undated article: times relative to its publication day D",
                             loc="left", fontsize=10.5, color=colours.get(name, "#333333"))
    _titles(fig, tl, title, height)
    draw_legend(fig, tl, colours, rows, drawn, all_events, height, legend_h)
    return fig


def _axis_for(panel: _Panel, docs: dict[str, Document], few: bool) -> tuple[StoryAxis, set[int]]:
    """The axis of a panel from the times of its rows (short ones place it; long and open ones
    only when nothing else does; with `few` articles their publication days too), and which
    lines are outliers. A stretch the articles were published all along is never cut out."""
    published = [float(d.dct.toordinal()) for d in docs.values() if d.dct is not None and d.duplicate_of is None]
    points: list[float] = []
    spans: list[tuple[float, float]] = []
    owners: list[int] = []
    fallback: list[tuple[int, float]] = []
    for i, line in enumerate(panel.lines):
        if line.row is None:
            continue
        lo, hi = _bounds(line.row)
        if lo is not None and hi is not None and hi - lo <= LONG:
            points.append((lo + hi) / 2)
            spans.append((lo, hi))
            owners.append(i)
        elif lo is not None or hi is not None:
            fallback.append((i, lo if lo is not None else hi))  # type: ignore[arg-type]
    if not points:
        for i, p in fallback:
            points.append(p)
            spans.append((p, p))
            owners.append(i)
    if panel.frame == "":
        for day0 in published if few else ():  # a few articles: their publication days are shown too
            points.append(day0 + 0.5)
            spans.append((day0, day0 + 1))
            owners.append(-1)
    else:
        points += [-0.5, 0.5]  # the day before publication and the day of it
        spans += [(-1.0, 0.0), (0.0, 1.0)]
        owners += [-1, -1]
    axis, out = story_axis(points, spans, 2.0 if panel.frame == "" else 3.0, [] if panel.frame else published)
    return axis, {owners[i] for i in out if owners[i] >= 0}


def _draw_rows(ax: "Axes", panel: _Panel, axis: StoryAxis, outliers: set[int], colours: dict[str, str],
               docs: dict[str, Document], font: int, room: float) -> None:
    """The panel's rows, `room` rows' height left free above them (for publication marks)."""
    relative = panel.frame != ""
    for y, line in enumerate(panel.lines):
        r = line.row
        if r is None:
            ax.axhline(y + 0.45, color="#999999", linewidth=0.6, zorder=1)
            continue
        if line.tie:  # a bracket in the margin: nothing orders these two
            ax.plot([0.003, 0.003], [y - 1.05, y + 0.05], color="#888888", linewidth=1.6, zorder=4,
                    clip_on=False, solid_capstyle="butt")
        _bar(ax, r, y, axis, colours, y in outliers)
        crosses = []
        for e in r.disagreements:  # a mention that dates it otherwise: a cross at its own time (whole,
            b = e.bounds  # at the edge it lies past when beyond the axis, not cut in half there)
            if b is not None and b[0] is not None:
                t = _days(b[0]) if isinstance(b[0], datetime) else _rel(b[0])  # type: ignore[arg-type]
                c = colours.get(docs[e.doc].outlet if e.doc in docs else e.doc, OTHER)
                crosses.append(x := min(max(axis.place(t), 0.0), 1.0))
                ax.plot([x], [y], marker="x", color=c, markersize=6, mew=1.6, zorder=5, clip_on=False)
        _date_text(ax, r, y, axis, line.text, y in outliers, font, crosses)
    labels = [line.text if line.row is None else _fit(line.row.label, font, len(line.row.outlets) > 1)
              for line in panel.lines]
    ax.tick_params(axis="y", length=0)  # (before the ticks are made: each is made so, not made and remade)
    ax.set_yticks(range(len(panel.lines)))
    ax.set_yticklabels(labels, fontsize=font)
    for tick, line in zip(ax.get_yticklabels(), panel.lines):
        if line.row is None:
            tick.set_fontweight("bold")
            tick.set_fontsize(font + 1)
            tick.set_color("#222222")
        elif len(line.row.outlets) > 1:
            tick.set_fontweight("bold")
            tick.set_color("#222222")
        else:
            tick.set_color(colours.get(line.row.outlets[0], "#333333") if line.row.outlets else "#333333")
    ax.set_ylim(len(panel.lines) - 0.5, -0.5 - room)
    ax.set_xlim(0, 1)
    _x_ticks(ax, axis, relative)
    ax.spines[["top", "right"]].set_visible(False)


LABEL_ROOM = (LEFT - 0.015) * WIDTH * 72  # points between the figure's left edge and the labels' end


def _fit(label: str, font: float, bold: bool) -> str:
    """The label as it fits left of the plot, measured in the font it is drawn in (a bold label
    is wider than a plain one of as many letters): whole words, then "…"."""
    prop = FontProperties(size=font, weight="bold" if bold else "normal")

    def width(text: str) -> float:
        return _TEXT.get_text_width_height_descent(text, prop, ismath=False)[0]
    if width(label) <= LABEL_ROOM:
        return label
    words = label.split(" ")
    while len(words) > 1 and width(" ".join(words) + "…") > LABEL_ROOM:
        words.pop()
    return " ".join(words) + "…"


_TEXT = TextToPath()


def _bar(ax: "Axes", r: Row, y: float, axis: StoryAxis, colours: dict[str, str], outlier: bool) -> None:
    """The row's time: striped by its outlets; envelope light, stated time solid; an instant a
    diamond; an open or clipped end an arrow; an outlier a marker at the edge."""
    lo, hi = _bounds(r)
    outlets = list(r.outlets[:STRIPES]) or [""]
    stripe = 0.62 / len(outlets)
    a = 0.0 if lo is None else axis.place(lo)
    b = 1.0 if hi is None else axis.place(hi)
    if outlier:  # at the edge it lies beyond, or in the break it falls into
        t = lo if lo is not None else hi or 0.0
        x = axis.place(t)
        marker = "<" if t < axis.lo else ">" if t > axis.hi else "D"
        ax.plot([x], [y], marker=marker, color=colours.get(outlets[0], OTHER), markersize=9, zorder=5,
                clip_on=False)
        return
    instant = lo is not None and hi is not None and hi - lo <= INSTANT
    stated = any(e.anchor in STATED for e in r.events) and r.precision in (Precision.TIME, Precision.DAY, Precision.DAYS)
    for k, o in enumerate(outlets):
        c = colours.get(o, OTHER)
        yk = y - 0.31 + stripe * (k + 0.5)
        if instant:
            ax.plot([(a + b) / 2], [yk], marker="D", color=c, markersize=max(3.5, 8 * stripe / 0.62), zorder=4)
            continue
        ax.add_artist(Rectangle((a, yk - stripe / 2), max(b - a, 0.002), stripe, facecolor=c, edgecolor=c,
                               alpha=0.9 if stated else 0.25, linewidth=0.6, zorder=3))  # (what barh adds; no data limits: both axes are set)
    c0 = colours.get(outlets[0], OTHER)
    if lo is None or (lo is not None and not axis.inside(lo) and lo < axis.lo):
        ax.plot([a], [y], marker="<", color=c0, markersize=7, zorder=4, clip_on=False)
    if hi is None or (hi is not None and not axis.inside(hi) and hi > axis.hi):
        ax.plot([b], [y], marker=">", color=c0, markersize=7, zorder=4, clip_on=False)


def _date_text(ax: "Axes", r: Row, y: float, axis: StoryAxis, when: str, outlier: bool, font: int,
               crosses: Sequence[float] = ()) -> None:
    """The date in words beside the bar (and how many articles report it), inside the axes, after
    the crosses it would cover."""
    lo, hi = _bounds(r)
    count = f" · {r.articles} articles" if r.articles > 1 else ""
    text = (f"{when} (outside the span drawn)" if outlier else when) + count
    if outlier:  # beside its marker
        x = axis.place(lo if lo is not None else hi or 0.0)
        a = b = min(max(x, 0.0), 1.0)
        if x <= 0.0:
            a = b = 0.006
    else:
        a = 0.0 if lo is None else axis.place(lo)
        b = 1.0 if hi is None else axis.place(hi)
    wide = len(text) * (font - 1) * 0.55 / ((RIGHT - LEFT) * WIDTH * 72)  # (its width, about, in axes units)
    b = max([b] + [x + 0.006 for x in crosses if b - 0.008 <= x <= b + 0.006 + wide])
    if b < 0.72:
        ax.text(b + 0.006, y, text, va="center", ha="left", fontsize=font - 1, color="#333333", zorder=6)
    elif a > 0.3:
        ax.text(a - 0.006, y, text, va="center", ha="right", fontsize=font - 1, color="#333333", zorder=6)
    else:
        ax.text(a + 0.012, y, text, va="center", ha="left", fontsize=font - 1, color="#222222", zorder=6,
                bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "alpha": 0.85, "linewidth": 0})


def _x_ticks(ax: "Axes", axis: StoryAxis, relative: bool) -> None:
    from matplotlib.ticker import FixedLocator

    if relative:
        pos, labels = [], []
        for d in range(math.ceil(axis.lo), math.floor(axis.hi) + 1):
            if axis.inside(d):
                pos.append(axis.place(d))
                labels.append("D" if d == 0 else f"D{d:+d}")
    else:
        found = ticks(axis, WIDTH * DPI * (0.975 - 0.36))
        pos = [p for p, _, _ in found]
        labels = [t for _, t, _ in found]
    ax.xaxis.set_major_locator(FixedLocator(pos))
    ax.set_xticklabels(labels, fontsize=8.5)
    ax.grid(axis="x", which="major", color="#d0d0d0", linewidth=0.7)
    for x in axis.breaks():  # a visible cut where an empty stretch is left out
        ax.axvspan(x - 0.008, x + 0.008, color="white", zorder=2.5)
        ax.axvline(x - 0.008, color="#999999", linewidth=0.8, linestyle=(0, (2, 2)), zorder=2.6)
        ax.axvline(x + 0.008, color="#999999", linewidth=0.8, linestyle=(0, (2, 2)), zorder=2.6)
        for y in (0.0, 1.0):  # the break marks of a broken axis, on both edges
            ax.text(x, y, "//", transform=ax.get_xaxis_transform(), ha="center", va="center", fontsize=10,
                    fontweight="bold", color="#555555", clip_on=False, zorder=7,
                    bbox={"boxstyle": "square,pad=0.05", "facecolor": "white", "linewidth": 0})


def _coverage(ax: "Axes", axis: StoryAxis, docs: Sequence[Document], colours: dict[str, str]) -> None:
    """Articles per day, stacked by outlet, on the story's axis: when the story peaked."""
    per_day: dict[int, Counter[str]] = {}
    outside = 0
    for d in docs:
        if d.dct is None:
            continue
        day0 = d.dct.toordinal()
        if axis.inside(day0) or axis.inside(day0 + 1):
            per_day.setdefault(day0, Counter())[d.outlet] += 1
        else:
            outside += 1
    outlets = sorted({o for c in per_day.values() for o in c},
                     key=lambda o: (colours.get(o) == OTHER, -sum(c[o] for c in per_day.values()), o))
    days = sorted(per_day)
    bottom = [0.0] * len(days)
    lefts = [axis.place(d) for d in days]
    widths = [max(axis.place(d + 1) - axis.place(d), 0.001) * 0.9 for d in days]
    for o in outlets:  # (one collection of bars per outlet: a thousand bar patches drew slowly)
        counts = [per_day[d][o] for d in days]
        bars = [((x, b), (x + w, b), (x + w, b + c), (x, b + c))
                for x, w, b, c in zip(lefts, widths, bottom, counts) if c]
        ax.add_collection(PolyCollection(bars, facecolors=colours.get(o, OTHER), linewidths=0))
        bottom = [b + c for b, c in zip(bottom, counts)]
    ax.set(xlim=(0, 1), xticks=[])
    peak = max(bottom, default=0)
    ax.set_ylim(0, max(peak, 1) * 1.15)
    ax.set_yticks([0, peak] if peak else [0])
    ax.tick_params(axis="y", labelsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    for x in axis.breaks():
        ax.axvspan(x - 0.008, x + 0.008, color="white", zorder=3)
    n = int(sum(bottom))
    note = (f"Coverage: articles published per day, by outlet ({n} in the span drawn"
            + (f", {outside} outside it)" if outside else ")"))
    ax.set_title(note, loc="left", fontsize=9, color="#555555")


def _publication_marks(ax: "Axes", axis: StoryAxis, tl: Timeline, colours: dict[str, str]) -> None:
    """A few articles: each one's publication day shaded and named above the rows."""
    marks = []
    for d in tl.documents:
        if d.dct is None or d.duplicate_of is not None:
            continue
        day0 = d.dct.replace(hour=0, minute=0, second=0, microsecond=0)
        a, b = axis.place(_days(day0)), axis.place(_days(day0) + 1)
        c = colours.get(d.outlet, OTHER)
        ax.axvspan(a, b, color=c, alpha=0.06, zorder=0)
        ax.axvline(a, color=c, linestyle="--", linewidth=1, zorder=1)
        marks.append((a, c, f"{d.outlet} published {day0:%a %-d %b %Y}"
                      + (" (inferred)" if d.dct_source is DctSource.INFERRED else "")))
    for k, (a, c, text) in enumerate(marks):
        ax.text(a + 0.004, -0.9 - 0.55 * (len(marks) - 1 - k) / (ROW / 0.36), text, color=c, fontsize=8.5,
                ha="left", va="center", fontweight="bold", zorder=6)


def _titles(fig: "Figure", tl: Timeline, title: str | None, height: float) -> None:
    from .log import summary

    originals = [d for d in tl.documents if d.duplicate_of is None]
    story = title or (next((d.title for d in originals if d.title), None) if len(originals) <= FEW_ARTICLES else None)
    fig.suptitle(f"Timeline: {story}" if story else "Timeline of the story", fontsize=15, fontweight="bold",
                 x=0.01, ha="left", y=1 - 0.25 / height, va="top")
    fig.text(0.01, 1 - 0.72 / height, summary(tl)[0], fontsize=10, color="#444444", ha="left", va="top")


def figure_bytes(fig: "Figure", fmt: str) -> bytes:
    """Render a figure to PNG/SVG/PDF bytes, deterministically (no dates or versions embedded)."""
    import warnings

    import matplotlib

    matplotlib.rcParams["svg.hashsalt"] = "timeline"
    metadata = {"png": {"Software": None}, "svg": {"Date": None, "Creator": None},
                "pdf": {"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None}}[fmt]
    buf = io.BytesIO()
    with warnings.catch_warnings():  # "Glyph ... missing from font" for emoji or CJK titles:
        warnings.simplefilter("ignore", UserWarning)  # the chart still draws; stderr stays clean
        fig.savefig(buf, format=fmt, metadata=metadata)
    return buf.getvalue()
