"""The files a timeline becomes: file name -> content for every format asked (nothing is
written here; the CLI writes them atomically)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Sequence

from ..model import Timeline
from .export import ExportError

if TYPE_CHECKING:
    from typing import Callable, Protocol

    class Answer(Protocol):
        def result(self) -> dict[str, bytes]: ...

    class Drawer(Protocol):  # (scale.WarmProcess: the ground and the stages import nothing above them)
        def submit(self, fn: Callable[..., dict[str, bytes]], *args: object) -> Answer: ...


FORMAT_FILES = {"json": "timeline.json", "txt": "timeline.txt", "png": "timeline.png", "svg": "timeline.svg",
                "pdf": "timeline.pdf", "csv": "timeline.csv", "md": "timeline.md", "ics": "timeline.ics",
                "timelinejs": "timeline.timelinejs.json"}


def render_outputs(tl: Timeline, fmts: Sequence[str], all_events: bool, title: str | None = None,
                   top: int = 30, drawer: "Drawer | None" = None) -> dict[str, bytes | str | Iterator[bytes]]:
    """File name -> content for every format asked (nothing is written here). Given a `drawer`
    (a process that has loaded the plotting library, `load_plotting`: a `scale.WarmProcess`),
    the charts are drawn there meanwhile, and their content is an iterator that yields it once drawn
    (`atomic.write_set_atomic` writes such pieces as they come: the JSON and the log first)."""
    out: dict[str, bytes | str] = {}
    rows = None  # (the log and the chart show the same rows: made once for both)
    charts = [f for f in fmts if f in ("png", "svg", "pdf")]
    if "txt" in fmts and charts:
        from ..render.rows import story_rows

        rows = story_rows(tl, all_events)
    drawn = None
    if drawer is not None and charts:
        from ..render.rows import story_rows

        rows = story_rows(tl, all_events) if rows is None else rows
        drawn = _Drawn(drawer, lambda: _charts(tl, charts, all_events, title, top, rows),
                       _chart_only(tl), charts, all_events, title, top, rows)
    for f in fmts:
        if f == "json":
            from .codec import dumps

            out[FORMAT_FILES[f]] = dumps(tl)
        elif f == "txt":
            from ..render.log import render_log

            out[FORMAT_FILES[f]] = render_log(tl, all_events, top, rows)
        elif f in charts:
            if drawn is None:
                out.update(_charts(tl, [f], all_events, title, top, rows))
            else:
                out[FORMAT_FILES[f]] = _when_drawn(drawn, FORMAT_FILES[f])  # type: ignore[assignment]
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


def load_plotting() -> None:
    """What drawing a chart imports (a drawer process loads it before it is asked to draw)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.backends.backend_agg  # noqa: F401
    import matplotlib.figure  # noqa: F401


def _chart_only(tl: Timeline) -> Timeline:
    """What a chart drawn from its rows reads of the timeline: the articles' outlets and days
    (`render.gantt`), not their text, times or events: sent to the drawer, it is small."""
    from dataclasses import replace

    return Timeline(documents=tuple(replace(d, text="") for d in tl.documents), warnings=tl.warnings)


class _Drawn:
    """The charts from the drawer; drawn here if it could not draw them (its process died, or
    ran out of memory): here they are drawn, or fail, as in one process."""

    def __init__(self, drawer: "Drawer", here: "Callable[[], dict[str, bytes]]", *args: object) -> None:
        self._here, self._done = here, None
        try:
            self._answer: "Answer | None" = drawer.submit(_charts, *args)
        except Exception:
            self._answer = None

    def result(self) -> dict[str, bytes]:
        if self._done is None:
            try:
                if self._answer is None:
                    raise LookupError("no drawer")
                self._done = self._answer.result()
            except Exception:
                self._done = self._here()
        return self._done


def _when_drawn(drawn: _Drawn, name: str) -> Iterator[bytes]:
    """The chart `name` once drawn (a file's content in one piece: the writer takes it when it
    comes to it, so what is written before, the JSON and the log, is written meanwhile)."""
    try:
        yield drawn.result()[name]
    except OSError as exc:  # (not the writer's: a file the drawing reads)
        raise RuntimeError(f"drawing the chart failed: {exc}") from exc


def _charts(tl: Timeline, fmts: Sequence[str], all_events: bool, title: str | None, top: int,
            rows: object) -> dict[str, bytes]:
    from ..render.gantt import figure_bytes, render_gantt

    return {FORMAT_FILES[f]: figure_bytes(render_gantt(tl, all_events, title, top, rows), f)  # type: ignore[arg-type]
            for f in fmts}
