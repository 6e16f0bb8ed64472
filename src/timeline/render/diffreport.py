"""TimelineDiff -> a report a person reads: text or Markdown."""
from __future__ import annotations

from datetime import timedelta

from ..model import DiffPair, DiffStatus, Document, Event, TimelineDiff
from .dates import event_date, source_name


def gap_words(gap: timedelta) -> str:
    """ "6 hours later", "1 day earlier" (pendulum's words, in English)."""
    import pendulum

    words = pendulum.duration(seconds=abs(int(gap.total_seconds()))).in_words(locale="en")
    return f"{words} {'later' if gap > timedelta(0) else 'earlier'}"


def _who(docs: tuple[Document, ...]) -> str:
    return ", ".join(f"{source_name(d)} ({d.dct:%-d %b %Y}, {d.dct_source.value})" if d.dct else
                     f"{source_name(d)} (undated)" for d in docs)


def _at(e: Event) -> str:
    return f"{e.doc} @{e.start}-{e.end}"


def _summary(d: TimelineDiff) -> str:
    n = {s: sum(1 for p in d.matched if p.status is s) for s in DiffStatus}
    return (f"{len(d.matched)} happenings both report ({n[DiffStatus.AGREE]} agree, {n[DiffStatus.MOVED]} moved, "
            f"{n[DiffStatus.CONFLICT]} in conflict); {len(d.only_a)} only in A; {len(d.only_b)} only in B")


def render_text(d: TimelineDiff) -> str:
    lines = [f"A: {_who(d.a)}", f"B: {_who(d.b)}", _summary(d)]

    def section(title: str, pairs: list[DiffPair]) -> None:
        if not pairs:
            return
        lines.extend(["", f"== {title} ({len(pairs)})"])
        for p in pairs:
            lines.append(f"- {p.a.label}")
            if p.b.label != p.a.label:
                lines.append(f"  B tells it as: {p.b.label}")
            when_a, when_b = event_date(p.a, None), event_date(p.b, None)
            if p.status is DiffStatus.AGREE:
                lines.append(f"  when: {when_a}" + ("" if when_a == when_b else f" (A) / {when_b} (B)"))
            else:
                lines.append(f"  A: {when_a}")
                lines.append(f"  B: {when_b}" + (f"  -> {gap_words(p.gap)} in B" if p.gap else ""))
            lines.append(f"  match {p.score:.2f}: {'; '.join(p.evidence)}  [A {_at(p.a)}; B {_at(p.b)}]")

    section("Agree on the time", [p for p in d.matched if p.status is DiffStatus.AGREE])
    section("Moved: both report it, at different times", [p for p in d.matched if p.status is DiffStatus.MOVED])
    section("Conflict: times that cannot be reconciled", [p for p in d.matched if p.status is DiffStatus.CONFLICT])
    for title, events in (("Only in A", d.only_a), ("Only in B", d.only_b)):
        if events:
            lines.extend(["", f"== {title} ({len(events)})"])
            lines.extend(f"- {event_date(e, None):<32} {e.label}  [{_at(e)}]" for e in events)
    return "\n".join(lines) + "\n"


def _cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def render_markdown(d: TimelineDiff) -> str:
    lines = ["# Timeline diff", "", f"- **A**: {_cell(_who(d.a))}", f"- **B**: {_cell(_who(d.b))}",
             f"- {_summary(d)}", "", "## Happenings both report", "",
             "| status | A: when | B: when | gap | A: event | B: event | match |", "|---|---|---|---|---|---|---|"]
    for p in d.matched:
        lines.append(f"| {p.status.value} | {_cell(event_date(p.a, None))} | {_cell(event_date(p.b, None))} | "
                     f"{gap_words(p.gap) if p.gap else ''} | {_cell(p.a.label)} | {_cell(p.b.label)} | {p.score:.2f} |")
    for title, events in (("Only in A", d.only_a), ("Only in B", d.only_b)):
        lines += ["", f"## {title}", "", "| when | event | where |", "|---|---|---|"]
        lines += [f"| {_cell(event_date(e, None))} | {_cell(e.label)} | {_at(e)} |" for e in events]
    return "\n".join(lines) + "\n"
