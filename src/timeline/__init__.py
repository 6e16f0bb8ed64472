"""timeline: turn news articles into timelines.

Public API (imported lazily, so that ``import timeline`` stays cheap)::

    from timeline import read_documents, extract, build_timeline, render_gantt, render_log
    docs = list(read_documents(["seeds/"]))
    tl = build_timeline(docs)
    print(render_log(tl))
    render_gantt(tl).savefig("timeline.png")
    df = to_dataframe(tl)          # pandas, optional extra
"""
from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "read_documents": "timeline.pipeline",
    "parse_document": "timeline.pipeline",
    "extract": "timeline.pipeline",
    "build_timeline": "timeline.pipeline",
    "render_gantt": "timeline.render.gantt",
    "render_log": "timeline.render.log",
    "diff_timelines": "timeline.story.diff:diff",
    "diff_articles": "timeline.pipeline",
    "subject_timeline": "timeline.events.about:about",
    "to_dataframe": "timeline.formats.tables",
    "to_csv": "timeline.formats.tables",
    "to_markdown": "timeline.formats.tables",
    "to_ics": "timeline.formats.tables",
    "to_timelinejs": "timeline.formats.tables",
    "dumps": "timeline.formats.codec",
    "loads": "timeline.formats.codec",
    "Document": "timeline.model",
    "Timex": "timeline.model",
    "Event": "timeline.model",
    "Timeline": "timeline.model",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        import importlib

        module, _, attr = _EXPORTS[name].partition(":")
        return getattr(importlib.import_module(module), attr or name)
    raise AttributeError(f"module 'timeline' has no attribute {name!r}")
