"""TimelineDiff -> a matplotlib Figure: A's and B's account of each happening, on one date axis.

One row per happening, in time order. Each row has two lanes: A's time above, B's below, in
the two sources' colours, joined by a line when both report it. A row where B moved the
happening is shaded amber with an arrow from A's time to B's; a conflict is shaded red; a
happening only one source reports has a single bar and says so.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import DiffStatus, Event, TimelineDiff
from .dates import event_date, source_name
from .gantt import _bar, _day_ticks, _rows, _window, figure_bytes  # noqa: F401  (figure_bytes: for the CLI)

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

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
