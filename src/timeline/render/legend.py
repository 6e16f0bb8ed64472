"""The story chart's legend: its outlets with their colours, what the marks mean, and what is drawn."""
from __future__ import annotations

import math
from collections import Counter
from typing import TYPE_CHECKING, Sequence

from matplotlib.patches import Patch

from ..model import Timeline
from .layout import MAX_LEGEND, OTHER
from .rows import Row

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure


def legend_height(colours: dict[str, str]) -> float:
    named = min(len(colours), MAX_LEGEND) + (1 if len(colours) > MAX_LEGEND else 0)
    return 0.9 + 0.25 * math.ceil((named + 6) / 4)


def draw_legend(fig: "Figure", tl: Timeline, colours: dict[str, str], rows: Sequence[Row], drawn: Sequence[Row],
            all_events: bool, height: float, legend_h: float) -> None:
    import textwrap

    from matplotlib.artist import Artist
    from matplotlib.lines import Line2D

    counts = Counter(d.outlet for d in tl.documents if d.duplicate_of is None)
    named = [o for o in sorted(counts, key=lambda o: (-counts[o], o)) if colours.get(o) != OTHER]
    handles: list[Artist] = [Patch(color=colours[o], label=f"{o} ({counts[o]} article{'s' * (counts[o] != 1)})")
                             for o in named]
    others = [o for o in counts if colours.get(o) == OTHER]
    if others:
        n = sum(counts[o] for o in others)
        handles.append(Patch(color=OTHER, label=f"{len(others)} other outlets ({n} articles)"))
    handles += [
        Patch(facecolor="#777777", alpha=0.9, label="time the articles state"),
        Patch(facecolor="#777777", alpha=0.25, edgecolor="#777777", label="uncertainty envelope"),
        Line2D([], [], marker="D", color="#777777", linestyle="none", label="instant (≤ 2 h)"),
        Line2D([], [], marker="<", color="#777777", linestyle="none", label="open, clipped or outside"),
        Line2D([], [], marker="x", color="#777777", linestyle="none", label="dated otherwise by an article"),
        Line2D([], [], color="#888888", linewidth=1.6, label="tie: nothing orders them"),
    ]
    ranked = [r for r in rows if r.rank and r.frame != "undated"]
    if all_events:
        shown = f"{len(drawn)} rows (every event mention)"
    elif len(drawn) < len(ranked):
        shown = (f"The {len(drawn)} happenings that matter most to the story, of {len(ranked)}: ranked by the "
                 f"articles and outlets that report them, in their leads, and how much the coverage refers to "
                 f"their day (`timeline log` lists them all)")
    else:
        shown = f"{len(drawn)} happening{'s' * (len(drawn) != 1)}"
    undated = sum(1 for r in rows if r.frame == "undated")
    note = (f"{shown}. Bold: reported by several outlets. Times resolved against each article's publication date"
            + (f"; {undated} with no time are not drawn." if undated else "."))
    fig.legend(handles=handles, loc="upper center", ncol=4, fontsize=9, frameon=False,
               bbox_to_anchor=(0.5, (legend_h - 0.15) / height))
    fig.text(0.5, 0.25 / height, "\n".join(textwrap.wrap(note, 190)), ha="center", va="bottom", fontsize=9,
             color="#333333")
