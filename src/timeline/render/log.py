"""Timeline -> chronological text log: a heading per day, a line per event.

Events are listed under the day their envelope puts them on (or under a heading of their own
when their time is long or open: "2026", "on or before Tue 3 Feb 2026"), headings in time
order, events within a day by rank; events of unknown time come last, under "undated". Each
line gives the event's label, its source and its character offsets in the article, so that a
reader can check it against the text.
"""
from __future__ import annotations

from ..codec import fmt_dct
from ..model import Timeline
from ..order import frame
from .dates import display_groups, reading_order, source_name


def render_log(tl: Timeline, all_events: bool = False) -> str:
    """The log of a timeline (salient events only, unless `all_events`)."""
    docs = {d.id: d for d in tl.documents}
    groups = display_groups(tl, all_events)
    lines: list[str] = []
    titles = ", ".join(f"{source_name(d)} ({fmt_dct(d) or 'undated'})" for d in tl.documents)
    lines.append(f"Timeline of {len(tl.documents)} article{'s' * (len(tl.documents) != 1)}: {titles}")
    current_frame, current_heading = None, None
    for group, heading, detail in reading_order(tl, groups):
        e = group[0]
        fr = frame(e)
        undated = fr == "undated"
        if fr != current_frame:
            current_frame, current_heading = fr, None
            if fr and not undated:
                lines += ["", f"== {source_name(docs[fr])}: undated article, days relative to its "
                              f"publication day D (pass --date to place them on the calendar)"]
            elif undated:
                lines += ["", "== undated (no time found for these events)"]
        if heading != current_heading and not undated:
            current_heading = heading
            lines += ["", heading]
        where = "; ".join(f"{source_name(docs[g.doc])}, {g.doc} @{g.start}-{g.end}" for g in group)
        also = f" (also reported by {len(group) - 1} more source{'s' * (len(group) > 2)})" if len(group) > 1 else ""
        lines.append(f"  {detail:<26} {e.label}{also}  [{where}]".rstrip())
    hidden = len(tl.events) - sum(len(g) for g in groups)
    if hidden:
        lines += ["", f"({hidden} further event mentions (reporting verbs, background, repeated mentions "
                      f"of one happening) are not listed; --all-events lists them)"]
    return "\n".join(lines) + "\n"
