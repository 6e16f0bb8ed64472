"""Timeline -> chronological text log, one line per event."""
from __future__ import annotations

from ..codec import fmt_dct
from ..model import Timeline, Timex
from ..order import frame
from .dates import human_interval, human_relative, source_name


def event_date(e, timexes: dict[tuple[str, str], Timex]) -> str:  # type: ignore[no-untyped-def]
    timex = timexes.get((e.doc, e.timex)) if e.timex else None
    if e.envelope is not None:
        return human_interval(e.envelope, timex)
    return human_relative(e.relative, timex)


def render_log(tl: Timeline, all_events: bool = False) -> str:
    """The events in chronological order, each with its date, label, source and offsets."""
    docs = {d.id: d for d in tl.documents}
    timexes = {(t.doc, t.id): t for t in tl.timexes}
    events = [e for e in tl.events if all_events or e.salient]
    lines: list[str] = []
    titles = ", ".join(f"{source_name(d)} ({fmt_dct(d) or 'undated'})" for d in tl.documents)
    lines.append(f"Timeline of {len(tl.documents)} article{'s' * (len(tl.documents) != 1)}: {titles}")
    current = None
    for e in events:
        f = frame(e)
        if f != current:
            current = f
            if f == "":
                heading = "Dated events"
            elif f == "undated":
                heading = "Undated events"
            else:
                heading = (f"{source_name(docs[f])}: undated, times relative to its publication day D "
                           f"(pass --date to place them on the calendar)")
            lines.append("")
            lines.append(f"== {heading}")
        date = event_date(e, timexes)
        src = source_name(docs[e.doc])
        lines.append(f"{date:<34} {e.label}  [{src}, {e.doc} @{e.start}-{e.end}]")
    hidden = len(tl.events) - len(events)
    if hidden:
        lines.append("")
        lines.append(f"({hidden} further event mentions, such as reporting verbs, are not listed; "
                     f"--all-events lists them)")
    return "\n".join(lines) + "\n"
