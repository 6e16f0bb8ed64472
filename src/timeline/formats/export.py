"""Time expressions as TSV or TimeML (the formats of `timeline extract`); entity timelines in
the SemEval-2015 Task 4 format (`timeline export --format semeval2015`)."""
from __future__ import annotations

import re
from bisect import bisect_right
from datetime import datetime, timedelta
from html import escape
from typing import Sequence

from ..model import fmt_dct
from .codec import fmt_time
from ..model import AnchorKind, Document, Event, Relation, Timeline, Timex

TSV_COLUMNS = ("start", "end", "text", "type", "value", "earliest", "latest")


def _cell(s: str) -> str:
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def timexes_tsv(timexes: Sequence[Timex]) -> str:
    """A header and one row per time expression; `latest` is exclusive, both empty when unresolved."""
    lines = ["\t".join(TSV_COLUMNS)]
    for t in timexes:
        env = t.envelope
        lines.append("\t".join([
            str(t.start), str(t.end), _cell(t.text), t.type.value, t.value,
            (fmt_time(env.start) or "") if env else "", (fmt_time(env.end) or "") if env else "",
        ]))
    return "\n".join(lines) + "\n"


# characters XML 1.0 forbids: each becomes a space, so that offsets into the text still hold
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(s: str) -> str:
    return _XML_FORBIDDEN.sub(" ", escape(s, quote=False))


_TLINK = {Relation.ON: "IS_INCLUDED", Relation.BEFORE: "BEFORE", Relation.AFTER: "AFTER",
          Relation.DURING: "DURING"}


def timeml(doc: Document, timexes: Sequence[Timex], events: Sequence[Event] = ()) -> str:
    """A TempEval-3 style TimeML document: the DCT, TIMEX3 tags (tid, type, value) and, given
    events, EVENT tags (eid, class) in <TEXT>, then a MAKEINSTANCE per event (tense, aspect)
    and a TLINK from each event to the time it hangs on (its timex, or the DCT by tense)."""
    text = doc.text
    parts: list[str] = []
    pos = 0
    tags = [(t.start, t.end, "t", t) for t in timexes] + [(e.start, e.end, "e", e) for e in events]
    for start, end, kind, item in sorted(tags, key=lambda x: (x[0], x[1])):
        if start < pos:
            continue
        parts.append(_xml(text[pos:start]))
        if kind == "t":
            t = item
            attrs = f'tid="{t.id}" type="{t.type.value}" value="{escape(t.value)}"'
            if t.mod:
                attrs += f' mod="{escape(t.mod)}"'
            parts.append(f"<TIMEX3 {attrs}>{_xml(text[start:end])}</TIMEX3>")
        else:
            parts.append(f'<EVENT eid="{item.id}" class="{item.cls}">{_xml(text[start:end])}</EVENT>')
        pos = end
    parts.append(_xml(text[pos:]))
    links = []
    for n, e in enumerate(events, 1):
        tense = {"past": "PAST", "present": "PRESENT", "future": "FUTURE"}.get(e.tense.value, "NONE")
        links.append(f'<MAKEINSTANCE eiid="ei{e.id[1:]}" eventID="{e.id}" tense="{tense}" '
                     f'aspect="{e.aspect}" polarity="POS" pos="UNKNOWN"/>')
    for n, e in enumerate(events, 1):
        target = e.timex if e.timex else ("t0" if doc.dct is not None and e.anchor is AnchorKind.DCT_TENSE else None)
        if target is not None:
            links.append(f'<TLINK lid="l{n}" relType="{_TLINK[e.relation]}" eventInstanceID="ei{e.id[1:]}" '
                         f'relatedToTime="{target}"/>')
    dct = fmt_dct(doc)
    dct_xml = (f'<DCT><TIMEX3 tid="t0" type="{"TIME" if dct and "T" in dct else "DATE"}" value="{dct}" '
               f'temporalFunction="false" functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>\n'
               if dct else "")
    title = f"<TITLE>{_xml(doc.title)}</TITLE>\n" if doc.title else ""
    return ('<?xml version="1.0" ?>\n<TimeML>\n'
            f"<DOCID>{_xml(doc.id)}</DOCID>\n{dct_xml}{title}"
            f"<TEXT>{''.join(parts)}</TEXT>\n" + "".join(link + "\n" for link in links) + "</TimeML>\n")


# ----------------------------------------------------------------------------- SemEval-2015 Task 4

_VALUE_LENGTH = {"day": 10, "month": 7, "year": 4}  # of the ISO date: "2026-02-03", "2026-02", "2026"


def _calendar_value(start: datetime | None, end: datetime | None) -> str | None:
    """The calendar unit [start, end) is exactly, as a TIMEX3 date value: a day, a month, a year."""
    from .tables import precision

    size = _VALUE_LENGTH.get(precision(start, end))
    return start.date().isoformat()[:size] if size and start is not None else None


def anchor_value(event: Event, doc: Document) -> str:
    """The date a SemEval-2015 timeline line carries for the event: the day, month or year its
    envelope is, the day a part of day falls in ("overnight" -> the day it ends), else XXXX-XX-XX."""
    env = event.envelope
    if env is None or event.relation in (Relation.BEFORE, Relation.AFTER):
        if (event.anchor is AnchorKind.DCT_TENSE and event.relation is Relation.BEFORE
                and event.aspect != "PERFECTIVE" and doc.dct is not None):
            # a past happening the report gives no other time: on the day it is reported, as
            # news timelines anchor it (the TimeML reading "IS_INCLUDED in the DCT")
            return doc.dct.date().isoformat()
        return "XXXX-XX-XX"
    exact = _calendar_value(env.start, env.end)
    if exact is not None:
        return exact
    if env.start is not None and env.end is not None and env.end - env.start <= timedelta(days=1):
        last = env.end - timedelta(microseconds=1)
        return last.date().isoformat()
    return "XXXX-XX-XX"


class ExportError(ValueError):
    """The timeline lacks what the format needs."""


def semeval2015(timeline: Timeline, subject: str) -> str:
    """A SemEval-2015 Task 4 entity timeline: the subject's name, then one line per event mention,
    `order<TAB>anchor<TAB>docid-sentid-token`. Sentence ids are the articles' own (TimeML
    `<s id>`); the token is the event word.

    The format's order is that of the anchors: the events of one date share an order number
    (equal order = simultaneous, as the task defines it), dates run chronologically (a year
    before its months, a month before its days), and the events with no date come last,
    together. Finer order within a day is not written: the task scores every pair of different
    order numbers as BEFORE, and an order between two same-day events of two articles is rarely
    known."""
    docs = {d.id: d for d in timeline.documents}
    rows: list[tuple[tuple[int, str], str, str]] = []
    for e in sorted(timeline.events, key=lambda e: (e.rank, e.doc, e.start)):
        doc = docs[e.doc]
        if not doc.sentences:
            raise ExportError(f"{doc.path or doc.id}: the semeval2015 format needs the article's own "
                              f"sentence ids (TimeML <s id=...>), which this article does not have")
        starts = [s for _, s, _ in doc.sentences]
        sid = doc.sentences[max(bisect_right(starts, e.start) - 1, 0)][0]
        token = "_".join(e.text.split())
        anchor = anchor_value(e, doc)
        key = (1, "") if anchor.startswith("X") else (0, anchor)
        rows.append((key, anchor, f"{doc.docid or doc.id}-{sid}-{token}"))
    lines = [" ".join(subject.split())]
    order, last = 0, None
    for key, anchor, mention in sorted(rows, key=lambda r: r[0]):  # stable: timeline order within a date
        if key != last:
            order, last = order + 1, key
        lines.append(f"{order}\t{anchor}\t{mention}")
    return "\n".join(lines) + "\n"
