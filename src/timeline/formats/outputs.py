"""The files a timeline becomes: file name -> content for every format asked (nothing is
written here; the CLI writes them atomically)."""
from __future__ import annotations

from typing import Sequence

from ..model import Timeline
from .export import ExportError

FORMAT_FILES = {"json": "timeline.json", "txt": "timeline.txt", "png": "timeline.png", "svg": "timeline.svg",
                "pdf": "timeline.pdf", "csv": "timeline.csv", "md": "timeline.md", "ics": "timeline.ics",
                "timelinejs": "timeline.timelinejs.json"}


def render_outputs(tl: Timeline, fmts: Sequence[str], all_events: bool, title: str | None = None,
                   top: int = 30) -> dict[str, bytes | str]:
    """File name -> content for every format asked (nothing is written here)."""
    out: dict[str, bytes | str] = {}
    rows = None  # (the log and the chart show the same rows: made once for both)
    if "txt" in fmts and any(f in ("png", "svg", "pdf") for f in fmts):
        from ..render.rows import story_rows

        rows = story_rows(tl, all_events)
    for f in fmts:
        if f == "json":
            from .codec import dumps

            out[FORMAT_FILES[f]] = dumps(tl)
        elif f == "txt":
            from ..render.log import render_log

            out[FORMAT_FILES[f]] = render_log(tl, all_events, top, rows)
        elif f in ("png", "svg", "pdf"):
            from ..render.gantt import figure_bytes, render_gantt

            out[FORMAT_FILES[f]] = figure_bytes(render_gantt(tl, all_events, title, top, rows), f)
        elif f == "csv":
            from .tables import to_csv

            out[FORMAT_FILES[f]] = to_csv(tl, all_events)
        elif f == "md":
            from .tables import to_markdown

            out[FORMAT_FILES[f]] = to_markdown(tl, all_events)
        elif f == "ics":
            from .tables import to_ics

            out[FORMAT_FILES[f]] = to_ics(tl, all_events)
        elif f == "timelinejs":
            from .tables import to_timelinejs

            out[FORMAT_FILES[f]] = to_timelinejs(tl, all_events, title)
        elif f == "timeml":
            from .export import timeml

            timexes: dict[str, list] = {}  # type: ignore[type-arg]
            events: dict[str, list] = {}  # type: ignore[type-arg]
            for t in tl.timexes:  # (grouped once: a scan per article would be quadratic)
                timexes.setdefault(t.doc, []).append(t)
            for e in tl.events:
                events.setdefault(e.doc, []).append(e)
            for doc in tl.documents:
                if not doc.text:
                    raise ExportError("the timeml format needs the articles' text: use it with "
                                    "`timeline build ARTICLES --format timeml`")
                out[f"timeml/{doc.id}.tml"] = timeml(doc, timexes.get(doc.id, []), events.get(doc.id, []))
    return out
