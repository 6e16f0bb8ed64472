"""The files a timeline becomes: file name -> content for every format asked (nothing is
written here; the CLI writes them atomically)."""
from __future__ import annotations

from typing import Any, Callable, Sequence

from ..model import Timeline
from .export import ExportError

FORMAT_FILES = {"json": "timeline.json", "txt": "timeline.txt", "png": "timeline.png", "svg": "timeline.svg",
                "pdf": "timeline.pdf", "csv": "timeline.csv", "md": "timeline.md", "ics": "timeline.ics",
                "timelinejs": "timeline.timelinejs.json"}


CHARTS = ("png", "svg", "pdf")


def render_outputs(tl: Timeline, fmts: Sequence[str], all_events: bool, title: str | None = None,
                   top: int = 30, meanwhile: Callable[[], object] | None = None) -> dict[str, bytes | str]:
    """File name -> content for every format asked (nothing is written here). `meanwhile`, if
    given, is called once the others are made, while the charts are drawn, in a forked copy of
    this process where one can fork (`syntax.forked`: the same bytes, the same CPU, less wall
    clock); its error, or the drawing's, is raised here."""
    rows = None  # (the log and the chart show the same rows: made once for both)
    if "txt" in fmts and any(f in CHARTS for f in fmts):
        from ..render.rows import story_rows

        rows = story_rows(tl, all_events)
    charts = [f for f in fmts if f in CHARTS]
    if meanwhile is None or not charts:
        out = _render(tl, fmts, all_events, title, top, rows)
        if meanwhile is not None:
            meanwhile()
        return out
    from ..syntax.forked import Forked, can_fork

    if not can_fork():
        out = _render(tl, fmts, all_events, title, top, rows)
        meanwhile()
        return out
    with Forked(_render, tl, charts, all_events, title, top, rows) as drawing:
        out = _render(tl, [f for f in fmts if f not in CHARTS], all_events, title, top, rows)
        meanwhile()
        out.update(drawing.result())
    return {name: out[name] for name in _names(tl, fmts)}  # (in the order asked)


def _names(tl: Timeline, fmts: Sequence[str]) -> list[str]:
    return [name for f in fmts for name in ([f"timeml/{d.id}.tml" for d in tl.documents] if f == "timeml"
                                            else [FORMAT_FILES[f]])]


def _render(tl: Timeline, fmts: Sequence[str], all_events: bool, title: str | None, top: int,
            rows: Any) -> dict[str, bytes | str]:
    out: dict[str, bytes | str] = {}
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
